"""The writer thread: the one owner of a run's write connection.

Sources put typed records (``mlop_cli.records``) on a queue through :meth:`Writer.put`, which
never blocks and never raises: the training run must not wait on the disk. The thread batches
records into one transaction at least every ``flush_interval`` seconds, so a ``kill -9`` of mlop
loses at most about that much, and the database stays valid (SQLite's WAL).

When the store cannot be opened or written (read-only folder, full disk, a lock held for
long), the writer warns once, keeps what it holds in memory up to ``max_pending_bytes`` and
retries; past that it drops new data and counts it, so memory stays bounded.
"""

from __future__ import annotations

import array
import json
import math
import os
import queue
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlop_cli import records as rec
from mlop_cli.redact import REDACTED, Scrubber, is_secret_name
from mlop_cli.store.filesystems import filesystem_type, is_network_filesystem
from mlop_cli.store.schema import CHUNK_POINTS, connect, ensure_schema

_LITTLE = sys.byteorder == "little"
_MAX_LOG_ROW = 1 << 20  # bytes of console in one logs row
_EARLY_COMMIT_BYTES = 16 << 20  # queued bytes that wake the writer before its interval
_MAX_TX_LOG_BYTES = 16 << 20  # console bytes in one transaction


def pack(values: array.array) -> bytes:
    """An int64 or float64 array as little-endian bytes (the store's layout)."""
    if _LITTLE:
        return values.tobytes()
    swapped = array.array(values.typecode, values)
    swapped.byteswap()
    return swapped.tobytes()


@dataclass(slots=True)
class RunStart:
    """Create the run's row (internal record of the runner)."""

    row: dict[str, Any]
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RunUpdate:
    """Update columns of the run's row; ``meta`` keys are merged into the context JSON."""

    columns: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class _Flush:
    done: threading.Event


@dataclass(slots=True)
class _Series:
    """Open chunk and running summary of one metric of the run."""

    metric_id: int
    seq: int = 0
    # Typed arrays, not lists: extending and packing are memory copies, no object per point.
    steps: array.array = field(default_factory=lambda: array.array("q"))
    times: array.array = field(default_factory=lambda: array.array("d"))
    values: array.array = field(default_factory=lambda: array.array("d"))
    # The epoch of each buffered point (NaN where unknown); None while no point had one.
    epochs: array.array | None = None
    dirty: bool = False
    count: int = 0
    nan_count: int = 0
    total: float = 0.0
    min_value: float | None = None
    min_step: int | None = None
    max_value: float | None = None
    max_step: int | None = None
    first_time: float | None = None


@dataclass
class WriterStats:
    """What the writer did, for the run's closing line."""

    points: int = 0
    log_bytes: int = 0
    dropped_records: int = 0
    bad_records: int = 0
    dropped_bytes: int = 0
    write_errors: int = 0
    unflushed: bool = False
    store_failed: bool = False  # the last commit failed: what is counted was not stored
    run_stored: bool = False  # the run's row reached the store at least once


class Writer:
    """Batches records from every source into SQLite transactions, in its own thread."""

    def __init__(
        self,
        path: Path,
        run_id: str,
        *,
        flush_interval: float = 0.5,
        heartbeat_interval: float = 2.0,
        max_pending_bytes: int = 96 << 20,
        warn: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.time,
        secrets: list[bytes] | None = None,
        block_when_full: bool = False,
        network_fs: bool | None = None,
    ) -> None:
        self.path = path
        self.run_id = run_id
        self.flush_interval = flush_interval
        self.heartbeat_interval = heartbeat_interval
        self.max_pending_bytes = max_pending_bytes
        self.stats = WriterStats()
        self._warn = warn or (lambda message: None)
        self._clock = clock
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._queued_bytes = 0  # approximate; read without a lock, it only bounds memory
        self._thread = threading.Thread(target=self._loop, name="mlop-writer", daemon=True)
        self._wake = threading.Event()
        self._conn: sqlite3.Connection | None = None
        self._metric_ids: dict[tuple[str, str], int] = {}
        self._series: dict[tuple[str, str], _Series] = {}
        self._run_created = False
        self._run_start: RunStart | None = None
        self._meta: dict[str, Any] = {}
        self._columns: dict[str, Any] = {}
        self._logs: list[list[Any]] = []  # [time, stream, bytearray]
        self._log_seq = 0
        self._rows: dict[str, list[tuple[Any, ...]]] = {
            "params": [],
            "events": [],
            "texts": [],
            "histograms": [],
        }
        self._pending_bytes = 0
        self._failing = False
        self._last_heartbeat = 0.0
        self._deadline: float | None = None
        self._block_when_full = block_when_full
        self._secrets = list(secrets or [])
        self._scrubbers: dict[int, Scrubber] = {}
        self._text_scrubber = Scrubber(self._secrets)
        self._meta_dirty = False
        self._trims: list[tuple[tuple[str, str], int]] = []
        self._run_origin: RunStart | None = None
        self._inode: int | None = None
        self._network_fs: bool | None = network_fs
        self._log_cut = 0
        self._bad_record_noted = False

    # -- producer side -------------------------------------------------------------------

    def put(self, record: Any) -> None:
        """Queue a record. Never blocks; drops (and counts) when memory is over its bound."""
        size = _size_of(record)
        if self._block_when_full:
            # Imports (no child to protect) wait for the writer instead of dropping.
            while self._queued_bytes > self.max_pending_bytes // 2 and self._thread.is_alive():
                time.sleep(0.005)
        elif size and self._queued_bytes + self._pending_bytes > self.max_pending_bytes:
            if not self.stats.dropped_records:
                self._warn(
                    "output comes faster than the store can take it; mlop keeps passing it through but "
                    "stops storing some of it to keep its memory bounded"
                )
            self.stats.dropped_records += 1
            self.stats.dropped_bytes += size
            return
        self._queued_bytes += size
        self._queue.put(record)
        if self._queued_bytes > _EARLY_COMMIT_BYTES:
            self._wake.set()  # a burst: commit now rather than hold it in memory

    def start(self) -> None:
        """Start the writer thread."""
        self._thread.start()

    def request_flush(self) -> None:
        """Ask for a commit as soon as possible, without waiting (safe in a signal handler)."""
        self._queue.put(_Flush(threading.Event()))
        self._wake.set()

    def flush(self, timeout: float = 5.0) -> bool:
        """Ask for an immediate commit of everything queued so far; wait up to ``timeout``."""
        done = threading.Event()
        self._queue.put(_Flush(done))
        self._wake.set()
        return done.wait(timeout)

    def close(self, timeout: float = 1.5) -> WriterStats:
        """Drain and commit what is queued, within ``timeout`` seconds, then stop the thread.

        What could not be written by then is dropped and counted: mlop never holds a Slurm
        node after the job because its disk is slow.
        """
        self._deadline = time.monotonic() + timeout
        self._queue.put(None)
        self._wake.set()
        self._thread.join(timeout + 0.1)
        if self._thread.is_alive():
            self.stats.unflushed = True
        self.stats.store_failed = self._failing
        self.stats.run_stored = self._run_created
        return self.stats

    # -- writer thread -------------------------------------------------------------------

    def _loop(self) -> None:
        # Sleep until the next commit is due (or a flush/close wakes us), then take the whole
        # queue at once: one wake-up per batch, not per record (a child printing 100 lines a
        # second would otherwise wake this thread 100 times a second).
        next_flush = time.monotonic() + self.flush_interval
        waiters: list[threading.Event] = []
        while True:
            self._wake.wait(max(0.0, next_flush - time.monotonic()))
            self._wake.clear()
            stopping = False
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stopping = True
                    break
                if isinstance(item, _Flush):
                    waiters.append(item.done)
                    next_flush = 0.0
                else:
                    self._absorb(item)
            if stopping or time.monotonic() >= next_flush:
                self._commit()
                for waiter in waiters:
                    waiter.set()
                waiters.clear()
                # A backlog of console left (commits are capped): go on at once, not in 0.5 s.
                backlog = bool(self._logs) and not self._failing
                next_flush = time.monotonic() + (0.0 if backlog else self.flush_interval)
            if stopping:
                self._drain_after_stop()
                break

    def _drain_after_stop(self) -> None:
        # Records may still arrive between the stop marker and the end (a source's last flush).
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None and not isinstance(item, _Flush):
                self._absorb(item)
            elif isinstance(item, _Flush):
                item.done.set()
        for stream, scrubber in self._scrubbers.items():
            self._keep_log(stream, self._clock(), scrubber.flush())  # scrubbed already
        # 1. The run's status, context, events and points first, apart from the console, and
        #    whatever the deadline: it is small, and the run must be recorded honestly.
        logs, self._logs = self._logs, []
        self._commit(final=True, ignore_deadline=True)
        # 2. The console, a capped transaction at a time, while the deadline allows.
        self._logs = logs
        while self._logs and not self._past_deadline():
            before = len(self._logs)
            self._commit(final=True)
            if len(self._logs) == before:  # the store refused: give up on the rest
                break
        logs, self._logs = self._logs, []
        unwritten = sum(len(chunk[2]) for chunk in logs)
        # 3. Say what was not stored, in a transaction small enough to go through.
        if unwritten or self.stats.dropped_records:
            self.stats.dropped_bytes += unwritten
            self._note(
                "warning",
                "store.dropped",
                f"data came faster than the store could take it: {self.stats.dropped_records:,} records and "
                f"{unwritten:,} bytes at the end ({self.stats.dropped_bytes:,} bytes in all) were not stored",
            )
            self._commit(final=True, ignore_deadline=True)
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass

    def _note(self, level: str, kind: str, message: str, when: float | None = None) -> None:
        """Queue one of mlop's own events about the run for the next commit."""
        self._rows["events"].append(
            (self.run_id, self._clock() if when is None else when, level, kind, message, None)
        )

    def _past_deadline(self) -> bool:
        return self._deadline is not None and time.monotonic() > self._deadline

    def _absorb(self, record: Any) -> None:
        try:
            self._absorb_one(record)
        except Exception as error:  # noqa: BLE001 - one bad record must not end the writer
            self.stats.bad_records += 1
            if not self._bad_record_noted:
                self._bad_record_noted = True
                self._note(
                    "warning",
                    "store.bad_record",
                    f"a {type(record).__name__} record could not be stored: {error!r}",
                )

    def _absorb_one(self, record: Any) -> None:
        size = _size_of(record)
        self._queued_bytes -= size
        if self._pending_bytes > self.max_pending_bytes:
            self.stats.dropped_records += 1
            self.stats.dropped_bytes += size
            return
        self._pending_bytes += size
        if isinstance(record, rec.Points):
            self._absorb_points(record)
        elif isinstance(record, rec.LogChunk):
            self._append_log(record.stream, record.time, record.data)
        elif isinstance(record, rec.Event):
            self._rows["events"].append(
                (
                    self.run_id,
                    record.time,
                    record.level,
                    record.kind,
                    self._text_scrubber.scrub_text(record.message),
                    json.dumps(record.data, default=str) if record.data else None,
                )
            )
        elif isinstance(record, rec.Param):
            value = REDACTED if is_secret_name(record.key.rsplit(".", 1)[-1]) else record.value
            if isinstance(value, str):
                value = self._text_scrubber.scrub_text(value)
            self._rows["params"].append(
                (self.run_id, record.key, json.dumps(value, default=str), record.source)
            )
        elif isinstance(record, rec.Text):
            self._rows["texts"].append(
                (
                    self.run_id,
                    record.tag,
                    record.step,
                    record.time,
                    self._text_scrubber.scrub_text(record.text),
                )
            )
        elif isinstance(record, rec.Histogram):
            self._rows["histograms"].append(
                (
                    (record.source, record.metric),
                    self.run_id,
                    record.step,
                    record.time,
                    json.dumps(_finite(record.edges)),
                    json.dumps(_finite(record.counts)),
                )
            )
        elif isinstance(record, rec.ContextUpdate):
            self._meta.update(record.values)
            self._meta_dirty = True
        elif isinstance(record, RunStart):
            self._run_start = self._run_origin = record
            self._meta.update(json.loads(record.row.get("meta") or "{}"))
            self._meta_dirty = True
        elif isinstance(record, RunUpdate):
            self._columns.update(record.columns)

    def _append_log(self, stream: int, when: float, data: bytes) -> None:
        if self._secrets:
            scrubber = self._scrubbers.get(stream)
            if scrubber is None:
                scrubber = self._scrubbers[stream] = Scrubber(self._secrets)
            data = scrubber.feed(data)
        self._keep_log(stream, when, data)

    def _keep_log(self, stream: int, when: float, data: bytes) -> None:
        if not data:
            return
        last = self._logs[-1] if self._logs else None
        if last is not None and last[1] == stream and len(last[2]) + len(data) <= _MAX_LOG_ROW:
            last[2] += data
        else:
            self._logs.append([when, stream, bytearray(data)])
        self.stats.log_bytes += len(data)

    def _absorb_points(self, record: rec.Points) -> None:
        key = (record.source, record.metric)
        # Checked and converted in C before anything is kept: a source's bad value (a string, a
        # float step) is refused here, whole, instead of breaking a commit later.
        steps = array.array("q", record.steps)
        times = array.array("d", record.times)
        values_array = array.array("d", record.values)
        if not len(steps) == len(times) == len(values_array):
            raise ValueError(
                f"points of {record.metric!r}: steps, times and values differ in length"
            )
        series = self._series.get(key)
        if series is None:
            series = self._series[key] = _Series(metric_id=-1)
        if record.epochs is not None:
            epochs = array.array("d", record.epochs)
            if len(epochs) != len(values_array):
                raise ValueError(f"points of {record.metric!r}: epochs and values differ in length")
            if series.epochs is None:
                series.epochs = array.array("d", [math.nan]) * len(series.values)
            series.epochs.extend(epochs)
        elif series.epochs is not None:
            series.epochs.extend(array.array("d", [math.nan]) * len(values_array))
        series.steps.extend(steps)
        series.times.extend(times)
        series.values.extend(values_array)
        series.dirty = True
        self.stats.points += len(values_array)
        # Running summary. NaN counts but takes no part in min/max/sum (nor in the mean's
        # count); an infinity makes the sum, and so the mean, infinite (NaN for +inf and -inf
        # both): a loss that diverged must not pass a `mean(loss) < x` gate. The common case
        # (all finite) stays in C: fsum, min, max.
        values = values_array
        series.count += len(values)
        if series.first_time is None and record.times:
            series.first_time = record.times[0]
        try:
            total = math.fsum(values)
        except (ValueError, OverflowError):  # inf + -inf, or an overflowing sum
            total = math.nan
        if math.isfinite(total):
            finite = values
        else:
            finite = [v for v in values if v == v]
            series.nan_count += len(values) - len(finite)
            total = _sum_with_infinities(finite)
        if finite:
            low = min(finite)
            high = max(finite)
            if series.min_value is None or low < series.min_value:
                series.min_value = low
                series.min_step = record.steps[values.index(low)]
            if series.max_value is None or high > series.max_value:
                series.max_value = high
                series.max_step = record.steps[values.index(high)]
            series.total += total

    def _open(self) -> sqlite3.Connection:
        if self._conn is not None and self._inode is not None:
            try:
                inode = self.path.stat().st_ino
            except OSError:
                inode = None
            if inode != self._inode:
                self._reopen_replaced_store()
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._network_fs is None:
                self._network_fs = is_network_filesystem(self.path)
                if self._network_fs:
                    self._note(
                        "info",
                        "store.network_fs",
                        f"the store {self.path} is on a network filesystem ({filesystem_type(self.path)}): "
                        "using a rollback journal instead of WAL",
                    )
            conn = connect(self.path, network_fs=self._network_fs)
            ensure_schema(conn)
            self._conn = conn
            self._inode = self.path.stat().st_ino
        return self._conn

    def _reopen_replaced_store(self) -> None:
        """The database file was deleted or replaced under us: start a new one, say what was lost."""
        try:
            self._conn.close()  # type: ignore[union-attr]
        except sqlite3.Error:
            pass
        self._conn = None
        self._metric_ids.clear()
        if self._run_created and self._run_origin is not None:
            self._run_created = False
            self._run_start = self._run_origin
            self._meta_dirty = True
        for series in self._series.values():
            series.dirty = True
        self._warn(
            f"the store {self.path} was deleted or replaced during the run; writing a new one from now on"
        )
        self._note(
            "warning",
            "store.replaced",
            "the store file was deleted or replaced during the run; data written before was lost with it",
        )

    def _commit(self, final: bool = False, ignore_deadline: bool = False) -> None:
        self._trims.clear()
        self._log_cut = 0
        nothing = not (
            self._logs
            or any(self._rows.values())
            or self._columns
            or self._meta_dirty
            or self._run_start
        )
        nothing = nothing and not any(s.dirty for s in self._series.values())
        now = self._clock()
        heartbeat_due = now - self._last_heartbeat >= self.heartbeat_interval
        if nothing and not heartbeat_due and not final:
            return
        if self._past_deadline() and not ignore_deadline:
            return  # out of time: what is left is counted as dropped
        try:
            conn = self._open()
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._write(conn, now)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError) as error:
            self._metric_ids.clear()
            self._trims.clear()
            self._on_failure(error)
            if (
                self._conn is not None
                and isinstance(error, sqlite3.DatabaseError)
                and "malformed" in str(error)
            ):
                self._conn = None
            return
        except Exception as error:  # noqa: BLE001 - a bug must cost one batch, not the writer
            self._metric_ids.clear()
            self._trims.clear()
            self._drop_pending(error)
            return
        self._after_success(now)

    def _drop_pending(self, error: BaseException) -> None:
        """An unexpected error writing a batch: drop the batch, say so, keep the writer alive."""
        dropped = self._pending_bytes
        self.stats.dropped_records += 1
        self.stats.dropped_bytes += dropped
        for series in self._series.values():
            if series.dirty:
                del series.steps[:], series.times[:], series.values[:]
                if series.epochs is not None:
                    del series.epochs[:]
                series.dirty = False
        self._logs.clear()
        for rows in self._rows.values():
            rows.clear()
        self._columns.clear()
        self._pending_bytes = 0
        self._warn(
            f"mlop could not store a batch of data ({dropped:,} bytes): {error!r}; it goes on"
        )
        self._note(
            "warning",
            "store.batch_dropped",
            f"a batch of data ({dropped:,} bytes) could not be stored: {error!r}",
        )

    def _write(self, conn: sqlite3.Connection, now: float) -> None:
        run_id = self.run_id
        if self._run_start is not None and not self._run_created:
            row = dict(self._run_start.row)
            row["meta"] = json.dumps(self._meta, default=str)
            row["heartbeat_at"] = now
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(
                f"INSERT OR REPLACE INTO runs ({columns}) VALUES ({marks})", list(row.values())
            )
            conn.executemany(
                "INSERT OR IGNORE INTO tags (run_id, tag) VALUES (?, ?)",
                [(run_id, tag) for tag in self._run_start.tags],
            )
        if self._columns or self._meta_dirty:
            columns = dict(self._columns)
            if self._meta_dirty:
                columns["meta"] = json.dumps(self._meta, default=str)
            assignments = ", ".join(f"{name} = ?" for name in columns)
            conn.execute(f"UPDATE runs SET {assignments} WHERE id = ?", [*columns.values(), run_id])
        for key, series in self._series.items():
            if series.dirty:
                self._write_series(conn, key, series)
        if self._logs:
            # At most _MAX_TX_LOG_BYTES of console per transaction: the writer stays quick to
            # answer a close (the run's status must never wait behind a huge commit).
            size = 0
            self._log_cut = 0
            while self._log_cut < len(self._logs) and (
                self._log_cut == 0 or size < _MAX_TX_LOG_BYTES
            ):
                size += len(self._logs[self._log_cut][2])
                self._log_cut += 1
            rows = [
                (run_id, self._log_seq + index, time_, stream, bytes(data))
                for index, (time_, stream, data) in enumerate(self._logs[: self._log_cut])
            ]
            conn.executemany(
                "INSERT OR REPLACE INTO logs (run_id, seq, time, stream, data) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
        if self._rows["params"]:
            conn.executemany(
                "INSERT OR REPLACE INTO params (run_id, key, value, source) VALUES (?, ?, ?, ?)",
                self._rows["params"],
            )
        if self._rows["events"]:
            conn.executemany(
                "INSERT INTO events (run_id, time, level, kind, message, data) VALUES (?, ?, ?, ?, ?, ?)",
                self._rows["events"],
            )
        if self._rows["texts"]:
            conn.executemany(
                "INSERT INTO texts (run_id, tag, step, time, text) VALUES (?, ?, ?, ?, ?)",
                self._rows["texts"],
            )
        if self._rows["histograms"]:
            rows = [(self._metric_id(conn, key), *rest) for key, *rest in self._rows["histograms"]]
            conn.executemany(
                "INSERT INTO histograms (metric_id, run_id, step, time, edges, counts) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        conn.execute("UPDATE runs SET heartbeat_at = ? WHERE id = ?", (now, run_id))

    def _metric_id(self, conn: sqlite3.Connection, key: tuple[str, str]) -> int:
        metric_id = self._metric_ids.get(key)
        if metric_id is None:
            source, name = key
            conn.execute(
                "INSERT OR IGNORE INTO metrics (name, source) VALUES (?, ?)", (name, source)
            )
            metric_id = conn.execute(
                "SELECT id FROM metrics WHERE name = ? AND source = ?", (name, source)
            ).fetchone()[0]
            self._metric_ids[key] = metric_id
        return metric_id

    def _write_series(
        self, conn: sqlite3.Connection, key: tuple[str, str], series: _Series
    ) -> None:
        series.metric_id = self._metric_id(conn, key)
        # Full chunks are written once; the open (partial) chunk is rewritten at each commit.
        # Nothing is trimmed from memory until the transaction has committed (_after_success).
        full = len(series.values) // CHUNK_POINTS
        rows = [_chunk_row(self.run_id, series, index) for index in range(full)]
        if len(series.values) > full * CHUNK_POINTS:
            rows.append(_chunk_row(self.run_id, series, full))
        self._trims.append((key, full))
        conn.executemany(
            "INSERT OR REPLACE INTO point_chunks (run_id, metric_id, seq, n, step_min, step_max, time_min, time_max,"
            " steps, times, vals, epochs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute(
            "INSERT OR REPLACE INTO run_metrics (run_id, metric_id, count, nan_count, last_step, last_time, last_value,"
            " min_value, min_step, max_value, max_step, sum, first_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.run_id,
                series.metric_id,
                series.count,
                series.nan_count,
                series.steps[-1],
                series.times[-1],
                _finite_or_none(series.values[-1]),
                series.min_value,
                series.min_step,
                series.max_value,
                series.max_step,
                series.total,
                series.first_time,
            ),
        )

    def _on_failure(self, error: BaseException) -> None:
        self.stats.write_errors += 1
        if not self._failing:
            self._failing = True
            self._warn(
                f"cannot write the store {self.path}: {_explain(self.path, error)}; "
                "the run goes on, mlop keeps data in memory (bounded) and retries"
            )

    def _after_success(self, now: float) -> None:
        if self._run_start is not None:
            self._run_created = True
            self._run_start = None
        self._columns.clear()
        self._meta_dirty = False
        for key, full in self._trims:
            series = self._series[key]
            cut = full * CHUNK_POINTS
            del series.steps[:cut], series.times[:cut], series.values[:cut]
            if series.epochs is not None:
                del series.epochs[:cut]
            series.seq += full
            series.dirty = False
        self._trims.clear()
        self._log_seq += self._log_cut
        del self._logs[: self._log_cut]
        self._log_cut = 0
        for rows in self._rows.values():
            rows.clear()
        self._pending_bytes = sum(len(chunk[2]) for chunk in self._logs)
        self._last_heartbeat = now
        if self._failing:
            self._failing = False
            dropped = self.stats.dropped_bytes
            self._warn(
                f"the store {self.path} is writable again"
                + (f"; {dropped} bytes were dropped meanwhile" if dropped else "")
            )
            self._note(
                "warning",
                "store.recovered",
                f"store was not writable for a while; {self.stats.dropped_records} records ({dropped} bytes) dropped",
                when=now,
            )


def _chunk_row(run_id: str, series: _Series, index: int) -> tuple[Any, ...]:
    start = index * CHUNK_POINTS
    end = start + CHUNK_POINTS
    steps = series.steps[start:end]
    times = series.times[start:end]
    epochs = None
    if series.epochs is not None:
        part = series.epochs[start:end]
        if any(e == e for e in part):  # a chunk with no epoch at all stores NULL
            epochs = pack(part)
    return (
        run_id,
        series.metric_id,
        series.seq + index,
        len(steps),
        min(steps),
        max(steps),
        times[0],
        times[-1],
        pack(steps),
        pack(times),
        pack(series.values[start:end]),
        epochs,
    )


def _explain(path: Path, error: BaseException) -> str:
    """Say why a store cannot be written, in words a user acts on."""
    import errno

    from mlop_cli.store.health import UnsafeStoreError

    if isinstance(error, UnsafeStoreError):
        return str(error)  # it says why, and what to do
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    code = getattr(error, "errno", None)
    try:
        stats = os.statvfs(folder)
        if stats.f_flag & os.ST_RDONLY:
            return (
                "the filesystem is read-only (pass --store or set MLOP_STORE to a writable place)"
            )
        if stats.f_blocks == 0:
            # /proc, /sys: no room at all, so "full" would be the wrong fix to look for.
            kind = filesystem_type(folder) or "virtual"
            return (
                f"{folder} is on a {kind} filesystem, which cannot hold files (pass --store or"
                " set MLOP_STORE to a folder on a disk)"
            )
        if code == errno.EDQUOT:
            return "the disk quota is exceeded"
        if code == errno.ENOSPC or stats.f_bavail == 0:
            return "the disk is full"
    except OSError:
        pass
    if not os.access(folder, os.W_OK):
        return f"permission denied: {folder} is not writable by this user (pass --store or set MLOP_STORE)"
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror} ({error.filename or folder})"
    return str(error)


def _finite_or_none(value: float | None) -> float | None:
    if value is None or value != value:
        return None
    return value


def _finite(values: list[float]) -> list[float | None]:
    return [v if v == v and not math.isinf(v) else None for v in values]


def _sum_with_infinities(values: list[float]) -> float:
    """The sum of values that hold no NaN: ±inf if an infinity is among them (NaN for both)."""
    infinities = {v for v in values if math.isinf(v)}
    if len(infinities) == 2:
        return math.nan
    if infinities:
        return infinities.pop()
    try:
        return math.fsum(values)
    except OverflowError:  # 1e308 + 1e308: infinite, with the sign of the scaled-down sum
        return math.copysign(math.inf, math.fsum(v * 2.0**-600 for v in values))


def _size_of(record: Any) -> int:
    if isinstance(record, rec.LogChunk):
        return len(record.data) + 64
    if isinstance(record, rec.Points):
        return 24 * len(record.values) + 64
    if isinstance(record, rec.Histogram):
        return 16 * len(record.counts) + 64
    if isinstance(record, rec.Text):
        return len(record.text) + 64
    return 128
