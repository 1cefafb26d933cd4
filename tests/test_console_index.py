"""Console metrics as an index over the stored console: the indexer, catch-up, recovery."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import psutil

from mlop_cli.store.recovery import save_pending_status
from tests.conftest import PYTHON, clean_env, mlop_argv, query, run_mlop


def _kill_indexers(store: Path) -> int:
    killed = 0
    for process in psutil.process_iter(["cmdline"]):
        cmdline = process.info.get("cmdline") or []
        if "mlop_cli.indexing" in cmdline and str(store) in cmdline:
            process.kill()
            killed += 1
    return killed


def test_a_killed_indexer_leaves_metrics_a_reader_completes(store: Path) -> None:
    """A Slurm step's end kills every process of the step, the indexer too: the next reader
    derives the metrics from the stored console, all of them."""
    lines = 300_000
    child = f"for i in range({lines}): print(f'step={{i}} loss={{1 / (i + 1):.6f}}')\n"
    done = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store, timeout=300)
    assert done.returncode == 0
    _kill_indexers(store)
    shown = run_mlop("show", "last", "--json", store=store, timeout=600)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["metrics"]["loss"]["count"] == lines
    assert query(store, "SELECT done FROM console_index")[0][0] == 1


def test_mlop_recover_stores_a_status_kept_beside_the_store(store: Path) -> None:
    done = run_mlop("run", "-q", "--", PYTHON, "-c", "print('loss=1')", store=store)
    assert done.returncode == 0
    run_id = query(store, "SELECT id FROM runs")[0][0]
    kept = save_pending_status(store, run_id, {"status": "killed", "signal": 9}, None)
    recovered = run_mlop("recover", store=store)
    assert recovered.returncode == 0, recovered.stderr
    assert b"final status stored" in recovered.stderr
    assert query(store, "SELECT status, signal FROM runs") == [("killed", 9)]
    assert not kept.exists()


def test_a_run_that_printed_numbers_and_no_metric_says_so(store: Path) -> None:
    child = "for i in range(40): print(f'{i} {i * 0.5} {i * 0.25}')\n"
    done = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store)
    assert done.returncode == 0
    shown = json.loads(run_mlop("show", "last", "--json", store=store).stdout)
    unread = [e for e in shown["events"] if e["kind"] == "console.unread"]
    assert len(unread) == 1
    assert "--pattern" in unread[0]["message"] and "mlop parse" in unread[0]["message"]


def test_mlop_parse_shows_what_is_read_and_why(tmp_path: Path) -> None:
    log = tmp_path / "train.log"
    log.write_text(
        "Initial learn rate: 0.001\n"
        "Epoch 1/2\n"
        "step 10 | loss 0.5 | lr 0.001\n"
        "loaded 960 samples\n"
        "step 20 | loss 0.4 | lr 0.001\n"
        "Epoch 1: val_loss=0.45\n"
    )
    result = subprocess.run(mlop_argv("parse", str(log)), capture_output=True, env=clean_env())
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "loss = 0.5 @ step 10" in out
    assert "val_loss = 0.45 @ step 20 (epoch 1)" in out
    assert "held:" in out  # the learn rate printed before training
    assert "counter:" in out  # Epoch 1/2
    document = json.loads(
        subprocess.run(
            mlop_argv("parse", str(log), "--json"), capture_output=True, env=clean_env()
        ).stdout
    )
    assert document["metrics"]["loss"] == {"count": 2, "first_step": 10, "last_step": 20}
    assert "Initial_learn_rate" not in document["metrics"]
    missing = subprocess.run(
        mlop_argv("parse", str(tmp_path / "nope.log")), capture_output=True, env=clean_env()
    )
    assert missing.returncode == 2 and missing.stderr.count(b"\n") == 1


def test_mlop_parse_reads_a_wrapped_record_whole_and_says_so(tmp_path: Path) -> None:
    """A record rich's logging handler wrapped: its values are reported on its first line,
    read as the indexer reads them, and the wrapped line says whose it is."""
    from tests.test_console_parsers import _rich_log

    log = tmp_path / "train.log"
    log.write_text(
        _rich_log(
            [
                "epoch 1 step 10 loss=0.5000 lr=0.3",
                "Epoch 1 validation: loss=0.4000 accuracy=0.8100 (train loss 0.6000)",
            ]
        )
    )
    result = subprocess.run(
        mlop_argv("parse", str(log), "--json"), capture_output=True, env=clean_env()
    )
    assert result.returncode == 0, result.stderr
    lines = json.loads(result.stdout)["lines"]
    head = next(line for line in lines if "Epoch 1 validation" in line["text"])
    assert {p["name"] for p in head["points"]} >= {"validation/loss", "validation/accuracy"}
    wrapped = next(line for line in lines if line["text"].lstrip().startswith("accuracy="))
    assert wrapped["shape"] == "wrapped" and wrapped["line"] > head["line"]
    assert f"line {head['line']}" in wrapped["note"] and not wrapped["points"]


def test_mlop_parse_gives_the_reason_of_each_line_not_an_earlier_lines(tmp_path: Path) -> None:
    """A setting held before training stays held; lines after training began are not said to
    be 'printed before the training output began': each gets its own reason."""
    log = tmp_path / "train.log"
    log.write_text(
        "Initial learn rate: 0.001\n"
        "Epoch 1/2\n"
        "step 10 | loss 0.5\n"
        "Learning rate decayed to 0.0005 after the plateau\n"
        "num_tokens: 1500\n"
        "Peak memory: 1234.5 MB\n"
        "step 20 | loss 0.4\n"
    )
    result = subprocess.run(
        mlop_argv("parse", str(log), "--json"), capture_output=True, env=clean_env()
    )
    assert result.returncode == 0, result.stderr
    lines = {line["text"]: line for line in json.loads(result.stdout)["lines"]}
    assert lines["Initial learn rate: 0.001"]["shape"] == "held"
    assert lines["Learning rate decayed to 0.0005 after the plateau"]["shape"] == "prose"
    count = lines["num_tokens: 1500"]
    assert count["shape"] == "count" and "changes" in count["note"]
    assert lines["Peak memory: 1234.5 MB"]["shape"] == "size"


def test_mlop_parse_reports_what_the_indexer_stores_records_held_until_the_end(
    tmp_path: Path,
) -> None:
    """Records at an epoch wait for a step (a bar, or the end of the output): `mlop parse`
    says so on their lines and reports their points at the end, so its summary is what the
    indexer stores (it said 'numbers without a name' and read 1 metric of 7)."""
    from tests.console_score import parse

    lines = []  # records at epochs, no bar, no step: they wait for one
    for epoch in (1, 2, 3):
        lines.append(
            f"{{'epoch': {epoch}, 'train_loss': np.float64({1 / epoch:.6f}),"
            f" 'val_loss': np.float32({0.9 / epoch:.6f})}}"
        )
    log = tmp_path / "train.log"
    log.write_text("\n".join(lines) + "\n")
    result = subprocess.run(
        mlop_argv("parse", str(log), "--json"), capture_output=True, env=clean_env()
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    stored = parse(log.read_bytes())
    assert {n: v["count"] for n, v in document["metrics"].items()} == {
        n: len(p.points) for n, p in stored.items()
    }
    held = [line for line in document["lines"] if line["shape"] == "held"]
    assert held and all("waiting for its step" in line["note"] for line in held)
    assert document["lines"][-1]["text"] == "(end of the output)"


def test_mlop_parse_ends_a_configuration_printout_at_its_blank_line_as_the_indexer_does(
    tmp_path: Path,
) -> None:
    """Hydra's log: `… - Config:`, the YAML, a blank line, then the epochs. `mlop parse` left
    blank lines out of its reading, so the printout never ended there and it read nothing."""
    from tests.console_score import parse

    log = tmp_path / "train.log"
    log.write_text(
        "[2026-12-07 02:01:26,123][__main__][INFO] - Config:\n"
        "model:\n  hidden: 64\n  dropout: 0.1\noptim:\n  lr: 0.01\n\n"
        + "".join(
            f"[2026-12-07 02:01:2{e},123][__main__][INFO] - Epoch {e}: loss=0.{9 - e} acc=0.{e}\n"
            for e in range(1, 4)
        )
    )
    result = subprocess.run(
        mlop_argv("parse", str(log), "--json"), capture_output=True, env=clean_env()
    )
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)["metrics"]
    assert {n: v["count"] for n, v in metrics.items()} == {
        n: len(p.points) for n, p in parse(log.read_bytes()).items()
    }
    assert metrics["loss"]["count"] == 3


def test_parse_says_a_listing_line_is_held_until_the_listing_ends(tmp_path: Path) -> None:
    """`mlop parse` on `print(optimizer)` inside a loop: each indented line is held (a listing,
    decided where it ends), not "numbers without a name"; the optimizer's lr is no metric."""
    log = tmp_path / "train.log"
    log.write_text(
        "Epoch 1 loss 0.5\nAdam (\nParameter Group 0\n    amsgrad: False\n"
        "    betas: (0.9, 0.999)\n    lr: 0.001\n    weight_decay: 0\n)\nEpoch 2 loss 0.4\n"
    )
    result = subprocess.run(mlop_argv("parse", str(log)), capture_output=True, env=clean_env())
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    lr_line = out[out.index("lr: 0.001") :].split("\n")[1]
    assert "indented `key: value` listing" in lr_line, out
    assert "lr:" not in out.split("metric(s) read")[1]
