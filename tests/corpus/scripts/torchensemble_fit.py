"""TorchEnsemble (Ensemble-PyTorch): ensembles of small MLPs on synthetic data, as its docs show
(set_logger(...), model = FusionClassifier(estimator=MLP, n_estimators=3), set_optimizer,
fit(train_loader, epochs, test_loader=...), evaluate), with its console logger
'%(asctime)s - %(levelname)s: %(message)s' and TensorBoard logging switched on (use_tb_logger=True):

    Log will be saved in '/tmp/…/logs'.
    2026-12-07 20:55:01,123 - INFO: Epoch: 000 | Batch: 000 | Loss: 1.11834 | Correct: 21/64
    2026-12-07 20:55:01,400 - INFO: Epoch: 000 | Validation Acc: 61.250 % | Historical Best: 61.250 %

Modes:
    fusion    FusionClassifier, 3 estimators, log_interval=5, 5 epochs, then evaluate()'s accuracy.
    gbr       GradientBoostingRegressor (shrinkage 1.0), 4 estimators fitted in turn:
              'Estimator: 001 | Epoch: 002 | Batch: 010 | RegLoss: …', 'Validation MSE: … | Historical
              Best: …', early stopping counter lines, 'The optimal number of base estimators: 4'.
    snapshot  SnapshotEnsembleClassifier (3 snapshots over 6 epochs): 'lr: 0.00095 | Epoch: 001 |
              Batch: 010 | Loss: … | Correct: …', 'Save the snapshot model with index: 0',
              'n_estimators: 1 | Validation Acc: … % | Historical Best: … %'.

Truth: torchensemble's own TensorBoard scalars (fusion/Train_Loss at its total_iters,
fusion/Validation_Acc at epoch, gradient_boosting/Est_k/Train_Loss, gradient_boosting/Validation_MSE,
snapshot_ensemble/...), read back with tensorboard's EventAccumulator (float32, as TensorBoard stores
them); 'Historical Best' is the running best of those same values (the library prints best_acc /
best_mse, which it does not log); evaluate()'s return.

Versions: torchensemble 0.2.0, torch 2.14.1+cu130 (the wheel on local disk; runs on CPU), torchvision
0.29.1, tensorboard 2.x, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zBA-2, + pip install torchensemble tensorboard):
    python tests/corpus/scripts/capture.py pipe real_torchensemble_fusion -- python tests/corpus/scripts/torchensemble_fit.py fusion
    python tests/corpus/scripts/capture.py pipe real_torchensemble_gbr -- python tests/corpus/scripts/torchensemble_fit.py gbr
    python tests/corpus/scripts/capture.py pipe real_torchensemble_snapshot -- python tests/corpus/scripts/torchensemble_fit.py snapshot
"""

import glob
import os
import sys
import tempfile
from importlib import metadata

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from torchensemble import FusionClassifier, GradientBoostingRegressor, SnapshotEnsembleClassifier

from torchensemble.utils.logging import get_tb_logger, set_logger

mode = sys.argv[1]
assert mode in ("fusion", "gbr", "snapshot")
torch.manual_seed(0)
S = _truth.Series()
workdir = tempfile.mkdtemp(prefix="torchensemble_")
os.chdir(workdir)  # set_logger writes ./logs
set_logger(f"{mode}_synthetic", use_tb_logger=True)

D = 20
if mode == "gbr":
    X = torch.randn(1000, D)
    w = torch.randn(D)
    y = (X @ w + 0.5 * torch.sin(3 * X[:, 0]) + 0.3 * torch.randn(1000)).unsqueeze(1)
    out = 1
else:
    C = 4
    W = torch.randn(D, C)
    X = torch.randn(1000, D)
    y = (X @ W + 1.0 * torch.randn(1000, C)).argmax(1)
    out = C
train_loader = DataLoader(TensorDataset(X[:800], y[:800]), batch_size=64, shuffle=True)
test_loader = DataLoader(TensorDataset(X[800:], y[800:]), batch_size=100)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(D, 32), nn.ReLU(), nn.Linear(32, out))

    def forward(self, x):
        return self.net(x)


if mode == "fusion":
    model = FusionClassifier(estimator=MLP, n_estimators=3, cuda=False)
    model.set_optimizer("Adam", lr=1e-3, weight_decay=5e-4)
    model.fit(train_loader, epochs=5, log_interval=5, test_loader=test_loader, save_model=False)
    acc = model.evaluate(test_loader)
    print(f"Test accuracy of the fusion ensemble: {acc:.2f} %")
elif mode == "gbr":
    model = GradientBoostingRegressor(estimator=MLP, n_estimators=4, shrinkage_rate=1.0, cuda=False)
    model.set_optimizer("Adam", lr=3e-3)
    model.fit(train_loader, epochs=3, log_interval=10, test_loader=test_loader, early_stopping_rounds=2,
              save_model=False)
    mse = model.evaluate(test_loader)
    print(f"Testing MSE: {mse:.4f}")
else:
    model = SnapshotEnsembleClassifier(estimator=MLP, n_estimators=3, cuda=False)
    model.set_optimizer("SGD", lr=0.1, momentum=0.9)
    model.fit(train_loader, lr_clip=None, epochs=6, log_interval=10, test_loader=test_loader, save_model=False)
    acc = model.evaluate(test_loader)
    print(f"Snapshot ensemble accuracy: {acc:.2f}%")

get_tb_logger().flush()
import logging

logging.getLogger("tensorboard").setLevel(logging.WARNING)  # reading the record back prints nothing
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

ea = EventAccumulator(glob.glob(os.path.join(workdir, "logs", "*_tb_logger"))[0])
ea.Reload()
tags = ea.Tags()["scalars"]
ev = {t: [(e.step, e.value) for e in ea.Scalars(t)] for t in tags}
if mode == "fusion":
    for st, v in ev["fusion/Train_Loss"]:
        S.add("Loss", st, st // 13, v)  # 13 batches per epoch (800 / 64)
    best = None
    for st, v in ev["fusion/Validation_Acc"]:
        best = v if best is None or v > best else best
        S.add("Validation Acc", None, st, v)
        S.add("Historical Best", None, st, best)
    S.add("Test accuracy", None, None, acc)
elif mode == "gbr":
    k = 0
    while f"gradient_boosting/Est_{k}/Train_Loss" in ev:
        for st, v in ev[f"gradient_boosting/Est_{k}/Train_Loss"]:
            S.add("RegLoss", st, None, v)
        k += 1
    best = None
    for st, v in ev["gradient_boosting/Validation_MSE"]:
        best = v if best is None or v < best else best
        S.add("Validation MSE", st, None, v)
        S.add("Historical Best", st, None, best)
    S.add("Testing MSE", None, None, mse)
else:
    for st, v in ev["snapshot_ensemble/Train_Loss"]:
        S.add("Loss", st, None, v)
    best = None
    for st, v in ev["snapshot_ensemble/Validation_Acc"]:
        best = v if best is None or v > best else best
        S.add("Validation Acc", st, None, v)
        S.add("Historical Best", st, None, best)
    S.add("Snapshot ensemble accuracy", None, None, acc)

_truth.write(
    library=f"torchensemble {metadata.version('torchensemble')} (torch {torch.__version__})",
    script="tests/corpus/scripts/torchensemble_fit.py",
    record="torchensemble's own TensorBoard scalars (use_tb_logger=True), read with EventAccumulator; "
    "Historical Best = running best of the same record; evaluate()'s return",
    step_kind="global",
    series=S,
    extra_ok=["lr (snapshot ensemble's cyclic learning rate on each batch line)"] if mode == "snapshot" else [],
    not_printed=[],
    notes="Values are TensorBoard's float32. 'Correct: 21/64' (batch counts), 'Epoch: 000 | Batch: 005' "
    "(counters), 'Estimator: 001', 'n_estimators: 2', 'Early stopping counter: 1 out of 2' are not metrics. "
    "Steps: total_iters as torchensemble logs them (gbr: per estimator, restarting at 0; its Validation MSE "
    "at the estimator index; snapshot Validation Acc at the number of snapshots).",
)
