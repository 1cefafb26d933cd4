"""A hand-written training loop that reports through a logging library instead of print().

Styles: the stdlib logging defaults, the stdlib with the popular asctime/name/levelname format,
loguru's default sink, rich's RichHandler, and absl logging (under absl.app.run).
A real (tiny numpy) model is trained; the script keeps exactly what it logged as ground truth.
Versions: loguru 0.7.3, rich 15.0.0, absl-py 2.5.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_hand_logging_basic -- python tests/corpus/scripts/hand_logging.py basic
    python tests/corpus/scripts/capture.py pipe real_hand_logging_asctime -- python tests/corpus/scripts/hand_logging.py asctime
    python tests/corpus/scripts/capture.py pipe real_hand_loguru -- python tests/corpus/scripts/hand_logging.py loguru
    python tests/corpus/scripts/capture.py pty  real_hand_loguru_pty -- python tests/corpus/scripts/hand_logging.py loguru
    python tests/corpus/scripts/capture.py pipe real_hand_rich_logging -- python tests/corpus/scripts/hand_logging.py rich
    python tests/corpus/scripts/capture.py pty  real_hand_rich_logging_pty -- python tests/corpus/scripts/hand_logging.py rich
    python tests/corpus/scripts/capture.py pipe real_hand_absl -- python tests/corpus/scripts/hand_logging.py absl
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
from _toy import Record, Toy  # noqa: E402

style = sys.argv[1]
rec = Record()
EPOCHS = 4


def setup():
    """Returns the function the loop logs INFO messages with."""
    if style == "basic":
        logging.basicConfig(level=logging.INFO)
        return logging.info
    if style == "asctime":
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s - %(name)s - %(levelname)s - %(message)s"
        )
        return logging.getLogger("trainer").info
    if style == "loguru":
        from loguru import logger

        return logger.info
    if style == "rich":
        from rich.logging import RichHandler

        logging.basicConfig(
            level="INFO", format="%(message)s", datefmt="[%X]", handlers=[RichHandler()]
        )
        return logging.getLogger("train").info
    if style == "absl":
        from absl import logging as absl_logging

        return absl_logging.info
    raise SystemExit(f"unknown style {style}")


def train(_argv=None):
    info = setup()
    toy = Toy(n=960, batch=32, lr=0.3)
    spe = toy.steps_per_epoch
    info("Using device: cpu")
    info(f"Loading data from /tmp/corpus-data ({len(toy.x)} samples)")
    info(f"Initial learn rate: {toy.lr}")
    step = 0
    for epoch in range(1, EPOCHS + 1):
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
        tot = 0.0
        for _ in range(spe):
            step += 1
            loss, _acc = toy.train_step()
            tot += loss
            if step % 10 == 0:
                ep = epoch if style in ("asctime", "rich") else None
                if style == "basic":
                    info(
                        f"step={step} loss={rec('loss', step, None, loss):.4f} lr={rec('lr', step, None, toy.lr)}"
                    )
                elif style == "asctime":
                    info(
                        f"Epoch {epoch} Step {step}/{EPOCHS * spe} - loss: {rec('loss', step, ep, loss):.4f} - "
                        f"lr: {rec('lr', step, ep, toy.lr):.1e}"
                    )
                elif style == "loguru":
                    info(
                        f"step {step} | loss {rec('loss', step, None, loss):.4f} | lr {rec('lr', step, None, toy.lr):.3g}"
                    )
                elif style == "rich":
                    info(
                        f"epoch {epoch} step {step} loss={rec('loss', step, ep, loss):.4f} lr={rec('lr', step, ep, toy.lr)}"
                    )
                elif style == "absl":
                    info(
                        f"step {step}, loss = {rec('loss', step, None, loss):.4f}, lr = {rec('lr', step, None, toy.lr):g}"
                    )
        v_loss, v_acc = toy.evaluate()
        tr = tot / spe
        if style == "basic":
            info(
                f"epoch={epoch} train_loss={rec('train_loss', step, epoch, tr):.4f} "
                f"val_loss={rec('val_loss', step, epoch, v_loss):.4f} val_acc={rec('val_acc', step, epoch, v_acc):.4f}"
            )
        elif style == "asctime":
            info(
                f"Epoch {epoch}: train_loss={rec('train_loss', step, epoch, tr):.4f}, "
                f"val_loss={rec('val_loss', step, epoch, v_loss):.4f}, val_acc={rec('val_acc', step, epoch, v_acc):.4f}"
            )
        elif style == "loguru":
            info(
                f"epoch {epoch} done: train_loss={rec('train_loss', step, epoch, tr):.4f} "
                f"val_loss={rec('val_loss', step, epoch, v_loss):.4f} val_acc={rec('val_acc', step, epoch, v_acc):.4f}"
            )
        elif style == "rich":
            info(
                f"Epoch {epoch} validation: loss={rec('validation loss', step, epoch, v_loss):.4f} "
                f"accuracy={rec('validation accuracy', step, epoch, v_acc):.4f} (train loss {rec('train loss', step, epoch, tr):.4f})"
            )
        elif style == "absl":
            info(
                f"epoch {epoch}: train_loss = {rec('train_loss', step, epoch, tr):.4f}, "
                f"val_loss = {rec('val_loss', step, epoch, v_loss):.4f}, val_acc = {rec('val_acc', step, epoch, v_acc):.4f}"
            )
        info(f"Saving checkpoint to ckpt-{epoch}.pt")
    write_truth()


NOTES = {
    "basic": (
        "logging.basicConfig(level=INFO): every line starts 'INFO:root:' (stderr). 'INFO:root:step=10 "
        "loss=0.6129 lr=0.3' every 10 steps and 'INFO:root:epoch=1 train_loss=... val_loss=... val_acc=...' "
        "per epoch; epoch lines carry the global step of the epoch's end (not printed) in the truth."
    ),
    "asctime": (
        "Format '%(asctime)s - %(name)s - %(levelname)s - %(message)s': '2026-12-06 11:30:01,234 - trainer - "
        "INFO - Epoch 1 Step 10/120 - loss: 0.6129 - lr: 3.0e-01' (the message itself uses ' - ' between "
        "pairs, like the prefix does; 10/120 = step/total) and 'Epoch 1: train_loss=..., val_loss=..., val_acc=...'."
    ),
    "loguru": (
        "loguru's default sink (stderr): '2026-12-06 11:30:01.234 | INFO     | __main__:train:81 - step 10 | "
        "loss 0.6129 | lr 0.3' (the __main__:train:81 is a code location, its number a line number, not a "
        "metric); under a terminal loguru colours the prefix. Epoch lines 'epoch 1 done: train_loss=... "
        "val_loss=... val_acc=...' carry the global step of the epoch's end in the truth."
    ),
    "rich": (
        "rich.logging.RichHandler: '[11:30:01] INFO     epoch 1 step 10 loss=0.6129 lr=0.3      hand_logging.py:87' "
        "(time column, level column, message, then the file:line right-aligned; the time is shown only when it "
        "changes). Piped, rich assumes 80 columns and WRAPS long messages onto a continuation line indented "
        "under the message column; under a terminal it is 120 wide and highlights numbers with colour codes. "
        "The validation line 'Epoch 1 validation: loss=0.4731 accuracy=0.8125 (train loss 0.5341)' names the "
        "phase before the pairs: truth names 'validation loss' / 'validation accuracy', and 'train loss' "
        "(two words inside the parentheses)."
    ),
    "absl": (
        "absl logging under absl.app.run (stderr): 'I1206 11:30:01.234567 140012345 hand_logging.py:92] step "
        "10, loss = 0.6129, lr = 0.3' (severity letter + MMDD, time, thread id, file:line]); pairs are "
        "'name = value'. The thread id and the line number are not metrics."
    ),
}


def write_truth():
    _truth.write(
        library={
            "basic": "hand-written loop, stdlib logging (Python 3.11)",
            "asctime": "hand-written loop, stdlib logging (Python 3.11)",
            "loguru": "hand-written loop, loguru 0.7.3",
            "rich": "hand-written loop, rich 15.0.0 RichHandler",
            "absl": "hand-written loop, absl-py 2.5.1",
        }[style],
        script="tests/corpus/scripts/hand_logging.py",
        record="the values the script logged, kept by the script itself at full precision",
        step_kind="global",
        series=rec.series,
        notes=NOTES[style]
        + " Not metrics: 'Using device: cpu', 'Loading data from /tmp/corpus-data (960 samples)', 'Initial "
        "learn rate: 0.3', 'Saving checkpoint to ckpt-2.pt', and every number in the log prefix (dates, "
        "times, thread ids, line numbers).",
    )


if style == "absl":
    from absl import app

    app.run(train)
else:
    train()
