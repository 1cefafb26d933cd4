"""Sync to PostgreSQL and read back, against a real server started for the session."""

from __future__ import annotations

import json
import math
import shlex
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from mlop_cli import records as rec
from mlop_cli.ids import new_run_id
from mlop_cli.store.pg_sync import BATCH_POINTS
from mlop_cli.store.writer import RunStart, RunUpdate, Writer
from tests.conftest import clean_env, eventually, mlop_argv, query
from tests.pg_server import PASSWORD, PgServer, pg_server_or_skip

psycopg = pytest.importorskip("psycopg", reason="PostgreSQL support not installed: mlop[postgres]")


@pytest.fixture(scope="session")
def server() -> PgServer:
    return pg_server_or_skip()


@pytest.fixture
def url(server: PgServer) -> str:
    """A fresh, empty database for one test."""
    return server.create_database(f"t_{uuid.uuid4().hex[:12]}")


def pg_rows(url: str, sql: str, params: tuple = ()) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql, params).fetchall()


def mlop(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout=300):
    return subprocess.run(
        mlop_argv(*args), env=env or clean_env(), capture_output=True, timeout=timeout, cwd=cwd
    )


def start_run(
    store: Path, name: str = "r", *, network_fs: bool | None = None, **row
) -> tuple[Writer, str]:
    run_id = new_run_id()
    writer = Writer(store, run_id, block_when_full=True, network_fs=network_fs)
    writer.start()
    writer.put(
        RunStart(
            {"id": run_id, "name": name, "status": "running", "started_at": time.time(), **row},
            tags=["a", "b"],
        )
    )
    return writer, run_id


def put_points(writer: Writer, metric: str, start: int, count: int) -> None:
    steps = list(range(start, start + count))
    values = [math.nan if s % 97 == 0 else s * 0.25 for s in steps]
    if start == 0:
        values[1] = math.inf
    writer.put(rec.Points(metric, "console", steps, [1e9 + s for s in steps], values))


def finish(writer: Writer) -> None:
    writer.put(RunUpdate({"status": "finished", "exit_code": 0, "ended_at": time.time()}))
    writer.close(30)


def test_sync_twice_counts_exactly_and_sends_only_what_is_new(tmp_path: Path, url: str) -> None:
    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    put_points(writer, "loss", 0, 1500)  # one full chunk and a partial one
    put_points(writer, "acc", 0, 10)
    writer.put(rec.Param("lr", 0.001, "cli"))
    writer.put(rec.LogChunk(1, time.time(), b"epoch 1\n"))
    writer.put(rec.Event(time.time(), "warning", "x", "careful"))
    writer.put(rec.Text("notes", 0, time.time(), "hello"))
    writer.put(rec.Histogram("w", "tensorboard", 0, time.time(), [0.0, 1.0, 2.0], [3.0, 4.0]))
    assert writer.flush(10)

    first = mlop("sync", "--to", url, "--all", "--store", str(store), "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["points"] == 1510
    counts = "SELECT (SELECT count(*) FROM mlop.points), (SELECT count(*) FROM mlop.logs),"
    counts += " (SELECT count(*) FROM mlop.events), (SELECT count(*) FROM mlop.histograms)"
    assert pg_rows(url, counts) == [(1510, 1, 1, 1)]

    again = mlop("sync", "--to", url, "--all", "--store", str(store))
    assert again.returncode == 0
    assert b"nothing new" in again.stderr
    assert pg_rows(url, counts) == [(1510, 1, 1, 1)]

    # The run goes on: the partial chunk grows, more console; only the new part is sent.
    put_points(writer, "loss", 1500, 1000)
    writer.put(rec.LogChunk(2, time.time(), b"oops\n"))
    finish(writer)
    third = mlop("sync", "--to", url, run_id, "--store", str(store), "--json")
    assert json.loads(third.stdout)["points"] == 1000
    assert pg_rows(url, counts) == [(2510, 2, 1, 1)]
    idx = pg_rows(
        url,
        "SELECT count(DISTINCT idx), min(idx), max(idx) FROM mlop.points p"
        " JOIN mlop.metrics m ON m.id = p.metric_id WHERE m.name = 'loss'",
    )
    assert idx == [(2500, 0, 2499)]
    assert pg_rows(url, "SELECT status FROM mlop.runs") == [("finished",)]


def test_points_read_back_equal_with_nan_and_inf(tmp_path: Path, url: str) -> None:
    from mlop_cli.store.backends import open_store

    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    put_points(writer, "loss", 0, 3000)
    finish(writer)
    assert mlop("sync", "--to", url, "--all", "--store", str(store)).returncode == 0
    local, remote = open_store(store), open_store(url)
    a, b = local.series(run_id, "loss"), remote.series(run_id, "loss")
    assert list(a.steps) == list(b.steps) and list(a.times) == list(b.times)
    assert [repr(v) for v in a.values] == [repr(v) for v in b.values]  # nan, inf kept
    assert local.metric_summaries(run_id) == remote.metric_summaries(run_id)
    for tail in (1, 100, 2500):  # what `mlop watch` reads
        a, b = local.series(run_id, "loss", tail=tail), remote.series(run_id, "loss", tail=tail)
        assert list(a.steps) == list(b.steps) == list(local.series(run_id, "loss").steps)[-tail:]
    local.close()
    remote.close()


def test_show_ls_logs_from_postgres_equal_sqlite(tmp_path: Path, url: str) -> None:
    store = tmp_path / "s" / "mlop.db"
    script = "import sys\nfor i in range(30): print(f'step={i} loss={1/(i+1):.4f}')\n"
    script += "print('warn', file=sys.stderr)\nimport time; time.sleep(0.6)\n"
    run = mlop(
        "run", "--store", str(store), "--param", "lr=0.1", "--tag", "x", "--sample-interval",
        "0.1", "--", sys.executable, "-c", script,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert mlop("sync", "--to", url, "last", "--store", str(store)).returncode == 0
    for args in (("show", "--json"), ("ls", "--json"), ("logs",), ("show",)):
        here = mlop(*args, "--store", str(store))
        there = mlop(*args, "--store", url)
        assert here.returncode == there.returncode == 0, there.stderr
        assert here.stdout == there.stdout, args
        assert here.stderr == there.stderr, args
    document = json.loads(mlop("show", "--json", "--store", url).stdout)
    assert document["params"] == {"lr": 0.1}
    assert document["metrics"]  # system metrics, sampled every 0.1 s


def _big_store(path: Path, points: int) -> str:
    writer, run_id = start_run(path)
    for start in range(0, points, 50_000):
        put_points(writer, "loss", start, 50_000)
    finish(writer)
    return run_id


def test_sync_killed_mid_copy_resumes_without_duplicates(tmp_path: Path, url: str) -> None:
    store = tmp_path / "big.db"
    total = 600_000
    _big_store(store, total)
    env = clean_env(MLOP_SYNC_TO=url)
    process = subprocess.Popen(
        mlop_argv("sync", "--all", "--store", str(store)), env=env, stderr=subprocess.PIPE
    )
    copying = False
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        active = pg_rows(
            url,
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mlop sync'"
            " AND query LIKE 'COPY point_chunks%%' AND state = 'active'",
        )
        if active[0][0]:
            process.send_signal(signal.SIGKILL)
            copying = True
            break
        time.sleep(0.005)
    process.wait()
    assert copying, "the sync ended before it could be killed mid-COPY"
    # The server notices the closed socket and rolls the COPY back: its backend goes.
    eventually(
        lambda: (
            not pg_rows(
                url, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mlop sync'"
            )[0][0]
        ),
        what="the killed sync's backend gone",
    )
    count = pg_rows(url, "SELECT count(*) FROM mlop.points")[0][0]
    assert count < total and count % BATCH_POINTS == 0  # all or nothing per batch

    resumed = mlop("sync", "--all", "--store", str(store), "--json", env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["points"] == total - count
    assert pg_rows(url, "SELECT count(*), count(DISTINCT idx) FROM mlop.points") == [(total, total)]


def test_two_nodes_sync_at_once_then_read_as_one(tmp_path: Path, url: str) -> None:
    folder = tmp_path / ".mlop"
    ids = []
    for node in ("node-a", "node-b"):
        for index in range(2):
            writer, run_id = start_run(folder / f"{node}.db", name=f"{node}-{index}", host=node)
            put_points(writer, "loss", 0, 20_000)
            put_points(writer, f"only-{node}", 0, 100)
            writer.put(rec.LogChunk(1, time.time(), f"{node} {index}\n".encode()))
            finish(writer)
            ids.append(run_id)
    env = clean_env(MLOP_SYNC_TO=url)
    # Both nodes sync at once into a database without a schema yet.
    processes = [
        subprocess.Popen(
            mlop_argv("sync", "--all", "--store", str(folder / f"{node}.db")),
            env=env,
            stderr=subprocess.PIPE,
        )
        for node in ("node-a", "node-b")
    ]
    for process in processes:
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
    assert pg_rows(url, "SELECT count(*) FROM mlop.points") == [(4 * 20_100,)]
    assert pg_rows(url, "SELECT count(*) FROM mlop.metrics") == [(3,)]
    assert pg_rows(url, "SELECT max(version) FROM mlop.schema_version") == [(2,)]
    from_pg = json.loads(mlop("ls", "--json", "--store", url).stdout)
    from_folder = json.loads(mlop("ls", "--json", "--store", str(folder)).stdout)
    assert {r["id"] for r in from_pg} == set(ids)
    assert from_pg == from_folder
    # A run of the folder is shown from whichever file holds it.
    shown = mlop("logs", ids[3], "--store", str(folder))
    assert shown.stdout == b"node-b 1\n"


def test_slurm_job_step_is_one_group_across_nodes_and_restarts(tmp_path: Path, url: str) -> None:
    from mlop_cli.store.backends import open_store, segment_of

    def task(rank: int, restart: int) -> subprocess.Popen:
        env = clean_env(
            SLURM_JOB_ID="4242",
            SLURM_STEP_ID="0",
            SLURM_PROCID=str(rank),
            SLURM_NNODES="4",
            SLURMD_NODENAME=f"node{rank}",
            SLURM_RESTART_COUNT=str(restart),
        )
        argv = mlop_argv("run", "--no-system", "--", sys.executable, "-c", f"print('loss={rank}')")
        return subprocess.Popen(argv, env=env, cwd=tmp_path, stderr=subprocess.PIPE)

    for restart in (0, 1):  # the job is requeued once: a second segment of the same group
        tasks = [task(rank, restart) for rank in range(4)]  # like srun -N 4
        for process in tasks:
            process.communicate(timeout=60)
            assert process.returncode == 0
    stores = list((tmp_path / ".mlop").glob("*.db"))
    assert len(stores) == 1 and stores[0].name != "mlop.db"  # .mlop/<host>.db
    assert mlop("sync", "--to", url, "--all", cwd=tmp_path).returncode == 0
    for spec in (str(tmp_path / ".mlop"), url):
        store = open_store(spec)
        runs = store.runs(group="slurm-4242.0")
        assert len(runs) == 8
        ranks = sorted((segment_of(r), r.context["slurm"]["SLURM_PROCID"]) for r in runs)
        assert ranks == [(s, str(rank)) for s in (0, 1) for rank in range(4)]
        store.close()
    grouped = mlop("ls", cwd=tmp_path)
    assert grouped.stdout.count(b"slurm-4242.0") == 1  # one line for the group
    expanded = mlop("ls", "--runs", cwd=tmp_path)
    assert expanded.stdout.count(b"\n") == 9  # header and eight runs


@pytest.mark.parametrize("problem", ["password", "database", "host"])
def test_connection_problems_are_one_line_without_secrets(
    tmp_path: Path, server: PgServer, problem: str
) -> None:
    store = tmp_path / "mlop.db"
    writer, _ = start_run(store)
    finish(writer)
    bad = {
        "password": server.url(password="wrong-pw-123"),
        "database": server.url("no_such_db"),
        "host": f"postgresql://mlop_admin:{PASSWORD}@127.0.0.1:1/x",
    }[problem]
    for args in (("sync", "--to", bad, "--all", "--store", str(store)), ("ls", "--store", bad)):
        done = mlop(*args)
        assert done.returncode != 0
        lines = done.stderr.decode().splitlines()
        assert len(lines) == 1 and lines[0].startswith("mlop: error:"), lines
        assert "wrong-pw-123" not in lines[0] and PASSWORD not in lines[0]
        assert {"password": "password authentication failed", "database": "does not exist",
                "host": "refused"}[problem] in lines[0]  # fmt: skip


def test_password_from_pgpassword_and_a_url_without_one(tmp_path: Path, server: PgServer) -> None:
    url = server.create_database("t_pgpassword")
    store = tmp_path / "mlop.db"
    writer, _ = start_run(store)
    finish(writer)
    bare = url.replace(f":{PASSWORD}@", "@")
    done = mlop(
        "sync", "--to", bare, "--all", "--store", str(store), env=clean_env(PGPASSWORD=PASSWORD)
    )
    assert done.returncode == 0, done.stderr
    assert pg_rows(url, "SELECT count(*) FROM mlop.runs") == [(1,)]


def local_counts(store: Path) -> tuple[int, int]:
    points = query(store, "SELECT coalesce(sum(count), 0) FROM run_metrics")[0][0]
    return points, query(store, "SELECT coalesce(sum(length(data)), 0) FROM logs")[0][0]


def test_run_sync_to_syncs_in_background_and_keeps_secrets_out(tmp_path: Path, url: str) -> None:
    store = tmp_path / "s" / "mlop.db"
    script = (
        "import time\nfor i in range(10):\n    print(f'line {i}', flush=True); time.sleep(0.05)\n"
    )
    done = mlop("run", "--store", str(store), "--sync-to", url, "--sample-interval", "0.1",
                "--", sys.executable, "-c", script)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert b"run synced to postgresql://mlop_admin:***@" in done.stderr
    # The run closed its record before its sync's last pass: the team store says it is whole.
    assert pg_rows(
        url, "SELECT status, complete FROM mlop.runs JOIN mlop.sync_state ON run_id = id"
    ) == [("finished", True)]
    points, log_bytes = local_counts(store)
    assert points > 0 and log_bytes > 0
    synced = "SELECT (SELECT count(*) FROM mlop.points), (SELECT sum(length(data)) FROM mlop.logs)"
    assert pg_rows(url, synced) == [(points, log_bytes)]
    for path in [
        p for p in store.parent.rglob("*") if p.is_file()
    ]:  # the store, its WAL, the sync log, side files
        assert PASSWORD.encode() not in path.read_bytes(), path
    assert PASSWORD.encode() not in done.stderr + done.stdout


def test_run_with_server_down_finishes_and_sync_catches_up(tmp_path: Path, url: str) -> None:
    store = tmp_path / "mlop.db"
    down = f"postgresql://mlop_admin:{PASSWORD}@127.0.0.1:1/x"
    done = mlop("run", "--store", str(store), "--sample-interval", "0.1", "--", sys.executable,
                "-c", "import time; print('hi'); time.sleep(0.3)",
                env=clean_env(MLOP_SYNC_TO=down))  # fmt: skip
    assert done.returncode == 0
    warnings = [line for line in done.stderr.decode().splitlines() if "sync" in line]
    assert len(warnings) == 1 and "sync to postgresql://mlop_admin:***@" in warnings[0]
    # The catch-up command can be pasted: no mask in it, the password left to libpq.
    command = shlex.split(warnings[0].split("`")[1])
    assert command[:3] == ["mlop", "sync", "--to"] and "***" not in warnings[0].split("`")[1]
    assert command[3] == "postgresql://mlop_admin@127.0.0.1:1/x"
    assert PASSWORD.encode() not in done.stderr
    points, log_bytes = local_counts(store)
    assert points > 0
    later = mlop("sync", "--to", url, "--all", "--store", str(store), "--json")
    assert json.loads(later.stdout)["points"] == points
    assert json.loads(later.stdout)["log_bytes"] == log_bytes


def test_without_psycopg_a_postgres_url_names_the_extra(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from mlop_cli.cli import run_app\n"
        "sys.exit(run_app(['ls', '--store', 'postgresql://u@localhost/db']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=clean_env(), capture_output=True)
    assert done.returncode != 0
    assert b"pip install 'mlop[postgres]'" in done.stderr
    assert done.stderr.count(b"\n") == 1


def test_sync_needs_a_postgres_url_and_runs(tmp_path: Path) -> None:
    store = tmp_path / "mlop.db"
    writer, _ = start_run(store)
    finish(writer)
    env = {k: v for k, v in clean_env().items() if k != "MLOP_SYNC_TO"}
    assert b"--to" in mlop("sync", "--all", "--store", str(store), env=env).stderr
    not_pg = mlop("sync", "--to", "mysql://x", "--all", "--store", str(store), env=env)
    assert not_pg.returncode == 2 and b"not a PostgreSQL URL" in not_pg.stderr
    no_runs = mlop("sync", "--to", "postgresql://x@localhost/db", "--store", str(store), env=env)
    assert no_runs.returncode == 2 and b"--all" in no_runs.stderr


_BLOCKED_PARENT = """
import os, signal, sys, time
from pathlib import Path
from mlop_cli.sync_background import BackgroundSync
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGUSR1})  # as under Slurm
sync = BackgroundSync("postgresql://nobody@127.0.0.1:1/none", Path(sys.argv[1]), "r1", dict(os.environ))
assert sync.start() is None
# Until the child has cleared its mask (it may still be between fork and exec), or a deadline:
# a child that keeps the parent's mask prints it and fails the test, only later.
def blocked():
    status = open(f"/proc/{sync.pid}/status").read()
    return [line for line in status.splitlines() if line.startswith("SigBlk")][0].split()[1]
deadline = time.monotonic() + 60
while int(blocked(), 16) and time.monotonic() < deadline:
    time.sleep(0.05)
print(blocked())
os.killpg(sync.pid, signal.SIGKILL)
"""


def test_the_background_sync_does_not_inherit_blocked_signals(tmp_path: Path) -> None:
    """Under Slurm mlop blocks the signals it takes itself; the sync must still end on SIGTERM."""
    from tests.conftest import run_python

    assert int(run_python(_BLOCKED_PARENT, str(tmp_path / "s.db")).strip(), 16) == 0
