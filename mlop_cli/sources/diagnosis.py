"""Diagnosis over the stream of system samples: idle GPUs, memory leaks, host memory running out,
and the end-of-run summary.

Everything here is pure: it sees :class:`Sample` values (each carrying its own monotonic and wall
time) and returns :class:`~mlop_cli.records.Event` records, so tests drive it with made-up samples
and no sleeping. Durations use the monotonic time; the wall time only labels events.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

from mlop_cli.records import Event
from mlop_cli.units import format_bytes, format_duration


@dataclass(frozen=True)
class DiagnosisThresholds:
    """When a pattern in the samples becomes a warning. All fields are configurable.

    Attributes:
        idle_gpu_util_percent: a GPU below this utilisation counts as idle.
        idle_gpu_seconds: how long a GPU the run holds memory on must stay idle before a warning.
        leak_window_seconds: how far back the leak test looks.
        leak_growth_percent: minimum growth of the run's RSS over the window, relative to its start.
        leak_min_growth_bytes: minimum absolute growth over the window (ignores small processes).
        leak_min_trend: minimum Kendall tau (-1..1) of RSS against time: how steady the rise is.
        host_available_percent: host memory available below this share of the total is "low".
        host_swap_percent: swap used above this share of the swap space is "low" too.
    """

    idle_gpu_util_percent: float = 5.0
    idle_gpu_seconds: float = 300.0
    leak_window_seconds: float = 600.0
    leak_growth_percent: float = 20.0
    leak_min_growth_bytes: float = 256 * 2**20
    leak_min_trend: float = 0.6
    host_available_percent: float = 5.0
    host_swap_percent: float = 80.0

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> DiagnosisThresholds:
        """Thresholds from a config table, e.g. ``{"idle_gpu_seconds": 600}``.

        Raises:
            ValueError: on an unknown name or a value that is not a non-negative number.
        """
        known = {f.name for f in fields(cls)}
        chosen: dict[str, float] = {}
        for name, value in values.items():
            if name not in known:
                raise ValueError(
                    f"unknown diagnosis threshold {name!r}; known: {', '.join(sorted(known))}"
                )
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
                raise ValueError(
                    f"diagnosis threshold {name!r} must be a number >= 0, got {value!r}"
                )
            chosen[name] = float(value)
        return cls(**chosen)


@dataclass(slots=True)
class GpuReading:
    """What diagnosis and the summary need of one GPU at one sample; None is NA."""

    util_percent: float | None = None
    mem_used_bytes: float | None = None
    proc_mem_bytes: float | None = None  # memory held by the run's own processes
    energy_wh: float | None = None  # energy since the sampler started


@dataclass(slots=True)
class Sample:
    """One system sample as diagnosis sees it."""

    mono: float  # monotonic seconds: for durations
    wall: float  # seconds since the epoch: for labels
    proc_rss_bytes: float | None = None
    proc_cpu_percent: float | None = None
    mem_total_bytes: float | None = None
    mem_available_bytes: float | None = None
    swap_total_bytes: float | None = None
    swap_used_bytes: float | None = None
    gpus: dict[int, GpuReading] = field(default_factory=dict)


class IdleGpuDetector:
    """Warns once when a GPU the run holds memory on stays idle; re-arms when it works again."""

    def __init__(self, thresholds: DiagnosisThresholds):
        self._thresholds = thresholds
        self._idle_since: dict[int, tuple[float, float]] = {}  # gpu -> (mono, wall)
        self._warned: set[int] = set()

    def observe(self, sample: Sample) -> list[Event]:
        """Feed one sample; return the warnings it triggers."""
        limit = self._thresholds.idle_gpu_util_percent
        events = []
        for gpu, reading in sample.gpus.items():
            held = reading.proc_mem_bytes is not None and reading.proc_mem_bytes > 0
            if reading.util_percent is None:
                continue  # NA: neither idle nor busy
            if not held or reading.util_percent >= limit:
                self._idle_since.pop(gpu, None)
                self._warned.discard(gpu)
                continue
            since_mono, since_wall = self._idle_since.setdefault(gpu, (sample.mono, sample.wall))
            idle_for = sample.mono - since_mono
            if gpu in self._warned or idle_for < self._thresholds.idle_gpu_seconds:
                continue
            self._warned.add(gpu)
            held_bytes = float(reading.proc_mem_bytes or 0)
            events.append(
                Event(
                    time=sample.wall,
                    level="warning",
                    kind="gpu.idle",
                    message=(
                        f"GPU {gpu} idle for {format_duration(idle_for)} "
                        f"(utilisation under {limit:g}%) while the run holds "
                        f"{format_bytes(held_bytes)} on it"
                    ),
                    data={
                        "gpu": gpu,
                        "start": since_wall,
                        "end": sample.wall,
                        "duration_s": idle_for,
                        "util_threshold_percent": limit,
                        "proc_mem_bytes": held_bytes,
                    },
                )
            )
        return events


def robust_trend(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Theil–Sen slope (median of pairwise slopes) and Kendall tau of ``(x, y)`` points.

    Both shrug off outliers (a garbage-collector dip, a spike), which is why they are used for
    the leak test rather than least squares.
    """
    slopes = []
    concordant = discordant = 0
    for i in range(len(points)):
        x1, y1 = points[i]
        for x2, y2 in points[i + 1 :]:
            if x2 == x1:
                continue
            slopes.append((y2 - y1) / (x2 - x1))
            direction = (y2 - y1) * (x2 - x1)
            concordant += direction > 0
            discordant += direction < 0
    if not slopes:
        return 0.0, 0.0
    slopes.sort()
    middle = len(slopes) // 2
    slope = slopes[middle] if len(slopes) % 2 else (slopes[middle - 1] + slopes[middle]) / 2
    return slope, (concordant - discordant) / len(slopes)


class LeakDetector:
    """Warns once per run when the run's RSS rises steadily over a window.

    The window is reduced to at most ``buckets`` means before the pairwise trend test, and the
    test runs at most every ``window / 20`` seconds, so the cost stays tiny at 1 Hz.
    """

    def __init__(self, thresholds: DiagnosisThresholds, buckets: int = 40):
        self._thresholds = thresholds
        self._buckets = buckets
        self._window: deque[tuple[float, float, float]] = deque()  # (mono, wall, rss)
        self._last_check = -math.inf
        self._warned = False

    def observe(self, sample: Sample) -> list[Event]:
        """Feed one sample; return the warning it triggers, if any."""
        if self._warned or sample.proc_rss_bytes is None:
            return []
        window_s = self._thresholds.leak_window_seconds
        self._window.append((sample.mono, sample.wall, float(sample.proc_rss_bytes)))
        while self._window and self._window[0][0] < sample.mono - window_s:
            self._window.popleft()
        span = self._window[-1][0] - self._window[0][0]
        if span < 0.9 * window_s or sample.mono - self._last_check < window_s / 20:
            return []
        self._last_check = sample.mono
        points = self._bucketed()
        if len(points) < 5:
            return []
        slope, tau = robust_trend(points)
        start_bytes = points[0][1]
        growth = slope * span
        needed = max(
            self._thresholds.leak_min_growth_bytes,
            start_bytes * self._thresholds.leak_growth_percent / 100,
        )
        if tau < self._thresholds.leak_min_trend or growth < needed:
            return []
        self._warned = True
        end_bytes = points[-1][1]
        percent = 100 * growth / start_bytes if start_bytes > 0 else math.inf
        message = (
            f"Memory of the run's processes rose steadily by {format_bytes(growth)} "
            f"(+{percent:.0f}%) over {format_duration(span)}, from {format_bytes(start_bytes)} "
            f"to {format_bytes(end_bytes)}: possible memory leak"
        )
        data: dict[str, Any] = {
            "start": self._window[0][1],
            "end": sample.wall,
            "start_bytes": start_bytes,
            "end_bytes": end_bytes,
            "slope_bytes_per_s": slope,
            "trend": tau,
        }
        return [Event(sample.wall, "warning", "memory.leak", message, data)]

    def _bucketed(self) -> list[tuple[float, float]]:
        first, last = self._window[0][0], self._window[-1][0]
        width = (last - first) / self._buckets or 1.0
        sums: dict[int, list[float]] = {}
        for mono, _wall, rss in self._window:
            bucket = min(int((mono - first) / width), self._buckets - 1)
            entry = sums.setdefault(bucket, [0.0, 0.0, 0.0])
            entry[0] += mono
            entry[1] += rss
            entry[2] += 1
        return [(s[0] / s[2], s[1] / s[2]) for _, s in sorted(sums.items())]


class HostMemoryDetector:
    """Warns when the host is about to run out of memory; once per episode (re-arms on recovery)."""

    def __init__(self, thresholds: DiagnosisThresholds):
        self._thresholds = thresholds
        self._low = False

    def observe(self, sample: Sample) -> list[Event]:
        """Feed one sample; return the warning it triggers, if any."""
        total, available = sample.mem_total_bytes, sample.mem_available_bytes
        if not total or available is None:
            return []
        available_percent = 100 * available / total
        swap_percent = None
        if sample.swap_total_bytes and sample.swap_used_bytes is not None:
            swap_percent = 100 * sample.swap_used_bytes / sample.swap_total_bytes
        limits = self._thresholds
        low_memory = available_percent < limits.host_available_percent
        low_swap = swap_percent is not None and swap_percent > limits.host_swap_percent
        if not (low_memory or low_swap):
            # Hysteresis: recover only well clear of the limits, so a host hovering at the
            # threshold does not warn every other second.
            clear = available_percent >= 2 * limits.host_available_percent and (
                swap_percent is None or swap_percent <= limits.host_swap_percent * 0.9
            )
            if clear:
                self._low = False
            return []
        if self._low:
            return []
        self._low = True
        reasons = []
        if low_memory:
            reasons.append(
                f"{available_percent:.1f}% of memory available "
                f"({format_bytes(available)} of {format_bytes(total)})"
            )
        if low_swap:
            reasons.append(f"swap {swap_percent:.0f}% used")
        message = (
            "Host memory is running out: " + ", ".join(reasons) + "; the run may be OOM-killed"
        )
        data = {
            "mem_available_bytes": available,
            "mem_total_bytes": total,
            "mem_available_percent": available_percent,
            "swap_used_percent": swap_percent,
        }
        return [Event(sample.wall, "warning", "memory.host_low", message, data)]


class _Detector(Protocol):
    def observe(self, sample: Sample) -> list[Event]: ...


class Diagnosis:
    """All detectors together: feed samples, collect warnings."""

    def __init__(self, thresholds: DiagnosisThresholds | None = None):
        self.thresholds = thresholds or DiagnosisThresholds()
        self._detectors: list[_Detector] = [
            IdleGpuDetector(self.thresholds),
            LeakDetector(self.thresholds),
            HostMemoryDetector(self.thresholds),
        ]

    def observe(self, sample: Sample) -> list[Event]:
        """Feed one sample; return the warnings it triggers."""
        events: list[Event] = []
        for detector in self._detectors:
            events.extend(detector.observe(sample))
        return events


@dataclass(slots=True)
class _GpuTotals:
    util_sum: float = 0.0
    util_count: int = 0
    peak_mem_used: float | None = None
    peak_proc_mem: float | None = None
    energy_wh: float | None = None
    used_by_run: bool = False


def _peak(current: float | None, value: float | None) -> float | None:
    if value is None:
        return current
    return value if current is None else max(current, value)


class SummaryAccumulator:
    """Running totals for the end-of-run summary (constant memory, whatever the run length)."""

    def __init__(self) -> None:
        self._first_mono: float | None = None
        self._last_mono: float | None = None
        self._samples = 0
        self._peak_rss: float | None = None
        self._cpu_sum = 0.0
        self._cpu_count = 0
        self._min_available: float | None = None
        self._gpus: dict[int, _GpuTotals] = {}

    def observe(self, sample: Sample) -> None:
        """Add one sample."""
        if self._first_mono is None:
            self._first_mono = sample.mono
        self._last_mono = sample.mono
        self._samples += 1
        self._peak_rss = _peak(self._peak_rss, sample.proc_rss_bytes)
        if sample.proc_cpu_percent is not None:
            self._cpu_sum += sample.proc_cpu_percent
            self._cpu_count += 1
        if sample.mem_available_bytes is not None:
            low = self._min_available
            available = sample.mem_available_bytes
            self._min_available = available if low is None else min(low, available)
        for gpu, reading in sample.gpus.items():
            totals = self._gpus.setdefault(gpu, _GpuTotals())
            if reading.util_percent is not None:
                totals.util_sum += reading.util_percent
                totals.util_count += 1
            totals.peak_mem_used = _peak(totals.peak_mem_used, reading.mem_used_bytes)
            totals.peak_proc_mem = _peak(totals.peak_proc_mem, reading.proc_mem_bytes)
            if reading.energy_wh is not None:
                totals.energy_wh = reading.energy_wh
            if reading.proc_mem_bytes:
                totals.used_by_run = True

    def summary(self) -> dict[str, Any]:
        """The summary as plain JSON-ready values; see docs/system.md for each field."""
        duration = 0.0
        if self._first_mono is not None and self._last_mono is not None:
            duration = self._last_mono - self._first_mono
        gpus = []
        for gpu, totals in sorted(self._gpus.items()):
            mean = totals.util_sum / totals.util_count if totals.util_count else None
            gpus.append(
                {
                    "gpu": gpu,
                    "mean_util_percent": mean,
                    "peak_mem_used_bytes": totals.peak_mem_used,
                    "peak_proc_mem_bytes": totals.peak_proc_mem,
                    "energy_wh": totals.energy_wh,
                    "used_by_run": totals.used_by_run,
                }
            )
        used = sum(1 for g in gpus if g["used_by_run"])
        energies = [g["energy_wh"] for g in gpus if g["energy_wh"] is not None]
        return {
            "samples": self._samples,
            "duration_s": duration,
            "proc_peak_rss_bytes": self._peak_rss,
            "proc_mean_cpu_percent": self._cpu_sum / self._cpu_count if self._cpu_count else None,
            "host_min_mem_available_bytes": self._min_available,
            "gpus": gpus,
            "gpus_used": used,
            "gpu_hours": used * duration / 3600,
            "energy_wh": sum(energies) if energies else None,
        }
