"""A plain loop with a tqdm bar per epoch showing set_postfix(loss=..., acc=...) and a
tqdm.write() validation line after each epoch.

A real (tiny numpy) model is trained; 10 ms of sleep per step stands for a real step's compute so
tqdm redraws a few times per epoch.  tqdm.display is wrapped to note each bar state actually drawn
(position and the values behind its postfix): those are the printed points.
Versions: tqdm 4.70.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_hand_tqdm_postfix -- python tests/corpus/scripts/hand_tqdm.py
    python tests/corpus/scripts/capture.py pty  real_hand_tqdm_postfix_pty -- python tests/corpus/scripts/hand_tqdm.py
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
from _toy import Record, Toy  # noqa: E402
from tqdm import tqdm  # noqa: E402

rec = Record()
toy = Toy(n=960, batch=32, lr=0.3)
EPOCHS = 4
spe = toy.steps_per_epoch
DRAWN = {}  # (epoch, position) -> values behind the postfix shown there (a redraw: same point)
CURRENT = {}


class Bar(tqdm):
    def display(self, msg=None, pos=None):
        if CURRENT.get("epoch") is not None and self.postfix:
            DRAWN[(CURRENT["epoch"], self.n)] = dict(CURRENT["values"])
        return super().display(msg, pos)


print("Using device: cpu")
step = 0
for epoch in range(1, EPOCHS + 1):
    toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
    CURRENT["epoch"] = epoch
    with Bar(total=spe, desc=f"Epoch {epoch}/{EPOCHS}") as pbar:
        for _ in range(spe):
            step += 1
            loss, acc = toy.train_step()
            time.sleep(0.01)
            CURRENT["values"] = {"loss": loss, "acc": acc}
            pbar.set_postfix(loss=loss, acc=acc, refresh=False)
            pbar.update(1)
    CURRENT["epoch"] = None
    v_loss, v_acc = toy.evaluate()
    tqdm.write(f"Epoch {epoch}: val_loss={v_loss:.4f} val_acc={v_acc:.4f}")
    rec_val = (v_loss, v_acc, step)
    # the bar points of this epoch first (print order), then the validation line
    for (ep, pos), vals in sorted(DRAWN.items()):
        if ep == epoch:
            rec("loss", (epoch - 1) * spe + pos, epoch, vals["loss"])
            rec("acc", (epoch - 1) * spe + pos, epoch, vals["acc"])
    rec("val_loss", step, epoch, v_loss)
    rec("val_acc", step, epoch, v_acc)
print("Saving checkpoint to ckpt-final.pt")

_truth.write(
    library="hand-written loop, tqdm 4.70.1, numpy 2.4.6 model",
    script="tests/corpus/scripts/hand_tqdm.py",
    record="the bar states tqdm drew (tqdm.display wrapped) with the full-precision values behind each postfix, "
    "and the values of the tqdm.write lines",
    step_kind="global",
    series=rec.series,
    extra_ok=["the bar's rate (it/s)"],
    notes=(
        "'Epoch 2/4:  47%|████▋     | 14/30 [00:00<00:00, 91.23it/s, loss=0.382, acc=0.844]': postfix values "
        "as tqdm formats them (3 significant digits); step = (epoch-1) x 30 + the bar position n (the loop sets "
        "the postfix then calls update(1), so the drawn postfix belongs to the batch at that position). One point "
        "per drawn position (tqdm redraws a position when tqdm.write clears and restores the bar: same point). "
        "Each epoch's bar is left on screen (leave=True) at 30/30. After it 'Epoch 2: val_loss=0.3758 "
        "val_acc=0.8708' (tqdm.write) at the epoch's last step. The bar's description 'Epoch 2/4', its "
        "percentage and counts are not metrics; 'Using device: cpu' and 'Saving checkpoint to ckpt-final.pt' "
        "neither. Piped, tqdm writes to stderr with \\r redraws; stdout is block-buffered, so the tqdm.write "
        "lines (stdout) may land after the bars in the file."
    ),
)
