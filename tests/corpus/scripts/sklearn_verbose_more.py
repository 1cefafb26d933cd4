"""More scikit-learn verbose printing: IterativeImputer(verbose=2), and estimators whose verbose
output holds counts only (RFECV, SelfTrainingClassifier, BayesianRidge, ARDRegression).

Versions: scikit-learn 1.9.1, numpy 2.4.6, Python 3.11 (venv /work/venvs/other-g).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sklearn_iterative_imputer -- python tests/corpus/scripts/sklearn_verbose_more.py imputer
    python tests/corpus/scripts/capture.py pipe real_sklearn_counts_verbose -- python tests/corpus/scripts/sklearn_verbose_more.py counts
Truth: IterativeImputer keeps no per-round record (only n_iter_): the script tees sys.stdout
inside fit() and keeps the 'Change:' values as the estimator formatted them (full repr of the
float), checked against n_iter_.  The 'counts' entry prints no metric: its truth has no series.
"""

import os
import re
import sys
import warnings

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
from _fdtee import Tee  # noqa: E402
import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.datasets import make_classification, make_regression  # noqa: E402



which = sys.argv[1]
LIB = f"scikit-learn {sklearn.__version__}"
SCRIPT = "tests/corpus/scripts/sklearn_verbose_more.py"
series = _truth.Series()
X, y = make_classification(n_samples=300, n_features=10, n_informative=4, random_state=0)

if which == "imputer":
    from sklearn.experimental import enable_iterative_imputer  # noqa: F401
    from sklearn.impute import IterativeImputer

    Xm = X.copy()
    Xm[np.random.RandomState(0).rand(*X.shape) < 0.1] = np.nan
    imp = IterativeImputer(verbose=2, max_iter=6, random_state=0)
    tee = Tee(sys.stdout)
    sys.stdout = tee
    try:
        imp.fit(Xm)
    finally:
        sys.stdout = tee.under
    rnd = None
    for line in "".join(tee.buf).splitlines():
        m = re.match(r"\[IterativeImputer\] Ending imputation round (\d+)/", line)
        if m:
            rnd = int(m.group(1))
        m = re.match(r"\[IterativeImputer\] Change: (\S+), scaled tolerance", line)
        if m:
            series.add("Change", rnd, None, float(m.group(1)))
    assert rnd == imp.n_iter_
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "IterativeImputer keeps no per-round record: its own print of the change between rounds, "
            "teed from sys.stdout inside fit() (printed as the float's full repr), checked against n_iter_"
        ),
        step_kind="global",
        series=series,
        extra_ok=["elapsed time (seconds)"],
        notes=(
            "'[IterativeImputer] Completing matrix with shape (300, 10)' (sizes), then per round "
            "'[IterativeImputer] Ending imputation round 2/6, elapsed time 0.08' and "
            "'[IterativeImputer] Change: 1.9357477237799467, scaled tolerance: 0.007592363894089781 ' "
            "(trailing space as printed), closing with '[IterativeImputer] Early stopping criterion "
            "reached.'. Series 'Change' (the largest absolute change of the imputed values between "
            "rounds), step = the round of the line before it. 'scaled tolerance' is tol times the "
            "largest absolute value of the data: a threshold derived from the settings, the same on "
            "every line, not a metric; round k/6 is a counter and the maximum; elapsed time is a timing."
        ),
    )

elif which == "counts":
    from sklearn.feature_selection import RFECV
    from sklearn.linear_model import ARDRegression, BayesianRidge, LogisticRegression
    from sklearn.semi_supervised import SelfTrainingClassifier
    from sklearn.tree import DecisionTreeClassifier

    RFECV(LogisticRegression(), step=2, cv=3, verbose=1).fit(X, y)
    y_semi = y.copy()
    y_semi[50:] = -1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        SelfTrainingClassifier(
            DecisionTreeClassifier(max_depth=3, random_state=0), threshold=0.9, verbose=True
        ).fit(X, y_semi)
    Xr, yr = make_regression(n_samples=200, n_features=8, noise=5.0, random_state=0)
    BayesianRidge(verbose=True).fit(Xr, yr)
    ARDRegression(verbose=True).fit(Xr, yr)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="none: these estimators print counts only",
        step_kind="none",
        series=series,
        notes=(
            "RFECV(step=2, cv=3, verbose=1): 'Fitting estimator with 10 features.' per elimination step "
            "and fold (feature counts); SelfTrainingClassifier(verbose=True): 'End of iteration 1, added "
            "148 new labels.' (an iteration counter and a count of pseudo-labels); BayesianRidge / "
            "ARDRegression(verbose=True): 'Convergence after  5  iterations' and 'Converged after 6 "
            "iterations' (iteration counts). No metric is printed; any stored series is invented."
        ),
    )
