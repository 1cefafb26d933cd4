"""SeriesBuffer: chunk packing and running summaries, without threads or a database."""

from __future__ import annotations

import array
import math

import pytest

from mlop_cli.store.points import SeriesBuffer
from mlop_cli.store.schema import CHUNK_POINTS


def _unpack(code: str, blob: bytes) -> list:
    return list(array.array(code, blob))


def test_full_chunks_leave_once_and_the_open_chunk_every_time() -> None:
    series = SeriesBuffer()
    n = CHUNK_POINTS + 10
    series.add(list(range(n)), [float(i) for i in range(n)], [float(i) for i in range(n)])
    chunks, summary = series.rows("r", 7)
    assert [c[2] for c in chunks] == [0, 1]  # seq
    assert [c[3] for c in chunks] == [CHUNK_POINTS, 10]  # n
    series.committed(series.full_chunks())
    series.add([n], [float(n)], [1.5])
    chunks, summary = series.rows("r", 7)
    assert [(c[2], c[3]) for c in chunks] == [(1, 11)]  # only the open chunk, again
    assert _unpack("d", chunks[0][10])[-1] == 1.5
    assert summary[2] == n + 1 and summary[6] == 1.5  # count, last value


def test_summary_ignores_nan_and_an_infinity_makes_the_sum_infinite() -> None:
    series = SeriesBuffer()
    series.add([0, 1, 2, 3], [0.0] * 4, [1.0, math.nan, 3.0, -2.0])
    _, summary = series.rows("r", 1)
    count, nan_count, min_value, min_step, max_value, max_step, total = (
        summary[2],
        summary[3],
        summary[7],
        summary[8],
        summary[9],
        summary[10],
        summary[11],
    )
    assert (count, nan_count) == (4, 1)
    assert (min_value, min_step, max_value, max_step, total) == (-2.0, 3, 3.0, 2, 2.0)
    series.add([4], [0.0], [math.inf])
    assert series.rows("r", 1)[1][11] == math.inf


def test_epochs_are_kept_per_point_and_a_chunk_without_any_stores_none() -> None:
    series = SeriesBuffer()
    series.add([0, 1], [0.0, 0.0], [1.0, 2.0])
    assert series.rows("r", 1)[0][0][11] is None
    series.add([2], [0.0], [3.0], [0.5])
    epochs = _unpack("d", series.rows("r", 1)[0][0][11])
    assert math.isnan(epochs[0]) and math.isnan(epochs[1]) and epochs[2] == 0.5


def test_bad_input_is_refused_whole() -> None:
    series = SeriesBuffer()
    with pytest.raises(ValueError):
        series.add([0, 1], [0.0], [1.0, 2.0])
    with pytest.raises(TypeError):
        series.add([0.5], [0.0], [1.0])  # a float step
    assert series.count == 0 and len(series.values) == 0
