"""``mlop sync``: send runs to the PostgreSQL team store."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from mlop_cli.commands._shared import (
    JsonOption,
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

    Example: mlop sync --to postgresql://me@db.lab/mlop --all
    """
    from mlop_cli.store.pg import redact_url
    from mlop_cli.store.pg_sync import Syncer, SyncStats
    from mlop_cli.store.pg_sync import watch as watch_runs

    url = _sync_url(to)
    if not url:
        raise UsageError("give the PostgreSQL URL with --to URL (or set MLOP_SYNC_TO)")
    if not run_refs and not all_runs:
        raise UsageError("give the runs to sync, or --all")
    if run_refs and all_runs:
        raise UsageError("give runs or --all, not both")
    spec = _store_spec(store)
    folder = Path(spec)
    stores = sorted(folder.glob("*.db")) if folder.is_dir() else [folder]
    if not stores:
        raise UsageError(f"no store files (*.db) in {folder}")
    if watch and len(stores) > 1:
        raise UsageError("--watch follows one store file; start one `mlop sync --watch` per node")
    total = SyncStats()
    for path in stores:
        run_ids: list[str] | None = None
        if run_refs:
            if len(stores) > 1:
                raise UsageError("with a folder of stores, use --all")
            run_ids = _resolve_for_sync(path, run_refs, watch)
        if watch:
            stats = watch_runs(path, url, run_ids, interval=interval, say=_warn)
        else:
            syncer = Syncer(path, url)
            try:
                stats = syncer.sync(run_ids if run_ids is not None else syncer.local_runs())
            finally:
                syncer.close()
        total.add(stats)
    shown = redact_url(url)
    if as_json:
        _print_json(
            {
                "to": shown,
                "runs": total.runs,
                "points": total.points,
                "log_bytes": total.log_bytes,
                "rows": total.rows,
            }
        )
    elif total.empty:
        sys.stderr.write(f"mlop: nothing new to sync to {shown}\n")
    else:
        sys.stderr.write(
            f"mlop: synced to {shown}: {total.points:,} points, {total.log_bytes:,} bytes of "
            f"console, {total.rows:,} other rows ({total.runs} new run(s))\n"
        )


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
