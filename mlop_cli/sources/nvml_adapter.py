"""The one adapter around NVML (``pynvml`` from nvidia-ml-py).

Everything mlop asks of NVIDIA's management library goes through :class:`NvmlAdapter`, so the
rest of the code never sees an ``NVMLError``. Missing hardware is normal (nvitop's habit): no
library, no driver, no GPU, or one field a GPU does not support all turn into ``None`` (NA),
reported once per field kind through a callback, never an exception.

``pynvml`` is imported lazily, inside :meth:`NvmlAdapter.open`, so importing this module is cheap.
Tests inject a fake module with the same names (``tests/fake_nvml.py``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

# Called once per field kind that is unavailable: (field kind, reason, level).
NoteCallback = Callable[[str, str, str], None]

# PCIe throughput comes in KB/s (NVML's "KB" is 1024 bytes, as nvitop reads it).
_KIB = 1024


@dataclass(slots=True)
class GpuDevice:
    """One physical GPU (or MIG instance) as NVML names it."""

    nvml_index: int
    handle: Any
    uuid: str | None
    name: str | None
    mem_total_bytes: int | None


@dataclass(slots=True)
class Selection:
    """The GPUs a run can see, in CUDA order, and a note when the choice was not clean."""

    devices: list[GpuDevice]
    note: str | None = None


def _text(value: Any) -> str:
    # Old pynvml versions return bytes, new ones str.
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def _utilization(nvml: Any, handle: Any) -> dict[str, float]:
    rates = nvml.nvmlDeviceGetUtilizationRates(handle)
    return {"util_percent": rates.gpu, "mem_util_percent": rates.memory}


def _memory(nvml: Any, handle: Any) -> dict[str, float]:
    info = nvml.nvmlDeviceGetMemoryInfo(handle)
    return {"mem_used_bytes": info.used, "mem_total_bytes": info.total}


def _temperature(nvml: Any, handle: Any) -> dict[str, float]:
    return {"temp_c": nvml.nvmlDeviceGetTemperature(handle, nvml.NVML_TEMPERATURE_GPU)}


def _power(nvml: Any, handle: Any) -> dict[str, float]:
    return {"power_w": nvml.nvmlDeviceGetPowerUsage(handle) / 1000.0}  # milliwatts


def _power_limit(nvml: Any, handle: Any) -> dict[str, float]:
    return {"power_limit_w": nvml.nvmlDeviceGetEnforcedPowerLimit(handle) / 1000.0}


def _clocks(nvml: Any, handle: Any) -> dict[str, float]:
    return {
        "sm_clock_mhz": nvml.nvmlDeviceGetClockInfo(handle, nvml.NVML_CLOCK_SM),
        "mem_clock_mhz": nvml.nvmlDeviceGetClockInfo(handle, nvml.NVML_CLOCK_MEM),
    }


def _pcie(nvml: Any, handle: Any) -> dict[str, float]:
    get = nvml.nvmlDeviceGetPcieThroughput
    return {
        "pcie_rx_bytes_per_s": get(handle, nvml.NVML_PCIE_UTIL_RX_BYTES) * _KIB,
        "pcie_tx_bytes_per_s": get(handle, nvml.NVML_PCIE_UTIL_TX_BYTES) * _KIB,
    }


def _throttle(nvml: Any, handle: Any) -> dict[str, float]:
    # NVML 12.x renamed "clocks throttle reasons" to "clocks event reasons"; same bitmask.
    get = getattr(nvml, "nvmlDeviceGetCurrentClocksEventReasons", None)
    if get is None:
        get = nvml.nvmlDeviceGetCurrentClocksThrottleReasons
    return {"throttle_reasons": get(handle)}


def _ecc(nvml: Any, handle: Any) -> dict[str, float]:
    get = nvml.nvmlDeviceGetTotalEccErrors
    volatile = nvml.NVML_VOLATILE_ECC
    return {
        "ecc_corrected_count": get(handle, nvml.NVML_MEMORY_ERROR_TYPE_CORRECTED, volatile),
        "ecc_uncorrected_count": get(handle, nvml.NVML_MEMORY_ERROR_TYPE_UNCORRECTED, volatile),
    }


def _energy(nvml: Any, handle: Any) -> dict[str, float]:
    # Millijoules since the driver was last loaded; the sampler makes it run-relative.
    return {"energy_counter_mj": nvml.nvmlDeviceGetTotalEnergyConsumption(handle)}


# Field kinds, each one NVML call (or two sharing a fate). The kind is what gets reported
# once when unsupported, so a GPU without ECC gives one note, not one per sample.
FIELD_KINDS: dict[str, Callable[[Any, Any], dict[str, float]]] = {
    "utilization": _utilization,
    "memory": _memory,
    "temperature": _temperature,
    "power": _power,
    "power_limit": _power_limit,
    "clocks": _clocks,
    "pcie": _pcie,
    "throttle": _throttle,
    "ecc": _ecc,
    "energy": _energy,
}


class NvmlAdapter:
    """A small, failure-proof view of NVML.

    Args:
        module: a module with the ``pynvml`` API; ``None`` imports ``pynvml`` on :meth:`open`.
        on_note: called once per unavailable field kind with (kind, reason, level).
    """

    def __init__(self, module: ModuleType | Any | None = None, on_note: NoteCallback | None = None):
        self._module = module
        self._nvml: Any = None
        self._on_note = on_note or (lambda kind, reason, level: None)
        self._noted: set[str] = set()
        self._opened = False
        self.unavailable_reason: str | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def open(self) -> bool:
        """Initialise NVML; return False (and note why, once) when there is none to use."""
        if self._opened:
            return self._nvml is not None
        self._opened = True
        try:
            nvml = self._module if self._module is not None else importlib.import_module("pynvml")
        except Exception as exc:  # ImportError, or a broken install
            self._fail("library", f"pynvml cannot be imported ({exc})", "debug")
            return False
        try:
            nvml.nvmlInit()
        except Exception as exc:
            self._fail("library", _describe_init_error(nvml, exc), _init_error_level(nvml, exc))
            return False
        self._nvml = nvml
        return True

    def close(self) -> None:
        """Shut NVML down; safe to call more than once."""
        nvml, self._nvml = self._nvml, None
        if nvml is not None:
            try:
                nvml.nvmlShutdown()
            except Exception:
                pass  # nothing useful to do about a failing shutdown

    @property
    def available(self) -> bool:
        """True once :meth:`open` succeeded and until :meth:`close`."""
        return self._nvml is not None

    # -- inventory -------------------------------------------------------------------------

    def devices(self) -> list[GpuDevice]:
        """All GPUs NVML sees, in NVML (PCI bus) order; empty when NVML is unavailable."""
        nvml = self._nvml
        if nvml is None:
            return []
        count = self._call("device_count", nvml.nvmlDeviceGetCount)
        result = []
        for index in range(count or 0):
            handle = self._call("device_handle", nvml.nvmlDeviceGetHandleByIndex, index)
            if handle is not None:
                result.append(self._device(index, handle))
        return result

    def device_by_uuid(self, uuid: str) -> GpuDevice | None:
        """Look up a GPU or MIG instance by its full UUID (``GPU-…`` or ``MIG-…``)."""
        nvml = self._nvml
        if nvml is None:
            return None
        try:
            handle = nvml.nvmlDeviceGetHandleByUUID(uuid)
        except Exception:
            return None  # an unresolved id is the caller's to note
        return self._device(-1, handle)

    def _device(self, index: int, handle: Any) -> GpuDevice:
        nvml = self._nvml
        uuid = self._call("uuid", nvml.nvmlDeviceGetUUID, handle)
        name = self._call("name", nvml.nvmlDeviceGetName, handle)
        memory = self._call("memory", nvml.nvmlDeviceGetMemoryInfo, handle)
        return GpuDevice(
            nvml_index=index,
            handle=handle,
            uuid=_text(uuid) if uuid is not None else None,
            name=_text(name) if name is not None else None,
            mem_total_bytes=int(memory.total) if memory is not None else None,
        )

    def driver_version(self) -> str | None:
        """The driver version string, e.g. ``"550.54.15"``."""
        if self._nvml is None:
            return None
        value = self._call("driver_version", self._nvml.nvmlSystemGetDriverVersion)
        return _text(value) if value is not None else None

    def cuda_driver_version(self) -> str | None:
        """The CUDA version the driver supports, e.g. ``"12.4"``."""
        if self._nvml is None:
            return None
        value = self._call("cuda_version", self._nvml.nvmlSystemGetCudaDriverVersion)
        if value is None:
            return None
        return f"{int(value) // 1000}.{(int(value) % 1000) // 10}"

    # -- sampling --------------------------------------------------------------------------

    def read(self, handle: Any, kinds: Iterable[str] = FIELD_KINDS) -> dict[str, float]:
        """Read the given field kinds of one GPU; unavailable ones are simply absent."""
        nvml = self._nvml
        values: dict[str, float] = {}
        if nvml is None:
            return values
        for kind in kinds:
            try:
                values.update(FIELD_KINDS[kind](nvml, handle))
            except Exception as exc:
                self._note(kind, _describe_error(exc))
        return values

    def process_memory(self, handle: Any) -> dict[int, int | None] | None:
        """GPU memory per process on one GPU (compute and graphics), or None when unknown.

        A process's value is None when the driver does not report it (e.g. Windows WDDM).
        """
        nvml = self._nvml
        if nvml is None:
            return None
        found = False
        result: dict[int, int | None] = {}
        for name in (
            "nvmlDeviceGetComputeRunningProcesses",
            "nvmlDeviceGetGraphicsRunningProcesses",
        ):
            try:
                processes = getattr(nvml, name)(handle)
            except Exception as exc:
                self._note("processes", _describe_error(exc))
                continue
            found = True
            for process in processes:
                used = getattr(process, "usedGpuMemory", None)
                previous = result.get(process.pid)
                # A process with both a compute and a graphics context is listed twice.
                if previous is None or (used is not None and used > previous):
                    result[process.pid] = used
        return result if found else None

    # -- notes -----------------------------------------------------------------------------

    def _call(self, kind: str, function: Callable[..., Any], *args: Any) -> Any:
        try:
            return function(*args)
        except Exception as exc:
            self._note(kind, _describe_error(exc))
            return None

    def _note(self, kind: str, reason: str, level: str = "debug") -> None:
        if kind not in self._noted:
            self._noted.add(kind)
            self._on_note(kind, reason, level)

    def _fail(self, kind: str, reason: str, level: str) -> None:
        self.unavailable_reason = reason
        self._note(kind, reason, level)


def _describe_error(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text != type(exc).__name__ else text


def _error_code(nvml: Any, exc: BaseException, name: str) -> bool:
    code = getattr(nvml, name, None)
    return code is not None and getattr(exc, "value", None) == code


def _describe_init_error(nvml: Any, exc: BaseException) -> str:
    if _error_code(nvml, exc, "NVML_ERROR_LIBRARY_NOT_FOUND"):
        return "NVML library not found (no NVIDIA driver installed): GPU metrics skipped"
    if _error_code(nvml, exc, "NVML_ERROR_DRIVER_NOT_LOADED"):
        return "NVIDIA driver not loaded: GPU metrics skipped"
    if _error_code(nvml, exc, "NVML_ERROR_LIB_RM_VERSION_MISMATCH"):
        return (
            "NVML library and kernel driver versions differ (driver updated without a reboot?): "
            "GPU metrics skipped"
        )
    return f"NVML could not start ({_describe_error(exc)}): GPU metrics skipped"


def _init_error_level(nvml: Any, exc: BaseException) -> str:
    # A machine without NVIDIA hardware is normal; a broken driver on a GPU machine is not.
    quiet = ("NVML_ERROR_LIBRARY_NOT_FOUND", "NVML_ERROR_DRIVER_NOT_LOADED")
    return "debug" if any(_error_code(nvml, exc, name) for name in quiet) else "warning"


def select_visible_devices(
    adapter: NvmlAdapter, devices: list[GpuDevice], environ: Mapping[str, str]
) -> Selection:
    """The GPUs a process with ``environ`` can use, following ``CUDA_VISIBLE_DEVICES``.

    Entries are indices, full UUIDs, unique UUID prefixes (``GPU-8a2f``) or MIG UUIDs, as CUDA
    accepts them. As in CUDA, an invalid index (``-1``) ends the list. An entry that cannot be
    resolved falls back to all GPUs with a note, so nothing is hidden by a guess.
    """
    value = environ.get("CUDA_VISIBLE_DEVICES")
    if value is None:
        return Selection(list(devices))
    chosen: list[GpuDevice] = []
    for raw in value.split(","):
        entry = raw.strip()
        if not entry:
            break
        if entry.lstrip("-").isdigit():
            index = int(entry)
            if index < 0 or index >= len(devices):
                break  # CUDA stops at the first invalid ordinal
            device = devices[index]
        else:
            resolved = _resolve_uuid(adapter, devices, entry)
            if resolved is None:
                note = f"CUDA_VISIBLE_DEVICES entry {entry!r} not found: sampling all GPUs"
                return Selection(list(devices), note)
            device = resolved
        if all(device.uuid != other.uuid or device.uuid is None for other in chosen):
            chosen.append(device)
    return Selection(chosen)


def _resolve_uuid(adapter: NvmlAdapter, devices: list[GpuDevice], entry: str) -> GpuDevice | None:
    wanted = entry if entry.startswith(("GPU-", "MIG-")) else f"GPU-{entry}"
    matches = [d for d in devices if d.uuid and d.uuid.lower().startswith(wanted.lower())]
    if len(matches) == 1:
        return matches[0]
    if wanted.startswith("MIG-"):
        # MIG instances are not in the index list; NVML resolves their UUIDs directly.
        return adapter.device_by_uuid(wanted)
    return None
