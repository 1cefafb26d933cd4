"""Metrics read from a run's console output (see ``docs/console.md``)."""

from mlop_cli.sources.console.lines import LineAssembler, strip_ansi
from mlop_cli.sources.console.numbers import parse_number, parse_step
from mlop_cli.sources.console.patterns import PatternError, compile_patterns
from mlop_cli.sources.console.reader import parse_line
from mlop_cli.sources.console.source import ConsoleSource

__all__ = [
    "ConsoleSource",
    "LineAssembler",
    "PatternError",
    "compile_patterns",
    "parse_line",
    "parse_number",
    "parse_step",
    "strip_ansi",
]
