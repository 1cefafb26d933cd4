"""Benchmark of the PostgreSQL team store against a throw-away server on loopback.

Run: ``python tests/benchmarks/bench_sync.py [--points 3000000] [--memory-points 10000000]
[--skip report,live,memory]``

Each figure is printed beside its target and a reference measured in the same run:

- **throughput**: ``mlop sync`` of one run of 3M points (4 metrics), in points per second;
  reference: the same packed chunks copied as ``bytea`` into a mirror of SQLite's table (the
  least any transfer of these bytes costs). Target: >= 1,000,000 points/s.
- **size**: bytes per point in PostgreSQL, indexes and TOAST included; reference: the SQLite
  store's bytes per point. Target: <= 40.
- **memory**: the peak resident memory of a ``mlop sync`` process sending one run of 10M
  points; reference: the same process with nothing to send. Target: <= 200 MB.
- **report**: ``mlop report --store postgresql://...`` of 20 runs x 5 metrics x 20,000 points,
  against the same report from the SQLite store. Target: <= 1.5x.
- **live**: a run printing 60 metrics for ~8 s under ``mlop run --sync-to`` (the background
  sync passes every second), with triggers counting every row written: run-row updates and
  summary updates per pass. Target: <= 1 run-row update per pass, summaries only as they change.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mlop_cli import records as rec  # noqa: E402
from mlop_cli.ids import new_run_id  # noqa: E402
from mlop_cli.store.writer import RunStart, Writer  # noqa: E402
from tests.pg_server import PgServer, find_binaries  # noqa: E402

PYTHON = sys.executable
_PEAK = (
    "import sys\nfrom mlop_cli.cli import run_app\ncode = run_app(sys.argv[1:])\n"
    "status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
    "print(int(status.split()[0]) // 1024)\nsys.exit(code)\n"
)


def env() -> dict[str, str]:
    found = {k: v for k, v in os.environ.items() if k not in ("MLOP_STORE", "MLOP_SYNC_TO")}
    found["PYTHONPATH"] = str(ROOT)
    return found


def make_store(path: Path, points: int, metrics: int = 4, name: str = "bench") -> str:
    """One finished run of ``points`` points over ``metrics`` metrics, written by the writer."""
    run_id = new_run_id()
    writer = Writer(path, run_id, block_when_full=True)
    writer.start()
    writer.put(
        RunStart(
            {"id": run_id, "name": name, "status": "finished", "started_at": time.time(),
             "ended_at": time.time(), "exit_code": 0}
        )
    )  # fmt: skip
    per_metric = points // metrics
    for m in range(metrics):
        for start in range(0, per_metric, 20_000):
            n = min(20_000, per_metric - start)
            steps = list(range(start, start + n))
            values = [math.exp(-s / per_metric) + 0.01 * math.sin(s) for s in steps]
            writer.put(
                rec.Points(f"m{m}", "console", steps, [1.7e9 + s * 0.01 for s in steps], values)
            )
            if start % 1_000_000 == 0:
                writer.flush(600)  # the writer drops what piles up beyond its bound
    writer.close(600)
    if writer.stats.dropped_records:
        sys.exit(f"the writer dropped data making the store: {writer.stats}")
    return run_id


def chunk_reference(server: PgServer, store: Path) -> float:
    """COPY the packed chunks as bytea: the floor for moving these bytes."""
    import sqlite3

    import psycopg

    url = server.create_database(f"ref_{os.getpid()}_{time.monotonic_ns() % 10**6}")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE point_chunks (run_id text, metric_id int, seq bigint, n int, steps bytea,"
            " times bytea, vals bytea, PRIMARY KEY (run_id, metric_id, seq))"
        )
        for column in ("steps", "times", "vals"):  # no pglz: the bytes as they are
            conn.execute(f"ALTER TABLE point_chunks ALTER COLUMN {column} SET STORAGE EXTERNAL")
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


def sync_process(store: Path, url: str) -> tuple[float, int, str]:
    """(seconds, peak MB, stderr) of one `mlop sync --all` process."""
    started = time.perf_counter()
    done = subprocess.run(
        [PYTHON, "-c", _PEAK, "sync", "--to", url, "--all", "--store", str(store)],
        env=env(),
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"mlop sync failed: {done.stderr}")
    return elapsed, int(done.stdout.split()[-1]), done.stderr.strip()


def _cpu_seconds(pid: int) -> float:
    """User and system CPU of a process (a server backend) so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_throughput(server: PgServer, folder: Path, points: int, tries: int = 3) -> None:
    import psycopg

    from mlop_cli.store.pg_sync import Syncer

    store = folder / "throughput.db"
    make_store(store, points)
    reference = min(chunk_reference(server, store) for _ in range(tries))
    best = None
    for attempt in range(tries):
        url = server.create_database(f"bench_sync_{attempt}")
        syncer = Syncer(store, url)
        backend = syncer.remote.execute("SELECT pg_backend_pid()")[0][0]
        server_cpu, client_cpu = _cpu_seconds(backend), time.process_time()
        started = time.perf_counter()
        stats = syncer.sync(syncer.local_runs())
        elapsed = time.perf_counter() - started
        cpu = (time.process_time() - client_cpu, _cpu_seconds(backend) - server_cpu)
        again = time.perf_counter()
        second = syncer.sync(syncer.local_runs())
        second_elapsed = time.perf_counter() - again
        syncer.close()
        assert stats.points == points, stats
        assert second.points == 0, second
        if best is None or elapsed < best[0]:
            best = (elapsed, cpu, second_elapsed, url)
    assert best is not None
    elapsed, (client_cpu, server_cpu), second_elapsed, url = best
    # The command, into a team store that exists already (a first sync creates the schema).
    cli_url = server.create_database("bench_sync_cli")
    warm = folder / "warm.db"
    make_store(warm, 10, metrics=1)
    sync_process(warm, cli_url)
    process_s, _, said = sync_process(store, cli_url)
    rate = points / elapsed
    print(f"\n== throughput: one run of {points:,} points (4 metrics), best of {tries}")
    print(
        f"sync (Syncer.sync):        {elapsed:.2f} s = {rate:,.0f} points/s"
        f"   target >= 1,000,000/s: {'met' if rate >= 1e6 else 'MISSED'}"
    )
    print(
        f"  CPU: client {client_cpu:.2f} s, server backend {server_cpu:.2f} s"
        f" (= {points / max(client_cpu, server_cpu):,.0f} points/s with a core each)"
    )
    print(
        f"`mlop sync` process:       {process_s:.2f} s = {points / process_s:,.0f} points/s"
        f" (Python start-up included); it said: {said.split(': ', 2)[-1]}"
    )
    print(
        f"reference (chunks, bytea): {reference:.2f} s   ratio sync/reference ="
        f" {elapsed / reference:.2f}x"
    )
    print(f"second sync (nothing new): {second_elapsed * 1000:.0f} ms")
    with psycopg.connect(url) as conn:
        size = conn.execute(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
            " ON n.oid = c.relnamespace WHERE n.nspname = 'mlop' AND c.relname = 'point_chunks'"
        ).fetchall()[0][0]
    local = store.stat().st_size
    per_point = size / points
    print(f"\n== size: {points:,} points")
    print(
        f"PostgreSQL point_chunks (TOAST, indexes): {size / 2**20:.1f} MiB = {per_point:.1f}"
        f" bytes/point   target <= 40: {'met' if per_point <= 40 else 'MISSED'}"
    )
    print(
        f"reference: the SQLite store file: {local / 2**20:.1f} MiB ="
        f" {local / points:.1f} bytes/point"
    )


def bench_memory(server: PgServer, folder: Path, points: int) -> None:
    store = folder / "memory.db"
    make_store(store, points, metrics=1)
    url = server.create_database("bench_memory")
    seconds, peak, said = sync_process(store, url)
    _, idle, _ = sync_process(store, url)  # nothing new: the process's own baseline
    print(f"\n== memory: one run of {points:,} points of one metric")
    print(
        f"`mlop sync` peak RSS: {peak} MB ({seconds:.1f} s, {points / seconds:,.0f} points/s)"
        f"   target <= 200 MB: {'met' if peak <= 200 else 'MISSED'}"
    )
    print(f"reference: the same process with nothing to send: {idle} MB")
    print(f"  ({said})")


def bench_report(server: PgServer, folder: Path) -> None:
    store = folder / "report.db"
    for index in range(20):
        make_store(store, 100_000, metrics=5, name=f"run-{index}")
    url = server.create_database("bench_report")
    sync_process(store, url)

    def report(spec: str, output: Path) -> float:
        best = math.inf
        for _ in range(3):
            started = time.perf_counter()
            done = subprocess.run(
                [
                    PYTHON,
                    "-m",
                    "mlop_cli",
                    "report",
                    "--last",
                    "20",
                    "--store",
                    spec,
                    "-o",
                    str(output),
                ],
                env=env(),
                capture_output=True,
                text=True,
            )
            if done.returncode != 0:
                sys.exit(f"mlop report failed: {done.stderr}")
            best = min(best, time.perf_counter() - started)
        return best

    sqlite_s = report(str(store), folder / "sqlite.html")
    pg_s = report(url, folder / "pg.html")
    ratio = pg_s / sqlite_s
    sqlite_cpu, pg_cpu, server_cpu = _report_cpu(store, url, folder)
    print("\n== report: 20 runs x 5 metrics x 20,000 points (best of 3)")
    print(
        f"mlop report --store postgresql://…: {pg_s:.2f} s   ratio to SQLite = {ratio:.2f}x"
        f"   target <= 1.5x: {'met' if ratio <= 1.5 else 'MISSED'}"
    )
    print(f"reference: mlop report --store FILE: {sqlite_s:.2f} s")
    print(
        f"CPU, in one process after start-up: from SQLite {sqlite_cpu:.2f} s; from PostgreSQL"
        f" {pg_cpu:.2f} s here + {server_cpu:.2f} s in the server backend"
        f" = {(pg_cpu + server_cpu) / sqlite_cpu:.2f}x"
    )


def _report_cpu(store: Path, url: str, folder: Path) -> tuple[float, float, float]:
    """CPU seconds of the same report built in this process (imports warm): from SQLite, and
    from PostgreSQL with its server backend's CPU (the round trips wait on it)."""
    from mlop_cli.cli import run_app
    from mlop_cli.store import pg

    backends: list[int] = []
    opened = pg.PgSession.__init__

    def remember(self: pg.PgSession, *args: object, **kwargs: object) -> None:
        opened(self, *args, **kwargs)  # type: ignore[arg-type]
        backends.append(self.conn.info.backend_pid)

    def cpu(spec: str) -> tuple[float, float]:
        backends.clear()
        client = time.process_time()
        with contextlib.redirect_stderr(io.StringIO()):
            run_app(["report", "--last", "20", "--store", spec, "-o", str(folder / "x.html")])
        return time.process_time() - client, sum(_cpu_seconds(pid) for pid in backends)

    pg.PgSession.__init__ = remember  # type: ignore[method-assign]
    try:
        cpu(str(store))  # warm the imports
        sqlite_cpu = min(cpu(str(store))[0] for _ in range(3))
        pg_cpu, server_cpu = min((cpu(url) for _ in range(3)), key=sum)
    finally:
        pg.PgSession.__init__ = opened  # type: ignore[method-assign]
    return sqlite_cpu, pg_cpu, server_cpu


_TRAINING = """
import time
for step in range(100):
    print(f"step={step} " + " ".join(f"m{i}={(step + i) * 0.001:.4f}" for i in range(50)),
          flush=True)
    if step % 30 == 29:  # evaluation every 3 s: these summaries change one pass in three
        print(f"step={step} " + " ".join(f"eval_{i}={step * 0.01:.3f}" for i in range(10)),
              flush=True)
    time.sleep(0.1)
"""


def bench_live(server: PgServer, folder: Path) -> None:
    import psycopg

    url = server.create_database("bench_live")
    # Create the schema, then count every row written to it, transaction by transaction.
    done = subprocess.run(
        [PYTHON, "-m", "mlop_cli", "run", "--store", str(folder / "warm.db"), "--sync-to", url,
         "--no-system", "--", PYTHON, "-c", "print('x=1')"],
        env=env(), capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE public.audit (xid bigint, tbl text, op text)")
        conn.execute(
            "CREATE FUNCTION public.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " INSERT INTO public.audit VALUES (txid_current(), TG_TABLE_NAME, TG_OP);"
            " RETURN NULL; END $$"
        )
        for (table,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'mlop'"):
            conn.execute(
                f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON mlop.{table}"
                " FOR EACH ROW EXECUTE FUNCTION public.audit()"
            )
        started = time.perf_counter()
        done = subprocess.run(
            [PYTHON, "-m", "mlop_cli", "run", "--store", str(folder / "live.db"), "--sync-to",
             url, "--", PYTHON, "-c", _TRAINING],
            env=env(), capture_output=True, text=True,
        )  # fmt: skip
        elapsed = time.perf_counter() - started
        assert done.returncode == 0, done.stderr
        rows = conn.execute(
            "SELECT tbl, op, count(*) FROM public.audit GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall()
        # A pass's first transaction sends the run's row and summaries: one per pass.
        passes = conn.execute(
            "SELECT count(DISTINCT xid) FROM public.audit WHERE tbl IN ('runs', 'run_metrics')"
        ).fetchall()[0][0]
        most_runs = conn.execute(
            "SELECT coalesce(max(n), 0) FROM (SELECT count(*) n FROM public.audit"
            " WHERE tbl = 'runs' GROUP BY xid) s"
        ).fetchall()[0][0]
        summaries, metrics = conn.execute(
            "SELECT (SELECT count(*) FROM public.audit WHERE tbl = 'run_metrics' AND op ="
            " 'UPDATE'), (SELECT count(*) FROM mlop.run_metrics r JOIN mlop.runs u ON"
            " u.id = r.run_id WHERE u.name <> 'warm')"
        ).fetchall()[0]
    print(f"\n== live: 50 metrics 10 times a second, 10 more every 3 s, {elapsed:.1f} s")
    for table, op, count in rows:
        print(f"  {table:<13} {op:<7} {count:>6}")
    print(
        f"passes that wrote summaries or the run row: {passes}; run-row updates in one pass:"
        f" at most {most_runs}   target <= 1: {'met' if most_runs <= 1 else 'MISSED'}"
    )
    print(
        f"summary updates: {summaries} = {summaries / max(passes, 1):.1f} a pass for {metrics}"
        f" metrics (reference: every summary every pass would be {metrics * passes})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=3_000_000)
    parser.add_argument("--memory-points", type=int, default=10_000_000)
    parser.add_argument("--skip", default="", help="comma-separated: throughput,memory,report,live")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    bindir = find_binaries()
    if bindir is None:
        sys.exit("PostgreSQL binaries not found (initdb, postgres)")
    server = PgServer(bindir)
    server.start()
    try:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            if "throughput" not in skip:
                bench_throughput(server, folder, args.points)
            if "memory" not in skip:
                bench_memory(server, folder, args.memory_points)
            if "report" not in skip:
                bench_report(server, folder)
            if "live" not in skip:
                bench_live(server, folder)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
