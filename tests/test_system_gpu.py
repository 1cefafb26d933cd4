"""GPU metrics through the NVML adapter, driven by the fake pynvml module (tests/fake_nvml.py)."""

from __future__ import annotations

import os
import sys

import pytest

from mlop_cli.records import ContextUpdate, Event, Points
from mlop_cli.sources.nvml_adapter import NvmlAdapter, select_visible_devices
from mlop_cli.sources.system import SystemSampler
from tests.fake_nvml import (
    NVML_ERROR_LIB_RM_VERSION_MISMATCH,
    NVML_ERROR_LIBRARY_NOT_FOUND,
    FakeGpu,
    FakeNvml,
)

GIB = 2**30
UUID_A = "GPU-aaaa1111-0000-0000-0000-000000000000"
UUID_B = "GPU-bbbb2222-0000-0000-0000-000000000000"


class FakeClock:
    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now


def two_gpus() -> list[FakeGpu]:
    me = os.getpid()
    return [
        FakeGpu(uuid=UUID_A, name="GPU A", util=50, compute={me: 2 * GIB, 999_999: 5 * GIB}),
        FakeGpu(uuid=UUID_B, name="GPU B", util=7, mem_used=3 * GIB, graphics={me: GIB}),
    ]


def make(nvml, environ=None, clock=None):
    records = []
    clock = clock or FakeClock()
    sampler = SystemSampler(
        os.getpid(),
        records.append,
        nvml=nvml,
        environ=environ or {},
        clock=clock,
        wall_clock=clock,
        per_core=False,
    )
    return sampler, records, clock


def latest(records, metric):
    values = [r.values[-1] for r in records if isinstance(r, Points) and r.metric == metric]
    return values[-1] if values else None


def gpu_metrics(records):
    return {r.metric for r in records if isinstance(r, Points) and r.metric.startswith("sys/gpu")}


def events(records, kind=None):
    return [r for r in records if isinstance(r, Event) and (kind is None or r.kind == kind)]


def test_two_gpus_all_fields_in_api_units():
    nvml = FakeNvml(two_gpus())
    sampler, records, clock = make(nvml)
    inventory = sampler.inventory()
    assert [g["uuid"] for g in inventory["gpus"]] == [UUID_A, UUID_B]
    assert inventory["gpus"][1] == {
        "gpu": 1,
        "nvml_index": 1,
        "name": "GPU B",
        "uuid": UUID_B,
        "mem_total_bytes": 80 * GIB,
    }
    assert inventory["driver_version"] == "550.54.15"
    assert inventory["cuda_driver_version"] == "12.4"

    sampler.sample_once()
    assert latest(records, "sys/gpu0/util_percent") == 50
    assert latest(records, "sys/gpu1/util_percent") == 7
    assert latest(records, "sys/gpu0/mem_util_percent") == 20
    assert latest(records, "sys/gpu1/mem_used_bytes") == 3 * GIB
    assert latest(records, "sys/gpu0/mem_total_bytes") == 80 * GIB
    assert latest(records, "sys/gpu0/temp_c") == 60
    assert latest(records, "sys/gpu0/power_w") == 300.0
    assert latest(records, "sys/gpu0/power_limit_w") == 700.0
    assert latest(records, "sys/gpu0/sm_clock_mhz") == 1980
    assert latest(records, "sys/gpu0/mem_clock_mhz") == 2619
    assert latest(records, "sys/gpu0/pcie_rx_bytes_per_s") == 1000 * 1024
    assert latest(records, "sys/gpu0/pcie_tx_bytes_per_s") == 2000 * 1024
    assert latest(records, "sys/gpu0/throttle_reasons") == 0
    assert latest(records, "sys/gpu0/ecc_corrected_count") == 1
    assert latest(records, "sys/gpu0/ecc_uncorrected_count") == 0
    # Only the run's own processes count: pid 999999 is someone else's.
    assert latest(records, "sys/gpu0/proc_mem_bytes") == 2 * GIB
    assert latest(records, "sys/gpu1/proc_mem_bytes") == GIB
    assert latest(records, "sys/gpu0/energy_wh") == 0.0
    assert "sys/gpu0/energy_counter_mj" not in gpu_metrics(records)
    assert all(r.source == "system" for r in records if isinstance(r, Points))

    # Energy comes from the GPU's counter, relative to the first sample: 3.6e6 mJ is 1 Wh.
    nvml.gpus[0].energy_mj += 3_600_000
    nvml.gpus[0].throttle = 0x4
    clock.now += 1
    sampler.sample_once()
    assert latest(records, "sys/gpu0/energy_wh") == pytest.approx(1.0)
    assert latest(records, "sys/gpu0/throttle_reasons") == 4
    assert events(records) == []


def test_start_emits_inventory_as_context_update():
    sampler, records, _ = make(FakeNvml(two_gpus()))
    sampler.start()
    sampler.stop()
    assert isinstance(records[0], ContextUpdate)
    assert records[0].values["system_inventory"]["gpus"][0]["name"] == "GPU A"


@pytest.mark.parametrize(
    ("visible", "expected"),
    [
        ("1", [UUID_B]),
        ("1,0", [UUID_B, UUID_A]),
        (UUID_B, [UUID_B]),
        ("GPU-bbbb", [UUID_B]),  # a unique prefix, as CUDA accepts
        ("bbbb2222", [UUID_B]),
        ("0,-1,1", [UUID_A]),  # CUDA stops at the first invalid ordinal
        ("-1", []),
        ("", []),
        ("0,7", [UUID_A]),
    ],
)
def test_cuda_visible_devices(visible, expected):
    sampler, records, _ = make(FakeNvml(two_gpus()), environ={"CUDA_VISIBLE_DEVICES": visible})
    assert [g["uuid"] for g in sampler.inventory()["gpus"]] == expected
    sampler.sample_once()
    assert len({m.split("/")[1] for m in gpu_metrics(records)}) == len(expected)
    if expected:
        # The run's numbering: gpu0 is the first visible GPU, whatever its NVML index.
        first = two_gpus()[[UUID_A, UUID_B].index(expected[0])]
        assert latest(records, "sys/gpu0/util_percent") == first.util
    assert events(records) == []


def test_unresolvable_visible_device_samples_all_and_says_so():
    env = {"CUDA_VISIBLE_DEVICES": "GPU-ffff"}
    sampler, records, _ = make(FakeNvml(two_gpus()), environ=env)
    inventory = sampler.inventory()
    assert len(inventory["gpus"]) == 2
    assert "GPU-ffff" in inventory["gpu_note"]
    [note] = events(records)
    assert note.level == "warning" and "sampling all GPUs" in note.message


def test_ambiguous_prefix_is_not_guessed():
    gpus = [FakeGpu(uuid="GPU-ab01"), FakeGpu(uuid="GPU-ab02")]
    adapter = NvmlAdapter(FakeNvml(gpus))
    adapter.open()
    selection = select_visible_devices(adapter, adapter.devices(), {"CUDA_VISIBLE_DEVICES": "ab"})
    assert len(selection.devices) == 2 and selection.note


def test_mig_uuid_resolves_through_nvml():
    mig = FakeGpu(uuid="MIG-1234abcd", name="MIG 1g.10gb", util=33)
    env = {"CUDA_VISIBLE_DEVICES": "MIG-1234abcd"}
    sampler, records, _ = make(FakeNvml(two_gpus(), mig=[mig]), environ=env)
    assert [g["name"] for g in sampler.inventory()["gpus"]] == ["MIG 1g.10gb"]
    sampler.sample_once()
    assert latest(records, "sys/gpu0/util_percent") == 33


def test_unsupported_fields_are_na_noted_once_and_energy_integrates_power():
    gpus = two_gpus()
    for gpu in gpus:
        gpu.unsupported = {"nvmlDeviceGetTotalEccErrors", "nvmlDeviceGetTotalEnergyConsumption"}
    nvml = FakeNvml(gpus)
    sampler, records, clock = make(nvml)
    for _ in range(3):
        sampler.sample_once()
        clock.now += 10
    names = gpu_metrics(records)
    assert not any("ecc" in name for name in names)
    assert "sys/gpu0/util_percent" in names
    # Power integrated (trapezoid) over time: 300 W for 20 s.
    assert latest(records, "sys/gpu0/energy_wh") == pytest.approx(300 * 20 / 3600)
    notes = events(records, "system.unavailable")
    assert sorted(n.data["field"] for n in notes) == ["gpu.ecc", "gpu.energy"]
    assert all(n.level == "debug" and "Not Supported" in n.message for n in notes)


def test_power_changes_are_integrated_as_trapezoids():
    gpu = FakeGpu(uuid=UUID_A, unsupported={"nvmlDeviceGetTotalEnergyConsumption"})
    nvml = FakeNvml([gpu])
    sampler, records, clock = make(nvml)
    for power_w in (100, 200, 200):
        gpu.power_mw = power_w * 1000
        sampler.sample_once()
        clock.now += 36
    # (100+200)/2 * 36 s + 200 * 36 s = 12600 J = 3.5 Wh
    assert latest(records, "sys/gpu0/energy_wh") == pytest.approx(3.5)


def test_library_missing_is_quiet():
    sampler, records, _ = make(FakeNvml(two_gpus(), init_error=NVML_ERROR_LIBRARY_NOT_FOUND))
    inventory = sampler.inventory()
    assert inventory["gpus"] == []
    sampler.sample_once()
    sampler.sample_once()
    assert gpu_metrics(records) == set()
    assert latest(records, "sys/mem_used_bytes") is not None  # the rest goes on
    [note] = events(records)
    assert note.level == "debug" and "not found" in note.message


def test_pynvml_import_error_is_quiet(monkeypatch):
    monkeypatch.setitem(sys.modules, "pynvml", None)  # makes ``import pynvml`` fail
    sampler, records, _ = make(None)
    assert sampler.inventory()["gpus"] == []
    sampler.sample_once()
    [note] = events(records)
    assert note.level == "debug" and "cannot be imported" in note.message


def test_real_pynvml_never_raises():
    # The real module on this machine: GPUs if there are any, else a quiet note.
    sampler, records, _ = make(None)
    inventory = sampler.inventory()
    sampler.sample_once()
    assert inventory["gpus"] or inventory["gpu_note"]
    sampler.stop()


def test_driver_mismatch_is_a_warning():
    nvml = FakeNvml(two_gpus(), init_error=NVML_ERROR_LIB_RM_VERSION_MISMATCH)
    sampler, records, _ = make(nvml)
    sampler.sample_once()
    [note] = events(records)
    assert note.level == "warning" and "reboot" in note.message


def test_gpu_lost_mid_run_degrades_to_na():
    nvml = FakeNvml(two_gpus())
    sampler, records, clock = make(nvml)
    sampler.sample_once()
    before = len(gpu_metrics(records))
    nvml.gpus[1].unsupported = {
        name for name in dir(nvml) if name.startswith("nvmlDevice")
    }  # every call on GPU 1 fails
    records.clear()
    clock.now += 1
    sampler.sample_once()
    sampler.sample_once()
    assert {m for m in gpu_metrics(records) if m.startswith("sys/gpu1/")} == set()
    assert len([m for m in gpu_metrics(records) if m.startswith("sys/gpu0/")]) == before // 2
    assert not events(records, "system.error")


def test_summary_names_gpus_and_counts_gpu_hours():
    nvml = FakeNvml(two_gpus())
    sampler, records, clock = make(nvml)
    nvml.gpus[1].graphics = {}  # the run holds memory on GPU 0 only
    for util in (40, 60):
        nvml.gpus[0].util = util
        sampler.sample_once()
        clock.now += 1800
    sampler.sample_once()
    nvml.gpus[0].energy_mj += 7_200_000
    summary = sampler.summary()
    assert summary["gpus"][0]["name"] == "GPU A"
    assert summary["gpus"][0]["uuid"] == UUID_A
    assert summary["gpus"][0]["mean_util_percent"] == pytest.approx((40 + 60 + 60) / 3)
    assert summary["gpus_used"] == 1
    assert summary["gpu_hours"] == pytest.approx(1.0)
    assert summary["gpus"][1]["used_by_run"] is False


def test_adapter_process_memory_merges_compute_and_graphics():
    gpu = FakeGpu(uuid=UUID_A, compute={1: 100, 2: None}, graphics={1: 100, 3: 50})
    adapter = NvmlAdapter(FakeNvml([gpu]))
    assert adapter.open()
    [device] = adapter.devices()
    assert adapter.process_memory(device.handle) == {1: 100, 2: None, 3: 50}
    adapter.close()
    assert not adapter.available
    assert adapter.read(device.handle) == {}
