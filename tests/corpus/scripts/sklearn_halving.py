"""scikit-learn successive halving search, verbose=3, on synthetic data: the per-iteration
'iter: 0 / n_candidates: 9 / n_resources: 66' blocks and '[CV 1/3] END ...; score=(train=0.98, test=0.85)'
lines (return_train_score=True is HalvingGridSearchCV's default).

Versions: scikit-learn 1.9.1, numpy 2.4.6, Python 3.11 (venv /work/venvs/other-b).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sklearn_halving_grid -- python tests/corpus/scripts/sklearn_halving.py grid
    python tests/corpus/scripts/capture.py pipe real_sklearn_halving_random -- python tests/corpus/scripts/sklearn_halving.py random
Truth: the search's cv_results_ (one row per candidate per iteration, column 'iter'; split<k>_train_score /
split<k>_test_score) and best_score_.  Nothing prints differently under a terminal: no pty entries.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import sklearn  # noqa: E402
from scipy.stats import loguniform  # noqa: E402
from sklearn.datasets import make_classification  # noqa: E402
from sklearn.experimental import enable_halving_search_cv  # noqa: E402,F401
from sklearn.model_selection import HalvingGridSearchCV, HalvingRandomSearchCV  # noqa: E402
from sklearn.svm import SVC  # noqa: E402

which = sys.argv[1]
X, y = make_classification(n_samples=600, n_features=12, n_informative=6, random_state=0)
if which == "grid":
    grid = {"C": [0.1, 1.0, 10.0], "gamma": [0.01, 0.1, 1.0]}
    search = HalvingGridSearchCV(SVC(), grid, cv=3, factor=3, verbose=3, random_state=0)
else:
    dist = {"C": loguniform(1e-2, 1e2), "gamma": loguniform(1e-3, 1e0)}
    search = HalvingRandomSearchCV(
        SVC(), dist, n_candidates=9, cv=3, factor=3, verbose=3, random_state=0
    )
search.fit(X, y)
print(f"Best params: {search.best_params_}, best score: {search.best_score_:.4f}")

r = search.cv_results_
series = _truth.Series()
for row in range(len(r["params"])):  # rows in fit order: iteration by iteration, candidate by candidate
    for k in range(search.n_splits_):
        series.add("score train", k + 1, None, r[f"split{k}_train_score"][row])
        series.add("score test", k + 1, None, r[f"split{k}_test_score"][row])
series.add("best score", None, None, search.best_score_)
kind = "HalvingGridSearchCV" if which == "grid" else "HalvingRandomSearchCV"
_truth.write(
    library=f"scikit-learn {sklearn.__version__}",
    script="tests/corpus/scripts/sklearn_halving.py",
    record=f"{kind}.cv_results_ (split<k>_train_score / split<k>_test_score per candidate and iteration), best_score_",
    step_kind="trial",
    series=series,
    extra_ok=["total time (seconds per fit)"],
    not_printed=[
        "mean_test_score / std_test_score / rank_test_score / mean_train_score (cv_results_) are never printed"
    ],
    notes=(
        f"{kind}(SVC(), cv=3, factor=3, verbose=3). It first prints its plan as 'key: value' lines "
        "(n_iterations: 3, n_required_iterations, n_possible_iterations, min_resources_: 66, max_resources_: "
        "600, aggressive_elimination: False, factor: 3), then per iteration a '----------' rule and "
        "'iter: 0', 'n_candidates: 9', 'n_resources: 66' (the iteration's number, how many candidates and "
        "samples: configuration and counts, not metrics), 'Fitting 3 folds for each of 9 candidates, "
        "totalling 27 fits', and one line per fit: '[CV 1/3] END ......C=0.1, gamma=0.01;, score=(train=0.545, "
        "test=0.545) total time=   0.0s' (return_train_score defaults to True for the halving searches). "
        "Series 'score train' / 'score test' for 'score=(train=..., test=...)' (the key before the parentheses, "
        "then the key inside). Step = the fold k of '[CV k/3]'; fits go iteration by iteration, candidate by "
        "candidate, so the step restarts for every candidate: the order of points is the print order. Values "
        "printed with 3 decimals, truth at full precision from cv_results_. Parameter values (C=..., gamma=...) "
        "are configuration. The last line is the script's own 'Best params: {...}, best score: 0.9183' "
        "(best_score_, series 'best score', no step)."
    ),
)
