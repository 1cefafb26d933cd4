"""DeepCTR-Torch: DeepFM on a synthetic click-through table (sparse categorical fields + dense
features), the library's run_classification_criteo.py example: compile("adagrad",
"binary_crossentropy", metrics=["binary_crossentropy", "auc"]), fit(validation_split=0.2), then
'test LogLoss' / 'test AUC' printed with round(..., 4).

Versions: deepctr-torch 0.3.0, torch 2.13.0+cpu, scikit-learn 1.9.1, numpy 2.4.6, tqdm 4.70.1,
Python 3.11 (venv /work/venvs/corpus-zd-1; deepctr-torch imports requests without declaring it).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_deepctr_deepfm -- python tests/corpus/scripts/deepctr_deepfm.py 2
    python tests/corpus/scripts/capture.py pipe real_deepctr_deepfm_bar -- python tests/corpus/scripts/deepctr_deepfm.py 1
    python tests/corpus/scripts/capture.py pty real_deepctr_deepfm_bar_pty -- python tests/corpus/scripts/deepctr_deepfm.py 1
(the argument is fit's verbose: 2 = one line per epoch, as the example; 1 adds a tqdm bar per
epoch, a bar with no total since it wraps enumerate(DataLoader)).
Truth: the History callback fit() returns (history.history, per epoch: loss, binary_crossentropy,
auc, val_binary_crossentropy, val_auc); the test figures are the script's log_loss /
roc_auc_score returns. On import deepctr_torch starts a thread asking PyPI for its latest
version; offline it prints 'Please check the latest version manually on https://pypi.org/...'
(where that line lands depends on the thread).
"""

import os
import sys
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import torch
from deepctr_torch.inputs import DenseFeat, SparseFeat, get_feature_names
from deepctr_torch.models import DeepFM
from sklearn.metrics import log_loss, roc_auc_score

SCRIPT = "tests/corpus/scripts/deepctr_deepfm.py"
verbose = int(sys.argv[1])
torch.manual_seed(0)
rng = np.random.RandomState(0)
n = 2000
sparse = {f"C{i}": rng.randint(0, 12, n) for i in range(1, 6)}
dense = {f"I{i}": rng.rand(n).astype("float32") for i in range(1, 4)}
logit = (
    0.9 * (sparse["C1"] % 3 == 0)
    - 0.7 * (sparse["C2"] > 7)
    + 0.8 * (sparse["C3"] % 4 == 1) * (sparse["C4"] < 6)
    + 1.2 * dense["I1"]
    - 0.6 * dense["I2"]
    - 0.5
)
y = (rng.rand(n) < 1 / (1 + np.exp(-2 * logit))).astype("float32")

columns = [SparseFeat(k, vocabulary_size=12, embedding_dim=4) for k in sparse] + [
    DenseFeat(k, 1) for k in dense
]
names = get_feature_names(columns + columns)
data = {**sparse, **dense}
cut = int(0.8 * n)
train = {k: data[k][:cut] for k in names}
test = {k: data[k][cut:] for k in names}

model = DeepFM(
    linear_feature_columns=columns,
    dnn_feature_columns=columns,
    task="binary",
    l2_reg_embedding=1e-5,
    device="cpu",
    seed=0,
)
model.compile("adagrad", "binary_crossentropy", metrics=["binary_crossentropy", "auc"])
history = model.fit(train, y[:cut], batch_size=64, epochs=6, verbose=verbose, validation_split=0.2)
pred_ans = model.predict(test, 256)
test_logloss = log_loss(y[cut:], pred_ans)
test_auc = roc_auc_score(y[cut:], pred_ans)
print("")
print("test LogLoss", round(test_logloss, 4))
print("test AUC", round(test_auc, 4))

series = _truth.Series()
hist = history.history
for name in ("loss", "binary_crossentropy", "auc", "val_binary_crossentropy", "val_auc"):
    for e, v in enumerate(hist[name], start=1):
        series.add(name, None, e, v)
last = len(hist["loss"])
series.add("test LogLoss", None, last, test_logloss)
series.add("test AUC", None, last, test_auc)

_truth.write(
    library=(
        f"deepctr-torch {version('deepctr-torch')} (torch {torch.__version__}, "
        f"scikit-learn {version('scikit-learn')}, tqdm {version('tqdm')})"
    ),
    script=SCRIPT,
    record="model.fit(...)'s History callback (history.history); the script's test log_loss / roc_auc_score",
    step_kind="epoch",
    series=series,
    extra_ok=["epoch time (the leading '1s' of each epoch's line: whole seconds)"]
    + (["it/s (the bar's batches per second)"] if verbose == 1 else []),
    not_printed=[k for k in hist if k not in series.series],
    notes=(
        "fit() prints the device ('cpu'), 'Train on 1280 samples, validate on 320 samples, 20 "
        "steps per epoch' (counts), then per epoch 'Epoch 1/6' and '0s - loss:  0.6931 - "
        "binary_crossentropy:  0.6925 - auc:  0.5123 - val_binary_crossentropy:  0.6900 - "
        "val_auc:  0.5555' (the leading '0s' is the epoch's whole seconds; values formatted "
        "'{: .4f}', so two spaces after each colon; epoch = the 'Epoch k/6' number; 'loss' is "
        "the epoch's summed loss plus regularisation over the samples, 'binary_crossentropy' "
        "and 'auc' the mean of the batches' values)."
        + (
            " With verbose=1 a tqdm bar per epoch runs before the 'Epoch' line, with no total "
            "('20it [00:00, 180.12it/s]': a count of batches and a rate, no metric)."
            if verbose == 1
            else ""
        )
        + " After fit: an empty line, 'test LogLoss 0.6123' and 'test AUC 0.7012' (round(..., "
        "4): name and value separated by one space; given the last epoch). The version check's "
        "line 'Please check the latest version manually on https://pypi.org/project/"
        "deepctr-torch/#history' may appear anywhere near the start."
    ),
)
