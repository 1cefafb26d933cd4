"""A hand-written training loop that reports through structured / third-party logging libraries.

Styles: python-json-logger (one JSON object per line, metrics passed as `extra=`), loguru with
serialize=True (its JSON record per line), Eliot (JSON messages and actions), Logbook's default
StreamHandler, coloredlogs' default format (hostname and pid in every line).
A real (tiny numpy) model is trained (_toy.py); the script keeps exactly the values it handed the
logger (what each library then serialises or formats) as ground truth.
Versions: python-json-logger 4.2.0, loguru 0.7.3, eliot 1.18.0, Logbook 1.10.1, coloredlogs 15.0.1,
numpy 2.4.6, Python 3.11 (venv corpus-zb-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_jsonlogger_loop -- python tests/corpus/scripts/structured_logging.py jsonlogger
    python tests/corpus/scripts/capture.py pipe real_jsonlogger_nested -- python tests/corpus/scripts/structured_logging.py jsonlogger_nested
    python tests/corpus/scripts/capture.py pipe real_loguru_serialize -- python tests/corpus/scripts/structured_logging.py loguru_json
    python tests/corpus/scripts/capture.py pipe real_eliot_loop -- python tests/corpus/scripts/structured_logging.py eliot
    python tests/corpus/scripts/capture.py pipe real_logbook_loop -- python tests/corpus/scripts/structured_logging.py logbook
    python tests/corpus/scripts/capture.py pipe real_coloredlogs_loop -- python tests/corpus/scripts/structured_logging.py coloredlogs
    python tests/corpus/scripts/capture.py pty  real_coloredlogs_loop_pty -- python tests/corpus/scripts/structured_logging.py coloredlogs
"""

import logging
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record, Toy

style = sys.argv[1]
rec = Record()
EPOCHS = 4
EVERY = 10
CONFIG = {"base_lr": 0.3, "batch_size": 32, "epochs": EPOCHS, "seed": 0, "hidden_units": 32}


class Jsonlogger:
    def __init__(self):
        from pythonjsonlogger.json import JsonFormatter

        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        self.log = logging.getLogger("trainer")
        self.log.addHandler(handler)
        self.log.setLevel(logging.INFO)

    def start(self, n):
        self.log.info("config", extra=dict(CONFIG))
        self.log.info("data loaded", extra={"num_samples": n, "num_features": 16})

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

    def epoch_end(self, epoch, step, tr, vl, va, secs):
        self.log.info(
            "epoch_end",
            extra={
                "epoch": epoch,
                "step": step,
                "train_loss": rec("train_loss", step, epoch, tr),
                "val_loss": rec("val_loss", step, epoch, vl),
                "val_acc": rec("val_acc", step, epoch, va),
                "epoch_time_s": round(secs, 3),
            },
        )
        self.log.info("checkpoint_saved", extra={"path": f"ckpt/epoch-{epoch}.pt", "step": step})

    def done(self):
        pass


class JsonloggerNested:
    """python-json-logger with timestamp=True and events nesting metrics and system info."""

    def __init__(self):
        from pythonjsonlogger.json import JsonFormatter

        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(
            JsonFormatter(
                "%(levelname)s %(name)s %(message)s",
                timestamp=True,
                rename_fields={"levelname": "level"},
            )
        )
        self.log = logging.getLogger("train")
        self.log.addHandler(handler)
        self.log.setLevel(logging.INFO)
        self.t0 = time.perf_counter()

    def system(self):
        import resource
        import socket

        return {
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "uptime_s": round(time.perf_counter() - self.t0, 3),
        }

    def start(self, n):
        self.log.info("run_start", extra={"config": dict(CONFIG), "system": self.system()})

    def step(self, epoch, step, loss, acc, lr):
        self.log.info(
            "metrics",
            extra={
                "step": step,
                "epoch": epoch,
                "metrics": {
                    "train/loss": rec("train/loss", step, epoch, loss),
                    "train/acc": rec("train/acc", step, epoch, acc),
                    "lr": rec("lr", step, epoch, lr),
                },
            },
        )

    def epoch_end(self, epoch, step, tr, vl, va, secs):
        self.log.info(
            "metrics",
            extra={
                "step": step,
                "epoch": epoch,
                "metrics": {
                    "train/epoch_loss": rec("train/epoch_loss", step, epoch, tr),
                    "val/loss": rec("val/loss", step, epoch, vl),
                    "val/acc": rec("val/acc", step, epoch, va),
                },
                "system": self.system(),
            },
        )

    def done(self):
        self.log.info("run_end", extra={"status": "ok", "system": self.system()})


class LoguruJson:
    def __init__(self):
        from loguru import logger

        logger.remove()
        logger.add(sys.stderr, serialize=True)
        self.log = logger

    def start(self, n):
        self.log.info("Starting training with config {}", CONFIG)
        self.log.info("Loaded {n} samples", n=n)

    def step(self, epoch, step, loss, acc, lr):
        self.log.info(
            "step {step} | loss {loss:.4f} | acc {acc:.4f} | lr {lr}",
            step=step,
            loss=rec("loss", step, epoch, loss),
            acc=rec("acc", step, epoch, acc),
            lr=rec("lr", step, epoch, lr),
        )

    def epoch_end(self, epoch, step, tr, vl, va, secs):
        self.log.bind(epoch=epoch).info(
            "epoch {epoch} done: train_loss={train_loss:.4f} val_loss={val_loss:.4f} val_acc={val_acc:.4f}",
            epoch=epoch,
            train_loss=rec("train_loss", step, epoch, tr),
            val_loss=rec("val_loss", step, epoch, vl),
            val_acc=rec("val_acc", step, epoch, va),
        )
        self.log.info("Saved checkpoint ckpt/epoch-{epoch}.pt", epoch=epoch)

    def done(self):
        pass


class Eliot:
    def __init__(self):
        from eliot import log_message, start_action, to_file

        to_file(sys.stdout)
        self.msg, self.start_action = log_message, start_action
        self.action = None

    def start(self, n):
        self.msg(message_type="train:config", **CONFIG)
        self.msg(message_type="train:data", num_samples=n)

    def epoch_begin(self, epoch):
        self.action = self.start_action(action_type="train:epoch", epoch=epoch)
        self.action.__enter__()

    def step(self, epoch, step, loss, acc, lr):
        self.msg(
            message_type="train:step",
            step=step,
            loss=rec("loss", step, epoch, loss),
            acc=rec("acc", step, epoch, acc),
            lr=rec("lr", step, epoch, lr),
        )

    def epoch_end(self, epoch, step, tr, vl, va, secs):
        self.action.add_success_fields(
            train_loss=rec("train_loss", step, epoch, tr),
            val_loss=rec("val_loss", step, epoch, vl),
            val_acc=rec("val_acc", step, epoch, va),
        )
        self.action.__exit__(None, None, None)
        self.msg(message_type="train:checkpoint", path=f"ckpt/epoch-{epoch}.pt")

    def done(self):
        pass


class Logbook:
    def __init__(self):
        import logbook

        logbook.StreamHandler(sys.stdout).push_application()
        self.log = logbook.Logger("trainer")

    def start(self, n):
        self.log.info("Training on {} samples, batch size {}, {} epochs", n, 32, EPOCHS)

    def step(self, epoch, step, loss, acc, lr):
        self.log.info(
            "Epoch {}/{} - step {} - loss: {:.4f} - acc: {:.4f}",
            epoch,
            EPOCHS,
            step,
            rec("loss", step, epoch, loss),
            rec("acc", step, epoch, acc),
        )

    def epoch_end(self, epoch, step, tr, vl, va, secs):
        self.log.info(
            "Epoch {}/{} finished - train_loss: {:.4f} - val_loss: {:.4f} - val_acc: {:.4f}",
            epoch,
            EPOCHS,
            rec("train_loss", step, epoch, tr),
            rec("val_loss", step, epoch, vl),
            rec("val_acc", step, epoch, va),
        )
        if epoch > 1 and vl > self.best:
            self.log.warning("val_loss did not improve from {:.4f}", self.best)
        else:
            self.log.notice("val_loss improved, saving model to ckpt/best.pt")
        self.best = min(vl, getattr(self, "best", vl))

    def done(self):
        pass


class Coloredlogs:
    def __init__(self):
        import coloredlogs

        coloredlogs.install(level="INFO")
        self.log = logging.getLogger("train")

    def start(self, n):
        self.log.info("Loaded %d training samples (%d features)", n, 16)

    def step(self, epoch, step, loss, acc, lr):
        self.log.info(
            "[epoch %d][iter %d/%d] loss %.4f acc %.4f lr %.3f",
            epoch,
            step,
            EPOCHS * 30,
            rec("loss", step, epoch, loss),
            rec("acc", step, epoch, acc),
            rec("lr", step, epoch, lr),
        )

    def epoch_end(self, epoch, step, tr, vl, va, secs):
        self.log.info(
            "epoch %d: train loss %.4f, val loss %.4f, val acc %.2f%%",
            epoch,
            rec("train loss", step, epoch, tr),
            rec("val loss", step, epoch, vl),
            rec("val acc", step, epoch, 100 * va),
        )
        if epoch == 3:
            self.log.warning("val loss plateaued, lowering lr")

    def done(self):
        self.log.info("done in %d epochs", EPOCHS)


def main():
    sink = {
        "jsonlogger": Jsonlogger,
        "jsonlogger_nested": JsonloggerNested,
        "loguru_json": LoguruJson,
        "eliot": Eliot,
        "logbook": Logbook,
        "coloredlogs": Coloredlogs,
    }[style]()
    toy = Toy(n=960, batch=32, lr=0.3)
    spe = toy.steps_per_epoch
    sink.start(len(toy.x))
    step = 0
    for epoch in range(1, EPOCHS + 1):
        if hasattr(sink, "epoch_begin"):
            sink.epoch_begin(epoch)
        t0 = time.perf_counter()
        toy.lr = 0.3 * 0.5 ** ((epoch - 1) // 2)
        tot = 0.0
        for _ in range(spe):
            step += 1
            loss, acc = toy.train_step()
            tot += loss
            if step % EVERY == 0:
                sink.step(epoch, step, loss, acc, toy.lr)
        v_loss, v_acc = toy.evaluate()
        sink.epoch_end(epoch, step, tot / spe, v_loss, v_acc, time.perf_counter() - t0)
    sink.done()
    write_truth()


NOT_METRICS = {
    "jsonlogger": (
        "python-json-logger 4.2 JsonFormatter('%(asctime)s %(levelname)s %(name)s %(message)s') on stderr: "
        'one object per line, e.g. {"asctime": "2026-12-07 03:40:24,774", "levelname": "INFO", "name": '
        '"trainer", "message": "train_step", "epoch": 1, "step": 10, "loss": 0.6129..., "acc": 0.8125, '
        '"lr": 0.3} (floats at full repr precision) and {"message": "epoch_end", ..., "train_loss": ..., '
        '"val_loss": ..., "val_acc": ..., "epoch_time_s": 0.004}. Step is the "step" field, epoch the '
        '"epoch" field. epoch_time_s (wall-clock seconds of the epoch, a few ms, not kept by the script) '
        "is a timing: extra_ok. Not metrics: the config line (base_lr, batch_size, epochs, seed, "
        "hidden_units), num_samples / num_features, the checkpoint line's path and step, asctime."
    ),
    "jsonlogger_nested": (
        "python-json-logger 4.2 JsonFormatter('%(levelname)s %(name)s %(message)s', "
        "timestamp=True, rename_fields={'levelname': 'level'}) on stdout, events nesting their "
        'numbers: {"level": "INFO", "name": "train", "message": "metrics", "step": 10, "epoch": 1, '
        '"metrics": {"train/loss": 0.475..., "train/acc": 0.78125, "lr": 0.3}, "timestamp": '
        '"2026-12-07T03:41:05.286+00:00"}; per epoch "metrics": {"train/epoch_loss": ..., '
        '"val/loss": ..., "val/acc": ...} plus "system": {"host": "vm", "pid": 1234, '
        '"max_rss_mb": 41.2, "uptime_s": 0.05}. Series are named by their key inside "metrics" '
        "('train/loss', not 'metrics/train/loss': 'metrics' is the container). Step = the "
        '"step" field. Not metrics: everything under "config" (run_start) and "system" (host, '
        "pid, memory, uptime), status, timestamp."
    ),
    "loguru_json": (
        "loguru 0.7.3 logger.add(sys.stderr, serialize=True): one JSON object per line, "
        '{"text": "<the default-format line>\\n", "record": {"elapsed": {"repr": ..., "seconds": 0.0123}, '
        '"exception": null, "extra": {"step": 10, "loss": 0.6129..., "acc": ..., "lr": 0.3}, "file": {...}, '
        '"function": "step", "level": {"icon": ..., "name": "INFO", "no": 20}, "line": 93, "message": '
        '"step 10 | loss 0.6129 | acc 0.8125 | lr 0.3", ..., "process": {"id": 1234, ...}, "thread": '
        '{"id": 1400..., ...}, "time": {"repr": ..., "timestamp": 1796...}}}. Each metric shows three times in '
        "one line: rounded to 4 places in text and message, at full precision in record.extra (the kwargs "
        "of the call); the truth holds the full-precision value once per line. Epoch lines: extra holds "
        "epoch, train_loss, val_loss, val_acc; their step (not printed in them) is the global step of the "
        "epoch's end. Not metrics: elapsed.seconds, level.no, line, process.id, thread.id, "
        "time.timestamp, the config dict in the first message, 'Loaded 960 samples' (extra n)."
    ),
    "eliot": (
        "eliot 1.18 to_file(sys.stdout): compact JSON per message, keys in insertion order then eliot's "
        'own: {"step": 10, "loss": 0.6129..., "acc": ..., "lr": 0.3, "timestamp": 1796..., "task_uuid": '
        '"...", "task_level": [2], "message_type": "train:step"}; each epoch is an action: '
        '{"epoch": 1, "action_status": "started", ..., "action_type": "train:epoch", "task_level": [1]} '
        'and at its end {"train_loss": ..., "val_loss": ..., "val_acc": ..., "action_status": "succeeded", '
        '..., "task_level": [5]} (the epoch is not repeated in the success message; its step, not '
        "printed there, is the global step of the epoch's end). Not metrics: timestamp, task_uuid, "
        "task_level, the train:config message (base_lr, batch_size, epochs, seed, hidden_units), "
        "num_samples, the checkpoint path."
    ),
    "logbook": (
        "Logbook 1.10 StreamHandler(sys.stdout) default format: '[2026-12-07 03:40:24.434799] INFO: "
        "trainer: Epoch 1/4 - step 10 - loss: 0.6129 - acc: 0.8125' and 'Epoch 1/4 finished - "
        "train_loss: ... - val_loss: ... - val_acc: ...' (its step, not printed, is the global step of "
        "the epoch's end), then a NOTICE 'val_loss improved, saving model to ckpt/best.pt' or a WARNING "
        "'val_loss did not improve from 0.4731' (that number is an earlier val_loss repeated, not a new "
        "point). Not metrics: '1/4' (epoch of total), the first line's sample count / batch size / epochs."
    ),
    "coloredlogs": (
        "coloredlogs 15.0.1 install(level='INFO') default format '%(asctime)s %(hostname)s "
        "%(name)s[%(process)d] %(levelname)s %(message)s': '2026-12-07 03:40:24 vm train[5503] INFO "
        "[epoch 1][iter 10/120] loss 0.6129 acc 0.8125 lr 0.300' (under a terminal the prefix fields are "
        "coloured) and 'epoch 1: train loss 0.5341, val loss 0.4731, val acc 81.25%' (val acc printed "
        "in percent; the truth keeps the printed unit: 100 x the accuracy; the epoch line's step, not "
        "printed, is the global step of the epoch's end). Not metrics: the hostname, the pid in "
        "train[5503], '10/120' (iteration of total), 'Loaded 960 training samples (16 features)', "
        "'done in 4 epochs'."
    ),
}


def write_truth():
    versions = {
        "jsonlogger": "python-json-logger",
        "jsonlogger_nested": "python-json-logger",
        "loguru_json": "loguru",
        "eliot": "eliot",
        "logbook": "Logbook",
        "coloredlogs": "coloredlogs",
    }
    from importlib import metadata

    lib = versions[style]
    _truth.write(
        library=f"hand-written loop, {lib} {metadata.version(lib)} (numpy toy model, Python 3.11)",
        script="tests/corpus/scripts/structured_logging.py",
        record="the values the script handed the logger, kept by the script itself at full precision",
        step_kind="global",
        series=rec.series,
        extra_ok=["epoch_time_s (seconds per epoch)"] if style == "jsonlogger" else [],
        notes=NOT_METRICS[style]
        + " Metrics: loss/acc (batch, every 10 steps), lr where logged, and the per-epoch train and "
        "validation figures.",
    )


main()
