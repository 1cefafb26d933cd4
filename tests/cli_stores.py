"""Stores for the CLI tests, written by mlop's own import path (``import_records``)."""

from __future__ import annotations

import sqlite3
import time
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
    """A finished run with the given metric values at steps 0, 1, 2... one second apart.

    Metrics named ``sys/...`` get the system source, the others ``source``.
    """
    records: list[rec.Record] = []
    for key, value in (params or {}).items():
        records.append(rec.Param(key, value, "cli"))
    for metric, values in metrics.items():
        steps = list(range(len(values)))
        origin = rec.SYSTEM if metric.startswith("sys/") else source
        records.append(rec.Points(metric, origin, steps, [start + s for s in steps], list(values)))
    for metric, items in (histograms or {}).items():
        for step, (edges, counts) in enumerate(items):
            records.append(rec.Histogram(metric, source, step, start + step, edges, counts))
    if console:
        records.append(rec.LogChunk(rec.STDOUT, start, console))
    return import_records(
        store, records, name=name, source=store.parent, kind="test", tags=tags or []
    )


# A training-like child: TensorBoard scalars and console lines until the file `stop` appears.
SLOW_CHILD = """
import os, sys, time
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.compat.proto.summary_pb2 import Summary
from tensorboard.compat.proto.event_pb2 import Event
writer = EventFileWriter('tb')
step = 0
while not os.path.exists('stop') and step < 6000:
    loss = 1.0 / (step + 1)
    writer.add_event(Event(wall_time=time.time(), step=step, summary=Summary(value=[Summary.Value(tag='loss', simple_value=loss)])))
    writer.flush()
    print(f'step={step} loss={loss:.4f}', flush=True)
    step += 1
    time.sleep(0.05)
writer.close()
print('done', flush=True)
"""


class SlowRun:
    """``mlop run`` of :data:`SLOW_CHILD` in the background, returned once its first
    TensorBoard point is stored; :meth:`stop` ends it cleanly."""

    def __init__(self, store: Path, work: Path) -> None:
        import subprocess

        from tests.conftest import PYTHON, clean_env, mlop_argv, query

        work.mkdir(parents=True, exist_ok=True)
        self.work = work
        self.process = subprocess.Popen(
            mlop_argv("run", "--store", str(store), "-q", "--", PYTHON, "-c", SLOW_CHILD),
            cwd=work,
            env=clean_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.run_id = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:  # the file may exist before its schema does
                rows = query(store, "SELECT id FROM runs") if store.exists() else []
                points = (
                    query(
                        store,
                        "SELECT count(*) FROM run_metrics r JOIN metrics m ON m.id = r.metric_id"
                        " WHERE r.run_id = ? AND m.source != 'system'",
                        (rows[0][0],),
                    )
                    if rows
                    else [(0,)]
                )
            except sqlite3.OperationalError:
                rows, points = [], [(0,)]
            if rows and points[0][0]:
                self.run_id = rows[0][0]
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise AssertionError(f"the run did not start: {self.process.stderr.read()!r}")

    def stop(self, timeout: float = 30) -> int:
        """Ask the child to finish; wait for mlop run to exit; its exit code."""
        (self.work / "stop").touch()
        return self.process.wait(timeout)
