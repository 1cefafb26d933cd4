"""pycox's DeepSurv (CoxPH) trained with torchtuples' Model.fit(verbose=True) on synthetic
censored survival data, with a validation set and torchtuples' EarlyStopping callback.

Versions: pycox 0.3.0, torchtuples 0.2.2, torch 2.13.0+cpu, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-w-1):
    python tests/corpus/scripts/capture.py pipe real_pycox_coxph -- python tests/corpus/scripts/pycox_coxph.py
(torchtuples prints the same plain lines under a terminal: no pty entry.)
Truth: the log fit() returns (torchtuples' TrainingLogger: log.to_pandas(), one row per epoch,
full precision); epoch = the row index torchtuples prints at the start of each line (0-based).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import torch
import torchtuples as tt
from pycox.models import CoxPH

np.random.seed(0)
torch.manual_seed(0)
n = 600
x = np.random.randn(n, 5).astype("float32")
t = np.random.exponential(np.exp(-x[:, 0] + 0.5 * x[:, 1])).astype("float32")
c = np.random.exponential(2.0, n).astype("float32")
d = (t <= c).astype("float32")
t = np.minimum(t, c)
train = (x[:450], (t[:450], d[:450]))
val = (x[450:], (t[450:], d[450:]))

net = tt.practical.MLPVanilla(5, [32, 32], 1, batch_norm=True, dropout=0.1)
model = CoxPH(net, tt.optim.Adam(0.01))
log = model.fit(
    *train,
    batch_size=64,
    epochs=40,
    callbacks=[tt.callbacks.EarlyStopping(patience=4)],
    verbose=True,
    val_data=val,
)

df = log.to_pandas()
series = _truth.Series()
for epoch, row in df.iterrows():
    for name in ("train_loss", "val_loss"):
        series.add(name, None, int(epoch), row[name])

_truth.write(
    library=(
        f"pycox {metadata.version('pycox')}, torchtuples {metadata.version('torchtuples')} "
        f"(torch {torch.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/pycox_coxph.py",
    record="log = model.fit(...): torchtuples' TrainingLogger, log.to_pandas() (one row per epoch)",
    step_kind="epoch",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "stdout, one tab-separated line per epoch from torchtuples' TrainingLogger: "
        "'0:\\t[0s / 0s],\\t\\ttrain_loss: 3.3272,\\tval_loss: 3.6018' - the 0-based epoch and a "
        "colon, then '[time of this epoch / total time]' (elapsed times: not metrics), then "
        "'name: value' pairs at 4 decimals. The loss is the Cox partial likelihood loss. "
        "EarlyStopping(patience=4) on val_loss ends the run before 40 epochs, silently (no message "
        "is printed)."
    ),
)
