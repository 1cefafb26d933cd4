"""`mlop compare`: differing parameters, last and best per metric, the direction of "best"."""

from __future__ import annotations

import json
import sqlite3
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from mlop_cli.errors import MlopError
from mlop_cli.store.queries import Store
from mlop_cli.views.compare import compare_document, compare_view, lower_is_better
from tests.cli_stores import T0, make_run
from tests.conftest import run_mlop


@pytest.mark.parametrize(
    ("name", "lower"),
    [
        ("loss", True),
        ("train/loss", True),
        ("val_loss", True),
        ("trainLoss_epoch", True),
        ("eval/error_rate", True),
        ("eval/top1_err", True),
        ("valid/ppl", True),
        ("perplexity", True),
        ("test-wer", True),
        ("cer", True),
        ("val.MSE", True),
        ("mae", True),
        ("rmse@10", True),
        ("nll", True),
        ("eval/acc", False),
        ("f1", False),
        ("bleu", False),
        ("sys/gpu0/power_w", False),  # "power" holds "wer" but is no WER
        ("camera_score", False),
        ("lr", False),
    ],
)
def test_best_is_min_for_loss_like_names(name: str, lower: bool) -> None:
    assert lower_is_better(name) is lower


@pytest.fixture
def two_runs(store: Path) -> tuple[Path, str, str]:
    a = make_run(
        store,
        "a",
        {"train/loss": [1.0, 0.3, 0.4], "eval/acc": [0.1, 0.9, 0.85]},
        params={"lr": 0.1, "batch": 32, "opt": "adam"},
    )
    b = make_run(
        store,
        "b",
        {"train/loss": [1.0, 0.6, float("nan")], "eval/acc": [0.2, 0.95, 0.9], "eval/f1": [0.5]},
        params={"lr": 0.01, "batch": 32, "warmup": 100, "opt": "adam"},
    )
    return store, a.run_id, b.run_id


def test_document_marks_differing_params_and_picks_best_by_direction(two_runs) -> None:
    store, a, b = two_runs
    document = compare_document(Store(store), [a, b])
    differs = {key: item["differs"] for key, item in document["params"].items()}
    assert differs == {"batch": False, "lr": True, "opt": False, "warmup": True}
    assert document["params"]["warmup"]["values"] == [None, 100]
    loss = document["metrics"]["train/loss"]
    assert loss["best"] == "min"
    assert [cell["best"] for cell in loss["runs"]] == [0.3, 0.6]
    assert [cell["last"] for cell in loss["runs"]] == [0.4, None]  # b ended on NaN
    acc = document["metrics"]["eval/acc"]
    assert acc["best"] == "max" and [cell["best"] for cell in acc["runs"]] == [0.9, 0.95]
    assert document["metrics"]["eval/f1"]["runs"][0] is None
    only = compare_document(Store(store), [a, b], metrics=["eval/acc"])
    assert list(only["metrics"]) == ["eval/acc"]
    with pytest.raises(MlopError, match="did you mean 'eval/acc'"):
        compare_document(Store(store), [a, b], metrics=["eval/accc"])


def test_view_shows_values_and_marks_without_colour(two_runs) -> None:
    store, a, b = two_runs
    buffer = StringIO()
    Console(file=buffer, width=100, no_color=True).print(
        compare_view(compare_document(Store(store), [a, b]))
    )
    text = buffer.getvalue()
    lr = next(line for line in text.splitlines() if " lr " in f" {line} ")
    assert lr.lstrip().startswith("* lr") and "0.1" in lr and "0.01" in lr
    batch = next(line for line in text.splitlines() if "batch" in line)
    assert "*" not in batch
    loss = next(line for line in text.splitlines() if line.startswith("train/loss"))
    assert loss.split()[1:] == ["min", "0.4", "*0.3", "nan", "0.6"]
    acc = next(line for line in text.splitlines() if line.startswith("eval/acc"))
    assert acc.split()[1:] == ["max", "0.85", "0.9", "0.9", "*0.95"]


def test_compare_command(two_runs) -> None:
    store, a, b = two_runs
    shown = run_mlop("compare", "a", "b", store=store)
    assert shown.returncode == 0, shown.stderr
    assert b"\x1b[" not in shown.stdout  # no colour into a pipe
    assert b"* lr" in shown.stdout and b"train/loss" in shown.stdout
    data = json.loads(
        run_mlop("compare", a, b, "--metric", "eval/acc", "--json", store=store).stdout
    )
    assert [run["name"] for run in data["runs"]] == ["a", "b"] and list(data["metrics"]) == [
        "eval/acc"
    ]
    alone = run_mlop("compare", "a", store=store)
    assert alone.returncode == 2 and b"at least two runs" in alone.stderr
    unknown = run_mlop("compare", "a", "nope", store=store)
    assert unknown.returncode == 2 and b"'nope'" in unknown.stderr


@pytest.mark.parametrize(
    ("name", "best"),
    [
        ("train/loss", "min"),
        ("eval/acc", "max"),
        ("sys/proc/rss_bytes", None),  # a fact about the machine, not a score
        ("sys/swap_used_bytes", None),
        ("system:sys/gpu0/power_w", None),
        ("lr", None),
        ("train/learning_rate", None),
        ("lr-AdamW/pg1", None),  # Lightning's LearningRateMonitor
        ("train/epoch", None),
        ("trainer/global_step", None),
        ("grad_norm", None),
        ("val_acc_epoch", "max"),  # Lightning's epoch-level score
        ("epoch_accuracy", "max"),  # Keras's
        ("train_loss_step", "min"),
        ("epoch_loss", "min"),
    ],
)
def test_direction_only_where_it_means_something(name: str, best: str | None) -> None:
    from mlop_cli.direction import direction

    assert direction(name) == best


def test_system_and_settings_have_no_best(store: Path) -> None:
    a = make_run(
        store, "a", {"train/loss": [1.0, 0.5], "lr": [0.1, 0.05], "sys/proc/rss_bytes": [1e9, 2e9]}
    )
    b = make_run(
        store, "b", {"train/loss": [1.0, 0.4], "lr": [0.2, 0.1], "sys/proc/rss_bytes": [3e9, 1e9]}
    )
    document = compare_document(Store(store), [a.run_id, b.run_id], system=True)
    for name in ("lr", "sys/proc/rss_bytes"):
        item = document["metrics"][name]
        assert item["best"] is None and all(cell["best"] is None for cell in item["runs"])
    buffer = StringIO()
    Console(file=buffer, width=120, no_color=True).print(compare_view(document))
    rss = next(line for line in buffer.getvalue().splitlines() if line.startswith("sys/proc/rss"))
    # No winner marked, values in their unit.
    assert "*" not in rss and rss.split()[1] == "-" and "GiB" in rss


def test_compare_picks_runs_by_project_tag_and_last(store: Path) -> None:
    for index, (project, tags) in enumerate(
        [("vit", ["sweep"]), ("vit", ["sweep"]), ("vit", []), ("bert", ["sweep"])]
    ):
        run = make_run(store, f"r{index}", {"loss": [1.0, 0.5]}, tags=tags, start=T0 + index)
        conn = sqlite3.connect(store)
        with conn:
            conn.execute("UPDATE runs SET project = ? WHERE id = ?", (project, run.run_id))
        conn.close()

    def names(*args: str) -> list[str]:
        result = run_mlop("compare", *args, "--json", store=store)
        assert result.returncode == 0, result.stderr
        return [run["name"] for run in json.loads(result.stdout)["runs"]]

    assert names("--project", "vit") == ["r2", "r1", "r0"]  # newest first
    assert names("--tag", "sweep") == ["r3", "r1", "r0"]
    assert names("--project", "vit", "--tag", "sweep") == ["r1", "r0"]
    assert names("--last", "2") == ["r3", "r2"]
    assert names("--project", "vit", "--last", "2") == ["r2", "r1"]
    one = run_mlop("compare", "--project", "bert", store=store)
    assert (
        one.returncode == 2 and b"1 run(s) match" in one.stderr and b"Traceback" not in one.stderr
    )
    both = run_mlop("compare", "r0", "r1", "--tag", "sweep", store=store)
    assert both.returncode == 2 and b"not both" in both.stderr
    none = run_mlop("compare", store=store)
    assert none.returncode == 2 and b"at least two runs" in none.stderr
    same = run_mlop("compare", "r3", "last", store=store)
    assert same.returncode == 2 and b"are all run" in same.stderr, same.stderr


def test_a_diverged_last_value_is_inf_not_nan(tmp_path: Path) -> None:
    """A loss that ended on inf is shown `inf` (it was shown `nan`, a NaN's word), and its JSON
    says `"inf"` where a NaN is null."""
    store = tmp_path / "s.db"
    make_run(store, "diverged", {"loss": [0.4, float("inf")], "acc": [0.5, float("nan")]})
    make_run(store, "ok", {"loss": [0.3], "acc": [0.6]})
    document = json.loads(run_mlop("compare", "diverged", "ok", "--json", store=store).stdout)
    assert [cell["last"] for cell in document["metrics"]["loss"]["runs"]] == ["inf", 0.3]
    assert document["metrics"]["acc"]["runs"][0]["last"] is None
    shown = run_mlop("compare", "diverged", "ok", store=store).stdout.decode()
    loss_row = next(line for line in shown.splitlines() if line.startswith("loss"))
    assert " inf " in f" {loss_row} " and "nan" not in loss_row
