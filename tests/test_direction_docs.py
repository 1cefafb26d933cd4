"""The word lists that say which way a metric is better are written out in the docs, in
`mlop compare --help` and in direction.py's docstrings; these tests hold them to direction.py's
own tuples, so adding a word there without the docs (or the reverse) fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from mlop_cli import direction
from mlop_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
LONG = list(direction.LOWER_IS_BETTER_WORDS)
SHORT = list(direction.LOWER_IS_BETTER_SHORT)
SETTINGS = {"".join(words) for words in direction.NO_DIRECTION_NAMES}
HEADS = {"".join(words) for words in direction.LEARNING_RATE_HEADS}


def _between(text: str, start: str, end: str) -> str:
    flat = " ".join(text.split())
    begin = flat.index(start) + len(start)
    return flat[begin : flat.index(end, begin)]


def _listed(text: str, start: str, end: str) -> list[str]:
    """The words listed between two phrases: `quoted` ones where quotes are used, else the
    comma- and or-separated words."""
    part = _between(text, start, end)
    quoted = re.findall(r"`+([^`]+)`+", part)
    if quoted:
        return quoted
    return [w for w in re.split(r",\s*|\s+or\s+|\s+", part.strip(" ()")) if w and w != "or"]


def _joined(name: str) -> str:
    return "".join(re.findall(r"[a-z]+", name.lower()))


def test_cli_reference_lists_the_words_of_direction_py() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert _listed(text, "that *contains*", "or that *is*") == LONG
    assert _listed(text, "or that *is*", ", in any case") == SHORT
    assert {
        _joined(n) for n in _listed(text, "a name part that is exactly", ", or that")
    } == SETTINGS
    assert {_joined(n) for n in _listed(text, "or that starts with", "(Lightning")} <= HEADS


def test_compare_help_lists_the_words_of_direction_py() -> None:
    command = typer.main.get_command(app).commands["compare"]
    help_text = command.help or ""
    assert _listed(help_text, "named like a loss or an error (", ")") == LONG + SHORT
    settings = _listed(help_text, "system metrics and settings (", ")")
    assert settings and {_joined(n) for n in settings} <= SETTINGS


def test_report_docs_name_only_words_of_direction_py() -> None:
    text = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    lower = [w for w in _listed(text, "look like losses or errors (", ")") if w != "…"]
    assert lower and set(lower) <= set(LONG + SHORT)
    settings = [w for w in _listed(text, "settings and positions (", ")") if w != "…"]
    assert settings and {_joined(n) for n in settings} <= SETTINGS


@pytest.mark.parametrize(
    ("function", "start", "end", "expected"),
    [
        (direction.lower_is_better, "a word containing", ", or a word", LONG),
        (direction.lower_is_better, "a word equal to", "(any case)", SHORT),
    ],
)
def test_docstrings_list_the_words_they_use(function, start, end, expected) -> None:
    assert _listed(function.__doc__ or "", start, end) == expected


def test_direction_docstring_lists_the_settings() -> None:
    listed = _listed(direction.direction.__doc__ or "", "exactly", "(any separators")
    assert {_joined(n) for n in listed} == SETTINGS
