"""`mlop check`: the condition parser, evaluation on stored summaries, exit codes 0/1/2."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from mlop_cli.gate import Condition, ExpressionError, UnknownMetricError, evaluate, parse_condition
from mlop_cli.store.model import MetricKey, MetricSummary
from mlop_cli.store.queries import Store
from tests.cli_stores import make_run
from tests.conftest import PYTHON, run_mlop


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eval/acc >= 0.9", ("last", "eval/acc", ">=", 0.9)),
        ("eval/acc>=0.9", ("last", "eval/acc", ">=", 0.9)),
        ("max(train/loss) < 5", ("max", "train/loss", "<", 5.0)),
        ("  MIN( eval/loss )<=0.3 ", ("min", "eval/loss", "<=", 0.3)),
        ("mean(val.loss-ema@1) != -1e-3", ("mean", "val.loss-ema@1", "!=", -1e-3)),
        ("count(sys/gpu0/util_percent) > 10", ("count", "sys/gpu0/util_percent", ">", 10.0)),
        ("last(x) == inf", ("last", "x", "==", math.inf)),
        ("'my metric' > 1", ("last", "my metric", ">", 1.0)),
        ('max("a(b)") < 2', ("max", "a(b)", "<", 2.0)),
    ],
)
def test_conditions_parse(text: str, expected: tuple) -> None:
    condition = parse_condition(text)
    assert (
        condition.aggregate,
        condition.metric,
        condition.operator,
        condition.threshold,
    ) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "eval/acc",
        "eval/acc >= ",
        ">= 0.9",
        "eval/acc => 0.9",
        "eval/acc = 0.9",
        "eval/acc >> 0.9",
        "eval/acc >= 0.9 extra",
        "median(x) < 1",
        "max(x < 1",
        "max() < 1",
        "x < nan",
        "x < abc",
        "'x < 1",
        "__import__('os').system('true') or x < 1",
    ],
)
def test_malformed_conditions_are_errors(text: str) -> None:
    with pytest.raises(ExpressionError):
        parse_condition(text)


def _summary(
    last: float | None = None,
    min: float | None = None,
    max: float | None = None,
    mean: float | None = None,
    count: int = 0,
) -> MetricSummary:
    return MetricSummary(
        MetricKey("console", "m"), count, last, None, min, None, max, None, mean, 0
    )


def test_evaluation_compares_the_chosen_aggregate_and_nan_fails_every_operator() -> None:
    summaries = {
        "acc": _summary(last=0.9, min=0.1, max=0.95, mean=0.5, count=4),
        "loss": _summary(last=None, min=0.2, max=1.0, mean=0.6, count=3),  # ended on NaN
    }
    cases = {
        "acc >= 0.9": True,
        "acc > 0.9": False,
        "max(acc) == 0.95": True,
        "min(acc) < 0.1": False,
        "mean(acc) <= 0.5": True,
        "count(acc) == 4": True,
        "count(loss) != 3": False,
        "loss < 10": False,
        "loss > 10": False,
        "loss != 0": False,
        "min(loss) <= 0.2": True,
    }
    outcomes = evaluate([parse_condition(text) for text in cases], summaries)
    assert {o.condition.text: o.passed for o in outcomes} == cases


def test_a_tensorboard_scalar_is_compared_as_logged_and_a_verdict_shows_why() -> None:
    """TensorBoard keeps 0.9 as 0.8999999761581421 (single precision): `eval/acc >= 0.9`
    holds for it, as for the 0.9 the script logged. A console value printed 0.8999999 fails
    it, and the verdict shows the digits that make it fail, not `last = 0.9`."""
    single = 0.8999999761581421
    tb = MetricSummary(
        MetricKey("tensorboard", "eval/acc"), 1, single, 1, single, 1, single, 1, single, 0
    )
    console = _summary(last=0.8999999, min=0.8999999, max=0.8999999, mean=0.8999999, count=1)
    tb_acc, tb_max, console_acc, mean = evaluate(
        [
            parse_condition(t)
            for t in (
                "eval/acc >= 0.9",
                "max(eval/acc) == 0.9",
                "acc >= 0.9",
                "mean(eval/acc) >= 0.9",
            )
        ],
        {"eval/acc": tb, "acc": console},
    )
    assert tb_acc.passed and tb_max.passed and "(last = 0.9)" in tb_acc.describe()
    assert not console_acc.passed and "(last = 0.8999999)" in console_acc.describe()
    # A mean is computed, not logged: compared as it is, and shown so.
    assert not mean.passed and "0.89999997" in mean.describe()


def test_unknown_metric_names_it_and_suggests_the_closest() -> None:
    summaries = {"eval/acc": _summary(last=1.0, count=1), "train/loss": _summary(last=1.0, count=1)}
    with pytest.raises(UnknownMetricError) as raised:
        evaluate([Condition("eval/acc", "last", "eval/accuracy", ">", 0.0)], summaries)
    assert "'eval/accuracy'" in str(raised.value) and "did you mean 'eval/acc'" in str(raised.value)


def test_check_on_a_stored_run_exit_codes_and_json(store: Path) -> None:
    make_run(store, "r", {"eval/acc": [0.5, 0.93], "train/loss": [4.0, 0.2, float("nan")]})
    summaries = Store(store).metric_summaries(Store(store).resolve("r"))
    assert summaries["train/loss"].count == 3

    ok = run_mlop(
        "check",
        "r",
        "eval/acc >= 0.9",
        "max(train/loss) < 5",
        "min(train/loss) <= 0.3",
        store=store,
    )
    assert ok.returncode == 0, ok.stderr
    lines = ok.stdout.decode().splitlines()
    assert len(lines) == 3 and all(line.startswith("PASS") for line in lines)
    assert "(last = 0.93)" in lines[0] and "(max = 4)" in lines[1]

    failed = run_mlop("check", "r", "eval/acc >= 0.9", "train/loss < 1", "--json", store=store)
    assert failed.returncode == 1, failed.stderr
    document = json.loads(failed.stdout)
    assert document["passed"] is False
    assert [c["passed"] for c in document["conditions"]] == [True, False]
    assert document["conditions"][1]["value"] is None  # the NaN last value

    missing = run_mlop("check", "r", "eval/acc >= 0.9", "eval/loss < 1", store=store)
    assert missing.returncode == 2 and missing.stdout == b""
    assert b"'eval/loss'" in missing.stderr and b"Traceback" not in missing.stderr

    malformed = run_mlop("check", "r", "eval/acc >= high", store=store)
    assert malformed.returncode == 2 and b"'high' is not a number" in malformed.stderr


def test_check_with_the_run_left_out_says_what_is_missing(store: Path) -> None:
    make_run(store, "r", {"eval/acc": [0.93]})
    no_run = run_mlop("check", "eval/acc >= 0.9", store=store)
    assert no_run.returncode == 2 and no_run.stdout == b""
    assert no_run.stderr == (
        b"mlop: error: 'eval/acc >= 0.9' is a condition; name the run first:"
        b" mlop check last 'eval/acc >= 0.9'\n"
    )
    no_condition = run_mlop("check", "r", store=store)
    assert no_condition.returncode == 2
    assert no_condition.stderr == b"mlop: error: no condition to check: mlop check r 'EXPR'\n"


CHILD = """
import time
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.compat.proto.summary_pb2 import Summary
from tensorboard.compat.proto.event_pb2 import Event
writer = EventFileWriter('tb')
for step in range(50):
    writer.add_event(Event(wall_time=time.time(), step=step, summary=Summary(value=[
        Summary.Value(tag='eval/acc', simple_value=step / 50),
        Summary.Value(tag='train/loss', simple_value=2.0 / (step + 1))])))
writer.close()
"""


def test_check_gates_a_real_recorded_run(store: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    recorded = run_mlop("run", "-q", "--", PYTHON, "-c", CHILD, store=store, cwd=work)
    assert recorded.returncode == 0, recorded.stderr
    names = set(Store(store).metric_summaries(Store(store).resolve("last")))
    acc = next(name for name in names if name.endswith("eval/acc"))
    loss = next(name for name in names if name.endswith("train/loss"))
    passing = run_mlop(
        "check", "last", f"{acc} >= 0.97", f"max({loss}) <= 2", f"count({acc}) == 50", store=store
    )
    assert passing.returncode == 0, passing.stdout + passing.stderr
    failing = run_mlop("check", "last", f"{acc} > 0.99", store=store)
    assert failing.returncode == 1 and failing.stdout.startswith(b"FAIL")


def test_a_run_that_did_not_finish_fails_the_gate_unless_any_status(
    store: Path, tmp_path: Path
) -> None:
    """A crashed run whose last logged accuracy was good must not pass CI by its metrics."""
    child = "import sys; print('acc=0.95'); sys.exit('CUDA out of memory')"
    recorded = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store)
    assert recorded.returncode == 1
    gate = run_mlop("check", "last", "acc >= 0.9", store=store)
    assert gate.returncode == 1
    lines = gate.stdout.decode().splitlines()
    assert lines[0].startswith("FAIL  the run did not finish (status failed, exit code 1)")
    assert lines[1].startswith("PASS  acc >= 0.9")
    document = json.loads(run_mlop("check", "last", "acc >= 0.9", "--json", store=store).stdout)
    assert (document["passed"], document["status"], document["status_passed"]) == (
        False,
        "failed",
        False,
    )
    anyway = run_mlop("check", "last", "acc >= 0.9", "--any-status", store=store)
    assert anyway.returncode == 0 and anyway.stdout.startswith(b"PASS")
    finished = run_mlop("run", "-q", "--", PYTHON, "-c", "print('acc=0.95')", store=store)
    assert finished.returncode == 0
    assert run_mlop("check", "last", "acc >= 0.9", store=store).returncode == 0


@pytest.mark.parametrize("kind", ["missing", "folder", "corrupt"])
def test_a_store_that_cannot_be_read_is_2_not_a_failed_gate(tmp_path: Path, kind: str) -> None:
    store = tmp_path / "s.db"
    if kind == "folder":
        store.mkdir()
    elif kind == "corrupt":
        store.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    result = run_mlop("check", "last", "acc >= 0.9", store=store)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(b"mlop: error: ") and result.stderr.count(b"\n") == 1


def test_the_mean_of_finite_values_whose_sum_overflows_is_finite(tmp_path: Path) -> None:
    """Two points of 1e308: their sum overflows, their mean is 1e308 (it was inf: `mean(loss)
    <= 1e308` failed, and `show --json` wrote null)."""
    store = tmp_path / "mlop.db"
    make_run(store, "huge", {"loss": [1e308, 1e308], "acc": [0.5, float("inf")]})
    gate = run_mlop("check", "last", "mean(loss) <= 1e308", store=store)
    assert gate.returncode == 0 and b"mean = 1e+308" in gate.stdout, gate
    opened = Store(store)
    summaries = opened.metric_summaries(opened.resolve("last"))
    assert summaries["loss"].mean == 1e308 and summaries["acc"].mean == math.inf


@pytest.mark.parametrize("threshold", ["1_0", "0.9_5"])
def test_a_threshold_with_an_underscore_is_no_number(threshold: str) -> None:
    """Python reads `1_0` as 10: in a gate it is a typo, refused, not a threshold of 10."""
    with pytest.raises(ExpressionError, match="is not a number"):
        parse_condition(f"loss < {threshold}")
