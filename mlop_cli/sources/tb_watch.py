"""Find TensorBoard event files under folders and tail them while they grow.

:class:`TensorBoardSource` is the live source of a run: a named daemon thread discovers
``events.out.tfevents.*`` files under each watched root (inotify through ``watchdog`` where
it works, plus a polling rescan that also works on NFS and Lustre), reads what each file
gained with :class:`~mlop_cli.sources.tb_events.EventFileReader`, and hands the records to
the sink. :func:`import_tree` reads a finished tree for ``mlop import``.

A run reads only its own data: :func:`snapshot_event_files`, taken before the run's command
starts, remembers every existing event file (device, inode, size and first bytes); afterwards
only new files and what old files gain past their remembered size are read.

Metric names (see docs/tensorboard.md and :mod:`~mlop_cli.sources.tb_names`): the tag,
prefixed with the event folder's path relative to the watched root without the folders
writers generate (dates, times, ``version_N``), except for the root itself and (by default)
for the first folder that holds events when it is the only one. Names never change once
emitted.
"""

from __future__ import annotations

import functools
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Any

from mlop_cli.records import Event, Record, Sink
from mlop_cli.sources.tb_events import EventFileReader
from mlop_cli.sources.tb_names import FolderNaming, group_trainings
from mlop_cli.sources.tb_scan import (
    RECENT_FILE_SLACK_S,
    SKIPPED_DIR_NAMES,
    THREAD_NAME,
    EventFileSnapshot,
    FileState,
    ScanResult,
    file_state,
    is_event_file,
    likely_tensorboard_folder,
    list_event_files,
    offset_after_snapshot,
    scan_tree,
    snapshot_event_files,
    writer_pid,
    writer_run_id,
)

__all__ = [
    "EventFileSnapshot",
    "PlannedImport",
    "ScanResult",
    "TensorBoardSource",
    "event_folders",
    "import_tree",
    "is_event_file",
    "list_event_files",
    "scan_tree",
    "snapshot_event_files",
]

# watchdog's recursive inotify watch walks the whole subtree: only for modest subtrees.
MAX_WATCHED_DIRS = 2000
# watchdog runs one thread per scheduled watch: keep them few (measured: 64 subtrees of a busy
# working directory meant ~45 threads and ~2% of a core).
MAX_WATCHED_SUBTREES = 6

Progress = Callable[[int, int], None]


class TensorBoardSource:
    """Discovers and tails TensorBoard event files under ``roots`` for one run.

    Event files in the ``snapshot`` (taken by :meth:`start` if none is given) are earlier
    runs': only what they gain afterwards is read. Take the snapshot before the command
    starts, so that a file the command creates at once is never mistaken for an old one.

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
        snapshot: The event files that existed before the run's command started.
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
        snapshot: EventFileSnapshot | None = None,
        run_id: str | None = None,
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
        self._naming = FolderNaming(self.roots, always_prefix)
        self._snapshot = snapshot
        self.run_id = run_id
        self._host = socket.gethostname()
        # Files another run's command writes (concurrent runs in one folder): never read.
        self._others: set[str] = set()
        self._event_dirs: set[str] = set()
        self._dirty_files: set[str] = set()
        self._dirty_dirs: set[str] = set()
        self._lock = threading.Lock()
        # One pass over the files at a time: the watcher's, or the last one, made by stop().
        self._passing = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
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
        """Starts the watcher thread (discovery happens there, not in the caller).

        Without a snapshot given, takes one first (here, at most ``SNAPSHOT_BUDGET_S``).
        """
        if self._snapshot is None:
            self._snapshot = snapshot_event_files(
                self.roots, max_depth=self.max_depth, max_entries=self.max_scan_entries
            )
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._thread.start()

    def stop(self, drain: bool = True, deadline: float | None = None) -> None:
        """Stops watching; with ``drain``, then reads every known file to its end.

        Call after the child has exited, so that nothing is still being written. The last
        reads run here, in the caller's thread, not in the watcher's: `mlop run` lowers the
        watcher's priority, and on a busy machine a lowered thread may not get the CPU to
        drain before mlop exits. ``deadline`` (``time.monotonic()``) bounds the wait for the
        watcher's current pass; the drain itself is not cut short.
        """
        self._stopping.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        self._stop_observer()
        if drain:
            # The watcher may still be inside a pass (held back by its priority): the lock waits
            # for that pass, and the watcher takes no other once it sees _stopping.
            self._guard(self._final_pass)

    # Thread -------------------------------------------------------------------------

    def _run(self) -> None:
        self._guard(self._initial_scan)
        if self.use_watchdog and not self._stopping.is_set():
            self._guard(self._start_observer)
            if self._stopping.is_set():  # stop() came while it started: it found none to stop
                self._stop_observer()
        self.ready.set()
        while not self._stopping.is_set():
            self._guard(self._tick)
            self._wake.wait(self.poll_interval)
            self._wake.clear()
            if not self._stopping.is_set():
                # Let a burst of inotify events settle into one pass (the final pass needs none:
                # the command has exited, and stop() makes it).
                time.sleep(0.02)

    def _guard(self, step: Callable[[], None]) -> None:
        """Runs one step; a fault becomes one warning, and the thread goes on."""
        try:
            step()
        except Exception as error:  # the run must never see our faults
            self._note_once(
                f"fault:{type(error).__name__}",
                "warning",
                "tensorboard.error",
                f"TensorBoard source fault: {type(error).__name__}: {error}",
            )

    def _initial_scan(self) -> None:
        self._scan_results = {}
        for root in self.roots:
            result = scan_tree(root, max_depth=self.max_depth, max_entries=self.max_scan_entries)
            self._scan_results[str(root)] = result
            for path in result.files:
                self._event_dirs.add(os.path.dirname(path))
        self._schedule_full_scan(0.0)

    def _tick(self) -> None:
        with self._passing:
            if not self._stopping.is_set():
                self._pass()

    def _pass(self) -> None:
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
        with self._passing:
            self._last_pass()

    def _last_pass(self) -> None:
        candidates: set[str] = set(self.readers)
        for root in self.roots:
            found = scan_tree(root, max_depth=self.max_depth, max_entries=self.max_scan_entries)
            candidates.update(found.files)
        self._read(sorted(candidates), final=True)

    def _read(self, paths: list[str], *, final: bool) -> None:
        new_readers: dict[str, EventFileReader] = {}
        for path in paths:
            if path not in self.readers and path not in self._others:
                if self._another_runs(path):
                    self._others.add(path)
                    continue
                reader = self._new_reader(path)
                if reader is not None:
                    new_readers[path] = reader
        if new_readers:
            # Folders that became active in the same pass get their prefixes together.
            self._naming.assign(list(new_readers))
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

    def _another_runs(self, path: str) -> bool:
        """Whether the file is written by a process of another run's command: one started by
        another `mlop run` in the same folder (a sweep launched in parallel), found by the
        writer's process id in the file's name and the run id in its environment. A file
        whose writer is gone, or unknown, is judged by the snapshot alone."""
        if self.run_id is None:
            return False
        pid = writer_pid(os.path.basename(path), self._host)
        if pid is None:
            return False
        owner = writer_run_id(pid)
        return owner is not None and owner != self.run_id

    def _new_reader(self, path: str) -> EventFileReader | None:
        """A reader for a newly seen file, or None while an old file has not changed."""
        try:
            if not S_ISREG(os.stat(path).st_mode):
                return None  # a FIFO or device named like an event file: opening it would block
        except OSError:
            return None
        snapshot = self._snapshot
        if snapshot is None:  # start() takes one; only a source never started gets here
            return None
        state = snapshot.files.get(path)
        if state is None and not snapshot.covers(path):
            state = self._late_state(path, snapshot)
        if state is None:
            return EventFileReader(path, clock=self.clock)
        offset = offset_after_snapshot(path, state)
        if offset is None:
            return None
        return EventFileReader(path, offset=offset, clock=self.clock)

    @staticmethod
    def _late_state(path: str, snapshot: EventFileSnapshot) -> FileState | None:
        """Judges a file the snapshot had no time to see by its modification time."""
        try:
            modified = os.stat(path).st_mtime
        except OSError:
            return None
        if modified >= snapshot.taken_at - RECENT_FILE_SLACK_S:
            return None  # may be this run's: read it all
        state = file_state(path)
        if state is not None:
            snapshot.files[path] = state  # unchanged since before the run: an old file
        return state

    # watchdog -----------------------------------------------------------------------

    def _start_observer(self) -> None:
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:
            return
        source = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
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
                        not likely_tensorboard_folder(os.path.basename(item[0])),
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
        except Exception:  # e.g. inotify watch limit: polling still works
            try:
                observer.stop()
            except Exception:
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
        except Exception:  # gone already, or out of inotify watches
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
        except Exception:
            pass

    def _note_once(self, key: str, level: str, kind: str, message: str) -> None:
        if key in self._noted:
            return
        self._noted.add(key)
        try:
            self.sink(Event(self.clock(), level, kind, message, None))
        except Exception:  # a failing sink cannot take a note either
            pass


# Import -------------------------------------------------------------------------------


def event_folders(root: Path, *, max_depth: int = 64) -> dict[Path, list[Path]]:
    """Every folder under ``root`` holding event files, with its files in name order."""
    folders: dict[Path, list[Path]] = {}
    for path in scan_tree(root, max_depth=max_depth).files:
        folders.setdefault(Path(path).parent, []).append(Path(path))
    # Event file names start with the writer's start time: name order is time order.
    return {folder: sorted(files) for folder, files in sorted(folders.items())}


@dataclass
class PlannedImport:
    """One run an import makes: a training's folder, its event files, and their records.

    ``records`` are read lazily, block by block, as they are consumed; :meth:`skip` counts
    the files as done without reading them (a training imported before).
    """

    folder: Path
    files: list[Path]
    records: Iterator[Record]
    _skip: Callable[[], None]

    def skip(self) -> None:
        """Counts this training's bytes as done in the progress, without reading them."""
        self._skip()


def import_tree(
    root: Path,
    *,
    single: bool,
    progress: Progress | None = None,
    clock: Callable[[], float] = time.time,
) -> list[PlannedImport]:
    """Plans the import of a finished TensorBoard tree.

    Args:
        root: The tree; every folder holding event files below it is read.
        single: One run for the whole tree instead of one run per training
            (:func:`~mlop_cli.sources.tb_names.group_trainings`).
        progress: Called with ``(bytes_done, bytes_total)`` over the whole tree as the
            records are consumed.
        clock: Wall time for mlop's own events.

    Returns:
        One :class:`PlannedImport` per run, in path order. Metric names are the tags,
        prefixed (as in a live run, relative to the training's folder, or to ``root`` with
        ``single``) when the run holds more than one event folder.
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

    def advance(count: int) -> None:
        done[0] += count
        if progress is not None:
            progress(min(done[0], total), total)

    def read(files: list[Path], naming: FolderNaming) -> Iterator[Record]:
        for path in files:
            prefix = naming.prefixes[str(path.parent)]
            reader = EventFileReader(path, prefix=prefix, clock=clock)
            before = 0
            for batch in reader.iter_blocks(final=True):
                yield from batch
                advance(max(reader.offset - before, 0))
                before = reader.offset
            # Skipped garbage and truncated tails still count as done.
            advance(max(sizes[path] - before, 0))

    groups = [(root, sorted(folders))] if single else group_trainings(root, folders)
    plans = []
    for folder, members in groups:
        files = [path for member in members for path in folders[member]]
        naming = FolderNaming([folder], always_prefix=False)
        naming.assign([str(path) for path in files])
        plans.append(
            PlannedImport(
                folder,
                files,
                read(files, naming),
                functools.partial(advance, sum(sizes[path] for path in files)),
            )
        )
    return plans
