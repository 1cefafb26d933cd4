"""crepes: conformal regressors, a normalized conformal regressor, a conformal predictive system
and a class-conditional conformal classifier around scikit-learn random forests, each printed
(print(learner)) and evaluated (print(learner.evaluate(...))) as crepes' README and quick-start
show them (there the dicts are a notebook's displayed return values; here print()).

Versions: crepes 0.9.1, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zAI-2).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_crepes_evaluate -- python tests/corpus/scripts/crepes_evaluate.py
(crepes prints the same under a terminal: no pty entry.)
Truth: the dicts evaluate() returns (crepes' own record of the evaluation), every key printed.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from crepes import WrapClassifier, WrapRegressor
from crepes.extras import DifficultyEstimator
from sklearn.datasets import make_classification, make_regression
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor

X, y = make_regression(1500, 8, noise=20, random_state=0)
X_train, y_train = X[:800], y[:800]
X_cal, y_cal = X[800:1100], y[800:1100]
X_test, y_test = X[1100:], y[1100:]

results = []
rf = WrapRegressor(RandomForestRegressor(n_estimators=50, random_state=0))
rf.fit(X_train, y_train)
rf.calibrate(X_cal, y_cal)
print(rf)
results.append(rf.evaluate(X_test, y_test, confidence=0.9))
print(results[-1])

de = DifficultyEstimator()
de.fit(X_train, y=y_train, scaler=True)
rf_norm = WrapRegressor(RandomForestRegressor(n_estimators=50, random_state=0))
rf_norm.fit(X_train, y_train)
rf_norm.calibrate(X_cal, y_cal, de=de)
print(rf_norm)
results.append(rf_norm.evaluate(X_test, y_test, confidence=0.9))
print(results[-1])

rf_norm.calibrate(X_cal, y_cal, de=de, cps=True)
print(rf_norm)
results.append(rf_norm.evaluate(X_test, y_test, confidence=0.9))
print(results[-1])

Xc, yc = make_classification(1500, 10, n_classes=3, n_informative=5, random_state=0)
clf = WrapClassifier(RandomForestClassifier(n_estimators=50, random_state=0))
clf.fit(Xc[:800], yc[:800])
clf.calibrate(Xc[800:1100], yc[800:1100], class_cond=True)
print(clf)
results.append(clf.evaluate(Xc[1100:], yc[1100:], confidence=0.9))
print(results[-1])

series = _truth.Series()
for res in results:
    for key, value in res.items():
        series.add(key, None, None, value)

_truth.write(
    library=(
        f"crepes {metadata.version('crepes')} (scikit-learn {metadata.version('scikit-learn')}, "
        f"numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/crepes_evaluate.py",
    record="the dicts WrapRegressor.evaluate() / WrapClassifier.evaluate() return",
    step_kind="none",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "Four blocks, each a one-line repr of the wrapped learner ('WrapRegressor(learner="
        "RandomForestRegressor(n_estimators=50, random_state=0), calibrated=True, predictor="
        "ConformalRegressor(fitted=True, normalized=False, mondrian=False))': hyper-parameters "
        "and flags, not metrics) then the printed evaluate() dict, its numpy floats shown as "
        "'np.float64(...)' reprs: \"{'error': np.float64(0.0875...), 'eff_mean': "
        "np.float64(254.09...), 'eff_med': ..., 'ks_test': ..., 'time_fit': 6.2e-05, "
        "'time_evaluate': 0.0038...}\". Regressors: error (the share of test targets outside "
        "the 90% intervals), eff_mean / eff_med (mean / median interval width), ks_test (the "
        "p-value of crepes' KS test of the p-values' uniformity), time_fit / time_evaluate "
        "(seconds; in the record, so series); the predictive system (cps=True) prints the same keys (time_fit before ks_test); the "
        "classifier's dict has error, avg_c (mean prediction-set size), one_c (share of "
        "singleton sets), empty, ks_test, time_fit, time_evaluate. Every key is a series with one "
        "point per dict that has it, in print order (the classifier's 'error' follows the "
        "regressors'); crepes keeps no step. confidence=0.9 is a setting, not printed."
    ),
)
