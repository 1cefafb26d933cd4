"""HistGradientBoostingRegressor(verbose=1) with a validation set: the output verbose=1 gives.

Versions: scikit-learn 1.9.1, numpy 2.4.6, Python 3.11 (venv corpus-zv-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_sklearn_hgb_verbose1 -- /work/venvs/corpus-zv-1/bin/python tests/corpus/scripts/sklearn_hgb_verbose1.py
verbose=1 (unlike verbose=2, real_sklearn_hgb) prints no line per iteration: only the binning
times, 'Fit 41 trees in 0.213 s, (1230 total leaves)' and four 'Time spent …' lines. The script
then prints what a user looks at after an early-stopped fit: n_iter_ and the last validation
score, and the held-out test R^2 from model.score().
Truth: validation_score_ (scoring='r2') and the value model.score() returned.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import sklearn
from sklearn.datasets import make_regression
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import train_test_split

X, y = make_regression(n_samples=3000, n_features=12, n_informative=8, noise=25.0, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=1)

model = HistGradientBoostingRegressor(
    max_iter=200,
    learning_rate=0.1,
    early_stopping=True,
    scoring="r2",
    n_iter_no_change=5,
    verbose=1,
    random_state=0,
)
model.fit(X_tr, y_tr, X_val=X_val, y_val=y_val)
print(f"n_iter_: {model.n_iter_}")
val_r2 = model.validation_score_[-1]
print(f"validation R^2: {val_r2:.4f}")
test_r2 = model.score(X_test, y_test)
print(f"test R^2: {test_r2:.4f}")

series = _truth.Series()
series.add("validation R^2", model.n_iter_, None, val_r2)
series.add("test R^2", model.n_iter_, None, test_r2)
_truth.write(
    library=f"scikit-learn {sklearn.__version__} (numpy {np.__version__})",
    script="tests/corpus/scripts/sklearn_hgb_verbose1.py",
    record="model.validation_score_ (scoring='r2'; its last entry) and model.score(X_test, y_test)",
    step_kind="global",
    series=series,
    not_printed=[
        "train_score_ (not computed: a validation set was given)",
        "validation_score_ before the last iteration",
    ],
    notes="HistGradientBoostingRegressor(verbose=1, early_stopping=True, scoring='r2') fitted "
    "with X_val / y_val. verbose=1 prints 'Binning 0.000 GB of training data: 0.012 s', "
    "'Binning 0.000 GB of validation data: 0.001 s', 'Fitting gradient boosted rounds:', "
    "'Fit 41 trees in 0.213 s, (1230 total leaves)', 'Time spent computing histograms: "
    "0.051s' (and finding best splits / applying splits / predicting): sizes, counts and "
    "durations, no metric. The script then prints 'n_iter_: 41' (a count), 'validation R^2: "
    "0.8912' (validation_score_[-1]) and 'test R^2: 0.8850' (step = n_iter_ for both).",
)
