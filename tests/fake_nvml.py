"""A fake of the ``pynvml`` module (nvidia-ml-py) for tests: the one fake this project sanctions.

It mirrors the names, units and error classes of the real module (values in milliwatts, KB/s,
millijoules; errors as ``NVMLError`` subclasses carrying ``.value``) so the adapter under test
cannot tell the difference. Each :class:`FakeNvml` instance is an independent "module": inject it
as ``SystemSampler(..., nvml=FakeNvml([...]))``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

NVML_TEMPERATURE_GPU = 0
NVML_CLOCK_SM = 1
NVML_CLOCK_MEM = 2
NVML_PCIE_UTIL_TX_BYTES = 0
NVML_PCIE_UTIL_RX_BYTES = 1
NVML_MEMORY_ERROR_TYPE_CORRECTED = 0
NVML_MEMORY_ERROR_TYPE_UNCORRECTED = 1
NVML_VOLATILE_ECC = 0

NVML_ERROR_NOT_SUPPORTED = 3
NVML_ERROR_NO_PERMISSION = 4
NVML_ERROR_NOT_FOUND = 6
NVML_ERROR_DRIVER_NOT_LOADED = 9
NVML_ERROR_LIBRARY_NOT_FOUND = 12
NVML_ERROR_GPU_IS_LOST = 15
NVML_ERROR_LIB_RM_VERSION_MISMATCH = 18
NVML_ERROR_UNKNOWN = 999


class NVMLError(Exception):
    """Like pynvml's: ``NVMLError(code)`` builds the subclass for that code."""

    _by_code: dict[int, type] = {}

    def __new__(cls, value: int | None = None):
        if cls is NVMLError and value in NVMLError._by_code:
            cls = NVMLError._by_code[value]
        obj = Exception.__new__(cls)
        obj.value = value if value is not None else getattr(cls, "code", NVML_ERROR_UNKNOWN)
        return obj

    def __init__(self, value: int | None = None):
        super().__init__()

    def __str__(self) -> str:
        return _STRINGS.get(self.value, "Unknown Error")


_STRINGS = {
    NVML_ERROR_NOT_SUPPORTED: "Not Supported",
    NVML_ERROR_NO_PERMISSION: "Insufficient Permissions",
    NVML_ERROR_NOT_FOUND: "Not Found",
    NVML_ERROR_DRIVER_NOT_LOADED: "Driver Not Loaded",
    NVML_ERROR_LIBRARY_NOT_FOUND: "NVML Shared Library Not Found",
    NVML_ERROR_GPU_IS_LOST: "GPU is lost",
    NVML_ERROR_LIB_RM_VERSION_MISMATCH: "RM has detected an NVML/RM version mismatch.",
}


def _error_class(name: str, code: int) -> type:
    cls = type(name, (NVMLError,), {"code": code})
    NVMLError._by_code[code] = cls
    return cls


NVMLError_NotSupported = _error_class("NVMLError_NotSupported", NVML_ERROR_NOT_SUPPORTED)
NVMLError_NoPermission = _error_class("NVMLError_NoPermission", NVML_ERROR_NO_PERMISSION)
NVMLError_NotFound = _error_class("NVMLError_NotFound", NVML_ERROR_NOT_FOUND)
NVMLError_DriverNotLoaded = _error_class("NVMLError_DriverNotLoaded", NVML_ERROR_DRIVER_NOT_LOADED)
NVMLError_LibraryNotFound = _error_class("NVMLError_LibraryNotFound", NVML_ERROR_LIBRARY_NOT_FOUND)
NVMLError_GpuIsLost = _error_class("NVMLError_GpuIsLost", NVML_ERROR_GPU_IS_LOST)
NVMLError_LibRmVersionMismatch = _error_class(
    "NVMLError_LibRmVersionMismatch", NVML_ERROR_LIB_RM_VERSION_MISMATCH
)


@dataclass
class FakeGpu:
    """One fake GPU; every value in the real API's units. Mutate between samples to script."""

    uuid: str
    name: str = "NVIDIA Fake 80GB"
    util: int = 50
    mem_util: int = 20
    mem_total: int = 80 * 2**30
    mem_used: int = 10 * 2**30
    temp_c: int = 60
    power_mw: int = 300_000
    power_limit_mw: int = 700_000
    sm_clock: int = 1980
    mem_clock: int = 2619
    pcie_rx_kb: int = 1000
    pcie_tx_kb: int = 2000
    throttle: int = 0
    ecc_corrected: int = 1
    ecc_uncorrected: int = 0
    energy_mj: int = 1_000_000
    # pid -> used bytes (None: "not available", as on Windows WDDM)
    compute: dict[int, int | None] = field(default_factory=dict)
    graphics: dict[int, int | None] = field(default_factory=dict)
    # names of nvml functions that raise NVMLError_NotSupported for this GPU
    unsupported: set[str] = field(default_factory=set)


class FakeNvml:
    """A stand-in for the ``pynvml`` module, over a list of :class:`FakeGpu`.

    Args:
        gpus: the GPUs, in NVML index order.
        init_error: an NVML error code that ``nvmlInit`` raises (no library, no driver, …).
        driver: the driver version string.
        cuda: the CUDA driver version as NVML encodes it (12040 is 12.4).
        mig: MIG instances, reachable only through ``nvmlDeviceGetHandleByUUID`` as in NVML.
    """

    def __init__(
        self,
        gpus: list[FakeGpu],
        init_error: int | None = None,
        driver: str = "550.54.15",
        cuda: int = 12040,
        mig: list[FakeGpu] | None = None,
    ):
        self.gpus = gpus
        self.mig = mig or []
        self.init_error = init_error
        self.driver = driver
        self.cuda = cuda
        self.initialized = False
        self.calls: dict[str, int] = {}
        # Copy the module-level names, as ``import pynvml`` would show them.
        for name, value in globals().items():
            if name.startswith(("NVML_", "NVMLError")):
                setattr(self, name, value)

    # -- helpers -------------------------------------------------------------------------------

    def _gpu(self, handle: Any, function: str) -> FakeGpu:
        self.calls[function] = self.calls.get(function, 0) + 1
        if not self.initialized:
            raise NVMLError(1)  # Uninitialized
        gpu = handle.gpu
        if function in gpu.unsupported:
            raise NVMLError_NotSupported()
        return gpu

    # -- the pynvml API --------------------------------------------------------------------------

    def nvmlInit(self) -> None:
        if self.init_error is not None:
            raise NVMLError(self.init_error)
        self.initialized = True

    def nvmlShutdown(self) -> None:
        self.initialized = False

    def nvmlSystemGetDriverVersion(self) -> str:
        return self.driver

    def nvmlSystemGetCudaDriverVersion(self) -> int:
        return self.cuda

    def nvmlDeviceGetCount(self) -> int:
        return len(self.gpus)

    def nvmlDeviceGetHandleByIndex(self, index: int) -> Any:
        if not 0 <= index < len(self.gpus):
            raise NVMLError(2)  # Invalid Argument
        return SimpleNamespace(gpu=self.gpus[index])

    def nvmlDeviceGetHandleByUUID(self, uuid: str) -> Any:
        for gpu in self.gpus + self.mig:
            if gpu.uuid == uuid:
                return SimpleNamespace(gpu=gpu)
        raise NVMLError_NotFound()

    def nvmlDeviceGetName(self, handle: Any) -> str:
        return self._gpu(handle, "nvmlDeviceGetName").name

    def nvmlDeviceGetUUID(self, handle: Any) -> str:
        return self._gpu(handle, "nvmlDeviceGetUUID").uuid

    def nvmlDeviceGetMemoryInfo(self, handle: Any) -> Any:
        gpu = self._gpu(handle, "nvmlDeviceGetMemoryInfo")
        return SimpleNamespace(
            total=gpu.mem_total, used=gpu.mem_used, free=gpu.mem_total - gpu.mem_used
        )

    def nvmlDeviceGetUtilizationRates(self, handle: Any) -> Any:
        gpu = self._gpu(handle, "nvmlDeviceGetUtilizationRates")
        return SimpleNamespace(gpu=gpu.util, memory=gpu.mem_util)

    def nvmlDeviceGetTemperature(self, handle: Any, sensor: int) -> int:
        assert sensor == NVML_TEMPERATURE_GPU
        return self._gpu(handle, "nvmlDeviceGetTemperature").temp_c

    def nvmlDeviceGetPowerUsage(self, handle: Any) -> int:
        return self._gpu(handle, "nvmlDeviceGetPowerUsage").power_mw

    def nvmlDeviceGetEnforcedPowerLimit(self, handle: Any) -> int:
        return self._gpu(handle, "nvmlDeviceGetEnforcedPowerLimit").power_limit_mw

    def nvmlDeviceGetClockInfo(self, handle: Any, clock: int) -> int:
        gpu = self._gpu(handle, "nvmlDeviceGetClockInfo")
        return {NVML_CLOCK_SM: gpu.sm_clock, NVML_CLOCK_MEM: gpu.mem_clock}[clock]

    def nvmlDeviceGetPcieThroughput(self, handle: Any, counter: int) -> int:
        gpu = self._gpu(handle, "nvmlDeviceGetPcieThroughput")
        return {NVML_PCIE_UTIL_RX_BYTES: gpu.pcie_rx_kb, NVML_PCIE_UTIL_TX_BYTES: gpu.pcie_tx_kb}[
            counter
        ]

    def nvmlDeviceGetCurrentClocksEventReasons(self, handle: Any) -> int:
        return self._gpu(handle, "nvmlDeviceGetCurrentClocksEventReasons").throttle

    def nvmlDeviceGetCurrentClocksThrottleReasons(self, handle: Any) -> int:
        return self._gpu(handle, "nvmlDeviceGetCurrentClocksThrottleReasons").throttle

    def nvmlDeviceGetTotalEccErrors(self, handle: Any, error_type: int, counter: int) -> int:
        gpu = self._gpu(handle, "nvmlDeviceGetTotalEccErrors")
        assert counter == NVML_VOLATILE_ECC
        if error_type == NVML_MEMORY_ERROR_TYPE_CORRECTED:
            return gpu.ecc_corrected
        return gpu.ecc_uncorrected

    def nvmlDeviceGetTotalEnergyConsumption(self, handle: Any) -> int:
        return self._gpu(handle, "nvmlDeviceGetTotalEnergyConsumption").energy_mj

    def nvmlDeviceGetComputeRunningProcesses(self, handle: Any) -> list[Any]:
        gpu = self._gpu(handle, "nvmlDeviceGetComputeRunningProcesses")
        return [SimpleNamespace(pid=p, usedGpuMemory=m) for p, m in gpu.compute.items()]

    def nvmlDeviceGetGraphicsRunningProcesses(self, handle: Any) -> list[Any]:
        gpu = self._gpu(handle, "nvmlDeviceGetGraphicsRunningProcesses")
        return [SimpleNamespace(pid=p, usedGpuMemory=m) for p, m in gpu.graphics.items()]
