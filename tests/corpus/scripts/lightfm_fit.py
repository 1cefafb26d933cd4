"""LightFM on a synthetic implicit-feedback matrix (users x items with a latent structure), split
with lightfm.cross_validation.random_train_test_split.

`quickstart`: LightFM's quickstart shape: the split matrices' repr ('<COOrdinate sparse matrix of dtype 'float32'' / '\twith 3360 stored elements and shape
(300, 200)>'), `LightFM(loss='warp')`, `model.fit(train, epochs=30,
verbose=True)` (LightFM's tqdm bar 'Epoch: 100%|██████████| 30/30 [...]', no metric in it), then

    Precision: train 0.43, test 0.12.
    AUC: train 0.96, test 0.86.

`epochs`: the ids go through lightfm.data.Dataset as in LightFM's "Building datasets" docs, with
its prints 'Num users: 300, num_items 200.' and repr(interactions); then the hand loop of LightFM's tutorials / blog posts that follow a model epoch by epoch:
`model.fit_partial(train, epochs=1, verbose=True)` (a fresh 'Epoch: 100%|███| 1/1' bar every
epoch) and then, per epoch,

    Epoch  1 | train precision@5: 0.1234 | test precision@5: 0.0567 | test AUC: 0.8123

Truth: the values LightFM's own evaluation functions returned (lightfm.evaluation.precision_at_k /
auc_score give one number per user; the script prints their .mean(), recorded at full precision).
LightFM keeps no training history of its own (no loss is printed).

Versions: lightfm 1.17 (built from the sdist with --no-build-isolation), numpy 2.4.6, scipy 1.17.1,
tqdm 4.70.1, Python 3.11. Seeds fixed; num_threads=1 (deterministic); a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zu-1):
    python tests/corpus/scripts/capture.py pipe real_lightfm_quickstart -- \
        python tests/corpus/scripts/lightfm_fit.py quickstart
    python tests/corpus/scripts/capture.py pty real_lightfm_quickstart_pty -- \
        python tests/corpus/scripts/lightfm_fit.py quickstart
    python tests/corpus/scripts/capture.py pipe real_lightfm_epochs -- \
        python tests/corpus/scripts/lightfm_fit.py epochs
    python tests/corpus/scripts/capture.py pty real_lightfm_epochs_pty -- \
        python tests/corpus/scripts/lightfm_fit.py epochs
"""

import os
import sys
from importlib.metadata import version

import numpy as np
import scipy.sparse as sp
from lightfm import LightFM
from lightfm.cross_validation import random_train_test_split
from lightfm.data import Dataset
from lightfm.evaluation import auc_score, precision_at_k

sys.path.insert(0, os.path.dirname(__file__))

import _truth

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "quickstart"

rng = np.random.default_rng(0)
n_users, n_items, dim = 300, 200, 6
u = rng.normal(size=(n_users, dim))
v = rng.normal(size=(n_items, dim))
scores = u @ v.T + rng.gumbel(size=(n_users, n_items))
threshold = np.quantile(scores, 0.93)
if VARIANT == "quickstart":
    interactions = sp.coo_matrix((scores > threshold).astype(np.float32))
else:  # the "Building datasets" docs: ids through lightfm.data.Dataset, its prints
    rows, cols = np.nonzero(scores > threshold)
    dataset = Dataset()
    dataset.fit((f"u{i}" for i in range(n_users)), (f"i{j}" for j in range(n_items)))
    num_users, num_items = dataset.interactions_shape()
    print(f"Num users: {num_users}, num_items {num_items}.")
    (interactions, weights) = dataset.build_interactions(
        (f"u{i}", f"i{j}") for i, j in zip(rows, cols, strict=True)
    )
    print(repr(interactions))
train, test = random_train_test_split(
    interactions, test_percentage=0.2, random_state=np.random.RandomState(0)
)
if VARIANT == "quickstart":  # the quickstart notebook shows the split matrices
    print(repr(train))
    print(repr(test))

series = _truth.Series()
model = LightFM(loss="warp", random_state=np.random.RandomState(0))

if VARIANT == "quickstart":
    model.fit(train, epochs=30, num_threads=1, verbose=True)
    train_precision = precision_at_k(model, train, k=10).mean()
    test_precision = precision_at_k(model, test, k=10, train_interactions=train).mean()
    train_auc = auc_score(model, train).mean()
    test_auc = auc_score(model, test, train_interactions=train).mean()
    print("Precision: train %.2f, test %.2f." % (train_precision, test_precision))  # noqa: UP031
    print("AUC: train %.2f, test %.2f." % (train_auc, test_auc))  # noqa: UP031
    series.add("Precision/train", None, None, train_precision)
    series.add("Precision/test", None, None, test_precision)
    series.add("AUC/train", None, None, train_auc)
    series.add("AUC/test", None, None, test_auc)
    notes = (
        "LightFM's quickstart: repr() of the train and test matrices (a count of stored elements "
        "and a shape, no metric), fit(epochs=30, verbose=True) draws one tqdm bar 'Epoch: 100%|███| "
        "30/30 [00:00<00:00, 95.2it/s]' (desc 'Epoch', the count is epochs done, no metric), then two "
        "lines with two values each at 2 decimals: 'Precision: train 0.43, test 0.12.' and 'AUC: "
        "train 0.96, test 0.86.' (precision@10; test scores exclude the train interactions). The "
        "series are named 'Precision/train' / 'Precision/test' / 'AUC/train' / 'AUC/test': the "
        "line's title, then the word before each value. One value each, after training."
    )
    step_kind = "none"
else:
    for epoch in range(1, 11):
        model.fit_partial(train, epochs=1, num_threads=1, verbose=True)
        train_p = precision_at_k(model, train, k=5).mean()
        test_p = precision_at_k(model, test, k=5, train_interactions=train).mean()
        test_auc = auc_score(model, test, train_interactions=train).mean()
        print(
            f"Epoch {epoch:2d} | train precision@5: {train_p:.4f} | "
            f"test precision@5: {test_p:.4f} | test AUC: {test_auc:.4f}"
        )
        series.add("train precision@5", None, epoch, train_p)
        series.add("test precision@5", None, epoch, test_p)
        series.add("test AUC", None, epoch, test_auc)
    notes = (
        "'Num users: 300, num_items 200.' and repr(interactions) first (LightFM's Dataset docs: "
        "counts and a shape, no metric). Hand loop over fit_partial(epochs=1, verbose=True): every epoch LightFM draws its own "
        "fresh tqdm bar 'Epoch: 100%|██████████| 1/1 [00:00<00:00, 80.1it/s]' (desc 'Epoch', "
        "always 0/1 then 1/1: not the loop's epoch), then the loop prints 'Epoch  1 | train "
        "precision@5: 0.1234 | test precision@5: 0.0567 | test AUC: 0.8123' (epoch 1-based, "
        "padded to 2 wide). The bar goes to stderr ('\\r'-redrawn, a newline when it "
        "closes), the loop's line to stdout; each metric line still lands right after its own "
        "epoch's bar, in a pipe as on a terminal."
    )
    step_kind = "epoch"

_truth.write(
    library=f"lightfm {version('lightfm')} (numpy {np.__version__}, tqdm {version('tqdm')})",
    script="tests/corpus/scripts/lightfm_fit.py",
    record="the arrays lightfm.evaluation.precision_at_k / auc_score returned, .mean() as printed",
    step_kind=step_kind,
    series=series,
    notes=notes,
)
