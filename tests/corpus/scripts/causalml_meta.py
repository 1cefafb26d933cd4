"""CausalML's README examples on its own synthetic data: ATE by LRSRegressor and by
BaseXRegressor (LightGBM) with a bootstrap confidence interval (its tqdm bar), then the
meta-learner benchmark get_synthetic_summary_holdout (S/T/X/R learners with LR and XGBoost),
its train and validation summary tables printed.

Versions: causalml 0.18.0, lightgbm 4.7.0, xgboost 3.2.0, scikit-learn 1.9.1, numpy 2.2.6,
pandas 3.1.1, scipy 1.13.1, tqdm 4.70.1, Python 3.11. causalml declares scipy>=1.16 but runs this
with 1.13.1 (the venv shares DoWhy's scipy<=1.15.3 pin); it imports statsmodels 0.15.0, nothing
of which is printed.
Capture (repository root, venv /work/venvs/corpus-zO-1):
    python tests/corpus/scripts/capture.py pipe real_causalml_meta -- python tests/corpus/scripts/causalml_meta.py
    python tests/corpus/scripts/capture.py pty real_causalml_meta_pty -- python tests/corpus/scripts/causalml_meta.py
Truth: the two DataFrames get_synthetic_summary_holdout returns (its metric columns, every
learner row, in print order). The ATEs and their intervals are estimates, not metrics.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from causalml.dataset import get_synthetic_summary_holdout, synthetic_data
from causalml.inference.meta import BaseXRegressor, LRSRegressor
from lightgbm import LGBMRegressor

np.random.seed(0)
y, X, treatment, tau, b, e = synthetic_data(mode=1, n=1000, p=5, sigma=1.0)

lr = LRSRegressor()
te, lb, ub = lr.estimate_ate(X, treatment, y)
print(f"Average Treatment Effect (Linear Regression): {te[0]:.2f} ({lb[0]:.2f}, {ub[0]:.2f})")
xl = BaseXRegressor(learner=LGBMRegressor(verbose=-1, n_estimators=50))
te, lb, ub = xl.estimate_ate(
    X, treatment, y, e, bootstrap_ci=True, n_bootstraps=10, bootstrap_size=500
)
print(
    f"Average Treatment Effect (BaseXRegressor using LightGBM): {te[0]:.2f} ({lb[0]:.2f}, {ub[0]:.2f})"
)

train_summary, validation_summary = get_synthetic_summary_holdout(
    synthetic_data, n=1000, valid_size=0.2, k=1
)
print("Training summary:")
print(train_summary)
print("Validation summary:")
print(validation_summary)

series = _truth.Series()
for table in (train_summary, validation_summary):
    for learner in table.index:
        for col in table.columns:
            series.add(col, None, None, float(table.loc[learner, col]))

_truth.write(
    library=(
        f"causalml {metadata.version('causalml')} (lightgbm {metadata.version('lightgbm')}, "
        f"xgboost {metadata.version('xgboost')}, numpy {np.__version__}, pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/causalml_meta.py",
    record=(
        "the (train, validation) DataFrames returned by "
        "causalml.dataset.get_synthetic_summary_holdout, row by row in print order"
    ),
    step_kind="trial",
    series=series,
    extra_ok=["it/s or s/it of the bootstrap tqdm bar (throughput)"],
    not_printed=[],
    notes=(
        "A dependency prints 'Failed to import duecredit due to No module named 'duecredit'' "
        "at import. 'Average Treatment Effect (Linear Regression): 0.65 (0.48, 0.81)' and "
        "'Average Treatment Effect (BaseXRegressor using LightGBM): 0.47 (0.46, 0.68)' are the "
        "estimated effect and its confidence bounds (estimates, not metrics). Between them "
        "estimate_ate(bootstrap_ci=True) draws a tqdm bar on stderr ' 40%|████      | 4/10 "
        "[00:01<00:01,  4.02it/s]' (bootstrap rounds: counts). Then 'Training summary:' and "
        "'Validation summary:' each above a pandas table: header '                 Abs % "
        "Error of ATE       MSE  KL Divergence' (no index name line), rows 'Actuals  0.000000  "
        "0.000000  0.000000' (the true effects compared with themselves: zeros), 'S Learner "
        "(LR)  0.436281  0.087373  3.714617', 'S Learner (XGB)', 'T Learner (LR)' ... 'R "
        "Learner (XGB)' (learner names with parentheses and spaces). Each row is one learner "
        "(a trial); the series are the three metric columns ('Abs % Error of ATE' is a "
        "fraction despite the %, printed as in the DataFrame), one point per row in print "
        "order, the training table's 9 rows then the validation table's 9 (the same column "
        "names in both tables), no step."
    ),
)
