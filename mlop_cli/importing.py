"""Creating runs from finished logs: TensorBoard trees (``mlop import``), console logs (``mlop import-log``)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlop_cli import records as rec
from mlop_cli.ids import new_run_id
from mlop_cli.store.writer import RunStart, RunUpdate, Writer, WriterStats

Progress = Callable[[int, int], None]


@dataclass
class ImportedRun:
    """A run created by an import."""

    run_id: str
    name: str
    source: Path
    stats: WriterStats
    first_time: float | None
    last_time: float | None


def import_records(
    store: Path,
    records: Iterable[rec.Record],
    *,
    name: str,
    source: Path,
    kind: str,
    project: str | None = None,
    tags: list[str] | None = None,
    warn: Callable[[str], None] | None = None,
    meta: dict[str, Any] | None = None,
) -> ImportedRun:
    """Write ``records`` into a new run; the run's times span the records' own times.

    ``meta`` adds keys to the run's context (what identifies the imported files).
    """
    run_id = new_run_id()
    now = time.time()
    writer = Writer(store, run_id, warn=warn, block_when_full=True, max_pending_bytes=64 << 20)
    writer.start()
    user = os.environ.get("USER") or str(os.getuid())
    writer.put(
        RunStart(
            row={
                "id": run_id,
                "name": name,
                "project": project,
                "status": "finished",
                "command": json.dumps([f"mlop {kind}", str(source)]),
                "cwd": str(Path.cwd()),
                "host": socket.gethostname(),
                "user": user,
                "started_at": now,
                "meta": json.dumps(
                    {"imported_from": str(source.resolve()), "import_kind": kind, **(meta or {})}
                ),
            },
            tags=list(tags or []),
        )
    )
    first: float | None = None
    last: float | None = None
    tail = b""  # the console's last bytes: how the job ended, when the log says so
    for record in records:
        times = getattr(record, "times", None)
        if isinstance(record, rec.LogChunk):
            times = [record.time]
            tail = (tail + record.data)[-_TAIL_BYTES:]
        if times:
            low, high = min(times), max(times)
            first = low if first is None else min(first, low)
            last = high if last is None else max(last, high)
        writer.put(record)
    # No exit code was seen: none is invented. A log that ends as a crash or a cancelled
    # job says so (a gate on it must not pass).
    columns: dict[str, Any] = {"started_at": first or now, "ended_at": last or first or now}
    ended = ended_badly(tail)
    if ended is not None:
        columns["status"] = ended
    writer.put(RunUpdate(columns))
    stats = writer.close(timeout=3600)
    if kind != "import-log":
        from mlop_cli.store.console_index import mark_indexed

        mark_indexed(store, run_id)  # no console to index
    return ImportedRun(run_id, name, source, stats, first, last)


_TAIL_BYTES = 64 * 1024
# How a job's log ends when the job did not finish: Slurm's cancellation (a time limit, scancel,
# preemption), the kernel's OOM killer, a shell's report of a signal, a Python traceback's last
# line (an exception's name, then its message) or a fatal CUDA error.
_KILLED = re.compile(
    rb"\*\*\* (?:JOB|STEP) [\w.]+ ON \S+ CANCELLED|DUE TO (?:TIME LIMIT|PREEMPTION|NODE FAILURE)"
    rb"|oom[-_ ]kill|Out of memory: Killed process|^Killed$|Segmentation fault|Aborted \(core dumped\)",
    re.MULTILINE,
)
_TRACEBACK_END = re.compile(
    rb"^Traceback \(most recent call last\):\n(?:[ \t].*\n|\n)*[\w.]+(?:Error|Exception|Interrupt"
    rb"|Exit)\b.*\s*\Z",
    re.MULTILINE,
)


def ended_badly(tail: bytes) -> str | None:
    """``killed`` or ``failed`` when a log's last bytes say the job did not finish (a Slurm
    cancellation, the OOM killer, a signal; a traceback that ends the log), else None."""
    if _KILLED.search(tail) is not None:
        return "killed"
    if _TRACEBACK_END.search(tail.replace(b"\r\n", b"\n")) is not None:
        return "failed"
    return None


@dataclass
class AlreadyImported:
    """A training that an earlier ``mlop import`` stored already: nothing is written."""

    source: Path
    run_id: str
    name: str


@dataclass
class TensorBoardImport:
    """What ``mlop import`` did: the runs it made, and the trainings it found stored."""

    runs: list[ImportedRun]
    already: list[AlreadyImported]
    #: Runs made again because their files grew since an earlier import: (new, earlier).
    regrown: list[tuple[ImportedRun, AlreadyImported]]


# The first record of an event file (the writer's file_version event, with its start time)
# identifies it; a longer first record than this is cut.
_FIRST_RECORD_MAX = 4096


def _first_record(handle: Any) -> bytes:
    """The bytes of the file's first TFRecord (what is there of it, if it is cut short)."""
    header = handle.read(12)
    if len(header) < 12:
        return header
    length = int.from_bytes(header[:8], "little")
    return header + handle.read(min(length + 4, _FIRST_RECORD_MAX))


def training_fingerprint(files: list[Path]) -> tuple[str, str]:
    """Identifies the event files of one training: ``(key, digest)``.

    ``key`` depends on the files' names and first records only (the same training, even
    after it grew or moved); ``digest`` also on their sizes (the same bytes).
    """
    key, digest = hashlib.sha256(), hashlib.sha256()
    for path in sorted(files, key=lambda item: item.name):
        try:
            with path.open("rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                head = _first_record(handle)
        except OSError:
            size, head = -1, b""
        entry = path.name.encode("utf-8", "surrogateescape") + b"\0" + head + b"\0"
        key.update(entry)
        digest.update(entry + str(size).encode() + b"\0")
    return key.hexdigest(), digest.hexdigest()


def _earlier_imports(store: Path) -> list[dict[str, Any]]:
    from mlop_cli.store.queries import Store

    if not store.exists():
        return []
    reader = Store(store)
    try:
        return reader.imported_runs("import_key")
    finally:
        reader.close()


def import_tensorboard(
    store: Path,
    root: Path,
    *,
    single: bool,
    name: str | None = None,
    project: str | None = None,
    tags: list[str] | None = None,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
) -> TensorBoardImport:
    """One run per training under ``root`` (or one for the tree with ``single``).

    A training whose files are in the store already (an earlier import of the same bytes) is
    not imported again; one whose files grew since is imported again, as a new run.
    """
    from mlop_cli.errors import UsageError
    from mlop_cli.sources.tb_watch import import_tree

    if not root.is_dir():
        raise UsageError(f"{root} is not a folder; give the folder that holds TensorBoard logs")
    plan = import_tree(root, single=single, progress=progress)
    if not plan:
        raise UsageError(f"no TensorBoard event files (events.out.tfevents*) under {root}")
    earlier = _earlier_imports(store)
    result = TensorBoardImport([], [], [])
    for item in plan:
        folder = item.folder
        key, digest = training_fingerprint(item.files)
        same = [run for run in earlier if run["context"].get("import_digest") == digest]
        if same:
            item.skip()
            run = same[-1]
            result.already.append(AlreadyImported(folder, run["id"], run["name"]))
            continue
        relative = folder.relative_to(root) if folder != root else Path(root.name or "tensorboard")
        run_name = (
            name
            if name and (single or len(plan) == 1)
            else (f"{name}/{relative}" if name else str(relative))
        )
        imported = import_records(
            store,
            item.records,
            name=run_name,
            source=folder,
            kind="import",
            project=project,
            tags=tags,
            warn=warn,
            meta={"import_key": key, "import_digest": digest, "event_files": len(item.files)},
        )
        grown = [run for run in earlier if run["context"].get("import_key") == key]
        if grown:
            run = grown[-1]
            result.regrown.append((imported, AlreadyImported(folder, run["id"], run["name"])))
        result.runs.append(imported)
    return result


def import_log(
    store: Path,
    path: Path,
    *,
    name: str | None = None,
    project: str | None = None,
    tags: list[str] | None = None,
    patterns: list[Any] | None = None,
    builtins: bool = True,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
) -> ImportedRun:
    """Parse an existing console log (a Slurm ``.out`` file, a CI log) into a new run.

    The log is stored as the run's console (stdout) and parsed with the same recognisers as
    ``mlop run``. Times are the file's modification time: a plain log carries no per-line times.
    """
    from mlop_cli.errors import UsageError
    from mlop_cli.indexing import ConsoleSettings, index_run

    try:
        total = path.stat().st_size
        handle = path.open("rb")
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from error
    when = path.stat().st_mtime
    settings = ConsoleSettings([p.pattern for p in patterns or []], builtins)

    def records() -> Iterable[rec.Record]:
        done = 0
        with handle:
            while True:
                block = handle.read(1 << 20)
                if not block:
                    break
                done += len(block)
                yield rec.LogChunk(rec.STDOUT, when, block)
                if progress is not None:
                    progress(done, total)

    # The log becomes the run's stored console, and its metrics are derived from it exactly
    # as for `mlop run`: by the console indexer, here in this process.
    imported = import_records(
        store,
        records(),
        name=name or path.stem,
        source=path,
        kind="import-log",
        project=project,
        tags=tags,
        warn=warn,
        meta={"console": settings.as_meta()},
    )
    outcome = index_run(store, imported.run_id, wait_lock=60.0)
    imported.stats.points += outcome.points
    return imported
