"""``mlop run``: supervise a command and record it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import typer

from mlop_cli.commands._shared import (
    CONTEXT,
    StoreOption,
    _compile_patterns,
    _config,
    _store_path,
    _sync_url,
    _warn,
    app,
)
from mlop_cli.config import MAXIMA, MINIMA
from mlop_cli.errors import UsageError

# -- run -------------------------------------------------------------------------------


@app.command(
    context_settings={**CONTEXT, "allow_interspersed_args": False, "ignore_unknown_options": True},
)
def run(
    command: list[str] = typer.Argument(
        None, help="The command to run, after `--`.", show_default=False
    ),
    name: str | None = typer.Option(
        None, "--name", "-n", help="Run name (default: script name and id suffix)."
    ),
    project: str | None = typer.Option(None, "--project", "-p", help="Project the run belongs to."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Tag the run (repeatable)."),
    param: list[str] = typer.Option(
        [], "--param", help="Record a parameter KEY=VALUE (repeatable)."
    ),
    store: str | None = StoreOption,
    pty: bool | None = typer.Option(
        None,
        "--pty/--no-pty",
        help="Run under a pseudo-terminal (default: when stdout is a terminal).",
        show_default=False,
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No start and summary lines on stderr."
    ),
    pattern: list[str] = typer.Option(
        [],
        "--pattern",
        help="Regex for console metrics: named groups, or key/value groups (repeatable).",
    ),
    no_builtin_patterns: bool = typer.Option(
        False, "--no-builtin-patterns", help="Turn the built-in console recognisers off."
    ),
    tb_dir: list[str] = typer.Option(
        [], "--tb-dir", help="Also watch this folder for TensorBoard event files (repeatable)."
    ),
    no_tensorboard: bool = typer.Option(
        False, "--no-tensorboard", help="Do not look for TensorBoard event files."
    ),
    sample_interval: float | None = typer.Option(
        None,
        "--sample-interval",
        help="Seconds between system samples (default 1).",
        min=MINIMA["sample_interval"],
        max=MAXIMA["sample_interval"],
    ),
    no_system: bool = typer.Option(
        False, "--no-system", help="Do not sample CPU, memory and GPUs."
    ),
    sync_to: str | None = typer.Option(
        None,
        "--sync-to",
        help="Also sync the run to this PostgreSQL URL, in the background "
        "(default: $MLOP_SYNC_TO, config sync_to).",
        show_default=False,
    ),
) -> None:
    """Run COMMAND and record its console, metrics, system usage and context.

    Exits with COMMAND's exit code (128+N when a signal N ended it).

    Example: mlop run --name baseline --tag ablation -- python train.py --lr 3e-4
    """
    from mlop_cli.config import resolve_settings
    from mlop_cli.context import typed_value
    from mlop_cli.run import RunOptions, execute_run

    if not command:
        raise UsageError("give the command to run after `--`, e.g. mlop run -- python train.py")
    if command[0].startswith("-"):
        # Unknown options are kept for the command (`mlop run python train.py --lr 3e-4`), so a
        # mistyped mlop option would otherwise be run as a command.
        raise UsageError(
            f"no such option: {command[0]} (see `mlop run --help`; the command goes after `--`)"
        )
    from mlop_cli.ids import clean_labels

    if name is not None:
        (name,) = clean_labels([name], "name", exact=True)
    tag = clean_labels(tag, "tag", exact=True)
    cwd = Path.cwd()
    config = _config(cwd)
    env = dict(os.environ)
    params: dict[str, Any] = {}
    for item in param:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param {item!r}: expected KEY=VALUE")
        params[key.strip()] = typed_value(value)
    # Each setting once, from one table: flag > MLOP_* > config file > default. An on/off flag
    # given only as --no-X is False when given and None (not given) otherwise.
    settings = resolve_settings(
        {
            "project": project,
            "quiet": True if quiet else None,
            "tensorboard": False if no_tensorboard else None,
            "system": False if no_system else None,
            "sample_interval": sample_interval,
            "builtin_patterns": False if no_builtin_patterns else None,
            "tags": tag,
            "patterns": pattern,
            "tb_dirs": tb_dir,
        },
        env,
        config,
    )
    patterns = _compile_patterns(settings["patterns"])
    tb_dirs = [Path(p) for p in settings["tb_dirs"]]
    for folder in tb_dirs:
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"--tb-dir {folder}: not a folder")
    from mlop_cli.store.pg import is_pg_url

    if is_pg_url(store):
        raise UsageError(
            "mlop run records to a local store; send it to PostgreSQL with --sync-to URL"
        )
    from mlop_cli.store.health import recording_store

    # A damaged store, or one that cannot be opened safely now, is left alone: the run is
    # recorded into a fresh store beside it, and the command runs all the same.
    store_path, problem = recording_store(_store_path(store))
    if problem:
        _warn(problem)
    options = RunOptions(
        argv=list(command),
        store=store_path,
        name=name,
        project=settings["project"],
        tags=settings["tags"],
        params=params,
        use_pty=pty,
        quiet=bool(settings["quiet"]),
        patterns=patterns,
        builtin_patterns=bool(settings["builtin_patterns"]),
        max_metrics=settings["max_metrics"],
        tensorboard=bool(settings["tensorboard"]),
        tb_dirs=tb_dirs,
        system=bool(settings["system"]),
        sample_interval=float(settings["sample_interval"]),
        diagnosis=dict(settings["diagnosis"]),
        secret_words=list(settings["redact"]),
        cwd=cwd,
        env=env,
        sync_to=_sync_url(sync_to),
    )
    raise typer.Exit(execute_run(options))
