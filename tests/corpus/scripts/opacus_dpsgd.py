"""Opacus: DP-SGD on a small MLP over synthetic 10-class data, the loop of Opacus'
examples/mnist.py (tqdm over the loaders, then its own prints):

    Train Epoch: 1 	Loss: 2.215839 (ε = 1.27, δ = 1e-05)

    Test set: Average loss: 0.0346, Accuracy: 212/400 (53.00%)

(mnist.py tests once after the last epoch; here the test runs after every epoch, as Opacus'
tutorials do.) δ is the target delta, a setting, not a metric.

Truth: ε from Opacus' own privacy accountant (privacy_engine.accountant.get_epsilon(delta)), the
train loss the loop printed (np.mean of the batch losses it kept, as mnist.py) and the test loss /
accuracy evaluate() (examples/mnist.py's test()) computed, dumped at full precision; Accuracy is the printed percent.

Versions: opacus 1.6.0, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-x-1 = pip install torch==2.13.0 opacus tqdm):
    python tests/corpus/scripts/capture.py pipe real_opacus_dpsgd -- python tests/corpus/scripts/opacus_dpsgd.py
    python tests/corpus/scripts/capture.py pty real_opacus_dpsgd_pty -- python tests/corpus/scripts/opacus_dpsgd.py
"""

import os
import sys

import numpy as np
import torch
import torch.nn as nn
from opacus import PrivacyEngine
from torch.utils.data import DataLoader, TensorDataset
from tqdm import tqdm

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.manual_seed(0)
np.random.seed(0)
N_TRAIN, N_TEST, DIM, CLASSES = 1600, 400, 20, 10
centers = torch.randn(CLASSES, DIM) * 0.5
y_all = torch.randint(0, CLASSES, (N_TRAIN + N_TEST,))
x_all = centers[y_all] + torch.randn(N_TRAIN + N_TEST, DIM)
train_ds = TensorDataset(x_all[:N_TRAIN], y_all[:N_TRAIN])
test_ds = TensorDataset(x_all[N_TRAIN:], y_all[N_TRAIN:])
train_loader = DataLoader(train_ds, batch_size=64, shuffle=True)
test_loader = DataLoader(test_ds, batch_size=100)

DELTA = 1e-5
EPOCHS = 5
device = torch.device("cpu")
record = {"Train Loss": [], "Train ε": [], "Test set Average loss": [], "Test set Accuracy": []}


def train(model, device, train_loader, optimizer, privacy_engine, epoch):
    model.train()
    criterion = nn.CrossEntropyLoss()
    losses = []
    for _batch_idx, (data, target) in enumerate(tqdm(train_loader)):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        loss = criterion(output, target)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())

    epsilon = privacy_engine.accountant.get_epsilon(delta=DELTA)
    print(f"Train Epoch: {epoch} \tLoss: {np.mean(losses):.6f} (ε = {epsilon:.2f}, δ = {DELTA})")
    record["Train Loss"].append([None, epoch, float(np.mean(losses))])
    record["Train ε"].append([None, epoch, float(epsilon)])


def evaluate(model, device, test_loader, epoch):  # examples/mnist.py's test()
    model.eval()
    criterion = nn.CrossEntropyLoss()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in tqdm(test_loader):
            data, target = data.to(device), target.to(device)
            output = model(data)
            test_loss += criterion(output, target).item()  # sum up batch loss
            pred = output.argmax(dim=1, keepdim=True)
            correct += pred.eq(target.view_as(pred)).sum().item()

    test_loss /= len(test_loader.dataset)

    print(
        "\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.2f}%)\n".format(  # noqa: UP032 (as mnist.py)
            test_loss,
            correct,
            len(test_loader.dataset),
            100.0 * correct / len(test_loader.dataset),
        )
    )
    record["Test set Average loss"].append([None, epoch, float(test_loss)])
    record["Test set Accuracy"].append([None, epoch, 100.0 * correct / len(test_loader.dataset)])
    return correct / len(test_loader.dataset)


model = nn.Sequential(nn.Linear(DIM, 32), nn.ReLU(), nn.Linear(32, CLASSES)).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0)
privacy_engine = PrivacyEngine(secure_mode=False)
model, optimizer, train_loader = privacy_engine.make_private(
    module=model,
    optimizer=optimizer,
    data_loader=train_loader,
    noise_multiplier=1.1,
    max_grad_norm=1.0,
)
for epoch in range(1, EPOCHS + 1):
    train(model, device, train_loader, optimizer, privacy_engine, epoch)
    evaluate(model, device, test_loader, epoch)

_truth.write(
    library="opacus 1.6.0 (torch 2.13.0+cpu, tqdm 4.70.1)",
    script="tests/corpus/scripts/opacus_dpsgd.py",
    record=(
        "privacy_engine.accountant.get_epsilon(delta) after each epoch (Opacus' RDP accountant); "
        "the loop's np.mean(batch losses) and test()'s loss/accuracy, as examples/mnist.py"
    ),
    step_kind="epoch",
    series={k: {"points": v} for k, v in record.items()},
    extra_ok=["the tqdm bars' iteration rates (it/s)"],
    notes=(
        "Opacus' examples/mnist.py loop: 'Train Epoch: 1 \\tLoss: 2.215839 (ε = 1.27, δ = 1e-05)' "
        "(ε is the privacy budget spent so far, a metric; δ = 1e-05 is the configured target "
        "delta, NOT a metric) and 'Test set: Average loss: 0.0346, Accuracy: 212/400 (53.00%)' "
        "(212/400 are counts; the metric is the percent). tqdm bars over the train and test "
        "loaders (stderr) carry no metric. Names carry the line's lead words, as the corpus' other MNIST-example entries (Train Loss, Test set Average loss). Test after every epoch (mnist.py tests once at the end)."
    ),
)
