"""Making run strings safe and short for a terminal."""

from __future__ import annotations

import datetime as dt
import math
import re

# C0 controls but tab/newline, DEL, C1 controls: an escape in a run name must not move the
# cursor or retitle the window when `mlop ls` prints it.
from mlop_cli.units import format_bytes, format_duration  # noqa: F401 - the views use them from here

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANSI = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[P^_][^\x1b]*\x1b\\|\x1b[@-Z\\-_]"
)


def inert(text: object, *, newlines: bool = False) -> str:
    """Show control characters as visible escapes (``\\x1b``), so nothing reaches the terminal raw."""
    value = "" if text is None else str(text)
    if not newlines:
        value = value.replace("\n", "\\n").replace("\r", "\\r")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def strip_ansi(data: bytes) -> bytes:
    """Remove terminal escape sequences (colours, cursor moves, titles) from console bytes."""
    return _ANSI.sub(b"", data)


def format_time(timestamp: float | None, compact: bool = False) -> str:
    """Local time, ``2026-11-22 10:31:04`` (``compact``: ``11-22 10:31``)."""
    if not timestamp:
        return "-"
    shape = "%m-%d %H:%M" if compact else "%Y-%m-%d %H:%M:%S"
    return dt.datetime.fromtimestamp(timestamp).strftime(shape)


def iso_time(timestamp: float | None) -> str | None:
    """ISO 8601 in UTC with milliseconds, for JSON."""
    if not timestamp:
        return None
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).isoformat(timespec="milliseconds")


def format_number(value: float | None) -> str:
    """Compact, exact enough: ``0.2345``, ``1.2e-05``, ``12,345``, ``nan``."""
    if value is None:
        return "-"
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    magnitude = abs(value)
    if magnitude != 0 and (magnitude < 1e-3 or magnitude >= 1e6):
        return f"{value:.4g}"
    return f"{value:.6g}"


def format_value(name: str, value: float | None) -> str:
    """A metric's value as a person reads it: sizes for ``*_bytes``, rates for ``*_bytes_per_s``."""
    if value is None:
        return "-"
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return str(value)
    if name.endswith("_bytes_per_s"):
        return format_bytes(value) + "/s"
    if name.endswith("_bytes"):
        return format_bytes(value)
    return format_number(value)
