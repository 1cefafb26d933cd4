"""Typed records that sources put on the run's queue for the writer thread.

Sources never touch SQLite: they build these records and hand them to a *sink*, a
callable taking one record (in a run, the writer's ``put``). The writer batches them into
transactions. Every record carries its own wall time (seconds since the epoch).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Source names, used as the ``source`` of metrics and params.
CONSOLE = "console"
TENSORBOARD = "tensorboard"
SYSTEM = "system"

STDOUT = 1
STDERR = 2


@dataclass(slots=True)
class Points:
    """A batch of points of one metric: parallel lists of step, wall time and value.

    ``epochs``, when given, is parallel too: the epoch of each point where the output said it
    (HF's fractional ``0.33`` included), NaN where it did not.
    """

    metric: str
    source: str
    steps: list[int]
    times: list[float]
    values: list[float]
    epochs: list[float] | None = None


@dataclass(slots=True)
class LogChunk:
    """Raw console bytes of one stream (1 stdout, 2 stderr) as the child wrote them."""

    stream: int
    time: float
    data: bytes


@dataclass(slots=True)
class Histogram:
    """One histogram: ``len(edges) == len(counts) + 1`` (bucket i spans edges[i]..edges[i+1])."""

    metric: str
    source: str
    step: int
    time: float
    edges: list[float]
    counts: list[float]


@dataclass(slots=True)
class Text:
    """A text summary (TensorBoard text plugin) at a step."""

    tag: str
    step: int
    time: float
    text: str


@dataclass(slots=True)
class Param:
    """A hyperparameter; ``value`` is a bool, int, float, str or None."""

    key: str
    value: Any
    source: str


@dataclass(slots=True)
class Event:
    """mlop's own notes about a run: warnings (corrupt event file, idle GPU), info, debug."""

    time: float
    level: str  # "debug" | "info" | "warning" | "error"
    kind: str  # short machine-readable kind, e.g. "tensorboard.corrupt", "gpu.idle"
    message: str
    data: dict[str, Any] | None = None


@dataclass(slots=True)
class ContextUpdate:
    """Keys merged into the run's context (``runs.meta``), e.g. git, packages, GPU inventory."""

    values: dict[str, Any] = field(default_factory=dict)


Record = Points | LogChunk | Histogram | Text | Param | Event | ContextUpdate
Sink = Callable[[Record], None]
