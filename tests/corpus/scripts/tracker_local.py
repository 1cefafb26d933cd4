"""A hand-written training loop (the numpy MLP of _toy.py: 960 samples, 30 steps per epoch, a
validation pass per epoch) printing its own progress while it logs to a local-first tracker:
trackio (Hugging Face's tracker, a local SQLite store) and SwanLab in offline mode.  Neither
prints a metric itself: the entries hold the loop's prints between the trackers' banners
(project names, paths, run names with digits, versions: no metric).

Variants:
  trackio        one trackio run: 'Step 10: loss=0.4750, acc=0.7812' every 10 steps, print(dict)
                 of the epoch's logged metrics, trackio.alert() when the val loss rises
  trackio_sweep  the README's pattern: three runs (a learning-rate sweep) in one script, each
                 trackio.init / finish, 'lr=0.05 | epoch 1/3 | train_loss 0.6012 | val_loss …'
  trackio_df     one run logged per epoch, no print while training, then the run read back from
                 trackio's store printed as pd.DataFrame(...).to_string() (timestamp column)
  swanlab        swanlab.init(mode="offline"), SwanLab's MNIST-example print style
                 'Epoch [1/3], Iteration [10/30], Loss: 0.4750095577005998' (full repr), per epoch
                 'Epoch [1/3] val_loss: 0.4361, val_acc: 82.08%'

Ground truth: the tracker's OWN local record, read back after the run, restricted to what was
printed: trackio's SQLite store (SQLiteStorage.get_logs(project, run)), the alert in its alerts
table; SwanLab's offline run file (run-<id>.swanlab, a LevelDB-style log of protobuf Records,
read with SwanLab's own DataStoreReader: the ScalarRecords).

Versions: trackio 0.43.0, swanlab 0.10.3, numpy 2.4.6, Python 3.11 (venv corpus-zQ-1: `pip
install livelossplot trackio swanlab numpy pandas`, all wheels).  Both write only under a
temporary folder (TRACKIO_DIR, swanlab logdir); nothing reaches the network.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_trackio_loop -- python tests/corpus/scripts/tracker_local.py trackio
    python tests/corpus/scripts/capture.py pipe real_trackio_sweep -- python tests/corpus/scripts/tracker_local.py trackio_sweep
    python tests/corpus/scripts/capture.py pty  real_trackio_sweep_pty -- python tests/corpus/scripts/tracker_local.py trackio_sweep
    python tests/corpus/scripts/capture.py pipe real_trackio_dataframe -- python tests/corpus/scripts/tracker_local.py trackio_df
    python tests/corpus/scripts/capture.py pipe real_swanlab_offline -- python tests/corpus/scripts/tracker_local.py swanlab
    python tests/corpus/scripts/capture.py pty  real_swanlab_offline_pty -- python tests/corpus/scripts/tracker_local.py swanlab
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

WORK = tempfile.mkdtemp(prefix="tracker-local-")
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
os.environ["TRACKIO_DIR"] = os.path.join(WORK, "trackio")
os.environ["HF_HOME"] = os.path.join(WORK, "hf")

import _truth  # noqa: E402
from _toy import Toy  # noqa: E402

SCRIPT = "tests/corpus/scripts/tracker_local.py"
EPOCHS = 3
EVERY = 10


def v(name: str) -> str:
    return metadata.version(name)


# ------------------------------------------------------------------------------------- trackio
def run_trackio():
    import trackio
    from trackio.sqlite_storage import SQLiteStorage

    config = {"lr": 0.3, "batch_size": 32, "hidden": 32, "epochs": EPOCHS}
    trackio.init(project="toy-mlp", config=config)
    toy = Toy(n=960, batch=32, hidden=32, lr=0.3, seed=1)
    printed = []  # (kind, step)
    alerts = []  # (step, epoch, the val_loss the alert shows)
    step, best = 0, float("inf")
    for epoch in range(1, EPOCHS + 1):
        tot = 0.0
        for _ in range(toy.steps_per_epoch):
            step += 1
            loss, acc = toy.train_step()
            tot += loss
            trackio.log({"train/loss": loss, "train/acc": acc}, step=step)
            if step % EVERY == 0:
                print(f"Step {step}: loss={loss:.4f}, acc={acc:.4f}")
                printed.append(("step", step, epoch))
        v_loss, v_acc = toy.evaluate()
        metrics = {"epoch": epoch, "train_loss": tot / toy.steps_per_epoch, "val_loss": v_loss}
        metrics["val_acc"] = v_acc
        trackio.log(metrics, step=step)
        print(metrics)
        printed.append(("epoch", step, epoch))
        if v_loss > best - 0.02:  # trackio's docs: alert on a plateau / rise of the val loss
            trackio.alert(
                title="Validation loss not improving",
                text=f"val_loss {v_loss:.4f} vs best {best:.4f}",
                level=trackio.AlertLevel.WARN,
            )
            alerts.append((step, epoch, v_loss, best))
        best = min(best, v_loss)
        toy.lr *= 0.3
    run_name = trackio.context_vars.current_run.get().name
    trackio.finish()

    logs = SQLiteStorage.get_logs("toy-mlp", run_name)
    at = {}  # (name, step) -> value, from trackio's store
    for row in logs:
        for k, val in row.items():
            if k not in ("step", "timestamp") and isinstance(val, float | int):
                at[(k, row["step"])] = float(val)
    stored_alerts = SQLiteStorage.get_alerts("toy-mlp", run_name=run_name)
    assert len(stored_alerts) == len(alerts), (stored_alerts, alerts)
    series = _truth.Series()
    alert_i = 0
    for kind, step, epoch in printed:
        if kind == "step":
            series.add("loss", step, epoch, at[("train/loss", step)])
            series.add("acc", step, epoch, at[("train/acc", step)])
        else:
            for name in ("train_loss", "val_loss", "val_acc"):
                series.add(name, step, epoch, at[(name, step)])
            if alert_i < len(alerts) and alerts[alert_i][0] == step:
                # the alert's text repeats this epoch's val_loss (not a new point) and the best
                # val_loss so far (an earlier epoch's printed val_loss, not a new point either)
                assert abs(alerts[alert_i][2] - at[("val_loss", step)]) < 1e-12
                alert_i += 1
    _truth.write(
        library=f"hand-written loop (numpy MLP), trackio {v('trackio')} (local SQLite store)",
        script=SCRIPT,
        record=(
            "trackio's own store: SQLiteStorage.get_logs('toy-mlp', run) read back after finish() "
            "(the logged dicts with their step), SQLiteStorage.get_alerts for the alerts"
        ),
        step_kind="global",
        series=series,
        not_printed=[
            "train/loss and train/acc at the steps between the printed ones (logged every step)",
            "trackio's automatic CPU/system metrics (psutil), recorded, never printed",
        ],
        notes=(
            "trackio.init prints its banner: '* Trackio project initialized: toy-mlp', '* Trackio "
            "metrics logged to: /tmp/…/trackio', '* View dashboard by running in your terminal:', "
            "the command 'trackio show --project \"toy-mlp\"' in bold orange ANSI codes (also into a "
            "pipe), '* or by running in Python: trackio.show(project=\"toy-mlp\")', '* psutil "
            "detected, enabling automatic CPU/system metrics logging', '* Created new run: "
            "<adjective>-<noun>-0' (a generated run name ending in a digit: no metric). The loop "
            "prints 'Step 10: loss=0.4750, acc=0.7812' every 10 steps (the global step, as logged "
            "to trackio: step=step) and after each epoch print(metrics) of the dict it logged, "
            "\"{'epoch': 1, 'train_loss': 0.5270…, 'val_loss': 0.4361…, 'val_acc': 0.8208…}\" "
            "(full repr; 'epoch' is the epoch counter, not a metric). When the val loss did not "
            "improve by 0.02, trackio.alert() prints '\\x1b[93m[TRACKIO WARN]\\x1b[0m Validation "
            "loss not improving: val_loss 0.4012 vs best 0.3988 (step 60)' - the level in bright yellow "
            "(also into a pipe), the step trackio gives the alert in parentheses; 'val_loss' there is the value of the "
            "dict printed just before (same point), 'best' an earlier epoch's val_loss (already "
            "printed: no new point). Block-buffered stdout: the "
            "lines come out in print order, trackio's output is print() too. At finish(): '* Run "
            "finished. Uploading logs to Trackio (please wait...)' (a local store: nothing "
            "uploaded)."
        ),
    )


def run_trackio_sweep():
    import trackio
    from trackio.sqlite_storage import SQLiteStorage

    rates = (0.05, 0.1, 0.3)
    printed = []  # (run name, epoch, step)
    for lr in rates:
        trackio.init(project="lr-sweep", config={"lr": lr, "epochs": EPOCHS})
        toy = Toy(n=960, batch=32, hidden=32, lr=lr, seed=2)
        step = 0
        for epoch in range(1, EPOCHS + 1):
            tot = 0.0
            for _ in range(toy.steps_per_epoch):
                step += 1
                loss, _acc = toy.train_step()
                tot += loss
            v_loss, v_acc = toy.evaluate()
            t_loss = tot / toy.steps_per_epoch
            trackio.log({"train_loss": t_loss, "val_loss": v_loss, "val_acc": v_acc})
            print(
                f"lr={lr} | epoch {epoch}/{EPOCHS} | train_loss {t_loss:.4f} | "
                f"val_loss {v_loss:.4f} | val_acc {v_acc:.4f}"
            )
            printed.append((trackio.context_vars.current_run.get().name, epoch))
        trackio.finish()

    at = {}
    for run_name in {p[0] for p in printed}:
        for row in SQLiteStorage.get_logs("lr-sweep", run_name):
            at[run_name, row["step"]] = row
    series = _truth.Series()
    for run_name, epoch in printed:
        row = at[run_name, epoch - 1]  # trackio numbers a run's log() calls from step 0
        for name in ("train_loss", "val_loss", "val_acc"):
            series.add(name, row["step"], epoch, row[name])
    _truth.write(
        library=f"hand-written loop (numpy MLP), trackio {v('trackio')} (local SQLite store)",
        script=SCRIPT,
        record=(
            "trackio's own store: SQLiteStorage.get_logs('lr-sweep', run) of each run, read back "
            "after the last finish()"
        ),
        step_kind="global",
        series=series,
        not_printed=["trackio's automatic CPU/system metrics (psutil), recorded, never printed"],
        notes=(
            "Three trackio runs in one script (trackio's README pattern: a loop of init / log / "
            "finish), a learning-rate sweep. Each init prints trackio's banner ('* Trackio project "
            "initialized: lr-sweep', '* Trackio metrics logged to: /tmp/…', the bold orange "
            "'trackio show --project \"lr-sweep\"' command, '* psutil detected, …', '* Created new "
            "run: <adjective>-<noun>-N' with N = 0, 1, 2 - a run counter) and each finish() '* Run "
            "finished. Uploading logs to Trackio (please wait...)'. Per epoch the loop prints "
            "'lr=0.05 | epoch 1/3 | train_loss 0.6012 | val_loss 0.5511 | val_acc 0.7750': 'lr' "
            "is the run's configured learning rate (a swept hyper-parameter, constant within a "
            "run: NOT a metric), '1/3' the epoch of the run. The series restart with each run: "
            "step = trackio's step, which it numbers from 0 within each run (log() without "
            "step=), epoch = the epoch printed; the run boundaries are the 'Created new run' "
            "lines. Piped, stdout is block-buffered but everything is print(): the order is kept."
        ),
    )


# ------------------------------------------------------------------------------------- swanlab
def run_swanlab():
    import swanlab
    from swanlab.proto.swanlab.record.v1.record_pb2 import Record
    from swanlab.sdk.internal.core_python.store import DataStoreReader

    logdir = os.path.join(WORK, "swanlog")
    swanlab.init(
        project="toy-mlp",
        experiment_name="mlp-baseline",
        config={"lr": 0.3, "batch_size": 32, "epochs": EPOCHS},
        mode="offline",
        logdir=logdir,
    )
    toy = Toy(n=960, batch=32, hidden=32, lr=0.3, seed=4)
    spe = toy.steps_per_epoch
    printed = []  # (kind, step, epoch)
    step = 0
    for epoch in range(1, EPOCHS + 1):
        for it in range(1, spe + 1):
            step += 1
            loss, acc = toy.train_step()
            swanlab.log({"train/loss": loss, "train/acc": acc}, step=step)
            if it % EVERY == 0:
                print(f"Epoch [{epoch}/{EPOCHS}], Iteration [{it}/{spe}], Loss: {loss}")
                printed.append(("step", step, epoch))
        v_loss, v_acc = toy.evaluate()
        swanlab.log({"val/loss": v_loss, "val/acc": v_acc}, step=step)
        print(f"Epoch [{epoch}/{EPOCHS}] val_loss: {v_loss:.4f}, val_acc: {100 * v_acc:.2f}%")
        printed.append(("epoch", step, epoch))
    swanlab.finish()

    (path,) = glob.glob(os.path.join(logdir, "run-*", "run-*.swanlab"))
    reader = DataStoreReader()
    reader.open(path)
    at = {}
    for raw in reader:
        rec = Record()
        rec.ParseFromString(raw)
        if rec.WhichOneof("record_type") == "scalar":
            at[rec.scalar.key, rec.scalar.step] = rec.scalar.value.number
    reader.close()
    series = _truth.Series()
    for kind, step, epoch in printed:
        if kind == "step":
            series.add("Loss", step, epoch, at["train/loss", step])
        else:
            series.add("val_loss", step, epoch, at["val/loss", step])
            series.add("val_acc", step, epoch, 100 * at["val/acc", step])
    _truth.write(
        library=f"hand-written loop (numpy MLP), swanlab {v('swanlab')} (mode='offline')",
        script=SCRIPT,
        record=(
            "SwanLab's own offline run file (swanlog/run-<time>-<id>/run-<id>.swanlab), read with "
            "its DataStoreReader after finish(): the ScalarRecords (key, step, value)"
        ),
        step_kind="global",
        series=series,
        not_printed=[
            "train/loss at the steps between the printed ones, train/acc at every step (logged, "
            "never printed)"
        ],
        notes=(
            "swanlab.init(mode='offline') prints 'swanlab: Tracking run with swanlab version "
            "0.10.3', 'swanlab: 💾 Run data saved at ' and the run folder "
            "'/tmp/…/swanlog/run-20261207_111709-8191eqku' on the next line (its console wraps at "
            "80 columns when piped), 'swanlab: ⚡️ Run `swanlab sync ' / '<folder>` to sync this run' "
            "(printed again at finish()); under a terminal with colours and the 120-column width. "
            "The loop prints SwanLab's MNIST example style every 10 iterations, 'Epoch [1/3], "
            "Iteration [10/30], Loss: 0.4750095577005998' (Loss at full repr; the iteration "
            "within the epoch, the truth's step is the global step logged to SwanLab = (epoch-1) "
            "x 30 + iteration), and per epoch 'Epoch [1/3] val_loss: 0.4361, val_acc: 82.08%' "
            "(val_acc printed in percent: the truth holds the printed unit, 100 x the recorded "
            "fraction). Run folder and run id hold digits: no metric."
        ),
    )


def run_trackio_df():
    import pandas as pd
    import trackio
    from trackio.sqlite_storage import SQLiteStorage

    trackio.init(project="toy-df", config={"lr": 0.2, "epochs": 5})
    toy = Toy(n=960, batch=32, hidden=32, lr=0.2, seed=7)
    for _epoch in range(1, 6):
        tot = 0.0
        for _ in range(toy.steps_per_epoch):
            loss, _acc = toy.train_step()
            tot += loss
        v_loss, v_acc = toy.evaluate()
        trackio.log({"train_loss": tot / toy.steps_per_epoch, "val_loss": v_loss, "val_acc": v_acc})
    run_name = trackio.context_vars.current_run.get().name
    trackio.finish()
    # read the run back from trackio's store and print it as a table (DataFrame.to_string())
    logs = SQLiteStorage.get_logs("toy-df", run_name)
    df = pd.DataFrame(logs)
    print(df.to_string())

    series = _truth.Series()
    for row in logs:  # the table's rows, in order; every column printed
        for name in ("train_loss", "val_loss", "val_acc"):
            series.add(name, row["step"], None, row[name])
    _truth.write(
        library=(
            f"hand-written loop (numpy MLP), trackio {v('trackio')} (local SQLite store), "
            f"pandas {v('pandas')}"
        ),
        script=SCRIPT,
        record="trackio's own store: SQLiteStorage.get_logs('toy-df', run), the rows printed",
        step_kind="global",
        series=series,
        not_printed=["trackio's automatic CPU/system metrics (psutil), recorded, never printed"],
        notes=(
            "trackio's banner (as in real_trackio_loop: project, path, the bold orange 'trackio "
            "show' command, '* Created new run: <adjective>-<noun>-0', '* Run finished. "
            "Uploading logs to Trackio (please wait...)'), no print during training, then the "
            "run read back from trackio's store and printed with DataFrame.to_string(): header "
            "'   train_loss  val_loss   val_acc                         timestamp  step' and one "
            "row per log() call '0    0.575436  0.421733  0.825000  2026-12-07T11:20:01.123456+00:00 "
            "    0' - the left column is the pandas index, 'timestamp' the ISO time of the log "
            "call (digits, not a metric), 'step' trackio's 0-based step (the truth's step). "
            "Values at pandas' 6 significant decimals."
        ),
    )


if __name__ == "__main__":
    {
        "trackio": run_trackio,
        "trackio_sweep": run_trackio_sweep,
        "trackio_df": run_trackio_df,
        "swanlab": run_swanlab,
    }[sys.argv[1]]()
