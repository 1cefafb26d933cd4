"""Keras 2 (tf.keras of TensorFlow 2.15, the keras 2.15 package) model.fit / model.evaluate on
synthetic data, with the callbacks users stacked in the TF 2.x era: EarlyStopping(verbose=1),
ReduceLROnPlateau(verbose=1), ModelCheckpoint(verbose=1, save_best_only) and CSVLogger.

- v1: binary MLP, fit(verbose=1, validation_split=0.2), then evaluate(verbose=1) and the
      mnist_mlp example's prints ('Test loss:', score[0]).
- v1data: as v1 but fed a tf.data generator of unknown length (epoch 1's bar has no total:
      '     57/Unknown - 1s 5ms/step - loss: ...') with validation_data as a dataset, no checkpoint.
- v2: 3-class MLP with model.summary(), fit(verbose=2, validation_split=0.15) with top-2 accuracy,
      evaluate(verbose=2).

Truth: the CSVLogger file (Keras' own per-epoch record, read back at full precision) for the
epoch-end values; the logs Keras' Progbar was given for each bar state it drew within an epoch
(Progbar.update is wrapped to note which updates drew; Keras 2's ProgbarLogger marks every metric
stateful, so the bar shows the logs as given); model.evaluate()'s returned values and its drawn
bar states for the test evaluation.

Versions: tensorflow-cpu 2.15.1 (keras 2.15.0), numpy 1.26.4, Python 3.11
(venv /work/venvs/corpus-zAZ-1). Seeds fixed; checkpoints and CSV under /tmp.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_tf_keras2_fit_v1 -- python tests/corpus/scripts/tf_keras2_fit.py v1
    python tests/corpus/scripts/capture.py pty  real_tf_keras2_fit_v1_pty -- python tests/corpus/scripts/tf_keras2_fit.py v1
    python tests/corpus/scripts/capture.py pipe real_tf_keras2_fit_unknown -- python tests/corpus/scripts/tf_keras2_fit.py v1data
    python tests/corpus/scripts/capture.py pipe real_tf_keras2_fit_v2 -- python tests/corpus/scripts/tf_keras2_fit.py v2
    python tests/corpus/scripts/capture.py pty  real_tf_keras2_fit_v2_pty -- python tests/corpus/scripts/tf_keras2_fit.py v2
"""

import csv
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from keras.src.utils import generic_utils as _gu  # noqa: E402  (tf.keras 2.15's Progbar)

mode = sys.argv[1]
DRAWN = []  # (context, epoch, position, target, {name: value})
CTX = ["fit", 0]
_update = _gu.Progbar.update


def _recording_update(self, current, values=None, finalize=None):
    before = self._last_update
    _update(self, current, values, finalize)
    fin = finalize if finalize is not None else (self.target is not None and current >= self.target)
    drawn = (self._last_update != before) if self.verbose == 1 else bool(fin)
    if drawn:
        DRAWN.append((CTX[0], CTX[1], int(current), self.target,
                      {k: float(v) for k, v in (values or [])}))


_gu.Progbar.update = _recording_update


class EpochNumber(tf.keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        CTX[1] = epoch + 1


tf.keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
n, d = 4000, 24
x = rng.normal(size=(n, d)).astype("float32")
w = rng.normal(size=(d, 3))
logits = x @ w + 1.5 * rng.normal(size=(n, 3))
if mode in ("v1", "v1data"):
    y = (logits[:, 0] > 0).astype("float32")
else:
    y = logits.argmax(1).astype("int64")
x_train, y_train, x_test, y_test = x[:3200], y[:3200], x[3200:], y[3200:]
print("x_train shape:", x_train.shape)
print(x_train.shape[0], "train samples")
print(x_test.shape[0], "test samples")

work = f"/tmp/zaz_keras2_{mode}"
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
csv_path = os.path.join(work, "training.log")

if mode in ("v1", "v1data"):
    model = tf.keras.Sequential([
        tf.keras.layers.Dense(128, activation="relu", input_shape=(d,)),
        tf.keras.layers.Dropout(0.3),
        tf.keras.layers.Dense(64, activation="relu"),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(3e-3), loss="binary_crossentropy",
                  metrics=["accuracy"])
    verbose, split, epochs, bs = 1, 0.2, 14, 64
    if mode == "v1data":
        epochs = 6
else:
    model = tf.keras.Sequential([
        tf.keras.layers.Dense(64, activation="relu", input_shape=(d,)),
        tf.keras.layers.Dense(32, activation="relu"),
        tf.keras.layers.Dense(3, activation="softmax"),
    ])
    model.compile(optimizer=tf.keras.optimizers.RMSprop(1e-2), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy", tf.keras.metrics.SparseTopKCategoricalAccuracy(k=2, name="top2")])
    model.summary()
    verbose, split, epochs, bs = 2, 0.15, 16, 128

callbacks = [
    EpochNumber(),
    tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, verbose=1, restore_best_weights=True),
    tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.3, patience=1, min_lr=1e-5, verbose=1),
    tf.keras.callbacks.ModelCheckpoint(os.path.join(work, "best.h5"), monitor="val_accuracy",
                                       save_best_only=True, verbose=1),
    tf.keras.callbacks.CSVLogger(csv_path),
]
if mode == "v1data":
    def gen():
        r = np.random.default_rng(7)
        idx = r.permutation(2800)
        for i in range(0, 2800, 32):
            yield x_train[idx[i:i + 32]], y_train[idx[i:i + 32]]

    spec = (tf.TensorSpec((None, d), tf.float32), tf.TensorSpec((None,), tf.float32))
    train_ds = tf.data.Dataset.from_generator(gen, output_signature=spec)
    val_ds = tf.data.Dataset.from_tensor_slices((x_train[2800:], y_train[2800:])).batch(64)
    callbacks = [c for c in callbacks if not isinstance(c, tf.keras.callbacks.ModelCheckpoint)]
    hist = model.fit(train_ds, validation_data=val_ds, epochs=epochs, verbose=1, callbacks=callbacks)
else:
    hist = model.fit(x_train, y_train, batch_size=bs, epochs=epochs, verbose=verbose,
                     validation_split=split, callbacks=callbacks)
CTX[:] = ["evaluate", None]
score = model.evaluate(x_test, y_test, verbose=verbose)
print("Test loss:", score[0])
print("Test accuracy:", score[1])
if mode == "v2":
    print("Test top-2 accuracy:", score[2])

# ---- ground truth ----
with open(csv_path) as fh:
    rows = list(csv.DictReader(fh))
series = _truth.Series()
spe = int(next(t for c, _, _, t, _ in DRAWN if c == "fit" and t))
merged = {}
for ctx, epoch, pos, target, values in DRAWN:
    merged.setdefault((ctx, epoch, pos), {}).update(values)
csv_by_epoch = {int(r["epoch"]) + 1: r for r in rows}
for (ctx, epoch, pos), values in merged.items():
    for name, value in values.items():
        if ctx == "fit":
            step = (epoch - 1) * spe + pos
            if pos == spe:  # the epoch-end state: CSVLogger's row, asserted equal
                rec = float(csv_by_epoch[epoch][name])
                assert np.float32(rec) == np.float32(value), (name, epoch, rec, value)
                value = rec
            series.add(name, step, epoch, value)
        else:
            series.add(name, None, None, value)
# the final evaluate state = the returned values
ev = [v for c, _, _, _, v in DRAWN if c == "evaluate"][-1]
assert [np.float32(ev[k]) for k in model.metrics_names] == [np.float32(s) for s in score]
# the user's own prints of evaluate()'s return values, under the names they print
for name, v in zip(["Test loss", "Test accuracy", "Test top-2 accuracy"], score):
    series.add(name, None, None, v)
shutil.rmtree(work)

stopped = len(rows)
_truth.write(
    library=f"keras {__import__('keras').__version__} (tf.keras of tensorflow-cpu {tf.__version__})",
    script="tests/corpus/scripts/tf_keras2_fit.py",
    record=("CSVLogger's training.log (epoch-end loss/accuracy/val_*/lr at full precision); the logs Keras' "
            "Progbar was given for each bar state it drew within an epoch; model.evaluate()'s return values "
            "(and its drawn bar states)"),
    step_kind="global",
    series=series,
    extra_ok=["the elapsed time, ETA and time per step the bar prints ('1s 3ms/step', '0s - 2ms/step')",
              "new learning rate in 'ReduceLROnPlateau reducing learning rate to 0.0009000000427477062.' "
              "(the lr of the NEXT epoch)"],
    not_printed=[],
    notes=(
        f"Step = (epoch-1) x {spe} steps per epoch + bar position (Keras shows 'Epoch 3/{epochs}' and "
        f"'n/{spe}'); epoch = Keras' 1-based epoch. Training stopped early after {stopped} epochs. "
        "Epoch-end values are CSVLogger's (asserted equal as float32 to what the bar showed); 'lr' is "
        "ReduceLROnPlateau's log entry, shown by the bar as '- lr: 0.0030' and written to the CSV. "
        + ("verbose=1: Keras 2's Progbar treats any POSIX system as a dynamic display, so even piped it "
           "redraws with backspaces and '\\r' ('\\b\\b\\b...\\r 10/40 [======>.......] - ETA: 0s - loss: 0.6 - "
           "accuracy: 0.5'); the in-epoch states are running means of the epoch so far (one point per drawn "
           "position, a redraw at one position is one point). "
           + ("Fed by a generator of unknown length: during epoch 1 the bar shows '     57/Unknown - 1s 5ms/step - "
              "loss: ... - accuracy: ...' (no total, no bar; Keras knows the 88 steps from epoch 2 on); validation_data "
              "is a dataset; no ModelCheckpoint. " if mode == "v1data" else "")
           if mode in ("v1", "v1data") else
           "verbose=2: one line per epoch '23/23 - 0s - loss: 0.7 - accuracy: 0.6 - top2: 0.9 - val_loss: ... "
           "- lr: 0.0100 - 52ms/epoch - 2ms/step'. model.summary() prints a plain-text table first (layer "
           "output shapes, parameter counts: not metrics). ")
        + ("Callback lines: 'Epoch 1: val_accuracy improved from -inf to 0.83750, saving model to /tmp/...' "
           "and 'Epoch 4: val_accuracy did not improve from 0.85' repeat val_accuracy values (5 decimals) that are "
           "already points; " if mode != "v1data" else "Callback lines: ")
        + "'Epoch 6: ReduceLROnPlateau reducing learning rate to 0.0009...' prints the next lr "
        "(extra_ok); 'Restoring model weights from the end of the best epoch: 5.' and 'Epoch 9: early stopping' "
        "are counters. After fit, evaluate() draws its own bar with loss/accuracy over the test set (points with "
        "step null, after the fit points), then the user prints 'Test loss: 0.2987...' and 'Test accuracy: ...' with repr precision "
        "(evaluate()'s returned values: series of their own under the printed names, step null)."
    ),
)
