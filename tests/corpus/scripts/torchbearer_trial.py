"""torchbearer: Trial(...).with_generators(...).run(epochs) on a small classifier (synthetic data),
as torchbearer's quickstart shows, with its default verbose=2 Tqdm printer (a bar per training and
per validation phase, the metrics as the bar's postfix string), then trial.evaluate():

    0/4(t): 100%|██████████| 10/10 [00:00<00:00, 98.4it/s, running_acc=0.5875, running_loss=0.6811, acc=0.5406, loss=0.6874]
    0/4(v): 100%|██████████| 2/2 [00:00<00:00, 151.2it/s, val_acc=0.5469, val_loss=0.6784]

Modes:
    bars     the default (verbose=2): one bar per phase, postfix redrawn every batch
    epoch    verbose=1: one bar over the epochs, its postfix the epoch's metrics

Truth: the metric dicts torchbearer's printer formats (state[METRICS], what _format_metrics gets),
at the bar states tqdm drew (tqdm.display wrapped), checked against torchbearer's own
CSVLogger(batch_granularity=True) for the batches and the history trial.run() returns for the
epochs; trial.evaluate()'s returned dict.

Versions: torchbearer 0.5.5, tqdm 4.70.1, torch 2.13.0+cpu, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zo-1, see torchkeras_fit.py):
    python tests/corpus/scripts/capture.py pipe real_torchbearer_trial -- python tests/corpus/scripts/torchbearer_trial.py bars
    python tests/corpus/scripts/capture.py pty real_torchbearer_trial_pty -- python tests/corpus/scripts/torchbearer_trial.py bars
    python tests/corpus/scripts/capture.py pipe real_torchbearer_epochbar -- python tests/corpus/scripts/torchbearer_trial.py epoch
    python tests/corpus/scripts/capture.py pty real_torchbearer_epochbar_pty -- python tests/corpus/scripts/torchbearer_trial.py epoch
"""

import csv
import math
import os
import sys
import tempfile

import torch
import torchbearer
import torchbearer.callbacks.printer as printer
import tqdm.std as tqdm_std
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchbearer import Trial
from torchbearer.callbacks import CSVLogger

sys.path.insert(0, os.path.dirname(__file__))

import _truth

mode = sys.argv[1]
assert mode in ("bars", "epoch")

DRAWN = []  # (bar index, postfix call, batch, metrics shown) per drawn state
BARS = []
_format = printer._format_metrics
_set_postfix_str = tqdm_std.tqdm.set_postfix_str
_display = tqdm_std.tqdm.display
PENDING = {}


def format_metrics(metrics, rounder):
    PENDING["values"] = dict(metrics)
    return _format(metrics, rounder)


def set_postfix_str(self, s="", refresh=True):
    if not hasattr(self, "_index"):
        self._index = len(BARS)
        BARS.append(self._index)
    self._values = PENDING.pop("values")
    self._calls = getattr(self, "_calls", 0) + 1
    self._batch = self.n  # torchbearer moved the bar (update(1)) before: the batch, 1-based
    return _set_postfix_str(self, s, refresh)


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


def display(self, *args, **kwargs):
    if getattr(self, "_values", None) is not None:
        DRAWN.append((self._index, self._calls, self._batch, shown(str(self), self._values)))
    return _display(self, *args, **kwargs)


printer._format_metrics = format_metrics
tqdm_std.tqdm.set_postfix_str = set_postfix_str
tqdm_std.tqdm.display = display

torch.manual_seed(0)
X = torch.randn(320, 12)
y = ((X[:, :3].sum(1) + 0.7 * torch.randn(320)) > 0).long()
Xv = torch.randn(64, 12)
yv = ((Xv[:, :3].sum(1) + 0.7 * torch.randn(64)) > 0).long()
train = DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True)
valid = DataLoader(TensorDataset(Xv, yv), batch_size=32)
EPOCHS, SPE, VSTEPS = 4, 10, 2

net = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 2))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
work = tempfile.mkdtemp(prefix="torchbearer-")
trial = Trial(
    net,
    opt,
    nn.CrossEntropyLoss(),
    metrics=["acc", "loss"],
    callbacks=[CSVLogger(f"{work}/log.csv", batch_granularity=True)],
    verbose=2 if mode == "bars" else 1,
).to("cpu")
trial.with_generators(train_generator=train, val_generator=valid)
history = trial.run(epochs=EPOCHS)
result = trial.evaluate(data_key=torchbearer.VALIDATION_DATA)
print(result)

with open(f"{work}/log.csv") as fh:
    rows = list(csv.DictReader(fh))

# -- truth ---------------------------------------------------------------------------------
series = _truth.Series()
last = {}
for index, _calls, batch, values in DRAWN:
    before = last.setdefault(index, {})
    if mode == "bars" and index < 2 * EPOCHS:
        epoch = index // 2  # torchbearer's 0-based epoch, as its bar prints it ('0/4(t)')
        if index % 2 == 0:
            step = epoch * SPE + batch
        else:
            step = (epoch + 1) * SPE
    elif mode == "bars":  # evaluate()'s bar
        epoch, step = EPOCHS - 1, EPOCHS * SPE
    else:  # the epoch bar: one state per epoch (history[epoch]); the output shows no batch count
        epoch = next(
            i for i, h in enumerate(history) if all(h.get(k) == v for k, v in values.items())
        )
        step = None
    for name, value in values.items():
        # a state redrawn (update() moving the counter, close() setting the same postfix at the
        # same count) is no new print; each batch's postfix is, even where a value has not
        # changed since (the running metrics move every 10 batches)
        if before.get(name) != (batch, value):
            series.add(name, step, epoch, value)
        before[name] = (batch, value)

# check against torchbearer's own records
if mode == "bars":
    for row in rows:  # CSVLogger(batch_granularity=True): one row per training batch
        e, b = int(row["epoch"]), int(row["batch"])
        step = e * SPE + b + 1
        for name in ("running_acc", "running_loss"):
            pts = [p for p in series.series[name]["points"] if p[0] <= step]
            assert pts and math.isclose(pts[-1][2], float(row[name]), rel_tol=1e-6), (name, step)
for e, h in enumerate(history):
    for name, value in h.items():
        if name in series.series and name not in ("train_steps", "validation_steps"):
            pts = [p for p in series.series[name]["points"] if p[1] == e]
            # (a 120-column terminal cuts the epoch bar's last names: never drawn there)
            assert pts or mode == "epoch", (name, e)
            assert not pts or math.isclose(pts[-1][2], value, rel_tol=1e-6), (name, e)
if mode == "bars":
    for name, value in result.items():
        assert math.isclose(series.series[name]["points"][-1][2], value), name
# print(result): the returned dict, at full precision
for name, value in result.items():
    series.add(name, EPOCHS * SPE if mode == "bars" else None, EPOCHS - 1, value)

bars_note = (
    "verbose=2 (the default): per epoch a training bar '0/4(t): 100%|███| 10/10 [00:00<00:00, "
    "98.4it/s, running_acc=0.5875, running_loss=0.6811, acc=0.5406, loss=0.6874]' whose postfix "
    "(torchbearer rounds to 4 decimals) is rewritten at every batch: running_acc / running_loss are "
    "torchbearer's running means over the last 50 batches, drawn at every batch; acc / loss (the "
    "epoch's means) appear only in the bar's last state. Then the validation bar '0/4(v): …, "
    "val_acc=…, val_loss=…' (in these 2-batch phases the validation metrics are drawn at its end "
    "only... and in the states the bar shows). Epochs are torchbearer's, 0-based, as the bar's "
    "description prints them ('0/4(t)', '3/4(v)'). Steps: global training batch (epoch x 10 + "
    "batch, 1-based); validation values at the epoch's last training step. After run(), "
    "trial.evaluate() draws a '0/4(e)' bar and its returned dict is printed."
)
epoch_note = (
    "verbose=1: one bar over the epochs, '100%|███| 4/4 [00:00<00:00, 9.9it/s, running_acc=…, "
    "running_loss=…, acc=…, loss=…, val_acc=…, val_loss=…]', its postfix rewritten at each epoch's "
    "end with the epoch's metrics (history[epoch] as trial.run() returns it; the bar's counter is "
    "moved before the postfix, so a state can show the new count with the previous epoch's "
    "postfix). Epochs 0-based as torchbearer keeps them; batch counts, each epoch's last at "
    "(epoch+1) x 10, are not shown: steps null. On a 120-column terminal tqdm cuts the line, and the "
    "postfix's last names (val_loss) are not drawn: only whole 'name=value' pairs are listed. "
    "trial.evaluate() at verbose=1 opens one more epoch bar without a total "
    "('4it [00:00, ?it/s]', then '5it [...] acc=…' with the last epoch's metrics, then '6it [...] "
    "val_acc=…, val_loss=…' with the evaluation's), then its returned dict is printed. Each "
    "epoch's postfix is a point; a mere redraw (close() setting the same postfix at the same "
    "count) is not."
)
_truth.write(
    library="torchbearer 0.5.5 (tqdm 4.70.1, torch 2.13.0+cpu)",
    script="tests/corpus/scripts/torchbearer_trial.py",
    record="the metric dicts torchbearer's Tqdm printer formats (state[METRICS]) at the bar states "
    "tqdm drew, checked against torchbearer's CSVLogger(batch_granularity=True) and the history "
    "trial.run() returns; trial.evaluate()'s returned dict",
    step_kind="global" if mode == "bars" else "epoch",
    series=series,
    extra_ok=["it/s of the bars (throughput)"],
    not_printed=["train_steps, validation_steps (history counts)"],
    notes=bars_note if mode == "bars" else epoch_note,
)
