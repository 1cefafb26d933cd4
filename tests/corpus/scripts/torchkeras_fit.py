"""torchkeras: KerasModel.fit on a small binary classifier (synthetic data) as its README shows,
run from a script (plot=False: the notebook plot needs IPython), then model.evaluate():

    <<<<<< 🐌 cpu is used >>>>>>
    ================================================================================2026-12-07 06:50:01
    Epoch 1 / 4

    100%|████████| 10/10 [00:00<00:00, 95.10it/s, lr=0.01, train_acc=0.581, train_loss=0.681]
    100%|████████| 2/2 [00:00<00:00, 150.01it/s, val_acc=0.641, val_loss=0.665]
    <<<<<< reach best val_loss : 0.6648874282836914 >>>>>>

The train bar's postfix is redrawn every batch (set_postfix refreshes) with THAT batch's loss
and accuracy and the lr; at the last batch it shows the epoch means (train_loss averaged over
the batches, train_acc the metric's compute()). The validation bar likewise.

Truth: the dicts torchkeras hands tqdm's set_postfix (its StepRunner's step_losses/step_metrics,
its EpochRunner's epoch_log), at the states tqdm drew (tqdm.display wrapped), checked against
the returned history DataFrame (model.history) for the epoch values; the "reach best" line's
value is history['val_loss']; evaluate()'s returned dict.

Versions: torchkeras 4.0.5, accelerate 1.16.0, tqdm 4.70.1, torch 2.13.0+cpu, pandas 3.1.1,
Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zo-1: pip install torch==2.13.0, then
pip install torchkeras torchbearer tez keras4torch pandas):
    python tests/corpus/scripts/capture.py pipe real_torchkeras_fit -- python tests/corpus/scripts/torchkeras_fit.py
    python tests/corpus/scripts/capture.py pty real_torchkeras_fit_pty -- python tests/corpus/scripts/torchkeras_fit.py
"""

import math
import os
import sys
import tempfile

import torch
import tqdm.std as tqdm_std
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchkeras import KerasModel
from torchkeras.metrics import Accuracy

sys.path.insert(0, os.path.dirname(__file__))

import _truth

DRAWN = []  # (bar id, postfix dict) per drawn state, in draw order
_set_postfix = tqdm_std.tqdm.set_postfix
_display = tqdm_std.tqdm.display


BARS = []


def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    if not hasattr(self, "_index"):
        self._index = len(BARS)
        BARS.append(self._index)
    self._values = dict(kwargs)
    self._calls = getattr(self, "_calls", 0) + 1
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


def shown(line, values):
    """The names whose 'name=value' the drawn line shows whole (ncols=100 cuts the line's end)."""
    out = {}
    for name, value in values.items():
        at = line.find(name + "=")
        if at >= 0 and (at == 0 or line[at - 1] in " ,"):
            rest = line[at + len(name) + 1 :]
            if "," in rest or "]" in rest:
                out[name] = value
    return out


def display(self, *args, **kwargs):
    if getattr(self, "_values", None) is not None:
        values = dict(self._values)
        DRAWN.append((self._index, self._calls, values, shown(str(self), values)))
    return _display(self, *args, **kwargs)


tqdm_std.tqdm.set_postfix = set_postfix
tqdm_std.tqdm.display = display

torch.manual_seed(0)
X = torch.randn(320, 12)
y = ((X[:, :3].sum(1) + 0.7 * torch.randn(320)) > 0).float().unsqueeze(1)
Xv = torch.randn(64, 12)
yv = ((Xv[:, :3].sum(1) + 0.7 * torch.randn(64)) > 0).float().unsqueeze(1)
dl_train = DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True)
dl_val = DataLoader(TensorDataset(Xv, yv), batch_size=32)
EPOCHS, SPE = 4, 10

net = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 1))
model = KerasModel(
    net,
    loss_fn=nn.BCEWithLogitsLoss(),
    optimizer=torch.optim.SGD(net.parameters(), lr=0.1),
    metrics_dict={"acc": Accuracy()},
)
work = tempfile.mkdtemp(prefix="torchkeras-")
dfhistory = model.fit(
    train_data=dl_train,
    val_data=dl_val,
    epochs=EPOCHS,
    patience=3,
    monitor="val_loss",
    mode="min",
    ckpt_path=f"{work}/checkpoint",
    plot=False,
)
print(dfhistory)
result = model.evaluate(dl_val)
print(result)

# -- truth ---------------------------------------------------------------------------------
series = _truth.Series()
hist = {k: list(v) for k, v in model.history.items()}
bars = []  # distinct bars in order of first draw
for bar, _calls, _values, _shown in DRAWN:
    if bar not in bars:
        bars.append(bar)
# the bars in order: per epoch a train bar and a val bar, then evaluate()'s bar
assert len(bars) == 2 * EPOCHS + 1, len(bars)
last = {}
best = math.inf
for bar, calls, values, drawn in DRAWN:
    index = bars.index(bar)
    epoch = min(index // 2 + 1, EPOCHS)
    train = index < 2 * EPOCHS and index % 2 == 0
    step = (epoch - 1) * SPE + calls if train else epoch * SPE
    before = last.setdefault(bar, {})
    for name, value in drawn.items():
        # a value this bar already showed, redrawn (the counter moving, close()), is no new print
        if before.get(name) != (calls, value):
            series.add(name, step, epoch, value)
        before[name] = (calls, value)
    if index < 2 * EPOCHS and calls == (SPE if train else 2):  # the epoch's last state
        for name, value in values.items():
            assert math.isclose(hist[name][epoch - 1], value), (name, epoch)
    if index < 2 * EPOCHS and not train and calls == 2 and values["val_loss"] < best:
        best = values["val_loss"]
        series.add("val_loss", step, epoch, hist["val_loss"][epoch - 1])  # "reach best" line
for name, value in result.items():
    pts = series.series[name]["points"]
    assert math.isclose(pts[-1][2], value), name

# the DataFrame print(dfhistory) and the dict print(result) show the history again
for row in range(EPOCHS):
    for name in ("train_loss", "train_acc", "lr", "val_loss", "val_acc"):
        series.add(name, row * SPE + SPE, hist["epoch"][row], hist[name][row])
for name, value in result.items():
    series.add(name, EPOCHS * SPE, EPOCHS, value)

_truth.write(
    library="torchkeras 4.0.5 (accelerate 1.16.0, tqdm 4.70.1, torch 2.13.0+cpu)",
    script="tests/corpus/scripts/torchkeras_fit.py",
    record="the dicts torchkeras hands tqdm's set_postfix at the drawn bar states (its StepRunner's "
    "step values, its EpochRunner's epoch means), checked against model.history (fit()'s returned "
    "DataFrame); evaluate()'s returned dict",
    step_kind="global",
    series=series,
    extra_ok=["it/s of the bars (throughput)"],
    notes="KerasModel.fit(plot=False) on a binary classifier, 10 training batches and 2 validation "
    "batches per epoch, 4 epochs, then print(dfhistory) and model.evaluate(dl_val) (printed as a dict). "
    "Per epoch: a '=====...=====2026-12-07 06:50:01' rule with a timestamp, 'Epoch 1 / 4', then a "
    "tqdm bar (ncols=100, stdout) whose postfix 'lr=0.01, train_acc=0.562, train_loss=0.688' is "
    "redrawn at every batch with THAT batch's loss/accuracy (tqdm's 3 significant digits), and at "
    "the last batch with the epoch's mean loss and the metric's compute() over the epoch; then the "
    "validation bar ('val_acc=…, val_loss=…'); then, when val_loss improves, '<<<<<< reach best "
    "val_loss : 0.6648874282836914 >>>>>>' in red. Steps: global training batch "
    "((epoch-1) x 10 + batch); validation values, the epoch means, the 'reach best' value and the "
    "history table rows are at the epoch's last training step (epoch x 10). print(dfhistory) is a "
    "pandas table with columns epoch, train_loss, train_acc, lr, val_loss, val_acc (row index 0-3, "
    "epoch 1-4); evaluate() draws one more validation bar and its dict {'val_loss': …, 'val_acc': …} "
    "is printed.",
)
