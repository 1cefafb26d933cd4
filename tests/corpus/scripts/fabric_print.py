"""Lightning Fabric with a hand-written loop printing through fabric.print, in the shape of
Lightning's examples/fabric/image_classifier/train_fabric.py (itself PyTorch's MNIST example):

    Train Epoch: 1 [320/640 (50%)]	Loss: 0.652113
    <blank>
    Test set: Average loss: 0.5123, Accuracy: 203/256 (79%)
    <blank>

on synthetic 2-class vectors (no MNIST), a small MLP, CPU. Fabric also logs every step's loss and
each epoch's test loss/accuracy with fabric.log_dict into its CSVLogger (lightning.fabric.loggers).

Truth: Fabric's CSVLogger metrics.csv (the library's own record), restricted to the printed steps;
the accuracy as the printed percent (100 x the logged fraction).

Versions: lightning 2.6.6 (Fabric), torch 2.13.0+cpu, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/torch-a):
    python tests/corpus/scripts/capture.py pipe real_fabric_print -- python tests/corpus/scripts/fabric_print.py
"""

import csv
import os
import shutil
import sys

import lightning
import torch
import torch.nn.functional as F
from lightning.fabric import Fabric
from lightning.fabric.loggers import CSVLogger
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

LOGDIR = "/tmp/fabric_print_csv"
shutil.rmtree(LOGDIR, ignore_errors=True)


def make(n, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 20, generator=g)
    y = ((x[:, :4].sum(1) + 0.8 * torch.randn(n, generator=g)) > 0).long()
    return TensorDataset(x, y)


def main():
    fabric = Fabric(accelerator="cpu", devices=1, loggers=CSVLogger(LOGDIR, name="fabric"))
    fabric.launch()
    fabric.seed_everything(42)
    train_loader = DataLoader(make(640, 1), batch_size=32, shuffle=True)
    test_loader = DataLoader(make(256, 2), batch_size=64)
    model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 2))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    model, optimizer = fabric.setup(model, optimizer)
    train_loader, test_loader = fabric.setup_dataloaders(train_loader, test_loader)
    printed = []  # (step, epoch, name) in print order
    step = 0
    for epoch in range(1, 4):
        model.train()
        for batch_idx, (data, target) in enumerate(train_loader):
            optimizer.zero_grad()
            loss = F.cross_entropy(model(data), target)
            fabric.backward(loss)
            optimizer.step()
            step += 1
            fabric.log_dict({"train_loss": loss.item()}, step=step)
            if batch_idx % 5 == 0:
                fabric.print(
                    f"Train Epoch: {epoch} [{batch_idx * len(data)}/{len(train_loader.dataset)}"
                    f" ({100.0 * batch_idx / len(train_loader):.0f}%)]\tLoss: {loss.item():.6f}"
                )
                printed.append((step, epoch, "train_loss"))
        model.eval()
        test_loss = 0.0
        correct = 0
        with torch.no_grad():
            for data, target in test_loader:
                output = model(data)
                test_loss += F.cross_entropy(output, target, reduction="sum").item()
                correct += output.argmax(dim=1).eq(target).sum().item()
        n = len(test_loader.dataset)
        test_loss /= n
        fabric.log_dict({"test_loss": test_loss, "test_acc": correct / n}, step=step)
        fabric.print(
            f"\nTest set: Average loss: {test_loss:.4f}, Accuracy: {correct}/{n} ({100.0 * correct / n:.0f}%)\n"
        )
        printed += [(step, epoch, "test_loss"), (step, epoch, "test_acc")]
    fabric.logger.finalize("success")
    return fabric, printed


fabric, printed = main()
rows = {}
with open(os.path.join(fabric.logger.log_dir, "metrics.csv")) as fh:
    for row in csv.DictReader(fh):
        for k, v in row.items():
            if k != "step" and v != "":
                rows[(int(row["step"]), k)] = float(v)
# names as the lines compose them (the line's label, then the value's name), as other entries do
NAMES = {
    "train_loss": ("Train Loss", 1.0),
    "test_loss": ("Test set Average loss", 1.0),
    "test_acc": ("Test set Accuracy", 100.0),
}
series = _truth.Series()
for step, epoch, key in printed:
    name, scale = NAMES[key]
    series.add(name, step, epoch, rows[(step, key)] * scale)
_truth.write(
    library=f"lightning {lightning.__version__} (Fabric; torch {torch.__version__})",
    script="tests/corpus/scripts/fabric_print.py",
    record="Fabric's CSVLogger metrics.csv (fabric.log_dict every step / every epoch)",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[
        "train_loss at the steps not printed (logged every step, printed every 5th batch)"
    ],
    notes="PyTorch's MNIST-example shape through fabric.print: 'Train Epoch: 1 [160/640 (25%)]\\tLoss: "
    "0.652113' every 5 batches (the bracket is samples seen / dataset size and the percent of the "
    "epoch, no metric; the truth's step is the global optimizer step, 20 per epoch), and after each "
    "epoch a blank line, 'Test set: Average loss: 0.5123, Accuracy: 203/256 (79%)', a blank line. "
    "Series are named by the line's label and the value's name ('Train Loss', 'Test set Average "
    "loss', 'Test set Accuracy'). 'Test set Accuracy' is kept as the printed percent (100 x the logged test_acc fraction); 203/256 is the "
    "count of correct test samples over the test-set size. Fabric's own startup lines "
    "('Seed set to 42') come first.",
)
