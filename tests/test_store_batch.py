"""Batch: what a run's records become before their transaction, without a thread or a database."""

from __future__ import annotations

import json
import math

import pytest

from mlop_cli import records as rec
from mlop_cli.redact import REDACTED
from mlop_cli.store.batch import Batch, RunStart, RunUpdate


def test_each_record_becomes_the_rows_of_its_table() -> None:
    batch = Batch("r1")
    assert not batch.pending
    batch.add(rec.Event(1.0, "warning", "gpu.idle", "GPU 0 idle", {"gpu": 0}))
    batch.add(rec.Param("lr", 3e-4, "argv"))
    batch.add(rec.Text("notes", 2, 3.0, "hello"))
    batch.add(rec.Histogram("grads", "tensorboard", 5, 4.0, [0.0, 1.0, math.inf], [1.0, math.nan]))
    assert batch.tables["events"] == [
        ("r1", 1.0, "warning", "gpu.idle", "GPU 0 idle", json.dumps({"gpu": 0}))
    ]
    assert batch.tables["params"] == [("r1", "lr", "0.0003", "argv")]
    assert batch.tables["texts"] == [("r1", "notes", 2, 3.0, "hello")]
    # The metric's id is the store's: the key stands in for it; non-finite values are null.
    assert batch.tables["histograms"] == [
        (("tensorboard", "grads"), "r1", 5, 4.0, "[0.0, 1.0, null]", "[1.0, null]")
    ]
    assert batch.has_rows and batch.pending


def test_points_are_counted_and_go_to_their_metric() -> None:
    batch = Batch("r1")
    assert batch.add(rec.Points("loss", "console", [0, 1], [0.0, 1.0], [0.5, 0.4])) == 2
    assert batch.pending and not batch.has_rows
    chunks, summaries = batch.points.rows("r1", lambda key: {("console", "loss"): 9}[key])
    assert [(c[1], c[3]) for c in chunks] == [(9, 2)] and summaries[0][2] == 2
    with pytest.raises(ValueError, match="'loss'"):
        batch.add(rec.Points("loss", "console", [2], [], [1.0]))


def test_secrets_are_scrubbed_from_texts_and_secret_params_redacted() -> None:
    batch = Batch("r1", [b"hunter2-token"])
    batch.add(rec.Event(1.0, "info", "x", "login with hunter2-token failed"))
    batch.add(rec.Param("api_key", "abc", "cli"))
    batch.add(rec.Param("url", "https://u:hunter2-token@host", "argv"))
    batch.add(rec.Text("t", 0, 0.0, "hunter2-token"))
    stored = json.dumps(batch.tables)
    assert "hunter2-token" not in stored
    assert batch.tables["params"][0][2] == json.dumps(REDACTED)


def test_the_run_row_context_and_columns_until_committed() -> None:
    batch = Batch("r1")
    start = RunStart(row={"id": "r1", "meta": json.dumps({"host": "h"})}, tags=["a"])
    batch.add(start)
    batch.add(rec.ContextUpdate({"git": {"commit": "abc"}}))
    batch.add(RunUpdate({"git_branch": "main"}))
    assert batch.run_start is start and batch.meta_dirty
    assert json.loads(batch.meta_json()) == {"host": "h", "git": {"commit": "abc"}}
    assert batch.columns == {"git_branch": "main"}
    batch.committed()
    assert not batch.pending and batch.run_start is None and batch.size == 0
    # The context is kept whole: a later update is merged into it, not over it.
    batch.add(rec.ContextUpdate({"system_summary": {}}))
    assert set(json.loads(batch.meta_json())) == {"host", "git", "system_summary"}


def test_notes_and_discard() -> None:
    batch = Batch("r1")
    batch.note(5.0, "warning", "store.dropped", "3 records", {"records": 3})
    assert batch.tables["events"] == [
        ("r1", 5.0, "warning", "store.dropped", "3 records", '{"records": 3}')
    ]
    batch.add(rec.Points("loss", "console", [0], [0.0], [1.0]))
    batch.add(RunUpdate({"status": "running"}))
    batch.size = 100
    batch.discard()
    assert not batch.pending and batch.size == 0
