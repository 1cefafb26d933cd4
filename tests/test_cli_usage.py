"""Bad input on the command line: one line on stderr, exit code 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlop_cli.cli import app
from tests.conftest import run_mlop

COMMANDS = [command.name or command.callback.__name__ for command in app.registered_commands]


def _usage_error(result) -> str:
    """The one line a usage error prints, after checking it is that: exit 2, no traceback."""
    errors = result.stderr.decode()
    assert result.returncode == 2, errors
    assert "Traceback" not in errors
    assert errors.count("\n") == 1 and errors.startswith("mlop: error: "), errors
    return errors


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_option_is_one_line_and_exit_2(store: Path, command: str) -> None:
    extra = ["--", "true"] if command == "run" else []
    result = run_mlop(command, "--no-such-option", *extra, store=store)
    assert "--no-such-option" in _usage_error(result)


def test_a_bad_option_value_an_unknown_command_and_a_missing_argument(store: Path) -> None:
    assert "--limit" in _usage_error(run_mlop("ls", "--limit", "abc", store=store))
    assert "nosuchcommand" in _usage_error(run_mlop("nosuchcommand", store=store))
    assert "EXPR" in _usage_error(run_mlop("check", "last", store=store))


def test_a_mistyped_run_option_is_not_run_as_the_command(store: Path) -> None:
    result = run_mlop("run", "--tags", "x", "--", "true", store=store)
    assert "--tags" in _usage_error(result)
    assert not store.exists()  # nothing was run, so nothing was recorded


def test_no_arguments_prints_the_help_plainly() -> None:
    import subprocess

    from tests.conftest import mlop_argv

    result = subprocess.run(mlop_argv(), capture_output=True, timeout=60)
    assert result.returncode == 2
    errors = result.stderr.decode()
    assert errors.startswith("Usage: mlop ") and "Commands:" in errors and "Traceback" not in errors
