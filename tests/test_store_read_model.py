"""The read model: every backend (one SQLite file, a folder of them, PostgreSQL) hands readers
the same typed values for the same runs, and ``show``/``show --json``/the report start from
one projection of a run."""

from __future__ import annotations

import json
import math
import shutil
import uuid
from pathlib import Path

import pytest

from mlop_cli import records as rec
from mlop_cli.documents import run_document
from mlop_cli.ids import new_run_id
from mlop_cli.store.backends import MultiStore, open_store
from mlop_cli.store.model import (
    Event,
    Histogram,
    MetricKey,
    MetricSummary,
    PointChunk,
    Run,
    RunStore,
    Series,
    TextNote,
    label_summaries,
    read_run,
)
from mlop_cli.store.queries import Store
from mlop_cli.store.writer import RunStart, RunUpdate, Writer
from tests.conftest import clean_env, mlop_argv

T0 = 1_700_000_000.0


def _summary(source: str, name: str, last: float | None = 1.0) -> MetricSummary:
    return MetricSummary(MetricKey(source, name), 3, last, 2, 0.5, 1, 2.0, 0, 1.1, 0)


def test_a_name_two_sources_record_keeps_its_plain_name_for_the_first() -> None:
    labelled = label_summaries(
        [
            _summary("tensorboard", "val_loss"),
            _summary("console", "val_loss"),
            _summary("console", "acc"),
        ]
    )
    assert list(labelled) == ["val_loss", "console:val_loss", "acc"]
    # The key travels with the summary: nobody splits the label again to read the points.
    assert labelled["console:val_loss"].key == MetricKey("console", "val_loss")
    assert labelled["console:val_loss"].name == "val_loss"


def test_a_summary_answers_aggregates_and_its_best() -> None:
    item = _summary("console", "loss", last=None)
    assert item.aggregate("last") is None  # ended on NaN
    assert item.aggregate("count") == 3.0 and item.aggregate("mean") == 1.1
    assert item.best("min") == (0.5, 1) and item.best("max") == (2.0, 0)


def test_a_run_from_its_row_decodes_command_and_context_and_survives_bad_json() -> None:
    row = {
        "id": "r1",
        "name": "n",
        "status": "running",
        "command": '["python", "train.py"]',
        "started_at": T0,
        "heartbeat_at": T0 + 7,
        "meta": '{"slurm": {"SLURM_RESTART_COUNT": "2"}}',
        "a_column_the_model_does_not_know": 1,
    }
    run = Run.from_row(row, "lost")
    assert run.command == ["python", "train.py"] and run.stored_status == "running"
    assert run.segment == 2
    assert run.duration_s() == 7.0  # a lost run lasted until its last heartbeat
    assert Run.from_row({**row, "meta": "{not json"}, "lost").context == {}
    assert Run(id="x", started_at=T0, status="running").duration_s(now=T0 + 3) == 3.0


def test_chunks_of_either_byte_order_decode_to_the_same_points() -> None:
    import struct

    def chunk(order: str, steps: list[int], epochs: list[float] | None) -> PointChunk:
        def pack(code: str, values: list[float] | list[int]) -> bytes:
            return struct.pack(f"{order}{len(values)}{code}", *values)

        values = [s * 0.5 for s in steps]
        return PointChunk(
            pack("q", steps),
            pack("d", [T0 + s for s in steps]),
            pack("d", values),
            None if epochs is None else pack("d", epochs),
        )

    key = MetricKey("console", "loss")
    decoded = []
    for order, big in (("<", False), (">", True)):
        # Only the middle chunk has epochs: the others' points get NaN, not a shifted epoch.
        chunks = [
            chunk(order, [0, 1], None),
            chunk(order, [2, 3], [1.0, 1.5]),
            chunk(order, [4], None),
        ]
        whole = Series.from_chunks(key, chunks, big_endian=big)
        assert list(whole.steps) == [0, 1, 2, 3, 4] and whole.values[4] == 2.0
        assert whole.epochs is not None
        assert [repr(e) for e in whole.epochs] == ["nan", "nan", "1.0", "1.5", "nan"]
        tail = Series.from_chunks(key, chunks, big_endian=big, tail=2)
        assert list(tail.steps) == [3, 4] and list(tail.times) == [T0 + 3, T0 + 4]
        assert tail.epochs is not None and tail.epochs[0] == 1.5
        decoded.append((list(whole.steps), list(whole.times), list(whole.values)))
    assert decoded[0] == decoded[1]
    plain = Series.from_chunks(key, [chunk(">", [0], None)], big_endian=True)
    assert plain.epochs is None and plain.key == key


def test_the_multi_file_store_spells_out_the_protocol() -> None:
    assert "__getattr__" not in vars(MultiStore)
    for method in ("run", "metric_summaries", "metric_keys", "series", "histograms", "logs"):
        assert method in vars(MultiStore), method


# -- every backend returns the same values ----------------------------------------------------


def _record(store: Path, name: str, start: float) -> str:
    """A finished run with what readers read: two sources sharing a name, NaN and infinity,
    a histogram, text, a warning, parameters, tags and console on both streams."""
    run_id = new_run_id()
    writer = Writer(store, run_id, block_when_full=True)
    writer.start()
    writer.put(
        RunStart(
            {
                "id": run_id,
                "name": name,
                "status": "running",
                "started_at": start,
                "command": json.dumps(["python", "train.py", "--lr", "0.1"]),
                "meta": json.dumps({"git": {"commit": "abc", "branch": "main"}, "ci": {}}),
            },
            tags=["b", "a"],
        )
    )
    steps = list(range(1500))  # a full chunk and a partial one
    values = [math.nan if s % 97 == 0 else 1.0 / (s + 1) for s in steps]
    values[1] = math.inf
    times = [start + s for s in steps]
    writer.put(rec.Points("val_loss", "tensorboard", steps, times, values))
    writer.put(rec.Points("val_loss", "console", steps[:10], times[:10], values[:10]))
    writer.put(rec.Points("acc", "console", [0, 1], times[:2], [0.5, 0.75], epochs=[0.0, 1.0]))
    writer.put(rec.Points("sys/cpu_percent", "system", [0], [start], [12.5]))
    writer.put(rec.Param("lr", 0.1, "argv"))
    writer.put(rec.Param("lr", 0.2, "cli"))
    writer.put(rec.LogChunk(1, start, b"step 1 \x1b[31mred\x1b[0m\n"))
    writer.put(rec.LogChunk(2, start + 1, b"oops\n"))
    writer.put(rec.Event(start + 2, "warning", "x.y", "careful", {"n": 1}))
    writer.put(rec.Text("notes", 0, start, "hello"))
    writer.put(rec.Histogram("w", "tensorboard", 0, start, [0.0, 1.0, 2.0], [3.0, 4.0]))
    writer.put(RunUpdate({"status": "finished", "exit_code": 0, "ended_at": start + 60}))
    writer.close(30)
    return run_id


def _everything(store: RunStore, run_ids: list[str]) -> dict[str, object]:
    """What readers ask a backend, as plain values (series as lists, NaN by repr)."""
    read: dict[str, object] = {"runs": store.runs(), "limited": store.runs(limit=1)}
    for run_id in run_ids:
        series = []
        for key in store.metric_keys(run_id):
            points = store.series(run_id, key.name, key.source)
            assert points is not None and points.key == key
            tail = store.series(run_id, key.name, key.source, tail=5)
            assert tail is not None
            series.append(
                (
                    key,
                    list(points.steps),
                    list(points.times),
                    [repr(v) for v in points.values],
                    None if points.epochs is None else [repr(v) for v in points.epochs],
                    list(tail.steps),
                )
            )
        read[run_id] = {
            "run": store.run(run_id),
            "summaries": store.metric_summaries(run_id),
            "keys": store.metric_keys(run_id),
            "series": series,
            "histograms": store.histograms(run_id),
            "texts": store.texts(run_id),
            "events": store.events(run_id),
            "logs": store.logs(run_id),
            "tail": store.console_tail(run_id, 10),
            "document": run_document(read_run(store, run_id)),
            "resolved": store.resolve(run_id[:12]),
        }
    return read


def test_sqlite_and_a_folder_of_stores_return_the_same_values(tmp_path: Path) -> None:
    folder = tmp_path / "nodes"
    folder.mkdir()
    first = _record(folder / "node-a.db", "a", T0)
    second = _record(folder / "node-b.db", "b", T0 + 100)
    single = tmp_path / "one.db"
    shutil.copy(folder / "node-a.db", single)

    one = open_store(single)
    read = _everything(one, [first])
    run = read[first]["run"]  # type: ignore[index]
    assert isinstance(run, Run) and run.status == "finished" and run.tags == ["a", "b"]
    assert run.params == {"lr": 0.2} and run.command[-1] == "0.1"
    assert run.context["git"]["commit"] == "abc"
    summaries = read[first]["summaries"]  # type: ignore[index]
    assert list(summaries) == ["acc", "val_loss", "console:val_loss", "sys/cpu_percent"]
    assert summaries["console:val_loss"].key == MetricKey("console", "val_loss")
    assert summaries["val_loss"].count == 1500 and summaries["val_loss"].nan_count == 16
    assert read[first]["histograms"] == {  # type: ignore[index]
        "w": [Histogram(0, T0, [0.0, 1.0, 2.0], [3.0, 4.0])]
    }
    assert read[first]["texts"] == [TextNote("notes", 0, T0, "hello")]  # type: ignore[index]
    assert read[first]["events"] == [Event(T0 + 2, "warning", "x.y", "careful", {"n": 1})]  # type: ignore[index]
    assert [c.stream for c in read[first]["logs"]] == [1, 2]  # type: ignore[index]

    many = open_store(folder)
    assert isinstance(many, MultiStore)
    both = _everything(many, [first, second])
    assert [r.id for r in both["runs"]] == [second, first]  # type: ignore[attr-defined]
    assert both[first] == read[first]
    assert both["limited"] == [both["runs"][0]]  # type: ignore[index]
    one.close()
    many.close()


def test_postgresql_returns_the_same_values_as_sqlite(tmp_path: Path) -> None:
    pytest.importorskip("psycopg", reason="PostgreSQL support not installed: mlop[postgres]")
    import subprocess

    from tests.pg_server import pg_server_or_skip

    url = pg_server_or_skip().create_database(f"t_{uuid.uuid4().hex[:12]}")
    store = tmp_path / "mlop.db"
    run_ids = [_record(store, "a", T0), _record(store, "b", T0 + 100)]
    synced = subprocess.run(
        mlop_argv("sync", "--to", url, "--all", "--store", str(store)),
        env=clean_env(),
        capture_output=True,
        timeout=300,
    )
    assert synced.returncode == 0, synced.stderr
    local, remote = open_store(store), open_store(url)
    mine, theirs = _everything(local, run_ids), _everything(remote, run_ids)
    assert theirs == mine
    assert theirs[run_ids[0]]["summaries"]["val_loss"].key.source == "tensorboard"  # type: ignore[index]
    local.close()
    remote.close()


def test_show_json_and_the_report_read_one_projection(tmp_path: Path) -> None:
    from mlop_cli.report.from_store import build_model

    store = tmp_path / "mlop.db"
    run_id = _record(store, "a", T0)
    opened = Store(store)
    details = read_run(opened, run_id)
    document = run_document(details)
    model = build_model(opened, [run_id], clock=lambda: T0)
    report = model.runs[0]
    assert report.id == document["id"] == details.run.id
    assert report.params == document["params"] == {"lr": 0.2}
    assert set(report.metrics) == set(document["metrics"]) == set(details.metrics)
    # The second source's series is read by its key, not by splitting its label again.
    assert report.metrics["console:val_loss"].source == "console"
    assert report.metrics["console:val_loss"].summary is not None
    assert report.metrics["console:val_loss"].summary.count == 10
    assert report.duration_s == document["duration_s"] == 60.0
    opened.close()


def test_documents_and_views_do_not_import_each_other() -> None:
    """``documents`` (the JSON) reads the read model alone; the views may render a document."""
    import ast

    import mlop_cli

    source = Path(mlop_cli.__file__).parent / "documents.py"
    imported = {
        node.module or ""
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
    } | {
        alias.name
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not any(name.startswith("mlop_cli.views") for name in imported), imported
