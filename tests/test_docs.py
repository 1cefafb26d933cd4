"""Every command has help with an example, answers -h, and is documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from mlop_cli.cli import app, run_app

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    command = typer.main.get_command(app).commands[name]
    assert "Example: mlop " + name in (command.help or "")
    assert run_app([name, "-h"]) == 0
    shown = capsys.readouterr().out
    assert "Example: mlop " + name in shown and "--help" in shown


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"^\| `mlop {re.escape(name)}` \|", readme, re.MULTILINE), (
        f"README.md's command table has no row for `mlop {name}`"
    )
