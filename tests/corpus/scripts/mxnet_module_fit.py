"""MXNet's symbolic Module API: mx.mod.Module.fit with a Speedometer batch callback (the classic MXNet log).

As MXNet's Module tutorial runs it: logging at INFO on the root logger
(logging.getLogger().setLevel(logging.INFO) after basicConfig), a Symbol MLP (FullyConnected 64,
relu, FullyConnected 4, SoftmaxOutput) over NDArrayIter data, mod.fit(train_iter, eval_data=val_iter,
optimizer='sgd', optimizer_params={'learning_rate': 0.1}, eval_metric=['acc', 'ce'],
batch_end_callback=mx.callback.Speedometer(32, 10), num_epoch=4). Synthetic 4-class data (1280
train / 320 validation rows of 20 features); nothing is downloaded.

What the console shows (root logger, 'INFO:root:' prefix, on stderr): per 10 batches
'Epoch[0] Batch [10-20]\\tSpeed: 51234.56 samples/sec\\taccuracy=0.556250\\tcross-entropy=1.0231…'
(Speedometer's auto_reset: the metrics over those 10 batches only; the batch range restarts each
epoch), then 'Epoch[0] Train-accuracy=0.514844' and 'Epoch[0] Train-cross-entropy=…' (the whole
epoch), 'Epoch[0] Time cost=0.061', 'Epoch[0] Validation-accuracy=…', 'Epoch[0]
Validation-cross-entropy=…'; MXNet's own warnings before (optimizer, NDArrayIter).

Truth: the Module's own EvalMetric objects where they are logged: Speedometer's
param.eval_metric.get_name_value() (read in a wrapper before Speedometer resets it), the fit loop's
eval_name_vals (get_global_name_value() at the epoch's last batch, read from the BatchEndParam's
locals) and the validation metric handed to eval_end_callback. step = batches done since the start
(epoch * 40 + the batch count Speedometer prints as the end of its range), epoch = the epoch as
printed (0-based).

Versions: mxnet 1.9.1, numpy 1.23.5, Python 3.11 (venv corpus-zAJ-5).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_mxnet_module_fit -- python tests/corpus/scripts/mxnet_module_fit.py
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import mxnet as mx  # noqa: E402
import numpy as np  # noqa: E402

series = _truth.Series()
BATCHES = 40  # 1280 rows / batch 32
_speedo_call = mx.callback.Speedometer.__call__


def speedometer_call(self, param):
    count = param.nbatch
    if self.last_count <= count and self.init and count % self.frequent == 0:
        for name, value in param.eval_metric.get_name_value():
            series.add(name, param.epoch * BATCHES + count, param.epoch, value)
    return _speedo_call(self, param)


mx.callback.Speedometer.__call__ = speedometer_call


def epoch_train_values(param):
    if param.locals.get("end_of_batch"):
        for name, value in param.locals["eval_name_vals"]:
            series.add(
                f"Train-{name}", param.epoch * BATCHES + param.nbatch + 1, param.epoch, value
            )


def validation_values(param):
    for name, value in param.eval_metric.get_name_value():
        series.add(f"Validation-{name}", (param.epoch + 1) * BATCHES, param.epoch, value)


logging.basicConfig()
logging.getLogger().setLevel(logging.INFO)
mx.random.seed(0)
np.random.seed(0)
X = np.random.randn(1600, 20).astype("float32")
W = np.random.randn(20, 4)
y = (X @ W + 0.8 * np.random.randn(1600, 4)).argmax(1).astype("float32")
train_iter = mx.io.NDArrayIter(X[:1280], y[:1280], batch_size=32, shuffle=True)
val_iter = mx.io.NDArrayIter(X[1280:], y[1280:], batch_size=32)

data = mx.sym.var("data")
fc1 = mx.sym.FullyConnected(data=data, num_hidden=64)
act1 = mx.sym.Activation(data=fc1, act_type="relu")
fc2 = mx.sym.FullyConnected(data=act1, num_hidden=4)
mlp = mx.sym.SoftmaxOutput(data=fc2, name="softmax")

mod = mx.mod.Module(symbol=mlp, context=mx.cpu())
mod.fit(
    train_iter,
    eval_data=val_iter,
    optimizer="sgd",
    optimizer_params={"learning_rate": 0.1},
    eval_metric=["acc", "ce"],
    batch_end_callback=[epoch_train_values, mx.callback.Speedometer(32, 10)],
    eval_end_callback=validation_values,
    num_epoch=4,
)

_truth.write(
    library=f"mxnet {mx.__version__} (numpy {np.__version__})",
    script="tests/corpus/scripts/mxnet_module_fit.py",
    record=(
        "the Module's EvalMetric objects: Speedometer's param.eval_metric.get_name_value(), fit's "
        "eval_name_vals (get_global_name_value()), the validation metric given to eval_end_callback"
    ),
    step_kind="global",
    series=series,
    extra_ok=["Speed (samples/sec)", "Time cost (seconds per epoch)"],
    not_printed=[],
    notes=(
        "Root-logger lines 'INFO:root:…' on stderr. Every 10 batches Speedometer logs 'Epoch[1] Batch "
        "[10-20]\\tSpeed: 51234.56 samples/sec\\taccuracy=0.556250\\tcross-entropy=1.023125' (the batch range "
        "restarts each epoch; with auto_reset the metrics cover just those 10 batches; %f, 6 decimals); at "
        "each epoch's end 'Epoch[1] Train-accuracy=0.6…' and 'Epoch[1] Train-cross-entropy=…' (the whole "
        "epoch: other values than the Speedometer's 'accuracy'), 'Epoch[1] Time cost=0.061' (seconds), then "
        "'Epoch[1] Validation-accuracy=…' / 'Validation-cross-entropy=…'. Series names as printed: "
        "'accuracy', 'cross-entropy', 'Train-accuracy', 'Train-cross-entropy', 'Validation-accuracy', "
        "'Validation-cross-entropy'. step = batches since the start (40 per epoch): the Speedometer "
        "lines at epoch*40 + the range's end, the epoch's Train-/Validation- values at (epoch+1)*40; epoch "
        "= the printed 0-based epoch."
    ),
)
