"""A hand-written training loop (the numpy MLP of _toy.py, 4-6 epochs x 30 steps) whose metrics
are printed through output libraries as their READMEs show them.

Variants:
    wasabi        wasabi's msg (spaCy's printer): divider / info / text, a spaCy-style table of
                  msg.row calls ('E  #  LOSS  ACC  VAL LOSS  VAL ACC  SPEED', accuracies x100),
                  msg.good / msg.warn per epoch, a final msg.table 'Split | Loss | Accuracy | Samples'
    logzero       logzero's default logger '[I 261207 06:32:28 print_libs_more:12] ...': config /
                  parameter-count / sample-count lines, 'epoch 1/4 batch 10/30 samples 320 | loss
                  0.6129 acc 0.8125 | 0.4 ms/batch', 'epoch 1 done in 0.02s | train_loss ...'
    icecream      icecream's ic(): ic(n_params), ic(config), ic(len(x), len(xv)), ic(epoch, step,
                  loss, acc) every 10 steps, ic(epoch, train_loss, val_loss, val_acc, epoch_time)
                  per epoch (full-precision reprs; a call too long for one line is wrapped one
                  argument per line)
    icecream_context  ic.configureOutput(includeContext=True): 'ic| print_libs_more.py:323 in
                  step()- step: 10, samples_seen: 320, metrics: {'loss': ..., 'acc': ...}', per
                  epoch ic(epoch, val, elapsed) with a dict of validation figures
    colorlog_verbose  colorlog with time, level, name:lineno, config / dataset / parameter-count
                  lines, '[1/4][10/30] samples=320 loss=... acc=... step_time=3.2ms mem=45.1MB',
                  epoch lines with epoch_time, throughput and 'patience=1/3'
    columnar      columnar's bordered history table at the end ('Epoch | Steps | Train Loss | ...
                  | LR'), then a no_borders final table 'split loss accuracy samples'
    pytablewriter pytablewriter MarkdownTableWriter of the history (table_name, one row per epoch,
                  an 'lr' and a 'time_s' column), then a UnicodeTableWriter final evaluation
    colorlog      colorlog's README format '%(log_color)s%(levelname)-8s%(reset)s %(blue)s%(message)s':
                  'Epoch 1 | Step 10/120 | loss=0.6129 | acc=0.8125 | lr=3.0e-01', an epoch summary
                  with val_acc in percent, WARNING lines when val_loss does not improve
    tqdm_logging  a tqdm bar per epoch (desc 'Epoch 1/4', no metrics in it) with logging routed
                  through tqdm.contrib.logging.logging_redirect_tqdm: 'INFO:train:step 10: loss=...'
    termcolor     termcolor cprint / colored epoch lines: a bold cyan '[Epoch 1/4]' prefix, train
                  figures in green, validation in yellow (red when worse than the best)
    plotext       per-epoch print lines, then a plotext line plot of train / val loss (6 epochs)
                  with axis ticks, title and legend
    asciichart    per-epoch print lines, then asciichartpy.plot of the per-step training loss
                  (y-axis labels '  0.6931 ┤╮')

Truth: the values the loop handed the library (lists it appends to), at full precision, named as
printed; a value shown in percent is recorded in percent.
Versions: wasabi 1.1.3, logzero 1.7.0, icecream 2.2.0 (Pygments 2.21.0), Columnar 1.4.1,
pytablewriter 1.2.1, colorlog 6.12.0, tqdm 4.70.1, termcolor 3.3.0, plotext 5.3.2,
asciichartpy 1.5.25, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zq-1: pip install numpy wasabi logzero icecream
columnar pytablewriter colorlog tqdm termcolor "plotext==5.3.2" asciichartpy):
    python tests/corpus/scripts/capture.py pipe real_wasabi_rows -- python tests/corpus/scripts/print_libs_more.py wasabi
    python tests/corpus/scripts/capture.py pipe real_logzero_loop -- python tests/corpus/scripts/print_libs_more.py logzero
    python tests/corpus/scripts/capture.py pipe real_icecream_loop -- python tests/corpus/scripts/print_libs_more.py icecream
    python tests/corpus/scripts/capture.py pipe real_icecream_context -- python tests/corpus/scripts/print_libs_more.py icecream_context
    python tests/corpus/scripts/capture.py pipe real_colorlog_verbose -- python tests/corpus/scripts/print_libs_more.py colorlog_verbose
    python tests/corpus/scripts/capture.py pipe real_columnar_history -- python tests/corpus/scripts/print_libs_more.py columnar
    python tests/corpus/scripts/capture.py pipe real_pytablewriter_history -- python tests/corpus/scripts/print_libs_more.py pytablewriter
    python tests/corpus/scripts/capture.py pipe real_colorlog_format -- python tests/corpus/scripts/print_libs_more.py colorlog
    python tests/corpus/scripts/capture.py pipe real_tqdm_logging_redirect -- python tests/corpus/scripts/print_libs_more.py tqdm_logging
    python tests/corpus/scripts/capture.py pty  real_tqdm_logging_redirect_pty -- python tests/corpus/scripts/print_libs_more.py tqdm_logging
    python tests/corpus/scripts/capture.py pty  real_termcolor_epoch_pty -- python tests/corpus/scripts/print_libs_more.py termcolor
    python tests/corpus/scripts/capture.py pipe real_plotext_loss -- python tests/corpus/scripts/print_libs_more.py plotext
    python tests/corpus/scripts/capture.py pipe real_asciichart_loss -- python tests/corpus/scripts/print_libs_more.py asciichart
"""

from __future__ import annotations

import logging
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
EPOCHS = 6 if style in ("plotext", "asciichart") else 4
EVERY = 10
BATCH = 32
CONFIG = {"lr": 0.3, "batch_size": BATCH, "epochs": EPOCHS, "seed": 0}


def final_eval(toy: Toy) -> dict[str, tuple[float, float, int]]:
    _, p = toy._forward(toy.x)
    y = toy.y
    tl = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    ta = float(np.mean((p > 0.5) == y))
    vl, va = toy.evaluate()
    return {"train": (tl, ta, len(toy.x)), "val": (vl, va, len(toy.xv))}


class Sink:
    """Default: prints nothing (each style overrides what its users print)."""

    decay = False  # lr halved every 2 epochs when True (the lr is then shown as a column)

    def start(self, toy, n_params):
        pass

    def epoch_begin(self, epoch):
        pass

    def step(self, epoch, step, batch, loss, acc, lr, secs):
        pass

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        pass

    def done(self, toy, step, total_secs):
        pass


class Wasabi(Sink):
    """spaCy's way: msg.row with widths / aligns under a header and a dashed rule."""

    header = ["E", "#", "LOSS", "ACC", "VAL LOSS", "VAL ACC", "SPEED"]
    widths = [3, 6, 8, 6, 8, 7, 6]
    aligns = ["r", "r", "r", "r", "r", "r", "r"]

    def __init__(self):
        from wasabi import msg

        self.msg = msg

    def start(self, toy, n_params):
        self.msg.divider("Initializing model")
        self.msg.info(f"Model has {n_params} trainable parameters")
        self.msg.text(
            f"Train: {len(toy.x)} samples | Val: {len(toy.xv)} samples | "
            f"batch size {BATCH} | lr {CONFIG['lr']}"
        )
        self.msg.divider("Training pipeline")
        self.msg.row(self.header, widths=self.widths, aligns=self.aligns)
        self.msg.row(["-" * w for w in self.widths], widths=self.widths)

    def step(self, epoch, step, batch, loss, acc, lr, secs):
        if step % EVERY or batch == SPE:  # the epoch's last row is printed with the validation
            return
        self.msg.row(
            [
                epoch,
                step,
                f"{rec('LOSS', step, epoch, loss):.4f}",
                f"{rec('ACC', step, epoch, 100 * acc):.2f}",
                "",
                "",
                f"{BATCH / secs:.0f}",
            ],
            widths=self.widths,
            aligns=self.aligns,
        )
        self.last = (loss, acc, secs)

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        loss, acc, bsecs = self.last_step
        self.msg.row(
            [
                epoch,
                step,
                f"{rec('LOSS', step, epoch, loss):.4f}",
                f"{rec('ACC', step, epoch, 100 * acc):.2f}",
                f"{rec('VAL LOSS', step, epoch, vl):.4f}",
                f"{rec('VAL ACC', step, epoch, 100 * va):.2f}",
                f"{BATCH / bsecs:.0f}",
            ],
            widths=self.widths,
            aligns=self.aligns,
        )
        if vl <= best:
            self.msg.good(f"Saved model to ckpt/model-best (epoch {epoch})")
        else:
            self.msg.warn(f"No improvement over best val loss {best:.4f}")

    def done(self, toy, step, total_secs):
        self.msg.divider("Final evaluation")
        res = final_eval(toy)
        rows = []
        for split, label in (("train", "Train"), ("val", "Val")):
            loss, acc, n = res[split]
            rows.append(
                (
                    label,
                    f"{rec(f'{label} Loss', step, EPOCHS, loss):.4f}",
                    f"{rec(f'{label} Accuracy', step, EPOCHS, acc):.4f}",
                    n,
                )
            )
        self.msg.table(
            rows,
            header=("Split", "Loss", "Accuracy", "Samples"),
            divider=True,
            aligns=("l", "r", "r", "r"),
        )
        self.msg.good(f"Training finished in {total_secs:.2f}s")


class Logzero(Sink):
    """logzero's default logger, settings / counts / timings beside the metrics."""

    def __init__(self):
        from logzero import logger

        self.log = logger

    def start(self, toy, n_params):
        self.log.info("Model: MLP 16-32-1, %d parameters", n_params)
        self.log.info(
            "Config: lr=%s batch_size=%d epochs=%d seed=%d",
            CONFIG["lr"],
            BATCH,
            EPOCHS,
            CONFIG["seed"],
        )
        self.log.info("Train samples: %d, val samples: %d", len(toy.x), len(toy.xv))

    def step(self, epoch, step, batch, loss, acc, lr, secs):
        if step % EVERY:
            return
        self.log.info(
            "epoch %d/%d batch %d/%d samples %d | loss %.4f acc %.4f | %.1f ms/batch",
            epoch,
            EPOCHS,
            batch,
            SPE,
            batch * BATCH,
            rec("loss", step, epoch, loss),
            rec("acc", step, epoch, acc),
            1000 * secs,
        )

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        self.log.info(
            "epoch %d done in %.2fs | train_loss %.4f | val_loss %.4f | val_acc %.4f",
            epoch,
            secs,
            rec("train_loss", step, epoch, tr),
            rec("val_loss", step, epoch, vl),
            rec("val_acc", step, epoch, va),
        )
        if vl > best:
            self.log.warning("val_loss did not improve (best %.4f)", best)

    def done(self, toy, step, total_secs):
        self.log.info("Finished %d epochs (%d steps) in %.2fs", EPOCHS, step, total_secs)


class Icecream(Sink):
    """ic() of the variables, as its README does."""

    def __init__(self):
        from icecream import ic

        self.ic = ic

    def start(self, toy, n_params):
        ic = self.ic
        config = dict(CONFIG)
        ic(n_params)
        ic(config)
        ic(len(toy.x), len(toy.xv))

    def step(self, epoch, step, batch, loss, acc, lr, secs):
        if step % EVERY:
            return
        rec("loss", step, epoch, loss)
        rec("acc", step, epoch, acc)
        self.ic(epoch, step, loss, acc)

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        train_loss = rec("train_loss", step, epoch, tr)
        val_loss = rec("val_loss", step, epoch, vl)
        val_acc = rec("val_acc", step, epoch, va)
        epoch_time = round(secs, 4)
        self.ic(epoch, train_loss, val_loss, val_acc, epoch_time)


class IcecreamContext(Sink):
    """ic() with includeContext=True (file:line in function), counts and a metrics dict."""

    def __init__(self):
        from icecream import ic

        ic.configureOutput(includeContext=True)
        self.ic = ic

    def start(self, toy, n_params):
        n_train, n_val = len(toy.x), len(toy.xv)
        self.ic(n_params, n_train, n_val)

    def step(self, epoch, step, batch, loss, acc, lr, secs):
        if step % EVERY:
            return
        samples_seen = step * BATCH
        metrics = {"loss": rec("loss", step, epoch, loss), "acc": rec("acc", step, epoch, acc)}
        self.ic(step, samples_seen, metrics)

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        val = {
            "val_loss": rec("val_loss", step, epoch, vl),
            "val_acc": rec("val_acc", step, epoch, va),
        }
        elapsed = f"{secs:.2f}s"
        self.ic(epoch, val, elapsed)


class ColorlogVerbose(Sink):
    """colorlog with a fuller format (time, name:lineno), config / data / memory / patience figures."""

    def __init__(self):
        import colorlog

        handler = colorlog.StreamHandler(sys.stdout)
        handler.setFormatter(
            colorlog.ColoredFormatter(
                "%(log_color)s%(asctime)s %(levelname)-8s%(reset)s %(cyan)s%(name)s:%(lineno)d"
                "%(reset)s %(message)s",
                datefmt="%H:%M:%S",
            )
        )
        self.log = logging.getLogger("trainer")
        self.log.addHandler(handler)
        self.log.setLevel(logging.INFO)
        self.patience = 0

    @staticmethod
    def mem_mb():
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def start(self, toy, n_params):
        self.log.info(
            "Config: lr=%s, batch_size=%d, epochs=%d, hidden=32, seed=%d, patience=3",
            CONFIG["lr"],
            BATCH,
            EPOCHS,
            CONFIG["seed"],
        )
        self.log.info(
            "Dataset: %d train / %d val samples, 16 features; model: %d params",
            len(toy.x),
            len(toy.xv),
            n_params,
        )

    def step(self, epoch, step, batch, loss, acc, lr, secs):
        if step % EVERY:
            return
        self.log.info(
            "[%d/%d][%d/%d] samples=%d loss=%.4f acc=%.4f step_time=%.1fms mem=%.1fMB",
            epoch,
            EPOCHS,
            batch,
            SPE,
            step * BATCH,
            rec("loss", step, epoch, loss),
            rec("acc", step, epoch, acc),
            1000 * secs,
            self.mem_mb(),
        )

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        self.patience = 0 if vl <= best else self.patience + 1
        self.log.info(
            "epoch %d finished: train_loss=%.4f train_acc=%.4f val_loss=%.4f val_acc=%.4f "
            "epoch_time=%.2fs throughput=%.0f samples/s patience=%d/3",
            epoch,
            rec("train_loss", step, epoch, tr),
            rec("train_acc", step, epoch, ta),
            rec("val_loss", step, epoch, vl),
            rec("val_acc", step, epoch, va),
            secs,
            SPE * BATCH / secs,
            self.patience,
        )
        if self.patience:
            self.log.warning("no improvement for %d epoch(s)", self.patience)

    def done(self, toy, step, total_secs):
        size_kb = (toy.w1.size + toy.b1.size + toy.w2.size + 1) * 8 / 1024
        self.log.info("Saved checkpoint ckpt/epoch_%d.npz (%.1f KB)", EPOCHS, size_kb)


class Columnar(Sink):
    """columnar tables printed once training is over (its README's columnar(data, headers))."""

    decay = True

    def __init__(self):
        self.history = []

    def start(self, toy, n_params):
        print(f"Training for {EPOCHS} epochs on {len(toy.x)} samples ...")

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        self.history.append(
            [
                epoch,
                step,
                f"{rec('Train Loss', step, epoch, tr):.4f}",
                f"{rec('Train Acc', step, epoch, ta):.4f}",
                f"{rec('Val Loss', step, epoch, vl):.4f}",
                f"{rec('Val Acc', step, epoch, va):.4f}",
                f"{rec('LR', step, epoch, lr):g}",
            ]
        )
        print(f"epoch {epoch} finished in {secs:.3f}s")

    def done(self, toy, step, total_secs):
        from columnar import columnar

        headers = ["Epoch", "Steps", "Train Loss", "Train Acc", "Val Loss", "Val Acc", "LR"]
        print(columnar(self.history, headers))
        res = final_eval(toy)
        data = [
            [
                split,
                f"{rec(f'{split} LOSS', step, EPOCHS, res[split][0]):.4f}",
                f"{rec(f'{split} ACCURACY', step, EPOCHS, res[split][1]):.4f}",
                res[split][2],
            ]
            for split in ("train", "val")
        ]
        print(columnar(data, ["split", "loss", "accuracy", "samples"], no_borders=True))


class Pytablewriter(Sink):
    """pytablewriter writers as in its README (table_name, headers, value_matrix)."""

    decay = True

    def __init__(self):
        self.history = []

    def start(self, toy, n_params):
        print(f"n_params={n_params} train={len(toy.x)} val={len(toy.xv)} batch_size={BATCH}")

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        self.history.append(
            [
                epoch,
                step,
                rec("train_loss", step, epoch, tr),
                rec("train_acc", step, epoch, ta),
                rec("val_loss", step, epoch, vl),
                rec("val_acc", step, epoch, va),
                rec("lr", step, epoch, lr),
                round(secs, 4),
            ]
        )

    def done(self, toy, step, total_secs):
        from pytablewriter import MarkdownTableWriter, UnicodeTableWriter

        writer = MarkdownTableWriter(
            table_name="training history",
            headers=[
                "epoch",
                "step",
                "train_loss",
                "train_acc",
                "val_loss",
                "val_acc",
                "lr",
                "time_s",
            ],
            value_matrix=self.history,
        )
        writer.write_table()
        print()
        res = final_eval(toy)
        writer = UnicodeTableWriter(
            table_name="final evaluation",
            headers=["split", "loss", "accuracy", "samples"],
            value_matrix=[
                [
                    split,
                    rec(f"{split} loss", step, EPOCHS, res[split][0]),
                    rec(f"{split} accuracy", step, EPOCHS, res[split][1]),
                    res[split][2],
                ]
                for split in ("train", "val")
            ],
        )
        writer.write_table()


class Colorlog(Sink):
    """colorlog's README setup: StreamHandler + ColoredFormatter, a named logger."""

    decay = True

    def __init__(self):
        import colorlog

        handler = colorlog.StreamHandler()
        handler.setFormatter(
            colorlog.ColoredFormatter("%(log_color)s%(levelname)-8s%(reset)s %(blue)s%(message)s")
        )
        self.log = colorlog.getLogger("train")
        self.log.addHandler(handler)
        self.log.setLevel(logging.INFO)

    def start(self, toy, n_params):
        self.log.info("Starting training: %d samples, %d epochs", len(toy.x), EPOCHS)

    def step(self, epoch, step, batch, loss, acc, lr, secs):
        if step % EVERY:
            return
        self.log.info(
            "Epoch %d | Step %d/%d | loss=%.4f | acc=%.4f | lr=%.1e",
            epoch,
            step,
            EPOCHS * SPE,
            rec("loss", step, epoch, loss),
            rec("acc", step, epoch, acc),
            rec("lr", step, epoch, lr),
        )

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        self.log.info(
            "Epoch %d summary: train_loss=%.4f val_loss=%.4f val_acc=%.2f%%",
            epoch,
            rec("train_loss", step, epoch, tr),
            rec("val_loss", step, epoch, vl),
            rec("val_acc", step, epoch, 100 * va),
        )
        if vl > best:
            self.log.warning("val_loss did not improve from %.4f", best)

    def done(self, toy, step, total_secs):
        self.log.info("Done.")


class TqdmLogging(Sink):
    """A tqdm bar per epoch; logging goes through logging_redirect_tqdm (tqdm's own recipe)."""

    def __init__(self):
        from tqdm import tqdm
        from tqdm.contrib.logging import logging_redirect_tqdm

        logging.basicConfig(level=logging.INFO)
        self.log = logging.getLogger("train")
        self.tqdm = tqdm
        self.redirect = logging_redirect_tqdm()
        self.redirect.__enter__()
        self.bar = None

    def start(self, toy, n_params):
        self.log.info("training %d samples for %d epochs", len(toy.x), EPOCHS)

    def epoch_begin(self, epoch):
        self.bar = self.tqdm(total=SPE, desc=f"Epoch {epoch}/{EPOCHS}")

    def step(self, epoch, step, batch, loss, acc, lr, secs):
        time.sleep(0.01)  # bars redraw on time: a slower step shows more states
        self.bar.update(1)
        if step % EVERY == 0:
            self.log.info(
                "step %d: loss=%.4f acc=%.4f",
                step,
                rec("loss", step, epoch, loss),
                rec("acc", step, epoch, acc),
            )

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        self.bar.close()
        self.log.info(
            "Epoch %d: train_loss=%.4f val_loss=%.4f val_acc=%.4f",
            epoch,
            rec("train_loss", step, epoch, tr),
            rec("val_loss", step, epoch, vl),
            rec("val_acc", step, epoch, va),
        )

    def done(self, toy, step, total_secs):
        self.redirect.__exit__(None, None, None)


class Termcolor(Sink):
    """termcolor's cprint / colored, one coloured line per epoch."""

    def start(self, toy, n_params):
        from termcolor import cprint

        cprint(
            f"==> Training MLP ({n_params} params) for {EPOCHS} epochs", "magenta", attrs=["bold"]
        )

    def step(self, epoch, step, batch, loss, acc, lr, secs):
        from termcolor import colored

        if step % 15:
            return
        print(
            colored(f"  step {step:4d}", "white", attrs=["dark"]),
            colored(f"loss {rec('loss', step, epoch, loss):.4f}", "green"),
        )

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        from termcolor import colored, cprint

        cprint(f"[Epoch {epoch}/{EPOCHS}]", "cyan", attrs=["bold"], end=" ")
        print(
            colored(
                f"train_loss: {rec('train_loss', step, epoch, tr):.4f}  "
                f"train_acc: {rec('train_acc', step, epoch, ta):.4f}",
                "green",
            ),
            colored(
                f"val_loss: {rec('val_loss', step, epoch, vl):.4f}  "
                f"val_acc: {rec('val_acc', step, epoch, va):.4f}",
                "yellow" if vl <= best else "red",
            ),
            sep=" | ",
        )


class Plotext(Sink):
    def __init__(self):
        self.tr, self.vl = [], []

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        print(
            f"epoch {epoch:2d}  train_loss {rec('train_loss', step, epoch, tr):.4f}  "
            f"val_loss {rec('val_loss', step, epoch, vl):.4f}  "
            f"val_acc {rec('val_acc', step, epoch, va):.4f}"
        )
        self.tr.append(tr)
        self.vl.append(vl)

    def done(self, toy, step, total_secs):
        import plotext as plt

        epochs = list(range(1, EPOCHS + 1))
        plt.plot(epochs, self.tr, label="train")
        plt.plot(epochs, self.vl, label="val")
        plt.title("Loss")
        plt.xlabel("epoch")
        plt.plotsize(80, 20)
        plt.show()


class Asciichart(Sink):
    def __init__(self):
        self.losses = []

    def step(self, epoch, step, batch, loss, acc, lr, secs):
        self.losses.append(loss)

    def epoch_end(self, epoch, step, tr, ta, vl, va, lr, secs, best):
        print(
            f"Epoch {epoch}: train loss {rec('train loss', step, epoch, tr):.4f}, "
            f"val loss {rec('val loss', step, epoch, vl):.4f}, "
            f"val acc {rec('val acc', step, epoch, va):.4f}"
        )

    def done(self, toy, step, total_secs):
        import asciichartpy

        print("\nTraining loss per step:")
        print(asciichartpy.plot(self.losses[::3], {"height": 12, "format": "{:8.4f} "}))


SINKS = {
    "wasabi": Wasabi,
    "logzero": Logzero,
    "icecream": Icecream,
    "icecream_context": IcecreamContext,
    "colorlog_verbose": ColorlogVerbose,
    "columnar": Columnar,
    "pytablewriter": Pytablewriter,
    "colorlog": Colorlog,
    "tqdm_logging": TqdmLogging,
    "termcolor": Termcolor,
    "plotext": Plotext,
    "asciichart": Asciichart,
}

toy = Toy(n=960, batch=BATCH, lr=CONFIG["lr"], seed=0)
SPE = toy.steps_per_epoch  # 30


def main():
    sink = SINKS[style]()
    n_params = toy.w1.size + toy.b1.size + toy.w2.size + 1
    sink.start(toy, n_params)
    step, best, t_all = 0, float("inf"), time.perf_counter()
    for epoch in range(1, EPOCHS + 1):
        sink.epoch_begin(epoch)
        t0 = time.perf_counter()
        if sink.decay:
            toy.lr = CONFIG["lr"] * 0.5 ** ((epoch - 1) // 2)
        losses, accs = [], []
        for batch in range(1, SPE + 1):
            step += 1
            tb = time.perf_counter()
            loss, acc = toy.train_step()
            time.sleep(0.003)  # a little time per step, as a real model takes
            secs = time.perf_counter() - tb
            losses.append(loss)
            accs.append(acc)
            sink.last_step = (loss, acc, secs)
            sink.step(epoch, step, batch, loss, acc, toy.lr, secs)
        v_loss, v_acc = toy.evaluate()
        sink.epoch_end(
            epoch,
            step,
            float(np.mean(losses)),
            float(np.mean(accs)),
            v_loss,
            v_acc,
            toy.lr,
            time.perf_counter() - t0,
            best,
        )
        best = min(best, v_loss)
    sink.done(toy, step, time.perf_counter() - t_all)
    write_truth()


LIBS = {
    "wasabi": ["wasabi"],
    "logzero": ["logzero"],
    "icecream": ["icecream", "Pygments"],
    "icecream_context": ["icecream", "Pygments"],
    "colorlog_verbose": ["colorlog"],
    "columnar": ["Columnar"],
    "pytablewriter": ["pytablewriter"],
    "colorlog": ["colorlog"],
    "tqdm_logging": ["tqdm"],
    "termcolor": ["termcolor"],
    "plotext": ["plotext"],
    "asciichart": ["asciichartpy"],
}
EPOCH_STEP = (
    " step = the global batch count (30 per epoch); a per-epoch figure's step, not printed, is the"
    " global step of the epoch's end; epoch 1-based as printed."
)
NOTES = {
    "wasabi": (
        "wasabi 1.1.3's msg as spaCy's training loop uses it: msg.divider('Initializing model') "
        "(a bold '=== Initializing model ===' rule), msg.info('Model has 577 trainable parameters'), "
        "msg.text('Train: 960 samples | Val: 240 samples | batch size 32 | lr 0.3'), then a table made "
        "of msg.row calls with widths/aligns: header '  E        #       LOSS      ACC   VAL LOSS   VAL "
        "ACC    SPEED', a dashed rule, and a row every 10 steps '  1       10     0.4750    78.12       "
        "                 620083' (VAL LOSS / VAL ACC cells blank except on the epoch's last row, "
        "'  1       30     0.3862    87.50     0.4361     82.08   207795'). Columns: E = epoch, # = "
        "global step, LOSS = that step's batch loss, ACC = its batch accuracy x100 (printed in "
        "percent; the truth keeps the printed unit), VAL LOSS / VAL ACC (x100) = validation at the "
        "epoch's end, SPEED = samples per second of that step (a throughput: extra_ok). After each "
        "epoch msg.good('Saved model to ckpt/model-best (epoch 1)') or msg.warn('No improvement over "
        "best val loss 0.3758') (that number repeats an earlier VAL LOSS, not a new point). At the end "
        "msg.divider('Final evaluation') and msg.table(header=('Split', 'Loss', 'Accuracy', 'Samples'), "
        "divider=True): rows Train / Val evaluated on the whole training set and the validation rows "
        "after the last epoch, named '<row> <column>' in the truth (step = the last step, epoch 4; "
        "Accuracy there is a fraction, not percent; Samples 960 / 240 is a count); msg.good('Training "
        "finished in 0.52s'). wasabi colours the info/good/warn lines and bolds the dividers even in a "
        "pipe. Not metrics: 577 parameters, sample counts, batch size, lr 0.3 (a setting), E and #."
    ),
    "logzero": (
        "logzero 1.7.0's default logger (format '[%(levelname)1.1s %(asctime)s %(module)s:%(lineno)d] "
        "%(message)s', date '%y%m%d %H:%M:%S'; the prefix coloured only under a terminal): '[I 261207 "
        "06:33:56 print_libs_more:212] epoch 1/4 batch 10/30 samples 320 | loss 0.4750 acc 0.7812 | "
        "3.1 ms/batch' every 10 steps (batch loss and accuracy), and per epoch 'epoch 1 done in 0.11s "
        "| train_loss 0.5270 | val_loss 0.4361 | val_acc 0.8208' (train_loss = mean batch loss of the "
        "epoch), a '[W ...] val_loss did not improve (best 0.3758)' warning (an earlier val_loss "
        "repeated, not a new point), 'Finished 4 epochs (120 steps) in 0.45s'. Before training: 'Model: "
        "MLP 16-32-1, 577 parameters', 'Config: lr=0.3 batch_size=32 epochs=4 seed=0', 'Train samples: "
        "960, val samples: 240'. Not metrics: the date/time and module:line prefix, 1/4 and 10/30 "
        "(position of total), samples 320 (a count), the parameter count, the config values, sample "
        "counts, '120 steps'. Timings (ms/batch, 'done in' / 'Finished in' seconds) are extra_ok."
    ),
    "icecream": (
        "icecream 2.2.0's ic() on stderr, highlighted with Pygments colour codes even in a pipe: "
        "'ic| n_params: 577', \"ic| config: {'batch_size': 32, 'epochs': 4, 'lr': 0.3, 'seed': 0}\", "
        "'ic| len(toy.x): 960, len(toy.xv): 240' (none of them metrics), then every 10 steps 'ic| epoch: "
        "1, step: 10, loss: 0.4750095577005998, acc: 0.78125' (repr precision; epoch and step are the "
        "loop's counters) and per epoch ic(epoch, train_loss, val_loss, val_acc, epoch_time), which is "
        "longer than icecream's 70-column line so it is wrapped one argument per line: 'ic| epoch: 1' / "
        "'    train_loss: 0.5269697070071546' / '    val_loss: 0.43610126770698027' / '    val_acc: "
        "0.8208333333333333' / '    epoch_time: 0.1117' (an indented continuation belongs to the "
        "'ic| epoch: N' line above it). epoch_time (seconds of the epoch) is a timing: extra_ok. "
        "train_loss = mean batch loss of the epoch."
    ),
    "icecream_context": (
        "icecream 2.2.0 after ic.configureOutput(includeContext=True): with the calling file, line "
        "and function in front, every call here is too long for icecream's one-line form, so it "
        "prints the context alone, 'ic| print_libs_more.py:294 in step()', and one argument per "
        "indented line below it: '    step: 10' / '    samples_seen: 320' / \"    metrics: {'acc': "
        "0.78125, 'loss': 0.4750095577005998}\" every 10 steps (the dict printed with sorted keys, "
        "batch accuracy / loss at repr precision; step is the global step; samples_seen a count), "
        "and per epoch 'ic| print_libs_more.py:302 in epoch_end()' / '    epoch: 1' / \"    val: "
        "{'val_acc': 0.8208333333333333, 'val_loss': 0.43610126770698027}\" / \"    elapsed: "
        "'0.11s'\" (the epoch line's step, not printed, is the global step of the epoch's end). "
        "First 'ic| ... in start()' with n_params: 577, n_train: 960, n_val: 240 (counts). Colour "
        "codes (Pygments) are written even in a pipe. Not metrics: the file:line numbers, step, "
        "samples_seen, epoch, the counts; elapsed (a quoted seconds string) is a timing: extra_ok."
    ),
    "colorlog_verbose": (
        "colorlog 6.12.0 ColoredFormatter('%(log_color)s%(asctime)s %(levelname)-8s%(reset)s "
        "%(cyan)s%(name)s:%(lineno)d%(reset)s %(message)s', datefmt='%H:%M:%S') on stdout (colour "
        "codes written even in a pipe): 'Config: lr=0.3, batch_size=32, epochs=4, hidden=32, seed=0, "
        "patience=3', 'Dataset: 960 train / 240 val samples, 16 features; model: 577 params', every 10 "
        "steps '06:41:02 INFO     trainer:421 [1/4][10/30] samples=320 loss=0.4750 acc=0.7812 "
        "step_time=3.2ms mem=45.1MB' ([epoch/epochs][batch/batches]; the truth's step is the global "
        "step: 10, 20, 30, 40, ...; samples is a cumulative count; mem the process' peak RSS) and per "
        "epoch 'epoch 1 finished: train_loss=0.5270 train_acc=0.7531 val_loss=0.4361 val_acc=0.8208 "
        "epoch_time=0.11s throughput=8727 samples/s patience=0/3' (train figures = epoch means of the "
        "batch values), a WARNING 'no improvement for 1 epoch(s)', finally 'Saved checkpoint "
        "ckpt/epoch_4.npz (4.5 KB)'. Not metrics: the time of day, trainer:421 (the line number), the "
        "config values, counts, samples, mem, patience, the checkpoint size. Timings (step_time, "
        "epoch_time) and throughput are extra_ok."
    ),
    "columnar": (
        "Columnar 1.4.1. During training only 'Training for 4 epochs on 960 samples ...' and 'epoch 1 "
        "finished in 0.108s' lines (timings: extra_ok). At the end print(columnar(history, headers)) "
        "with its default borders: '|-----|-----|----------|...', '|Epoch|Steps|Train Loss|Train Acc|Val "
        "Loss|Val Acc|LR   |', a '|=====...|' rule, rows '|1    |30   |0.5270    |0.7531   |0.4361  "
        "|0.8208 |0.3  |' separated by dashed rules. Steps = the global step at the epoch's end (a count, "
        "the step of the row), LR = the learning rate the epoch used (halved every 2 epochs; the loop "
        "records it). Then columnar(..., no_borders=True) of the final evaluation: header '  SPLIT  LOSS "
        "   ACCURACY  SAMPLES' (columnar upper-cases headers), rows '  train  0.2931  0.9115    960' "
        "and '  val ...', named '<split> <COLUMN>' as printed ('train LOSS', 'val ACCURACY'; step = "
        "the last step, epoch 4; samples is a count)."
    ),
    "pytablewriter": (
        "pytablewriter 1.2.1. First line 'n_params=577 train=960 val=240 batch_size=32' (counts, not "
        "metrics). At the end a MarkdownTableWriter(table_name='training history', ...): '# training "
        "history', '|epoch|step|    train_loss     |train_acc|     val_loss      |     val_acc      | lr "
        "|time_s|', an alignment row '|----:|---:|...', rows '|    1|  30|0.52696970700715460| 0.753125|"
        "0.43610126770698027|0.8208333333333333|0.30|0.1088|': pytablewriter pads every float of a "
        "column to the column's largest number of decimals (trailing zeros added: 0.5269697070071546 "
        "shows as 0.52696970700715460, lr 0.3 as 0.30). step = the global step at the epoch's end; lr "
        "= the epoch's learning rate (halved every 2 epochs, recorded by the loop); time_s = seconds "
        "of the epoch (a timing: extra_ok). Then a UnicodeTableWriter(table_name='final evaluation') "
        "box table 'split | loss | accuracy | samples', rows train / val, named '<split> <column>' "
        "('train loss', 'val accuracy'; step = the last step, epoch 4); samples is a count. "
        "UnicodeTableWriter does not print its table_name."
    ),
    "colorlog": (
        "colorlog 6.12.0 with its README's ColoredFormatter('%(log_color)s%(levelname)-8s%(reset)s "
        "%(blue)s%(message)s') on a StreamHandler (stderr; colour codes written even in a pipe): "
        "'INFO     Epoch 1 | Step 10/120 | loss=0.4750 | acc=0.7812 | lr=3.0e-01' every 10 steps (batch "
        "loss / accuracy; lr = the learning rate of that step, halved every 2 epochs, recorded by the "
        "loop) and 'INFO     Epoch 1 summary: train_loss=0.5270 val_loss=0.4361 val_acc=82.08%' per "
        "epoch (val_acc printed in percent; the truth keeps the printed unit), 'WARNING  val_loss did "
        "not improve from 0.3758' (an earlier val_loss repeated, not a new point). Not metrics: "
        "'Starting training: 960 samples, 4 epochs', Step 10/120 (step of total: the step is 10)."
    ),
    "tqdm_logging": (
        "tqdm 4.70.1: a bar per epoch tqdm(total=30, desc='Epoch 1/4') (no metrics in it; percent, "
        "n/total, elapsed<remaining and it/s only) while logging.basicConfig(level=INFO)'s records "
        "go through tqdm.contrib.logging.logging_redirect_tqdm (tqdm.write: the bar is cleared, the "
        "record written, the bar redrawn): 'INFO:train:step 10: loss=0.4750 acc=0.7812' every 10 "
        "steps (batch loss / accuracy) and 'INFO:train:Epoch 1: train_loss=0.5270 val_loss=0.4361 "
        "val_acc=0.8208' after each bar is closed. In a pipe the bar's '\\r' states and the "
        "clearing blanks sit on the same line as the record that follows them. Not metrics: 'training "
        "960 samples for 4 epochs', the bar's percent and counts; it/s is a throughput (extra_ok)."
    ),
    "termcolor": (
        "termcolor 3.3.0 (colours only when stdout is a terminal): cprint('==> Training MLP (577 "
        "params) for 4 epochs', 'magenta', attrs=['bold']), every 15 steps print(colored('  step   "
        "15', 'white', attrs=['dark']), colored('loss 0.5000', 'green')) (the step's batch loss), and "
        "per epoch cprint('[Epoch 1/4]', 'cyan', attrs=['bold'], end=' ') followed by a green "
        "'train_loss: 0.5270  train_acc: 0.7531' and a yellow (red when val_loss is worse than the "
        "best) 'val_loss: 0.4361  val_acc: 0.8208' joined by ' | ' (train figures = epoch means of the "
        "batch values). Not metrics: 577 params, 4 epochs, [Epoch 1/4] (epoch of total)."
    ),
    "plotext": (
        "plotext 5.3.2 (the classic plt.plot / plt.show API; 6.x dropped it): per epoch a print() "
        "'epoch  1  train_loss 0.5270  val_loss 0.4361  val_acc 0.8208' (train_loss = mean batch "
        "loss), then plt.plot(epochs, train losses, label='train'), plt.plot(..., label='val'), "
        "plt.title('Loss'), plt.xlabel('epoch'), plt.plotsize(80, 20), plt.show(): an 80x20 "
        "character plot drawn with colour codes even in a pipe (white background), its y-axis tick "
        "labels ('0.527┤', '0.487┤', ... '0.286┤': evenly spaced axis values, the top and bottom "
        "ones being the plotted extremes rounded), x ticks '1.0  2.2  3.5  4.8  6.0', the legend "
        "'▞▞ train' / '▞▞ val' and the title. Nothing in the plot is a new metric value: the axis "
        "ticks are axis labels, not points."
    ),
    "asciichart": (
        "asciichartpy 1.5.25: per epoch a print() 'Epoch 1: train loss 0.5270, val loss 0.4361, val "
        "acc 0.8208' (train loss = mean batch loss of the epoch), then 'Training loss per step:' and "
        "print(asciichartpy.plot(losses[::3], {'height': 12, 'format': '{:8.4f} '})): a 13-row line "
        "chart whose rows start with a y-axis label '  0.7244  ┼╮', '  0.6798  ┤╰╮', ... (evenly spaced "
        "axis values between the min and max of every third batch loss; the top and bottom ones are "
        "that min and max, not printed as points). Nothing in the chart is a metric point: the "
        "axis labels are axis values."
    ),
}
EXTRA_OK = {  # printed names only: the scorer accepts a stored name whose words are all in one
    "wasabi": ["SPEED", "finished in"],
    "logzero": ["ms", "done in", "Finished in"],
    "icecream": ["epoch_time"],
    "icecream_context": ["elapsed"],
    "colorlog_verbose": ["step_time", "epoch_time", "throughput"],
    "columnar": ["finished in"],
    "pytablewriter": ["time_s"],
    "tqdm_logging": ["it/s"],
}


def write_truth():
    libs = ", ".join(f"{lib} {metadata.version(lib)}" for lib in LIBS[style])
    _truth.write(
        library=f"hand-written loop, {libs} (numpy toy model of _toy.py, Python 3.11)",
        script="tests/corpus/scripts/print_libs_more.py",
        record="the values the loop handed the library (its own lists), at full precision",
        step_kind="global",
        series=rec.series,
        extra_ok=EXTRA_OK.get(style, []),
        notes=NOTES[style] + EPOCH_STEP,
    )


main()
