"""The typer app and what every command shares: options, console, config, store."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from mlop_cli import __version__
from mlop_cli.errors import UsageError

if TYPE_CHECKING:
    from mlop_cli.store.model import RunStore

CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    name="mlop",
    help="Record everything about a training run without changing the training script.\n\n"
    "Example: mlop run -- python train.py --lr 3e-4",
    context_settings=CONTEXT,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

StoreOption = typer.Option(
    None,
    "--store",
    help="Store file (default: $MLOP_STORE, the config file, or the nearest .mlop/mlop.db upward).",
    show_default=False,
)
JsonOption = typer.Option(False, "--json", help="Print JSON on stdout instead of a table.")


def _version(value: bool) -> None:
    if value:
        print(f"mlop {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Record everything about a training run without changing the training script."""


def _console(stream: Any = None):  # -> rich.console.Console
    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR"))
    target = stream or sys.stdout
    # Piped into a file or another program: wide rows, no wrapping mid-id.
    width = None if target.isatty() else 200
    return Console(file=target, no_color=no_color, highlight=False, soft_wrap=False, width=width)


def _config(cwd: Path):  # -> ConfigFile
    from mlop_cli.config import find_config

    return find_config(cwd)


def _store_path(flag: str | None, refusal: str | None = None) -> Path:
    """The local store file. A PostgreSQL URL there (flag, $MLOP_STORE or config) is refused
    in one line: ``refusal`` says what to do instead. Never a path made of a URL."""
    from mlop_cli.config import resolve_store

    cwd = Path.cwd()
    url = _store_url(flag)
    if url is not None:
        from mlop_cli.store.pg import shown_url

        advice = refusal or "this command works on a local store file; pass --store PATH"
        raise UsageError(f"{shown_url(url)} is a PostgreSQL team store: {advice}")
    return resolve_store(flag, os.environ, _config(cwd), cwd)


# -- store backends (sync feature) -------------------------------------------------------


def _store_url(flag: str | None) -> str | None:
    """The PostgreSQL URL that ``--store``, ``$MLOP_STORE`` or the config file names, if any
    (the first of them that is set decides)."""
    from mlop_cli.store.pg import is_pg_url

    config = _config(Path.cwd())
    for candidate in (flag, os.environ.get("MLOP_STORE"), config.values.get("store")):
        if candidate:
            return candidate if is_pg_url(candidate) else None
    return None


def _store_spec(flag: str | None) -> str:
    """The ``--store`` value as given: a path, a folder of stores, or a PostgreSQL URL."""
    url = _store_url(flag)
    if url is not None:
        return url  # as is: Path() would fold the URL's "//"
    config = _config(Path.cwd())
    path = _store_path(flag)
    if not flag and not os.environ.get("MLOP_STORE") and "store" not in config.values:
        # One store per node on a shared filesystem (.mlop/<host>.db): read them all.
        if path.parent.is_dir() and any(p != path for p in path.parent.glob("*.db")):
            return str(path.parent)
        if not path.parent.is_dir():
            from mlop_cli.errors import StoreError

            raise StoreError(
                f"no store: no .mlop/ folder in {Path.cwd()} or any folder above it; record a"
                " run with `mlop run -- COMMAND`, or pass --store PATH"
            )
    return str(path)


def _open_store(flag: str | None) -> RunStore:
    from mlop_cli.store.backends import open_store

    return open_store(_store_spec(flag), note=_note)


def _complete(opened: RunStore, run_ids: list[str]) -> None:
    """Make the runs' records complete before they are read (console metrics still being
    indexed, a status or console left beside the store): said on stderr when it takes a wait."""

    def say(text: str) -> None:
        sys.stderr.write(f"mlop: {text}\n")

    for run_id in run_ids:
        opened.complete(run_id, say=say)


def _sync_url(flag: str | None) -> str | None:
    """``--to`` / ``--sync-to`` > ``MLOP_SYNC_TO`` > config ``sync_to``; checked, never printed."""
    from mlop_cli.config import pick
    from mlop_cli.store.pg import is_pg_url, shown_url

    url = pick(flag, os.environ.get("MLOP_SYNC_TO") or None, _config(Path.cwd()), "sync_to", None)
    if url and not is_pg_url(url):
        raise UsageError(
            f"{shown_url(url)!r} is not a PostgreSQL URL; expected postgresql://USER@HOST/DB"
        )
    return url


# -- end of store backends ----------------------------------------------------------------


def _print_json(data: Any) -> None:
    sys.stdout.write(
        json.dumps(data, indent=2, ensure_ascii=False, default=str, allow_nan=False) + "\n"
    )


def _warn(message: str) -> None:
    sys.stderr.write(f"mlop: warning: {message}\n")


def _note(message: str) -> None:
    sys.stderr.write(f"mlop: {message}\n")


class _progress:  # used as a context manager, reads like a function
    """A progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self):  # -> Callable[[int, int], None]
        if not sys.stderr.isatty():
            return lambda done, total: None
        from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

        self._progress = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=_console(sys.stderr),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(self.label, total=None)
        return self.update

    def update(self, done: int, total: int) -> None:
        self._progress.update(self._task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def _compile_patterns(patterns: list[str]) -> list[Any]:
    if not patterns:
        return []
    try:
        from mlop_cli.sources.console.patterns import PatternError, compile_patterns
    except ImportError:  # pragma: no cover
        import re

        try:
            return [re.compile(p) for p in patterns]
        except re.error as error:
            raise UsageError(f"invalid --pattern: {error}") from error
    try:
        return compile_patterns(patterns)
    except PatternError as error:
        raise UsageError(str(error)) from error
