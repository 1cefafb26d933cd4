"""DoubleML: a partially linear regression (DoubleMLPLR) and an interactive regression model
(DoubleMLIRM, two repeated sample splits) fitted with scikit-learn forests on DoubleML's own
simulated data, then print(model) as DoubleML's getting-started guide shows it.

Versions: doubleml 0.11.4, scikit-learn 1.9.1, numpy 2.4.6, pandas 3.1.1, Python 3.11
(venv /work/venvs/corpus-zAI-2).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_doubleml_plr -- python tests/corpus/scripts/doubleml_summary.py plr
    python tests/corpus/scripts/capture.py pipe real_doubleml_irm -- python tests/corpus/scripts/doubleml_summary.py irm
(DoubleML prints the same under a terminal: no pty entries.)
Truth: the model's own nuisance_loss (the out-of-sample RMSE / log loss of each nuisance learner,
one value per repeated split, printed as a numpy array under 'Out-of-sample Performance:').  The
Fit Summary table (coef, std err, t, P>|t|, 2.5 %, 97.5 %) holds the estimated treatment effect,
its standard error, test and confidence bounds: estimates of the model, not metrics of a fit.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import doubleml as dml
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor

mode = sys.argv[1]
np.random.seed(42)
if mode == "plr":
    from doubleml.plm.datasets import make_plr_CCDDHNR2018

    data = make_plr_CCDDHNR2018(alpha=0.5, n_obs=500, dim_x=10, return_type="DataFrame")
    obj = dml.DoubleMLData(data, "y", "d")
    ml_l = RandomForestRegressor(n_estimators=50, max_depth=5, random_state=0)
    ml_m = RandomForestRegressor(n_estimators=50, max_depth=5, random_state=0)
    model = dml.DoubleMLPLR(obj, ml_l, ml_m, n_folds=5)
else:
    from doubleml.irm.datasets import make_irm_data

    data = make_irm_data(theta=0.5, n_obs=500, dim_x=8, return_type="DataFrame")
    obj = dml.DoubleMLData(data, "y", "d")
    ml_g = RandomForestRegressor(n_estimators=50, max_depth=5, random_state=0)
    ml_m = RandomForestClassifier(n_estimators=50, max_depth=5, random_state=0)
    model = dml.DoubleMLIRM(obj, ml_g, ml_m, n_folds=4, n_rep=2)
model.fit()
print(model)

series = _truth.Series()
# printed as DoubleML's __str__ does: regressors first ('Learner ml_l RMSE: [[1.18]]'), then
# classifiers ('Learner ml_m Log Loss: [[0.50]\n [0.50]]'), each in params_names order, one value per
# repeated split, one per line (the step here: the split's index, DoubleML's i_rep)
for is_clf, kind in ((False, "RMSE"), (True, "Log Loss")):
    for learner in model.params_names:
        if model._is_classifier.get(learner, False) == is_clf:
            for rep, v in enumerate(np.asarray(model.nuisance_loss[learner]).ravel()):
                series.add(f"Learner {learner} {kind}", rep, None, v)

_truth.write(
    library=(
        f"doubleml {metadata.version('doubleml')} (scikit-learn {metadata.version('scikit-learn')}, "
        f"numpy {np.__version__}, pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/doubleml_summary.py",
    record="DoubleML model .nuisance_loss (dict learner -> array of shape (n_rep, 1))",
    step_kind="global" if model.n_rep > 1 else "none",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "print(model) writes DoubleML's sections: '================== DoubleMLPLR Object "
        "==================', 'Data Summary' (outcome/treatment/covariate names, 'No. "
        "Observations: 500': a count), 'Score & Algorithm' (the score function's name), "
        "'Machine Learner' ('Learner ml_l: RandomForestRegressor(max_depth=5, n_estimators=50, "
        "random_state=0)': hyper-parameters), 'Out-of-sample Performance:' with 'Regression:' / "
        "'Classification:' and 'Learner ml_l RMSE: [[1.18446821]]' (the metrics: the nuisance "
        "learners' cross-fitted losses, numpy's print of an (n_rep, 1) array; with n_rep=2 one "
        "value per line, '[[1.0867164 ]' then ' [1.08686653]]', step = the split's index 0, 1), 'Resampling' ('No. "
        "folds: 5', 'No. repeated sample splits: 1': settings) and 'Fit Summary': a pandas "
        "table whose row is the treatment 'd' and whose columns coef, std err, t, P>|t|, 2.5 %, "
        "97.5 % are the estimated effect, its standard error, t statistic, p-value and "
        "confidence bounds (estimates and their inference, not metrics: not series). Without "
        "repeated splits the losses have no step."
    ),
)
