"""EconML: LinearDML on synthetic data with a heterogeneous binary-treatment effect, its
final-stage score, the out-of-sample score, then the DRTester validation (BLP, calibration,
QINI and AUTOC uplift tests) and res.summary(), as EconML's validation notebook prints it.
(LinearDML.summary() is not used: EconML renders it with statsmodels' SimpleTable.)

Versions: econml 0.17.0, scikit-learn 1.9.1, numpy 2.2.6, pandas 3.1.1, scipy 1.13.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zO-1):
    python tests/corpus/scripts/capture.py pipe real_econml_drtester -- python tests/corpus/scripts/econml_drtester.py
    python tests/corpus/scripts/capture.py pty real_econml_drtester_pty -- python tests/corpus/scripts/econml_drtester.py
(pandas elides middle columns of the summary into a pipe, 80 columns; under the 120-column pty
it shows more.)
Truth: est.score_ and est.score(...) (EconML's final-stage residual MSE), and the DataFrame
res.summary() returns, restricted to the columns pandas printed (column names read from the
table's repr: which columns, never their values).
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from econml.dml import LinearDML
from econml.validate import DRTester
from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor

rng = np.random.RandomState(0)
n = 1000
X = rng.randn(n, 3)
W = rng.randn(n, 2)
T = rng.binomial(1, 1 / (1 + np.exp(-(X[:, 0] + W[:, 0]))))
Y = (1 + 2 * X[:, 0]) * T + X[:, 1] + W[:, 0] + rng.randn(n)
Xtr, Xval, Ttr, Tval, Ytr, Yval = X[:700], X[700:], T[:700], T[700:], Y[:700], Y[700:]

est = LinearDML(
    model_y=GradientBoostingRegressor(random_state=0),
    model_t=GradientBoostingClassifier(random_state=0),
    discrete_treatment=True,
    random_state=0,
)
est.fit(Ytr, Ttr, X=Xtr)
val_score = est.score(Yval, Tval, X=Xval)
print("final-stage score (train):", est.score_)
print("final-stage score (validation):", val_score)

tester = DRTester(
    model_regression=GradientBoostingRegressor(random_state=0),
    model_propensity=GradientBoostingClassifier(random_state=0),
    cate=est,
).fit_nuisance(Xval, Tval, Yval, Xtr, Ttr, Ytr)
res = tester.evaluate_all(Xval, Xtr)
summary = res.summary()
print(summary)

shown = set()
for line in repr(summary).splitlines()[:1]:
    shown.update(re.split(r"\s+", line.strip()))
series = _truth.Series()
series.add("final-stage score (train)", None, None, est.score_)
series.add("final-stage score (validation)", None, None, val_score)
for col in summary.columns:
    if col != "treatment" and col in shown:
        series.add(col, None, None, float(summary.loc[0, col]))

_truth.write(
    library=(
        f"econml {metadata.version('econml')} (scikit-learn {metadata.version('scikit-learn')}, "
        f"numpy {np.__version__}, pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/econml_drtester.py",
    record="LinearDML.score_ and .score(); econml.validate EvaluationResults.summary() DataFrame",
    step_kind="none",
    series=series,
    extra_ok=[],
    not_printed=[
        f"{c} (elided by pandas)" for c in summary.columns if c != "treatment" and c not in shown
    ],
    notes=(
        "'final-stage score (train): 2.40...' / 'final-stage score (validation): ...' (the "
        "script's prints of est.score_ and est.score(): EconML's final-stage residual MSE, "
        "metrics). print(res.summary()): a one-row pandas table with a 0 row index, 'treatment' "
        "= 1 (the treatment level compared with control: a label, not a metric), then blp_est, "
        "blp_se, blp_pval (the best-linear-predictor test of effect heterogeneity), qini_est, "
        "qini_se, qini_pval, autoc_est, autoc_se, autoc_pval (uplift-curve tests), "
        "cal_r_squared (calibration R^2): the validation's statistics, all series (estimates "
        "of the validation metrics, their standard errors and p-values; the fitted CATE model's "
        "own coefficients are never printed), one point each, rounded to 3 decimals by "
        "summary(). Into a pipe pandas fits 80 columns: '   treatment  blp_est  blp_se  ...  "
        "autoc_se  autoc_pval  cal_r_squared' / '0          1    1.125   0.115  ...     0.232   "
        "      0.0          0.835' and '[1 rows x 11 columns]' (counts); elided columns are "
        "not series. No step."
    ),
)
