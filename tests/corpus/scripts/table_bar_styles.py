"""A small hand-written training loop (the numpy MLP of _toy.py, 5 epochs x 30 steps) whose metrics
are shown the many ways users print tables, bars and spinners with prettytable, rich, tqdm, yaspin,
halo and pandas.

Variants:
    pt_markdown     prettytable MARKDOWN style, one row added and the whole (growing) table printed
                    after every epoch: '| Epoch | Train Loss | Train Acc | Val Loss | Val Acc |'
    pt_orgmode      prettytable ORGMODE style, the whole history printed once at the end, an 'lr'
                    column in '3.00e-01' form: '|-------+--------+...', '| 1 | 0.5270 | ... |'
    pt_box          prettytable SINGLE_BORDER (box drawing) growing table printed per epoch, then
                    a DOUBLE_BORDER final table 'Split | Loss | Accuracy | Samples' (train / test)
    pt_plain        prettytable PLAIN_COLUMNS history at the end, then an MSWORD_FRIENDLY table with
                    one row per metric and one column per split ('| loss | 0.2954 | 0.3696 |')
    pt_default      prettytable default style, a new one-row table per epoch (header repeated)
                    with a 'step' column (a count)
    rich_simple     rich Table box.SIMPLE history at the end (title 'Training history'), then a
                    box.MINIMAL 'Final evaluation' table 'Split | Loss | Accuracy | Samples'
    rich_ascii      rich Table box.ASCII history at the end, then a box.MARKDOWN metric x split table
    rich_live       rich.live.Live of a box.HEAVY_HEAD table, a row per epoch, its caption updated
                    every step 'step 47 | batch loss 0.4123'
    rich_progress   rich.progress.Progress with one task over all steps, description 'Epoch 2/5', a
                    custom metrics column 'loss 0.5123 acc 0.719', progress.console.log of a
                    validation line per epoch (log time and file:line on the right)
    tqdm_desc       a tqdm bar per epoch whose set_description(f"epoch {e} loss {l:.4f}") changes
                    each step, tqdm.write 'epoch 1 val loss 0.4361 val acc 0.8208' after each epoch
    tqdm_ascii      one ascii=True tqdm bar over all steps, set_postfix_str('loss=0.5123 acc=0.719'),
                    tqdm.write '[epoch 1/5] train_loss: 0.5270 | val_loss: 0.4361 | val_acc: 82.08%'
    tqdm_rich       tqdm.rich.tqdm bar per epoch with set_description('Epoch 1 | loss 0.512'),
                    print() of a validation line per epoch
    yaspin          a yaspin spinner whose text is 'epoch 1 step 12 loss=0.512' each step,
                    sp.write('> epoch 1: train_loss=0.527 val_loss=0.436 val_acc=0.821'), sp.ok
    halo            a halo spinner 'Epoch 1/5 · loss=0.512' per step, spinner.succeed('Epoch 1/5
                    done · train_loss=0.527 · val_loss=0.436 · val_acc=0.821') per epoch, restarted
    pandas          print(pd.DataFrame(history)) once at the end, pandas' defaults (10 columns: in a
                    pipe the middle ones elided as '...', on a 120-column terminal all on one line)
    pandas_wide     the same after pd.set_option('display.max_columns', None): wrapped at 80
                    columns, the first block's header ending in a backslash

Truth: the loop's own record, a list of dicts per epoch (and, for the per-step bars, the values it
handed the bar), kept at full precision.  Per-step values count only when drawn: sys.stdout and
sys.stderr are wrapped so that a step's state counts once the text the loop set for it (bar
description / postfix / spinner text / column text) is written out.
Versions: prettytable 3.19.0, rich 15.0.0, tqdm 4.70.1, yaspin 3.5.1, halo 0.0.31, pandas 3.1.1,
numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zi-1: pip install numpy tqdm rich prettytable
pandas yaspin halo):
    python tests/corpus/scripts/capture.py pipe real_prettytable_markdown_epoch -- python tests/corpus/scripts/table_bar_styles.py pt_markdown
    python tests/corpus/scripts/capture.py pipe real_prettytable_orgmode_history -- python tests/corpus/scripts/table_bar_styles.py pt_orgmode
    python tests/corpus/scripts/capture.py pipe real_prettytable_box_epoch -- python tests/corpus/scripts/table_bar_styles.py pt_box
    python tests/corpus/scripts/capture.py pipe real_prettytable_plain_msword -- python tests/corpus/scripts/table_bar_styles.py pt_plain
    python tests/corpus/scripts/capture.py pipe real_prettytable_default_rows -- python tests/corpus/scripts/table_bar_styles.py pt_default
    python tests/corpus/scripts/capture.py pipe real_rich_table_simple -- python tests/corpus/scripts/table_bar_styles.py rich_simple
    python tests/corpus/scripts/capture.py pty  real_rich_table_simple_pty -- python tests/corpus/scripts/table_bar_styles.py rich_simple
    python tests/corpus/scripts/capture.py pipe real_rich_table_ascii_markdown -- python tests/corpus/scripts/table_bar_styles.py rich_ascii
    python tests/corpus/scripts/capture.py pipe real_rich_live_table -- python tests/corpus/scripts/table_bar_styles.py rich_live
    python tests/corpus/scripts/capture.py pty  real_rich_live_table_pty -- python tests/corpus/scripts/table_bar_styles.py rich_live
    python tests/corpus/scripts/capture.py pipe real_rich_progress_metrics -- python tests/corpus/scripts/table_bar_styles.py rich_progress
    python tests/corpus/scripts/capture.py pty  real_rich_progress_metrics_pty -- python tests/corpus/scripts/table_bar_styles.py rich_progress
    python tests/corpus/scripts/capture.py pipe real_tqdm_description_loss -- python tests/corpus/scripts/table_bar_styles.py tqdm_desc
    python tests/corpus/scripts/capture.py pty  real_tqdm_description_loss_pty -- python tests/corpus/scripts/table_bar_styles.py tqdm_desc
    python tests/corpus/scripts/capture.py pipe real_tqdm_ascii_postfix_str -- python tests/corpus/scripts/table_bar_styles.py tqdm_ascii
    python tests/corpus/scripts/capture.py pty  real_tqdm_ascii_postfix_str_pty -- python tests/corpus/scripts/table_bar_styles.py tqdm_ascii
    python tests/corpus/scripts/capture.py pipe real_tqdm_rich_desc -- python tests/corpus/scripts/table_bar_styles.py tqdm_rich
    python tests/corpus/scripts/capture.py pty  real_tqdm_rich_desc_pty -- python tests/corpus/scripts/table_bar_styles.py tqdm_rich
    python tests/corpus/scripts/capture.py pipe real_yaspin_loss -- python tests/corpus/scripts/table_bar_styles.py yaspin
    python tests/corpus/scripts/capture.py pty  real_yaspin_loss_pty -- python tests/corpus/scripts/table_bar_styles.py yaspin
    python tests/corpus/scripts/capture.py pipe real_halo_loss -- python tests/corpus/scripts/table_bar_styles.py halo
    python tests/corpus/scripts/capture.py pty  real_halo_loss_pty -- python tests/corpus/scripts/table_bar_styles.py halo
    python tests/corpus/scripts/capture.py pipe real_pandas_history_print -- python tests/corpus/scripts/table_bar_styles.py pandas
    python tests/corpus/scripts/capture.py pty  real_pandas_history_print_pty -- python tests/corpus/scripts/table_bar_styles.py pandas
    python tests/corpus/scripts/capture.py pipe real_pandas_history_wide -- python tests/corpus/scripts/table_bar_styles.py pandas_wide
"""

from __future__ import annotations

import os
import sys
import time
from importlib import metadata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Toy

EPOCHS = 5
SLEEP = 0.01  # a little time per step, as a real model takes: bars redraw on time
variant = sys.argv[1]
toy = Toy(n=960, batch=32, lr=0.3, seed=5)
SPE = toy.steps_per_epoch  # 30
NVAL = len(toy.yv) // 2  # the held-out rows: first half validation, second half test
series = _truth.Series()


class Tap:
    """A stream wrapper noting which per-step states the loop set were actually written out."""

    def __init__(self, stream):
        self._s = stream

    def write(self, s):
        # a bar may draw a state some steps after the loop set it: every text set since the last
        # MARK.clear() is looked for (a text set twice stands for its latest step)
        for text, (uid, point, values) in list(MARK.items()):
            if uid not in SEEN and text in s:
                SEEN.add(uid)
                for name, v in values:
                    series.add(name, *point, v)
        return self._s.write(s)

    def __getattr__(self, name):
        return getattr(self._s, name)


MARK: dict = {}
SEEN: set = set()
SEEN_SET_CALLS: list = []  # one entry per state set (its index is the state's id)
sys.stdout = Tap(sys.stdout)
sys.stderr = Tap(sys.stderr)


def set_mark(text, step, epoch, values):
    """The text the loop is about to hand the bar for this step, and the values behind it."""
    MARK.pop(text, None)
    MARK[text] = (len(SEEN_SET_CALLS), (step, epoch), values)
    SEEN_SET_CALLS.append(text)


def evaluate(x, y):
    _, p = toy._forward(x)
    loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    pred = p > 0.5
    acc = float(np.mean(pred == y))
    tp = float(np.sum(pred & (y == 1)))
    prec = tp / max(float(np.sum(pred)), 1.0)
    rec = tp / max(float(np.sum(y == 1)), 1.0)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return dict(loss=loss, acc=acc, precision=prec, recall=rec, f1=f1)


def train(on_step=None, on_epoch=None, before_epoch=None):
    """Train EPOCHS epochs; returns the history, a list of per-epoch dicts (the loop's record)."""
    history = []
    step = 0
    for epoch in range(1, EPOCHS + 1):
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
        if before_epoch:
            before_epoch(epoch)
        tl = ta = 0.0
        for i in range(SPE):
            loss, acc = toy.train_step()
            step += 1
            tl += loss
            ta += acc
            time.sleep(SLEEP)
            if on_step:
                on_step(epoch, i + 1, step, loss, acc)
        v = evaluate(toy.xv[:NVAL], toy.yv[:NVAL])
        row = dict(
            epoch=epoch,
            step=step,
            train_loss=tl / SPE,
            train_acc=ta / SPE,
            val_loss=v["loss"],
            val_acc=v["acc"],
            val_precision=v["precision"],
            val_recall=v["recall"],
            val_f1=v["f1"],
            lr=toy.lr,
        )
        history.append(row)
        if on_epoch:
            on_epoch(row, history)
    return history


def final_eval():
    """Final evaluation of the trained model on the whole training set and on the test rows."""
    tr = evaluate(toy.x, toy.y)
    te = evaluate(toy.xv[NVAL:], toy.yv[NVAL:])
    return [("Train", tr, len(toy.y)), ("Test", te, len(toy.yv) - NVAL)]


def add_rows(history, cols):
    """cols: [(printed name, history key)]; one point per epoch per column, epoch by epoch."""
    for r in history:
        for name, key in cols:
            series.add(name, r["step"], r["epoch"], r[key])


def add_cols(history, cols):
    """cols as add_rows, series by series (the order does not matter within one series)."""
    add_rows(history, cols)


def add_final(results, names, step):
    """A split x metric table: series '<split> <metric>' as the two labels compose it."""
    for split, res, _ in results:
        for label, key in names:
            series.add(f"{split} {label}", step, EPOCHS, res[key])


HIST_NOTE = (
    "step = the global batch count at the epoch's end (30 steps per epoch, not printed); epoch "
    "1-based as printed. Train loss/acc are the epoch means of the per-batch values, val = the "
    "first half of the held-out rows. "
)
FINAL_NOTE = (
    "The final table evaluates the trained model on the whole training set and on the test rows "
    "(the second half of the held-out rows): its cells are named '<row label> <column label>' in "
    "the truth (step = the last step, epoch = 5: the evaluation follows the last epoch). The Samples column (960 / 120) is a count, not a "
    "metric. "
)


# ---------------------------------------------------------------- prettytable


def pt_table(style, fields):
    from prettytable import PrettyTable, TableStyle

    t = PrettyTable(fields)
    if style is not None:
        t.set_style(getattr(TableStyle, style))
    return t


def run_pt_markdown():
    t = pt_table("MARKDOWN", ["Epoch", "Train Loss", "Train Acc", "Val Loss", "Val Acc"])
    t.float_format = ".4"

    def on_epoch(r, history):
        t.add_row([r["epoch"], r["train_loss"], r["train_acc"], r["val_loss"], r["val_acc"]])
        print(t)
        print()

    print(f"Training for {EPOCHS} epochs ({SPE} steps each)")
    history = train(on_epoch=on_epoch)
    cols = [("Train Loss", "train_loss"), ("Train Acc", "train_acc")]
    cols += [("Val Loss", "val_loss"), ("Val Acc", "val_acc")]
    add_rows(history, cols)
    return dict(
        record="the loop's history (list of per-epoch dicts)",
        notes=(
            "prettytable MARKDOWN style (set_style(TableStyle.MARKDOWN), float_format '.4'): after every epoch the "
            "growing table is printed again, '| Epoch | Train Loss | Train Acc | Val Loss | Val Acc |', "
            "'| :---: | :--------: | ...', one row per epoch so far, then an empty line. Epoch 1's row is printed "
            "5 times (once per table); a reprint of the same row is the same point. " + HIST_NOTE
        ),
    )


def run_pt_orgmode():
    history = train(on_epoch=lambda r, h: print(f"epoch {r['epoch']}/{EPOCHS} done"))
    t = pt_table("ORGMODE", ["epoch", "loss", "accuracy", "val_loss", "val_accuracy", "lr"])
    t.float_format = ".4"
    t.custom_format["lr"] = lambda f, v: f"{v:.2e}"
    for r in history:
        t.add_row(
            [r["epoch"], r["train_loss"], r["train_acc"], r["val_loss"], r["val_acc"], r["lr"]]
        )
    print(t)
    cols = [("loss", "train_loss"), ("accuracy", "train_acc"), ("val_loss", "val_loss")]
    cols += [("val_accuracy", "val_acc"), ("lr", "lr")]
    add_rows(history, cols)
    return dict(
        record="the loop's history (list of per-epoch dicts)",
        notes=(
            "Per epoch only 'epoch 1/5 done'. At the end a prettytable in ORGMODE style "
            "'|-------+--------+----------+----------+--------------+----------|', '| epoch |  loss  | accuracy | "
            "val_loss | val_accuracy |    lr    |', rows '|   1   | 0.5270 |  0.7531  |  0.4361  |    0.8208    | "
            "3.00e-01 |'. lr is the scheduled learning rate the loop used that epoch (halved every 2 epochs). "
            + HIST_NOTE
        ),
    )


def run_pt_box():
    t = pt_table("SINGLE_BORDER", ["epoch", "loss", "acc", "val_loss", "val_acc"])
    t.float_format = ".4"

    def on_epoch(r, history):
        t.add_row([r["epoch"], r["train_loss"], r["train_acc"], r["val_loss"], r["val_acc"]])
        print(t)

    history = train(on_epoch=on_epoch)
    add_rows(
        history,
        [
            ("loss", "train_loss"),
            ("acc", "train_acc"),
            ("val_loss", "val_loss"),
            ("val_acc", "val_acc"),
        ],
    )
    results = final_eval()
    f = pt_table("DOUBLE_BORDER", ["Split", "Loss", "Accuracy", "Samples"])
    f.title = "Final evaluation"
    for split, res, n in results:
        f.add_row([split, f"{res['loss']:.4f}", f"{res['acc']:.4f}", n])
    print(f)
    add_final(results, [("Loss", "loss"), ("Accuracy", "acc")], history[-1]["step"])
    return dict(
        record="the loop's history (list of per-epoch dicts) and its final evaluation dicts",
        notes=(
            "prettytable SINGLE_BORDER style (box drawing '┌───────┬────────┐', '│ epoch │  loss  │', "
            "'├───────┼', '└───────┴'): the growing table printed after every epoch (a reprinted row is the same "
            "point). At the end a DOUBLE_BORDER table titled 'Final evaluation' ('╔═══', '║ Split ║  Loss  ║ "
            "Accuracy ║ Samples ║', rows Train / Test). " + HIST_NOTE + FINAL_NOTE
        ),
    )


def run_pt_plain():
    history = train(on_epoch=lambda r, h: print(f"Epoch {r['epoch']} finished"))
    t = pt_table("PLAIN_COLUMNS", ["Epoch", "Loss", "Acc", "Val. Loss", "Val. Acc", "LR"])
    t.float_format = ".4"
    for r in history:
        t.add_row(
            [r["epoch"], r["train_loss"], r["train_acc"], r["val_loss"], r["val_acc"], r["lr"]]
        )
    print(t)
    print()
    results = final_eval()
    f = pt_table("MSWORD_FRIENDLY", ["metric", "train", "test"])
    for label, key in (("loss", "loss"), ("accuracy", "acc"), ("f1", "f1")):
        f.add_row([label] + [f"{res[key]:.4f}" for _, res, _ in results])
    print(f)
    cols = [("Loss", "train_loss"), ("Acc", "train_acc"), ("Val. Loss", "val_loss")]
    cols += [("Val. Acc", "val_acc"), ("LR", "lr")]
    add_rows(history, cols)
    step = history[-1]["step"]
    for split, res, _ in results:
        for label, key in (("loss", "loss"), ("accuracy", "acc"), ("f1", "f1")):
            series.add(f"{split.lower()} {label}", step, EPOCHS, res[key])
    return dict(
        record="the loop's history (list of per-epoch dicts) and its final evaluation dicts",
        notes=(
            "Per epoch only 'Epoch 1 finished'. At the end prettytable PLAIN_COLUMNS (no borders, columns "
            "separated by runs of spaces, header 'Epoch        Loss        Acc        Val. Loss ...', LR printed by "
            "float_format as 0.3000 / 0.1500 / 0.0750), then an MSWORD_FRIENDLY table with one row per metric "
            "and one column per split: '| metric |  train |  test  |', '|  loss  | 0.2954 | 0.3696 |': its cells "
            "are named '<column> <row>' ('train loss', 'test f1') at the last step and epoch (the evaluation follows epoch 5). LR is the scheduled "
            "learning rate the loop used. " + HIST_NOTE
        ),
    )


def run_pt_default():
    def on_epoch(r, history):
        t = pt_table(None, ["epoch", "step", "loss", "acc", "val_loss", "val_acc"])
        t.add_row(
            [
                r["epoch"],
                r["step"],
                round(r["train_loss"], 4),
                round(r["train_acc"], 4),
                round(r["val_loss"], 4),
                round(r["val_acc"], 4),
            ]
        )
        print(t)

    history = train(on_epoch=on_epoch)
    add_rows(
        history,
        [
            ("loss", "train_loss"),
            ("acc", "train_acc"),
            ("val_loss", "val_loss"),
            ("val_acc", "val_acc"),
        ],
    )
    return dict(
        record="the loop's history (list of per-epoch dicts)",
        notes=(
            "prettytable default style, a new one-row table per epoch: '+-------+------+--------+', "
            "'| epoch | step |  loss  |  acc   | val_loss | val_acc |', '|   1   |  30  | 0.527  | 0.7531 | ...' "
            "(values rounded to 4 places, so trailing zeros drop). The step column is the global batch count "
            "(the truth's step), not a metric. " + HIST_NOTE
        ),
    )


# ---------------------------------------------------------------- rich tables


def rich_history_table(box_style, title, names):
    from rich.table import Table

    t = Table(title=title, box=box_style)
    for n in names:
        t.add_column(n, justify="right")
    return t


def run_rich_simple():
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console()
    history = train(on_epoch=lambda r, h: console.print(f"Epoch {r['epoch']}/{EPOCHS} done"))
    names = ["Epoch", "Loss", "Acc", "Val Loss", "Val Acc", "LR"]
    t = rich_history_table(box.SIMPLE, "Training history", names)
    for r in history:
        t.add_row(
            str(r["epoch"]),
            f"{r['train_loss']:.4f}",
            f"{r['train_acc']:.4f}",
            f"{r['val_loss']:.4f}",
            f"{r['val_acc']:.4f}",
            f"{r['lr']:.3g}",
        )
    console.print(t)
    results = final_eval()
    f = Table(title="Final evaluation", box=box.MINIMAL)
    for n in ("Split", "Loss", "Accuracy", "Samples"):
        f.add_column(n)
    for split, res, n in results:
        f.add_row(split, f"{res['loss']:.4f}", f"{res['acc']:.2%}", str(n))
    console.print(f)
    cols = [("Loss", "train_loss"), ("Acc", "train_acc"), ("Val Loss", "val_loss")]
    cols += [("Val Acc", "val_acc"), ("LR", "lr")]
    add_rows(history, cols)
    step = history[-1]["step"]
    for split, res, _ in results:
        series.add(f"{split} Loss", step, EPOCHS, res["loss"])
        series.add(f"{split} Accuracy", step, EPOCHS, res["acc"] * 100)
    return dict(
        record="the loop's history (list of per-epoch dicts) and its final evaluation dicts",
        notes=(
            "Per epoch 'Epoch 1/5 done' (rich console.print). At the end a rich Table box.SIMPLE titled "
            "'Training history' (header row, a rule of '─' under it, no vertical lines: '  Epoch     Loss      Acc "
            "  Val Loss ...', LR as 0.3 / 0.15 / 0.075), then a box.MINIMAL table 'Final evaluation' ('│' between "
            "columns, no outer border) whose Accuracy is printed in percent ('88.33%': the truth holds the "
            "printed unit). pty: the same with colour codes (italic title, bold header). "
            + HIST_NOTE
            + FINAL_NOTE
        ),
    )


def run_rich_ascii():
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console()
    history = train()
    names = ["epoch", "loss", "acc", "val loss", "val acc"]
    t = rich_history_table(box.ASCII, None, names)
    for r in history:
        t.add_row(
            str(r["epoch"]),
            f"{r['train_loss']:.4f}",
            f"{r['train_acc']:.4f}",
            f"{r['val_loss']:.4f}",
            f"{r['val_acc']:.4f}",
        )
    console.print(t)
    results = final_eval()
    f = Table(box=box.MARKDOWN)
    for n in ("metric", "train", "test"):
        f.add_column(n)
    for label, key in (("loss", "loss"), ("accuracy", "acc"), ("precision", "precision")):
        f.add_row(label, *[f"{res[key]:.4f}" for _, res, _ in results])
    console.print(f)
    cols = [("loss", "train_loss"), ("acc", "train_acc"), ("val loss", "val_loss")]
    cols += [("val acc", "val_acc")]
    add_rows(history, cols)
    step = history[-1]["step"]
    for split, res, _ in results:
        for label, key in (("loss", "loss"), ("accuracy", "acc"), ("precision", "precision")):
            series.add(f"{split.lower()} {label}", step, EPOCHS, res[key])
    return dict(
        record="the loop's history (list of per-epoch dicts) and its final evaluation dicts",
        notes=(
            "Nothing per epoch. At the end a rich Table box.ASCII ('+----------+', '| epoch |   loss | ...', "
            "'|-------+--------|', rows '|     1 | 0.5270 | ...'), then a box.MARKDOWN table with one row per "
            "metric and one column per split ('| metric    | train  | test   |', '|-----------|--------|', "
            "'| loss      | 0.2954 | 0.3696 |'): its cells are named '<column> <row>' ('train loss', 'test "
            "precision') at the last step and epoch (the evaluation follows epoch 5). The history's 'loss' and the final 'train loss' are different "
            "numbers (epoch mean of batches vs a full pass after training). " + HIST_NOTE
        ),
    )


def run_rich_live():
    from rich import box
    from rich.live import Live

    names = ["Epoch", "Loss", "Accuracy", "Val Loss", "Val Accuracy", "LR"]
    t = rich_history_table(box.HEAVY_HEAD, "Training", names)
    t.caption = "starting"
    with Live(t, refresh_per_second=8) as live:

        def on_step(epoch, i, step, loss, acc):
            cap = f"step {step} | batch loss {loss:.4f}"
            set_mark(cap, step, epoch, [("batch loss", loss)])
            t.caption = cap

        def on_epoch(r, h):
            t.add_row(
                str(r["epoch"]),
                f"{r['train_loss']:.4f}",
                f"{r['train_acc']:.4f}",
                f"{r['val_loss']:.4f}",
                f"{r['val_acc']:.4f}",
                f"{r['lr']:.2e}",
            )
            live.refresh()

        history = train(on_step=on_step, on_epoch=on_epoch)
    MARK.clear()
    cols = [("Loss", "train_loss"), ("Accuracy", "train_acc"), ("Val Loss", "val_loss")]
    cols += [("Val Accuracy", "val_acc"), ("LR", "lr")]
    add_rows(history, cols)
    return dict(
        record="the loop's history (list of per-epoch dicts) and the batch losses it put in the caption "
        "(only the captions written out, noted by a wrapper on sys.stdout)",
        notes=(
            "rich.live.Live of a box.HEAVY_HEAD Table titled 'Training' ('┏━━━━━━━┳', '┃ Epoch ┃  Loss ┃ ...', "
            "'┡━━━', rows '│     1 │ 0.5270 │ ...', '└───'), a row added per epoch; its caption under the table "
            "is 'step 47 | batch loss 0.4123', set every step (the series 'batch loss', per step; 'step 47' is "
            "the global batch count). pty: the whole table redrawn 8 times a second with cursor-up sequences "
            "(a redraw of one row is the same point). Pipe: Live draws nothing until it stops, then the final "
            "table once, with the last step's caption only. LR in '3.00e-01' form. " + HIST_NOTE
        ),
    )


def run_rich_progress():
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class MetricsColumn(ProgressColumn):
        def render(self, task):
            return Text(task.fields.get("metrics", ""))

    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        MetricsColumn(),
    ) as progress:
        task = progress.add_task("Epoch 1/5", total=EPOCHS * SPE, metrics="")

        def on_step(epoch, i, step, loss, acc):
            m = f"loss {loss:.4f} acc {acc:.3f}"
            set_mark(m, step, epoch, [("loss", loss), ("acc", acc)])
            progress.update(task, advance=1, description=f"Epoch {epoch}/{EPOCHS}", metrics=m)

        def on_epoch(r, h):
            progress.console.log(
                f"epoch {r['epoch']}: val_loss={r['val_loss']:.4f} val_acc={r['val_acc']:.4f}"
            )
            series.add("val_loss", r["step"], r["epoch"], r["val_loss"])
            series.add("val_acc", r["step"], r["epoch"], r["val_acc"])

        train(on_step=on_step, on_epoch=on_epoch)
    MARK.clear()
    return dict(
        record="the values the loop put in the task's metrics field (only those written out, noted by a "
        "wrapper on sys.stdout) and its per-epoch history for the logged validation lines",
        notes=(
            "rich.progress.Progress with one task over all 150 steps: 'Epoch 2/5 ━━━━━━━╺━━━━ 47/150 0:00:02 loss "
            "0.4123 acc 0.812' (a custom ProgressColumn renders the task's metrics field; 47/150 and the time "
            "remaining are not metrics). After every epoch progress.console.log 'epoch 1: val_loss=0.4361 "
            "val_acc=0.8208' with rich's log time on the left '[04:12:03]' and 'table_bar_styles.py:123' on "
            "the right (a time and a source line: not metrics). pty: the bar redrawn 10 times a second; pipe: "
            "the logged lines, then the bar once at the end (its last state). step = global batch count."
        ),
    )


# ---------------------------------------------------------------- tqdm


def run_tqdm_desc():
    from tqdm import tqdm

    bars = {}

    def before_epoch(epoch):
        bars["b"] = tqdm(total=SPE, desc=f"epoch {epoch}")

    def on_step(epoch, i, step, loss, acc):
        d = f"epoch {epoch} loss {loss:.4f}"
        set_mark(d, step, epoch, [("loss", loss)])
        bars["b"].set_description(d, refresh=False)
        bars["b"].update(1)

    def on_epoch(r, h):
        bars["b"].close()
        MARK.clear()
        tqdm.write(f"epoch {r['epoch']} val loss {r['val_loss']:.4f} val acc {r['val_acc']:.4f}")
        series.add("val loss", r["step"], r["epoch"], r["val_loss"])
        series.add("val acc", r["step"], r["epoch"], r["val_acc"])

    train(on_step=on_step, on_epoch=on_epoch, before_epoch=before_epoch)
    return dict(
        record="the batch losses the loop put in the bar's description (only those written out, noted by a "
        "wrapper on sys.stderr) and its per-epoch history for the tqdm.write lines",
        notes=(
            "A tqdm bar per epoch whose description is set every step: 'epoch 1 loss 0.5123:  47%|####7     | "
            "14/30 [00:00<00:00, 93.1it/s]' (the series 'loss', per batch; 'epoch 1' is the epoch, 14/30 and "
            "it/s are bar counts and rate, not metrics). After each bar tqdm.write 'epoch 1 val loss 0.4361 val "
            "acc 0.8208'. Pipe: tqdm writes its '\\r' redraws into the file too. step = global batch count."
        ),
    )


def run_tqdm_ascii():
    from tqdm import tqdm

    bar = tqdm(total=EPOCHS * SPE, desc="train", ascii=True, dynamic_ncols=True)

    def on_step(epoch, i, step, loss, acc):
        p = f"loss={loss:.4f} acc={acc:.3f}"
        set_mark(p, step, epoch, [("loss", loss), ("acc", acc)])
        bar.set_postfix_str(p, refresh=False)
        bar.update(1)

    def on_epoch(r, h):
        tqdm.write(
            f"[epoch {r['epoch']}/{EPOCHS}] train_loss: {r['train_loss']:.4f} | "
            f"val_loss: {r['val_loss']:.4f} | val_acc: {r['val_acc']:.2%}"
        )
        series.add("train_loss", r["step"], r["epoch"], r["train_loss"])
        series.add("val_loss", r["step"], r["epoch"], r["val_loss"])
        series.add("val_acc", r["step"], r["epoch"], r["val_acc"] * 100)

    train(on_step=on_step, on_epoch=on_epoch)
    bar.close()
    MARK.clear()
    return dict(
        record="the batch values the loop put in the bar's postfix (only those written out, noted by a "
        "wrapper on sys.stderr) and its per-epoch history for the tqdm.write lines",
        notes=(
            "One ascii=True tqdm bar over all 150 steps with set_postfix_str: 'train:  31%|###1      | 47/150 "
            "[00:00<00:01, 92.10it/s, loss=0.4123 acc=0.812]' (the series 'loss' and 'acc', per batch; counts, "
            "percent and it/s are not metrics). After each epoch tqdm.write '[epoch 1/5] train_loss: 0.5270 | "
            "val_loss: 0.4361 | val_acc: 82.08%' (val_acc in percent: the truth holds the printed unit; "
            "'1/5' is the epoch of 5). tqdm.write clears the bar line with spaces first. step = global batch count."
        ),
    )


def run_tqdm_rich():
    import warnings

    from tqdm.rich import tqdm

    warnings.simplefilter("default")
    bars = {}

    def before_epoch(epoch):
        bars["b"] = tqdm(total=SPE, desc=f"Epoch {epoch}")

    def on_step(epoch, i, step, loss, acc):
        d = f"Epoch {epoch} | loss {loss:.3f}"
        set_mark(d, step, epoch, [("loss", loss)])
        bars["b"].set_description(d, refresh=False)
        bars["b"].update(1)

    def on_epoch(r, h):
        bars["b"].close()
        MARK.clear()
        print(f"Epoch {r['epoch']}: val_loss {r['val_loss']:.4f}, val_acc {r['val_acc']:.4f}")
        series.add("val_loss", r["step"], r["epoch"], r["val_loss"])
        series.add("val_acc", r["step"], r["epoch"], r["val_acc"])

    train(on_step=on_step, on_epoch=on_epoch, before_epoch=before_epoch)
    return dict(
        record="the batch losses the loop put in the bar's description (only those written out, noted by a "
        "wrapper on sys.stdout, where rich draws) and its per-epoch history for the printed lines",
        notes=(
            "tqdm.rich.tqdm (a rich Progress under tqdm's API) per epoch, description set each step: 'Epoch 1 | "
            "loss 0.512 ━━━━━━━━━━━━━━━━━━━━━━━━━ 14/30  0:00:00 < 0:00:00 , 93 it/s' (the series 'loss', per "
            "batch; 14/30, times and it/s are not metrics); it prints a TqdmExperimentalWarning first. After "
            "each epoch print 'Epoch 1: val_loss 0.4361, val_acc 0.8208'. Pipe: rich draws each bar once, when "
            "it closes (its last description only). step = global batch count."
        ),
    )


# ---------------------------------------------------------------- spinners


def run_yaspin():
    from yaspin import yaspin

    with yaspin(text="Training", color="cyan") as sp:

        def on_step(epoch, i, step, loss, acc):
            txt = f"epoch {epoch} step {step} loss={loss:.3f}"
            set_mark(txt, step, epoch, [("loss", loss)])
            sp.text = txt

        def on_epoch(r, h):
            sp.write(
                f"> epoch {r['epoch']}: train_loss={r['train_loss']:.3f} "
                f"val_loss={r['val_loss']:.3f} val_acc={r['val_acc']:.3f}"
            )
            for k in ("train_loss", "val_loss", "val_acc"):
                series.add(k, r["step"], r["epoch"], r[k])

        train(on_step=on_step, on_epoch=on_epoch)
        sp.ok("✔")
    MARK.clear()
    return dict(
        record="the batch losses the loop put in the spinner's text (only those written out, noted by a "
        "wrapper on sys.stdout) and its per-epoch history for the sp.write lines",
        notes=(
            "A yaspin spinner redrawn every 80 ms with '\\r': '⠙ epoch 1 step 12 loss=0.512' (the series 'loss', "
            "per batch; 'step 12' is the global batch count, the truth's step). After each epoch sp.write '> "
            "epoch 1: train_loss=0.527 val_loss=0.436 val_acc=0.821'; at the end '✔ epoch 5 step 150 "
            "loss=0.301' (the last text, frozen). Pipe: yaspin still writes its frames with '\\r' but no colour "
            "or cursor codes. The per-epoch lines' step (30, 60, ...) is not printed: the last spinner frame "
            "before them shows an earlier step (frames are sampled every 80 ms)."
        ),
    )


def run_halo():
    from halo import Halo

    sp = Halo(text="Epoch 1/5", spinner="dots")
    sp.start()

    def before_epoch(epoch):
        if epoch > 1:
            sp.start(f"Epoch {epoch}/{EPOCHS}")

    def on_step(epoch, i, step, loss, acc):
        txt = f"Epoch {epoch}/{EPOCHS} · loss={loss:.3f}"
        set_mark(txt, None, epoch, [("loss", loss)])  # no step shown: the epoch only (see notes)
        sp.text = txt

    def on_epoch(r, h):
        MARK.clear()
        sp.succeed(
            f"Epoch {r['epoch']}/{EPOCHS} done · train_loss={r['train_loss']:.3f} · "
            f"val_loss={r['val_loss']:.3f} · val_acc={r['val_acc']:.3f}"
        )
        for k in ("train_loss", "val_loss", "val_acc"):
            series.add(k, None, r["epoch"], r[k])

    train(on_step=on_step, on_epoch=on_epoch, before_epoch=before_epoch)
    return dict(
        step_kind="epoch",
        record="the batch losses the loop put in the spinner's text (only those written out, noted by a "
        "wrapper on sys.stdout) and its per-epoch history for the succeed lines",
        notes=(
            "A halo 'dots' spinner per epoch: '⠹ Epoch 1/5 · loss=0.512' (the series 'loss', per batch; "
            "'1/5' is the epoch of 5), ended by spinner.succeed('✔ Epoch 1/5 done · train_loss=0.527 · "
            "val_loss=0.436 · val_acc=0.821') and started again. Pipe: halo still draws its frames, "
            "each after '\\r\\r' (no cursor codes); the succeed line ends with a newline. Nothing printed shows a "
            "step (the spinner text has no step count and the frames are sampled every 80 ms), so the truth "
            "keeps the epoch only (step null, step_kind 'epoch'), several batch losses per epoch."
        ),
    )


# ---------------------------------------------------------------- pandas

PANDAS_NOTE = {
    ("pandas", "pipe"): "pandas' defaults in a script: 80 columns wide, so the middle columns are "
    "elided as '...' (train_acc .. val_precision never printed: not in the truth) and '[5 rows x 10 "
    "columns]' follows (a size).",
    ("pandas", "pty"): "On a terminal pandas fits the frame to the terminal's width (120): "
    "all ten columns on one line, nothing elided.",
    ("pandas_wide", "pipe"): "pd.set_option('display.max_columns', None) first (as users do to see "
    "every column): the frame is wrapped at 80 columns, the first block's header ending in ' \\\\' "
    "and the other columns in a second block under the same index.",
}


def run_pandas():
    import re

    import pandas as pd

    if variant == "pandas_wide":
        pd.set_option("display.max_columns", None)
    history = train(on_epoch=lambda r, h: print(f"epoch {r['epoch']} done"))
    df = pd.DataFrame(history)
    print(df)
    # which columns pandas' display options let through (the truth keeps only the values shown):
    # asked of the column labels of pandas' own rendering, never of its numbers
    header = " ".join(ln for ln in repr(df).splitlines() if not re.match(r"^\s*\d", ln))
    shown = [k for k in df.columns if re.search(rf"(?<![\w]){k}(?![\w])", header)]
    metrics = (
        "train_loss",
        "train_acc",
        "val_loss",
        "val_acc",
        "val_precision",
        "val_recall",
        "val_f1",
        "lr",
    )
    add_cols(history, [(k, k) for k in metrics if k in shown])
    return dict(
        record="the loop's history (list of per-epoch dicts), the DataFrame's rows",
        notes=(
            "Per epoch 'epoch 1 done'. At the end print(pd.DataFrame(history)): an index column 0..4, columns "
            "epoch, step, train_loss, train_acc, val_loss, val_acc, val_precision, val_recall, val_f1, lr, floats "
            "with 6 decimals. "
            + PANDAS_NOTE[(variant, os.environ.get("MLOP_CORPUS_MODE", "pipe"))]
            + " "
            "The index (0-based row number) and the step column (global batch count) are not metrics. "
            + HIST_NOTE
        ),
    )


info = {
    "pt_markdown": run_pt_markdown,
    "pt_orgmode": run_pt_orgmode,
    "pt_box": run_pt_box,
    "pt_plain": run_pt_plain,
    "pt_default": run_pt_default,
    "rich_simple": run_rich_simple,
    "rich_ascii": run_rich_ascii,
    "rich_live": run_rich_live,
    "rich_progress": run_rich_progress,
    "tqdm_desc": run_tqdm_desc,
    "tqdm_ascii": run_tqdm_ascii,
    "tqdm_rich": run_tqdm_rich,
    "yaspin": run_yaspin,
    "halo": run_halo,
    "pandas": run_pandas,
    "pandas_wide": run_pandas,
}[variant]()
sys.stdout.flush()
sys.stderr.flush()
LIBS = {
    "pt": ["prettytable"],
    "rich": ["rich"],
    "tqdm": ["tqdm"] + (["rich"] if variant == "tqdm_rich" else []),
    "yaspin": ["yaspin"],
    "halo": ["halo"],
    "pandas": ["pandas"],
}[variant.split("_")[0]]
info.setdefault("step_kind", "global")
_truth.write(
    library=", ".join(f"{lib} {metadata.version(lib)}" for lib in LIBS)
    + f" (numpy {np.__version__})",
    script="tests/corpus/scripts/table_bar_styles.py",
    series=series,
    not_printed=[],
    extra_ok=[],
    **info,
)
