"""A hand-written training loop run as a Sacred Experiment: config scope, `_run.log_scalar` every
10 steps and per epoch, progress through Sacred's `_log` (INFO lines 'INFO - toy_mlp - …'), the
returned result printed by Sacred ('Result: …'), run with `-p` (print the configuration first,
as users do to check their `with` overrides).

A real (tiny numpy) model is trained (_toy.py). Ground truth: Sacred's own record, the
FileStorageObserver's metrics.json (every log_scalar: name, steps, values) and run.json's result.
Versions: sacred 0.8.7, numpy 2.4.6, Python 3.11 (venv corpus-zw-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sacred_log_scalar -- python tests/corpus/scripts/sacred_experiment.py -p with epochs=4 lr=0.3
"""

# ruff: noqa: F841  (a Sacred config scope: its locals ARE the config; its comments are the docs -p prints)

import json
import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Toy
from sacred import Experiment
from sacred.observers import FileStorageObserver

STORE = tempfile.mkdtemp(prefix="sacred-")
ex = Experiment("toy_mlp")
ex.observers.append(FileStorageObserver(STORE))
PRINTED = []  # (metric name as printed, sacred metric name, step) in print order


@ex.config
def config():
    lr = 0.1  # initial learning rate (halved every 2 epochs)
    batch_size = 32
    hidden = 32
    epochs = 3
    log_every = 10  # steps between training log lines
    seed = 0  # data, init and shuffling


@ex.main
def main(_run, _log, lr, batch_size, hidden, epochs, log_every, seed):
    toy = Toy(n=960, batch=batch_size, hidden=hidden, lr=lr, seed=seed)
    spe = toy.steps_per_epoch
    _log.info("training %d samples, %d steps per epoch", len(toy.x), spe)
    step = 0
    best = 0.0
    for epoch in range(1, epochs + 1):
        toy.lr = lr * 0.5 ** ((epoch - 1) // 2)
        tot = 0.0
        for _ in range(spe):
            step += 1
            loss, acc = toy.train_step()
            tot += loss
            if step % log_every == 0:
                _run.log_scalar("train.loss", loss, step)
                _run.log_scalar("train.acc", acc, step)
                _log.info("step %d: loss %.4f, acc %.4f", step, loss, acc)
                PRINTED.extend([("loss", "train.loss", step), ("acc", "train.acc", step)])
        v_loss, v_acc = toy.evaluate()
        _run.log_scalar("train.epoch_loss", tot / spe, step)
        _run.log_scalar("val.loss", v_loss, step)
        _run.log_scalar("val.acc", v_acc, step)
        _run.log_scalar("lr", toy.lr, step)
        _log.info(
            "epoch %d/%d: train_loss=%.4f val_loss=%.4f val_acc=%.4f lr=%g",
            epoch,
            epochs,
            tot / spe,
            v_loss,
            v_acc,
            toy.lr,
        )
        PRINTED.extend(
            [
                ("train_loss", "train.epoch_loss", step),
                ("val_loss", "val.loss", step),
                ("val_acc", "val.acc", step),
                ("lr", "lr", step),
            ]
        )
        best = max(best, v_acc)
    return best


def _finish():
    run_dir = os.path.join(STORE, "1")
    metrics = json.load(open(os.path.join(run_dir, "metrics.json")))
    run = json.load(open(os.path.join(run_dir, "run.json")))
    shutil.rmtree(STORE, ignore_errors=True)
    spe = 30
    series = {}
    for printed, name, step in PRINTED:
        m = metrics[name]
        value = m["values"][m["steps"].index(step)]
        epoch = (step - 1) // spe + 1
        series.setdefault(printed, {"points": []})["points"].append([step, epoch, value])
    series["Result"] = {"points": [[None, None, run["result"]]]}
    _truth.write(
        library=f"hand-written loop, sacred {metadata.version('sacred')}, numpy {metadata.version('numpy')} model",
        script="tests/corpus/scripts/sacred_experiment.py",
        record="Sacred's FileStorageObserver metrics.json (log_scalar name/steps/values) and run.json result",
        step_kind="global",
        series=series,
        notes=(
            "Run with '-p with epochs=4 lr=0.3': Sacred prints (stdout, ANSI-coloured even when piped) "
            "'Configuration (modified, added, typechanged, doc):' then one '  name = value' line per entry, "
            "some with '# doc' comments: batch_size = 32, epochs = 4, hidden = 32, log_every = 10, lr = 0.3, "
            "seed = 0  # the random seed for this experiment - configuration, no metric - and a line of "
            "dashes; its log lines go to stderr (piped, stdout's block buffer may put the configuration "
            "after them). 'INFO - toy_mlp - Running command 'main'', 'INFO - toy_mlp - Started run with ID "
            "\"1\"', 'INFO - main - training 960 samples, 30 steps per epoch' (counts), every 10 steps "
            "'INFO - main - step 10: loss 0.4750, acc 0.7812' and per epoch 'INFO - main - epoch 1/4: "
            "train_loss=… val_loss=… val_acc=… lr=0.3' (lr is the "
            "schedule value, logged with log_scalar: a series). Printed names differ from the log_scalar names "
            "(loss <- train.loss, acc <- train.acc, train_loss <- train.epoch_loss, val_loss <- val.loss, "
            "val_acc <- val.acc); the truth uses the printed names. Step = the step passed to log_scalar (the "
            "global step; for the epoch line the epoch's last step). At the end 'INFO - toy_mlp - Result: "
            "0.875' (the best val acc main() returned, run.json 'result': series 'Result', no step) and "
            "'INFO - toy_mlp - Completed after 0:00:00'."
        ),
    )


if __name__ == "__main__":
    ex.run_commandline()
    _finish()
