"""`mlop tag/untag/rename/rm/gc`: writes to the store, every table, running runs protected."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import time
from pathlib import Path

from mlop_cli.store.edit import RUN_TABLES, StoreEditor
from tests.cli_stores import SlowRun, make_run
from tests.conftest import clean_env, integrity, mlop_argv, query, run_mlop

DAY = 86400.0


def _rows_of(store: Path, run_id: str) -> dict[str, int]:
    return {
        table: query(store, f"SELECT count(*) FROM {table} WHERE {column} = ?", (run_id,))[0][0]
        for table, column in RUN_TABLES
    }


def _full_run(store: Path, name: str, start: float) -> str:
    return make_run(
        store,
        name,
        {"loss": [1.0, 0.5], "only-" + name: [1.0]},
        params={"lr": 0.1},
        histograms={"grad": [([0.0, 1.0], [3.0])]},
        console=b"hello\n",
        tags=["t"],
        start=start,
    ).run_id


def test_tag_untag_rename(store: Path) -> None:
    run_id = _full_run(store, "a", time.time())
    assert run_mlop("tag", "a", "best", "ablation", "best", store=store).returncode == 0
    assert json.loads(run_mlop("show", run_id, "--json", store=store).stdout)["tags"] == [
        "ablation",
        "best",
        "t",
    ]
    untag = run_mlop("untag", "a", "best", "never", store=store)
    assert untag.returncode == 0 and b"no tag never" in untag.stderr
    assert query(store, "SELECT tag FROM tags WHERE run_id = ? ORDER BY tag", (run_id,)) == [
        ("ablation",),
        ("t",),
    ]
    assert run_mlop("rename", "a", "baseline", store=store).returncode == 0
    assert json.loads(run_mlop("show", "baseline", "--json", store=store).stdout)["id"] == run_id
    empty = run_mlop("rename", "baseline", "  ", store=store)
    assert empty.returncode == 2 and b"empty name" in empty.stderr
    assert run_mlop("tag", "nope", "x", store=store).returncode == 2


def test_rm_deletes_every_row_of_the_run_only_and_asks_first(store: Path) -> None:
    keep = _full_run(store, "keep", time.time())
    gone = _full_run(store, "gone", time.time())
    assert all(
        _rows_of(store, gone)[table] for table in ("runs", "point_chunks", "logs", "params", "tags")
    )
    refused = run_mlop("rm", "gone", store=store, input=b"y\n")  # stdin is a pipe, not a terminal
    assert refused.returncode == 2 and b"--yes" in refused.stderr
    assert len(refused.stderr.splitlines()) == 1
    assert _rows_of(store, gone)["runs"] == 1

    # On a terminal it asks; "n" keeps the run.
    answer_no = _in_pty(mlop_argv("rm", "gone", "--store", str(store)), b"n\n")
    assert b"Delete 1 run(s)" in answer_no[1] and answer_no[0] == 1
    assert _rows_of(store, gone)["runs"] == 1
    answer_yes = _in_pty(mlop_argv("rm", "gone", "--store", str(store)), b"y\n")
    assert answer_yes[0] == 0, answer_yes[1]
    assert set(_rows_of(store, gone).values()) == {0}
    assert _rows_of(store, keep)["point_chunks"] == 2 and _rows_of(store, keep)["runs"] == 1
    assert query(store, "SELECT count(*) FROM metrics WHERE name = 'only-gone'") == [(0,)]
    assert query(store, "SELECT count(*) FROM metrics WHERE name = 'loss'") == [(1,)]
    assert integrity(store) == "ok"
    again = run_mlop("rm", "keep", "--yes", "--json", store=store)
    assert json.loads(again.stdout)["runs"][0]["id"] == keep


def _in_pty(argv: list[str], answer: bytes) -> tuple[int, bytes]:
    """Run with stdin on a terminal; type ``answer``; (exit code, everything it printed)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        argv, stdin=terminal, stdout=terminal, stderr=terminal, env=clean_env()
    )
    os.close(terminal)
    output = b""
    sent = False
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        output += chunk
        if not sent and b"[y/N]" in output:
            os.write(controller, answer)
            sent = True
    os.close(controller)
    return process.wait(30), output


def test_rm_refuses_a_running_run_without_force(store: Path, tmp_path: Path) -> None:
    running = SlowRun(store, tmp_path / "work")
    try:
        refused = run_mlop("rm", running.run_id, "--yes", store=store)
        assert refused.returncode == 2 and b"still running" in refused.stderr
        assert _rows_of(store, running.run_id)["runs"] == 1
        # gc never touches it either.
        swept = run_mlop("gc", "--older-than", "0", store=store)
        assert swept.returncode == 0 and _rows_of(store, running.run_id)["runs"] == 1
    finally:
        assert running.stop() == 0
    gone = run_mlop("rm", running.run_id, "--yes", store=store)
    assert gone.returncode == 0, gone.stderr
    assert set(_rows_of(store, running.run_id).values()) == {0}
    assert integrity(store) == "ok"


def test_gc_by_age_and_status_with_dry_run_and_vacuum(store: Path) -> None:
    now = time.time()
    old = _full_run(store, "old", now - 40 * DAY)
    older_failed = _full_run(store, "older", now - 50 * DAY)
    recent = _full_run(store, "recent", now - 1 * DAY)
    with StoreEditor(store) as editor:  # mark one failed, as a run's writer would
        editor.conn.execute("UPDATE runs SET status = 'failed' WHERE id = ?", (older_failed,))

    dry = run_mlop("gc", "--older-than", "30", "--dry-run", store=store)
    assert dry.returncode == 0, dry.stderr
    assert b"would remove 2 run(s)" in dry.stdout
    assert old.encode() in dry.stdout and older_failed.encode() in dry.stdout
    assert recent.encode() not in dry.stdout
    assert _rows_of(store, old)["runs"] == 1

    by_status = json.loads(
        run_mlop("gc", "--older-than", "30", "--status", "failed", "--json", store=store).stdout
    )
    assert [run["id"] for run in by_status["runs"]] == [older_failed]
    assert set(_rows_of(store, older_failed).values()) == {0}

    size_before = store.stat().st_size
    swept = run_mlop("gc", "--older-than", "30", "--vacuum", store=store)
    assert swept.returncode == 0, swept.stderr
    assert old.encode() in swept.stdout and b"vacuumed" in swept.stdout
    assert set(_rows_of(store, old).values()) == {0}
    assert _rows_of(store, recent)["runs"] == 1
    assert store.stat().st_size <= size_before
    assert integrity(store) == "ok"
    nothing = run_mlop("gc", store=store)
    assert nothing.returncode == 2 and b"nothing to do" in nothing.stderr
    bad = run_mlop("gc", "--status", "running", store=store)
    assert bad.returncode == 2


def test_no_run_can_be_named_last(store: Path) -> None:
    """`last` always means the newest run: a run named so could never be reached by name."""
    refused = run_mlop("run", "-q", "--name", "last", "--", "true", store=store)
    assert refused.returncode == 2 and b"cannot be named 'last'" in refused.stderr
    assert not store.exists()  # refused before anything ran
    assert run_mlop("run", "-q", "--name", "first", "--", "true", store=store).returncode == 0
    renamed = run_mlop("rename", "first", " last ", store=store)
    assert renamed.returncode == 2 and b"cannot be named 'last'" in renamed.stderr
    assert query(store, "SELECT name FROM runs") == [("first",)]


def test_rm_leaves_no_row_of_the_run_in_any_table_that_names_runs(store: Path) -> None:
    """Every table with a `run_id` column, read from the store itself (not from the list rm
    uses): a recorded run's console_index row stayed behind."""
    assert (
        run_mlop("run", "-q", "--", "python3", "-c", "print('loss=1')", store=store).returncode == 0
    )
    run_id = query(store, "SELECT id FROM runs")[0][0]
    assert run_mlop("show", run_id, store=store).returncode == 0  # its console indexed
    assert run_mlop("rm", run_id, "--yes", store=store).returncode == 0
    tables = [
        name for (name,) in query(store, "SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    left = {
        table: query(store, f"SELECT count(*) FROM {table} WHERE run_id = ?", (run_id,))[0][0]
        for table in tables
        if table != "deleted_runs"  # the record that it was deleted, for `mlop sync`
        and any(column[1] == "run_id" for column in query(store, f"PRAGMA table_info({table})"))
    }
    assert "console_index" in left and set(left.values()) == {0}, left
