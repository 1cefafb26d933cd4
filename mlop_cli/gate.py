"""Metric gates for CI: ``mlop check last 'eval/acc >= 0.9' 'max(train/loss) < 5'``.

A condition is ``[AGGREGATE(]METRIC[)] OPERATOR NUMBER``:

- AGGREGATE is ``last`` (the default), ``min``, ``max``, ``mean`` or ``count``;
- METRIC is a metric name as ``mlop show`` lists it; it may hold any character but blanks,
  parentheses and ``< > = !`` (``eval/acc@1``, ``val.loss-ema``); quote it (``"my metric"``)
  for anything else;
- OPERATOR is one of ``< <= > >= == !=``;
- NUMBER is a decimal number (``0.9``, ``-1e-3``, ``inf``).

Expressions are parsed by a small tokenizer, never evaluated as Python. A NaN (or missing) value
fails its condition, whatever the operator.
"""

from __future__ import annotations

import difflib
import math
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mlop_cli.errors import MlopError
from mlop_cli.store.model import MetricSummary
from mlop_cli.units import format_number

AGGREGATES = ("last", "min", "max", "mean", "count")
OPERATORS = ("<=", ">=", "==", "!=", "<", ">")
_NAME_STOP = set(" \t()<>=!\"'")


class ExpressionError(MlopError):
    """A check expression is malformed."""


class UnknownMetricError(MlopError):
    """A check names a metric the run does not have."""


@dataclass(frozen=True)
class Condition:
    """One parsed condition."""

    text: str
    aggregate: str
    metric: str
    operator: str
    threshold: float


@dataclass
class Outcome:
    """A condition evaluated on a run."""

    condition: Condition
    value: float | None
    passed: bool

    @property
    def verdict(self) -> str:
        """``PASS`` or ``FAIL``."""
        return "PASS" if self.passed else "FAIL"

    def describe(self) -> str:
        """The condition with its actual value: ``max(train/loss) < 5  (max = 2.31)``; with as
        many digits as it takes to see why (``last = 0.8999999`` fails ``>= 0.9``: rounded to
        ``0.9`` it would seem to pass)."""
        if self.value is None:
            shown = "nan" if self.condition.aggregate != "count" else "0"
        else:
            shown = format_number(self.value)
            rounded = _shown_value(shown)
            if rounded is not None and (
                _compare(rounded, self.condition.operator, self.condition.threshold) != self.passed
            ):
                shown = repr(self.value)
        return f"{self.condition.text}  ({self.condition.aggregate} = {shown})"

    def to_json(self) -> dict[str, Any]:
        """The JSON of ``mlop check --json``: NaN and infinities as strings."""
        return {
            "condition": self.condition.text,
            "aggregate": self.condition.aggregate,
            "metric": self.condition.metric,
            "operator": self.condition.operator,
            "threshold": _json_number(self.condition.threshold),
            "value": _json_number(self.value),
            "passed": self.passed,
        }


def _shown_value(shown: str) -> float | None:
    try:
        return float(shown.replace(",", ""))
    except ValueError:
        return None


def _single(value: float) -> float | None:
    """``value`` rounded to single precision (None where it does not fit one)."""
    try:
        return float(struct.unpack("f", struct.pack("f", value))[0])
    except (OverflowError, struct.error):
        return None


def _json_number(value: float | None) -> float | str | None:
    if value is None:
        return None
    if math.isnan(value) or math.isinf(value):
        return str(value)
    return value


def _tokens(text: str) -> list[tuple[str, str]]:
    """Split an expression into (kind, text) tokens: name, string, op, lparen, rparen."""
    tokens: list[tuple[str, str]] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char == "(":
            tokens.append(("lparen", char))
            index += 1
        elif char == ")":
            tokens.append(("rparen", char))
            index += 1
        elif char in "<>=!":
            pair = text[index : index + 2]
            if pair in OPERATORS:
                tokens.append(("op", pair))
                index += 2
            elif char in "<>":
                tokens.append(("op", char))
                index += 1
            else:
                raise ExpressionError(
                    f"{text!r}: {pair.strip() or char!r} is not an operator; use one of {' '.join(OPERATORS)}"
                )
        elif char in "\"'":
            end = text.find(char, index + 1)
            if end < 0:
                raise ExpressionError(f"{text!r}: unclosed quote")
            tokens.append(("string", text[index + 1 : end]))
            index = end + 1
        else:
            start = index
            while index < len(text) and text[index] not in _NAME_STOP and not text[index].isspace():
                index += 1
            tokens.append(("name", text[start:index]))
    return tokens


def parse_condition(text: str) -> Condition:
    """Parse one condition.

    Raises:
        ExpressionError: the text is not ``[AGG(]METRIC[)] OP NUMBER``.
    """
    tokens = _tokens(text)
    usage = "expected [last|min|max|mean|count(]METRIC[)] OP NUMBER, e.g. 'max(train/loss) < 5'"
    if not tokens:
        raise ExpressionError(f"an empty condition; {usage}")
    aggregate = "last"
    position = 0
    if len(tokens) >= 2 and tokens[0][0] == "name" and tokens[1][0] == "lparen":
        aggregate = tokens[0][1].lower()
        if aggregate not in AGGREGATES:
            raise ExpressionError(
                f"{text!r}: unknown aggregate {tokens[0][1]!r}; use one of {', '.join(AGGREGATES)}"
            )
        if len(tokens) < 4 or tokens[2][0] not in ("name", "string") or tokens[3][0] != "rparen":
            raise ExpressionError(f"{text!r}: {usage}")
        metric = tokens[2][1]
        position = 4
    elif tokens[0][0] in ("name", "string"):
        metric = tokens[0][1]
        position = 1
    else:
        raise ExpressionError(f"{text!r}: {usage}")
    rest = tokens[position:]
    if len(rest) != 2 or rest[0][0] != "op" or rest[1][0] != "name":
        raise ExpressionError(f"{text!r}: {usage}")
    operator, number = rest[0][1], rest[1][1]
    try:
        if "_" in number:  # (Python's `1_0` is 10: a typo in a gate, never a number)
            raise ValueError(number)
        threshold = float(number)
    except ValueError:
        raise ExpressionError(f"{text!r}: {number!r} is not a number; {usage}") from None
    if math.isnan(threshold):
        raise ExpressionError(f"{text!r}: a NaN threshold never holds; give a number")
    if not metric:
        raise ExpressionError(f"{text!r}: an empty metric name; {usage}")
    return Condition(text.strip(), aggregate, metric, operator, threshold)


def _compare(value: float, operator: str, threshold: float) -> bool:
    if operator == "<":
        return value < threshold
    if operator == "<=":
        return value <= threshold
    if operator == ">":
        return value > threshold
    if operator == ">=":
        return value >= threshold
    if operator == "==":
        return value == threshold
    return value != threshold


def aggregate_value(summary: MetricSummary, aggregate: str) -> float | None:
    """The value of one aggregate of a metric's summary; None when NaN/absent.

    The store keeps a NaN last value as NULL: a metric with points whose ``last`` is None ended
    on NaN, and so fails.
    """
    return summary.aggregate(aggregate)


def unknown_metric(name: str, known: list[str], prefix: str = "") -> UnknownMetricError:
    """The error for a metric name that is not there, with the closest names as a hint."""
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    if close:
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?"
    else:
        hint = f" ({len(known)} metrics recorded; `mlop show RUN` lists them)"
    return UnknownMetricError(f"{prefix}no metric {name!r} in the run{hint}")


def evaluate(conditions: list[Condition], summaries: Mapping[str, MetricSummary]) -> list[Outcome]:
    """Evaluate conditions on a run's metric summaries (``RunStore.metric_summaries``: keyed by
    the name ``mlop show`` lists).

    Raises:
        UnknownMetricError: a condition names a metric that is not in ``summaries``; the
            message names it and suggests close names.
    """
    for condition in conditions:
        if condition.metric not in summaries:
            raise unknown_metric(condition.metric, list(summaries), f"{condition.text!r}: ")
    outcomes = []
    for condition in conditions:
        summary = summaries[condition.metric]
        value = aggregate_value(summary, condition.aggregate)
        threshold = condition.threshold
        if (
            summary.source == "tensorboard"
            and condition.aggregate in ("last", "min", "max")
            and value is not None
            and math.isfinite(value)
            and _single(value) == value
            and math.isfinite(threshold)
        ):
            # TensorBoard keeps a scalar in single precision: 0.9 logged is 0.8999999761…
            # stored. Compared at that precision, `eval/acc >= 0.9` holds for 0.9 logged.
            threshold = _single(threshold) or threshold
        passed = (
            value is not None
            and not math.isnan(value)
            and _compare(value, condition.operator, threshold)
        )
        outcomes.append(Outcome(condition, value, passed))
    return outcomes
