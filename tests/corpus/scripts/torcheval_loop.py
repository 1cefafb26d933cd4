"""TorchEval metrics in a hand-written PyTorch loop, printed the way its README shows them: the
metric objects' compute() results go straight into f-strings (a 0-d tensor formats as its float's
repr: float32 noise digits) and into print (a dict of them prints tensor reprs).

    Epoch 1: train loss 0.6929, train acc 0.518750011920929, val acc 0.6200000047683716, val auroc 0.64164…
    ...
    Test: {'accuracy': tensor(0.8100), 'precision': tensor(0.7925), 'recall': tensor(0.8400), 'f1': tensor(0.8155), 'auroc': tensor(0.8912, dtype=torch.float64)}

Versions: torcheval 0.0.7, torch 2.13.0+cpu, Python 3.11 (venv /work/venvs/corpus-zV-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_torcheval_loop -- python tests/corpus/scripts/torcheval_loop.py
(plain prints: no pty twin.)
Truth: the tensors TorchEval's compute() returned (and the loop's mean loss), at full precision,
as the loop printed them.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torcheval
from torch import nn
from torcheval.metrics import (
    BinaryAccuracy,
    BinaryAUROC,
    BinaryF1Score,
    BinaryPrecision,
    BinaryRecall,
    Mean,
)

torch.manual_seed(0)
torch.set_num_threads(1)

n, d = 1200, 10
X = torch.randn(n, d)
w = torch.randn(d)
y = ((X @ w + 0.8 * torch.randn(n)) > 0).float()
Xtr, ytr, Xva, yva, Xte, yte = X[:800], y[:800], X[800:1000], y[800:1000], X[1000:], y[1000:]

model = nn.Sequential(nn.Linear(d, 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05)
loss_fn = nn.BCEWithLogitsLoss()

train_loss, train_acc = Mean(), BinaryAccuracy()
val_acc, val_auroc = BinaryAccuracy(), BinaryAUROC()
series = _truth.Series()

for epoch in range(1, 7):
    model.train()
    for metric in (train_loss, train_acc, val_acc, val_auroc):
        metric.reset()
    for i in range(0, 800, 50):
        xb, yb = Xtr[i : i + 50], ytr[i : i + 50]
        logits = model(xb).squeeze(-1)
        loss = loss_fn(logits, yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        train_loss.update(loss.detach(), weight=len(xb))
        train_acc.update(torch.sigmoid(logits.detach()), yb.long())
    model.eval()
    with torch.no_grad():
        probs = torch.sigmoid(model(Xva).squeeze(-1))
    val_acc.update(probs, yva.long())
    val_auroc.update(probs, yva.long())
    loss_value = train_loss.compute().item()
    values = {
        "train loss": loss_value,
        "train acc": train_acc.compute(),
        "val acc": val_acc.compute(),
        "val auroc": val_auroc.compute(),
    }
    print(
        f"Epoch {epoch}: train loss {loss_value:.4f}, train acc {values['train acc']}, "
        f"val acc {values['val acc']}, val auroc {values['val auroc']}"
    )
    for name, value in values.items():
        series.add(name, None, epoch, float(value))

with torch.no_grad():
    probs = torch.sigmoid(model(Xte).squeeze(-1))
test = {
    "accuracy": BinaryAccuracy(),
    "precision": BinaryPrecision(),
    "recall": BinaryRecall(),
    "f1": BinaryF1Score(),
    "auroc": BinaryAUROC(),
}
for metric in test.values():
    metric.update(probs, yte.long())
results = {name: metric.compute() for name, metric in test.items()}
print("Test:", results)
for name, value in results.items():
    series.add(f"Test {name}", None, None, float(value))

_truth.write(
    library=f"torcheval {torcheval.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/torcheval_loop.py",
    record="the tensors TorchEval's metric.compute() returned (Mean for the loss), as printed",
    step_kind="epoch",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "One line per epoch, 'Epoch 1: train loss 0.6929, train acc 0.518750011920929, val acc "
        "0.6200000047683716, val auroc 0.6416440558737815': the loss formatted with 4 "
        "decimals, the TorchEval results put into the f-string as they come: a 0-d tensor's "
        "__format__ formats its Python float, so float32 results print with their noise digits "
        "(0.518750011920929) and the float64 AUROC with 16; epoch = the printed 1-based epoch. "
        "Then print('Test:', results), a dict of 0-d tensors printed as torch reprs with 4 "
        "decimals \"{'accuracy': tensor(0.8600), …, 'auroc': tensor(0.9396, "
        "dtype=torch.float64)}\" once after training (no epoch; series 'Test accuracy', 'Test "
        "f1', …: the line's label and the key, as the MNIST-example entries name 'Test set "
        "Accuracy')."
    ),
)
