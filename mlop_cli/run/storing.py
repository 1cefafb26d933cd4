"""The run's side of the store: the writer opened for it, and what it stored, read back.

Only the writer (``mlop_cli.store.writer``) writes; this module opens it, guards what is put
on it, and asks ``mlop_cli.store`` what the run holds for the closing line.
"""

from __future__ import annotations

import contextlib
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlop_cli import records as rec
from mlop_cli.context import shown_values
from mlop_cli.store.writer import RunStart, RunUpdate, Writer, WriterStats

_TEXT_RECORDS = (rec.Event, rec.Param, rec.Text, rec.ContextUpdate, RunStart, RunUpdate)


def open_writer(
    store: Path, run_id: str, secrets: list[bytes], warn: Callable[[str], None]
) -> Writer | None:
    """The run's writer, started; None (and a warning) when the run cannot be recorded."""
    problem = not_a_store(store)
    if problem:
        warn(problem)
        return None
    writer = Writer(store, run_id, warn=warn, secrets=secrets)
    # Any bytes are valid in names, tags, paths and argv; the store takes valid text only.
    writer.put = valid_text_put(writer.put)  # type: ignore[method-assign,assignment]
    if not started(writer.start, warn, "the run is not recorded"):
        return None
    return writer


def started(start: Callable[[], None], warn: Callable[[str], None], without: str) -> bool:
    """Start a thread; when none can be had (``ulimit -v``, a process limit), warn and go on."""
    try:
        start()
    except (RuntimeError, MemoryError) as error:
        warn(f"mlop cannot start a thread ({error}): {without}")
        return False
    return True


def valid_text_put(put: Callable[[Any], None]) -> Callable[[Any], None]:
    """``put`` for records whose strings are made valid UTF-8 (``shown_text``) first: one path
    or name of undecodable bytes in an event failed the whole batch it was in."""

    def valid_put(record: Any) -> None:
        if isinstance(record, _TEXT_RECORDS):
            for name in record.__slots__:
                value = getattr(record, name)
                if isinstance(value, (str, dict, list, tuple)):
                    setattr(record, name, shown_values(value))
        put(record)

    return valid_put


def not_a_store(path: Path) -> str | None:
    """Why ``path`` cannot hold a store (a device, a FIFO: ``--store /dev/null``), or None.

    SQLite would write its journal and mlop its lock file beside it (``/dev/null-journal``).
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # created by the writer (or its failure is a warning of the writer's)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return f"--store {path} is not a file: the command runs unrecorded"


def own_start_time() -> float | None:
    """This process's start time (with its pid, it tells a live run from a lost one)."""
    try:
        import psutil

        return float(psutil.Process().create_time())
    except Exception:
        return None


@dataclass
class Stored:
    """What the store holds of the run."""

    run: bool = False
    points: int = 0
    console_bytes: int = 0


def stored_counts(store: Path, run_id: str) -> Stored:
    """What the store holds of the run: the closing line says only that."""
    from mlop_cli.store.queries import stored_totals

    try:
        run, points, console_bytes = stored_totals(store, run_id)
    except Exception:  # a store that cannot be read: nothing to claim
        return Stored()
    return Stored(run, points, console_bytes)


def what_is_stored(store: Path, run_id: str, stats: WriterStats, indexed: bool) -> str:
    """The closing line's account of the run: only what the store holds now."""
    stored = stored_counts(store, run_id)
    if stats.store_failed and not stored.run:
        return f"nothing is stored: the store {store} could not be written"
    recorded = f"{stored.points:,} points, {stored.console_bytes:,} bytes of console"
    if stats.handed_over_bytes:
        recorded += (
            f" ({stats.handed_over_bytes:,} more are being moved into the store in the background)"
        )
    if not indexed:
        recorded += (
            "; console metrics are still being indexed in the background "
            f"(`mlop show {run_id}` waits for them)"
        )
    if stats.store_failed:
        recorded += f"; its last data is not stored: the store {store} could not be written"
    elif stats.unflushed:
        recorded += "; mlop could not finish writing in time: its last data may be missing"
    return recorded


def mark_console_indexed(store: Path, run_id: str) -> None:
    """The run has no console metrics to derive (no parsing asked for, or no command)."""
    from mlop_cli.store.console_index import mark_indexed

    with contextlib.suppress(Exception):
        mark_indexed(store, run_id)


def unindexed_bytes(store: Path, run_id: str) -> int | None:
    """Bytes of the run's stored console its indexer has yet to parse; None when unknown."""
    from mlop_cli.store import console_index

    try:
        return console_index.unindexed_bytes(store, run_id)
    except Exception:  # a reading for a wait, never a failure
        return None
