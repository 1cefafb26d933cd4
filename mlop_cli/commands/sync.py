"""``mlop sync``: send runs to the PostgreSQL team store."""

from __future__ import annotations

import os
import select
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from mlop_cli.commands._shared import (
    JsonOption,
    _console,
    _print_json,
    _store_spec,
    _sync_url,
    _warn,
    app,
)
from mlop_cli.errors import MlopError, UsageError

# -- sync (PostgreSQL team store) --------------------------------------------------------


@app.command()
def sync(
    run_refs: list[str] = typer.Argument(
        None,
        metavar="[RUN]...",
        help="Runs to sync (id, prefix, name or `last`).",
        show_default=False,
    ),
    to: str | None = typer.Option(
        None,
        "--to",
        help="PostgreSQL URL, e.g. postgresql://user@host/db (default: $MLOP_SYNC_TO, "
        "config sync_to). Passwords: PGPASSWORD, ~/.pgpass or PGSERVICE.",
        show_default=False,
    ),
    all_runs: bool = typer.Option(False, "--all", help="Sync every run of the store."),
    watch: bool = typer.Option(
        False, "--watch", help="Keep syncing: until the runs end, or (with --all) until Ctrl-C."
    ),
    interval: float = typer.Option(
        2.0, "--interval", help="Seconds between passes with --watch.", min=0.1
    ),
    store: str | None = typer.Option(
        None,
        "--store",
        help="Local store file, or a folder of them (default: $MLOP_STORE, the config file, "
        "or .mlop/mlop.db).",
        show_default=False,
    ),
    as_json: bool = JsonOption,
) -> None:
    """Send runs to a PostgreSQL team store: only what is new, never twice.

    Also sends what changed since (status, tags, names) and deletes there the runs deleted
    here with `mlop rm`. Shows progress on a terminal, then one summary line.

    Example: mlop sync --to postgresql://me@db.lab/mlop --all
    """
    from mlop_cli.store.pg import is_pg_url, shown_url
    from mlop_cli.store.pg_sync import Syncer, SyncStats
    from mlop_cli.store.pg_sync import watch as watch_runs
    from mlop_cli.sync_background import INCOMPLETE_EXIT, UNTIL_CLOSED_ENV

    url = _sync_url(to)
    if not url:
        raise UsageError("give the PostgreSQL URL with --to URL (or set MLOP_SYNC_TO)")
    if not run_refs and not all_runs:
        raise UsageError("give the runs to sync, or --all")
    if run_refs and all_runs:
        raise UsageError("give runs or --all, not both")
    spec = _store_spec(store)
    if is_pg_url(spec):
        raise UsageError(
            f"--store names the local store to send from, not {shown_url(spec)}; "
            "the team store is given with --to URL"
        )
    folder = Path(spec)
    stores = sorted(folder.glob("*.db")) if folder.is_dir() else [folder]
    if not stores:
        raise UsageError(f"no store files (*.db) in {folder}")
    if watch and len(stores) > 1:
        raise UsageError("--watch follows one store file; start one `mlop sync --watch` per node")
    total = SyncStats()
    started = time.monotonic()
    with _SyncDisplay(shown_url(url)) as display:
        for path in stores:
            run_ids: list[str] | None = None
            if run_refs:
                if len(stores) > 1:
                    raise UsageError("with a folder of stores, use --all")
                run_ids = _resolve_for_sync(path, run_refs, watch)
            if watch:
                # mlop run's own sync: it ends after the pass that follows the end of its stdin,
                # which the run closes once its record is complete.
                until_closed = os.environ.get(UNTIL_CLOSED_ENV) == "1"
                closed, wait = _stdin_end() if until_closed else (None, time.sleep)
                stats = watch_runs(
                    path, url, run_ids, interval=interval, say=_warn, closed=closed, sleep=wait
                )
            else:
                syncer = Syncer(
                    path, url, say=display.warn, progress=display.update, complete_records=True
                )
                try:
                    stats = syncer.sync(run_ids if run_ids is not None else syncer.local_runs())
                finally:
                    syncer.close()
            total.add(stats)
    seconds = time.monotonic() - started
    shown = shown_url(url)
    if as_json:
        _print_json({"to": shown, **total.to_json(), "seconds": round(seconds, 3)})
    elif total.empty:
        skipped = f" ({total.skipped} deleted there, not sent again)" if total.skipped else ""
        sys.stderr.write(f"mlop: nothing new to sync to {shown}{skipped}\n")
    else:
        sys.stderr.write(
            f"mlop: synced to {shown} in {seconds:.1f} s: {_summary(total, seconds)}\n"
        )
    if total.incomplete:
        # (mlop run's own sync: its run says what sends the rest, see sync_background)
        raise typer.Exit(INCOMPLETE_EXIT)


def _summary(total: Any, seconds: float) -> str:
    """What a sync sent, in one line: only what it did send."""
    parts = []
    runs = []
    if total.runs:
        runs.append(f"{total.runs:,} new")
    if total.updated:
        runs.append(f"{total.updated:,} updated")
    if runs:
        parts.append(f"runs {', '.join(runs)}")
    if total.points:
        rate = f", {total.points / seconds:,.0f}/s" if seconds > 0.5 else ""
        parts.append(f"{total.points:,} points{rate}")
    if total.log_bytes:
        parts.append(f"{total.log_bytes:,} bytes of console")
    if total.rows:
        parts.append(f"{total.rows:,} other rows")
    if total.tags_added or total.tags_removed:
        parts.append(f"tags +{total.tags_added} -{total.tags_removed}")
    if total.deleted:
        parts.append(f"{total.deleted:,} deleted run(s)")
    if total.skipped:
        parts.append(f"{total.skipped:,} run(s) deleted there, not sent again")
    if not total.complete:
        parts.append("stopped before the end (run it again for the rest)")
    return "; ".join(parts)


class _SyncDisplay:
    """Progress on stderr while it is a terminal (rich): runs done, and the current run's
    points; silent otherwise. Warnings print above the bars."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self._progress: Any = None
        self._runs: Any = None
        self._points: Any = None
        self._started = time.monotonic()

    def __enter__(self) -> _SyncDisplay:
        if not sys.stderr.isatty():
            return self
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[note]}"),
            console=_console(sys.stderr),
            transient=True,
        )
        self._progress.start()
        self._runs = self._progress.add_task(f"syncing to {self.shown}", total=None, note="runs")
        self._points = self._progress.add_task("", total=None, note="", visible=False)
        return self

    def update(self, state: Any) -> None:
        """Show where the sync stands (a :class:`SyncProgress`)."""
        if self._progress is None:
            return
        elapsed = max(time.monotonic() - self._started, 1e-6)
        self._progress.update(
            self._runs,
            completed=max(0, state.run_index - 1),
            total=state.run_count,
            note=f"runs  {state.points:,} points ({state.points / elapsed:,.0f}/s), "
            f"{state.log_bytes:,} bytes of console",
        )
        self._progress.update(
            self._points,
            description=f"run {state.run_id}",
            completed=min(state.run_points_sent, state.run_points),
            total=state.run_points or None,
            note="points",
            visible=state.run_points > 0,
        )

    def warn(self, message: str) -> None:
        """A warning line, above the bars."""
        if self._progress is not None:
            self._progress.console.print(f"mlop: warning: {message}", markup=False)
        else:
            _warn(message)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def _stdin_end() -> tuple[Callable[[], bool], Callable[[float], None]]:
    """(whether stdin has ended, a sleep that returns as soon as it does): how `mlop run`
    tells its sync that the run's record is complete."""
    ended = False
    fd = sys.stdin.fileno() if sys.stdin is not None else -1

    def check(timeout: float) -> bool:
        nonlocal ended
        if ended or fd < 0:
            return True
        try:
            ready, _, _ = select.select([fd], [], [], timeout)
            if ready and not os.read(fd, 4096):
                ended = True
        except (OSError, ValueError):
            ended = True
        return ended

    return (lambda: check(0)), (lambda seconds: None if check(seconds) else None)


def _resolve_for_sync(path: Path, refs: list[str], watch: bool) -> list[str]:
    from mlop_cli.errors import StoreError
    from mlop_cli.store.queries import Store

    try:
        local = Store(path)
    except StoreError:
        # `mlop run --sync-to` starts its watcher before the run's first commit: a full run id
        # is waited for.
        if watch and all(len(ref) == 20 for ref in refs):
            return list(dict.fromkeys(refs))
        raise
    try:
        return list(dict.fromkeys(local.resolve(ref) for ref in refs))
    except MlopError:
        if watch and all(len(ref) == 20 for ref in refs):
            return list(dict.fromkeys(refs))
        raise
    finally:
        local.close()
