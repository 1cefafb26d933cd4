"""A hand-written loop printing a per-epoch column table (header once, a rule, one row per epoch),
optionally with a tqdm bar over the batches drawn between the rows.

A real (tiny numpy) model is trained; 10 ms of sleep per step stands for a real step's compute so
that the bar is drawn a few times per epoch.  The script keeps exactly what it printed as truth.
Versions: tqdm 4.70.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_hand_table_pipes -- python tests/corpus/scripts/hand_table.py pipes
    python tests/corpus/scripts/capture.py pipe real_hand_table_spaces_bar -- python tests/corpus/scripts/hand_table.py spaces --bar
    python tests/corpus/scripts/capture.py pty  real_hand_table_spaces_bar_pty -- python tests/corpus/scripts/hand_table.py spaces --bar
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
from _toy import Record, Toy  # noqa: E402
from tqdm import tqdm  # noqa: E402

style = sys.argv[1]
bar = "--bar" in sys.argv
rec = Record()
toy = Toy(n=960, batch=32, lr=0.3)
EPOCHS = 5
spe = toy.steps_per_epoch

print(f"Training on 960 samples, validating on {len(toy.xv)}; {EPOCHS} epochs of {spe} steps")
if style == "pipes":
    print(" Epoch | Train Loss | Train Acc | Val Loss | Val Acc |    LR    | Time")
    print("-------+------------+-----------+----------+---------+----------+------")
else:
    print(f"{'epoch':<7}{'train_loss':<12}{'valid_loss':<12}{'accuracy':<10}{'time':<6}")
    print(f"{'-----':<7}{'----------':<12}{'----------':<12}{'--------':<10}{'-----':<6}")
t0 = time.time()
step = 0
for epoch in range(1, EPOCHS + 1):
    toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
    tot = acc_tot = 0.0
    batches = range(spe)
    if bar:
        batches = tqdm(batches, desc=f"Epoch {epoch}", leave=False)
    for _ in batches:
        step += 1
        loss, acc = toy.train_step()
        tot += loss
        acc_tot += acc
        time.sleep(0.01)
    v_loss, v_acc = toy.evaluate()
    el = int(time.time() - t0)
    tm = f"{el // 60:02d}:{el % 60:02d}"
    if style == "pipes":
        print(
            f" {epoch:5d} | {rec('Train Loss', step, epoch, tot / spe):10.4f} | {rec('Train Acc', step, epoch, acc_tot / spe):9.4f} | "
            f"{rec('Val Loss', step, epoch, v_loss):8.4f} | {rec('Val Acc', step, epoch, v_acc):7.4f} | "
            f"{rec('LR', step, epoch, toy.lr):8.2e} | {tm}"
        )
    else:
        print(
            f"{epoch:<7d}{rec('train_loss', step, epoch, tot / spe):<12.6f}{rec('valid_loss', step, epoch, v_loss):<12.6f}"
            f"{rec('accuracy', step, epoch, v_acc):<10.6f}{tm:<6}"
        )
    if bar:
        sys.stdout.flush()  # the row must land before the next epoch's bar, as a script that cares does
print(f"Saved model to /tmp/model-epoch{EPOCHS}.npz")

_truth.write(
    library="hand-written loop (print)"
    + (", tqdm 4.70.1 bar" if bar else "")
    + ", numpy 2.4.6 model",
    script="tests/corpus/scripts/hand_table.py",
    record="the values the script printed, kept by the script itself at full precision",
    step_kind="epoch",
    series=rec.series,
    extra_ok=["the tqdm bar's rate (it/s)"] if bar else [],
    notes=(
        (
            "A '|'-separated table: header ' Epoch | Train Loss | Train Acc | Val Loss | Val Acc |    LR    | "
            "Time', a rule '-------+------------+...', then one row per epoch. "
            if style == "pipes"
            else "A space-aligned table (fastai-like): header 'epoch  train_loss  valid_loss  accuracy  time', a "
            "rule of dashes per column, one row per epoch. "
        )
        + "Column names are the series names; the Epoch column is the epoch; the Time column ('00:01', "
        "elapsed mm:ss) is not a metric. Step in the truth = the global step at the epoch's end (30 per epoch, "
        "not printed). The first line 'Training on 960 samples, validating on 240; 5 epochs of 30 steps' and the "
        "last 'Saved model to /tmp/model-epoch5.npz' are not metrics."
        + (
            " A tqdm bar 'Epoch 2:  47%|████▋     | 14/30 [00:00<00:00, 91.23it/s]' (leave=False, on stderr) is "
            "drawn between the rows and erased at the epoch's end; its description, percentage and counts are "
            "not metrics. Piped, tqdm still writes its \\r redraws to stderr; stdout is flushed after each row."
            if bar
            else ""
        )
    ),
)
