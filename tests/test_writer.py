"""The writer thread on its own: odd values, bad records, and a failing batch never end it."""

from __future__ import annotations

import math
import sqlite3
import time
from pathlib import Path

from mlop_cli import records as rec
from mlop_cli.store.model import MetricKey
from mlop_cli.store.spool import read_handover
from mlop_cli.store.writer import RunStart, RunUpdate, Writer
from tests.conftest import eventually


def _writer(path: Path) -> Writer:
    writer = Writer(path, "r1")
    writer.start()
    writer.put(
        RunStart(row={"id": "r1", "name": "w", "status": "running", "started_at": time.time()})
    )
    return writer


def _summaries(path: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT m.name, r.count, r.nan_count, r.min_value, r.max_value, r.sum FROM run_metrics r"
        " JOIN metrics m ON m.id = r.metric_id"
    ).fetchall()
    return {name: rest for name, *rest in rows}


def test_extreme_values_are_summarised_without_error(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    writer = _writer(path)
    writer.put(rec.Points("big", "console", [0, 1, 2], [1.0, 2.0, 3.0], [1e308, 1e308, math.inf]))
    writer.put(rec.Points("big", "console", [3, 4], [4.0, 5.0], [-math.inf, math.nan]))
    writer.put(rec.Points("nan_only", "console", [0], [1.0], [math.nan]))
    writer.put(RunUpdate({"status": "finished"}))
    stats = writer.close(5)
    assert stats.points == 6 and stats.bad_records == 0
    summaries = _summaries(path)
    count, nan_count, low, high, total = summaries["big"]
    assert (count, nan_count, low, high) == (5, 1, -math.inf, math.inf)
    assert total is None  # +inf and -inf both: the sum is NaN, which SQLite keeps as NULL
    assert summaries["nan_only"][:2] == [1, 1]


def test_an_infinity_makes_the_mean_infinite(tmp_path: Path) -> None:
    """A loss that diverged to inf must not pass `mean(loss) < x`: inf is not left out."""
    from mlop_cli.store.queries import Store

    path = tmp_path / "s.db"
    writer = _writer(path)
    cases = {
        "diverged": [0.5, math.inf, 0.5],
        "fell": [-math.inf, 1.0],
        "overflow": [1e308, 1e308, math.nan],
        "overflow_down": [-1e308, -1e308],
        "finite": [0.5, 1.5, math.nan],
    }
    for name, values in cases.items():
        steps = list(range(len(values)))
        writer.put(rec.Points(name, "console", steps, [float(s) for s in steps], values))
    writer.put(RunUpdate({"status": "finished"}))
    writer.close(5)
    store = Store(path)
    means = {k: v.mean for k, v in store.metric_summaries("r1").items()}
    store.close()
    assert means == {
        "diverged": math.inf,
        "fell": -math.inf,
        "overflow": 1e308,  # (finite values whose sum overflows: their mean, from the points)
        "overflow_down": -1e308,
        "finite": 1.0,
    }


def test_a_bad_record_is_refused_whole_and_the_writer_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    writer = _writer(path)
    writer.put(rec.Points("bad", "console", [0], [1.0], ["not a number"]))  # a faulty source
    writer.put(rec.Points("short", "console", [0, 1], [1.0], [0.5, 0.6]))
    writer.put(rec.Points("ok", "console", [0], [1.0], [0.5]))
    writer.put(RunUpdate({"status": "finished"}))
    stats = writer.close(5)
    assert stats.bad_records == 2 and stats.points == 1
    assert set(_summaries(path)) == {"ok"}
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT status FROM runs").fetchone()[0] == "finished"
    kinds = [row[0] for row in conn.execute("SELECT kind FROM events")]
    assert kinds.count("store.bad_record") == 1


_FRESH_STORE_IMPORTS = """
import importlib.util, sys, threading
from mlop_cli.store.schema import _HiddenFromThisThread, ensure_store
assert importlib.util.find_spec("numpy") is not None, "numpy must be installed for this test"
# A fresh store: the schema is created with sqlite-utils, which imports numpy when it can.
ensure_store(__import__("pathlib").Path(sys.argv[1])).close()
print("numpy" in sys.modules, "pandas" in sys.modules)
# The hiding is for the importing thread only: another thread imports numpy meanwhile.
finder = _HiddenFromThisThread({"numpy"})
sys.meta_path.insert(0, finder)
try:
    try:
        import numpy  # noqa: F401
        print("hidden: no")
    except ModuleNotFoundError:
        print("hidden: yes")
    other = []
    thread = threading.Thread(target=lambda: other.append(__import__("numpy").__name__))
    thread.start()
    thread.join()
    print("other thread:", other)
finally:
    sys.meta_path.remove(finder)
"""


def test_a_fresh_store_does_not_import_numpy_or_pandas(tmp_path: Path) -> None:
    from tests.conftest import run_python

    assert run_python(_FRESH_STORE_IMPORTS, str(tmp_path / "fresh.db")).splitlines() == [
        "False False",
        "hidden: yes",
        "other thread: ['numpy']",
    ]
    tables = {
        row[0]
        for row in sqlite3.connect(tmp_path / "fresh.db").execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    assert {"runs", "point_chunks", "logs"} <= tables


def test_the_tail_of_a_series_is_its_last_points(tmp_path: Path) -> None:
    """`mlop watch` reads only the tail: the same points as the whole series' end."""
    from mlop_cli.store.queries import Store

    path = tmp_path / "s.db"
    writer = _writer(path)
    n = 5000  # several full chunks of 1024 and a partial one
    for start in range(0, n, 700):
        steps = list(range(start, min(n, start + 700)))
        writer.put(
            rec.Points("loss", "console", steps, [float(s) for s in steps], [s / 2 for s in steps])
        )
    writer.put(RunUpdate({"status": "finished"}))
    writer.close(5)
    store = Store(path)
    whole = store.series("r1", "loss", "console")
    assert whole is not None and len(whole.values) == n
    for tail in (1, 60, 1024, 1500, 4999, 5000, 9000):
        part = store.series("r1", "loss", "console", tail=tail)
        assert part is not None
        assert list(part.steps) == list(whole.steps)[-tail:]
        assert list(part.values) == list(whole.values)[-tail:]
    assert store.series("r1", "nothing", "console", tail=10) is None


def test_a_name_from_two_sources_is_tensorboards_whatever_order_the_store_met_them(
    tmp_path: Path,
) -> None:
    """Lightning's bar and its TensorBoardLogger both give `val_loss`: which one `val_loss`
    means must not depend on the store's history (a gate would pass in one store only)."""
    from mlop_cli.store.queries import Store

    for first, second in (("console", "tensorboard"), ("tensorboard", "console")):
        path = tmp_path / f"{first}.db"
        writer = _writer(path)
        writer.put(rec.Points("val_loss", first, [0, 1], [1.0, 2.0], [0.7, 0.6]))
        writer.put(rec.Points("val_loss", second, [0, 1, 2], [1.0, 2.0, 3.0], [0.71, 0.61, 0.5]))
        writer.put(RunUpdate({"status": "finished"}))
        writer.close(5)
        store = Store(path)
        summaries = store.metric_summaries("r1")
        assert summaries["val_loss"].source == "tensorboard", first
        assert summaries["console:val_loss"].source == "console"
        series = store.series("r1", "val_loss")
        assert series is not None and series.source == "tensorboard"
        assert store.metric_keys("r1") == [
            MetricKey("tensorboard", "val_loss"),
            MetricKey("console", "val_loss"),
        ]
        store.close()


def test_epochs_are_stored_per_point_and_read_back(tmp_path: Path) -> None:
    from mlop_cli.store.queries import Store

    path = tmp_path / "s.db"
    writer = _writer(path)
    writer.put(rec.Points("loss", "console", [0, 1], [1.0, 2.0], [0.9, 0.8]))
    writer.put(rec.Points("loss", "console", [2, 3], [3.0, 4.0], [0.7, 0.6], [0.5, 1.0]))
    writer.put(rec.Points("acc", "console", [0], [1.0], [0.1]))
    writer.close(5)
    store = Store(path)
    loss = store.series("r1", "loss")
    assert loss is not None and loss.epochs is not None
    assert [e if e == e else None for e in loss.epochs] == [None, None, 0.5, 1.0]
    acc = store.series("r1", "acc")
    assert acc is not None and acc.epochs is None


def test_a_store_of_schema_1_is_migrated_when_read(tmp_path: Path) -> None:
    from mlop_cli.store.queries import Store

    path = tmp_path / "s.db"
    writer = _writer(path)
    writer.put(rec.Points("loss", "console", [0], [1.0], [0.9]))
    writer.close(5)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE point_chunks DROP COLUMN epochs")
    conn.execute("DROP TABLE console_index")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name != '0001_initial'")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    series = Store(path).series("r1", "loss")
    assert series is not None and list(series.values) == [0.9] and series.epochs is None
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "epochs" in [row[1] for row in conn.execute("PRAGMA table_info(point_chunks)")]


def test_console_the_writer_cannot_take_yet_is_kept_on_disk_not_dropped(tmp_path: Path) -> None:
    """A writer thread starved of CPU while the command floods its output: the queue's bound is
    reached, and the console beyond it is kept in order on disk, never dropped."""
    path = tmp_path / "s.db"
    writer = Writer(path, "r1", max_pending_bytes=1 << 16)  # the thread is not started yet
    writer.put(
        RunStart(row={"id": "r1", "name": "w", "status": "running", "started_at": time.time()})
    )
    lines = [b"line %06d of a flood of output\n" % i for i in range(20_000)]
    for start in range(0, len(lines), 100):
        writer.put(
            rec.LogChunk(1 + (start // 100) % 2, time.time(), b"".join(lines[start : start + 100]))
        )
    writer.start()
    stats = writer.close(30)
    assert stats.dropped_records == 0 and stats.dropped_bytes == 0
    assert stats.overflowed_bytes > 0  # the bound was reached: this is the case under test
    conn = sqlite3.connect(path)
    stored = b"".join(
        data for (data,) in conn.execute("SELECT data FROM logs ORDER BY seq").fetchall()
    )
    assert stored == b"".join(lines)


def test_an_overflow_the_writer_had_no_time_for_is_handed_over_in_order(tmp_path: Path) -> None:
    """The same flood, and mlop must exit at once: what is not stored is handed over (the
    writer's spool, then the producer's overflow), and store + handover is the console."""
    from mlop_cli.store.spool import handover_of, read_handover

    path = tmp_path / "s.db"
    writer = Writer(path, "r1", max_pending_bytes=1 << 16)
    writer.put(
        RunStart(row={"id": "r1", "name": "w", "status": "running", "started_at": time.time()})
    )
    lines = [b"line %06d of a flood of output\n" % i for i in range(20_000)]
    for start in range(0, len(lines), 100):
        writer.put(rec.LogChunk(1, time.time(), b"".join(lines[start : start + 100])))
    writer.start()
    stats = writer.close(0)
    assert stats.dropped_bytes == 0 and stats.overflowed_bytes > 0
    conn = sqlite3.connect(path)
    rows = dict(conn.execute("SELECT seq, data FROM logs").fetchall())
    manifest = handover_of(path, "r1")
    if manifest is not None:
        for batch in read_handover(manifest):
            for seq, _, _, data in batch:
                assert seq not in rows
                rows[seq] = data
    assert b"".join(rows[seq] for seq in sorted(rows)) == b"".join(lines)
    assert sorted(rows) == list(range(len(rows)))


def test_a_secret_split_where_the_overflow_begins_is_still_scrubbed(tmp_path: Path) -> None:
    """Console is scrubbed by one scrubber per stream, whichever way it then goes: a secret
    cut between the last chunk queued and the first one kept in the overflow was stored half
    (`pw=hunter2se`) when the queue and the overflow had scrubbers of their own."""
    path = tmp_path / "s.db"
    writer = Writer(path, "r1", max_pending_bytes=1 << 14, secrets=[b"hunter2secret"])
    writer.put(
        RunStart(row={"id": "r1", "name": "w", "status": "running", "started_at": time.time()})
    )
    for index in range(3000):
        data = b"pw=hunter2se" if index % 2 == 0 else b"cret line %d\n" % index
        writer.put(rec.LogChunk(1, time.time(), data))
    writer.start()
    stats = writer.close(30)
    assert stats.overflowed_bytes > 0
    conn = sqlite3.connect(path)
    stored = b"".join(d for (d,) in conn.execute("SELECT data FROM logs ORDER BY seq").fetchall())
    assert b"hunter2" not in stored and stored.count(b"[redacted]") == 1500


def _locked_writer(path: Path, now: list[float], warnings: list[str]) -> Writer:
    """A writer (thread not started) with its store open, on a clock the test moves."""
    writer = Writer(path, "r1", warn=warnings.append, monotonic=lambda: now[0])
    writer._open()
    return writer


LOCKED = sqlite3.OperationalError("database is locked")


def test_a_store_locked_with_no_writer_committing_is_reported_after_10_s(tmp_path: Path) -> None:
    now, warnings = [0.0], []
    writer = _locked_writer(tmp_path / "s.db", now, warnings)
    for second in range(0, 12):
        now[0] = float(second)
        writer._on_failure(LOCKED)
    assert len(warnings) == 1 and "cannot write the store" in warnings[0]


def test_a_store_busy_with_other_writers_committing_stays_quiet(tmp_path: Path) -> None:
    """Many runs into one store on a busy machine: the lock changes hands, nobody is stuck.
    The writer waits its turn without a warning for up to two minutes."""
    path = tmp_path / "s.db"
    now, warnings = [0.0], []
    writer = _locked_writer(path, now, warnings)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("CREATE TABLE other_runs (n INTEGER)")
    for second in range(0, 119):
        now[0] = float(second)
        other.execute("INSERT INTO other_runs VALUES (?)", (second,))  # another writer's turn
        writer._on_failure(LOCKED)
    assert warnings == []
    now[0] = 121.0  # past any reasonable turn: say so
    other.execute("INSERT INTO other_runs VALUES (121)")
    writer._on_failure(LOCKED)
    assert len(warnings) == 1
    other.close()


class _SlowFinalCommit(Writer):
    """A store whose first transaction after close() takes 2.5 s: a loaded machine, a slow
    disk, a writer thread that yields the CPU to everything else."""

    slowed = False

    def _open(self) -> sqlite3.Connection:
        conn = super()._open()

        def slow() -> int:
            if self._deadline is not None and not self.slowed:
                self.slowed = True
                time.sleep(2.5)  # the fault itself, not a wait for a condition
            return 0

        conn.set_progress_handler(slow, 50)
        return conn


def test_a_commit_past_the_exit_deadline_still_ends_in_a_handover(tmp_path: Path) -> None:
    """The console is stored or handed over, never left in a spool no one will read: the
    writer's last transaction ran past close()'s wait, mlop exited, and 900 MB of a 1 GiB
    console stayed in an orphaned spool (suite with two burners)."""
    path = tmp_path / "s.db"
    writer = _SlowFinalCommit(path, "r1", flush_interval=3600)
    writer.start()
    writer.put(RunStart(row={"id": "r1", "name": "w", "status": "running", "started_at": 1.0}))
    chunk = b"x" * 65535 + b"\n"
    for index in range(128):  # 8 MiB, more than one transaction's worth
        writer.put(rec.LogChunk(1, float(index), chunk))
    # The console is taken off the queue (and read for secrets) before close(): it is its
    # commit that runs past the deadline (a wake-up takes the queue, commits nothing).
    writer._wake.set()
    eventually(lambda: writer._queued_bytes == 0, what="the queue taken")
    stats = writer.close(0.1)
    assert writer.slowed and not stats.unflushed
    conn = sqlite3.connect(path)
    stored = conn.execute("SELECT coalesce(sum(length(data)), 0) FROM logs").fetchone()[0]
    assert stored == stats.stored_log_bytes
    handed: list[tuple[int, float, int, bytes]] = []
    if stats.handover is not None:  # what a later process stores, after the stored rows
        handed = [row for batch in read_handover(stats.handover) for row in batch]
    rows = conn.execute("SELECT seq, time, stream, data FROM logs ORDER BY seq").fetchall()
    assert [row[0] for row in rows + handed] == list(range(128))
    assert b"".join(row[3] for row in rows + handed) == chunk * 128
    # The closing line's "N more are being moved into the store": console bytes, no headers.
    assert stats.handed_over_bytes == sum(len(row[3]) for row in handed)


def test_the_commands_process_leaves_copying_the_wal_to_the_indexer(tmp_path: Path) -> None:
    """A command printing fast fills the WAL. Copying it into the database (a checkpoint, with
    its fsyncs) is done neither by the writer every 4 MB nor by the final status's connection
    at the command's end: both are in mlop run's process, the second on its exit's path."""
    path = tmp_path / "s.db"
    writer = _writer(path)
    lines = b"".join(
        b"step=%d loss=0.%06d of a fast command's output\n" % (i, i) for i in range(1400)
    )
    for _ in range(150):  # ~9 MB of console
        writer.put(rec.LogChunk(1, time.time(), lines))
    wal = path.with_name(path.name + "-wal")
    # (a commit takes at most 4 MB of console; the writer goes on at once while some is left)
    eventually(lambda: writer.flush(30) and wal.stat().st_size > 8 << 20, what="console in WAL")
    assert path.stat().st_size < 2 << 20
    assert writer.commit_final({"status": "finished", "exit_code": 0, "ended_at": time.time()})
    assert path.stat().st_size < 2 << 20
    writer.close(30)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT status FROM runs").fetchone() == ("finished",)
    assert sum(len(d) for (d,) in conn.execute("SELECT data FROM logs")) == 150 * len(lines)


def test_the_runs_row_and_its_begun_index_are_committed_at_once(tmp_path: Path) -> None:
    """The run's row is committed as soon as it is queued, not at the first interval: a run
    whose mlop is killed in its first half second is still found (as lost). With it, the index
    of a console whose metrics an indexer derives is begun (not done): a sync that reads the
    run before the indexer has written never takes it for complete without its metrics."""
    path = tmp_path / "s.db"
    writer = Writer(path, "r1", flush_interval=600)
    writer.start()
    writer.put(
        RunStart(
            row={"id": "r1", "name": "w", "status": "running", "started_at": time.time()},
            console_index=True,
        )
    )

    def stored() -> tuple | None:
        if not path.exists():
            return None
        conn = sqlite3.connect(path)
        try:
            return conn.execute(
                "SELECT r.status, i.done, i.log_seq FROM runs r"
                " JOIN console_index i ON i.run_id = r.id WHERE r.id = 'r1'"
            ).fetchone()
        except sqlite3.OperationalError:
            return None  # (the schema is not there yet)
        finally:
            conn.close()

    assert eventually(stored, timeout=60, what="the run's row") == ("running", 0, 0)
    writer.close(30)
