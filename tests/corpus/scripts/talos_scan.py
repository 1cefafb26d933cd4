"""Talos' Scan() grid sweep as its docs run one (a model function returning (history, model);
print_params=True prints each round's parameter dict above its tqdm bar), with a scikit-learn
SGDClassifier trained epoch by epoch and Talos' TorchHistory helper holding the per-epoch
loss / val_loss / acc / val_acc (Talos keeps the last epoch's values per round); then the round
table the user looks at: print(scan_object.data[[...]]) without Talos' bookkeeping columns
(start/end timestamps, duration, trial ids and hashes).

Versions: talos 2.0.10 (no deep-learning framework imported), scikit-learn 1.9.1, pandas 3.1.1,
numpy 2.4.6, tqdm 4.70.1, Python 3.11.
Capture (repository root, a venv with talos; it writes its experiment folder into the current
directory: the script chdirs to a temporary one):
    python tests/corpus/scripts/capture.py pipe real_talos_scan -- python tests/corpus/scripts/talos_scan.py
    python tests/corpus/scripts/capture.py pty real_talos_scan_pty -- python tests/corpus/scripts/talos_scan.py
Truth: scan_object.data (Talos' own round table): columns loss, val_loss, acc, val_acc per round,
step = the round's index (0-based, as the table prints it).
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import talos
from sklearn.datasets import make_classification
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import log_loss
from talos.utils.torch_history import TorchHistory

os.chdir(tempfile.mkdtemp(prefix="talos-"))
X, y = make_classification(n_samples=300, n_features=8, random_state=0)


def sgd_model(x_train, y_train, x_val, y_val, params):
    clf = SGDClassifier(
        loss="log_loss",
        alpha=params["alpha"],
        eta0=params["eta0"],
        learning_rate="constant",
        random_state=0,
    )
    history = TorchHistory()
    for _epoch in range(params["epochs"]):
        clf.partial_fit(x_train, y_train, classes=np.unique(y))
        history.append_loss(log_loss(y_train, clf.predict_proba(x_train)))
        history.append_val_loss(log_loss(y_val, clf.predict_proba(x_val)))
        history.append_history(clf.score(x_train, y_train), "acc")
        history.append_history(clf.score(x_val, y_val), "val_acc")
    return history, clf


p = {"alpha": [1e-4, 1e-3, 1e-2], "eta0": [0.01, 0.1], "epochs": [3, 5]}
scan_object = talos.Scan(
    X, y, p, sgd_model, experiment_name="sgd", print_params=True, seed=0, save_weights=False
)
columns = ["round_epochs", "loss", "val_loss", "acc", "val_acc", "alpha", "eta0", "epochs"]
print(scan_object.data[columns])

series = _truth.Series()
for name in ("loss", "val_loss", "acc", "val_acc"):
    for index, value in scan_object.data[name].items():
        series.add(name, int(index), None, value)

_truth.write(
    library=(
        f"talos {metadata.version('talos')} (scikit-learn {metadata.version('scikit-learn')}, "
        f"pandas {pd.__version__}, numpy {np.__version__}, tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/talos_scan.py",
    record="talos.Scan(...).data (Talos' round table: the last epoch's loss, val_loss, acc, val_acc)",
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=["the per-epoch values before each round's last (Talos keeps only the last)"],
    notes=(
        "tqdm bar ' 17%|█▋        | 2/12 [00:00<00:00, 16.75it/s]' (rounds done: counts and "
        "rates, no metric) with print_params' round dicts \"{'alpha': 0.0001, 'eta0': 0.01, "
        "'epochs': 3}\" written after the bar's text on the same line (the HYPER-PARAMETERS of "
        "each round, not metrics); then the pandas table: header 'round_epochs      loss  "
        "val_loss       acc   val_acc   alpha  eta0  epochs', one row per round starting with "
        "the round's index (the step), round_epochs (epochs run, a count) and the last three "
        "columns the round's hyper-parameters (not metrics)."
    ),
)
