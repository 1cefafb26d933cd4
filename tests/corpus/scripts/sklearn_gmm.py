"""scikit-learn GaussianMixture(verbose=2, verbose_interval=2): EM on synthetic blobs, its
'  Iteration N\t time lapse …s\t ll change …' lines and the closing lower bound.

Versions: scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/other-f):
    python tests/corpus/scripts/capture.py pipe real_sklearn_gmm -- python tests/corpus/scripts/sklearn_gmm.py
Truth: gm.lower_bounds_ (scikit-learn keeps the lower bound of every EM iteration of the best
initialisation; with n_init=1 that is the only one) and gm.lower_bound_. The printed 'll change'
at iteration n is lower_bounds_[n-1] - lower_bounds_[n-2], exactly as fit() computes it.
Plain print() to stdout: a terminal shows the same bytes (no pty entry).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import sklearn
from sklearn.datasets import make_blobs
from sklearn.mixture import GaussianMixture

X, _ = make_blobs(n_samples=600, centers=4, n_features=3, cluster_std=2.5, random_state=0)
gm = GaussianMixture(
    n_components=4,
    covariance_type="full",
    init_params="random",
    n_init=1,
    max_iter=60,
    tol=1.5e-4,
    verbose=2,
    verbose_interval=2,
    random_state=3,
)
gm.fit(X)

series = _truth.Series()
lbs = [float(v) for v in gm.lower_bounds_]
for n in range(2, len(lbs) + 1):
    if n % gm.verbose_interval == 0:
        series.add("ll change", n, None, lbs[n - 1] - lbs[n - 2])
series.add("lower bound", gm.n_iter_, None, float(gm.lower_bound_))

_truth.write(
    library=f"scikit-learn {sklearn.__version__}",
    script="tests/corpus/scripts/sklearn_gmm.py",
    record=(
        "gm.lower_bounds_ (the per-iteration lower bound of the log-likelihood; 'll change' is "
        "the difference of two consecutive entries) and gm.lower_bound_ (the final one)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=["the lower bound itself at each iteration (only its change is printed)"],
    notes=(
        "stdout: 'Initialization 0', then every 2nd EM iteration a tab-separated line "
        "'  Iteration 2\\t time lapse 0.00312s\\t ll change 0.04188' (the iteration is the step; "
        "'time lapse 0.00312s' is wall time of the tool, not a metric; 'll change' is the change "
        "of the per-sample log-likelihood lower bound since the previous iteration, printed "
        "'%.5f', the only per-iteration number shown), and at the end 'Initialization converged. "
        "time lapse 0.04711s\\t lower bound -6.91234.' (or 'did not converge'): the final lower "
        "bound, stored here at the last iteration (gm.n_iter_), which the output does not print "
        "on that line."
    ),
)
