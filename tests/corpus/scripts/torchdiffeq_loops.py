"""Hand-written neural-ODE training loops on torchdiffeq, printing like torchdiffeq's own examples.

`demo`: fit an ODE to a synthetic spiral trajectory (the shape of examples/ode_demo.py: a first line
'running with niters (epochs) = 300', then 'Iter 0020 | Total Loss 0.412345' every 20 iterations, the loss of the
whole trajectory integrated from its start). `odenet`: an ODE block classifier on synthetic 2-D points (the shape of
examples/odenet_mnist.py's log: 'Epoch 0001 | Time 0.031 (0.035) | NFE-F 26.0 | NFE-B 0.0 | Train Acc 0.8125 |
Test Acc 0.7969', through the logging module, after a 'Number of parameters: 4,162' line).
Both loops are ours (no example code copied), trained for real on synthetic data.

Versions: torchdiffeq 0.2.5, torch 2.13.0 (CPU), numpy 2.4.6, Python 3.11.
Venv /work/venvs/corpus-zk-1: `pip install torch==2.13.0`, then `pip install torchdiffeq` (no other torch).
Captures (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_hand_torchdiffeq_demo -- python tests/corpus/scripts/torchdiffeq_loops.py demo
    python tests/corpus/scripts/capture.py pipe real_hand_torchdiffeq_odenet -- python tests/corpus/scripts/torchdiffeq_loops.py odenet
Truth: the loops' own list of what they printed, at full precision.
"""

import logging
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import torch
from torch import nn
from torchdiffeq import odeint

MODE = sys.argv[1] if len(sys.argv) > 1 else "demo"


class Meter:
    """An exponential running average, as the examples keep for time and NFE."""

    def __init__(self, momentum=0.97):
        self.momentum, self.val, self.avg = momentum, None, 0.0

    def update(self, val):
        self.avg = val if self.val is None else self.avg * self.momentum + val * (1 - self.momentum)
        self.val = val


def demo(series):
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    n_points, horizon, batch, niters, every = 400, 10, 16, 300, 20
    y0 = torch.tensor([[2.0, 0.0]])
    ts = torch.linspace(0.0, 10.0, n_points)
    spiral = torch.tensor([[-0.1, 2.0], [-2.0, -0.1]])
    with torch.no_grad():
        truth = odeint(lambda t, y: (y**3) @ spiral, y0, ts, method="dopri5")

    class Field(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 2))

        def forward(self, t, y):
            return self.net(y**3)

    field = Field()
    opt = torch.optim.RMSprop(field.parameters(), lr=3e-3)
    print(f"running with niters (epochs) = {niters}")
    for itr in range(1, niters + 1):
        start = torch.from_numpy(rng.choice(n_points - horizon, batch, replace=False))
        batch_y = torch.stack([truth[start + i] for i in range(horizon)], dim=0)
        pred = odeint(field, truth[start], ts[:horizon])
        loss = (pred - batch_y).abs().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        if itr % every == 0:
            with torch.no_grad():
                total = (odeint(field, y0, ts) - truth).abs().mean().item()
            print(f"Iter {itr:04d} | Total Loss {total:.6f}")
            series.add("Total Loss", itr, None, total)
    return (
        "global",
        [],
        (
            "'running with niters (epochs) = 300' (a setting), then every 20 iterations 'Iter 0020 | Total Loss "
            "0.412345' (zero-padded iteration = the step; the mean absolute error of the whole trajectory "
            "integrated from its start, 6 decimals)."
        ),
    )


def odenet(series):
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logger = logging.getLogger("odenet")
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(640, 2, generator=g)
    y = ((x[:, 0] ** 2 + x[:, 1] ** 2) > 1.2).long()
    x_train, y_train, x_test, y_test = x[:512], y[:512], x[512:], y[512:]

    class Dynamics(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Linear(17, 64), nn.Tanh(), nn.Linear(64, 16))
            self.nfe = 0

        def forward(self, t, h):
            self.nfe += 1
            return self.net(torch.cat([h, t.expand(h.shape[0], 1)], dim=1))

    class ODEBlock(nn.Module):
        def __init__(self, dynamics):
            super().__init__()
            self.dynamics = dynamics
            self.span = torch.tensor([0.0, 1.0])

        def forward(self, h):
            return odeint(self.dynamics, h, self.span, rtol=1e-3, atol=1e-3)[1]

    dynamics = Dynamics()
    model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), ODEBlock(dynamics), nn.Linear(16, 2))
    logger.info(model)
    logger.info(f"Number of parameters: {sum(p.numel() for p in model.parameters()):,}")
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss_fn = nn.CrossEntropyLoss()
    batches_per_epoch, bs = 8, 64
    time_meter, f_nfe, b_nfe = Meter(), Meter(), Meter()
    end = time.time()

    def accuracy(xs, ys):
        with torch.no_grad():
            return (model(xs).argmax(1) == ys).float().mean().item()

    for itr in range(1, 6 * batches_per_epoch + 1):
        i = (itr - 1) % batches_per_epoch
        xb, yb = x_train[i * bs : (i + 1) * bs], y_train[i * bs : (i + 1) * bs]
        dynamics.nfe = 0
        loss = loss_fn(model(xb), yb)
        f_nfe.update(dynamics.nfe)
        dynamics.nfe = 0
        opt.zero_grad()
        loss.backward()
        b_nfe.update(dynamics.nfe)
        opt.step()
        time_meter.update(time.time() - end)
        if itr % batches_per_epoch == 0:
            epoch = itr // batches_per_epoch
            train_acc, test_acc = accuracy(x_train, y_train), accuracy(x_test, y_test)
            logger.info(
                f"Epoch {epoch:04d} | Time {time_meter.val:.3f} ({time_meter.avg:.3f}) | NFE-F {f_nfe.avg:.1f} | NFE-B {b_nfe.avg:.1f} | Train Acc {train_acc:.4f} | "
                f"Test Acc {test_acc:.4f}"
            )
            series.add("Train Acc", itr, epoch, train_acc)
            series.add("Test Acc", itr, epoch, test_acc)
        end = time.time()
    return (
        "epoch",
        [
            "Time (seconds of the last batch, then their running average in parentheses)",
            "NFE-F (running average of the ODE solver's function evaluations per forward pass)",
            "NFE-B (the same for the backward pass)",
        ],
        (
            "logging (format '%(message)s'): print(model)'s module tree, 'Number of parameters: 1,234' (a count), "
            "then per epoch 'Epoch 0001 | Time 0.031 (0.035) | NFE-F 26.0 | NFE-B 0.0 | Train Acc 0.8125 | Test "
            "Acc 0.7969'. Time is the last batch's seconds and its running average; NFE-F / NFE-B are running "
            "averages of the solver's function evaluations per pass (the solver cost the neural-ODE literature "
            "tracks; NFE-B is 0.0 here: backprop through the solver, no adjoint); all three are extra_ok, not "
            "series. Train/Test Acc are accuracies on the whole train/test set after the epoch (4 decimals). "
            "Epoch as printed (1-based); step = the iteration at the epoch's end (8 batches per epoch), not printed."
        ),
    )


def main():
    series = _truth.Series()
    step_kind, extra_ok, notes = demo(series) if MODE == "demo" else odenet(series)
    import torchdiffeq

    _truth.write(
        library=f"torchdiffeq {torchdiffeq.__version__} (torch {torch.__version__}, numpy {np.__version__})",
        script="tests/corpus/scripts/torchdiffeq_loops.py",
        record="the loop's list of the values it printed (full precision)",
        step_kind=step_kind,
        series=series,
        extra_ok=extra_ok,
        not_printed=[],
        notes=notes,
    )


if __name__ == "__main__":
    main()
