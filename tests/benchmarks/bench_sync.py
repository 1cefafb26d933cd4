"""Benchmark: points per second synced into PostgreSQL on loopback.

Run: python tests/benchmarks/bench_sync.py [POINTS]   (default 1,000,000; target <= 5 s)

Writes a local store with the real writer, starts a throw-away PostgreSQL server, then times
``Syncer.sync`` (rows built with numpy, COPY BINARY into ``mlop.points``) against a reference
measured in the same run on the same server: the same packed chunks copied as ``bytea`` into a
mirror of SQLite's ``point_chunks`` (the cheapest possible transfer of the same bytes).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mlop_cli import records as rec  # noqa: E402
from mlop_cli.ids import new_run_id  # noqa: E402
from mlop_cli.store.pg_sync import Syncer  # noqa: E402
from mlop_cli.store.writer import RunStart, Writer  # noqa: E402
from tests.pg_server import PgServer, find_binaries  # noqa: E402


def make_store(path: Path, points: int, metrics: int = 4) -> str:
    run_id = new_run_id()
    writer = Writer(path, run_id, block_when_full=True)
    writer.start()
    writer.put(
        RunStart({"id": run_id, "name": "bench", "status": "finished", "started_at": time.time()})
    )
    per_metric = points // metrics
    for m in range(metrics):
        for start in range(0, per_metric, 10_000):
            n = min(10_000, per_metric - start)
            steps = list(range(start, start + n))
            writer.put(
                rec.Points(
                    f"m{m}", "console", steps, [1e9 + s for s in steps], [s * 0.5 for s in steps]
                )
            )
    writer.close(120)
    return run_id


def chunk_reference(server: PgServer, store: Path) -> float:
    """COPY the packed chunks as bytea: the floor for moving these bytes."""
    import sqlite3

    import psycopg

    url = server.create_database("bench_ref")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE point_chunks (run_id text, metric_id int, seq bigint, n int, steps bytea,"
            " times bytea, vals bytea, PRIMARY KEY (run_id, metric_id, seq))"
        )
        local = sqlite3.connect(store)
        started = time.perf_counter()
        with (
            conn.transaction(),
            conn.cursor().copy("COPY point_chunks FROM STDIN (FORMAT BINARY)") as copy,
        ):
            copy.set_types(["text", "int4", "int8", "int4", "bytea", "bytea", "bytea"])
            for row in local.execute(
                "SELECT run_id, metric_id, seq, n, steps, times, vals FROM point_chunks"
            ):
                copy.write_row(row)
        return time.perf_counter() - started


def main() -> None:
    points = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    bindir = find_binaries()
    if bindir is None:
        sys.exit("PostgreSQL binaries not found (initdb, postgres)")
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "bench.db"
        run_id = make_store(store, points)
        server = PgServer(bindir)
        server.start()
        try:
            reference = chunk_reference(server, store)
            url = server.create_database("bench_sync")
            started = time.perf_counter()
            syncer = Syncer(store, url)
            stats = syncer.sync([run_id])
            elapsed = time.perf_counter() - started
            again = time.perf_counter()
            second = syncer.sync([run_id])
            second_elapsed = time.perf_counter() - again
            syncer.close()
        finally:
            server.stop()
    assert stats.points == points, stats
    assert second.points == 0, second
    print(f"points synced:           {stats.points:,}")
    print(
        f"sync (rows, COPY BINARY): {elapsed:.2f} s  = {stats.points / elapsed:,.0f} points/s"
        f"  (target: 1,000,000 in <= 5 s: {'met' if points / elapsed >= 200_000 else 'MISSED'})"
    )
    print(
        f"reference (chunks bytea): {reference:.2f} s  ratio sync/reference = {elapsed / reference:.1f}x"
    )
    print(f"second sync (nothing new): {second_elapsed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
