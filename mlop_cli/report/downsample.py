"""Reduce a long series to about ``max_points`` points while keeping its extremes.

Each series is cut into equal buckets of consecutive points; from each bucket the points
holding the smallest and the largest value are kept (in their original order), plus the
first and the last point. A single spike among a million points therefore survives, which
plain striding or averaging would lose. Steps, times and values stay aligned because
points are selected by index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from mlop_cli.report.model import MetricSeries

DEFAULT_MAX_POINTS = 2000


def as_float_array(values: Sequence[float] | Any) -> Any:
    """Return ``values`` as a 1-D numpy float64 array, without a copy where possible.

    numpy arrays and buffers such as ``array.array('d')`` are viewed, not copied.
    """
    import numpy as np  # lazy: the report stack loads only for `mlop report`

    return np.asarray(values, dtype=np.float64).ravel()


def select_indices(values: Sequence[float] | Any, max_points: int = DEFAULT_MAX_POINTS) -> Any:
    """Return sorted indices of the points to keep (a numpy int64 array).

    Args:
        values: The series' values; NaN and infinities are allowed.
        max_points: About how many points to keep (at least 4).

    Returns:
        All indices when the series is short enough, else the first and last point plus
        the minimum and the maximum of each bucket.
    """
    import numpy as np

    array = as_float_array(values)
    n = len(array)
    max_points = max(4, int(max_points))
    if n <= max_points:
        return np.arange(n, dtype=np.int64)
    buckets = (max_points - 2) // 2
    size = -(-n // buckets)  # ceil: every bucket but the last is full
    padded_len = buckets * size
    # NaN never wins: it becomes +inf for the minimum search and -inf for the maximum.
    low = np.full(padded_len, np.inf)
    low[:n] = array
    high = np.full(padded_len, -np.inf)
    high[:n] = array
    nan = np.isnan(array)
    if nan.any():
        low[:n][nan] = np.inf
        high[:n][nan] = -np.inf
    offsets = np.arange(buckets, dtype=np.int64) * size
    arg_min = low.reshape(buckets, size).argmin(axis=1) + offsets
    arg_max = high.reshape(buckets, size).argmax(axis=1) + offsets
    keep = np.concatenate(([0, n - 1], arg_min, arg_max))
    keep = keep[keep < n]
    return np.unique(keep)


def downsample(
    steps: Sequence[int] | Any,
    times: Sequence[float] | Any,
    values: Sequence[float] | Any,
    max_points: int = DEFAULT_MAX_POINTS,
) -> tuple[Any, Any, Any]:
    """Downsample parallel arrays to about ``max_points`` points, keeping extremes.

    Args:
        steps: Step of each point.
        times: Wall time of each point.
        values: Value of each point.
        max_points: About how many points to keep.

    Returns:
        ``(steps, times, values)`` as numpy float64 arrays of equal length.
    """
    import numpy as np

    value_array = as_float_array(values)
    step_array = as_float_array(steps)
    time_array = as_float_array(times)
    n = min(len(value_array), len(step_array), len(time_array))
    value_array, step_array, time_array = value_array[:n], step_array[:n], time_array[:n]
    index = select_indices(value_array, max_points)
    if len(index) == n:
        return step_array, time_array, value_array
    return step_array[index], time_array[index], np.ascontiguousarray(value_array[index])


def downsample_series(series: MetricSeries, max_points: int = DEFAULT_MAX_POINTS) -> MetricSeries:
    """The series reduced like :func:`downsample`, its epochs (when it has them) kept aligned.

    Arrays become numpy float64 arrays of equal length; the summary is kept as it is (it was
    computed from every point).
    """
    import numpy as np

    values = as_float_array(series.values)
    steps = as_float_array(series.steps)
    times = as_float_array(series.times)
    n = min(len(values), len(steps), len(times))
    epochs = None
    if series.epochs is not None:
        epochs = as_float_array(series.epochs)[:n]
        if len(epochs) < n:  # an epoch column shorter than the points: the rest is unknown
            epochs = np.concatenate((epochs, np.full(n - len(epochs), np.nan)))
    values, steps, times = values[:n], steps[:n], times[:n]
    index = select_indices(values, max_points)
    if len(index) < n:
        values, steps, times = np.ascontiguousarray(values[index]), steps[index], times[index]
        epochs = None if epochs is None else epochs[index]
    return replace(series, steps=steps, times=times, values=values, epochs=epochs)
