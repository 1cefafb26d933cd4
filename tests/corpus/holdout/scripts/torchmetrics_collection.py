"""A hand-written PyTorch loop that evaluates with a torchmetrics MetricCollection and prints the
collection's compute() dict as is: "{'val_MulticlassAccuracy': tensor(0.8125), ...}", one of
the commonest ways torchmetrics users print results.

Truth: the values torchmetrics computed (compute() results, .item() of each tensor) and the
running-mean train loss, kept by the script.
Versions: torchmetrics 1.9.0, torch 2.13.0+cpu, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_torchmetrics_collection -- python tests/corpus/holdout/scripts/torchmetrics_collection.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torchmetrics
from torchmetrics import MetricCollection
from torchmetrics.classification import (
    MulticlassAccuracy,
    MulticlassF1Score,
    MulticlassPrecision,
    MulticlassRecall,
)

torch.manual_seed(0)
torch.set_num_threads(1)
X = torch.randn(1200, 10)
W = torch.randn(10, 3)
y = (X @ W + 0.8 * torch.randn(1200, 3)).argmax(1)
Xt, yt, Xv, yv = X[:960], y[:960], X[960:], y[960:]
model = torch.nn.Sequential(torch.nn.Linear(10, 32), torch.nn.ReLU(), torch.nn.Linear(32, 3))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
val_metrics = MetricCollection(
    [
        MulticlassAccuracy(num_classes=3),
        MulticlassPrecision(num_classes=3),
        MulticlassRecall(num_classes=3),
        MulticlassF1Score(num_classes=3),
    ],
    prefix="val_",
)
train_loss = torchmetrics.MeanMetric()
ser = _truth.Series()
for epoch in range(5):
    model.train()
    for i in range(0, 960, 64):
        loss = torch.nn.functional.cross_entropy(model(Xt[i : i + 64]), yt[i : i + 64])
        opt.zero_grad()
        loss.backward()
        opt.step()
        train_loss.update(loss.detach())
    model.eval()
    with torch.no_grad():
        for i in range(0, 240, 60):
            val_metrics.update(model(Xv[i : i + 60]), yv[i : i + 60])
    tl = train_loss.compute()
    res = val_metrics.compute()
    print(f"Epoch {epoch}: train_loss={tl:.4f}")
    print(res)
    ser.add("train_loss", None, epoch, tl.item())
    for k, v in res.items():
        ser.add(k, None, epoch, v.item())
    train_loss.reset()
    val_metrics.reset()

_truth.write(
    library="torchmetrics 1.9.0 (torch 2.13.0+cpu)",
    script="tests/corpus/holdout/scripts/torchmetrics_collection.py",
    record="MetricCollection.compute() and MeanMetric.compute() results (torchmetrics' own computation), kept by the script",
    step_kind="epoch",
    series=ser,
    extra_ok=[],
    notes=(
        "Two lines per epoch: 'Epoch 0: train_loss=0.8123' and the dict repr of the collection's "
        "compute(): \"{'val_MulticlassAccuracy': tensor(0.7012), 'val_MulticlassPrecision': "
        "tensor(0.7100), ...}\" - values inside 'tensor(...)' as torch prints a 0-d tensor (4 "
        "decimals). The epoch (0-based) is on the line above the dict. The collection keys (with the "
        "'val_' prefix) are the series names."
    ),
)
