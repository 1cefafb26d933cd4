"""Find TensorBoard event files under folders, and remember those that exist before a run.

Kept free of heavy imports: :func:`snapshot_event_files` runs before the run's command starts,
so it must cost the command nothing but the walk itself (at most ``SNAPSHOT_BUDGET_S``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

# TensorBoard's own test (io_wrapper.IsTensorFlowEventsFile): CatBoost writes a bare
# `events.out.tfevents`, with no suffix.
EVENT_FILE_MARKER = "tfevents"
# The watcher's thread (tb_watch.py), named here, where importing costs nothing: `mlop run`
# lowers its priority by it.
THREAD_NAME = "mlop-tensorboard"
SKIPPED_DIR_NAMES = frozenset(
    {".git", ".hg", ".svn", ".mlop", "node_modules", "__pycache__", "site-packages", ".tox"}
)
# The snapshot taken before a run's command starts walks the roots for at most this long, so
# that a huge working directory never delays the command; likely TensorBoard folders come first.
SNAPSHOT_BUDGET_S = 0.1
# Bytes of each old event file remembered: the first record names its writer's start time,
# so a file rewritten under the same name (and a reused inode) is told from the old one.
HEAD_BYTES = 64
# Only for folders the snapshot had no time to list: a file there modified this little before
# the run started may be the run's own (coarse or skewed mtimes on network file systems).
RECENT_FILE_SLACK_S = 2.0
_LIKELY_TB_NAMES = (
    "log",
    "run",
    "tb",
    "tensorboard",
    "event",
    "lightning",
    "output",
    "summar",
    "exp",
)


_EVENT_FILE_PREFIX = "events.out.tfevents."
# The variable `mlop run` sets in its command's environment; every process the command starts
# inherits it.
RUN_ID_VARIABLE = "MLOP_RUN_ID"


def writer_pid(name: str, host: str) -> int | None:
    """The process id of the writer of an event file written on ``host``, from its name.

    TensorBoard's writers (tensorboard's EventFileWriter, so torch's SummaryWriter, and
    tensorboardX's, TensorFlow's) name their files ``events.out.tfevents.<time>.<host>.<pid>
    .<n>`` and maybe a suffix (``.v2``). None for another host's file (a shared file system)
    or any other name (CatBoost's bare ``events.out.tfevents``).
    """
    if not name.startswith(_EVENT_FILE_PREFIX):
        return None
    stamp, _, rest = name[len(_EVENT_FILE_PREFIX) :].partition(".")
    if not stamp.isdigit() or not host or not rest.startswith(host + "."):
        return None
    pid, _, uid = rest[len(host) + 1 :].partition(".")
    if not pid.isdigit() or not uid[:1].isdigit():
        return None
    return int(pid)


def writer_run_id(pid: int) -> str | None:
    """The run whose command started the process ``pid`` (its ``MLOP_RUN_ID``), if it runs
    under one and its environment can be read; None otherwise (gone, another user's, or
    started outside any run)."""
    import psutil  # (only once an event file is found: never before the command starts)

    try:
        return psutil.Process(pid).environ().get(RUN_ID_VARIABLE)
    except Exception:  # gone, not ours to read, no /proc: unknown
        return None


def is_event_file(name: str) -> bool:
    """Whether a file name is a TensorBoard event file."""
    return EVENT_FILE_MARKER in name and not name.endswith((".tmp", ".crc"))


def _skip_dir(entry: os.DirEntry) -> bool:
    """Folders never worth descending: VCS, mlop's store, caches, virtual environments."""
    name = entry.name
    if name in SKIPPED_DIR_NAMES:
        return True
    try:
        return os.path.exists(os.path.join(entry.path, "pyvenv.cfg"))
    except OSError:
        return True


@dataclass
class ScanResult:
    """What one walk of a root found."""

    files: list[str] = field(default_factory=list)
    dirs_per_child: dict[str, int] = field(default_factory=dict)  # top-level dir -> dirs below
    entries: int = 0
    truncated: bool = False
    #: Folders not (completely) listed because the entry limit or the deadline was reached.
    unlisted: list[str] = field(default_factory=list)


def likely_tensorboard_folder(name: str) -> bool:
    lowered = name.lower()
    return any(part in lowered for part in _LIKELY_TB_NAMES)


def scan_tree(
    root: Path,
    *,
    max_depth: int = 16,
    max_entries: int | None = None,
    deadline: float | None = None,
) -> ScanResult:
    """Walks ``root`` (skipping VCS, venv and cache folders) for event files.

    Folders named like TensorBoard's (``logs``, ``runs``, ``lightning_logs``, ...) are
    walked first, so that a limited walk finds event files early.

    Args:
        root: The folder to walk; a missing or unreadable root yields nothing.
        max_depth: Folders deeper than this below the root are not entered.
        max_entries: Stop after reading this many directory entries (``truncated`` is set).
        deadline: Stop before listing another folder once ``time.monotonic()`` passes this.
    """
    result = ScanResult()
    stack: list[tuple[str, int, str]] = [(str(root), 0, "")]
    while stack:
        if deadline is not None and time.monotonic() > deadline:
            result.unlisted.extend(folder for folder, _, _ in stack)
            return result
        folder, depth, child = stack.pop()
        below: list[tuple[str, int, str]] = []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    result.entries += 1
                    if max_entries is not None and result.entries > max_entries:
                        result.truncated = True
                        result.unlisted.append(folder)
                        result.unlisted.extend(item[0] for item in stack + below)
                        return result
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            if depth < max_depth and not _skip_dir(entry):
                                top = child or entry.path
                                result.dirs_per_child[top] = result.dirs_per_child.get(top, 0) + 1
                                below.append((entry.path, depth + 1, top))
                        elif is_event_file(entry.name):
                            result.files.append(entry.path)
                    except OSError:
                        continue
        except OSError:
            continue  # vanished or unreadable folder: the next scan tries again
        # Likely TensorBoard folders last on the stack: they are walked next.
        below.sort(key=lambda item: likely_tensorboard_folder(os.path.basename(item[0])))
        stack.extend(below)
    return result


def list_event_files(folder: str) -> list[str]:
    """The event files directly inside ``folder`` (empty if it is gone)."""
    try:
        with os.scandir(folder) as entries:
            return [entry.path for entry in entries if is_event_file(entry.name)]
    except OSError:
        return []


@dataclass(frozen=True)
class FileState:
    """An event file as a snapshot saw it."""

    device: int
    inode: int
    size: int
    head: bytes  # its first HEAD_BYTES bytes
    mtime_ns: int = 0


@dataclass
class EventFileSnapshot:
    """The event files that existed when a run started: earlier runs' data.

    Attributes:
        taken_at: Wall time of the snapshot.
        files: Path -> state of every event file found.
        unlisted: Folders the snapshot had no time (or entries) left to list; a file found
            below one of them later is judged by its modification time instead.
    """

    taken_at: float
    files: dict[str, FileState] = field(default_factory=dict)
    unlisted: list[str] = field(default_factory=list)

    def covers(self, path: str) -> bool:
        """Whether the snapshot listed the folder of ``path`` (or it did not exist then)."""
        return not any(path.startswith(folder + os.sep) for folder in self.unlisted)


def file_state(path: str) -> FileState | None:
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    return FileState(stat.st_dev, stat.st_ino, stat.st_size, head, stat.st_mtime_ns)


def _stat_state(path: str) -> FileState | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return FileState(stat.st_dev, stat.st_ino, stat.st_size, b"", stat.st_mtime_ns)


def snapshot_event_files(
    roots: list[Path],
    *,
    budget_s: float = SNAPSHOT_BUDGET_S,
    max_depth: int = 16,
    max_entries: int = 200_000,
) -> EventFileSnapshot:
    """Remembers the event files under ``roots``; call it before the run's command starts.

    Takes at most about ``budget_s`` (folders left unlisted are recorded as such), so that a
    huge working directory cannot delay the command.
    """
    snapshot = EventFileSnapshot(time.time())
    deadline = time.monotonic() + budget_s
    for root in roots:
        root = Path(os.path.abspath(root))
        if time.monotonic() > deadline:
            snapshot.unlisted.append(str(root))
            continue
        result = scan_tree(root, max_depth=max_depth, max_entries=max_entries, deadline=deadline)
        snapshot.unlisted.extend(result.unlisted)
        for path in result.files:
            if time.monotonic() <= deadline:
                state = file_state(path)
            else:  # out of time: a stat is cheaper than reading the first bytes
                state = _stat_state(path)
            if state is not None:
                snapshot.files[path] = state
    return snapshot


def offset_after_snapshot(path: str, state: FileState) -> int | None:
    """Where this run's data in an old file starts; None while it has not changed.

    A file replaced under the same name (another inode, a shorter file, other first bytes,
    whatever its size) is new: it is read from the start.
    """
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if (stat.st_dev, stat.st_ino) != (state.device, state.inode) or stat.st_size < state.size:
        return 0
    if stat.st_size == state.size and (stat.st_mtime_ns == state.mtime_ns or not state.head):
        return None  # untouched (or no first bytes to tell a rewrite by)
    current = file_state(path)
    if current is None:
        return None
    if current.head[: len(state.head)] != state.head:
        # Rewritten: tensorboardX names a file by the second and the host only, so two runs
        # started in one second write one path, truncated ('wb') to the same size.
        return 0
    return state.size if stat.st_size > state.size else None
