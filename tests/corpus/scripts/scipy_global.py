"""SciPy's global optimisers as users run them: basinhopping(disp=True) with the callback of
SciPy's own docstring example ('at minimum %.4f accepted %d') and its closing print, and
dual_annealing with a callback printing each new best point, then print(res) (the
OptimizeResult's aligned 'key: value' block).

Versions: scipy 1.16.3, numpy 1.26.0, Python 3.11.
Capture (repository root, a venv with scipy):
    python tests/corpus/scripts/capture.py pipe real_scipy_basinhopping -- python tests/corpus/scripts/scipy_global.py basinhopping
    python tests/corpus/scripts/capture.py pipe real_scipy_dual_annealing -- python tests/corpus/scripts/scipy_global.py dual_annealing
Truth: the arguments SciPy passes to the callback (basinhopping: every local minimum, step 0 =
the initial minimisation, with its acceptance; dual_annealing: every new best point, with its
context code) and the returned OptimizeResult. basinhopping's disp line also prints the
incumbent energy 'f' and the lowest energy 'lowest_f': both follow from the callback's record
(f = the last accepted minimum's energy, lowest_f = the lowest accepted one), as basinhopping's
own Storage keeps them.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import scipy
from scipy.optimize import basinhopping, dual_annealing

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/scipy_global.py"
LIB = f"scipy {scipy.__version__} (numpy {np.__version__})"
series = _truth.Series()
record = []

if which == "basinhopping":

    def func2d(x):
        f = np.cos(14.5 * x[0] - 0.3) + (x[1] + 0.2) * x[1] + (x[0] + 0.2) * x[0]
        df = np.zeros(2)
        df[0] = -14.5 * np.sin(14.5 * x[0] - 0.3) + 2.0 * x[0] + 0.2
        df[1] = 2.0 * x[1] + 0.2
        return f, df

    def print_fun(x, f, accepted):
        record.append((float(f), bool(accepted)))
        print("at minimum %.4f accepted %d" % (f, int(accepted)))  # noqa: UP031

    rng = np.random.default_rng(1234)
    minimizer_kwargs = {"method": "L-BFGS-B", "jac": True}
    x0 = [1.0, 1.0]
    ret = basinhopping(
        func2d,
        x0,
        minimizer_kwargs=minimizer_kwargs,
        niter=20,
        interval=5,
        callback=print_fun,
        disp=True,
        rng=rng,
    )
    print("global minimum: x = [%.4f, %.4f], f(x) = %.4f" % (ret.x[0], ret.x[1], ret.fun))  # noqa: UP031

    f_cur = lowest = None
    for step, (f, acc) in enumerate(record):
        series.add("at minimum", step, None, f)
        if step == 0:
            f_cur = lowest = f
            series.add("f", 0, None, f)
            continue
        if acc:
            f_cur = f
        series.add("f", step, None, f_cur)
        series.add("trial_f", step, None, f)
        if acc and f < lowest:
            lowest = f
            series.add("lowest_f", step, None, lowest)
            series.add("function value", step, None, lowest)
        else:
            series.add("lowest_f", step, None, lowest)
    series.add("global minimum f(x)", len(record) - 1, None, ret.fun)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="basinhopping's callback arguments (f and accept of every local minimum, step 0 = "
        "the initial one) and the returned OptimizeResult's fun",
        step_kind="global",
        series=series,
        extra_ok=[
            "acceptance rate (the 'adaptive stepsize:' line's share of accepted steps, not in the "
            "record)",
            "new stepsize, old stepsize (the adaptive step size the 'adaptive stepsize:' line "
            "reports, a schedule like a learning rate)",
        ],
        not_printed=[],
        notes=(
            "SciPy's docstring example (func2d, L-BFGS-B with jac, x0 = [1, 1]) with niter=20, "
            "interval=5, disp=True and the docstring's callback print_fun. Per step: the disp line "
            "'basinhopping step 3: f -1.01087 trial_f -0.845 accepted True lowest_f -1.01087' "
            "(%g, 6 significant digits; accepted is a flag, not a metric), when the step lowers "
            "the minimum 'found new global minimum on step 3 with function value -1.01087' (its "
            "value is that step's lowest_f, named here 'function value'), then the callback's "
            "'at minimum -0.8450 accepted 0' (the step's trial minimum, 4 decimals; accepted as "
            "0/1, a flag). Step 0 (the initial minimisation) prints 'basinhopping step 0: f "
            "-0.9…' and 'at minimum …' only. Every interval=5 steps, before the step's line, "
            "'adaptive stepsize: acceptance rate 0.800000 target 0.500000 new stepsize 0.555556 "
            "old stepsize 0.5' (target is configuration). Step = basinhopping's step counter. "
            "Closing line: 'global minimum: x = [-0.1951, -0.1000], f(x) = -1.0109' (x is the "
            "solution's coordinates, not metrics; f(x) = ret.fun at the last step; the series is named "
            "'global minimum f(x)', the key under the line's label, as 'val loss' for a line "
            "labelled 'val:')."
        ),
    )

elif which == "dual_annealing":

    def func(x):
        return np.sum(x * x - 10 * np.cos(2 * np.pi * x)) + 10 * np.size(x)

    def callback(x, f, context):
        record.append((float(f), int(context)))
        print(f"x: {x}, f: {f:.6f}, context: {context}")

    lw = [-5.12] * 4
    up = [5.12] * 4
    res = dual_annealing(
        func, bounds=list(zip(lw, up, strict=True)), seed=42, maxiter=60, callback=callback
    )
    print(res)

    for i, (f, _context) in enumerate(record):
        series.add("f", i + 1, None, f)
    series.add("fun", len(record), None, res.fun)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="dual_annealing's callback arguments (f of every new best point) and the returned "
        "OptimizeResult's fun",
        step_kind="trial",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "dual_annealing on 4-D Rastrigin, seed=42, maxiter=60, a callback printing each new "
            "best point: 'x: [ 0.99…  -0.01…  1.97…  0.02…], f: 6.123456, context: 0' (x is "
            "the point's 4 coordinates, parameters, not metrics; context is SciPy's code for "
            "where the minimum was found: 0 annealing, 1 local search, 2 dual annealing; a code, "
            "not a metric). The callback keeps no counter: step = the callback's call number "
            "(1-based), the order of the lines. Then print(res): SciPy's OptimizeResult block, "
            "right-aligned keys ' message: [\\'Maximum number of iteration reached\\']', ' success: "
            "True', '  status: 0', '     fun: 3.979…' (the result, a metric: last step), "
            "'       x: [ …]' (the solution), '     nit: 60', '    nfev: …', '    njev: …', "
            "'    nhev: 0' (counts of iterations and evaluations, not metrics)."
        ),
    )
