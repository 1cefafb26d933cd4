"""The sources of a run behind one protocol: started beside the command, stopped in parallel
by one deadline; each adapter over the real source (real processes, real event files)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from mlop_cli import records as rec
from mlop_cli.run import RunOptions, Source
from mlop_cli.run.recording import Recording
from mlop_cli.run.sources import (
    ConsoleSource,
    ContextSource,
    SystemSource,
    TensorBoardFilesSource,
    stop_sources,
)
from tests.conftest import eventually
from tests.tb_writers import simple_scalar_events, write_events


class _Gated:
    """A source whose stop waits for another's stop to have begun (or gives up at its deadline)."""

    def __init__(self, name: str, began: threading.Event, other: threading.Event | None) -> None:
        self.name = name
        self.began = began
        self.other = other
        self.deadlines: list[float] = []

    def start(self) -> None:
        pass

    def stop(self, deadline: float) -> None:
        self.deadlines.append(deadline)
        self.began.set()
        if self.other is not None:
            self.other.wait(max(0.0, deadline - time.monotonic()))

    def summary(self) -> dict[str, Any]:
        return {self.name: "stopped"} if self.other is None or self.other.is_set() else {}


def test_sources_stop_in_parallel_by_one_deadline() -> None:
    first_began, second_began = threading.Event(), threading.Event()
    # The first waits for the second to begin stopping: one at a time, it would be late.
    first = _Gated("first", first_began, second_began)
    second = _Gated("second", second_began, None)
    sources: list[Source] = [first, second]
    deadline = time.monotonic() + 60
    errors: list[tuple[str, str]] = []
    summary = stop_sources(sources, deadline, lambda name, message: errors.append((name, message)))
    assert errors == []
    assert summary == {"first": "stopped", "second": "stopped"}
    assert first.deadlines == second.deadlines == [deadline]


class _Stuck:
    name = "stuck"

    def __init__(self) -> None:
        self.release = threading.Event()

    def start(self) -> None:
        pass

    def stop(self, deadline: float) -> None:
        self.release.wait(120)  # ignores its deadline, as a hung drain would

    def summary(self) -> dict[str, Any]:
        raise AssertionError("a late source's summary is not asked for")


class _Broken:
    name = "broken"

    def start(self) -> None:
        pass

    def stop(self, deadline: float) -> None:
        raise OSError("NVML: GPU is lost")

    def summary(self) -> dict[str, Any]:
        raise AssertionError("a failed source's summary is not asked for")


def test_a_late_or_failing_source_is_reported_and_never_holds_the_exit() -> None:
    stuck = _Stuck()
    errors: list[tuple[str, str]] = []
    try:
        summary = stop_sources(
            [stuck, _Broken()],
            time.monotonic() + 0.2,
            lambda name, message: errors.append((name, message)),
        )
    finally:
        stuck.release.set()
    assert summary == {}
    assert dict(errors) == {
        "stuck": "did not finish in time; its last data may be missing",
        "broken": "NVML: GPU is lost",
    }


def _options(tmp_path: Path, **fields: Any) -> RunOptions:
    return RunOptions(
        argv=["python", "train.py"], store=tmp_path / "store" / "mlop.db", cwd=tmp_path, **fields
    )


def test_system_source_samples_the_command_and_summarises(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    records: list[Any] = []
    warnings: list[str] = []
    try:
        source = SystemSource(
            _options(tmp_path, sample_interval=0.05), records.append, warnings.append, child.pid
        )
        source.start()
        eventually(
            lambda: any(isinstance(r, rec.Points) and r.source == rec.SYSTEM for r in records),
            what="a system sample",
        )
        source.stop(time.monotonic() + 30)
        summary = source.summary()
    finally:
        child.kill()
        child.wait()
    assert warnings == []
    assert summary["interval_s"] == 0.05 and "gpus" in summary
    assert any(isinstance(r, rec.ContextUpdate) and "system_inventory" in r.values for r in records)


def test_a_source_that_cannot_start_warns_and_the_run_goes_on(tmp_path: Path) -> None:
    records: list[Any] = []
    warnings: list[str] = []
    # An interval the sampler refuses (the CLI never passes one): the source says so, once.
    source = SystemSource(
        _options(tmp_path, sample_interval=0.0), records.append, warnings.append, 1
    )
    source.start()
    source.stop(time.monotonic() + 1)
    assert source.summary() == {}
    assert len(warnings) == 1 and warnings[0].startswith("system metrics will not be sampled")


def test_tensorboard_source_reads_only_what_is_written_after_launch(tmp_path: Path) -> None:
    write_events(tmp_path / "logs" / "earlier", simple_scalar_events("before", [1.0, 2.0]))
    records: list[Any] = []
    warnings: list[str] = []
    source = TensorBoardFilesSource(_options(tmp_path), records.append, warnings.append, "r1")
    source.before_launch()
    source.start()
    write_events(tmp_path / "logs" / "this", simple_scalar_events("after", [3.0, 4.0]))
    source.stop(time.monotonic() + 30)
    names = {r.metric for r in records if isinstance(r, rec.Points)}
    assert any("after" in name for name in names), names
    assert not any("before" in name for name in names), names
    assert warnings == [] and source.summary() == {}


def test_context_source_puts_the_slow_context_and_is_waited_for(tmp_path: Path) -> None:
    from mlop_cli.redact import Scrubber

    records: list[Any] = []
    source = ContextSource(_options(tmp_path), records.append, Scrubber([]), records.append)
    source.start()
    source.stop(time.monotonic() + 120)
    updates = [r for r in records if isinstance(r, rec.ContextUpdate)]
    assert updates and source.summary() == {}


def test_console_source_without_an_indexer_is_done_at_once(tmp_path: Path) -> None:
    source = ConsoleSource(_options(tmp_path), "r1", [].append)
    assert not source.started and source.indexer is None
    assert source.wait(time.monotonic()) is True
    source.end_of_run(3)  # nothing to tell: no error
    assert source.summary() == {}


class _Indexer:
    """The console source as the finish sees it: told the run ended, maybe waited for."""

    started = True

    def __init__(self) -> None:
        self.waited = False

    def end_of_run(self, stored_rows: int | None) -> None:
        self.told = stored_rows

    def wait(self, deadline: float) -> bool:
        self.waited = True
        return True


def _stored_console(tmp_path: Path, data: bytes) -> tuple[Recording, int]:
    """A recording whose writer stored ``data`` as the console, and nothing indexed yet."""
    from mlop_cli.run.storing import open_writer
    from mlop_cli.store.writer import RunStart

    recording = Recording(_options(tmp_path))
    recording.run_id = "r1"
    writer = open_writer(recording.options.store, "r1", [], lambda message: None)
    assert writer is not None
    writer.put(RunStart({"id": "r1", "name": "r1", "status": "running", "started_at": time.time()}))
    for start in range(0, len(data), 65536):
        writer.put(rec.LogChunk(1, time.time(), data[start : start + 65536]))
    stats = writer.close(120)
    return recording, stats.stored_rows


def test_the_finish_waits_for_an_indexer_that_kept_up(tmp_path: Path) -> None:
    recording, rows = _stored_console(tmp_path, b"step=1 loss=0.5\n" * 100)
    recording.console = indexer = _Indexer()  # type: ignore[assignment]
    assert recording._console_indexed(rows, time.monotonic() + 60) is True
    assert indexer.waited and indexer.told == rows


def test_the_finish_does_not_wait_for_an_indexer_far_behind(tmp_path: Path) -> None:
    """1M lines flat out: the indexer is megabytes behind when the command ends and cannot
    finish in the grace; waiting for it cost every such run 0.3 s of exit, for nothing."""
    recording, rows = _stored_console(tmp_path, b"step=1 loss=0.5\n" * 400_000)
    recording.console = indexer = _Indexer()  # type: ignore[assignment]
    assert recording._console_indexed(rows, time.monotonic() + 60) is False
    assert not indexer.waited and indexer.told == rows
    # Console handed over (the writer could not store it all): read once mlop has exited.
    recording.console = indexer = _Indexer()  # type: ignore[assignment]
    assert recording._console_indexed(None, time.monotonic() + 60) is False
    assert not indexer.waited


def test_the_git_context_never_writes_the_users_repository(tmp_path: Path) -> None:
    """Reading the git context must not rewrite `.git/index` (git status refreshes it as it
    reads, taking index.lock: a race with the user's own git commands, and a lock left behind
    when mlop's limits cut git short)."""
    import os

    from mlop_cli.context import git_context

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "train.py").write_text("print('loss=1')\n")
    git("add", "train.py")
    git("-c", "user.name=u", "-c", "user.email=u@x", "commit", "-qm", "first")
    index = tmp_path / ".git" / "index"
    os.utime(tmp_path / "train.py", (1, 1))  # stale in the index: a refresh would rewrite it
    before = index.stat().st_mtime_ns, index.read_bytes()
    found = git_context(tmp_path)
    assert found is not None and found.get("commit")
    assert (index.stat().st_mtime_ns, index.read_bytes()) == before
    assert not (tmp_path / ".git" / "index.lock").exists()
