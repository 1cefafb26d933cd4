"""Making run strings safe and short for a terminal."""

from __future__ import annotations

import datetime as dt
import re

from mlop_cli.units import (  # noqa: F401 - the views use them from here
    format_bytes,
    format_duration,
    format_number,
    format_value,
)

# C0 controls but tab/newline, DEL, C1 controls: an escape in a run name must not move the
# cursor or retitle the window when `mlop ls` prints it.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(text: object, *, newlines: bool = False) -> str:
    """Show control characters as visible escapes (``\\x1b``), so nothing reaches the terminal raw."""
    value = "" if text is None else str(text)
    if not newlines:
        value = value.replace("\n", "\\n").replace("\r", "\\r")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def format_time(timestamp: float | None, compact: bool = False) -> str:
    """Local time, ``2026-11-22 10:31:04`` (``compact``: ``11-22 10:31``)."""
    if not timestamp:
        return "-"
    shape = "%m-%d %H:%M" if compact else "%Y-%m-%d %H:%M:%S"
    return dt.datetime.fromtimestamp(timestamp).strftime(shape)
