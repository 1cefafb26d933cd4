"""How the report shows system metrics: grouped (the run's processes, the machine, each GPU),
titled in words, in the unit their name carries (docs/system.md lists the names)."""

from __future__ import annotations

import re

from mlop_cli.direction import SYSTEM_PREFIX

PROCESS_LABELS = {
    "cpu_percent": "CPU",
    "cpu_limit_percent": "CPU of the limit",
    "rss_bytes": "Memory (RSS)",
    "disk_read_bytes_per_s": "Disk read",
    "disk_write_bytes_per_s": "Disk write",
    "count": "Processes",
    "threads": "Threads",
    "open_fds": "Open files",
}
MACHINE_LABELS = {
    "cpu_percent": "CPU",
    "cpu_limit_cores": "CPU limit",
    "mem_used_percent": "Memory used",
    "mem_used_bytes": "Memory used",
    "mem_available_bytes": "Memory available",
    "swap_used_percent": "Swap used",
    "swap_used_bytes": "Swap used",
    "load_1m": "Load (1 min)",
    "load_5m": "Load (5 min)",
    "load_15m": "Load (15 min)",
    "disk_read_bytes_per_s": "Disk read",
    "disk_write_bytes_per_s": "Disk write",
    "net_recv_bytes_per_s": "Network received",
    "net_sent_bytes_per_s": "Network sent",
}
GPU_LABELS = {
    "util_percent": "Utilisation",
    "mem_used_bytes": "Memory used",
    "proc_mem_bytes": "Memory of the run",
    "mem_util_percent": "Memory busy",
    "mem_total_bytes": "Memory total",
    "power_w": "Power",
    "power_limit_w": "Power limit",
    "energy_wh": "Energy",
    "temp_c": "Temperature",
    "sm_clock_mhz": "SM clock",
    "mem_clock_mhz": "Memory clock",
    "pcie_rx_bytes_per_s": "PCIe received",
    "pcie_tx_bytes_per_s": "PCIe sent",
    "throttle_reasons": "Throttle reasons",
    "ecc_corrected_count": "ECC errors, corrected",
    "ecc_uncorrected_count": "ECC errors, uncorrected",
}
# Axis titles of quantities that carry no unit in their name.
COUNT_UNITS = {
    "count": "processes",
    "threads": "threads",
    "open_fds": "files",
    "load_1m": "load",
    "load_5m": "load",
    "load_15m": "load",
    "throttle_reasons": "bitmask",
    "ecc_corrected_count": "errors",
    "ecc_uncorrected_count": "errors",
}
_GPU = re.compile(r"gpu(\d+)$")
_CORE = re.compile(r"core(\d+)$")
_UNIT_SUFFIX = re.compile(r"_(bytes_per_s|bytes|percent|wh|w|c|mhz|cores)$")


def _split(name: str) -> tuple[str, str]:
    """(scope, quantity): ``sys/gpu0/temp_c`` -> (``gpu0``, ``temp_c``); machine scope ``""``."""
    rest = name[len(SYSTEM_PREFIX) :] if name.startswith(SYSTEM_PREFIX) else name
    if rest.startswith("fs/"):
        return "", rest
    scope, slash, quantity = rest.partition("/")
    return (scope, quantity) if slash else ("", rest)


def group_of(name: str) -> tuple[tuple[int, int, str], str]:
    """(sort key, title) of the group a system metric is shown in.

    The run's processes first, then the machine, each GPU in number order, the CPU cores,
    then any other scope by name.
    """
    scope, _ = _split(name)
    if scope == "proc" or name == SYSTEM_PREFIX + "cpu_limit_cores":
        return (0, 0, "process"), "Process tree"
    if scope == "":
        return (1, 0, "machine"), "Machine"
    gpu = _GPU.match(scope)
    if gpu:
        return (2, int(gpu.group(1)), scope), f"GPU {gpu.group(1)}"
    if _CORE.match(scope):
        return (3, 0, "cores"), "CPU cores"
    return (4, 0, scope), scope


def _words(quantity: str) -> str:
    text = _UNIT_SUFFIX.sub("", quantity).replace("_", " ").replace("/", " ").strip()
    return text[:1].upper() + text[1:] if text else quantity


def label_of(name: str) -> str:
    """The chart title of a system metric: ``Memory (RSS)``, ``Temperature``, ``Core 3``."""
    scope, quantity = _split(name)
    core = _CORE.match(scope)
    if core:
        return f"Core {core.group(1)}"
    if quantity.startswith("fs/"):
        parts = quantity.split("/")
        if len(parts) == 3:
            return f"Free space ({parts[1]})"
    if scope == "proc":
        return PROCESS_LABELS.get(quantity, _words(quantity))
    if scope == "":
        return MACHINE_LABELS.get(quantity, _words(quantity))
    if _GPU.match(scope):
        return GPU_LABELS.get(quantity, _words(quantity))
    return _words(quantity)


def order_of(name: str) -> tuple[int, str]:
    """Sort key inside a group: the documented order of the quantities, then by name."""
    scope, quantity = _split(name)
    table = (
        PROCESS_LABELS
        if scope == "proc"
        else GPU_LABELS
        if _GPU.match(scope)
        else MACHINE_LABELS
        if scope == ""
        else {}
    )
    keys = list(table)
    return (keys.index(quantity) if quantity in table else len(keys), name)


def count_unit(name: str) -> str:
    """The axis title of a system quantity whose name has no unit (``threads``), or ``""``."""
    _, quantity = _split(name)
    return COUNT_UNITS.get(quantity, "")
