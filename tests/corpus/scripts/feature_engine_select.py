"""feature-engine's model-based selectors as its user guide prints them: SelectByShuffling and
RecursiveFeatureElimination (cross-validated ROC-AUC), then initial_model_performance_, the
performance drift per feature (a dict, and a sorted pandas Series) and features_to_drop_.

Versions: feature-engine 1.9.4, scikit-learn 1.9.1, numpy 2.4.6, pandas 3.1.1, Python 3.11
(venv /work/venvs/corpus-zT-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_feature_engine_select -- python tests/corpus/scripts/feature_engine_select.py
(feature-engine prints nothing itself, and nothing differs under a terminal: no pty entry.)
Truth: initial_model_performance_ of each selector (the cross-validated ROC-AUC of the model on
all features: a metric of the run). performance_drifts_ are per-feature importances (how much
the score drops when that feature is shuffled / removed): a description of each feature, like
permutation importances or SHAP values, not a measure of the run: no series (notes say so).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import sklearn
from feature_engine.selection import RecursiveFeatureElimination, SelectByShuffling
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression

X, y = make_classification(
    n_samples=500, n_features=8, n_informative=3, n_redundant=1, class_sep=1.2, random_state=0
)
X = pd.DataFrame(X, columns=[f"var_{i}" for i in range(X.shape[1])])
model = LogisticRegression(max_iter=1000)

shuffler = SelectByShuffling(estimator=model, scoring="roc_auc", cv=3, random_state=0)
shuffler.fit(X, y)
print("Initial model performance:", shuffler.initial_model_performance_)
print(shuffler.performance_drifts_)
print("Features to drop:", shuffler.features_to_drop_)

rfe = RecursiveFeatureElimination(estimator=model, scoring="roc_auc", cv=3, threshold=0.0005)
X_t = rfe.fit_transform(X, y)
print(f"initial_model_performance_: {rfe.initial_model_performance_}")
print(pd.Series(rfe.performance_drifts_).sort_values(ascending=False))
print("Features to drop:", rfe.features_to_drop_)
print("Shape after selection:", X_t.shape)

series = _truth.Series()
series.add("Initial model performance", None, None, shuffler.initial_model_performance_)
series.add("initial_model_performance_", None, None, rfe.initial_model_performance_)
_truth.write(
    library=(
        f"feature-engine {metadata.version('feature-engine')} (scikit-learn {sklearn.__version__}, "
        f"numpy {np.__version__}, pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/feature_engine_select.py",
    record="SelectByShuffling.initial_model_performance_, RecursiveFeatureElimination.initial_model_performance_",
    step_kind="none",
    series=series,
    extra_ok=[],
    not_printed=[
        "performance_drifts_std_ of both selectors (never printed)",
        "feature_importances_ of RecursiveFeatureElimination (never printed)",
    ],
    notes=(
        "feature-engine prints nothing itself. The script prints 'Initial model performance: "
        "0.8791522947786556' (SelectByShuffling's mean cross-validated ROC-AUC on all features, full "
        "repr), then print(dict) of performance_drifts_ on one line: \"{'var_0': "
        "np.float64(0.08517777363037926), 'var_1': np.float64(0.17365100102072095), ...}\" (numpy 2 prints each "
        "value wrapped in np.float64(...)), 'Features to drop: ['var_0', 'var_3', ...]'; then "
        "for RecursiveFeatureElimination 'initial_model_performance_: 0.8791522947786556' and "
        "print(pd.Series(...).sort_values(ascending=False)): one 'var_2    0.354048' line per "
        "feature and a 'dtype: float64' trailer, the features to drop and 'Shape after "
        "selection: (500, 3)'. The drifts are the drop of the ROC-AUC when a feature is "
        "shuffled (or removed and the model refitted): a per-feature importance, in the "
        "metric's units but describing a feature, not the run (as mean |SHAP| or permutation "
        "importances): not in the truth, so a series per feature name stored from them is "
        "invented. Series are the two initial performances, named as printed, one point each."
    ),
)
