"""A hand-written training loop (the numpy MLP of _toy.py, 4 epochs x 30 steps, validation in 3
batches of 40 rows) whose metrics are shown by live-updating terminal displays, each the way its
docs show it, with the config banner / timing / summary lines such scripts print around them.

Variants:
    rich_tasks     rich.progress.Progress with two tasks, 'train' and 'valid', reset every epoch,
                   custom TextColumns 'loss: {task.fields[loss]:.4f}' and 'acc: {task.fields[acc]:.3f}',
                   a config banner (console.rule + sizes, parameter count, lr), a per-epoch
                   progress.console.print line, Console.status while testing, a summary
    rich_live      rich.live.Live of a Group: a Panel with the run's config, a history Table rebuilt
                   and live.update()d every epoch (Epoch | Train Loss | Train Acc | Val Loss | Val Acc
                   | LR | Time (s) | Samples/s), a Progress row over all steps with 'batch_loss=…'
    tqdm_nested    an outer tqdm over epochs (position=0, set_postfix(val_loss, val_acc)), an inner
                   tqdm over batches per epoch (position=1, leave=False, set_postfix(loss, lr)),
                   tqdm.write of an epoch line between them, a config header and a closing summary
    pqdm_sweep     pqdm (threads, n_jobs=2) over a grid of 6 (lr, hidden) configs, each trained 3
                   epochs by the loop; its tqdm bars ('QUEUEING TASKS', 'PROCESSING TASKS',
                   'COLLECTING RESULTS'), then one printed line per trial (config, parameter count,
                   val_loss, val_acc, seconds) and the best config
    rich_status    rich.progress.open reading the data file (bytes bar), Console.status spinner whose
                   text carries the step's loss, console.log per epoch, a per-class report Table
    blessed_block  blessed.Terminal: a 6-line status block redrawn every 5 steps with
                   term.move_up(n) + term.clear_eol (on a terminal; piped, blessed emits no
                   sequences and every redraw is appended), a green epoch line after each epoch

Truth: the loop's own record (its history of per-epoch dicts, per-trial result dicts, and for the
per-step displays the values it handed the display), kept at full precision.  Per-step values of
the rich and tqdm bars count only when drawn: sys.stdout and sys.stderr are wrapped so that a
step's state counts once the text the loop set for it is written out.
Versions: rich 15.0.0, tqdm 4.70.1, pqdm 0.2.0 (bounded-pool-executor 0.0.3), blessed 1.53.0,
numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAO-1: pip install numpy rich tqdm pqdm blessed):
    python tests/corpus/scripts/capture.py pipe real_rich_progress_two_tasks -- python tests/corpus/scripts/live_display_loops.py rich_tasks
    python tests/corpus/scripts/capture.py pty  real_rich_progress_two_tasks_pty -- python tests/corpus/scripts/live_display_loops.py rich_tasks
    python tests/corpus/scripts/capture.py pipe real_rich_live_group_history -- python tests/corpus/scripts/live_display_loops.py rich_live
    python tests/corpus/scripts/capture.py pty  real_rich_live_group_history_pty -- python tests/corpus/scripts/live_display_loops.py rich_live
    python tests/corpus/scripts/capture.py pipe real_tqdm_nested_epochs -- python tests/corpus/scripts/live_display_loops.py tqdm_nested
    python tests/corpus/scripts/capture.py pty  real_tqdm_nested_epochs_pty -- python tests/corpus/scripts/live_display_loops.py tqdm_nested
    python tests/corpus/scripts/capture.py pipe real_pqdm_sweep -- python tests/corpus/scripts/live_display_loops.py pqdm_sweep
    python tests/corpus/scripts/capture.py pty  real_pqdm_sweep_pty -- python tests/corpus/scripts/live_display_loops.py pqdm_sweep
    python tests/corpus/scripts/capture.py pipe real_rich_status_report -- python tests/corpus/scripts/live_display_loops.py rich_status
    python tests/corpus/scripts/capture.py pty  real_rich_status_report_pty -- python tests/corpus/scripts/live_display_loops.py rich_status
    python tests/corpus/scripts/capture.py pipe real_blessed_status_block -- python tests/corpus/scripts/live_display_loops.py blessed_block
    python tests/corpus/scripts/capture.py pty  real_blessed_status_block_pty -- python tests/corpus/scripts/live_display_loops.py blessed_block
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

EPOCHS = 4
SLEEP = 0.01  # a little time per step, as a real model takes: bars redraw on time
VAL_BATCH = 40
variant = sys.argv[1]
toy = Toy(n=960, batch=32, lr=0.3, seed=7)
SPE = toy.steps_per_epoch  # 30
NVAL = len(toy.yv) // 2  # the held-out rows: first half validation, second half test
NVB = NVAL // VAL_BATCH  # 3
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
SEEN_SET_CALLS: list = []
sys.stdout = Tap(sys.stdout)
sys.stderr = Tap(sys.stderr)


def set_mark(text, step, epoch, values):
    """The text the loop is about to hand the display for this step, and the values behind it."""
    MARK.pop(text, None)
    MARK[text] = (len(SEEN_SET_CALLS), (step, epoch), values)
    SEEN_SET_CALLS.append(text)


def n_params(t):
    return t.w1.size + t.b1.size + t.w2.size + 1


def evaluate(t, x, y):
    _, p = t._forward(x)
    loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    pred = p > 0.5
    acc = float(np.mean(pred == y))
    tp = float(np.sum(pred & (y == 1)))
    prec = tp / max(float(np.sum(pred)), 1.0)
    rec = tp / max(float(np.sum(y == 1)), 1.0)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return dict(loss=loss, acc=acc, precision=prec, recall=rec, f1=f1)


def train(t=toy, epochs=EPOCHS, lr0=0.3, on_step=None, on_val=None, on_epoch=None, before=None):
    """Train; returns the history, a list of per-epoch dicts (the loop's record)."""
    history = []
    step = 0
    for epoch in range(1, epochs + 1):
        t.lr = lr0 * 0.5 ** ((epoch - 1) // 2)
        if before:
            before(epoch)
        t0 = time.perf_counter()
        tl = ta = 0.0
        for i in range(SPE):
            loss, acc = t.train_step()
            step += 1
            tl += loss
            ta += acc
            time.sleep(SLEEP)
            if on_step:
                on_step(epoch, i + 1, step, loss, acc, tl / (i + 1), ta / (i + 1))
        vl = va = 0.0
        for j in range(NVB):
            sl = slice(j * VAL_BATCH, (j + 1) * VAL_BATCH)
            r = evaluate(t, t.xv[:NVAL][sl], t.yv[:NVAL][sl])
            vl += r["loss"]
            va += r["acc"]
            time.sleep(SLEEP)
            if on_val:
                on_val(epoch, j + 1, step, vl / (j + 1), va / (j + 1))
        secs = time.perf_counter() - t0
        row = dict(
            epoch=epoch,
            step=step,
            train_loss=tl / SPE,
            train_acc=ta / SPE,
            val_loss=vl / NVB,
            val_acc=va / NVB,
            lr=t.lr,
            secs=secs,
            samples_per_s=SPE * t.batch / secs,
        )
        history.append(row)
        if on_epoch:
            on_epoch(row, history)
    return history


def add_rows(history, cols):
    """cols: [(printed name, history key)]; one point per epoch per column, epoch by epoch."""
    for r in history:
        for name, key in cols:
            series.add(name, r["step"], r["epoch"], r[key])


HIST_NOTE = (
    "step = the global batch count at the epoch's end (30 steps per epoch); epoch 1-based as "
    "printed. Train loss/acc are the epoch means of the per-batch values; val = the mean over 3 "
    "validation batches of 40 rows (the first half of the held-out rows). "
)


# ---------------------------------------------------------------- rich


def run_rich_tasks():
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console()
    console.rule("[bold]Training run")
    console.print(
        f"train samples: {len(toy.y)} | val samples: {NVAL} | test samples: {len(toy.yv) - NVAL}"
        f" | features: {toy.x.shape[1]}"
    )
    console.print(
        f"model: MLP 16-32-1 ({n_params(toy)} parameters) | batch size: {toy.batch} | "
        f"steps/epoch: {SPE} | epochs: {EPOCHS} | lr: 0.3 (halved every 2 epochs)"
    )
    t_start = time.perf_counter()
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold blue]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("loss: {task.fields[loss]:.4f}"),
        TextColumn("acc: {task.fields[acc]:.3f}"),
        TimeElapsedColumn(),
        console=console,
    )
    with progress:
        tr = progress.add_task("train", total=SPE, loss=float("nan"), acc=float("nan"))
        va = progress.add_task("valid", total=NVB, loss=float("nan"), acc=float("nan"))

        def before(epoch):
            progress.reset(tr, total=SPE)
            progress.reset(va, total=NVB)

        def on_step(epoch, i, step, loss, acc, ml, ma):
            set_mark(
                f"loss: {ml:.4f} acc: {ma:.3f}",
                step,
                epoch,
                [("train loss", ml), ("train acc", ma)],
            )
            progress.update(tr, advance=1, loss=ml, acc=ma)

        def on_val(epoch, j, step, ml, ma):
            set_mark(
                f"loss: {ml:.4f} acc: {ma:.3f}",
                step,
                epoch,
                [("valid loss", ml), ("valid acc", ma)],
            )
            progress.update(va, advance=1, loss=ml, acc=ma)

        def on_epoch(r, h):
            progress.console.print(
                f"Epoch {r['epoch']}/{EPOCHS}: train_loss={r['train_loss']:.4f} "
                f"train_acc={r['train_acc']:.4f} val_loss={r['val_loss']:.4f} "
                f"val_acc={r['val_acc']:.4f} lr={r['lr']:.1e} time={r['secs']:.2f}s"
            )

        history = train(on_step=on_step, on_val=on_val, on_epoch=on_epoch, before=before)
    MARK.clear()
    add_rows(
        history,
        [("train_loss", "train_loss"), ("train_acc", "train_acc"), ("val_loss", "val_loss")]
        + [("val_acc", "val_acc"), ("lr", "lr")],
    )
    with console.status("Evaluating on the test set..."):
        time.sleep(0.5)
        te = evaluate(toy, toy.xv[NVAL:], toy.yv[NVAL:])
    total = time.perf_counter() - t_start
    best = min(history, key=lambda r: r["val_loss"])
    console.print(
        f"[green]Test[/]: loss {te['loss']:.4f} | accuracy {te['acc']:.4f} | "
        f"precision {te['precision']:.4f} | recall {te['recall']:.4f} | f1 {te['f1']:.4f}"
    )
    step = history[-1]["step"]
    for k, name in (("loss", "loss"), ("acc", "accuracy"), ("precision", "precision")):
        series.add(f"test {name}", step, EPOCHS, te[k])
    series.add("test recall", step, EPOCHS, te["recall"])
    series.add("test f1", step, EPOCHS, te["f1"])
    console.print(
        f"best epoch: {best['epoch']} | {EPOCHS * SPE} steps in {total:.2f}s "
        f"({EPOCHS * SPE * toy.batch / total:.0f} samples/s)"
    )
    return dict(
        record="the loop's history (per-epoch dicts), its final test evaluation, and the running "
        "means it handed the two progress tasks (only the states written out, noted by a wrapper on "
        "the output streams)",
        extra_ok=["time", "samples/s"],
        notes=(
            "A config banner ('train samples: 960 | val samples: 120 | test samples: 120 | features: 16', "
            "'model: MLP 16-32-1 (577 parameters) | batch size: 32 | steps/epoch: 30 | epochs: 4 | lr: 0.3 "
            "(halved every 2 epochs)': counts and hyper-parameters, no metric). Then a rich Progress with two "
            "tasks reset every epoch: 'train ━━━ 12/30 loss: 0.5123 acc: 0.719 0:00:00' (the running mean "
            "of the epoch's batch loss/accuracy, per step) and 'valid ━━━ 2/3 loss: 0.4361 acc: 0.812' (the "
            "running mean over the validation batches so far). Their columns are both printed 'loss' and "
            "'acc': the truth names them '<task> loss' / '<task> acc' ('train loss', 'valid acc'). The "
            "last valid state of an epoch equals that epoch's val_loss/val_acc. Per epoch a line "
            "'Epoch 1/4: train_loss=0.5270 train_acc=0.7813 val_loss=0.4361 val_acc=0.8208 lr=3.0e-01 "
            "time=0.41s'. At the end Console.status spinner 'Evaluating on the test set...' (pty only), "
            "'Test: loss … | accuracy … | precision … | recall … | f1 …' (series 'test <name>', step = "
            "the last step, epoch 4) and 'best epoch: 3 | 120 steps in 2.01s (1909 samples/s)' (best "
            "epoch and steps are counts). Pipe: no live bar, the two task rows printed once when the "
            "Progress stops (their final states); pty: redrawn 10 times a second. " + HIST_NOTE
        ),
    )


def history_table(history):
    from rich.table import Table

    t = Table(title="History")
    for name in ("Epoch", "Train Loss", "Train Acc", "Val Loss", "Val Acc", "LR", "Time (s)"):
        t.add_column(name, justify="right")
    t.add_column("Samples/s", justify="right")
    for r in history:
        t.add_row(
            str(r["epoch"]),
            f"{r['train_loss']:.4f}",
            f"{r['train_acc']:.4f}",
            f"{r['val_loss']:.4f}",
            f"{r['val_acc']:.4f}",
            f"{r['lr']:.3g}",
            f"{r['secs']:.2f}",
            f"{r['samples_per_s']:.0f}",
        )
    return t


def run_rich_live():
    from rich.console import Group
    from rich.live import Live
    from rich.panel import Panel
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    cfg = Panel(
        f"dataset: 960 train / {NVAL} val rows, 16 features\n"
        f"model: MLP 16-32-1, {n_params(toy)} parameters\n"
        f"optimizer: SGD lr=0.3, step decay 0.5 every 2 epochs, batch 32, seed 7",
        title="config",
        expand=False,
    )
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("batch_loss={task.fields[batch_loss]:.4f}"),
        TimeElapsedColumn(),
    )
    task = progress.add_task("Epoch 1/4", total=EPOCHS * SPE, batch_loss=float("nan"))
    hist: list = []

    def view():
        return Group(cfg, history_table(hist), progress)

    with Live(view(), refresh_per_second=8) as live:

        def before(epoch):
            progress.update(task, description=f"Epoch {epoch}/{EPOCHS}")

        def on_step(epoch, i, step, loss, acc, ml, ma):
            set_mark(f"batch_loss={loss:.4f}", step, epoch, [("batch_loss", loss)])
            progress.update(task, advance=1, batch_loss=loss)

        def on_epoch(r, h):
            hist[:] = h
            live.update(view())

        history = train(on_step=on_step, on_epoch=on_epoch, before=before)
    MARK.clear()
    add_rows(
        history,
        [("Train Loss", "train_loss"), ("Train Acc", "train_acc"), ("Val Loss", "val_loss")]
        + [("Val Acc", "val_acc"), ("LR", "lr")],
    )
    return dict(
        record="the loop's history (per-epoch dicts) and the batch losses it handed the progress "
        "row (only the states written out, noted by a wrapper on the output streams)",
        extra_ok=["Time (s)", "Samples/s", "Sample…"],
        notes=(
            "rich.live.Live of a Group: a Panel titled 'config' ('dataset: 960 train / 120 val rows, 16 "
            "features', 'model: MLP 16-32-1, 577 parameters', 'optimizer: SGD lr=0.3, step decay 0.5 every 2 "
            "epochs, batch 32, seed 7': counts and hyper-parameters), a Table titled 'History' rebuilt "
            "every epoch (Epoch | Train Loss | Train Acc | Val Loss | Val Acc | LR | Time (s) | Samples/s; "
            "LR '0.3', '0.15'; Time and Samples/s timings), and a Progress row over all 120 steps 'Epoch 2/4 "
            "━━━ 45/120 batch_loss=0.4123 0:00:01' (the step's batch loss). pty: the whole group redrawn 8 "
            "times a second with cursor-up sequences (a redraw of a row is the same point). Pipe: Live "
            "draws nothing until it stops, then the final group once (the full table, the last step's "
            "batch_loss). " + HIST_NOTE
        ),
    )


# ---------------------------------------------------------------- tqdm


def run_tqdm_nested():
    from tqdm import tqdm

    print(
        f"Config: epochs={EPOCHS} batch_size={toy.batch} lr=0.3 hidden=32 seed=7 "
        f"| train={len(toy.y)} val={NVAL} | params={n_params(toy)}"
    )
    t0 = time.perf_counter()
    history = []
    step = 0
    outer = tqdm(range(1, EPOCHS + 1), desc="Epochs", position=0)
    for epoch in outer:
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
        te = time.perf_counter()
        tl = ta = 0.0
        inner = tqdm(range(SPE), desc=f"Epoch {epoch}", position=1, leave=False, unit="batch")
        for _i in inner:
            loss, acc = toy.train_step()
            step += 1
            tl += loss
            ta += acc
            time.sleep(SLEEP)
            set_mark(
                f"loss={loss:.4f}, lr={toy.lr:.3g}", step, epoch, [("loss", loss), ("lr", toy.lr)]
            )
            inner.set_postfix(loss=f"{loss:.4f}", lr=f"{toy.lr:.3g}")
        inner.close()
        MARK.clear()
        v = evaluate(toy, toy.xv[:NVAL], toy.yv[:NVAL])
        secs = time.perf_counter() - te
        row = dict(
            epoch=epoch,
            step=step,
            train_loss=tl / SPE,
            train_acc=ta / SPE,
            val_loss=v["loss"],
            val_acc=v["acc"],
            secs=secs,
            lr=toy.lr,
        )
        history.append(row)
        tqdm.write(
            f"Epoch {epoch:02d} | train loss {row['train_loss']:.4f} | train acc {row['train_acc']:.4f} "
            f"| val loss {row['val_loss']:.4f} | val acc {row['val_acc']:.4f} | {secs:.2f}s"
        )
        outer.set_postfix(val_loss=f"{v['loss']:.4f}", val_acc=f"{v['acc']:.4f}")
    outer.close()
    MARK.clear()
    add_rows(
        history,
        [("train loss", "train_loss"), ("train acc", "train_acc"), ("val loss", "val_loss")]
        + [("val acc", "val_acc")],
    )
    total = time.perf_counter() - t0
    best = max(history, key=lambda r: r["val_acc"])
    print(
        f"Done in {total:.1f}s ({step} steps, {step / total:.1f} it/s). "
        f"Best val acc {best['val_acc']:.4f} at epoch {best['epoch']}."
    )
    series.add("Best val acc", best["step"], best["epoch"], best["val_acc"])
    return dict(
        record="the loop's history (per-epoch dicts) and the values it handed the two bars' "
        "set_postfix (only the states written out, noted by a wrapper on the output streams)",
        extra_ok=["it/s", "s/it", "batch/s", "s/batch"],
        notes=(
            "A 'Config: epochs=4 batch_size=32 lr=0.3 hidden=32 seed=7 | train=960 val=120 | params=577' "
            "line (hyper-parameters and counts). Two tqdm bars on stderr: the outer 'Epochs' (position=0, "
            "over 4 epochs) with set_postfix(val_loss, val_acc) after each epoch ('Epochs:  25%|██▌  | "
            "1/4 [00:00<00:01, 2.41it/s, val_acc=0.8083, val_loss=0.4425]': tqdm sorts the postfix keys; the "
            "same values as the tqdm.write line's 'val loss' / 'val acc', the same series by name), "
            "the inner 'Epoch 1' (position=1, leave=False, unit='batch') with set_postfix(loss, lr) per step "
            "('loss=0.5123, lr=0.3': the batch loss and the schedule's learning rate at that step), tqdm.write between them per epoch 'Epoch 01 | train loss 0.5270 | train "
            "acc 0.7813 | val loss 0.4361 | val acc 0.8208 | 0.41s'. tqdm moves between the two rows with "
            "'\\n' and '\\x1b[A' even in a pipe. Closing print 'Done in 1.7s (120 steps, 70.1 it/s). Best "
            "val acc 0.8333 at epoch 3.' (series 'Best val acc', one point at the best epoch's step). "
            + HIST_NOTE.replace(
                "the mean over 3 validation batches of 40 rows", "one pass over 120 rows"
            )
        ),
    )


# ---------------------------------------------------------------- pqdm


def run_pqdm_sweep():
    from pqdm.threads import pqdm

    grid = [dict(lr=lr, hidden=h) for lr in (0.05, 0.1, 0.3) for h in (8, 32)]
    print(f"Sweep: {len(grid)} configs x 3 epochs, {len(toy.y)} train / {NVAL} val rows, n_jobs=2")

    def trial(lr, hidden):
        t = Toy(n=960, hidden=hidden, batch=32, lr=lr, seed=7)
        t0 = time.perf_counter()
        h = train(t, epochs=3, lr0=lr)
        last = dict(h[-1], lr=lr)
        return dict(last, hidden=hidden, params=n_params(t), secs=time.perf_counter() - t0)

    results = pqdm(grid, trial, n_jobs=2, argument_type="kwargs")
    print(
        f"{'trial':>5} {'lr':>6} {'hidden':>6} {'params':>6} {'val_loss':>9} {'val_acc':>8} {'time':>6}"
    )
    for n, r in enumerate(results, 1):
        print(
            f"{n:>5} {r['lr']:>6.2f} {r['hidden']:>6d} {r['params']:>6d} {r['val_loss']:>9.4f} "
            f"{r['val_acc']:>8.4f} {r['secs']:>5.2f}s"
        )
        series.add("val_loss", n, None, r["val_loss"])
        series.add("val_acc", n, None, r["val_acc"])
    best = min(range(len(results)), key=lambda k: results[k]["val_loss"])
    print(f"Best config: {grid[best]} (trial {best + 1})")
    return dict(
        record="the dicts the trials returned (pqdm's results list, in grid order), each the last "
        "row of that trial's history",
        step_kind="trial",
        extra_ok=["time"],
        notes=(
            "'Sweep: 6 configs x 3 epochs, 960 train / 120 val rows, n_jobs=2' (counts). pqdm.threads.pqdm's "
            "three tqdm bars on stderr ('QUEUEING TASKS | : 100%|██████████| 6/6', 'PROCESSING TASKS | : "
            "…', 'COLLECTING RESULTS | : …'): counts and rates only. Then a right-aligned table, one row "
            "per trial: trial number, lr (0.05 / 0.10 / 0.30), hidden (8 / 32), params (145 / 577), val_loss, "
            "val_acc (after 3 epochs), time ('0.45s'); step = the trial number. 'Best config: {'lr': 0.3, "
            "'hidden': 32} (trial 6)': hyper-parameters. Only val_loss and val_acc are metrics; lr, hidden, "
            "params and the trial number are the config."
        ),
    )


# ---------------------------------------------------------------- blessed


def run_blessed_block():
    from blessed import Terminal

    term = Terminal()
    print(
        term.bold(
            f"Training MLP 16-32-1 ({n_params(toy)} params) on {len(toy.y)} samples, {EPOCHS} epochs"
        )
    )
    state = {"drawn": 0, "t": time.perf_counter()}
    LINES = 6

    def draw(epoch, i, step, loss, acc, ml, lr):
        now = time.perf_counter()
        sps = 5 * toy.batch / (now - state["t"])
        state["t"] = now
        bar = "#" * (20 * i // SPE) + "-" * (20 - 20 * i // SPE)
        block = [
            term.bold(f"Epoch {epoch}/{EPOCHS}") + f" [{bar}] {i}/{SPE}",
            f"  step        {step}",
            f"  loss        {loss:.4f}",
            f"  avg loss    {ml:.4f}",
            f"  accuracy    {acc:.4f}",
            f"  lr          {lr:g}   throughput {sps:.0f} samples/s",
        ]
        out = term.move_up(state["drawn"]) if state["drawn"] else ""
        out += "".join(term.clear_eol + ln + "\n" for ln in block)
        print(out, end="", flush=True)
        state["drawn"] = LINES
        series.add("loss", step, epoch, loss)
        series.add("avg loss", step, epoch, ml)
        series.add("accuracy", step, epoch, acc)
        series.add("lr", step, epoch, lr)

    def on_step(epoch, i, step, loss, acc, ml, ma):
        if i % 5 == 0:
            draw(epoch, i, step, loss, acc, ml, toy.lr)

    def on_epoch(r, h):
        print(
            term.move_up(state["drawn"])
            + term.clear_eos
            + term.green(
                f"epoch {r['epoch']}: train_loss={r['train_loss']:.4f} train_acc={r['train_acc']:.4f} "
                f"val_loss={r['val_loss']:.4f} val_acc={r['val_acc']:.4f} ({r['secs']:.2f}s)"
            ),
            flush=True,
        )
        state["drawn"] = 0

    history = train(on_step=on_step, on_epoch=on_epoch)
    add_rows(
        history,
        [("train_loss", "train_loss"), ("train_acc", "train_acc"), ("val_loss", "val_loss")]
        + [("val_acc", "val_acc")],
    )
    return dict(
        record="the loop's history (per-epoch dicts) and the values it drew in the status block "
        "(every redraw is written at once)",
        extra_ok=["throughput", "samples/s"],
        notes=(
            "A bold header 'Training MLP 16-32-1 (577 params) on 960 samples, 4 epochs' (counts). Every 5 "
            "steps a 6-line block: 'Epoch 2/4 [######--------------] 10/30', '  step        40' (global step, "
            "a count), '  loss        0.4123' (the batch loss), '  avg loss    0.4501' (running mean of the "
            "epoch's batch losses), '  accuracy    0.8125' (the batch accuracy), '  lr          0.3   "
            "throughput 2345 samples/s' (the schedule's learning rate at that step; "
            "throughput a timing). pty: each redraw moves the cursor up 6 lines and clears each line; after "
            "an epoch the block is erased (clear_eos) and a green 'epoch 1: train_loss=… train_acc=… val_loss=… "
            "val_acc=… (0.41s)' line is printed in its place. Pipe: blessed emits no sequences (no "
            "terminal), so every block is appended, 6 blocks then the epoch line, per epoch. "
            + HIST_NOTE
        ),
    )


def run_rich_status():
    import tempfile

    import rich.progress
    from rich.console import Console
    from rich.table import Table

    console = Console()
    # the data set as a user keeps it: an .npz file, read back through rich.progress.open
    tmp = tempfile.mkdtemp(prefix="live_display_")
    path = os.path.join(tmp, "train.npz")
    noise = np.random.default_rng(7).normal(size=(960, 512))  # padding: a file of a few MB
    np.savez(path, x=toy.x, y=toy.y, xv=toy.xv, yv=toy.yv, extra=noise)
    with rich.progress.open(path, "rb", description="Loading train.npz") as fh:
        data = np.load(fh)
        arrays = {k: data[k] for k in data.files}
    os.remove(path)
    os.rmdir(tmp)
    console.log(
        f"loaded {len(arrays)} arrays: x {arrays['x'].shape}, xv {arrays['xv'].shape}, "
        f"extra {arrays['extra'].shape} ({sum(a.nbytes for a in arrays.values()) / 1e6:.1f} MB)"
    )
    with console.status("Training...") as status:

        def on_step(epoch, i, step, loss, acc, ml, ma):
            text = f"Epoch {epoch}/{EPOCHS} step {i}/{SPE} loss {loss:.4f}"
            set_mark(text, step, epoch, [("loss", loss)])
            status.update(f"[bold green]{text}")

        def on_epoch(r, h):
            console.log(
                f"epoch {r['epoch']}: train_loss={r['train_loss']:.4f} "
                f"val_loss={r['val_loss']:.4f} val_acc={r['val_acc']:.2%}"
            )

        history = train(on_step=on_step, on_epoch=on_epoch)
    MARK.clear()
    for r in history:
        series.add("train_loss", r["step"], r["epoch"], r["train_loss"])
        series.add("val_loss", r["step"], r["epoch"], r["val_loss"])
        series.add("val_acc", r["step"], r["epoch"], 100 * r["val_acc"])
    # a per-class report of the test rows, as sklearn's classification_report lays it out
    x, y = toy.xv[NVAL:], toy.yv[NVAL:]
    pred = (toy._forward(x)[1] > 0.5).astype(float)
    table = Table(title="Test classification report")
    for name in ("class", "precision", "recall", "f1-score", "support"):
        table.add_column(name, justify="right")
    rows = []
    for c in (0.0, 1.0):
        tp = float(np.sum((pred == c) & (y == c)))
        prec = tp / max(float(np.sum(pred == c)), 1.0)
        rec = tp / max(float(np.sum(y == c)), 1.0)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((str(int(c)), prec, rec, f1, int(np.sum(y == c))))
    macro = tuple(float(np.mean([r[k] for r in rows])) for k in (1, 2, 3))
    rows.append(("macro avg", *macro, len(y)))
    step = history[-1]["step"]
    for label, prec, rec, f1, support in rows:
        table.add_row(label, f"{prec:.4f}", f"{rec:.4f}", f"{f1:.4f}", str(support))
        for col, v in (("precision", prec), ("recall", rec), ("f1-score", f1)):
            series.add(f"{label} {col}", step, EPOCHS, v)
    console.print(table)
    acc = float(np.mean(pred == y))
    console.print(f"test accuracy: {acc:.4f} ({int(np.sum(pred == y))}/{len(y)})")
    series.add("test accuracy", step, EPOCHS, acc)
    return dict(
        record="the loop's history (per-epoch dicts), the batch losses it put in the status text "
        "(only the states written out, noted by a wrapper on the output streams), and its own "
        "per-class computation on the test rows",
        notes=(
            "rich.progress.open reading a 4 MB .npz (a 'Loading train.npz' bar with bytes read, "
            "'3.9/3.9 MB', and a transfer speed; pty only, a pipe shows the finished bar once), "
            "console.log 'loaded 5 arrays: x (960, 16), xv (240, 16), extra (960, 512) (4.1 MB)' "
            "(shapes and sizes), then Console.status spinner whose text is 'Epoch 2/4 step 12/30 loss "
            "0.4123' every step (pty only: a pipe shows no spinner; the batch loss, series 'loss'), "
            "console.log per epoch 'epoch 1: train_loss=0.5257 val_loss=0.4286 val_acc=81.67%' (val_acc "
            "printed in percent: the truth holds the printed unit; console.log adds the time on the left "
            "and 'live_display_loops.py:NNN' on the right). At the end a rich Table 'Test classification "
            "report' (class | precision | recall | f1-score | support; rows '0', '1', 'macro avg'): its "
            "cells are series '<class> <column>' ('0 precision', 'macro avg f1-score') at the last "
            "step and epoch 4; support is a count. 'test accuracy: 0.8500 (102/120)' (the counts are "
            "not metrics). " + HIST_NOTE
        ),
    )


info = {
    "rich_tasks": run_rich_tasks,
    "rich_live": run_rich_live,
    "tqdm_nested": run_tqdm_nested,
    "pqdm_sweep": run_pqdm_sweep,
    "blessed_block": run_blessed_block,
    "rich_status": run_rich_status,
}[variant]()
sys.stdout.flush()
sys.stderr.flush()
LIBS = {
    "rich_tasks": ["rich"],
    "rich_live": ["rich"],
    "tqdm_nested": ["tqdm"],
    "pqdm_sweep": ["pqdm", "tqdm"],
    "blessed_block": ["blessed"],
    "rich_status": ["rich"],
}[variant]
info.setdefault("step_kind", "global")
_truth.write(
    library=", ".join(f"{k} {metadata.version(k)}" for k in LIBS) + f", numpy {np.__version__}",
    script="tests/corpus/scripts/live_display_loops.py",
    series=series,
    **info,
)
