"""Hand-written training loops (a numpy MLP of _toy.py, a tiny torch MLP, a scikit-learn
partial_fit loop; a few epochs) whose metrics are printed through terminal utilities as their
READMEs show them.

Variants:
    ptk           prompt_toolkit's ProgressBar: one counter per epoch (label 'epoch 1/4'), the
                  label replaced at the epoch's end by 'epoch 1/4 loss=... val_loss=... val_acc=...'
    termgraph     per-epoch print lines, then termgraph BarCharts (multi-variable train/val loss
                  per epoch, val_acc per epoch) with their values
    sparklines    per-epoch print lines followed by a sparkline of the epoch's batch losses, and a
                  final 'val_loss ▇▅▃▂▁' / 'val_acc ▁▄▆▇█' summary (emph colours under a terminal)
    devtools      devtools.debug(step, loss) every 10 steps and debug(epoch, metrics) per epoch
    humanize      scikit-learn SGDClassifier.partial_fit loop, log lines with humanize-formatted
                  numbers ('12.3 thousand samples/s', '5,000 samples', '1 second and 20 ms')
    queue_logging stdlib logging through logging.handlers.QueueHandler / QueueListener, the
                  validation run in a ThreadPoolExecutor worker that logs too (threadName shown)
    warnings      torch loop, print() per epoch with warnings.warn lines (stderr) when the gradient
                  norm is clipped or val_loss rises
    numpy_perclass  torch 3-class loop printing numpy arrays of per-class recall and rounded f1
                  (np.set_printoptions defaults) and the confusion matrix beside the loss
    numpy_wide    torch 10-class loop printing a dict of numpy-2 scalars ('np.float64(...)') and a
                  per-class array that wraps over two lines

Truth: the values the loop handed the utility (its own lists), at full precision, named as
printed; a value shown in percent is recorded in percent.
Versions: prompt_toolkit 3.0.53, termgraph 0.8.0 (colorama 0.4.6), sparklines 1.0.0 (termcolor
3.3.0), devtools 0.13.0 (Pygments 2.21.0), humanize 4.17.0, scikit-learn 1.9.1, torch 2.13.0+cpu,
numpy 2.4.6, Python 3.11.7.
Capture (repository root, venv /work/venvs/corpus-zY-1: pip install torch==2.13.0, then pip
install numpy scikit-learn prompt_toolkit termgraph sparklines devtools humanize; P = that venv's
python). prompt_toolkit needs a terminal on stdin even when its output is piped, as when a user runs
'python train.py > log.txt' from a shell: the piped capture runs capture.py under script(1) so stdin
is a terminal while stdout/stderr go to the file.
    script -qec "python tests/corpus/scripts/capture.py pipe real_ptk_progressbar_loop -- P tests/corpus/scripts/term_utils_loop.py ptk" /dev/null
    python tests/corpus/scripts/capture.py pty  real_ptk_progressbar_loop_pty -- P tests/corpus/scripts/term_utils_loop.py ptk
    python tests/corpus/scripts/capture.py pipe real_termgraph_summary -- P tests/corpus/scripts/term_utils_loop.py termgraph
    python tests/corpus/scripts/capture.py pty  real_termgraph_summary_pty -- P tests/corpus/scripts/term_utils_loop.py termgraph
    python tests/corpus/scripts/capture.py pipe real_sparklines_loop -- P tests/corpus/scripts/term_utils_loop.py sparklines
    python tests/corpus/scripts/capture.py pty  real_sparklines_loop_pty -- P tests/corpus/scripts/term_utils_loop.py sparklines
    python tests/corpus/scripts/capture.py pipe real_devtools_debug -- P tests/corpus/scripts/term_utils_loop.py devtools
    python tests/corpus/scripts/capture.py pty  real_devtools_debug_pty -- P tests/corpus/scripts/term_utils_loop.py devtools
    python tests/corpus/scripts/capture.py pipe real_humanize_sgd_partial_fit -- P tests/corpus/scripts/term_utils_loop.py humanize
    python tests/corpus/scripts/capture.py pipe real_queue_handler_logging -- P tests/corpus/scripts/term_utils_loop.py queue_logging
    python tests/corpus/scripts/capture.py pipe real_hand_warnings_interleaved -- P tests/corpus/scripts/term_utils_loop.py warnings
    python tests/corpus/scripts/capture.py pty  real_hand_warnings_interleaved_pty -- P tests/corpus/scripts/term_utils_loop.py warnings
    python tests/corpus/scripts/capture.py pipe real_hand_numpy_perclass -- P tests/corpus/scripts/term_utils_loop.py numpy_perclass
    python tests/corpus/scripts/capture.py pipe real_hand_numpy_wide_array -- P tests/corpus/scripts/term_utils_loop.py numpy_wide
"""

from __future__ import annotations

import os
import sys
import time
from importlib import metadata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record, Toy

style = sys.argv[1]
rec = Record()
EPOCHS = 5 if style in ("termgraph", "sparklines") else 4
SPE = 30
EVERY = 10


# ---------------------------------------------------------------- the numpy toy loop


def toy_loop(sink) -> None:
    """4-5 epochs x 30 steps of the numpy MLP; the sink prints."""
    toy = Toy(n=SPE * 32, lr=0.3)
    step = 0
    sink.start()
    for epoch in range(1, EPOCHS + 1):
        sink.epoch_begin(epoch)
        losses, accs = [], []
        for batch in range(1, SPE + 1):
            step += 1
            loss, acc = toy.train_step()
            time.sleep(0.004)  # a little time per step, as a real model takes
            losses.append(loss)
            accs.append(acc)
            sink.step(epoch, step, batch, loss, acc)
        v_loss, v_acc = toy.evaluate()
        sink.epoch_end(epoch, step, losses, float(np.mean(accs)), v_loss, v_acc)
    sink.done(step)


class Sink:
    def start(self):
        pass

    def epoch_begin(self, epoch):
        pass

    def step(self, epoch, step, batch, loss, acc):
        pass

    def epoch_end(self, epoch, step, losses, acc, vl, va):
        pass

    def done(self, step):
        pass


class Ptk(Sink):
    """prompt_toolkit ProgressBar, one counter per epoch, metrics put in the label at its end."""

    def start(self):
        from prompt_toolkit.formatted_text import HTML
        from prompt_toolkit.shortcuts import ProgressBar

        self.pb = ProgressBar(title=HTML("<b>Training MLP</b> on 960 samples"))
        self.pb.__enter__()
        self.t0 = time.perf_counter()

    def epoch_begin(self, epoch):
        self.counter = self.pb(total=SPE, label=f"epoch {epoch}")

    def step(self, epoch, step, batch, loss, acc):
        self.counter.item_completed()

    def epoch_end(self, epoch, step, losses, acc, vl, va):
        self.counter.label = (
            f"epoch {epoch}: loss={rec('loss', step, epoch, np.mean(losses)):.4f} "
            f"val_loss={rec('val_loss', step, epoch, vl):.4f}"
        )
        self.counter.done = True
        time.sleep(0.15)  # let the bar repaint the new label before the next epoch starts

    def done(self, step):
        self.pb.__exit__(None, None, None)
        print(f"Finished {EPOCHS} epochs in {time.perf_counter() - self.t0:.1f}s")


class Termgraph(Sink):
    """print() per epoch, then termgraph bar charts of the history."""

    def start(self):
        self.hist = []

    def epoch_end(self, epoch, step, losses, acc, vl, va):
        tl = float(np.mean(losses))
        print(
            f"Epoch {epoch}/{EPOCHS} - train_loss: {rec('train_loss', step, epoch, tl):.4f} - "
            f"val_loss: {rec('val_loss', step, epoch, vl):.4f} - "
            f"val_acc: {rec('val_acc', step, epoch, va):.4f}"
        )
        self.hist.append((tl, vl, va))

    def done(self, step):
        from termgraph import Args, BarChart, Data
        from termgraph.constants import AVAILABLE_COLORS as C

        labels = [f"epoch {e}" for e in range(1, EPOCHS + 1)]
        print()
        data = Data([[t, v] for t, v, _ in self.hist], labels, ["train_loss", "val_loss"])
        BarChart(
            data,
            Args(title="Loss per epoch", width=40, format="{:.4f}", colors=[C["blue"], C["red"]]),
        ).draw()
        print()
        data = Data([[a] for _, _, a in self.hist], labels)
        BarChart(
            data, Args(title="Validation accuracy", width=40, format="{:.4f}", colors=[C["green"]])
        ).draw()


class Sparklines(Sink):
    """print() per epoch with a sparkline of the batch losses; a summary of the history."""

    def start(self):
        self.vls, self.vas = [], []

    def epoch_end(self, epoch, step, losses, acc, vl, va):
        from sparklines import sparklines

        tl = float(np.mean(losses))
        print(
            f"epoch {epoch}/{EPOCHS}  loss {rec('loss', step, epoch, tl):.4f}  "
            f"val_loss {rec('val_loss', step, epoch, vl):.4f}  "
            f"val_acc {rec('val_acc', step, epoch, va):.4f}"
        )
        print(f"  batch losses {sparklines(losses)[0]}")
        self.vls.append(vl)
        self.vas.append(va)

    def done(self, step):
        from sparklines import sparklines

        print("history:")
        print(f"  val_loss {sparklines(self.vls, emph=['red:gt:0.4'])[0]}")
        print(f"  val_acc  {sparklines(self.vas, minimum=0.7, emph=['green:ge:0.85'])[0]}")


class PtkPrint(Sink):
    """prompt_toolkit's print_formatted_text with HTML markup, as its README shows."""

    def start(self):
        from prompt_toolkit import HTML, print_formatted_text

        self.html, self.pft = HTML, print_formatted_text
        self.best = float("inf")
        self.pft(self.html("<b>Training</b> MLP: <i>4 epochs</i>, 30 steps each"))

    def step(self, epoch, step, batch, loss, acc):
        if step % EVERY == 0:
            self.pft(
                self.html(
                    f"  <ansiblue>step {step:>3}</ansiblue>  "
                    f"loss <b>{rec('loss', step, epoch, loss):.4f}</b>  "
                    f"acc <b>{rec('acc', step, epoch, acc):.4f}</b>"
                )
            )

    def epoch_end(self, epoch, step, losses, acc, vl, va):
        colour = "ansigreen" if vl < self.best else "ansired"
        self.best = min(self.best, vl)
        self.pft(
            self.html(
                f"<ansicyan>Epoch {epoch}/{EPOCHS}</ansicyan> "
                f"train_loss=<b>{rec('train_loss', step, epoch, np.mean(losses)):.4f}</b> "
                f"<{colour}>val_loss={rec('val_loss', step, epoch, vl):.4f}</{colour}> "
                f"val_acc=<u>{rec('val_acc', step, epoch, 100 * va):.2f}%</u>"
            )
        )


class Devtools(Sink):
    """devtools.debug() of the loop's variables."""

    def start(self):
        from devtools import debug

        self.debug = debug

    def step(self, epoch, step, batch, loss, acc):
        if step % EVERY == 0:
            loss = rec("loss", step, epoch, loss)
            self.debug(step, loss)

    def epoch_end(self, epoch, step, losses, acc, vl, va):
        metrics = {
            "train_loss": rec("train_loss", step, epoch, float(np.mean(losses))),
            "train_acc": rec("train_acc", step, epoch, acc),
            "val_loss": rec("val_loss", step, epoch, vl),
            "val_acc": rec("val_acc", step, epoch, va),
        }
        self.debug(epoch, metrics)


# ---------------------------------------------------------------- humanize: sklearn partial_fit


def humanize_loop() -> None:
    import humanize
    from sklearn.datasets import make_classification
    from sklearn.linear_model import SGDClassifier
    from sklearn.metrics import accuracy_score, log_loss

    x, y = make_classification(
        n_samples=24000, n_features=20, n_informative=8, flip_y=0.05, random_state=0
    )
    xt, yt, xv, yv = x[:20000], y[:20000], x[20000:], y[20000:]
    clf = SGDClassifier(loss="log_loss", alpha=1e-4, random_state=0)
    rng = np.random.default_rng(0)
    bs, nb = 500, 40
    print(f"Training SGDClassifier on {humanize.intcomma(len(xt))} samples, batches of {bs}")
    seen, step = 0, 0
    t_all = time.perf_counter()
    for epoch in range(1, 5):
        order = rng.permutation(len(xt))
        t0 = time.perf_counter()
        for b in range(1, nb + 1):
            idx = order[(b - 1) * bs : b * bs]
            tb = time.perf_counter()
            clf.partial_fit(xt[idx], yt[idx], classes=[0, 1])
            time.sleep(0.002)
            secs = time.perf_counter() - tb
            seen += len(idx)
            step += 1
            if b % 10 == 0:
                loss = log_loss(yt[idx], clf.predict_proba(xt[idx]))
                print(
                    f"epoch {epoch} batch {b}/{nb}: log_loss {rec('log_loss', step, epoch, loss):.4f}"
                    f" | seen {humanize.intcomma(seen)} samples"
                    f" | {humanize.intword(bs / secs)} samples/s"
                )
        vl = log_loss(yv, clf.predict_proba(xv))
        va = accuracy_score(yv, clf.predict(xv))
        took = humanize.precisedelta(time.perf_counter() - t0, minimum_unit="milliseconds")
        print(
            f"epoch {epoch} done in {took}: val log_loss {rec('val log_loss', step, epoch, vl):.4f},"
            f" val accuracy {rec('val accuracy', step, epoch, 100 * va):.1f}%"
        )
    size = humanize.naturalsize(clf.coef_.nbytes + clf.intercept_.nbytes)
    print(
        f"Done: {humanize.intword(seen)} samples in "
        f"{humanize.naturaldelta(time.perf_counter() - t_all)}, model size {size}"
    )


# ---------------------------------------------------------------- QueueHandler logging


class QueueLogging(Sink):
    def start(self):
        import logging
        import logging.handlers
        import queue
        from concurrent.futures import ThreadPoolExecutor

        q = queue.Queue(-1)
        root = logging.getLogger()
        root.setLevel(logging.INFO)
        root.addHandler(logging.handlers.QueueHandler(q))
        handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(threadName)s %(levelname)s [%(name)s] %(message)s")
        )
        self.listener = logging.handlers.QueueListener(q, handler)
        self.listener.start()
        self.log = logging.getLogger("train")
        self.evlog = logging.getLogger("train.eval")
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.log.info("training MLP (577 params) for %d epochs, %d steps/epoch", EPOCHS, SPE)

    def step(self, epoch, step, batch, loss, acc):
        if step % EVERY == 0:
            self.log.info(
                "epoch %d step %d | loss %.4f | acc %.4f",
                epoch,
                step,
                rec("loss", step, epoch, loss),
                rec("acc", step, epoch, acc),
            )

    def epoch_end(self, epoch, step, losses, acc, vl, va):
        def evaluate():  # the validation figures are logged from the worker thread
            self.evlog.info(
                "epoch %d: val_loss=%.4f val_acc=%.4f",
                epoch,
                rec("val_loss", step, epoch, vl),
                rec("val_acc", step, epoch, va),
            )

        self.pool.submit(evaluate).result()
        self.log.info(
            "epoch %d finished: train_loss=%.4f",
            epoch,
            rec("train_loss", step, epoch, np.mean(losses)),
        )

    def done(self, step):
        self.log.info("done after %d steps", step)
        self.pool.shutdown()
        self.listener.stop()


# ---------------------------------------------------------------- torch loops


def torch_data(n_classes: int):
    import torch

    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    centers = torch.randn(n_classes, 8, generator=g) * 1.2
    y = torch.randint(0, n_classes, (1200,), generator=g)
    x = centers[y] + torch.randn(1200, 8, generator=g)
    return x[:960], y[:960], x[960:], y[960:]


def warnings_loop() -> None:
    import warnings

    import torch
    from torch import nn

    xt, yt, xv, yv = torch_data(3)
    model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 3))
    opt = torch.optim.SGD(model.parameters(), lr=0.8, momentum=0.9)
    lossf = nn.CrossEntropyLoss()
    best, step = float("inf"), 0
    print("Start training: 4 epochs, lr=0.8")
    for epoch in range(1, 5):
        model.train()
        perm = torch.randperm(len(xt))
        tot = 0.0
        for b in range(SPE):
            idx = perm[b * 32 : (b + 1) * 32]
            step += 1
            opt.zero_grad()
            loss = lossf(model(xt[idx]), yt[idx])
            loss.backward()
            norm = float(nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0))
            if norm > 5.0:
                warnings.warn(
                    f"gradient norm {rec('gradient norm', step, epoch, norm):.2f} exceeds "
                    f"max_norm 5.0 at step {step}; gradients were clipped",
                    RuntimeWarning,
                    stacklevel=1,
                )
            opt.step()
            tot += float(loss)
        model.eval()
        with torch.no_grad():
            out = model(xv)
            vl = float(lossf(out, yv))
            va = float((out.argmax(1) == yv).float().mean())
        # the epoch line shows no step (the warnings' 'at step N' are the only steps printed)
        print(
            f"Epoch {epoch}: train_loss={rec('train_loss', None, epoch, tot / SPE):.4f} "
            f"val_loss={rec('val_loss', None, epoch, vl):.4f} "
            f"val_acc={rec('val_acc', None, epoch, va):.4f}"
        )
        if vl > best:
            warnings.warn(
                f"val_loss went up ({best:.4f} -> {vl:.4f}); consider lowering the learning rate",
                stacklevel=1,
            )
        best = min(best, vl)
    print("Training complete.")


def numpy_perclass_loop() -> None:
    import torch
    from torch import nn

    xt, yt, xv, yv = torch_data(3)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    lossf = nn.CrossEntropyLoss()
    step = 0
    for epoch in range(1, 5):
        perm = torch.randperm(len(xt))
        tot = 0.0
        for b in range(SPE):
            idx = perm[b * 32 : (b + 1) * 32]
            step += 1
            opt.zero_grad()
            loss = lossf(model(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
            tot += float(loss)
        with torch.no_grad():
            pred = model(xv).argmax(1).numpy()
        truth = yv.numpy()
        cm = np.zeros((3, 3), dtype=int)
        np.add.at(cm, (truth, pred), 1)
        recall = cm.diagonal() / cm.sum(1)
        precision = cm.diagonal() / cm.sum(0)
        f1 = 2 * precision * recall / (precision + recall)
        for k in range(3):
            rec(f"per-class recall[{k}]", step, epoch, recall[k])
        for k in range(3):
            rec(f"f1[{k}]", step, epoch, round(float(f1[k]), 3))
        print(f"epoch {epoch} loss {rec('loss', step, epoch, tot / SPE):.4f}")
        print("per-class recall:", recall)
        print("f1:", np.round(f1, 3))
        print("confusion matrix:")
        print(cm)


def numpy_wide_loop() -> None:
    """10 classes: numpy-2 scalars in a dict and a per-class array that wraps over two lines."""
    import torch
    from torch import nn

    xt, yt, xv, yv = torch_data(10)
    model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 10))
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    lossf = nn.CrossEntropyLoss()
    step = 0
    for epoch in range(1, 4):
        losses = []
        perm = torch.randperm(len(xt))
        for b in range(SPE):
            idx = perm[b * 32 : (b + 1) * 32]
            step += 1
            opt.zero_grad()
            loss = lossf(model(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
            losses.append(loss.item())
        with torch.no_grad():
            pred = model(xv).argmax(1).numpy()
        truth = yv.numpy()
        metrics = {"loss": np.mean(losses), "val_acc": np.mean(pred == truth)}
        per_class = np.array([np.mean(pred[truth == k] == k) for k in range(10)])
        for name, value in metrics.items():
            rec(name, step, epoch, value)
        for k in range(10):
            rec(f"per-class acc[{k}]", step, epoch, per_class[k])
        print(f"epoch {epoch} {metrics}")
        print("per-class acc:", per_class)


# ---------------------------------------------------------------- truth

LIBS = {
    "ptk": ["prompt_toolkit"],
    "ptk_print": ["prompt_toolkit"],
    "termgraph": ["termgraph", "colorama"],
    "sparklines": ["sparklines", "termcolor"],
    "devtools": ["devtools", "Pygments"],
    "humanize": ["humanize", "scikit-learn"],
    "queue_logging": [],
    "warnings": ["torch"],
    "numpy_perclass": ["torch"],
    "numpy_wide": ["torch"],
}
EPOCH_STEP = (
    " step = the global batch count (30 per epoch); a per-epoch figure's step, not printed, is the"
    " global step of the epoch's end; epoch 1-based as printed."
)
NOTES = {
    "ptk": (
        "prompt_toolkit 3.0.53 shortcuts.ProgressBar(title=HTML('<b>Training MLP</b> on 960 "
        "samples')) with its default formatters (label, percentage, [=====>] bar, n/total, 'eta "
        "[00:00]'); one counter per epoch pb(total=30, label='epoch 1'), item_completed() per step; "
        "at the epoch's end the loop sets counter.label = 'epoch 1: loss=0.5270 val_loss=0.4361' "
        "(loss = mean batch loss of the epoch, val_* on the held-out set) and done=True; every "
        "counter stays on screen. prompt_toolkit repaints only the cells that changed: under a "
        "terminal with cursor moves (ESC[nC, ESC[A, ESC[?7l ...), in a pipe (PlainTextOutput, stdin "
        "a terminal, as for 'python train.py > log.txt') with spaces and '\\r\\n' line ends, so "
        "fragments of the percentage / counts ('36 7', '70 0') and of labels (': loss=0.3624 "
        "val_loss=0.3758 10') sit between full rows, and the whole screen is painted once more when "
        "the bar closes. Each epoch's full label appears at least once, plus in the final repaint "
        "(repeats of the same values, not new points). Then print('Finished 4 epochs in 1.3s') (a "
        "timing). Not metrics: percentages, n/total, eta, 960 samples."
    ),
    "ptk_print": (
        "prompt_toolkit 3.0.53 print_formatted_text(HTML(...)) as its README shows: a title "
        "'<b>Training</b> MLP: <i>4 epochs</i>, 30 steps each', every 10 steps '  <ansiblue>step  "
        "10</ansiblue>  loss <b>0.4750</b>  acc <b>0.7812</b>' (the step's batch loss / accuracy), "
        "per epoch '<ansicyan>Epoch 1/4</ansicyan> train_loss=<b>0.5270</b> <ansigreen>val_loss="
        "0.4361</ansigreen> val_acc=<u>82.08%</u>' (val_loss red when worse than the best; val_acc "
        "printed in percent, the truth keeps the percent; train_loss = mean batch loss). Lines end "
        "with '\\r\\n' even in a pipe (PlainTextOutput), '\\r\\r\\n' under a terminal, where "
        "every line also carries ESC[0m / ESC[?7h and SGR codes around the marked-up parts. Not "
        "metrics: 4 epochs, 30 steps, Epoch 1/4 (epoch of total)."
    ),
    "termgraph": (
        "termgraph 0.8.0's Python API. Per epoch a print() 'Epoch 1/5 - train_loss: 0.5270 - "
        "val_loss: 0.4361 - val_acc: 0.8208' (train_loss = mean batch loss). At the end "
        "BarChart(Data([[train_loss, val_loss], ...], ['epoch 1', ...], ['train_loss', "
        "'val_loss']), Args(title='Loss per epoch', width=40, format='{:.4f}', colors=[94, 91])).draw()"
        ": '# Loss per epoch', a legend line of coloured '▇ train_loss ' '▇ val_loss ', then per "
        "epoch two bar rows 'epoch 1: ▇▇▇...▇ 0.5270' and an unlabelled '         ▇▇▇...▇ 0.4361' "
        "(its second category); then BarChart of val_acc, '# Validation accuracy', 'epoch 1: "
        "▇▇▇...▇ 0.8208'. termgraph writes its colour codes even in a pipe (colours given as the "
        "SGR numbers of termgraph.constants.AVAILABLE_COLORS; colour names in Args are written "
        "verbatim as 'ESC[bluem' by 0.8.0). The chart values repeat the per-epoch lines' values "
        "(same epochs): the truth lists each value once, from the print lines; a reader storing the "
        "chart rows again under the category names is not wrong, but 'epoch 1' is a row label, not "
        "a metric."
    ),
    "sparklines": (
        "sparklines 1.0.0. Per epoch a print() 'epoch 1/5  loss 0.5270  val_loss 0.4361  val_acc "
        "0.8208' (loss = mean batch loss) and '  batch losses ▇▇▆▆▆▅...' (sparklines() of the "
        "epoch's 30 batch losses: a picture, no number). At the end 'history:', '  val_loss ▇▂▃▁▂' "
        "(emph=['red:gt:0.4']) and '  val_acc  ▆████' (minimum=0.7, emph=['green:ge:0.85']): the "
        "emphasis colours come from termcolor, only under a terminal. The block characters are "
        "not numbers; epoch 1/5 is epoch of total."
    ),
    "devtools": (
        "devtools 0.13.0 debug(): every 10 steps debug(step, loss) prints 'term_utils_loop.py:242 "
        "Devtools.step' then '    step: 10 (int)' and '    loss: 0.4750095577005998 (float)' (the "
        "step's batch loss, full repr; the step is the global step shown); per epoch debug(epoch, "
        "metrics) prints '    epoch: 1 (int)' and the dict over several lines '    metrics: {', "
        "\"        'train_loss': 0.5269697070071546,\" ... '    } (dict) len=4' (train_loss / "
        "train_acc = epoch means of the batch values, val_* on the held-out set): the dict's keys "
        "name the values. Under a terminal devtools highlights with Pygments (ESC[34m names, "
        "ESC[38;5;5m numbers, ESC[2m ' (float)'). Not metrics: the file:line, 'len=4' (the dict's "
        "size), the '(int)' / '(float)' type tags; epoch is a counter. The epoch debug comes "
        "after its last step's debug, so the steps after it belong to the next epoch."
    ),
    "humanize": (
        "humanize 4.17.0 around a scikit-learn SGDClassifier(loss='log_loss').partial_fit loop "
        "(20,000 synthetic samples, batches of 500, 40 batches per epoch, 4 epochs; step = the "
        "global batch count). First 'Training SGDClassifier on 20,000 samples, batches of 500'. "
        "Every 10 batches 'epoch 1 batch 10/40: log_loss 3.0820 | seen 5,000 samples | 155.3 "
        "thousand samples/s' (log_loss of that batch after its update; seen = humanize.intcomma of "
        "a cumulative count; throughput = humanize.intword of samples per second of the batch: "
        "'155.3 thousand'). Per epoch 'epoch 1 done in 229.06 milliseconds: val log_loss 1.9572, "
        "val accuracy 86.4%' (humanize.precisedelta of the epoch time; val accuracy in percent, "
        "the truth keeps the percent). Finally 'Done: 80.0 thousand samples in a moment, model "
        "size 168 Bytes' (a count, naturaldelta, naturalsize of the coefficients: not metrics). "
        "Not metrics: 'batch 10/40', sample counts, the model size. Throughput and epoch time are "
        "extra_ok."
    ),
    "queue_logging": (
        "Python 3.11 logging through logging.handlers.QueueHandler on the root logger and a "
        "QueueListener thread writing to a StreamHandler (stderr) with the format '%(asctime)s "
        "%(threadName)s %(levelname)s [%(name)s] %(message)s': '2026-12-07 12:58:04,644 MainThread "
        "INFO [train] epoch 1 step 10 | loss 0.4750 | acc 0.7812' every 10 steps (the step's batch "
        "loss / accuracy), the validation logged from a ThreadPoolExecutor worker "
        "'... ThreadPoolExecutor-0_0 INFO [train.eval] epoch 1: val_loss=0.4361 val_acc=0.8208', "
        "then '... MainThread INFO [train] epoch 1 finished: train_loss=0.5270' (mean batch loss). "
        "Not metrics: the timestamp, the thread name's numbers (ThreadPoolExecutor-0_0), '577 "
        "params', '4 epochs, 30 steps/epoch', 'done after 120 steps'."
    ),
    "warnings": (
        "A torch loop (3-class MLP, SGD lr=0.8 momentum 0.9, clip_grad_norm_(max_norm=5.0), 30 "
        "steps per epoch, 4 epochs) printing per epoch 'Epoch 1: train_loss=0.8143 val_loss=0.7432 "
        "val_acc=0.8667' on stdout (train_loss = mean batch loss; the line shows no step, the "
        "truth's step is null) and warnings.warn on stderr: 'term_utils_loop.py:398: "
        "RuntimeWarning: gradient norm 8.13 exceeds max_norm 5.0 at step 23; gradients were "
        "clipped' (the norm clip_grad_norm_ returned, before clipping, at that global step: series "
        "'gradient norm', only the steps where it exceeded 5.0) and 'UserWarning: val_loss went up "
        "(0.7432 -> 2.4844); consider lowering the learning rate' (both numbers repeat printed "
        "val_loss values: the best so far and this epoch's), each followed by the source line "
        "'  warnings.warn('; torch's own one-time 'UserWarning: Converting a tensor with "
        "requires_grad=True to a scalar ...' comes first. In the pipe stdout is block-buffered "
        "and stderr is not, so every warning comes BEFORE all the print lines; under a terminal "
        "they interleave in time order. Not metrics: lr=0.8, 4 epochs, max_norm 5.0, the "
        "file:line numbers, 'at step 23' (the step)."
    ),
    "numpy_perclass": (
        "A torch loop (3-class MLP, Adam, 30 steps per epoch, 4 epochs) printing per epoch 'epoch "
        "1 loss 0.7017' (mean batch loss), then numpy arrays with the default print options: "
        "print('per-class recall:', recall) -> 'per-class recall: [0.96202532 0.85555556 "
        "0.97183099]' and print('f1:', np.round(f1, 3)) -> 'f1: [0.927 0.906 0.945]' (one value "
        "per class, validation set), and the confusion matrix print('confusion matrix:'); "
        "print(cm) -> '[[76  1  2]' / ' [ 9 77  4]' / ' [ 0  2 69]]' (counts, not metrics). The "
        "series name each array element by its 0-based position as printed: 'per-class "
        "recall[0]' ..., 'f1[0]' ... (the f1 truth is the rounded value printed)."
    ),
    "numpy_wide": (
        "A torch loop (10-class MLP, Adam, 30 steps per epoch, 3 epochs) whose epoch figures are "
        "numpy scalars: print(f'epoch {epoch} {metrics}') of a dict -> \"epoch 1 {'loss': "
        "np.float64(1.3206425428390502), 'val_acc': np.float64(0.8375)}\" (numpy 2 reprs; loss = "
        "np.mean of the batch losses, val_acc on the validation set), then print('per-class acc:', "
        "per_class) of a 10-element array with the default print options, which wraps at 75 "
        "characters: 'per-class acc: [0.95454545 0.57894737 1.         0.82758621 0.39130435 "
        "0.95454545' and on the next line ' 0.77777778 0.88888889 1.         0.95833333]' (a value "
        "of exactly 1 prints as '1.' padded with blanks). The series name each element by its "
        "0-based position: 'per-class acc[0]' ... 'per-class acc[9]'; the values of the second "
        "line are elements 6-9 of the same array."
    ),
}
EXTRA_OK = {
    "ptk": ["Finished epochs in (total time)"],
    "humanize": ["samples/s", "done in"],
}


def write_truth():
    libs = ", ".join(f"{lib} {metadata.version(lib)}" for lib in LIBS[style])
    model = {
        "humanize": "scikit-learn SGDClassifier.partial_fit",
        "warnings": "torch MLP",
        "numpy_perclass": "torch MLP",
        "numpy_wide": "torch MLP",
    }.get(style, "numpy MLP of _toy.py")
    _truth.write(
        library=f"hand-written loop ({model}), {libs + ', ' if libs else ''}"
        f"numpy {np.__version__}, Python 3.11.7",
        script="tests/corpus/scripts/term_utils_loop.py",
        record="the values the loop handed the utility or printed (its own lists), at full precision",
        step_kind="global",
        series=rec.series,
        extra_ok=EXTRA_OK.get(style, []),
        notes=NOTES[style]
        + ("" if style in ("humanize", "warnings", "numpy_perclass", "numpy_wide") else EPOCH_STEP),
    )


def main():
    if style == "humanize":
        humanize_loop()
    elif style == "warnings":
        warnings_loop()
    elif style == "numpy_perclass":
        numpy_perclass_loop()
    elif style == "numpy_wide":
        numpy_wide_loop()
    else:
        sinks = {
            "ptk": Ptk,
            "ptk_print": PtkPrint,
            "termgraph": Termgraph,
            "sparklines": Sparklines,
            "devtools": Devtools,
            "queue_logging": QueueLogging,
        }
        toy_loop(sinks[style]())
    write_truth()


main()
