"""Poutyne: a small MLP classifier on synthetic data, trained as Poutyne's docs show, with its
default progress output (a '\\r'-redrawn bar per train/valid/test batch and one line per epoch):

    Epoch: 1/3 Step:  4/10  40.00% |████████            |ETA: 0.43s loss: 0.726507 acc: 54.687500
    Epoch: 1/3 Train steps: 10 Val steps: 3 0.48s loss: 0.759505 acc: 47.656250 fscore_macro: ...

Modes:
    fit         Model(...).fit(X, y, validation_data=...) (batch_metrics accuracy, epoch_metrics f1)
    experiment  Experiment(dir, net, task="classif").train(...) then .test(...): adds the
                ModelCheckpoint lines ('Epoch 1: val_acc improved from -inf to 45.62500, saving
                file to ...'), the best epoch's logs ('lr: 0.01, loss: ..., val_acc: ...') and
                the test line ('Test steps: 3 0.03s test_loss: ...').

Truth: the logs dicts Poutyne hands its callbacks (on_train/valid/test_batch_end, on_epoch_end,
on_test_end), which its own progress callback prints, recorded by a callback of ours; checked
against Poutyne's own records: fit's History and CSVLogger(batch_granularity=True), the
Experiment's log.tsv and test_log.tsv.

Versions: poutyne 1.19.0, torch 2.13.0+cpu, numpy 2.4.6, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-k-1: pip install torch==2.13.0, then
pip install poutyne torchinfo torchsummary numpy pandas):
    python tests/corpus/scripts/capture.py pipe real_poutyne_fit -- python tests/corpus/scripts/poutyne_fit.py fit
    python tests/corpus/scripts/capture.py pty real_poutyne_fit_pty -- python tests/corpus/scripts/poutyne_fit.py fit
    python tests/corpus/scripts/capture.py pipe real_poutyne_experiment -- python tests/corpus/scripts/poutyne_fit.py experiment
    python tests/corpus/scripts/capture.py pty real_poutyne_experiment_pty -- python tests/corpus/scripts/poutyne_fit.py experiment
"""

import csv
import math
import os
import shutil
import sys
import tempfile
from importlib import metadata

import numpy as np
import torch
from poutyne import Callback, CSVLogger, Experiment, Model
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

mode = sys.argv[1]
assert mode in ("fit", "experiment")
torch.manual_seed(0)
X = torch.randn(640, 20)
y = (X[:, :3].sum(1) + 0.5 * torch.randn(640) > 0).long()
Xv = torch.randn(160, 20)
yv = (Xv[:, :3].sum(1) + 0.5 * torch.randn(160) > 0).long()
EPOCHS, SPE = 3, 10  # 640 / 64


class Recorder(Callback):
    """The logs Poutyne hands its callbacks, in the order its progress callback prints them."""

    def __init__(self):
        super().__init__()
        self.events = []  # (kind, epoch, batch, logs)
        self.epoch = 0

    def on_epoch_begin(self, epoch_number, logs):
        self.epoch = epoch_number

    def on_train_batch_end(self, batch_number, logs):
        self.events.append(("train", self.epoch, batch_number, dict(logs)))

    def on_valid_batch_end(self, batch_number, logs):
        self.events.append(("valid", self.epoch, batch_number, dict(logs)))

    def on_epoch_end(self, epoch_number, logs):
        self.events.append(("epoch", epoch_number, None, dict(logs)))

    def on_test_batch_end(self, batch_number, logs):
        self.events.append(("test", self.epoch, batch_number, dict(logs)))

    def on_test_end(self, logs):
        self.events.append(("test_end", self.epoch, None, dict(logs)))


net = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 2))
rec = Recorder()
work = tempfile.mkdtemp(prefix="poutyne-", dir="/tmp")
if mode == "fit":
    model = Model(net, "sgd", "cross_entropy", batch_metrics=["accuracy"], epoch_metrics=["f1"])
    history = model.fit(
        X,
        y,
        validation_data=(Xv, yv),
        epochs=EPOCHS,
        batch_size=64,
        callbacks=[rec, CSVLogger(f"{work}/log.csv", batch_granularity=True)],
    )
    with open(f"{work}/log.csv") as fh:
        csv_rows = list(csv.DictReader(fh))
else:
    train = DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True)
    valid = DataLoader(TensorDataset(Xv, yv), batch_size=64)
    exp = Experiment(f"{work}/exp", net, optimizer="sgd", task="classif")
    exp.train(train, valid, epochs=EPOCHS, callbacks=[rec])
    rec.epoch = exp.get_best_epoch_stats()["epoch"].item()
    exp.test(valid, callbacks=[rec])
    with open(f"{work}/exp/log.tsv") as fh:
        log_rows = list(csv.DictReader(fh, delimiter="\t"))
    with open(f"{work}/exp/test_log.tsv") as fh:
        test_row = next(csv.DictReader(fh, delimiter="\t"))

METRICS = ("loss", "acc", "fscore_macro")
series = _truth.Series()


def add(name, step, epoch, value):
    series.add(name, step, epoch, float(value))


def close(a, b):
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


best_epoch = None
for kind, epoch, batch, logs in rec.events:
    if kind == "train":
        step = (epoch - 1) * SPE + batch
        for k in ("loss", "acc"):
            add(k, step, epoch, logs[k])
    elif kind == "valid":
        for k in ("val_loss", "val_acc"):
            add(k, epoch * SPE, epoch, logs[k])
    elif kind == "epoch":
        for prefix in ("", "val_"):
            for k in METRICS:
                add(prefix + k, epoch * SPE, epoch, logs[prefix + k])
        if mode == "experiment":
            # ModelCheckpoint(monitor='val_acc', mode='max', save_best_only=True, verbose=True)
            row = log_rows[epoch - 1]
            prev = [float(r["val_acc"]) for r in log_rows[: epoch - 1]]
            if not prev or float(row["val_acc"]) > max(prev):
                add("val_acc", epoch * SPE, epoch, logs["val_acc"])
                best_epoch = epoch
    elif kind == "test":
        for k in ("test_loss", "test_acc"):
            add(k, rec.epoch * SPE, rec.epoch, logs[k])
    elif kind == "test_end":
        # before the test, Experiment prints the best epoch's row of log.tsv
        row = log_rows[best_epoch - 1]
        assert int(row["epoch"]) == best_epoch == rec.epoch
        for k in ("lr", *METRICS, *("val_" + m for m in METRICS)):
            add(k, best_epoch * SPE, best_epoch, row[k])
        for k in METRICS:
            assert close(logs["test_" + k], test_row["test_" + k])
            add("test_" + k, best_epoch * SPE, best_epoch, logs["test_" + k])

# the recorded logs are Poutyne's own records
epochs_seen = [ev for ev in rec.events if ev[0] == "epoch"]
if mode == "fit":
    for (_, _, _, logs), h in zip(epochs_seen, history, strict=True):
        assert all(close(logs[k], h[k]) for k in h if k != "epoch")
    batches = [ev for ev in rec.events if ev[0] == "train"]
    csv_batches = [r for r in csv_rows if r["batch"]]
    for (_, _, b, logs), r in zip(batches, csv_batches, strict=True):
        assert (
            int(r["batch"]) == b and close(logs["loss"], r["loss"]) and close(logs["acc"], r["acc"])
        )
else:
    for (_, _, _, logs), r in zip(epochs_seen, log_rows, strict=True):
        assert all(close(logs[k], r[k]) for k in METRICS)
shutil.rmtree(work)

common = (
    "Poutyne's default progress output, the same bytes in a pipe and on a terminal (its "
    "ColorProgress colours only where colorama is installed, which Poutyne does not require and "
    "this venv lacks; the pty capture differs by '\\r\\n' line ends): one line per epoch redrawn in place "
    "with '\\r', first 'Epoch: 1/3 Step:  4/10  40.00% |████        |ETA: 0.43s loss: 0.726507 "
    "acc: 54.687500' once per training batch (loss and acc OF THAT BATCH, not running means), then "
    "'Epoch: 1/3 Step: 2/3  66.67% |...|ETA: 0.03s val_loss: 0.803148 val_acc: 46.875000' once "
    "per validation batch (that batch's values), then the epoch line 'Epoch: 1/3 Train steps: 10 "
    "Val steps: 3 0.48s loss: 0.759505 acc: 47.656250 fscore_macro: 0.330416 val_loss: ... "
    "val_acc: ... val_fscore_macro: ...' (epoch means; '0.48s' is the epoch's duration, 'Train "
    "steps'/'Val steps' are batch counts), ended with '\\n'. acc is a percentage (Poutyne's "
    "accuracy is 0-100), fscore_macro a fraction (epoch_metrics=['f1']). Step = (epoch-1) x 10 + "
    "the training batch; validation batches and epoch lines are at the epoch's last training "
    "step (epoch x 10): within an epoch the per-batch values and the epoch mean share a step. "
)
if mode == "experiment":
    common += (
        "Experiment(task='classif') adds: after an epoch whose val_acc is the best so far, "
        "'Epoch 1: val_acc improved from -inf to 45.62500, saving file to "
        "/tmp/.../checkpoint_epoch_1.ckpt' (a point of val_acc at that epoch; the 'from' value is "
        "the previous best, an earlier point repeated); after training 'Restoring data from ...', "
        "'Found best checkpoint at epoch: 3' (an epoch number) and the best epoch's row of "
        "log.tsv as 'lr: 0.01, loss: 0.722148, acc: 47.8125, ...' (lr, a learning rate in the "
        "record; these are points at the best epoch again); then 'Running test', the test "
        "batches' bar ('test_loss: ... test_acc: ...' per batch) and 'Test steps: 3 0.03s "
        "test_loss: 0.740178 test_acc: 46.875000 test_fscore_macro: 0.363743' (points at the best "
        "epoch's step; the test set is the validation set here, so its values equal val_*). "
    )
_truth.write(
    library=f"poutyne {metadata.version('poutyne')} (torch {torch.__version__}, numpy {np.__version__})",
    script="tests/corpus/scripts/poutyne_fit.py",
    record=(
        "the logs dicts Poutyne hands its callbacks (what its progress callback prints), "
        + (
            "checked against History and CSVLogger(batch_granularity=True)"
            if mode == "fit"
            else "checked against the Experiment's log.tsv and test_log.tsv"
        )
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "ETA (the bar's estimate of the time left, seconds)",
        "time (the epoch's or test's duration, printed as '0.48s')",
    ],
    not_printed=["time", "lr"] if mode == "fit" else ["time"],
    notes=common,
)
