"""A store that cannot be opened safely, or is damaged, is never made worse; the run still runs.

- the `-shm` file deleted under a live run: a second connection would build a second WAL
  index and corrupt the store (4 times in 4 before); every mlop connection refuses instead;
- a damaged store: `mlop run` says so in one line and records into a fresh store beside it,
  leaving the damaged file untouched for recovery;
- a store where no file can live (`/proc`): the warning names the real cause, not a full disk.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import PYTHON, clean_env, integrity, mlop_argv, query
from tests.reliability.harness import WatchedRun, metric_child, points_of


def _wait_for(path: Path, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, "the run ended before its store was opened"
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.02)


def _direct(code: str) -> bytes:
    return subprocess.run([PYTHON, "-c", code], capture_output=True, env=clean_env()).stdout


def test_shm_deleted_under_a_live_run_is_never_opened_again(store: Path) -> None:
    first = WatchedRun(store, PYTHON, "-c", metric_child(2400, rate=300))  # 8 s
    shm = Path(f"{store}-shm")
    _wait_for(shm, first.process)
    shm.unlink()
    try:
        listed = subprocess.run(
            mlop_argv("ls", "--store", str(store)), capture_output=True, env=clean_env()
        )
        assert listed.returncode == 1 and len(listed.stderr.splitlines()) == 1
        message = listed.stderr.decode()
        assert "shared-memory file mlop.db-shm was deleted" in message
        assert str(first.process.pid) in message and "corrupt" in message

        child = metric_child(300)
        second = subprocess.run(
            mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child),
            capture_output=True,
            env=clean_env(),
        )
        assert first.process.poll() is None  # the first run was alive all along
        assert second.returncode == 0 and second.stdout == _direct(child)
        warning = second.stderr.decode().splitlines()
        beside = store.with_name("mlop-2.db")
        assert len(warning) == 1 and f"recorded into {beside}" in warning[0], warning
    finally:
        out, _ = first.communicate()
    assert first.process.returncode == 0 and out.count(b"\n") == 2400
    assert integrity(store) == "ok" and integrity(beside) == "ok"
    assert query(store, "SELECT status FROM runs") == [("finished",)]
    assert query(beside, "SELECT status FROM runs") == [("finished",)]
    assert points_of(store, "loss") == 2400 and points_of(beside, "loss") == 300


def test_shm_replaced_by_another_connection_is_refused(store: Path) -> None:
    first = WatchedRun(store, PYTHON, "-c", metric_child(2400, rate=300))
    shm = Path(f"{store}-shm")
    _wait_for(shm, first.process)
    shm.unlink()
    # A plain sqlite3 client (not mlop) opens the store: it makes a new -shm of its own.
    other = sqlite3.connect(store)
    try:
        other.execute("SELECT count(*) FROM sqlite_master").fetchone()
        assert shm.exists()
        listed = subprocess.run(
            mlop_argv("ls", "--store", str(store)), capture_output=True, env=clean_env()
        )
        assert listed.returncode == 1 and b"mlop.db-shm was replaced" in listed.stderr
        assert str(first.process.pid).encode() in listed.stderr
    finally:
        other.close()
        first.communicate()


def _damage_table(store: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with garbage (its b-tree header included)."""
    page_size = query(store, "PRAGMA page_size")[0][0]
    root = query(store, "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))[0][0]
    with open(store, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def _damaged(store: Path) -> bool:
    try:
        return integrity(store) != "ok"
    except sqlite3.DatabaseError:
        return True


def test_a_damaged_store_is_left_alone_and_the_run_recorded_beside_it(store: Path) -> None:
    for _ in range(2):
        recorded = subprocess.run(
            mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", "print('loss=1')"),
            capture_output=True,
            env=clean_env(),
        )
        assert recorded.returncode == 0, recorded.stderr
    # Fold the WAL into the file (once the runs' console indexers, which may outlive mlop, are
    # done with it), so that the pages damaged below are the store's.
    wal = Path(f"{store}-wal")
    deadline = time.monotonic() + 60
    while wal.exists():
        assert time.monotonic() < deadline, "the store stayed open"
        conn = sqlite3.connect(store)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()  # the last connection to close deletes the WAL
        time.sleep(0.05)
    _damage_table(store, "logs")
    assert _damaged(store)
    before = hashlib.sha256(store.read_bytes()).hexdigest()

    child = metric_child(200)
    result = subprocess.run(
        mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child),
        capture_output=True,
        env=clean_env(),
    )
    assert result.returncode == 0 and result.stdout == _direct(child)
    lines = result.stderr.decode().splitlines()
    beside = store.with_name("mlop-2.db")
    assert len(lines) == 1, lines
    assert f"the store {store} is damaged" in lines[0] and "recover" in lines[0]
    assert f"recorded into {beside}" in lines[0]
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before
    assert integrity(beside) == "ok" and points_of(beside, "loss") == 200
    # The next run goes beside it too, into the same fresh store.
    again = subprocess.run(
        mlop_argv("run", "-q", "--store", str(store), "--", "true"),
        capture_output=True,
        env=clean_env(),
    )
    assert again.returncode == 0 and f"recorded into {beside}" in again.stderr.decode()
    assert query(beside, "SELECT count(*) FROM runs") == [(2,)]
    # Reading the folder (what `mlop ls` does without --store) lists the runs of both.
    listed = subprocess.run(
        mlop_argv("ls", "--json", "--store", str(store.parent)),
        capture_output=True,
        env=clean_env(),
    )
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 4


def test_a_large_store_gets_its_small_tables_checked(store: Path) -> None:
    from mlop_cli.store.health import damage

    subprocess.run(
        mlop_argv("run", "-q", "--store", str(store), "--", "true"), env=clean_env(), check=True
    )
    assert damage(store, full_check_bytes=0) is None
    _damage_table(store, "logs")  # a big table of a big store: left to SQLite to find
    assert damage(store, full_check_bytes=0) is None and damage(store) is not None
    _damage_table(store, "runs")
    assert damage(store, full_check_bytes=0) is not None


def test_a_store_under_proc_is_not_reported_as_a_full_disk(tmp_path: Path) -> None:
    if not Path("/proc/self").exists():
        pytest.skip("no /proc here")
    result = subprocess.run(
        mlop_argv("run", "-q", "--store", "/proc/mlop-test/mlop.db", "--", "echo", "hi"),
        capture_output=True,
        env=clean_env(),
    )
    assert result.returncode == 0 and result.stdout == b"hi\n"
    warning = result.stderr.decode().splitlines()
    assert len(warning) == 1 and "cannot write the store" in warning[0], warning
    assert "proc filesystem" in warning[0] and "full" not in warning[0]
