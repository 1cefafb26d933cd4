"""Pack downsampled series into one compressed binary blob for the HTML report.

As JSON text a point costs about 25 bytes; 500 series of 2,000 points would be 25 MB.
Packed, each series is three columns, each byte-shuffled (byte 0 of every number, then
byte 1, ...) so that similar numbers make runs of equal bytes, and the whole blob is
zlib-compressed. The browser inflates it with ``DecompressionStream('deflate')``.

Columns of a series of n points, little-endian, in this order:

- steps: float64, delta-encoded (exact for integers below 2**53);
- times: float64 integer milliseconds since the run's time origin, delta-encoded;
- values: float32 (charts show 7 significant digits; summary tables use full precision);
- epochs, only where the series has them: float64 integer micro-epochs, delta-encoded
  between known epochs; a NaN delta marks a point of unknown epoch. ``"e": 1``: the deltas
  themselves (epochs that step by whole numbers, as a console's ``Epoch 3/10`` gives them).
  ``"e": 2`` with ``"er": r``: each delta less ``round(r * steps since the last known
  epoch)``, JavaScript's ``Math.round`` (epochs linear in the step, as HF's are, cost almost
  nothing). Each series takes whichever compresses smaller.
"""

from __future__ import annotations

import base64
import zlib
from typing import Any

EPOCH_SCALE = 1_000_000.0  # epochs travel as integers of micro-epochs


class SeriesPacker:
    """Collects series and returns their offsets; ``finish`` gives the base64 blob."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._size = 0

    def add(
        self, steps: Any, times: Any, values: Any, time_origin: float, epochs: Any = None
    ) -> dict[str, Any]:
        """Append one series; return ``{"n": points, "o": byte offset}`` for the page, with
        ``"e"`` (and ``"er"``) when an epoch column follows its values."""
        import numpy as np

        n = len(values)
        offset = self._size
        step_deltas = np.diff(np.asarray(steps, dtype="<f8"), prepend=0.0)
        milliseconds = np.round((np.asarray(times, dtype=np.float64) - time_origin) * 1000.0)
        milliseconds = np.where(np.isfinite(milliseconds), milliseconds, 0.0)
        time_deltas = np.diff(milliseconds.astype("<f8"), prepend=0.0)
        columns = [
            step_deltas.astype("<f8"),
            time_deltas.astype("<f8"),
            np.asarray(values, dtype=np.float64).astype("<f4"),
        ]
        placed: dict[str, Any] = {"n": int(n), "o": int(offset)}
        if epochs is not None:
            # The steps as the page rebuilds them (a running sum), so predictions agree.
            column, ratio = _epoch_column(np.cumsum(step_deltas), np.asarray(epochs, np.float64))
            columns.append(column)
            placed["e"] = 1 if ratio is None else 2
            if ratio is not None:
                placed["er"] = ratio
        for column in columns:
            self._chunks.append(_shuffled(column))
            self._size += n * column.itemsize
        return placed

    def finish(self) -> str:
        """Return the zlib-compressed, base64-encoded blob of all series added."""
        raw = b"".join(self._chunks)
        return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")


def _epoch_deltas(epochs: Any) -> Any:
    """Micro-epochs as deltas from the previous known epoch; NaN where the epoch is unknown.

    Integers of micro-epochs compress like steps do, where raw fractions would not.
    """
    import numpy as np

    known = np.isfinite(epochs)
    micro = np.where(known, js_round(np.where(known, epochs, 0.0) * EPOCH_SCALE), np.nan)
    # Each unknown point repeats the last known value, so the next known delta spans it.
    positions = np.where(known, np.arange(len(micro)), -1)
    last_known = np.maximum.accumulate(positions) if len(positions) else positions
    filled = np.where(last_known >= 0, micro[np.maximum(last_known, 0)], 0.0)
    deltas = np.diff(filled, prepend=0.0)
    return np.where(known, deltas, np.nan).astype("<f8")


def _shuffled(column: Any) -> bytes:
    import numpy as np

    return bytes(column.view(np.uint8).reshape(len(column), column.itemsize).T.tobytes())


def js_round(values: Any) -> Any:
    """JavaScript's ``Math.round``: the nearest integer, halves toward +inf (numpy's ``round``
    takes halves to even, and ``floor(x + 0.5)`` errs just below a half)."""
    import numpy as np

    low = np.floor(values)
    return low + (values - low >= 0.5)


def _epoch_column(steps: Any, epochs: Any) -> tuple[Any, float | None]:
    """The epoch column of a series and, when it is step-predicted, its micro-epochs per step."""
    import numpy as np

    plain = _epoch_deltas(epochs)
    known = np.flatnonzero(np.isfinite(epochs))
    if len(known) < 2 or steps[known[-1]] == steps[known[0]]:
        return plain, None
    micro = js_round(epochs[known] * EPOCH_SCALE)
    ratio = float((micro[-1] - micro[0]) / (steps[known[-1]] - steps[known[0]]))
    if not np.isfinite(ratio):
        return plain, None
    # Steps since the previous known epoch (since 0 for the first), as the page counts them.
    previous = np.zeros(len(steps))
    previous[known[1:]] = steps[known[:-1]]
    predicted = js_round((steps - previous) * ratio)
    linear = np.where(np.isfinite(plain), plain - predicted, np.nan).astype("<f8")
    if len(zlib.compress(_shuffled(linear), 1)) < len(zlib.compress(_shuffled(plain), 1)):
        return linear, ratio
    return plain, None
