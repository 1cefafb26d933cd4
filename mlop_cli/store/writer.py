"""The writer thread: the one owner of a run's write connection.

Sources put typed records (``mlop_cli.records``) on a queue through :meth:`Writer.put`, which
never blocks and never raises: the training run must not wait on the disk. The thread batches
records into one transaction at least every ``flush_interval`` seconds, so a ``kill -9`` of mlop
loses at most about that much, and the database stays valid (SQLite's WAL).

Three promises shape it:

- **Status first.** The run's final status, exit code, signal and end time are committed by
  :meth:`Writer.commit_final` on a connection of their own, in one small transaction, ahead of
  any backlog and whatever the writer thread is doing (the run row is created there if the
  thread has not created it yet). If the store refuses for longer than a bounded wait, the
  status is kept beside the store for ``mlop recover``.
- **The console is never dropped to protect memory.** Past ``max_pending_bytes`` the console
  goes to a spool file beside the store (:mod:`mlop_cli.store.spool`) and into the store in
  order as the writer catches up; what is left when mlop must exit is handed over to a later
  process. Only a disk that refuses even the spool loses bytes, and then they are counted
  exactly in an event.
- **A heartbeat a busy writer cannot delay**: its own thread and connection.

When the store cannot be opened or written (read-only folder, full disk, a lock held for long),
the writer warns once, keeps what it holds in memory (bounded) and retries.
"""

from __future__ import annotations

import contextlib
import os
import queue
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlop_cli import records as rec
from mlop_cli.redact import FormScrubber, Scrubber
from mlop_cli.store.batch import Batch, RunStart, RunUpdate
from mlop_cli.store.filesystems import filesystem_type, is_network_filesystem
from mlop_cli.store.points import INSERT_CHUNK, INSERT_SUMMARY, MetricKey, pack
from mlop_cli.store.schema import BEGIN_INDEX, BEGUN_INDEX_STATE, connect, ensure_schema
from mlop_cli.store.spool import LogSpool, run_files

__all__ = ["RunStart", "RunUpdate", "Writer", "WriterStats", "pack"]

_MAX_LOG_ROW = 1 << 20  # bytes of console in one logs row
# A logs row spans at most this long: its time is the time of every line it holds for the
# console indexer, so a row never stretches over more than a blink.
_LOG_ROW_SPAN_S = 0.05
_EARLY_COMMIT_BYTES = 4 << 20  # queued bytes that wake the writer before its interval
# Console bytes in one transaction: the final status, on a connection of its own, waits for
# the transaction in progress when the command ends.
_MAX_TX_LOG_BYTES = 4 << 20
# The WAL grows to this many pages before the writer copies it into the database (SQLite's
# default, 1,000 pages, makes a command printing 30 MB/s pay a checkpoint and its fsyncs every
# 4 MB, on the writer's thread, in the command's process). The console indexer, a niced
# process, checkpoints at SQLite's default after its own commits.
_WAL_PAGES = 16384
# ... once close() has set a deadline: a transaction started just before the deadline must end
# soon after it, even on a loaded machine, where the writer thread yields the CPU to all else.
_FINAL_TX_LOG_BYTES = 2 << 20
# How long close() waits past its deadline for the writer thread: the transaction in progress,
# then the handover of the console left. Past this, mlop exits and says so.
_OVERRUN_S = 15.0
# The writer's lock wait: short, so that it comes back to its loop (and to a close) quickly; a
# lock held longer is retried there, silently until _LOCKED_QUIET_S have passed with no other
# writer committing (a lock held by a stuck process, a browser of the file), or
# _CONTENDED_QUIET_S while others commit in turn (many runs into one store on a busy machine:
# slow, but nothing for the user to do).
_BUSY_MS = 1000
_LOCKED_QUIET_S = 10.0
_CONTENDED_QUIET_S = 120.0
STATUS_WAIT_S = 10.0
"""How long the final status waits for a store that another process holds locked."""


# The writer thread's name (mlop run lowers its priority by it).
THREAD_NAME = "mlop-writer"


@dataclass(slots=True)
class _Flush:
    done: threading.Event


@dataclass
class WriterStats:
    """What the writer did, for the run's closing line."""

    points: int = 0
    log_bytes: int = 0  # console bytes received (scrubbed)
    stored_log_bytes: int = 0  # of them, committed to the store
    handed_over_bytes: int = 0  # of them, left in a spool for a later process to store
    stored_rows: int = 0  # console rows committed (``logs`` seqs 0..stored_rows-1)
    status_lost: bool = False  # the final status could be neither stored nor kept beside
    dropped_records: int = 0
    bad_records: int = 0
    dropped_bytes: int = 0
    write_errors: int = 0
    unflushed: bool = False
    store_failed: bool = False  # the last commit failed: what is counted was not stored
    run_stored: bool = False  # the run's row reached the store at least once
    overflowed_bytes: int = 0  # console kept on disk while the writer could not take it
    handover: Path | None = None  # the manifest of the console handed over, if any


class Writer:
    """Batches records from every source into SQLite transactions, in its own thread.

    Args:
        path: The store file.
        run_id: The run every record belongs to.
        flush_interval: Seconds between commits.
        heartbeat_interval: Seconds between heartbeats (0: no heartbeat thread, for imports).
        max_pending_bytes: Memory the writer may hold before the console goes to a spool and
            other records are dropped (and counted).
        warn: Receives one-line warnings for the user.
        clock: Wall clock.
        monotonic: The clock of waits (how long the store has been locked).
        secrets: Byte strings scrubbed from the stored console and texts.
        block_when_full: Imports: ``put`` waits for the writer instead of dropping anything.
        network_fs: Whether the store is on a network filesystem (None: detect).
    """

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
        monotonic: Callable[[], float] = time.monotonic,
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
        self._thread = threading.Thread(target=self._loop, name=THREAD_NAME, daemon=True)
        self._heartbeat = threading.Thread(target=self._beat, name="mlop-heartbeat", daemon=True)
        self._stop_beating = threading.Event()
        self._wake = threading.Event()
        self._conn: sqlite3.Connection | None = None
        self._metric_ids: dict[tuple[str, str], int] = {}
        self._run_created = False
        self._run_origin: RunStart | None = None  # set by put: commit_final may need it first
        self._logs: list[list[Any]] = []  # [time, stream, bytearray], not yet stored, in order
        self._log_memory = 0  # bytes in self._logs
        self._log_seq = 0
        self._spool: LogSpool | None = None
        self._spooling = False  # new console goes to the spool (behind what it holds)
        self._spool_cut: int | None = None  # spool position after this transaction's rows
        self._failing = False
        self._locked_since: float | None = None  # failing on the lock since, others idle
        self._contended_since: float | None = None  # failing on the lock since, at all
        self._seen_version: int | None = None  # the store's data_version at the last failure
        self._monotonic = monotonic
        self._deadline: float | None = None
        self._block_when_full = block_when_full
        self._secrets = list(secrets or [])
        self._scrubbers: dict[int, Scrubber] = {}  # the secrets known (producer side)
        # Those found by their form: by the writer thread, or once the console overflows by
        # the producer (the writer thread never reads the overflow before it is stored).
        self._forms: defaultdict[int, FormScrubber] = defaultdict(FormScrubber)
        self._overflow_forms: defaultdict[int, FormScrubber] = defaultdict(FormScrubber)
        # Everything but the console, until its transaction: rows, run row, points.
        self._batch = Batch(run_id, self._secrets)
        self._inode: int | None = None
        self._network_fs: bool | None = network_fs
        self._log_cut = 0
        self._console_rows = 0  # logs rows and bytes this transaction takes from the spool
        self._console_bytes = 0
        self._bad_record_noted = False
        self._overflow_lock = threading.Lock()
        self._overflow: LogSpool | None = None  # console the queue had no room for (producer)
        self._overflow_next: LogSpool | None = None  # the writer reached its marker
        self._spool_failed_noted = False
        self._failing_now = False  # the last commit attempt failed
        self._final_lock = threading.Lock()
        self._final_written = False

    # -- producer side -------------------------------------------------------------------

    def put(self, record: Any) -> None:
        """Queue a record. Never blocks (but for imports); never raises."""
        if isinstance(record, RunStart):
            self._run_origin = record
        size = _size_of(record)
        if isinstance(record, rec.LogChunk):
            self._put_console(record, size)
            return
        if self._block_when_full:
            # Imports (no child to protect) wait for the writer instead of dropping.
            self._wait_for_room()
        elif size and self._queued_bytes > 2 * self.max_pending_bytes:
            # The writer thread is not even taking records off the queue (starved of CPU):
            # memory must stay bounded. Counted exactly, said once, recorded at the end.
            self._drop(size)
            return
        self._queued_bytes += size
        self._queue.put(record)
        if self._queued_bytes > _EARLY_COMMIT_BYTES or isinstance(record, RunStart):
            # A burst: commit now rather than hold it in memory. The run's row: at once, so
            # that a run whose mlop is killed in its first half second is still found (lost).
            self._wake.set()

    def _put_console(self, record: rec.LogChunk, size: int) -> None:
        """Queue console bytes, or, once the queue is past its bound, append them to the
        overflow spool in this (the producer's) thread.

        A writer thread starved of CPU while the command floods its output must neither drop
        what was printed nor make the command wait: an append to a file (the page cache) costs
        what the pass-through's write costs. From the first overflow on, all console goes there
        (so the order holds: what was queued before, then the overflow), and a marker in the
        queue tells the writer where the console continues. At the end the writer moves the
        overflow into the store, or hands it over (see :mod:`mlop_cli.store.spool`).
        """
        if self._block_when_full:
            self._wait_for_room()  # imports: no command to protect, nothing to overflow
        with self._overflow_lock:
            # One scrubber per stream for all the console, in the order it is put (a secret
            # cut between a queued chunk and an overflowed one is still found).
            data = self._scrub(record.stream, record.data)
            if (
                self._overflow is None
                and not self._block_when_full
                and self._queued_bytes > 2 * self.max_pending_bytes
            ):
                self._overflow = self._open_overflow()
            if self._overflow is not None:
                try:
                    data = self._overflow_forms[record.stream].feed(data)
                    if data:
                        self._overflow.append(record.time, record.stream, data)
                    self.stats.overflowed_bytes += len(data)
                except (OSError, ValueError):  # a full disk; a spool closed by a late put
                    self._drop(size)
                return
            if data:
                size -= len(record.data) - len(data)
                self._queued_bytes += size
                self._queue.put(rec.LogChunk(record.stream, record.time, data))
        if self._queued_bytes > _EARLY_COMMIT_BYTES:
            self._wake.set()

    def _wait_for_room(self) -> None:
        while (
            self._queued_bytes + self._log_memory > self.max_pending_bytes // 2
            and self._thread.is_alive()
        ):
            time.sleep(0.005)

    def _scrub(self, stream: int, data: bytes) -> bytes:
        """``data`` with the secrets mlop knows of scrubbed by its stream's scrubber (which
        holds back an end that may begin a secret until the next chunk or :meth:`close`).
        Those found by their form are scrubbed by the writer thread (see _absorb_one), off the
        command's path, or in _put_console once the console overflows."""
        if not self._secrets:
            return data
        scrubber = self._scrubbers.get(stream)
        if scrubber is None:
            scrubber = self._scrubbers[stream] = Scrubber(self._secrets)
        return scrubber.feed(data)

    def _open_overflow(self) -> LogSpool | None:
        spool = LogSpool(run_files(self.path) / f"{self.run_id}.overflow.spool")
        try:
            spool.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        self._queue.put(_OverflowStarted(spool))
        self._wake.set()
        return spool

    def _drop(self, size: int) -> None:
        if not self.stats.dropped_records:
            self._warn(
                "output comes faster than mlop can take it; it keeps passing it through but "
                "stops storing some of it to keep its memory bounded (the loss is recorded)"
            )
        self.stats.dropped_records += 1
        self.stats.dropped_bytes += size

    def start(self) -> None:
        """Start the writer thread (and the heartbeat's)."""
        self._thread.start()
        if self.heartbeat_interval > 0:
            self._heartbeat.start()

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

    def commit_final(self, columns: dict[str, Any], wait: float = STATUS_WAIT_S) -> bool:
        """Commit the run's final columns (status, exit code, signal, end time) now.

        On a connection of its own, in one small transaction, whatever the writer thread is
        doing; the run's row is created here if the thread has not created it yet. A store held
        locked by another process is waited for up to ``wait`` seconds.

        Returns:
            True when the columns are stored. Otherwise they are saved beside the store for
            ``mlop recover`` (see :func:`mlop_cli.store.recovery.pending_status`) and a warning
            says so.
        """
        with self._final_lock:
            deadline = time.monotonic() + wait
            error: BaseException | None = None
            for attempt in range(1000):
                try:
                    self._write_final(columns)
                    self._final_written = True
                    return True
                except (sqlite3.Error, OSError) as exc:
                    error = exc
                    if time.monotonic() > deadline or not _transient(exc):
                        break
                    time.sleep(min(0.02 * 2**attempt, 0.25))
            return self._save_final(columns, error)

    def close(self, timeout: float = 1.5) -> WriterStats:
        """Drain and commit what is queued, within ``timeout`` seconds, then stop the threads.

        The run's small records (points, events, params) are committed whatever the deadline;
        console that does not fit in the time is handed over (see :mod:`mlop_cli.store.spool`)
        rather than lost: mlop never holds a Slurm node after the job because its disk is slow.
        """
        self._deadline = time.monotonic() + timeout
        with self._overflow_lock:
            # What the scrubbers held back ends the console, where it goes now.
            for stream, scrubber in self._scrubbers.items():
                tail = scrubber.flush()
                if not tail:
                    continue
                if self._overflow is not None:
                    tail = self._overflow_forms[stream].feed(tail)
                    with contextlib.suppress(OSError, ValueError):
                        self._overflow.append(self._clock(), stream, tail)
                else:
                    self._queue.put(rec.LogChunk(stream, self._clock(), tail))
            if self._overflow is not None:
                for stream, form in self._overflow_forms.items():
                    tail = form.flush()
                    if tail:
                        with contextlib.suppress(OSError, ValueError):
                            self._overflow.append(self._clock(), stream, tail)
        self._queue.put(None)
        self._wake.set()
        # Past the deadline the thread only ends the transaction in progress (a lock wait ~1 s,
        # at most _FINAL_TX_LOG_BYTES of console) and hands the rest over: wait for that, or
        # the console left would sit in a spool without the manifest that names it.
        self._thread.join(timeout + _OVERRUN_S)
        self._stop_beating.set()
        if self._thread.is_alive():
            self.stats.unflushed = True
        self.stats.store_failed = self._failing
        self.stats.run_stored = self._run_created or self._final_written
        self.stats.stored_rows = self._log_seq
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
            starting = self._batch.run_start is not None and not self._run_created
            if stopping or starting or time.monotonic() >= next_flush:
                self._commit()
                for waiter in waiters:
                    waiter.set()
                waiters.clear()
                # A backlog of console left (commits are capped): go on at once, not in 0.5 s
                # (but for the run's row committed early: the console keeps its interval).
                backlog = self._console_left() and not self._failing and not starting
                next_flush = time.monotonic() + (0.0 if backlog else self.flush_interval)
            if stopping:
                self._drain_after_stop()
                break

    def _console_left(self) -> bool:
        return (
            bool(self._logs)
            or (self._spool is not None and self._spool.pending > 0)
            or (self._overflow_next is not None and self._overflow_next.pending > 0)
        )

    def _adopt_overflow(self) -> None:
        """Once what the writer holds is stored, the overflow spool is the console's source."""
        if self._overflow_next is None or self._logs:
            return
        if self._spool is not None:
            if self._spool.pending > 0:
                return
            self._spool.close(remove=True)
        self._spool, self._overflow_next = self._overflow_next, None
        self._spooling = True

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
        self._flush_forms()  # (the console's last partial lines, held back for a secret)
        # 1. The run's context, events and points first, apart from the console, and whatever
        #    the deadline: they are small, and the run must be recorded honestly.
        logs, self._logs = self._logs, []
        spooling, self._spooling = self._spooling, False
        spool, self._spool = self._spool, None
        self._commit(final=True, ignore_deadline=True)
        self._logs, self._spooling, self._spool = logs, spooling, spool
        # 2. The console, a capped transaction at a time, while the deadline allows.
        while self._console_left() and not self._past_deadline():
            before = (len(self._logs), self._spool.pending if self._spool else 0)
            self._commit(final=True)
            after = (len(self._logs), self._spool.pending if self._spool else 0)
            if after == before:  # the store refused: hand the rest over
                break
        # 3. What is left goes to a later process, in order, with its seqs fixed.
        if self._console_left():
            self._hand_over()
        elif self._spool is not None:
            self._spool.close(remove=True)
        # 4. Say what was not stored, in a transaction small enough to go through.
        if self.stats.dropped_records or self.stats.dropped_bytes:
            self._note(
                "warning",
                "store.dropped",
                f"{self.stats.dropped_records:,} records ({self.stats.dropped_bytes:,} bytes) could not be "
                "stored: the disk refused them and mlop had to keep its memory bounded",
                data={
                    "records": self.stats.dropped_records,
                    "bytes": self.stats.dropped_bytes,
                },
            )
        if self._batch.has_rows:
            self._commit(final=True, ignore_deadline=True)
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        with self._overflow_lock:
            if self._overflow is not None:
                handed_over = self.stats.handover is not None
                self._overflow.close(remove=self._overflow.pending == 0 and not handed_over)

    def _hand_over(self) -> None:
        """Put the console not yet stored into the spool and write its handover manifest."""
        self._adopt_overflow()
        spool = self._spool_file()
        lost = 0
        reason = ""
        for index, (when, stream, data) in enumerate(self._logs):
            try:
                spool.append(when, stream, data)
            except OSError as error:
                # The disk refuses even the spool: what it holds is handed over, the rest lost.
                lost = sum(len(chunk[2]) for chunk in self._logs[index:])
                reason = str(error.strerror or error)
                break
        self._logs = []
        self._log_memory = 0
        following = self._overflow_next
        handed = spool.pending_console + (following.pending_console if following is not None else 0)
        manifest = None
        if handed:
            try:
                manifest = spool.hand_over(self._log_seq, then=self._overflow_next)
            except OSError as error:
                lost += handed
                handed = 0
                reason = str(error.strerror or error)
        spool.close(remove=manifest is None)
        # Handed over (or lost): no later commit of this writer reads the console again.
        self._spool = self._overflow_next = None
        if lost:
            self.stats.dropped_bytes += lost
            self._note(
                "warning",
                "store.console_lost",
                f"{lost:,} bytes of console could neither be stored in time nor kept beside "
                f"the store ({reason})",
                data={"bytes": lost},
            )
        if manifest is None:
            return
        self.stats.handed_over_bytes = handed
        self.stats.handover = manifest
        self._note(
            "info",
            "console.handed_over",
            f"{handed:,} bytes of console did not reach the store before mlop exited; they are "
            "kept beside it and stored by a later process (mlop recover finishes it if needed)",
            data={"bytes": handed, "manifest": str(manifest)},
        )

    def _note(
        self,
        level: str,
        kind: str,
        message: str,
        when: float | None = None,
        data: dict[str, Any] | None = None,
    ) -> None:
        """Queue one of mlop's own events about the run for the next commit."""
        self._batch.note(self._clock() if when is None else when, level, kind, message, data)

    def _past_deadline(self) -> bool:
        return self._deadline is not None and time.monotonic() > self._deadline

    def _absorb(self, record: Any) -> None:
        try:
            self._absorb_one(record)
        except Exception as error:  # one bad record must not end the writer
            self.stats.bad_records += 1
            if not self._bad_record_noted:
                self._bad_record_noted = True
                self._note(
                    "warning",
                    "store.bad_record",
                    f"a {type(record).__name__} record could not be stored: {error!r}",
                )

    def _absorb_one(self, record: Any) -> None:
        if isinstance(record, _OverflowStarted):
            # Everything queued before is absorbed: the console goes on in the overflow spool,
            # once what the writer holds is stored (what its form scrubbers held back first).
            self._flush_forms()
            self._overflow_next = record.spool
            self._adopt_overflow()
            return
        size = _size_of(record)
        self._queued_bytes -= size
        if isinstance(record, rec.LogChunk):
            # The secrets known were scrubbed by put; those found by their form, here.
            self._keep_log(record.stream, record.time, self._forms[record.stream].feed(record.data))
            return
        if (
            not self._block_when_full
            and self._failing
            and self._batch.size > self.max_pending_bytes
        ):
            # The store has refused for a while and memory is at its bound.
            self.stats.dropped_records += 1
            self.stats.dropped_bytes += size
            return
        self._batch.size += size
        if isinstance(record, RunStart):
            self._run_origin = record
        self.stats.points += self._batch.add(record)

    def _flush_forms(self) -> None:
        """What the writer's form scrubbers held back (partial lines), stored in turn."""
        for stream, form in self._forms.items():
            tail = form.flush()
            if tail:
                self._keep_log(stream, self._clock(), tail)

    def _keep_log(self, stream: int, when: float, data: bytes) -> None:
        if not data:
            return
        self.stats.log_bytes += len(data)
        if self._spooling:
            self._to_spool(when, stream, data)
            return
        last = self._logs[-1] if self._logs else None
        if (
            last is not None
            and last[1] == stream
            and len(last[2]) + len(data) <= _MAX_LOG_ROW
            and when - last[0] <= _LOG_ROW_SPAN_S
        ):
            last[2] += data
        else:
            self._logs.append([when, stream, bytearray(data)])
        self._log_memory += len(data)
        if self._log_memory > self.max_pending_bytes // 2 and not self._block_when_full:
            # The store is slower than the command: keep the console on disk, in order, and
            # let the store catch up from there, rather than hold it all in memory.
            self._start_spooling()

    def _start_spooling(self) -> None:
        held, self._logs = self._logs, []
        self._log_memory = 0
        self._spooling = True
        for when, stream, data in held:
            self._to_spool(when, stream, data)

    def _to_spool(self, when: float, stream: int, data: bytes | bytearray) -> None:
        try:
            self._spool_file().append(when, stream, data)
        except OSError as error:
            self.stats.dropped_records += 1
            self.stats.dropped_bytes += len(data)
            if not self._spool_failed_noted:
                self._spool_failed_noted = True
                self._warn(
                    f"the store cannot keep up and the console cannot be kept beside it "
                    f"({error.strerror or error}); some of it is not stored (the loss is recorded)"
                )

    def _spool_file(self) -> LogSpool:
        if self._spool is None:
            self._spool = LogSpool(run_files(self.path) / f"{self.run_id}.spool")
        return self._spool

    # -- SQLite --------------------------------------------------------------------------

    def _replaced(self) -> bool:
        """Whether the open store file was deleted or replaced under the writer."""
        if self._conn is None or self._inode is None:
            return False
        try:
            return self.path.stat().st_ino != self._inode
        except OSError:
            return True

    def _open(self) -> sqlite3.Connection:
        if self._replaced():
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
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
            conn.execute(f"PRAGMA wal_autocheckpoint = {_WAL_PAGES}")
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
            self._batch.run_start = self._run_origin
            self._batch.meta_dirty = True
        self._batch.points.rewrite_all()
        self._warn(
            f"the store {self.path} was deleted or replaced during the run; writing a new one from now on"
        )
        self._note(
            "warning",
            "store.replaced",
            "the store file was deleted or replaced during the run; data written before was lost with it",
        )

    def _commit(self, final: bool = False, ignore_deadline: bool = False) -> None:
        self._commit_once(final, ignore_deadline)
        if self._failing_now and self._replaced():
            # The commit failed because the file went away mid-transaction: write the new one.
            self._commit_once(final, ignore_deadline)

    def _commit_once(self, final: bool, ignore_deadline: bool) -> None:
        self._failing_now = False
        self._batch.points.rolled_back()
        self._log_cut = 0
        self._spool_cut = None
        if not (self._console_left() or self._batch.pending):
            return
        if self._past_deadline() and not ignore_deadline:
            return  # out of time: the console left is handed over
        now = self._clock()
        try:
            conn = self._open()
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._write(conn, now)
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise
        except (sqlite3.Error, OSError) as error:
            self._metric_ids.clear()
            self._batch.points.rolled_back()
            self._failing_now = True
            if self._replaced():
                return  # not a failure of the store: _commit writes the new file at once
            self._on_failure(error)
            if (
                self._conn is not None
                and isinstance(error, sqlite3.DatabaseError)
                and "malformed" in str(error)
            ):
                self._conn = None
            return
        except Exception as error:  # a bug must cost one batch, not the writer
            self._metric_ids.clear()
            self._batch.points.rolled_back()
            self._drop_pending(error)
            return
        self._after_success(now)

    def _drop_pending(self, error: BaseException) -> None:
        """An unexpected error writing a batch: drop the batch, say so, keep the writer alive."""
        dropped = self._batch.size + sum(len(chunk[2]) for chunk in self._logs[: self._log_cut])
        self.stats.dropped_records += 1
        self.stats.dropped_bytes += dropped
        self._batch.discard()
        del self._logs[: self._log_cut]
        self._log_memory = sum(len(chunk[2]) for chunk in self._logs)
        self._warn(
            f"mlop could not store a batch of data ({dropped:,} bytes): {error!r}; it goes on"
        )
        self._note(
            "warning",
            "store.batch_dropped",
            f"a batch of data ({dropped:,} bytes) could not be stored: {error!r}",
            data={"bytes": dropped},
        )

    def _write(self, conn: sqlite3.Connection, now: float) -> None:
        run_id = self.run_id
        batch = self._batch
        if batch.run_start is not None and not self._run_created:
            row = dict(batch.run_start.row)
            row["meta"] = batch.meta_json()
            row["heartbeat_at"] = now
            names = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            # Never over a row already there: the final status may have created it first.
            conn.execute(
                f"INSERT INTO runs ({names}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
                list(row.values()),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO tags (run_id, tag) VALUES (?, ?)",
                [(run_id, tag) for tag in batch.run_start.tags],
            )
            if batch.run_start.console_index:
                conn.execute(BEGIN_INDEX, (run_id, now, BEGUN_INDEX_STATE))
        if batch.columns or batch.meta_dirty:
            columns = dict(batch.columns)
            if batch.meta_dirty:
                columns["meta"] = batch.meta_json()
            assignments = ", ".join(f"{name} = ?" for name in columns)
            conn.execute(f"UPDATE runs SET {assignments} WHERE id = ?", [*columns.values(), run_id])
        if batch.points.dirty:
            self._write_points(conn)
        self._write_console(conn)
        if batch.tables["params"]:
            conn.executemany(
                "INSERT OR REPLACE INTO params (run_id, key, value, source) VALUES (?, ?, ?, ?)",
                batch.tables["params"],
            )
        if batch.tables["events"]:
            conn.executemany(
                "INSERT INTO events (run_id, time, level, kind, message, data) VALUES (?, ?, ?, ?, ?, ?)",
                batch.tables["events"],
            )
        if batch.tables["texts"]:
            conn.executemany(
                "INSERT INTO texts (run_id, tag, step, time, text) VALUES (?, ?, ?, ?, ?)",
                batch.tables["texts"],
            )
        if batch.tables["histograms"]:
            rows = [
                (self._metric_id(conn, key), *rest) for key, *rest in batch.tables["histograms"]
            ]
            conn.executemany(
                "INSERT INTO histograms (metric_id, run_id, step, time, edges, counts) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )

    def _write_console(self, conn: sqlite3.Connection) -> None:
        # At most _MAX_TX_LOG_BYTES of console per transaction: the writer stays quick to answer
        # a close. What is in memory is older than what is in the spool: it goes first.
        chunks: list[list[Any]]
        limit = _MAX_TX_LOG_BYTES if self._deadline is None else _FINAL_TX_LOG_BYTES
        if self._logs:
            size = 0
            while self._log_cut < len(self._logs) and (self._log_cut == 0 or size < limit):
                size += len(self._logs[self._log_cut][2])
                self._log_cut += 1
            chunks = self._logs[: self._log_cut]
        elif self._spool is not None and self._spool.pending > 0:
            chunks, self._spool_cut = self._spool.read(limit)
        else:
            return
        conn.executemany(
            "INSERT OR REPLACE INTO logs (run_id, seq, time, stream, data) VALUES (?, ?, ?, ?, ?)",
            [
                (self.run_id, self._log_seq + index, when, stream, bytes(data))
                for index, (when, stream, data) in enumerate(chunks)
            ],
        )
        self._console_rows = len(chunks)
        self._console_bytes = sum(len(chunk[2]) for chunk in chunks)

    def _metric_id(self, conn: sqlite3.Connection, key: MetricKey) -> int:
        metric_id = self._metric_ids.get(key)
        if metric_id is None:
            metric_id = metric_id_of(conn, *key)
            self._metric_ids[key] = metric_id
        return metric_id

    def _write_points(self, conn: sqlite3.Connection) -> None:
        # Full chunks are written once; the open (partial) chunk is rewritten at each commit.
        # Nothing is trimmed from memory until the transaction has committed (_after_success).
        chunks, summaries = self._batch.points.rows(
            self.run_id, lambda key: self._metric_id(conn, key)
        )
        conn.executemany(INSERT_CHUNK, chunks)
        conn.executemany(INSERT_SUMMARY, summaries)

    def _on_failure(self, error: BaseException) -> None:
        self.stats.write_errors += 1
        if _transient(error):
            # Another process holds the store: wait silently for a while, as a user expects,
            # and longer while other writers get their turns.
            now = self._monotonic()
            if self._contended_since is None:
                self._contended_since = now
            if self._locked_since is None or self._others_committed():
                self._locked_since = now
            if (
                now - self._locked_since < _LOCKED_QUIET_S
                and now - self._contended_since < _CONTENDED_QUIET_S
            ):
                return
        if not self._failing:
            self._failing = True
            self._warn(
                f"cannot write the store {self.path}: {explain_store_error(self.path, error)}; "
                "the run goes on, mlop keeps its data (bounded) and retries"
            )

    def _others_committed(self) -> bool:
        """Whether another connection committed to the store since the last look."""
        if self._conn is None:
            return False
        try:
            version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return False
        seen, self._seen_version = self._seen_version, version
        return seen is not None and version != seen

    def _after_success(self, now: float) -> None:
        self._locked_since = None
        self._contended_since = None
        self._seen_version = None
        if self._batch.run_start is not None:
            self._run_created = True
        self._batch.committed()
        progressed = bool(self._log_cut) or self._spool_cut is not None
        if self._log_cut:
            stored = sum(len(chunk[2]) for chunk in self._logs[: self._log_cut])
            self._log_seq += self._log_cut
            del self._logs[: self._log_cut]
            self._log_memory -= stored
            self.stats.stored_log_bytes += stored
        elif self._spool_cut is not None and self._spool is not None:
            self._log_seq += self._console_rows
            self.stats.stored_log_bytes += self._console_bytes
            self._spool.consumed(self._spool_cut, self._console_rows)
            if self._spool.pending == 0:
                self._spooling = False  # caught up: memory again
        if progressed:
            self._adopt_overflow()
        self._log_cut = 0
        self._spool_cut = None
        if self._failing:
            self._failing = False
            dropped = self.stats.dropped_bytes
            if self._deadline is None:  # once the run has ended, its closing line says it all
                self._warn(
                    f"the store {self.path} is writable again"
                    + (f"; {dropped:,} bytes were dropped meanwhile" if dropped else "")
                )
            self._note(
                "warning",
                "store.recovered",
                f"store was not writable for a while; {self.stats.dropped_records} records "
                f"({dropped} bytes) dropped",
                when=now,
                data={"records": self.stats.dropped_records, "bytes": dropped},
            )

    # -- the final status and the heartbeat, on connections of their own --------------------

    def _side_connection(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        network_fs = self._network_fs
        if network_fs is None:
            network_fs = is_network_filesystem(self.path)
        conn = connect(self.path, network_fs=network_fs, busy_timeout_ms=_BUSY_MS)
        try:
            # One row: never the one to copy the whole WAL into the database (at the command's
            # end the WAL holds up to _WAL_PAGES pages: 0.2 s of the exit).
            conn.execute("PRAGMA wal_autocheckpoint = 0")
            ensure_schema(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _write_final(self, columns: dict[str, Any]) -> None:
        conn = self._side_connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                origin = self._run_origin
                if origin is not None:
                    row = dict(origin.row)
                    row.update(columns)
                    names = ", ".join(row)
                    marks = ", ".join("?" for _ in row)
                    conn.execute(
                        f"INSERT INTO runs ({names}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
                        list(row.values()),
                    )
                assignments = ", ".join(f"{name} = ?" for name in columns)
                conn.execute(
                    f"UPDATE runs SET {assignments} WHERE id = ?", [*columns.values(), self.run_id]
                )
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise
        finally:
            conn.close()

    def _save_final(self, columns: dict[str, Any], error: BaseException | None) -> bool:
        from mlop_cli.store.recovery import save_pending_status

        origin = self._run_origin.row if self._run_origin is not None else None
        try:
            saved = save_pending_status(self.path, self.run_id, columns, origin)
        except OSError:
            saved = None
        reason = explain_store_error(self.path, error) if error is not None else "unknown"
        if saved is not None:
            self._warn(
                f"the final status of run {self.run_id} could not be written to {self.path} "
                f"({reason}); it is kept in {saved}: run `mlop recover --store {self.path}` "
                "to store it"
            )
        # Otherwise the store cannot be written at all: the writer says so, and the run's
        # closing line says the status is not stored.
        self.stats.status_lost = saved is None
        return False

    def _beat(self) -> None:
        conn: sqlite3.Connection | None = None
        next_beat = time.monotonic() + self.heartbeat_interval
        try:
            while not self._stop_beating.wait(max(0.0, next_beat - time.monotonic())):
                # Drift-free: the next beat is due one interval after the last was due.
                next_beat += self.heartbeat_interval
                if next_beat < time.monotonic():
                    next_beat = time.monotonic() + self.heartbeat_interval
                if self._network_fs is None or not self.path.exists():
                    continue  # the writer has not opened the store yet
                try:
                    if conn is None:
                        conn = connect(self.path, network_fs=self._network_fs, busy_timeout_ms=500)
                    conn.execute(
                        "UPDATE runs SET heartbeat_at = ? WHERE id = ?",
                        (self._clock(), self.run_id),
                    )
                except sqlite3.Error:
                    # A lock or a full disk: this beat is skipped, the next one tries again.
                    if conn is not None:
                        with contextlib.suppress(sqlite3.Error):
                            conn.close()
                    conn = None
        finally:
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()


def metric_id_of(conn: sqlite3.Connection, source: str, name: str) -> int:
    """The id of metric ``(source, name)``, created if new."""
    row = conn.execute(
        "SELECT id FROM metrics WHERE name = ? AND source = ?", (name, source)
    ).fetchone()
    if row is not None:
        return int(row[0])
    conn.execute("INSERT OR IGNORE INTO metrics (name, source) VALUES (?, ?)", (name, source))
    return int(
        conn.execute(
            "SELECT id FROM metrics WHERE name = ? AND source = ?", (name, source)
        ).fetchone()[0]
    )


def _rollback(conn: sqlite3.Connection) -> None:
    # A failed COMMIT (a full disk, an I/O error) has rolled back already, and a ROLLBACK then
    # raises "no transaction is active", which would hide the real cause.
    with contextlib.suppress(sqlite3.Error):
        conn.execute("ROLLBACK")


def _transient(error: BaseException) -> bool:
    """Whether an error means another process holds the store (wait), not that it is broken."""
    return isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error)
    )


def explain_store_error(path: Path, error: BaseException) -> str:
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
    limit = _file_size_limit()
    if limit is not None and (code == errno.EFBIG or _near(path, limit)):
        # SQLite reports a write past `ulimit -f` (EFBIG) as a disk I/O error.
        return f"{error} (`ulimit -f` limits a file to {limit:,} bytes: raise it)"
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror} ({error.filename or folder})"
    return str(error)


def _near(path: Path, limit: int) -> bool:
    """Whether the store or its WAL is within a few pages of ``limit`` bytes."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            if file.stat().st_size + (64 << 10) >= limit:
                return True
    return False


def _file_size_limit() -> int | None:
    """The process's file-size limit (`ulimit -f`) in bytes; None when there is none."""
    import resource

    try:
        soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    except (OSError, ValueError):
        return None
    return None if soft == resource.RLIM_INFINITY else int(soft)


@dataclass(frozen=True, slots=True)
class _OverflowStarted:
    """The console continues in the producer's overflow spool from here on."""

    spool: LogSpool


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
