"""Downsampling keeps extremes and alignment; the packed blob decodes to the same points."""

from __future__ import annotations

import array
import base64
import math
import zlib

import numpy as np

from mlop_cli.report._pack import SeriesPacker
from mlop_cli.report.downsample import downsample, select_indices


def test_single_spike_in_a_million_points_survives():
    rng = np.random.default_rng(7)
    values = rng.normal(0.0, 1.0, 1_000_000)
    values[654_321] = 1e6
    values[123_456] = -1e6
    steps = np.arange(len(values))
    out_steps, out_times, out_values = downsample(steps, steps * 0.1, values, 2000)
    assert len(out_values) <= 2000
    assert out_values.max() == 1e6 and out_values.min() == -1e6
    assert out_steps[out_values.argmax()] == 654_321
    assert out_times[out_values.argmax()] == values.argmax() * 0.1


def test_extremes_of_every_bucket_kept_and_order_preserved():
    values = array.array("d", (math.sin(i / 500) + (i % 97) / 1000 for i in range(50_000)))
    index = select_indices(values, 1000)
    assert np.all(np.diff(index) > 0)
    assert index[0] == 0 and index[-1] == len(values) - 1
    kept = np.asarray(values)[index]
    assert kept.max() == max(values) and kept.min() == min(values)


def test_short_series_untouched_and_lists_accepted():
    steps, times, values = downsample([1, 2, 3], [10.0, 11.0, 12.0], [0.5, float("nan"), 2.0])
    assert steps.tolist() == [1, 2, 3] and times.tolist() == [10.0, 11.0, 12.0]
    assert values[0] == 0.5 and math.isnan(values[1])


def test_nan_never_hides_a_spike_and_all_nan_bucket_is_harmless():
    values = np.full(100_000, np.nan)
    values[50_000:] = 1.0
    values[77_777] = 42.0
    _, _, out = downsample(np.arange(100_000), np.arange(100_000.0), values, 500)
    assert np.nanmax(out) == 42.0


def test_mismatched_lengths_are_cut_to_the_shortest():
    steps, times, values = downsample(range(10), range(9), range(8))
    assert len(steps) == len(times) == len(values) == 8


def _unpack(blob: str, entry: dict, origin: float):
    raw = zlib.decompress(base64.b64decode(blob))
    n, offset = entry["n"], entry["o"]

    def column(start: int, dtype: str, width: int):
        chunk = np.frombuffer(raw, np.uint8, n * width, start).reshape(width, n).T.copy()
        return chunk.view(dtype).ravel()

    steps = np.cumsum(column(offset, "<f8", 8))
    times = origin + np.cumsum(column(offset + 8 * n, "<f8", 8)) / 1000
    values = column(offset + 16 * n, "<f4", 4)
    return steps, times, values


def test_packed_series_decode_to_the_same_points():
    packer = SeriesPacker()
    origin = 1_700_000_000.0
    first = packer.add(
        [0, 5, 10], [origin, origin + 0.25, origin + 1.5], [0.1, math.inf, -2.0], origin
    )
    second = packer.add([3, 1_000_000_000_000], [origin + 2, origin + 3], [math.nan, 1e30], origin)
    blob = packer.finish()
    steps, times, values = _unpack(blob, first, origin)
    assert steps.tolist() == [0, 5, 10]
    assert np.allclose(times, [origin, origin + 0.25, origin + 1.5], atol=1e-3)
    assert values[0] == np.float32(0.1) and math.isinf(values[1]) and values[2] == -2.0
    steps, _, values = _unpack(blob, second, origin)
    assert steps.tolist() == [3, 1_000_000_000_000]
    assert math.isnan(values[0]) and values[1] == np.float32(1e30)


def test_epochs_pack_plain_or_predicted_from_steps_and_decode_exactly():
    """Linear epochs (HF's step / steps per epoch) travel as residuals from a per-step ratio,
    whole epochs (a console header) as plain deltas; both decode to the same micro-epochs."""
    from mlop_cli.report._pack import EPOCH_SCALE, SeriesPacker, js_round

    # Irregular gaps, as downsampling leaves them: plain deltas then vary point to point.
    rng = np.random.default_rng(3)
    steps = np.unique(rng.integers(0, 100_000, 2000)).astype(np.float64)
    cases = {
        "linear": steps / 391.0,
        "whole": np.floor(steps / 10_000.0) + 1.0,
        "gaps": np.where(steps % 5 == 0, np.nan, steps / 391.0),
    }
    for name, epochs in cases.items():
        packer = SeriesPacker()
        trace = packer.add(steps, steps, np.zeros(len(steps)), 0.0, epochs)
        raw = np.frombuffer(zlib.decompress(base64.b64decode(packer.finish())), np.uint8)
        n = trace["n"]
        deltas = raw[20 * n : 28 * n].reshape(8, n).T.copy().view("<f8").ravel()
        decoded, total, previous = np.full(n, np.nan), 0.0, 0.0
        for i in range(n):
            if np.isnan(deltas[i]):
                continue
            total += deltas[i]
            if trace["e"] == 2:
                total += js_round((steps[i] - previous) * trace["er"])
            previous = steps[i]
            decoded[i] = total
        expected = js_round(epochs * EPOCH_SCALE)
        assert np.array_equal(decoded, expected, equal_nan=True), name
        assert trace["e"] == {"linear": 2, "whole": 1, "gaps": 2}[name], name
