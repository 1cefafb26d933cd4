"""Every example in examples/ runs, under the real `mlop`, and records what it claims to."""

from __future__ import annotations

import ast
import json
import os
import re
import selectors
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import PYTHON, ROOT, clean_env, mlop_argv, run_mlop

EXAMPLES = ROOT / "examples"
QUICKSTART = EXAMPLES / "quickstart.py"


def show(store: Path | str, run: str = "last") -> dict:
    """``mlop show RUN --json`` of a store (a file or a folder of stores)."""
    result = subprocess.run(
        mlop_argv("show", run, "--json", "--store", str(store)),
        env=clean_env(),
        capture_output=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def record(store: Path, *command: str, cwd: Path) -> tuple[subprocess.CompletedProcess, dict]:
    """Run COMMAND under ``mlop run`` (pipe mode, no system sampling) and show the run."""
    result = run_mlop("run", "-q", "--no-system", "--", *command, store=store, cwd=cwd)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result, show(store)


def shims(folder: Path) -> Path:
    """A bin folder with ``mlop`` and ``python`` that run this checkout with this interpreter."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, target in (("mlop", f'"{PYTHON}" -m mlop_cli'), ("python", f'"{PYTHON}"')):
        path = folder / name
        path.write_text(f'#!/bin/sh\nexec {target} "$@"\n')
        path.chmod(0o755)
    return folder


def without_slurm(env: dict[str, str]) -> dict[str, str]:
    """The environment minus any Slurm variables of the machine running the tests."""
    return {k: v for k, v in env.items() if not k.startswith(("SLURM", "SLURMD"))}


# -- console formats -------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["2", "3"])
def test_keras_style(tmp_path: Path, store: Path, version: str) -> None:
    script = EXAMPLES / "keras_style.py"
    result, run = record(
        store,
        PYTHON,
        str(script),
        "--keras",
        version,
        "--epochs",
        "3",
        "--sleep",
        "0.002",
        cwd=tmp_path,
    )
    out = result.stdout.decode()
    # mlop passes Keras' redraws through untouched: backspaces, then \r, then the new bar.
    assert "\b\r" in out and out.count("Epoch ") == 3
    metrics = run["metrics"]
    # Only the logged metrics: not the ETA, the seconds, the ms/step or the batch counter.
    assert set(metrics) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    # Every position the bar shows is a point of the running value it shows there.
    assert metrics["loss"]["count"] == len(re.findall(r" - loss: ", out))
    assert metrics["accuracy"]["count"] == len(re.findall(r" - accuracy: ", out))
    # Validation metrics are on the last redraw of each epoch only: one point per epoch.
    assert metrics["val_accuracy"]["count"] == 3
    assert metrics["val_loss"]["count"] == 3
    printed = [float(v) for v in re.findall(r"val_accuracy: ([0-9.]+)", out)]
    assert metrics["val_accuracy"]["last"] == pytest.approx(printed[-1])
    assert metrics["val_accuracy"]["max"] == pytest.approx(max(printed))
    # At the epoch's last step: (epoch - 1) x 1875 + 1875, in line with the training points.
    assert metrics["val_accuracy"]["last_step"] == 3 * 1875 == metrics["loss"]["last_step"]


def test_hf_style(tmp_path: Path, store: Path) -> None:
    script = EXAMPLES / "hf_style.py"
    result, run = record(store, PYTHON, str(script), "--epochs", "3", "--sleep", "0", cwd=tmp_path)
    logs = [ast.literal_eval(line) for line in result.stdout.decode().splitlines() if line]
    assert all(isinstance(entry, dict) for entry in logs)  # stdout is only the Trainer's dicts
    assert "it/s]" in result.stderr.decode()  # the tqdm bar stays on stderr
    metrics = run["metrics"]
    # Every key the Trainer logged is a metric but the epoch (each point's epoch, the x axis),
    # and nothing from the progress bar is.
    assert set(metrics) == {key for entry in logs for key in entry} - {"epoch"}
    train_logs = [entry for entry in logs if "loss" in entry]
    assert metrics["loss"]["count"] == len(train_logs)
    assert metrics["loss"]["last"] == pytest.approx(train_logs[-1]["loss"])
    # The step the Trainer logged at, from the records' epochs against the bar's 375 steps.
    # Through a pipe the bar (stderr) and the records (stdout) interleave as mlop reads them:
    # on an idle machine the bar's position at the record (300-375 here), on a busy one as far
    # behind as the relay was descheduled (182 seen). Never past the end, never before the
    # start; exact under a terminal (the corpus's `_pty` entries score that).
    # The evaluation at the end of the last epoch (epoch 3.0) lands at or after the last
    # training record (epoch 2.9x): at the bar's step when both are read against it, at 375
    # when they are placed by their epochs (what the pipe's timing decides).
    assert 0 < metrics["loss"]["last_step"] <= metrics["eval_loss"]["last_step"] <= 375
    assert metrics["learning_rate"]["last"] == pytest.approx(train_logs[-1]["learning_rate"])
    assert metrics["grad_norm"]["count"] == len(train_logs)
    evals = [entry for entry in logs if "eval_loss" in entry]
    assert metrics["eval_loss"]["count"] == len(evals) == 3
    assert metrics["eval_loss"]["last"] == pytest.approx(evals[-1]["eval_loss"])
    final = logs[-1]
    assert metrics["train_loss"]["count"] == 1
    assert metrics["train_loss"]["last"] == pytest.approx(final["train_loss"])


# -- TensorBoard -----------------------------------------------------------------------------


def test_tensorboard_only(tmp_path: Path, store: Path) -> None:
    script = EXAMPLES / "tensorboard_only.py"
    result, run = record(
        store, PYTHON, str(script), "--steps", "100", "--eval-every", "25", cwd=tmp_path
    )
    assert list((tmp_path / "tb_logs").glob("events.out.tfevents.*"))
    metrics = run["metrics"]
    assert metrics["loss"]["count"] == 100 and metrics["loss"]["source"] == "tensorboard"
    assert metrics["lr"]["last"] == pytest.approx(0.0, abs=1e-9)  # cosine schedule ends at 0
    assert metrics["eval/acc"]["count"] == 4
    printed = re.findall(r"eval acc ([0-9.]+)", result.stdout.decode())
    assert metrics["eval/acc"]["last"] == pytest.approx(float(printed[-1]), abs=1e-4)
    for name in ("weights", "grads"):
        assert run["histograms"][name] == {"count": 4, "first_step": 25, "last_step": 100}
    assert run["params"]["optimizer"] == "sgd"  # from the hparams plugin
    assert run["params"]["lr"] == pytest.approx(0.05)
    assert [text["tag"] for text in run["texts"]] == ["notes"]


def test_pytorch_tensorboard(tmp_path: Path, store: Path) -> None:
    pytest.importorskip("torch")
    script = EXAMPLES / "pytorch_tensorboard.py"
    result, run = record(store, PYTHON, str(script), "--epochs", "3", cwd=tmp_path)
    assert len(list((tmp_path / "runs").glob("*/events.out.tfevents.*"))) == 1
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 3 and lines[-1].startswith("epoch 3/3 ")
    metrics = run["metrics"]
    assert metrics["val/acc"]["count"] == 3 and metrics["val/acc"]["source"] == "tensorboard"
    batches = metrics["train/loss"]["count"]
    assert batches >= 3 and batches % 3 == 0  # one point per batch, the same batches each epoch
    assert metrics["train/loss"]["last_step"] == batches - 1
    # The progress line is parsed too, and agrees with the TensorBoard scalars.
    assert metrics["val_acc"]["source"] == "console"
    assert metrics["val_acc"]["last"] == pytest.approx(metrics["val/acc"]["last"], abs=1e-4)
    assert metrics["val_loss"]["last"] == pytest.approx(metrics["val/loss"]["last"], abs=1e-4)
    for layer in ("0.weight", "0.bias", "2.weight", "2.bias"):
        assert run["histograms"][f"weights/{layer}"]["count"] == 3
        assert run["histograms"][f"grads/{layer}"]["last_step"] == 2
    # torch's add_hparams writes its session info as metadata without a value.
    assert run["params"]["hidden"] == 32


# -- Slurm -----------------------------------------------------------------------------------

SBATCH = EXAMPLES / "slurm" / "train.sbatch"


def test_sbatch_syntax_and_directives() -> None:
    subprocess.run(["bash", "-n", str(SBATCH)], check=True, timeout=10)
    text = SBATCH.read_text()
    directives = re.findall(r"^#SBATCH (\S+)", text, re.MULTILINE)
    assert {"--requeue", "--open-mode=append"} <= set(directives)
    assert any(re.fullmatch(r"--signal=(B:)?USR1@120", d) for d in directives)
    assert re.search(r"^export MLOP_STORE=", text, re.MULTILINE)
    assert re.search(r"^trap \w+ USR1", text, re.MULTILINE)
    assert 'scontrol requeue "$SLURM_JOB_ID"' in text


def slurm_job(tmp_path: Path, train_args: str) -> tuple[list[str], dict[str, str], Path]:
    """argv, env and submit folder to run the batch script as sbatch would, with fake srun."""
    bin_dir = shims(tmp_path / "bin")
    # A one-task srun: the variables Slurm gives a step's task, then the task itself.
    (bin_dir / "srun").write_text(
        "#!/bin/sh\n"
        'export SLURM_JOB_ID="${SLURM_JOB_ID:-4242}" SLURM_STEP_ID=0 SLURM_PROCID=0 '
        "SLURM_LOCALID=0 SLURM_NODEID=0 SLURM_NTASKS=1 SLURMD_NODENAME=node07\n"
        "while [ $# -gt 0 ]; do case $1 in --*) shift ;; *) break ;; esac; done\n"
        'exec "$@"\n'
    )
    (bin_dir / "scontrol").write_text(f'#!/bin/sh\necho "$@" >> "{tmp_path}/scontrol.log"\n')
    for name in ("srun", "scontrol"):
        (bin_dir / name).chmod(0o755)
    submit = tmp_path / "submit"
    submit.mkdir()
    env = without_slurm(clean_env())
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env['PATH']}",
        SLURM_JOB_ID="4242",
        SLURM_JOB_NAME="mlop-train",
        SLURM_SUBMIT_DIR=str(submit),
        PROJECT="slurm-example",
        TRAIN_SCRIPT=str(QUICKSTART),
        TRAIN_ARGS=train_args,
    )
    return ["bash", str(SBATCH)], env, submit


def test_sbatch_records_slurm_ids_and_group(tmp_path: Path) -> None:
    argv, env, submit = slurm_job(tmp_path, "--epochs 1 --steps-per-epoch 10 --sleep 0")
    result = subprocess.run(argv, env=env, cwd=submit, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert not (tmp_path / "scontrol.log").exists()  # no USR1, no requeue
    # One store file named after the node (the script's MLOP_STORE), in the submit folder.
    (db,) = (submit / ".mlop").glob("*.db")
    assert (
        db.stem == subprocess.run(["hostname", "-s"], capture_output=True, text=True).stdout.strip()
    )
    run = show(submit / ".mlop")
    assert run["status"] == "finished" and run["project"] == "slurm-example"
    slurm = run["context"]["slurm"]
    assert slurm["SLURM_JOB_ID"] == "4242" and slurm["SLURM_STEP_ID"] == "0"
    assert slurm["SLURM_PROCID"] == "0" and slurm["SLURMD_NODENAME"] == "node07"
    assert run["group"] == "slurm-4242.0"
    assert "slurm-job-4242" in run["tags"]
    assert run["metrics"]["loss"]["count"] == 2


def test_sbatch_usr1_checkpoints_and_requeues(tmp_path: Path) -> None:
    argv, env, submit = slurm_job(tmp_path, "--epochs 3 --sleep 0.05")
    job = subprocess.Popen(
        argv, env=env, cwd=submit, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        # Slurm's --signal=B:USR1 reaches the batch shell once training is under way.
        wait_for_output(job, b" step=10 ", timeout=120)
        job.send_signal(signal.SIGUSR1)
        out, err = job.communicate(timeout=120)
    finally:
        if job.poll() is None:
            job.kill()
    # The training (which has no handler) was ended by the forwarded USR1: 128 + 10.
    assert job.returncode == 128 + signal.SIGUSR1, err.decode()
    assert (tmp_path / "scontrol.log").read_text().split() == ["requeue", "4242"]
    assert b"requeueing job 4242" in err
    run = show(submit / ".mlop")
    assert run["status"] == "killed" and run["signal"] == signal.SIGUSR1
    # Stopped early: at least the two points printed before USR1, not all 24 of 3 epochs.
    assert 2 <= run["metrics"]["loss"]["count"] < 24


def wait_for_output(process: subprocess.Popen, marker: bytes, timeout: float) -> None:
    """Read PROCESS's stdout until MARKER appears (the bytes read are kept nowhere)."""
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"no {marker!r} on stdout: {seen!r}"
        if selector.select(remaining):
            chunk = os.read(process.stdout.fileno(), 65536)
            assert chunk, f"stdout closed before {marker!r}: {seen!r}"
            seen += chunk
    selector.close()


# -- GitHub Actions --------------------------------------------------------------------------

WORKFLOW = EXAMPLES / "ci" / "github-actions.yml"


def test_github_actions_workflow_runs(tmp_path: Path) -> None:
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    upload = steps[uses.index("actions/upload-artifact")]
    scripts = [step["run"] for step in steps if "run" in step]
    assert any("pip install" in script for script in scripts)
    expected = [
        "mlop run ",
        "mlop check last ",
        "mlop report -o report.html",
        "mlop report --format md --summary",
    ]
    joined = "\n".join(scripts)
    positions = [joined.index(command) for command in expected]
    assert positions == sorted(positions)

    # Execute the steps as the runner would: bash -eo pipefail, in the workspace, in order; the
    # user's train.py is the quickstart here, and installing is left to this checkout.
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    summary = tmp_path / "step_summary.md"
    env = without_slurm(clean_env())
    env.update(
        PATH=f"{shims(tmp_path / 'bin')}{os.pathsep}{env['PATH']}",
        CI="true",
        GITHUB_ACTIONS="true",
        GITHUB_RUN_ID="987654",
        GITHUB_SHA="0" * 40,
        GITHUB_REPOSITORY="lab/mnist",
        GITHUB_STEP_SUMMARY=str(summary),
    )
    for script in scripts:
        if "pip install" in script:
            continue
        script = script.replace("python train.py", f"python {QUICKSTART} --sleep 0.002")
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=workspace,
            env=env,
            capture_output=True,
            timeout=60,
        )
        assert result.returncode == 0, (script, result.stderr.decode())
        if "mlop check" in script:
            assert result.stdout.decode().count("PASS") == 3
    html = (workspace / "report.html").read_text()
    assert html.lstrip().lower().startswith("<!doctype html") and "ci-987654" in html
    markdown = summary.read_text()
    assert markdown.lstrip().startswith("#") and "|" in markdown and "ci-987654" in markdown
    for path in upload["with"]["path"].split():
        assert (workspace / path).is_file(), f"upload-artifact path {path} was not produced"
    run = show(workspace / ".mlop" / "mlop.db")
    assert run["name"] == "ci-987654" and run["tags"] == ["ci"]
    assert run["context"]["ci"]["GITHUB_RUN_ID"] == "987654"


# -- config file -----------------------------------------------------------------------------


def test_config_file_uses_every_key_and_applies(tmp_path: Path) -> None:
    from mlop_cli.config import KEYS, REPORT_KEYS, find_config

    shutil.copy(EXAMPLES / "mlop.toml", tmp_path / "mlop.toml")
    (tmp_path / "sub").mkdir()
    config = find_config(tmp_path / "sub")  # found from a subfolder too
    assert config.path == tmp_path / "mlop.toml"
    assert set(config.values) == set(KEYS)
    assert set(config.values["report"]) == set(REPORT_KEYS)

    # Run with it (minus sync_to: the example's server does not exist, and tests stay offline).
    text = (tmp_path / "mlop.toml").read_text()
    (tmp_path / "mlop.toml").write_text(re.sub(r"(?m)^sync_to = .*$", "", text))
    printing = "print('top-1 error 12.5% at iteration 300'); print('BLEU = 27.31')"
    result = subprocess.run(
        mlop_argv("run", "-q", "--", PYTHON, "-c", printing),
        cwd=tmp_path / "sub",
        env=clean_env(),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode()
    store = tmp_path / ".mlop" / "mlop.db"  # `store` is relative to the file, not the cwd
    assert store.is_file()
    run = show(store)
    assert run["project"] == "mnist-mlp"
    assert run["tags"] == ["baseline", "team-vision"]
    assert run["metrics"]["bleu"]["last"] == 27.31
    assert run["metrics"]["top1_error"]["last"] == 12.5
    assert run["metrics"]["top1_error"]["last_step"] == 300


def test_config_report_defaults(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "mlop.toml", tmp_path / "mlop.toml")
    text = (tmp_path / "mlop.toml").read_text()
    (tmp_path / "mlop.toml").write_text(re.sub(r"(?m)^sync_to = .*$", "", text))
    env = clean_env()
    ran = subprocess.run(
        mlop_argv("run", "-q", "--no-system", "--", PYTHON, "-c", "print('loss=1')"),
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr.decode()
    report = subprocess.run(
        mlop_argv("report"), cwd=tmp_path, env=env, capture_output=True, timeout=60
    )
    assert report.returncode == 0, report.stderr.decode()
    assert (tmp_path / "reports" / "latest.html").is_file()  # config report.output applied


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sample_interval = -1", "sample_interval must be at least 0.05, not -1"),
        ("sample_interval = nan", "sample_interval must be at least 0.05, not nan"),
        ("max_metrics = -5", "max_metrics must be at least 1, not -5"),
        ("[report]\nlast = 0", "report.last must be at least 1, not 0"),
    ],
)
def test_config_numbers_below_their_minimum_are_one_line(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "mlop.toml").write_text(text + "\n")
    result = subprocess.run(
        mlop_argv("run", "-q", "--", "true"), cwd=tmp_path, env=clean_env(), capture_output=True
    )
    assert result.returncode == 2
    assert result.stderr.decode() == f"mlop: error: {tmp_path / 'mlop.toml'}: {message}\n"


def test_readme_lists_every_example() -> None:
    readme = (EXAMPLES / "README.md").read_text()
    files = [p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*") if p.is_file()]
    for name in files:
        if name != "README.md" and "__pycache__" not in name:
            assert f"`{name}`" in readme, name


@pytest.mark.parametrize("value", ["-1", "0", "nan", "fast"])
def test_mlop_sample_interval_below_its_minimum_is_one_line(tmp_path: Path, value: str) -> None:
    result = subprocess.run(
        mlop_argv("run", "-q", "--store", str(tmp_path / "s.db"), "--", "true"),
        env=clean_env(MLOP_SAMPLE_INTERVAL=value),
        capture_output=True,
    )
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"mlop: error: MLOP_SAMPLE_INTERVAL={value!r}")
    assert result.stderr.count(b"\n") == 1
