"""Keras 3 (TensorFlow backend) custom train_step, as in the guide 'Customizing what happens in
fit() with TensorFlow' (loss_tracker / mae_metric, a `metrics` property), plus the debugging
tf.print a user adds inside train_step: one line per step on stderr ('step: 3 loss: 1.234 mae:
0.91') while fit's default verbose=1 bar runs on stdout.

Versions: keras 3.15.1, tensorflow-cpu 2.21.0, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_keras_custom_train_step -- python tests/corpus/scripts/keras_custom_train_step.py
    python tests/corpus/scripts/capture.py pty  real_keras_custom_train_step_pty -- python tests/corpus/scripts/keras_custom_train_step.py
Truth: the logs Keras hands to on_train_batch_end after every step (the train_step's returned
metrics, the same tensors tf.print printed), History for the epoch-end validation values, and
the values Keras' Progbar printed (see _keras_bar.py).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import _keras_bar
import _truth
import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)


class CustomModel(keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.mae_metric = keras.metrics.MeanAbsoluteError(name="mae")

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = keras.losses.mean_squared_error(y, y_pred)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply(grads, self.trainable_variables)
        self.loss_tracker.update_state(loss)
        self.mae_metric.update_state(y, y_pred)
        logs = {"loss": self.loss_tracker.result(), "mae": self.mae_metric.result()}
        tf.print("step:", self.optimizer.iterations, "loss:", logs["loss"], "mae:", logs["mae"])
        return logs

    def test_step(self, data):
        x, y = data
        y_pred = self(x, training=False)
        self.loss_tracker.update_state(keras.losses.mean_squared_error(y, y_pred))
        self.mae_metric.update_state(y, y_pred)
        return {"loss": self.loss_tracker.result(), "mae": self.mae_metric.result()}

    @property
    def metrics(self):
        return [self.loss_tracker, self.mae_metric]


class BatchLogs(keras.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.rows = []

    def on_train_batch_end(self, batch, logs=None):
        step = int(self.model.optimizer.iterations.numpy())
        self.rows.append((step, {k: float(v) for k, v in logs.items()}))


rng = np.random.default_rng(0)
x = rng.normal(size=(320, 8)).astype("float32")
y = (x @ rng.normal(size=(8, 1)) + 0.3 * rng.normal(size=(320, 1))).astype("float32")
inputs = keras.Input(shape=(8,))
outputs = keras.layers.Dense(1)(keras.layers.Dense(16, activation="relu")(inputs))
model = CustomModel(inputs, outputs)
model.compile(optimizer=keras.optimizers.Adam(0.01))
rows = BatchLogs()
history = model.fit(
    x[:256],
    y[:256],
    batch_size=32,
    epochs=3,
    validation_data=(x[256:], y[256:]),
    callbacks=[rows, _keras_bar.EpochNumber()],
)

# ---- ground truth (written only under capture.py) ----
steps_per_epoch = 8
series = _truth.Series()
for step, logs in rows.rows:  # tf.print's lines: one per step
    epoch = (step - 1) // steps_per_epoch + 1
    for name in ("loss", "mae"):
        series.add(name, step, epoch, logs[name])
# the bar repeats values of those steps (same numbers); its end-of-epoch state adds val_*
for _ctx, epoch, pos, target, values in _keras_bar.states():
    step = (epoch - 1) * target + pos
    for name, value in values.items():
        if name.startswith("val_"):
            assert value == history.history[name][epoch - 1]
            series.add(name, step, epoch, value)
        else:
            (logged,) = [r for s, r in rows.rows if s == step]
            assert abs(logged[name] - value) < 1e-6, (name, step, value, logged[name])
_truth.write(
    library=f"keras {keras.__version__} (tensorflow {tf.__version__} backend)",
    script="tests/corpus/scripts/keras_custom_train_step.py",
    record=(
        "the per-step logs Keras passed to on_train_batch_end (train_step's returned dict, the "
        "tensors tf.print printed), History for val_loss / val_mae, Progbar states (_keras_bar.py)"
    ),
    step_kind="global",
    series=series,
    extra_ok=["the bar's time per step and ETA"],
    not_printed=[],
    notes=(
        "tf.print writes 'step: 5 loss: 1.83419073 mae: 1.07810664' to the process's stderr from "
        "C++, the bar goes to sys.stdout and Keras flushes each draw, so they interleave; a bar draw "
        "that is not the epoch's last ends without a newline, so the next tf.print line is glued to "
        "it: '1/8 ━━━━━━━━━━━━━━━━━━━━ 5s 772ms/step - loss: 16.6791 - mae: 3.2190step: 2 loss: "
        "17.9784832 mae: 3.45739555'. step = the "
        "optimizer's iteration count (1..24, 8 steps per epoch, 3 epochs), epoch = 1 + (step-1)//8. "
        "tf.print prints the running means (loss_tracker / mae_metric result() after the update), "
        "the same values the bar shows at its drawn positions ('5/8 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step "
        "- loss: 1.8342 - mae: 1.0781'), so the bar adds no new points for loss/mae (a reader "
        "storing them once per step is right); the epoch's final bar line adds val_loss and val_mae "
        "(History). The values a bar shows with 4 decimals are the same points as tf.print's."
    ),
)
