"""keras4torch: the Keras-style API for PyTorch (k4t.Model(...).build(), summary(), compile(),
fit(), evaluate()) on a small classifier (synthetic data), as its README shows, with its default
verbose=1 output and a ModelCheckpoint(verbose=1):

    Train on 320 samples, validate on 64 samples:
    Epoch 1/5
    10/10 - 0.1s - loss: 0.7138 - acc: 0.5250 - val_loss: 0.6802 - val_acc: 0.5781 - lr: 1e-02
    [INFO] Model saved at '/tmp/…/best.pt'. The best score is 0.6802.

Between those, a Keras-like bar '3/10 [=====>....] - ETA: 0s - loss: 0.7035 - acc: 0.5521'
is redrawn in place with backspaces and '\\r' (keras4torch takes any posix system for a terminal)
at most every 0.05 s, then finalized to '10/10'. model.summary() prints keras4torch's own
summary table first.

Truth: keras4torch's records: the running batch metrics its Progbar.update is handed at the
states it drew (its own 0.05 s throttle, wrapped), the history DataFrame fit() returns (one row
per epoch: train and val metrics and lr), ModelCheckpoint.best_score at each save, evaluate()'s
returned dict.

Versions: keras4torch 1.2.4, torch 2.13.0+cpu, pandas 3.1.1, numpy 2.4.6, Python 3.11. Seeds
fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zo-1, see torchkeras_fit.py):
    python tests/corpus/scripts/capture.py pipe real_keras4torch_fit -- python tests/corpus/scripts/keras4torch_fit.py
    python tests/corpus/scripts/capture.py pty real_keras4torch_fit_pty -- python tests/corpus/scripts/keras4torch_fit.py
"""

import math
import os
import sys
import tempfile

import keras4torch as k4t
import keras4torch.utils._keras_progress_bar as kbar
import torch
from keras4torch.callbacks import ModelCheckpoint
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))

import _truth

DRAWN = []  # (epoch, current, metrics) per bar state drawn with metrics
EPOCH = {"n": 0}
_update = kbar.Progbar.update
_init = kbar.Progbar.__init__


def init(self, *args, **kwargs):
    EPOCH["n"] += 1
    return _init(self, *args, **kwargs)


def update(self, current, avg_batch_metrics=None, finalize=None):
    before = self._last_update
    out = _update(self, current, avg_batch_metrics, finalize)
    drawn = self._last_update != before
    final = finalize or (finalize is None and current >= self.target)
    if drawn and not final and avg_batch_metrics:
        DRAWN.append((EPOCH["n"], current, {k: float(v) for k, v in avg_batch_metrics.items()}))
    return out


kbar.Progbar.__init__ = init
kbar.Progbar.update = update

SAVES = []
_on_epoch_end = ModelCheckpoint.on_epoch_end


def on_epoch_end(self, trainer):
    best = self.best_score
    _on_epoch_end(self, trainer)
    if self.best_score != best:
        SAVES.append((trainer.epoch, float(self.best_score)))


ModelCheckpoint.on_epoch_end = on_epoch_end

torch.manual_seed(0)
X = torch.randn(320, 12)
y = ((X[:, :3].sum(1) + 0.7 * torch.randn(320)) > 0).long()
Xv = torch.randn(64, 12)
yv = ((Xv[:, :3].sum(1) + 0.7 * torch.randn(64)) > 0).long()
EPOCHS, SPE = 5, 10

model = k4t.Model(nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 2))).build([12])
model.summary()
model.compile(
    optimizer=torch.optim.SGD(model.parameters(), lr=0.1), loss=k4t.losses.CELoss(), metrics=["acc"]
)
work = tempfile.mkdtemp(prefix="keras4torch-")
history = model.fit(
    X,
    y,
    epochs=EPOCHS,
    batch_size=32,
    validation_data=(Xv, yv),
    callbacks=[ModelCheckpoint(f"{work}/best.pt", monitor="val_loss", verbose=1)],
)
result = model.evaluate(Xv, yv)
print(result)

# -- truth ---------------------------------------------------------------------------------
series = _truth.Series()
saves = dict(SAVES)
by_epoch = {}
for epoch, current, metrics in DRAWN:
    by_epoch.setdefault(epoch, []).append((current, metrics))
for epoch in range(1, EPOCHS + 1):
    for current, metrics in by_epoch.get(epoch, []):
        for name, value in metrics.items():
            series.add(name, (epoch - 1) * SPE + current, epoch, value)
    row = history.loc[epoch]
    for name in history.columns:  # the epoch line: loss, acc, val_loss, val_acc, lr
        series.add(name, epoch * SPE, epoch, float(row[name]))
    if epoch in saves:
        assert math.isclose(saves[epoch], float(row["val_loss"]))
        series.add("best score", epoch * SPE, epoch, saves[epoch])
for name, value in result.items():
    assert math.isclose(value, float(history.loc[EPOCHS]["val_" + name]), rel_tol=1e-5), name
    series.add(name, EPOCHS * SPE, EPOCHS, float(value))

_truth.write(
    library="keras4torch 1.2.4 (torch 2.13.0+cpu, pandas 3.1.1)",
    script="tests/corpus/scripts/keras4torch_fit.py",
    record="the running batch metrics keras4torch's Progbar drew (its update() wrapped: only the "
    "states its 0.05 s throttle let through), the history DataFrame fit() returns, "
    "ModelCheckpoint.best_score at each save, evaluate()'s returned dict",
    step_kind="global",
    series=series,
    extra_ok=["the epoch's duration ('0.1s')"],
    notes="k4t.Model(...).build([12]).summary() prints keras4torch's summary table (torchinfo's layout: "
    "'├─Linear: 1-1   [8, 16]   208', 'Total params: 242', 'Total mult-adds (M): 0.00' … : sizes, "
    "not metrics). fit(verbose=1): 'Train on 320 samples, validate on 64 samples:', per epoch 'Epoch "
    "1/5', a Keras-like bar '3/10 [======>.......] - ETA: 0s - loss: 0.7035 - acc: 0.5521' "
    "(running means of the epoch's batches, 4 decimals) redrawn in place with backspaces and '\\r' "
    "at most every 0.05 s (time-dependent: which states show differs per run), finalized to "
    "'10/10' and followed by the epoch line ' - 0.1s - loss: 0.7138 - acc: 0.5250 - val_loss: "
    "0.6802 - val_acc: 0.5781 - lr: 1e-02' (the history row; lr in '{:.1e}' with '.0e' dropped), "
    "then, when val_loss improved, ModelCheckpoint's \"[INFO] Model saved at '/tmp/…/best.pt'. The "
    "best score is 0.6802.\" (series 'best score', the val_loss it saved on). Last, "
    "model.evaluate() returns {'loss': …, 'acc': …} (printed as a dict, full precision; the same "
    "values as the last epoch's val_loss / val_acc, but printed as 'loss' / 'acc'). Steps: the "
    "global training batch ((epoch-1) x 10 + batch); epoch lines, saves and evaluate() at the "
    "epoch's last batch. Epochs 1-based as keras4torch counts them.",
)
