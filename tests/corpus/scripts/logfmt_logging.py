"""A hand-written training loop that reports through logfmt / key=value logging libraries.

Styles: logfmter's Formatter (logfmt: `at=INFO msg="epoch done" epoch=1 train_loss=0.53...`)
with its default keys and with the `when`/`logger` keys of its README; daiquiri's default
setup (its KeywordArgumentAdapter renders keyword fields as `[loss: 0.61]` before the
message); loguru with a format that ends in `{extra}` (the dict of the call's keyword
arguments); the stdlib with a small custom Formatter appending `extra=` fields as key=value (the
usual recipe); picologging (a drop-in stdlib replacement, no `extra=` support) with an event
name plus key=value pairs in the %-formatted message.
A real (tiny numpy) model is trained (_toy.py); the script keeps exactly the values it handed the
logger as ground truth.
Versions: logfmter 0.0.12, daiquiri 3.4.0, loguru 0.7.3, picologging 0.9.3, numpy 2.4.6,
Python 3.11 (venv corpus-zf-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_logfmter_loop -- python tests/corpus/scripts/logfmt_logging.py logfmter
    python tests/corpus/scripts/capture.py pipe real_logfmter_when -- python tests/corpus/scripts/logfmt_logging.py logfmter_when
    python tests/corpus/scripts/capture.py pipe real_daiquiri_loop -- python tests/corpus/scripts/logfmt_logging.py daiquiri
    python tests/corpus/scripts/capture.py pty  real_daiquiri_loop_pty -- python tests/corpus/scripts/logfmt_logging.py daiquiri
    python tests/corpus/scripts/capture.py pipe real_loguru_extra -- python tests/corpus/scripts/logfmt_logging.py loguru_extra
    python tests/corpus/scripts/capture.py pty  real_loguru_extra_pty -- python tests/corpus/scripts/logfmt_logging.py loguru_extra
    python tests/corpus/scripts/capture.py pipe real_logging_extra_kv -- python tests/corpus/scripts/logfmt_logging.py stdlib_extra
    python tests/corpus/scripts/capture.py pipe real_picologging_loop -- python tests/corpus/scripts/logfmt_logging.py picologging
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record, Toy

style = sys.argv[1]
rec = Record()
EPOCHS = 4
EVERY = 10
CONFIG = {"lr": 0.3, "batch_size": 32, "epochs": EPOCHS, "hidden": 32, "seed": 0}


class Logfmter:
    """logfmter's Formatter with its defaults (keys=['at'] mapped to levelname) on stderr."""

    def __init__(self):
        from logfmter import Logfmter as Fmt

        handler = logging.StreamHandler()
        handler.setFormatter(Fmt())
        logging.basicConfig(handlers=[handler], level=logging.INFO)
        self.log = logging.getLogger("train")

    def start(self, n):
        self.log.info("run started", extra=dict(CONFIG))
        self.log.info(
            "data loaded", extra={"train_samples": n, "val_samples": n // 4, "features": 16}
        )

    def step(self, epoch, step, loss, acc, lr):
        # logfmter's dict messages: the dict's items become the line's pairs
        self.log.info(
            {
                "event": "train_step",
                "epoch": epoch,
                "step": step,
                "loss": rec("loss", step, epoch, loss),
                "acc": rec("acc", step, epoch, acc),
                "lr": rec("lr", step, epoch, lr),
            }
        )

    def epoch_end(self, epoch, step, tr, vl, va, best):
        self.log.info(
            "epoch done",
            extra={
                "epoch": epoch,
                "train_loss": rec("train_loss", step, epoch, tr),
                "val_loss": rec("val_loss", step, epoch, vl),
                "val_acc": rec("val_acc", step, epoch, va),
            },
        )
        if vl > best[1]:
            self.log.warning(
                "no improvement",
                extra={
                    "best_epoch": best[0],
                    "best_val_loss": rec("best_val_loss", step, epoch, best[1]),
                },
            )
        else:
            self.log.info(
                "checkpoint saved", extra={"path": f"ckpt/epoch-{epoch}.pt", "step": step}
            )

    def done(self, step, best):
        self.log.info(
            "training finished",
            extra={
                "total_steps": step,
                "best_epoch": best[0],
                "best_val_loss": rec("best_val_loss", step, None, best[1]),
            },
        )


class LogfmterWhen(Logfmter):
    """logfmter with the README's keys (when=asctime, at=levelname, logger=name) on stdout,
    %-style messages and values rounded by the caller."""

    def __init__(self):
        from logfmter import Logfmter as Fmt

        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(
            Fmt(
                keys=["when", "at", "logger"],
                mapping={"when": "asctime", "at": "levelname", "logger": "name"},
                datefmt="%Y-%m-%dT%H:%M:%S",
            )
        )
        logging.basicConfig(handlers=[handler], level=logging.INFO)
        self.log = logging.getLogger("trainer")

    def start(self, n):
        self.log.info("loaded %d samples", n, extra={"features": 16, "batch_size": 32})

    def step(self, epoch, step, loss, acc, lr):
        self.log.info(
            "step %d",
            step,
            extra={
                "epoch": epoch,
                "loss": rec("loss", step, epoch, round(loss, 4)),
                "acc": rec("acc", step, epoch, round(acc, 4)),
                "lr": rec("lr", step, epoch, lr),
            },
        )

    def epoch_end(self, epoch, step, tr, vl, va, best):
        self.log.info(
            "epoch %d/%d done",
            epoch,
            EPOCHS,
            extra={
                "train_loss": rec("train_loss", step, epoch, round(tr, 4)),
                "val_loss": rec("val_loss", step, epoch, round(vl, 4)),
                "val_acc": rec("val_acc", step, epoch, round(va, 4)),
            },
        )

    def done(self, step, best):
        self.log.info("done", extra={"best_epoch": best[0]})


class Daiquiri:
    """daiquiri.setup(level=INFO): its default stderr output and KeywordArgumentAdapter."""

    def __init__(self):
        import daiquiri

        daiquiri.setup(level=logging.INFO)
        self.log = daiquiri.getLogger("train")

    def start(self, n):
        self.log.info("starting training", **CONFIG)
        self.log.info("data loaded", samples=n)

    def step(self, epoch, step, loss, acc, lr):
        self.log.info(
            "train step",
            epoch=epoch,
            step=step,
            loss=rec("loss", step, epoch, loss),
            acc=rec("acc", step, epoch, acc),
        )

    def epoch_end(self, epoch, step, tr, vl, va, best):
        self.log.info(
            "epoch end",
            epoch=epoch,
            train_loss=rec("train_loss", step, epoch, tr),
            val_loss=rec("val_loss", step, epoch, vl),
            val_acc=rec("val_acc", step, epoch, va),
        )
        if vl > best[1]:
            self.log.warning(
                "val_loss did not improve", best_val_loss=rec("best_val_loss", step, epoch, best[1])
            )

    def done(self, step, best):
        self.log.info(
            "finished", steps=step, best_val_loss=rec("best_val_loss", step, None, best[1])
        )


class LoguruExtra:
    """loguru with a sink format that renders {extra} after the message."""

    def __init__(self):
        from loguru import logger

        logger.remove()
        logger.add(
            sys.stderr,
            format="{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {name}:{function}:{line} - "
            "{message} | {extra}",
        )
        self.log = logger.bind(run="toy-mlp", seed=0)

    def start(self, n):
        self.log.info("config", **CONFIG)
        self.log.info("data ready", n_train=n, n_val=n // 4)

    def step(self, epoch, step, loss, acc, lr):
        self.log.info(
            "train",
            epoch=epoch,
            step=step,
            loss=rec("loss", step, epoch, loss),
            acc=rec("acc", step, epoch, acc),
            lr=rec("lr", step, epoch, lr),
        )

    def epoch_end(self, epoch, step, tr, vl, va, best):
        self.log.bind(epoch=epoch).info(
            "validation",
            val_loss=rec("val_loss", step, epoch, vl),
            val_acc=rec("val_acc", step, epoch, va),
            train_loss=rec("train_loss", step, epoch, tr),
        )

    def done(self, step, best):
        self.log.success(
            "done", best_epoch=best[0], best_val_loss=rec("best_val_loss", step, None, best[1])
        )


class ExtraFormatter(logging.Formatter):
    """The usual recipe: append every non-standard LogRecord attribute as key=value."""

    RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}

    def format(self, record):
        text = super().format(record)
        fields = {k: v for k, v in vars(record).items() if k not in self.RESERVED}
        if fields:
            text += " " + " ".join(
                f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in fields.items()
            )
        return text


class StdlibExtra:
    def __init__(self):
        handler = logging.StreamHandler()
        handler.setFormatter(ExtraFormatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s"))
        self.log = logging.getLogger("trainer")
        self.log.addHandler(handler)
        self.log.setLevel(logging.INFO)

    def start(self, n):
        self.log.info("hyperparameters", extra=dict(CONFIG))
        self.log.info("dataset", extra={"n_train": n, "n_val": n // 4, "n_features": 16})

    def step(self, epoch, step, loss, acc, lr):
        self.log.info(
            "train_step",
            extra={
                "epoch": epoch,
                "step": step,
                "loss": rec("loss", step, epoch, loss),
                "acc": rec("acc", step, epoch, acc),
                "lr": rec("lr", step, epoch, lr),
            },
        )

    def epoch_end(self, epoch, step, tr, vl, va, best):
        self.log.info(
            "eval",
            extra={
                "epoch": epoch,
                "step": step,
                "train_loss": rec("train_loss", step, epoch, tr),
                "val_loss": rec("val_loss", step, epoch, vl),
                "val_acc": rec("val_acc", step, epoch, va),
            },
        )

    def done(self, step, best):
        self.log.info(
            "done",
            extra={
                "best_epoch": best[0],
                "best_val_loss": rec("best_val_loss", step, None, best[1]),
            },
        )


class Picologging:
    def __init__(self):
        import picologging

        # its default format ('%(levelname)s:%(name)s:%(message)s'): under Python 3.11 picologging
        # 0.9.3 renders %(asctime)s as garbage bytes, so a user would not keep it
        picologging.basicConfig(level=picologging.INFO)
        self.log = picologging.getLogger("train")

    def start(self, n):
        self.log.info("config lr=%g batch_size=%d epochs=%d hidden=%d seed=%d", *CONFIG.values())

    def step(self, epoch, step, loss, acc, lr):
        self.log.info(
            "train_step epoch=%d step=%d loss=%.4f acc=%.4f lr=%g",
            epoch,
            step,
            rec("loss", step, epoch, loss),
            rec("acc", step, epoch, acc),
            rec("lr", step, epoch, lr),
        )

    def epoch_end(self, epoch, step, tr, vl, va, best):
        self.log.info(
            "epoch_end epoch=%d train_loss=%.4f val_loss=%.4f val_acc=%.4f",
            epoch,
            rec("train_loss", step, epoch, tr),
            rec("val_loss", step, epoch, vl),
            rec("val_acc", step, epoch, va),
        )
        self.log.info("checkpoint path=ckpt/epoch-%d.pt step=%d", epoch, step)

    def done(self, step, best):
        self.log.info("done best_epoch=%d", best[0])


def main():
    sink = {
        "logfmter": Logfmter,
        "logfmter_when": LogfmterWhen,
        "daiquiri": Daiquiri,
        "loguru_extra": LoguruExtra,
        "stdlib_extra": StdlibExtra,
        "picologging": Picologging,
    }[style]()
    toy = Toy(n=960, batch=32, lr=0.3)
    spe = toy.steps_per_epoch
    sink.start(len(toy.x))
    step = 0
    best = (0, float("inf"))
    for epoch in range(1, EPOCHS + 1):
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
        tot = 0.0
        for _ in range(spe):
            step += 1
            loss, acc = toy.train_step()
            tot += loss
            if step % EVERY == 0:
                sink.step(epoch, step, loss, acc, toy.lr)
        v_loss, v_acc = toy.evaluate()
        sink.epoch_end(epoch, step, tot / spe, v_loss, v_acc, best)
        if v_loss <= best[1]:
            best = (epoch, v_loss)
    sink.done(step, best)
    write_truth()


NOTES = {
    "logfmter": (
        "logfmter 0.0.12 Logfmter() (keys=['at'] -> levelname) on stderr, one logfmt line per record: "
        "'at=INFO event=train_step epoch=1 step=10 loss=0.6129384... acc=0.65625 lr=0.3' (a dict message: "
        'its items are the pairs, no msg=), \'at=INFO msg="epoch done" epoch=1 train_loss=... val_loss=... '
        "val_acc=...' (extra= fields after the quoted message; its step, not printed, is the global step "
        "of the epoch's end), 'at=WARNING msg=\"no improvement\" best_epoch=2 best_val_loss=0.47...' (the best "
        "val_loss so far, repeated when the epoch did not improve: a point of best_val_loss at that epoch) "
        "and the last line 'at=INFO msg=\"training finished\" total_steps=120 best_epoch=3 best_val_loss=...' "
        "(the run's final best_val_loss). Floats are str(float): full repr "
        "precision. Not metrics: the config line (lr, batch_size, epochs, hidden, seed), train_samples / "
        "val_samples / features, the checkpoint's path and step, total_steps, best_epoch, event=."
    ),
    "logfmter_when": (
        "logfmter 0.0.12 Logfmter(keys=['when', 'at', 'logger'], mapping={'when': 'asctime', 'at': "
        "'levelname', 'logger': 'name'}, datefmt='%Y-%m-%dT%H:%M:%S') on stdout: 'when=2026-12-07T04:10:00 "
        'at=INFO logger=trainer msg="step 10" epoch=1 loss=0.6129 acc=0.6562 lr=0.3\' (the step is inside '
        'the quoted message, values rounded to 4 places by the caller) and \'msg="epoch 1/4 done" '
        "train_loss=... val_loss=... val_acc=...' (epoch inside the message as epoch/total; its step, not "
        "printed, is the global step of the epoch's end). Not metrics: when=, 'loaded 960 samples' with "
        "features=16 batch_size=32, the last line's best_epoch."
    ),
    "daiquiri": (
        "daiquiri 3.4.0 setup(level=INFO) on stderr, default format '%(asctime)s [%(process)d] "
        "%(levelname)-8.8s %(name)s%(extras)s: %(message)s' with the keyword fields of the "
        "KeywordArgumentAdapter rendered '[key: value]' BEFORE the colon and the message: "
        "'2026-12-07 04:10:00,123 [12345] INFO     train [epoch: 1] [step: 10] [loss: 0.6129384...] [acc: "
        "0.65625]: train step' (full repr floats; the fields' order changes from run to run: daiquiri keeps "
        "their names in a set). Under a terminal the whole line is coloured by level. "
        "Epoch lines '[epoch: 1] [train_loss: ...] [val_loss: ...] [val_acc: ...]: epoch end' (step not "
        "printed: the global step of the epoch's end); a WARNING '[best_val_loss: 0.47...]: val_loss "
        "did not improve' (the best val_loss so far: a point of best_val_loss); the last line '[steps: 120] "
        "[best_val_loss: ...]: finished' holds the run's final summary best_val_loss. Not metrics: the pid "
        "in [12345], the first lines' config (lr, batch_size, epochs, hidden, seed) and samples, steps."
    ),
    "loguru_extra": (
        "loguru 0.7.3 with logger.add(sys.stderr, format='{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | "
        "{name}:{function}:{line} - {message} | {extra}') and logger.bind(run='toy-mlp', seed=0): the "
        "call's keyword arguments land in extra, printed as a Python dict after the message: '... | INFO     "
        "| __main__:step:196 - train | {'run': 'toy-mlp', 'seed': 0, 'epoch': 1, 'step': 10, 'loss': "
        "0.6129..., 'acc': 0.65625, 'lr': 0.3}' (full repr floats); epoch lines '- validation | {'run': "
        "'toy-mlp', 'seed': 0, 'epoch': 1, 'val_loss': ..., 'val_acc': ..., 'train_loss': ...}' (step not "
        "printed: the global step of the epoch's end); the last line (SUCCESS) holds best_epoch and the "
        "final best_val_loss. Under a terminal loguru colours the level and location. Not metrics: "
        "seed (bound to every line), the line number in __main__:step:196, the config line (lr, "
        "batch_size, epochs, hidden, seed), n_train / n_val, best_epoch."
    ),
    "stdlib_extra": (
        "stdlib logging with a custom Formatter (format '%(asctime)s %(levelname)-8s %(name)s: "
        "%(message)s') that appends every extra= field as key=value, floats as %.4f: '2026-12-07 "
        "04:10:00,123 INFO     trainer: train_step epoch=1 step=10 loss=0.6129 acc=0.6562 lr=0.3000' and "
        "'trainer: eval epoch=1 step=30 train_loss=... val_loss=... val_acc=...'; last line 'done "
        "best_epoch=3 best_val_loss=...' (final summary). Not metrics: the 'hyperparameters' line (lr, "
        "batch_size, epochs, hidden, seed), 'dataset n_train=960 n_val=240 n_features=16', best_epoch."
    ),
    "picologging": (
        "picologging 0.9.3 basicConfig(level=INFO) on stderr, its default format "
        "'%(levelname)s:%(name)s:%(message)s' (the stdlib's), an event name then key=value pairs in the "
        "%-formatted message: 'INFO:train:train_step epoch=1 step=10 loss=0.6129 acc=0.6562 lr=0.3', 'epoch_end epoch=1 "
        "train_loss=... val_loss=... val_acc=...' (step not printed: the global step of the epoch's end). "
        "Not metrics: the config line (lr, batch_size, epochs, hidden, seed), 'checkpoint "
        "path=ckpt/epoch-1.pt step=30', 'done best_epoch=3'."
    ),
}

LIB = {
    "logfmter": "logfmter",
    "logfmter_when": "logfmter",
    "daiquiri": "daiquiri",
    "loguru_extra": "loguru",
    "stdlib_extra": None,
    "picologging": "picologging",
}


def write_truth():
    from importlib import metadata

    import numpy as np

    lib = LIB[style]
    name = f"{lib} {metadata.version(lib)}" if lib else "stdlib logging (custom extra= Formatter)"
    _truth.write(
        library=f"hand-written loop, {name}, numpy {np.__version__}, Python {sys.version.split()[0]}",
        script="tests/corpus/scripts/logfmt_logging.py",
        record="the values the loop handed the logger, kept by the script itself at full precision",
        step_kind="global",
        series=rec.series,
        notes=NOTES[style],
    )


main()
