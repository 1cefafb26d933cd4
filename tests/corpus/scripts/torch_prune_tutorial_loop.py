"""Iterative magnitude pruning with torch.nn.utils.prune as PyTorch's tutorials show it: the
'Training a classifier' (CIFAR-10) tutorial's Net, training loop and prints ('[1,   100] loss: 1.234',
'Accuracy of the network on the 10000 test images: 54 %'), then three rounds of the pruning
tutorial's global_unstructured L1 pruning (20% of the remaining weights) with its sparsity prints
('Sparsity in conv1.weight: 20.00%', 'Global sparsity: 20.00%') and one fine-tuning epoch each, then
prune.remove. Synthetic 3x32x32 10-class images (no download).

Versions: torch 2.13.0 (CPU), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAR-1):
    python tests/corpus/scripts/capture.py pipe real_torch_prune_tutorial_loop -- /work/venvs/corpus-zAR-1/bin/python tests/corpus/scripts/torch_prune_tutorial_loop.py
(plain print(): the same under a terminal, no pty entry.)
Truth: the values the script prints (running_loss / 100, the integer accuracy percent), kept as
printed.
"""

# ruff: noqa: UP032  (the tutorial's/example's code and prints are kept as they are)

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils.prune as prune
import torch.optim as optim

series = _truth.Series()
gstep = {"n": 0}
torch.manual_seed(0)


def synthetic(n, gen, protos):
    y = torch.randint(0, 10, (n,), generator=gen)
    x = protos[y] + 1.0 * torch.randn(n, 3, 32, 32, generator=gen)
    return torch.utils.data.TensorDataset(x, y)


gen = torch.Generator().manual_seed(0)
protos = torch.randn(10, 3, 32, 32, generator=gen) * 2.0
trainset, testset = synthetic(1200, gen, protos), synthetic(400, gen, protos)
batch_size = 4
trainloader = torch.utils.data.DataLoader(
    trainset, batch_size=batch_size, shuffle=True, num_workers=0
)
testloader = torch.utils.data.DataLoader(
    testset, batch_size=batch_size, shuffle=False, num_workers=0
)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


net = Net()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)


def train(epochs, series_name):
    for epoch in range(epochs):  # loop over the dataset multiple times
        running_loss = 0.0
        for i, data in enumerate(trainloader, 0):
            inputs, labels = data
            optimizer.zero_grad()
            outputs = net(inputs)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
            gstep["n"] += 1
            running_loss += loss.item()
            if i % 100 == 99:  # print every 100 mini-batches
                print(f"[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 100:.3f}")
                series.add(series_name, gstep["n"], epoch + 1, running_loss / 100)
                running_loss = 0.0
    print("Finished Training")


def test(series_name):
    correct = 0
    total = 0
    with torch.no_grad():
        for data in testloader:
            images, labels = data
            outputs = net(images)
            _, predicted = torch.max(outputs, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
    print(f"Accuracy of the network on the {total} test images: {100 * correct // total} %")
    series.add(series_name, gstep["n"], None, 100 * correct // total)


def sparsity_report():
    for name in ("conv1", "conv2", "fc1", "fc2", "fc3"):
        w = getattr(net, name).weight
        print(
            "Sparsity in {}.weight: {:.2f}%".format(
                name, 100.0 * float(torch.sum(w == 0)) / float(w.nelement())
            )
        )
    print(
        "Global sparsity: {:.2f}%".format(
            100.0
            * float(
                torch.sum(net.conv1.weight == 0)
                + torch.sum(net.conv2.weight == 0)
                + torch.sum(net.fc1.weight == 0)
                + torch.sum(net.fc2.weight == 0)
                + torch.sum(net.fc3.weight == 0)
            )
            / float(
                net.conv1.weight.nelement()
                + net.conv2.weight.nelement()
                + net.fc1.weight.nelement()
                + net.fc2.weight.nelement()
                + net.fc3.weight.nelement()
            )
        )
    )


train(2, "loss")
test("Accuracy of the network")
parameters_to_prune = (
    (net.conv1, "weight"),
    (net.conv2, "weight"),
    (net.fc1, "weight"),
    (net.fc2, "weight"),
    (net.fc3, "weight"),
)
for rnd in range(1, 4):
    prune.global_unstructured(parameters_to_prune, pruning_method=prune.L1Unstructured, amount=0.2)
    print(f"Pruning round {rnd}")
    sparsity_report()
    test(f"Accuracy of the network (round {rnd}, pruned)")
    train(1, f"loss (round {rnd} fine-tuning)")
    test(f"Accuracy of the network (round {rnd}, fine-tuned)")
for module, name in parameters_to_prune:
    prune.remove(module, name)
print(list(net.named_parameters())[0][0], list(net.named_buffers()))

_truth.write(
    library=f"torch {torch.__version__} (torch.nn.utils.prune)",
    script="tests/corpus/scripts/torch_prune_tutorial_loop.py",
    record="the values the loop prints (running_loss / 100, 100 * correct // total), kept as printed",
    step_kind="global",
    series=series,
    notes=(
        "The CIFAR-10 classifier tutorial's prints: '[1,   100] loss: 2.303' every 100 mini-batches (epoch "
        "1-based and the mini-batch index 1-based, both counters; loss '%.3f', the mean of the last 100), "
        "'Finished Training', 'Accuracy of the network on the 400 test images: 54 %' (400 is the test-set "
        "size, a count; the accuracy an integer percent, 100 * correct // total). Then 3 rounds of the pruning "
        "tutorial's prune.global_unstructured(L1Unstructured, amount=0.2), each: 'Pruning round 1' (a counter), "
        "the tutorial's 'Sparsity in conv1.weight: 20.84%' per layer and 'Global sparsity: 20.00%' (fractions "
        "of weights set to zero: the pruning's state, configuration-like, not metrics), the test line of the "
        "just-pruned network, one fine-tuning epoch (the same '[1,   100] loss:' lines, the epoch counter "
        "restarting at 1) and the test line again. Every model state is its own series, named from the "
        "printed words plus the state in brackets since the printed words are the same: 'loss' (the first 2 "
        "epochs), 'loss (round 2 fine-tuning)', 'Accuracy of the network' (the dense model), 'Accuracy of the "
        "network (round 1, pruned)', 'Accuracy of the network (round 1, fine-tuned)', …. Step: the global "
        "mini-batch count (300 per epoch), the epoch as printed. Last line: the first parameter's name and the "
        "module's buffers after prune.remove ('conv1.bias []'). Data: synthetic 3x32x32 10-class images."
    ),
)
