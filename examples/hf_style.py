"""Prints what the Hugging Face ``Trainer`` prints, without transformers: no dependencies.

    mlop run -- python examples/hf_style.py --epochs 3
    mlop check last 'eval_loss <= 0.5' 'count(loss) >= 10'

The Trainer's ``ProgressCallback`` draws a tqdm bar on **stderr** and prints every log as the
``str()`` of a Python dict on **stdout** (through ``tqdm.write``, which first clears the bar and
then redraws it):

    {'loss': 0.6931, 'grad_norm': 1.2345, 'learning_rate': 4.5e-05, 'epoch': 0.33}
    {'eval_loss': 0.4512, 'eval_accuracy': 0.81, 'eval_runtime': 1.2345, 'eval_samples_per_second': 810.1, 'eval_steps_per_second': 51.03, 'epoch': 1.0}
    {'train_runtime': 45.67, 'train_samples_per_second': 197.1, 'train_steps_per_second': 12.32, 'train_loss': 0.4567, 'epoch': 3.0}

Losses are rounded to 4 digits and ``epoch`` to 2 by the Trainer; the learning rate is the
raw float, so its ``repr`` can be long (``1.6666666666666667e-05``). During evaluation a second
bar opens one line below the training bar (tqdm moves the cursor with ``\\n`` and ``ESC[A``) and
is erased when done (``leave=False``).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time


class Bar:
    """A minimal tqdm: redraws ``  33%|███▎      | 125/375 [00:05<00:10, 24.50it/s]`` on stderr."""

    def __init__(self, total: int, position: int = 0, rate: float = 25.0) -> None:
        self.total, self.position, self.rate, self.n = total, position, rate, 0
        self.width = 0

    def line(self) -> str:
        fraction = self.n / self.total
        eighths = int(fraction * 10 * 8)
        blocks = "█" * (eighths // 8) + (" ▏▎▍▌▋▊▉"[eighths % 8] if eighths < 80 else "")
        elapsed = self.n / self.rate
        remaining = (self.total - self.n) / self.rate
        return (
            f"{fraction * 100:3.0f}%|{blocks:<10}| {self.n}/{self.total} "
            f"[{clock(elapsed)}<{clock(remaining)}, {self.rate:.2f}it/s]"
        )

    def draw(self) -> None:
        text = self.line()
        if self.position:  # tqdm draws a nested bar below, then moves the cursor back up
            sys.stderr.write("\n" * self.position + "\r" + text + "\x1b[A" * self.position)
        else:
            sys.stderr.write("\r" + text)
        self.width = len(text)
        sys.stderr.flush()

    def update(self, n: int = 1) -> None:
        self.n += n
        self.draw()

    def clear(self) -> None:
        sys.stderr.write("\n" * self.position + "\r" + " " * self.width + "\r")
        sys.stderr.write("\x1b[A" * self.position)
        sys.stderr.flush()

    def write(self, message: str) -> None:
        """``tqdm.write``: clear the bar, print on stdout, draw the bar again."""
        self.clear()
        print(message, flush=True)
        self.draw()


def clock(seconds: float) -> str:
    return f"{int(seconds) // 60:02d}:{int(seconds) % 60:02d}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--steps-per-epoch", type=int, default=125)
    parser.add_argument("--logging-steps", type=int, default=25)
    parser.add_argument("--eval-steps", type=int, default=63, help="batches in the eval set")
    parser.add_argument("--learning-rate", type=float, default=5e-5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--sleep", type=float, default=0.002, help="seconds per step")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    total = args.epochs * args.steps_per_epoch
    bar = Bar(total)
    bar.draw()
    losses: list[float] = []
    running = 0.0
    for step in range(1, total + 1):
        time.sleep(args.sleep)
        loss = 0.35 + 0.35 * math.exp(-3 * step / total) + rng.gauss(0, 0.03)
        running += loss
        losses.append(loss)
        bar.update()
        if step % args.logging_steps == 0:
            # The Trainer logs the mean loss since the last log, and the scheduler's current lr
            # (linear decay to zero, no warm-up).
            logs = {
                "loss": round(running / args.logging_steps, 4),
                "grad_norm": abs(rng.gauss(1.5, 0.4)),
                "learning_rate": args.learning_rate * (1 - step / total),
                "epoch": round(step / args.steps_per_epoch, 2),
            }
            running = 0.0
            bar.write(str(logs))
        if step % args.steps_per_epoch == 0:
            evaluate(bar, args, rng, epoch=step / args.steps_per_epoch)
    runtime = total / bar.rate + args.epochs * args.eval_steps / 51.0
    samples = total * args.batch_size
    bar.write(
        str(
            {
                "train_runtime": round(runtime, 4),
                "train_samples_per_second": round(samples / runtime, 3),
                "train_steps_per_second": round(total / runtime, 3),
                "train_loss": sum(losses) / len(losses),
                "epoch": float(args.epochs),
            }
        )
    )
    sys.stderr.write("\n")  # the bar is closed with leave=True: its last state stays


def evaluate(train_bar: Bar, args: argparse.Namespace, rng: random.Random, epoch: float) -> None:
    """The evaluation loop: a nested bar, erased at the end, then the metrics dict."""
    bar = Bar(args.eval_steps, position=1, rate=51.0)
    for _ in range(args.eval_steps):
        bar.update()
    bar.clear()
    eval_loss = 0.3 + 0.3 * math.exp(-epoch) + rng.random() * 0.01
    runtime = args.eval_steps / bar.rate
    samples = args.eval_steps * args.batch_size
    train_bar.write(
        str(
            {
                "eval_loss": eval_loss,
                "eval_accuracy": round(0.95 - eval_loss / 3, 4),
                "eval_runtime": round(runtime, 4),
                "eval_samples_per_second": round(samples / runtime, 3),
                "eval_steps_per_second": round(args.eval_steps / runtime, 3),
                "epoch": epoch,
            }
        )
    )


if __name__ == "__main__":
    main()
