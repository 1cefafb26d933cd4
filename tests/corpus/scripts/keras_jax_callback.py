"""Keras 3 on the JAX backend, fit(verbose=0) with a custom callback doing the printing.

Styles:
  guide  the callback of Keras' guide 'Writing your own callbacks' (LossAndErrorPrintingCallback):
         'Up to batch 3, the average loss is   27.12.' after every training batch and
         'The average loss for epoch 0 is    7.02 and mean absolute error is    2.09.' per epoch
         (a regression model, metrics=['mean_absolute_error'])
  logs   a callback printing the raw logs dict per epoch: 'Epoch 0: {'accuracy': 0.53..., 'loss':
         0.69..., 'val_accuracy': ..., 'val_loss': ...}' (classification with validation_data)

Versions: keras 3.15.1 (KERAS_BACKEND=jax), jax 0.10.2, numpy 2.4.6, Python 3.11 (CPU; venv corpus-s-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_keras_jax_guide_callback -- python tests/corpus/scripts/keras_jax_callback.py guide
    python tests/corpus/scripts/capture.py pipe real_keras_jax_logs_callback -- python tests/corpus/scripts/keras_jax_callback.py logs
Truth: Keras' own logs dict handed to the callback (guide: per batch and per epoch, step =
model.optimizer.iterations) and model.fit(...).history (logs), full precision.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ["KERAS_BACKEND"] = "jax"
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import keras
import numpy as np

style = sys.argv[1] if len(sys.argv) > 1 else "guide"
assert style in ("guide", "logs")
keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
series = _truth.Series()


class LossAndErrorPrintingCallback(keras.callbacks.Callback):
    def on_train_batch_end(self, batch, logs=None):
        print("Up to batch {}, the average loss is {:7.2f}.".format(batch, logs["loss"]))
        series.add("average loss", int(self.model.optimizer.iterations), None, logs["loss"])

    def on_epoch_end(self, epoch, logs=None):
        print(
            "The average loss for epoch {} is {:7.2f} and mean absolute error is {:7.2f}.".format(
                epoch, logs["loss"], logs["mean_absolute_error"]
            )
        )
        step = int(self.model.optimizer.iterations)
        # the epoch line repeats the last batch's running average: the same point again
        series.add("average loss", step, epoch, logs["loss"])
        series.add("mean absolute error", step, epoch, logs["mean_absolute_error"])


class PrintLogs(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        print(f"Epoch {epoch}: {logs}")


if style == "guide":
    # Define the Keras model to add callbacks to (as in the guide)
    def get_model():
        model = keras.Sequential()
        model.add(keras.layers.Dense(1))
        model.compile(
            optimizer=keras.optimizers.RMSprop(learning_rate=0.1),
            loss="mean_squared_error",
            metrics=["mean_absolute_error"],
        )
        return model

    # synthetic regression data in place of the guide's MNIST pixels -> digit value
    x_train = rng.uniform(size=(1000, 784)).astype("float32")
    w = rng.normal(size=784).astype("float32") / 10
    y_train = (x_train @ w + 0.5 * rng.normal(size=1000)).astype("float32")
    model = get_model()
    history = model.fit(
        x_train,
        y_train,
        batch_size=128,
        epochs=3,
        verbose=0,
        callbacks=[LossAndErrorPrintingCallback()],
    )
    notes = (
        "Keras' guide callback, fit(verbose=0): after every training batch 'Up to batch 3, the "
        "average loss is   27.12.' (batch = 0-based index within the epoch, restarting each "
        "epoch; the value is Keras' running mean of the epoch's loss, printed '{:7.2f}'), after "
        "each epoch 'The average loss for epoch 0 is    7.02 and mean absolute error is    2.09.' "
        "(epoch 0-based; its loss is the epoch's last batch value again, so the truth repeats that "
        "point at the same step). Series 'average loss' (every batch line and every epoch line) "
        "and 'mean absolute error' (epoch lines); step = model.optimizer.iterations (global, "
        "8 batches per epoch: the printed batch index + 8 x epoch + 1). 'batch 3' and 'epoch 0' "
        "are positions, not metrics."
    )
    step_kind = "global"
    record = (
        "the logs dict Keras hands to on_train_batch_end / on_epoch_end (step: "
        "model.optimizer.iterations), full precision"
    )
else:
    x = rng.normal(size=(1200, 20)).astype("float32")
    y = ((x[:, 0] * x[:, 1] + np.sin(x[:, 2]) + 0.3 * rng.normal(size=1200)) > 0).astype("int32")
    model = keras.Sequential(
        [
            keras.Input(shape=(20,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(
        x[:1000],
        y[:1000],
        validation_data=(x[1000:], y[1000:]),
        batch_size=32,
        epochs=5,
        verbose=0,
        callbacks=[PrintLogs()],
    )
    for name, values in history.history.items():
        for epoch, value in enumerate(values):
            series.add(name, None, epoch, value)
    notes = (
        "fit(verbose=0) with a custom callback whose on_epoch_end prints the logs dict as is: "
        "\"Epoch 0: {'accuracy': 0.5389999747276306, 'loss': 0.6958..., 'val_accuracy': 0.55, "
        "'val_loss': 0.6829...}\" (epoch 0-based as Keras passes it; values are Python floats, "
        "printed by repr). Series are the dict's keys, one value per epoch. Nothing else is "
        "printed."
    )
    step_kind = "epoch"
    record = "model.fit(...).history (the same logs the callback printed), full precision"

_truth.write(
    library=(
        f"keras {metadata.version('keras')} (jax {metadata.version('jax')} backend, "
        "KERAS_BACKEND=jax)"
    ),
    script="tests/corpus/scripts/keras_jax_callback.py",
    record=record,
    step_kind=step_kind,
    series=series,
    notes=notes,
)
