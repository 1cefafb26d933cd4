"""scikit-learn estimators whose own verbose printing the corpus lacked: GraphicalLassoCV,
DictionaryLearning, BernoulliRBM, the Newton-Cholesky solver of LogisticRegression, SGDRegressor
with early stopping, HistGradientBoostingClassifier with a scorer, GradientBoostingRegressor,
NeighborhoodComponentsAnalysis.

Versions: scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1, Python 3.11 (venv /work/venvs/corpus-zs-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sklearn_graphical_lasso_cv -- python tests/corpus/scripts/sklearn_solvers_verbose.py glasso_cv
    python tests/corpus/scripts/capture.py pipe real_sklearn_dict_learning -- python tests/corpus/scripts/sklearn_solvers_verbose.py dict_learning
    python tests/corpus/scripts/capture.py pipe real_sklearn_rbm -- python tests/corpus/scripts/sklearn_solvers_verbose.py rbm
    python tests/corpus/scripts/capture.py pipe real_sklearn_newton_cholesky -- python tests/corpus/scripts/sklearn_solvers_verbose.py newton 1
    python tests/corpus/scripts/capture.py pipe real_sklearn_newton_cholesky_v2 -- python tests/corpus/scripts/sklearn_solvers_verbose.py newton 2
    python tests/corpus/scripts/capture.py pipe real_sklearn_sgd_regressor_early -- python tests/corpus/scripts/sklearn_solvers_verbose.py sgd_early
    python tests/corpus/scripts/capture.py pipe real_sklearn_hgb_scorer -- python tests/corpus/scripts/sklearn_solvers_verbose.py hgb_scorer
    python tests/corpus/scripts/capture.py pipe real_sklearn_gb_regressor -- python tests/corpus/scripts/sklearn_solvers_verbose.py gbr
    python tests/corpus/scripts/capture.py pipe real_sklearn_nca -- python tests/corpus/scripts/sklearn_solvers_verbose.py nca
(scikit-learn prints the same under a terminal: no pty entries.)
Truth: the estimator's own record where it keeps one (DictionaryLearning.error_,
HistGradientBoosting's train_score_ / validation_score_, GradientBoosting's train_score_,
GraphicalLassoCV's cv_results_ for the path scores). Where it keeps none (the graphical-lasso
iterations inside the CV path, BernoulliRBM's pseudo-likelihood, the Newton solver, SGD, NCA) the script
tees sys.stdout inside fit() and keeps the estimator's own formatted values (printed precision).
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import scipy
import sklearn
from _fdtee import teed

which = sys.argv[1]
LIB = f"scikit-learn {sklearn.__version__} (numpy {np.__version__}, scipy {scipy.__version__})"
SCRIPT = "tests/corpus/scripts/sklearn_solvers_verbose.py"
rng = np.random.RandomState(0)
series = _truth.Series()

if which == "glasso_cv":
    from sklearn.covariance import GraphicalLassoCV
    from sklearn.datasets import make_sparse_spd_matrix

    prec = make_sparse_spd_matrix(
        15, alpha=0.95, smallest_coef=0.4, largest_coef=0.7, random_state=0
    )
    cov = np.linalg.inv(prec)
    d = np.sqrt(np.diag(cov))
    cov /= np.outer(d, d)
    X = rng.multivariate_normal(np.zeros(15), cov, size=60)
    X -= X.mean(0)
    X /= X.std(0)
    est = GraphicalLassoCV(alphas=3, n_refinements=2, cv=3, verbose=3)
    lines = teed(lambda: est.fit(X))
    it_re = re.compile(r"\[graphical_lasso\] Iteration +(\d+), cost +(\S+), dual gap (\S+)")
    path_re = re.compile(r"\[graphical_lasso_path\] alpha: (\S+), score: (\S+)")
    scores = []
    for line in lines:
        m = it_re.search(line)
        if m:
            series.add("cost", int(m.group(1)), None, float(m.group(2)))
            series.add("dual gap", int(m.group(1)), None, float(m.group(3)))
        m = path_re.search(line)
        if m:
            series.add("score", None, None, float(m.group(2)))
            scores.append((float(m.group(1)), float(m.group(2))))
    # the path scores are the fold test scores cv_results_ keeps: check each printed one
    res = est.cv_results_
    recorded = [
        float(res[f"split{k}_test_score"][i]) for k in range(3) for i in range(len(res["alphas"]))
    ]
    for a, s in scores:
        assert any(abs(s - r) <= 0.006 * abs(r) for r in recorded), (a, s)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "graphical_lasso iterations: no record kept inside the CV path, the estimator's own "
            "'%.2e'/'%.3e' lines teed from sys.stdout; path scores checked against cv_results_ "
            "split<k>_test_score"
        ),
        step_kind="global",
        series=series,
        extra_ok=["total time (seconds per fit)"],
        notes=(
            "GraphicalLassoCV(alphas=3, n_refinements=2, cv=3, verbose=3): for each refinement, for "
            "each fold (3), for each alpha of the grid, one graphical-lasso solve printing "
            "'[graphical_lasso] Iteration   1, cost  6.78e+01, dual gap 2.417e-03' per iteration "
            "(the iteration counter restarts at 0 for every solve; step = that counter), then "
            "'[graphical_lasso_path] alpha: 4.76e-02, score: -2.20e+01' (alpha is the grid's "
            "regularisation parameter, a setting, not a metric; score is the fold's test "
            "log-likelihood: series 'score', step null); joblib's '[Parallel(n_jobs=1)]: Done   3 "
            "out of   3 | elapsed:    0.0s finished' and '[GraphicalLassoCV] Done refinement  1 "
            "out of 2:   0s' (counts and seconds), after the last refinement three '[CV] END "
            "........ total time=   0.0s' lines (cross_val_score of the alpha=0 model: a time, no "
            "score printed), and the final refit's iteration lines. joblib writes on stderr "
            "(unbuffered) and the estimator on stdout (block-buffered in a pipe), so the file opens "
            "with the three '[Parallel' lines of the first refinement. Values at the printed "
            "precision (3 significant digits for cost and score)."
        ),
    )

elif which == "dict_learning":
    from sklearn.decomposition import DictionaryLearning

    X = rng.randn(100, 15)
    est = DictionaryLearning(n_components=8, alpha=1.0, max_iter=20, verbose=2, random_state=0)
    est.fit(X)
    # 'Iteration ii (... current cost C)' is printed at the start of iteration ii and shows the
    # cost after iteration ii-1 (error_[ii-1]); iteration 0 shows 'nan', and the last cost
    # (after the last iteration) is never printed
    for ii in range(1, est.n_iter_):
        series.add("current cost", ii, None, est.error_[ii - 1])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="DictionaryLearning.error_ (the cost after each iteration)",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=["the last element of error_ (the cost after the last iteration)"],
        notes=(
            "DictionaryLearning(verbose=2): each iteration starts with 'Iteration   3 (elapsed time: "
            "  0s,  0.0mn, current cost  608.586)' (elapsed seconds and minutes: times, not metrics; "
            "the cost shown is the one after the previous iteration, error_[2] here: step = the "
            "printed iteration number), then the LARS sparse coding prints one '.' per sample with "
            "no newline, so from the second iteration on each line starts with 100 dots glued to "
            "'Iteration'. Iteration 0 prints 'current cost     nan' (no cost yet: not in the "
            "truth), and the cost after the last iteration is in error_ but never printed. Values "
            "printed with 3 decimals, truth at full precision."
        ),
    )

elif which == "rbm":
    from sklearn.neural_network import BernoulliRBM

    X = (rng.rand(300, 32) > 0.5).astype(float)
    X[:, :8] = X[:, [0]]  # some structure to learn
    est = BernoulliRBM(n_components=16, n_iter=10, learning_rate=0.05, random_state=0, verbose=True)
    pat = re.compile(r"\[BernoulliRBM\] Iteration (\d+), pseudo-likelihood = (\S+), time = ")
    for line in teed(lambda: est.fit(X)):
        m = pat.match(line)
        if m:
            series.add("pseudo-likelihood", int(m.group(1)), None, float(m.group(2)))
    assert len(series.series["pseudo-likelihood"]["points"]) == est.n_iter
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "BernoulliRBM keeps no per-iteration record (score_samples is stochastic, it cannot be "
            "redone): its own '%.2f' lines teed from sys.stdout inside fit()"
        ),
        step_kind="global",
        series=series,
        extra_ok=["time (seconds since the fit began)"],
        notes=(
            "BernoulliRBM(verbose=True): '[BernoulliRBM] Iteration 3, pseudo-likelihood = -22.66, "
            "time = 0.01s' per iteration (step = iteration; time = seconds since the start of "
            "fit). Values at the printed precision (2 decimals)."
        ),
    )

elif which == "newton":
    from sklearn.datasets import make_classification
    from sklearn.linear_model import LogisticRegression

    level = int(sys.argv[2])
    X, y = make_classification(400, 10, random_state=0)
    est = LogisticRegression(solver="newton-cholesky", verbose=level)
    it = None
    for line in teed(lambda: est.fit(X, y)):
        if m := re.match(r"Newton iter=(\d+)$", line):
            it = int(m.group(1))
        elif m := re.match(r" +1\. max \|gradient\| (\S+) <= ", line):
            series.add("max |gradient|", it, None, float(m.group(1)))
        elif m := re.match(r" +2\. Newton decrement (\S+) <= ", line):
            series.add("Newton decrement", it, None, float(m.group(1)))
        elif m := re.match(
            r" +line search successful after \d+ iterations with loss=(\S+)\.$", line
        ):
            series.add("loss", it, None, float(m.group(1)))
        elif m := re.match(r" +Solver did converge at loss = (\S+)\.$", line):
            final = float(m.group(1))
            if level < 2:
                series.add("loss", it, None, final)
            else:  # the same value as the last line search's loss, at the same step
                assert series.series["loss"]["points"][-1] == [it, None, final]
    assert it == est.n_iter_[0]
    notes = (
        f"LogisticRegression(solver='newton-cholesky', verbose={level}): per Newton iteration "
        "'Newton iter=3' (step = that number), "
    )
    if level >= 2:
        notes += (
            "'  Backtracking Line Search', '    eps=16 * finfo.eps=3.552713678800501e-15' (a "
            "constant of the floating-point type, not a metric), '    line search iteration=1, step "
            "size=1' (a count and the step length tried: settings of the search, not metrics), "
            "'      check loss improvement <= armijo term: -0.0078… <= -6.8…e-06 True' (the loss "
            "change of the step: in extra_ok, not a series; the Armijo term is the threshold it is "
            "compared to, not a metric), "
            "'    line search successful after 1 iterations with "
            "loss=0.3492864026232009.' (series 'loss'), "
        )
    notes += (
        "'  Check Convergence', '    1. max |gradient| 0.005676019374881623 <= 0.0001 False' "
        "(series 'max |gradient|'; 0.0001 is tol, a setting; True/False the test's outcome), on the "
        "last iteration also '    2. Newton decrement 8.78…e-07 <= 0.0001 True' and '  Solver did "
        "converge at loss = 0.34893937527781105.' ("
        + (
            "the same value as that iteration's line-search loss: one point of 'loss')"
            if level >= 2
            else "series 'loss', one point)"
        )
        + ". Values as Python's repr printed them (full precision)."
    )
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "the Newton solver keeps no per-iteration record (only n_iter_): its own lines teed "
            "from sys.stdout inside fit(), full float repr, checked against n_iter_"
        ),
        step_kind="global",
        series=series,
        extra_ok=["loss improvement (the loss change of a line-search step)"] if level >= 2 else [],
        notes=notes,
    )

elif which == "sgd_early":
    from sklearn.datasets import make_regression
    from sklearn.linear_model import SGDRegressor

    X, y = make_regression(500, 8, noise=10, random_state=0)
    est = SGDRegressor(verbose=1, early_stopping=True, random_state=0, max_iter=20)
    epoch = None
    pat = re.compile(
        r"Norm: ([\d.]+), NNZs: (\d+), Bias: ([-\d.]+), T: (\d+), Avg. loss: ([\d.]+), "
        r"Objective: ([\d.]+), Validation score: ([-\d.]+)$"
    )
    for line in teed(lambda: est.fit(X, y)):
        if m := re.match(r"-- Epoch (\d+)$", line):
            epoch = int(m.group(1))
        elif m := pat.match(line):
            t = int(m.group(4))
            series.add("Avg. loss", t, epoch, float(m.group(5)))
            series.add("Objective", t, epoch, float(m.group(6)))
            series.add("Validation score", t, epoch, float(m.group(7)))
    assert epoch == est.n_iter_
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "SGDRegressor keeps no per-epoch record: its own lines teed from sys.stdout inside "
            "fit(), checked against n_iter_"
        ),
        step_kind="global",
        series=series,
        extra_ok=["Total training time (seconds)", "Convergence ... took N seconds"],
        notes=(
            "SGDRegressor(verbose=1, early_stopping=True): blocks of '-- Epoch 3' then 'Norm: "
            "173.15, NNZs: 8, Bias: -1.511683, T: 1350, Avg. loss: 192.598547, Objective: "
            "194.001265, Validation score: 0.992457' then 'Total training time: 0.00 seconds.', "
            "closing 'Convergence after 9 epochs took 0.01 seconds'. Step = T (samples seen: 450 a "
            "epoch, 10% held out for validation); epoch as printed. Norm (of the weights) and Bias "
            "(the intercept) are the fitted model's state, NNZs and T counts: not metrics. "
            "'Validation score' is R^2 on the held-out 10%. Values at the printed precision."
        ),
    )

elif which == "hgb_scorer":
    from sklearn.datasets import make_classification
    from sklearn.ensemble import HistGradientBoostingClassifier

    X, y = make_classification(2000, 10, n_informative=6, n_classes=3, random_state=0)
    est = HistGradientBoostingClassifier(
        max_iter=15,
        early_stopping=True,
        scoring="accuracy",
        n_iter_no_change=5,
        verbose=2,
        random_state=0,
    )
    est.fit(X, y)
    # train_score_[0] / validation_score_[0] are the scores before the first iteration (not
    # printed); line [i/15] shows element i
    for i in range(1, est.n_iter_ + 1):
        series.add("train score", i, None, est.train_score_[i])
        series.add("val score", i, None, est.validation_score_[i])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="HistGradientBoostingClassifier.train_score_ / validation_score_",
        step_kind="global",
        series=series,
        extra_ok=["the seconds per iteration ('in 0.004s') and the timing summary lines"],
        not_printed=["train_score_[0] / validation_score_[0] (before the first iteration)"],
        notes=(
            "HistGradientBoostingClassifier(scoring='accuracy', early_stopping=True, verbose=2), 3 "
            "classes: 'Binning 0.000 GB of training data: 0.022 s', then per iteration '[4/15] 3 "
            "trees, 93 leaves (31 on avg), max depth = 8, train score: 0.90000, val score: 0.87500, "
            "in 0.157s' (3 trees: one per class; leaves, average leaves and depth are sizes of the "
            "trees, not metrics; step = the iteration before the slash), then 'Fit 45 trees in "
            "3.333 s, (1395 total leaves)' and 'Time spent computing histograms: 1.295s' lines. "
            "Scores printed with 5 decimals, truth at full precision."
        ),
    )

elif which == "gbr":
    from sklearn.datasets import make_regression
    from sklearn.ensemble import GradientBoostingRegressor

    X, y = make_regression(500, 8, noise=10, random_state=0)
    est = GradientBoostingRegressor(n_estimators=30, verbose=2, random_state=0)
    est.fit(X, y)
    for i, v in enumerate(est.train_score_, start=1):  # verbose>1 prints every iteration
        series.add("Train Loss", i, None, v)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="GradientBoostingRegressor.train_score_ (loss on the training data per stage)",
        step_kind="global",
        series=series,
        extra_ok=[],
        notes=(
            "GradientBoostingRegressor(verbose=2), no subsample (so no OOB column): a header "
            "'      Iter       Train Loss   Remaining Time ' then one row per stage '         3       "
            "23905.0326            0.04s' (step = Iter; Remaining Time is an estimate of seconds "
            "left, not a metric). Train Loss is the squared error (half of the mean squared "
            "error), printed with 4 decimals, truth at full precision."
        ),
    )
elif which == "nca":
    from sklearn.datasets import make_classification
    from sklearn.neighbors import NeighborhoodComponentsAnalysis

    X, y = make_classification(200, 6, n_informative=4, n_classes=3, random_state=0)
    est = NeighborhoodComponentsAnalysis(n_components=2, max_iter=15, verbose=1, random_state=0)
    pat = re.compile(r"\[NeighborhoodComponentsAnalysis\] +(\d+) +(\S+) +\S+$")
    for line in teed(lambda: est.fit(X, y)):
        if m := pat.match(line):
            series.add("Objective Value", int(m.group(1)), None, float(m.group(2)))
    assert series.series["Objective Value"]["points"][-1][0] == est.n_iter_ - 1
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "NeighborhoodComponentsAnalysis keeps no per-evaluation record (only n_iter_): its own "
            "'{:>20.6e}' rows teed from sys.stdout inside fit(), checked against n_iter_"
        ),
        step_kind="global",
        series=series,
        extra_ok=["Time(s) (seconds of each objective evaluation)", "Training took N s"],
        notes=(
            "NeighborhoodComponentsAnalysis(verbose=1, max_iter=15): 'Finding most discriminative "
            "components... done in  0.00s', a table whose every line starts with "
            "'[NeighborhoodComponentsAnalysis]': the header '  Iteration      Objective Value    "
            "Time(s)', a dashed rule, then one row per evaluation of the objective by L-BFGS-B "
            "'         7         1.266057e+02       0.00' (the iteration number repeats while the line "
            "search evaluates several points: several points at one step, in print order; step = "
            "that number), a ConvergenceWarning on stderr ('NCA did not converge: STOP: TOTAL NO. "
            "OF ITERATIONS REACHED LIMIT') and '[NeighborhoodComponentsAnalysis] Training took     "
            "0.04s.'. The objective (the expected number of correctly classified points, "
            "maximised) at the printed precision (7 significant digits)."
        ),
    )

else:
    raise SystemExit(f"unknown {which}")
