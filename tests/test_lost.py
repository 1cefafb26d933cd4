"""`lost` means the run's mlop process is gone; nothing deletes a run that is still recorded.

On its own host a run is `lost` only when its `mlop run` process (pid and start time) is gone,
whatever its heartbeat says: a run stopped with SIGSTOP or Ctrl-Z, or stalled on a full disk,
is alive. Elsewhere only the heartbeat can tell. `rm` and `gc` keep every run whose process is
alive, and say why in one line.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import time
from pathlib import Path

import psutil

from mlop_cli.store.queries import LOST_AFTER_S, effective_status
from tests.cli_stores import SlowRun, make_run
from tests.conftest import PYTHON, integrity, query, run_mlop

HOUR = 3600.0


def _status(store: Path, run_id: str) -> str:
    rows = json.loads(run_mlop("ls", "--json", "--limit", "0", store=store).stdout)
    return next(row["status"] for row in rows if row["id"] == run_id)


def _write_while_stopped(store: Path, process: subprocess.Popen, sql: str, params: tuple) -> None:
    """Stop ``process`` (SIGSTOP) and run ``sql`` on the store while it stands still.

    A process stopped in the middle of a commit holds the store's write lock: then it is let go
    on and stopped again, until the write goes through.
    """
    deadline = time.monotonic() + 120
    while True:
        os.kill(process.pid, signal.SIGSTOP)
        conn = sqlite3.connect(store, timeout=0.5)
        try:
            conn.execute(sql, params)
            conn.commit()
            return
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            os.kill(process.pid, signal.SIGCONT)
            time.sleep(0.05)
        finally:
            conn.close()


def test_a_stopped_run_is_running_on_its_own_host_whatever_its_heartbeat(
    store: Path, tmp_path: Path
) -> None:
    run = SlowRun(store, tmp_path / "work")
    try:
        # Ctrl-Z (or a full disk) for an hour: the heartbeat is an hour old.
        _write_while_stopped(
            store,
            run.process,
            "UPDATE runs SET heartbeat_at = ? WHERE id = ?",
            (time.time() - HOUR, run.run_id),
        )
        assert _status(store, run.run_id) == "running"
        swept = run_mlop("gc", "--status", "lost", store=store)
        assert swept.returncode == 0 and query(store, "SELECT count(*) FROM runs") == [(1,)]
        refused = run_mlop("rm", run.run_id, "--yes", store=store)
        assert refused.returncode == 2 and len(refused.stderr.splitlines()) == 1
        message = refused.stderr.decode()
        assert "still running" in message and f"process {run.process.pid} is alive" in message
        old = run_mlop("gc", "--older-than", "0", "--json", store=store)
        assert old.returncode == 0 and json.loads(old.stdout)["runs"] == []
        assert json.loads(old.stdout)["kept"][0]["id"] == run.run_id
        assert f"kept {run.run_id}" in old.stderr.decode()
    finally:
        os.kill(run.process.pid, signal.SIGCONT)
        assert run.stop() == 0
    # It went on, and finished into a store that still holds it.
    assert query(store, "SELECT status FROM runs WHERE id = ?", (run.run_id,)) == [("finished",)]
    assert integrity(store) == "ok"


def test_a_run_still_being_written_after_its_status_is_kept(store: Path, tmp_path: Path) -> None:
    """The final status is committed first; the process then writes the rest: no deletion yet."""
    run = SlowRun(store, tmp_path / "work")
    try:
        _write_while_stopped(
            store,
            run.process,
            "UPDATE runs SET status = 'finished', exit_code = 0 WHERE id = ?",
            (run.run_id,),
        )
        os.kill(run.process.pid, signal.SIGCONT)
        swept = run_mlop("gc", "--status", "finished", store=store)
        assert swept.returncode == 0 and b"kept" in swept.stderr
        assert query(store, "SELECT count(*) FROM runs") == [(1,)]
        refused = run_mlop("rm", run.run_id, "--yes", store=store)
        assert refused.returncode == 2 and b"still being written" in refused.stderr
    finally:
        os.kill(run.process.pid, signal.SIGCONT)
        assert run.stop() == 0
    gone = run_mlop("rm", run.run_id, "--yes", store=store)
    assert gone.returncode == 0, gone.stderr
    assert query(store, "SELECT count(*) FROM runs") == [(0,)]


def _elsewhere(store: Path, run_id: str, heartbeat_age: float) -> None:
    conn = sqlite3.connect(store)
    conn.execute(
        "UPDATE runs SET status = 'running', host = 'node-b', pid = 4242, heartbeat_at = ?"
        " WHERE id = ?",
        (time.time() - heartbeat_age, run_id),
    )
    conn.commit()
    conn.close()


def test_a_run_on_another_host_is_lost_only_after_its_heartbeat_times_out(store: Path) -> None:
    run_id = make_run(store, "remote", {"loss": [1.0]}).run_id
    _elsewhere(store, run_id, heartbeat_age=3)
    assert _status(store, run_id) == "running"
    refused = run_mlop("rm", run_id, "--yes", store=store)
    assert refused.returncode == 2 and len(refused.stderr.splitlines()) == 1
    assert b"host node-b" in refused.stderr and b"heartbeat" in refused.stderr
    assert run_mlop("gc", "--status", "lost", store=store).returncode == 0
    assert query(store, "SELECT count(*) FROM runs") == [(1,)]

    _elsewhere(store, run_id, heartbeat_age=LOST_AFTER_S + 60)
    assert _status(store, run_id) == "lost"
    swept = run_mlop("gc", "--status", "lost", store=store)
    assert swept.returncode == 0, swept.stderr
    assert query(store, "SELECT count(*) FROM runs") == [(0,)]


def test_the_process_decides_on_its_own_host() -> None:
    from mlop_cli.store.queries import recording_alive

    me = psutil.Process()
    now = time.time()
    alive = {
        "status": "running",
        "host": "here",
        "pid": me.pid,
        "pid_started_at": me.create_time(),
        "heartbeat_at": now - HOUR,
    }
    assert effective_status(alive, now, host="here") == "running"
    assert "is alive on this host" in (recording_alive(alive, now, host="here") or "")
    # The same pid started at another time is another process: the run's is gone.
    reused = {**alive, "pid_started_at": me.create_time() - HOUR, "heartbeat_at": now}
    assert effective_status(reused, now, host="here") == "lost"
    ended = subprocess.Popen([PYTHON, "-c", "pass"])
    ended.wait()
    dead = {**alive, "pid": ended.pid, "pid_started_at": None, "heartbeat_at": now}
    if not psutil.pid_exists(ended.pid):  # (unless the pid was taken again at once)
        assert effective_status(dead, now, host="here") == "lost"
    # Seen from another host, only the heartbeat counts.
    assert effective_status(alive, now, host="elsewhere") == "lost"
    assert effective_status({**alive, "heartbeat_at": now - 5}, now, host="elsewhere") == "running"
    # An ended run is alive while its process is (the status is written first)...
    assert recording_alive({**alive, "status": "finished"}, now, host="here")
    # ... and an import, with no process, never is.
    imported = {"status": "finished", "host": "here", "pid": None, "heartbeat_at": now}
    assert recording_alive(imported, now, host="here") is None


def _dead_local(store: Path, run_id: str) -> None:
    """Make a run look like one whose mlop process died here without writing its status."""
    ended = subprocess.Popen([PYTHON, "-c", "pass"])
    ended.wait()
    conn = sqlite3.connect(store)
    conn.execute(
        "UPDATE runs SET status = 'running', host = ?, pid = ?, pid_started_at = 1.0 WHERE id = ?",
        (socket.gethostname(), ended.pid, run_id),
    )
    conn.commit()
    conn.close()


def test_a_status_waiting_beside_the_store_is_applied_before_gc_decides(store: Path) -> None:
    """mlop run keeps a final status it could not commit beside the store: the run finished."""
    from mlop_cli.store.recovery import save_pending_status
    from mlop_cli.store.spool import run_files

    run_id = make_run(store, "waiting", {"loss": [1.0]}).run_id
    _dead_local(store, run_id)
    save_pending_status(store, run_id, {"status": "finished", "exit_code": 0}, None)
    swept = run_mlop("gc", "--status", "lost", store=store)
    assert swept.returncode == 0 and query(store, "SELECT status FROM runs") == [("finished",)]
    # Deleted, it leaves nothing beside the store that a reader would bring it back from.
    save_pending_status(store, run_id, {"status": "finished"}, {"id": run_id, "name": "waiting"})
    gone = run_mlop("rm", run_id, "--yes", store=store)
    assert gone.returncode == 0, gone.stderr
    assert not list(run_files(store).glob(f"{run_id}.*"))
    assert json.loads(run_mlop("ls", "--json", store=store).stdout) == []


def test_a_run_whose_console_is_being_indexed_is_kept(store: Path) -> None:
    from mlop_cli.store.console_index import IndexLock

    run_id = make_run(store, "indexing", {"loss": [1.0]}).run_id
    lock = IndexLock(store, run_id)
    assert lock.acquire()
    try:
        refused = run_mlop("rm", run_id, "--yes", store=store)
        assert refused.returncode == 2 and b"being indexed" in refused.stderr
        swept = run_mlop("gc", "--status", "finished", store=store)
        assert swept.returncode == 0 and b"kept" in swept.stderr
        assert query(store, "SELECT count(*) FROM runs") == [(1,)]
    finally:
        lock.release()
    assert run_mlop("rm", run_id, "--yes", store=store).returncode == 0


def test_a_run_kept_beside_a_locked_store_is_the_last_run_for_every_reader(store: Path) -> None:
    """A store locked throughout a short run (a VACUUM, another tool): mlop keeps the run's row
    and final status beside it. Every reader stores them first: the run is listed, finished,
    and is `last` (`mlop check last` passed on the run before it: a false pass in CI)."""
    from mlop_cli.store.recovery import save_pending_status

    make_run(store, "yesterday", {"acc": [0.99]})
    today = "1m99zzzzzzzzzzzzzzzz"
    row = {"id": today, "name": "today", "status": "running", "started_at": time.time() + 60}
    save_pending_status(store, today, {"status": "finished", "exit_code": 0}, row)
    gate = run_mlop("check", "last", "acc >= 0.9", store=store)
    assert gate.returncode == 2 and b"PASS" not in gate.stdout, gate  # (today's: no `acc`)
    listed = json.loads(run_mlop("ls", "--json", "--status", "lost", store=store).stdout)
    assert listed == []
    runs = json.loads(run_mlop("ls", "--json", store=store).stdout)
    assert [(r["name"], r["status"]) for r in runs][0] == ("today", "finished")


def test_one_unreadable_node_store_in_a_folder_is_said_and_left_out(tmp_path: Path) -> None:
    """`--store DIR` of per-node stores: an empty or damaged file (a node that died as it
    created its store) is named on stderr; the other nodes' runs are still read."""
    folder = tmp_path / "stores"
    folder.mkdir()
    make_run(folder / "nodeA.db", "a", {"loss": [1.0]})
    make_run(folder / "nodeB.db", "b", {"loss": [2.0]})
    (folder / "nodeC.db").write_bytes(b"")
    (folder / "nodeD.db").write_bytes(b"not a database at all" * 100)
    listed = run_mlop("ls", "--json", store=folder)
    assert listed.returncode == 0, listed.stderr
    assert sorted(r["name"] for r in json.loads(listed.stdout)) == ["a", "b"]
    said = listed.stderr.decode().splitlines()
    assert len(said) == 2 and "nodeC.db" in said[0] and "nodeD.db" in said[1], said
    assert run_mlop("check", "last", "loss <= 2", store=folder).returncode == 0
