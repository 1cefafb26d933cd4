"""skorch NeuralNetRegressor with the callbacks a regression user adds: EpochScoring('r2') on
train and valid, Checkpoint (the 'cp' column's '+'), LRScheduler(ReduceLROnPlateau) and
EarlyStopping; then a test score from the best checkpoint.

skorch prints its own epoch table ('epoch    train_loss    train_r2    valid_loss    valid_r2    cp     dur');
it colours each column's new best value with ANSI codes (piped too).

Versions: skorch 1.4.0, torch 2.13.0+cpu, scikit-learn 1.9.1, numpy 2.4.6 (venv corpus-r11-3).
Capture (repository root):
  python tests/corpus/scripts/capture.py pipe real_skorch_regressor_es -- python tests/corpus/scripts/skorch_regressor_es.py
  python tests/corpus/scripts/capture.py pty real_skorch_regressor_es_pty -- python tests/corpus/scripts/skorch_regressor_es.py
Truth: net.history (skorch's own per-epoch record); sklearn's r2_score / mean_squared_error for the script's test line.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
import skorch
import sklearn
import torch
from sklearn.datasets import make_regression
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from skorch import NeuralNetRegressor
from skorch.callbacks import Checkpoint, EarlyStopping, EpochScoring, LRScheduler
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _truth  # noqa: E402

torch.manual_seed(0)
np.random.seed(0)
X, y = make_regression(n_samples=1500, n_features=10, n_informative=6, noise=12.0, random_state=0)
X = StandardScaler().fit_transform(X).astype(np.float32)
y = ((y - y.mean()) / y.std()).astype(np.float32).reshape(-1, 1)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=0)
print(f"X_train {Xtr.shape}, X_test {Xte.shape}")


class Regressor(nn.Module):
    def __init__(self, hidden: int = 32, dropout: float = 0.1):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Dropout(dropout),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x)


ckpt_dir = tempfile.mkdtemp(prefix="skorch_cp_")
early = EarlyStopping(monitor="valid_loss", patience=4, threshold=1e-3)
net = NeuralNetRegressor(
    Regressor,
    max_epochs=40,
    lr=0.05,
    batch_size=64,
    optimizer=torch.optim.SGD,
    optimizer__momentum=0.9,
    iterator_train__shuffle=True,
    callbacks=[
        EpochScoring("r2", lower_is_better=False, on_train=True, name="train_r2"),
        EpochScoring("r2", lower_is_better=False, name="valid_r2"),
        Checkpoint(monitor="valid_loss_best", dirname=ckpt_dir),
        LRScheduler(policy="ReduceLROnPlateau", monitor="valid_loss", patience=1, factor=0.5),
        early,
    ],
)
net.fit(Xtr, ytr)
history = net.history.to_list()  # load_params below restores the checkpoint's (shorter) history
net.load_params(checkpoint=[cb for _, cb in net.callbacks_ if isinstance(cb, Checkpoint)][0])
pred = net.predict(Xte)
r2, mse = r2_score(yte, pred), mean_squared_error(yte, pred)
print(f"test r2 = {r2:.4f}, test mse = {mse:.4f} (best checkpoint)")

s = _truth.Series()
# EarlyStopping raises in on_epoch_end before PrintLog (always the last callback) prints the
# epoch that stopped training: that last history row is never printed.
printed = history[:-1] if len(history) < net.max_epochs else history
for row in printed:
    e = row["epoch"]
    for key in ("train_loss", "train_r2", "valid_loss", "valid_r2"):
        s.add(key, None, e, row[key])
s.add("test r2", None, None, r2)
s.add("test mse", None, None, mse)
_truth.write(
    library=f"skorch {skorch.__version__} (torch {torch.__version__}, scikit-learn {sklearn.__version__})",
    script="tests/corpus/scripts/skorch_regressor_es.py",
    record="net.history (skorch's History: train_loss, train_r2, valid_loss, valid_r2, cp, dur per epoch); sklearn metrics for the test line",
    step_kind="epoch",
    series=s,
    extra_ok=["dur", "lr"],
    notes=("skorch's table 'epoch    train_loss    train_r2    valid_loss    valid_r2    cp      lr     dur' then one "
           "row per epoch '      3        0.0840      0.9120        0.0258      0.9746     +  0.0500  0.0161' (4 decimals; "
           "'cp' is '+' when the Checkpoint saved, 'lr' the optimizer's learning rate LRScheduler records, 'dur' "
           "seconds). skorch colours each new best value of the score columns with ANSI codes, piped as well as "
           "under a pty. EarlyStopping ends with 'Stopping since valid_loss has not improved in the last 4 epochs.' "
           "(patience, no value): the epoch that triggers it is in net.history but never printed (EarlyStopping raises before PrintLog, the last callback, runs), so it is left out. 'test r2 = ..., test mse = ...' is the script's line (best checkpoint reloaded)."),
)
