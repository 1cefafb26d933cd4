"""``mlop export``: a run's points as CSV, JSON lines, or TensorBoard event files.

CSV and JSON lines hold one record per point: ``metric``, ``step``, ``value``, ``time`` (Unix
seconds, a float: what the store keeps, with no time zone to get wrong) and ``source``
(console, tensorboard, system). A NaN value is ``nan`` in CSV and ``null`` in JSON lines
(infinities: ``inf``/``-inf`` in CSV, ``null`` in JSON lines, which has no infinities); there
a field ``nonfinite`` (``nan``, ``inf`` or ``-inf``) says which, so a diverged loss is told
from a missing one.

TensorBoard export writes event files with tensorboard's own ``EventFileWriter``: scalars as
``simple_value`` and histograms as ``HistogramProto``, so TensorBoard opens the folder as is.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from mlop_cli.gate import unknown_metric
from mlop_cli.store.model import MetricKey, RunStore, Series

FORMATS = ("csv", "jsonl", "tensorboard")
FIELDS = ("metric", "step", "value", "time", "source", "epoch")


def selected_series(
    store: RunStore,
    run_id: str,
    metrics: list[str] | None = None,
    also_known: tuple[str, ...] = (),
) -> Iterator[Series]:
    """The run's series, all of them or only ``metrics`` (exact names, any source).

    The names are checked at once, before anything is read or written.

    Raises:
        UnknownMetricError: a name in ``metrics`` is neither a metric of the run nor in
            ``also_known`` (histogram names, for the TensorBoard export).
    """
    keys = store.metric_keys(run_id)
    if metrics:
        known = sorted({key.name for key in keys} | set(also_known))
        for name in metrics:
            if name not in known:
                raise unknown_metric(name, known)
        wanted = set(metrics)
        keys = [key for key in keys if key.name in wanted]
    return _read_series(store, run_id, keys)


def _read_series(store: RunStore, run_id: str, keys: list[MetricKey]) -> Iterator[Series]:
    for key in keys:
        series = store.series(run_id, key.name, key.source)
        if series is not None:
            yield series


def _points(series: Series) -> Iterator[tuple[int, float, float, float | None]]:
    """(step, value, time, epoch) of each point; epoch None where the output gave none."""
    epochs = series.epochs
    for index, (step, value, when) in enumerate(
        zip(series.steps, series.values, series.times, strict=False)
    ):
        epoch = epochs[index] if epochs is not None and index < len(epochs) else None
        yield step, value, when, (None if epoch is None or math.isnan(epoch) else epoch)


def write_csv(chosen: Iterable[Series], stream: IO[str]) -> int:
    """Write CSV (header ``metric,step,value,time,source,epoch``; the epoch empty where the
    output gave none) of ``chosen`` (see :func:`selected_series`) to ``stream``; returns the
    point count."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(FIELDS)
    count = 0
    for series in chosen:
        for step, value, when, epoch in _points(series):
            writer.writerow(
                (
                    series.name,
                    step,
                    repr(value),
                    repr(when),
                    series.source,
                    "" if epoch is None else repr(epoch),
                )
            )
            count += 1
    return count


def _json_value(value: float) -> float | None:
    return None if math.isnan(value) or math.isinf(value) else value


def write_jsonl(chosen: Iterable[Series], stream: IO[str]) -> int:
    """Write one JSON object per line and point of ``chosen`` to ``stream``; returns the point
    count."""
    count = 0
    for series in chosen:
        for step, value, when, epoch in _points(series):
            record = {
                "metric": series.name,
                "step": step,
                "value": _json_value(value),
                "time": when,
                "source": series.source,
                "epoch": epoch,
            }
            if not math.isfinite(value):
                record["nonfinite"] = repr(value)  # `nan`, `inf`, `-inf`
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _histogram_proto(edges: list[float], counts: list[float]) -> Any:
    from tensorboard.compat.proto.summary_pb2 import HistogramProto

    middles = [(low + high) / 2 for low, high in zip(edges[:-1], edges[1:], strict=False)]
    return HistogramProto(
        min=edges[0] if edges else 0.0,
        max=edges[-1] if edges else 0.0,
        num=float(sum(counts)),
        # The store keeps buckets, not samples: sums are estimated from bucket middles.
        sum=float(sum(c * m for c, m in zip(counts, middles, strict=False))),
        sum_squares=float(sum(c * m * m for c, m in zip(counts, middles, strict=False))),
        bucket_limit=edges[1:],
        bucket=counts,
    )


def write_tensorboard(
    store: RunStore, run_id: str, folder: Path, metrics: list[str] | None = None
) -> dict[str, int]:
    """Write the run's scalars and histograms as TensorBoard event files into ``folder``.

    A metric recorded by two sources under one name gets the tag ``SOURCE:NAME`` for the
    second. Returns ``{"points": n, "histograms": m, "files": 1}``.
    """
    from tensorboard.compat.proto.event_pb2 import Event
    from tensorboard.compat.proto.summary_pb2 import Summary
    from tensorboard.summary.writer.event_file_writer import EventFileWriter

    all_histograms = store.histograms(run_id)
    chosen = list(selected_series(store, run_id, metrics, tuple(all_histograms)))
    folder.mkdir(parents=True, exist_ok=True)
    writer = EventFileWriter(str(folder))
    points = histograms = 0
    tags: set[str] = set()
    try:
        for series in chosen:
            tag = series.key.label(shadowed=series.name in tags)
            tags.add(tag)
            for step, value, when, _ in _points(series):
                summary = Summary(value=[Summary.Value(tag=tag, simple_value=value)])
                writer.add_event(Event(wall_time=when, step=step, summary=summary))
                points += 1
        for name, items in all_histograms.items():
            if metrics and name not in metrics:
                continue
            for item in items:
                if len(item.edges) != len(item.counts) + 1:
                    continue  # not a histogram the proto can hold
                proto = _histogram_proto(item.edges, item.counts)
                summary = Summary(value=[Summary.Value(tag=name, histo=proto)])
                writer.add_event(Event(wall_time=item.time, step=item.step, summary=summary))
                histograms += 1
    finally:
        writer.close()
    return {"points": points, "histograms": histograms, "files": 1}
