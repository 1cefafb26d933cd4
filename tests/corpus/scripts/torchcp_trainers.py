"""TorchCP: temperature scaling (TSTrainer) and split conformal prediction on a synthetic 4-class
problem (an MLP), as TorchCP's README / examples use them.

Output: a plain MLP fit (a hand loop, no print), then TSTrainer(model, init_temperature=1.0)
.train(val_loader) (LBFGS on the temperature) prints 'Before scaling - NLL: 0.950, ECE: 0.083',
'Optimal temperature: 1.130', 'After scaling - NLL: 0.939, ECE: 0.051'; then a
SplitPredictor(LAC, alpha=0.1) is calibrated and print(predictor.evaluate(test_loader)) shows
"{'coverage_rate': 0.908203125, 'average_size': 2.017578125}".

Truth: the values TorchCP's own criteria return inside TSTrainer.train (hooks on
nn.CrossEntropyLoss.forward and torchcp's _ECELoss.forward while train() runs: the first NLL and
ECE are the 'Before' ones, the last the 'After' ones) and the dict SplitPredictor.evaluate returns.

Versions: torchcp 1.2.1 (installed --no-deps: torchsort 0.1.10 built for the CPU, torch-geometric
2.8.1 and transformers 5.25.0 imported, unused), torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11.
Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zAH-1):
    python tests/corpus/scripts/capture.py pipe real_torchcp_ts -- python tests/corpus/scripts/torchcp_trainers.py
(ConfTrTrainer was tried too: with this toy its ConfTr loss prints 0.0000 every epoch, left out.)
"""

import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torchcp
from torchcp.classification.predictor import SplitPredictor
from torchcp.classification.score import LAC
from torchcp.classification.trainer import (
    TSTrainer,
    ts_trainer,
)

torch.manual_seed(0)
torch.set_num_threads(1)  # a shared 2-core machine; output unchanged


def make(n, seed):
    g = torch.Generator().manual_seed(seed)
    y = torch.randint(0, 4, (n,), generator=g)
    centers = torch.tensor([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    x = centers[y] * 1.2 + torch.randn(n, 2, generator=g)
    x = torch.cat([x, torch.randn(n, 6, generator=g)], dim=1)
    return torch.utils.data.TensorDataset(x, y)


def loader(ds, shuffle=False):
    return torch.utils.data.DataLoader(ds, batch_size=64, shuffle=shuffle)


train_set, val_set, cal_set, test_set = make(640, 1), make(256, 2), make(512, 3), make(512, 4)
model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 4))
series = _truth.Series()

# a plainly trained MLP first (a hand loop, nothing printed)
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for _ in range(15):
    for x, y in loader(train_set, True):
        opt.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
model.eval()

computed: list[tuple[str, float]] = []
_ce, _ece = nn.CrossEntropyLoss.forward, ts_trainer._ECELoss.forward


def ce(self, *a, **k):
    v = _ce(self, *a, **k)
    computed.append(("NLL", v.item()))  # first = before scaling, last = after
    return v


def ece(self, *a, **k):
    v = _ece(self, *a, **k)
    computed.append(("ECE", v.item()))
    return v


nn.CrossEntropyLoss.forward, ts_trainer._ECELoss.forward = ce, ece
trainer = TSTrainer(model, init_temperature=1.0, device="cpu", verbose=True)
trainer.train(loader(val_set), lr=0.01, num_epochs=100)
nn.CrossEntropyLoss.forward, ts_trainer._ECELoss.forward = _ce, _ece
model = trainer.model
score = LAC()

predictor = SplitPredictor(score_function=score, model=model, alpha=0.1)
predictor.calibrate(loader(cal_set))
result = predictor.evaluate(loader(test_set))
print(result)

nll = [v for k, v in computed if k == "NLL"]
ece = [v for k, v in computed if k == "ECE"]
assert len(ece) == 2, ece
series.add("Before scaling - NLL", None, None, nll[0])
series.add("Before scaling - ECE", None, None, ece[0])
series.add("After scaling - NLL", None, None, nll[-1])
series.add("After scaling - ECE", None, None, ece[-1])
for k, v in result.items():
    series.add(k, None, None, float(v))

_truth.write(
    library=f"torchcp {torchcp.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/torchcp_trainers.py",
    record="the NLL / ECE values TorchCP's criteria return inside TSTrainer.train (forward hooks), "
    "and the dict SplitPredictor.evaluate() returns",
    step_kind="none",
    series=series,
    not_printed=[],
    notes="Four lines, no step or epoch anywhere: 'Before scaling - NLL: 0.950, ECE: 0.083' (two "
    "metrics on one line after a ' - ' label; series named 'Before scaling - NLL' / 'Before "
    "scaling - ECE', likewise 'After scaling - …'), 'Optimal temperature: 1.130' (the fitted "
    "temperature parameter: an estimate, NOT a metric), then the printed dict of "
    "SplitPredictor.evaluate() 'coverage_rate' / 'average_size' at full float precision "
    "(metrics of the conformal sets; alpha=0.1 is configuration).",
)
