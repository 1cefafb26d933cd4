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

from mlop_cli.store.health import _lost_shared_memory
from tests.conftest import PYTHON, clean_env, integrity, mlop_argv, query
from tests.reliability.harness import WatchedRun, metric_child


def _direct(code: str) -> bytes:
    return subprocess.run([PYTHON, "-c", code], capture_output=True, env=clean_env()).stdout


# Prints how far the store's console index has come (0 while there is none): run in a process
# of its own, since a connection of the test's would hold the store (and its -shm) itself.
INDEXED = """
import sqlite3, sys
try:
    conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    row = conn.execute("SELECT max(log_seq) FROM console_index").fetchone()
    print(row[0] or 0)
except sqlite3.Error:
    print(0)
"""


def _wait_until_indexing(store: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    """Until the run is well under way: stored, and its console indexer connected and working."""
    deadline = time.monotonic() + timeout
    while True:
        probe = subprocess.run([PYTHON, "-c", INDEXED, str(store)], capture_output=True, text=True)
        if int(probe.stdout.strip() or 0) > 0:
            return
        assert process.poll() is None, "the run ended before it was indexed"
        assert time.monotonic() < deadline, "the run's console was never indexed"
        time.sleep(0.05)


def test_shm_deleted_under_a_live_run_is_never_opened_again(store: Path) -> None:
    first = WatchedRun(store, PYTHON, "-c", metric_child(2400, rate=300))  # 8 s
    shm = Path(f"{store}-shm")
    _wait_until_indexing(store, first.process)
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
    # The first run's console indexer may outlive it, on the deleted -shm: a plain sqlite3
    # connection (integrity below) would then do the damage mlop refuses to do. Wait it out.
    deadline = time.monotonic() + 60
    while _lost_shared_memory(store) is not None:
        assert time.monotonic() < deadline, "the store stayed open without its -shm"
        time.sleep(0.05)
    assert integrity(store) == "ok" and integrity(beside) == "ok"
    assert _loss_points(store) == 2400 and _loss_points(beside) == 300


def _loss_points(store: Path) -> int:
    """The newest run's `loss` points, once its console is indexed (`mlop show` sees to it: an
    indexer refused while the store was unsafe leaves it to the next reader)."""
    shown = subprocess.run(
        mlop_argv("show", "last", "--json", "--store", str(store)),
        capture_output=True,
        env=clean_env(),
    )
    assert shown.returncode == 0, shown.stderr
    document = json.loads(shown.stdout)
    assert document["status"] == "finished"
    return document["metrics"]["loss"]["count"]


def test_shm_replaced_by_another_connection_is_refused(store: Path) -> None:
    first = WatchedRun(store, PYTHON, "-c", metric_child(2400, rate=300))
    shm = Path(f"{store}-shm")
    _wait_until_indexing(store, first.process)
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


def test_a_connection_that_made_a_second_shm_is_closed_and_its_shm_dropped(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes open the store at once, and its -shm is deleted between their first
    reads: the second made a new -shm. It must not be kept (the first goes on with the old)."""
    from mlop_cli.store import schema
    from mlop_cli.store.health import UnsafeStoreError

    first = WatchedRun(store, PYTHON, "-c", metric_child(2400, rate=300))
    shm = Path(f"{store}-shm")
    _wait_until_indexing(store, first.process)
    shm.unlink()
    # This process's look before opening saw nothing wrong (it looked just before the delete).
    monkeypatch.setattr(schema, "refuse_if_shared_memory_lost", lambda path: None)
    try:
        with pytest.raises(UnsafeStoreError, match="replaced"):
            schema.connect(store, readonly=True)
        assert not shm.exists()  # the -shm it made is gone again
    finally:
        out, _ = first.communicate()
    assert first.process.returncode == 0 and out.count(b"\n") == 2400
    deadline = time.monotonic() + 60
    while _lost_shared_memory(store) is not None:  # the run's indexer may outlive it
        assert time.monotonic() < deadline, "the store stayed open without its -shm"
        time.sleep(0.05)
    assert integrity(store) == "ok" and _loss_points(store) == 2400


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
    assert integrity(beside) == "ok" and _loss_points(beside) == 200
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


HOLD_OPEN = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA journal_mode=wal")
conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
conn.execute("INSERT INTO t VALUES (1)")
conn.commit()
print("open", flush=True)
sys.stdin.read()
"""

# A process between taking the database's lock and mapping the -shm (opening a connection),
# held there: a niced indexer among busy processes can stay so for seconds.
HALF_OPEN = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, 1, 0x40000000 + 2)
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_process_opening_the_store_slowly_is_no_lost_shm(tmp_path: Path) -> None:
    """Sixteen runs into one store under two CPU burners were refused their store ("the
    store's shared-memory file was replaced while processes ... have it open") by processes
    that were only slow to open it: they map no -shm at all, old or new."""
    from mlop_cli.store.health import UnsafeStoreError, refuse_if_shared_memory_lost

    store = tmp_path / "mlop.db"
    holders = []
    try:
        for code, ready in ((HOLD_OPEN, "open"), (HALF_OPEN, "locked")):
            process = subprocess.Popen(
                [PYTHON, "-c", code, str(store)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            holders.append(process)
            assert process.stdout is not None and process.stdout.readline().strip() == ready
        refuse_if_shared_memory_lost(store, wait=0.3)  # no error: nothing is lost
        # ... while a process that maps a deleted -shm is refused, as before.
        Path(f"{store}-shm").unlink()
        other = sqlite3.connect(store)
        other.execute("SELECT count(*) FROM t").fetchone()  # makes a new -shm
        other.close()
        with pytest.raises(UnsafeStoreError, match="was (replaced|deleted)") as refused:
            refuse_if_shared_memory_lost(store, wait=0.3)
        assert str(holders[0].pid) in str(refused.value)
        assert str(holders[1].pid) not in str(refused.value)
    finally:
        for process in holders:
            process.communicate("")
