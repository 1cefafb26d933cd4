"""The epoch of each point, for the report's epoch x axis.

Two places say which epoch a point belongs to:

- the point itself: the console source records the epoch the output gave with each point
  (``Series.epochs``, NaN where the line said none);
- a TensorBoard scalar named ``epoch`` (``epoch``, ``train/epoch``, ``trainer/epoch``) logged at
  the same global steps as the others, as HF's Trainer and Lightning do: its value at a step is
  the epoch of every other scalar of the run at that step. Only TensorBoard's steps are one
  global counter; console steps may count each metric's own lines, so a console ``epoch``
  metric says nothing about another console metric's step.

A point whose epoch neither gives stays off the epoch axis (a NaN x) rather than being placed
by a guess: a closing ``Best val_acc: 0.91`` line has a step but belongs to no epoch.

Batch lines under an ``Epoch 3/10`` header all say epoch 3. Drawn at x = 3 they would stack
into a vertical smear; instead the points of each whole epoch E are spread by their step over
(E - 1, E], so the epoch's last batch sits at E, where that epoch's validation (which says
epoch 3 too) is drawn: batch and validation lines meet.
"""

from __future__ import annotations

import re
from typing import Any

from mlop_cli.report.model import MetricSeries

_WORDS = re.compile(r"[A-Za-z]+")


def is_epoch_metric(name: str) -> bool:
    """Whether a metric counts epochs: its last path segment is the word ``epoch``."""
    return _WORDS.findall(name.rsplit("/", 1)[-1].lower()) == ["epoch"]


def _fill_between(steps: Any, epochs: Any) -> Any:
    """NaN epochs between two known ones take the epoch their step lies at (linear in step).

    Only where steps never go back: interpolating over steps of mixed meaning would invent.
    """
    import numpy as np

    known = np.isfinite(epochs)
    if known.all() or not known.any() or np.any(np.diff(steps) < 0):
        return epochs
    known_steps, known_epochs = steps[known], epochs[known]
    inside = ~known & (steps >= known_steps[0]) & (steps <= known_steps[-1])
    filled = epochs.copy()
    filled[inside] = np.interp(steps[inside], known_steps, known_epochs)
    return filled


def _spread_whole_epochs(steps: Any, epochs: Any) -> Any:
    """Points sharing a whole epoch E spread by step over (E - 1, E], the last one at E.

    Only for a series whose known epochs are whole, never go back, and repeat over rising
    steps (batch lines under an epoch header); anything else is returned as it is.
    """
    import numpy as np

    known = np.flatnonzero(np.isfinite(epochs))
    if len(known) < 2:
        return epochs
    values, at = epochs[known], steps[known]
    if (
        np.any(values != np.round(values))
        or np.any(np.diff(values) < 0)
        or np.any(np.diff(at) < 0)
        or len(np.unique(values)) == len(values)
    ):
        return epochs
    spread = epochs.copy()
    starts = np.flatnonzero(np.concatenate(([True], np.diff(values) != 0)))
    ends = np.concatenate((starts[1:], [len(values)]))
    for block, (start, end) in enumerate(zip(starts, ends, strict=True)):
        last = at[end - 1]
        if block:
            before = at[start - 1]
        elif end - start > 1:  # the first epoch: one typical step before its first point
            before = at[start] - (last - at[start]) / (end - start - 1)
        else:
            continue
        if last > before:
            spread[known[start:end]] = (
                values[start] - 1 + (at[start:end] - before) / (last - before)
            )
    return spread


def _reference(metrics: dict[str, MetricSeries], source: str) -> tuple[Any, Any] | None:
    """(steps, epochs) of the source's epoch metric with the most points, steps increasing."""
    import numpy as np

    from mlop_cli.report.downsample import as_float_array

    best: tuple[Any, Any] | None = None
    for name, series in metrics.items():
        if series.source != source or not is_epoch_metric(name):
            continue
        steps, values = as_float_array(series.steps), as_float_array(series.values)
        count = min(len(steps), len(values))
        steps, values = steps[:count], values[:count]
        keep = np.isfinite(steps) & np.isfinite(values)
        steps, values = steps[keep], values[keep]
        if not len(steps):
            continue
        order = np.argsort(steps, kind="stable")
        steps, values = steps[order], values[order]
        if best is None or len(steps) > len(best[0]):
            best = (steps, values)
    return best


def _counts_from_zero(metrics: dict[str, MetricSeries]) -> int:
    """1 when the run's output numbers its epochs from 0 (`epoch=0 … Epoch 0: val_loss`), else 0.

    The axis counts epochs done, as a library numbering from 1 prints them: the batches of the
    first epoch lie over (0, 1] and its validation at 1, never at a negative epoch. Only when
    every epoch the output gave is whole: a fractional epoch (HF's 0.25) already counts done.
    """
    import numpy as np

    from mlop_cli.report.downsample import as_float_array

    lowest = np.inf
    for series in metrics.values():
        if series.epochs is None:
            continue
        epochs = as_float_array(series.epochs)
        epochs = epochs[np.isfinite(epochs)]
        if len(epochs):
            if np.any(epochs != np.round(epochs)):
                return 0
            lowest = min(lowest, float(epochs.min()))
    return 1 if lowest == 0 else 0


def epoch_columns(metrics: dict[str, MetricSeries]) -> dict[str, Any]:
    """The epoch of every point of every metric of one run, where known.

    Returns:
        Metric name to a float64 array parallel to its values (NaN where the epoch is not
        known), or to None when no point of it has an epoch.
    """
    import numpy as np

    from mlop_cli.report.downsample import as_float_array

    references: dict[str, tuple[Any, Any] | None] = {}
    columns: dict[str, Any] = {}
    first = _counts_from_zero(metrics)
    for name, series in metrics.items():
        steps = as_float_array(series.steps)
        count = min(len(steps), len(series.values))
        steps = steps[:count]
        epochs = None
        if series.epochs is not None:
            printed = as_float_array(series.epochs)[:count].copy() + first
            epochs = _spread_whole_epochs(steps, printed)
            epochs = _fill_between(steps, epochs)
        elif series.source == "tensorboard":
            if series.source not in references:
                references[series.source] = _reference(metrics, series.source)
            reference = references[series.source]
            if reference is not None:
                ref_steps, ref_epochs = reference
                inside = (steps >= ref_steps[0]) & (steps <= ref_steps[-1])
                epochs = np.full(count, np.nan)
                epochs[inside] = np.interp(steps[inside], ref_steps, ref_epochs)
        if epochs is not None and len(epochs) < count:
            epochs = np.concatenate((epochs, np.full(count - len(epochs), np.nan)))
        columns[name] = epochs if epochs is not None and np.isfinite(epochs).any() else None
    return columns
