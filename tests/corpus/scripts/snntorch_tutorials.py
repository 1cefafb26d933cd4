"""snnTorch: the training loops of its tutorials on synthetic MNIST-shaped data (28x28 images of
10 classes, class-dependent blobs plus noise), printing exactly as the tutorials print.

`tutorial5` (Tutorial 5, "Training Spiking Neural Networks with snntorch"): a 784-hidden-10 net
of snn.Leaky neurons over num_steps time steps, CrossEntropyLoss summed over the membrane
potentials, train_printer() every 50 iterations:

    Epoch 0, Iteration 0
    Train Set Loss: 58.53
    Test Set Loss: 57.08
    Train set accuracy for a single minibatch: 9.38%
    Test set accuracy for a single minibatch: 10.94%
    (two empty lines)

then the test-set pass 'Total correctly classified test set images: 1540/2048' and
'Test Set Accuracy: 75.20%'.

`tutorial6` (Tutorial 6, convolutional SNN with snntorch.functional): SF.ce_rate_loss,
SF.accuracy_rate, every 10 iterations 'Epoch 0, Iteration 10 \\nTrain Loss: 2.21' then
'Accuracy: 23.44%\\n', then 'The total accuracy on the test set is: 61.23%'.

Truth: the values the loops record (loss_hist / test_loss_hist as the tutorial keeps them, and the
accuracies print_batch_accuracy / SF.accuracy_rate computed, kept in lists beside the prints),
at full precision; accuracies in percent as printed.

Versions: snntorch 1.0.0, torch 2.13.0+cpu, numpy 2.4.6, Python 3.11. Seeds fixed; ~20 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zJ-1):
    python tests/corpus/scripts/capture.py pipe real_snntorch_tutorial5 -- python tests/corpus/scripts/snntorch_tutorials.py tutorial5
    python tests/corpus/scripts/capture.py pipe real_snntorch_tutorial6 -- python tests/corpus/scripts/snntorch_tutorials.py tutorial6
(plain print(): the same under a terminal, no pty entry.)
"""

import os
import sys
from importlib import metadata

import numpy as np
import snntorch as snn
import snntorch.functional as SF
import torch
import torch.nn as nn
from snntorch import surrogate, utils
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

variant = sys.argv[1] if len(sys.argv) > 1 else "tutorial5"
torch.manual_seed(0)
torch.set_num_threads(1)


def make_set(n, seed):
    g = torch.Generator().manual_seed(seed)
    y = torch.randint(0, 10, (n,), generator=g)
    yy, xx = torch.meshgrid(torch.arange(28.0), torch.arange(28.0), indexing="ij")
    cy = 6 + 16 * (y // 5).float()  # two rows of five blob centres
    cx = 4 + 5 * (y % 5).float()
    blob = torch.exp(-((yy - cy[:, None, None]) ** 2 + (xx - cx[:, None, None]) ** 2) / 18)
    x = (0.3 * blob + 0.8 * torch.rand(n, 28, 28, generator=g)).clamp(0, 1)
    return TensorDataset(x[:, None], y)


batch_size = 64
n_batches = 201 if variant == "tutorial5" else 61
train_loader = DataLoader(
    make_set(batch_size * n_batches, 1), batch_size=batch_size, shuffle=True, drop_last=True
)
test_loader = DataLoader(make_set(2048, 2), batch_size=batch_size, shuffle=True, drop_last=True)
series = _truth.Series()

if variant == "tutorial5":
    num_inputs, num_hidden, num_outputs = 28 * 28, 300, 10
    num_steps, beta = 25, 0.95

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Linear(num_inputs, num_hidden)
            self.lif1 = snn.Leaky(beta=beta)
            self.fc2 = nn.Linear(num_hidden, num_outputs)
            self.lif2 = snn.Leaky(beta=beta)

        def forward(self, x):
            mem1 = self.lif1.init_leaky()
            mem2 = self.lif2.init_leaky()
            spk2_rec, mem2_rec = [], []
            for _step in range(num_steps):
                cur1 = self.fc1(x)
                spk1, mem1 = self.lif1(cur1, mem1)
                cur2 = self.fc2(spk1)
                spk2, mem2 = self.lif2(cur2, mem2)
                spk2_rec.append(spk2)
                mem2_rec.append(mem2)
            return torch.stack(spk2_rec, dim=0), torch.stack(mem2_rec, dim=0)

    net = Net()
    acc_record = []  # (train?, acc) as print_batch_accuracy computed them

    def print_batch_accuracy(data, targets, train=False):
        output, _ = net(data.view(batch_size, -1))
        _, idx = output.sum(dim=0).max(1)
        acc = np.mean((targets == idx).detach().cpu().numpy())
        acc_record.append((train, acc))

        if train:
            print(f"Train set accuracy for a single minibatch: {acc * 100:.2f}%")
        else:
            print(f"Test set accuracy for a single minibatch: {acc * 100:.2f}%")

    def train_printer():
        print(f"Epoch {epoch}, Iteration {iter_counter}")
        print(f"Train Set Loss: {loss_hist[counter]:.2f}")
        print(f"Test Set Loss: {test_loss_hist[counter]:.2f}")
        print_batch_accuracy(data, targets, train=True)
        print_batch_accuracy(test_data, test_targets, train=False)
        print("\n")
        series.add("Train Set Loss", counter, epoch, loss_hist[counter])
        series.add("Test Set Loss", counter, epoch, test_loss_hist[counter])
        series.add(
            "Train set accuracy for a single minibatch", counter, epoch, acc_record[-2][1] * 100
        )
        series.add(
            "Test set accuracy for a single minibatch", counter, epoch, acc_record[-1][1] * 100
        )

    loss = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=5e-4, betas=(0.9, 0.999))

    num_epochs = 1
    loss_hist = []
    test_loss_hist = []
    counter = 0

    # Outer training loop
    for epoch in range(num_epochs):  # noqa: B007 (train_printer reads it)
        iter_counter = 0
        train_batch = iter(train_loader)

        # Minibatch training loop
        for data, targets in train_batch:
            # forward pass
            net.train()
            spk_rec, mem_rec = net(data.view(batch_size, -1))

            # initialize the loss & sum over time
            loss_val = torch.zeros((1), dtype=torch.float)
            for step in range(num_steps):
                loss_val += loss(mem_rec[step], targets)

            # Gradient calculation + weight update
            optimizer.zero_grad()
            loss_val.backward()
            optimizer.step()

            # Store loss history for future plotting
            loss_hist.append(loss_val.item())

            # Test set
            with torch.no_grad():
                net.eval()
                test_data, test_targets = next(iter(test_loader))

                # Test set forward pass
                test_spk, test_mem = net(test_data.view(batch_size, -1))

                # Test set loss
                test_loss = torch.zeros((1), dtype=torch.float)
                for step in range(num_steps):
                    test_loss += loss(test_mem[step], test_targets)
                test_loss_hist.append(test_loss.item())

                # Print train/test loss/accuracy
                if counter % 50 == 0:
                    train_printer()
                counter += 1
                iter_counter += 1

    total = 0
    correct = 0
    with torch.no_grad():
        net.eval()
        for data, targets in test_loader:
            test_spk, _ = net(data.view(data.size(0), -1))
            _, predicted = test_spk.sum(dim=0).max(1)
            total += targets.size(0)
            correct += (predicted == targets).sum().item()

    print(f"Total correctly classified test set images: {correct}/{total}")
    print(f"Test Set Accuracy: {100 * correct / total:.2f}%")
    series.add("Test Set Accuracy", counter - 1, None, 100 * correct / total)
    notes = (
        "Tutorial 5's train_printer() every 50 iterations: 'Epoch 0, Iteration 50' (step = the "
        "loop's counter, equal to the printed iteration in this one-epoch run; epoch as printed, "
        "0-based), 'Train Set Loss: 12.34' / 'Test Set Loss: 12.01' (CrossEntropyLoss summed over "
        "the 25 time steps, 2 decimals printed), 'Train set accuracy for a single minibatch: "
        "67.19%' / 'Test set accuracy for a single minibatch: 65.62%' (acc x 100 as printed, "
        "series named by the whole sentence before the colon), then print('\\n') (two empty "
        "lines). After the loop 'Total correctly classified test set images: 1540/2048' (counts, "
        "not a metric) and 'Test Set Accuracy: 75.20%' (step = the last counter)."
    )
else:
    num_steps, beta = 10, 0.5
    spike_grad = surrogate.fast_sigmoid(slope=25)
    net = nn.Sequential(
        nn.Conv2d(1, 8, 5),
        nn.MaxPool2d(2),
        snn.Leaky(beta=beta, spike_grad=spike_grad, init_hidden=True),
        nn.Conv2d(8, 16, 5),
        nn.MaxPool2d(2),
        snn.Leaky(beta=beta, spike_grad=spike_grad, init_hidden=True),
        nn.Flatten(),
        nn.Linear(16 * 4 * 4, 10),
        snn.Leaky(beta=beta, spike_grad=spike_grad, init_hidden=True, output=True),
    )

    def forward_pass(net, num_steps, data):
        mem_rec = []
        spk_rec = []
        utils.reset(net)  # resets hidden states for all LIF neurons in net

        for _step in range(num_steps):
            spk_out, mem_out = net(data)
            spk_rec.append(spk_out)
            mem_rec.append(mem_out)

        return torch.stack(spk_rec), torch.stack(mem_rec)

    loss_fn = SF.ce_rate_loss()

    def batch_accuracy(train_loader, net, num_steps):
        with torch.no_grad():
            total = 0
            acc = 0
            net.eval()

            train_loader = iter(train_loader)
            for data, targets in train_loader:
                spk_rec, _ = forward_pass(net, num_steps, data)

                acc += SF.accuracy_rate(spk_rec, targets) * spk_rec.size(1)
                total += spk_rec.size(1)

        return acc / total

    optimizer = torch.optim.Adam(net.parameters(), lr=1e-2, betas=(0.9, 0.999))
    num_epochs = 1
    loss_hist = []
    acc_hist = []

    # training loop
    for epoch in range(num_epochs):
        for i, (data, targets) in enumerate(iter(train_loader)):
            net.train()
            spk_rec, _ = forward_pass(net, num_steps, data)

            # initialize the loss & sum over time
            loss_val = loss_fn(spk_rec, targets)

            # Gradient calculation + weight update
            optimizer.zero_grad()
            loss_val.backward()
            optimizer.step()

            # Store loss history for future plotting
            loss_hist.append(loss_val.item())

            # Test set
            if i % 10 == 0:
                print(f"Epoch {epoch}, Iteration {i} \nTrain Loss: {loss_val.item():.2f}")
                series.add("Train Loss", i, epoch, loss_hist[-1])

                acc = SF.accuracy_rate(spk_rec, targets)
                acc_hist.append(acc)
                print(f"Accuracy: {acc * 100:.2f}%\n")
                series.add("Accuracy", i, epoch, acc * 100)

    test_acc = batch_accuracy(test_loader, net, num_steps)
    print(f"The total accuracy on the test set is: {test_acc * 100:.2f}%")
    series.add("The total accuracy on the test set is", i, None, test_acc * 100)
    notes = (
        "Tutorial 6's loop, printing every 10 iterations 'Epoch 0, Iteration 10 ' (a trailing "
        "space) then on the next line 'Train Loss: 2.21' (SF.ce_rate_loss, 2 decimals), then "
        "'Accuracy: 23.44%' (SF.accuracy_rate on the training minibatch, x100 as printed) and an "
        "empty line; step = the printed iteration i, epoch as printed (0-based, one epoch). After "
        "the loop 'The total accuracy on the test set is: 61.23%' (batch_accuracy over the test "
        "loader, series named by the sentence before the colon, step = the last iteration)."
    )

_truth.write(
    library=f"snntorch {metadata.version('snntorch')} (torch {torch.__version__}, numpy {np.__version__})",
    script="tests/corpus/scripts/snntorch_tutorials.py",
    record=(
        "the tutorial loop's own lists (loss_hist, test_loss_hist) and the accuracies its "
        "print_batch_accuracy / SF.accuracy_rate / batch_accuracy computed, at full precision"
    ),
    step_kind="global",
    series=series,
    notes=notes,
)
