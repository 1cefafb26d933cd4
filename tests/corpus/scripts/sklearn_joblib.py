"""scikit-learn estimators whose verbose output is mostly joblib's own progress messages.

Versions: scikit-learn 1.9.1, joblib 1.6.0, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active), one entry per variant:
    python tests/corpus/scripts/capture.py pipe real_sklearn_forest_joblib -- python tests/corpus/scripts/sklearn_joblib.py forest
    python tests/corpus/scripts/capture.py pipe real_sklearn_cross_validate -- python tests/corpus/scripts/sklearn_joblib.py cross_validate
    python tests/corpus/scripts/capture.py pty real_sklearn_forest_joblib_pty -- python tests/corpus/scripts/sklearn_joblib.py forest
(cross_validate prints the same under a terminal: no pty entry for it.)
Truth: forest: RandomForestClassifier.oob_score_ and the score() it returns (the script prints
both; the trees' 'building tree k of n' lines and joblib's 'Done N tasks | elapsed' carry no
metric); cross_validate: the dict it returns (train_/test_<scorer> per fold).
"""

import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import joblib  # noqa: E402
import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.datasets import make_classification  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

which = sys.argv[1]
X, y = make_classification(n_samples=800, n_features=12, n_informative=6, random_state=0)
LIB = f"scikit-learn {sklearn.__version__} (joblib {joblib.__version__}, numpy {np.__version__})"
SCRIPT = "tests/corpus/scripts/sklearn_joblib.py"
series = _truth.Series()
warnings.simplefilter("ignore", UserWarning)

if which == "forest":
    from sklearn.ensemble import RandomForestClassifier

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0)
    print(f"Training RandomForestClassifier on {len(X_tr)} samples, {X.shape[1]} features")
    rf = RandomForestClassifier(
        n_estimators=80, oob_score=True, random_state=0, n_jobs=2, verbose=2
    )
    rf.fit(X_tr, y_tr)
    print(f"OOB score: {rf.oob_score_:.4f}")
    acc = rf.score(X_te, y_te)  # predict() runs joblib again (verbose is kept)
    print(f"Test accuracy: {acc:.4f}")
    series.add("OOB score", None, None, rf.oob_score_)
    series.add("Test accuracy", None, None, acc)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="RandomForestClassifier.oob_score_ and the value score() returns (the script prints them)",
        step_kind="none",
        series=series,
        extra_ok=[],
        not_printed=["the forest keeps no per-tree metric"],
        notes=(
            "fit() with n_jobs=2, verbose=2: each tree prints 'building tree 37 of 80' (stdout, from one "
            "of two threads) and joblib prints on stderr '[Parallel(n_jobs=2)]: Done  37 tasks      | "
            "elapsed:    0.1s' and '[Parallel(n_jobs=2)]: Done  80 out of  80 | elapsed:    0.1s "
            "finished'; score() runs predict() through joblib again ('[Parallel(n_jobs=2)]: Using "
            "backend ThreadingBackend with 2 concurrent workers.' and its own Done lines). Piped, stdout "
            "is block-buffered: all of joblib's stderr lines come first, then the tree lines and the "
            "script's prints. Under a terminal the lines interleave as the threads write them (two "
            "trees' lines may be glued: 'building tree 37 of 80building tree 38 of 80' then an empty "
            "line). None of these is a metric (tree and task counters, the pool's elapsed wall time, "
            "as real_mlxtend_sfs treats joblib's lines). The script's own last two lines 'OOB score: "
            "0.9017' and 'Test accuracy: 0.8950' are the only metrics (no step). The interleaving "
            "depends on thread timing: this truth belongs to this capture."
        ),
    )

elif which == "cross_validate":
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_validate

    r = cross_validate(
        LogisticRegression(max_iter=300),
        X,
        y,
        cv=5,
        verbose=3,
        return_train_score=True,
        scoring=["accuracy", "roc_auc"],
    )
    print(f"mean test accuracy: {r['test_accuracy'].mean():.4f}")
    for k in range(5):
        for sc in ("accuracy", "roc_auc"):
            series.add(f"{sc} train", None, None, r[f"train_{sc}"][k])
            series.add(f"{sc} test", None, None, r[f"test_{sc}"][k])
    series.add("mean test accuracy", None, None, r["test_accuracy"].mean())
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the dict cross_validate returns (train_<scorer> / test_<scorer>, one value per fold)",
        step_kind="trial",
        series=series,
        extra_ok=["total time (seconds per fit)"],
        not_printed=["fit_time / score_time are printed only as their sum, 'total time'"],
        notes=(
            "verbose=3: one line per fold, '[CV] END  accuracy: (train=0.812, test=0.750) roc_auc: "
            "(train=0.894, test=0.854) total time=   0.1s', with no fold number (GridSearchCV prints "
            "'[CV k/n]'; cross_validate does not), then joblib's '[Parallel(n_jobs=1)]: Done   5 out "
            "of   5 | elapsed:    0.2s finished' (counts and pool wall time, not metrics). Series "
            "'<scorer> train' / '<scorer> test' as in real_sklearn_gridsearch_multi; one point per fold "
            "in print order, no step printed (step null; folds in strictly increasing steps are right). "
            "Values printed with 3 decimals, truth at full precision. The script's own last line "
            "'mean test accuracy: 0.7800' (series 'mean test accuracy', no step)."
        ),
    )
