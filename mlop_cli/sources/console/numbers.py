"""Numbers as training scripts print them: ints, floats, exponents, nan, inf, percentages."""

from __future__ import annotations

import math

# A printed number: `3`, `-0.25`, `.5`, `6.9e+00`, `4.5e-05`, `nan`, `NaN`, `inf`, `-inf`,
# `Infinity`. Used inside the recognisers' regexes; the surrounding lookarounds there keep it from
# matching inside times, versions, IPs and hex ids.
NUMBER = (
    r"[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
    r"|[nN][aA][nN]|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?)"
)


def parse_number(text: str) -> float | None:
    """Read a printed number, or return None when ``text`` is not one.

    Surrounding whitespace, quotes, a trailing ``%`` (kept as printed: ``93.5%`` is 93.5) and a
    trailing ``,`` or ``;`` are ignored, so values captured loosely by custom patterns work too.

    Args:
        text: The printed value.

    Returns:
        The value as a float, or None.
    """
    text = text.strip(" \t\r\n'\",;").rstrip("%")
    try:
        return float(text)
    except ValueError:
        return None


def parse_step(text: str) -> int | None:
    """Read a printed step (``100``, ``003``, ``1e3``, ``12.0``) as an int, or None.

    Non-finite values give None; a fractional value is truncated (``12.7`` -> 12).

    Args:
        text: The printed value.

    Returns:
        The step, or None.
    """
    if text.isdigit():
        return int(text)
    value = parse_number(text)
    if value is None or not math.isfinite(value):
        return None
    return int(value)
