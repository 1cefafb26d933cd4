"""deep-forest (gcForest's successor): CascadeForestClassifier / CascadeForestRegressor with their
default verbose output, as the README's quick start runs them (fit, predict, print the score).

    [2026-12-07 12:39:34.056] layer = 0  | Val Acc = 94.167 % | Elapsed = 0.587 s
    [2026-12-07 12:39:35.094] Early stopping counter: 1 out of 2

Versions: deep-forest-py310 0.1.9 (the community fork of deep-forest 0.1.7, imported as
deepforest; 0.1.7 has no wheel for Python 3.11), scikit-learn 1.9.1, numpy 1.26.4 (deepforest's
binner calls np.percentile(interpolation=...), gone in numpy 2), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zV-3):
    python tests/corpus/scripts/capture.py pipe real_deepforest_classifier -- python tests/corpus/scripts/deepforest_cascade.py clf
    python tests/corpus/scripts/capture.py pipe real_deepforest_regressor_v2 -- python tests/corpus/scripts/deepforest_cascade.py reg
(plain print() lines, no bar, no colour: no pty twin.)
Truth: each cascade layer's own `val_performance_` (its out-of-bag accuracy / MSE), read right
after the layer's fit_transform (a wrapper around the layer class; the estimator drops the layers
past the optimum on early stopping, so `layers_` alone would lose them), and the test score the
script computes with scikit-learn and prints as the README does.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import sklearn
from deepforest import (
    CascadeForestClassifier,
    CascadeForestRegressor,
    _layer,
)
from sklearn.datasets import make_classification, make_regression
from sklearn.metrics import accuracy_score, mean_squared_error
from sklearn.model_selection import train_test_split

variant = sys.argv[1] if len(sys.argv) > 1 else "clf"
performances: list[float] = []


def recording(cls):
    fit_transform = cls.fit_transform

    def wrapped(self, *args, **kwargs):
        out = fit_transform(self, *args, **kwargs)
        performances.append(float(self.val_performance_))
        return out

    cls.fit_transform = wrapped


recording(_layer.ClassificationCascadeLayer)
recording(_layer.RegressionCascadeLayer)

series = _truth.Series()
if variant == "clf":
    X, y = make_classification(
        n_samples=800, n_features=20, n_informative=8, flip_y=0.05, random_state=0
    )
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=1)
    model = CascadeForestClassifier(random_state=1, n_jobs=1, n_trees=50, max_layers=8)
    model.fit(X_train, y_train)
    y_pred = model.predict(X_test)
    acc = accuracy_score(y_test, y_pred) * 100
    print(f"\nTesting Accuracy: {acc:.3f} %")
    for layer, perf in enumerate(performances):
        series.add("Val Acc", layer, None, perf * 100)
    series.add("Testing Accuracy", None, None, acc)
    notes = (
        "fit() prints, each line after a '[YYYY-MM-DD HH:MM:SS.mmm]' timestamp: 'Start to fit the "
        "model:', 'Fitting cascade layer = 0 ', then 'layer = 0  | Val Acc = 94.167 % | Elapsed = "
        "0.587 s' per layer (Val Acc: the layer's out-of-bag accuracy, printed as a percentage "
        "with 3 decimals; truth = val_performance_ * 100, the printed unit; step = the layer index "
        "as printed, 0-based; Elapsed = seconds of the layer's fit), 'Early stopping counter: 1 "
        "out of 2' (a count), 'Handling early stopping', 'The optimal number of layers: 3' (a "
        "count). predict() then prints 'Start to evalute the model:' (sic) and 'Evaluating cascade "
        "layer = 0 ' per kept layer (no number but the index). Last, the README's "
        "'Testing Accuracy: 91.500 %' (accuracy_score * 100 on the held-out quarter; no step)."
    )
else:
    X, y = make_regression(
        n_samples=600, n_features=12, n_informative=6, noise=10.0, random_state=0
    )
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=1)
    model = CascadeForestRegressor(random_state=1, n_jobs=1, n_trees=50, max_layers=6, verbose=2)
    model.fit(X_train, y_train)
    y_pred = model.predict(X_test)
    mse = mean_squared_error(y_test, y_pred)
    print(f"\nTesting MSE: {mse:.3f}")
    for layer, perf in enumerate(performances):
        series.add("Val MSE", layer, None, perf)
    series.add("Testing MSE", None, None, mse)
    notes = (
        "CascadeForestRegressor with verbose=2: fit() prints, after '[YYYY-MM-DD HH:MM:SS.mmm]' "
        "timestamps, 'Start to fit the model:', 'Binning training data: 0.054 MB => 0.007 MB | "
        "Elapsed = 0.010 s' (data sizes before and after binning and seconds: not metrics), "
        "'Fitting cascade layer = 0 ', 'layer = 0  | Val MSE = 3338.46655 | Elapsed = 0.402 s' "
        "(the layer's out-of-bag mean squared error, 5 decimals; step = the layer index, 0-based), "
        "'Early stopping counter: 1 out of 2' (a count), 'Handling early stopping', 'The optimal "
        "number of layers: 1'. verbose=2 adds '- Fitting estimator = rf_0  in layer = 0' per "
        "forest (names and indices, no number to store). predict() prints 'Start to evalute the "
        "model:' (sic), then per kept layer 'Evaluating cascade layer = 0 ', a 'Binning testing "
        "data: …' line and '- Evaluating estimator = erf_1 in layer = 0'. Last the script's 'Testing "
        "MSE: 3201.456' (scikit-learn's mean_squared_error on the held-out quarter; no step)."
    )

_truth.write(
    library=(
        f"deep-forest-py310 {metadata.version('deep-forest-py310')} (scikit-learn "
        f"{sklearn.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/deepforest_cascade.py",
    record=(
        "each cascade layer's val_performance_ (read after its fit_transform) and the test "
        "score the script computed with scikit-learn"
    ),
    step_kind="global",
    series=series,
    extra_ok=["Elapsed (seconds a layer's fit or the binning took)"],
    not_printed=[],
    notes=notes,
)
