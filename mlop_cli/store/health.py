"""Is a store safe to open, and sound? Checks made before SQLite is let at it.

Two faults SQLite does not see for itself:

- **The ``-shm`` file deleted under a live connection.** In WAL mode every connection maps the
  store's ``-shm`` file (the index of the WAL) and takes its locks there. When that file is
  unlinked while a process has the store open, the next connection creates a new, empty one,
  rebuilds the index from the WAL and writes as if it were alone, while the first process goes
  on with its own index: two writers append to one WAL and the store is corrupt (4 times in 4
  with two ``mlop run``). The state is visible from outside: ``/proc/locks`` lists the
  processes holding a lock on the database file (every open WAL connection holds a read lock
  there) and on the ``-shm`` file; one that holds the first and not the second, and maps a
  ``-shm`` of the store that is not the one at its path (``/proc/PID/maps``), lost its
  ``-shm`` (one that maps none is opening or closing a connection).
  :func:`mlop_cli.store.schema.connect` refuses to open the store then
  (:func:`refuse_if_shared_memory_lost`), and checks again once its connection has mapped a
  ``-shm`` (:func:`refuse_if_diverged`): two processes opening the store at the same moment
  (a run's writer and its console indexer) may map the ``-shm`` on either side of its
  deletion. A process that has the store open already shares its own mapping (SQLite keeps
  one per file per process) and is let through. ``/proc/locks`` is read, not an ``fcntl``
  lock probe: opening and closing a descriptor of the database in a process that has a
  connection to it would drop that connection's locks (POSIX locks belong to the process).
  What is still open: a connection made before the store is in WAL mode maps the ``-shm``
  when it is first used in WAL mode, unchecked (the first milliseconds of a new store).
- **A damaged store.** ``mlop run`` checks the store quickly before recording into it
  (:func:`damage`): SQLite's ``quick_check`` on a small store, and on the small tables of a
  large one. A damaged store is left as it is, for recovery, and the run is recorded into a
  fresh store beside it (:func:`recording_store`).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import time
from pathlib import Path

# A store up to this size gets SQLite's quick_check whole before a run starts: up to ~35 ms
# (measured: 15 MiB of 300-byte console chunks took 100-130 ms, cached, on a 2-core VM; packed
# points cost less per byte). Above it only the tables a run adds a few rows to (runs,
# params, tags, metrics...) are checked, in ~2 ms whatever the store's size.
FULL_CHECK_BYTES = 4 << 20
SMALL_TABLES = (
    "runs",
    "params",
    "tags",
    "metrics",
    "run_metrics",
    "events",
    "console_index",
    "_sqlite_migrations",
)
_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's primary result codes of a damaged file: SQLITE_CORRUPT and SQLITE_NOTADB.
_DAMAGE_CODES = (11, 26)


class UnsafeStoreError(sqlite3.OperationalError):
    """Opening the store now would damage it; the message says why and what to do.

    A ``sqlite3.OperationalError``, so that whoever opens the store handles it as any other
    store that cannot be opened for now (the run's writer keeps its data and retries).
    """

    def __init__(self, reason: str, advice: str) -> None:
        super().__init__(f"{reason} ({advice})")
        self.reason = reason


def refuse_if_shared_memory_lost(path: Path, wait: float = 1.0) -> None:
    """Raise :class:`UnsafeStoreError` when another process has the store open without its ``-shm``.

    A connection being opened or closed is briefly in that state (it holds the database's lock
    before it maps the ``-shm`` file, and unlinks the file before it lets go; with a few
    processes opening and closing connections in a loop, a third of single looks see one). So
    it counts only when the same process is seen so at every look for ``wait`` seconds. Only
    Linux says who holds which lock (``/proc/locks``); elsewhere nothing is checked.
    """
    if not sys.platform.startswith("linux"):
        return
    deadline = time.monotonic() + wait
    suspects: set[int] | None = None
    while True:
        found = _lost_shared_memory(path)
        if found is None:
            return
        lost, what = found
        suspects = set(lost) if suspects is None else suspects & lost
        if not suspects:
            return  # different processes at each look: connections coming and going
        if time.monotonic() >= deadline:
            raise UnsafeStoreError(
                _lost_message(path, sorted(suspects), what),
                "let that process end, or stop it, then retry",
            )
        time.sleep(0.02)


def refuse_if_diverged(path: Path, wait: float = 1.0) -> None:
    """After a new connection's first read: raise :class:`UnsafeStoreError` when it mapped a
    ``-shm`` file that another process holding the store does not use.

    :func:`refuse_if_shared_memory_lost` looks before the connection exists; a process that
    opened the store at the same moment may have mapped the ``-shm`` just before it was
    deleted, and this connection then made a new one. The caller closes the connection and
    calls :func:`drop_unused_shared_memory`.
    """
    if not sys.platform.startswith("linux"):
        return
    deadline = time.monotonic() + wait
    suspects: set[int] | None = None
    while True:
        lost = _diverged(path)
        if not lost:
            return
        suspects = set(lost) if suspects is None else suspects & lost
        if not suspects:
            return  # different processes at each look: connections coming and going
        if time.monotonic() >= deadline:
            raise UnsafeStoreError(
                _lost_message(path, sorted(suspects), "was replaced"),
                "let that process end, or stop it, then retry",
            )
        time.sleep(0.02)


def _diverged(path: Path) -> set[int]:
    """The other processes holding the store without the ``-shm`` this process holds."""
    try:
        database, shm = os.stat(path), os.stat(f"{path}-shm")
    except OSError:
        return set()  # no -shm at its path: this process maps one it had already
    locks = _read_locks()
    me = os.getpid()
    shared = _holders(locks, shm)
    if me not in shared or 0 in shared:
        return set()
    return _mapping_another_shm(
        path, _holders(locks, database, _SQLITE_LOCK_BYTES) - shared - {me, 0}
    )


def drop_unused_shared_memory(path: Path) -> None:
    """Delete the store's ``-shm`` file when no process holds it (a connection of this process,
    closed by now, made it by mistake): the processes that lost theirs go on as before."""
    if not sys.platform.startswith("linux"):
        return
    shm = Path(f"{path}-shm")
    try:
        if not _holders(_read_locks(), os.stat(shm)):
            shm.unlink()
    except OSError:
        pass


def _lost_shared_memory(path: Path) -> tuple[set[int], str] | None:
    """The processes that have the store open without its current ``-shm``, and what befell it."""
    shm = Path(f"{path}-shm")
    if not Path(f"{path}-wal").exists():
        return None  # no WAL in use (every connection closed, or a rollback journal)
    try:
        database = os.stat(path)
    except OSError:
        return None
    locks = _read_locks()
    holders = _holders(locks, database, _SQLITE_LOCK_BYTES)
    if os.getpid() in holders:
        # This process has the store open: SQLite keeps one mapping of the -shm per file per
        # process, so a new connection here shares it (the old one, deleted or not) and makes
        # no new -shm file.
        return None
    holders.discard(0)  # a process of another pid namespace: it cannot be told apart
    if not holders:
        return None
    try:
        shared = _holders(locks, os.stat(shm))
    except FileNotFoundError:
        lost, what = holders, "was deleted"
    except OSError:
        return None
    else:
        if 0 in shared:
            return None
        lost, what = holders - shared, "was replaced"
    lost = _mapping_another_shm(path, lost)
    return (lost, what) if lost else None


def _mapping_another_shm(path: Path, pids: set[int]) -> set[int]:
    """Of ``pids``, those that map a ``-shm`` of the store other than the one at its path now
    (deleted or replaced): the proof of a lost index. A process that holds the database's lock
    and maps no ``-shm`` is opening a connection or closing its last one, which on a loaded
    machine (a niced process among busy ones) can last seconds. Where ``/proc/PID/maps``
    cannot be read, the process stays a suspect."""
    if not pids:
        return pids
    shm = f"{path}-shm"
    names = {shm, os.path.realpath(path) + "-shm"}
    try:
        current: int | None = os.stat(shm).st_ino
    except OSError:
        current = None
    kept = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/maps", encoding="utf-8", errors="replace") as handle:
                text = handle.read()
        except OSError:
            kept.add(pid)
            continue
        for line in text.splitlines():
            fields = line.split(maxsplit=5)
            if len(fields) < 6:
                continue
            name = fields[5].removesuffix(" (deleted)")
            if name in names and (current is None or int(fields[4]) != current):
                kept.add(pid)
                break
    return kept


def _lost_message(path: Path, lost: list[int], what: str) -> str:
    if len(lost) == 1:
        who = f"process {lost[0]} has"
    else:
        more = f" and {len(lost) - 3} more" if len(lost) > 3 else ""
        who = f"processes {', '.join(map(str, lost[:3]))}{more} have"
    return (
        f"the store's shared-memory file {Path(f'{path}-shm').name} {what} while {who} the"
        f" store {path} open: opening it now would corrupt it"
    )


# SQLite's locks on a database file are POSIX locks on bytes from PENDING_BYTE (0x40000000):
# the pending byte, the reserved byte, then 510 shared bytes. Counting only these keeps other
# programs' locks (an flock(1) around a backup) from looking like SQLite connections.
_SQLITE_LOCK_BYTES = (0x40000000, 0x40000000 + 512)


def _read_locks() -> list[tuple[int, int, int, int, int]]:
    """(major, minor, inode, pid, first byte) of every POSIX lock, from ``/proc/locks``."""
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return []
    locks = []
    for line in text.splitlines():
        # "1: POSIX  ADVISORY  READ 4242 fe:00:2147385 1073741826 1073742335"; a waiting lock
        # has "->" after the number (it too is a process with the file open).
        fields = [field for field in line.split() if field != "->"]
        if len(fields) < 7 or fields[1] != "POSIX":
            continue
        try:
            major, minor, inode = fields[5].split(":")
            locks.append(
                (int(major, 16), int(minor, 16), int(inode), int(fields[4]), int(fields[6]))
            )
        except ValueError:
            continue
    return locks


def _holders(
    locks: list[tuple[int, int, int, int, int]],
    stat: os.stat_result,
    first_bytes: tuple[int, int] = (0, 1 << 63),
) -> set[int]:
    """The pids holding a lock on the file ``stat`` describes, starting within ``first_bytes``."""
    device = (os.major(stat.st_dev), os.minor(stat.st_dev), stat.st_ino)
    low, high = first_bytes
    return {
        pid
        for major, minor, inode, pid, first in locks
        if (major, minor, inode) == device and low <= first < high
    }


NOT_SQLITE = "it is not an SQLite database"  # what damage() says of a file that is no store


def damage(path: Path, full_check_bytes: int = FULL_CHECK_BYTES) -> str | None:
    """What is wrong with an SQLite store, in one line; None when the quick check finds nothing.

    A file that is not an SQLite database at all (a text file given as ``--store``) is no
    store to write either: it is said so. Call this before the process opens a connection to
    ``path``: it reads the file's header, and closing that descriptor would drop the locks of a
    connection of this process to the same file.

    Raises:
        UnsafeStoreError: the store cannot be opened safely now (see the module docstring).
    """
    from mlop_cli.store.schema import connect

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device (`--store /dev/null`) is no store: opening a FIFO to read its
            # header would block until a writer came. `mlop run` runs the command unrecorded.
            return None
        size = info.st_size
        with open(path, "rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError:
        return None  # nothing there yet, or not reachable: the writer says so itself
    if size == 0:
        return None
    if header != _SQLITE_HEADER:
        # (a text file, a truncated download where the store should be: left as it is too)
        return NOT_SQLITE
    try:
        conn = connect(path, readonly=True)
        try:
            # Reading the schema checks the header and the schema's own pages.
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if size <= full_check_bytes:
                checks = ["PRAGMA quick_check"]
            else:
                checks = [f"PRAGMA quick_check({name})" for name in SMALL_TABLES if name in tables]
            for check in checks:
                found = [row[0] for row in conn.execute(check)]
                if found != ["ok"]:
                    return "; ".join(found[:3]).replace("\n", " ")
        finally:
            conn.close()
    except UnsafeStoreError:
        raise
    except sqlite3.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", None)
        damaged = (code & 0xFF) in _DAMAGE_CODES if code is not None else False
        if damaged or (code is None and not isinstance(error, sqlite3.OperationalError)):
            return str(error)
    return None


def recording_store(path: Path) -> tuple[Path, str | None]:
    """Where ``mlop run`` records: ``path``, or a fresh store beside it when ``path`` is damaged
    or cannot be opened safely now; with the one-line reason in the second case.

    The damaged store is never written to: it stays as it was, for ``sqlite3 … .recover``. The
    fresh one is ``NAME-2.db`` (``-3``... when that one is damaged too), in the same folder, so
    that a reader of the folder (``mlop ls`` without ``--store``) lists its runs with the others.
    """
    try:
        problem = damage(path)
        if problem is None:
            return path, None
        if problem == NOT_SQLITE:
            reason = f"{path} is not an SQLite database, so no mlop store; it is left as it is"
        else:
            reason = (
                f"the store {path} is damaged ({_short(problem)}); it is left as it is (recover"
                f" it with `sqlite3 {path} .recover | sqlite3 {path.with_suffix('.recovered.db')}`)"
            )
    except UnsafeStoreError as error:
        reason = error.reason
    for number in range(2, 100):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix or '.db'}")
        try:
            if not candidate.exists() or damage(candidate) is None:
                return candidate, f"{reason}; this run is recorded into {candidate}"
        except UnsafeStoreError:
            continue
    return path, reason


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
