"""Syne Tune's Tuner with its LocalBackend and ASHA: its start/stop lines, 'Tuning Status' tables
and closing resource summary. Trials train a small numpy logistic regression (this same file,
run by the backend as the trial's entry point) and report through syne_tune.Reporter.

Versions: syne-tune 0.16.0, numpy 2.4.6, pandas 3.1.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-n-2: pip install syne-tune; SYNETUNE_FOLDER
set to a scratch folder, else the script makes a temporary one):
    python tests/corpus/scripts/capture.py pipe real_syne_tune_asha -- python tests/corpus/scripts/syne_tune_local.py
    python tests/corpus/scripts/capture.py pty real_syne_tune_asha_pty -- python tests/corpus/scripts/syne_tune_local.py
Truth: syne_tune's TuningStatus, the object whose __str__ the tables print: at each call the
script notes its get_dataframe() (each trial's status, iter and LAST reported result, full
precision); the closing line's value is what print_best_metric_found returns. Which results
a table shows depends on timing: this truth belongs to its capture.
"""

import os
import sys
import time

import numpy as np

if "--lr" in sys.argv:  # run by the LocalBackend as a trial
    import argparse

    from syne_tune import Reporter

    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float)
    parser.add_argument("--l2", type=float)
    parser.add_argument("--epochs", type=int)
    args, _ = parser.parse_known_args()
    rng = np.random.RandomState(0)
    X = rng.normal(size=(600, 10))
    y = (X @ rng.normal(size=10) + 0.5 * rng.normal(size=600) > 0).astype(float)
    Xt, yt, Xv, yv = X[:400], y[:400], X[400:], y[400:]
    w = np.zeros(10)
    report = Reporter()
    for epoch in range(1, args.epochs + 1):
        for i in range(0, 400, 20):
            p = 1 / (1 + np.exp(-Xt[i : i + 20] @ w))
            w -= args.lr * (Xt[i : i + 20].T @ (p - yt[i : i + 20]) / 20 + args.l2 * w)
        p = np.clip(1 / (1 + np.exp(-Xv @ w)), 1e-7, 1 - 1e-7)
        valid_loss = float(-np.mean(yv * np.log(p) + (1 - yv) * np.log(1 - p)))
        valid_acc = float(np.mean((p > 0.5) == yv))
        time.sleep(0.3)  # a longer epoch: trials overlap as real ones do
        report(epoch=epoch, valid_loss=valid_loss, valid_acc=valid_acc)
    sys.exit(0)

import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
# results under a temporary folder rather than ~/syne-tune
if "SYNETUNE_FOLDER" not in os.environ:
    os.environ["SYNETUNE_FOLDER"] = tempfile.mkdtemp(prefix="syne-tune-")

import _truth
import syne_tune.tuning_status as ts
from syne_tune import StoppingCriterion, Tuner
from syne_tune.backend import LocalBackend
from syne_tune.config_space import loguniform
from syne_tune.optimizer.baselines import ASHA

tables: list = []  # the dataframe behind each table printed
_orig_str = ts.TuningStatus.__str__


def status_str(self):
    tables.append(self.get_dataframe().copy())
    return _orig_str(self)


ts.TuningStatus.__str__ = status_str
best: list = []
_orig_best = ts.print_best_metric_found


def print_best(*a, **k):
    out = _orig_best(*a, **k)
    best.append(out)
    return out


ts.print_best_metric_found = print_best
import syne_tune.tuner as tuner_mod  # noqa: E402

if hasattr(tuner_mod, "print_best_metric_found"):
    tuner_mod.print_best_metric_found = print_best

config_space = {"lr": loguniform(1e-3, 1.0), "l2": loguniform(1e-4, 1e-1), "epochs": 8}
scheduler = ASHA(
    config_space,
    metric="valid_loss",
    time_attr="epoch",
    max_t=8,
    grace_period=1,
    reduction_factor=2,
    do_minimize=True,
    random_seed=0,
)
tuner = Tuner(
    trial_backend=LocalBackend(entry_point=os.path.abspath(__file__)),
    scheduler=scheduler,
    stop_criterion=StoppingCriterion(max_num_trials_finished=6),
    n_workers=2,
    sleep_time=0.5,
    print_update_interval=1,
)
tuner.run()

series = _truth.Series()
shown: dict[tuple, tuple] = {}  # (trial, metric) -> (iter, value) last noted
for df in tables:
    for _, row in df.iterrows():
        trial = int(row["trial_id"])
        for metric in ("valid_loss", "valid_acc"):
            if metric not in row or row[metric] != row[metric]:  # '-': no result yet
                continue
            point = (int(row["iter"]), float(row[metric]))
            if shown.get((trial, metric)) == point:  # the same result in a later table
                continue
            shown[(trial, metric)] = point
            series.add(f"{trial}/{metric}", point[0], float(row["epoch"]), point[1])
assert len(best) == 1 and best[0] is not None, best
best_trial, best_value = best[0]
series.add("valid_loss: best", None, None, float(best_value))

_truth.write(
    library=(
        f"syne-tune {metadata.version('syne-tune')} (numpy {np.__version__}, "
        f"pandas {metadata.version('pandas')})"
    ),
    script="tests/corpus/scripts/syne_tune_local.py",
    record=(
        "syne_tune.tuning_status.TuningStatus.get_dataframe() at each table printed (each "
        "trial's last reported result), print_best_metric_found()'s return value"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "worker-time (seconds the trial's worker has run, a table column)",
        "wallclock-time (seconds the tuner has run, '6.10s wallclock-time')",
    ],
    not_printed=[],
    notes=(
        "Syne Tune's TunerLogger prints in ANSI colours and with emojis whether or not it is on "
        "a terminal. A banner ('🚀 Syne Tune - Hyperparameter Optimization', '📋 Experiment "
        "Configuration' with '├─ Workers: 2', the scheduler, results and log paths), WARNING "
        "lines of Python's logging, one line per trial start '[01:35:39] 🚀 Trial 0 started - "
        "config: lr=0.0443, l2=0.0021, epochs=6' (time of day, configuration) and '✅ Trial 0 "
        "completed!'. Every second a table under '📊 Tuning Status (last metric is reported)': "
        "' trial_id     status  iter       lr       l2  epochs  epoch  valid_loss  valid_acc  "
        "worker-time' then one row per trial, e.g. '        2  Completed     6 0.348141 "
        "0.001234       6    6.0    0.271430      0.885     1.001650', '-' where a trial has "
        "reported nothing yet, closed by '2 trials running, 7 finished (4 until the end), 6.10s "
        "wallclock-time' (counts; the time is extra_ok). trial_id identifies the row; status a "
        "word; iter the number of results the trial reported (the step); lr, l2, epochs the "
        "trial's configuration (not metrics); epoch the trial's epoch (printed '1' or '1.0', the "
        "point's epoch); valid_loss and valid_acc the trial's LAST reported result (the "
        "series); worker-time extra_ok. Series are per trial, '<trial_id>/<metric>' (the "
        "trials' curves must not be merged); a table repeating a trial's result already shown "
        "(same iter, same value) adds no point; results of concurrent trials interleave, points "
        "are in print order. At the end '--------------------', 'Resource summary (last result "
        "is reported):' and the same table once more, then 'valid_loss: best 0.08248 for "
        "trial-id 5' (series 'valid_loss: best', no step: the best value over all results; 5 "
        "is the trial id), then closing lines (results folder)."
    ),
)
