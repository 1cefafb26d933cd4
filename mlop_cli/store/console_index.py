"""Console metrics as an index over the stored console: the store side of the indexer.

The ``logs`` table is the source of truth; console metrics are derived from it by one indexer
per run (:mod:`mlop_cli.indexing`), which reads the rows in seq order and commits its points
together with how far it has read (``console_index.log_seq``), so a reader always knows whether
a run's console metrics are complete (``done``). Only one indexer works on a run at a time: it
holds an exclusive ``flock`` on ``<store>.runs/RUN.index.lock``, which the kernel releases if it
dies, so "is an indexer alive" is a non-blocking lock attempt.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from mlop_cli import records as rec
from mlop_cli.store.points import INSERT_CHUNK, INSERT_SUMMARY, SeriesBuffer
from mlop_cli.store.schema import BEGUN_INDEX_STATE, INDEX_VERSION, connect, ensure_schema
from mlop_cli.store.spool import finish_handover, handover_of, read_handover, run_files
from mlop_cli.store.writer import metric_id_of

_READ_BYTES = 4 << 20  # console read per step


class IndexLock:
    """The exclusive right to index one run's console (an ``flock`` the kernel frees on death)."""

    def __init__(self, store: Path, run_id: str) -> None:
        self.path = run_files(store) / f"{run_id}.index.lock"
        self._handle: IO[str] | None = None

    def acquire(self, wait: float = 0.0) -> bool:
        """Take the lock, waiting up to ``wait`` seconds; False when another process holds it."""
        deadline = time.monotonic() + wait
        while True:
            try:
                if self._handle is None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    self._handle = open(self.path, "a")  # held until release
                fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.05)
            except OSError:
                # No lock can be had here (a read-only folder): the caller works unlocked.
                return True

    def release(self) -> None:
        """Give the lock up."""
        if self._handle is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._handle, fcntl.LOCK_UN)
                self._handle.close()
            self._handle = None


def indexer_alive(store: Path, run_id: str) -> bool:
    """Whether a process holds the run's index lock now."""
    path = run_files(store) / f"{run_id}.index.lock"
    if not path.exists():
        return False
    try:
        with open(path, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(handle, fcntl.LOCK_UN)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


class ConsoleIndexStore:
    """Reads a run's stored console and writes the metrics derived from it.

    Args:
        store: The store file.
        run_id: The run.
    """

    def __init__(self, store: Path, run_id: str, *, network_fs: bool = False) -> None:
        self.store = store
        self.run_id = run_id
        self.conn = connect(store, network_fs=network_fs)
        ensure_schema(self.conn)
        self._inode = store.stat().st_ino
        self._metric_ids: dict[str, int] = {}
        self._series: dict[str, SeriesBuffer] = {}
        self._events: list[tuple[Any, ...]] = []
        self.points = 0

    def close(self) -> None:
        """Close the connection."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def run_row(self) -> dict[str, Any] | None:
        """The run's status and meta, or None when the run is not in the store (yet)."""
        row = self.conn.execute(
            "SELECT status, meta FROM runs WHERE id = ?", (self.run_id,)
        ).fetchone()
        if row is None:
            return None
        return {"status": row[0], "meta": json.loads(row[1] or "{}")}

    def progress(self) -> tuple[int, bool, int | None]:
        """``(log_seq, done, version)``: how far the console has been indexed."""
        row = self.conn.execute(
            "SELECT log_seq, done, state FROM console_index WHERE run_id = ?", (self.run_id,)
        ).fetchone()
        if row is None:
            return 0, False, None
        version = None
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            version = json.loads(row[2] or "{}").get("version")
        return int(row[0]), bool(row[1]), version

    def reset(self) -> None:
        """Forget the run's console metrics, to index its console again from the start."""
        with self._transaction():
            self.conn.execute(
                "DELETE FROM point_chunks WHERE run_id = ? AND metric_id IN"
                " (SELECT id FROM metrics WHERE source = 'console')",
                (self.run_id,),
            )
            self.conn.execute(
                "DELETE FROM run_metrics WHERE run_id = ? AND metric_id IN"
                " (SELECT id FROM metrics WHERE source = 'console')",
                (self.run_id,),
            )
            self.conn.execute(
                "DELETE FROM events WHERE run_id = ? AND kind LIKE 'console.%'"
                " AND kind NOT IN ('console.merged', 'console.handed_over')",
                (self.run_id,),
            )
            # Begun again, not gone: a reader (a sync) never takes the run for one without
            # console metrics to come while they are derived anew.
            self.conn.execute(
                "INSERT OR REPLACE INTO console_index (run_id, log_seq, done, updated_at, state)"
                " VALUES (?, 0, 0, ?, ?)",
                (self.run_id, time.time(), BEGUN_INDEX_STATE),
            )
        self._series.clear()
        self.points = 0

    def replaced(self) -> bool:
        """Whether the store file was deleted or replaced since it was opened."""
        try:
            return self.store.stat().st_ino != self._inode
        except OSError:
            return True

    def first_seq(self) -> int:
        """The seq of the run's first stored console row (0 when none): a store replaced
        during the run holds only the rows written after that."""
        row = self.conn.execute(
            "SELECT min(seq) FROM logs WHERE run_id = ?", (self.run_id,)
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def read(
        self, after_seq: int, max_bytes: int = _READ_BYTES
    ) -> list[tuple[int, float, int, bytes]]:
        """Stored console rows from ``after_seq`` on: ``(seq, time, stream, data)``, in order."""
        rows: list[tuple[int, float, int, bytes]] = []
        total = 0
        cursor = self.conn.execute(
            "SELECT seq, time, stream, data FROM logs WHERE run_id = ? AND seq >= ? ORDER BY seq",
            (self.run_id, after_seq),
        )
        for seq, when, stream, data in cursor:
            if seq != after_seq + len(rows):
                break  # a gap: a row not committed yet (never read past it)
            rows.append((seq, when, stream, data))
            total += len(data)
            if total >= max_bytes:
                break
        cursor.close()
        return rows

    def apply_handover(self) -> int:
        """Move a console handed over by the run's writer into the store; the bytes moved."""
        manifest = handover_of(self.store, self.run_id)
        if manifest is None:
            return 0
        moved = 0
        for batch in read_handover(manifest):
            with self._transaction():
                self.conn.executemany(
                    "INSERT OR REPLACE INTO logs (run_id, seq, time, stream, data)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [(self.run_id, *row) for row in batch],
                )
            moved += sum(len(row[3]) for row in batch)
        finish_handover(manifest)
        return moved

    def add(self, records: Iterable[Any]) -> None:
        """Take the parser's records (Points, Events) for the next commit."""
        for record in records:
            if isinstance(record, rec.Points):
                series = self._series.get(record.metric)
                if series is None:
                    series = self._series[record.metric] = SeriesBuffer()
                self.points += series.add(record.steps, record.times, record.values, record.epochs)
            elif isinstance(record, rec.Event):
                self._events.append(
                    (
                        self.run_id,
                        record.time,
                        record.level,
                        record.kind,
                        record.message,
                        json.dumps(record.data, default=str) if record.data else None,
                    )
                )

    def commit(self, log_seq: int, done: bool) -> None:
        """Store the points taken since the last commit with how far the console is read."""
        trims: list[tuple[SeriesBuffer, int]] = []
        with self._transaction():
            for name, series in self._series.items():
                if not series.dirty:
                    continue
                metric_id = self._metric_ids.get(name)
                if metric_id is None:
                    metric_id = self._metric_ids[name] = metric_id_of(self.conn, rec.CONSOLE, name)
                chunks, summary = series.rows(self.run_id, metric_id)
                self.conn.executemany(INSERT_CHUNK, chunks)
                self.conn.execute(INSERT_SUMMARY, summary)
                trims.append((series, series.full_chunks()))
            if self._events:
                self.conn.executemany(
                    "INSERT INTO events (run_id, time, level, kind, message, data)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    self._events,
                )
            self.conn.execute(
                "INSERT OR REPLACE INTO console_index (run_id, log_seq, done, updated_at, state)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    self.run_id,
                    log_seq,
                    int(done),
                    time.time(),
                    json.dumps({"version": INDEX_VERSION, "points": self.points}),
                ),
            )
        for series, full in trims:
            series.committed(full)
        self._events.clear()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:  # a context manager
        for attempt in range(200):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or attempt == 199:
                    raise
                time.sleep(0.05)
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise


def index_progress(store: Path, run_ids: list[str]) -> dict[str, tuple[int, bool]]:
    """``run -> (log_seq, done)`` for the runs that have an index row (read-only)."""
    if not run_ids:
        return {}
    conn = connect(store, readonly=True)
    try:
        marks = ", ".join("?" for _ in run_ids)
        return {
            run: (int(seq), bool(done))
            for run, seq, done in conn.execute(
                f"SELECT run_id, log_seq, done FROM console_index WHERE run_id IN ({marks})",
                run_ids,
            )
        }
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


def unindexed_bytes(store: Path, run_id: str) -> int | None:
    """Bytes of a run's stored console its index has not reached yet; None when unknown."""
    conn = connect(store, readonly=True)
    try:
        row = conn.execute("SELECT log_seq FROM console_index WHERE run_id = ?", (run_id,))
        found = row.fetchone()
        # length() of a blob reads its size from the record, not the blob.
        left = conn.execute(
            "SELECT coalesce(sum(length(data)), 0) FROM logs WHERE run_id = ? AND seq >= ?",
            (run_id, int(found[0]) if found else 0),
        ).fetchone()
        return int(left[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def mark_indexed(store: Path, run_id: str, log_seq: int = 0) -> None:
    """Record that a run's console needs no indexing (none, or no recognisers)."""
    conn = connect(store)
    try:
        ensure_schema(conn)
        conn.execute(
            "INSERT OR REPLACE INTO console_index (run_id, log_seq, done, updated_at, state)"
            " VALUES (?, ?, 1, ?, ?)",
            (run_id, log_seq, time.time(), BEGUN_INDEX_STATE),
        )
    finally:
        conn.close()
