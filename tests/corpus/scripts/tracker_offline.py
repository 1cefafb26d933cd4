"""A hand-written training loop (a tiny numpy MLP, _toy.py: 960 samples, 30 steps per epoch,
3 epochs, a validation pass per epoch) printing its own progress lines while it logs to an
experiment tracker run offline / on local files: comet_ml's OfflineExperiment (its end-of-run
'Comet.ml OfflineExperiment Summary' block), MLflow with a local sqlite store (+ sklearn
autolog and MLflow's example print_auto_logged_info), DVCLive, ClearML offline
(Task.set_offline), Neptune offline, Aim with a local repo (the loop's tqdm bar).  Guild AI is in
tracker_guild.py.

Ground truth: the tracker's OWN local record, read back after the run (comet: the offline
archive's messages.json; mlflow: MlflowClient.get_metric_history; dvclive: its
plots/metrics/*.tsv; clearml: the offline session's metrics.jsonl; neptune: the offline
operation log; aim: run.metrics()), keeping only what was printed.

Versions and venvs (one per tracker, `pip install TRACKER numpy`, all wheels; numpy 2.4.6,
Python 3.11): comet_ml 3.58.8 (venv corpus-zy-1), mlflow 3.17.2 + scikit-learn 1.9.1
(corpus-zy-2), dvclive 3.49.1 + dvc 3.67.1 (corpus-zy-3), clearml 2.1.12 (corpus-zy-5), aim
3.29.1 + tqdm 4.70.1 (corpus-zy-6), neptune 1.14.0.post2 (corpus-zy-7).
Every tracker writes only under a temporary folder (the script chdirs there where a tracker
writes to the current folder: DVCLive would otherwise `dvc init` and commit an experiment
into the git repository it runs in).
Capture (repository root, that tracker's venv active; nothing reaches the network):
    python tests/corpus/scripts/capture.py pipe real_comet_offline_summary -- python tests/corpus/scripts/tracker_offline.py comet
    python tests/corpus/scripts/capture.py pty  real_comet_offline_summary_pty -- python tests/corpus/scripts/tracker_offline.py comet
    python tests/corpus/scripts/capture.py pipe real_mlflow_sqlite_autolog -- python tests/corpus/scripts/tracker_offline.py mlflow
    python tests/corpus/scripts/capture.py pipe real_mlflow_search_runs -- python tests/corpus/scripts/tracker_offline.py mlflow_search
    python tests/corpus/scripts/capture.py pipe real_dvclive_logging_kv -- python tests/corpus/scripts/tracker_offline.py dvclive
    python tests/corpus/scripts/capture.py pipe real_clearml_offline -- python tests/corpus/scripts/tracker_offline.py clearml
    python tests/corpus/scripts/capture.py pipe real_neptune_offline_npdict -- python tests/corpus/scripts/tracker_offline.py neptune
    python tests/corpus/scripts/capture.py pipe real_aim_tqdm_postfix -- python tests/corpus/scripts/tracker_offline.py aim
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import zipfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Toy

SCRIPT = "tests/corpus/scripts/tracker_offline.py"
EPOCHS = 3
EVERY = 10
PARAMS = {"lr": 0.3, "batch_size": 32, "hidden": 32, "epochs": EPOCHS, "seed": 0}
WORK = tempfile.mkdtemp(prefix="tracker-")


def v(name: str) -> str:
    return metadata.version(name)


def train(log_step, log_epoch, step_line, epoch_line):
    """The loop: log every step to the tracker, print every EVERY steps and once per epoch.
    Returns [(kind, step, epoch)] of the printed lines, in print order."""
    toy = Toy(n=960, batch=PARAMS["batch_size"], hidden=PARAMS["hidden"], lr=PARAMS["lr"])
    spe = toy.steps_per_epoch
    printed = []
    step = 0
    for epoch in range(1, EPOCHS + 1):
        tot = 0.0
        for _ in range(spe):
            step += 1
            loss, acc = toy.train_step()
            tot += loss
            log_step(step, epoch, loss, acc)
            if step % EVERY == 0:
                line = step_line(step, epoch, spe * EPOCHS, loss, acc)
                if line is not None:  # None: the line went through logging
                    print(line)
                printed.append(("step", step, epoch))
        v_loss, v_acc = toy.evaluate()
        log_epoch(step, epoch, tot / spe, v_loss, v_acc)
        line = epoch_line(step, epoch, tot / spe, v_loss, v_acc)
        if line is not None:
            print(line)
        printed.append(("epoch", step, epoch))
    return printed


# --------------------------------------------------------------------------------------- comet
def run_comet():
    import comet_ml

    store = os.path.join(WORK, "comet")
    exp = comet_ml.OfflineExperiment(project_name="toy-mlp", offline_directory=store)
    exp.log_parameters(PARAMS)

    def log_step(step, epoch, loss, acc):
        exp.log_metrics({"batch_loss": loss, "batch_acc": acc}, step=step, epoch=epoch)

    def log_epoch(step, epoch, t_loss, v_loss, v_acc):
        exp.log_metrics(
            {"train_loss": t_loss, "val_loss": v_loss, "val_acc": v_acc}, step=step, epoch=epoch
        )

    printed = train(
        log_step,
        log_epoch,
        lambda s, e, n, loss, acc: f"step {s}/{n}  loss {loss:.4f}  acc {acc:.3f}",
        lambda s, e, tl, vl, va: (
            f"Epoch {e}/{EPOCHS}: train_loss={tl:.4f} val_loss={vl:.4f} val_acc={va:.4f}"
        ),
    )
    exp.end()
    # comet's own record: the metric messages of the offline archive
    (archive,) = [f for f in os.listdir(store) if f.endswith(".zip")]
    with zipfile.ZipFile(os.path.join(store, archive)) as z:
        lines = z.read("messages.json").decode().splitlines()
    record = {}  # name -> [(step, epoch, value)] in log order
    for line in lines:
        msg = json.loads(line)
        if msg["type"] == "metric_msg":
            m = msg["payload"]["metric"]
            record.setdefault(m["metricName"], []).append(
                (m["step"], m["epoch"], float(m["metricValue"]))
            )
    at = {name: {p[0]: p for p in pts} for name, pts in record.items()}
    series = _truth.Series()
    for kind, step, epoch in printed:
        if kind == "step":
            series.add("loss", step, epoch, at["batch_loss"][step][2])
            series.add("acc", step, epoch, at["batch_acc"][step][2])
        else:
            for name in ("train_loss", "val_loss", "val_acc"):
                series.add(name, step, epoch, at[name][step][2])
    # The summary: 'name [count] : (min, max)' per metric, sorted by name.  A min/max that is a
    # value the loop printed for that name (train_loss, val_loss, val_acc: every value printed)
    # is not a new point; batch_loss / batch_acc were never printed by the loop (it prints them
    # as loss / acc every 10 steps): their min and max are points at the step comet recorded
    # them (the first step holding that value).
    for name in ("batch_acc", "batch_loss"):
        pts = [p for p in record[name]]
        for value in (min(p[2] for p in pts), max(p[2] for p in pts)):
            step, epoch, _ = next(p for p in pts if p[2] == value)
            series.add(name, step, epoch, value)
    _truth.write(
        library=f"hand-written loop, comet_ml {v('comet_ml')} OfflineExperiment",
        script=SCRIPT,
        record=(
            "comet's own record: the metric messages of the offline archive "
            "(<id>.zip/messages.json), read back after exp.end()"
        ),
        step_kind="global",
        series=series,
        not_printed=[
            "batch_loss / batch_acc at every step (the loop prints them every 10 steps as loss / acc)",
            "comet's sys.* system metrics (cpu, ram, disk), recorded, never printed",
        ],
        notes=(
            "The loop prints 'step 10/90  loss 0.5231  acc 0.812' every 10 steps (global step / total "
            "steps) and 'Epoch 1/3: train_loss=0.5270 val_loss=0.4361 val_acc=0.8208' per epoch (to "
            "stdout: block-buffered when piped, so they come out at exit, after comet's stderr lines). "
            "comet's own lines start 'COMET INFO:' / 'COMET WARNING:' (network warnings: 'Failed to log "
            "ip', no git repository). At exp.end() comet prints the summary block: 'Data:' "
            "(display_summary_level : 1 - a setting; url : [OfflineExperiment will get URL after upload]), "
            "'Metrics [count] (min, max):' with one row per metric 'val_loss [3] : (0.3758..., 0.4361...)' "
            "- [3] is how many values were logged (a count, not a metric), the tuple holds the run's min "
            "and max at full repr; 'Others:' (offline_experiment : True), 'Parameters:' (batch_size : 32, "
            "epochs : 3, hidden : 32, lr : 0.3, seed : 0 - the logged hyper-parameters, NOT metrics), "
            "'Uploads:' (environment details : 1, installed packages : 1 - counts of uploads), then the "
            "offline archive's path and 'comet upload ...'. For train_loss, val_loss and val_acc the "
            "min and max are values already printed per epoch at the same step (not new points); "
            "batch_loss and batch_acc are only shown there: their truth is the (min, max) pair at the "
            "first step comet recorded each value (the console never shows that step)."
        ),
    )


# -------------------------------------------------------------------------------------- mlflow
def print_auto_logged_info(r):
    """Verbatim from MLflow's scikit-learn autolog examples (examples/sklearn_autolog/utils.py)."""
    from mlflow.tracking import MlflowClient

    tags = {k: v for k, v in r.data.tags.items() if not k.startswith("mlflow.")}
    artifacts = [f.path for f in MlflowClient().list_artifacts(r.info.run_id, "model")]
    print(f"run_id: {r.info.run_id}")
    print(f"artifacts: {artifacts}")
    print(f"params: {r.data.params}")
    print(f"metrics: {r.data.metrics}")
    print(f"tags: {tags}")


def run_mlflow():
    import mlflow
    from mlflow.tracking import MlflowClient
    from sklearn.linear_model import LogisticRegression

    os.chdir(WORK)  # the run's artifacts (the autologged model) go to ./mlruns
    mlflow.set_tracking_uri("sqlite:///" + os.path.join(WORK, "mlflow.db"))
    mlflow.set_experiment("toy-mlp")
    with mlflow.start_run() as run:
        mlflow.log_params(PARAMS)

        def log_step(step, epoch, loss, acc):
            mlflow.log_metrics({"loss": loss, "acc": acc}, step=step)

        def log_epoch(step, epoch, t_loss, v_loss, v_acc):
            mlflow.log_metrics(
                {"train_loss": t_loss, "val_loss": v_loss, "val_acc": v_acc}, step=epoch
            )

        printed = train(
            log_step,
            log_epoch,
            lambda s, e, n, loss, acc: f"epoch {e} | step {s:3d} | loss {loss:.4f} | acc {acc:.4f}",
            lambda s, e, tl, vl, va: (
                f"Epoch [{e}/{EPOCHS}] Train Loss: {tl:.4f} | Val Loss: {vl:.4f} | Val Acc: {va:.4f}"
            ),
        )
    # a baseline with autologging, as in MLflow's sklearn_autolog example
    toy = Toy(n=960)
    mlflow.sklearn.autolog()
    with mlflow.start_run() as base:
        LogisticRegression(C=0.5, max_iter=200).fit(toy.x, toy.y)
    auto = mlflow.get_run(base.info.run_id)
    print_auto_logged_info(auto)

    client = MlflowClient()
    hist = {
        name: {m.step: m.value for m in client.get_metric_history(run.info.run_id, name)}
        for name in ("loss", "acc", "train_loss", "val_loss", "val_acc")
    }
    series = _truth.Series()
    for kind, step, epoch in printed:
        if kind == "step":
            series.add("loss", step, epoch, hist["loss"][step])
            series.add("acc", step, epoch, hist["acc"][step])
        else:
            series.add("Train Loss", step, epoch, hist["train_loss"][epoch])
            series.add("Val Loss", step, epoch, hist["val_loss"][epoch])
            series.add("Val Acc", step, epoch, hist["val_acc"][epoch])
    # the autologged run's metrics as the example prints them: a dict, in the record's order
    for name, value in auto.data.metrics.items():
        (m,) = client.get_metric_history(base.info.run_id, name)
        series.add(name, m.step, None, value)
    _truth.write(
        library=f"hand-written loop, mlflow {v('mlflow')} (local sqlite store), scikit-learn {v('scikit-learn')} autolog",
        script=SCRIPT,
        record=(
            "MLflow's own store: MlflowClient().get_metric_history(run_id, name) of the loop's run "
            "(per-step loss/acc at the global step, per-epoch train_loss/val_loss/val_acc logged at "
            "step=epoch), and the autologged run's metrics (get_run().data.metrics, step 0)"
        ),
        step_kind="global",
        series=series,
        not_printed=["loss / acc at the steps between the printed ones (logged every step)"],
        notes=(
            "The tracking URI is a local sqlite file (mlflow 3.17 refuses the './mlruns' file store: "
            "'in maintenance mode'). The loop prints 'epoch 1 | step  10 | loss 0.4750 | acc 0.7812' every "
            "10 steps (global step) and 'Epoch [1/3] Train Loss: 0.5270 | Val Loss: 0.4361 | Val Acc: "
            "0.8208' per epoch (those logged to MLflow at step=epoch; their truth step here is the global "
            "step at the epoch's end, the epoch as printed). MLflow's own lines are logging records "
            "'2026/12/07 08:34:53 INFO mlflow.store.db.utils: Creating initial MLflow database tables...' "
            "(a date and time, no metric) and autolog's warnings. Then a LogisticRegression is fitted "
            "under mlflow.sklearn.autolog() and the run printed with MLflow's example helper "
            "print_auto_logged_info: 'run_id: <hex>', 'artifacts: [...]', \"params: {'C': '0.5', "
            "'max_iter': '200', 'tol': '0.0001', ...}\" (the estimator's hyper-parameters as strings: "
            "NOT metrics), \"metrics: {'training_accuracy_score': 0.83, 'training_f1_score': ...}\" "
            "(the autologged training metrics, full repr: metrics, step 0 in MLflow's record), and "
            "\"tags: {'estimator_class': ..., 'estimator_name': 'LogisticRegression'}\". stdout is "
            "block-buffered when piped: the loop's lines come out at exit, after MLflow's stderr lines."
        ),
    )


def run_mlflow_search():
    import mlflow
    from mlflow.tracking import MlflowClient

    os.chdir(WORK)
    mlflow.set_tracking_uri("sqlite:///" + os.path.join(WORK, "mlflow.db"))
    mlflow.set_experiment("toy-mlp")
    with mlflow.start_run(run_name="numpy-mlp") as run:
        mlflow.log_params(PARAMS)

        def log_step(step, epoch, loss, acc):
            mlflow.log_metrics({"loss": loss, "acc": acc}, step=step)

        def log_epoch(step, epoch, t_loss, v_loss, v_acc):
            mlflow.log_metrics({"val_loss": v_loss, "val_acc": v_acc}, step=step)

        printed = train(
            log_step,
            log_epoch,
            lambda s, e, n, loss, acc: f"Epoch {e} Batch {s - 30 * (e - 1)}/30 loss: {loss:.4f}",
            lambda s, e, tl, vl, va: f"Epoch {e} done - val_loss: {vl:.4f} - val_acc: {va:.4f}",
        )
    runs = mlflow.search_runs()  # how users look at their runs without the UI
    print(runs.iloc[0])  # the run as a pandas Series: one "column  value" row per field
    client = MlflowClient()
    hist = {
        name: {m.step: m.value for m in client.get_metric_history(run.info.run_id, name)}
        for name in ("loss", "acc", "val_loss", "val_acc")
    }
    series = _truth.Series()
    for kind, step, epoch in printed:
        if kind == "step":
            series.add("loss", step, epoch, hist["loss"][step])
        else:
            series.add("val_loss", step, epoch, hist["val_loss"][step])
            series.add("val_acc", step, epoch, hist["val_acc"][step])
    # the one-row table: metrics.<name> is each metric's latest value (at its last step)
    last_step = max(hist["loss"])
    for col in runs.columns:
        if col.startswith("metrics."):
            name = col.split(".", 1)[1]
            series.add(col, last_step, EPOCHS, hist[name][last_step])
    _truth.write(
        library=f"hand-written loop, mlflow {v('mlflow')} (local sqlite store), pandas {v('pandas')}",
        script=SCRIPT,
        record=(
            "MLflow's own store: MlflowClient().get_metric_history(run_id, name) (every metric "
            "logged at the global step); search_runs()' metrics.<name> columns are each metric's "
            "latest value"
        ),
        step_kind="global",
        series=series,
        not_printed=[
            "acc at every step (only its last value is shown, as metrics.acc)",
        ],
        notes=(
            "MLflow's own lines: '2026/12/07 … INFO mlflow.store.db.utils: Creating initial MLflow "
            "database tables...', 'Experiment with name 'toy-mlp' does not exist. Creating a new "
            "experiment.' The loop prints 'Epoch 1 Batch 10/30 loss: 0.4750' every 10 steps (the "
            "batch within the epoch / batches per epoch: counts; the truth step is the global step "
            "MLflow has) and 'Epoch 1 done - val_loss: 0.4361 - val_acc: 0.8208' per epoch. Then "
            "print(mlflow.search_runs().iloc[0]): the run as a pandas Series, one 'field  value' row "
            "each, 'Name: 0, dtype: object' last: run_id / experiment_id (ids), status FINISHED, "
            "artifact_uri, start_time / end_time (timestamps with +00:00), metrics.<name> rows (each metric's LAST value, 6 significant digits: "
            "points at the last step 90; metrics.loss 0.489836 is the step-90 value the loop printed "
            "as 'loss: 0.4898', a separately printed name), params.<name> columns (the logged "
            "hyper-parameters as strings: params.lr 0.3, params.epochs 3, params.seed 0 - NOT metrics) "
            "and tags.mlflow.* rows (user, source name and type, run name, git commit)."
        ),
    )


# ------------------------------------------------------------------------------------- dvclive
def run_dvclive():
    import csv
    import logging

    from dvclive import Live

    logging.basicConfig(level=logging.INFO)
    log = logging.getLogger("train")
    out = os.path.join(WORK, "dvclive")
    os.chdir(
        WORK
    )  # a project folder outside any git repository (the corpus' own repo is not the run's)
    printed = []
    with Live(dir=out) as live:
        live.log_params(PARAMS)

        def log_step(step, epoch, loss, acc):
            live.log_metric("train/loss", loss)
            live.log_metric("train/acc", acc)
            if step % EVERY == 0:  # before next_step(): live.step is this batch's step
                printed.append(live.step)
            if step % (len(Toy(n=960).x) // PARAMS["batch_size"]) != 0:
                live.next_step()

        def log_epoch(step, epoch, t_loss, v_loss, v_acc):
            live.log_metric("val/loss", v_loss)
            live.log_metric("val/acc", v_acc)
            live.next_step()

        train(
            log_step,
            log_epoch,
            lambda s, e, n, loss, acc: log.info(
                "epoch=%d step=%d train/loss=%.4f train/acc=%.4f", e, printed[-1], loss, acc
            ),
            lambda s, e, tl, vl, va: log.info(
                "epoch=%d step=%d val/loss=%.4f val/acc=%.4f", e, printed[-1], vl, va
            ),
        )
    # dvclive's own record: plots/metrics/<name>.tsv (step, value) per metric
    rows = {}
    for name in ("train/loss", "train/acc", "val/loss", "val/acc"):
        with open(os.path.join(out, "plots", "metrics", name + ".tsv")) as fh:
            rows[name] = {
                int(r["step"]): float(r[name.split("/")[1]])
                for r in csv.DictReader(fh, delimiter="\t")
            }
    spe = 30
    series = _truth.Series()
    for step in printed:
        epoch = step // spe + 1
        series.add("train/loss", step, epoch, rows["train/loss"][step])
        series.add("train/acc", step, epoch, rows["train/acc"][step])
        if (step + 1) % spe == 0:
            series.add("val/loss", step, epoch, rows["val/loss"][step])
            series.add("val/acc", step, epoch, rows["val/acc"][step])
    _truth.write(
        library=f"hand-written loop, dvclive {v('dvclive')} (dvc {v('dvc')})",
        script=SCRIPT,
        record="DVCLive's own record: <dir>/plots/metrics/{train,val}/{loss,acc}.tsv (step, value)",
        step_kind="global",
        series=series,
        not_printed=["train/loss, train/acc at the steps between the printed ones"],
        notes=(
            "DVCLive prints no metric: only its warnings through logging ('WARNING:dvclive:Can't save "
            "experiment without a DVC Repo.' or the like, by where it runs). The loop logs through the "
            "logging module's default format, every 10 steps 'INFO:train:epoch=1 step=9 train/loss=0.4750 "
            "train/acc=0.7812' and after each validation 'INFO:train:epoch=1 step=29 val/loss=0.4361 "
            "val/acc=0.8208'. step is DVCLive's own live.step (0-based, one next_step() per batch); the "
            "validation metrics are logged at the epoch's last batch step. Last step: 89."
        ),
    )


# ------------------------------------------------------------------------------------- clearml
def run_clearml():
    import argparse

    os.environ["CLEARML_CACHE_DIR"] = os.path.join(WORK, "clearml")  # the offline session
    from clearml import Task

    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=PARAMS["lr"])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    Task.set_offline(offline_mode=True)
    task = Task.init(project_name="toy-mlp", task_name="numpy mlp")
    parser.parse_args([])  # ClearML records argparse arguments as hyper-parameters
    task.connect(PARAMS)
    logger = task.get_logger()

    def log_step(step, epoch, loss, acc):
        logger.report_scalar("loss", "train", loss, iteration=step)
        logger.report_scalar("accuracy", "train", acc, iteration=step)

    def log_epoch(step, epoch, t_loss, v_loss, v_acc):
        logger.report_scalar("loss", "val", v_loss, iteration=step)
        logger.report_scalar("accuracy", "val", v_acc, iteration=step)

    printed = train(
        log_step,
        log_epoch,
        lambda s, e, n, loss, acc: f"[Epoch {e}] iter {s}: train loss = {loss:.4f}",
        lambda s, e, tl, vl, va: f"Validation: loss = {vl:.4f}, accuracy = {100 * va:.2f}%",
    )
    folder = task.get_offline_mode_folder()
    task.close()
    # ClearML's own record: the offline session's metrics.jsonl (one JSON list per flush)
    events = []
    with open(os.path.join(folder, "metrics.jsonl")) as fh:
        for line in fh:
            events += json.loads(line)
    rec = {
        (e["metric"], e["variant"], e["iter"]): e["value"]
        for e in events
        if e["type"] == "training_stats_scalar"
    }
    series = _truth.Series()
    for kind, step, epoch in printed:
        if kind == "step":
            series.add("train loss", step, epoch, rec["loss", "train", step])
        else:
            series.add("Validation loss", step, epoch, rec["loss", "val", step])
            series.add("Validation accuracy", step, epoch, 100 * rec["accuracy", "val", step])
    _truth.write(
        library=f"hand-written loop, clearml {v('clearml')} (Task.set_offline(True))",
        script=SCRIPT,
        record=(
            "ClearML's own record: the offline session's metrics.jsonl (training_stats_scalar events: "
            "metric, variant, iter, value), read back after task.close()"
        ),
        step_kind="global",
        series=series,
        not_printed=[
            "loss/train and accuracy/train at every iteration (printed: train loss every 10)",
            "accuracy/train (never printed)",
        ],
        notes=(
            "ClearML prints its own lines: 'ClearML Task: created new task id=offline-<hex>', 'ClearML "
            "running in offline mode, session stored in <path>', logging records '2026-12-07 08:38:16,422 "
            "- clearml.Task - INFO - No repository found, storing script code instead' and a resource "
            "monitor warning (no GPU), and at the end 'ClearML Task: Offline session stored in "
            "<path>.zip' - nothing about the scalars it recorded. ClearML hooks stdout (the loop's lines "
            "come out in order even when piped). The loop prints '[Epoch 1] iter 10: train loss = 0.4750' "
            "every 10 iterations (iteration = global step) and after each epoch 'Validation: loss = "
            "0.4361, accuracy = 82.08%' (accuracy printed in percent; ClearML records 0.8208: the truth "
            "is in the printed unit, x100), at the iteration of the epoch's last batch."
        ),
    )


# ------------------------------------------------------------------------------------- neptune
def run_neptune():
    import glob

    import neptune
    import numpy as np

    os.chdir(WORK)  # Neptune keeps its offline run under ./.neptune
    run = neptune.init_run(mode="offline", project="corpus/toy-mlp", source_files=[])
    run["parameters"] = PARAMS
    logs_printed = []  # (step, epoch, {name: value}) as printed

    def log_step(step, epoch, loss, acc):
        run["train/batch/loss"].append(loss, step=step)

    def log_epoch(step, epoch, t_loss, v_loss, v_acc):
        # numpy scalars, as a numpy loop hands them over: NumPy 2 prints np.float64(...)
        logs = {
            "train/loss": np.float64(t_loss),
            "val/loss": np.float64(v_loss),
            "val/acc": np.mean(np.array([v_acc])),
        }
        for name, value in logs.items():
            run[name].append(value, step=epoch)
        logs_printed.append((step, epoch, logs))

    train(
        log_step,
        log_epoch,
        lambda s, e, n, loss, acc: None,
        lambda s, e, tl, vl, va: f"Epoch {e}: {logs_printed[-1][2]}",
    )
    run.stop()
    # Neptune's own record: the offline operation log (LogFloats: path, values [{value, step}])
    (data,) = glob.glob(os.path.join(WORK, ".neptune", "offline", "*", "data-1.log"))
    rec = {}
    with open(data) as fh:
        for line in fh:
            op = json.loads(line)["obj"]
            if op["type"] == "LogFloats":
                for p in op["values"]:
                    rec.setdefault("/".join(op["path"]), {})[p["step"]] = p["value"]
    series = _truth.Series()
    for step, epoch, logs in logs_printed:
        for name in logs:
            series.add(name, step, epoch, rec[name][float(epoch)])
    _truth.write(
        library=f"hand-written loop, neptune {v('neptune')} (mode='offline'), numpy {np.__version__}",
        script=SCRIPT,
        record=(
            "Neptune's own record: the offline run's operation log .neptune/offline/run__*/data-1.log "
            "(LogFloats operations: path, value, step), read back after run.stop()"
        ),
        step_kind="global",
        series=series,
        not_printed=["train/batch/loss at every step (logged, never printed)"],
        notes=(
            "Neptune prints its own lines with a '[neptune] [info   ]' / '[neptune] [warning]' prefix: "
            "'Neptune initialized. Open in the app: offline/<uuid>', an NVML warning (no GPU), "
            "'Shutting down background jobs, please wait a moment...', 'Done!' - no metric. The loop "
            "prints one line per epoch, the dict of numpy scalars it logged: \"Epoch 1: {'train/loss': "
            "np.float64(0.5269697070071547), 'val/loss': np.float64(0.43610126770698027), 'val/acc': "
            "np.float64(0.8208333333333333)}\" (NumPy 2's repr of a float64 inside a dict: "
            "np.float64(value), full precision). Neptune records these at step=epoch; the truth step is "
            "the global step at the epoch's end (30, 60, 90), the epoch as printed."
        ),
    )


# ----------------------------------------------------------------------------------------- aim
def run_aim():
    from aim import Run
    from tqdm import tqdm

    run = Run(repo=os.path.join(WORK, "aim"), experiment="toy-mlp")
    run["hparams"] = PARAMS
    toy = Toy(n=960, batch=PARAMS["batch_size"], hidden=PARAMS["hidden"], lr=PARAMS["lr"])
    step = 0
    printed = []  # (name, step, epoch) in print order
    for epoch in range(1, EPOCHS + 1):
        pbar = tqdm(range(toy.steps_per_epoch), desc=f"Epoch {epoch}/{EPOCHS}")
        for _ in pbar:
            step += 1
            loss, acc = toy.train_step()
            run.track(loss, name="loss", step=step, epoch=epoch, context={"subset": "train"})
            run.track(acc, name="acc", step=step, epoch=epoch, context={"subset": "train"})
            pbar.set_postfix(loss=loss, acc=acc)  # redraws the bar: every step's values shown
            printed += [("loss", step, epoch), ("acc", step, epoch)]
        v_loss, v_acc = toy.evaluate()
        run.track(v_loss, name="loss", step=step, epoch=epoch, context={"subset": "val"})
        run.track(v_acc, name="acc", step=step, epoch=epoch, context={"subset": "val"})
        print(f"epoch {epoch}: val_loss={v_loss:.4f} val_acc={v_acc:.4f}")
        printed += [("val_loss", step, epoch), ("val_acc", step, epoch)]
    # Aim's own record, read from the run before close() (a read-only reopen sees no metrics
    # until Aim has indexed the run)
    rec = {}
    for m in run.metrics():
        steps, (values, _epochs, _times) = m.data.items_list()
        rec[m.name, m.context.to_dict().get("subset")] = dict(zip(steps, values, strict=True))
    run.close()
    key = {
        "loss": ("loss", "train"),
        "acc": ("acc", "train"),
        "val_loss": ("loss", "val"),
        "val_acc": ("acc", "val"),
    }
    series = _truth.Series()
    for name, step, epoch in printed:
        series.add(name, step, epoch, rec[key[name]][step])
    _truth.write(
        library=f"hand-written loop, aim {v('aim')} (local repo), tqdm {v('tqdm')}",
        script=SCRIPT,
        record=(
            "Aim's own record: run.metrics() (loss / acc in contexts subset=train and subset=val: "
            "steps and values), read from the run before close()"
        ),
        step_kind="global",
        series=series,
        extra_ok=["it/s (the bar's rate), s/it"],
        notes=(
            "Aim prints nothing at all (no banner, no summary). The loop shows one tqdm bar per epoch "
            "('Epoch 1/3:  33%|###3      | 10/30 [00:00<00:00, 95.1it/s, loss=0.475, acc=0.781]') and "
            "calls pbar.set_postfix(loss=loss, acc=acc) every step: set_postfix redraws the bar, so "
            "every step's loss and acc are drawn (tqdm's 3-significant-digit format: loss=0.475, "
            "acc=0.781, acc=1 for 1.0); step = the global step (Aim's step), the bar's counter is the "
            "step within the epoch (its n/30 is a count, not a metric). The bar goes to stderr with \\r "
            "redraws; under a pipe stdout is block-buffered, so the per-epoch 'epoch 1: val_loss=0.4361 "
            "val_acc=0.8208' lines (the validation metrics, Aim's subset=val context, tracked at the "
            "epoch's last step) come out at exit after all bars."
        ),
    )


if __name__ == "__main__":
    try:
        {
            "comet": run_comet,
            "mlflow": run_mlflow,
            "mlflow_search": run_mlflow_search,
            "dvclive": run_dvclive,
            "clearml": run_clearml,
            "neptune": run_neptune,
            "aim": run_aim,
        }[sys.argv[1]]()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
