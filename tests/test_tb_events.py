"""EventFileReader on event files written by tensorboard's own writer."""

from __future__ import annotations

import math
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from mlop_cli.records import Histogram, Param, Points, Text
from mlop_cli.sources.tb_events import EventFileReader, masked_crc32c
from tests.tb_writers import (
    events_of,
    points_of,
    record_offsets,
    simple_scalar_events,
    summary_event,
    tensor_scalar_events,
    write_events,
)


def clock() -> float:
    return 42.0


def read_all(path: Path, **kwargs) -> list:
    return EventFileReader(path, clock=clock, **kwargs).read_new(final=True)


# Scalars -------------------------------------------------------------------------------


def test_legacy_simple_value_scalars(tmp_path):
    path = write_events(tmp_path, simple_scalar_events("loss", [0.5, 0.25, 0.125]))
    records = read_all(path)
    points = points_of(records)["loss"]
    assert points.source == "tensorboard"
    assert points.steps == [0, 1, 2]
    assert points.values == [0.5, 0.25, 0.125]
    assert points.times == [1.7e9, 1.7e9 + 1, 1.7e9 + 2]
    assert not events_of(records)


@pytest.mark.parametrize(
    "dtype", [np.float16, np.float32, np.float64, np.int32, np.int64, np.int16, np.uint8, np.bool_]
)
@pytest.mark.parametrize("metadata_every_time", [True, False])
def test_tensor_scalars_of_every_dtype(tmp_path, dtype, metadata_every_time):
    raw = [3, 1, 0, 2]
    values = [dtype(v) for v in raw]
    path = write_events(tmp_path, tensor_scalar_events("acc", values, metadata_every_time))
    points = points_of(read_all(path))["acc"]
    assert points.steps == [0, 1, 2, 3]
    assert points.values == [float(v) for v in values]


def test_tensor_scalar_fractions_keep_their_precision(tmp_path):
    path = write_events(tmp_path, tensor_scalar_events("lr", [np.float64(1e-4), np.float16(0.1)]))
    values = points_of(read_all(path))["lr"].values
    assert values[0] == 1e-4
    assert values[1] == float(np.float16(0.1))


def test_new_style_writer_scalars(tmp_path):
    from tensorboard.summary import Writer

    writer = Writer(str(tmp_path))
    for step in range(5):
        writer.add_scalar("train/loss", 1.0 / (step + 1), step, wall_time=100.0 + step)
        writer.add_scalar("train/acc", step / 10, step, wall_time=100.0 + step)
    writer.close()
    (path,) = tmp_path.glob("events.out.tfevents.*")
    points = points_of(read_all(path))
    assert sorted(points) == ["train/acc", "train/loss"]
    assert points["train/loss"].values == pytest.approx([1, 1 / 2, 1 / 3, 1 / 4, 1 / 5])
    assert points["train/acc"].times == [100.0, 101.0, 102.0, 103.0, 104.0]


def test_prefix_and_nan_values(tmp_path):
    path = write_events(tmp_path, simple_scalar_events("loss", [float("nan"), float("inf"), 1.0]))
    points = points_of(read_all(path, prefix="eval/"))["eval/loss"]
    assert math.isnan(points.values[0]) and points.values[1] == math.inf


def test_torch_summary_writer(tmp_path):
    torch_tb = pytest.importorskip("torch.utils.tensorboard")
    writer = torch_tb.SummaryWriter(str(tmp_path))
    for step in range(3):
        writer.add_scalar("loss", 1.0 / (step + 1), step)
    writer.add_histogram("weights", np.arange(100.0), 2)
    writer.close()
    records = []
    for path in sorted(tmp_path.glob("events.out.tfevents.*")):
        records += read_all(path)
    assert points_of(records)["loss"].values == pytest.approx([1, 0.5, 1 / 3])
    (histogram,) = [r for r in records if isinstance(r, Histogram)]
    assert sum(histogram.counts) == 100


# Histograms ----------------------------------------------------------------------------


def test_tensor_histograms(tmp_path):
    from tensorboard.plugins.histogram import summary_v2

    data = np.concatenate([np.zeros(10), np.linspace(0.0, 3.0, 50)])
    events = [summary_event(7, summary_v2.histogram_pb("weights", data, buckets=6))]
    events.append(summary_event(8, summary_v2.histogram_pb("weights", np.full(4, 2.5), buckets=3)))
    records = read_all(write_events(tmp_path, events))
    first, second = [r for r in records if isinstance(r, Histogram)]
    assert (first.metric, first.source, first.step, first.time) == (
        "weights",
        "tensorboard",
        7,
        1.7e9 + 7,
    )
    assert len(first.edges) == len(first.counts) + 1
    assert sum(first.counts) == data.size
    assert first.edges[0] == 0.0 and first.edges[-1] == 3.0
    assert first.edges == sorted(first.edges)
    # One distinct value: TF2 collapses every bucket onto it.
    assert second.edges == [2.5, 2.5] and second.counts == [4.0]


def test_legacy_histograms_trim_empty_buckets_and_clamp_edges(tmp_path):
    from tensorboard.compat.proto import summary_pb2

    data = np.array([1.5, 2.5, 2.6, 3.9])
    limits = [-1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 1.7976931348623157e308]
    counts, _ = np.histogram(data, bins=[-1.7976931348623157e308, *limits])
    histo = summary_pb2.HistogramProto(
        min=float(data.min()),
        max=float(data.max()),
        num=data.size,
        sum=float(data.sum()),
        sum_squares=float((data**2).sum()),
        bucket_limit=limits,
        bucket=[float(c) for c in counts],
    )
    summary = summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="grads", histo=histo)])
    records = read_all(write_events(tmp_path, [summary_event(3, summary)]))
    (histogram,) = [r for r in records if isinstance(r, Histogram)]
    assert histogram.counts == [1.0, 2.0, 1.0]
    assert histogram.edges == [1.5, 2.0, 3.0, 3.9]


# hparams, text, media ------------------------------------------------------------------


def test_hparams_session_and_experiment(tmp_path):
    from tensorboard.plugins.hparams import summary_v2 as hp

    config = hp.hparams_config_pb(
        hparams=[hp.HParam("lr"), hp.HParam("optimizer")],
        metrics=[hp.Metric("loss"), hp.Metric("accuracy", group="eval")],
    )
    session = hp.hparams_pb({"lr": 3e-4, "optimizer": "adam", "nesterov": True, "layers": 4})
    records = read_all(
        write_events(tmp_path, [summary_event(0, config), summary_event(0, session)])
    )
    params = {r.key: r.value for r in records if isinstance(r, Param)}
    assert params == {"lr": 3e-4, "optimizer": "adam", "nesterov": True, "layers": 4.0}
    assert {r.source for r in records if isinstance(r, Param)} == {"tensorboard"}
    (note,) = events_of(records, "tensorboard.hparams_config")
    assert note.level == "info"
    assert note.data["metrics"] == ["loss", "eval/accuracy"]
    assert not points_of(records)


def test_text_summaries(tmp_path):
    from tensorboard.plugins.text import summary_v2

    events = [summary_event(5, summary_v2.text_pb("notes", "first **note**"))]
    events.append(summary_event(6, summary_v2.text_pb("notes", "ünïcode")))
    records = read_all(write_events(tmp_path, events))
    texts = [r for r in records if isinstance(r, Text)]
    assert [(t.tag, t.step, t.text) for t in texts] == [
        ("notes", 5, "first **note**"),
        ("notes", 6, "ünïcode"),
    ]


def test_images_and_audio_are_counted_and_noted_once_per_tag(tmp_path):
    from tensorboard.compat.proto import summary_pb2
    from tensorboard.plugins.image import metadata as image_metadata
    from tensorboard.util import tensor_util

    # New-style image summary: a string tensor (width, height, encoded images...).
    tensor = tensor_util.make_tensor_proto(np.array([b"4", b"4", b"\x89PNG..."], dtype=object))
    new_style = summary_pb2.Summary()
    new_style.value.add(
        tag="samples", tensor=tensor, metadata=image_metadata.create_summary_metadata("", "")
    )
    # Legacy image (torch's SummaryWriter) and audio values.
    legacy = summary_pb2.Summary()
    legacy.value.add(tag="inputs", image=summary_pb2.Summary.Image(height=4, width=4))
    legacy.value.add(tag="speech", audio=summary_pb2.Summary.Audio(sample_rate=16000))
    events = [summary_event(step, new_style) for step in range(3)]
    events += [summary_event(step, legacy) for step in range(2)]
    events += simple_scalar_events("loss", [1.0])
    reader = EventFileReader(write_events(tmp_path, events), clock=clock)
    records = reader.read_new(final=True)
    notes = events_of(records)
    assert [(n.kind, n.level, n.data["tag"]) for n in notes] == [
        ("tensorboard.media", "info", "samples"),
        ("tensorboard.media", "info", "inputs"),
        ("tensorboard.media", "info", "speech"),
    ]
    assert reader.media_counts == {"samples": 3, "inputs": 2, "speech": 2}
    assert list(points_of(records)) == ["loss"]


def test_file_version_and_graph_events_are_skipped_silently(tmp_path):
    from tensorboard.compat.proto import event_pb2, graph_pb2

    graph = event_pb2.Event(step=0, graph_def=graph_pb2.GraphDef().SerializeToString())
    log = event_pb2.Event(step=0, session_log=event_pb2.SessionLog(status=1))
    path = write_events(tmp_path, [graph, log])  # the writer adds a file_version event
    reader = EventFileReader(path, clock=clock)
    assert reader.read_new(final=True) == []
    assert reader.events_read == 3


# Tailing, truncation, corruption -------------------------------------------------------


def cut_copy(source: Path, target: Path, size: int) -> None:
    target.write_bytes(source.read_bytes()[:size])


def test_half_written_tail_is_read_later(tmp_path):
    full = write_events(
        tmp_path / "full", simple_scalar_events("loss", [float(i) for i in range(10)])
    )
    data = full.read_bytes()
    partial = tmp_path / "events.out.tfevents.partial"
    partial.write_bytes(data[:-7])  # the last record lacks its final bytes
    reader = EventFileReader(partial, clock=clock)
    first = reader.read_new()
    assert points_of(first)["loss"].values == [float(i) for i in range(9)]
    offset = reader.offset
    assert reader.read_new() == []
    assert reader.offset == offset < len(data) - 7
    with open(partial, "ab") as handle:
        handle.write(data[-7:])
    second = reader.read_new()
    assert points_of(second)["loss"].values == [9.0]
    assert not events_of(first + second)
    assert reader.offset == len(data)


def test_truncated_file_warns_once_when_final(tmp_path):
    full = write_events(tmp_path / "full", simple_scalar_events("loss", [1.0, 2.0]))
    cut = tmp_path / "events.out.tfevents.cut"
    cut_copy(full, cut, full.stat().st_size - 5)
    records = read_all(cut)
    assert points_of(records)["loss"].values == [1.0]
    (warning,) = events_of(records)
    assert (warning.kind, warning.level, warning.time) == ("tensorboard.truncated", "warning", 42.0)


def flip_bit(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["data", "length"])
def test_corrupt_record_is_reported_and_skipped(tmp_path, where):
    path = write_events(tmp_path, simple_scalar_events("loss", [float(i) for i in range(20)]))
    offsets = record_offsets(path)
    bad = offsets[11]  # record 0 is file_version, so this is the value 10.0
    flip_bit(path, bad + (20 if where == "data" else 2))
    records = read_all(path)
    assert points_of(records)["loss"].values == [float(i) for i in range(20) if i != 10]
    (warning,) = events_of(records)
    assert warning.kind == "tensorboard.corrupt"
    assert warning.data == {"path": str(path), "offset": bad}


def test_garbage_between_and_after_records(tmp_path):
    first = write_events(tmp_path / "a", simple_scalar_events("loss", [1.0, 2.0]))
    second = write_events(tmp_path / "b", simple_scalar_events("loss", [3.0, 4.0]))
    garbage = os.urandom(3000)
    mixed = tmp_path / "events.out.tfevents.mixed"
    mixed.write_bytes(first.read_bytes() + garbage + second.read_bytes())
    reader = EventFileReader(mixed, clock=clock)
    records = reader.read_new()
    assert points_of(records)["loss"].values == [1.0, 2.0, 3.0, 4.0]
    assert [e.kind for e in events_of(records)] == ["tensorboard.corrupt"]
    assert reader.offset == mixed.stat().st_size
    with open(mixed, "ab") as handle:
        handle.write(b"\xff" * 40)  # garbage appended to a finished file
    later = reader.read_new(final=True)
    assert [e.kind for e in events_of(later)] == ["tensorboard.corrupt"]
    assert not points_of(later)


def test_warnings_are_capped_per_file(tmp_path):
    path = write_events(tmp_path, simple_scalar_events("loss", [float(i) for i in range(40)]))
    for offset in record_offsets(path)[1::2]:
        flip_bit(path, offset + 20)
    records = read_all(path)
    kinds = [e.kind for e in events_of(records)]
    assert kinds == ["tensorboard.corrupt"] * 5 + ["tensorboard.warnings_suppressed"]
    assert len(points_of(records)["loss"].values) == 20


def test_deleted_file_warns_once(tmp_path):
    path = write_events(tmp_path, simple_scalar_events("loss", [1.0]))
    reader = EventFileReader(path, clock=clock)
    assert points_of(reader.read_new())["loss"].values == [1.0]
    path.unlink()
    (warning,) = reader.read_new()
    assert warning.kind == "tensorboard.vanished" and warning.level == "warning"
    assert reader.read_new() == []


def test_replaced_or_shrunk_file_is_read_again(tmp_path):
    path = write_events(tmp_path / "a", simple_scalar_events("loss", [1.0, 2.0]))
    other = write_events(tmp_path / "b", simple_scalar_events("loss", [7.0]))
    reader = EventFileReader(path, clock=clock)
    reader.read_new()
    shutil.copy(other, tmp_path / "new")
    os.replace(tmp_path / "new", path)  # a new inode under the same name
    records = reader.read_new()
    assert [e.kind for e in events_of(records)] == ["tensorboard.replaced"]
    assert points_of(records)["loss"].values == [7.0]
    path.write_bytes(b"")  # same inode, shrunk
    assert [e.kind for e in events_of(reader.read_new())] == ["tensorboard.replaced"]


def test_zero_byte_file(tmp_path):
    path = tmp_path / "events.out.tfevents.empty"
    path.write_bytes(b"")
    reader = EventFileReader(path, clock=clock)
    assert reader.read_new() == []  # live: a writer may have just created it
    (warning,) = reader.read_new(final=True)
    assert warning.kind == "tensorboard.empty"


def test_permission_error_is_a_warning(tmp_path):
    path = write_events(tmp_path, simple_scalar_events("loss", [1.0]))
    path.chmod(0)
    try:
        try:
            path.open("rb").close()
            pytest.skip("running as root: chmod does not stop reads")
        except PermissionError:
            pass
        (warning,) = EventFileReader(path, clock=clock).read_new()
        assert warning.kind == "tensorboard.unreadable"
    finally:
        path.chmod(0o644)


def test_masked_crc_matches_tensorboards(tmp_path):
    from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import masked_crc32c as reference

    for data in (b"", b"\x00" * 8, os.urandom(100)):
        assert masked_crc32c(data) == reference(data)


def test_big_file_reads_in_blocks(tmp_path, monkeypatch):
    import mlop_cli.sources.tb_events as tb_events

    monkeypatch.setattr(tb_events, "BLOCK_SIZE", 100)  # records straddle every block edge
    values = [float(i) for i in range(300)]
    path = write_events(tmp_path, tensor_scalar_events("loss", values))
    records = read_all(path)
    assert points_of(records)["loss"].values == values
    assert not events_of(records)
    assert all(isinstance(r, Points) for r in records)


def test_unreadable_path_is_a_warning_even_as_root(tmp_path):
    path = tmp_path / "events.out.tfevents.dir"
    path.mkdir()  # opening a folder fails with an OSError whoever we are
    reader = EventFileReader(path, clock=clock)
    (warning,) = reader.read_new(final=True)
    assert warning.kind == "tensorboard.unreadable" and warning.data["path"] == str(path)
    assert reader.read_new() == []
