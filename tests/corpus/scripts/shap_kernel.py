"""SHAP's KernelExplainer on a scikit-learn classifier, as its introductory notebooks run it: the
model's test accuracy, shap_values() with its tqdm bar, then the mean |SHAP| value per feature
printed as a sorted table (the usual "global importance" printout) and the expected value.

Versions: shap 0.51.0, scikit-learn 1.9.1, numpy 2.4.6, pandas 3.1.1, tqdm 4.70.1, Python 3.11
(venv /work/venvs/corpus-zT-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_shap_kernel -- python tests/corpus/scripts/shap_kernel.py
    python tests/corpus/scripts/capture.py pty real_shap_kernel_pty -- python tests/corpus/scripts/shap_kernel.py
Truth: the accuracy the fitted model's score() returned. SHAP values are attributions of one
prediction to each feature (estimates about the model, like coefficients): their mean |SHAP|
per feature and the explainer's expected_value are not metrics of a run, so no series; the
bar's throughput (it/s, s/it) is extra_ok.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import shap
import sklearn
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

X, y = make_classification(
    n_samples=400, n_features=6, n_informative=3, n_redundant=1, random_state=0
)
cols = ["income", "age", "debt_ratio", "n_accounts", "utilization", "tenure"]
X = pd.DataFrame(X, columns=cols)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

model = LogisticRegression().fit(X_train, y_train)
accuracy = model.score(X_test, y_test)
print(f"Test accuracy: {accuracy:.4f}")

background = shap.kmeans(X_train, 10)
explainer = shap.KernelExplainer(model.predict_proba, background)
np.random.seed(0)
shap_values = explainer.shap_values(X_test.iloc[:40], nsamples=200)
sv = shap_values[:, :, 1]  # class 1: (samples, features)
print("Expected value:", explainer.expected_value[1])
importance = (
    pd.DataFrame({"feature": cols, "mean_abs_shap": np.abs(sv).mean(axis=0)})
    .sort_values("mean_abs_shap", ascending=False)
    .reset_index(drop=True)
)
print(importance)

series = _truth.Series()
series.add("Test accuracy", None, None, accuracy)
_truth.write(
    library=(
        f"shap {shap.__version__} (scikit-learn {sklearn.__version__}, numpy {np.__version__}, "
        f"pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/shap_kernel.py",
    record="LogisticRegression.score(X_test, y_test)'s return value",
    step_kind="none",
    series=series,
    extra_ok=["the tqdm bar's rate (it/s or s/it)"],
    not_printed=[],
    notes=(
        "'Test accuracy: 0.6700' (the script's print of model.score(), series 'Test accuracy'). "
        "KernelExplainer.shap_values(40 rows, nsamples=200) draws a tqdm bar on stderr, "
        "'  0%|          | 0/40 [00:00<?, ?it/s]' then ' 70%|███████   | 28/40 [00:00<00:00, "
        "277.05it/s]' and '100%|██████████| 40/40 [00:00<00:00, 280.31it/s]' (rows explained "
        "over total and the rate; each state after a '\\r', piped too, one newline at the "
        "end). Then 'Expected value: 0.49100999266222056' (the explainer's base value, the mean "
        "prediction on the background: an estimate, not a metric) and print(DataFrame) of the "
        "mean |SHAP| value per feature, sorted: '       feature  mean_abs_shap' then '0   "
        "debt_ratio       0.105405' (row index = rank position, feature name, mean absolute "
        "attribution: a description of the model, not a metric of the run). shap.kmeans "
        "summarises the background to 10 weighted points first (prints nothing)."
    ),
)
