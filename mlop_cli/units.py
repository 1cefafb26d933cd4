"""Numbers, sizes, rates and durations as people read them, the same in every view, report and
message.

One home for each: ``mlop show``, ``compare``, ``watch``, ``check`` and the report all format
through these functions, so a NaN reads ``nan`` and a size ``1.5 GiB`` wherever it appears.
A metric's unit is the last word of its name (``sys/proc/rss_bytes``, ``sys/gpu0/temp_c``; see
docs/system.md); :func:`chart_scale` picks the unit a chart's axis shows.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any

_BINARY = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")
_RATES = ("B/s", "kB/s", "MB/s", "GB/s", "TB/s")


def format_number(value: Any) -> str:
    """A value compact but exact enough to compare runs.

    ``0.2345``, ``1.235e-05``, ``12,345`` (whole numbers with separators), ``nan``, ``inf``,
    ``-inf``; ``-`` for None (unknown); other objects (strings, booleans) as ``str`` gives them.
    """
    if value is None:
        return "-"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return str(value)
    number = float(value)
    if math.isnan(number):
        return "nan"
    if math.isinf(number):
        return "inf" if number > 0 else "-inf"
    if number.is_integer() and abs(number) < 1e15:
        return f"{int(number):,}"
    magnitude = abs(number)
    if magnitude < 1e-3 or magnitude >= 1e6:
        return f"{number:.4g}"
    return f"{number:.6g}"


def format_bytes(value: float | None) -> str:
    """``1.5 GiB``, ``12.0 MiB``, ``512 B``; ``-`` when unknown, ``nan``/``inf`` as such."""
    if value is None:
        return "-"
    size = float(value)
    if not math.isfinite(size):
        return format_number(size)
    for unit in _BINARY[:-1]:
        if abs(size) < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} {_BINARY[-1]}"


def format_rate(value: float | None) -> str:
    """Bytes per second in decimal units, as transfer rates are quoted: ``12.3 MB/s``."""
    if value is None:
        return "-"
    rate = float(value)
    if not math.isfinite(rate):
        return format_number(rate)
    for unit in _RATES[:-1]:
        if abs(rate) < 1000:
            return f"{rate:.0f} {unit}" if unit == "B/s" else f"{rate:.1f} {unit}"
        rate /= 1000
    return f"{rate:.1f} {_RATES[-1]}"


def format_duration(seconds: float | None) -> str:
    """``42.1s``, ``3m07s``, ``2h03m``; ``-`` when unknown."""
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return "-"
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{secs:02d}s"


# Name suffix -> the unit its values are in (after the chart's scaling, for bytes and rates).
_SUFFIX_UNITS = (
    ("_bytes_per_s", "B/s"),
    ("_bytes", "B"),
    ("_percent", "%"),
    ("_w", "W"),
    ("_wh", "Wh"),
    ("_c", "°C"),
    ("_mhz", "MHz"),
    ("_cores", "cores"),
)


def unit_of(name: str) -> str | None:
    """The unit of a system metric named ``sys/…_unit`` (``B``, ``B/s``, ``%``, ``W``, ``Wh``,
    ``°C``, ``MHz``, ``cores``), or None when its name carries none. Only mlop's own metrics
    are named so: a script's `loss_c` or `acc_w` is no temperature or power."""
    lowered = name.lower()
    if not (lowered.startswith("sys/") or ":sys/" in lowered):
        return None
    for suffix, unit in _SUFFIX_UNITS:
        if lowered.endswith(suffix):
            return unit
    return None


def format_value(name: str, value: float | None) -> str:
    """A metric's value with the unit its name gives: ``1.5 GiB``, ``12.3 MB/s``, ``87.5%``,
    ``231 W``, ``64 °C``; a plain number (:func:`format_number`) for other names."""
    if value is None or not math.isfinite(float(value)):
        return format_number(value)
    unit = unit_of(name)
    if unit == "B":
        return format_bytes(value)
    if unit == "B/s":
        return format_rate(value)
    if unit == "%":
        return f"{format_number(round(float(value), 1))}%"
    if unit is not None:
        return f"{format_number(float(f'{float(value):.4g}'))} {unit}"
    return format_number(value)


@dataclass(frozen=True)
class Scale:
    """How a chart shows a metric: values divided by ``divisor``, the axis titled ``unit``."""

    unit: str
    divisor: float = 1.0


def chart_scale(name: str, peak: float) -> Scale:
    """The unit a chart of ``name`` shows, for values up to ``peak`` (largest absolute value).

    Sizes take the largest binary unit the peak reaches (``GiB``), transfer rates the largest
    decimal one (``MB/s``), so the axis reads ``0.5 … 2.5 GiB`` rather than ``2.4e+10``.
    """
    unit = unit_of(name)
    if unit is None:
        return Scale("")
    if unit not in ("B", "B/s"):
        return Scale(unit)
    units, base = (_BINARY, 1024.0) if unit == "B" else (_RATES, 1000.0)
    peak = abs(peak) if math.isfinite(peak) else 0.0
    index = 0
    while index < len(units) - 1 and peak >= base ** (index + 1):
        index += 1
    return Scale(units[index], base**index)
