"""Numbers, sizes and units read the same everywhere: one format_number, nan and inf as such."""

from __future__ import annotations

import math
import re
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from mlop_cli import units
from mlop_cli.units import (
    chart_scale,
    format_bytes,
    format_duration,
    format_number,
    format_rate,
    format_value,
)
from tests.cli_stores import make_run
from tests.conftest import run_mlop


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "-"),
        (math.nan, "nan"),
        (math.inf, "inf"),
        (-math.inf, "-inf"),
        (0.0, "0"),
        (3.0, "3"),
        (12345.0, "12,345"),
        (0.2345, "0.2345"),
        (3e-4, "0.0003"),
        (1.23456789e-5, "1.235e-05"),
        (2.5e7 + 0.5, "2.5e+07"),
        (1 / 3, "0.333333"),
        (7, "7"),
        (True, "True"),
        ("adam", "adam"),
    ],
)
def test_format_number(value: object, shown: str) -> None:
    assert format_number(value) == shown


def test_format_number_takes_numpy_scalars() -> None:
    import numpy as np

    assert format_number(np.float32(0.5)) == "0.5"
    assert format_number(np.float64("nan")) == "nan"
    assert format_number(np.int64(12)) == "12"


def test_there_is_one_format_number() -> None:
    """The views, the report and the gate use units.format_number; nothing defines its own."""
    from mlop_cli.report import summary
    from mlop_cli.views import text

    assert text.format_number is units.format_number
    assert summary.format_number is units.format_number
    root = Path(units.__file__).parent
    defining = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if re.search(r"^def format_number\(", path.read_text(encoding="utf-8"), re.M)
    ]
    assert defining == ["units.py"]


@pytest.mark.parametrize(
    ("name", "value", "shown"),
    [
        ("sys/proc/rss_bytes", 1536 * 2**20, "1.5 GiB"),
        ("sys/disk_read_bytes_per_s", 12_345_678, "12.3 MB/s"),
        ("sys/gpu0/util_percent", 87.46, "87.5%"),
        ("sys/gpu0/power_w", 231.25, "231.2 W"),
        ("sys/gpu0/temp_c", 64.0, "64 °C"),
        ("sys/gpu0/energy_wh", 12.5, "12.5 Wh"),
        ("sys/gpu0/sm_clock_mhz", 1980.0, "1,980 MHz"),
        ("sys/load_1m", 3.5, "3.5"),
        ("train/loss", math.nan, "nan"),
        ("sys/proc/rss_bytes", math.inf, "inf"),
        ("sys/proc/rss_bytes", None, "-"),
        # A script's own names carry no unit: `loss_c` is no temperature, `acc_w` no power.
        ("loss_c", 0.5, "0.5"),
        ("acc_w", 0.3, "0.3"),
        ("train/size_bytes", 2048.0, "2,048"),
    ],
)
def test_format_value_uses_the_unit_of_the_name(name: str, value: float, shown: str) -> None:
    assert format_value(name, value) == shown


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(42, "42.0s"), (300, "5m00s"), (187, "3m07s"), (4800, "1h20m"), (None, "-"), (-1, "-")],
)
def test_durations(seconds: float | None, shown: str) -> None:
    assert format_duration(seconds) == shown


def test_diagnosis_words_durations_as_the_views_do() -> None:
    from mlop_cli.sources import diagnosis

    assert diagnosis.format_duration is format_duration  # one home: units.py


def test_sizes_and_rates() -> None:
    assert format_bytes(512) == "512 B" and format_bytes(3 * 2**40) == "3.0 TiB"
    assert format_bytes(math.nan) == "nan"
    assert format_rate(999) == "999 B/s" and format_rate(2.5e9) == "2.5 GB/s"


@pytest.mark.parametrize(
    ("name", "peak", "unit", "divisor"),
    [
        ("sys/proc/rss_bytes", 2.4e10, "GiB", 2.0**30),
        ("sys/proc/rss_bytes", 900.0, "B", 1.0),
        ("sys/gpu0/mem_used_bytes", 3 * 2**20, "MiB", 2.0**20),
        ("sys/net_recv_bytes_per_s", 4.2e6, "MB/s", 1e6),
        ("sys/net_recv_bytes_per_s", 4.2e3, "kB/s", 1e3),
        ("sys/cpu_percent", 250.0, "%", 1.0),
        ("sys/gpu0/power_w", 300.0, "W", 1.0),
        ("sys/gpu0/temp_c", 70.0, "°C", 1.0),
        ("sys/proc/threads", 12.0, "", 1.0),
        ("train/loss", 2.0, "", 1.0),
        ("sys/proc/rss_bytes", math.nan, "B", 1.0),
    ],
)
def test_chart_scale(name: str, peak: float, unit: str, divisor: float) -> None:
    scale = chart_scale(name, peak)
    assert (scale.unit, scale.divisor) == (unit, divisor)


def test_nan_reads_nan_in_show_compare_and_check(store: Path) -> None:
    """A metric that ended on NaN (the store keeps it as NULL) shows ``nan``, not ``-``."""
    from mlop_cli.store.queries import Store
    from mlop_cli.views.runs import metrics_table

    run = make_run(store, "a", {"loss": [1.0, 0.5, math.nan], "acc": [math.nan, math.nan]})
    buffer = StringIO()
    Console(file=buffer, width=120, no_color=True).print(
        metrics_table(Store(store).metric_summaries(run.run_id))
    )
    rows = {line.split()[0]: line.split()[1:] for line in buffer.getvalue().splitlines()[1:]}
    assert rows["loss"][1:4] == ["nan", "0.5", "1"]  # last, min, max
    assert rows["acc"][1:4] == ["nan", "nan", "nan"]  # no finite value at all
    shown = run_mlop("show", "a", store=store)
    assert shown.returncode == 0 and re.search(rb"loss\s+\S+\s+nan\s+0\.5\s+1\s", shown.stdout)
    checked = run_mlop("check", "a", "loss < 1", store=store)
    assert checked.returncode == 1 and b"(last = nan)" in checked.stdout
