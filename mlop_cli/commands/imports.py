"""Creating runs from what exists: TensorBoard logs, console log files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from mlop_cli.commands._shared import (
    JsonOption,
    StoreOption,
    _compile_patterns,
    _config,
    _print_json,
    _progress,
    _store_path,
    _warn,
    app,
)

_IMPORT_ELSEWHERE = (
    "mlop import and import-log write to a local store; import there, then send the runs with "
    "`mlop sync --to URL`"
)


@app.command("import")
def import_(
    folder: Path = typer.Argument(
        ..., help="Folder holding TensorBoard event files (searched recursively)."
    ),
    name: str | None = typer.Option(
        None, "--name", "-n", help="Run name (default: the training's folder path)."
    ),
    project: str | None = typer.Option(None, "--project", "-p", help="Project of the new runs."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Tag the new runs (repeatable)."),
    single: bool = typer.Option(
        False, "--single", help="One run for the whole tree instead of one per training."
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Create runs from existing TensorBoard logs: one per training found.

    Files imported before are not imported again (a note says so).

    Example: mlop import lightning_logs/ --project mnist
    """
    from mlop_cli.importing import import_tensorboard

    path = _store_path(store, _IMPORT_ELSEWHERE)
    with _progress("reading event files") as progress:
        result = import_tensorboard(
            path,
            folder,
            single=single,
            name=name,
            project=project,
            tags=tag,
            progress=progress,
            warn=_warn,
        )
    for known in result.already:
        sys.stderr.write(
            f"mlop: {known.source} is in the store already, as run {known.run_id}"
            f" ({known.name}); not imported again\n"
        )
    for imported, earlier in result.regrown:
        _warn(
            f"{imported.source} grew since it was imported as run {earlier.run_id}"
            f" ({earlier.name}); run {imported.run_id} holds all of it now"
            f" (`mlop rm {earlier.run_id}` removes the older one)"
        )
    if as_json:
        rows = [
            {"id": r.run_id, "name": r.name, "source": str(r.source), "points": r.stats.points}
            for r in result.runs
        ]
        rows += [
            {"id": r.run_id, "name": r.name, "source": str(r.source), "already_imported": True}
            for r in result.already
        ]
        _print_json(rows)
        return
    if not result.runs:
        sys.stderr.write(f"mlop: nothing new to import from {folder}; {path} has it all\n")
        return
    _report_imports(result.runs, path, as_json)


@app.command("import-log")
def import_log(
    log_file: Path = typer.Argument(
        ...,
        metavar="FILE",
        help="A console log: a Slurm .out file, a CI log, a saved terminal session.",
    ),
    name: str | None = typer.Option(
        None, "--name", "-n", help="Run name (default: the file's name)."
    ),
    project: str | None = typer.Option(None, "--project", "-p", help="Project of the new run."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Tag the new run (repeatable)."),
    pattern: list[str] = typer.Option(
        [], "--pattern", help="Regex for metrics: named groups, or key/value groups (repeatable)."
    ),
    no_builtin_patterns: bool = typer.Option(
        False, "--no-builtin-patterns", help="Turn the built-in recognisers off."
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Parse an existing log file into a new run: its console and the metrics it printed.

    Example: mlop import-log slurm-123456.out --name baseline
    """
    from mlop_cli.importing import import_log as import_log_file

    config = _config(Path.cwd())
    patterns = _compile_patterns([*config.values.get("patterns", []), *pattern])
    path = _store_path(store, _IMPORT_ELSEWHERE)
    with _progress("parsing the log") as progress:
        imported = import_log_file(
            path,
            log_file,
            name=name,
            project=project,
            tags=tag,
            patterns=patterns,
            builtins=not no_builtin_patterns,
            progress=progress,
            warn=_warn,
        )
    _report_imports([imported], path, as_json)


def _report_imports(runs: list[Any], path: Path, as_json: bool) -> None:
    if as_json:
        _print_json(
            [
                {"id": r.run_id, "name": r.name, "source": str(r.source), "points": r.stats.points}
                for r in runs
            ]
        )
        return
    for imported in runs:
        sys.stderr.write(
            f"mlop: imported {imported.source} as run {imported.run_id} ({imported.name}): {imported.stats.points:,} points\n"
        )
    sys.stderr.write(f"mlop: {len(runs)} run(s) written to {path}\n")
