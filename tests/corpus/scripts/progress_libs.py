"""Small training loops (the numpy MLP of _toy.py on synthetic data, a few epochs) whose metrics
are shown through progress-bar and table libraries other than tqdm/Keras, as their users do.

Variants:
    pbar2       progressbar2: one bar per epoch, widgets Percentage / Bar / Counter /
                Variable('loss') / Variable('acc') / ETA, 'Epoch 1: val_loss=… val_acc=…' after
                each bar, then a terminaltables AsciiTable of the epoch history
    rich        rich.progress: Progress(TextColumn, BarColumn, MofNCompleteColumn, elapsed,
                remaining, a TextColumn of a 'status' field 'loss: 0.6123 | acc: 0.719'), one task
                per epoch, progress.console.print of a validation line after each epoch
    bearpaw     verigak's progress Bar as bearpaw/pytorch-classification uses it: a 'Processing'
                bar per train and test pass whose suffix is '(12/31) Data: 0.000s | Batch: 0.021s |
                Total: 0:00:00 | ETA: 0:00:01 | Loss: 0.6123 | top1:  71.0938', 'Epoch: [1 | 4] LR:
                0.100000' before each epoch, then a texttable of the history and 'Best acc:'
    tableprint  tableprint.header / row per epoch / bottom (a live box-drawn table), then
                beautifultable of the final evaluation
    pyprind     PyPrind ProgBar(monitor=True) per epoch with the loss as item_id, print(bar) (its
                CPU % / Memory % report), a val line
    fastprogress fastprogress master_bar / progress_bar in a custom loop: mb.child.comment
                'loss 0.6123', mb.write of a per-epoch line (not a table), mb.main_bar.comment

Truth: the values the loop computed and handed to the library (lists it appends to), restricted
to the states the library actually drew: each library's drawing function is wrapped to note which
step's values it drew (progressbar2 ProgressBar._format_line, rich Progress.make_tasks_table,
progress Infinite.writeln when the file is a terminal, fastprogress ConsoleProgressBar.on_update
when it prints, PyPrind ProgBar._cache_item_id when it has a stream). A redraw of one position is one point.
Versions: progressbar2 4.6.0, rich 15.0.0, progress 1.6.1, texttable 1.7.2, terminaltables
3.1.10, tableprint 0.9.1, beautifultable 1.1.0, fastprogress 1.1.6, PyPrind 2.11.3, psutil 7.2.2, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-za-1: pip install numpy progressbar2 rich
progress texttable terminaltables tableprint beautifultable fastprogress pyprind psutil):
    python tests/corpus/scripts/capture.py pipe real_progressbar2_loop -- python tests/corpus/scripts/progress_libs.py pbar2
    python tests/corpus/scripts/capture.py pty  real_progressbar2_loop_pty -- python tests/corpus/scripts/progress_libs.py pbar2
    python tests/corpus/scripts/capture.py pipe real_rich_progress_loop -- python tests/corpus/scripts/progress_libs.py rich
    python tests/corpus/scripts/capture.py pty  real_rich_progress_loop_pty -- python tests/corpus/scripts/progress_libs.py rich
    python tests/corpus/scripts/capture.py pipe real_progress_bearpaw -- python tests/corpus/scripts/progress_libs.py bearpaw
    python tests/corpus/scripts/capture.py pty  real_progress_bearpaw_pty -- python tests/corpus/scripts/progress_libs.py bearpaw
    python tests/corpus/scripts/capture.py pipe real_tableprint_loop -- python tests/corpus/scripts/progress_libs.py tableprint
    python tests/corpus/scripts/capture.py pipe real_fastprogress_loop -- python tests/corpus/scripts/progress_libs.py fastprogress
    python tests/corpus/scripts/capture.py pty  real_fastprogress_loop_pty -- python tests/corpus/scripts/progress_libs.py fastprogress
    python tests/corpus/scripts/capture.py pipe real_pyprind_loop -- python tests/corpus/scripts/progress_libs.py pyprind
    python tests/corpus/scripts/capture.py pty  real_pyprind_loop_pty -- python tests/corpus/scripts/progress_libs.py pyprind
"""

from __future__ import annotations

import os
import sys
import time
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Toy

EPOCHS = 4
SLEEP = 0.02  # a little time per step, as a real model takes: bars redraw on time
variant = sys.argv[1]
toy = Toy(n=1000, batch=32, lr=0.2, seed=3)
SPE = toy.steps_per_epoch  # 31
series = _truth.Series()
DRAWN: list = []  # what the wrapped drawing functions saw, in draw order


def add_drawn(points):
    """Per-step values drawn by a bar: one point per (epoch, position), the first draw of it."""
    seen = set()
    for key, step, epoch, values in points:
        if key in seen:
            continue
        seen.add(key)
        for name, v in values:
            series.add(name, step, epoch, v)


def run_pbar2():
    import progressbar
    from terminaltables import AsciiTable

    orig = progressbar.ProgressBar._format_line

    def format_line(self):
        DRAWN.append(("bar", CUR["epoch"], int(self.value or 0), dict(self.variables)))
        return orig(self)

    progressbar.ProgressBar._format_line = format_line
    CUR = {"epoch": 0}
    step = 0
    rows = []
    events = []
    for epoch in range(1, EPOCHS + 1):
        CUR["epoch"] = epoch
        widgets = [
            f"Epoch {epoch}/{EPOCHS} ",
            progressbar.Percentage(),
            " ",
            progressbar.Bar(),
            " ",
            progressbar.Counter(format="%(value)d/%(max_value)d"),
            " ",
            progressbar.Variable("loss"),
            " ",
            progressbar.Variable("acc"),
            " ",
            progressbar.ETA(),
        ]
        bar = progressbar.ProgressBar(max_value=SPE, widgets=widgets)
        bar.start()
        tl = ta = 0.0
        by_pos = {}
        for i in range(SPE):
            loss, acc = toy.train_step()
            step += 1
            tl += loss
            ta += acc
            by_pos[i + 1] = (step, loss, acc)
            time.sleep(SLEEP)
            bar.update(i + 1, loss=loss, acc=acc)
        bar.finish()
        vl, va = toy.evaluate()
        print(f"Epoch {epoch}: val_loss={vl:.4f} val_acc={va:.4f}")
        events.append(("pos", epoch, by_pos))
        events.append(("val", epoch, step, vl, va))
        rows.append((epoch, step, tl / SPE, ta / SPE, vl, va))
    table = [["Epoch", "Train Loss", "Train Acc", "Val Loss", "Val Acc"]]
    for epoch, _, tl, ta, vl, va in rows:
        table.append([str(epoch), f"{tl:.4f}", f"{ta:.4f}", f"{vl:.4f}", f"{va:.4f}"])
    t = AsciiTable(table, title="Training history")
    print(t.table)

    # truth: drawn bar states with a value (the first state, before any update, shows '------')
    drawn = [d for d in DRAWN if d[3].get("loss") is not None]
    pos_of = {e[1]: e[2] for e in events if e[0] == "pos"}
    for e in events:
        if e[0] == "pos":
            pts = []
            for _, ep, pos, values in drawn:
                if ep == e[1]:
                    s = pos_of[ep][pos][0]
                    pts.append(
                        ((ep, pos), s, ep, [("loss", values["loss"]), ("acc", values["acc"])])
                    )
            add_drawn(pts)
        else:
            _, ep, s, vl, va = e
            series.add("val_loss", s, ep, vl)
            series.add("val_acc", s, ep, va)
    for epoch, step, tl, ta, vl, va in rows:
        for k, v in (("Train Loss", tl), ("Train Acc", ta), ("Val Loss", vl), ("Val Acc", va)):
            series.add(k, step, epoch, v)
    return dict(
        library=f"progressbar2 {metadata.version('progressbar2')}, terminaltables {metadata.version('terminaltables')}",
        record="the loop's own lists of the values it passed to bar.update(loss=, acc=) (only the drawn states, noted by wrapping ProgressBar._format_line), its val lines and its history rows",
        extra_ok=[],
        notes=(
            "One progressbar2 bar per epoch: 'Epoch 1/4  45% |#####    | 14/31 loss: 0.612 acc: 0.719 ETA:   0:00:00' "
            "(pipe: one line per redraw, progressbar2 breaks lines when not on a terminal; pty: '\\r' redraws). "
            "Variable widgets print 3 significant digits; the first state of each bar shows 'loss: ------' (no value). "
            "Percent, counter 14/31 and ETA are not metrics. After each bar 'Epoch 1: val_loss=0.5123 val_acc=0.7440'. "
            "At the end a terminaltables AsciiTable titled 'Training history' with Train Loss / Train Acc (epoch means "
            "of the per-batch values) / Val Loss / Val Acc per epoch (the same val numbers again, under other names). "
            "step = the global batch count; epoch 1-based as printed."
        ),
    )


def run_rich():
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    orig = Progress.make_tasks_table
    status_of = {}  # status text -> (step, epoch, loss, acc)

    renders = []  # one list per render of the task table
    TERMINAL = Console().is_terminal

    def make_tasks_table(self, tasks):
        renders.append(
            [status_of[t.fields["status"]] for t in tasks if t.fields["status"] in status_of]
        )
        if TERMINAL:  # each render is drawn at once
            DRAWN.extend(renders[-1])
        return orig(self, tasks)

    Progress.make_tasks_table = make_tasks_table
    step = 0
    events = []
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("•"),
        TimeElapsedColumn(),
        TextColumn("•"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[status]}"),
    ) as progress:
        for epoch in range(1, EPOCHS + 1):
            task = progress.add_task(f"Epoch {epoch}/{EPOCHS}", total=SPE, status="")
            for i in range(SPE):
                loss, acc = toy.train_step()
                step += 1
                time.sleep(SLEEP)
                st = f"loss: {loss:.4f} | acc: {acc:.3f}"
                status_of[st] = ((epoch, i + 1), step, epoch, [("loss", loss), ("acc", acc)])
                progress.update(task, advance=1, status=st)
            vl, va = toy.evaluate()
            progress.console.print(
                f"[bold green]Epoch {epoch}[/]: val_loss={vl:.4f}, val_acc={va:.2%}"
            )
            events.append((len(DRAWN), step, epoch, vl, va))
    if not TERMINAL:  # a file: only the last render, at stop, is printed
        DRAWN.extend(renders[-1])
    # interleave: bar states drawn before each val line, then the val line
    start = 0
    seen = set()
    for n, s, ep, vl, va in events:
        for d in DRAWN[start:n]:
            if d[0] not in seen:
                seen.add(d[0])
                for name, v in d[3]:
                    series.add(name, d[1], d[2], v)
        start = n
        series.add("val_loss", s, ep, vl)
        series.add("val_acc", s, ep, va * 100)
    for d in DRAWN[start:]:
        if d[0] not in seen:
            seen.add(d[0])
            for name, v in d[3]:
                series.add(name, d[1], d[2], v)
    return dict(
        library=f"rich {metadata.version('rich')}",
        record="the loop's own record of the values it put in the task's 'status' field (only the states rendered, noted by wrapping Progress.make_tasks_table) and of its validation lines",
        extra_ok=[],
        notes=(
            "rich.progress.Progress, one task per epoch (all tasks stay on screen): 'Epoch 1/4 ━━━━━━╸━━━ 14/31 • 0:00:00 • "
            "0:00:01 loss: 0.6123 | acc: 0.719'; after each epoch progress.console.print 'Epoch 1: val_loss=0.5123, "
            "val_acc=74.40%' (val_acc printed in percent: the truth holds the printed unit). Counts 14/31, elapsed and "
            "remaining times are not metrics. Pipe: rich draws no live bar on a non-terminal, the finished tasks are "
            "printed once at the end (after every val line), so the truth's order follows the drawing; pty: the bar "
            "block is redrawn 10 times a second with cursor-up sequences, every task row each time (a redraw of one "
            "position is one point). The status field is empty until the first step. step = global batch count."
        ),
    )


class AverageMeter:
    """bearpaw/pytorch-classification's utils.AverageMeter."""

    def __init__(self):
        self.val = self.avg = self.sum = self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count


def run_bearpaw():
    from progress import Infinite
    from progress.bar import Bar
    from texttable import Texttable

    orig = Infinite.writeln
    CUR = {"state": None}

    def writeln(self, line):
        if self.is_tty() and CUR["state"] is not None:
            DRAWN.append(CUR["state"])
        return orig(self, line)

    Infinite.writeln = writeln
    lr = 0.2
    step = 0
    history = []
    best_acc = 0.0
    rec = []  # (key, step, epoch, [(name, value)]) of every state handed to a bar

    def one_pass(train, epoch):
        nonlocal step
        batch_time, data_time, losses, top1 = (AverageMeter() for _ in range(4))
        n_batches = SPE if train else 8
        bar = Bar("Processing", max=n_batches)
        end = time.time()
        for batch_idx in range(n_batches):
            data_time.update(time.time() - end)
            if train:
                loss, acc = toy.train_step()
                step += 1
            else:  # the held-out set in 8 batches of 31 or 32
                _, p = toy._forward(toy.xv[batch_idx::8])
                y = toy.yv[batch_idx::8]
                import numpy as np

                loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
                acc = float(np.mean((p > 0.5) == y))
            n = 32
            losses.update(loss, n)
            top1.update(100.0 * acc, n)
            time.sleep(SLEEP)
            batch_time.update(time.time() - end)
            end = time.time()
            bar.suffix = (
                "({batch}/{size}) Data: {data:.3f}s | Batch: {bt:.3f}s | Total: {total:} | ETA: {eta:} | "  # noqa: UP032 (bearpaw's code)
                "Loss: {loss:.4f} | top1: {top1: .4f}".format(
                    batch=batch_idx + 1,
                    size=n_batches,
                    data=data_time.avg,
                    bt=batch_time.avg,
                    total=bar.elapsed_td,
                    eta=bar.eta_td,
                    loss=losses.avg,
                    top1=top1.avg,
                )
            )
            CUR["state"] = (
                (train, epoch, batch_idx + 1),
                step,
                epoch,
                [("Loss", losses.avg), ("top1", top1.avg)],
            )
            rec.append(CUR["state"])
            bar.next()
        bar.finish()
        CUR["state"] = None
        return losses.avg, top1.avg

    order = []  # print order of everything: ("lr", ...), ("bar", start, end)
    for epoch in range(EPOCHS):
        print("\nEpoch: [%d | %d] LR: %f" % (epoch + 1, EPOCHS, lr))  # noqa: UP031 (bearpaw's)
        order.append(("lr", step, epoch + 1, lr))
        n0 = len(DRAWN)
        train_loss, train_acc = one_pass(True, epoch + 1)
        test_loss, test_acc = one_pass(False, epoch + 1)
        order.append(("bar", n0, len(DRAWN)))
        history.append((epoch + 1, step, lr, train_loss, test_loss, train_acc, test_acc))
        best_acc = max(test_acc, best_acc)
    t = Texttable()
    t.add_rows(
        [["Epoch", "LR", "Train Loss", "Valid Loss", "Train Acc.", "Valid Acc."]]
        + [[e, lr_, tl, vl, ta, va] for e, _, lr_, tl, vl, ta, va in history]
    )
    print(t.draw())
    print("Best acc:")
    print(best_acc)

    seen = set()
    for o in order:
        if o[0] == "lr":
            series.add("LR", o[1], o[2], o[3])
        else:
            for key, s, ep, values in DRAWN[o[1] : o[2]]:
                if key in seen:
                    continue
                seen.add(key)
                for name, v in values:
                    # the test pass's bar prints the same names: one series each, in print order
                    series.add(name, s, ep, v)
    for e, s, _, tl, vl, ta, va in history:
        for k, v in (
            ("Train Loss", tl),
            ("Valid Loss", vl),
            ("Train Acc.", ta),
            ("Valid Acc.", va),
        ):
            series.add(k, s, e, v)
    series.add("Best acc", step, EPOCHS, best_acc)
    return dict(
        library=f"progress {metadata.version('progress')}, texttable {metadata.version('texttable')}",
        record="the loop's AverageMeters as handed to the bar's suffix (only the states drawn, noted by wrapping Infinite.writeln), its history rows and best_acc",
        extra_ok=["Data", "Batch"],
        notes=(
            "bearpaw/pytorch-classification's printing: 'Epoch: [1 | 4] LR: 0.200000', then a 'Processing' progress.bar.Bar "
            "for the train pass and one for the test pass, suffix '(12/31) Data: 0.000s | Batch: 0.021s | Total: 0:00:00 | "
            "ETA: 0:00:01 | Loss: 0.6123 | top1:  71.0938' (running averages; Data/Batch are seconds per batch: extra_ok; "
            "counts, Total and ETA are not metrics). Pipe: the progress package draws nothing when its file is not a "
            "terminal (only the Epoch/LR lines, blank lines and the final table remain); pty: '\\r' redraws with the cursor "
            "hidden. Both bars print the same names, so the test pass's running averages are in the same 'Loss' / 'top1' "
            "series, in print order, at the global train step they follow (the test pass takes no step). At the end a "
            "texttable (3 decimals by default) of the epoch history (its LR column '0.200' reprints the LR points "
            "of the Epoch lines, same name: once in the series), then 'Best acc:' and the number on the next line. step = global train "
            "batch count; epoch 1-based as printed."
        ),
    )


def run_tableprint():
    import tableprint as tp
    from beautifultable import BeautifulTable

    step = 0
    print(f"Training an MLP on {len(toy.x)} samples for {EPOCHS} epochs")
    tp.banner("Training")
    print(tp.header(["epoch", "loss", "acc", "val_loss", "val_acc", "time (s)"], width=10))
    for epoch in range(1, EPOCHS + 1):
        t0 = time.time()
        tl = ta = 0.0
        for _ in range(SPE):
            loss, acc = toy.train_step()
            step += 1
            tl += loss
            ta += acc
            time.sleep(SLEEP / 4)
        vl, va = toy.evaluate()
        dt = time.time() - t0
        print(tp.row([epoch, tl / SPE, ta / SPE, vl, va, dt], width=10), flush=True)
        for k, v in (("loss", tl / SPE), ("acc", ta / SPE), ("val_loss", vl), ("val_acc", va)):
            series.add(k, step, epoch, v)
    print(tp.bottom(6, width=10))
    vl, va = toy.evaluate()
    table = BeautifulTable()
    table.columns.header = ["metric", "value"]
    table.rows.append(["val loss", vl])
    table.rows.append(["val accuracy", va])
    print(table)
    series.add("val loss", step, EPOCHS, vl)
    series.add("val accuracy", step, EPOCHS, va)
    return dict(
        library=f"tableprint {metadata.version('tableprint')}, beautifultable {metadata.version('beautifultable')}",
        record="the loop's own per-epoch values as handed to tableprint.row, and the final evaluation",
        extra_ok=["time (s)"],
        notes=(
            "A line 'Training an MLP on 1000 samples for 4 epochs' (counts), a tableprint banner, then a box-drawn table "
            "'│      epoch │       loss │ …' with one row per epoch, numbers in tableprint's default '5g' format "
            "(epoch shown '1', losses '0.61234'), the last column the epoch's wall time in seconds (extra_ok). Then a "
            "beautifultable of the final evaluation with rows 'val loss' / 'val accuracy' (the same values as the last "
            "row's val_loss/val_acc; printed at the table's default precision). loss/acc are epoch means of the per-batch "
            "values. step = global batch count."
        ),
    )


def run_fastprogress():
    from fastprogress import fastprogress as fp
    from fastprogress.fastprogress import master_bar, progress_bar

    orig = fp.ConsoleProgressBar.on_update
    CUR = {"state": None}

    def on_update(self, val, text):
        if self.display and fp.printing() and self.comment and CUR["state"] is not None:
            DRAWN.append(CUR["state"])
        return orig(self, val, text)

    fp.ConsoleProgressBar.on_update = on_update
    step = 0
    mb = master_bar(range(1, EPOCHS + 1))
    order = []
    for epoch in mb:
        n0 = len(DRAWN)
        for i in progress_bar(range(SPE), parent=mb):
            loss, acc = toy.train_step()
            step += 1
            time.sleep(SLEEP)
            mb.child.comment = f"loss {loss:.4f}"
            CUR["state"] = ((epoch, i + 1), step, epoch, [("loss", loss)])
        CUR["state"] = None
        vl, va = toy.evaluate()
        mb.main_bar.comment = f"val_loss {vl:.4f}"
        mb.write(f"Epoch {epoch}: val_loss {vl:.4f} val_acc {va:.4f}")
        order.append((n0, len(DRAWN), step, epoch, vl, va))
    seen = set()
    for n0, n1, s, ep, vl, va in order:
        for key, s_, ep_, values in DRAWN[n0:n1]:
            if key not in seen:
                seen.add(key)
                for name, v in values:
                    series.add(name, s_, ep_, v)
        series.add("val_loss", s, ep, vl)
        series.add("val_acc", s, ep, va)
    return dict(
        library=f"fastprogress {metadata.version('fastprogress')}",
        record="the loop's own values as set in mb.child.comment (only the states drawn, noted by wrapping ConsoleProgressBar.on_update) and its mb.write lines",
        extra_ok=[],
        notes=(
            "fastprogress outside a notebook in a hand-written loop (not fastai): bars 'Epoch 1/4 : |████----| 45.16% "
            "[14/31 00:00<00:00... loss 0.6123]' drawn with '\\r' only on a terminal (pipe: no bar, but a lone '█' + '\\r' "
            "per bar created), the comment of position k is the loss of step k. mb.write prints 'Epoch 1: val_loss "
            "0.5123 val_acc 0.7440' per epoch; mb.main_bar.comment is never shown in a console. Percent, counts and "
            "times are not metrics. step = global batch count."
        ),
    )


def run_pyprind():
    import pyprind

    orig = pyprind.ProgBar._cache_item_id
    CUR = {"state": None}

    def cache_item_id(self):
        if self._stream_out != self._no_stream and CUR["state"] is not None:
            DRAWN.append(CUR["state"])
        return orig(self)

    pyprind.ProgBar._cache_item_id = cache_item_id
    step = 0
    order = []
    for epoch in range(1, EPOCHS + 1):
        n0 = len(DRAWN)
        bar = pyprind.ProgBar(SPE, monitor=True, title=f"Epoch {epoch}/{EPOCHS}")
        for i in range(SPE):
            loss, acc = toy.train_step()
            step += 1
            time.sleep(SLEEP)
            CUR["state"] = ((epoch, i + 1), step, epoch, [("loss", loss)])
            bar.update(item_id=f"loss {loss:.4f}")
        CUR["state"] = None
        print(bar)
        vl, va = toy.evaluate()
        print(f"val_loss: {vl:.4f} - val_acc: {va:.4f}")
        order.append((n0, len(DRAWN), step, epoch, vl, va))
    seen = set()
    for n0, n1, s, ep, vl, va in order:
        for key, s_, ep_, values in DRAWN[n0:n1]:
            if key not in seen:
                seen.add(key)
                for name, v in values:
                    series.add(name, s_, ep_, v)
        series.add("val_loss", s, ep, vl)
        series.add("val_acc", s, ep, va)
    return dict(
        library=f"PyPrind {metadata.version('pyprind')} (psutil {metadata.version('psutil')})",
        record="the loop's own values as passed in bar.update(item_id=...) (only the states drawn, noted by wrapping ProgBar._cache_item_id while the bar has an output stream) and its val lines",
        extra_ok=[],
        notes=(
            "PyPrind ProgBar(monitor=True) per epoch, the loss passed as the item id: bar lines '0% [######      ] 100% "
            "| ETA: 00:00:00 | Item ID: loss 0.6123' redrawn with '\\r' on stderr (the '0%' and '100%' are the bar's "
            "fixed end labels), 'Total time elapsed: 00:00:00'. Pipe: PyPrind finds no terminal, prints 'Warning: No "
            "valid output stream.' and draws nothing. Then print(bar), the monitor report: 'Title: Epoch 1/4', "
            "'Started: 12/07/2026 03:44:02', 'Finished: …', 'Total time elapsed: 00:00:00', 'CPU %: 3.10', "
            "'Memory %: 0.05' (process usage and timestamps: not metrics). After it 'val_loss: 0.4660 - val_acc: "
            "0.8080'. step = global batch count."
        ),
    )


info = {
    "pbar2": run_pbar2,
    "rich": run_rich,
    "bearpaw": run_bearpaw,
    "tableprint": run_tableprint,
    "fastprogress": run_fastprogress,
    "pyprind": run_pyprind,
}[variant]()
sys.stdout.flush()
_truth.write(
    script="tests/corpus/scripts/progress_libs.py",
    step_kind="global",
    series=series,
    not_printed=[],
    **info,
)
