"""Creating runs from finished logs: TensorBoard trees (``mlop import``), console logs (``mlop import-log``)."""

from __future__ import annotations

import json
import os
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
    """Write ``records`` into a new run; the run's times span the records' own times."""
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
    for record in records:
        times = getattr(record, "times", None)
        if isinstance(record, rec.LogChunk):
            times = [record.time]
        if times:
            low, high = min(times), max(times)
            first = low if first is None else min(first, low)
            last = high if last is None else max(last, high)
        writer.put(record)
    columns: dict[str, Any] = {
        "started_at": first or now,
        "ended_at": last or first or now,
        "exit_code": 0,
    }
    writer.put(RunUpdate(columns))
    stats = writer.close(timeout=3600)
    if kind != "import-log":
        from mlop_cli.store.console_index import mark_indexed

        mark_indexed(store, run_id)  # no console to index
    return ImportedRun(run_id, name, source, stats, first, last)


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
) -> list[ImportedRun]:
    """One run per folder of event files under ``root`` (or one for the tree with ``single``)."""
    from mlop_cli.errors import UsageError
    from mlop_cli.sources.tb_watch import import_tree

    if not root.is_dir():
        raise UsageError(f"{root} is not a folder; give the folder that holds TensorBoard logs")
    plan = import_tree(root, single=single, progress=progress)
    if not plan:
        raise UsageError(f"no TensorBoard event files (events.out.tfevents*) under {root}")
    runs = []
    for folder, records in plan:
        relative = folder.relative_to(root) if folder != root else Path(root.name or "tensorboard")
        run_name = (
            name
            if name and (single or len(plan) == 1)
            else (f"{name}/{relative}" if name else str(relative))
        )
        runs.append(
            import_records(
                store,
                records,
                name=run_name,
                source=folder,
                kind="import",
                project=project,
                tags=tags,
                warn=warn,
            )
        )
    return runs


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
