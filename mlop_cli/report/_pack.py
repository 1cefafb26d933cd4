"""Pack downsampled series into one compressed binary blob for the HTML report.

As JSON text a point costs about 25 bytes; 500 series of 2,000 points would be 25 MB.
Packed, each series is three columns, each byte-shuffled (byte 0 of every number, then
byte 1, ...) so that similar numbers make runs of equal bytes, and the whole blob is
zlib-compressed. The browser inflates it with ``DecompressionStream('deflate')``.

Columns of a series of n points, little-endian, in this order:

- steps: float64, delta-encoded (exact for integers below 2**53);
- times: float64 integer milliseconds since the run's time origin, delta-encoded;
- values: float32 (charts show 7 significant digits; summary tables use full precision).
"""

from __future__ import annotations

import base64
import zlib
from typing import Any


class SeriesPacker:
    """Collects series and returns their offsets; ``finish`` gives the base64 blob."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._size = 0

    def add(self, steps: Any, times: Any, values: Any, time_origin: float) -> dict[str, int]:
        """Append one series; return ``{"n": points, "o": byte offset}`` for the page."""
        import numpy as np

        n = len(values)
        offset = self._size
        step_deltas = np.diff(np.asarray(steps, dtype="<f8"), prepend=0.0)
        milliseconds = np.round((np.asarray(times, dtype=np.float64) - time_origin) * 1000.0)
        milliseconds = np.where(np.isfinite(milliseconds), milliseconds, 0.0)
        time_deltas = np.diff(milliseconds.astype("<f8"), prepend=0.0)
        for column in (
            step_deltas.astype("<f8"),
            time_deltas.astype("<f8"),
            np.asarray(values, dtype=np.float64).astype("<f4"),
        ):
            shuffled = column.view(np.uint8).reshape(n, column.itemsize).T.tobytes()
            self._chunks.append(shuffled)
            self._size += len(shuffled)
        return {"n": int(n), "o": int(offset)}

    def finish(self) -> str:
        """Return the zlib-compressed, base64-encoded blob of all series added."""
        raw = b"".join(self._chunks)
        return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")
