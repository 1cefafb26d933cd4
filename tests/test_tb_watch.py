"""TensorBoardSource (live discovery and tailing) and import_tree, on real event files."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from mlop_cli.records import Event, Points
from mlop_cli.sources.tb_watch import (
    TensorBoardSource,
    import_tree,
    scan_tree,
    snapshot_event_files,
)
from tests.conftest import eventually
from tests.tb_writers import (
    record_offsets,
    run_writer,
    simple_scalar_events,
    tensorboard_writer_script,
    write_events,
)

# Generous bounds: these wait for discovery, they do not measure it (the benchmark does).
DEADLINE_S = 120.0


class Collector:
    """A thread-safe sink that can wait for points."""

    def __init__(self) -> None:
        self.records: list = []
        self.lock = threading.Lock()

    def __call__(self, record) -> None:
        with self.lock:
            self.records.append(record)

    def points(self) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        with self.lock:
            for record in self.records:
                if isinstance(record, Points):
                    found.setdefault(record.metric, []).extend(record.values)
        return found

    def events(self) -> list[Event]:
        with self.lock:
            return [r for r in self.records if isinstance(r, Event)]

    def wait_for(self, metric: str, count: int) -> float:
        """Seconds until ``metric`` had ``count`` values; fails after the deadline."""
        started = time.monotonic()
        while time.monotonic() - started < DEADLINE_S:
            if len(self.points().get(metric, [])) >= count:
                return time.monotonic() - started
            time.sleep(0.02)
        pytest.fail(f"{metric}: {self.points().get(metric)} after {DEADLINE_S} s")


def started_source(root: Path, sink: Collector, **kwargs) -> TensorBoardSource:
    source = TensorBoardSource([root], sink, **kwargs)
    source.start()
    assert source.ready.wait(DEADLINE_S)
    return source


@pytest.mark.parametrize(
    "mode",
    [
        # Polls so rarely (beyond the deadline) that only inotify can find the file in time.
        {"use_watchdog": True, "poll_interval": 3600.0},
        {"use_watchdog": False, "poll_interval": 0.2},
    ],
    ids=["watchdog", "polling"],
)
def test_live_discovery_of_a_new_run_folder(tmp_path, mode):
    sink = Collector()
    source = started_source(tmp_path, sink, **mode)
    try:
        write_events(tmp_path / "runs" / "Jan01_host", simple_scalar_events("loss", [3.0, 2.0]))
        sink.wait_for("loss", 2)
        # A second file in the same folder (a restart) is read too, under the same name.
        write_events(tmp_path / "runs" / "Jan01_host", simple_scalar_events("loss", [1.0]))
        sink.wait_for("loss", 3)
    finally:
        source.stop()
    assert sink.points() == {"loss": [3.0, 2.0, 1.0]}
    assert not sink.events()
    assert source._observer is None


def test_growing_file_is_tailed(tmp_path):
    full = write_events(tmp_path / "source", simple_scalar_events("acc", [0.5, 0.25, 0.125, 2.0]))
    data = full.read_bytes()
    cut = record_offsets(full)[2] + 5  # file_version, 0.5, and a piece of 0.25
    root = tmp_path / "root"
    (root / "logs").mkdir(parents=True)
    sink = Collector()
    source = started_source(root, sink, use_watchdog=False, poll_interval=0.1)
    target = root / "logs" / full.name
    try:
        target.write_bytes(data[:cut])
        sink.wait_for("acc", 1)
        with open(target, "ab") as handle:
            handle.write(data[cut:])
        sink.wait_for("acc", 4)
    finally:
        source.stop()
    assert sink.points() == {"acc": [0.5, 0.25, 0.125, 2.0]}


def test_old_files_are_not_imported_only_what_they_gain(tmp_path):
    full = write_events(tmp_path / "source", simple_scalar_events("loss", [1.0, 2.0, 3.0]))
    data = full.read_bytes()
    offsets = record_offsets(full)
    root = tmp_path / "root"
    old = root / "runs" / "old" / full.name
    old.parent.mkdir(parents=True)
    old.write_bytes(data[: offsets[3]])  # file_version, 1.0, 2.0
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    untouched = write_events(root / "runs" / "older", simple_scalar_events("acc", [0.5]))
    os.utime(untouched, (an_hour_ago, an_hour_ago))
    sink = Collector()
    source = started_source(root, sink, use_watchdog=False, poll_interval=0.1)
    try:
        # A pause for a few polls to find nothing old (a busy machine only makes them fewer;
        # the final assert below catches old points read at any time).
        time.sleep(0.3)
        assert sink.points() == {}
        with open(old, "ab") as handle:
            handle.write(data[offsets[3] :])
        sink.wait_for("loss", 1)
    finally:
        source.stop()
    assert sink.points() == {"loss": [3.0]}


def test_a_file_written_just_before_the_start_belongs_to_the_earlier_run(tmp_path):
    """Back-to-back runs in one folder: the first run's file is seconds old, not read."""
    run_writer(tensorboard_writer_script({"tb": {"loss": [9.0, 8.0, 7.0]}}), tmp_path)
    sink = Collector()
    source = started_source(tmp_path, sink, use_watchdog=False, poll_interval=60.0)
    run_writer(tensorboard_writer_script({"tb": {"loss": [1.0, 0.5]}}), tmp_path)
    source.stop(drain=True)
    assert sink.points() == {"loss": [1.0, 0.5]}


def test_only_bytes_appended_after_the_start_are_read_from_a_recent_file(tmp_path):
    full = write_events(tmp_path / "source", simple_scalar_events("loss", [1.0, 2.0, 3.0]))
    data = full.read_bytes()
    offsets = record_offsets(full)
    target = tmp_path / "root" / "tb" / full.name
    target.parent.mkdir(parents=True)
    target.write_bytes(data[: offsets[3]])  # written just now, by the earlier run
    sink = Collector()
    source = started_source(tmp_path / "root", sink, use_watchdog=False, poll_interval=60.0)
    with open(target, "ab") as handle:
        handle.write(data[offsets[3] :])
    source.stop(drain=True)
    assert sink.points() == {"loss": [3.0]}


@pytest.mark.parametrize("order", ["snapshot-child-start", "start-child"])
def test_a_child_writing_at_once_is_read_whole_in_either_order(tmp_path, order):
    """The snapshot is taken before the command starts; the watcher thread may come later,
    after the command has written (and even closed) its file."""
    sink = Collector()
    argv = [sys.executable, "-c", CHILD, str(tmp_path / "runs" / "a"), "50"]
    if order == "snapshot-child-start":
        snapshot = snapshot_event_files([tmp_path])
        subprocess.run(argv, check=True)
        source = TensorBoardSource(
            [tmp_path], sink, use_watchdog=False, poll_interval=60.0, snapshot=snapshot
        )
        source.start()
    else:
        source = started_source(tmp_path, sink, use_watchdog=False, poll_interval=60.0)
        subprocess.run(argv, check=True)
    source.stop(drain=True)
    assert sink.points() == {"loss": [float(step) for step in range(50)]}


@pytest.mark.parametrize("how", ["replaced", "rewritten in place", "rewritten, same size"])
def test_a_file_replaced_under_the_same_name_is_read_from_its_start(tmp_path, how):
    """CatBoost writes catboost_info/learn/events.out.tfevents again in every training;
    tensorboardX names a file by the second and the host: two runs started in one second
    truncate and write one path, to the same size when they log alike (a sweep's runs)."""
    target = tmp_path / "catboost_info" / "learn" / "events.out.tfevents"
    old = write_events(tmp_path / "old", simple_scalar_events("Logloss", [0.875, 0.75]))
    target.parent.mkdir(parents=True)
    target.write_bytes(old.read_bytes())
    an_hour_ago = time.time() - 3600
    os.utime(target, (an_hour_ago, an_hour_ago))
    values = [0.625, 0.5] if how == "rewritten, same size" else [0.625, 0.5, 0.375, 0.25]
    new = write_events(tmp_path / "new", simple_scalar_events("Logloss", values))
    sink = Collector()
    root = tmp_path / "catboost_info"
    if how == "rewritten, same size":
        # Rewritten after the snapshot and before the watcher's first look (which could
        # otherwise see it empty, between the truncation and the write).
        snapshot = snapshot_event_files([root])
        assert new.stat().st_size == target.stat().st_size
        with open(target, "wb") as handle:  # as tensorboardX opens it: truncated, same inode
            handle.write(new.read_bytes())
        source = TensorBoardSource(
            [root], sink, use_watchdog=False, poll_interval=60.0, snapshot=snapshot
        )
        source.start()
    else:
        source = started_source(root, sink, use_watchdog=False, poll_interval=60)
    if how == "replaced":
        os.replace(new, target)
    elif how == "rewritten in place":
        with open(target, "r+b") as handle:  # same inode, longer content
            handle.write(new.read_bytes())
    source.stop(drain=True)
    assert sink.points() == {"Logloss": values}
    assert not sink.events()


def test_folders_the_snapshot_had_no_time_for_are_judged_by_modification_time(tmp_path):
    old = write_events(tmp_path / "runs" / "old", simple_scalar_events("loss", [1.0]))
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    snapshot = snapshot_event_files([tmp_path], budget_s=-1.0)
    assert snapshot.files == {} and snapshot.unlisted == [str(tmp_path)]
    sink = Collector()
    source = TensorBoardSource(
        [tmp_path], sink, use_watchdog=False, poll_interval=60.0, snapshot=snapshot
    )
    source.start()
    write_events(tmp_path / "runs" / "new", simple_scalar_events("acc", [0.5]))
    source.stop(drain=True)
    assert sink.points() == {"acc": [0.5]}


def test_the_snapshot_walks_likely_tensorboard_folders_first(tmp_path):
    for index in range(30):
        (tmp_path / "data" / f"shard{index}").mkdir(parents=True)
    kept = write_events(tmp_path / "lightning_logs" / "version_0", simple_scalar_events("l", [1]))
    result = scan_tree(tmp_path, max_entries=4)
    assert result.truncated and result.files == [str(kept)]
    assert str(tmp_path / "data") in result.unlisted


def test_names_stay_stable_when_a_second_folder_appears(tmp_path):
    sink = Collector()
    source = started_source(tmp_path, sink, use_watchdog=False, poll_interval=0.1)
    try:
        write_events(tmp_path / "logs" / "train", simple_scalar_events("loss", [1.0]))
        sink.wait_for("loss", 1)
        write_events(tmp_path / "logs" / "validation", simple_scalar_events("loss", [2.0]))
        sink.wait_for("logs/validation/loss", 1)
        write_events(tmp_path / "logs" / "train", simple_scalar_events("loss", [3.0]))
        write_events(tmp_path, simple_scalar_events("lr", [0.5]))  # the root: never prefixed
        sink.wait_for("lr", 1)
        sink.wait_for("loss", 2)
    finally:
        source.stop()
    assert sink.points() == {"loss": [1.0, 3.0], "logs/validation/loss": [2.0], "lr": [0.5]}


def test_folders_found_together_are_all_prefixed(tmp_path):
    sink = Collector()
    source = started_source(tmp_path, sink, use_watchdog=False, poll_interval=60.0)
    write_events(tmp_path / "train", simple_scalar_events("loss", [1.0]))
    write_events(tmp_path / "eval", simple_scalar_events("loss", [2.0]))
    source.stop(drain=True)
    assert sink.points() == {"train/loss": [1.0], "eval/loss": [2.0]}


def test_always_prefix(tmp_path):
    sink = Collector()
    source = started_source(tmp_path, sink, poll_interval=60.0, always_prefix=True)
    write_events(tmp_path / "lightning_logs" / "version_0", simple_scalar_events("loss", [1.0]))
    source.stop(drain=True)
    assert sink.points() == {"lightning_logs/loss": [1.0]}


CHILD = textwrap.dedent(
    """
    import sys
    from tensorboard.summary import Writer
    writer = Writer(sys.argv[1])
    for step in range(int(sys.argv[2])):
        writer.add_scalar("loss", float(step), step)
    writer.close()
    """
)


def test_drain_on_stop_reads_everything_a_child_wrote(tmp_path):
    sink = Collector()
    # Neither inotify nor polling gets a chance: only the drain can read the file.
    source = started_source(tmp_path, sink, use_watchdog=False, poll_interval=60.0)
    subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "runs" / "a"), "500"], check=True)
    source.stop(drain=True)
    assert sink.points() == {"loss": [float(step) for step in range(500)]}


def test_stop_without_drain_reads_nothing_more(tmp_path):
    sink = Collector()
    source = started_source(tmp_path, sink, use_watchdog=False, poll_interval=60.0)
    write_events(tmp_path / "runs", simple_scalar_events("loss", [1.0]))
    source.stop(drain=False)
    assert sink.points() == {}


def test_skipped_folders(tmp_path):
    for folder in [".git/x", ".mlop", "venv", "node_modules/p", "__pycache__", "lib/site-packages"]:
        write_events(tmp_path / folder, simple_scalar_events("loss", [1.0]))
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    kept = write_events(tmp_path / "runs" / "x", simple_scalar_events("loss", [1.0]))
    assert scan_tree(tmp_path).files == [str(kept)]


def test_scan_limits(tmp_path):
    deep = tmp_path / "a" / "b" / "c"
    write_events(deep, simple_scalar_events("loss", [1.0]))
    assert scan_tree(tmp_path, max_depth=2).files == []
    assert len(scan_tree(tmp_path, max_depth=3).files) == 1
    limited = scan_tree(tmp_path, max_entries=2)
    assert limited.truncated and limited.files == []


def test_missing_root_and_failing_sink_do_not_raise(tmp_path):
    calls = []

    def sink(record):
        calls.append(record)
        raise RuntimeError("disk full")

    source = TensorBoardSource([tmp_path / "not-yet"], sink, poll_interval=0.05)
    source.start()
    assert source.ready.wait(DEADLINE_S)
    write_events(tmp_path / "not-yet" / "run", simple_scalar_events("loss", [1.0]))
    eventually(lambda: any(isinstance(r, Points) for r in calls), what="the points offered")
    source.stop(drain=True)
    assert any(isinstance(r, Points) for r in calls)


def test_import_tree_one_run_per_training_or_single(tmp_path):
    # Two trainings: two processes wrote runs/a and runs/b (b twice: a restarted writer).
    run_writer(tensorboard_writer_script({"runs/a": {"loss": [1.0, 2.0]}}), tmp_path)
    run_writer(tensorboard_writer_script({"runs/b": {"loss": [3.0]}}), tmp_path)
    write_events(tmp_path / "runs" / "b", simple_scalar_events("acc", [0.5]))
    total = sum(p.stat().st_size for p in tmp_path.rglob("events.out.tfevents.*"))

    runs = import_tree(tmp_path, single=False)
    assert [run.folder for run in runs] == [tmp_path / "runs" / "a", tmp_path / "runs" / "b"]
    metrics = [{r.metric: r.values for r in run.records if isinstance(r, Points)} for run in runs]
    assert metrics == [{"loss": [1.0, 2.0]}, {"loss": [3.0], "acc": [0.5]}]

    progress: list[tuple[int, int]] = []
    (run,) = import_tree(tmp_path, single=True, progress=lambda d, t: progress.append((d, t)))
    found: dict[str, list[float]] = {}
    for record in run.records:
        assert isinstance(record, Points)
        found.setdefault(record.metric, []).extend(record.values)
    assert run.folder == tmp_path
    assert found == {"runs/a/loss": [1.0, 2.0], "runs/b/loss": [3.0], "runs/b/acc": [0.5]}
    assert progress[-1] == (total, total)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_import_tree_single_folder_keeps_bare_tags(tmp_path):
    write_events(tmp_path / "runs" / "only", simple_scalar_events("loss", [1.0]))
    (run,) = import_tree(tmp_path, single=True)
    assert [r.metric for r in run.records] == ["loss"]


def test_import_tree_skipped_training_counts_as_done(tmp_path):
    write_events(tmp_path / "lightning_logs" / "version_0", simple_scalar_events("loss", [1.0]))
    write_events(tmp_path / "lightning_logs" / "version_1", simple_scalar_events("loss", [2.0]))
    total = sum(p.stat().st_size for p in tmp_path.rglob("events.out.tfevents.*"))
    progress: list[tuple[int, int]] = []
    first, second = import_tree(
        tmp_path, single=False, progress=lambda d, t: progress.append((d, t))
    )
    first.skip()
    assert [r.values for r in second.records if isinstance(r, Points)] == [[2.0]]
    assert progress[-1] == (total, total)


def test_the_last_pass_is_made_by_the_caller_when_the_watcher_is_held_back(tmp_path, monkeypatch):
    """`mlop run` lowers the watcher thread's priority: on a busy machine it may not get the
    CPU before mlop exits. stop() reads the files itself, after waiting for the watcher's
    current pass no longer than its deadline (here, a watcher that never gets past its
    first scan)."""
    import mlop_cli.sources.tb_watch as tb_watch

    released = threading.Event()
    entered = threading.Event()
    real_scan = tb_watch.scan_tree

    def held_scan(root, **kwargs):
        if threading.current_thread().name == tb_watch.THREAD_NAME:
            entered.set()
            released.wait(DEADLINE_S)
        return real_scan(root, **kwargs)

    monkeypatch.setattr(tb_watch, "scan_tree", held_scan)
    sink = Collector()
    source = TensorBoardSource([tmp_path], sink, use_watchdog=False, poll_interval=0.05)
    source.start()
    try:
        assert entered.wait(DEADLINE_S)
        write_events(tmp_path / "tb", simple_scalar_events("loss", [4.0, 2.0, 1.0]))
        stopper = threading.Thread(
            target=source.stop, kwargs={"drain": True, "deadline": time.monotonic()}
        )
        stopper.start()
        stopper.join(DEADLINE_S)
        assert not stopper.is_alive()
        assert sink.points() == {"loss": [4.0, 2.0, 1.0]}
    finally:
        released.set()
