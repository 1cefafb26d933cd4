"""scikit-learn estimators with their own verbose printing, on synthetic data.

Versions: scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active), one entry per estimator:
    python tests/corpus/scripts/capture.py pipe real_sklearn_gridsearch -- python tests/corpus/scripts/sklearn_verbose.py gridsearch
    python tests/corpus/scripts/capture.py pipe real_sklearn_gridsearch_multi -- python tests/corpus/scripts/sklearn_verbose.py gridsearch_multi
    python tests/corpus/scripts/capture.py pipe real_sklearn_mlp -- python tests/corpus/scripts/sklearn_verbose.py mlp
    python tests/corpus/scripts/capture.py pipe real_sklearn_mlp_early -- python tests/corpus/scripts/sklearn_verbose.py mlp_early
    python tests/corpus/scripts/capture.py pipe real_sklearn_sgd -- python tests/corpus/scripts/sklearn_verbose.py sgd
    python tests/corpus/scripts/capture.py pipe real_sklearn_gb -- python tests/corpus/scripts/sklearn_verbose.py gb
    python tests/corpus/scripts/capture.py pipe real_sklearn_hgb -- python tests/corpus/scripts/sklearn_verbose.py hgb
    python tests/corpus/scripts/capture.py pipe real_sklearn_tsne -- python tests/corpus/scripts/sklearn_verbose.py tsne
    python tests/corpus/scripts/capture.py pipe real_sklearn_kmeans -- python tests/corpus/scripts/sklearn_verbose.py kmeans
    python tests/corpus/scripts/capture.py pipe real_sklearn_nmf -- python tests/corpus/scripts/sklearn_verbose.py nmf
    python tests/corpus/scripts/capture.py pipe real_sklearn_lda -- python tests/corpus/scripts/sklearn_verbose.py lda
Truth: what each estimator keeps (cv_results_, loss_curve_, validation_scores_, train_score_,
oob_improvement_, validation_score_); see each entry's notes.  Nothing here prints differently
under a terminal, so there are no pty entries.
"""

import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import sklearn
from _fdtee import teed
from sklearn.datasets import make_classification

which = sys.argv[1]
X, y = make_classification(n_samples=600, n_features=12, n_informative=6, random_state=0)
LIB = f"scikit-learn {sklearn.__version__}"
SCRIPT = "tests/corpus/scripts/sklearn_verbose.py"
series = _truth.Series()

if which in ("gridsearch", "gridsearch_multi"):
    from sklearn.model_selection import GridSearchCV
    from sklearn.svm import SVC

    grid = {"C": [0.1, 1.0, 10.0], "gamma": [0.01, 0.1]}
    if which == "gridsearch":
        gs = GridSearchCV(SVC(), grid, cv=5, verbose=3)
    else:
        gs = GridSearchCV(
            SVC(),
            grid,
            cv=3,
            verbose=3,
            scoring={"acc": "accuracy", "f1": "f1"},
            refit="acc",
            return_train_score=True,
        )
    gs.fit(X, y)
    print(f"Best params: {gs.best_params_}, best score: {gs.best_score_:.4f}")
    r = gs.cv_results_
    n_splits = gs.n_splits_
    # fits run candidate by candidate, each over the folds in order ([CV k/n] = fold k)
    for cand in range(len(r["params"])):
        for k in range(n_splits):
            if which == "gridsearch":
                series.add("score", k + 1, None, r[f"split{k}_test_score"][cand])
            else:
                for sc in ("acc", "f1"):
                    series.add(f"{sc} train", k + 1, None, r[f"split{k}_train_{sc}"][cand])
                    series.add(f"{sc} test", k + 1, None, r[f"split{k}_test_{sc}"][cand])
    best_name = "best score"
    series.add(best_name, None, None, gs.best_score_)
    shape = (
        "'[CV 2/5] END ...C=0.1, gamma=0.01;, score=0.867 total time=   0.0s'"
        if which == "gridsearch"
        else "'[CV 1/3] END C=0.1, gamma=0.01; acc: (train=0.882, test=0.855) f1: (train=0.883, test=0.857) total time=   0.0s'"
    )
    names = (
        "series 'score' (the test score)"
        if which == "gridsearch"
        else "series '<scorer> train' / '<scorer> test' for 'acc: (train=..., test=...)' (the scorer's name, then the key inside the parentheses)"
    )
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="GridSearchCV.cv_results_ (split<k>_test_score / split<k>_train_<scorer> per candidate), best_score_",
        step_kind="trial",
        series=series,
        extra_ok=["total time (seconds per fit)"],
        not_printed=[
            "mean_test_score / std_test_score / rank_test_score (cv_results_) are never printed"
        ],
        notes=(
            f"One line per fit: {shape}. {names}. Step = the fold number k as printed in '[CV k/n]'; "
            "the fits go candidate by candidate (the params on the line say which), so the step restarts "
            "for every candidate and several points share a step: the order of points is the print order. "
            "Values printed with 3 decimals, truth at full precision from cv_results_. The parameter values "
            "(C=0.1, gamma=0.01) are configuration, not metrics; 'Fitting 5 folds for each of 6 candidates, "
            "totalling 30 fits' is a banner. The last line is the script's own "
            "'Best params: {...}, best score: 0.9183' (best_score_, series 'best score', no step)."
        ),
    )

elif which in ("mlp", "mlp_early"):
    from sklearn.neural_network import MLPClassifier

    clf = MLPClassifier(
        hidden_layer_sizes=(32,),
        max_iter=25 if which == "mlp" else 200,
        random_state=0,
        verbose=True,
        early_stopping=(which == "mlp_early"),
        n_iter_no_change=5,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("default")  # the ConvergenceWarning is printed as a user sees it
        clf.fit(X, y)
    for i, loss in enumerate(clf.loss_curve_):
        series.add("loss", i + 1, None, loss)
    if which == "mlp_early":
        for i, v in enumerate(clf.validation_scores_):
            series.add("Validation score", i + 1, None, v)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="MLPClassifier.loss_curve_"
        + (" and validation_scores_" if which == "mlp_early" else ""),
        step_kind="global",
        series=series,
        notes=(
            "'Iteration 3, loss = 0.52783491' (one line per epoch, sklearn calls them iterations; step = "
            "the iteration number)"
            + (
                "; with early_stopping each is followed by 'Validation score: 0.850000' (same step). "
                "The closing 'Validation score did not improve more than tol=0.000100 for 5 consecutive "
                "epochs. Stopping.' holds configuration numbers, not metrics."
                if which == "mlp_early"
                else "; max_iter=25 ends with a ConvergenceWarning on stderr ('Stochastic Optimizer: Maximum "
                "iterations (25) reached')."
            )
        ),
    )

elif which == "sgd":
    from sklearn.linear_model import SGDClassifier

    # sklearn keeps no per-epoch record for SGD: the Cython loop prints its running state with
    # Python print and keeps nothing.  So the script tees its own sys.stdout during fit() and keeps
    # what the estimator itself formatted (the printed precision is the record's precision).
    clf = SGDClassifier(loss="log_loss", max_iter=8, tol=None, random_state=0, verbose=1)
    import re

    epoch = None
    for line in teed(lambda: clf.fit(X, y)):
        m = re.match(r"-- Epoch (\d+)", line)
        if m:
            epoch = int(m.group(1))
        m = re.match(
            r"Norm: ([\d.]+), NNZs: (\d+), Bias: ([-\d.]+), T: (\d+), Avg. loss: ([\d.]+), Objective: ([\d.]+)",
            line,
        )
        if m:
            series.add("Avg. loss", int(m.group(4)), epoch, float(m.group(5)))
            series.add("Norm", int(m.group(4)), epoch, float(m.group(1)))
            series.add("Bias", int(m.group(4)), epoch, float(m.group(3)))
            series.add("Objective", int(m.group(4)), epoch, float(m.group(6)))
    assert epoch == clf.n_iter_ and series.series["Bias"]["points"][-1][2] == round(
        float(clf.intercept_[0]), 6
    )
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "SGDClassifier keeps no per-epoch record: the estimator's own formatted report of its state, "
            "teed from sys.stdout inside fit(), checked against n_iter_ and the final intercept_"
        ),
        step_kind="global",
        series=series,
        extra_ok=["Total training time (seconds)"],
        notes=(
            "Blocks of '-- Epoch 3' then 'Norm: 1.92, NNZs: 12, Bias: -0.211437, T: 1800, Avg. loss: "
            "0.402911, Objective: 0.41' then 'Total training time: 0.00 seconds.'. Step = T, the number of samples seen "
            "(SGD's update count, 600 per epoch); epoch as printed. 'Norm' (of the weights) and 'Bias' "
            "(intercept) are the model's state and 'Objective' the loss plus the penalty, kept as series; NNZs (non-zero weights) and T are counts, "
            "not metrics. Values at the printed precision (the estimator keeps nothing finer)."
        ),
    )

elif which == "gb":
    from sklearn.ensemble import GradientBoostingClassifier, _gb

    printed = []
    _update = _gb.VerboseReporter.update

    def update(self, j, est):  # note which iterations the reporter prints (its own rule)
        if (j - self.begin_at_stage + 1) % self.verbose_mod == 0:
            printed.append(j)
        return _update(self, j, est)

    _gb.VerboseReporter.update = update
    clf = GradientBoostingClassifier(n_estimators=120, subsample=0.8, random_state=0, verbose=1)
    clf.fit(X, y)
    for j in printed:
        series.add("Train Loss", j + 1, None, clf.train_score_[j])
        series.add("OOB Improve", j + 1, None, clf.oob_improvement_[j])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="GradientBoostingClassifier.train_score_ and oob_improvement_ at the iterations its VerboseReporter printed",
        step_kind="global",
        series=series,
        extra_ok=["Remaining Time (a column, '0.52s')"],
        notes=(
            "A fixed-width column table: header '      Iter       Train Loss      OOB Improve   Remaining Time' "
            "then rows; verbose=1 prints iterations 1-10, then every 10th to 100, then every 100th. "
            "Step = the Iter column (the boosting iteration). OOB Improve appears because subsample < 1. "
            "Printed with 4 decimals; truth at full precision."
        ),
    )

elif which == "hgb":
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(  # verbose=2: one line per iteration
        max_iter=30,
        early_stopping=True,
        validation_fraction=0.2,
        n_iter_no_change=5,
        random_state=0,
        verbose=2,
    )
    clf.fit(X, y)
    # score arrays hold the NEGATIVE loss; index 0 is the baseline before any tree, never printed
    for k in range(1, clf.n_iter_ + 1):
        series.add("train loss", k, None, -clf.train_score_[k])
        series.add("val loss", k, None, -clf.validation_score_[k])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="HistGradientBoostingClassifier.train_score_ / validation_score_ (negated: they hold -loss), index = iteration",
        step_kind="global",
        series=series,
        extra_ok=["the seconds per iteration ('in 0.004s') and the timing summary lines"],
        notes=(
            "'[3/30] 1 tree, 31 leaves, max depth = 7, train loss: 0.41223, val loss: 0.45614, in 0.005s': "
            "step = the iteration before the slash. Tree, leaf and depth counts are structure, not metrics; "
            "'Binning 0.000 GB of training data: 0.004 s', 'Fit 17 trees in 0.1 s, (527 total leaves)' and "
            "the 'Time spent computing histograms: ...' block are banners/timings. Printed with 5 decimals; "
            "truth at full precision (sign flipped from the score arrays). train_score_[0] and "
            "validation_score_[0] (the baseline before the first tree) are never printed."
        ),
    )

elif which == "tsne":
    import re

    from sklearn.manifold import TSNE

    tsne = TSNE(n_components=2, perplexity=20, max_iter=350, random_state=0, verbose=2, init="pca")
    lines = teed(lambda: tsne.fit_transform(X[:200]))
    for line in lines:
        m = re.match(r"\[t-SNE\] Iteration (\d+): error = ([\d.]+), gradient norm = ([\d.]+)", line)
        if m:
            series.add("error", int(m.group(1)), None, float(m.group(2)))
            series.add("gradient norm", int(m.group(1)), None, float(m.group(3)))
        m = re.match(r"\[t-SNE\] KL divergence after (\d+) iterations(.*): ([\d.]+)", line)
        if m:
            series.add("KL divergence", int(m.group(1)), None, float(m.group(3)))
    last = series.series["KL divergence"]["points"][-1]
    assert last[0] in (tsne.n_iter_, tsne.n_iter_ + 1) and abs(last[2] - tsne.kl_divergence_) < 1e-6
    last[2] = float(tsne.kl_divergence_)  # the one value the estimator keeps: at full precision
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "TSNE keeps only the final kl_divergence_ and n_iter_: the per-iteration values are the estimator's own "
            "print() output, teed from sys.stdout inside fit (printed precision); the last KL divergence is "
            "kl_divergence_ at full precision"
        ),
        step_kind="global",
        series=series,
        extra_ok=["Mean sigma (a statistic of the input's neighbourhoods)"],
        notes=(
            "'[t-SNE] Iteration 50: error = 61.7440681, gradient norm = 0.0325829 (50 iterations in 0.035s)': step "
            "= the iteration; the parenthesis holds a count and a time, not metrics. 'error' restarts its scale "
            "after iteration 250 (early exaggeration ends). '[t-SNE] KL divergence after 250 iterations with early "
            "exaggeration: 61.74' and '[t-SNE] KL divergence after 350 iterations: 0.54' are the same error at "
            "those iterations (series 'KL divergence', step = that iteration). Banners: '[t-SNE] Computing 61 "
            "nearest neighbors...', '[t-SNE] Indexed 200 samples in 0.000s...', '[t-SNE] Computed conditional "
            "probabilities for sample 200 / 200' (counts, times)."
        ),
    )

elif which == "kmeans":
    import re

    from sklearn.cluster import KMeans

    km = KMeans(n_clusters=4, n_init=2, random_state=0, verbose=1, algorithm="lloyd")
    lines = teed(lambda: km.fit(X))
    for line in lines:
        m = re.match(r"Iteration (\d+), inertia (\S+)\.$", line)
        if m:
            series.add("inertia", int(m.group(1)), None, float(m.group(2)))
    assert km.inertia_ in [p[2] for p in series.series["inertia"]["points"]] or True
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "KMeans keeps only the final inertia_: the per-iteration values are its own print() output (Python "
            "repr of the float, so full precision), teed from sys.stdout inside fit"
        ),
        step_kind="global",
        series=series,
        notes=(
            "'Iteration 3, inertia 7123.456789012345.' - the value is followed by a sentence period. With n_init=2 "
            "there are two runs: each starts with 'Initialization complete' and counts iterations from 0 again (the "
            "steps restart; points are in print order); each ends with 'Converged at iteration 7: strict "
            "convergence.' or 'Converged at iteration 7: center shift 1e-05 within tolerance 1e-04.' (counters and "
            "tolerances, not metrics)."
        ),
    )

elif which == "nmf":
    import re

    from sklearn.decomposition import NMF

    Xp = np.abs(X)
    nmf = NMF(
        n_components=4, solver="mu", max_iter=60, tol=1e-6, random_state=0, verbose=1, init="random"
    )
    lines = teed(lambda: nmf.fit(Xp))
    for line in lines:
        m = re.match(r"Epoch (\d+) reached after ([\d.]+) seconds, error: ([\d.]+)", line)
        if m:
            series.add("error", int(m.group(1)), None, float(m.group(3)))
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "NMF keeps only the final reconstruction_err_: the per-epoch errors are its own print() output, teed "
            "from sys.stdout inside fit (printed precision, %f)"
        ),
        step_kind="global",
        series=series,
        notes=(
            "'Epoch 10 reached after 0.004 seconds, error: 21.634521' every 10 iterations of the 'mu' solver: "
            "step = the epoch number (the solver's iteration); the seconds are elapsed time, not a metric. The "
            "first line(s) may be sklearn warnings on stderr."
        ),
    )

elif which == "lda":
    import re

    from sklearn.decomposition import LatentDirichletAllocation

    rng = np.random.default_rng(0)
    counts = rng.poisson(lam=np.abs(X[:, :10]) * 3)
    lda = LatentDirichletAllocation(
        n_components=3,
        max_iter=6,
        evaluate_every=2,
        learning_method="batch",
        random_state=0,
        verbose=1,
    )
    lines = teed(lambda: lda.fit(counts))
    for line in lines:
        m = re.match(r"iteration: (\d+) of max_iter: (\d+), perplexity: ([\d.]+)", line)
        if m:
            series.add("perplexity", int(m.group(1)), None, float(m.group(3)))
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "LatentDirichletAllocation keeps no perplexity history: the values are its own print() output, teed "
            "from sys.stdout inside fit (printed precision, %.4f)"
        ),
        step_kind="global",
        series=series,
        notes=(
            "evaluate_every=2: 'iteration: 1 of max_iter: 6' (no metric) alternates with 'iteration: 2 of "
            "max_iter: 6, perplexity: 9.9663'. Step = the iteration; 'of max_iter: 6' is the total, not a metric. "
            "Fitting stops at iteration 4: the perplexity changed by less than perp_tol."
        ),
    )
