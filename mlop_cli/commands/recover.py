"""``mlop recover``: store what runs left beside the store, index consoles left unindexed."""

from __future__ import annotations

import sqlite3
import sys

import typer

from mlop_cli.commands._shared import (
    JsonOption,
    StoreOption,
    _open_store,
    _print_json,
    _store_path,
    app,
)


@app.command()
def recover(
    run_refs: list[str] = typer.Argument(
        None, metavar="[RUN]...", help="Only these runs (default: every run that needs it)."
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Finish what runs could not store before `mlop run` exited.

    A final status the store refused (locked or unwritable too long), console that did not
    reach the store in time, console metrics not yet indexed (an indexer killed with its
    Slurm step): all are stored now. Readers (show, check, compare, export, report) do this
    for the runs they read; `mlop recover` does it for every run at once.

    Example: mlop recover --store .mlop/mlop.db
    """
    from mlop_cli.store.recovery import recover as recover_runs

    path = _store_path(store)
    run_ids = None
    if run_refs:
        opened = _open_store(store)
        try:
            run_ids = [opened.resolve(ref) for ref in run_refs]
        finally:
            opened.close()
    elif not path.exists():
        from mlop_cli.errors import StoreError

        raise StoreError(f"no store at {path}; pass --store with the right file")
    elif path.is_dir():
        from mlop_cli.errors import StoreError

        raise StoreError(f"{path} is a folder; pass --store with one store file in it")
    try:
        done = recover_runs(path, run_ids)
    except sqlite3.DatabaseError as error:
        from mlop_cli.errors import StoreError

        raise StoreError(f"cannot recover into {path}: {error}") from error
    if as_json:
        _print_json(
            {
                "statuses": done.statuses,
                "indexed": done.indexed,
                "failed": done.failed,
            }
        )
    else:
        for run_id in done.statuses:
            sys.stderr.write(f"mlop: run {run_id}: final status stored\n")
        for run_id, points in done.indexed.items():
            sys.stderr.write(f"mlop: run {run_id}: console indexed, {points:,} points\n")
        if not done.statuses and not done.indexed and not done.failed:
            sys.stderr.write("mlop: nothing to recover\n")
    for line in done.failed:
        sys.stderr.write(f"mlop: warning: {line}\n")
    if done.failed:
        raise typer.Exit(1)
