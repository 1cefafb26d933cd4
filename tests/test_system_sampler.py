"""The sampler on real process trees (real subprocesses, real psutil), its schedule and cgroups."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psutil
import pytest

from mlop_cli.records import ContextUpdate, Event, Points
from mlop_cli.sources.system import (
    THREAD_NAME,
    ProcessTree,
    Schedule,
    SystemSampler,
    cgroup_cpu_quota,
)

MIB = 2**20

# A worker: holds ``MiB`` of touched memory, burns ``CPU`` seconds of CPU, says ready, and
# lives until its stdin closes (so nothing outlives the test).
WORKER = textwrap.dedent(
    """
    import sys, time
    block = b"x" * (int(sys.argv[1]) * 2**20)
    start = time.process_time()
    while time.process_time() - start < float(sys.argv[2]):
        pass
    print("ready", flush=True)
    sys.stdin.read()
    """
)

# The run's top process: spawns workers on request, answers with their pids.
PARENT = textwrap.dedent(
    """
    import subprocess, sys
    worker = sys.argv[1]
    workers = []
    for line in sys.stdin:
        command = line.split()
        if command[0] == "spawn":
            w = subprocess.Popen(
                [sys.executable, "-c", worker, command[1], command[2]],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            )
            w.stdout.readline()
            workers.append(w)
            print(w.pid, flush=True)
        elif command[0] == "reap":
            for w in workers:
                if w.pid == int(command[1]):
                    w.wait()
            print("reaped", flush=True)
        elif command[0] == "exit":
            print("bye", flush=True)
            break
    """
)


class Tree:
    """A real parent process that spawns workers when asked."""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-c", PARENT, WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.pid = self.process.pid
        self.workers: list[int] = []

    def ask(self, command: str) -> str:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def spawn(self, mib: int = 0, cpu_seconds: float = 0.0) -> int:
        pid = int(self.ask(f"spawn {mib} {cpu_seconds}"))
        self.workers.append(pid)
        return pid

    def close(self) -> None:
        for pid in [self.pid, *self.workers]:
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
        self.process.wait()


@pytest.fixture
def tree():
    tree = Tree()
    yield tree
    tree.close()


def test_tree_rss_includes_workers_memory_and_follows_workers_that_come_and_go(tree):
    sampler = ProcessTree(tree.pid)
    alone = sampler.sample(0.0)
    assert alone.processes == 1 and alone.pids == {tree.pid}

    big = tree.spawn(mib=200)
    small = tree.spawn(mib=0)
    with_workers = sampler.sample(1.0)
    assert with_workers.pids == {tree.pid, big, small}
    assert with_workers.rss_bytes >= alone.rss_bytes + 200 * MIB
    assert with_workers.threads >= 3
    assert with_workers.open_fds >= 3 * 3

    os.kill(big, 9)
    tree.ask(f"reap {big}")
    after = sampler.sample(2.0)
    assert after.pids == {tree.pid, small}
    assert after.rss_bytes < with_workers.rss_bytes - 150 * MIB

    late = tree.spawn(mib=50)
    assert late in sampler.sample(3.0).pids


def test_zombie_and_vanished_workers_do_not_break_the_sample(tree):
    sampler = ProcessTree(tree.pid)
    worker = tree.spawn(mib=100)
    sampler.sample(0.0)
    os.kill(worker, 9)  # not reaped: a zombie child of the parent
    deadline = time.monotonic() + 120
    while psutil.Process(worker).status() != psutil.STATUS_ZOMBIE and time.monotonic() < deadline:
        time.sleep(0.01)
    reading = sampler.sample(1.0)
    assert tree.pid in reading.pids
    assert reading.rss_bytes < 100 * MIB


def test_cpu_of_a_worker_born_between_samples_counts_whole(tree):
    sampler = ProcessTree(tree.pid)
    sampler.sample(10.0)
    tree.spawn(cpu_seconds=0.3)  # burns 0.3 s of CPU, then waits
    reading = sampler.sample(11.0)  # one (fake) second later
    assert reading.cpu_percent >= 30.0
    # Already-known processes count only what they used since: an idle tree is near zero.
    assert sampler.sample(12.0).cpu_percent < 30.0


def test_orphaned_workers_still_belong_to_the_run(tree):
    sampler = ProcessTree(tree.pid)
    worker = tree.spawn(mib=10)
    sampler.sample(0.0)
    assert tree.ask("exit") == "bye"
    tree.process.wait(timeout=120)
    reading = sampler.sample(1.0)
    assert reading.pids == {worker}  # reparented to init, still sampled


def test_missing_root_gives_na_not_an_error():
    pid = subprocess.Popen([sys.executable, "-c", "pass"]).pid
    os.waitpid(pid, 0)
    reading = ProcessTree(pid).sample(0.0)
    assert reading.processes == 0 and reading.rss_bytes is None and reading.cpu_percent is None


def test_access_denied_field_is_na_and_noted_once():
    notes = []
    tree = ProcessTree(os.getpid(), on_note=lambda kind, why: notes.append(kind))

    def denied():
        raise psutil.AccessDenied(pid=1)

    assert tree._optional(denied, "proc.io") is None
    assert notes == ["proc.io"]


def test_sampler_thread_emits_points_from_a_real_tree(tree, tmp_path):
    tree.spawn(mib=200)
    records: list = []
    sampler = SystemSampler(
        tree.pid,
        records.append,
        interval=0.05,
        paths={"store": tmp_path / "not-yet" / "mlop.db", "cwd": Path.cwd()},
        nvml=None,
    )
    sampler.start()
    try:
        assert THREAD_NAME in [t.name for t in threading.enumerate()]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            steps = {r.steps[0] for r in list(records) if isinstance(r, Points)}
            if len(steps) >= 3:
                break
            time.sleep(0.02)
    finally:
        sampler.stop()
    assert THREAD_NAME not in [t.name for t in threading.enumerate()]
    [context] = [r for r in records if isinstance(r, ContextUpdate)]
    assert context.values["system_inventory"]["cpu_logical"] == psutil.cpu_count()
    points = [r for r in records if isinstance(r, Points)]
    names = {p.metric for p in points}
    for expected in [
        "sys/proc/cpu_percent",
        "sys/proc/rss_bytes",
        "sys/proc/count",
        "sys/cpu_percent",
        "sys/core0/cpu_percent",
        "sys/mem_used_bytes",
        "sys/mem_available_bytes",
        "sys/net_recv_bytes_per_s",
        "sys/disk_read_bytes_per_s",
        "sys/fs/store/free_bytes",
        "sys/fs/cwd/free_percent",
    ]:
        assert expected in names
    assert all(p.source == "system" and len(p.values) == 1 for p in points)
    rss = [p.values[0] for p in points if p.metric == "sys/proc/rss_bytes"]
    assert min(rss) >= 200 * MIB
    steps = sorted({p.steps[0] for p in points})
    assert steps == list(range(len(steps)))
    assert not [r for r in records if isinstance(r, Event) and r.level in ("warning", "error")]
    summary = sampler.summary()
    assert summary["samples"] == len(steps)
    assert summary["proc_peak_rss_bytes"] == max(rss)


def test_schedule_is_drift_free_and_skips_missed_ticks():
    schedule = Schedule(1.0, start=100.0)
    assert schedule.advance(100.3) == pytest.approx(0.7)  # a 0.3 s sample does not shift ticks
    assert schedule.next == 101.0
    assert schedule.advance(101.9) == pytest.approx(0.1)
    # A 3.5 s stall: ticks 103, 104, 105 are dropped, not replayed in a burst.
    assert schedule.advance(105.5) == pytest.approx(0.5)
    assert (schedule.next, schedule.skipped) == (106.0, 3)
    with pytest.raises(ValueError):
        Schedule(0, start=0)


def test_sampler_loop_with_injected_clock_and_waiter():
    now = [50.0]
    sample_times: list[float] = []
    waits: list[float] = []
    jitter = iter([0.2, 0.05, 3.6, 0.1, 0.0, 0.0])

    def clock() -> float:
        return now[0]

    def wait(seconds: float) -> bool:
        waits.append(seconds)
        now[0] += seconds + next(jitter)  # late wake-ups, one long stall
        return len(waits) == 6

    def sink(record) -> None:
        if isinstance(record, Points) and record.metric == "sys/mem_used_bytes":
            sample_times.append(record.times[0])

    sampler = SystemSampler(os.getpid(), sink, clock=clock, wall_clock=clock, wait=wait, nvml=None)
    sampler.run()
    assert sample_times == pytest.approx([50.0, 51.2, 52.05, 56.6, 57.1, 58.0])
    # Each wait aims at the next whole tick: late wake-ups never accumulate into drift.
    assert waits == pytest.approx([1.0, 0.8, 0.95, 0.4, 0.9, 1.0])


def test_a_failing_sink_or_part_does_not_stop_sampling(monkeypatch):
    records = []

    def sink(record):
        records.append(record)
        if len(records) == 3:
            raise OSError("disk full")

    sampler = SystemSampler(os.getpid(), sink, nvml=None)

    def broken(*args):
        raise RuntimeError("psutil surprise")

    monkeypatch.setattr(psutil, "virtual_memory", broken)
    sampler.sample_once()
    sampler.sample_once()
    errors = [r for r in records if isinstance(r, Event) and r.kind == "system.error"]
    # Once per part, not per sample: the inventory and the machine part each said so once.
    assert sorted(e.data["field"] for e in errors) == [
        "error.inventory.RuntimeError",
        "error.machine.RuntimeError",
    ]
    assert all("psutil surprise" in e.message and e.level == "warning" for e in errors)
    assert any(isinstance(r, Points) and r.metric == "sys/proc/rss_bytes" for r in records[4:])


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_cgroup_v2_cpu_max(tmp_path):
    write(tmp_path / "cpu.max", "max 100000\n")
    write(tmp_path / "job" / "cpu.max", "150000 100000\n")
    write(tmp_path / "job" / "step" / "cpu.max", "max 100000\n")
    assert cgroup_cpu_quota(tmp_path, "0::/job/step\n") == 1.5
    assert cgroup_cpu_quota(tmp_path, "0::/\n") is None


def test_cgroup_v1_cfs_quota(tmp_path):
    write(tmp_path / "cpu,cpuacct" / "cpu.cfs_quota_us", "-1\n")
    write(tmp_path / "cpu,cpuacct" / "cpu.cfs_period_us", "100000\n")
    write(tmp_path / "cpu,cpuacct" / "docker" / "abc" / "cpu.cfs_quota_us", "50000\n")
    write(tmp_path / "cpu,cpuacct" / "docker" / "abc" / "cpu.cfs_period_us", "100000\n")
    proc = "4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n"
    assert cgroup_cpu_quota(tmp_path, proc) == 0.5
    assert cgroup_cpu_quota(tmp_path, "3:cpu,cpuacct:/\n") is None
    assert cgroup_cpu_quota(tmp_path / "nothing-here", "") is None


def test_cpu_relative_to_the_cgroup_limit(monkeypatch, tree):
    import mlop_cli.sources.system as system

    monkeypatch.setattr(system, "cgroup_cpu_quota", lambda: 0.5)
    now = [0.0]
    records = []
    sampler = SystemSampler(tree.pid, records.append, clock=lambda: now[0], nvml=None)
    sampler.sample_once()
    tree.spawn(cpu_seconds=0.2)
    now[0] = 1.0
    sampler.sample_once()
    last = {r.metric: r.values[0] for r in records if isinstance(r, Points)}
    assert last["sys/cpu_limit_cores"] == 0.5
    assert last["sys/proc/cpu_percent"] >= 20.0
    assert last["sys/proc/cpu_limit_percent"] == pytest.approx(last["sys/proc/cpu_percent"] / 0.5)
    assert sampler.inventory()["cgroup_cpu_quota_cores"] == 0.5


def test_descendants_from_children_files_equal_psutils_walk(tmp_path):
    """Children forked by any thread, and their children, as psutil finds them (reading every
    process on the machine)."""
    from mlop_cli.sources.system import descendant_pids

    script = (
        "import subprocess, sys, threading, time\n"
        "sleep = [sys.executable, '-c', 'import subprocess, sys, time; "
        'subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]); time.sleep(30)\']\n'
        "procs = [subprocess.Popen(sleep)]\n"
        "t = threading.Thread(target=lambda: procs.append(subprocess.Popen(sleep)))\n"
        "t.start(); t.join()\n"
        "print('ready', flush=True)\n"
        "time.sleep(30)\n"
    )
    root = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    try:
        assert root.stdout.readline() == b"ready\n"
        expected = {p.pid for p in psutil.Process(root.pid).children(recursive=True)}
        deadline = time.monotonic() + 120
        while len(expected) < 4 and time.monotonic() < deadline:  # grandchildren still starting
            time.sleep(0.05)
            expected = {p.pid for p in psutil.Process(root.pid).children(recursive=True)}
        assert len(expected) == 4
        found = descendant_pids(root.pid)
        assert found is not None and set(found) == expected
    finally:
        for process in psutil.Process(root.pid).children(recursive=True):
            process.kill()
        root.kill()
        root.wait()
