"""A hand-written loop that logs to Weights & Biases (offline mode, no network) and prints one
line per epoch; wandb closes the run with its 'Run history' sparklines and 'Run summary' table,
every line prefixed 'wandb: '.

Versions: wandb 0.31.0, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_hand_wandb_offline -- python tests/corpus/scripts/hand_wandb.py
    python tests/corpus/scripts/capture.py pty  real_hand_wandb_offline_pty -- python tests/corpus/scripts/hand_wandb.py
Truth: what the script printed, and for the summary the last value wandb.log was given for each
key (wandb's summary is by definition that value), with the step it was logged at.
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import wandb  # noqa: E402
from _toy import Record, Toy  # noqa: E402

rec = Record()
toy = Toy(n=960, batch=32, lr=0.3)
spe = toy.steps_per_epoch
EPOCHS = 4
work = tempfile.mkdtemp(prefix="wandb-")
run = wandb.init(
    mode="offline",
    project="corpus",
    dir=work,
    config={"lr": 0.3, "batch_size": 32, "epochs": EPOCHS},
)
last = {}  # key -> (step, value) last handed to wandb.log
step = 0
for epoch in range(1, EPOCHS + 1):
    toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
    tot = 0.0
    for _ in range(spe):
        step += 1
        loss, acc = toy.train_step()
        tot += loss
        wandb.log({"train/loss": loss, "train/acc": acc, "lr": toy.lr}, step=step)
        last.update({"train/loss": (step, loss), "train/acc": (step, acc), "lr": (step, toy.lr)})
    v_loss, v_acc = toy.evaluate()
    wandb.log({"val/loss": v_loss, "val/acc": v_acc, "epoch": epoch}, step=step)
    last.update({"val/loss": (step, v_loss), "val/acc": (step, v_acc), "epoch": (step, epoch)})
    print(
        f"epoch {epoch}: train_loss {rec('train_loss', step, epoch, tot / spe):.4f}, "
        f"val/loss {rec('val/loss', step, epoch, v_loss):.4f}, val/acc {rec('val/acc', step, epoch, v_acc):.4f}"
    )
run.finish()
shutil.rmtree(work, ignore_errors=True)

# the summary: one point per key at the step of its last log, unless it is already the last point
# printed for that name (val/loss, val/acc: the same value at the same step, not a new point)
for key in sorted(last):
    if key == "epoch":
        continue
    s, v = last[key]
    pts = rec.series.get(key, {}).get("points", [])
    if pts and pts[-1][0] == s and pts[-1][2] == v:
        continue
    rec(key, s, None, v)

_truth.write(
    library=f"hand-written loop, wandb {wandb.__version__} (offline)",
    script="tests/corpus/scripts/hand_wandb.py",
    record="the values the script printed; for wandb's Run summary, the last value handed to wandb.log per key",
    step_kind="global",
    series=rec.series,
    notes=(
        "Per epoch the script prints 'epoch 2: train_loss 0.3624, val/loss 0.3758, val/acc 0.8708' (step = the "
        "global step at the epoch's end, not printed). wandb's own lines all start 'wandb: ' (coloured under a "
        "terminal). At the end: 'wandb: Run history:' then one line per key with a sparkline "
        "('wandb: train/loss █▄▃▂▂▂▂▂▁▁') - no numbers; then 'wandb: Run summary:' and right-aligned key/value "
        "rows ('wandb: train/loss 0.23456', 5 significant digits) holding each key's LAST logged value: for "
        "val/loss and val/acc that is the last epoch's printed value (same step: not a new point); train/loss, "
        "train/acc and lr are only shown there (one point each, at the step of their last log: wandb keeps "
        "_step, the console does not show it). The summary's 'epoch 4' is a counter. Banners: 'wandb: "
        "Tracking run with wandb version 0.31.0', the offline directory and sync hints."
    ),
)
