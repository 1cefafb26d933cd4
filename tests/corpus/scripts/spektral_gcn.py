"""Spektral's GCN node classification (its citation/gcn.py example) on a synthetic graph, fit with
Keras' fit(verbose=2): one line per epoch.

The example builds GCN(n_labels), compiles with CategoricalCrossentropy(reduction="sum") and
weighted_metrics=["acc"], fits a SingleLoader with train/validation masks as sample weights, and
prints model.evaluate's result ('Test loss: ...', 'Test accuracy: ...'). Spektral 1.3.1 needs
Keras 2: run with TF_USE_LEGACY_KERAS=1 (tf.keras is then tf_keras 2.21).

Truth: model.fit(...).history (Keras' History callback: loss, acc, val_loss, val_acc per epoch)
and the list model.evaluate returned.

Versions: spektral 1.3.1, tensorflow-cpu 2.21.0, tf_keras 2.21.0, numpy 2.4.6, scipy 1.17.1,
Python 3.11 (venv /work/venvs/corpus-zAD-3, see tfrs_retrieval.py). ~10 s of CPU.
Capture (repository root):
    TF_USE_LEGACY_KERAS=1 python tests/corpus/scripts/capture.py pipe real_spektral_gcn -- python tests/corpus/scripts/spektral_gcn.py
"""

import os
import sys
from importlib import metadata

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import scipy.sparse as sp
import tensorflow as tf
from spektral.data import Dataset, Graph, SingleLoader
from spektral.layers import GCNConv
from spektral.models.gcn import GCN
from spektral.transforms import LayerPreprocess
from tensorflow.keras.losses import CategoricalCrossentropy
from tensorflow.keras.optimizers import Adam

sys.path.insert(0, os.path.dirname(__file__))

import _truth

tf.random.set_seed(0)
rng = np.random.default_rng(0)
N, F, C = 300, 16, 3
labels = rng.integers(C, size=N)
x = rng.normal(size=(N, F)).astype(np.float32) + 0.6 * np.eye(C, F)[labels]
# a stochastic block graph: same-label nodes link far more often
same = labels[:, None] == labels[None, :]
prob = np.where(same, 0.06, 0.005)
upper = np.triu(rng.random((N, N)) < prob, 1)
a = sp.csr_matrix((upper | upper.T).astype(np.float32))
y = np.eye(C, dtype=np.float32)[labels]
idx = rng.permutation(N)
mask_tr, mask_va, mask_te = (np.zeros(N, bool) for _ in range(3))
mask_tr[idx[:60]], mask_va[idx[60:160]], mask_te[idx[160:]] = True, True, True


class Synthetic(Dataset):
    def read(self):
        return [Graph(x=x, a=a, y=y)]


dataset = Synthetic(transforms=[LayerPreprocess(GCNConv)])


def mask_to_weights(mask):
    return mask.astype(np.float32) / np.count_nonzero(mask)


w_tr, w_va, w_te = map(mask_to_weights, (mask_tr, mask_va, mask_te))
model = GCN(n_labels=dataset.n_labels)
model.compile(
    optimizer=Adam(0.01),
    loss=CategoricalCrossentropy(reduction="sum"),
    weighted_metrics=["acc"],
)
loader_tr = SingleLoader(dataset, sample_weights=w_tr)
loader_va = SingleLoader(dataset, sample_weights=w_va)
history = model.fit(
    loader_tr.load(),
    steps_per_epoch=loader_tr.steps_per_epoch,
    validation_data=loader_va.load(),
    validation_steps=loader_va.steps_per_epoch,
    epochs=15,
    verbose=2,
)
print("Evaluating model.")
loader_te = SingleLoader(dataset, sample_weights=w_te)
eval_results = model.evaluate(loader_te.load(), steps=loader_te.steps_per_epoch)
print("Done.\nTest loss: {}\nTest accuracy: {}".format(*eval_results))

series = _truth.Series()
for name, values in history.history.items():
    for i, v in enumerate(values):
        series.add(name, i + 1, i + 1, v)
series.add("Test loss", 15, None, eval_results[0])
series.add("Test accuracy", 15, None, eval_results[1])

_truth.write(
    library=f"spektral {metadata.version('spektral')} (tensorflow {tf.__version__}, tf_keras "
    f"{metadata.version('tf_keras')}, numpy {np.__version__})",
    script="tests/corpus/scripts/spektral_gcn.py",
    record="model.fit(...).history (Keras' History) and the list model.evaluate returned",
    step_kind="epoch",
    series=series,
    extra_ok=["the epoch's elapsed time and time per epoch / per step"],
    not_printed=[],
    notes="fit(verbose=2): 'Epoch 1/15' then '1/1 - 2s - loss: 1.0926 - acc: 0.3833 - val_loss: "
    "1.0771 - val_acc: 0.5400 - 2s/epoch - 2s/step' (one step per epoch: the whole graph). "
    "Then 'Evaluating model.', evaluate()'s bar '1/1 [==============================] - 0s "
    "91ms/step - loss: 1.0 - acc: 0.8' (the same two test values as printed below, at 4 "
    "decimals, under the names loss and acc), and 'Test loss: 0.95...' / 'Test accuracy: "
    "0.82...' (full precision). The truth holds the test values once, as 'Test loss' and 'Test "
    "accuracy' placed after the last epoch; the evaluate bar's 'loss'/'acc' repeat them "
    "(a reader storing them under loss/acc adds a point after the fit's last).",
)
