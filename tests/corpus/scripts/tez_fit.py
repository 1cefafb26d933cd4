"""tez: Tez(model).fit(train_dataset, valid_dataset, config=TezConfig(...)) on a small classifier
(synthetic data), the shape of tez's README example: the model's forward returns (outputs, loss,
metrics), optimizer_scheduler() gives the optimizer. tez draws ONE tqdm bar over all training steps
(its postfix 'epoch=0, accuracy=0.55, loss=0.683' redrawn at every step: running means of the
epoch), a validation bar per epoch (leave=False), and writes one line per epoch through tqdm.write:

    [train] accuracy=0.5469, loss=0.6912 [valid] accuracy=0.5625, loss=0.6835 [e=0 steps=10]

Truth: tez's own records: the trainer's metrics dict at each set_postfix (tez_trainer.metrics
["train"], running AverageMeter means), at the states tqdm drew (tqdm.display wrapped), and its
Progress callback's history (one dict per epoch: epoch, steps, train, valid) for the epoch lines.

Versions: tez 0.7.2, accelerate 1.16.0, tqdm 4.70.1, torch 2.13.0+cpu, Python 3.11. Seeds fixed;
a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zo-1, see torchkeras_fit.py):
    python tests/corpus/scripts/capture.py pipe real_tez_fit -- python tests/corpus/scripts/tez_fit.py
    python tests/corpus/scripts/capture.py pty real_tez_fit_pty -- python tests/corpus/scripts/tez_fit.py
"""

import math
import os
import sys

import torch
import tqdm.std as tqdm_std
from tez import Tez, TezConfig
from torch import nn
from torch.utils.data import Dataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

DRAWN = []  # (bar index, tez step, metrics shown) per drawn state
BARS = []
TRAINER = {}
_set_postfix = tqdm_std.tqdm.set_postfix
_display = tqdm_std.tqdm.display


def shown(line, values):
    """The names whose 'name=value' the drawn line shows whole (a terminal-wide bar cuts its end)."""
    out = {}
    for name, value in values.items():
        at = line.find(name + "=")
        if at >= 0 and (at == 0 or line[at - 1] in " ,"):
            rest = line[at + len(name) + 1 :]
            if "," in rest or "]" in rest:
                out[name] = value
    return out


def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    if not hasattr(self, "_index"):
        self._index = len(BARS)
        BARS.append(self._index)
    self._values = {k: v for k, v in kwargs.items() if k != "epoch"}  # epoch: a counter
    self._step = TRAINER["t"]._train_step
    self._epoch = TRAINER["t"].current_epoch
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


def display(self, *args, **kwargs):
    if getattr(self, "_values", None) is not None:
        DRAWN.append((self._index, self._step, self._epoch, shown(str(self), self._values)))
    return _display(self, *args, **kwargs)


tqdm_std.tqdm.set_postfix = set_postfix
tqdm_std.tqdm.display = display


class Data(Dataset):
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return {"x": self.x[i], "targets": self.y[i]}


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 2))

    def optimizer_scheduler(self):
        return torch.optim.SGD(self.parameters(), lr=0.1), None

    def forward(self, x, targets=None):
        out = self.body(x)
        loss = nn.functional.cross_entropy(out, targets)
        accuracy = (out.argmax(1) == targets).float().mean()
        return out, loss, {"accuracy": accuracy}


torch.manual_seed(0)
X = torch.randn(320, 12)
y = ((X[:, :3].sum(1) + 0.7 * torch.randn(320)) > 0).long()
Xv = torch.randn(64, 12)
yv = ((Xv[:, :3].sum(1) + 0.7 * torch.randn(64)) > 0).long()
EPOCHS, SPE = 4, 10

model = Tez(Net())
TRAINER["t"] = model
config = TezConfig(
    training_batch_size=32,
    validation_batch_size=32,
    epochs=EPOCHS,
    device="cpu",
    num_jobs=0,
    pin_memory=False,
)
model.fit(Data(X, y), Data(Xv, yv), config=config)
history = model._progress.history

# -- truth ---------------------------------------------------------------------------------
series = _truth.Series()
last = {}
for index, step, epoch, values in DRAWN:
    before = last.setdefault(index, {})
    for name, value in values.items():
        # a redraw (the counter moving, close()) is no new print; each step's postfix is
        if before.get(name) != (step, value):
            series.add(name, step, epoch, float(value))
        before[name] = (step, value)
    # the bar's postfix after each step holds the epoch's running means so far
assert len(history) == EPOCHS
epoch_points = []
for h in history:  # the tqdm.write line per epoch: '[train] accuracy=…, loss=… [valid] …'
    for stage in ("train", "valid"):
        for name, value in h[stage].items():
            epoch_points.append((f"{stage} {name}", h["steps"], h["epoch"], float(value)))
# the epoch line's [train] values are the bar's last postfix of the epoch
for stage_name, step, _epoch, value in epoch_points:
    stage, name = stage_name.split(" ")
    if stage == "train":
        pts = [p for p in series.series[name]["points"] if p[0] == step]
        assert not pts or math.isclose(pts[-1][2], value, rel_tol=1e-6), (name, step)
# the epoch lines print the same names for both stages under bracketed stage labels
# ('[train] accuracy=…, loss=… [valid] accuracy=…'): series train/accuracy, valid/loss, …
for stage_name, step, epoch, value in epoch_points:
    stage, name = stage_name.split(" ")
    series.add(f"{stage}/{name}", step, epoch, value)

_truth.write(
    library="tez 0.7.2 (accelerate 1.16.0, tqdm 4.70.1, torch 2.13.0+cpu)",
    script="tests/corpus/scripts/tez_fit.py",
    record="tez's trainer metrics dict handed to the bar's set_postfix at the drawn states "
    "(running AverageMeter means of the epoch) and its Progress callback's history (one dict per "
    "epoch with epoch, steps, train and valid metrics)",
    step_kind="global",
    series=series,
    extra_ok=["it/s of the bars (throughput)"],
    notes="Tez(model).fit(train, valid, TezConfig(epochs=4, batch 32)): 10 training steps and 2 "
    "validation steps per epoch. One training bar over all 40 steps (tqdm, stderr), its postfix "
    "'epoch=0, accuracy=0.562, loss=0.684' set at every step (epoch is tez's 0-based epoch counter, "
    "not a metric; accuracy and loss are the epoch's running means so far, tqdm's 3 significant "
    "digits), and per epoch a validation bar (leave=False, no postfix) then a line written with "
    "tqdm.write: '[train] accuracy=0.5469, loss=0.6912 [valid] accuracy=0.5625, loss=0.6835 [e=0 "
    "steps=10]' (4 decimals; e and steps are counters). The bar's values are series 'accuracy' and "
    "'loss'; the epoch lines' under their printed stage labels: train/accuracy, train/loss, "
    "valid/accuracy, valid/loss. In a pipe the bar (stderr) and the epoch line (stdout, "
    "block-buffered) interleave late: the epoch-0 line is glued to the end of a bar state of "
    "epoch 1 ('…19/40 [00:00<00:00, 38.11it/s, accuracy=0.644, epoch=1, loss=0.642][train] "
    "accuracy=0.5344, …'). Steps: tez's global "
    "training step (1-based, as 'steps=' prints it), epochs tez's 0-based current_epoch. On a "
    "120-column terminal the bar is cut at the width: only whole 'name=value' pairs are listed.",
)
