"""mlxtend's own progress output: a gradient-descent classifier's `print_progress` line (redrawn
with `\\r`) and a sequential feature selector's verbose log.

Versions: mlxtend 0.25.0, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with those packages):
    python tests/corpus/scripts/capture.py pipe real_mlxtend_logreg -- python tests/corpus/scripts/mlxtend_fit.py logreg
    python tests/corpus/scripts/capture.py pipe real_mlxtend_sfs -- python tests/corpus/scripts/mlxtend_fit.py sfs
(Under a pty the logreg output is byte for byte the piped one: no pty entry.)
Truth: LogisticRegression.cost_ (one value per epoch, the one each progress line prints);
SequentialFeatureSelector.subsets_ (avg_score per number of features).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import mlxtend
import numpy as np

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/mlxtend_fit.py"
series = _truth.Series()
rng = np.random.RandomState(1)
X = rng.normal(size=(200, 4))
y = (X[:, 0] + 0.5 * X[:, 1] + 0.3 * rng.normal(size=200) > 0).astype(int)

if which == "logreg":
    from mlxtend.classifier import LogisticRegression

    model = LogisticRegression(eta=0.05, epochs=25, minibatches=1, random_seed=1, print_progress=3)
    model.fit(X, y)
    for epoch, cost in enumerate(model.cost_, 1):
        series.add("Cost", None, epoch, cost)
    _truth.write(
        library=f"mlxtend {mlxtend.__version__} (numpy {np.__version__})",
        script=SCRIPT,
        record="LogisticRegression.cost_ (the cost after each epoch)",
        step_kind="epoch",
        series=series,
        extra_ok=[],
        notes=(
            "print_progress=3 writes to stderr, after each epoch, '\\rIteration: 3/25 | Cost 18.91 "
            "| Elapsed: 00:00:00 | ETA: 00:00:00' (the same line redrawn with a carriage return; "
            "no newline until the script ends). Iteration is mlxtend's epoch (1-based) over a "
            "total; Cost is printed with 2 decimals; Elapsed and ETA are times. The script prints "
            "nothing else."
        ),
    )

elif which == "sfs":
    from mlxtend.feature_selection import SequentialFeatureSelector
    from sklearn.neighbors import KNeighborsClassifier

    sfs = SequentialFeatureSelector(
        KNeighborsClassifier(n_neighbors=3),
        k_features=4,
        forward=True,
        verbose=2,
        scoring="accuracy",
        cv=3,
    )
    sfs.fit(X, y)
    for k, subset in sorted(sfs.subsets_.items()):
        series.add("score", k, None, subset["avg_score"])
    _truth.write(
        library=f"mlxtend {mlxtend.__version__} (scikit-learn, numpy {np.__version__})",
        script=SCRIPT,
        record="SequentialFeatureSelector.subsets_[k]['avg_score']",
        step_kind="global",
        series=series,
        extra_ok=[],
        notes=(
            "verbose=2: for each number of features k, joblib's '[Parallel(n_jobs=1)]: Done   4 "
            "out of   4 | elapsed:    0.1s finished' on stderr, then on stdout '\\n[2026-12-06 "
            "20:43:35] Features: 1/4 -- score: 0.7752148349163276' with no newline after it, so "
            "piped (stdout block-buffered, stderr not) the lines interleave differently from a "
            "terminal: the score may be glued to the next joblib message. Step = k, the number "
            "of features selected ('Features: k/4'; subsets_ is keyed by it)."
        ),
    )
