"""`mlop import-log`: an existing console log becomes a run with its metrics and console."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import query, run_mlop

SLURM_OUT = (
    "srun: job 123456 queued and waiting for resources\n"
    "Epoch 1/2\n"
    "1875/1875 [==============================] - 3s 1ms/step - loss: 0.2345 - accuracy: 0.9123\n"
    "{'loss': 0.6931, 'grad_norm': 1.2345, 'learning_rate': 4.5e-05, 'epoch': 0.33}\n"
    "step=10 loss=0.25 acc=0.91\n"
    "slurmstepd: error: *** JOB 123456 ON node01 CANCELLED AT 2026-11-22T10:31:04 DUE TO TIME LIMIT ***\n"
)


def test_import_log_parses_and_stores_the_console(store: Path, tmp_path: Path) -> None:
    log = tmp_path / "slurm-123456.out"
    log.write_text(SLURM_OUT)
    result = run_mlop("import-log", str(log), "--tag", "old", "--json", store=store)
    assert result.returncode == 0, result.stderr
    imported = json.loads(result.stdout)
    assert imported[0]["name"] == "slurm-123456"
    shown = json.loads(run_mlop("show", "slurm-123456", "--json", store=store).stdout)
    metrics = shown["metrics"]
    assert metrics["accuracy"]["last"] == 0.9123 and metrics["grad_norm"]["last"] == 1.2345
    assert metrics["loss"]["count"] == 3 and metrics["acc"]["last"] == 0.91
    assert shown["tags"] == ["old"]
    stored = b"".join(row[0] for row in query(store, "SELECT data FROM logs ORDER BY seq"))
    assert stored == SLURM_OUT.encode()


def test_import_log_of_a_missing_file_is_one_line(store: Path, tmp_path: Path) -> None:
    result = run_mlop("import-log", str(tmp_path / "nope.out"), store=store)
    assert (
        result.returncode == 2
        and result.stderr.count(b"\n") == 1
        and b"Traceback" not in result.stderr
    )


def test_import_log_custom_pattern(store: Path, tmp_path: Path) -> None:
    log = tmp_path / "bleu.log"
    log.write_text("valid BLEU = 27.31 at update 1000\nvalid BLEU = 28.02 at update 2000\n")
    result = run_mlop("import-log", str(log), "--pattern", r"BLEU = (?P<bleu>[\d.]+)", store=store)
    assert result.returncode == 0, result.stderr
    shown = json.loads(run_mlop("show", "bleu", "--json", store=store).stdout)
    assert shown["metrics"]["bleu"]["count"] == 2 and shown["metrics"]["bleu"]["last"] == 28.02
    bad = run_mlop("import-log", str(log), "--pattern", "(unclosed", store=store)
    assert bad.returncode == 2 and b"pattern" in bad.stderr


def test_an_imported_log_invents_no_exit_code_and_a_crash_or_cancellation_fails_the_gate(
    store: Path, tmp_path: Path
) -> None:
    """A Slurm job's log that ends in a traceback or Slurm's cancellation was stored
    `finished`, exit code 0, and `mlop check` passed it. No exit code is invented now, and
    such an end is the run's status; a log that ends well stays finished."""
    logs = {
        "ok": "step=1 val_acc=0.9\nstep=2 val_acc=0.92\ndone\n",
        "crashed": (
            "step=1 val_acc=0.9\nTraceback (most recent call last):\n"
            '  File "train.py", line 9, in <module>\n    step()\n'
            "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB\n"
        ),
        "cancelled": (
            "step=1 val_acc=0.9\nslurmstepd: error: *** JOB 1 ON n1 CANCELLED AT "
            "2026-12-07T23:00:00 DUE TO TIME LIMIT ***\n"
        ),
    }
    expected = {"ok": ("finished", 0), "crashed": ("failed", 1), "cancelled": ("killed", 1)}
    for name, text in logs.items():
        path = tmp_path / f"slurm-{name}.out"
        path.write_text(text)
        assert run_mlop("import-log", str(path), "--name", name, store=store).returncode == 0
        ((status, exit_code),) = query(
            store, "SELECT status, exit_code FROM runs WHERE name = ?", (name,)
        )
        gate = run_mlop("check", name, "val_acc > 0.5", store=store)
        assert (status, gate.returncode) == expected[name], (name, gate.stdout)
        assert exit_code is None
