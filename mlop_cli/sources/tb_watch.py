"""Find TensorBoard event files under folders and tail them while they grow.

:class:`TensorBoardSource` is the live source of a run: a named daemon thread discovers
``events.out.tfevents.*`` files under each watched root (inotify through ``watchdog`` where
it works, plus a polling rescan that also works on NFS and Lustre), reads what each file
gained with :class:`~mlop_cli.sources.tb_events.EventFileReader`, and hands the records to
the sink. :func:`import_tree` reads a finished tree for ``mlop import``.

Metric names (see docs/tensorboard.md): the tag, prefixed with the event folder's path
relative to the watched root, except for the root itself and (by default) for the first
folder that holds events when it is the only one. Names never change once emitted.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import Any

from mlop_cli.records import Event, Record, Sink
from mlop_cli.sources.tb_events import EventFileReader

# TensorBoard's own test (io_wrapper.IsTensorFlowEventsFile): CatBoost writes a bare
# `events.out.tfevents`, with no suffix.
EVENT_FILE_MARKER = "tfevents"
SKIPPED_DIR_NAMES = frozenset(
    {".git", ".hg", ".svn", ".mlop", "node_modules", "__pycache__", "site-packages", ".tox"}
)
# Files modified this little before the source started may belong to the run (coarse mtime
# on some file systems, a child that started first); they are read from the start.
RECENT_FILE_SLACK_S = 2.0
# watchdog's recursive inotify watch walks the whole subtree: only for modest subtrees.
MAX_WATCHED_DIRS = 2000
# watchdog runs one thread per scheduled watch: keep them few (measured: 64 subtrees of a busy
# working directory meant ~45 threads and ~2% of a core).
MAX_WATCHED_SUBTREES = 6
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

Progress = Callable[[int, int], None]


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


def scan_tree(root: Path, *, max_depth: int = 16, max_entries: int | None = None) -> ScanResult:
    """Walks ``root`` (skipping VCS, venv and cache folders) for event files.

    Args:
        root: The folder to walk; a missing or unreadable root yields nothing.
        max_depth: Folders deeper than this below the root are not entered.
        max_entries: Stop after reading this many directory entries (``truncated`` is set).
    """
    result = ScanResult()
    stack: list[tuple[str, int, str]] = [(str(root), 0, "")]
    while stack:
        folder, depth, child = stack.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    result.entries += 1
                    if max_entries is not None and result.entries > max_entries:
                        result.truncated = True
                        return result
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            if depth < max_depth and not _skip_dir(entry):
                                top = child or entry.path
                                result.dirs_per_child[top] = result.dirs_per_child.get(top, 0) + 1
                                stack.append((entry.path, depth + 1, top))
                        elif is_event_file(entry.name):
                            result.files.append(entry.path)
                    except OSError:
                        continue
        except OSError:
            continue  # vanished or unreadable folder: the next scan tries again
    return result


def list_event_files(folder: str) -> list[str]:
    """The event files directly inside ``folder`` (empty if it is gone)."""
    try:
        with os.scandir(folder) as entries:
            return [entry.path for entry in entries if is_event_file(entry.name)]
    except OSError:
        return []


class _Naming:
    """Decides each event folder's metric prefix once, so names never change."""

    def __init__(self, roots: list[Path], always_prefix: bool) -> None:
        self.roots = [Path(os.path.abspath(root)) for root in roots]
        self.always_prefix = always_prefix
        self.prefixes: dict[str, str] = {}

    def relative(self, folder: str) -> str:
        path = Path(os.path.abspath(folder))
        # The deepest root holding the folder gives the shortest name.
        for root in sorted(self.roots, key=lambda root: len(root.parts), reverse=True):
            try:
                return path.relative_to(root).as_posix()
            except ValueError:
                continue
        return path.as_posix().lstrip("/")

    def assign(self, folders: list[str]) -> None:
        """Fixes the prefix of folders that became active together (in one pass)."""
        new = sorted({folder for folder in folders if folder not in self.prefixes})
        if not new:
            return
        alone = not self.prefixes and len(new) == 1 and not self.always_prefix
        for folder in new:
            relative = self.relative(folder)
            bare = alone or relative in ("", ".")
            self.prefixes[folder] = "" if bare else relative + "/"


class TensorBoardSource:
    """Discovers and tails TensorBoard event files under ``roots`` for one run.

    Event files that existed (and were last modified more than a couple of seconds)
    before :meth:`start` are old runs: only what they gain afterwards is read.

    Args:
        roots: Folders to watch (typically the run's working directory and any
            ``--tensorboard`` folders); they need not exist yet.
        sink: Receives every record.
        poll_interval: Seconds between polls of known folders and files.
        clock: Wall time for mlop's own events.
        use_watchdog: Use inotify (through watchdog) besides polling; False polls only.
        always_prefix: Prefix every folder but the root (deterministic names), instead of
            leaving the first folder bare while it is the only one.
        max_depth: Folders deeper than this below a root are not scanned.
        max_scan_entries: Directory entries one full rescan may read.
    """

    def __init__(
        self,
        roots: list[Path],
        sink: Sink,
        *,
        poll_interval: float = 1.0,
        clock: Callable[[], float] = time.time,
        use_watchdog: bool = True,
        always_prefix: bool = False,
        max_depth: int = 16,
        max_scan_entries: int = 200_000,
    ) -> None:
        # Absolute paths, so that scans and inotify name each file the same way.
        self.roots = [Path(os.path.abspath(root)) for root in roots]
        self.sink = sink
        self.poll_interval = poll_interval
        self.clock = clock
        self.use_watchdog = use_watchdog
        self.max_depth = max_depth
        self.max_scan_entries = max_scan_entries
        self.readers: dict[str, EventFileReader] = {}
        self._naming = _Naming(self.roots, always_prefix)
        self._baseline: dict[str, int] | None = None  # old files -> size at start
        self._started_at = 0.0
        self._event_dirs: set[str] = set()
        self._dirty_files: set[str] = set()
        self._dirty_dirs: set[str] = set()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._drain = True
        self._thread: threading.Thread | None = None
        self._observer: Any = None
        self._next_full_scan = 0.0
        self._noted: set[str] = set()
        self._scan_results: dict[str, ScanResult] = {}
        self._handler: Any = None
        self._watched_dirs = 0
        #: Set once the first scan is done and inotify (if any) is watching.
        self.ready = threading.Event()

    # Life cycle ---------------------------------------------------------------------

    def start(self) -> None:
        """Starts the watcher thread (discovery happens there, not in the caller)."""
        self._started_at = time.time()  # file mtimes are real time, whatever the clock
        self._thread = threading.Thread(target=self._run, name="mlop-tensorboard", daemon=True)
        self._thread.start()

    def stop(self, drain: bool = True) -> None:
        """Stops watching; with ``drain``, first reads every known file to its end.

        Call after the child has exited, so that nothing is still being written.
        """
        self._drain = drain
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._stop_observer()

    # Thread -------------------------------------------------------------------------

    def _run(self) -> None:
        self._guard(self._initial_scan)
        if self.use_watchdog and not self._stopping.is_set():
            self._guard(self._start_observer)
        self.ready.set()
        while not self._stopping.is_set():
            self._guard(self._tick)
            self._wake.wait(self.poll_interval)
            self._wake.clear()
            if not self._stopping.is_set():
                # Let a burst of inotify events settle into one pass (the final pass needs none:
                # the command has exited).
                time.sleep(0.02)
        if self._drain:
            self._guard(self._final_pass)

    def _guard(self, step: Callable[[], None]) -> None:
        """Runs one step; a fault becomes one warning, and the thread goes on."""
        try:
            step()
        except Exception as error:  # noqa: BLE001 - the run must never see our faults
            self._note_once(
                f"fault:{type(error).__name__}",
                "warning",
                "tensorboard.error",
                f"TensorBoard source fault: {type(error).__name__}: {error}",
            )

    def _initial_scan(self) -> None:
        baseline: dict[str, int] = {}
        self._scan_results = {}
        for root in self.roots:
            result = scan_tree(root, max_depth=self.max_depth, max_entries=self.max_scan_entries)
            self._scan_results[str(root)] = result
            for path in result.files:
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                if stat.st_mtime < self._started_at - RECENT_FILE_SLACK_S:
                    baseline[path] = stat.st_size
                self._event_dirs.add(os.path.dirname(path))
        self._baseline = baseline
        self._schedule_full_scan(0.0)

    def _tick(self) -> None:
        now = time.monotonic()
        candidates: set[str] = set()
        with self._lock:
            candidates.update(self._dirty_files)
            dirty_dirs = set(self._dirty_dirs)
            self._dirty_files.clear()
            self._dirty_dirs.clear()
        for folder in dirty_dirs:
            self._watch_new_dir(folder)
            found = scan_tree(Path(folder), max_depth=self.max_depth, max_entries=20_000)
            candidates.update(found.files)
        if now >= self._next_full_scan:
            started = time.monotonic()
            for root in self.roots:
                found = scan_tree(root, max_depth=self.max_depth, max_entries=self.max_scan_entries)
                candidates.update(found.files)
                if found.truncated:
                    self._note_once(
                        f"truncated:{root}",
                        "info",
                        "tensorboard.scan_truncated",
                        f"{root} is large; event files beyond {self.max_scan_entries} entries"
                        " may be found late or not at all (pass the TensorBoard folder)",
                    )
            self._schedule_full_scan(time.monotonic() - started)
        for folder in list(self._event_dirs):
            candidates.update(list_event_files(folder))
        candidates.update(self.readers)
        self._read(sorted(candidates), final=False)

    def _schedule_full_scan(self, duration: float) -> None:
        # Adaptive: a 10 ms scan runs every poll, a 500 ms one every 50 s (<= ~1% of a core).
        self._next_full_scan = time.monotonic() + max(self.poll_interval, 100 * duration)

    def _final_pass(self) -> None:
        candidates: set[str] = set(self.readers)
        for root in self.roots:
            found = scan_tree(root, max_depth=self.max_depth, max_entries=self.max_scan_entries)
            candidates.update(found.files)
        self._read(sorted(candidates), final=True)

    def _read(self, paths: list[str], *, final: bool) -> None:
        new_readers: dict[str, EventFileReader] = {}
        for path in paths:
            if path not in self.readers:
                reader = self._new_reader(path)
                if reader is not None:
                    new_readers[path] = reader
        if new_readers:
            # Folders that became active in the same pass get their prefixes together.
            self._naming.assign([os.path.dirname(path) for path in new_readers])
            for path, reader in new_readers.items():
                folder = os.path.dirname(path)
                reader.prefix = self._naming.prefixes[folder]
                self.readers[path] = reader
                self._event_dirs.add(folder)
        for path in paths:
            reader = self.readers.get(path)
            if reader is None or (not final and not reader.may_have_news()):
                continue
            for record in reader.read_new(final=final):
                self.sink(record)

    def _new_reader(self, path: str) -> EventFileReader | None:
        """A reader for a newly seen file, or None while an old file has not grown."""
        offset = 0
        try:
            info = os.stat(path)
        except OSError:
            return None
        if not S_ISREG(info.st_mode):
            return None  # a FIFO or device named like an event file: opening it would block
        if self._baseline is not None and path in self._baseline:
            size = info.st_size
            if size == self._baseline[path]:
                return None
            offset = self._baseline[path] if size > self._baseline[path] else 0
        return EventFileReader(path, offset=offset, clock=self.clock)

    # watchdog -----------------------------------------------------------------------

    def _start_observer(self) -> None:
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:
            return
        source = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:  # noqa: D102
                source._on_fs_event(event)

        observer = Observer()
        observer.name = "mlop-tensorboard-watchdog"
        handler = Handler()
        try:
            watched = 0
            for root in self.roots:
                result = self._scan_results.get(str(root))
                if result is None or not root.is_dir():
                    continue
                # The root itself (new folders and files directly in it), then each modest
                # subtree recursively: venvs, .git and huge data folders stay unwatched.
                observer.schedule(handler, str(root), recursive=False)
                # Folders named like TensorBoard's (logs, runs, lightning_logs, ...) first, then
                # the smallest; the rest are found by polling.
                subtrees = sorted(
                    result.dirs_per_child.items(),
                    key=lambda item: (
                        not any(n in os.path.basename(item[0]).lower() for n in _LIKELY_TB_NAMES),
                        item[1],
                    ),
                )
                for child, dirs in subtrees[:MAX_WATCHED_SUBTREES]:
                    if watched + dirs > MAX_WATCHED_DIRS:
                        break
                    observer.schedule(handler, child, recursive=True)
                    watched += dirs
            observer.start()
            self._watched_dirs = watched
        except Exception:  # noqa: BLE001 - e.g. inotify watch limit: polling still works
            try:
                observer.stop()
            except Exception:  # noqa: BLE001
                pass
            return
        self._observer = observer
        self._handler = handler

    def _watch_new_dir(self, folder: str) -> None:
        """Watches a folder created directly in a root (the root's own watch is flat)."""
        observer = self._observer
        if observer is None or os.path.dirname(folder) not in map(str, self.roots):
            return
        if self._watched_dirs >= MAX_WATCHED_DIRS or os.path.basename(folder) in SKIPPED_DIR_NAMES:
            return
        try:
            observer.schedule(self._handler, folder, recursive=True)
            self._watched_dirs += 1
        except Exception:  # noqa: BLE001 - gone already, or out of inotify watches
            pass

    def _on_fs_event(self, event: Any) -> None:
        paths = [event.src_path, getattr(event, "dest_path", "")]
        woke = False
        with self._lock:
            for path in paths:
                if isinstance(path, bytes):
                    path = os.fsdecode(path)
                if not path:
                    continue
                if event.is_directory:
                    if event.event_type in ("created", "moved"):
                        self._dirty_dirs.add(path)
                        woke = True
                elif is_event_file(os.path.basename(path)):
                    self._dirty_files.add(path)
                    woke = True
        if woke:
            self._wake.set()

    def _stop_observer(self) -> None:
        observer, self._observer = self._observer, None
        if observer is None:
            return
        try:
            observer.stop()
            observer.join(timeout=2.0)
        except Exception:  # noqa: BLE001
            pass

    def _note_once(self, key: str, level: str, kind: str, message: str) -> None:
        if key in self._noted:
            return
        self._noted.add(key)
        try:
            self.sink(Event(self.clock(), level, kind, message, None))
        except Exception:  # noqa: BLE001 - a failing sink cannot take a note either
            pass


# Import -------------------------------------------------------------------------------


def event_folders(root: Path, *, max_depth: int = 64) -> dict[Path, list[Path]]:
    """Every folder under ``root`` holding event files, with its files in name order."""
    folders: dict[Path, list[Path]] = {}
    for path in scan_tree(root, max_depth=max_depth).files:
        folders.setdefault(Path(path).parent, []).append(Path(path))
    # Event file names start with the writer's start time: name order is time order.
    return {folder: sorted(files) for folder, files in sorted(folders.items())}


def import_tree(
    root: Path,
    *,
    single: bool,
    progress: Progress | None = None,
    clock: Callable[[], float] = time.time,
) -> list[tuple[Path, Iterator[Record]]]:
    """Plans the import of a finished TensorBoard tree.

    Args:
        root: The tree; every folder holding event files below it is read.
        single: One run for the whole tree (metrics prefixed with each folder's path
            relative to ``root`` when more than one folder holds events) instead of one
            run per event folder (bare tags).
        progress: Called with ``(bytes_done, bytes_total)`` over the whole tree as the
            records are consumed.
        clock: Wall time for mlop's own events.

    Returns:
        ``(folder, records)`` pairs: one per event folder, or one ``(root, records)`` with
        ``single``. Iterate them in order; the records are read lazily, block by block.
    """
    root = Path(root)
    folders = event_folders(root)
    sizes: dict[Path, int] = {}
    for files in folders.values():
        for path in files:
            try:
                sizes[path] = path.stat().st_size
            except OSError:
                sizes[path] = 0
    total = sum(sizes.values())
    done = [0]

    def read(files: list[Path], prefix: str) -> Iterator[Record]:
        for path in files:
            reader = EventFileReader(path, prefix=prefix, clock=clock)
            before = 0
            for batch in reader.iter_blocks(final=True):
                yield from batch
                done[0] += max(reader.offset - before, 0)
                before = reader.offset
                if progress is not None:
                    progress(min(done[0], total), total)
            # Skipped garbage and truncated tails still count as done.
            done[0] += max(sizes[path] - before, 0)
            if progress is not None:
                progress(min(done[0], total), total)

    if not single:
        return [(folder, read(files, "")) for folder, files in folders.items()]

    naming = _Naming([root], always_prefix=len(folders) > 1)
    naming.assign(list(map(str, folders)))

    def read_all() -> Iterator[Record]:
        for folder, files in folders.items():
            yield from read(files, naming.prefixes[str(folder)])

    return [(root, read_all())]
