"""Bad input on the command line: one line on stderr, exit code 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlop_cli.cli import app
from tests.conftest import run_mlop

COMMANDS = [command.name or command.callback.__name__ for command in app.registered_commands]


def _one_line_usage_error(result, expected: str) -> None:
    errors = result.stderr.decode()
    assert result.returncode == 2, errors
    assert "Traceback" not in errors
    assert errors.count("\n") == 1 and errors.startswith("mlop: error: "), errors
    assert expected in errors


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_option_is_one_line_and_exit_2(store: Path, command: str) -> None:
    extra = ["--", "true"] if command == "run" else []
    result = run_mlop(command, "--no-such-option", *extra, store=store)
    _one_line_usage_error(result, "--no-such-option")


def test_a_bad_option_value_an_unknown_command_and_a_missing_argument(store: Path) -> None:
    _one_line_usage_error(run_mlop("ls", "--limit", "abc", store=store), "--limit")
    _one_line_usage_error(run_mlop("nosuchcommand", store=store), "nosuchcommand")
    _one_line_usage_error(run_mlop("check", "last", store=store), "EXPR")


def test_a_mistyped_run_option_is_not_run_as_the_command(store: Path) -> None:
    result = run_mlop("run", "--tags", "x", "--", "true", store=store)
    _one_line_usage_error(result, "--tags")
    assert not store.exists()  # nothing was run, so nothing was recorded


def test_no_arguments_prints_the_help_plainly() -> None:
    import subprocess

    from tests.conftest import mlop_argv

    result = subprocess.run(mlop_argv(), capture_output=True, timeout=60)
    assert result.returncode == 2
    errors = result.stderr.decode()
    assert errors.startswith("Usage: mlop ") and "Commands:" in errors and "Traceback" not in errors
