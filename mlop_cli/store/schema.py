"""Schema, migrations and connections.

The schema is created and migrated with ``sqlite_utils.Migrations`` (recorded in the
``_sqlite_migrations`` table). ``PRAGMA user_version`` mirrors the schema version so that the
hot start-up path checks one integer with plain ``sqlite3`` and never imports sqlite-utils
(which imports pandas when present: 0.7 s in an ML environment).

Points are stored packed: one ``point_chunks`` row holds up to ``CHUNK_POINTS`` points of one
metric of one run as three little-endian arrays (int64 steps, float64 wall times, float64
values). Measured on 3,000,000 points: one row per point through ``executemany`` 3.7 s, JSON
arrays per chunk 7.6 s, packed arrays 0.67 s (and 25% smaller).
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

from mlop_cli._file_lock import exclusive_lock
from mlop_cli.store.health import (
    UnsafeStoreError,
    drop_unused_shared_memory,
    refuse_if_diverged,
    refuse_if_shared_memory_lost,
)

SCHEMA_VERSION = 2
CHUNK_POINTS = 1024

INDEX_VERSION = 2
"""The console parser's version: a run indexed by another version may be indexed again."""
# A run's console index begun, nothing parsed yet: written with the run's row by its writer
# (an indexer's own row, already there, is kept), so that a reader, a sync, never takes a run
# whose indexer has not written yet for a run without console metrics to come.
BEGIN_INDEX = (
    "INSERT OR IGNORE INTO console_index (run_id, log_seq, done, updated_at, state)"
    " VALUES (?, 0, 0, ?, ?)"
)
BEGUN_INDEX_STATE = json.dumps({"version": INDEX_VERSION, "points": 0})

# How long a connection waits on another process's write lock before reporting "locked".
BUSY_TIMEOUT_MS = 10_000


def connect(
    path: Path,
    *,
    readonly: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    network_fs: bool = False,
) -> sqlite3.Connection:
    """Open a connection with mlop's pragmas.

    Args:
        path: the database file.
        readonly: open with ``mode=ro`` (readers never create a store by accident).
        busy_timeout_ms: how long to wait on another writer's lock.
        network_fs: the file is on a network filesystem: use a rollback journal, not WAL
            (WAL's shared memory does not work across nodes).

    Raises:
        UnsafeStoreError: another process has the store open and its ``-shm`` file was deleted:
            a connection now would corrupt the store (see :mod:`mlop_cli.store.health`).
    """
    if not network_fs:
        refuse_if_shared_memory_lost(path)
    if readonly:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            check_same_thread=False,
            timeout=busy_timeout_ms / 1000,
        )
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=busy_timeout_ms / 1000)
    conn.isolation_level = None  # explicit BEGIN/COMMIT: we batch by hand
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    if not readonly and network_fs:
        _set_journal_mode(conn, path, "delete", busy_timeout_ms)
        conn.execute("PRAGMA synchronous = FULL")
    elif not readonly:
        # WAL: readers (mlop ls/watch/logs --follow) never block the run's writer, and a crash
        # leaves a database that recovers to the last commit. NORMAL sync is durable across an
        # application crash (kill -9); only an OS crash may lose the last transaction.
        _set_journal_mode(conn, path, "wal", busy_timeout_ms)
        conn.execute("PRAGMA synchronous = NORMAL")
    if not network_fs:
        # Read once now: SQLite maps the -shm at a connection's first read. Then make sure it
        # is the one every other process holding the store uses: a process that opened the
        # store at the same moment may have mapped one that was deleted since.
        conn.execute("PRAGMA schema_version").fetchone()
        try:
            refuse_if_diverged(path)
        except UnsafeStoreError:
            conn.close()
            drop_unused_shared_memory(path)
            raise
    return conn


def _set_journal_mode(
    conn: sqlite3.Connection, path: Path, mode: str, busy_timeout_ms: int
) -> None:
    """Put the database in ``mode``, waiting out other processes that hold it.

    Changing the journal mode takes an exclusive lock and SQLite answers "database is locked"
    at once, without its busy handler, when another connection holds any lock: eight runs
    starting together on a fresh store failed this way. The mode is read first (it is
    persistent, so every start but the first finds it set); a change is made by one mlop
    process at a time, and retried while readers come and go, up to the busy timeout.
    """
    if conn.execute("PRAGMA journal_mode").fetchone()[0] == mode:
        return
    deadline = time.monotonic() + busy_timeout_ms / 1000
    with exclusive_lock(path):
        for attempt in itertools.count():
            try:
                conn.execute(f"PRAGMA journal_mode = {mode}")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(min(0.005 * 2**attempt, 0.1))


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create or migrate the schema; a no-op (one PRAGMA read) when it is current."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        from mlop_cli.errors import StoreError

        raise StoreError(
            f"the store was written by a newer mlop (schema {version}, this one knows {SCHEMA_VERSION}); upgrade mlop"
        )
    # Several runs may start at once on a fresh store (a job array, 16 ranks): one creates the
    # schema while the others wait on a lock file, instead of racing and retrying with sleeps.
    with exclusive_lock(conn.execute("PRAGMA database_list").fetchone()[2]):
        if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return
        for attempt in range(20):
            try:
                _apply_migrations(conn)
                return
            except sqlite3.OperationalError:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                time.sleep(0.05 * (attempt + 1))
                if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                    return
        _apply_migrations(conn)


def _import_sqlite_utils() -> Any:
    """Import sqlite-utils without the pandas and numpy it imports whenever they are installed.

    It uses them only to map their column types, which mlop never hands it; in an ML
    environment they cost about half a second of CPU (holding the GIL the relay needs) in the
    first run on a fresh store. They are hidden from this thread's import only: another thread
    importing numpy meanwhile is unaffected.
    """
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    finder = _HiddenFromThisThread({"pandas", "numpy"})
    sys.meta_path.insert(0, finder)
    try:
        import sqlite_utils
    finally:
        sys.meta_path.remove(finder)
    return sqlite_utils


class _HiddenFromThisThread:
    """A meta-path finder that makes some top-level modules unimportable in one thread."""

    def __init__(self, names: set[str]) -> None:
        self._names = names
        self._thread = threading.get_ident()

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name in self._names and threading.get_ident() == self._thread:
            raise ModuleNotFoundError(f"{name} is not needed by mlop's store", name=name)
        return None


def _apply_migrations(conn: sqlite3.Connection) -> None:
    sqlite_utils = _import_sqlite_utils()
    db = sqlite_utils.Database(conn)
    migrations = _migrations()
    migrations.apply(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _migrations() -> sqlite_utils.Migrations:  # sqlite_utils is imported lazily
    migrations: sqlite_utils.Migrations = _import_sqlite_utils().Migrations("mlop")

    @migrations(name="0001_initial")
    def initial(db: sqlite_utils.Database) -> None:  # sqlite_utils.Database
        db.table("runs").create(
            {
                "id": str,
                "name": str,
                "project": str,
                "status": str,
                "command": str,  # JSON list of argv (redacted)
                "cwd": str,
                "host": str,
                "user": str,
                "pid": int,  # the supervisor's pid (mlop run), to tell a lost run on this host
                "pid_started_at": float,
                "child_pid": int,
                "started_at": float,
                "ended_at": float,
                "heartbeat_at": float,
                "exit_code": int,
                "signal": int,
                "git_commit": str,
                "git_branch": str,
                "git_dirty": int,
                "slurm_job_id": str,
                "group_id": str,
                "meta": str,  # JSON: the run context
            },
            pk="id",
            if_not_exists=True,
        )
        db.table("runs").create_index(["started_at"], if_not_exists=True)
        db.table("runs").create_index(["project"], if_not_exists=True)
        db.table("params").create(
            {"run_id": str, "key": str, "value": str, "source": str},
            pk=("run_id", "key", "source"),
            if_not_exists=True,
        )
        db.table("tags").create(
            {"run_id": str, "tag": str}, pk=("run_id", "tag"), if_not_exists=True
        )
        db.table("tags").create_index(["tag"], if_not_exists=True)
        db.table("metrics").create(
            {"id": int, "name": str, "source": str}, pk="id", if_not_exists=True
        )
        db.table("metrics").create_index(["name", "source"], unique=True, if_not_exists=True)
        db.table("point_chunks").create(
            {
                "run_id": str,
                "metric_id": int,
                "seq": int,
                "n": int,
                "step_min": int,
                "step_max": int,
                "time_min": float,
                "time_max": float,
                "steps": bytes,  # int64 little-endian
                "times": bytes,  # float64 little-endian, seconds since the epoch
                "vals": bytes,  # float64 little-endian; NaN and +-inf kept
            },
            pk=("run_id", "metric_id", "seq"),
            if_not_exists=True,
        )
        db.table("run_metrics").create(
            {
                "run_id": str,
                "metric_id": int,
                "count": int,
                "nan_count": int,
                "last_step": int,
                "last_time": float,
                "last_value": float,
                "min_value": float,
                "min_step": int,
                "max_value": float,
                "max_step": int,
                "sum": float,
                "first_time": float,
            },
            pk=("run_id", "metric_id"),
            if_not_exists=True,
        )
        db.table("histograms").create(
            {
                "run_id": str,
                "metric_id": int,
                "step": int,
                "time": float,
                "edges": str,  # JSON list, len(counts) + 1
                "counts": str,  # JSON list
            },
            if_not_exists=True,
        )
        db.table("histograms").create_index(["run_id", "metric_id", "step"], if_not_exists=True)
        db.table("texts").create(
            {"run_id": str, "tag": str, "step": int, "time": float, "text": str}, if_not_exists=True
        )
        db.table("texts").create_index(["run_id", "tag", "step"], if_not_exists=True)
        db.table("logs").create(
            {"run_id": str, "seq": int, "time": float, "stream": int, "data": bytes},
            pk=("run_id", "seq"),
            if_not_exists=True,
        )
        db.table("events").create(
            {
                "id": int,
                "run_id": str,
                "time": float,
                "level": str,
                "kind": str,
                "message": str,
                "data": str,
            },
            pk="id",
            if_not_exists=True,
        )
        db.table("events").create_index(["run_id", "time"], if_not_exists=True)

    @migrations(name="0002_epochs_and_console_index")
    def epochs_and_console_index(db: sqlite_utils.Database) -> None:  # sqlite_utils.Database
        # The epoch of each point where the output said it (float64, NaN where it did not);
        # NULL for a chunk with no epoch at all (TensorBoard, system, most console lines).
        if "epochs" not in db.table("point_chunks").columns_dict:
            db.table("point_chunks").add_column("epochs", bytes)
        # Console metrics are an index over the stored console (``logs``): how far it has been
        # read, so a reader can tell a run whose metrics are still being derived, and a later
        # process can finish the job.
        db.table("console_index").create(
            {
                "run_id": str,
                "log_seq": int,  # the logs rows up to this seq (excluded) are parsed
                "done": int,  # 1: the console is complete and parsed to its end
                "updated_at": float,
                "state": str,  # JSON: what a resumed parse needs, see sources/console/index.py
            },
            pk="run_id",
            if_not_exists=True,
        )

    return migrations


def ensure_store(path: Path) -> sqlite3.Connection:
    """Open (creating the folder and file if needed) a store for writing, schema current."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path)
    ensure_schema(conn)
    return conn
