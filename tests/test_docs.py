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


def _run_option_names() -> list[str]:
    run = typer.main.get_command(app).commands["run"]  # type: ignore[attr-defined]
    return sorted(
        max(param.opts, key=len)
        for param in run.params
        if param.param_type_name == "option" and param.name != "help"
    )


@pytest.mark.parametrize("option", _run_option_names())
def test_run_option_is_in_the_readme_table(option: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### `mlop run [OPTIONS]", 1)[1].split("\nExit codes:", 1)[0]
    assert re.search(rf"^\| `{re.escape(option)}[` ]", table, re.MULTILINE), (
        f"README.md's `mlop run` option table has no row for `{option}`"
    )


def test_every_config_key_and_variable_is_in_the_readme() -> None:
    from mlop_cli.config import KEYS, RUN_SETTINGS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    example = section.split("```toml", 1)[1].split("```", 1)[0]
    for key in KEYS:
        assert re.search(rf"^\[?{key}\b", example, re.MULTILINE), (
            f"README.md's config example has no `{key}`"
        )
    variables = {"MLOP_STORE", "MLOP_SYNC_TO"} | {s.env for s in RUN_SETTINGS if s.env}
    listed = section.split("Environment variables:", 1)[1].split(". ", 1)[0]
    for variable in sorted(variables):
        assert f"`{variable}`" in listed, f"README.md's list of variables has no `{variable}`"
