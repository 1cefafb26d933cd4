"""GPyOpt's introductory tutorial (Forrester function, EI acquisition, exact_feval) with
run_optimization(..., verbosity=True): GPyOpt prints 'num acquisition: 3, time elapsed: 9.57s'
per acquisition (a count and the cumulative time: no objective value), then the notebook's
two displays of the optimum as the script's bare prints: myBopt.x_opt (the location, an array)
and myBopt.fx_opt (the best value, a bare float).

Versions: GPyOpt 1.2.6, GPy 1.15.0, paramz 0.10.0, numpy 2.4.6, scipy 1.17.1, matplotlib
(GPyOpt imports pylab), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAN-2):
    python tests/corpus/scripts/capture.py pipe real_gpyopt_forrester -- python tests/corpus/scripts/gpyopt_forrester.py
Truth: the BayesianOptimization object's fx_opt (its _compute_results over Y).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import GPyOpt
import numpy as np

np.random.seed(123)

f_true = GPyOpt.objective_examples.experiments1d.forrester()
bounds = [{"name": "var_1", "type": "continuous", "domain": (0, 1)}]
myBopt = GPyOpt.methods.BayesianOptimization(
    f=f_true.f, domain=bounds, acquisition_type="EI", exact_feval=True
)
max_iter = 6
max_time = 120
eps = 10e-6
myBopt.run_optimization(max_iter, max_time, eps, verbosity=True)
print(myBopt.x_opt)
print(myBopt.fx_opt)

series = _truth.Series()
series.add("fx_opt", None, None, float(myBopt.fx_opt))
_truth.write(
    library=(
        f"GPyOpt {metadata.version('GPyOpt')} (GPy {metadata.version('GPy')}, numpy "
        f"{metadata.version('numpy')})"
    ),
    script="tests/corpus/scripts/gpyopt_forrester.py",
    record="BayesianOptimization.fx_opt",
    step_kind="none",
    series=series,
    extra_ok=["time elapsed (cumulative seconds of the run, printed per acquisition)"],
    not_printed=["Y (every evaluated value: never printed), Y_best"],
    notes=(
        "stdout: 'num acquisition: 1, time elapsed: 4.35s' per acquisition ({:.2f}s; the "
        "acquisition number is a count, the time cumulative), then print(myBopt.x_opt): "
        "'[0.75…]' (the location of the optimum, a one-element array: not a metric) and "
        "print(myBopt.fx_opt): a bare float with no name (truth 'fx_opt', the attribute the "
        "tutorial displays). The objective value of no acquisition is printed."
    ),
)
