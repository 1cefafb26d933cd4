"""Helpers (no tests): event files written by tensorboard's own writer, for test_tb_*.py."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mlop_cli.records import Event, Points


def write_events(folder: Path, events: list) -> Path:
    """Writes ``events`` (Event protos) with tensorboard's EventFileWriter; returns the file."""
    from tensorboard.summary.writer.event_file_writer import EventFileWriter

    folder.mkdir(parents=True, exist_ok=True)
    before = set(folder.glob("events.out.tfevents.*"))
    writer = EventFileWriter(str(folder))
    for event in events:
        writer.add_event(event)
    writer.close()
    (path,) = set(folder.glob("events.out.tfevents.*")) - before
    return path


def summary_event(step: int, summary, wall_time: float | None = None):
    """An Event holding ``summary`` at ``step`` (wall time 1.7e9 + step by default)."""
    from tensorboard.compat.proto import event_pb2

    event = event_pb2.Event(step=step, wall_time=1.7e9 + step if wall_time is None else wall_time)
    event.summary.CopyFrom(summary)
    return event


def simple_scalar_events(tag: str, values: list[float]) -> list:
    """Legacy encoding: ``summary.value[].simple_value`` (torch's SummaryWriter, TF1)."""
    from tensorboard.compat.proto import summary_pb2

    return [
        summary_event(
            step, summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag=tag, simple_value=v)])
        )
        for step, v in enumerate(values)
    ]


def tensor_scalar_events(tag: str, values: list, metadata_every_time: bool = True) -> list:
    """Tensor encoding (TF2 / new-style writers); TF2 sends metadata on the first value only."""
    from tensorboard.compat.proto import summary_pb2
    from tensorboard.plugins.scalar import metadata
    from tensorboard.util import tensor_util

    events = []
    for step, value in enumerate(values):
        summary = summary_pb2.Summary()
        entry = summary.value.add(tag=tag, tensor=tensor_util.make_tensor_proto(value))
        if metadata_every_time or step == 0:
            entry.metadata.CopyFrom(
                metadata.create_summary_metadata(display_name=tag, description="")
            )
        events.append(summary_event(step, summary))
    return events


def points_of(records: list) -> dict[str, Points]:
    """The Points records by metric, asserting one per metric."""
    found: dict[str, Points] = {}
    for record in records:
        if isinstance(record, Points):
            assert record.metric not in found, f"two Points for {record.metric}"
            found[record.metric] = record
    return found


def events_of(records: list, kind: str | None = None) -> list[Event]:
    return [r for r in records if isinstance(r, Event) and (kind is None or r.kind == kind)]


def record_offsets(path: Path) -> list[int]:
    """Where each record of a real event file starts (read from its own framing)."""
    data = path.read_bytes()
    offsets, position = [], 0
    while position < len(data):
        offsets.append(position)
        position += 12 + int.from_bytes(data[position : position + 8], "little") + 4
    return offsets


# Real writers in child processes ----------------------------------------------------------

HAS_TORCH = importlib.util.find_spec("torch") is not None

#: torch's and tensorboardX's SummaryWriter: the writers whose folder names matter (their
#: default ``runs/<date>_<host>`` folder, ``add_hparams``' time folder).
SUMMARY_WRITERS = [
    pytest.param("tensorboardX", id="tensorboardX"),
    pytest.param(
        "torch",
        id="torch",
        marks=pytest.mark.skipif(not HAS_TORCH, reason="torch is not installed"),
    ),
]

SUMMARY_WRITER_CHILD = """
import json, sys
spec = json.loads(sys.argv[1])
if spec["writer"] == "torch":
    from torch.utils.tensorboard import SummaryWriter
else:
    from tensorboardX import SummaryWriter
for run in spec["runs"]:
    options = {"comment": run.get("comment", "")}
    if run.get("log_dir"):
        options["log_dir"] = run["log_dir"]
    writer = SummaryWriter(**options)
    for step, value in enumerate(run.get("values", [])):
        writer.add_scalar(run.get("tag", "train_loss"), value, step)
    if run.get("hparams"):
        writer.add_hparams(run["hparams"], run["metrics"])
    writer.close()
    print(getattr(writer, "log_dir", None) or writer.logdir, flush=True)
"""

TENSORBOARD_WRITER_CHILD = """
import json, sys
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.compat.proto.event_pb2 import Event
from tensorboard.compat.proto.summary_pb2 import Summary
spec = json.loads(sys.argv[1])
writers = {folder: EventFileWriter(folder) for folder in spec}
for folder, scalars in spec.items():
    for tag, values in scalars.items():
        for step, value in enumerate(values):
            summary = Summary(value=[Summary.Value(tag=tag, simple_value=value)])
            writers[folder].add_event(Event(wall_time=1.7e9 + step, step=step, summary=summary))
for writer in writers.values():
    writer.close()
"""


def summary_writer_script(writer: str, runs: list[dict]) -> list[str]:
    """argv of a child that writes ``runs`` with torch's or tensorboardX's SummaryWriter.

    Each run: ``log_dir`` (default: the writer's own ``runs/<date>_<host><comment>``),
    ``comment``, ``tag`` and ``values`` (scalars at steps 0, 1, ...), ``hparams`` and
    ``metrics`` for ``add_hparams``. The child prints each writer's folder.
    """
    return [
        sys.executable,
        "-c",
        SUMMARY_WRITER_CHILD,
        json.dumps({"writer": writer, "runs": runs}),
    ]


def tensorboard_writer_script(folders: dict[str, dict[str, list[float]]]) -> list[str]:
    """argv of a child writing, with tensorboard's own writer, folder -> tag -> values.

    One process writes all the folders at once (as Keras writes ``train/`` and
    ``validation/``).
    """
    return [sys.executable, "-c", TENSORBOARD_WRITER_CHILD, json.dumps(folders)]


def run_writer(argv: list[str], cwd: Path) -> list[str]:
    """Runs a writer child in ``cwd``; returns the lines it printed."""
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()
