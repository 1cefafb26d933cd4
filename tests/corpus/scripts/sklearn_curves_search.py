"""scikit-learn model-selection helpers and estimators with verbose printing not covered elsewhere.

Versions: scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1, joblib 1.6.0, Python 3.11 (venv corpus-zZ-1).
Capture (repository root, venv active), one entry per mode:
    python tests/corpus/scripts/capture.py pipe real_sklearn_learning_curve -- python tests/corpus/scripts/sklearn_curves_search.py learning_curve
    python tests/corpus/scripts/capture.py pipe real_sklearn_validation_curve -- python tests/corpus/scripts/sklearn_curves_search.py validation_curve
    python tests/corpus/scripts/capture.py pipe real_sklearn_random_search_v10 -- python tests/corpus/scripts/sklearn_curves_search.py random_search
    python tests/corpus/scripts/capture.py pipe real_sklearn_pipeline_verbose -- python tests/corpus/scripts/sklearn_curves_search.py pipeline
    python tests/corpus/scripts/capture.py pipe real_sklearn_bisecting_kmeans -- python tests/corpus/scripts/sklearn_curves_search.py bisecting
    python tests/corpus/scripts/capture.py pipe real_sklearn_theilsen_lars -- python tests/corpus/scripts/sklearn_curves_search.py theilsen_lars
Truth: the arrays learning_curve / validation_curve return, RandomizedSearchCV's / GridSearchCV's
cv_results_, and for BisectingKMeans (which keeps only the final inertia_) its own print() lines,
teed; TheilSenRegressor's / LassoLarsIC's score() and criterion_.  scikit-learn prints the same under a terminal: no pty entries.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import sklearn
from _fdtee import teed
from sklearn.datasets import make_classification

which = sys.argv[1]
X, y = make_classification(n_samples=600, n_features=12, n_informative=6, random_state=0)
LIB = f"scikit-learn {sklearn.__version__} (numpy {np.__version__})"
SCRIPT = "tests/corpus/scripts/sklearn_curves_search.py"
series = _truth.Series()

if which == "learning_curve":
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import learning_curve

    sizes, train_scores, test_scores = learning_curve(
        LogisticRegression(max_iter=500),
        X,
        y,
        cv=4,
        train_sizes=[0.1, 0.3, 0.6, 1.0],
        verbose=3,
    )
    print("train size | mean train score | mean CV score")
    for n, tr, te in zip(sizes, train_scores.mean(axis=1), test_scores.mean(axis=1), strict=True):
        print(f"{n:10d} | {tr:16.4f} | {te:13.4f}")
    # n_jobs=1: the fits go fold by fold, every train size within a fold
    for fold in range(train_scores.shape[1]):
        for i in range(len(sizes)):
            series.add("score train", None, None, train_scores[i, fold])
            series.add("score test", None, None, test_scores[i, fold])
    for i, n in enumerate(sizes):
        series.add("mean train score", int(n), None, train_scores[i].mean())
        series.add("mean CV score", int(n), None, test_scores[i].mean())
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the train_scores / test_scores arrays learning_curve returns (n_sizes x n_folds)",
        step_kind="trial",
        series=series,
        extra_ok=["total time (seconds per fit)"],
        notes=(
            "learning_curve(verbose=3) first prints '[learning_curve] Training set sizes: [ 45 135 270 450]' "
            "(the numbers of training samples: counts, not metrics), then one line per fit, "
            "'[CV] END ..................., score=(train=0.911, test=0.887) total time=   0.0s', with no fold "
            "number and no parameter (the dots pad an empty parameter string), then joblib's "
            "'[Parallel(n_jobs=1)]: Done  16 out of  16 | elapsed:    0.2s finished' (counts and wall time). "
            "The fits go fold by fold and, within a fold, through every train size: series 'score train' / "
            "'score test' (the names real_sklearn_halving_grid uses for 'score=(train=…, test=…)'), one point "
            "per fit in print order, step null (nothing on the line counts). Then the script prints a table "
            "'train size | mean train score | mean CV score' with one row per size, '       135 |  0.9111 |  "
            "0.8650' (the first column is the number of training samples, the step of those two series; the "
            "means are over the folds of learning_curve's own arrays). Values on [CV] lines are printed with 3 "
            "decimals, the table with 4; truth at full precision."
        ),
    )

elif which == "validation_curve":
    from sklearn.model_selection import validation_curve
    from sklearn.svm import SVC

    param_range = [0.01, 0.1, 1.0, 10.0, 100.0]
    train_scores, test_scores = validation_curve(
        SVC(gamma=0.05),
        X,
        y,
        param_name="C",
        param_range=param_range,
        cv=3,
        scoring="roc_auc",
        verbose=3,
    )
    best = int(np.argmax(test_scores.mean(axis=1)))
    print(f"best C: {param_range[best]}, mean CV ROC AUC: {test_scores[best].mean():.4f}")
    # n_jobs=1: fold by fold, every C within a fold
    for fold in range(train_scores.shape[1]):
        for i in range(len(param_range)):
            series.add("score train", None, None, train_scores[i, fold])
            series.add("score test", None, None, test_scores[i, fold])
    series.add("mean CV ROC AUC", None, None, test_scores[best].mean())
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the train_scores / test_scores arrays validation_curve returns (n_params x n_folds)",
        step_kind="trial",
        series=series,
        extra_ok=["total time (seconds per fit)"],
        notes=(
            "validation_curve(SVC, param_name='C', cv=3, scoring='roc_auc', verbose=3): one line per fit, "
            "'[CV] END ..............C=0.01;, score=(train=0.944, test=0.931) total time=   0.0s' (C=0.01 is the "
            "parameter being varied, configuration, not a metric; no fold number is printed), then joblib's "
            "'[Parallel(n_jobs=1)]: Done  15 out of  15 | elapsed:    0.3s finished'. The fits go fold by fold "
            "and, within a fold, through every C: series 'score train' / 'score test', one point per fit in "
            "print order, step null. The script then prints 'best C: 1.0, mean CV ROC AUC: 0.9581' (the C is a "
            "setting; the score is the mean over folds of validation_curve's test_scores). Values printed with "
            "3 / 4 decimals, truth at full precision."
        ),
    )

elif which == "random_search":
    from scipy.stats import loguniform
    from sklearn.model_selection import RandomizedSearchCV
    from sklearn.svm import SVC

    search = RandomizedSearchCV(
        SVC(),
        {"C": loguniform(1e-2, 1e2), "gamma": loguniform(1e-3, 1e0)},
        n_iter=5,
        cv=3,
        verbose=10,
        return_train_score=True,
        random_state=0,
    )
    search.fit(X, y)
    print(f"Best parameters: {search.best_params_}")
    print(f"Best mean CV score: {search.best_score_:.4f}")
    res = search.cv_results_
    for i in range(len(res["params"])):
        for k in range(3):
            series.add("score train", k + 1, None, res[f"split{k}_train_score"][i])
            series.add("score test", k + 1, None, res[f"split{k}_test_score"][i])
    series.add("Best mean CV score", None, None, search.best_score_)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="RandomizedSearchCV.cv_results_ (split<k>_train_score / split<k>_test_score), best_score_",
        step_kind="trial",
        series=series,
        extra_ok=["total time (seconds per fit)"],
        notes=(
            "RandomizedSearchCV(SVC(), loguniform C and gamma, n_iter=5, cv=3, verbose=10, "
            "return_train_score=True), n_jobs=1. 'Fitting 3 folds for each of 5 candidates, totalling 15 fits', "
            "then per fit two lines: '[CV 1/3; 1/5] START C=1.5676677195506077, gamma=0.1398…..........' (fold k "
            "of 3, candidate i of 5; the sampled parameters at full repr precision are configuration, not "
            "metrics) and '[CV 1/3; 1/5] END C=1.5676677195506077, gamma=0.1398…;, score=(train=0.960, "
            "test=0.905) total time=   0.0s'. Series 'score train' / 'score test' (as real_sklearn_halving_grid), "
            "step = the fold number k printed in '[CV k/3; i/5]' (as real_sklearn_gridsearch: it restarts for "
            "every candidate; points in print order). Then the script prints 'Best parameters: {'C': …, 'gamma': "
            "…}' (settings) and 'Best mean CV score: 0.9350' (best_score_). Scores printed with 3 / 4 decimals, "
            "truth at full precision."
        ),
    )

elif which == "pipeline":
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, train_test_split
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0)
    pre = ColumnTransformer(
        [
            ("num", StandardScaler(), list(range(8))),
            ("poly", PolynomialFeatures(2), [8, 9, 10, 11]),
        ],
        verbose=True,
    )
    pipe = Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=1000))], verbose=True)
    grid = GridSearchCV(pipe, {"clf__C": [0.01, 0.1, 1.0]}, cv=3, verbose=3)
    grid.fit(X_tr, y_tr)
    test_acc = grid.score(X_te, y_te)
    print(f"best params: {grid.best_params_}")
    print(f"best CV accuracy: {grid.best_score_:.4f}")
    print(f"test accuracy: {test_acc:.4f}")
    res = grid.cv_results_
    for i in range(len(res["params"])):
        for k in range(3):
            series.add("score", k + 1, None, res[f"split{k}_test_score"][i])
    series.add("best CV accuracy", None, None, grid.best_score_)
    series.add("test accuracy", None, None, test_acc)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="GridSearchCV.cv_results_ (split<k>_test_score), best_score_, grid.score() on the held-out set",
        step_kind="trial",
        series=series,
        extra_ok=[
            "total time (seconds per fit)",
            "total= (seconds per pipeline / column-transformer step)",
        ],
        notes=(
            "A Pipeline(verbose=True) of a ColumnTransformer(verbose=True) and a LogisticRegression inside "
            "GridSearchCV(cv=3, verbose=3). Every fit prints the column transformer's "
            "'[ColumnTransformer] ........... (1 of 2) Processing num, total=   0.0s' lines, the pipeline's "
            "'[Pipeline] ............... (step 1 of 2) Processing pre, total=   0.0s' lines (step i of n, elapsed "
            "seconds: counters and times, not metrics), then the search's '[CV 1/3] END .....clf__C=0.01;, "
            "score=0.859 total time=   0.0s' (clf__C is configuration). Series 'score' = the test score of fold "
            "k, step = k as printed in '[CV k/3]' (restarts for every candidate, as real_sklearn_gridsearch). The "
            "refit on the whole training set prints the transformer and pipeline lines once more with no [CV] "
            "line. Then 'best params: {'clf__C': 0.1}', 'best CV accuracy: 0.8756' (best_score_) and 'test "
            "accuracy: 0.8667' (grid.score on the 150 held-out rows). Printed with 3 / 4 decimals, truth at full "
            "precision."
        ),
    )

elif which == "bisecting":
    from sklearn.cluster import BisectingKMeans
    from sklearn.datasets import make_blobs

    Xb, _ = make_blobs(n_samples=500, centers=5, cluster_std=1.2, random_state=0)
    bkm = BisectingKMeans(n_clusters=4, random_state=0, verbose=1)
    lines = teed(lambda: bkm.fit(Xb))
    print(f"final inertia: {bkm.inertia_:.3f}")
    for line in lines:
        m = re.match(r"Iteration (\d+), inertia (\S+)\.$", line)
        if m:
            series.add("inertia", int(m.group(1)), None, float(m.group(2)))
    series.add("final inertia", None, None, bkm.inertia_)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "BisectingKMeans keeps only the final inertia_: the per-iteration values are the print() output of "
            "the k-means runs it makes (Python repr of the float, full precision), teed from sys.stdout inside "
            "fit; 'final inertia' is inertia_"
        ),
        step_kind="global",
        series=series,
        notes=(
            "BisectingKMeans(n_clusters=4, verbose=1) splits a cluster three times; each split is a 2-means run "
            "printing 'Iteration 0, inertia 9183.787980180608.' per Lloyd iteration (the value is followed by a "
            "sentence period; the iteration counter restarts from 0 for every split, points in print order) and "
            "'Converged at iteration 8: strict convergence.', then 'New centroids from bisection: [[-1.876  "
            "1.323]' / ' [ 7.276 -5.133]]' (a numpy array of the two new cluster centres over two lines: "
            "coordinates, not metrics). The inertia of each split is over the cluster being split only. Then "
            "the script prints 'final inertia: 1173.407' (inertia_ of the whole fit, 3 decimals)."
        ),
    )

elif which == "theilsen_lars":
    from sklearn.datasets import make_regression
    from sklearn.linear_model import LassoLarsIC, TheilSenRegressor

    Xr, yr = make_regression(n_samples=300, n_features=4, noise=5.0, random_state=0)
    ts = TheilSenRegressor(verbose=True, random_state=0).fit(Xr, yr)
    r2 = ts.score(Xr, yr)
    print(f"TheilSen R^2: {r2:.4f}")
    lars = LassoLarsIC(criterion="bic", verbose=2).fit(Xr, yr)
    bic = float(lars.criterion_.min())
    print(f"LassoLarsIC: selected alpha {lars.alpha_:.4g}, BIC {bic:.2f}")
    series.add("TheilSen R^2", None, None, r2)
    series.add("LassoLarsIC BIC", None, None, bic)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="TheilSenRegressor.score() on its training data; LassoLarsIC.criterion_ at the selected alpha_",
        step_kind="none",
        series=series,
        notes=(
            "TheilSenRegressor(verbose=True) prints 'Breakdown point: 0.127723444214491' (the estimator's "
            "theoretical robustness, a property of its settings and sample size), 'Number of samples: 300', "
            "'Tolerable outliers: 38', 'Number of subpopulations: 10000' (counts), then joblib's "
            "'[Parallel(n_jobs=1)]: Done   1 out of   1 | elapsed:    0.2s finished' on stderr (piped, it comes "
            "first). LassoLarsIC(criterion='bic', verbose=2) prints the LARS path as a tab-separated table "
            "'Step\\t\\tAdded\\t\\tDropped\\t\\tActive set size\\t\\tC' with rows '0\\t\\t3\\t\\t\\t\\t1\\t\\t"
            "12910.540746322586': the step, the feature index added or dropped, the size of the active set "
            "and C, the largest absolute correlation of a feature with the residual at that step (the "
            "path's regularisation level, not a measure of the fit): no metric. The script then prints "
            "'TheilSen R^2: 0.9937' (score() on the training data) and 'LassoLarsIC: selected alpha 0, BIC "
            "1824.26' (alpha_ is the selected setting; BIC = criterion_ at it: series 'LassoLarsIC BIC', the model's name before the colon kept as in real_sklearnex_patched). Truth at full precision."
        ),
    )
