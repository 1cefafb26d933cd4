"""The team store's layout: packed points, the view of rows, what a running run rewrites,
migration of a schema-1 store, many syncs at once, and progress on a terminal."""

from __future__ import annotations

import json
import math
import os
import pty
import select
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from mlop_cli import records as rec
from mlop_cli.store.writer import RunUpdate
from tests.conftest import clean_env, mlop_argv
from tests.pg_server import PgServer, pg_server_or_skip
from tests.test_sync_pg import finish, mlop, pg_rows, psycopg, put_points, start_run


@pytest.fixture(scope="session")
def server() -> PgServer:
    return pg_server_or_skip()


@pytest.fixture
def url(server: PgServer) -> str:
    """A fresh, empty database for one test."""
    return server.create_database(f"t_{uuid.uuid4().hex[:12]}")


def put_epochs(writer, metric: str, start: int, count: int) -> None:
    steps = list(range(start, start + count))
    epochs = [s / 100 if s % 3 else math.nan for s in steps]
    writer.put(
        rec.Points(metric, "console", steps, [1e9 + s for s in steps], [s * 0.5 for s in steps],
                   epochs=epochs)
    )  # fmt: skip


def test_points_take_at_most_40_bytes_each_with_indexes(tmp_path: Path, url: str) -> None:
    store = tmp_path / "mlop.db"
    writer, _ = start_run(store)
    for metric in ("loss", "acc", "lr", "grad_norm"):
        for start in range(0, 100_000, 25_000):
            put_points(writer, metric, start, 25_000)
    finish(writer)
    assert mlop("sync", "--to", url, "--all", "--store", str(store)).returncode == 0
    size = pg_rows(
        url,
        "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
        " ON n.oid = c.relnamespace WHERE n.nspname = 'mlop' AND c.relkind = 'r'"
        " AND c.relname IN ('points', 'point_chunks')",
    )[0][0]
    assert size / 400_000 <= 40, f"{size / 400_000:.1f} bytes per point"


def test_the_view_unnests_chunks_into_rows_with_their_epochs(tmp_path: Path, url: str) -> None:
    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    put_epochs(writer, "loss", 0, 2500)
    put_points(writer, "acc", 0, 10)  # no epochs at all
    odd = [math.nan, math.inf, -math.inf, -0.0, 5e-324, -2.5e-310, 1.7976931348623157e308, 0.1]
    big_steps = [-(2**63), 2**63 - 1, 0, -1, 2**53 + 1, 7, 8, 9]
    writer.put(rec.Points("odd", "console", big_steps, [1e9] * 8, odd))
    finish(writer)
    assert mlop("sync", "--to", url, "--all", "--store", str(store)).returncode == 0
    rows = pg_rows(
        url,
        "SELECT run_id, metric, source, idx, step, time, value, epoch FROM mlop.points"
        " WHERE metric = 'loss' ORDER BY idx",
    )
    assert len(rows) == 2500
    for index, (run, metric, source, idx, step, when, value, epoch) in enumerate(rows):
        assert (run, metric, source, idx, step) == (run_id, "loss", "console", index, index)
        assert when == 1e9 + index and value == index * 0.5
        assert (epoch == index / 100) if index % 3 else epoch is None  # none said
    assert pg_rows(url, "SELECT count(*), count(epoch) FROM mlop.points WHERE metric = 'acc'") == [
        (10, 0)
    ]
    # Every float and every 64-bit step comes back exactly, from the view and from the
    # functions that unpack a whole chunk.
    found = pg_rows(url, "SELECT step, value FROM mlop.points WHERE metric = 'odd' ORDER BY idx")
    assert [s for s, _ in found] == big_steps
    assert [repr(v) for _, v in found] == [repr(v) for v in odd]
    chunk = pg_rows(
        url,
        "SELECT mlop.int8s(steps), mlop.float8s(vals) FROM mlop.point_chunks c"
        " JOIN mlop.metrics m ON m.id = c.metric_id WHERE m.name = 'odd'",
    )
    assert chunk[0][0] == big_steps and [repr(v) for v in chunk[0][1]] == [repr(v) for v in odd]


def test_readers_get_what_sqlite_gives_while_a_run_grows(tmp_path: Path, url: str) -> None:
    """A running run's open chunk goes in pieces, merged once full or ended: readers never see
    the seams, whole or tail, epochs included."""
    from mlop_cli.store.backends import open_store
    from mlop_cli.store.pg_sync import Syncer

    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    assert writer.flush(10)
    syncer = Syncer(store, url)
    start = 0
    for count in (100, 300, 1, 700, 2000, 5):
        put_epochs(writer, "loss", start, count)
        start += count
        assert writer.flush(10)
        syncer.sync([run_id])
        local, remote = open_store(store), open_store(url)
        for tail in (None, 1, 50, 1500):
            a = local.series(run_id, "loss", "console", tail=tail)
            b = remote.series(run_id, "loss", "console", tail=tail)
            assert a is not None and b is not None
            assert a.epochs is not None and b.epochs is not None
            assert list(a.steps) == list(b.steps) and list(a.values) == list(b.values), tail
            assert [repr(e) for e in a.epochs] == [repr(e) for e in b.epochs]
        local.close()
        remote.close()
    writer.put(RunUpdate({"status": "finished", "exit_code": 0, "ended_at": time.time()}))
    writer.close(30)
    syncer.closed_runs.add(run_id)
    syncer.sync([run_id])
    syncer.close()
    # Ended: one row per chunk, as in SQLite.
    assert pg_rows(url, "SELECT first, n FROM mlop.point_chunks ORDER BY first") == [
        (0, 1024),
        (1024, 1024),
        (2048, 1024),
        (3072, 34),
    ]


def test_a_running_run_rewrites_only_what_changed(tmp_path: Path, url: str) -> None:
    """What `mlop run --sync-to` costs the server each interval: at most one run-row update
    and the summaries that changed, never the marks of every series."""
    from mlop_cli.store.pg_sync import Syncer

    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    for index in range(50):
        put_points(writer, f"m{index}", 0, 10)
    assert writer.flush(10)
    syncer = Syncer(store, url)  # the watcher keeps its syncer from pass to pass
    syncer.sync([run_id])
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE public.audit (tbl text, op text)")
        conn.execute(
            "CREATE FUNCTION public.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " INSERT INTO public.audit VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$"
        )
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'mlop'"
            ).fetchall()
        ]
        for table in tables:
            conn.execute(
                f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON mlop.{table}"
                " FOR EACH ROW EXECUTE FUNCTION public.audit()"
            )
    put_points(writer, "m7", 10, 5)  # one metric moves
    assert writer.flush(10)
    syncer.sync([run_id])
    syncer.sync([run_id])  # and a pass with nothing new
    syncer.close()
    done = pg_rows(url, "SELECT tbl, op, count(*) FROM public.audit GROUP BY 1, 2 ORDER BY 1, 2")
    counts = {(table, op): count for table, op, count in done}
    assert counts.get(("runs", "UPDATE"), 0) <= 2, done  # one per pass at most
    assert counts.get(("run_metrics", "UPDATE"), 0) == 1, done
    assert counts.get(("point_chunks", "INSERT"), 0) == 1, done  # the 5 new points, one row
    assert set(counts) <= {
        ("runs", "UPDATE"),
        ("run_metrics", "UPDATE"),
        ("point_chunks", "INSERT"),
    }, done
    writer.close(10)


def test_a_team_store_of_schema_1_migrates_and_resumes_where_it_was(
    tmp_path: Path, url: str
) -> None:
    """A store written by the previous mlop (one row per point, marks per stream)."""
    import sqlite3

    from mlop_cli.store import pg

    store = tmp_path / "mlop.db"
    writer, run_id = start_run(store)
    put_points(writer, "loss", 0, 2500)
    put_points(writer, "acc", 0, 10)
    writer.put(rec.Text("notes", 0, time.time(), "hello"))
    writer.put(rec.Event(time.time(), "info", "x", "first"))
    writer.put(rec.LogChunk(1, time.time(), b"epoch 1\n"))
    finish(writer)
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        number, name, statements = pg.MIGRATIONS[0]
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO mlop.schema_version VALUES (%s, %s)", (number, name))
    local = sqlite3.connect(store)
    row = dict(
        zip(
            [d[0] for d in local.execute("SELECT * FROM runs").description],
            local.execute("SELECT * FROM runs").fetchone(),
            strict=True,
        )
    )
    row["status"] = "running"  # synced while it ran
    loss = local.execute("SELECT id FROM metrics WHERE name = 'loss'").fetchone()[0]
    text_id = local.execute("SELECT rowid FROM texts").fetchone()[0]
    event_id = local.execute("SELECT id FROM events").fetchone()[0]
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("%s" for _ in row)
        conn.execute(f"INSERT INTO mlop.runs ({columns}) VALUES ({marks})", list(row.values()))
        conn.execute("INSERT INTO mlop.metrics (id, name, source) VALUES (7, 'loss', 'console')")
        conn.execute(
            "INSERT INTO mlop.run_metrics (run_id, metric_id, count, nan_count) VALUES"
            " (%s, 7, 2000, 21)",
            (run_id,),
        )
        conn.execute(
            "INSERT INTO mlop.points SELECT %s, 7, i, i, 1e9 + i,"
            " CASE WHEN i %% 97 = 0 THEN 'NaN'::float8 WHEN i = 1 THEN 'Infinity' ELSE i * 0.25"
            " END FROM generate_series(0, 1999) i",
            (run_id,),
        )
        conn.execute(
            "INSERT INTO mlop.texts VALUES (%s, %s, 'notes', 0, 0, 'hello')", (run_id, text_id)
        )
        conn.execute(
            "INSERT INTO mlop.events VALUES (%s, %s, 0, 'info', 'x', 'first', NULL)",
            (run_id, event_id),
        )
        conn.cursor().executemany(
            "INSERT INTO mlop.sync_state (run_id, stream, mark) VALUES (%s, %s, %s)",
            [(run_id, "points/7", 2000), (run_id, "texts", text_id), (run_id, "events", event_id)],
        )
    assert loss
    # Readers of this version read it as it is, before any sync migrates it.
    shown = json.loads(mlop("show", run_id, "--json", "--store", url).stdout)
    assert shown["status"] == "running"
    exported = mlop("export", run_id, "--metric", "loss", "--store", url)
    assert exported.returncode == 0 and exported.stdout.count(b"\n") == 2001, exported.stderr
    done = mlop("sync", "--to", url, "--all", "--store", str(store), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["points"] == 510  # the rest of loss, and acc
    assert pg_rows(url, "SELECT max(version) FROM mlop.schema_version") == [(2,)]
    assert pg_rows(url, "SELECT status FROM mlop.runs") == [("finished",)]
    counts = "SELECT (SELECT count(*) FROM mlop.texts), (SELECT count(*) FROM mlop.events)"
    assert pg_rows(url, counts) == [(1, 1)]
    from mlop_cli.store.backends import open_store

    a, b = open_store(store), open_store(url)
    mine, theirs = a.series(run_id, "loss"), b.series(run_id, "loss")
    assert mine is not None and theirs is not None
    assert list(mine.steps) == list(theirs.steps)
    assert [repr(v) for v in mine.values] == [repr(v) for v in theirs.values]
    a.close()
    b.close()
    assert pg_rows(url, "SELECT data_type FROM information_schema.columns WHERE table_schema"
                   " = 'mlop' AND table_name = 'metrics' AND column_name = 'id'") == [("bigint",)]  # fmt: skip


def test_eight_nodes_sync_at_once_and_one_run_twice(tmp_path: Path, url: str) -> None:
    stores = []
    for node in range(8):
        store = tmp_path / f"node{node}.db"
        writer, _ = start_run(store, name=f"node{node}", host=f"node{node}")
        put_points(writer, "loss", 0, 60_000)
        put_points(writer, f"only{node}", 0, 100)
        writer.put(rec.LogChunk(1, time.time(), f"node {node}\n".encode()))
        finish(writer)
        stores.append(store)
    env = clean_env(MLOP_SYNC_TO=url)
    # Into a database without a schema yet; node 0 is synced by two processes at once.
    processes = [
        subprocess.Popen(
            mlop_argv("sync", "--all", "--store", str(store)), env=env, stderr=subprocess.PIPE
        )
        for store in [*stores, stores[0]]
    ]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    assert pg_rows(
        url, "SELECT count(*), count(DISTINCT (run_id, metric, idx)) FROM mlop.points"
    ) == [(8 * 60_100, 8 * 60_100)]
    assert pg_rows(url, "SELECT count(*) FROM mlop.metrics") == [(9,)]
    assert pg_rows(url, "SELECT count(*) FROM mlop.runs") == [(8,)]
    assert pg_rows(url, "SELECT count(*) FROM mlop.logs") == [(8,)]


def test_sync_shows_progress_on_a_terminal_and_one_summary_line(tmp_path: Path, url: str) -> None:
    store = tmp_path / "mlop.db"
    writer, _ = start_run(store)
    for start in range(0, 600_000, 50_000):
        put_points(writer, "loss", start, 50_000)
    finish(writer)
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        mlop_argv("sync", "--to", url, "--all", "--store", str(store)),
        env=clean_env(TERM="xterm", COLUMNS="120"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
    )
    os.close(secondary)
    shown = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        elif process.poll() is not None:
            break
    os.close(primary)
    assert process.wait(30) == 0, shown
    assert b"syncing to postgresql://mlop_admin:***@" in shown
    assert b"points" in shown and b"runs" in shown
    last = shown.replace(b"\r", b"\n").strip().splitlines()[-1]
    assert b"mlop: synced to" in last and b"600,000 points" in last, shown[-500:]
