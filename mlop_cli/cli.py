"""The ``mlop`` command line: flags in, one library call, output and an exit code out.

No logic lives here (sqlite-utils' habit): each command resolves settings, calls the library
and renders. Errors become one line on stderr and a named exit code.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer

from mlop_cli.commands._quick import quick_invocation
from mlop_cli.commands._shared import app
from mlop_cli.errors import ExitCode, MlopError
from mlop_cli.store import database_errors

# Each module registers its commands on `app`; `mlop --help` lists them in this order.
for _group in ("run", "read", "report", "imports", "console", "sync", "edit", "recover"):
    importlib.import_module(f"mlop_cli.commands.{_group}")

__all__ = ["app", "run_app"]


# -- error handling ----------------------------------------------------------------------


def run_app(argv: list[str] | None = None) -> int:
    """Run the CLI; turn mlop's errors into one line on stderr and an exit code."""
    usage_errors, aborts = _cli_exception_types()
    last_net: tuple[type[Exception], ...] = (OSError, *database_errors())
    args = list(sys.argv[1:] if argv is None else argv)
    quick = quick_invocation(app, args)
    try:
        if quick is not None:
            function, kwargs = quick
            result = function(**kwargs)
        else:
            result = app(args=args, prog_name="mlop", standalone_mode=False)
    except MlopError as error:
        if os.environ.get("MLOP_TRACEBACK"):
            raise
        sys.stderr.write(f"mlop: error: {error}\n")
        return int(error.exit_code)
    except typer.Exit as done:
        return int(done.exit_code or 0)
    except usage_errors as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # `mlop` or `mlop ls`-like with nothing
            sys.stderr.write(f"{_usage_message(error)}\n")
        else:
            sys.stderr.write(f"mlop: error: {_usage_message(error)}\n")
        return ExitCode.USAGE
    except aborts:
        return ExitCode.INTERRUPTED
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # `mlop ls | head`: the reader left; say nothing (httpie's habit).
        try:
            sys.stdout = open(os.devnull, "w")  # keeps the interpreter's final flush quiet
        except OSError:
            pass
        return ExitCode.OK
    except last_net as error:
        # A last net under the commands' own messages: a file that cannot be written (`-o` into
        # a missing folder), a damaged store. One line, never a traceback.
        if os.environ.get("MLOP_TRACEBACK"):
            raise
        sys.stderr.write(f"mlop: error: {_describe(error)}\n")
        return ExitCode.ERROR
    # With standalone_mode off, click returns the code of a typer.Exit instead of raising it.
    return int(result) if isinstance(result, int) else ExitCode.OK


def _describe(error: Exception) -> str:
    """``/x/y.csv: No such file or directory`` for a file error; the error's text otherwise."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    return str(error) or type(error).__name__


def _usage_message(error: Exception) -> str:
    """Click's own wording of a usage error (the classes come from whichever click typer runs)."""
    format_message = getattr(error, "format_message", None)
    return str(format_message()) if callable(format_message) else str(error)


def _cli_exception_types() -> tuple[tuple[type[Exception], ...], tuple[type[BaseException], ...]]:
    """Usage-error and abort classes of the click that typer runs on.

    typer 0.2x carries its own copy of click (``typer._click``); older ones use ``click``. An
    unknown option raised from the copy is not a ``click.ClickException``: catching only
    click's left it a traceback.
    """
    usage: list[type[Exception]] = []
    aborts: list[type[BaseException]] = [typer.Abort]
    try:
        from typer._click import exceptions as module
    except ImportError:
        from click import exceptions as module  # type: ignore[no-redef]
    usage.append(module.ClickException)
    if hasattr(module, "Abort"):
        aborts.append(module.Abort)
    return tuple(usage), tuple(aborts)
