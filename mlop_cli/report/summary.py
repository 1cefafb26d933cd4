"""Facts derived from a report model, shared by the HTML, Markdown and JSON renderings."""

from __future__ import annotations

import math
from typing import Any

from mlop_cli.direction import SYSTEM_PREFIX, direction, is_system, lower_is_better
from mlop_cli.report.model import MetricSeries, MetricSummary, ReportModel, RunReport
from mlop_cli.units import format_duration, format_number  # for the renderers

__all__ = [
    "ENVIRONMENT_KEYS",
    "SYSTEM_PREFIX",
    "differing_params",
    "direction",
    "format_duration",
    "format_number",
    "format_param",
    "is_system",
    "lower_is_better",
    "metric_names",
    "metric_summary",
    "param_keys",
    "run_duration",
    "visible_context",
    "warnings",
]

ENVIRONMENT_KEYS = ("environment", "env")


def metric_summary(name: str, series: MetricSeries) -> MetricSummary:
    """Return the series' own summary, or compute one over all its points."""
    if series.summary is not None:
        return series.summary
    import numpy as np

    from mlop_cli.report.downsample import as_float_array

    values = as_float_array(series.values)
    steps = as_float_array(series.steps)
    count = int(len(values))
    if count == 0:
        return MetricSummary(last=math.nan, min=math.nan, max=math.nan, count=0)
    finite = np.isfinite(values)
    if not finite.any():
        return MetricSummary(last=float(values[-1]), min=math.nan, max=math.nan, count=count)
    masked_low = np.where(finite, values, np.inf)
    masked_high = np.where(finite, values, -np.inf)
    low_index, high_index = int(masked_low.argmin()), int(masked_high.argmax())
    best = direction(name)
    best_index = None if best is None else low_index if best == "min" else high_index
    best_step = (
        int(steps[best_index]) if best_index is not None and best_index < len(steps) else None
    )
    return MetricSummary(
        last=float(values[-1]),
        min=float(values[low_index]),
        max=float(values[high_index]),
        count=count,
        best_step=best_step,
    )


def run_duration(run: RunReport) -> float | None:
    """Duration of the run in seconds: given, or ended minus started, or None."""
    if run.duration_s is not None:
        return run.duration_s
    if run.started_at is not None and run.ended_at is not None:
        return max(0.0, run.ended_at - run.started_at)
    return None


def format_param(value: Any) -> str:
    """Format a hyperparameter value for display (None as an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def param_keys(model: ReportModel) -> list[str]:
    """All parameter keys of all runs, sorted."""
    return sorted({key for run in model.runs for key in run.params})


def differing_params(model: ReportModel) -> list[str]:
    """Keys whose value is not the same in every run (missing counts as different)."""
    keys = []
    for key in param_keys(model):
        shown = {(key in run.params, format_param(run.params.get(key))) for run in model.runs}
        if len(shown) > 1:
            keys.append(key)
    return keys


def metric_names(model: ReportModel, *, system: bool = True) -> list[str]:
    """All metric names of all runs: training metrics first, then ``sys/`` ones (unless
    ``system`` is False).

    Training metrics come in the order the report shows them: metrics outside any ``group/``
    first, then the groups by name; inside a group those best at their minimum (losses), then
    those best at their maximum, then those without a direction (``lr``, ``epoch``), each by name.
    """
    names = {name for run in model.runs for name in run.metrics}
    training = sorted((name for name in names if not is_system(name)), key=training_order)
    if not system:
        return training
    return training + sorted(name for name in names if is_system(name))


def group_of(name: str) -> str:
    """The group a training metric is shown in: its name up to the first ``/``, or ``""``."""
    return name.split("/", 1)[0] if "/" in name else ""


def training_order(name: str) -> tuple[bool, str, int, str]:
    """Sort key of a training metric: ungrouped first, by group, losses, scores, settings."""
    group = group_of(name)
    rank = {"min": 0, "max": 1, None: 2}[direction(name)]
    return (group != "", group, rank, name)


def visible_context(run: RunReport, include_env: bool) -> dict[str, Any]:
    """The run's context without the environment unless ``include_env`` is set."""
    if include_env:
        return dict(run.context)
    return {key: value for key, value in run.context.items() if key not in ENVIRONMENT_KEYS}


def warnings(model: ReportModel) -> list[tuple[RunReport, Any]]:
    """(run, event) for every event of level warning or error, in time order."""
    found = [
        (run, event)
        for run in model.runs
        for event in run.events
        if event.level in ("warning", "error")
    ]
    return sorted(found, key=lambda pair: pair[1].time if pair[1].time is not None else 0.0)
