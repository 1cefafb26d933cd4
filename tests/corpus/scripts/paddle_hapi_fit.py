"""PaddlePaddle's high-level API (paddle.Model.fit, "hapi") on synthetic 10-class data: an MLP,
model.summary(), then fit() with an eval set, its ProgBarLogger printing

    The loss value printed in the log is the current step, and the metric is the average value of previous steps.
    Epoch 1/3
    step 10/50 - loss: 2.2012 - acc: 0.1562 - 2ms/step
    ...
    Eval begin...
    step 10/10 - loss: 2.0567 - acc: 0.3025 - 1ms/step
    Eval samples: 320

`verbose=2` (fit's default: one line per log_freq steps) or `verbose=1` (a '\r'-redrawn bar on a
terminal).

Truth: what ProgBarLogger handed its progress bar to print (ProgBarLogger._updates wrapped: the
`logs` values for the metric names it prints), at full precision. Train loss is the current
step's loss, acc the running mean (as paddle says). Step = (epoch-1) x 50 + the bar position; the
eval points are at the global step of the epoch's end.

Versions: paddlepaddle 3.3.1 (CPU), Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-x-2 = pip install paddlepaddle):
    python tests/corpus/scripts/capture.py pipe real_paddle_hapi_fit -- python tests/corpus/scripts/paddle_hapi_fit.py 2
    python tests/corpus/scripts/capture.py pty real_paddle_hapi_fit_bar_pty -- python tests/corpus/scripts/paddle_hapi_fit.py 1
"""

import os
import sys

import numpy as np
import paddle
from paddle.hapi.callbacks import ProgBarLogger
from paddle.io import Dataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

verbose = int(sys.argv[1]) if len(sys.argv) > 1 else 2
paddle.seed(0)
np.random.seed(0)
DIM, CLASSES, EPOCHS, BATCH = 20, 10, 3, 32
centers = np.random.randn(CLASSES, DIM).astype("float32") * 0.6


class Synthetic(Dataset):
    def __init__(self, n):
        self.y = np.random.randint(0, CLASSES, size=(n, 1)).astype("int64")
        self.x = (centers[self.y[:, 0]] + np.random.randn(n, DIM)).astype("float32")

    def __getitem__(self, i):
        return self.x[i], self.y[i]

    def __len__(self):
        return len(self.y)


train_ds, eval_ds = Synthetic(1600), Synthetic(320)
STEPS = len(train_ds) // BATCH

record: dict[str, list] = {}
state = {"epoch": 0}
_orig_updates = ProgBarLogger._updates
_orig_epoch_begin = ProgBarLogger.on_epoch_begin


def _scalar(v):
    if isinstance(v, (list, tuple)):
        v = v[0]
    return float(np.asarray(v).reshape(-1)[0])


def on_epoch_begin(self, epoch=None, logs=None):
    state["epoch"] = epoch + 1
    return _orig_epoch_begin(self, epoch, logs)


def _updates(self, logs, mode):
    metrics = getattr(self, f"{mode}_metrics")
    ep = state["epoch"]
    for k in metrics:
        if k in logs:
            if mode == "train":
                name, step = k, (ep - 1) * STEPS + self.train_step
            else:
                name, step = f"eval {k}", ep * STEPS
            record.setdefault(name, {"points": []})["points"].append([step, ep, _scalar(logs[k])])
    return _orig_updates(self, logs, mode)


ProgBarLogger._updates = _updates
ProgBarLogger.on_epoch_begin = on_epoch_begin

net = paddle.nn.Sequential(
    paddle.nn.Linear(DIM, 64), paddle.nn.ReLU(), paddle.nn.Linear(64, CLASSES)
)
model = paddle.Model(net)
model.summary((1, DIM))
model.prepare(
    paddle.optimizer.Adam(learning_rate=0.002, parameters=model.parameters()),
    paddle.nn.CrossEntropyLoss(),
    paddle.metric.Accuracy(),
)
model.fit(train_ds, eval_ds, epochs=EPOCHS, batch_size=BATCH, verbose=verbose, shuffle=True)

_truth.write(
    library="paddlepaddle 3.3.1 (CPU), paddle.hapi Model.fit",
    script="tests/corpus/scripts/paddle_hapi_fit.py",
    record="the logs ProgBarLogger handed its progress bar (ProgBarLogger._updates wrapped)",
    step_kind="global",
    series=record,
    extra_ok=["time per step (ms/step)"],
    notes=(
        f"paddle.Model.fit(verbose={verbose}), log_freq=10 (default), 50 steps per epoch, 3 "
        "epochs, an eval set after each epoch. 'Epoch 1/3' then 'step 10/50 - loss: 2.2012 - "
        "acc: 0.1562 - 2ms/step' (train loss = the current step's loss, acc = running mean), "
        "after each epoch 'Eval begin...' and 'step 10/10 - loss: … - acc: …' (the eval set's, "
        "named here 'eval loss'/'eval acc': the same printed names under the 'Eval begin...' "
        "header, at the global step of the epoch's end) and 'Eval samples: 320' (a count). "
        "model.summary() prints a layer table with parameter counts and sizes in MB (no "
        "metric). The step position 'n/50' is not a metric. "
        + (
            "verbose=1: on a terminal the bar is redrawn with '\\r' ('step 20/50 [====>...] - "
            "loss: … - acc: … - ETA: 0s - 2ms/step'); a drawn state is a point."
            if verbose == 1
            else "verbose=2: one line per 10 steps and one at the epoch's last step."
        )
    ),
)
