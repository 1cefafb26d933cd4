"""Keras 3 model.fit reporting through tqdm's Keras callback (`tqdm.keras.TqdmCallback`), on
synthetic binary data, CPU.

- tqdm1: fit(verbose=0, callbacks=[TqdmCallback(verbose=1)]) - tqdm's README usage: an epoch bar
  ('100%|██████████| 5/5 [00:02<00:00, 2.1epoch/s, accuracy=0.89, loss=0.271, val_accuracy=0.875,
  val_loss=0.29]') and a transient batch bar below it ('40/40 [00:00<00:00, 98.1batch/s,
  accuracy=0.893, loss=0.27]'), both on stderr.
- v2_csv: fit(verbose=2, callbacks=[TqdmCallback(verbose=2), CSVLogger(...)]) - Keras' own line per
  epoch on stdout ('Epoch 1/5', '40/40 - 1s - 15ms/step - accuracy: … - loss: … - val_accuracy: …')
  plus tqdm's batch bar kept per epoch (verbose=2: leave=True) and the epoch bar on stderr;
  CSVLogger writes a file only.
- both: fit(verbose=1, callbacks=[TqdmCallback(verbose=0)]) - Keras' own bar on stdout and tqdm's
  epoch bar on stderr at once.

Truth: model.fit(...).history (Keras' History callback; equal to the CSVLogger file, asserted) for
the epoch-end values, and the logs Keras handed TqdmCallback at each batch for each bar state tqdm
actually drew (tqdm.display hooked; set_postfix noted), one point per (name, step).

Versions: keras 3.15.1, tensorflow-cpu 2.21.0 backend, tqdm 4.70.1, Python 3.11 (venv corpus-zP-1).
Capture (repository root, venv corpus-zP-1):
    python tests/corpus/scripts/capture.py pipe real_keras_tqdm_callback -- python tests/corpus/scripts/keras_tqdm_callback.py tqdm1
    python tests/corpus/scripts/capture.py pty real_keras_tqdm_callback_pty -- python tests/corpus/scripts/keras_tqdm_callback.py tqdm1
    python tests/corpus/scripts/capture.py pipe real_keras_tqdm_v2_csvlogger -- python tests/corpus/scripts/keras_tqdm_callback.py v2_csv
    python tests/corpus/scripts/capture.py pty real_keras_tqdm_v2_csvlogger_pty -- python tests/corpus/scripts/keras_tqdm_callback.py v2_csv
    python tests/corpus/scripts/capture.py pipe real_keras_tqdm_with_keras_bar -- python tests/corpus/scripts/keras_tqdm_callback.py both
    python tests/corpus/scripts/capture.py pty real_keras_tqdm_with_keras_bar_pty -- python tests/corpus/scripts/keras_tqdm_callback.py both
"""

import csv
import os
import sys
import tempfile

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
sys.path.insert(0, os.path.dirname(__file__))

import _truth
import keras
import numpy as np
import tqdm
import tqdm.std
from tqdm.keras import TqdmCallback

MODE = sys.argv[1] if len(sys.argv) > 1 else "tqdm1"

KEY = [
    None
]  # what the logs being handed to tqdm belong to: ("batch", epoch, batch) / ("epoch", epoch)
DRAWN = []  # (bar unit, key, {name: value}) for each state tqdm drew
_set_postfix = tqdm.std.tqdm.set_postfix
_display = tqdm.std.tqdm.display


def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    self._zp_logs = (KEY[0], {k: float(v) for k, v in (ordered_dict or {}).items()})
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


def display(self, *a, **k):
    logs = getattr(self, "_zp_logs", None)
    if logs is not None:
        DRAWN.append((self.unit, logs[0], logs[1]))
    return _display(self, *a, **k)


tqdm.std.tqdm.set_postfix = set_postfix
tqdm.std.tqdm.display = display


class Key(keras.callbacks.Callback):
    """Placed before TqdmCallback: notes which batch/epoch the next logs belong to."""

    def on_train_batch_end(self, batch, logs=None):
        KEY[0] = ("batch", self._epoch, batch)

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = epoch

    def on_epoch_end(self, epoch, logs=None):
        KEY[0] = ("epoch", epoch)


keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(1600, 20)).astype("float32")
w = rng.normal(size=(20,))
y = ((x @ w + 0.8 * rng.normal(size=1600)) > 0).astype("float32")
x_val, y_val = x[1280:], y[1280:]
x, y = x[:1280], y[:1280]
BATCH, EPOCHS = 32, 5
steps = len(x) // BATCH

model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(1e-2), loss="binary_crossentropy", metrics=["accuracy"]
)

csv_path = None
if MODE == "tqdm1":
    callbacks = [Key(), TqdmCallback(verbose=1)]
    verbose = 0
elif MODE == "both":
    import _keras_bar  # wraps Keras' Progbar.update to note the drawn states

    callbacks = [_keras_bar.EpochNumber(), Key(), TqdmCallback(verbose=0)]
    verbose = 1
else:
    csv_path = os.path.join(tempfile.mkdtemp(prefix="zP-csvlogger-"), "training.log")
    callbacks = [Key(), TqdmCallback(verbose=2), keras.callbacks.CSVLogger(csv_path)]
    verbose = 2
hist = model.fit(
    x,
    y,
    batch_size=BATCH,
    epochs=EPOCHS,
    validation_data=(x_val, y_val),
    verbose=verbose,
    callbacks=callbacks,
)
h = hist.history
if csv_path:
    with open(csv_path) as fh:
        rows = list(csv.DictReader(fh))
    for name, vals in h.items():
        assert [float(r[name]) for r in rows] == [float(v) for v in vals], name
    os.remove(csv_path)
    os.rmdir(os.path.dirname(csv_path))

# ---- ground truth (written only under capture.py) ----
points = {}  # (name, step) -> [step, epoch, value], in first-print order
for _unit, key, logs in DRAWN:
    if key is None:
        continue
    if key[0] == "batch":
        step, ep = key[1] * steps + key[2] + 1, key[1] + 1
    else:
        step, ep = (key[1] + 1) * steps, key[1] + 1
        for name, vals in h.items():
            assert logs[name] == float(vals[key[1]]), (name, key)
    for name, value in logs.items():
        old = points.setdefault((name, step), [step, ep, value])
        assert old[2] == value, (name, step, old, value)
if MODE == "both":  # Keras' own bar: the drawn states (running means; History at the epoch end)
    for _ctx, ep, pos, _target, values in _keras_bar.states():
        for name, value in values.items():
            step = (ep - 1) * steps + pos
            old = points.setdefault((name, step), [step, ep, value])
            assert old[2] == value, (name, step, old, value)
if verbose == 2:  # Keras' own epoch lines: History
    for ep in range(EPOCHS):
        for name, vals in h.items():
            old = points.setdefault(
                (name, (ep + 1) * steps), [(ep + 1) * steps, ep + 1, float(vals[ep])]
            )
            assert old[2] == float(vals[ep])
series = _truth.Series()
for (name, _), (step, ep, value) in sorted(points.items(), key=lambda kv: (kv[1][0], kv[0][0])):
    series.add(name, step, ep, value)

common = (
    "tqdm's bars go to stderr with \\r redraws in both modes (a pipe too); set_postfix renders each "
    "float with 3 significant digits ('loss=0.271'); the batch bar's postfix holds the running "
    "means Keras hands on_train_batch_end (keys 'accuracy', 'loss'), the epoch bar's the epoch logs "
    "(History: accuracy, loss, val_accuracy, val_loss), sorted by name as tqdm shows them. Every "
    "state tqdm drew is a point (one per name and step: a redraw of the same logs - e.g. a batch bar "
    "reset to 0/40 at the next epoch still shows the last batch's postfix, and the epoch bar's logs "
    "equal the last batch's running means - is the same point). Step = epoch x 40 + batch position "
    "(Keras counts batches per epoch; 40 per epoch); epoch 1-based. The bars' percentages, n/total, "
    "elapsed/remaining times are not metrics; it/s ('2.13epoch/s', '98.1batch/s') is throughput."
)
if MODE == "tqdm1":
    notes = (
        "fit(verbose=0) with TqdmCallback(verbose=1): Keras prints nothing itself; tqdm draws an epoch "
        "bar '100%|██████████| 5/5 [00:01<00:00,  3.05epoch/s, accuracy=0.905, loss=0.233, "
        "val_accuracy=0.897, val_loss=0.264]' and a transient batch bar (leave=False, cleared at the end) "
        "'  0%|          | 0/40 [00:00<?, ?batch/s]' / '100%|██████████| 40/40 [00:00<00:00, 98.1batch/s, "
        "accuracy=0.9, loss=0.24]' redrawn below it (under a terminal on the next line, moved with "
        "ESC[A; in a pipe both bars' \\r states interleave on one line). " + common
    )
elif MODE == "both":
    notes = (
        "fit(verbose=1) with TqdmCallback(verbose=0) (a user who adds tqdm's callback but keeps Keras' "
        "bar): Keras' bar on stdout, 'Epoch 1/5' and '40/40 ━━━━━━━━━━━━━━━━━━━━ 1s 9ms/step - accuracy: "
        "0.8250 - loss: 0.3931 - val_accuracy: 0.9219 - val_loss: 0.2051' (ANSI, \\b/\\r redraws in both "
        "modes; only some positions drawn, at most every 0.05 s), and tqdm's epoch bar on stderr "
        "'20%|██        | 1/5 [00:01<00:05,  1.35s/epoch, accuracy=0.825, loss=0.393, val_accuracy=0.922, "
        "val_loss=0.205]' (no batch bar with verbose=0). Keras' in-epoch points are the running means its "
        "bar showed; its epoch-end state and tqdm's epoch bar are History's values (one point per name and "
        "step). " + common
    )
else:
    notes = (
        "fit(verbose=2) with TqdmCallback(verbose=2) and CSVLogger: Keras' own lines on stdout 'Epoch "
        "1/5' and '40/40 - 1s - 18ms/step - accuracy: 0.8133 - loss: 0.4300 - val_accuracy: 0.8625 - "
        "val_loss: 0.3247' (History; Keras flushes stdout, so in a pipe these land right after a tqdm "
        "state on the same line: '… val_loss=0.205]40/40 - 1s - 28ms/step - accuracy: 0.8250 - …'), a "
        "batch bar per epoch kept on screen (leave=True; unit_scale=1/1 makes tqdm show '24.0/40.0') and "
        "the epoch bar (first drawn as '0epoch [00:00, ?epoch/s]'). CSVLogger writes only its file "
        "(asserted equal to History). " + common
    )
_truth.write(
    library=f"keras {keras.__version__} (tensorflow {__import__('tensorflow').__version__} backend), "
    f"tqdm {tqdm.__version__}",
    script="tests/corpus/scripts/keras_tqdm_callback.py",
    record=(
        "model.fit(...).history (Keras' History callback; CSVLogger's file asserted equal) and the "
        "batch logs Keras handed TqdmCallback for each bar state tqdm drew (mode both: the logs Keras' own "
        "Progbar was given at each state it drew)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "tqdm's rate ('3.05epoch/s', '98.1batch/s') and Keras' time per step ('18ms/step')",
    ],
    not_printed=[],
    notes=notes,
)
