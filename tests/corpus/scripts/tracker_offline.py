"""A hand-written training loop (a tiny numpy MLP, _toy.py: 960 samples, 30 steps per epoch,
3 epochs, a validation pass per epoch) printing its own progress lines while it logs to an
experiment tracker run offline / on local files: comet_ml's OfflineExperiment (its end-of-run
'Comet.ml OfflineExperiment Summary' block), MLflow with a local file store, DVCLive, ClearML
offline (Task.set_offline), Aim with a local repo.  Guild AI is in tracker_guild.py.

Ground truth: the tracker's OWN local record, read back after the run (comet: the offline
archive's messages.json; mlflow: the file store's metrics via MlflowClient.get_metric_history;
dvclive: its plots/metrics/*.tsv and metrics.json; clearml: the offline session's metrics
events; aim: Run.get_metric()), keeping only what was printed.

Versions and venvs (one per tracker; each `pip install TRACKER numpy`, all wheels):
  comet_ml 3.58.8 (venv corpus-zy-1), mlflow 3.x + scikit-learn (corpus-zy-2),
  dvclive (corpus-zy-3), clearml (corpus-zy-5), aim (corpus-zy-6); numpy 2.4.6, Python 3.11.
  Exact versions: see each entry's truth 'library'.
Capture (repository root, that tracker's venv active; nothing reaches the network):
    python tests/corpus/scripts/capture.py pipe real_comet_offline_summary -- python tests/corpus/scripts/tracker_offline.py comet
    python tests/corpus/scripts/capture.py pty  real_comet_offline_summary_pty -- python tests/corpus/scripts/tracker_offline.py comet
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

import _truth  # noqa: E402
from _toy import Toy  # noqa: E402

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
                print(step_line(step, epoch, spe * EPOCHS, loss, acc))
                printed.append(("step", step, epoch))
        v_loss, v_acc = toy.evaluate()
        log_epoch(step, epoch, tot / spe, v_loss, v_acc)
        print(epoch_line(step, epoch, tot / spe, v_loss, v_acc))
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


if __name__ == "__main__":
    try:
        {"comet": run_comet}[sys.argv[1]]()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
