"""Exercise the REAL NVML path on a GPU machine (not collected by pytest). Run:

    python tests/gpu/check_nvml.py [--seconds 5]

Prints the GPU inventory, then samples while this process runs a small matrix-multiply load
on every visible GPU (with torch or cupy, whichever is installed; idle GPUs otherwise), and
prints every per-GPU metric's last value, or NA. Exit status 1 when NVML works and sees GPUs but
the core fields (utilisation, memory) or this process's own GPU memory are missing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mlop_cli.records import Event, Points
from mlop_cli.sources.system import SystemSampler

GPU_FIELDS = [
    "util_percent",
    "mem_util_percent",
    "mem_used_bytes",
    "mem_total_bytes",
    "temp_c",
    "power_w",
    "power_limit_w",
    "sm_clock_mhz",
    "mem_clock_mhz",
    "pcie_rx_bytes_per_s",
    "pcie_tx_bytes_per_s",
    "throttle_reasons",
    "ecc_corrected_count",
    "ecc_uncorrected_count",
    "proc_mem_bytes",
    "energy_wh",
]


def start_load(stop: threading.Event, gpu_count: int) -> tuple[str, list[threading.Thread]]:
    """Keep every visible GPU busy with matrix multiplies until ``stop`` is set."""
    try:
        import torch

        if torch.cuda.is_available():

            def work(index: int) -> None:
                device = torch.device("cuda", index)
                a = torch.randn(4096, 4096, device=device)
                while not stop.is_set():
                    (a @ a).sum().item()

            threads = [
                threading.Thread(target=work, args=(i,), daemon=True) for i in range(gpu_count)
            ]
            for thread in threads:
                thread.start()
            return "torch", threads
    except ImportError:
        pass
    try:
        import cupy

        def work_cupy(index: int) -> None:
            with cupy.cuda.Device(index):
                a = cupy.random.rand(4096, 4096, dtype=cupy.float32)
                while not stop.is_set():
                    float((a @ a).sum())

        threads = [
            threading.Thread(target=work_cupy, args=(i,), daemon=True) for i in range(gpu_count)
        ]
        for thread in threads:
            thread.start()
        return "cupy", threads
    except ImportError:
        return "none (neither torch nor cupy installed: GPUs stay idle)", []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--interval", type=float, default=0.5)
    args = parser.parse_args()

    records: list = []
    sampler = SystemSampler(os.getpid(), records.append, interval=args.interval, paths={"cwd": "."})
    inventory = sampler.inventory()
    print("inventory:", json.dumps(inventory, indent=2))
    gpus = inventory["gpus"]

    stop = threading.Event()
    load, threads = start_load(stop, len(gpus)) if gpus else ("none (no GPU)", [])
    print(f"load: {load}")
    time.sleep(1.0)  # let the load allocate before the first sample
    sampler.start()
    time.sleep(args.seconds)
    sampler.stop()
    stop.set()
    for thread in threads:
        thread.join(timeout=10)

    last: dict[str, float] = {}
    for record in records:
        if isinstance(record, Points):
            last[record.metric] = record.values[-1]
    failures = []
    for gpu in gpus:
        number = gpu["gpu"]
        print(f"\nGPU {number}: {gpu['name']} {gpu['uuid']} (NVML index {gpu['nvml_index']})")
        for field in GPU_FIELDS:
            value = last.get(f"sys/gpu{number}/{field}")
            print(f"  {field:24} {'NA' if value is None else f'{value:,.3f}'}")
        for core in ("util_percent", "mem_used_bytes"):
            if f"sys/gpu{number}/{core}" not in last:
                failures.append(f"GPU {number}: {core} missing")
        if threads and not last.get(f"sys/gpu{number}/proc_mem_bytes"):
            failures.append(
                f"GPU {number}: this process's GPU memory not found (PID namespace of a container?)"
            )
    print("\nhost:", {k: v for k, v in last.items() if not k.startswith("sys/gpu")})
    print("\nevents:")
    for record in records:
        if isinstance(record, Event):
            print(f"  [{record.level}] {record.kind}: {record.message}")
    print("\nsummary:", json.dumps(sampler.summary(), indent=2))
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
