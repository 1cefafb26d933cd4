"""pytorch-ood: train a small classifier with Outlier Exposure, then compare OOD detectors the way
pytorch-ood's examples do (for each detector: fit on the training loader where it needs fitting,
metrics = OODMetrics(); metrics.update(detector(x), y); print(metrics.compute())), on synthetic
data (3 Gaussian classes in 16-D as in-distribution, labels >= 0; a shifted blob as OOD test data
and uniform noise as the auxiliary outliers, labels -1, as pytorch-ood marks OOD):

    Epoch 1/6  loss 1.2079  acc 52.44%
    MaxSoftmax {'AUROC': 0.8671…, 'AUTC': 0.3126…, 'AUPR-IN': 0.8804…, 'AUPR-OUT': …, 'FPR95TPR': …}

Modes:
    oe      hand loop with OutlierExposureLoss printing per epoch, then six detectors' dicts.
    plain   plain cross-entropy training printed every 10 steps ('[step 50] loss=...'), then a
            MetricCollection([AUROC(), FPRAtTPR(0.9), Accuracy()]) per detector (the
            MetricCollection docstring's example).

Truth: the training loop's own values (loss.item() averaged as printed, accuracy ×100 as printed;
recorded by the script) and the dicts OODMetrics/MetricCollection.compute() return.

Versions: pytorch-ood 0.4.0, torch 2.14.1+cu130 (the wheel on local disk; runs on CPU), torchvision 0.29.1, Python 3.11. Seeds fixed; a few s
of CPU. Capture (repository root, venv /work/venvs/corpus-zBA-2):
    python tests/corpus/scripts/capture.py pipe real_pytorch_ood_oe -- python tests/corpus/scripts/pytorch_ood_benchmark.py oe
    python tests/corpus/scripts/capture.py pipe real_pytorch_ood_plain -- python tests/corpus/scripts/pytorch_ood_benchmark.py plain
"""

import os
import sys
from importlib import metadata

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from pytorch_ood.detector import KNN, EnergyBased, Mahalanobis, MaxLogit, MaxSoftmax, ViM
from pytorch_ood.loss import OutlierExposureLoss
from pytorch_ood.metrics import AUROC, Accuracy, FPRAtTPR, MetricCollection, OODMetrics
from pytorch_ood.utils import fix_random_seed

mode = sys.argv[1]
assert mode in ("oe", "plain")
fix_random_seed(123)
S = _truth.Series()
D, C = 16, 3
centers = torch.randn(C, D) * 0.7


def make_id(n):
    y = torch.randint(0, C, (n,))
    return centers[y] + torch.randn(n, D), y


X_tr, y_tr = make_id(1200)
X_te, y_te = make_id(400)
X_ood = torch.randn(400, D) * 1.2 + 0.3
X_aux = (torch.rand(1200, D) - 0.5) * 8
print(f"ID train: {tuple(X_tr.shape)}  ID test: {tuple(X_te.shape)}  OOD test: {tuple(X_ood.shape)}")


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(D, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU())
        self.head = nn.Linear(32, C)

    def features(self, x):
        return self.encoder(x)

    def forward(self, x):
        return self.head(self.encoder(x))


model = Net()
print(model)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
train_loader = DataLoader(TensorDataset(X_tr, y_tr), batch_size=64, shuffle=True)

if mode == "oe":
    criterion = OutlierExposureLoss(alpha=0.5)
    X_all = torch.cat([X_tr, X_aux])
    y_all = torch.cat([y_tr, -torch.ones(len(X_aux), dtype=torch.long)])
    oe_loader = DataLoader(TensorDataset(X_all, y_all), batch_size=128, shuffle=True)
    epochs = 6
    for epoch in range(epochs):
        model.train()
        tot, n, correct, n_id = 0.0, 0, 0, 0
        for x, y in oe_loader:
            logits = model(x)
            loss = criterion(logits, y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot += loss.item()
            n += 1
            m = y >= 0
            correct += (logits[m].argmax(1) == y[m]).sum().item()
            n_id += m.sum().item()
        S.add("loss", None, epoch + 1, tot / n)
        S.add("acc", None, epoch + 1, 100.0 * correct / n_id)
        print(f"Epoch {epoch + 1}/{epochs}  loss {tot / n:.4f}  acc {100.0 * correct / n_id:.2f}%")
else:
    ce = nn.CrossEntropyLoss()
    step, run = 0, []
    for epoch in range(5):
        model.train()
        for x, y in train_loader:
            loss = ce(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            step += 1
            run.append(loss.item())
            if step % 10 == 0:
                v = sum(run) / len(run)
                print(f"[step {step}] loss={v:.5f}")
                S.add("loss", step, None, v)
                run = []

model.eval()
test_loader = DataLoader(
    TensorDataset(torch.cat([X_te, X_ood]), torch.cat([y_te, -torch.ones(len(X_ood), dtype=torch.long)])),
    batch_size=128,
)
detectors = {
    "MaxSoftmax": MaxSoftmax(model),
    "EnergyBased": EnergyBased(model),
    "MaxLogit": MaxLogit(model),
    "Mahalanobis": Mahalanobis(model.features),
    "KNN": KNN(model.features, k=10),
    "ViM": ViM(model.features, d=8, w=model.head.weight, b=model.head.bias),
}
print("Fitting detectors")
for name, det in detectors.items():
    det.fit(train_loader)

print("Evaluating")
with torch.no_grad():
    for name, det in detectors.items():
        if mode == "oe":
            metrics = OODMetrics()
            for x, y in test_loader:
                metrics.update(det(x), y)
        else:
            metrics = MetricCollection([AUROC(), FPRAtTPR(0.9), Accuracy()])
            for x, y in test_loader:
                metrics.update(scores=det(x), labels=y, predictions=model(x).argmax(dim=1))
        r = metrics.compute()
        print(name, r)
        for k, v in r.items():
            S.add(k, None, None, v)

_truth.write(
    library=f"pytorch-ood {metadata.version('pytorch-ood')} (torch {torch.__version__})",
    script="tests/corpus/scripts/pytorch_ood_benchmark.py",
    record="the dicts pytorch-ood's OODMetrics / MetricCollection .compute() return, per detector in "
    "print order; the training loop's own loss/accuracy values (recorded by the script)",
    step_kind="epoch" if mode == "oe" else "global",
    series=S,
    notes="Each metric key (AUROC, ...) has one point per detector line, in the order the detectors "
    "print (MaxSoftmax, EnergyBased, MaxLogit, Mahalanobis, KNN, ViM); the detector name leads the line. "
    "The model repr shows layer sizes (in_features=16 ...), the first line tensor shapes.",
)
