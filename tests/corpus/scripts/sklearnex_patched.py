"""scikit-learn-intelex (sklearnex): patch_sklearn() with its documented verbose mode, SKLEARNEX_VERBOSE=INFO.

Versions: scikit-learn-intelex 2026.2.0 (daal 2026.2.0), scikit-learn 1.9.1, numpy 2.4.6,
Python 3.11 (venv corpus-zZ-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sklearnex_patched -- env SKLEARNEX_VERBOSE=INFO python tests/corpus/scripts/sklearnex_patched.py
Truth: the patched KMeans(verbose=1) prints one 'Iteration N, inertia X.' per init with Python's
print() and keeps only the best run's inertia_: those lines are teed (repr of the float: full
precision); the other figures are the fitted estimators' own oob_score_ and score() results.
sklearnex logs with the logging module (no colour, no bar): no pty entry.
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _fdtee import teed
from sklearnex import patch_sklearn

patch_sklearn()

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.datasets import make_blobs, make_classification  # noqa: E402
from sklearn.ensemble import RandomForestClassifier  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.svm import SVC  # noqa: E402

series = _truth.Series()

Xb, _ = make_blobs(n_samples=2000, centers=8, n_features=8, cluster_std=3.0, random_state=0)
km = KMeans(n_clusters=8, n_init=3, random_state=0, verbose=1)
lines = teed(lambda: km.fit(Xb))
for line in lines:
    m = re.match(r"Iteration (\d+), inertia (\S+)\.$", line)
    if m:
        series.add("inertia", int(m.group(1)), None, float(m.group(2)))
print(f"KMeans: inertia {km.inertia_:.2f} after {km.n_iter_} iterations")
series.add("KMeans inertia", None, None, km.inertia_)

X, y = make_classification(n_samples=1500, n_features=20, n_informative=8, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)

rf = RandomForestClassifier(n_estimators=60, oob_score=True, random_state=0).fit(X_train, y_train)
rf_acc = rf.score(X_test, y_test)
print(f"RandomForest: OOB score {rf.oob_score_:.4f}, test accuracy {rf_acc:.4f}")
series.add("RandomForest OOB score", None, None, rf.oob_score_)
series.add("RandomForest test accuracy", None, None, rf_acc)

svc = SVC(C=1.0).fit(X_train, y_train)
svc_acc = svc.score(X_test, y_test)
print(f"SVC: test accuracy {svc_acc:.4f}")
series.add("SVC test accuracy", None, None, svc_acc)

# an L1 penalty is not accelerated: sklearnex logs the fallback to stock scikit-learn
lr = LogisticRegression(penalty="l1", solver="saga", max_iter=2000).fit(X_train, y_train)
lr_acc = lr.score(X_test, y_test)
print(f"LogisticRegression (L1): test accuracy {lr_acc:.4f}")
series.add("LogisticRegression (L1) test accuracy", None, None, lr_acc)

_truth.write(
    library=(
        f"scikit-learn-intelex {metadata.version('scikit-learn-intelex')} (daal "
        f"{metadata.version('daal')}, scikit-learn {sklearn.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/sklearnex_patched.py",
    record=(
        "KMeans: its own print() lines, teed (it keeps only the best run's inertia_); then inertia_, "
        "RandomForestClassifier.oob_score_ and each estimator's score() on the held-out rows"
    ),
    step_kind="global",
    series=series,
    notes=(
        "patch_sklearn() prints 'Extension for scikit-learn* enabled (https://github.com/uxlfoundation/"
        "scikit-learn-intelex)'; with SKLEARNEX_VERBOSE=INFO every patched call logs on stderr "
        "'INFO:sklearnex: sklearn.cluster.KMeans.fit: running accelerated version on CPU' or, for the L1 "
        "LogisticRegression (saga), 'INFO:sklearnex: sklearn.linear_model.LogisticRegression.fit: fallback "
        "to original Scikit-learn' (no number but the module path), and warnings come on stderr too. Piped, "
        "stderr is unbuffered and stdout block-buffered: in this capture the KMeans lines come right after "
        "the first INFO line and the script's closing lines after all of them. The "
        "accelerated KMeans(n_init=3, verbose=1) prints 'Initialization complete' and a single 'Iteration 12, "
        "inertia 174391.71455918564.' per init (stock scikit-learn prints every Lloyd iteration; oneDAL "
        "reports only the last): series 'inertia', step = the iteration number printed (the value ends with "
        "a sentence period). The script then prints 'KMeans: inertia 140099.56 after 5 iterations' (inertia_ "
        "of the best init; 5 is a count), 'RandomForest: OOB score 0.9114, test accuracy 0.9222', 'SVC: test "
        "accuracy 0.9533' and 'LogisticRegression (L1): test accuracy 0.8311': a model name, a colon, then "
        "the metric: series '<model> <metric>' ('RandomForest OOB score', 'SVC test accuracy', …), one point "
        "each. Printed with 2 / 4 decimals, truth at full precision."
    ),
)
