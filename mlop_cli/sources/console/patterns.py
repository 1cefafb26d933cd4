"""Custom metric patterns (``--pattern``): a user's regular expressions, applied to each line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mlop_cli.sources.console.numbers import parse_number, parse_step

_STEP_NAMES = frozenset(("step", "global_step", "iter", "iteration", "it"))
_EPOCH_NAMES = frozenset(("epoch",))


class PatternError(ValueError):
    """A custom metric pattern does not compile or captures no metric."""


def compile_patterns(patterns: Sequence[str]) -> list[re.Pattern[str]]:
    """Compile custom metric patterns, checking each can yield metrics.

    A pattern's named groups become metrics (``loss=(?P<loss>\\S+)``), or a ``key`` group names
    the metric whose number the ``value`` group holds (``(?P<key>\\w+) -> (?P<value>\\S+)``). A
    group named ``step`` (or ``iter``, ``global_step``) gives the step, ``epoch`` the epoch.

    Args:
        patterns: Regular expressions as the user wrote them.

    Returns:
        The compiled patterns, in order.

    Raises:
        PatternError: With a one-line message naming the first bad pattern.
    """
    compiled = []
    for text in patterns:
        try:
            pattern = re.compile(text)
        except re.error as exc:
            raise PatternError(f"invalid metric pattern {text!r}: {exc}") from None
        names = set(pattern.groupindex)
        if not names:
            raise PatternError(
                f"metric pattern {text!r} has no named group; name the number, "
                "e.g. 'loss=(?P<loss>\\S+)'"
            )
        if ("key" in names) != ("value" in names):
            raise PatternError(
                f"metric pattern {text!r} needs both a (?P<key>...) and a (?P<value>...) group"
            )
        compiled.append(pattern)
    return compiled


def apply_patterns(
    patterns: Sequence[re.Pattern[str]], line: str
) -> tuple[int | None, float | None, list[tuple[str, float]]]:
    """``(step, epoch, pairs)`` the custom patterns find on one line."""
    step: int | None = None
    epoch: float | None = None
    pairs: list[tuple[str, float]] = []
    for pattern in patterns:
        for m in pattern.finditer(line):
            groups = m.groupdict()
            found: list[tuple[str, str]] = []
            if groups.get("key") is not None and groups.get("value") is not None:
                found.append((groups["key"], groups["value"]))
            for name, text in groups.items():
                if text is not None and name not in ("key", "value"):
                    found.append((name, text))
            for name, text in found:
                name = clean_name(name)
                if not name:
                    continue
                if name in _STEP_NAMES:
                    step = parse_step(text.strip())
                    continue
                value = parse_number(text)
                if value is None:
                    continue
                pairs.append((name, value))
                if name in _EPOCH_NAMES:
                    epoch = value
    return step, epoch, pairs


def clean_name(name: str) -> str:
    """Strip the whitespace, quotes and punctuation that surround a printed name."""
    return name.strip(" \t'\"`,;:=[](){}<>")
