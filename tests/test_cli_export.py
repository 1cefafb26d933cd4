"""`mlop export`: CSV and JSON lines point by point, TensorBoard files read back by TensorBoard."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

from tests.cli_stores import T0, make_run
from tests.conftest import run_mlop

LOSS = [1.0, 0.5, float("nan"), 0.25, float("inf")]
ACC = [0.1, 0.7]
HISTOGRAMS = [([-1.0, 0.0, 0.5, 1.0], [2.0, 3.0, 5.0]), ([-2.0, 0.0, 2.0], [1.0, 9.0])]


def _store(store: Path) -> str:
    make_run(store, "other", {"train/loss": [9.0]})
    run = make_run(
        store, "r", {"train/loss": LOSS, "eval/acc": ACC}, histograms={"grad/w": HISTOGRAMS}
    )
    return run.run_id


def test_csv_has_one_row_per_point_with_nan_as_nan(store: Path) -> None:
    _store(store)
    result = run_mlop("export", "r", "--format", "csv", store=store)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert list(rows[0]) == ["metric", "step", "value", "time", "source", "epoch"]
    assert {row["epoch"] for row in rows} == {""}  # TensorBoard points: no epoch known
    loss = [row for row in rows if row["metric"] == "train/loss"]
    assert [row["value"] for row in loss] == ["1.0", "0.5", "nan", "0.25", "inf"]
    assert [int(row["step"]) for row in loss] == list(range(5))
    assert [float(row["time"]) for row in loss] == [T0 + step for step in range(5)]
    assert {row["source"] for row in rows} == {"tensorboard"}
    assert len(rows) == len(LOSS) + len(ACC)


def test_jsonl_to_a_file_with_nan_as_null_and_a_metric_filter(store: Path, tmp_path: Path) -> None:
    _store(store)
    target = tmp_path / "points.jsonl"
    result = run_mlop(
        "export", "r", "-f", "jsonl", "-o", str(target), "-m", "train/loss", store=store
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"" and b"5 points" in result.stderr
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert [r["value"] for r in records] == [1.0, 0.5, None, 0.25, None]
    assert set(records[0]) == {"metric", "step", "value", "time", "source", "epoch"}
    # A diverged loss (inf) is told from a NaN: `nonfinite` on those points only.
    assert [r.get("nonfinite") for r in records] == [None, None, "nan", None, "inf"]
    assert {r["metric"] for r in records} == {"train/loss"}
    unknown = run_mlop("export", "r", "-f", "jsonl", "-m", "train/los", store=store)
    assert unknown.returncode == 2 and b"did you mean 'train/loss'" in unknown.stderr
    # An unknown name is refused before any output: no CSV header, no file left behind.
    csv_out = run_mlop("export", "r", "-m", "train/los", store=store)
    assert csv_out.returncode == 2 and csv_out.stdout == b""
    absent = tmp_path / "absent.csv"
    assert run_mlop("export", "r", "-m", "nope", "-o", str(absent), store=store).returncode == 2
    assert not absent.exists()


def test_tensorboard_export_opens_in_tensorboard(store: Path, tmp_path: Path) -> None:
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    _store(store)
    folder = tmp_path / "tb"
    result = run_mlop("export", "r", "-f", "tensorboard", "-o", str(folder), store=store)
    assert result.returncode == 0, result.stderr
    accumulator = EventAccumulator(str(folder), size_guidance={"scalars": 0, "histograms": 0})
    accumulator.Reload()
    tags = accumulator.Tags()
    assert set(tags["scalars"]) == {"train/loss", "eval/acc"}
    loss = accumulator.Scalars("train/loss")
    assert [event.step for event in loss] == list(range(5))
    assert [event.wall_time for event in loss] == [T0 + step for step in range(5)]
    for event, value in zip(loss, LOSS, strict=True):
        assert (math.isnan(event.value) and math.isnan(value)) or event.value == value
    assert tags["histograms"] == ["grad/w"]
    histograms = accumulator.Histograms("grad/w")
    assert len(histograms) == 2
    first = histograms[0].histogram_value
    assert (first.min, first.max, first.num) == (-1.0, 1.0, 10.0)
    assert list(first.bucket_limit) == [0.0, 0.5, 1.0] and list(first.bucket) == [2.0, 3.0, 5.0]
    missing = run_mlop("export", "r", "-f", "tensorboard", store=store)
    assert missing.returncode == 2 and b"-o PATH" in missing.stderr
    bad = run_mlop("export", "r", "-f", "parquet", store=store)
    assert bad.returncode == 2 and b"csv, jsonl, tensorboard" in bad.stderr


def test_each_point_is_exported_with_the_epoch_its_line_gave(store: Path) -> None:
    child = "for e in (1, 2):\n    for s in (1, 2):\n        print(f'epoch={e} step={2 * (e - 1) + s} loss={s / e}')\n"
    assert run_mlop("run", "-q", "--", "python3", "-c", child, store=store).returncode == 0
    rows = list(
        csv.DictReader(io.StringIO(run_mlop("export", "last", store=store).stdout.decode()))
    )
    loss = [(row["step"], row["epoch"]) for row in rows if row["metric"] == "loss"]
    assert loss == [("1", "1.0"), ("2", "1.0"), ("3", "2.0"), ("4", "2.0")]
    jsonl = run_mlop("export", "last", "-f", "jsonl", "-m", "loss", store=store).stdout.decode()
    assert [json.loads(line)["epoch"] for line in jsonl.splitlines()] == [1.0, 1.0, 2.0, 2.0]
