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
    app,
)
from mlop_cli.config import MINIMA
from mlop_cli.errors import UsageError

# -- run -------------------------------------------------------------------------------


@app.command(
    context_settings={**CONTEXT, "allow_interspersed_args": False, "ignore_unknown_options": True},
    no_args_is_help=True,
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
    from mlop_cli.config import env_bool, pick
    from mlop_cli.context import typed_value
    from mlop_cli.runner import RunOptions, execute_run

    if not command:
        raise UsageError("give the command to run after `--`, e.g. mlop run -- python train.py")
    if command[0].startswith("-"):
        # Unknown options are kept for the command (`mlop run python train.py --lr 3e-4`), so a
        # mistyped mlop option would otherwise be run as a command.
        raise UsageError(
            f"no such option: {command[0]} (see `mlop run --help`; the command goes after `--`)"
        )
    if name is not None:
        from mlop_cli.ids import check_run_name

        check_run_name(name)
    cwd = Path.cwd()
    config = _config(cwd)
    env = dict(os.environ)
    params: dict[str, Any] = {}
    for item in param:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param {item!r}: expected KEY=VALUE")
        params[key.strip()] = typed_value(value)
    patterns = _compile_patterns([*config.values.get("patterns", []), *pattern])
    tb_dirs = [Path(p) for p in [*config.values.get("tb_dirs", []), *tb_dir]]
    for folder in tb_dirs:
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"--tb-dir {folder}: not a folder")
    interval = pick(
        sample_interval, _float_env(env, "MLOP_SAMPLE_INTERVAL"), config, "sample_interval", 1.0
    )
    from mlop_cli.store.pg import is_pg_url

    if is_pg_url(store):
        raise UsageError(
            "mlop run records to a local store; send it to PostgreSQL with --sync-to URL"
        )
    options = RunOptions(
        argv=list(command),
        store=_store_path(store),
        name=name,
        project=pick(project, env.get("MLOP_PROJECT"), config, "project", None),
        tags=[*config.values.get("tags", []), *tag],
        params=params,
        use_pty=pty,
        quiet=quiet or bool(env_bool(env, "MLOP_QUIET")),
        patterns=patterns,
        builtin_patterns=not no_builtin_patterns and config.values.get("builtin_patterns", True),
        max_metrics=config.values.get("max_metrics", 1000),
        tensorboard=not no_tensorboard
        and config.values.get("tensorboard", True)
        and env_bool(env, "MLOP_TENSORBOARD") is not False,
        tb_dirs=tb_dirs,
        system=not no_system
        and config.values.get("system", True)
        and env_bool(env, "MLOP_SYSTEM") is not False,
        sample_interval=float(interval),
        diagnosis=dict(config.values.get("diagnosis", {})),
        secret_words=list(config.values.get("redact", [])),
        cwd=cwd,
        env=env,
        sync_to=_sync_url(sync_to),
    )
    raise typer.Exit(execute_run(options))


def _float_env(env: dict[str, str], name: str) -> float | None:
    value = env.get(name)
    if not value:
        return None
    try:
        number = float(value)
    except ValueError as error:
        raise UsageError(f"{name}={value!r} is not a number") from error
    least = MINIMA["sample_interval"]
    if not number >= least:  # as --sample-interval; `not >=` refuses NaN too
        raise UsageError(f"{name}={value!r}: give at least {least} seconds")
    return number
