"""Chainer's Trainer as its examples (examples/mnist/train_mnist.py) set it up, on synthetic data:
an MLP Classifier, Evaluator, LogReport, PrintReport([...]) and ProgressBar.

    epoch       main/loss   validation/main/loss  main/accuracy  validation/main/accuracy  elapsed_time
    1           1.02107     0.859335              0.5665         0.656                     0.195741
    this epoch [#########.........................................] 20.00%
         100 iter, 2 epoch / 5 epochs
      459.75 iters/sec. Estimated time to finish: 0:00:00.326273.

Variants:
  epoch  (default): LogReport per epoch, PrintReport of the MNIST example, ProgressBar.
  iter:  LogReport(trigger=(25, 'iteration')), extensions.observe_lr(), Evaluator every 50
         iterations (so half the rows have blank validation cells), PrintReport with 'iteration'
         and 'lr', no ProgressBar.
  iter_bar: the same as iter plus ProgressBar(update_interval=10) (captured under a terminal).

Truth: the LogReport extension's own `log` (a list of dicts, one per report), restricted to the
keys PrintReport prints; step = the entry's 'iteration', epoch = its 'epoch'.

Versions: chainer 7.8.1, numpy 1.26.4, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zF-2):
    python tests/corpus/scripts/capture.py pipe real_chainer_trainer -- python tests/corpus/scripts/chainer_trainer.py
    python tests/corpus/scripts/capture.py pty real_chainer_trainer_pty -- python tests/corpus/scripts/chainer_trainer.py
    python tests/corpus/scripts/capture.py pipe real_chainer_trainer_iter -- python tests/corpus/scripts/chainer_trainer.py iter
    python tests/corpus/scripts/capture.py pty real_chainer_trainer_iter_bar_pty -- python tests/corpus/scripts/chainer_trainer.py iter_bar
"""

import os
import random
import sys
import tempfile

import chainer
import chainer.functions as F
import chainer.links as L
import numpy as np
from chainer import training
from chainer.training import extensions

sys.path.insert(0, os.path.dirname(__file__))

import _truth

variant = sys.argv[1] if len(sys.argv) > 1 else "epoch"
assert variant in ("epoch", "iter", "iter_bar")

random.seed(0)
np.random.seed(0)

# synthetic 3-class data: 20 features, classes from a random linear map plus noise
rng = np.random.RandomState(0)
n_train, n_val, dim = 1000, 250, 20
W = rng.randn(dim, 3)
X = rng.randn(n_train + n_val, dim).astype(np.float32)
y = np.argmax(X @ W + 1.5 * rng.randn(n_train + n_val, 3), axis=1).astype(np.int32)
train = chainer.datasets.TupleDataset(X[:n_train], y[:n_train])
test = chainer.datasets.TupleDataset(X[n_train:], y[n_train:])


class MLP(chainer.Chain):
    def __init__(self, n_units, n_out):
        super().__init__()
        with self.init_scope():
            self.l1 = L.Linear(None, n_units)
            self.l2 = L.Linear(None, n_units)
            self.l3 = L.Linear(None, n_out)

    def forward(self, x):
        h1 = F.relu(self.l1(x))
        h2 = F.relu(self.l2(h1))
        return self.l3(h2)


model = L.Classifier(MLP(32, 3))
optimizer = chainer.optimizers.Adam(alpha=0.003)
optimizer.setup(model)

train_iter = chainer.iterators.SerialIterator(train, 20)
test_iter = chainer.iterators.SerialIterator(test, 50, repeat=False, shuffle=False)
updater = training.updaters.StandardUpdater(train_iter, optimizer, device=-1)
out = tempfile.mkdtemp(prefix="chainer_result_")
trainer = training.Trainer(updater, (5, "epoch"), out=out)

if variant == "epoch":
    trainer.extend(extensions.Evaluator(test_iter, model, device=-1))
    trainer.extend(extensions.LogReport())
    printed = [
        "epoch",
        "main/loss",
        "validation/main/loss",
        "main/accuracy",
        "validation/main/accuracy",
        "elapsed_time",
    ]
    trainer.extend(extensions.PrintReport(printed))
    trainer.extend(extensions.ProgressBar(update_interval=10))
else:
    trainer.extend(extensions.Evaluator(test_iter, model, device=-1), trigger=(50, "iteration"))
    trainer.extend(extensions.LogReport(trigger=(25, "iteration")))
    trainer.extend(extensions.observe_lr())
    printed = [
        "epoch",
        "iteration",
        "main/loss",
        "main/accuracy",
        "validation/main/loss",
        "validation/main/accuracy",
        "lr",
    ]
    trainer.extend(extensions.PrintReport(printed))
    if variant == "iter_bar":
        trainer.extend(extensions.ProgressBar(update_interval=10))

trainer.run()

log = trainer.get_extension("LogReport").log
not_metric = ("epoch", "iteration", "elapsed_time")
series = _truth.Series()
for entry in log:
    for key in printed:
        if key in not_metric or key not in entry:
            continue
        series.add(key, int(entry["iteration"]), int(entry["epoch"]), float(entry[key]))

if variant == "epoch":
    notes = (
        "Chainer's PrintReport prints a header row of the report keys as printed "
        "('epoch       main/loss   validation/main/loss  main/accuracy  validation/main/accuracy  "
        "elapsed_time'), then one row per LogReport entry (every epoch), values left-aligned in "
        "columns. Between rows the ProgressBar (update_interval=10) draws three lines moved "
        "into place with ANSI cursor-up / erase-down escapes (also into a pipe): 'this epoch "
        "[#####....] 40.00%' and 'total [###...] 28.00%' (percentages of the run), '     140 iter, "
        "2 epoch / 5 epochs' (counters) and '  459.75 iters/sec. Estimated time to finish: "
        "0:00:00.3.' (throughput: extra_ok; the time left is a clock). 'epoch' is a counter and "
        "'elapsed_time' a clock (seconds since the start): neither is a metric. Series named "
        "exactly as the header prints them (main/loss, validation/main/accuracy...), one point "
        "per row, step = the LogReport entry's 'iteration' (50 iterations per epoch), epoch = "
        "its 'epoch'. Printed with 6 significant digits, truth at full precision."
    )
    extra_ok = ["iters/sec (the ProgressBar's throughput)"]
else:
    notes = (
        "Chainer's PrintReport with LogReport(trigger=(25, 'iteration')): header row 'epoch       "
        "iteration   main/loss   main/accuracy  validation/main/loss  validation/main/accuracy  "
        "lr', then one row every 25 iterations. The Evaluator runs every 50 iterations, so every "
        "other row has blank validation cells ('1           25          0.93        0.576        "
        "                                                0.003'). 'epoch' and 'iteration' are "
        "counters; 'lr' is the optimizer's learning rate reported by observe_lr (a series: it is "
        "in LogReport's log). Series named as the header prints them, one point per printed "
        "cell, step = the entry's 'iteration', epoch = its 'epoch'. Printed with 6 significant "
        "digits, truth at full precision."
    )
    extra_ok = []
    if variant == "iter_bar":
        notes += (
            " Here ProgressBar(update_interval=10) also draws its four lines between the rows "
            "('this epoch [...] 40.00%', 'total [...]', '     140 iter, 2 epoch / 5 epochs', "
            "'  459.75 iters/sec. Estimated time to finish: 0:00:00.3.'), moved into place with "
            "ANSI cursor-up / erase-down escapes: percentages and counters, not metrics; "
            "iters/sec is throughput (extra_ok)."
        )
        extra_ok = ["iters/sec (the ProgressBar's throughput)"]

_truth.write(
    library=f"chainer {chainer.__version__} (numpy {np.__version__})",
    script="tests/corpus/scripts/chainer_trainer.py",
    record="trainer.get_extension('LogReport').log (Chainer's LogReport, list of dicts)",
    step_kind="global",
    series=series,
    extra_ok=extra_ok,
    not_printed=[],
    notes=notes,
)
