"""A dependency-free, training-like script: it prints metrics for a few seconds.

Run it under mlop:

    mlop run -- python examples/quickstart.py --lr 0.05 --epochs 3
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--steps-per-epoch", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sleep", type=float, default=0.03, help="seconds per step")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"Training with {args}", flush=True)
    step = 0
    loss = 2.5
    for epoch in range(args.epochs):
        for _ in range(args.steps_per_epoch):
            step += 1
            loss = max(0.05, loss * (1 - args.lr * 0.3) + rng.gauss(0, 0.02))
            acc = 1 - math.exp(-step / 40) * 0.9
            if step % 5 == 0:
                print(
                    f"epoch={epoch} step={step} loss={loss:.4f} acc={acc:.4f} lr={args.lr}",
                    flush=True,
                )
            time.sleep(args.sleep)
        val_loss = loss * 1.1 + rng.random() * 0.01
        print(f"Epoch {epoch}: val_loss: {val_loss:.4f} - val_acc: {acc - 0.02:.4f}", flush=True)
    print("done", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
