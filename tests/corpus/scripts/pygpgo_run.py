"""pyGPGO's GPGO loop as its README runs it: GPGO(surrogate, Acquisition(mode), f, param).run(
max_iter, init_evals) on synthetic objectives (pyGPGO MAXIMISES, so the objectives are negated
Branin / Hartmann-3). GPGO's EventLogger prints a tab-separated table to stdout:
'Evaluation \t Proposed point \t  Current eval. \t Best eval.', then 'init   \t [x y]. \t  -12.3 \t -4.5'
per initial design point and '1      \t [x y]. \t  -3.2 \t -3.2' per iteration; a new best has its
'Current eval.' wrapped in ANSI green (also when piped). The script prints a short config before
and gpgo.getResult() after, as a user would.

Variants:
    gp_ei   GaussianProcess(squaredExponential()) + ExpectedImprovement on -Branin (2-d)
    rf_ucb  RandomForest surrogate + UCB on -Hartmann-3 (3-d)

Versions: pyGPGO 0.5.1, numpy, scipy, scikit-learn (see the truth's "library"), Python 3.11.
Capture (repository root, venv with pyGPGO):
    python tests/corpus/scripts/capture.py pipe real_pygpgo_gp_ei -- python tests/corpus/scripts/pygpgo_run.py gp_ei
    python tests/corpus/scripts/capture.py pty real_pygpgo_gp_ei_pty -- python tests/corpus/scripts/pygpgo_run.py gp_ei
    python tests/corpus/scripts/capture.py pipe real_pygpgo_rf_ucb -- python tests/corpus/scripts/pygpgo_run.py rf_ucb
Truth: GPGO's own record: gpgo.GP.y (every evaluation, in order; 'Current eval.') and the best so
far as GPGO keeps it (gpgo.history after each iteration, and max of the initial design for the
init rows, which is gpgo.tau when they are printed); 'Best value found' = getResult()[1].
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from pyGPGO.acquisition import Acquisition
from pyGPGO.covfunc import squaredExponential
from pyGPGO.GPGO import GPGO
from pyGPGO.surrogates.GaussianProcess import GaussianProcess
from pyGPGO.surrogates.RandomForest import RandomForest

variant = sys.argv[1] if len(sys.argv) > 1 else "gp_ei"
np.random.seed(20)


def neg_branin(x, y):
    a, b, c, r, s, t = 1.0, 5.1 / (4 * np.pi**2), 5 / np.pi, 6.0, 10.0, 1 / (8 * np.pi)
    return -(a * (y - b * x**2 + c * x - r) ** 2 + s * (1 - t) * np.cos(x) + s)


_A = np.array([[3.0, 10, 30], [0.1, 10, 35], [3.0, 10, 30], [0.1, 10, 35]])
_P = 1e-4 * np.array([[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]])
_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])


def neg_hartmann3(x1, x2, x3):
    x = np.array([x1, x2, x3])
    return float(np.sum(_ALPHA * np.exp(-np.sum(_A * (x - _P) ** 2, axis=1))))


if variant == "gp_ei":
    f = neg_branin
    param = {"x": ("cont", [-5, 10]), "y": ("cont", [0, 15])}
    surrogate = GaussianProcess(squaredExponential())
    acq_mode = "ExpectedImprovement"
    acq = Acquisition(mode=acq_mode)
    max_iter, init_evals = 8, 4
else:
    f = neg_hartmann3
    param = {"x1": ("cont", [0, 1]), "x2": ("cont", [0, 1]), "x3": ("cont", [0, 1])}
    surrogate = RandomForest()
    acq_mode = "UCB"
    acq = Acquisition(mode=acq_mode, beta=1.5)
    max_iter, init_evals = 6, 4

print(f"objective: {f.__name__}  params: {param}")
print(f"surrogate: {type(surrogate).__name__}  acquisition: {acq_mode}  max_iter={max_iter} init_evals={init_evals}")

gpgo = GPGO(surrogate, acq, f, param)
gpgo.run(max_iter=max_iter, init_evals=init_evals)
best_x, best_y = gpgo.getResult()
print("Best point:", dict(best_x))
print("Best value found:", best_y)

series = _truth.Series()
ys = [float(v) for v in gpgo.GP.y]
for i in range(init_evals):
    series.add("Current eval.", None, None, ys[i])
    series.add("Best eval.", None, None, max(ys[:init_evals]))
for k in range(max_iter):
    series.add("Current eval.", k + 1, None, ys[init_evals + k])
    series.add("Best eval.", k + 1, None, float(gpgo.history[k + 1]))
series.add("Best value found", max_iter, None, float(best_y))
assert abs(float(best_y) - max(ys)) < 1e-12

_truth.write(
    library=(
        f"pyGPGO {metadata.version('pyGPGO')} (numpy {np.__version__}, scipy "
        f"{metadata.version('scipy')}, scikit-learn {metadata.version('scikit-learn')})"
    ),
    script="tests/corpus/scripts/pygpgo_run.py",
    record="gpgo.GP.y (each evaluation), gpgo.history (best so far per iteration), gpgo.getResult()",
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "pyGPGO maximises; the objectives are negated (values are negative for Branin). "
        "Header 'Evaluation \\t Proposed point \\t  Current eval. \\t Best eval.' then rows "
        "'init   \\t [ 2.1 11.3]. \\t  -45.6 \\t -12.3' for the initial design (step null: GPGO "
        "numbers no init row) and '3      \\t [ 9.4  2.7]. \\t  -1.05 \\t -1.05' per iteration "
        "(step = that evaluation number, a count); the Proposed point is the CANDIDATE's "
        "coordinates (search parameters, not metrics). The row's 'Current eval.' is coloured "
        "green with \\033[92m…\\033[0m when it is a new best, in pipe and pty alike. Before the "
        "run the script prints the parameter dict and settings (max_iter, init_evals, beta); "
        "after, 'Best point: {…}' (coordinates) and 'Best value found: …' (a metric)."
    ),
)
