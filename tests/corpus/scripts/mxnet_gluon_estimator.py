"""MXNet Gluon's Estimator (gluon.contrib.estimator) fit with a batch-interval LoggingHandler.

As the Estimator guide shows it: an Estimator(net, loss, train_metrics, trainer, context) and
est.fit(train_data, val_data, epochs, event_handlers=[LoggingHandler(log_interval=…,
metrics=est.train_metrics)]); a small MLP (Dense 64 relu, Dense 4) on synthetic 4-class data
(1000 train / 250 validation rows of 20 features), SGD 0.05, batch 32, 3 epochs, log every 10
batches. Nothing is downloaded.

What the console shows (the Estimator's logger, Python logging at INFO on stderr, message
only): 'Training begin: using optimizer SGD with current learning rate 0.0500 ', 'Train for 3
epochs.', per epoch '[Epoch 0] Begin, current learning rate: 0.0500', every 10 batches
'[Epoch 0][Batch 10][Samples 352] time/interval: 0.020s training accuracy: 0.3580, training loss:
1.2130' (the samples count runs on across epochs, the batch index restarts), the validation pass
'Validation Begin' / '[Epoch 0] Finished in 0.007s, validation accuracy: 0.4750, validation loss:
1.0273' (its own LoggingHandler: it always says Epoch 0), '[Epoch 0] Finished in 0.095s, training
accuracy: …, training loss: …', and 'Train finished using total 0s with 3 epochs. training
accuracy: …, training loss: …' (the last epoch's values again).

Truth: the Estimator's own metric objects (EvalMetric.get(): the names it prints, full precision),
read where each LoggingHandler formats its line (a wrapper around LoggingHandler.batch_end /
epoch_end), with the handler's counters: step = samples processed (its '[Samples N]' counter,
cumulative), epoch = the training epoch (0-based as printed; the validation handler's 'Epoch 0' is
its own counter).

Versions: mxnet 1.9.1 (py3-none wheel), numpy 1.23.5 (mxnet uses np.bool, gone in numpy 1.24),
Python 3.11 (venv corpus-zAJ-5).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_mxnet_gluon_estimator -- python tests/corpus/scripts/mxnet_gluon_estimator.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import mxnet as mx  # noqa: E402
import numpy as np  # noqa: E402
from mxnet import gluon  # noqa: E402
from mxnet.gluon.contrib.estimator import Estimator, LoggingHandler  # noqa: E402

series = _truth.Series()
state = {"epoch": 0, "samples": 0}
_batch_end, _epoch_end = LoggingHandler.batch_end, LoggingHandler.epoch_end


def batch_end(self, estimator, *args, **kwargs):
    if isinstance(self.log_interval, int):
        samples = self.processed_samples + kwargs["batch"][0].shape[0]
        state["samples"] = samples
        if self.batch_index % self.log_interval == 0:
            for metric in self.metrics:
                name, value = metric.get()
                series.add(name, samples, self.current_epoch, value)
    return _batch_end(self, estimator, *args, **kwargs)


def epoch_end(self, estimator, *args, **kwargs):
    for metric in self.metrics:
        name, value = metric.get()
        series.add(name, state["samples"], state["epoch"], value)
    if any("training" in m.name for m in self.metrics):
        state["epoch"] += 1
    return _epoch_end(self, estimator, *args, **kwargs)


LoggingHandler.batch_end, LoggingHandler.epoch_end = batch_end, epoch_end

mx.random.seed(0)
np.random.seed(0)
X = np.random.randn(1250, 20).astype("float32")
W = np.random.randn(20, 4)
y = (X @ W + 0.8 * np.random.randn(1250, 4)).argmax(1).astype("float32")
train_data = gluon.data.DataLoader(
    gluon.data.ArrayDataset(X[:1000], y[:1000]), batch_size=32, shuffle=True
)
val_data = gluon.data.DataLoader(gluon.data.ArrayDataset(X[1000:], y[1000:]), batch_size=32)

net = gluon.nn.Sequential()
net.add(gluon.nn.Dense(64, activation="relu"), gluon.nn.Dense(4))
net.initialize(mx.init.Xavier(), ctx=mx.cpu())
loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": 0.05})
train_acc = mx.metric.Accuracy()
train_loss = mx.metric.Loss()

est = Estimator(
    net=net, loss=loss_fn, train_metrics=[train_acc, train_loss], trainer=trainer, context=mx.cpu()
)
logging_handler = LoggingHandler(log_interval=10, metrics=est.train_metrics)
est.fit(train_data=train_data, val_data=val_data, epochs=3, event_handlers=[logging_handler])

_truth.write(
    library=f"mxnet {mx.__version__} (numpy {np.__version__})",
    script="tests/corpus/scripts/mxnet_gluon_estimator.py",
    record="the Estimator's EvalMetric objects (train_metrics, val_metrics).get() where each LoggingHandler logs",
    step_kind="global",
    series=series,
    extra_ok=[
        "time/interval (seconds per logging interval)",
        "the 'Finished in 0.095s' epoch times",
        "current learning rate (the trainer's rate each epoch begins with, 'current learning rate: 0.0500')",
    ],
    not_printed=[],
    notes=(
        "Estimator log lines (message only). 'Training begin: using optimizer SGD with current learning rate "
        "0.0500 ' and '[Epoch 0] Begin, current learning rate: 0.0500' (the configured rate, constant), "
        "'Train for 3 epochs.'; every 10 batches '[Epoch 1][Batch 10][Samples 1344] time/interval: 0.009s "
        "training accuracy: 0.5682, training loss: 0.9286' (Batch restarts each epoch, Samples is cumulative: "
        "step = Samples; the metrics are running values over the epoch so far, 4 decimals); after each "
        "epoch 'Validation Begin' and '[Epoch 0] Finished in 0.004s, validation accuracy: 0.6450, validation "
        "loss: 0.8540' (the validation LoggingHandler is new at each evaluation: it prints Epoch 0 every time; "
        "truth epoch = the training epoch it follows), then '[Epoch 1] Finished in 0.036s, training accuracy: "
        "0.6075, training loss: 0.8816' (the epoch's values, at the epoch's last Samples count). The closing "
        "'Train finished using total 0s with 3 epochs. training accuracy: …, training loss: …' repeats the last "
        "epoch's values (the same metric objects, unchanged): not a new point. '0s' and '3 epochs' are a "
        "duration and a count."
    ),
)
