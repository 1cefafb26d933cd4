"""Diagnosis and summary over made-up sample streams: no sleeping, exact numbers."""

from __future__ import annotations

import math

import pytest

from mlop_cli.sources.diagnosis import (
    Diagnosis,
    DiagnosisThresholds,
    GpuReading,
    Sample,
    SummaryAccumulator,
    robust_trend,
)

GIB = 2**30
T0 = 1_700_000_000.0  # wall time of the first sample


def sample(t: float, **kwargs) -> Sample:
    return Sample(mono=t, wall=T0 + t, **kwargs)


def gpu_sample(t: float, util: float | None, held: float | None = GIB) -> Sample:
    return sample(t, gpus={0: GpuReading(util_percent=util, proc_mem_bytes=held)})


def feed(diagnosis: Diagnosis, samples) -> list:
    found = []
    for s in samples:
        found.extend(diagnosis.observe(s))
    return found


def test_idle_gpu_warns_once_after_five_minutes():
    diagnosis = Diagnosis()
    early = feed(diagnosis, [gpu_sample(t, util=2) for t in range(0, 300, 10)])
    assert early == []
    [event] = diagnosis.observe(gpu_sample(300, util=2))
    assert (event.kind, event.level) == ("gpu.idle", "warning")
    assert event.data["start"] == T0 and event.data["end"] == T0 + 300
    assert event.data["duration_s"] == 300
    assert event.time == T0 + 300
    assert event.message == (
        "GPU 0 idle for 5m00s (utilisation under 5%) while the run holds 1.0 GiB on it"
    )
    assert feed(diagnosis, [gpu_sample(t, util=0) for t in range(310, 1200, 10)]) == []


def test_idle_again_after_busy_warns_again():
    diagnosis = Diagnosis()
    first = feed(diagnosis, [gpu_sample(t, util=1) for t in range(0, 400, 10)])
    busy = feed(diagnosis, [gpu_sample(400, util=80)])
    second = feed(diagnosis, [gpu_sample(t, util=1) for t in range(410, 720, 10)])
    assert len(first) == 1 and busy == []
    [event] = second
    assert event.data["start"] == T0 + 410 and event.data["end"] == T0 + 710


def test_idle_gpu_needs_the_run_to_hold_memory_and_ignores_na():
    diagnosis = Diagnosis()
    assert feed(diagnosis, [gpu_sample(t, util=0, held=0) for t in range(0, 900, 10)]) == []
    assert feed(diagnosis, [gpu_sample(t, util=0, held=None) for t in range(0, 900, 10)]) == []
    # NA utilisation neither starts nor ends an idle span.
    stream = [gpu_sample(t, util=None if t % 20 else 1) for t in range(1000, 1310, 10)]
    [event] = feed(diagnosis, stream)
    assert event.data["start"] == T0 + 1000


def test_idle_thresholds_are_configurable():
    thresholds = DiagnosisThresholds(idle_gpu_util_percent=20, idle_gpu_seconds=60)
    diagnosis = Diagnosis(thresholds)
    events = feed(diagnosis, [gpu_sample(t, util=15) for t in range(0, 70, 10)])
    assert [e.data["duration_s"] for e in events] == [60]
    assert "under 20%" in events[0].message


def noisy(t: int) -> float:
    # A deterministic wiggle of +-40 MiB: garbage collection, allocator caches.
    return 40 * 2**20 * math.sin(t * 1.7)


def test_leak_steady_rise_warns_once():
    diagnosis = Diagnosis()
    stream = [sample(t, proc_rss_bytes=GIB + t * GIB / 1200 + noisy(t)) for t in range(0, 1800)]
    events = feed(diagnosis, stream)
    [event] = [e for e in events if e.kind == "memory.leak"]
    assert event.level == "warning"
    assert event.data["slope_bytes_per_s"] == pytest.approx(GIB / 1200, rel=0.1)
    assert event.data["trend"] > 0.6
    assert "possible memory leak" in event.message
    # It fires as soon as a full window shows the rise, not later.
    assert event.time - T0 <= 600


@pytest.mark.parametrize(
    "rss",
    [
        lambda t: 4 * GIB + noisy(t),  # flat
        lambda t: 10 * 2**20 + t * 2**20 / 60,  # steady but tiny (10 MiB -> 40 MiB)
        lambda t: 2 * GIB + (t % 120) * 2**23,  # sawtooth: grows, freed, grows
        lambda t: 8 * GIB - t * 2**20,  # shrinking
    ],
)
def test_leak_not_reported_for_normal_shapes(rss):
    diagnosis = Diagnosis()
    assert feed(diagnosis, [sample(t, proc_rss_bytes=rss(t)) for t in range(0, 1800, 2)]) == []


def test_host_low_memory_once_per_episode():
    diagnosis = Diagnosis()
    total = 64 * GIB

    def host(t, available_percent, swap_percent=0.0):
        return sample(
            t,
            mem_total_bytes=total,
            mem_available_bytes=total * available_percent / 100,
            swap_total_bytes=8 * GIB,
            swap_used_bytes=8 * GIB * swap_percent / 100,
        )

    events = feed(diagnosis, [host(0, 50), host(1, 3), host(2, 2), host(3, 6), host(4, 4)])
    # 6% is not far enough above 5% to re-arm: one warning for the episode.
    [event] = events
    assert event.kind == "memory.host_low" and event.time == T0 + 1
    assert event.message.startswith("Host memory is running out: 3.0% of memory available")
    assert feed(diagnosis, [host(5, 40), host(6, 4)])[0].time == T0 + 6
    [swap] = feed(Diagnosis(), [host(0, 30, swap_percent=95)])
    assert "swap 95% used" in swap.message


def test_summary_exact_numbers():
    summary = SummaryAccumulator()
    rows = [
        # t, rss, cpu, available, gpu0 (util, used, held, energy), gpu1 (util, used, held)
        (0, 1 * GIB, None, 30 * GIB, (10, 5 * GIB, GIB, 0.0), (0, GIB, 0)),
        (3600, 3 * GIB, 50.0, 20 * GIB, (20, 9 * GIB, 4 * GIB, 150.0), (None, GIB, 0)),
        (7200, 2 * GIB, 100.0, 25 * GIB, (30, 7 * GIB, 2 * GIB, 300.0), (4, 2 * GIB, None)),
    ]
    for t, rss, cpu, available, g0, g1 in rows:
        summary.observe(
            sample(
                t,
                proc_rss_bytes=rss,
                proc_cpu_percent=cpu,
                mem_available_bytes=available,
                gpus={
                    0: GpuReading(g0[0], g0[1], g0[2], g0[3]),
                    1: GpuReading(g1[0], g1[1], g1[2]),
                },
            )
        )
    result = summary.summary()
    assert result["samples"] == 3
    assert result["duration_s"] == 7200
    assert result["proc_peak_rss_bytes"] == 3 * GIB
    assert result["proc_mean_cpu_percent"] == 75.0
    assert result["host_min_mem_available_bytes"] == 20 * GIB
    gpu0, gpu1 = result["gpus"]
    assert gpu0 == {
        "gpu": 0,
        "mean_util_percent": 20.0,
        "peak_mem_used_bytes": 9 * GIB,
        "peak_proc_mem_bytes": 4 * GIB,
        "energy_wh": 300.0,
        "used_by_run": True,
    }
    assert gpu1["mean_util_percent"] == 2.0 and gpu1["used_by_run"] is False
    assert gpu1["energy_wh"] is None
    assert result["gpus_used"] == 1
    assert result["gpu_hours"] == 2.0  # one GPU used x 2 wall hours
    assert result["energy_wh"] == 300.0


def test_empty_summary():
    result = SummaryAccumulator().summary()
    assert result["samples"] == 0 and result["gpu_hours"] == 0
    assert result["proc_peak_rss_bytes"] is None and result["energy_wh"] is None


def test_robust_trend_ignores_outliers():
    points = [(float(x), 2.0 * x + 5) for x in range(20)]
    points[7] = (7.0, 1e9)
    slope, tau = robust_trend(points)
    assert slope == 2.0
    assert tau > 0.8
    assert robust_trend([(1.0, 1.0)]) == (0.0, 0.0)


def test_thresholds_from_a_config_table():
    thresholds = DiagnosisThresholds.from_mapping({"idle_gpu_seconds": 600, "leak_min_trend": 0.5})
    assert thresholds.idle_gpu_seconds == 600.0 and thresholds.leak_min_trend == 0.5
    assert thresholds.idle_gpu_util_percent == 5.0
    with pytest.raises(ValueError, match="unknown diagnosis threshold 'idle_seconds'"):
        DiagnosisThresholds.from_mapping({"idle_seconds": 1})
    for bad in ("5", -1, float("nan"), True):
        with pytest.raises(ValueError, match="must be a number"):
            DiagnosisThresholds.from_mapping({"idle_gpu_seconds": bad})
