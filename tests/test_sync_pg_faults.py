"""The team store under faults: each test here failed before its fix (issue 17).

Passwords in any form, commands given a PostgreSQL store, a server that stalls while the run's
store is on a network filesystem, syncs that interleave, a burst at the end of a run, metric
ids, locks held by a frozen sync, a frozen server, memory, edits and deletions, a store file
replaced during a run. Every test runs against the real server the suite starts.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlop_cli import records as rec
from mlop_cli.store.writer import RunUpdate
from tests.conftest import clean_env, eventually, mlop_argv
from tests.pg_server import PgServer, pg_server_or_skip
from tests.test_sync_pg import finish, mlop, pg_rows, psycopg, put_points, start_run


@pytest.fixture(scope="session")
def server() -> PgServer:
    return pg_server_or_skip()


@pytest.fixture
def url(server: PgServer) -> str:
    """A fresh, empty database for one test."""
    return server.create_database(f"t_{uuid.uuid4().hex[:12]}")


def snapshot(store: Path, copy: Path) -> None:
    """A copy of a store as it is now, WAL included (what a backup of a node would hold)."""
    source, target = sqlite3.connect(store), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


@contextlib.contextmanager
def points_held(target: str) -> Iterator[None]:
    """Hold the points table (SHARE lock) so that a sync's next write to it waits there: a
    sync caught mid-batch on demand, however fast the machine or the batch."""
    with psycopg.connect(target) as holder:
        holder.execute("LOCK TABLE mlop.point_chunks IN SHARE MODE")
        try:
            yield
        finally:
            holder.rollback()


def waiting_on_points(target: str) -> bool:
    """Whether a sync waits, mid-batch, to write to the points table."""
    found = pg_rows(
        target,
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mlop sync'"
        " AND wait_event_type = 'Lock' AND query LIKE '%%point_chunks%%'",
    )
    return bool(found[0][0])


def copying(target: str) -> bool:
    """Whether a sync is in the middle of a COPY of points."""
    found = pg_rows(
        target,
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mlop sync'"
        " AND query LIKE 'COPY point%%' AND state = 'active'",
    )
    return bool(found[0][0])


def hold_the_points_table(tmp_path: Path, url: str) -> psycopg.Connection:
    """A session holding the team store's points table (a small run synced first creates
    it), so that a sync's COPY waits on it: a test then stops the server mid-COPY however
    slowly it gets there on a busy machine (a COPY of 800,000 points takes half a second:
    polling for it, then stopping the server, could miss it). Close it to let the COPY go."""
    small = tmp_path / "small.db"
    big_run(small, 10)
    first = mlop("sync", "--all", "--store", str(small), env=clean_env(MLOP_SYNC_TO=url))
    assert first.returncode == 0, first.stderr
    holder = psycopg.connect(url)
    holder.execute("LOCK TABLE mlop.point_chunks IN SHARE MODE")  # until holder's commit
    return holder


def big_run(store: Path, points: int, *, network_fs: bool | None = None) -> str:
    writer, run_id = start_run(store, network_fs=network_fs)
    for start in range(0, points, 50_000):
        put_points(writer, "loss", start, min(50_000, points - start))
    finish(writer)
    return run_id


# -- 1. passwords ---------------------------------------------------------------------------


@pytest.fixture
def tricky_url(server: PgServer, url: str) -> tuple[str, str]:
    """A role whose password holds raw # ? : ! (libpq takes them as they are), and a URL."""
    password = "Pw#Le:ak?12!3"
    name = f"team_{os.getpid()}_{time.monotonic_ns() % 10**6}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN SUPERUSER PASSWORD '{password}'")
    database = url.rsplit("/", 1)[1]
    return f"postgresql://{name}:{password}@127.0.0.1:{server.port}/{database}", password


def test_a_password_with_reserved_characters_is_never_shown_nor_logged(
    tmp_path: Path, tricky_url: tuple[str, str]
) -> None:
    target, password = tricky_url
    store = tmp_path / "s" / "mlop.db"
    script = "for i in range(5): print(f'step={i} loss={1/(i+1)}')"
    # Outside the repository: its git diff (this very test, uncommitted) would be recorded.
    done = mlop(
        "run", "--store", str(store), "--sync-to", target, "--", sys.executable, "-c", script,
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert b"run synced to postgresql://" in done.stderr
    later = mlop("sync", "--to", target, "--all", "--store", str(store))
    listed = mlop("ls", "--store", target)
    assert later.returncode == listed.returncode == 0, later.stderr + listed.stderr
    shown = done.stdout + done.stderr + later.stderr + listed.stdout + listed.stderr
    for piece in (password, "Le:ak", "ak?12", "12!3"):
        assert piece.encode() not in shown, piece
        for path in store.parent.rglob("*"):  # the store, WAL, sync.log, side files
            if path.is_file():
                assert piece.encode() not in path.read_bytes(), (piece, path)


@pytest.mark.parametrize("password", ["Pw/Le@k-99", "Pw%zz-Leak"])
def test_a_url_libpq_would_misread_is_refused_without_quoting_it(
    tmp_path: Path, server: PgServer, password: str
) -> None:
    bad = f"postgresql://mlop_admin:{password}@127.0.0.1:{server.port}/postgres"
    store = tmp_path / "mlop.db"
    writer, _ = start_run(store)
    finish(writer)
    for args in (("sync", "--to", bad, "--all", "--store", str(store)), ("ls", "--store", bad)):
        done = mlop(*args)
        lines = done.stderr.decode().splitlines()
        assert done.returncode != 0 and len(lines) == 1, lines
        assert "percent-encode" in lines[0]
        for piece in ("Le@k", "Leak", "Pw/", "%zz"):
            assert piece not in lines[0], lines


# -- 2. commands given a PostgreSQL store ----------------------------------------------------


def test_every_command_takes_a_postgres_store_or_refuses_it_in_one_line(
    tmp_path: Path, url: str
) -> None:
    from tests.test_sync_pg import PASSWORD

    local = tmp_path / "local.db"
    writer, run_id = start_run(local)
    put_points(writer, "loss", 0, 10)
    finish(writer)
    assert mlop("sync", "--to", url, "--all", "--store", str(local)).returncode == 0
    work = tmp_path / "cwd"
    work.mkdir()
    (work / "log.txt").write_text("step 1 loss=0.5\n")
    (work / "tb").mkdir()
    refused = [
        ("import", "tb"),
        ("import-log", "log.txt"),
        ("tag", run_id, "x"),
        ("untag", run_id, "a"),
        ("rename", run_id, "new-name"),
        ("run", "--", sys.executable, "-c", "print(1)"),
        ("sync", "--to", url, "--all"),
    ]
    for args in refused:
        for how in ("flag", "env"):
            env = clean_env(MLOP_STORE=url) if how == "env" else None
            argv = (*args[:1], *(("--store", url) if how == "flag" else ()), *args[1:])
            done = mlop(*argv, env=env, cwd=work)
            lines = done.stderr.decode().splitlines()
            assert done.returncode == 2, (argv, lines)
            assert len(lines) == 1 and lines[0].startswith("mlop: error:"), (argv, lines)
            assert PASSWORD not in lines[0], lines
            assert sorted(p.name for p in work.iterdir()) == ["log.txt", "tb"], argv
    # Deleting is the team store's retention: rm and gc work on it.
    dry = mlop("gc", "--store", url, "--status", "finished", "--dry-run", cwd=work)
    assert dry.returncode == 0 and run_id.encode() in dry.stdout, dry.stderr
    gone = mlop("rm", run_id, "--yes", "--store", url, cwd=work)
    assert gone.returncode == 0, gone.stderr
    assert pg_rows(url, "SELECT count(*) FROM mlop.runs") == [(0,)]
    assert pg_rows(url, "SELECT count(*) FROM mlop.point_chunks") == [(0,)]
    assert PASSWORD.encode() not in dry.stdout + dry.stderr + gone.stdout + gone.stderr
    # ...and the node that still has it does not send it again.
    again = mlop("sync", "--to", url, "--all", "--store", str(local), "--json")
    assert json.loads(again.stdout)["skipped"] == 1
    assert pg_rows(url, "SELECT count(*) FROM mlop.runs") == [(0,)]
    assert sorted(p.name for p in work.iterdir()) == ["log.txt", "tb"]


# -- 3. no SQLite lock held during network I/O ---------------------------------------------


def test_a_stalled_server_never_blocks_the_runs_writer_on_a_network_filesystem(
    tmp_path: Path, server: PgServer, url: str
) -> None:
    """The Slurm layout: the store on NFS (rollback journal, where a reader blocks a writer)."""
    store = tmp_path / "nfs.db"
    big_run(store, 800_000, network_fs=True)
    assert sqlite3.connect(store).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    holder = hold_the_points_table(tmp_path, url)  # the COPY waits until it is released
    sync = subprocess.Popen(
        mlop_argv("sync", "--all", "--store", str(store)),
        env=clean_env(MLOP_SYNC_TO=url),
        stderr=subprocess.PIPE,
    )
    try:
        eventually(lambda: copying(url), what="a COPY")
        with server.frozen():  # the sync is mid-COPY: now blocked on the network
            # A run's writer commits meanwhile (busy timeout 2 s): nothing holds the file.
            writer = sqlite3.connect(store, timeout=2.0, isolation_level=None)
            writer.execute("BEGIN IMMEDIATE")
            writer.execute(
                "INSERT INTO events (run_id, time, level, kind, message) VALUES"
                " ('x', 0, 'info', 'test', 'written while the server stalls')"
            )
            writer.execute("COMMIT")
            writer.close()
        holder.close()
        _, err = sync.communicate(timeout=300)
        assert sync.returncode == 0, err
    finally:
        if sync.poll() is None:
            sync.kill()
        holder.close()
    assert pg_rows(url, "SELECT count(*) FROM mlop.points") == [(800_010,)]


# -- 4. the status only moves forward -------------------------------------------------------


def test_a_sync_waiting_for_the_runs_lock_sends_the_state_it_finds_after_it(
    tmp_path: Path, url: str
) -> None:
    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    put_points(writer, "loss", 0, 100)
    assert writer.flush(10)
    assert mlop("sync", "--to", url, run_id, "--store", str(store)).returncode == 0
    holder = psycopg.connect(url, autocommit=True)
    holder.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))", (run_id,))
    sync = subprocess.Popen(
        mlop_argv("sync", run_id, "--store", str(store)),
        env=clean_env(MLOP_SYNC_TO=url),
        stderr=subprocess.PIPE,
    )
    try:
        eventually(
            lambda: pg_rows(
                url,
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
            )[0][0],
            what="the sync waiting for the run's lock",
        )
        finish(writer)  # the run ends while the sync waits
        holder.execute("SELECT pg_advisory_unlock_all()")
        _, err = sync.communicate(timeout=300)
        assert sync.returncode == 0, err
    finally:
        holder.close()
        if sync.poll() is None:
            sync.kill()
    assert pg_rows(url, "SELECT status FROM mlop.runs") == [("finished",)]


def test_an_older_copy_of_a_store_never_takes_a_status_back(tmp_path: Path, url: str) -> None:
    store, copy = tmp_path / "mlop.db", tmp_path / "copy.db"
    writer, run_id = start_run(store)
    put_points(writer, "loss", 0, 100)
    assert writer.flush(10)
    snapshot(store, copy)  # a node's store as it was, read again later
    finish(writer)
    assert mlop("sync", "--to", url, "--all", "--store", str(store)).returncode == 0
    stale = mlop("sync", "--to", url, "--all", "--store", str(copy))
    assert stale.returncode == 0, stale.stderr
    assert pg_rows(url, "SELECT status, exit_code FROM mlop.runs") == [("finished", 0)]


# -- 5. a burst at the end of a run ----------------------------------------------------------


def test_the_final_status_lands_even_when_the_last_batch_is_cut(tmp_path: Path, url: str) -> None:
    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    put_points(writer, "loss", 0, 100)
    assert writer.flush(10)
    assert mlop("sync", "--to", url, run_id, "--store", str(store)).returncode == 0
    assert pg_rows(url, "SELECT status FROM mlop.runs") == [("running",)]
    for start in range(100, 900_100, 50_000):  # a burst, then the end
        put_points(writer, "loss", start, 50_000)
    finish(writer)
    with points_held(url):
        sync = subprocess.Popen(
            mlop_argv("sync", run_id, "--store", str(store)),
            env=clean_env(MLOP_SYNC_TO=url),
            stderr=subprocess.PIPE,
        )
        try:
            eventually(lambda: waiting_on_points(url) or sync.poll() is not None)
            assert sync.poll() is None, sync.communicate()[1]
            sync.kill()  # cut mid-batch, as `mlop run` cuts its sync after 5 s
            sync.wait()
        finally:
            if sync.poll() is None:
                sync.kill()
    assert pg_rows(url, "SELECT status, exit_code FROM mlop.runs") == [("finished", 0)]
    assert pg_rows(url, "SELECT complete FROM mlop.sync_state") == [(False,)]
    rest = mlop("sync", "--to", url, run_id, "--store", str(store), "--json")
    assert json.loads(rest.stdout)["points"] > 0
    assert pg_rows(url, "SELECT count(*), count(DISTINCT idx) FROM mlop.points") == [
        (900_100, 900_100)
    ]


def test_a_run_ending_during_a_long_pass_has_its_status_sent_before_the_rest(
    tmp_path: Path, url: str
) -> None:
    """`mlop run --sync-to`: the watcher's pass began while the run ran, with a backlog; the
    run ends meanwhile. Its final status goes at once, not after the backlog (which the end of
    `mlop run` may cut)."""
    from mlop_cli.store.pg_sync import Syncer

    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    for start in range(0, 800_000, 50_000):
        put_points(writer, "loss", start, 50_000)
    assert writer.flush(60)
    batches = []

    def progress(state) -> None:
        if state.run_points_sent:
            batches.append(state.run_points_sent)
        if len(batches) == 1:
            finish(writer)  # the command exits during the pass
        elif len(batches) == 2:
            raise KeyboardInterrupt  # and mlop run's budget ends it here

    syncer = Syncer(store, url, progress=progress)
    with pytest.raises(KeyboardInterrupt):
        syncer.sync([run_id])
    syncer.close()
    assert pg_rows(url, "SELECT status, exit_code FROM mlop.runs") == [("finished", 0)]
    assert pg_rows(url, "SELECT count(*) FROM mlop.points")[0][0] < 800_000


def test_the_catch_up_command_can_be_pasted(tmp_path: Path) -> None:
    import shlex

    from mlop_cli.sync_background import BackgroundSync

    sync = BackgroundSync(
        "postgresql://me:Pw#1?x@db.lab:5432/mlop?sslmode=require&password=Pw#1?x",
        tmp_path / "my store" / "mlop.db",
        "0123456789abcdefghjk",
        {},
    )
    done, line = sync.finish(0)  # never started: not synced
    assert not done and "***" not in line.split("`")[1] and "Pw#1" not in line
    argv = shlex.split(line.split("`")[1])
    assert argv == [
        "mlop",
        "sync",
        "--to",
        "postgresql://me@db.lab:5432/mlop?sslmode=require",
        "0123456789abcdefghjk",
        "--store",
        str((tmp_path / "my store" / "mlop.db").resolve()),
    ]


# -- 6. metric ids ---------------------------------------------------------------------------


def test_metric_ids_are_64_bit_and_never_consumed_by_a_sync_with_nothing_new(
    tmp_path: Path, url: str
) -> None:
    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    for index in range(20):
        put_points(writer, f"m{index}", 0, 5)
    finish(writer)

    def last_id() -> int:
        return pg_rows(
            url,
            "SELECT coalesce(last_value, 0) FROM pg_sequences WHERE schemaname = 'mlop'"
            " AND sequencename LIKE 'metrics%%'",
        )[0][0]

    assert mlop("sync", "--to", url, "--all", "--store", str(store)).returncode == 0
    first = last_id()
    for _ in range(3):
        assert mlop("sync", "--to", url, "--all", "--store", str(store)).returncode == 0
    assert last_id() == first == 20
    types = pg_rows(
        url,
        "SELECT table_name, data_type FROM information_schema.columns WHERE table_schema ="
        " 'mlop' AND column_name IN ('id', 'metric_id') AND table_name IN ('metrics',"
        " 'run_metrics', 'point_chunks', 'histograms') ORDER BY table_name",
    )
    assert {kind for _, kind in types} == {"bigint"}, types


# -- 7. timeouts -----------------------------------------------------------------------------


def test_a_frozen_sync_holding_a_runs_lock_ends_others_in_one_line(
    tmp_path: Path, url: str
) -> None:
    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    finish(writer)
    holder = psycopg.connect(url)  # a sync frozen mid-transaction, holding the run's lock
    holder.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (run_id,))
    try:
        # The lock is held until the sync has answered: a sync that waited for it would hang
        # past this generous timeout (TimeoutExpired), not pass.
        done = mlop(
            "sync", "--to", url, run_id, "--store", str(store),
            env=clean_env(MLOP_PG_TIMEOUT="2"), timeout=300,
        )  # fmt: skip
    finally:
        holder.close()
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 1 and len(lines) == 1, lines
    assert f"another sync of run {run_id} holds it" in lines[0] and "server pid" in lines[0]


def test_a_server_frozen_mid_sync_is_one_line_and_a_nonzero_exit(
    tmp_path: Path, server: PgServer, url: str
) -> None:
    store = tmp_path / "mlop.db"
    big_run(store, 800_000)
    holder = hold_the_points_table(tmp_path, url)
    sync = subprocess.Popen(
        mlop_argv("sync", "--all", "--store", str(store)),
        # (the server's own lock timeout, 10 s, leaves this test that long to stop it)
        env=clean_env(MLOP_SYNC_TO=url, MLOP_PG_TIMEOUT="10"),
        stderr=subprocess.PIPE,
    )
    try:
        eventually(lambda: copying(url), what="a COPY")
        with server.frozen():
            _, err = sync.communicate(timeout=300)
    finally:
        if sync.poll() is None:
            sync.kill()
        holder.close()
    lines = err.decode().splitlines()
    assert sync.returncode == 1 and len(lines) == 1, lines
    assert "did not answer" in lines[0] and "***" in lines[0]


def test_a_frozen_server_costs_a_run_nothing(tmp_path: Path, server: PgServer, url: str) -> None:
    store = tmp_path / "mlop.db"
    script = "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"
    # The server stays frozen until the run has ended: a run that waited on it would hang past
    # the generous timeout (TimeoutExpired), not pass. How long the last pass may take (its 5 s
    # budget) is the sync's setting, not timed here.
    with server.frozen():
        done = mlop(
            "run", "--store", str(store), "--sync-to", url, "--", sys.executable, "-c", script,
            env=clean_env(MLOP_PG_TIMEOUT="2"), timeout=300,
        )  # fmt: skip
    assert done.returncode == 3 and done.stdout == b"out\n"
    assert b"err\n" in done.stderr
    warnings = [line for line in done.stderr.decode().splitlines() if "sync" in line]
    assert len(warnings) == 1 and "mlop sync --to" in warnings[0], warnings


# -- 8. memory -------------------------------------------------------------------------------

# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forked parent (pytest).
_PEAK = """
import sys
from mlop_cli.cli import run_app
code = run_app(sys.argv[1:])
status = open("/proc/self/status").read().split("VmHWM:")[1]
print(int(status.split()[0]) // 1024)
sys.exit(code)
"""


def test_sync_memory_is_bounded_by_the_batch_not_the_series(tmp_path: Path, url: str) -> None:
    store = tmp_path / "mlop.db"
    big_run(store, 1_500_000)  # one metric: 264 MB for 1M points before
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, "sync", "--to", url, "--all", "--store", str(store)],
        env=clean_env(),
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    peak_mb = int(done.stdout.split()[-1])
    assert peak_mb < 150, f"mlop sync peaked at {peak_mb} MB"
    assert pg_rows(url, "SELECT count(*) FROM mlop.points") == [(1_500_000,)]


# -- 9. edits and deletions ------------------------------------------------------------------


def test_tags_names_and_deletions_reach_the_team_store_and_sync_says_so(
    tmp_path: Path, url: str
) -> None:
    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)  # tags a, b
    put_points(writer, "loss", 0, 10)
    finish(writer)
    copy = tmp_path / "copy.db"
    assert mlop("sync", "--to", url, "--all", "--store", str(store)).returncode == 0
    snapshot(store, copy)
    for args in (("untag", run_id, "a"), ("tag", run_id, "c"), ("rename", run_id, "better")):
        assert mlop(*args, "--store", str(store)).returncode == 0
    edited = mlop("sync", "--to", url, "--all", "--store", str(store), "--json")
    assert pg_rows(url, "SELECT tag FROM mlop.tags ORDER BY tag") == [("b",), ("c",)]
    assert pg_rows(url, "SELECT name FROM mlop.runs") == [("better",)]
    sent = json.loads(edited.stdout)
    assert (sent["updated"], sent["tags_added"], sent["tags_removed"]) == (1, 1, 1), sent
    said = mlop("sync", "--to", url, "--all", "--store", str(store))
    assert b"nothing new" in said.stderr

    assert mlop("rm", run_id, "--yes", "--store", str(store)).returncode == 0
    deleted = mlop("sync", "--to", url, "--all", "--store", str(store), "--json")
    assert json.loads(deleted.stdout)["deleted"] == 1
    for table in ("runs", "point_chunks", "tags", "run_metrics", "logs"):
        assert pg_rows(url, f"SELECT count(*) FROM mlop.{table}") == [(0,)], table
    # A copy of the store that still holds the run does not bring it back.
    resent = mlop("sync", "--to", url, "--all", "--store", str(copy), "--json")
    assert json.loads(resent.stdout)["skipped"] == 1
    assert pg_rows(url, "SELECT count(*) FROM mlop.runs") == [(0,)]


# -- 10. a store replaced during a run ----------------------------------------------------------


def test_a_store_replaced_during_a_run_loses_nothing_it_holds(tmp_path: Path, url: str) -> None:
    from mlop_cli.store.pg_sync import Syncer

    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)

    def write(start: int, count: int) -> None:
        for step in range(start, start + count):
            writer.put(rec.Text("notes", step, time.time(), f"note {step}"))
            writer.put(
                rec.Histogram("w", "tensorboard", step, time.time(), [0.0, 1.0, 2.0], [1.0, 2.0])
            )
            writer.put(rec.Event(time.time(), "info", "x", f"event {step}"))
        put_points(writer, "loss", start * 10, count * 10)
        assert writer.flush(10)

    write(0, 30)
    watcher = Syncer(store, url)  # as `mlop run --sync-to` keeps one open
    watcher.sync([run_id])
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)  # replaced under the run
    write(30, 30)
    writer.put(RunUpdate({"status": "finished", "exit_code": 0, "ended_at": time.time()}))
    writer.close(30)
    watcher.sync([run_id])
    watcher.close()
    later = mlop("sync", "--to", url, "--all", "--store", str(store), "--json")
    assert later.returncode == 0, later.stderr
    assert pg_rows(url, "SELECT count(*) FROM mlop.texts") == [(60,)]
    assert pg_rows(url, "SELECT count(*) FROM mlop.histograms") == [(60,)]
    messages = [m for (m,) in pg_rows(url, "SELECT message FROM mlop.events")]
    assert all(f"event {step}" in messages for step in range(60))
    assert pg_rows(url, "SELECT count(*), max(idx) FROM mlop.points") == [(600, 599)]
    assert pg_rows(url, "SELECT status FROM mlop.runs") == [("finished",)]


def test_a_replaced_store_whose_run_lost_points_says_where(tmp_path: Path, url: str) -> None:
    """Points the old file held and no sync sent are gone: the sync says which, and sends the
    rest where they belong."""
    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    put_points(writer, "loss", 0, 100)
    assert writer.flush(10)
    assert mlop("sync", "--to", url, run_id, "--store", str(store)).returncode == 0
    put_points(writer, "loss", 100, 3000)  # chunks 0-2 full: written, then lost with the file
    assert writer.flush(10)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    put_points(writer, "loss", 3100, 100)
    finish(writer)
    done = mlop("sync", "--to", url, run_id, "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert b"points 100-3,071 of 'loss' are not in" in done.stderr
    assert b"replaced during the run" in done.stderr
    assert pg_rows(
        url, "SELECT min(idx), max(idx), count(*) FROM mlop.points WHERE idx >= 3072"
    ) == [(3072, 3199, 128)]


def test_the_background_sync_ends_when_the_run_closes_its_stdin(tmp_path: Path, url: str) -> None:
    """`mlop run` closes its sync's stdin once the record is complete: one last pass, then the
    sync exits at once, its run marked complete."""
    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    put_points(writer, "loss", 0, 10)
    finish(writer)
    # An interval beyond the test's deadlines: ending by waiting for the next pass would time out.
    argv = mlop_argv("sync", "--watch", "--interval", "3600", run_id, "--store", str(store))
    sync = subprocess.Popen(
        argv,
        env=clean_env(MLOP_SYNC_TO=url, MLOP_SYNC_UNTIL_STDIN_CLOSES="1"),
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        eventually(
            lambda: (
                pg_rows(url, "SELECT count(*) FROM pg_tables WHERE tablename = 'runs'")[0][0]
                and pg_rows(url, "SELECT count(*) FROM mlop.runs")[0][0] == 1
            ),
            what="the run's first pass",
        )
        assert sync.stdin is not None
        sync.stdin.close()
        sync.stdin = None  # closed by hand: communicate() must not flush it
        _, err = sync.communicate(timeout=300)
        assert sync.returncode == 0, err
    finally:
        if sync.poll() is None:
            sync.kill()
    assert pg_rows(url, "SELECT complete FROM mlop.sync_state") == [(True,)]


def test_points_after_the_final_status_are_sent_and_complete_waits_for_the_index(
    tmp_path: Path, url: str
) -> None:
    """Console metrics are derived from the stored console, possibly after `mlop run` exits:
    a final status never means a run is complete; console_index.done does."""
    from mlop_cli.store.pg_sync import Syncer
    from mlop_cli.store.writer import Writer

    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    put_points(writer, "loss", 0, 10)
    finish(writer)
    index = sqlite3.connect(store)
    index.execute(
        "INSERT INTO console_index (run_id, log_seq, done, updated_at) VALUES (?, 0, 0, 0)",
        (run_id,),
    )
    index.commit()
    syncer = Syncer(store, url)
    syncer.closed_runs.add(run_id)  # mlop run has exited
    syncer.sync([run_id])
    state = "SELECT console_done, complete FROM mlop.sync_state"
    assert pg_rows(url, state) == [(False, False)]
    # The indexer derives the console's metrics afterwards, then says it is done.
    late = Writer(store, run_id, block_when_full=True)
    late.start()
    put_points(late, "console_loss", 0, 1500)
    late.close(30)
    index.execute("UPDATE console_index SET done = 1 WHERE run_id = ?", (run_id,))
    index.commit()
    index.close()
    sent = syncer.sync([run_id])
    syncer.close()
    assert sent.points == 1500
    assert pg_rows(url, state) == [(True, True)]
    assert pg_rows(url, "SELECT count(*) FROM mlop.points WHERE metric = 'console_loss'") == [
        (1500,)
    ]


def test_the_interval_of_mlop_runs_sync_can_be_lengthened() -> None:
    from mlop_cli.sync_background import _interval

    assert _interval({"MLOP_SYNC_INTERVAL": "10"}) == 10.0
    assert _interval({"MLOP_SYNC_INTERVAL": "soon"}) == _interval({}) == 1.0
    assert _interval({"MLOP_SYNC_INTERVAL": "0"}) == 1.0


def test_sync_stores_what_mlop_run_left_for_later_before_sending_it(
    tmp_path: Path, url: str
) -> None:
    """A final status mlop run could not commit (the store locked as it ended) waits beside
    the store; console metrics whose indexer was killed wait in the stored console. `mlop
    sync` stores both first, as every reader does, so the team store gets the whole run."""
    from mlop_cli.store.recovery import save_pending_status

    store = tmp_path / "s" / "mlop.db"
    script = "for i in range(20): print(f'step={i} loss={1/(i+1):.4f}')"
    done = mlop(
        "run", "--store", str(store), "--no-system", "--", sys.executable, "-c", script,
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    run_id = query_one(store, "SELECT id FROM runs")
    local = sqlite3.connect(store)
    local.execute("UPDATE runs SET status = 'running', exit_code = NULL WHERE id = ?", (run_id,))
    local.execute("UPDATE console_index SET done = 0, log_seq = 0 WHERE run_id = ?", (run_id,))
    local.execute(
        "DELETE FROM point_chunks WHERE metric_id IN (SELECT id FROM metrics WHERE name = 'loss')"
    )
    local.execute(
        "DELETE FROM run_metrics WHERE metric_id IN (SELECT id FROM metrics WHERE name = 'loss')"
    )
    local.commit()
    local.close()
    save_pending_status(
        store, run_id, {"status": "finished", "exit_code": 0, "ended_at": time.time()}, None
    )
    synced = mlop("sync", "--to", url, "--all", "--store", str(store), "--json")
    assert synced.returncode == 0, synced.stderr
    assert pg_rows(url, "SELECT status, exit_code FROM mlop.runs") == [("finished", 0)]
    assert pg_rows(url, "SELECT count(*) FROM mlop.points WHERE metric = 'loss'") == [(20,)]
    assert pg_rows(url, "SELECT console_done FROM mlop.sync_state") == [(True,)]


def query_one(store: Path, sql: str) -> object:
    conn = sqlite3.connect(store)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_a_run_whose_metrics_are_indexed_after_it_is_never_synced_as_complete_without_them(
    tmp_path: Path, url: str
) -> None:
    """50,000 printed lines: their metrics are derived by the indexer, mostly after mlop has
    exited. The run's last sync pass must not mark the run complete in the team store without
    them (it did, saying `run synced`: a team store missing every printed metric); it says what
    sends them, and `mlop sync` does."""
    store = tmp_path / "mlop.db"
    script = "for i in range(50000): print(f'step={i} loss={i}')"
    done = mlop(
        "run", "--store", str(store), "--sync-to", url, "--", sys.executable, "-c", script,
        env=clean_env(), timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stderr.decode().splitlines() if "sync" in line]
    complete = pg_rows(url, "SELECT complete FROM mlop.sync_state")
    points = pg_rows(
        url,
        "SELECT count(*) FROM mlop.points p JOIN mlop.metrics m ON m.id = p.metric_id"
        " WHERE m.name = 'loss'",
    )
    if complete != [(True,)] or points != [(50000,)]:
        assert complete == [(False,)] and len(said) == 1 and "mlop sync" in said[0], said
        eventually(
            lambda: (
                mlop("sync", "--to", url, "--all", "--store", str(store)).returncode == 0
                and pg_rows(url, "SELECT complete FROM mlop.sync_state") == [(True,)]
            ),
            what="the rest synced",
        )
    assert pg_rows(
        url,
        "SELECT count(*) FROM mlop.points p JOIN mlop.metrics m ON m.id = p.metric_id"
        " WHERE m.name = 'loss'",
    ) == [(50000,)]
