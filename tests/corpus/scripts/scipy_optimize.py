"""SciPy's optimizers with their own console output: minimize(method="trust-constr",
options={"verbose": 2}), least_squares(verbose=2), differential_evolution(disp=True) then
print(result), minimize(method="BFGS", options={"disp": True}) then print(result).

Versions: scipy 1.16.3, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-j-1):
    python tests/corpus/scripts/capture.py pipe real_scipy_trust_constr -- python tests/corpus/scripts/scipy_optimize.py trust_constr
    python tests/corpus/scripts/capture.py pipe real_scipy_least_squares -- python tests/corpus/scripts/scipy_optimize.py least_squares
    python tests/corpus/scripts/capture.py pipe real_scipy_differential_evolution -- python tests/corpus/scripts/scipy_optimize.py de
    python tests/corpus/scripts/capture.py pipe real_scipy_bfgs_result -- python tests/corpus/scripts/scipy_optimize.py bfgs
(plain print(): the same under a terminal, so no pty entries.)
Truth: trust-constr: the callback's intermediate state (nit, fun, tr_radius, optimality,
constr_violation: the very object its verbose row is printed from) and the OptimizeResult;
least_squares: the arguments SciPy passes to its own row printer
(scipy.optimize._lsq.trf.print_iteration_nonlinear, wrapped; its callback carries only the
cost) and the OptimizeResult; differential_evolution: the callback's intermediate_result.fun
and the OptimizeResult; BFGS: the OptimizeResult.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import scipy
from scipy.optimize import (
    NonlinearConstraint,
    differential_evolution,
    least_squares,
    minimize,
    rosen,
    rosen_der,
)

which = sys.argv[1]
series = _truth.Series()
LIB = f"scipy {scipy.__version__} (numpy {np.__version__})"
SCRIPT = "tests/corpus/scripts/scipy_optimize.py"

if which == "trust_constr":
    # SciPy's tutorial problem: Rosenbrock inside a disk, one linear constraint
    states = []

    def cb(intermediate_result):
        r = intermediate_result
        states.append((r.nit, r.fun, r.tr_radius, r.optimality, r.constr_violation))

    disk = NonlinearConstraint(lambda x: x[0] ** 2 + x[1], -np.inf, 1)
    res = minimize(
        rosen,
        np.array([0.5, 0.0]),
        method="trust-constr",
        jac=rosen_der,
        constraints=[disk],
        bounds=[(0, 1), (-0.5, 2.0)],
        callback=cb,
        options={"verbose": 2},
    )
    print(res.x)
    for nit, fun, trr, opt, cv in states:
        series.add("obj func", nit, None, fun)
        series.add("tr radius", nit, None, trr)
        series.add("opt", nit, None, opt)
        series.add("c viol", nit, None, cv)
    series.add("optimality", res.nit, None, res.optimality)
    series.add("constraint violation", res.nit, None, res.constr_violation)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "minimize(method='trust-constr', callback=...): each intermediate_result's nit, fun, "
            "tr_radius, optimality, constr_violation (what the verbose row prints); the result's "
            "optimality and constr_violation for the closing line"
        ),
        step_kind="global",
        series=series,
        extra_ok=["execution time (seconds of the run, closing line)"],
        not_printed=[],
        notes=(
            "options={'verbose': 2} prints a '|'-framed table: header '| niter |f evals|CG iter|  "
            "obj func   |tr radius |   opt    |  c viol  |', a '|-------|' rule, then one row per "
            "iteration '|   3   |   3   |   2   | +1.2345e-01 | 1.00e+00 | 3.20e-01 | 0.00e+00 |' "
            "(step = niter; 'f evals' and 'CG iter' are counts of evaluations, not metrics; obj "
            "func has a sign). The method then prints an empty line, '`gtol` termination condition "
            "is satisfied.' and 'Number of iterations: 22, function evaluations: 25, CG "
            "iterations: 30, optimality: 5.2e-09, constraint violation: 0.00e+00, execution time: "
            "0.02 s.' (optimality and constraint violation: series at the last iteration's step; "
            "the others counts; execution time in extra_ok). The script then prints res.x, the "
            "solution's coordinates (estimates, not metrics)."
        ),
    )

elif which == "least_squares":
    import scipy.optimize._lsq.trf as trf

    rows = []
    _printer = trf.print_iteration_nonlinear

    def recording_printer(iteration, nfev, cost, cost_reduction, step_norm, optimality):
        rows.append((iteration, cost, cost_reduction, step_norm, optimality))
        return _printer(iteration, nfev, cost, cost_reduction, step_norm, optimality)

    trf.print_iteration_nonlinear = recording_printer
    rng = np.random.default_rng(0)
    t = np.linspace(0, 4, 60)
    y = 2.5 * np.exp(-1.3 * t) + 0.5 * np.sin(2.0 * t) + 0.05 * rng.normal(size=t.size)

    def residuals(p):
        return p[0] * np.exp(-p[1] * t) + p[2] * np.sin(p[3] * t) - y

    res = least_squares(residuals, [1.0, 1.0, 1.0, 1.8], loss="soft_l1", f_scale=0.1, verbose=2)
    print("fitted parameters:", res.x)
    for it, cost, red, step, opt in rows:
        series.add("Cost", it, None, cost)
        if red is not None:  # iteration 0 prints blanks for these two columns
            series.add("Cost reduction", it, None, red)
            series.add("Step norm", it, None, step)
        series.add("Optimality", it, None, opt)
    last = rows[-1][0]
    series.add("initial cost", last, None, rows[0][1])
    series.add("final cost", last, None, res.cost)
    series.add("first-order optimality", last, None, res.optimality)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "the arguments SciPy passes to its own row printer "
            "scipy.optimize._lsq.trf.print_iteration_nonlinear (wrapped; least_squares' callback "
            "holds only the cost), and the OptimizeResult's cost and optimality"
        ),
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "verbose=2 prints a space-aligned table: header '   Iteration     Total nfev        "
            "Cost      Cost reduction    Step norm     Optimality   ', then rows '       1        "
            "      2         2.0627e-01      1.65e+01       1.41e+00       3.01e+00    ' (step = "
            "Iteration, 0-based; 'Total nfev' a count); row 0 leaves 'Cost reduction' and 'Step "
            "norm' blank, so its two numbers sit under Cost and Optimality. Then '`ftol` "
            "termination condition is satisfied.' and 'Function evaluations 9, initial cost "
            "1.6733e+01, final cost 2.8730e-02, first-order optimality 1.06e-08.' (initial cost = "
            "row 0's Cost; the three figures are series at the last row's step; 'Function "
            "evaluations 9' a count). The script then prints 'fitted parameters: [...]' (estimates, "
            "not metrics)."
        ),
    )

elif which == "de":
    energies = []

    def cb(intermediate_result):
        energies.append(intermediate_result.fun)

    bounds = [(-5.12, 5.12)] * 4

    def rastrigin(x):
        return 10 * len(x) + np.sum(x**2 - 10 * np.cos(2 * np.pi * x))

    res = differential_evolution(
        rastrigin, bounds, seed=3, maxiter=30, popsize=10, disp=True, callback=cb
    )
    print(res)
    for i, f in enumerate(energies, start=1):
        series.add("f(x)", i, None, f)
    series.add("fun", res.nit, None, res.fun)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "differential_evolution(callback=...): intermediate_result.fun per generation (the "
            "population's best energy, which disp prints); the OptimizeResult's fun"
        ),
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=["convergence (in the callback's result, never printed)"],
        notes=(
            "disp=True prints 'differential_evolution step 7: f(x)= 1.3491252093712196' per "
            "generation (step = the generation), then \"Polishing solution with 'L-BFGS-B'\". "
            "print(res) then shows the OptimizeResult as right-aligned 'key: value' lines: "
            "'message: ...', 'success: True', 'fun: 3.55e-15' (the polished best value: a series "
            "at the last generation's step), 'x: [ 1.2e-09 ...]' (the solution, an estimate), "
            "'nit: 30', 'nfev: 1285' (counts), 'population: [[...] ...]' and "
            "'population_energies: [ ... ]' (numpy arrays of the final population and its "
            "energies, wrapped over several lines; the population's values, not a per-step "
            "metric), 'jac: [...]' (the polished gradient)."
        ),
    )

elif which == "bfgs":
    x0 = np.array([-1.2, 1.0, 0.8, 1.1])
    res = minimize(rosen, x0, method="BFGS", jac=rosen_der, options={"disp": True})
    print(res)
    series.add("Current function value", res.nit, None, res.fun)
    series.add("fun", res.nit, None, res.fun)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="minimize(method='BFGS', options={'disp': True})'s OptimizeResult: fun",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "disp=True prints only a closing block: 'Optimization terminated successfully.' then "
            "indented 'Current function value: 0.000000' (res.fun at 6 decimals: a series at the "
            "last iteration's step), 'Iterations: 44', 'Function evaluations: 53', 'Gradient "
            "evaluations: 53' (counts). print(res) then shows the OptimizeResult as right-aligned "
            "'key: value' lines: 'message:', 'success: True', 'status: 0', 'fun: 1.9e-13' (the "
            "same final value at full repr precision), 'x: [ 1.000e+00 ...]' (the solution), "
            "'nit:', 'jac: [...]' (the final gradient), 'hess_inv: [[...] ...]' (a 4x4 matrix "
            "over four lines), 'nfev:', 'njev:' (counts)."
        ),
    )
