"""TensorBoard files written by a real child under `mlop run`, and `mlop import`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PYTHON, eventually, run_mlop, start_run
from tests.tb_writers import (
    SUMMARY_WRITERS,
    run_writer,
    summary_writer_script,
    tensorboard_writer_script,
    write_events,
)

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


def _tensorboard_metrics(store: Path, run: str) -> dict[str, dict]:
    shown = json.loads(run_mlop("show", run, "--json", store=store).stdout)
    return {name: m for name, m in shown["metrics"].items() if m["source"] == "tensorboard"}


def _series(store: Path, run: str, metric: str) -> list[float]:
    exported = run_mlop("export", run, "--format", "jsonl", "--metric", metric, store=store)
    assert exported.returncode == 0, exported.stderr
    return [json.loads(line)["value"] for line in exported.stdout.splitlines()]


@pytest.mark.parametrize("layout", ["one folder", "lightning version_N"])
def test_back_to_back_runs_in_one_folder_hold_only_their_own_points(
    store: Path, tmp_path: Path, layout: str
) -> None:
    """A sweep: the second run starts within a second of the first one's end."""
    for index, values in enumerate(([9.0, 8.0, 7.0], [1.0, 0.5])):
        folder = "tb" if layout == "one folder" else f"lightning_logs/version_{index}"
        argv = tensorboard_writer_script({folder: {"train_loss": values}})
        result = run_mlop(
            "run", "-q", "--name", f"sweep{index}", "--", *argv, store=store, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
    for index, values in enumerate(([9.0, 8.0, 7.0], [1.0, 0.5])):
        assert set(_tensorboard_metrics(store, f"sweep{index}")) == {"train_loss"}
        assert _series(store, f"sweep{index}", "train_loss") == values


WRITE_UNTIL_TOLD = """
import os, sys, time
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.compat.proto.summary_pb2 import Summary
from tensorboard.compat.proto.event_pb2 import Event
name, base = sys.argv[1], float(sys.argv[2])
writer = EventFileWriter('runs/' + name)  # (SummaryWriter's default folder: runs/<date>_<host>)
step = 0
while not os.path.exists('stop_' + name) and step < 20000:
    for tag, value in (('train/loss', base + step), ('val/loss', base + 1000 + step)):
        summary = Summary(value=[Summary.Value(tag=tag, simple_value=value)])
        writer.add_event(Event(wall_time=time.time(), step=step, summary=summary))
    writer.flush()
    step += 1
    time.sleep(0.02)
writer.close()
"""


def test_runs_at_once_in_one_folder_never_read_each_others_event_files(
    store: Path, tmp_path: Path
) -> None:
    """A sweep launched in parallel: two runs in one folder, each command writing its own
    event files under `runs/` while the other runs. Each run holds only its own points."""

    def files(name: str) -> list[Path]:
        return list((tmp_path / "runs" / name).glob("events.out.tfevents.*"))

    first = start_run(
        store, PYTHON, "-c", WRITE_UNTIL_TOLD, "a", "0", mlop_args=("--name", "a"), cwd=tmp_path
    )
    eventually(lambda: files("a"), what="the first run's event file")
    second = start_run(
        store, PYTHON, "-c", WRITE_UNTIL_TOLD, "b", "500", mlop_args=("--name", "b"), cwd=tmp_path
    )
    eventually(lambda: files("b"), what="the second run's event file")

    # The second run's watcher has looked at every file (its own is stored) while the first
    # still writes; the first ends while the second still writes.
    def stored(run: str) -> bool:
        shown = run_mlop("show", run, "--json", store=store)
        metrics = json.loads(shown.stdout)["metrics"] if shown.returncode == 0 else {}
        return any(m["source"] == "tensorboard" for m in metrics.values())

    eventually(lambda: stored("b"), what="the second run's points stored")
    (tmp_path / "stop_a").touch()
    assert first.wait(timeout=300) == 0, first.stderr.read() if first.stderr else ""
    (tmp_path / "stop_b").touch()
    assert second.wait(timeout=300) == 0, second.stderr.read() if second.stderr else ""
    for run, low in (("a", 0.0), ("b", 500.0)):
        assert set(_tensorboard_metrics(store, run)) == {"train/loss", "val/loss"}
        train = _series(store, run, "train/loss")
        assert train and all(low <= v < low + 500 for v in train), (run, train[:5])


def test_a_command_that_writes_its_event_file_at_once_is_read_whole(
    store: Path, tmp_path: Path
) -> None:
    """`cp` creates the file within milliseconds, likely before mlop's watcher thread looks:
    the snapshot taken before the command started does not know it, so it is the run's."""
    from tests.tb_writers import simple_scalar_events

    made = write_events(tmp_path / "made", simple_scalar_events("loss", [4.0, 2.0, 1.0]))
    work = tmp_path / "work"
    work.mkdir()
    script = f"mkdir -p tb && cp '{made}' tb/"
    result = run_mlop(
        "run", "-q", "--name", "quick", "--", "sh", "-c", script, store=store, cwd=work
    )
    assert result.returncode == 0, result.stderr
    assert _series(store, "quick", "loss") == [4.0, 2.0, 1.0]


@pytest.mark.parametrize("writer", SUMMARY_WRITERS)
def test_summary_writer_metric_names_are_the_same_in_every_run(
    store: Path, tmp_path: Path, writer: str
) -> None:
    """SummaryWriter()'s runs/<date>_<host> and add_hparams' time folder never become names."""
    for index, final in enumerate((1.5, 0.5)):
        runs = [
            {
                "values": [3.0 - index, 2.0 - index],
                "hparams": {"lr": 0.5 + index},
                "metrics": {"hparam/eval_loss": final},
            }
        ]
        argv = summary_writer_script(writer, runs)
        result = run_mlop(
            "run", "-q", "--name", f"hp{index}", "--", *argv, store=store, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
    for index, final in enumerate((1.5, 0.5)):
        metrics = _tensorboard_metrics(store, f"hp{index}")
        assert set(metrics) == {"train_loss", "hparam/eval_loss"}
        assert _series(store, f"hp{index}", "train_loss") == [3.0 - index, 2.0 - index]
        assert metrics["hparam/eval_loss"]["last"] == final


def test_import_makes_one_run_per_training(store: Path, tmp_path: Path) -> None:
    """CHILD writes tb/train and tb/val in one process: one training, one run."""
    work = tmp_path / "work"
    work.mkdir()
    import subprocess

    subprocess.run([PYTHON, "-c", CHILD], cwd=work, check=True, capture_output=True)
    result = run_mlop("import", str(work / "tb"), "--project", "old", "--json", store=store)
    assert result.returncode == 0, result.stderr
    imported = json.loads(result.stdout)
    assert [(item["name"], item["points"]) for item in imported] == [("tb", 210)]
    shown = json.loads(run_mlop("show", "tb", "--json", store=store).stdout)
    assert set(shown["metrics"]) == {"train/loss", "val/acc"}
    assert shown["project"] == "old"


def test_import_single_makes_one_run_of_several_trainings(store: Path, tmp_path: Path) -> None:
    for folder, values in (("version_0", [3.0, 2.0]), ("version_1", [1.0])):
        run_writer(
            tensorboard_writer_script({f"lightning_logs/{folder}": {"loss": values}}), tmp_path
        )
    apart = json.loads(run_mlop("import", str(tmp_path), "--json", store=store).stdout)
    assert [(item["name"], item["points"]) for item in apart] == [
        ("lightning_logs/version_0", 2),
        ("lightning_logs/version_1", 1),
    ]
    result = run_mlop("import", str(tmp_path), "--single", "--name", "all", "--json", store=store)
    assert [(item["name"], item["points"]) for item in json.loads(result.stdout)] == [("all", 3)]
    shown = json.loads(run_mlop("show", "all", "--json", store=store).stdout)
    # Two trainings in one run: their series are never merged.
    assert set(shown["metrics"]) == {"lightning_logs/loss", "lightning_logs/version_1/loss"}


@pytest.mark.parametrize("writer", SUMMARY_WRITERS)
def test_import_of_summary_writer_and_add_hparams_is_one_run_with_stable_names(
    store: Path, tmp_path: Path, writer: str
) -> None:
    runs = [{"values": [3.0, 2.0], "hparams": {"lr": 0.5}, "metrics": {"hparam/eval_loss": 1.5}}]
    run_writer(summary_writer_script(writer, runs), tmp_path)
    result = run_mlop("import", str(tmp_path / "runs"), "--json", store=store)
    assert result.returncode == 0, result.stderr
    (imported,) = json.loads(result.stdout)
    assert imported["points"] == 3
    shown = json.loads(run_mlop("show", imported["id"], "--json", store=store).stdout)
    assert set(shown["metrics"]) == {"train_loss", "hparam/eval_loss"}
    assert shown["params"]["lr"] == 0.5


def test_importing_the_same_files_again_is_a_no_op_that_says_so(
    store: Path, tmp_path: Path
) -> None:
    logs = tmp_path / "lightning_logs"
    for folder, values in (("version_0", [3.0, 2.0]), ("version_1", [1.0])):
        run_writer(
            tensorboard_writer_script({f"lightning_logs/{folder}": {"loss": values}}), tmp_path
        )
    first = run_mlop("import", str(logs), store=store)
    assert first.returncode == 0, first.stderr

    def run_ids() -> list[str]:
        listed = run_mlop("ls", "--json", "--limit", "0", "--runs", store=store)
        return sorted(run["id"] for run in json.loads(listed.stdout))

    before = run_ids()
    assert len(before) == 2
    again = run_mlop("import", str(logs), store=store)
    assert again.returncode == 0, again.stderr
    assert again.stderr.count(b"in the store already") == 2
    assert b"nothing new to import" in again.stderr
    assert run_ids() == before
    # The same files moved elsewhere are still the same files; --json says so too.
    moved = tmp_path / "moved"
    logs.rename(moved)
    listed = json.loads(run_mlop("import", str(moved), "--json", store=store).stdout)
    assert [item.get("already_imported") for item in listed] == [True, True]
    assert run_ids() == before

    # A new training is imported, the old ones are not.
    run_writer(tensorboard_writer_script({"moved/version_2": {"loss": [0.5]}}), tmp_path)
    third = json.loads(run_mlop("import", str(moved), "--json", store=store).stdout)
    assert [(item["name"], item.get("already_imported", False)) for item in third] == [
        ("version_2", False),
        ("version_0", True),
        ("version_1", True),
    ]
    assert len(run_ids()) == 3

    # A training that grew since is imported again in full, with a warning naming the old run.
    (path,) = (moved / "version_1").glob("events.out.tfevents.*")
    from tests.tb_writers import simple_scalar_events

    extra = write_events(tmp_path / "extra", simple_scalar_events("loss", [0.25]))
    with open(path, "ab") as handle:
        handle.write(extra.read_bytes())
    grown = run_mlop("import", str(moved / "version_1"), "--json", store=store)
    assert [item["points"] for item in json.loads(grown.stdout)] == [2]  # 1.0, then 0.25
    assert b"grew since it was imported as run" in grown.stderr
    assert len(run_ids()) == 4


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
