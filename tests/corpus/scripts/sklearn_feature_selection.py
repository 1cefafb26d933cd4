"""scikit-learn's cross-validated feature selectors as users print them: RFECV(verbose=1) then
print(pd.DataFrame(...)) of rfecv.cv_results_' 1-D columns; SequentialFeatureSelector with a scorer (it has no
verbose), then the selected features and a cross-validated score of the reduced model.

Versions: scikit-learn 1.9.1, numpy 2.4.6, pandas 3.1.1, Python 3.11 (venv /work/venvs/corpus-zT-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sklearn_rfecv_cv_results -- python tests/corpus/scripts/sklearn_feature_selection.py rfecv
    python tests/corpus/scripts/capture.py pty real_sklearn_rfecv_cv_results_pty -- python tests/corpus/scripts/sklearn_feature_selection.py rfecv
    python tests/corpus/scripts/capture.py pipe real_sklearn_sfs_scorer -- python tests/corpus/scripts/sklearn_feature_selection.py sfs
(pandas fits a printed frame to the terminal's width under a pty, to 80 columns in a pipe: the
rfecv entry has a pty twin.)
Truth: RFECV.cv_results_ (one row per number of features: mean/std/split<k> test scores);
for SFS, the arrays cross_val_score returned (SFS itself keeps no score).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import sklearn
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score

which = sys.argv[1]
LIB = f"scikit-learn {sklearn.__version__} (pandas {pd.__version__}, numpy {np.__version__})"
SCRIPT = "tests/corpus/scripts/sklearn_feature_selection.py"
series = _truth.Series()
X, y = make_classification(
    n_samples=400,
    n_features=8,
    n_informative=3,
    n_redundant=2,
    n_repeated=0,
    n_classes=2,
    n_clusters_per_class=1,
    class_sep=0.8,
    random_state=0,
)

if which == "rfecv":
    from sklearn.feature_selection import RFECV

    # scikit-learn's "Recursive feature elimination with cross-validation" example, verbose=1
    cv = StratifiedKFold(5)
    rfecv = RFECV(
        estimator=LogisticRegression(),
        step=1,
        cv=cv,
        scoring="accuracy",
        min_features_to_select=1,
        n_jobs=1,
        verbose=1,
    )
    rfecv.fit(X, y)
    print(f"Optimal number of features: {rfecv.n_features_}")
    # cv_results_ also holds 2-D split<k>_ranking / split<k>_support arrays: keep the 1-D columns
    cv_results = pd.DataFrame({k: v for k, v in rfecv.cv_results_.items() if np.ndim(v) == 1})
    print(cv_results)

    r = rfecv.cv_results_
    # pandas elides middle columns ('...') to fit the width: only the columns the repr shows
    shown_words = set(repr(cv_results).split())
    cols = [c for c in cv_results.columns if c != "n_features" and c in shown_words]
    hidden = [c for c in cv_results.columns if c != "n_features" and c not in shown_words]
    for row in range(len(r["n_features"])):
        for c in cols:
            series.add(c, int(r["n_features"][row]), None, r[c][row])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="RFECV.cv_results_ (mean_test_score, std_test_score, split<k>_test_score per n_features)",
        step_kind="trial",
        series=series,
        extra_ok=[],
        not_printed=[f"{c} (a column pandas elided with '...')" for c in hidden]
        + [
            "split<k>_ranking / split<k>_support (2-D arrays of cv_results_, left out of the frame)"
        ],
        notes=(
            "RFECV(LogisticRegression(), step=1, cv=StratifiedKFold(5), scoring='accuracy', verbose=1) "
            "prints 'Fitting estimator with 8 features.' ... 'Fitting estimator with 2 features.' for "
            "each of the 5 folds (feature counts, no metric), then 8, 7, 6 again for the final fit "
            "down to the chosen count; then the script prints 'Optimal number of features: 5' (a "
            "count) and print(pd.DataFrame(...)) of cv_results_' 1-D columns: one row per number of "
            "features (index 0..7), columns mean_test_score, std_test_score, split0_test_score ... "
            "split4_test_score, n_features (1..8, a count), then '[8 rows x 8 columns]'. pandas "
            "elides middle columns with '...' to fit the width (80 columns in a pipe: 'mean_test_score "
            " std_test_score  ...  split4_test_score  n_features'; a 120-column terminal shows a few "
            "more); an elided column is not printed and not in the truth. Series are the column "
            "names, one point per row in row order, step = the row's n_features (1..8, "
            "cv_results_' own key of the row), values printed by pandas with up to 6 decimals, "
            "truth at full precision. std_test_score is the spread of the fold scores (a metric "
            "of the same run, in the record)."
        ),
    )

elif which == "sfs":
    from sklearn.feature_selection import SequentialFeatureSelector

    names = np.array([f"x{i}" for i in range(X.shape[1])])
    est = LogisticRegression()
    cv = StratifiedKFold(5)
    for direction in ("forward", "backward"):
        tic = time.time()
        sfs = SequentialFeatureSelector(
            est, n_features_to_select=3, direction=direction, scoring="roc_auc", cv=cv
        ).fit(X, y)
        toc = time.time()
        print(f"Features selected by {direction} sequential selection: {names[sfs.get_support()]}")
        print(f"Done in {toc - tic:.3f}s")
        scores = cross_val_score(est, sfs.transform(X), y, scoring="roc_auc", cv=cv)
        print(f"ROC AUC with the selected features: {scores.mean():.4f} (+/- {scores.std():.4f})")
        series.add("ROC AUC with the selected features", None, None, scores.mean())
    full = cross_val_score(est, X, y, scoring="roc_auc", cv=cv)
    print(f"ROC AUC with all {X.shape[1]} features: {full.mean():.4f} (+/- {full.std():.4f})")
    series.add(f"ROC AUC with all {X.shape[1]} features", None, None, full.mean())
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="cross_val_score's returned scores (their mean; SequentialFeatureSelector keeps no score)",
        step_kind="none",
        series=series,
        extra_ok=[
            "Done in 0.123s (seconds the selection took)",
            "(+/- 0.0123): the std of the fold scores",
        ],
        not_printed=[],
        notes=(
            "scikit-learn's 'Model-based and sequential feature selection' example on synthetic "
            "data: SequentialFeatureSelector(LogisticRegression(), n_features_to_select=3, "
            "scoring='roc_auc', cv=5) prints nothing itself; the script prints, for forward then "
            "backward selection, 'Features selected by forward sequential selection: ['x0' 'x2' "
            "'x5']' (names), 'Done in 0.412s' (elapsed seconds), 'ROC AUC with the selected "
            "features: 0.9345 (+/- 0.0213)' (mean of the 5 fold scores, then their std in "
            "parentheses, a spread of the same metric); finally 'ROC AUC with all 8 features: "
            "0.9401 (+/- 0.0198)' (8 is a count, part of the name as printed). Series named by the "
            "text before the colon; two points for the selected-features line (forward, then "
            "backward), no step."
        ),
    )
