"""pytorch-tabnet TabNetClassifier / TabNetRegressor.fit on synthetic tabular data, verbose epochs.

TabNet prints one line per `verbose`-th epoch, '|'-separated 'name: value' fields and the
elapsed time ('epoch 3  | loss: 0.61 | train_auc: 0.7 | valid_auc: 0.68 |  0:00:01s'), then
an early-stopping or max_epochs sentence with the best value.  Truth: clf.history.history
(TabNet's own History callback) and clf.best_cost / clf.best_epoch.
Versions: pytorch-tabnet 4.1.0, torch 2.13.0+cpu, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_tabnet_clf -- python tests/corpus/holdout/scripts/tabnet_fit.py clf
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_tabnet_reg_every2 -- python tests/corpus/holdout/scripts/tabnet_fit.py reg
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import torch
from pytorch_tabnet.tab_model import TabNetClassifier, TabNetRegressor

torch.manual_seed(0)
np.random.seed(0)
torch.set_num_threads(1)
kind = sys.argv[1]
rng = np.random.default_rng(0)
X = rng.normal(size=(1200, 8)).astype(np.float32)
w = rng.normal(size=8)
if kind == "clf":
    y = ((X @ w + 0.5 * rng.normal(size=1200)) > 0).astype(np.int64)
    model = TabNetClassifier(n_d=8, n_a=8, n_steps=3, seed=0, verbose=1)
    eval_metric = ["auc", "accuracy"]
    fit_kw = dict(max_epochs=12, patience=4)
    names = ["train", "valid"]
    eval_set = [(X[:900], y[:900]), (X[900:], y[900:])]
else:
    y = (X @ w + 0.3 * rng.normal(size=1200)).astype(np.float32).reshape(-1, 1)
    model = TabNetRegressor(n_d=8, n_a=8, n_steps=3, seed=0, verbose=2)
    eval_metric = ["rmse", "mae"]
    fit_kw = dict(max_epochs=9, patience=0)
    names = None
    eval_set = [(X[900:], y[900:])]
model.fit(
    X[:900],
    y[:900],
    eval_set=eval_set,
    eval_name=names,
    eval_metric=eval_metric,
    batch_size=128,
    virtual_batch_size=64,
    drop_last=False,
    **fit_kw,
)

hist = model.history.history
every = model.verbose
ser = _truth.Series()
printed_keys = [k for k in hist if k not in ("lr",)]
n = len(hist["loss"])
for ep in range(n):
    if ep % every != 0:
        continue
    for k in printed_keys:
        ser.add(k, None, ep, hist[k][ep])
best_name = "best_" + model._metrics_names[-1]
if getattr(model, "best_epoch", None) is not None:  # patience=0: no closing sentence printed
    ser.add(best_name, None, model.best_epoch, model.best_cost)

_truth.write(
    library="pytorch-tabnet 4.1.0 (torch 2.13.0+cpu)",
    script="tests/corpus/holdout/scripts/tabnet_fit.py",
    record="model.history.history (TabNet's own History callback), model.best_cost/best_epoch",
    step_kind="epoch",
    series=ser,
    extra_ok=[],
    not_printed=["lr (in the history, never printed)"]
    + (["odd epochs (verbose=2 prints every second epoch)"] if every == 2 else []),
    notes=(
        "One line per printed epoch: 'epoch 0  | loss: 0.71 | <set>_<metric>: 0.5 | ... |  0:00:00s'; "
        "the epoch is TabNet's 0-based epoch number; the last field is elapsed wall time (not a metric). "
        + (
            "No eval_name given: TabNet names the set 'val_0'. patience=0: no closing sentence. "
            if every == 2
            else f"The closing sentence names the best epoch and '{best_name} = <value>' (no newline "
            f"after it): that value is series '{best_name}' with the best epoch as its epoch (TabNet "
            "early-stops on the last metric of the last eval set). "
        )
        + "Warnings (device, best weights) are not metrics."
    ),
)
