"""Prints what Keras' ``model.fit(verbose=1)`` prints, without Keras: no dependencies.

Use it to see how ``mlop run`` reads Keras logs, or to try a gate on them:

    mlop run -- python examples/keras_style.py --epochs 3
    mlop check last 'val_accuracy >= 0.8'
    mlop run -- python examples/keras_style.py --keras 3      # the Keras 3 bar

Keras' progress bar (``keras.utils.Progbar``) redraws one line. On Linux it does so even into
a file or pipe, because its "dynamic display" check is true whenever the ``posix`` module is
loaded: every redraw is a run of backspaces over the previous line, then ``\\r``, then the
new line. A Slurm output file of a Keras job is full of ``\\x08`` bytes for this reason. The
final redraw of an epoch adds the validation metrics and ends with ``\\n``. This script writes
exactly those bytes:

    Epoch 1/3
       1/1875 [..............................] - ETA: 4:41 - loss: 2.3062 - accuracy: 0.0938
     ...
    1875/1875 [==============================] - 3s 1ms/step - loss: 0.2345 - accuracy: 0.9123 - val_loss: 0.1502 - val_accuracy: 0.9547

Keras 3 (``--keras 3``) draws the bar with ``━`` in ANSI colours, shows the ETA without a
label, and lists the metrics in alphabetical order.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time


def keras2_line(step: int, total: int, elapsed: float, logs: dict[str, float], done: bool) -> str:
    """One state of the Keras 2 progress bar (``Progbar.update``, ``width=30``)."""
    digits = len(str(total))
    bar = f"{step:{digits}d}/{total} ["
    filled = int(30 * step / total)
    if filled > 0:
        bar += "=" * (filled - 1) + (">" if step < total else "=")
    bar += "." * (30 - filled) + "]"
    per_step = elapsed / step
    if done:
        info = f" - {elapsed:.0f}s {per_step * 1000:.0f}ms/step"
    else:
        eta = per_step * (total - step)
        info = (
            f" - ETA: {int(eta) // 60}:{int(eta) % 60:02d}" if eta > 60 else f" - ETA: {eta:.0f}s"
        )
    return bar + info + "".join(f" - {name}: {value:.4f}" for name, value in logs.items())


def keras3_line(step: int, total: int, elapsed: float, logs: dict[str, float], done: bool) -> str:
    """One state of the Keras 3 progress bar: bold counter, green/white ``━`` bar."""
    digits = len(str(total))
    filled = int(20 * step / total)
    bar = f"\x1b[1m{step:{digits}d}/{total}\x1b[0m "
    if filled > 0:
        bar += "\x1b[32m" + "━" * filled + "\x1b[0m"
    if filled < 20:
        bar += "\x1b[37m" + "━" * (20 - filled) + "\x1b[0m"
    per_step = elapsed / step
    shown = elapsed if done else per_step * (total - step)
    info = f" \x1b[1m{shown:.0f}s\x1b[0m {per_step * 1000:.0f}ms/step"
    return bar + info + "".join(f" - {name}: {value:.4f}" for name, value in sorted(logs.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--steps", type=int, default=1875, help="batches per epoch")
    parser.add_argument("--redraws", type=int, default=12, help="bar redraws per epoch")
    parser.add_argument("--keras", choices=("2", "3"), default="2", help="Keras major version")
    parser.add_argument("--sleep", type=float, default=0.02, help="seconds between redraws")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    draw = keras2_line if args.keras == "2" else keras3_line
    out = sys.stdout
    seen = 0
    for epoch in range(args.epochs):
        out.write(f"Epoch {epoch + 1}/{args.epochs}\n")
        out.flush()
        previous = 0  # width of the line on screen, which the next redraw backspaces over
        # Keras redraws at most every 0.05 s; here at evenly spaced batches, the last one included.
        marks = sorted({1, *(args.steps * i // args.redraws for i in range(1, args.redraws + 1))})
        for step in marks:
            progress = (seen + step) / (args.epochs * args.steps)
            # Running means over the epoch so far, as Keras shows them.
            loss = 2.3 * math.exp(-4 * progress) + 0.05 + rng.gauss(0, 0.01)
            accuracy = min(0.999, 1 - 0.9 * math.exp(-5 * progress) + rng.gauss(0, 0.005))
            logs = {"loss": loss, "accuracy": accuracy}
            done = step == args.steps
            if done:
                logs["val_loss"] = loss * 0.9 + rng.random() * 0.02
                logs["val_accuracy"] = min(0.999, accuracy + 0.01 + rng.random() * 0.01)
            elapsed = 0.35 + step * 0.0016  # a first-batch warm-up, then 1.6 ms per batch
            line = draw(step, args.steps, elapsed, logs, done)
            out.write("\b" * previous + "\r" + line + ("\n" if done else ""))
            out.flush()
            previous = len(line)
            time.sleep(args.sleep)
        seen += args.steps


if __name__ == "__main__":
    main()
