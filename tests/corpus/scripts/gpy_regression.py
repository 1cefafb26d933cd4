"""GPy Gaussian-process regression: model.optimize(messages=True) then print(model); a sparse
GP with model.optimize_restarts(num_restarts=4) then print(model).

Versions: GPy 1.15.0 (paramz 0.10.0, scipy 1.16.3, numpy 2.4.6), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-j-1):
    python tests/corpus/scripts/capture.py pipe real_gpy_optimize_messages -- python tests/corpus/scripts/gpy_regression.py messages
    python tests/corpus/scripts/capture.py pipe real_gpy_optimize_restarts -- python tests/corpus/scripts/gpy_regression.py restarts
(paramz writes the same '\r' redraws whatever stdout is, and print(model) its bold escapes even
into a pipe: a terminal capture would be the same bytes, so no pty entries.)
Truth: messages: paramz's VerboseOptimization state (iteration, fnow, current_gradient) read each
time its own print_out draws the line (the method is wrapped; which iterations get drawn depends
on timing); print(model)'s Objective from model.objective_function(). restarts: the f_opt of
each run paramz appends to model.optimization_runs (the value the restart line prints).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import GPy
import numpy as np
from paramz.optimization import verbose_optimization as vo

which = sys.argv[1]
series = _truth.Series()
LIB = (
    f"GPy {metadata.version('GPy')} (paramz {metadata.version('paramz')}, scipy "
    f"{metadata.version('scipy')}, numpy {np.__version__})"
)
SCRIPT = "tests/corpus/scripts/gpy_regression.py"
MODEL_NOTE = (
    "print(model) prints 'Name : GP regression', 'Objective : -23.724129954433934' (the "
    "optimized objective, the negative log marginal likelihood: a series at the last step), "
    "'Number of Parameters : 5', 'Number of Optimization Parameters : 5' (counts), 'Updates : "
    "True', then 'Parameters:' and a '|'-separated table whose first column is bold (ANSI "
    "escapes even in a pipe): 'sum.rbf.variance  |  0.48049599255546216  |  +ve  |' (each "
    "kernel hyper-parameter's fitted value, or its shape '(2,)' for an ARD lengthscale, then its "
    "constraint: estimates, not metrics)."
)

np.random.seed(0)
X = np.random.uniform(-3, 3, (80, 2))
Y = np.sin(X[:, :1]) * np.cos(X[:, 1:]) + 0.1 * np.random.randn(80, 1)

if which == "messages":
    drawn = {}
    _print_out = vo.VerboseOptimization.print_out

    def recording_print_out(self, seconds):
        _print_out(self, seconds)
        if not self.ipython_notebook:  # the text line was drawn: keep what it showed
            drawn[self.iteration] = (float(self.fnow), float(self.current_gradient))

    vo.VerboseOptimization.print_out = recording_print_out
    kernel = GPy.kern.RBF(2, ARD=True) + GPy.kern.Bias(2)
    model = GPy.models.GPRegression(X, Y, kernel)
    model.optimize(messages=True, max_iters=200)
    print(model)
    for it in sorted(drawn):
        f, g = drawn[it]
        series.add("f", it, None, f)
        series.add("|g|", it, None, g)
    series.add("Objective", max(drawn), None, model.objective_function())
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "paramz VerboseOptimization's iteration, fnow and current_gradient each time its "
            "print_out draws the text line (wrapped); model.objective_function() after the fit"
        ),
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "optimize(messages=True) prints 'Running L-BFGS-B (Scipy implementation) Code:', a "
            "header '  runtime   i     f              |g|        ', then one status per drawn "
            "iteration, each starting with '\\r' and ending with a space, '    00s01  007  "
            "-2.227990e+01   1.395953e+01 ' (runtime as seconds 's' hundredths, not a metric; "
            "i = the iteration, zero-padded: the step; f = the objective; |g| = the squared "
            "norm of its gradient, 'nan' before the first gradient), most of them redrawn over "
            "each other on one line; paramz ends the line with '\\n' at random-timed points. "
            "Then 'Runtime:     00s08', 'Optimization status: Converged' and an empty line. "
            + MODEL_NOTE
        ),
    )

elif which == "restarts":
    Z = X[::8].copy()
    model = GPy.models.SparseGPRegression(X, Y, GPy.kern.RBF(2), Z=Z)
    before = len(model.optimization_runs)
    model.optimize_restarts(num_restarts=4, robust=True, max_iters=100)
    print(model)
    runs = model.optimization_runs[before:]
    for i, run in enumerate(runs, start=1):
        series.add("f", i, None, run.f_opt)
    series.add("Objective", len(runs), None, model.objective_function())
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "model.optimization_runs appended by optimize_restarts: each run's f_opt (the value "
            "its restart line prints); model.objective_function() after the restarts"
        ),
        step_kind="trial",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "optimize_restarts prints 'Optimization restart 1/4, f = -23.724129963728075' per "
            "restart (step = the restart number; 4 is their count), then print(model) of the "
            "sparse GP: 'Name : sparse_gp', 'Objective : ...', counts, and the parameter table "
            "with the inducing inputs' shape '(10, 2)' as a row. The model keeps the best "
            "restart's parameters, so Objective is the lowest f. " + MODEL_NOTE
        ),
    )
