"""Stores for the CLI tests, written by mlop's own import path (``import_records``)."""

from __future__ import annotations

from pathlib import Path

from mlop_cli import records as rec
from mlop_cli.importing import ImportedRun, import_records

T0 = 1_700_000_000.0


def make_run(
    store: Path,
    name: str,
    metrics: dict[str, list[float]],
    *,
    params: dict[str, object] | None = None,
    source: str = rec.TENSORBOARD,
    histograms: dict[str, list[tuple[list[float], list[float]]]] | None = None,
    console: bytes = b"",
    tags: list[str] | None = None,
    start: float = T0,
) -> ImportedRun:
    """A finished run with the given metric values at steps 0, 1, 2... one second apart."""
    records: list[rec.Record] = []
    for key, value in (params or {}).items():
        records.append(rec.Param(key, value, "cli"))
    for metric, values in metrics.items():
        steps = list(range(len(values)))
        records.append(rec.Points(metric, source, steps, [start + s for s in steps], list(values)))
    for metric, items in (histograms or {}).items():
        for step, (edges, counts) in enumerate(items):
            records.append(rec.Histogram(metric, source, step, start + step, edges, counts))
    if console:
        records.append(rec.LogChunk(rec.STDOUT, start, console))
    return import_records(
        store, records, name=name, source=store.parent, kind="test", tags=tags or []
    )
