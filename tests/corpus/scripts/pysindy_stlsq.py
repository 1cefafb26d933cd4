"""PySINDy: sparse identification of the Lorenz system from noisy data with STLSQ(verbose=True)
(its table of error terms per thresholding iteration), then model.print() and the model's score;
`sweep`: the same for three thresholds in turn, a user choosing the sparsity threshold.

Versions: pysindy 2.1.0, numpy 2.4.6, scipy 1.17.1, scikit-learn 1.9.1, Python 3.11.
Capture (repository root, venv corpus-zU-2 active):
    python tests/corpus/scripts/capture.py pipe real_pysindy_stlsq -- python tests/corpus/scripts/pysindy_stlsq.py
    python tests/corpus/scripts/capture.py pipe real_pysindy_threshold_sweep -- python tests/corpus/scripts/pysindy_stlsq.py sweep
(PySINDy prints the same under a terminal: no pty entry.)
Truth: the optimiser's own history_ (the coefficients after each iteration) with its feature
matrix Theta_ and the derivatives the model fitted, through the very formulas STLSQ prints
(|y - Xw|^2, alpha * |w|^2, their sum); model.score() for the score.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pysindy as ps
from scipy.integrate import solve_ivp


def lorenz(t, x, sigma=10.0, rho=28.0, beta=8.0 / 3.0):
    return [sigma * (x[1] - x[0]), x[0] * (rho - x[2]) - x[1], x[0] * x[1] - beta * x[2]]


dt = 0.002
t_train = np.arange(0, 10, dt)
sol = solve_ivp(
    lorenz, (t_train[0], t_train[-1]), [-8, 8, 27], t_eval=t_train, rtol=1e-10, atol=1e-10
)
x_train = sol.y.T + np.random.default_rng(0).normal(scale=0.5, size=sol.y.T.shape)

sweep = len(sys.argv) > 1 and sys.argv[1] == "sweep"
series = _truth.Series()
for threshold in [0.02, 0.2, 1.0] if sweep else [0.05]:
    if sweep:
        print(f"=== threshold = {threshold} ===")
    optimizer = ps.STLSQ(threshold=threshold, verbose=True)
    model = ps.SINDy(
        optimizer=optimizer,
        feature_library=ps.PolynomialLibrary(degree=3),
        differentiation_method=ps.SmoothedFiniteDifference(),
    )
    model.fit(x_train, t=dt)
    model.print()
    score = model.score(x_train, t=dt)
    print(f"Model score: {score:f}")

    theta = optimizer.Theta_
    x_dot = model.differentiation_method(x_train, t=dt)
    # history_[0] is the starting guess; each later entry is one printed iteration (k from 0)
    for k, coef in enumerate(optimizer.history_[1:]):
        r2 = np.sum((x_dot - theta @ coef.T) ** 2)
        l2 = optimizer.alpha * np.sum(coef**2)
        series.add("|y - Xw|^2", k, None, r2)
        series.add("a * |w|_2", k, None, l2)
        series.add("Total error: |y - Xw|^2 + a * |w|_2", k, None, r2 + l2)
    series.add("Model score", k, None, score)

_truth.write(
    library=(
        f"pysindy {metadata.version('pysindy')} (numpy {np.__version__}, "
        f"scikit-learn {metadata.version('scikit-learn')})"
    ),
    script="tests/corpus/scripts/pysindy_stlsq.py",
    record=(
        "STLSQ.history_ (coefficients per iteration) with STLSQ.Theta_ and the model's "
        "derivatives, through STLSQ's printed formulas; SINDy.score()"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "STLSQ(verbose=True) prints a header ' Iteration ... |y - Xw|^2 ...  a * |w|_2 ...      "
        "|w|_0 ... Total error: |y - Xw|^2 + a * |w|_2' (columns separated by ' ... ') then per "
        "iteration '         1 ... 3.7394e+07 ... 4.3676e+01 ...         17 ... 3.7394e+07' "
        "(step = the iteration number printed, from 0; |w|_0 is the number of non-zero "
        "coefficients, a count, not a metric). model.print() prints the identified equations "
        "'(x0)' = -0.166 1 + -9.807 x0 +  9.847 x1' (fitted coefficients, not metrics). Last "
        "'Model score: 0.602226' (the script's print of model.score(), R^2 of the derivatives; "
        "a series at the last iteration's step). alpha = 0.05 (the default ridge weight). "
        "sweep: three fits in turn, each under '=== threshold = 0.2 ===' (the sparsity "
        "threshold, a hyper-parameter), each with its own table whose iteration count restarts "
        "at 0 (the step as STLSQ counts it, so steps repeat from one fit to the next), its "
        "equations and its 'Model score:'."
    ),
)
