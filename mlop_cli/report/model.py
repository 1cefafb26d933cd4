"""The data a report is rendered from: plain dataclasses, filled by the store's queries.

The renderer never reads the store itself, so the store can change without touching the
report, and tests build a model by hand. Numeric arrays (``steps``, ``times``, ``values``)
may be Python lists, ``array.array`` or numpy arrays; NaN and infinities are allowed.
Times are wall-clock seconds since the epoch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    import numpy.typing

# A column of numbers: a list, an array.array or a numpy array (as the store hands them).
Numbers = Union[Sequence[float], "numpy.typing.NDArray[Any]"]

RUN_STATUSES = ("running", "finished", "failed", "killed", "lost")


@dataclass
class MetricSummary:
    """Summary of one metric of one run, computed from *all* points (not the downsampled ones).

    Attributes:
        last: Value of the last point.
        min: Smallest finite value (NaN when there is none).
        max: Largest finite value (NaN when there is none).
        count: Number of points.
        best_step: Step of the best value (min for loss-like names, max for scores), or None
            for a metric without a direction (``sys/…``, ``lr``; see ``mlop_cli.direction``).
    """

    last: float
    min: float
    max: float
    count: int
    best_step: int | None = None


@dataclass
class MetricSeries:
    """One metric of one run: parallel arrays of step, wall time and value (and epoch).

    Attributes:
        source: Where the points came from: "console", "tensorboard" or "system".
        steps: Step of each point (system metrics use the sample index).
        times: Wall time of each point, seconds since the epoch.
        values: Value of each point.
        summary: Summary over all points; computed by the renderer when None.
        epochs: Epoch of each point where the output gave one (fractional allowed), NaN where
            it did not; None when no point has one. For TensorBoard scalars the report also
            derives them from a scalar named ``epoch`` (``train/epoch``), by global step.
    """

    source: str
    steps: Numbers
    times: Numbers
    values: Numbers
    summary: MetricSummary | None = None
    epochs: Numbers | None = None


@dataclass
class HistogramSnapshot:
    """One histogram at one step: ``len(edges) == len(counts) + 1``."""

    step: int
    time: float
    edges: Sequence[float]
    counts: Sequence[float]


@dataclass
class RunEvent:
    """One of mlop's own notes about a run (warnings, info)."""

    time: float
    level: str
    kind: str
    message: str


@dataclass
class GitInfo:
    """Git state of the working directory when the run started."""

    commit: str | None = None
    branch: str | None = None
    dirty: bool | None = None
    remote: str | None = None


@dataclass
class RunReport:
    """Everything the report shows about one run.

    Attributes:
        id: The run id.
        name: Human name of the run (may equal the id).
        project: Project name, or None.
        status: One of RUN_STATUSES; anything else is shown as given, in grey.
        exit_code: Exit code of the child, None while running or when lost.
        signal: Number of the signal that killed the child, or None.
        started_at: Wall time the run started (seconds since the epoch).
        ended_at: Wall time the run ended, or None.
        duration_s: Duration in seconds; computed from started/ended when None.
        host: Host name.
        user: User name.
        command: The command line, one argument per item.
        git: Git state, or None outside a repository.
        tags: Tags of the run.
        params: Hyperparameters, key to value (bool, int, float, str or None).
        context: The run's context (python, slurm, ci, ...). The keys "environment" and
            "env" are shown only when the report is rendered with ``include_env=True``.
        system_summary: Short facts about the machine (GPU names, CPU count, ...).
        events: mlop's warnings and notes.
        console_tail: The last part of the console output, raw, ANSI codes included.
        metrics: Metric name to series. Names starting with "sys/" go to the System section.
        histograms: Histogram name to snapshots in step order.
        texts: Text summaries, name to list of (step, text).
    """

    id: str
    name: str
    status: str
    project: str | None = None
    exit_code: int | None = None
    signal: int | None = None
    started_at: float | None = None
    ended_at: float | None = None
    duration_s: float | None = None
    host: str | None = None
    user: str | None = None
    command: list[str] = field(default_factory=list)
    git: GitInfo | None = None
    tags: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)
    system_summary: dict[str, Any] = field(default_factory=dict)
    events: list[RunEvent] = field(default_factory=list)
    console_tail: bytes | str = b""
    metrics: dict[str, MetricSeries] = field(default_factory=dict)
    histograms: dict[str, list[HistogramSnapshot]] = field(default_factory=dict)
    texts: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


@dataclass
class ReportModel:
    """The input of ``render_html``, ``render_markdown`` and ``render_json``.

    Attributes:
        runs: The runs to show, in the order they are listed and coloured.
        generated_at: Wall time the report was made (a parameter, so output is deterministic).
        title: Title shown in the top bar and the browser tab.
    """

    runs: list[RunReport]
    generated_at: float
    title: str = "mlop report"
