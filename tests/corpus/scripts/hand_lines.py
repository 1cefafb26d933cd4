"""Hand-written training loops printing one line per step or epoch, in the common styles.

A real (tiny numpy) model is trained; the script prints with plain print() as ML engineers write
it, and keeps exactly what it printed (full-precision values) as the ground truth.
Versions: numpy 2.4.6, Python 3.11 (no training library).
Capture (repository root, venv active), one entry per style:
    python tests/corpus/scripts/capture.py pipe real_hand_epoch_pipes -- python tests/corpus/scripts/hand_lines.py pipes
    python tests/corpus/scripts/capture.py pipe real_hand_epoch_step_brackets -- python tests/corpus/scripts/hand_lines.py brackets
    python tests/corpus/scripts/capture.py pipe real_hand_step_words -- python tests/corpus/scripts/hand_lines.py words
    python tests/corpus/scripts/capture.py pipe real_hand_step_colon -- python tests/corpus/scripts/hand_lines.py colon
    python tests/corpus/scripts/capture.py pipe real_hand_no_step_pipes -- python tests/corpus/scripts/hand_lines.py nostep
    python tests/corpus/scripts/capture.py pipe real_hand_train_val_lines -- python tests/corpus/scripts/hand_lines.py trainval
    python tests/corpus/scripts/capture.py pipe real_hand_train_val_labels -- python tests/corpus/scripts/hand_lines.py labels
    python tests/corpus/scripts/capture.py pipe real_hand_cr_progress -- python tests/corpus/scripts/hand_lines.py cr
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
from _toy import Record, Toy  # noqa: E402

style = sys.argv[1]
toy = Toy(n=960, batch=32, lr=0.3)
rec = Record()
EPOCHS = 6
SPE = toy.steps_per_epoch  # 30


def lr_at(epoch):  # step decay, as schedulers do
    return 0.3 * (0.5 ** ((epoch - 1) // 2))


# the noise every real script prints: none of it is a metric
print("Using device: cpu")
print(f"Loading data from /tmp/corpus-data (960 samples, {len(toy.xv)} for validation)")
print("Model: MLP(16 -> 32 -> 1), 577 parameters")
print(f"batch size: 32, steps per epoch: {SPE}, tokens per iteration will be: {32 * 16}")
print(f"Initial learn rate: {lr_at(1)}")

step = 0
best = (None, None)
for epoch in range(1, EPOCHS + 1):
    toy.lr = lr_at(epoch)
    run_loss = run_acc = 0.0
    for i in range(1, SPE + 1):
        step += 1
        loss, acc = toy.train_step()
        run_loss += loss
        run_acc += acc
        if style == "brackets" and i % 10 == 0:
            print(
                f"Epoch [{epoch}/{EPOCHS}], Step [{i}/{SPE}], Loss: {rec('Loss', step, epoch, loss):.4f}"
            )
        elif style == "words" and step % 10 == 0:
            print(
                f"epoch {epoch} step {step} loss {rec('loss', step, epoch, loss):.4f} "
                f"lr {rec('lr', step, epoch, toy.lr):.2e}"
            )
        elif style == "colon" and step % 10 == 0:
            print(
                f"step {step}: loss {rec('loss', step, None, loss):.4f} lr {rec('lr', step, None, toy.lr):.2e}"
            )
        elif style == "cr" and i % 3 == 0:  # an in-place progress line, redrawn with \r
            print(
                f"\rEpoch {epoch}/{EPOCHS} [{i * 32:4d}/960] loss: {rec('loss', step, epoch, run_loss / i):.4f} "
                f"acc: {rec('acc', step, epoch, run_acc / i):.4f}",
                end="",
                flush=True,
            )
        elif style == "nostep" and step % 10 == 0:
            print(
                f"loss {rec('loss', None, None, loss):.2f} | acc {rec('acc', None, None, 100 * acc):.1f}%"
            )
    tr_loss, tr_acc = run_loss / SPE, run_acc / SPE
    v_loss, v_acc = toy.evaluate()
    if style == "cr":
        print(
            f" - val_loss: {rec('val_loss', step, epoch, v_loss):.4f} - val_acc: {rec('val_acc', step, epoch, v_acc):.4f}"
        )
    if style == "pipes":
        print(
            f"Epoch {epoch}/{EPOCHS} | Train Loss: {rec('Train Loss', None, epoch, tr_loss):.4f} | "
            f"Val Loss: {rec('Val Loss', None, epoch, v_loss):.4f} | Val Acc: {rec('Val Acc', None, epoch, 100 * v_acc):.1f}%"
        )
    elif style == "brackets":
        print(
            f"Accuracy of the network on the {len(toy.xv)} test images: "
            f"{rec('Accuracy of the network on the 240 test images', step, epoch, 100 * v_acc):.1f} %"
        )
    elif style == "trainval":
        print(f"Epoch {epoch}")
        print(
            f"loss: {rec('loss', step, epoch, tr_loss):.4f} - acc: {rec('acc', step, epoch, tr_acc):.4f}"
        )
        print(
            f"val loss: {rec('val loss', step, epoch, v_loss):.4f} - val acc: {rec('val acc', step, epoch, v_acc):.4f}"
        )
    elif style == "labels":
        print(f"Epoch {epoch}/{EPOCHS}")
        print(
            f"  train: loss: {rec('train loss', step, epoch, tr_loss):.4f}, acc: {rec('train acc', step, epoch, tr_acc):.4f}"
        )
        print(
            f"  val:   loss: {rec('val loss', step, epoch, v_loss):.4f}, acc: {rec('val acc', step, epoch, v_acc):.4f}"
        )
    if best[0] is None or v_acc > best[0]:
        best = (v_acc, epoch)
        print(f"Saving checkpoint to ckpt-{epoch}.pt")
if style in ("trainval", "labels"):
    print(f"Best val_acc: {rec('Best val_acc', None, best[1], best[0]):.4f} at epoch {best[1]}")
print("Done. Training took 0:00:01")

NOTES = {
    "pipes": (
        "'Epoch 3/6 | Train Loss: 0.4213 | Val Loss: 0.4410 | Val Acc: 80.4%': one line per epoch; the epoch is "
        "'3/6' (the 6 is the total). Val Acc is printed in percent: the truth records the printed unit (100 x "
        "the accuracy). Train Loss is the mean batch loss of the epoch. No step is printed (step null)."
    ),
    "brackets": (
        "The PyTorch-tutorial shape: 'Epoch [2/6], Step [20/30], Loss: 0.5123' every 10 steps; step = the "
        "global step the script counts, (epoch-1) x 30 + the in-epoch step printed (the bracket shows the "
        "position within the epoch and its total). After each epoch 'Accuracy of the network on the 240 test "
        "images: 80.4 %' (a phrase; the 240 is a count, not a metric; accuracy in percent, the printed unit), "
        "at the epoch's last step. Series key is the phrase as printed; a parser may name it 'Accuracy'."
    ),
    "words": (
        "'epoch 2 step 40 loss 0.5123 lr 3.00e-01': name and value separated by spaces only; epoch and step "
        "are counters (step = the global step), lr in e-notation (the truth keeps the lr used)."
    ),
    "colon": "'step 40: loss 0.5123 lr 3.00e-01': the step before a colon, then space-separated pairs.",
    "cr": (
        "A hand-made in-place progress line: print('\\rEpoch 2/6 [ 480/960] loss: 0.4123 acc: 0.8210', end='') every "
        "3 steps (running means over the epoch so far), redrawn with a carriage return, and at the epoch's end "
        "' - val_loss: 0.3758 - val_acc: 0.8708' appended to the last state, then a newline. Step = the global "
        "step the script counts, = (epoch-1) x 30 + [samples seen]/32 (the bracket shows samples, not steps: "
        "'[ 480/960]' is step 15 of the epoch). Each redraw is a new position, so a new point; val values at the "
        "epoch's last step."
    ),
    "nostep": (
        "'loss 0.52 | acc 78.1%' every 10 steps with no step or epoch on the line (step and epoch null: the "
        "script counts 10, 20, ... but does not print it); acc in percent (printed unit)."
    ),
    "trainval": (
        "Per epoch: 'Epoch 3', then the train line 'loss: 0.4213 - acc: 0.8010' and the validation line "
        "'val loss: 0.4410 - val acc: 0.8042': the same words with a 'val' qualifier; step = the global step "
        "at the epoch's end (the script's counter, not printed), epoch from the 'Epoch 3' line above. The last "
        "line 'Best val_acc: 0.8125 at epoch 4' is a summary: its own series 'Best val_acc' (one point, "
        "epoch 4, no step), NOT a new point of 'val acc'."
    ),
    "labels": (
        "Per epoch: 'Epoch 3/6' then '  train: loss: 0.4213, acc: 0.8010' and '  val:   loss: 0.4410, acc: "
        "0.8042': the metric words are the same on both lines; the line label ('train:' / 'val:') qualifies "
        "them. Truth names join label and name ('train loss', 'val loss'); what matters is that train and "
        "val values are two series. Step = the global step at the epoch's end (not printed). The last line "
        "'Best val_acc: 0.8125 at epoch 4' is a summary: series 'Best val_acc' (one point, epoch 4), NOT a "
        "new point of 'val acc'."
    ),
}
_truth.write(
    library="hand-written loop (print), numpy 2.4.6 model",
    script="tests/corpus/scripts/hand_lines.py",
    record="the values the script printed, kept by the script itself at full precision",
    step_kind="epoch" if style == "pipes" else ("none" if style == "nostep" else "global"),
    series=rec.series,
    extra_ok=[],
    notes=NOTES[style]
    + " Noise lines that are NOT metrics: 'Using device: cpu', 'Loading data from /tmp/corpus-data (960 "
    "samples, 240 for validation)', 'Model: MLP(16 -> 32 -> 1), 577 parameters', 'batch size: 32, steps per "
    "epoch: 30, tokens per iteration will be: 512', 'Initial learn rate: 0.3', 'Saving checkpoint to "
    "ckpt-3.pt', 'Done. Training took 0:00:01'.",
)
