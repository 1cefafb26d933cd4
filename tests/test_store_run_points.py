"""RunPoints: every metric's chunks and summaries of one run between commits, without threads
or a database (the writer only batches and commits them)."""

from __future__ import annotations

import array
import math

import pytest

from mlop_cli.store.points import RunPoints
from mlop_cli.store.schema import CHUNK_POINTS

LOSS = ("console", "loss")
ACC = ("tensorboard", "acc")
IDS = {LOSS: 1, ACC: 2}


def _add(points: RunPoints, key: tuple[str, str], start: int, count: int) -> int:
    steps = list(range(start, start + count))
    return points.add(key, steps, [float(s) for s in steps], [s * 0.5 for s in steps])


def _chunks(rows: list[tuple]) -> list[tuple[int, int, int]]:
    """(metric id, seq, n) of each chunk row."""
    return [(row[1], row[2], row[3]) for row in rows]


def test_each_metric_gives_its_chunks_and_summary_and_full_chunks_leave_once() -> None:
    points = RunPoints()
    assert not points.dirty
    assert _add(points, LOSS, 0, CHUNK_POINTS + 3) == CHUNK_POINTS + 3
    _add(points, ACC, 0, 2)
    assert points.dirty and points.added == CHUNK_POINTS + 5
    chunks, summaries = points.rows("r", IDS.__getitem__)
    assert _chunks(chunks) == [(1, 0, CHUNK_POINTS), (1, 1, 3), (2, 0, 2)]
    assert [(s[0], s[1], s[2]) for s in summaries] == [("r", 1, CHUNK_POINTS + 3), ("r", 2, 2)]
    points.committed()
    assert not points.dirty
    # Only the metric that got points goes again, and only its open chunk.
    _add(points, LOSS, CHUNK_POINTS + 3, 1)
    chunks, summaries = points.rows("r", IDS.__getitem__)
    assert _chunks(chunks) == [(1, 1, 4)]
    assert [s[1] for s in summaries] == [1] and summaries[0][2] == CHUNK_POINTS + 4
    assert list(array.array("q", chunks[0][8])) == list(range(CHUNK_POINTS, CHUNK_POINTS + 4))


def test_a_rolled_back_transaction_keeps_everything_for_the_next() -> None:
    points = RunPoints()
    _add(points, LOSS, 0, CHUNK_POINTS + 1)
    first, _ = points.rows("r", IDS.__getitem__)
    points.rolled_back()
    assert points.dirty
    again, _ = points.rows("r", IDS.__getitem__)
    assert again == first  # the full chunk was not forgotten
    points.committed()
    _add(points, LOSS, CHUNK_POINTS + 1, 1)
    assert _chunks(points.rows("r", IDS.__getitem__)[0]) == [(1, 1, 2)]


def test_a_metric_id_that_fails_leaves_nothing_trimmed() -> None:
    points = RunPoints()
    _add(points, LOSS, 0, CHUNK_POINTS)
    _add(points, ACC, 0, 1)

    def failing(key: tuple[str, str]) -> int:
        if key == ACC:
            raise OSError("disk I/O error")
        return IDS[key]

    with pytest.raises(OSError):
        points.rows("r", failing)
    points.rolled_back()
    points.committed()  # nothing handed out: nothing leaves
    assert _chunks(points.rows("r", IDS.__getitem__)[0]) == [(1, 0, CHUNK_POINTS), (2, 0, 1)]


def test_bad_points_are_refused_whole_and_name_their_metric() -> None:
    points = RunPoints()
    with pytest.raises(ValueError, match="'loss'"):
        points.add(LOSS, [0, 1], [0.0], [1.0, 2.0])
    with pytest.raises((ValueError, TypeError)):
        points.add(LOSS, [0.5], [0.0], [1.0])  # type: ignore[list-item]
    assert not points.dirty and points.added == 0
    assert points.rows("r", IDS.__getitem__) == ([], [])


def test_discard_forgets_what_is_not_stored_and_rewrite_all_sends_what_is_held() -> None:
    points = RunPoints()
    _add(points, LOSS, 0, 3)
    points.rows("r", IDS.__getitem__)
    points.committed()
    _add(points, ACC, 0, 2)
    points.discard()  # a batch that can never be stored
    assert not points.dirty
    # The store file was replaced: the open chunk and summary held go again, into the new one.
    points.rewrite_all()
    chunks, summaries = points.rows("r", IDS.__getitem__)
    assert _chunks(chunks) == [(1, 0, 3)]
    assert [s[1] for s in summaries] == [1, 2]


def test_summaries_keep_nan_and_infinity_apart_across_metrics() -> None:
    points = RunPoints()
    points.add(LOSS, [0, 1, 2], [0.0] * 3, [2.0, math.nan, 1.0])
    points.add(ACC, [0, 1], [0.0] * 2, [math.inf, 1.0])
    _, summaries = points.rows("r", IDS.__getitem__)
    loss, acc = summaries
    assert (loss[2], loss[3], loss[7], loss[8], loss[11]) == (3, 1, 1.0, 2, 3.0)
    assert acc[11] == math.inf and acc[3] == 0
