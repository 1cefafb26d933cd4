"""TensorBoard files written by a real child under `mlop run`, and `mlop import`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PYTHON, run_mlop

CHILD = """
import sys, time
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.compat.proto.summary_pb2 import Summary, HistogramProto
from tensorboard.compat.proto.event_pb2 import Event
train, val = EventFileWriter('tb/train'), EventFileWriter('tb/val')
for step in range(200):
    train.add_event(Event(wall_time=time.time(), step=step, summary=Summary(value=[Summary.Value(tag='loss', simple_value=1.0 / (step + 1))])))
    if step % 20 == 0:
        val.add_event(Event(wall_time=time.time(), step=step, summary=Summary(value=[Summary.Value(tag='acc', simple_value=step / 200)])))
        histo = HistogramProto(min=-1, max=1, num=10, sum=0, sum_squares=1, bucket_limit=[-0.5, 0.0, 0.5, 1.0], bucket=[1, 4, 4, 1])
        train.add_event(Event(wall_time=time.time(), step=step, summary=Summary(value=[Summary.Value(tag='grad/w', histo=histo)])))
        train.flush(); val.flush()
# no final flush of the last events before exit: close() flushes, mlop drains after the exit
train.close(); val.close()
print('done')
"""


def test_event_files_written_during_the_run_are_stored_completely(
    store: Path, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    result = run_mlop("run", "-q", "--", PYTHON, "-c", CHILD, store=store, cwd=work)
    assert result.returncode == 0, result.stderr
    shown = json.loads(run_mlop("show", "last", "--json", store=store).stdout)
    metrics = {
        name: item for name, item in shown["metrics"].items() if item["source"] == "tensorboard"
    }
    losses = [item for name, item in metrics.items() if name.endswith("loss")]
    accs = [item for name, item in metrics.items() if name.endswith("acc")]
    assert len(losses) == 1 and losses[0]["count"] == 200 and losses[0]["last_step"] == 199
    assert abs(losses[0]["last"] - 1 / 200) < 1e-6
    assert len(accs) == 1 and accs[0]["count"] == 10
    histograms = shown["histograms"]
    assert len(histograms) == 1 and next(iter(histograms.values()))["count"] == 10


def test_import_makes_one_run_per_event_folder(store: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    import subprocess

    subprocess.run([PYTHON, "-c", CHILD], cwd=work, check=True, capture_output=True)
    result = run_mlop("import", str(work / "tb"), "--project", "old", "--json", store=store)
    assert result.returncode == 0, result.stderr
    imported = json.loads(result.stdout)
    assert sorted(item["name"] for item in imported) == ["train", "val"]
    assert {item["name"]: item["points"] for item in imported} == {"train": 200, "val": 10}
    single = json.loads(
        run_mlop(
            "import", str(work / "tb"), "--single", "--name", "all", "--json", store=store
        ).stdout
    )
    assert len(single) == 1 and single[0]["points"] == 210
    shown = json.loads(run_mlop("show", "all", "--json", store=store).stdout)
    assert set(shown["metrics"]) == {"train/loss", "val/acc"}


def test_bare_event_file_names_are_read(store: Path, tmp_path: Path) -> None:
    """CatBoost writes `catboost_info/learn/events.out.tfevents`, with no suffix."""
    from tensorboard.compat.proto import summary_pb2

    from tests.tb_writers import summary_event, write_events

    for folder in ("learn", "test"):
        events = []
        for step in range(30):
            summary = summary_pb2.Summary()
            summary.value.add(tag="Logloss", simple_value=1 / (step + 1))
            events.append(summary_event(step, summary))
        path = write_events(tmp_path / "catboost_info" / folder, events)
        path.rename(path.parent / "events.out.tfevents")
    result = run_mlop("import", str(tmp_path / "catboost_info"), "--json", store=store)
    assert result.returncode == 0, result.stderr
    assert {item["name"]: item["points"] for item in json.loads(result.stdout)} == {
        "learn": 30,
        "test": 30,
    }


def test_import_of_a_folder_without_event_files_is_a_clear_error(
    store: Path, tmp_path: Path
) -> None:
    result = run_mlop("import", str(tmp_path), store=store)
    assert result.returncode == 2
    assert b"no TensorBoard event files" in result.stderr and b"Traceback" not in result.stderr
