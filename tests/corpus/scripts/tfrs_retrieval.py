"""TensorFlow Recommenders: the basic retrieval tutorial's two-tower model on synthetic
(user, item) pairs, fit with validation, then evaluate(return_dict=True) printed.

tfrs 0.7.7 needs Keras 2: run with TF_USE_LEGACY_KERAS=1 (tf.keras is then tf_keras 2.21).
fit(verbose default) draws Keras 2's Progbar: 'Epoch 1/3', '8/8 [====] - 2s 60ms/step -
factorized_top_k/top_1_categorical_accuracy: 0.0050 - ... - loss: 520.3 - regularization_loss:
0.0000e+00 - total_loss: 520.3 - val_factorized_top_k/...'; piped, Keras 2 writes a whole bar
line each time it redraws (every 0.05 s and at the epoch end), under a terminal it redraws with
'\\r'. evaluate() draws its own bar, then the script prints the returned dict.

Truth: every Progbar state that was actually drawn, with the values Keras' own Progbar showed
(the Progbar's running means for the names it averages, the given value for stateful metrics),
noted by wrapping tf_keras' Progbar.update (drawn = _last_update moved, as Keras decides). Fit
bars: step = Keras' iteration count (epoch-1)*steps + position, epoch 1-based. The evaluate bar
and the printed dict (model.evaluate's return) are test values placed at the last fit step under
the names they print.

Versions: tensorflow-recommenders 0.7.7, tensorflow-cpu 2.21.0, tf_keras 2.21.0, numpy 2.4.6,
Python 3.11 (venv /work/venvs/corpus-zAD-3: pip install tensorflow-cpu tf-keras
tensorflow-recommenders spektral). ~20 s of CPU.
Captures (repository root):
    TF_USE_LEGACY_KERAS=1 python tests/corpus/scripts/capture.py pipe real_tfrs_retrieval -- python tests/corpus/scripts/tfrs_retrieval.py
    TF_USE_LEGACY_KERAS=1 python tests/corpus/scripts/capture.py pty real_tfrs_retrieval_pty -- python tests/corpus/scripts/tfrs_retrieval.py
"""

import os
import sys
from importlib import metadata

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import tensorflow as tf
import tensorflow_recommenders as tfrs
from tf_keras.src.utils import generic_utils

sys.path.insert(0, os.path.dirname(__file__))

import _truth

DRAWN = []  # (context, epoch, position, target, {name: shown value})
CTX = {"phase": "fit", "epoch": 0}
_update = generic_utils.Progbar.update


def _recording_update(self, current, values=None, finalize=None):
    before = self._last_update
    _update(self, current, values, finalize)
    fin = finalize if finalize is not None else (self.target is not None and current >= self.target)
    drawn = (self._last_update != before) if self.verbose == 1 else bool(fin)
    if drawn:
        shown = {}
        for k in self._values_order:
            v = self._values[k]
            shown[k] = float(v[0] / max(1, v[1])) if isinstance(v, list) else float(v)
        DRAWN.append((CTX["phase"], CTX["epoch"], int(current), self.target, shown))


generic_utils.Progbar.update = _recording_update


class EpochNumber(tf.keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        CTX["epoch"] = epoch + 1


tf.random.set_seed(0)
rng = np.random.default_rng(0)
USERS, ITEMS, N = 200, 100, 2400
users = rng.integers(USERS, size=N)
items = ((users % 10) * 10 + rng.integers(10, size=N)) % ITEMS  # each user likes a band of items
user_ids = np.array([f"u{u}" for u in users])
item_ids = np.array([f"i{i}" for i in items])
all_items = np.array([f"i{i}" for i in range(ITEMS)])
pairs = tf.data.Dataset.from_tensor_slices({"user_id": user_ids, "item_id": item_ids})
train = pairs.take(2000).shuffle(2000, seed=0, reshuffle_each_iteration=False).batch(256)
test = pairs.skip(2000).batch(200)
candidates = tf.data.Dataset.from_tensor_slices(all_items)

dim = 16
user_model = tf.keras.Sequential(
    [
        tf.keras.layers.StringLookup(vocabulary=np.unique(user_ids), mask_token=None),
        tf.keras.layers.Embedding(USERS + 1, dim),
    ]
)
item_model = tf.keras.Sequential(
    [
        tf.keras.layers.StringLookup(vocabulary=all_items, mask_token=None),
        tf.keras.layers.Embedding(ITEMS + 1, dim),
    ]
)
task = tfrs.tasks.Retrieval(
    metrics=tfrs.metrics.FactorizedTopK(
        candidates=candidates.batch(50).map(item_model), ks=(1, 5, 10)
    )
)


class Model(tfrs.Model):
    def __init__(self):
        super().__init__()
        self.user_model = user_model
        self.item_model = item_model
        self.task = task

    def compute_loss(self, features, training=False):
        return self.task(self.user_model(features["user_id"]), self.item_model(features["item_id"]))


model = Model()
model.compile(optimizer=tf.keras.optimizers.Adagrad(learning_rate=0.5))
history = model.fit(train, epochs=3, validation_data=test, callbacks=[EpochNumber()])
CTX["phase"] = "evaluate"
result = model.evaluate(test, return_dict=True)
print(result)

series = _truth.Series()
steps_per_epoch = None
for phase, epoch, pos, target, shown in DRAWN:
    if phase == "fit":
        steps_per_epoch = target
        for name, value in shown.items():
            series.add(name, (epoch - 1) * target + pos, epoch, value)
last_step = 3 * steps_per_epoch
for phase, _epoch, _pos, _target, shown in DRAWN:
    if phase == "evaluate":
        for name, value in shown.items():
            series.add(name, last_step, None, value)
for name, value in result.items():
    series.add(name, last_step, None, value)

_truth.write(
    library=f"tensorflow-recommenders {tfrs.__version__} (tensorflow {tf.__version__}, tf_keras "
    f"{metadata.version('tf_keras')}, numpy {np.__version__})",
    script="tests/corpus/scripts/tfrs_retrieval.py",
    record="every drawn state of tf_keras' Progbar with the values it showed (Progbar.update "
    "wrapped); model.evaluate(return_dict=True)",
    step_kind="global",
    series=series,
    extra_ok=["time per step (ms/step, s/step) and the epoch's elapsed seconds the bar prints"],
    not_printed=[],
    notes="Fit bars: 'Epoch 1/3' then states like '3/8 [==========>...................] - ETA: 0s - "
    "factorized_top_k/top_1_categorical_accuracy: 0.0000e+00 - factorized_top_k/top_5_categorical_"
    "accuracy: 0.0052 - factorized_top_k/top_10_categorical_accuracy: 0.0391 - loss: 1411.5741 - "
    "regularization_loss: 0.0000e+00 - total_loss: 1411.5741' (names contain '/'). Piped, Keras 2 "
    "writes each state with no line break between them (only the epoch's last state ends the "
    "line), so one physical line holds all the states of an epoch, the next state's '2/8 [' glued "
    "to the previous value ('total_loss: 1419.59672/8 [======>'), or padded with spaces when "
    "shorter. Each epoch draws position 8/8 twice: the batch end ('8/8 [...] - ETA: 0s - ... - "
    "loss: 1182.5774') and the epoch end ('8/8 [...] - 20s 636ms/step - ... - loss: 1136.5893 - "
    "... - val_loss: 681.7799 - val_regularization_loss: 0.0000e+00 - val_total_loss: 681.7799'): "
    "Keras' Progbar averages the losses tfrs returns per batch and the epoch-end update adds one "
    "more value, so the two differ (both are in the series, same step, in print order; History "
    "keeps the last batch's loss, not printed). Step = (epoch-1)*steps_per_epoch + bar position. "
    "Then evaluate()'s bar ('1/2 [...] - ETA: 0s - ... - loss: 651.7170 ...', '2/2 [...] - 0s "
    "149ms/step - ...') and the printed dict \"{'factorized_top_k/top_1_categorical_accuracy': "
    "0.0724999979, ..., 'loss': 664.434326171875, 'regularization_loss': 0.0, 'total_loss': ...}\" "
    "(the dict's loss is the last batch's, not the bar's mean): test values, held under the same "
    "names at the last fit step, after the fit's points.",
)
