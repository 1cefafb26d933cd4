"""Editing the store: tag, untag, rename, rm, gc."""

from __future__ import annotations

import sys
from typing import Any

import typer

from mlop_cli.commands._shared import (
    JsonOption,
    StoreOption,
    _note,
    _open_store,
    _print_json,
    _store_path,
    _store_url,
    _warn,
    app,
)
from mlop_cli.errors import ExitCode, UsageError

# -- edit ------------------------------------------------------------------------------


def _editor(flag: str | None, command: str):  # -> StoreEditor | PgEditor
    """The store to edit; with a PostgreSQL URL, the team store (``rm`` and ``gc`` only)."""
    from mlop_cli.store.edit import StoreEditor

    url = _store_url(flag)
    if url is not None and command in ("rm", "gc"):
        from mlop_cli.store.pg_store import PgEditor

        return PgEditor(url, f"mlop {command}")
    return StoreEditor(_store_path(flag, _LOCAL_EDIT))


# Tags and names are edited where a run was recorded; its sync then sends them (a team store
# edit would be undone by the next sync of the run).
_LOCAL_EDIT = (
    "tags and names are edited in the local store where the run was recorded; "
    "`mlop sync` then sends the change"
)


@app.command()
def tag(
    run_ref: str = typer.Argument(
        ...,
        metavar="RUN",
        help="Run id, name (its newest run), NAME~N (the Nth before), `last`, or unique id prefix.",
    ),
    tags: list[str] = typer.Argument(..., metavar="TAG...", help="Tags to add."),
    store: str | None = StoreOption,
) -> None:
    """Add tags to a run.

    Example: mlop tag last best ablation-3
    """
    _store_path(store, _LOCAL_EDIT)
    run_id = _open_store(store).resolve(run_ref)
    with _editor(store, "tag") as editor:
        now = editor.add_tags(run_id, tags)
    sys.stderr.write(f"mlop: run {run_id} tags: {', '.join(now)}\n")


@app.command()
def untag(
    run_ref: str = typer.Argument(
        ...,
        metavar="RUN",
        help="Run id, name (its newest run), NAME~N (the Nth before), `last`, or unique id prefix.",
    ),
    tags: list[str] = typer.Argument(..., metavar="TAG...", help="Tags to remove."),
    store: str | None = StoreOption,
) -> None:
    """Remove tags from a run.

    Example: mlop untag last best
    """
    _store_path(store, _LOCAL_EDIT)
    run_id = _open_store(store).resolve(run_ref)
    with _editor(store, "untag") as editor:
        now, absent = editor.remove_tags(run_id, tags)
    if absent:
        _warn(f"run {run_id} had no tag {', '.join(absent)}")
    sys.stderr.write(f"mlop: run {run_id} tags: {', '.join(now) or '(none)'}\n")


@app.command()
def rename(
    run_ref: str = typer.Argument(
        ...,
        metavar="RUN",
        help="Run id, name (its newest run), NAME~N (the Nth before), `last`, or unique id prefix.",
    ),
    name: str = typer.Argument(..., help="The new name."),
    store: str | None = StoreOption,
) -> None:
    """Give a run a new name.

    Example: mlop rename last baseline-lr3e-4
    """
    _store_path(store, _LOCAL_EDIT)
    run_id = _open_store(store).resolve(run_ref)
    with _editor(store, "rename") as editor:
        old = editor.rename(run_id, name)
        same = editor.named(name)
    name = name.strip()
    sys.stderr.write(f"mlop: run {run_id} renamed from {old!r} to {name!r}\n")
    if len(same) > 1:
        place = "the newest" if same[0] == run_id else f"`{name}~{same.index(run_id)}`"
        _note(
            f"{len(same)} runs are named {name!r}: `{name}` is the newest ({same[0]}), "
            f"`{name}~1` the one before it; this run is {place}"
        )


@app.command()
def rm(
    run_refs: list[str] = typer.Argument(
        ..., metavar="RUN...", help="Runs to delete: id, name, NAME~N, `last`, or unique id prefix."
    ),
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Do not ask; required when stdin is not a terminal."
    ),
    force: bool = typer.Option(False, "--force", help="Delete a run even while it is running."),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Delete runs and everything recorded about them.

    Asks first when stdin is a terminal; elsewhere it needs --yes. A run still being recorded
    (its mlop process alive; on another host, a recent heartbeat) needs --force.

    Example: mlop rm a1b2c3 old-baseline --yes
    """
    opened = _open_store(store)
    run_ids = list(dict.fromkeys(opened.resolve(ref) for ref in run_refs))
    with _editor(store, "rm") as editor:
        plan = editor.delete_runs(run_ids, force=force, dry_run=True)
        if not yes:
            if not sys.stdin.isatty():
                raise UsageError(
                    "refusing to delete runs without --yes when stdin is not a terminal"
                )
            listed = ", ".join(f"{row['id']} ({row.get('name')})" for row in plan.runs)
            sys.stderr.write(f"Delete {len(plan.runs)} run(s): {listed}? [y/N] ")
            sys.stderr.flush()
            if sys.stdin.readline().strip().lower() not in ("y", "yes"):
                sys.stderr.write("mlop: nothing deleted\n")
                raise typer.Exit(ExitCode.ERROR)
        removal = editor.delete_runs(run_ids, force=force)
    _report_removal(removal, as_json)


@app.command()
def gc(
    older_than: float | None = typer.Option(
        None,
        "--older-than",
        help="Delete runs that started more than DAYS days ago.",
        metavar="DAYS",
        min=0,
    ),
    status: list[str] = typer.Option(
        [],
        "--status",
        "-s",
        help="Delete runs with this status (repeatable): finished, failed, killed, lost.",
    ),
    vacuum: bool = typer.Option(
        False, "--vacuum", help="Then VACUUM the store to give the space back."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Print what would be removed; change nothing."
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Delete old runs (never one still being recorded) and/or compact the store.

    With --older-than and --status together, a run must match both. A run whose mlop process
    is alive (on another host: whose heartbeat is recent) is kept, and said so.

    Example: mlop gc --older-than 30 --status failed --vacuum --dry-run
    """
    statuses = ("finished", "failed", "killed", "lost")
    for item in status:
        if item not in statuses:
            raise UsageError(f"--status {item!r}: expected one of {', '.join(statuses)}")
    if older_than is None and not status and not vacuum:
        raise UsageError("nothing to do: give --older-than DAYS, --status S and/or --vacuum")
    with _editor(store, "gc") as editor:
        removal = editor.collect_garbage(
            older_than_days=older_than, statuses=status or None, vacuum=vacuum, dry_run=dry_run
        )
    _report_removal(removal, as_json)


def _report_removal(removal: Any, as_json: bool) -> None:
    for row in removal.kept:
        _note(f"kept {row['id']} ({row.get('name')}): still being recorded, {row['alive']}")
    if as_json:
        _print_json(removal.to_json())
        return
    from mlop_cli.views.text import format_bytes, format_time

    verb = "would remove" if removal.dry_run else "removed"
    for row in removal.runs:
        sys.stdout.write(
            f"{verb} {row['id']}  {row.get('name') or ''}  {row.get('status')}  {format_time(row.get('started_at'))}\n"
        )
    rows = ", ".join(f"{count:,} {table}" for table, count in removal.rows.items() if count)
    sys.stdout.write(f"{verb} {len(removal.runs)} run(s)" + (f" ({rows})" if rows else "") + "\n")
    if removal.vacuumed:
        sys.stdout.write(
            f"vacuumed: {format_bytes(removal.bytes_before)} -> {format_bytes(removal.bytes_after)}\n"
        )
    elif removal.bytes_before and removal.dry_run:
        sys.stdout.write(f"would vacuum the store ({format_bytes(removal.bytes_before)} now)\n")
