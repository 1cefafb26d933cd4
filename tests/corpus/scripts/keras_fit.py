"""Keras 3 model.fit on synthetic data: verbose=1 (progress bar) or verbose=2 (a line per epoch).

Versions: keras 3.15.1, tensorflow-cpu 2.21.0 backend, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_keras_fit_v1 -- python tests/corpus/scripts/keras_fit.py --verbose 1
    python tests/corpus/scripts/capture.py pty  real_keras_fit_v1_pty -- python tests/corpus/scripts/keras_fit.py --verbose 1
    python tests/corpus/scripts/capture.py pipe real_keras_fit_v2_split -- python tests/corpus/scripts/keras_fit.py --verbose 2 --val split
    python tests/corpus/scripts/capture.py pipe real_keras_fit_v2_early -- python tests/corpus/scripts/keras_fit.py --verbose 2 --early --epochs 15
    python tests/corpus/scripts/capture.py pty  real_keras_fit_v1_early_pty -- python tests/corpus/scripts/keras_fit.py --verbose 1 --early --epochs 15
    python tests/corpus/scripts/capture.py pipe real_keras_fit_unknown_steps -- python tests/corpus/scripts/keras_fit.py --verbose 1 --unknown --epochs 3
    python tests/corpus/scripts/capture.py pty  real_keras_fit_unknown_steps_pty -- python tests/corpus/scripts/keras_fit.py --verbose 1 --unknown --epochs 3
    python tests/corpus/scripts/capture.py pipe real_keras_fit_v2_summary -- python tests/corpus/scripts/keras_fit.py --verbose 2 --summary --epochs 4
    python tests/corpus/scripts/capture.py pty  real_keras_fit_v2_summary_pty -- python tests/corpus/scripts/keras_fit.py --verbose 2 --summary --epochs 4
Truth: model.fit(...).history (Keras' History callback) for the epoch-end values, and the logs
Keras' Progbar was given for each bar state it actually printed (Progbar.update is wrapped to
note which updates drew).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import _truth  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--verbose", type=int, default=1)
ap.add_argument("--val", choices=["data", "split"], default="data")
ap.add_argument("--epochs", type=int, default=6)
ap.add_argument(
    "--early", action="store_true", help="add EarlyStopping and ModelCheckpoint (verbose)"
)
ap.add_argument("--unknown", action="store_true", help="feed a tf.data generator of unknown length")
ap.add_argument("--summary", action="store_true", help="print model.summary() before fitting")
args = ap.parse_args()

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(3600, 20)).astype("float32")
w = rng.normal(size=(20,))
y = ((x @ w + 0.8 * rng.normal(size=3600)) > 0).astype("float32")
x_val, y_val = x[3000:], y[3000:]
x, y = x[:3000], y[:3000]

model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(1e-2),
    loss="binary_crossentropy",
    metrics=["accuracy", keras.metrics.AUC(name="auc")],
)


from keras.src.utils import progbar as _progbar  # noqa: E402

DRAWN = []  # (epoch, position, target, {name: value}) for each bar state Keras actually printed
_epoch = [0]
_update = _progbar.Progbar.update


def _recording_update(self, current, values=None, finalize=None):
    before = self._last_update
    _update(self, current, values, finalize)
    fin = finalize if finalize is not None else (self.target is not None and current >= self.target)
    drawn = (self._last_update != before) if self.verbose == 1 else bool(fin)
    if drawn:
        DRAWN.append(
            (_epoch[0], int(current), self.target, {k: float(v) for k, v in (values or [])})
        )


_progbar.Progbar.update = _recording_update


class EpochNumber(keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        _epoch[0] = epoch + 1


callbacks = [
    keras.callbacks.ReduceLROnPlateau(
        monitor="val_loss", factor=0.5, patience=1, min_delta=0.01, verbose=1
    ),
    EpochNumber(),
]
ckpt_dir = None
if args.early:
    import tempfile

    ckpt_dir = tempfile.mkdtemp(prefix="keras-ckpt-")
    callbacks += [
        keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=2, verbose=1, restore_best_weights=True
        ),
        keras.callbacks.ModelCheckpoint(
            os.path.join(ckpt_dir, "best.keras"), monitor="val_loss", save_best_only=True, verbose=1
        ),
    ]
fit_kw = dict(epochs=args.epochs, batch_size=32, verbose=args.verbose, callbacks=callbacks)
if args.val == "data":
    fit_kw["validation_data"] = (x_val, y_val)
else:
    fit_kw["validation_split"] = 0.2
if args.summary:
    model.summary()
if args.unknown:
    import tensorflow as tf

    def gen():
        for i in range(0, len(x), 32):
            yield x[i : i + 32], y[i : i + 32]

    spec = (tf.TensorSpec((None, 20), tf.float32), tf.TensorSpec((None,), tf.float32))
    fit_kw.pop("batch_size")
    hist = model.fit(tf.data.Dataset.from_generator(gen, output_signature=spec), **fit_kw)
else:
    hist = model.fit(x, y, **fit_kw)

if ckpt_dir:
    import shutil

    shutil.rmtree(ckpt_dir)

# ---- ground truth (written only under capture.py) ----
h = hist.history
series = _truth.Series()
merged = {}  # a redraw at the same position is one point; the last state wins
spe = next(
    t for _, _, t, _ in DRAWN if t
)  # steps per epoch (unknown while a generator's 1st epoch runs)
for epoch, pos, _target, values in DRAWN:
    merged.setdefault((epoch, pos), {}).update(values)
for (epoch, pos), values in merged.items():
    for name, value in values.items():
        series.add(name, (epoch - 1) * spe + pos, epoch, value)
for name, vals in h.items():  # the epoch-end bar state is the History record
    last = [p[2] for p in series.series[name]["points"] if p[0] % spe == 0]
    assert last == [float(v) for v in vals], (name, last, vals)
_truth.write(
    library=f"keras {keras.__version__} (tensorflow {__import__('tensorflow').__version__} backend)",
    script="tests/corpus/scripts/keras_fit.py",
    record=(
        "model.fit(...).history (Keras' History callback) for the epoch-end values; the logs Keras' "
        "Progbar was given for each bar state it printed within an epoch"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "the time per step and the ETA/elapsed time the bar prints ('1s 12ms/step')",
        "learning rate",
    ],
    notes=(
        "Step = the optimizer's iteration count (epoch-1) x steps per epoch + the bar position; Keras "
        "shows 'Epoch 3/6' and the position 'n/16'. Points within an epoch are the running means the "
        "bar showed at that position (one point per drawn position; a redraw at the same position is one "
        "point); the epoch-end values (position 16/16, with val_* and learning_rate) are History's and "
        "are asserted equal to it. 'Epoch 5: ReduceLROnPlateau reducing learning rate to 0.0049999...' "
        "prints the learning rate of the NEXT epoch (History's learning_rate of epoch 6): listed in "
        "extra_ok as 'learning rate', not a point of learning_rate."
        + (
            " model.summary() prints a boxed table first ('Model: \"sequential\"', rows 'dense (Dense)  "
            "(None, 256)  5,376', 'Total params: 5,633 (22.00 KB)', 'Trainable params: ...'): layer shapes and "
            "parameter counts, none of them metrics. Under a terminal Keras draws it with rich (box characters "
            "and colours)."
            if args.summary
            else ""
        )
        + (
            " Fed by a generator of unknown length: during epoch 1 the bar shows '     17/Unknown 1s 4ms/step - "
            "accuracy: ... - loss: ...' (no total, no bar); from epoch 2 on Keras knows the 94 steps."
            if args.unknown
            else ""
        )
        + (
            " With EarlyStopping and ModelCheckpoint (verbose=1): 'Epoch 1: val_loss improved from inf to "
            "0.14282, saving model to /tmp/keras-ckpt-.../best.keras' and 'Epoch 4: val_loss did not improve "
            "from 0.13076' print val_loss values that are already points (this epoch's value, or the best so far "
            "from an earlier epoch, rounded to 5 decimals): they are not new points. 'Epoch 7: early stopping' and "
            "'Restoring model weights from the end of the best epoch: 5.' hold counters, not metrics."
            if args.early
            else ""
        )
    ),
)
