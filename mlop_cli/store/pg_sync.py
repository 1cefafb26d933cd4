"""Sync runs from a local SQLite store into the PostgreSQL team store.

One pass over a run is

1. **its row first, in a small transaction of its own**: the run's advisory lock is taken,
   *then* the local row is read (so of two syncs of one run, the later one sends the newer
   state), and the row, tags, params, metric summaries and "metrics complete" flag go out.
   The UPDATE applies only when its ``sync_version`` (a final status above ``running``, then
   the heartbeat) is not older than the stored one: the status only moves forward. A cut or
   failed data batch never takes the final status with it.
2. **data in bounded batches**: a batch (at most :data:`BATCH_POINTS` points,
   :data:`BATCH_BYTES` of console and text) is read from SQLite in a short read transaction
   that ends *before* anything is sent, so no SQLite lock is ever held during network I/O (on
   a network filesystem a held read lock stops the run's writer). Then, in one PostgreSQL
   transaction: the run's lock, a check that the server still ends where this sync believes
   (another sync may have sent the same data meanwhile: then the batch is read again), the
   ``COPY``, the commit.

Where a run stands is read from the data itself (the end of each series, the last console
chunk, the last event): there are no marks to update, so a batch lands whole or not at all,
a sync killed mid-``COPY`` is resumed exactly by the next one, and a second sync finds nothing
new. The primary keys refuse a duplicate even if this reasoning were wrong.

Points go in packed, as in SQLite: up to 1,024 points per row, 8 bytes a point (big-endian
in PostgreSQL), copied in binary (``tests/benchmarks/bench_sync.py``). A running run's open chunk goes in pieces, one small row
per pass, merged into one row once the chunk is full or the run has ended.

Points may reach the store after the run's final status (console metrics are derived from the
stored console, possibly after ``mlop run`` exits): a final status never means that a run is
complete. ``sync_state.complete`` says so once the status is final, the run's supervisor has
closed its record, the console index is done (``sync_state.console_done`` mirrors
``console_index.done``) and everything up to then is in PostgreSQL.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import socket
import sqlite3
import struct
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from mlop_cli.errors import StoreError
from mlop_cli.store import pg
from mlop_cli.store.schema import CHUNK_POINTS, connect

BATCH_POINTS = 262_144
BATCH_BYTES = 8 << 20  # console bytes, and the text of events, texts and histograms
BATCH_ROWS = 20_000
# A watcher sends a run row whose only change is its heartbeat at most this often: readers
# call a run `lost` after 30 s without one.
HEARTBEAT_REFRESH_S = 10.0
# Events, texts and histograms are keyed by their local row id; a store replaced during a run
# starts its ids again, so the rows of each store get a generation of their own.
GENERATION_SHIFT = 40
_FINAL_RANK = 1 << 52

_COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)
_COPY_TRAILER = struct.pack(">h", -1)
_RUN_EXTRA = ("sync_version", "sync_at")
_SUMMARY_COLUMNS = (
    "count",
    "nan_count",
    "last_step",
    "last_time",
    "last_value",
    "min_value",
    "min_step",
    "max_value",
    "max_step",
    "sum",
    "first_time",
)
_SUMMARY_TYPES = (
    "bigint",
    "bigint",
    "bigint",
    "float8",
    "float8",
    "float8",
    "bigint",
    "float8",
    "bigint",
    "float8",
    "float8",
)
_APPENDED = {
    # table: (local key, columns, PostgreSQL key, COPY types of the columns)
    "events": ("id", "time, level, kind, message, data", "id", ["float8", *["text"] * 4]),
    "texts": ("rowid", "tag, step, time, text", "seq", ["text", "int8", "float8", "text"]),
    "histograms": (
        "rowid",
        "metric_id, step, time, edges, counts",
        "seq",
        ["int8", "int8", "float8", "text", "text"],
    ),
}

_T = TypeVar("_T")


@dataclass
class SyncStats:
    """What a sync really sent (only what was new)."""

    runs: int = 0  # runs new to the team store
    updated: int = 0  # runs already there whose row, tags, params or summaries changed
    deleted: int = 0  # runs deleted from the team store (deleted locally with `mlop rm`)
    points: int = 0
    log_bytes: int = 0
    rows: int = 0  # params, events, texts, histograms
    tags_added: int = 0
    tags_removed: int = 0
    skipped: int = 0  # runs deleted from the team store earlier: not sent again
    complete: bool = True  # False when the deadline stopped it before the end
    # The runs a closing pass (`mlop run`'s own sync) left incomplete in the team store: their
    # console metrics are still being derived (see :meth:`Syncer.run_complete`)
    incomplete: list[str] = field(default_factory=list)

    def add(self, other: SyncStats) -> None:
        """Add another sync's counts to these."""
        for name in (
            "runs",
            "updated",
            "deleted",
            "points",
            "log_bytes",
            "rows",
            "tags_added",
            "tags_removed",
            "skipped",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.complete = self.complete and other.complete
        self.incomplete += other.incomplete

    @property
    def empty(self) -> bool:
        """Nothing was sent."""
        return not (
            self.runs
            or self.updated
            or self.deleted
            or self.points
            or self.log_bytes
            or self.rows
            or self.tags_added
            or self.tags_removed
        )

    def to_json(self) -> dict[str, Any]:
        """The document of ``mlop sync --json`` (less the URL)."""
        return {
            "runs": self.runs,
            "updated": self.updated,
            "deleted": self.deleted,
            "points": self.points,
            "log_bytes": self.log_bytes,
            "rows": self.rows,
            "tags_added": self.tags_added,
            "tags_removed": self.tags_removed,
            "skipped": self.skipped,
            "complete": self.complete,
        }


@dataclass
class SyncProgress:
    """Where a sync stands, handed to the ``progress`` callback after each step."""

    run_index: int = 0  # 1-based
    run_count: int = 0
    run_id: str = ""
    run_points: int = 0  # points of this run left to send when its pass began
    run_points_sent: int = 0
    points: int = 0  # sent by this sync so far, all runs
    log_bytes: int = 0


@dataclass
class _Meta:
    """What a run's first transaction read locally."""

    row: dict[str, Any]
    tags: set[str]
    params: list[tuple[str, Any, str]]
    summaries: dict[tuple[str, str], tuple[Any, ...]]  # (name, source) -> summary values
    console_done: bool | None  # None: no console index for this run
    closed: bool = False  # the run's supervisor has closed its record (or is gone)

    @property
    def final(self) -> bool:
        return (self.row.get("status") or "running") != "running"

    @property
    def may_be_complete(self) -> bool:
        """Nothing more will reach the local store for this run."""
        return self.final and self.closed and self.console_done is not False


@dataclass
class _RunState:
    """What this sync knows of a run in PostgreSQL (valid while nothing else sends it)."""

    generation: int = 0
    ends: dict[int, tuple[int, int | None]] = field(default_factory=dict)  # end, last first
    logs: int = -1  # the last console seq there
    appended: dict[str, int] = field(default_factory=dict)  # table -> last local id there
    row_key: str | None = None  # the run row last sent, heartbeat left out
    heartbeat_sent: float = 0.0
    tags: set[str] | None = None
    params_key: str | None = None
    summaries: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    marks_known: bool = False
    complete: bool = False
    gaps_said: set[int] = field(default_factory=set)


@dataclass
class _Batch:
    rows: list[_Piece] = field(default_factory=list)  # for point_chunks
    replace: list[tuple[int, int]] = field(default_factory=list)  # (metric, chunk first)
    ends: dict[int, tuple[int, int | None]] = field(default_factory=dict)  # after the batch
    points: int = 0
    logs: list[tuple[Any, ...]] = field(default_factory=list)
    log_bytes: int = 0
    appended: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    more: bool = False

    @property
    def empty(self) -> bool:
        return not (self.rows or self.replace or self.logs or any(self.appended.values()))


class _Local:
    """The local store, read in short transactions (released before any network I/O)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.inode = path.stat().st_ino
            self.conn = connect(path, readonly=True)
            self.identity = self._identity()
            columns = {row[1] for row in self.conn.execute("PRAGMA table_info(point_chunks)")}
        except (OSError, sqlite3.DatabaseError) as error:
            raise StoreError(f"cannot read the store {path}: {error}") from None
        # A store of schema 1 that no reader could migrate (read-only) has no epochs.
        self.epochs = "epochs" if "epochs" in columns else "NULL"

    def _identity(self) -> str:
        """What tells this store file from a new one at the same path: its creation time."""
        try:
            row = self.conn.execute(
                "SELECT applied_at FROM _sqlite_migrations WHERE name = '0001_initial'"
            ).fetchone()
        except sqlite3.OperationalError:
            return ""
        return str(row[0]) if row else ""

    def replaced(self) -> bool:
        """Whether the file at the path is no longer the one this connection reads."""
        try:
            return self.path.stat().st_ino != self.inode
        except OSError:
            return False  # gone for a moment (being replaced): read what is open

    def read(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``work`` in one read transaction, ended before returning."""
        conn = self.conn
        try:
            conn.execute("BEGIN")
            try:
                return work(conn)
            finally:
                conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot read the store {self.path}: {error}") from None

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass


class Syncer:
    """Sends runs of one local store to one PostgreSQL database.

    Args:
        store: the local SQLite store.
        url: a ``postgresql://`` URL (libpq also reads PGPASSWORD, ~/.pgpass, PGSERVICE).
        batch_points: most points in one transaction.
        clock: monotonic clock, for deadlines.
        say: where warnings go (one line each).
        progress: called after each step with a :class:`SyncProgress`.
        timeouts: the PostgreSQL session's limits (default: from ``MLOP_PG_TIMEOUT``).
        complete_records: before sending a run that has ended, store what ``mlop run`` left
            for later (a final status beside the store, console metrics its indexer did not
            finish), as every reader does (``mlop sync``; a run's own sync leaves that to it).
    """

    def __init__(
        self,
        store: Path,
        url: str,
        *,
        batch_points: int = BATCH_POINTS,
        clock: Callable[[], float] = time.monotonic,
        say: Callable[[str], None] = lambda line: None,
        progress: Callable[[SyncProgress], None] | None = None,
        timeouts: pg.Timeouts | None = None,
        complete_records: bool = False,
    ) -> None:
        if pg.is_pg_url(str(store)):
            raise StoreError(
                "the store to sync from is a local file; the team store is given with --to URL"
            )
        if not store.exists():
            raise StoreError(f"no store at {store}: nothing to sync")
        self.store = store
        self.url = url
        self.shown_url = pg.shown_url(url)
        self.batch_points = max(CHUNK_POINTS, batch_points)
        self._clock = clock
        self._say = say
        self._progress = progress
        self._progress_state = SyncProgress()
        self._complete_records = complete_records
        self.local = _Local(store)
        try:
            self.remote = pg.PgSession(url, application="mlop sync", timeouts=timeouts)
        except StoreError:
            self.local.close()
            raise
        try:
            pg.ensure_schema(self.remote)
            self._run_columns = [
                row[0]
                for row in self.remote.execute(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_schema = %s AND table_name = 'runs' ORDER BY ordinal_position",
                    (pg.PG_SCHEMA,),
                )
                if row[0] not in _RUN_EXTRA
            ]
        except StoreError:
            self.close()
            raise
        # Runs whose supervisor has closed their record (said by `mlop run` to its sync).
        self.closed_runs: set[str] = set()
        self._metric_ids: dict[tuple[str, str], int] = {}  # (name, source) -> team store id
        self._local_names: dict[int, tuple[str, str]] = {}  # local metric id -> (name, source)
        self._states: dict[str, _RunState] = {}

    def close(self) -> None:
        """Close both connections."""
        remote = getattr(self, "remote", None)
        if remote is not None:
            remote.close()
        local = getattr(self, "local", None)
        if local is not None:
            local.close()

    # -- which runs -----------------------------------------------------------------------

    def local_runs(self) -> list[str]:
        """Every run id in the local store, oldest first."""
        return self.local.read(
            lambda c: [row[0] for row in c.execute("SELECT id FROM runs ORDER BY started_at, id")]
        )

    def local_status(self, run_id: str) -> str:
        """The run's effective status in the local store (``lost`` when its supervisor died)."""
        from mlop_cli.store.queries import effective_status

        row = self.local.read(lambda c: _one(c, "SELECT * FROM runs WHERE id = ?", (run_id,)))
        return effective_status(row) if row is not None else "missing"

    # -- sending --------------------------------------------------------------------------

    def sync(self, run_ids: Iterable[str], deadline: float | None = None) -> SyncStats:
        """Send deletions, then what is new of each run; stop between batches once
        ``deadline`` (of the clock) has passed."""
        total = SyncStats()
        run_ids = list(run_ids)
        self._reopen_if_replaced()
        total.add(self.send_deletions())
        progress = self._progress_state
        progress.run_count = len(run_ids)
        for index, run_id in enumerate(run_ids, 1):
            if deadline is not None and self._clock() > deadline:
                total.complete = False
                break
            progress.run_index = index
            total.add(self.sync_run(run_id, deadline))
            self._report()
        return total

    def sync_run(self, run_id: str, deadline: float | None = None) -> SyncStats:
        """Send what is new of one run: its row first, then its data batch after batch, until
        what was there when a batch was read is all sent."""
        stats = SyncStats()
        self._complete_locally(run_id)
        self._reopen_if_replaced()
        state = self._states.setdefault(run_id, _RunState())
        try:
            meta = self._send_run(run_id, state, stats)
            if meta is None:
                return stats  # deleted from the team store
            progress = self._progress_state
            progress.run_id = run_id
            progress.run_points = self._points_left(meta, state)
            progress.run_points_sent = 0
            self._report()
            data_sent = False
            moved = 0
            while True:
                batch = self.local.read(
                    functools.partial(self._read_batch, run_id=run_id, state=state, meta=meta)
                )
                if batch.empty:
                    break
                try:
                    self._send_batch(run_id, state, batch)
                except _Moved:
                    moved += 1
                    if moved > 10:
                        raise StoreError(
                            f"run {run_id} keeps changing in {self.shown_url} (another sync "
                            "sends it too); try again once that one has ended"
                        ) from None
                    self._load_marks(run_id, state)  # another sync sent some: read again
                    continue
                data_sent = True
                stats.points += batch.points
                stats.log_bytes += batch.log_bytes
                stats.rows += sum(len(rows) for rows in batch.appended.values())
                progress.run_points_sent += batch.points
                progress.points += batch.points
                progress.log_bytes += batch.log_bytes
                self._report()
                if not batch.more:
                    break  # caught up with what was there; the next pass sends what came since
                if deadline is not None and self._clock() > deadline:
                    stats.complete = False
                    return stats
                if not meta.final and self._ended_meanwhile(run_id):
                    # The run ended during a long pass (a burst at its end): its final status
                    # goes now, in its own transaction, not after the backlog.
                    refreshed = self._send_run(run_id, state, stats)
                    if refreshed is None:
                        return stats  # deleted from the team store meanwhile
                    meta = refreshed
            if data_sent and not stats.runs:
                stats.updated = 1
            if meta.may_be_complete and not batch.more and not state.complete:
                self.remote.execute(
                    "UPDATE sync_state SET complete = true, updated_at = now()"
                    " WHERE run_id = %s AND NOT complete",
                    (run_id,),
                )
                state.complete = True
        except StoreError:
            self._states.pop(run_id, None)  # what it knew may be wrong now
            raise
        return stats

    def run_complete(self, run_id: str) -> bool:
        """Whether this sync has marked the run complete in the team store."""
        state = self._states.get(run_id)
        return state is not None and state.complete

    def _complete_locally(self, run_id: str) -> None:
        """Store what ``mlop run`` left beside the store for a run that has ended: a final
        status it could not commit (always: its own sync's last pass needs it too), and, with
        ``complete_records``, console metrics that its indexer did not finish (a run being
        indexed by a live indexer is not waited for: the next sync sends the rest)."""
        from mlop_cli.store.recovery import apply_pending_statuses, pending_runs

        try:
            if run_id in pending_runs(self.store):
                apply_pending_statuses(self.store)
            if not self._complete_records:
                return
            # Only an index that was begun: a run without one (an older store, an import) keeps
            # the points it has; re-deriving them is for its readers to decide.
            status = self.local_status(run_id)
            if status not in ("running", "missing") and console_pending(self.store, run_id):
                from mlop_cli.indexing import ensure_indexed

                ensure_indexed(self.store, run_id, status=status, wait=0.0)
        except Exception:  # a read-only store: send what it holds
            return

    def _ended_meanwhile(self, run_id: str) -> bool:
        found = self.local.read(
            lambda c: c.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone()
        )
        return found is not None and (found[0] or "running") != "running"

    def send_deletions(self) -> SyncStats:
        """Delete from the team store the runs deleted here with ``mlop rm``."""
        stats = SyncStats()
        gone = self.local.read(_local_tombstones)
        if not gone:
            return stats
        known = {
            row[0]
            for row in self.remote.execute(
                "SELECT run_id FROM deleted_runs WHERE run_id = ANY(%s)", (gone,)
            )
        }
        todo = [run_id for run_id in gone if run_id not in known]
        for start in range(0, len(todo), 100):
            counts = delete_runs(self.remote, todo[start : start + 100], "mlop rm")
            stats.deleted += counts.get("runs", 0)
        return stats

    # -- the run's row, first -------------------------------------------------------------------

    def _send_run(self, run_id: str, state: _RunState, stats: SyncStats) -> _Meta | None:
        """Send the run's row, tags, params and summaries in one small transaction."""
        for attempt in range(3):
            self._map_metrics(self.local.read(lambda c: _metric_names(c, run_id)))
            remote = self.remote
            with remote.transaction():
                remote.lock_run(run_id)
                if remote.execute("SELECT 1 FROM deleted_runs WHERE run_id = %s", (run_id,)):
                    stats.skipped += 1  # said in the summary: not a warning at every sync
                    return None
                # Read after the lock: of two syncs of this run, the later sends the newer row.
                meta = self.local.read(lambda c: _read_meta(c, run_id))
                if meta is None:
                    raise StoreError(f"no run {run_id!r} in {self.store}")
                unmapped = [key for key in meta.summaries if key not in self._metric_ids]
                if unmapped and attempt < 2:
                    continue  # a metric new since the lookup: look it up outside the lock
                for key in unmapped:  # still appearing: the next pass sends them
                    del meta.summaries[key]
                meta.closed = run_id in self.closed_runs or _supervisor_gone(meta.row)
                changed = self._sync_state(run_id, state, meta)
                if not state.marks_known:
                    self._load_marks(run_id, state)
                changed |= self._upsert_run(run_id, meta, state, stats)
                changed |= self._send_tags(run_id, meta, state, stats)
                changed |= self._send_params(run_id, meta, state, stats)
                changed |= self._send_summaries(run_id, meta, state)
                if changed and not stats.runs:
                    stats.updated = 1
            return meta
        raise AssertionError("unreachable: the last attempt always returns")

    def _upsert_run(self, run_id: str, meta: _Meta, state: _RunState, stats: SyncStats) -> bool:
        row = meta.row
        columns = [c for c in self._run_columns if c in row]
        key = json.dumps([row[c] for c in columns if c != "heartbeat_at"], default=str)
        now = self._clock()
        if key == state.row_key and now - state.heartbeat_sent < HEARTBEAT_REFRESH_S:
            return False  # only the heartbeat moved, and it was sent lately
        version = _version(row)
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("%s" for _ in columns)
        updates = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in columns if c != "id")
        differs = ", ".join(f'runs."{c}"' for c in columns if c != "id")
        incoming = ", ".join(f'EXCLUDED."{c}"' for c in columns if c != "id")
        # What a reader sees change (the heartbeat alone is liveness, not news).
        content = [c for c in columns if c not in ("id", "heartbeat_at")]
        before = ", ".join(f'o."{c}"' for c in content)
        after = ", ".join(f'runs."{c}"' for c in content)
        found = self.remote.execute(
            "WITH old AS (SELECT * FROM runs WHERE id = %s)"
            f" INSERT INTO runs ({names}, sync_version, sync_at) VALUES ({marks}, %s, now())"
            f" ON CONFLICT (id) DO UPDATE SET {updates}, sync_version = EXCLUDED.sync_version,"
            " sync_at = now() WHERE runs.sync_version <= EXCLUDED.sync_version"
            f" AND ({differs}) IS DISTINCT FROM ({incoming})"
            f" RETURNING (xmax = 0), (SELECT ({before}) FROM old o) IS DISTINCT FROM ({after})",
            [run_id, *(row[c] for c in columns), version],
        )
        state.row_key = key
        state.heartbeat_sent = now
        if found and found[0][0]:
            stats.runs += 1
            return False  # new: counted as such, not as an update
        return bool(found) and bool(found[0][1])

    def _send_tags(self, run_id: str, meta: _Meta, state: _RunState, stats: SyncStats) -> bool:
        if state.tags is None:
            state.tags = {
                row[0]
                for row in self.remote.execute("SELECT tag FROM tags WHERE run_id = %s", (run_id,))
            }
        added = sorted(meta.tags - state.tags)
        removed = sorted(state.tags - meta.tags)
        if added:
            self.remote.execute(
                "INSERT INTO tags (run_id, tag) SELECT %s, unnest(%s::text[])"
                " ON CONFLICT DO NOTHING",
                (run_id, added),
            )
        if removed:
            self.remote.execute(
                "DELETE FROM tags WHERE run_id = %s AND tag = ANY(%s)", (run_id, removed)
            )
        state.tags = set(meta.tags)
        stats.tags_added += len(added)
        stats.tags_removed += len(removed)
        return bool(added or removed)

    def _send_params(self, run_id: str, meta: _Meta, state: _RunState, stats: SyncStats) -> bool:
        key = hashlib.blake2b(
            json.dumps(sorted(meta.params, key=lambda p: (p[0], p[2])), default=str).encode()
        ).hexdigest()
        if key == state.params_key or not meta.params:
            state.params_key = key
            return False
        found = self.remote.execute(
            "INSERT INTO params (run_id, key, value, source)"
            " SELECT %s, * FROM unnest(%s::text[], %s::text[], %s::text[])"
            " ON CONFLICT (run_id, key, source) DO UPDATE SET value = EXCLUDED.value"
            " WHERE params.value IS DISTINCT FROM EXCLUDED.value RETURNING 1",
            (
                run_id,
                [p[0] for p in meta.params],
                [p[1] for p in meta.params],
                [p[2] for p in meta.params],
            ),
        )
        state.params_key = key
        stats.rows += len(found)
        return bool(found)

    def _send_summaries(self, run_id: str, meta: _Meta, state: _RunState) -> bool:
        changed = []
        for name_source, values in meta.summaries.items():
            metric_id = self._metric_ids[name_source]
            if state.summaries.get(metric_id) != values:
                changed.append((metric_id, values))
        if not changed:
            return False
        columns = ", ".join(_SUMMARY_COLUMNS)
        arrays = ", ".join(f"%s::{kind}[]" for kind in _SUMMARY_TYPES)
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in _SUMMARY_COLUMNS)
        old = ", ".join(f"run_metrics.{c}" for c in _SUMMARY_COLUMNS)
        new = ", ".join(f"EXCLUDED.{c}" for c in _SUMMARY_COLUMNS)
        found = self.remote.execute(
            f"INSERT INTO run_metrics (run_id, metric_id, {columns})"
            f" SELECT %s, * FROM unnest(%s::bigint[], {arrays})"
            f" ON CONFLICT (run_id, metric_id) DO UPDATE SET {updates}"
            f" WHERE ({old}) IS DISTINCT FROM ({new}) RETURNING 1",
            [
                run_id,
                [metric_id for metric_id, _ in changed],
                *([values[i] for _, values in changed] for i in range(len(_SUMMARY_COLUMNS))),
            ],
        )
        for metric_id, values in changed:
            state.summaries[metric_id] = values
        return bool(found)

    def _sync_state(self, run_id: str, state: _RunState, meta: _Meta) -> bool:
        """Keep the run's sync_state: which store its rows come from (a store that replaced
        the one the run began in gets a generation of its own), whether its console metrics
        are done, whether it is complete. Returns whether a reader would see a change."""
        found = self.remote.execute(
            "SELECT store_id, generation, console_done, complete FROM sync_state WHERE run_id = %s",
            (run_id,),
        )
        identity = self.local.identity
        if not found:
            self.remote.execute(
                "INSERT INTO sync_state (run_id, store_id, generation, console_done)"
                " VALUES (%s, %s, 0, %s)",
                (run_id, identity, meta.console_done),
            )
            state.generation, state.complete = 0, False
            return False
        store_id, generation, console_done, complete = found[0]
        changes: dict[str, Any] = {}
        if store_id is None:  # synced by schema 1, whose keys are the local ids
            changes["store_id"] = identity
        elif store_id != identity:
            generation += 1
            changes.update(store_id=identity, generation=generation)
            self._say(
                f"run {run_id}: the store {self.store} is not the file the run began in (it was "
                "replaced during the run); its rows are sent as new ones, and what the old "
                "file held and was not sent before is lost"
            )
            state.marks_known = False
        if console_done != meta.console_done:
            changes["console_done"] = meta.console_done
        if complete and not meta.may_be_complete:
            changes["complete"] = False
        if changes:
            assignments = ", ".join(f"{name} = %s" for name in changes)
            self.remote.execute(
                f"UPDATE sync_state SET {assignments}, updated_at = now() WHERE run_id = %s",
                (*changes.values(), run_id),
            )
        if generation != state.generation:
            state.marks_known = False
        state.generation = generation
        state.complete = bool(complete) and meta.may_be_complete
        return "console_done" in changes

    # -- where a run stands in PostgreSQL ---------------------------------------------------

    def _load_marks(self, run_id: str, state: _RunState) -> None:
        """Read where each of the run's series and tables ends in PostgreSQL."""
        remote = self.remote
        state.ends = {
            metric_id: (first + n, first)
            for metric_id, first, n in remote.execute(
                "SELECT DISTINCT ON (metric_id) metric_id, first, n FROM point_chunks"
                " WHERE run_id = %s ORDER BY metric_id, first DESC",
                (run_id,),
            )
        }
        base = state.generation << GENERATION_SHIFT
        limit = (state.generation + 1) << GENERATION_SHIFT
        found = remote.execute(
            "SELECT (SELECT max(seq) FROM logs WHERE run_id = %s),"
            " (SELECT max(id) FROM events WHERE run_id = %s AND id >= %s AND id < %s),"
            " (SELECT max(seq) FROM texts WHERE run_id = %s AND seq >= %s AND seq < %s),"
            " (SELECT max(seq) FROM histograms WHERE run_id = %s AND seq >= %s AND seq < %s)",
            (run_id, run_id, base, limit, run_id, base, limit, run_id, base, limit),
        )[0]
        state.logs = -1 if found[0] is None else int(found[0])
        state.appended = {
            table: 0 if value is None else int(value) - base
            for table, value in zip(("events", "texts", "histograms"), found[1:], strict=True)
        }
        state.marks_known = True

    def _points_left(self, meta: _Meta, state: _RunState) -> int:
        left = 0
        for name_source, values in meta.summaries.items():
            end = state.ends.get(self._metric_ids.get(name_source, -1), (0, None))[0]
            left += max(0, int(values[0] or 0) - end)
        return left

    # -- batches ----------------------------------------------------------------------------

    def _read_batch(
        self, conn: sqlite3.Connection, run_id: str, state: _RunState, meta: _Meta
    ) -> _Batch:
        """Read the next batch of a run (inside one short local read transaction)."""
        import numpy as np

        batch = _Batch()
        budget = self.batch_points
        counts = conn.execute(
            "SELECT r.metric_id, r.count, m.name, m.source FROM run_metrics r"
            " JOIN metrics m ON m.id = r.metric_id WHERE r.run_id = ? ORDER BY r.metric_id",
            (run_id,),
        ).fetchall()
        final = meta.final
        for local_id, count, name, source in counts:
            metric_id = self._metric_ids.get((name, source))
            if metric_id is None:
                continue  # new since this pass began: the next pass sends it
            end, last_first = state.ends.get(metric_id, (0, None))
            fragmented = last_first is not None and last_first % CHUNK_POINTS != 0
            if end % CHUNK_POINTS:
                open_chunk: int | None = end // CHUNK_POINTS
            elif fragmented:
                open_chunk = last_first // CHUNK_POINTS  # type: ignore[operator]
            else:
                open_chunk = None
            if int(count or 0) <= end and not (fragmented and final):
                continue
            if budget <= 0:
                batch.more = True
                break
            start = open_chunk if open_chunk is not None else end // CHUNK_POINTS
            limit = budget // CHUNK_POINTS + 1
            chunks = conn.execute(
                f"SELECT seq, n, steps, times, vals, {self.local.epochs} FROM point_chunks"
                " WHERE run_id = ? AND metric_id = ? AND seq >= ? ORDER BY seq LIMIT ?",
                (run_id, local_id, start, limit),
            ).fetchall()
            new_end, new_last = end, last_first
            for seq, n, steps, times, values, epochs in chunks:
                first = seq * CHUNK_POINTS
                if seq == open_chunk:
                    have = end - first
                    several = last_first != first
                    if n == CHUNK_POINTS or final:
                        if n < have or (n == have and not several):
                            continue
                        batch.replace.append((metric_id, first))
                        cut = 0
                    elif n > have:
                        cut = have
                    else:
                        continue
                else:
                    if first > new_end and metric_id not in state.gaps_said:
                        state.gaps_said.add(metric_id)
                        self._say(
                            f"run {run_id}: points {new_end:,}-{first - 1:,} of {name!r} are "
                            f"not in {self.store} (lost with a replaced store file?); "
                            "sending the rest"
                        )
                    cut = 0
                if budget <= 0:
                    batch.more = True
                    break
                epoch_array = None if epochs is None else np.frombuffer(epochs, "<f8")[cut:n]
                if epoch_array is not None and not np.any(epoch_array == epoch_array):
                    epoch_array = None  # NaN throughout: no epoch at all
                batch.rows.append(
                    _Piece(
                        metric_id,
                        first + cut,
                        np.frombuffer(steps, "<i8")[cut:n],
                        np.frombuffer(times, "<f8")[cut:n],
                        np.frombuffer(values, "<f8")[cut:n],
                        epoch_array,
                    )
                )
                budget -= n - cut
                new_end, new_last = max(new_end, first + n), first + cut
            if new_end != end or new_last != last_first:
                batch.ends[metric_id] = (new_end, new_last)
                batch.points += new_end - end  # new to the team store (a merge resends some)
            if len(chunks) == limit or budget <= 0:
                batch.more = True
        self._read_logs(conn, run_id, state, batch)
        self._read_appended(conn, run_id, state, batch)
        return batch

    def _read_logs(
        self, conn: sqlite3.Connection, run_id: str, state: _RunState, batch: _Batch
    ) -> None:
        cursor = conn.execute(
            "SELECT seq, time, stream, data FROM logs WHERE run_id = ? AND seq > ? ORDER BY seq",
            (run_id, state.logs),
        )
        try:
            while batch.log_bytes < BATCH_BYTES:
                rows = cursor.fetchmany(256)
                if not rows:
                    return
                for row in rows:
                    batch.logs.append(row)
                    batch.log_bytes += len(row[3])
            batch.more = True
        finally:
            cursor.close()

    def _read_appended(
        self, conn: sqlite3.Connection, run_id: str, state: _RunState, batch: _Batch
    ) -> None:
        base = state.generation << GENERATION_SHIFT
        for table, (key, columns, _, _) in _APPENDED.items():
            cursor = conn.execute(
                f"SELECT {key}, {columns} FROM {table} WHERE run_id = ? AND {key} > ?"
                f" ORDER BY {key} LIMIT {BATCH_ROWS}",
                (run_id, state.appended.get(table, 0)),
            )
            rows, size = [], 0
            for row in cursor:
                if size >= BATCH_BYTES:
                    batch.more = True
                    break
                local_id, *rest = row
                if table == "histograms":
                    metric = self._local_names.get(rest[0])
                    if metric is None or metric not in self._metric_ids:
                        batch.more = True  # a metric new since this pass began
                        break
                    rest[0] = self._metric_ids[metric]
                rows.append((base | local_id, *rest))
                size += sum(len(v) for v in rest if isinstance(v, str))
            else:
                batch.more |= len(rows) == BATCH_ROWS
            cursor.close()
            if rows:
                batch.appended[table] = rows

    def _send_batch(self, run_id: str, state: _RunState, batch: _Batch) -> None:
        """Send one batch in one transaction.

        Raises:
            _Moved: the server no longer ends where this sync thought (another sync sent
                some of it); nothing was sent.
        """
        remote = self.remote
        with remote.transaction():
            remote.lock_run(run_id)
            if not self._still_where_we_think(run_id, state, batch):
                raise _Moved
            if batch.replace:
                remote.execute(
                    "DELETE FROM point_chunks c USING unnest(%s::bigint[], %s::bigint[])"
                    " AS d(metric_id, first) WHERE c.run_id = %s AND c.metric_id = d.metric_id"
                    " AND c.first >= d.first AND c.first < d.first + %s",
                    (
                        [m for m, _ in batch.replace],
                        [f for _, f in batch.replace],
                        run_id,
                        CHUNK_POINTS,
                    ),
                )
            if batch.rows:
                remote.copy(
                    "COPY point_chunks (run_id, metric_id, first, n, step_min, step_max,"
                    " time_min, time_max, steps, times, vals, epochs) FROM STDIN (FORMAT BINARY)",
                    itertools.chain(
                        [_COPY_HEADER], _encode_rows(run_id.encode(), batch.rows), [_COPY_TRAILER]
                    ),
                )
            if batch.logs:
                self._copy_rows(
                    "logs",
                    "run_id, seq, time, stream, data",
                    ["text", "int8", "float8", "int4", "bytea"],
                    [(run_id, *row) for row in batch.logs],
                )
            for table, rows in batch.appended.items():
                _, columns, pg_key, types = _APPENDED[table]
                self._copy_rows(
                    table,
                    f"run_id, {pg_key}, {columns}",
                    ["text", "int8", *types],
                    [(run_id, *row) for row in rows],
                )
        state.ends.update(batch.ends)
        if batch.logs:
            state.logs = batch.logs[-1][0]
        base = state.generation << GENERATION_SHIFT
        for table, rows in batch.appended.items():
            state.appended[table] = rows[-1][0] - base

    def _still_where_we_think(self, run_id: str, state: _RunState, batch: _Batch) -> bool:
        remote = self.remote
        if batch.ends or batch.replace:
            metrics = sorted({*batch.ends, *(m for m, _ in batch.replace)})
            found = {
                metric_id: (first + n, first)
                for metric_id, first, n in remote.execute(
                    "SELECT m.id, c.first, c.n FROM unnest(%s::bigint[]) AS m(id)"
                    " JOIN LATERAL (SELECT first, n FROM point_chunks WHERE run_id = %s"
                    " AND metric_id = m.id ORDER BY first DESC LIMIT 1) c ON true",
                    (metrics, run_id),
                )
            }
            for metric_id in metrics:
                if found.get(metric_id, (0, None)) != state.ends.get(metric_id, (0, None)):
                    return False
        base = state.generation << GENERATION_SHIFT
        limit = (state.generation + 1) << GENERATION_SHIFT
        checks: list[str] = []
        params: list[Any] = []
        expected: list[int] = []
        if batch.logs:
            checks.append("(SELECT coalesce(max(seq), -1) FROM logs WHERE run_id = %s)")
            params.append(run_id)
            expected.append(state.logs)
        for table in batch.appended:
            key = _APPENDED[table][2]
            checks.append(
                f"(SELECT coalesce(max({key}), %s) FROM {table}"
                f" WHERE run_id = %s AND {key} >= %s AND {key} < %s)"
            )
            params += [base, run_id, base, limit]
            expected.append(base + state.appended.get(table, 0))
        if checks:
            found_marks = remote.execute("SELECT " + ", ".join(checks), params)[0]
            if list(found_marks) != expected:
                return False
        return True

    def _copy_rows(self, table: str, columns: str, types: list[str], rows: list[Any]) -> None:
        remote = self.remote
        with (
            remote.deadline(),
            remote.conn.cursor().copy(
                f"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)"
            ) as copy,
        ):
            copy.set_types(types)
            for row in rows:
                copy.write_row(row)

    # -- metric ids ---------------------------------------------------------------------------

    def _map_metrics(self, names: dict[int, tuple[str, str]]) -> None:
        """Team store ids of metric names: looked up first; only names it lacks are inserted,
        so a sync with nothing new consumes no id."""
        self._local_names.update(names)
        missing = sorted({key for key in names.values() if key not in self._metric_ids})
        if not missing:
            return
        for attempt in range(2):
            found = self.remote.execute(
                "SELECT m.id, m.name, m.source FROM metrics m"
                " JOIN unnest(%s::text[], %s::text[]) AS u(name, source)"
                " ON m.name = u.name AND m.source = u.source",
                ([n for n, _ in missing], [s for _, s in missing]),
            )
            for metric_id, name, source in found:
                self._metric_ids[(name, source)] = metric_id
            missing = [key for key in missing if key not in self._metric_ids]
            if not missing or attempt:
                break
            # Autocommit, sorted: nodes creating the same names at once never deadlock; a
            # name another node inserted meanwhile is skipped (and read by the query above).
            self.remote.execute(
                "INSERT INTO metrics (name, source)"
                " SELECT * FROM unnest(%s::text[], %s::text[]) ON CONFLICT DO NOTHING",
                ([n for n, _ in missing], [s for _, s in missing]),
            )
        if missing:
            raise StoreError(f"cannot create the metric names {missing[:3]} in {self.shown_url}")

    # -- the local store -----------------------------------------------------------------------

    def _reopen_if_replaced(self) -> None:
        """A store deleted or replaced under this sync (the run's writer starts a new file):
        read the new file from now on; its local ids are new, so forget what they meant."""
        if not self.local.replaced():
            return
        old = self.local
        self.local = _Local(self.store)
        old.close()
        self._local_names.clear()
        for state in self._states.values():
            state.marks_known = False

    def _report(self) -> None:
        if self._progress is not None:
            self._progress(self._progress_state)


class _Moved(Exception):
    """The team store changed under a batch (another sync of the run): read it again."""


def delete_runs(session: pg.PgSession, run_ids: list[str], by: str) -> dict[str, int]:
    """Delete runs from the team store, and remember them so no node sends them again.

    One transaction; each run's lock is taken first (in order: two deletions never deadlock),
    so a sync sending one of them finishes its batch first. Returns the rows deleted, by table
    (``runs``: how many of the runs were there).
    """
    counts: dict[str, int] = {}
    if not run_ids:
        return counts
    ids = sorted(set(run_ids))
    with session.transaction():
        for run_id in ids:
            session.lock_run(run_id)
        session.execute(
            "INSERT INTO deleted_runs (run_id, deleted_by) SELECT unnest(%s::text[]), %s"
            " ON CONFLICT DO NOTHING",
            (ids, by),
        )
        for table, column in pg.RUN_TABLES:
            found = session.execute(
                f"WITH gone AS (DELETE FROM {table} WHERE {column} = ANY(%s) RETURNING 1)"
                " SELECT count(*) FROM gone",
                (ids,),
            )
            counts[table] = int(found[0][0])
    return counts


# -- reading the local store ----------------------------------------------------------------


def _one(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> dict[str, Any] | None:
    cursor = conn.execute(sql, params)
    values = cursor.fetchone()
    if values is None:
        return None
    return {d[0]: v for d, v in zip(cursor.description, values, strict=True)}


def _metric_names(conn: sqlite3.Connection, run_id: str) -> dict[int, tuple[str, str]]:
    """Local id -> (name, source) of every metric a run has points or histograms of."""
    return {
        local_id: (name, source)
        for local_id, name, source in conn.execute(
            "SELECT id, name, source FROM metrics WHERE id IN (SELECT metric_id FROM run_metrics"
            " WHERE run_id = ? UNION SELECT metric_id FROM histograms WHERE run_id = ?)",
            (run_id, run_id),
        )
    }


def _read_meta(conn: sqlite3.Connection, run_id: str) -> _Meta | None:
    row = _one(conn, "SELECT * FROM runs WHERE id = ?", (run_id,))
    if row is None:
        return None
    tags = {r[0] for r in conn.execute("SELECT tag FROM tags WHERE run_id = ?", (run_id,))}
    params = conn.execute(
        "SELECT key, value, source FROM params WHERE run_id = ?", (run_id,)
    ).fetchall()
    summaries = {
        (name, source): tuple(values)
        for name, source, *values in conn.execute(
            "SELECT m.name, m.source, " + ", ".join(f"r.{c}" for c in _SUMMARY_COLUMNS) + ""
            " FROM run_metrics r JOIN metrics m ON m.id = r.metric_id WHERE r.run_id = ?",
            (run_id,),
        )
    }
    try:
        found = conn.execute(
            "SELECT done FROM console_index WHERE run_id = ?", (run_id,)
        ).fetchone()
    except sqlite3.OperationalError:  # a store of schema 1, read-only: no index
        found = None
    console_done = None if found is None else bool(found[0])
    return _Meta(row, tags, params, summaries, console_done)


def _supervisor_gone(row: dict[str, Any]) -> bool:
    """Whether the run's ``mlop run`` is gone: nothing more comes from it (the console index
    may still come from another process: ``console_index.done`` says)."""
    from mlop_cli.store.queries import LOST_AFTER_S, _process_alive

    if row.get("host") == socket.gethostname() and row.get("pid"):
        return not _process_alive(int(row["pid"]), row.get("pid_started_at"))
    heartbeat = row.get("heartbeat_at") or row.get("started_at") or 0
    return time.time() - float(heartbeat) > LOST_AFTER_S


def console_pending(store: Path, run_id: str) -> bool:
    """Whether a run's console metrics are still being derived (``console_index.done`` is 0)."""
    try:
        conn = connect(store, readonly=True)
    except sqlite3.Error:
        return False
    try:
        found = conn.execute(
            "SELECT done FROM console_index WHERE run_id = ?", (run_id,)
        ).fetchone()
        return found is not None and not found[0]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _local_tombstones(conn: sqlite3.Connection) -> list[str]:
    """Runs deleted with ``mlop rm`` from this store (see ``store/edit.py``)."""
    try:
        return [row[0] for row in conn.execute("SELECT run_id FROM deleted_runs ORDER BY run_id")]
    except sqlite3.OperationalError:  # no run was ever deleted here
        return []


def _version(row: dict[str, Any]) -> int:
    """The run row's place in time: any final status after ``running``, then the latest of its
    heartbeat, end and start (milliseconds). Runs rows move forward only."""
    final = (row.get("status") or "running") != "running"
    moments = [row.get(k) for k in ("heartbeat_at", "ended_at", "started_at")]
    latest = max((float(m) for m in moments if isinstance(m, int | float)), default=0.0)
    return (_FINAL_RANK if final else 0) + max(0, min(int(latest * 1000), _FINAL_RANK - 1))


@dataclass
class _Piece:
    """Points ``[first, first + n)`` of one series, as numpy views of the local chunk."""

    metric_id: int
    first: int
    steps: Any
    times: Any
    values: Any
    epochs: Any  # None when no point of the piece has an epoch


_ROWS_PER_BLOCK = 32  # encoded and handed to COPY together: the server decodes as we encode


def _encode_rows(run_id: bytes, pieces: list[_Piece]) -> Iterator[bytes]:
    """``point_chunks`` rows as COPY BINARY tuples, built by numpy a block at a time: pieces
    of one length (a run's full chunks, mostly) share one structured array, with no Python
    loop per point nor per row."""
    block: list[_Piece] = []
    for piece in pieces:
        if block and (
            len(block) == _ROWS_PER_BLOCK
            or len(piece.values) != len(block[0].values)
            or (piece.epochs is None) != (block[0].epochs is None)
        ):
            yield _encode_block(run_id, block)
            block = []
        block.append(piece)
    if block:
        yield _encode_block(run_id, block)


def _encode_block(run_id: bytes, block: list[_Piece]) -> bytes:
    import numpy as np

    count = len(block[0].values)
    with_epochs = block[0].epochs is not None
    layout: list[tuple[Any, ...]] = [
        ("fields", ">i2"),
        ("run_len", ">i4"),
        ("run", f"S{len(run_id)}"),
    ]
    scalars = [
        ("metric", ">i8"),
        ("first", ">i8"),
        ("n", ">i4"),
        ("step_min", ">i8"),
        ("step_max", ">i8"),
        ("time_min", ">f8"),
        ("time_max", ">f8"),
    ]
    for name, kind in scalars:
        layout += [(f"{name}_len", ">i4"), (name, kind)]
    # The packed columns: 8 bytes a point, big-endian (the byte swap is numpy's).
    packed = [("steps", ">i8"), ("times", ">f8"), ("vals", ">f8")]
    if with_epochs:
        packed.append(("epochs", ">f8"))
    for name, kind in packed:
        layout += [(f"{name}_len", ">i4"), (name, kind, (count,))]
    if not with_epochs:
        layout.append(("epochs_len", ">i4"))
    rows = np.empty(len(block), np.dtype(layout))
    rows["fields"] = 12
    rows["run_len"] = len(run_id)
    rows["run"] = run_id
    steps = np.stack([piece.steps for piece in block])
    times = np.stack([piece.times for piece in block])
    for name, kind in scalars:
        rows[f"{name}_len"] = int(kind[-1])
    rows["metric"] = [piece.metric_id for piece in block]
    rows["first"] = [piece.first for piece in block]
    rows["n"] = count
    rows["step_min"] = steps.min(axis=1)
    rows["step_max"] = steps.max(axis=1)
    rows["time_min"] = times[:, 0]
    rows["time_max"] = times[:, -1]
    rows["steps"] = steps
    rows["times"] = times
    rows["vals"] = np.stack([piece.values for piece in block])
    if with_epochs:
        rows["epochs"] = np.stack([piece.epochs for piece in block])
    for name, _ in packed:
        rows[f"{name}_len"] = 8 * count
    if not with_epochs:
        rows["epochs_len"] = -1  # NULL
    return rows.tobytes()


# -- keeping up with a run ----------------------------------------------------------------------


def watch(
    store: Path,
    url: str,
    run_ids: list[str] | None,
    *,
    interval: float = 2.0,
    say: Callable[[str], None] = lambda line: None,
    sleep: Callable[[float], None] = time.sleep,
    closed: Callable[[], bool] | None = None,
    max_backoff: float = 30.0,
) -> SyncStats:
    """Sync again and again; the local store keeps everything while the server is away.

    With ``run_ids``: when ``closed`` is given (``mlop run``'s own sync), return after the pass
    that follows ``closed()`` turning true: the run's supervisor has closed its record, so that
    pass sends everything. Without it, return once the runs have ended (their supervisors wrote
    a final status, or are gone) and a pass finds nothing more. With ``None``, sync every run of
    the store, new ones included, until interrupted. Failures (server down, wrong password, a
    stall) are said once each, then retried with a growing pause; ``sleep`` may return early
    (when ``closed`` turns true).
    """
    total = SyncStats()
    syncer: Syncer | None = None
    pause = interval
    said: set[str] = set()
    passes_missing = 0
    try:
        while True:
            closing = closed is not None and closed()
            try:
                if syncer is None:
                    syncer = Syncer(store, url, say=say)
                    if said:
                        say(f"connected to {syncer.shown_url} again")
                        said.clear()
                if closing and run_ids is not None:
                    syncer.closed_runs.update(run_ids)
                targets = run_ids if run_ids is not None else syncer.local_runs()
                statuses = [syncer.local_status(run_id) for run_id in targets]
                # A run not in the store yet is waited for (its first commit is due within a
                # second), but not forever: its supervisor may have died before it.
                passes_missing = passes_missing + 1 if "missing" in statuses else 0
                ended = all(s != "running" for s in statuses) and (
                    "missing" not in statuses or passes_missing > 30
                )
                present = [r for r, s in zip(targets, statuses, strict=True) if s != "missing"]
                stats = syncer.sync(present)
                total.add(stats)
                pause = interval
                if run_ids is not None and (closing or (closed is None and ended and stats.empty)):
                    if closing:
                        total.incomplete = [r for r in present if not syncer.run_complete(r)]
                    return total
            except StoreError as error:
                if syncer is not None:
                    syncer.close()
                    syncer = None
                if run_ids is not None and (closing or _all_ended(store, run_ids)):
                    raise  # nothing more will come: leave the rest to a later `mlop sync`
                if str(error) not in said:
                    said.add(str(error))
                    say(f"{error}; retrying, the local store keeps everything meanwhile")
                pause = min(max_backoff, pause * 2)
            # Sleep in short steps: the run's end is noticed at once, even while backing off.
            waited = 0.0
            while waited < pause:
                sleep(min(interval, pause - waited))
                waited += interval
                if closed is not None and closed():
                    break
                if run_ids is not None and syncer is None and _all_ended(store, run_ids):
                    break
    finally:
        if syncer is not None:
            syncer.close()


def _all_ended(store: Path, run_ids: list[str]) -> bool:
    """Whether every run has ended in the local store (read without the server)."""
    from mlop_cli.store.queries import effective_status

    try:
        conn = connect(store, readonly=True)
    except sqlite3.Error:
        return False
    try:
        conn.row_factory = sqlite3.Row
        for run_id in run_ids:
            row = conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
            if row is None or effective_status(dict(row)) == "running":
                return False
        return True
    except sqlite3.Error:
        return False
    finally:
        conn.close()
