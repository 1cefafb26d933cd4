"""CVXPY's verbose solve of a small LASSO with three solvers that print their own iteration tables:
OSQP (ADMM, QP), Clarabel (interior point) and SCS (ADMM, conic).

Versions: cvxpy 1.9.3, osqp 1.1.3 (prints v1.0.0), clarabel 0.11.1, scs 3.3.1, numpy 2.4.6,
scipy 1.17.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zL-1):
    python tests/corpus/scripts/capture.py pipe real_cvxpy_osqp_verbose -- python tests/corpus/scripts/cvxpy_verbose.py OSQP
    python tests/corpus/scripts/capture.py pipe real_cvxpy_clarabel_verbose -- python tests/corpus/scripts/cvxpy_verbose.py CLARABEL
    python tests/corpus/scripts/capture.py pipe real_cvxpy_scs_verbose -- python tests/corpus/scripts/cvxpy_verbose.py SCS
(No bars, no colours: no pty entries.)
Truth: the solver's own result object, caught where CVXPY's solver interface returns it
(solve_via_data): OSQP's info (obj_val, dual_obj_val, duality_gap, primdual_int, run_time),
Clarabel's DefaultSolution (solve_time), SCS's info dict (pobj, setup_time, solve_time,
lin_sys_time, cone_time, accel_time, in ms); Problem.value for CVXPY's 'Optimal value'. None of
the solvers keeps its per-iteration table: those columns are extra_ok.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import cvxpy as cp
import numpy as np
from cvxpy.reductions.solvers.conic_solvers.clarabel_conif import CLARABEL
from cvxpy.reductions.solvers.conic_solvers.scs_conif import SCS
from cvxpy.reductions.solvers.qp_solvers.osqp_qpif import OSQP

solver = sys.argv[1] if len(sys.argv) > 1 else "OSQP"
raw: dict = {}
for cls in (OSQP, CLARABEL, SCS):

    def wrap(orig):
        def solve_via_data(self, *a, **k):
            raw["result"] = orig(self, *a, **k)
            return raw["result"]

        return solve_via_data

    cls.solve_via_data = wrap(cls.solve_via_data)

rng = np.random.default_rng(0)
A = rng.standard_normal((60, 20))
x_true = np.where(rng.random(20) < 0.3, rng.standard_normal(20), 0.0)
b = A @ x_true + 0.3 * rng.standard_normal(60)
x = cp.Variable(20)
lam = 2.0
problem = cp.Problem(cp.Minimize(cp.sum_squares(A @ x - b) + lam * cp.norm1(x)))
problem.solve(solver=solver, verbose=True)

series = _truth.Series()
stats = problem.solver_stats
n_iter = stats.num_iters
r = raw["result"]
cvxpy_timing = (
    "DCP verification time, Compilation took, Solver (including time spent in interface) took "
    "(seconds CVXPY's log prints)"
)
if solver == "OSQP":
    info = r.info
    assert info.iter == n_iter
    series.add("optimal objective", n_iter, None, info.obj_val)
    series.add("dual objective", n_iter, None, info.dual_obj_val)
    series.add("duality gap", n_iter, None, info.duality_gap)
    series.add("primal-dual integral", n_iter, None, info.primdual_int)
    series.add("run time", n_iter, None, info.run_time)
    extra = [
        "objective, prim res, dual res, gap, rel kkt, time (OSQP's iteration table columns)",
        cvxpy_timing,
    ]
    notes = (
        "CVXPY's log (stdout): a '=====' banner 'CVXPY' / 'v1.9.3', then '(CVXPY) Dec 07 10:27:29 "
        "AM: Your problem has 20 variables, 0 constraints, and 0 parameters.' (counts), 'DCP "
        "verification time: 0.0002 seconds.', 'Expression tree has 6 nodes.' (a count), section "
        "rules ('----' / 'Compilation' / '----'), 'Finished problem compilation (took 2.047e-02 "
        "seconds).'. OSQP then prints from C: a header, 'problem:  variables n = 80, constraints m "
        "= 80', 'nnz(P) + nnz(A) = 1300' (sizes), 'settings: ...' lines 'eps_abs = 1.0e-05, "
        "eps_rel = 1.0e-05,', 'rho = 1.00e-01 (adaptive: 50 iterations),', 'sigma = 1.00e-06, "
        "alpha = 1.60, max_iter = 10000', 'time_limit: 1.00e+10 sec,' (settings, not metrics), "
        "the table header 'iter   objective    prim res   dual res   gap        rel kkt    rho "
        "        time' and rows '  50   3.0836e+01   3.33e-02   1.46e-04  -2.17e-02   3.33e-02   "
        "1.58e+00*   3.09e-04s' (the rows OSQP prints: iteration 1, some later ones, the last; a "
        "'*' after rho marks an update; the last row is 'plsh' (polishing) with '--------' for rho). "
        "OSQP keeps none of these rows: objective, prim res, dual res, gap, rel kkt and time are "
        "extra_ok; rho is the ADMM step parameter OSQP adapts (a setting, not a metric). Then "
        "'status:               solved', 'solution polishing:   successful', 'number of "
        "iterations: 125' (a count), 'optimal objective:    30.8751', 'dual objective:', "
        "'duality gap:          0.0000e+00', 'primal-dual integral: 1.4948e+03', 'run time:     "
        "        6.08e-04s' (seconds), 'optimal rho estimate: 9.45e+00' (a setting suggested for "
        "a next solve, not a metric): series at the last iteration's step. CVXPY's 'Summary' "
        "section closes: 'Problem status: optimal', 'Optimal value: 3.088e+01' (Problem.value, "
        "a series at the last iteration), 'Compilation took 2.047e-02 seconds', 'Solver "
        "(including time spent in interface) took 1.399e-03 seconds' (extra_ok)."
    )
elif solver == "CLARABEL":
    assert r.iterations == n_iter
    series.add("solve time", n_iter, None, r.solve_time * 1e6)
    extra = [
        "pcost, dcost, gap, pres, dres, k/t, μ, step (Clarabel's iteration table columns)",
        cvxpy_timing,
    ]
    notes = (
        "CVXPY's log as for OSQP (see real_cvxpy_osqp_verbose). Clarabel prints (Rust, stdout) a "
        "header, 'problem:' with '  variables     = 80', 'nnz(A)        = 1280', 'cones (total) = "
        "2', '    : Nonnegative = 1,  numel = 40' (sizes), 'settings:' lines 'max iter = 200, time "
        "limit = Inf,  max step = 0.990', 'tol_feas = 1.0e-8, ...', 'static reg : on, ϵ1 = "
        "1.0e-8, ϵ2 = 4.9e-32' (settings), then the table 'iter    pcost        dcost       gap   "
        "    pres      dres      k/t        μ       step' over a '----' rule, one row per "
        "iteration: '  1  +3.0040e+01  +3.0490e+01  1.50e-02  9.52e-02  1.69e-02  2.31e-01  "
        "3.28e-01  9.90e-01' (iteration 0's step is '------'). Clarabel keeps none of the rows: "
        "primal/dual cost, gap, residuals, k/t, μ (the barrier parameter) and step (the "
        "interior-point step length, like IPOPT's alpha) are extra_ok. Then "
        "'Terminated with status = Solved' and 'solve time = 409.769µs': the solution's "
        "solve_time, printed in µs (series 'solve time' in µs, the printed unit), at the last "
        "iteration. CVXPY's 'Summary': 'Optimal value: 3.088e+01' (Problem.value, a series at "
        "the last iteration) and its timings (extra_ok)."
    )
else:
    info = r["info"]
    assert info["iter"] == n_iter
    series.add("objective", n_iter, None, info["pobj"])
    # SCS prints its timings in seconds and keeps them in ms
    for name, key in (
        ("setup", "setup_time"),
        ("solve", "solve_time"),
        ("lin-sys", "lin_sys_time"),
        ("cones", "cone_time"),
        ("accel", "accel_time"),
    ):
        series.add(name, n_iter, None, info[key] / 1000.0)
    extra = [
        "pri res, dua res, gap, obj, time (s) (SCS's iteration table columns)",
        "total (setup + solve seconds, the timings line)",
        cvxpy_timing,
    ]
    notes = (
        "CVXPY's log as for OSQP (see real_cvxpy_osqp_verbose). SCS prints (C, stdout, with tabs) "
        "a header, 'problem:  variables n: 80, constraints m: 80', 'cones: \\t  z: primal zero / "
        "dual free vars: 60', 'l: linear vars: 40', 'nnz(A): 1280, nnz(P): 60' (sizes), "
        "'settings: eps_abs: 1.0e-05, eps_rel: 1.0e-05, eps_infeas: 1.0e-07', 'alpha: 1.50, "
        "scale: 1.00e-01, adaptive_scale: 1', 'max_iters: 100000, normalize: 1, rho_x: 1.00e-06', "
        "'acceleration_lookback: 10, acceleration_interval: 5' (settings), the table ' iter | pri "
        "res | dua res |   gap   |   obj   |  scale  | time (s)' and rows '     0| 4.13e+00  "
        "5.00e-01  8.68e+01  4.57e+01  1.00e-01  2.09e-03 ' (iteration 0, every 250th, the last; "
        "SCS's info holds only the last iteration's residuals, so the columns are extra_ok; "
        "scale is the ADMM step scale SCS adapts, a setting, not a metric). Then 'status:  "
        "solved', 'timings: total: 2.74e-03s = setup: 1.83e-03s + solve: 9.10e-04s' and '\\t "
        "lin-sys: 4.30e-04s, cones: 1.44e-05s, accel: 1.11e-04s' (info's setup_time, solve_time, "
        "lin_sys_time, cone_time, accel_time, kept in ms, printed in s: series in seconds; total "
        "is their sum as printed, extra_ok), 'objective = 30.875127' (info's pobj). All are "
        "series at the last iteration. CVXPY's 'Summary': 'Optimal value: 3.088e+01' "
        "(Problem.value) and its timings (extra_ok)."
    )
series.add("Optimal value", n_iter, None, problem.value)

_truth.write(
    library=(
        f"cvxpy {metadata.version('cvxpy')} ({solver}: osqp {metadata.version('osqp')}, clarabel "
        f"{metadata.version('clarabel')}, scs {metadata.version('scs')})"
    ),
    script="tests/corpus/scripts/cvxpy_verbose.py",
    record=(
        "the solver's own result returned to CVXPY (solve_via_data): OSQP info / Clarabel "
        "DefaultSolution / SCS info dict; Problem.value"
    ),
    step_kind="global",
    series=series,
    extra_ok=extra,
    not_printed=["the per-iteration rows: no solver keeps them"],
    notes=notes
    + (
        " CVXPY's '(CVXPY) Dec 07 10:27:29 AM: ' prefix is its log's timestamp (month, day, "
        "time), not a metric. CVXPY logs to stderr while the solvers print to stdout from C/Rust: "
        "under a pipe the two streams interleave out of order (CVXPY's Summary lines can come "
        "before the solver's table, OSQP's and SCS's whole output after CVXPY's); the _pty "
        "capture has them in the order printed. The truth is the same for both."
    ),
)
