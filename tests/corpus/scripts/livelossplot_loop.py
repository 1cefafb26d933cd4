"""A hand-written training loop (the numpy MLP of _toy.py: 960 samples, 30 steps per epoch, a
validation pass per epoch) reporting to livelossplot's PlotLosses once per epoch, as its PyTorch
example does (`liveloss.update(logs)`; `liveloss.send()`), outside a notebook: its text output
is the ExtremaPrinter block per metric group,

    Loss
    \ttraining         \t (min:    0.334, max:    1.006, cur:    0.334)
    \tvalidation       \t (min:    0.400, max:    1.200, cur:    0.400)

Variants:
  extrema  PlotLosses(outputs=[ExtremaPrinter()]), the keys of livelossplot's PyTorch example
           notebook ('log loss', 'accuracy', 'val_log loss', 'val_accuracy'), 8 epochs
  default  PlotLosses() (MatplotlibPlot + ExtremaPrinter), headless (matplotlib's Agg backend:
           the figure is drawn, nothing shown); IPython's clear_output() writes '\\x1b[2K\\r'
           twice before each block; keys loss / acc / val_loss / val_acc and the step-decayed lr,
           6 epochs

Ground truth: livelossplot's own record, `liveloss.logger.log_history` (LogItem(step, value) per
metric; step = livelossplot's 0-based epoch counter), read after the run: the `cur` of each
printed block is that epoch's value.

Versions: livelossplot 0.6.1, matplotlib 3.11.2, ipython 9.19.1, numpy 2.4.6, Python 3.11
(venv corpus-zQ-1: `pip install livelossplot trackio swanlab numpy pandas`, all wheels).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_livelossplot_extrema -- python tests/corpus/scripts/livelossplot_loop.py extrema
    python tests/corpus/scripts/capture.py pipe real_livelossplot_default -- python tests/corpus/scripts/livelossplot_loop.py default
    python tests/corpus/scripts/capture.py pty  real_livelossplot_default_pty -- python tests/corpus/scripts/livelossplot_loop.py default
"""

from __future__ import annotations

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

os.environ.setdefault("MPLBACKEND", "Agg")  # a headless machine: what matplotlib picks anyway

import _truth
from _toy import Toy
from livelossplot import PlotLosses
from livelossplot.outputs import ExtremaPrinter

SCRIPT = "tests/corpus/scripts/livelossplot_loop.py"
VARIANT = sys.argv[1] if len(sys.argv) > 1 else "extrema"


def main() -> None:
    if VARIANT == "extrema":
        epochs, lr0 = 8, 0.1
        liveloss = PlotLosses(outputs=[ExtremaPrinter()])
        keys = ("log loss", "accuracy", "val_log loss", "val_accuracy", None)
    else:
        epochs, lr0 = 6, 0.3
        liveloss = PlotLosses()
        keys = ("loss", "acc", "val_loss", "val_acc", "lr")
    toy = Toy(n=960, batch=32, lr=lr0, seed=3)
    for epoch in range(epochs):
        if keys[4] and epoch and epoch % 2 == 0:
            toy.lr *= 0.5  # a step schedule
        tot_loss = tot_acc = 0.0
        for _ in range(toy.steps_per_epoch):
            loss, acc = toy.train_step()
            tot_loss += loss
            tot_acc += acc
        v_loss, v_acc = toy.evaluate()
        logs = {
            keys[0]: tot_loss / toy.steps_per_epoch,
            keys[1]: tot_acc / toy.steps_per_epoch,
            keys[2]: v_loss,
            keys[3]: v_acc,
        }
        if keys[4]:
            logs[keys[4]] = toy.lr
        liveloss.update(logs)
        liveloss.send()

    # livelossplot's record; the printed name = the split line under its group header
    logger = liveloss.logger
    groups = logger.grouped_log_history(raw_names=True)
    names = {}
    for group, metrics in groups.items():
        for key in metrics:
            shown = logger.metric_to_name.get(key, key)
            names[key] = shown if shown == group else f"{shown} {group}"
    series = _truth.Series()
    # every send() prints every group: one point per metric per epoch, in print order
    for epoch in range(epochs):
        for metrics in groups.values():
            for key, items in metrics.items():
                item = items[epoch]
                series.add(names[key], item.step, item.step, item.value)
    shown = ", ".join(f"'{n}' ({k})" for k, n in names.items())
    if VARIANT == "extrema":
        look = (
            "PlotLosses(outputs=[ExtremaPrinter()]): after each epoch a block per metric group, "
            "groups sorted by name: the group header on its own line ('accuracy', 'log loss': "
            "livelossplot strips the 'val_' prefix to group a metric with its validation twin), "
            "then one tab-indented line per split, '\\ttraining         \\t (min:    0.512, max:    "
            "0.857, cur:    0.857)' / '\\tvalidation       \\t (min: …)' ('%8.3f' values). "
        )
    else:
        look = (
            "PlotLosses() outside a notebook: MatplotlibPlot draws the figure on matplotlib's Agg "
            "backend (nothing shown, nothing saved) and first calls IPython's clear_output(), "
            "which outside a notebook writes '\\x1b[2K\\r' to stdout twice (erase line, carriage "
            "return), so each block begins '\\x1b[2K\\r\\x1b[2K\\rAccuracy'. Then ExtremaPrinter's "
            "block per metric group, groups sorted by key: 'Accuracy' and 'Loss' (livelossplot's "
            "COMMON_NAME_SHORTCUTS for acc / loss) with '\\ttraining         \\t (min:    0.512, "
            "max:    0.857, cur:    0.857)' and '\\tvalidation …' lines; 'lr' has no validation "
            "twin, so its group is 'lr' and its line is '\\tlr               \\t (min:    0.075, "
            "max:    0.300, cur:    0.075)' (series 'lr', the learning rate the loop logged: a "
            "metric of the record). "
        )
    _truth.write(
        library=(
            f"hand-written loop (numpy MLP), livelossplot {metadata.version('livelossplot')}, "
            f"matplotlib {metadata.version('matplotlib')}"
        ),
        script=SCRIPT,
        record="livelossplot's own record: PlotLosses.logger.log_history (LogItem(step, value))",
        step_kind="epoch",
        series=series,
        not_printed=[],
        notes=(
            look + "Every block shows the WHOLE history so far: 'cur' is this epoch's value (the "
            "point), 'min' and 'max' are the running extrema of the same series - values already "
            "printed as an earlier or the current 'cur', not new points and not separate "
            "metrics. Series names join the split line to its group header, split first as a "
            f"user says it: {shown}. Step and epoch: livelossplot's 0-based epoch counter "
            "(LogItem.step); no step or epoch is printed (blocks come in epoch order)."
        ),
    )


if __name__ == "__main__":
    main()
