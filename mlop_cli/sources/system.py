"""The system source: a sampler thread that measures the run's process tree, the machine and its
GPUs every ``interval`` seconds and emits one :class:`~mlop_cli.records.Points` per metric.

Metric names follow ``sys/[scope/]quantity_unit`` (see docs/system.md for the full table):
``sys/cpu_percent`` (machine), ``sys/proc/rss_bytes`` (the run's process tree),
``sys/gpu0/util_percent`` (GPU 0 as the run numbers it), ``sys/fs/store/free_bytes`` …

A value that cannot be read is NA: the point is skipped and, once per field kind, a debug
``Event`` says why. Nothing raised while sampling reaches the caller or stops the thread.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from mlop_cli.records import SYSTEM, ContextUpdate, Event, Points, Record, Sink
from mlop_cli.sources.diagnosis import (
    Diagnosis,
    DiagnosisThresholds,
    GpuReading,
    Sample,
    SummaryAccumulator,
)
from mlop_cli.sources.nvml_adapter import NvmlAdapter, Selection, select_visible_devices

THREAD_NAME = "mlop-system-sampler"
_SAFE_PROCESS_ERRORS = (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied)


# -- schedule ------------------------------------------------------------------------------


class Schedule:
    """A drift-free tick schedule (``next += interval``) that skips missed ticks.

    A slow sample (a swapping host, a hung NVML call) must not cause a burst of catch-up
    samples afterwards, so ticks already in the past are dropped, not replayed.
    """

    def __init__(self, interval: float, start: float):
        if not interval > 0:
            raise ValueError(f"interval must be positive, got {interval!r}")
        self.interval = interval
        self.next = start
        self.skipped = 0

    def advance(self, now: float) -> float:
        """Move to the next tick after ``now``; return the seconds to wait until it."""
        self.next += self.interval
        if self.next <= now:
            missed = math.floor((now - self.next) / self.interval) + 1
            self.skipped += missed
            self.next += missed * self.interval
        return self.next - now


# -- cgroup CPU limit ----------------------------------------------------------------------


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except (OSError, ValueError):
        return None


def cgroup_cpu_quota(
    cgroup_root: Path = Path("/sys/fs/cgroup"), proc_cgroup: str | None = None
) -> float | None:
    """The CPU quota of this process's cgroup in cores (``cpu.max`` v2, CFS quota v1), or None.

    Args:
        cgroup_root: where the cgroup filesystem is mounted.
        proc_cgroup: the text of ``/proc/self/cgroup``; read from the system when None.
    """
    if proc_cgroup is None:
        proc_cgroup = _read(Path("/proc/self/cgroup")) or ""
    v2_path, v1_path = "/", "/"
    for line in proc_cgroup.splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        if parts[0] == "0" and parts[1] == "":
            v2_path = parts[2]
        elif "cpu" in parts[1].split(","):
            v1_path = parts[2]
    limits: list[float | None] = []
    # The tightest limit on the way up the hierarchy applies; in a container the process's own
    # cgroup is usually mounted as the root, so the root is always tried too.
    for directory in _ancestors(cgroup_root, v2_path):
        text = _read(directory / "cpu.max")
        if text:
            fields = text.split()
            if len(fields) == 2 and fields[0] != "max":
                limits.append(_ratio(fields[0], fields[1]))
    for base in (cgroup_root / "cpu", cgroup_root / "cpu,cpuacct"):
        for directory in _ancestors(base, v1_path):
            quota = _read(directory / "cpu.cfs_quota_us")
            period = _read(directory / "cpu.cfs_period_us")
            if quota and period and quota.strip() != "-1":
                limits.append(_ratio(quota, period))
    positive = [limit for limit in limits if limit is not None and limit > 0]
    return min(positive) if positive else None


def _ancestors(base: Path, relative: str) -> list[Path]:
    parts = [p for p in relative.split("/") if p and p != ".."]
    return [base.joinpath(*parts[:n]) for n in range(len(parts), -1, -1)]


def _ratio(quota: str, period: str) -> float | None:
    try:
        return int(quota) / int(period)
    except (ValueError, ZeroDivisionError):
        return None


def effective_cpu_count(quota_cores: float | None) -> float:
    """CPUs this process may use: the smallest of the machine, its affinity and the cgroup quota."""
    count = float(os.cpu_count() or 1)
    try:
        count = float(len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        pass  # not Linux
    return min(count, quota_cores) if quota_cores else count


# -- the run's process tree ----------------------------------------------------------------


@dataclass(slots=True)
class TreeReading:
    """Totals over the run's process tree at one sample; None is NA."""

    processes: int
    pids: set[int]
    cpu_percent: float | None
    rss_bytes: float | None
    threads: float | None
    open_fds: float | None
    read_bytes_per_s: float | None
    write_bytes_per_s: float | None


@dataclass(slots=True)
class _Tracked:
    process: psutil.Process
    cpu_seconds: float | None = None
    read_bytes: float | None = None
    write_bytes: float | None = None


def descendant_pids(root: int) -> list[int] | None:
    """The pids below ``root``, from each thread's ``/proc/PID/task/TID/children``.

    The cost follows the size of the run's tree, where psutil's ``children(recursive=True)``
    reads the stat file of every process on the machine: 2 ms a sample with 80 processes, tens
    of ms on a busy node. ``None`` where the kernel has no ``children`` files.
    """
    if not _HAS_CHILDREN_FILES:
        return None
    found: list[int] = []
    frontier = [root]
    seen = {root}
    while frontier:
        pid = frontier.pop()
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue  # gone meanwhile
        for tid in tids:
            try:
                with open(f"/proc/{pid}/task/{tid}/children", "rb") as children:
                    listed = children.read().split()
            except OSError:
                continue
            for item in listed:
                child = int(item)
                if child not in seen:
                    seen.add(child)
                    found.append(child)
                    frontier.append(child)
    return found


def _new_process(pid: int) -> psutil.Process | None:
    try:
        return psutil.Process(pid)
    except _SAFE_PROCESS_ERRORS:
        return None


_HAS_CHILDREN_FILES = os.path.exists(f"/proc/self/task/{os.getpid()}/children")


class ProcessTree:
    """The root process and all its descendants, found anew at each sample.

    Processes are cached by (pid, create time), so a recycled pid is a new process, and CPU and
    I/O are differences of cumulative counters between samples. A process first seen after the
    first sample was born since the last one (the tree is walked completely every time), so it
    counts whole: everything it used, it used in this interval. Processes once seen keep being
    sampled while alive even if reparented (orphaned workers still belong to the run).
    """

    def __init__(self, root_pid: int, on_note: Callable[[str, str], None] | None = None):
        self.root_pid = root_pid
        self._root: psutil.Process | None = None
        self._tracked: dict[tuple[int, float], _Tracked] = {}
        self._last_mono: float | None = None
        self._on_note = on_note or (lambda kind, reason: None)

    def _members(self) -> list[psutil.Process]:
        found: dict[int, psutil.Process] = {}
        try:
            if self._root is None:
                self._root = psutil.Process(self.root_pid)
            if self._root.is_running():
                found[self._root.pid] = self._root
                pids = descendant_pids(self._root.pid)
                if pids is None:  # no /proc/PID/task/TID/children: psutil reads every process
                    children = self._root.children(recursive=True)
                else:
                    # Known processes are reused (their create time is checked when read).
                    known = {
                        tracked.process.pid: tracked.process for tracked in self._tracked.values()
                    }
                    reused = (known.get(pid) or _new_process(pid) for pid in pids)
                    children = [child for child in reused if child is not None]
                for child in children:
                    found[child.pid] = child
        except _SAFE_PROCESS_ERRORS:
            pass  # the root has exited; survivors below are still the run's
        for tracked in self._tracked.values():
            process = tracked.process
            if process.pid not in found:
                try:
                    if process.is_running():
                        found[process.pid] = process
                except _SAFE_PROCESS_ERRORS:
                    pass
        return list(found.values())

    def sample(self, mono: float) -> TreeReading:
        """Read every process of the tree once; ``mono`` is the monotonic time of the sample."""
        dt = None if self._last_mono is None else mono - self._last_mono
        cpu_delta = read_delta = write_delta = 0.0
        cpu_known = io_known = dt is not None and dt > 0
        io_seen = False
        rss = threads = fds = 0.0
        fds_seen = False
        seen: dict[tuple[int, float], _Tracked] = {}
        pids: set[int] = set()
        for process in self._members():
            try:
                key = (process.pid, process.create_time())
                known = self._tracked.get(key)
                tracked = known or _Tracked(process)
                with tracked.process.oneshot():
                    times = tracked.process.cpu_times()
                    memory = tracked.process.memory_info()
                    thread_count = tracked.process.num_threads()
                    fd_count = self._optional(tracked.process.num_fds, "proc.open_fds")
                    io = self._optional(tracked.process.io_counters, "proc.io")
            except _SAFE_PROCESS_ERRORS:
                continue  # vanished mid-sample, or not ours to read
            seen[key] = tracked
            pids.add(process.pid)
            rss += memory.rss
            threads += thread_count
            if fd_count is not None:
                fds += fd_count
                fds_seen = True
            # Not psutil's create_time against the clock: it is derived from the boot time in
            # whole seconds, too coarse to tell which side of the last sample a birth fell.
            born_now = known is None and self._last_mono is not None
            cpu_seconds = times.user + times.system
            if tracked.cpu_seconds is not None:
                cpu_delta += max(0.0, cpu_seconds - tracked.cpu_seconds)
            elif born_now:
                cpu_delta += cpu_seconds
            tracked.cpu_seconds = cpu_seconds
            if io is not None:
                io_seen = True
                if tracked.read_bytes is not None and tracked.write_bytes is not None:
                    read_delta += max(0.0, io.read_bytes - tracked.read_bytes)
                    write_delta += max(0.0, io.write_bytes - tracked.write_bytes)
                elif born_now:
                    read_delta += io.read_bytes
                    write_delta += io.write_bytes
                tracked.read_bytes, tracked.write_bytes = io.read_bytes, io.write_bytes
        self._tracked = seen
        self._last_mono = mono
        count = len(seen)
        return TreeReading(
            processes=count,
            pids=pids,
            cpu_percent=100 * cpu_delta / dt if cpu_known and count and dt else None,
            rss_bytes=rss if count else None,
            threads=threads if count else None,
            open_fds=fds if fds_seen else None,
            read_bytes_per_s=read_delta / dt if io_known and io_seen and dt else None,
            write_bytes_per_s=write_delta / dt if io_known and io_seen and dt else None,
        )

    def _optional(self, method: Callable[[], Any], kind: str) -> Any:
        try:
            return method()
        except psutil.AccessDenied as exc:
            # Normal for a setuid helper or another user's process: the field is NA.
            self._on_note(kind, f"access denied ({exc.name or exc.pid})")
            return None
        except (AttributeError, NotImplementedError):
            self._on_note(kind, "not supported on this platform")
            return None


# -- the machine ---------------------------------------------------------------------------


def _busy_and_total(times: Any) -> tuple[float, float]:
    # psutil's own formula: guest time is already inside user time on Linux, and iowait is
    # idle time as far as the CPU is concerned.
    total = sum(times)
    total -= getattr(times, "guest", 0.0) + getattr(times, "guest_nice", 0.0)
    idle = times.idle + getattr(times, "iowait", 0.0)
    return total - idle, total


class MachineReader:
    """Machine-wide CPU, memory, swap, disk and network, as differences between samples.

    It keeps its own previous counters rather than using ``psutil.cpu_percent()``, whose state
    is global to the process and would be disturbed by any other caller.
    """

    def __init__(self, paths: Mapping[str, Path], per_core: bool = True):
        self._paths = dict(paths)
        self._per_core = per_core
        self._last_mono: float | None = None
        self._last_cpu: list[tuple[float, float]] | None = None
        self._last_disk: tuple[float, float] | None = None
        self._last_net: tuple[float, float] | None = None

    def sample(self, mono: float, emit: Callable[[str, float | None], None]) -> dict[str, float]:
        """Emit the machine's metrics; return memory figures for diagnosis."""
        dt = None if self._last_mono is None else mono - self._last_mono
        self._last_mono = mono

        cores = [_busy_and_total(t) for t in psutil.cpu_times(percpu=True)]
        if self._last_cpu is not None and len(self._last_cpu) == len(cores):
            percents = []
            for (busy, total), (last_busy, last_total) in zip(cores, self._last_cpu, strict=True):
                elapsed = total - last_total
                percent = 100 * (busy - last_busy) / elapsed if elapsed > 0 else 0.0
                percents.append(min(100.0, max(0.0, percent)))
            emit("sys/cpu_percent", sum(percents) / len(percents))
            if self._per_core:
                for index, percent in enumerate(percents):
                    emit(f"sys/core{index}/cpu_percent", percent)
        self._last_cpu = cores

        try:
            load1, load5, load15 = os.getloadavg()
            emit("sys/load_1m", load1)
            emit("sys/load_5m", load5)
            emit("sys/load_15m", load15)
        except (AttributeError, OSError):
            pass  # not on this platform

        memory = psutil.virtual_memory()
        swap = psutil.swap_memory()
        emit("sys/mem_used_bytes", memory.used)
        emit("sys/mem_available_bytes", memory.available)
        emit("sys/mem_used_percent", memory.percent)
        emit("sys/swap_used_bytes", swap.used)
        emit("sys/swap_used_percent", swap.percent if swap.total else None)

        disk = psutil.disk_io_counters(perdisk=False)
        if disk is not None:
            current = (float(disk.read_bytes), float(disk.write_bytes))
            if self._last_disk is not None and dt:
                emit("sys/disk_read_bytes_per_s", max(0.0, current[0] - self._last_disk[0]) / dt)
                emit("sys/disk_write_bytes_per_s", max(0.0, current[1] - self._last_disk[1]) / dt)
            self._last_disk = current

        # Loopback is left out: it is traffic between processes on this host, not the network.
        nics = psutil.net_io_counters(pernic=True)
        received = sum(c.bytes_recv for name, c in nics.items() if name != "lo")
        sent = sum(c.bytes_sent for name, c in nics.items() if name != "lo")
        if self._last_net is not None and dt:
            emit("sys/net_recv_bytes_per_s", max(0.0, received - self._last_net[0]) / dt)
            emit("sys/net_sent_bytes_per_s", max(0.0, sent - self._last_net[1]) / dt)
        self._last_net = (float(received), float(sent))

        for name, path in self._paths.items():
            usage = _disk_usage(path)
            if usage is not None:
                emit(f"sys/fs/{name}/free_bytes", usage.free)
                emit(f"sys/fs/{name}/free_percent", 100.0 - usage.percent)

        return {
            "mem_total_bytes": memory.total,
            "mem_available_bytes": memory.available,
            "swap_total_bytes": swap.total,
            "swap_used_bytes": swap.used,
        }


def _disk_usage(path: Path) -> Any:
    # The store's folder may not exist yet: its nearest existing parent is on the same disk.
    path = Path(path).absolute()
    for candidate in (path, *path.parents):
        try:
            return psutil.disk_usage(str(candidate))
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            return None
    return None


# -- GPUs ----------------------------------------------------------------------------------


class EnergyMeter:
    """Energy since the first reading: from the GPU's counter, else power integrated over time."""

    def __init__(self) -> None:
        self._first_counter_mj: float | None = None
        self._integrated_j = 0.0
        self._last: tuple[float, float] | None = None  # (mono, watts)
        self._use_counter: bool | None = None

    def update(self, mono: float, counter_mj: float | None, power_w: float | None) -> float | None:
        """Feed one reading; return watt-hours since the first, or None when unknown."""
        if self._use_counter is None and (counter_mj is not None or power_w is not None):
            self._use_counter = counter_mj is not None
        if self._use_counter:
            if counter_mj is None:
                return None
            if self._first_counter_mj is None:
                self._first_counter_mj = counter_mj
            return (counter_mj - self._first_counter_mj) / 3.6e6
        if self._use_counter is None or power_w is None:
            return None if self._last is None else self._integrated_j / 3600
        if self._last is not None:
            last_mono, last_watts = self._last
            self._integrated_j += (last_watts + power_w) / 2 * max(0.0, mono - last_mono)
        self._last = (mono, power_w)
        return self._integrated_j / 3600


# -- the sampler ---------------------------------------------------------------------------


class SystemSampler:
    """Samples the run's process tree, the machine and its GPUs on a named daemon thread.

    Args:
        root_pid: the run's top process; its descendants are found at every sample.
        sink: receives the records (points, events, the inventory as a context update).
        interval: seconds between samples.
        paths: named folders whose filesystems' free space is reported, e.g. ``{"store": …}``.
        nvml: a module with the ``pynvml`` API (tests); None imports ``pynvml`` when needed.
        clock: monotonic seconds, for the schedule and rates.
        wall_clock: seconds since the epoch, for the points' times.
        thresholds: diagnosis thresholds; defaults to :class:`DiagnosisThresholds`.
        environ: the run's environment, for ``CUDA_VISIBLE_DEVICES``; defaults to ``os.environ``.
        wait: waits up to the given seconds and returns True when the sampler should stop;
            defaults to the stop event's ``wait`` (tests pass a fake to drive the schedule).
        per_core: emit ``sys/core{n}/cpu_percent`` for every core.
    """

    def __init__(
        self,
        root_pid: int,
        sink: Sink,
        *,
        interval: float = 1.0,
        paths: Mapping[str, Path] | None = None,
        nvml: Any = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        thresholds: DiagnosisThresholds | None = None,
        environ: Mapping[str, str] | None = None,
        wait: Callable[[float], bool] | None = None,
        per_core: bool = True,
    ):
        if not interval > 0:
            raise ValueError(f"interval must be positive, got {interval!r}")
        self.root_pid = root_pid
        self.interval = interval
        self._sink = sink
        self._clock = clock
        self._wall_clock = wall_clock
        self._environ = environ if environ is not None else os.environ
        self._stop = threading.Event()
        self._wait = wait or self._stop.wait
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # summary() may be called while the thread samples
        self._noted: set[str] = set()
        self._step = 0
        self._tree = ProcessTree(root_pid, on_note=self._note)
        self._machine = MachineReader(paths or {}, per_core=per_core)
        self._nvml = NvmlAdapter(
            nvml, on_note=lambda kind, why, level: self._note(f"gpu.{kind}", why, level)
        )
        self._selection: Selection | None = None
        self._energy: dict[int, EnergyMeter] = {}
        self._quota = cgroup_cpu_quota()
        self._cpu_limit = effective_cpu_count(self._quota)
        self._cpu_limited = self._cpu_limit < (os.cpu_count() or 1)
        self._diagnosis = Diagnosis(thresholds)
        self._summary = SummaryAccumulator()
        self._inventory: dict[str, Any] | None = None
        self._schedule: Schedule | None = None

    # -- public API --------------------------------------------------------------------------

    def start(self) -> None:
        """Emit the inventory as a context update, then start sampling on a daemon thread."""
        if self._thread is not None:
            return
        self._send(ContextUpdate({"system_inventory": self.inventory()}))
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name=THREAD_NAME, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread (within one sample) and release NVML."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._nvml.close()

    def run(self) -> None:
        """The sampling loop: sample, then wait for the next tick until told to stop."""
        self._schedule = Schedule(self.interval, self._clock())
        while not self._stop.is_set():
            self.sample_once()
            if self._wait(self._schedule.advance(self._clock())):
                break

    def inventory(self) -> dict[str, Any]:
        """The machine's CPUs, memory and the GPUs visible to the run (for the run context)."""
        with self._lock:
            if self._inventory is None:
                self._inventory = self._build_inventory()
            return self._inventory

    def summary(self) -> dict[str, Any]:
        """The end-of-run summary (see docs/system.md), with GPU names and UUIDs filled in."""
        with self._lock:
            result = self._summary.summary()
        gpus = {g["gpu"]: g for g in (self._inventory or {}).get("gpus", [])}
        for entry in result["gpus"]:
            known = gpus.get(entry["gpu"], {})
            entry["name"] = known.get("name")
            entry["uuid"] = known.get("uuid")
        result["interval_s"] = self.interval
        return result

    def sample_once(self) -> None:
        """Take one sample now and emit its points and any diagnosis events."""
        if self._inventory is None:
            self.inventory()
        mono, wall = self._clock(), self._wall_clock()
        step = self._step
        self._step += 1
        batch: list[Points] = []

        def emit(metric: str, value: float | None) -> None:
            if value is None:
                return
            value = float(value)
            if math.isfinite(value):
                batch.append(Points(metric, SYSTEM, [step], [wall], [value]))

        sample = Sample(mono=mono, wall=wall)
        tree = self._guard("process tree", lambda: self._sample_tree(mono, emit, sample))
        self._guard("machine", lambda: self._sample_machine(mono, emit, sample))
        self._guard("GPUs", lambda: self._sample_gpus(mono, emit, sample, tree))
        for points in batch:
            self._send(points)
        with self._lock:
            self._summary.observe(sample)
            events = self._guard("diagnosis", lambda: self._diagnosis.observe(sample)) or []
        for event in events:
            self._send(event)

    # -- parts -------------------------------------------------------------------------------

    def _sample_tree(self, mono: float, emit: Callable, sample: Sample) -> TreeReading:
        reading = self._tree.sample(mono)
        emit("sys/proc/count", reading.processes)
        emit("sys/proc/cpu_percent", reading.cpu_percent)
        emit("sys/proc/rss_bytes", reading.rss_bytes)
        emit("sys/proc/threads", reading.threads)
        emit("sys/proc/open_fds", reading.open_fds)
        emit("sys/proc/disk_read_bytes_per_s", reading.read_bytes_per_s)
        emit("sys/proc/disk_write_bytes_per_s", reading.write_bytes_per_s)
        if self._cpu_limited and reading.cpu_percent is not None:
            # Relative to the limit (a container's quota, Slurm's cpuset): 100 means the run
            # uses all the CPU it is allowed, however many cores the machine has.
            emit("sys/cpu_limit_cores", self._cpu_limit)
            emit("sys/proc/cpu_limit_percent", reading.cpu_percent / self._cpu_limit)
        sample.proc_rss_bytes = reading.rss_bytes
        sample.proc_cpu_percent = reading.cpu_percent
        return reading

    def _sample_machine(self, mono: float, emit: Callable, sample: Sample) -> None:
        memory = self._machine.sample(mono, emit)
        sample.mem_total_bytes = memory["mem_total_bytes"]
        sample.mem_available_bytes = memory["mem_available_bytes"]
        sample.swap_total_bytes = memory["swap_total_bytes"]
        sample.swap_used_bytes = memory["swap_used_bytes"]

    def _sample_gpus(
        self, mono: float, emit: Callable, sample: Sample, tree: TreeReading | None
    ) -> None:
        if self._selection is None or not self._nvml.available:
            return
        pids = tree.pids if tree is not None else set()
        for number, device in enumerate(self._selection.devices):
            values = self._nvml.read(device.handle)
            prefix = f"sys/gpu{number}/"
            for name, value in values.items():
                if name != "energy_counter_mj":
                    emit(prefix + name, value)
            processes = self._nvml.process_memory(device.handle)
            proc_mem = None
            if processes is not None:
                proc_mem = float(sum(processes[pid] or 0 for pid in pids & processes.keys()))
                emit(prefix + "proc_mem_bytes", proc_mem)
            meter = self._energy.setdefault(number, EnergyMeter())
            energy = meter.update(mono, values.get("energy_counter_mj"), values.get("power_w"))
            emit(prefix + "energy_wh", energy)
            sample.gpus[number] = GpuReading(
                util_percent=values.get("util_percent"),
                mem_used_bytes=values.get("mem_used_bytes"),
                proc_mem_bytes=proc_mem,
                energy_wh=energy,
            )

    def _build_inventory(self) -> dict[str, Any]:
        memory = self._guard("inventory", psutil.virtual_memory)
        inventory: dict[str, Any] = {
            "cpu_logical": psutil.cpu_count(logical=True),
            "cpu_physical": psutil.cpu_count(logical=False),
            "cpu_limit_cores": self._cpu_limit,
            "cgroup_cpu_quota_cores": self._quota,
            "mem_total_bytes": memory.total if memory is not None else None,
            "cuda_visible_devices": self._environ.get("CUDA_VISIBLE_DEVICES"),
            "gpus": [],
        }
        if not self._nvml.open():
            inventory["gpu_note"] = self._nvml.unavailable_reason
            return inventory
        selection = select_visible_devices(self._nvml, self._nvml.devices(), self._environ)
        self._selection = selection
        if selection.note:
            inventory["gpu_note"] = selection.note
            self._note("gpu.visible_devices", selection.note, "warning")
        inventory["driver_version"] = self._nvml.driver_version()
        inventory["cuda_driver_version"] = self._nvml.cuda_driver_version()
        inventory["gpus"] = [
            {
                "gpu": number,
                "nvml_index": device.nvml_index,
                "name": device.name,
                "uuid": device.uuid,
                "mem_total_bytes": device.mem_total_bytes,
            }
            for number, device in enumerate(selection.devices)
        ]
        return inventory

    # -- plumbing ----------------------------------------------------------------------------

    def _guard(self, part: str, function: Callable[[], Any]) -> Any:
        try:
            return function()
        except Exception as exc:
            # One bad part (a psutil surprise, an NVML crash) must not cost the other metrics
            # or the thread; it is reported once per part and kind of error.
            self._note(
                f"error.{part}.{type(exc).__name__}",
                f"system metrics: sampling {part} failed ({exc!r}); skipped",
                "warning",
                event_kind="system.error",
            )
            return None

    def _note(
        self, kind: str, reason: str, level: str = "debug", event_kind: str = "system.unavailable"
    ) -> None:
        # Once per field kind, not per sample: a GPU without ECC says so once per run.
        if kind in self._noted:
            return
        self._noted.add(kind)
        self._send(Event(self._wall_clock(), level, event_kind, reason, {"field": kind}))

    def _send(self, record: Record) -> None:
        try:
            self._sink(record)
        except Exception:
            pass  # the sink is the writer's; its faults are its own to report
