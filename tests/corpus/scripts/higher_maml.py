"""higher (facebookresearch/higher): its MAML example, examples/maml-omniglot.py, as shipped
(train()/test()/plot() and the printed lines unchanged), on synthetic Omniglot-shaped data:

    DB: train (64, 20, 1, 28, 28) test (32, 20, 1, 28, 28)
    [Epoch 0.00] Train Loss: 1.61 | Acc: 20.00 | Time: 0.41
    [Epoch 0.50] Train Loss: 1.48 | Acc: 37.50 | Time: 0.40
    [Epoch 1.00] Test Loss: 1.37 | Acc: 45.62
    --- Plotting accuracy to maml-accs.png

The example's OmniglotNShot loader (examples/support/omniglot_loaders.py) downloads Omniglot; here
a small stand-in with the same interface (x_train / x_test of shape [classes, 20, 1, 28, 28],
batchsz, next(mode)) draws classes of noisy prototypes, and prints the loader's own
'DB: train <shape> test <shape>' line. Smaller than the example: 3 epochs (not 100), meta-batch of
4 tasks (not 32), 5-way 1-shot with 5 queries, 64 training / 32 test classes, 16 channels.

Truth: the example's own record, the `log` list it appends one dict per training batch and per test
(epoch fractional, loss, acc in percent, mode); only the printed entries (every 4th training batch,
every test). 'Train Loss' and its 'Acc' come from mode == 'train'; 'Test Loss' and its 'Acc' from
mode == 'test': two accuracies printed under the same word, named 'Train Acc' / 'Test Acc' here.
'Time' is the batch's wall time (extra_ok).

Versions: higher 0.2.1, torch 2.13.0 (CPU), matplotlib 3.11.2, pandas 3.1.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAS-1):
    python tests/corpus/scripts/capture.py pipe real_higher_maml -- \
        /work/venvs/corpus-zAS-1/bin/python tests/corpus/scripts/higher_maml.py
(plain prints only: no pty twin.)
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import matplotlib as mpl
import numpy as np
import pandas as pd

mpl.use("Agg")
import higher
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
import torch.optim as optim
from torch import nn

plt.style.use("bmh")
torch.set_num_threads(1)
WORK = "/tmp/corpus-zAS/higher"
os.makedirs(WORK, exist_ok=True)
os.chdir(WORK)  # plot() writes maml-accs.png in the working directory


class OmniglotNShot:
    """Stand-in for the example's loader: same attributes and next(); synthetic classes."""

    def __init__(self, batchsz, n_way, k_shot, k_query, imgsz, device):
        rng = np.random.RandomState(0)
        protos = rng.rand(96, 1, 1, imgsz, imgsz).astype(np.float32)
        noise = 0.35 * rng.randn(96, 20, 1, imgsz, imgsz).astype(np.float32)
        x = protos + noise
        self.x_train, self.x_test = x[:64], x[64:]
        self.batchsz, self.n_cls = batchsz, x.shape[0]
        self.n_way, self.k_shot, self.k_query = n_way, k_shot, k_query
        self.device = device
        self.rng = np.random.RandomState(1)
        print("DB: train", self.x_train.shape, "test", self.x_test.shape)

    def next(self, mode="train"):
        data = self.x_train if mode == "train" else self.x_test
        xs, ys, xq, yq = [], [], [], []
        for _ in range(self.batchsz):
            classes = self.rng.choice(data.shape[0], self.n_way, replace=False)
            s, q, sy, qy = [], [], [], []
            for j, c in enumerate(classes):
                idx = self.rng.choice(20, self.k_shot + self.k_query, replace=False)
                s.append(data[c, idx[: self.k_shot]])
                q.append(data[c, idx[self.k_shot :]])
                sy += [j] * self.k_shot
                qy += [j] * self.k_query
            xs.append(np.concatenate(s))
            xq.append(np.concatenate(q))
            ys.append(sy)
            yq.append(qy)
        t = torch.from_numpy
        return (
            t(np.stack(xs)).to(self.device),
            torch.tensor(ys).to(self.device),
            t(np.stack(xq)).to(self.device),
            torch.tensor(yq).to(self.device),
        )


def main():
    seed = 1
    torch.manual_seed(seed)
    np.random.seed(seed)

    device = torch.device("cpu")
    db = OmniglotNShot(batchsz=4, n_way=5, k_shot=1, k_query=5, imgsz=28, device=device)

    net = nn.Sequential(
        nn.Conv2d(1, 16, 3),
        nn.BatchNorm2d(16, momentum=1, affine=True),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2, 2),
        nn.Conv2d(16, 16, 3),
        nn.BatchNorm2d(16, momentum=1, affine=True),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2, 2),
        nn.Conv2d(16, 16, 3),
        nn.BatchNorm2d(16, momentum=1, affine=True),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2, 2),
        Flatten(),
        nn.Linear(16, 5),
    ).to(device)

    meta_opt = optim.Adam(net.parameters(), lr=1e-3)

    log = []
    for epoch in range(3):
        train(db, net, device, meta_opt, epoch, log)
        test(db, net, device, epoch, log)
        plot(log)
    return log


def train(db, net, device, meta_opt, epoch, log):
    net.train()
    n_train_iter = db.x_train.shape[0] // db.batchsz

    for batch_idx in range(n_train_iter):
        start_time = time.time()
        x_spt, y_spt, x_qry, y_qry = db.next()

        task_num, setsz, c_, h, w = x_spt.size()
        querysz = x_qry.size(1)

        n_inner_iter = 5
        inner_opt = torch.optim.SGD(net.parameters(), lr=1e-1)

        qry_losses = []
        qry_accs = []
        meta_opt.zero_grad()
        for i in range(task_num):
            with higher.innerloop_ctx(net, inner_opt, copy_initial_weights=False) as (
                fnet,
                diffopt,
            ):
                for _ in range(n_inner_iter):
                    spt_logits = fnet(x_spt[i])
                    spt_loss = F.cross_entropy(spt_logits, y_spt[i])
                    diffopt.step(spt_loss)

                qry_logits = fnet(x_qry[i])
                qry_loss = F.cross_entropy(qry_logits, y_qry[i])
                qry_losses.append(qry_loss.detach())
                qry_acc = (qry_logits.argmax(dim=1) == y_qry[i]).sum().item() / querysz
                qry_accs.append(qry_acc)

                qry_loss.backward()

        meta_opt.step()
        qry_losses = sum(qry_losses) / task_num
        qry_accs = 100.0 * sum(qry_accs) / task_num
        i = epoch + float(batch_idx) / n_train_iter
        iter_time = time.time() - start_time
        if batch_idx % 4 == 0:
            print(
                f"[Epoch {i:.2f}] Train Loss: {qry_losses:.2f} | Acc: {qry_accs:.2f} | Time: {iter_time:.2f}"
            )

        log.append(
            {
                "epoch": i,
                "loss": qry_losses,
                "acc": qry_accs,
                "mode": "train",
                "time": time.time(),
                "printed": batch_idx % 4 == 0,
            }
        )


def test(db, net, device, epoch, log):
    net.train()
    n_test_iter = db.x_test.shape[0] // db.batchsz

    qry_losses = []
    qry_accs = []

    for _batch_idx in range(n_test_iter):
        x_spt, y_spt, x_qry, y_qry = db.next("test")

        task_num, setsz, c_, h, w = x_spt.size()
        x_qry.size(1)

        n_inner_iter = 5
        inner_opt = torch.optim.SGD(net.parameters(), lr=1e-1)

        for i in range(task_num):
            with higher.innerloop_ctx(net, inner_opt, track_higher_grads=False) as (
                fnet,
                diffopt,
            ):
                for _ in range(n_inner_iter):
                    spt_logits = fnet(x_spt[i])
                    spt_loss = F.cross_entropy(spt_logits, y_spt[i])
                    diffopt.step(spt_loss)

                qry_logits = fnet(x_qry[i]).detach()
                qry_loss = F.cross_entropy(qry_logits, y_qry[i], reduction="none")
                qry_losses.append(qry_loss.detach())
                qry_accs.append((qry_logits.argmax(dim=1) == y_qry[i]).detach())

    qry_losses = torch.cat(qry_losses).mean().item()
    qry_accs = 100.0 * torch.cat(qry_accs).float().mean().item()
    print(f"[Epoch {epoch + 1:.2f}] Test Loss: {qry_losses:.2f} | Acc: {qry_accs:.2f}")
    log.append(
        {
            "epoch": epoch + 1,
            "loss": qry_losses,
            "acc": qry_accs,
            "mode": "test",
            "time": time.time(),
            "printed": True,
        }
    )


def plot(log):
    df = pd.DataFrame(log)

    fig, ax = plt.subplots(figsize=(6, 4))
    train_df = df[df["mode"] == "train"]
    test_df = df[df["mode"] == "test"]
    ax.plot(train_df["epoch"], train_df["acc"], label="Train")
    ax.plot(test_df["epoch"], test_df["acc"], label="Test")
    ax.set_xlabel("Epoch")
    ax.set_ylabel("Accuracy")
    ax.set_ylim(70, 100)
    fig.legend(ncol=2, loc="lower right")
    fig.tight_layout()
    fname = "maml-accs.png"
    print(f"--- Plotting accuracy to {fname}")
    fig.savefig(fname)
    plt.close(fig)


class Flatten(nn.Module):
    def forward(self, input):
        return input.view(input.size(0), -1)


if __name__ == "__main__":
    log = main()
    series = _truth.Series()
    for row in log:
        if not row["printed"]:
            continue
        phase = "Train" if row["mode"] == "train" else "Test"
        series.add(f"{phase} Loss", None, row["epoch"], float(row["loss"]))
        series.add(f"{phase} Acc", None, row["epoch"], float(row["acc"]))
    _truth.write(
        library="higher 0.2.1 (torch 2.13.0)",
        script="tests/corpus/scripts/higher_maml.py",
        record="the MAML example's own `log` list (one dict per training batch and per test: "
        "epoch, loss, acc, mode), printed entries only",
        step_kind="epoch",
        series=series,
        extra_ok=["Time (wall seconds of the training batch)"],
        not_printed=["the log's unprinted training batches (3 of every 4)", "time stamps"],
        notes=(
            "higher's examples/maml-omniglot.py unchanged but for size and a synthetic stand-in "
            "for its OmniglotNShot loader (which prints 'DB: train (64, 20, 1, 28, 28) test (32, "
            "20, 1, 28, 28)': class count, samples per class, channels, image size - shapes, not "
            "metrics). Training lines '[Epoch 0.50] Train Loss: 1.48 | Acc: 37.50 | Time: 0.40' "
            "(epoch as the example counts it, fractional: epoch + batch/n_batches, printed every "
            "4th batch of 16); after each epoch '[Epoch 1.00] Test Loss: 1.37 | Acc: 45.62' (the "
            "test line's epoch is epoch+1, so the first test shares '1.00' with the second "
            "epoch's first training line). The word 'Acc' follows both 'Train Loss' and 'Test "
            "Loss': they are two accuracies (training query-set accuracy of one meta-batch vs "
            "mean test query accuracy), named here 'Train Acc' and 'Test Acc'; one 'Acc' series "
            "with both is a merge. Acc is in percent as printed (the log holds percent too). "
            "'--- Plotting accuracy to maml-accs.png' after every test."
        ),
    )
