"""A hand-written loop whose training diverges after a learning-rate bump: losses jump, numpy
prints overflow warnings, and the loss becomes nan (printed as 'nan').

A real (tiny numpy) model is trained; the script keeps exactly what it printed as ground truth
(nan values are written as the string "nan" in the truth, JSON having no NaN).
Versions: numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_hand_diverge_nan -- python tests/corpus/scripts/hand_diverge.py
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
from _toy import Toy  # noqa: E402

series = _truth.Series()
toy = Toy(n=960, batch=32, lr=0.3)
print(f"Starting training: 140 steps, lr={toy.lr}")
for step in range(1, 141):
    if step == 40:
        toy.lr = 2000.0
        print(f"Bumping the learning rate to {toy.lr} at step {step} (warm restart)")
    loss, acc = toy.train_step()
    if step % 10 == 0:
        series.add("loss", step, None, loss)
        series.add("acc", step, None, acc)
        series.add("lr", step, None, toy.lr)
        print(f"step {step:4d} | loss {loss:.4f} | acc {acc:.3f} | lr {toy.lr:g}", flush=True)
    if step % 40 == 0:
        v_loss, v_acc = toy.evaluate()
        series.add("val_loss", step, None, v_loss)
        series.add("val_acc", step, None, v_acc)
        print(f"eval @ step {step}: val_loss={v_loss:.4f} val_acc={v_acc:.4f}", flush=True)
    if step % 10 == 0 and math.isnan(loss):
        print("Non-finite loss, stopping early.")
        break

_truth.write(
    library="hand-written loop (print), numpy 2.4.6 model",
    script="tests/corpus/scripts/hand_diverge.py",
    record="the values the script printed, kept by the script itself at full precision (nan as the string 'nan')",
    step_kind="global",
    series=series,
    notes=(
        "'step   50 | loss 8.5627 | acc 0.469 | lr 2000' every 10 steps (the step right-aligned in 4 columns), "
        "'eval @ step 40: val_loss=0.4361 val_acc=0.8208' every 40 steps (the step after '@ step'). At step 40 "
        "the learning rate jumps to 2000 ('Bumping the learning rate to 2000.0 at step 40 (warm restart)' is a "
        "message, not a metric) and training diverges: numpy's RuntimeWarnings (overflow encountered in exp / "
        "matmul, invalid value) go to stderr with a source line number, then the loss prints as 'nan' and "
        "'Non-finite loss, stopping early.' ends the loop. nan points are real points of their series (the "
        "value is nan), given here as the string \"nan\". The first line 'Starting training: 140 steps, lr=0.3' "
        "is configuration."
    ),
)
