"""Packing points into chunks and keeping each series' running summary: pure, no I/O, no threads.

A run's points leave in ``point_chunks`` rows of up to :data:`CHUNK_POINTS` points (three or
four little-endian arrays) and one ``run_metrics`` row per metric (count, NaN count, last,
min/max with their steps, sum). :class:`SeriesBuffer` holds one metric's open chunk and summary
between commits: the run's writer and the console indexer both use it, and it is tested on its
own (``tests/test_store_points.py``).
"""

from __future__ import annotations

import array
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mlop_cli.store.schema import CHUNK_POINTS

_LITTLE = sys.byteorder == "little"
_NAN_ONE = array.array("d", [math.nan])

CHUNK_COLUMNS = (
    "run_id, metric_id, seq, n, step_min, step_max, time_min, time_max, steps, times, vals, epochs"
)
INSERT_CHUNK = f"INSERT OR REPLACE INTO point_chunks ({CHUNK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_SUMMARY = (
    "INSERT OR REPLACE INTO run_metrics (run_id, metric_id, count, nan_count, last_step, last_time,"
    " last_value, min_value, min_step, max_value, max_step, sum, first_time)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def pack(values: array.array[Any]) -> bytes:
    """An int64 or float64 array as little-endian bytes (the store's layout)."""
    if _LITTLE:
        return values.tobytes()
    swapped = array.array(values.typecode, values)
    swapped.byteswap()
    return swapped.tobytes()


@dataclass(slots=True)
class SeriesBuffer:
    """The open chunk and running summary of one metric of one run.

    Points are appended with :meth:`add`; :meth:`rows` gives the chunk rows and the summary row
    to write (full chunks once, the open chunk again at every commit); :meth:`committed` drops
    the full chunks from memory once their transaction has committed. Nothing is trimmed before
    that, so a failed commit loses nothing.
    """

    seq: int = 0  # the seq of the first chunk still buffered
    steps: array.array[int] = field(default_factory=lambda: array.array("q"))
    times: array.array[float] = field(default_factory=lambda: array.array("d"))
    values: array.array[float] = field(default_factory=lambda: array.array("d"))
    # The epoch of each buffered point (NaN where unknown); None while no point had one.
    epochs: array.array[float] | None = None
    dirty: bool = False
    count: int = 0
    nan_count: int = 0
    total: float = 0.0
    min_value: float | None = None
    min_step: int | None = None
    max_value: float | None = None
    max_step: int | None = None
    first_time: float | None = None

    def add(
        self,
        steps: Sequence[int],
        times: Sequence[float],
        values: Sequence[float],
        epochs: Sequence[float] | None = None,
    ) -> int:
        """Append points; return how many. Raises ValueError (keeping nothing) on bad input."""
        # Checked and converted in C before anything is kept: a bad value (a string, a float
        # step) is refused whole instead of breaking a commit later.
        step_array = array.array("q", steps)
        time_array = array.array("d", times)
        value_array = array.array("d", values)
        count = len(value_array)
        if not len(step_array) == len(time_array) == count:
            raise ValueError("steps, times and values differ in length")
        epoch_array = None
        if epochs is not None:
            epoch_array = array.array("d", epochs)
            if len(epoch_array) != count:
                raise ValueError("epochs and values differ in length")
        if epoch_array is not None:
            if self.epochs is None:
                self.epochs = _NAN_ONE * len(self.values)
            self.epochs.extend(epoch_array)
        elif self.epochs is not None:
            self.epochs.extend(_NAN_ONE * count)
        self.steps.extend(step_array)
        self.times.extend(time_array)
        self.values.extend(value_array)
        self.dirty = True
        self._summarise(step_array, time_array, value_array)
        return count

    def _summarise(
        self, steps: array.array[int], times: array.array[float], values: array.array[float]
    ) -> None:
        # NaN counts but takes no part in min/max/sum (nor in the mean's count); an infinity
        # makes the sum, and so the mean, infinite (NaN for +inf and -inf both): a loss that
        # diverged must not pass a `mean(loss) < x` gate. The common case (all finite) stays in
        # C: fsum, min, max.
        if not values:
            return
        self.count += len(values)
        if self.first_time is None:
            self.first_time = times[0]
        try:
            total = math.fsum(values)
        except (ValueError, OverflowError):  # inf + -inf, or an overflowing sum
            total = math.nan
        finite: Sequence[float]
        if math.isfinite(total):
            finite = values
        else:
            finite = [v for v in values if v == v]
            self.nan_count += len(values) - len(finite)
            total = _sum_with_infinities(finite)
        if finite:
            low = min(finite)
            high = max(finite)
            if self.min_value is None or low < self.min_value:
                self.min_value = low
                self.min_step = steps[values.index(low)]
            if self.max_value is None or high > self.max_value:
                self.max_value = high
                self.max_step = steps[values.index(high)]
            self.total += total

    def full_chunks(self) -> int:
        """How many full chunks are buffered."""
        return len(self.values) // CHUNK_POINTS

    def rows(self, run_id: str, metric_id: int) -> tuple[list[tuple[Any, ...]], tuple[Any, ...]]:
        """The ``point_chunks`` rows (full chunks, then the open one) and the ``run_metrics`` row."""
        full = self.full_chunks()
        chunks = [self._chunk_row(run_id, metric_id, index) for index in range(full)]
        if len(self.values) > full * CHUNK_POINTS:
            chunks.append(self._chunk_row(run_id, metric_id, full))
        summary = (
            run_id,
            metric_id,
            self.count,
            self.nan_count,
            self.steps[-1] if self.steps else None,
            self.times[-1] if self.times else None,
            _finite_or_none(self.values[-1]) if self.values else None,
            self.min_value,
            self.min_step,
            self.max_value,
            self.max_step,
            self.total,
            self.first_time,
        )
        return chunks, summary

    def committed(self, full: int) -> None:
        """The rows of :meth:`rows` are stored: forget ``full`` full chunks, keep the open one."""
        cut = full * CHUNK_POINTS
        del self.steps[:cut], self.times[:cut], self.values[:cut]
        if self.epochs is not None:
            del self.epochs[:cut]
        self.seq += full
        self.dirty = False

    def discard(self) -> None:
        """Forget the buffered points (a batch that cannot be stored)."""
        del self.steps[:], self.times[:], self.values[:]
        if self.epochs is not None:
            del self.epochs[:]
        self.dirty = False

    def _chunk_row(self, run_id: str, metric_id: int, index: int) -> tuple[Any, ...]:
        start = index * CHUNK_POINTS
        end = start + CHUNK_POINTS
        steps = self.steps[start:end]
        times = self.times[start:end]
        epochs = None
        if self.epochs is not None:
            part = self.epochs[start:end]
            if any(e == e for e in part):  # a chunk with no epoch at all stores NULL
                epochs = pack(part)
        return (
            run_id,
            metric_id,
            self.seq + index,
            len(steps),
            min(steps),
            max(steps),
            times[0],
            times[-1],
            pack(steps),
            pack(times),
            pack(self.values[start:end]),
            epochs,
        )


def _finite_or_none(value: float | None) -> float | None:
    if value is None or value != value:
        return None
    return value


def _sum_with_infinities(values: Sequence[float]) -> float:
    """The sum of values that hold no NaN: ±inf if an infinity is among them (NaN for both)."""
    infinities = {v for v in values if math.isinf(v)}
    if len(infinities) == 2:
        return math.nan
    if infinities:
        return infinities.pop()
    try:
        return math.fsum(values)
    except OverflowError:  # 1e308 + 1e308: infinite, with the sign of the scaled-down sum
        return math.copysign(math.inf, math.fsum(v * 2.0**-600 for v in values))


MetricKey = tuple[str, str]
"""A metric of a run: ``(source, name)``."""


class RunPoints:
    """Every metric's :class:`SeriesBuffer` of one run: what the writer holds between commits.

    Pure: no I/O, no threads. The writer adds :class:`mlop_cli.records.Points`, asks for the
    rows of a transaction (:meth:`rows`), and says how the transaction ended
    (:meth:`committed`, :meth:`rolled_back`); a batch that can never be stored is dropped with
    :meth:`discard`.
    """

    def __init__(self) -> None:
        self._series: dict[MetricKey, SeriesBuffer] = {}
        self._trims: list[tuple[SeriesBuffer, int]] = []  # handed out by rows(), not yet stored
        self.added = 0  # points added over the run

    def add(
        self,
        key: MetricKey,
        steps: Sequence[int],
        times: Sequence[float],
        values: Sequence[float],
        epochs: Sequence[float] | None = None,
    ) -> int:
        """Add points of metric ``key``; return how many. ValueError (nothing kept) on bad input."""
        series = self._series.get(key)
        if series is None:
            series = SeriesBuffer()
        try:
            added = series.add(steps, times, values, epochs)
        except ValueError as error:
            raise ValueError(f"points of {key[1]!r}: {error}") from None
        self._series[key] = series
        self.added += added
        return added

    @property
    def dirty(self) -> bool:
        """Whether any metric has points (or a summary) not yet stored."""
        return any(series.dirty for series in self._series.values())

    def rows(
        self, run_id: str, metric_id: Callable[[MetricKey], int]
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """The ``point_chunks`` and ``run_metrics`` rows of one transaction.

        Full chunks leave once; each open chunk and each summary again at every transaction.
        ``metric_id`` gives the store's id of a metric.
        """
        self._trims.clear()
        chunks: list[tuple[Any, ...]] = []
        summaries: list[tuple[Any, ...]] = []
        for key, series in self._series.items():
            if not series.dirty:
                continue
            series_chunks, summary = series.rows(run_id, metric_id(key))
            self._trims.append((series, series.full_chunks()))
            chunks += series_chunks
            summaries.append(summary)
        return chunks, summaries

    def committed(self) -> None:
        """The rows of the last :meth:`rows` are stored: their full chunks leave memory."""
        for series, full in self._trims:
            series.committed(full)
        self._trims.clear()

    def rolled_back(self) -> None:
        """The rows of the last :meth:`rows` were not stored: keep everything for the next try."""
        self._trims.clear()

    def discard(self) -> None:
        """Forget the points not yet stored (a batch that cannot be stored at all)."""
        for series in self._series.values():
            if series.dirty:
                series.discard()

    def rewrite_all(self) -> None:
        """The store was replaced: every metric's held chunk and summary go again."""
        for series in self._series.values():
            series.dirty = True
