"""Benchmark: mlop's TensorBoard reader against tensorboard's own EventAccumulator.

Run on demand (pytest does not collect ``bench_*.py``)::

    python tests/benchmarks/bench_tensorboard.py            # 1,000,000 events
    python tests/benchmarks/bench_tensorboard.py --events 200000 --skip-lag

1. Throughput: one event file of N scalar events, written by tensorboard's own
   ``EventFileWriter`` (cached in /tmp, since writing it takes a minute or two), is read
   by ``EventFileReader`` (CRC checked) and by ``EventAccumulator`` with
   ``size_guidance={'scalars': 0}`` in the same run. Prints events/s and the ratio
   (target: at least 3x), and asserts that both saw every event.
2. Live lag: a child process writes one scalar every 0.1 s through tensorboard's writer
   and flushes; ``TensorBoardSource`` watches the folder. The lag of each point is the
   time its sink received it minus the wall time stored in the event. Prints p50/p95/max
   (target: p95 <= 2 s), once with watchdog and once polling only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mlop_cli.records import Points
from mlop_cli.sources.tb_events import EventFileReader
from mlop_cli.sources.tb_watch import TensorBoardSource

TAGS = ("loss", "accuracy", "learning_rate", "grad_norm")


def write_event_file(folder: Path, events: int) -> Path:
    """Writes ``events`` scalar events (tensor encoding, as the new-style writer does)."""
    import numpy as np
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.summary.writer.event_file_writer import EventFileWriter
    from tensorboard.util import tensor_util

    folder.mkdir(parents=True, exist_ok=True)
    writer = EventFileWriter(str(folder), max_queue_size=1000, flush_secs=30)
    metadata = summary_pb2.SummaryMetadata(
        plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="scalars"),
        data_class=summary_pb2.DataClass.DATA_CLASS_SCALAR,
    )
    for i in range(events):
        event = event_pb2.Event(wall_time=1.7e9 + i * 0.01, step=i // len(TAGS))
        event.summary.value.add(
            tag=TAGS[i % len(TAGS)],
            tensor=tensor_util.make_tensor_proto(np.float32(1.0 / (i + 1))),
            metadata=metadata,
        )
        writer.add_event(event)
    writer.close()
    (folder / "COMPLETE").write_text(str(events))
    return next(folder.glob("events.out.tfevents.*"))


def cached_event_file(events: int) -> Path:
    """The benchmark file for ``events`` events, written once and kept in /tmp."""
    folder = Path(tempfile.gettempdir()) / f"mlop-bench-tb-{events}"
    if (folder / "COMPLETE").exists():
        return next(folder.glob("events.out.tfevents.*"))
    for stale in folder.glob("*"):
        stale.unlink()
    started = time.perf_counter()
    path = write_event_file(folder, events)
    print(
        f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s"
    )
    return path


def time_mlop(path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    reader = EventFileReader(path)
    count = 0
    warnings = []
    for record in reader.read_new(final=True):
        if isinstance(record, Points):
            count += len(record.values)
        else:
            warnings.append(record)
    elapsed = time.perf_counter() - started
    assert not warnings, warnings
    return elapsed, count


def time_accumulator(path: Path) -> tuple[float, int]:
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    started = time.perf_counter()
    accumulator = EventAccumulator(str(path), size_guidance={"scalars": 0, "tensors": 0})
    accumulator.Reload()
    tags = accumulator.Tags()
    # The new-style writer stores scalars as tensors; the accumulator keeps them there.
    count = sum(len(accumulator.Tensors(tag)) for tag in tags["tensors"])
    count += sum(len(accumulator.Scalars(tag)) for tag in tags["scalars"])
    return time.perf_counter() - started, count


def bench_throughput(events: int) -> None:
    path = cached_event_file(events)
    # Both sides start with their modules imported: only reading is timed.
    import crc32c  # noqa: F401
    from tensorboard.backend.event_processing import event_accumulator  # noqa: F401
    from tensorboard.compat.proto import event_pb2  # noqa: F401

    mlop_s, mlop_n = time_mlop(path)
    ref_s, ref_n = time_accumulator(path)
    assert mlop_n == events, (mlop_n, events)
    assert ref_n == events, (ref_n, events)
    print(f"mlop EventFileReader : {mlop_n / mlop_s:>10,.0f} events/s ({mlop_s:.2f} s)")
    print(f"tensorboard Accum.   : {ref_n / ref_s:>10,.0f} events/s ({ref_s:.2f} s)")
    print(f"ratio                : {ref_s / mlop_s:.1f}x (target >= 3x)")


CHILD = textwrap.dedent(
    """
    import sys, time
    from tensorboard.summary import Writer
    writer = Writer(sys.argv[1])
    for step in range(int(sys.argv[2])):
        writer.add_scalar("loss", 1.0 / (step + 1), step)
        writer.flush()
        time.sleep(0.1)
    writer.close()
    """
)


def bench_live_lag(points: int, polling_only: bool) -> None:
    root = Path(tempfile.mkdtemp(prefix="mlop-bench-live-"))
    lags: list[float] = []
    lock = threading.Lock()

    def sink(record: object) -> None:
        if isinstance(record, Points):
            received = time.time()
            with lock:
                lags.extend(received - t for t in record.times)

    source = TensorBoardSource([root], sink, poll_interval=1.0, use_watchdog=not polling_only)
    source.start()
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(root / "runs" / "exp"), str(points)], check=True
    )
    assert child.returncode == 0
    source.stop(drain=True)
    assert len(lags) == points, (len(lags), points)
    ordered = sorted(lags)
    p50 = ordered[len(ordered) // 2]
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    mode = "polling only" if polling_only else "watchdog + polling"
    print(
        f"live lag ({mode:18}): p50 {p50:.2f} s, p95 {p95:.2f} s, max {ordered[-1]:.2f} s"
        f" (target p95 <= 2 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--lag-points", type=int, default=50)
    parser.add_argument("--skip-lag", action="store_true")
    parser.add_argument("--generate-only", action="store_true")
    args = parser.parse_args()
    if args.generate_only:
        print(cached_event_file(args.events))
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus")
    bench_throughput(args.events)
    if not args.skip_lag:
        bench_live_lag(args.lag_points, polling_only=False)
        bench_live_lag(args.lag_points, polling_only=True)


if __name__ == "__main__":
    main()
