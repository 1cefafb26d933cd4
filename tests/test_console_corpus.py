"""Each sample output in tests/corpus/console gives exactly the points in its .expected.json."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from mlop_cli.records import Event, Points
from mlop_cli.sources.console import ConsoleSource

CORPUS = Path(__file__).parent / "corpus" / "console"
# Entries with a snapshot of the points they give (regression); the entries that carry their
# library's own record are scored in test_console_truth.py instead.
SAMPLES = sorted(p for p in CORPUS.glob("*.txt") if p.with_suffix(".expected.json").exists())


def collect(data: bytes, chunk: int) -> tuple[dict[str, list[list[float]]], list[Event]]:
    """Feed ``data`` in ``chunk``-byte reads; return points per metric and the events."""
    points: dict[str, list[list[float]]] = {}
    events: list[Event] = []

    def sink(record: object) -> None:
        if isinstance(record, Points):
            points.setdefault(record.metric, []).extend(
                [s, v] for s, v in zip(record.steps, record.values, strict=True)
            )
        else:
            events.append(record)

    source = ConsoleSource(sink, clock=lambda: 0.0)
    # One instant for every read: what the points are must not depend on how the bytes were
    # split (the rules that wait on time have tests of their own).
    for i in range(0, len(data), chunk):
        source.feed(2, data[i : i + chunk], 0.0)
        source.flush()
    source.close()
    return points, events


def same(got: dict, expected: dict) -> bool:
    if got.keys() != expected.keys():
        return False
    for name, pts in expected.items():
        if len(got[name]) != len(pts):
            return False
        for (gs, gv), (es, ev) in zip(got[name], pts, strict=True):
            if gs != es or not (gv == ev or (math.isnan(gv) and math.isnan(ev))):
                return False
    return True


def test_corpus_is_there():
    assert len(SAMPLES) >= 12
    for sample in CORPUS.glob("*.txt"):
        truth = CORPUS / f"{sample.stem}.truth.json"
        assert sample.with_suffix(".expected.json").exists() or truth.exists(), sample.name


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("chunk", [1 << 20, 7, 1])
def test_sample_gives_expected_points(sample: Path, chunk: int):
    expected = json.loads(sample.with_suffix(".expected.json").read_text())
    got, events = collect(sample.read_bytes(), chunk)
    assert same(got, expected), json.dumps(got)
    assert events == []
