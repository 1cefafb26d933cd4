"""imbalanced-learn as its user guide runs it: class counts before / after SMOTE, a
BalancedRandomForestClassifier(verbose=1) (joblib's progress lines at fit and predict), the
balanced accuracy, and print(classification_report_imbalanced(...)).

Versions: imbalanced-learn 0.14.2, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11
(venv /work/venvs/corpus-zT-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_imblearn_report -- python tests/corpus/scripts/imblearn_report.py
(Nothing differs under a terminal: no pty entry.)
Truth: balanced_accuracy_score's return value and classification_report_imbalanced(...,
output_dict=True) (the same call's dict: pre, rec, spe, f1, geo, iba per class and avg_*).
"""

import os
import sys
from collections import Counter
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import sklearn
from imblearn.ensemble import BalancedRandomForestClassifier
from imblearn.metrics import classification_report_imbalanced
from imblearn.over_sampling import SMOTE
from sklearn.datasets import make_classification
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import train_test_split

X, y = make_classification(
    n_samples=1000,
    n_features=10,
    n_informative=4,
    n_classes=3,
    weights=[0.8, 0.15, 0.05],
    random_state=0,
)
print(f"Original dataset shape {Counter(y)}")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, stratify=y, random_state=0)
X_res, y_res = SMOTE(random_state=42).fit_resample(X_tr, y_tr)
print(f"Resampled dataset shape {Counter(y_res)}")

brf = BalancedRandomForestClassifier(
    n_estimators=50,
    sampling_strategy="all",
    replacement=True,
    bootstrap=False,
    random_state=0,
    verbose=1,
)
brf.fit(X_tr, y_tr)
y_pred = brf.predict(X_te)
bacc = balanced_accuracy_score(y_te, y_pred)
print(f"Balanced accuracy: {bacc:.3f}")
print(classification_report_imbalanced(y_te, y_pred))

report = classification_report_imbalanced(y_te, y_pred, output_dict=True)
series = _truth.Series()
series.add("Balanced accuracy", None, None, bacc)
cols = ("pre", "rec", "spe", "f1", "geo", "iba")
for label in ("0", "1", "2"):
    for c in cols:
        series.add(f"{label}/{c}", None, None, report[label][c])
for c in cols:
    series.add(f"avg / total/{c}", None, None, report[f"avg_{c}"])

_truth.write(
    library=(
        f"imbalanced-learn {metadata.version('imbalanced-learn')} (scikit-learn "
        f"{sklearn.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/imblearn_report.py",
    record=(
        "balanced_accuracy_score(...)'s return; classification_report_imbalanced(..., "
        "output_dict=True)"
    ),
    step_kind="none",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "'Original dataset shape Counter({np.int64(0): 793, np.int64(1): 155, np.int64(2): "
        "52})' and 'Resampled dataset shape Counter({...: 595, ...})' (class counts, not "
        "metrics); BalancedRandomForestClassifier(verbose=1) lets joblib print on stderr, at "
        "fit and again at predict, '[Parallel(n_jobs=1)]: Done  49 tasks      | elapsed:    "
        "0.1s' and '[Parallel(n_jobs=1)]: Done  50 out of  50 | elapsed:    0.1s finished' "
        "(task counts and elapsed seconds; piped, these stderr lines come first, before the "
        "block-buffered stdout); 'Balanced accuracy: 0.666' (3 decimals, series "
        "'Balanced accuracy'); then the report: a header '                   pre       rec     "
        "  spe        f1       geo       iba       sup' (precision, recall, specificity, F1, "
        "geometric mean, index of balanced accuracy, support), a blank line, one row per class "
        "labelled '0', '1', '2' (class names that are numbers, not steps), a blank line and an "
        "'avg / total' row (a three-token label), values with 2 decimals. Truth names "
        "'<row>/<column>' ('1/rec', 'avg / total/geo'), one point each, no step; the sup column "
        "(198, 39, 13, 250: counts of samples) is not a metric."
    ),
)
