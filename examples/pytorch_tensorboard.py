"""A PyTorch training loop that logs to TensorBoard with ``SummaryWriter``: no mlop import.

    pip install torch tensorboard
    mlop run -- python examples/pytorch_tensorboard.py --epochs 5 --lr 0.05
    mlop show last                       # train/loss, val/acc, weights/* and grads/* histograms

The script knows nothing of mlop. ``SummaryWriter()`` writes ``runs/<date>_<host>/events...``
under the working directory, which ``mlop run`` watches; scalars become metrics (source
``tensorboard``), and ``add_histogram`` calls become histograms. The progress line printed
each epoch is parsed too (``train_loss``, ``val_loss``, ``val_acc``, source ``console``).
Hyperparameters come from the command line (``--lr 0.05`` is the param ``lr``).
"""

from __future__ import annotations

import argparse
import time

import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter


def make_data(n: int, features: int, generator: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Random inputs; the label is the sign of a fixed random projection, so it is learnable."""
    x = torch.randn(n, features, generator=generator)
    w = torch.randn(features, generator=generator)
    y = (x @ w > 0).long()
    return x, y


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--logdir", default=None, help="default: runs/<date>_<host>")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    generator = torch.Generator().manual_seed(args.seed)
    x, y = make_data(1024, 20, generator)
    x_train, y_train, x_val, y_val = x[:768], y[:768], x[768:], y[768:]
    model = nn.Sequential(nn.Linear(20, args.hidden), nn.ReLU(), nn.Linear(args.hidden, 2))
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    writer = SummaryWriter(log_dir=args.logdir)

    step = 0
    for epoch in range(args.epochs):
        start = time.monotonic()
        model.train()
        order = torch.randperm(len(x_train), generator=generator)
        total = 0.0
        for begin in range(0, len(order), args.batch_size):
            batch = order[begin : begin + args.batch_size]
            optimizer.zero_grad()
            loss = loss_fn(model(x_train[batch]), y_train[batch])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
            writer.add_scalar("train/loss", loss.item(), step)
            step += 1
        # Gradients are those of the last batch: enough to see vanishing or exploding ones.
        for name, parameter in model.named_parameters():
            writer.add_histogram(f"weights/{name}", parameter.detach(), epoch)
            if parameter.grad is not None:
                writer.add_histogram(f"grads/{name}", parameter.grad, epoch)

        model.eval()
        with torch.no_grad():
            logits = model(x_val)
            val_loss = loss_fn(logits, y_val).item()
            val_acc = (logits.argmax(dim=1) == y_val).float().mean().item()
        writer.add_scalar("val/loss", val_loss, epoch)
        writer.add_scalar("val/acc", val_acc, epoch)
        writer.flush()  # make this epoch visible to TensorBoard (and mlop) now
        train_loss = total / len(x_train)
        print(
            f"epoch {epoch + 1}/{args.epochs} train_loss={train_loss:.4f} "
            f"val_loss={val_loss:.4f} val_acc={val_acc:.4f} ({time.monotonic() - start:.2f}s)",
            flush=True,
        )
    writer.add_hparams(
        {"lr": args.lr, "hidden": args.hidden, "batch_size": args.batch_size},
        {"hparam/val_acc": val_acc},
    )
    writer.close()


if __name__ == "__main__":
    main()
