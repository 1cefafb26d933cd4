"""CasADi's nlpsol with IPOPT (bundled in the casadi wheel) on a constrained Rosenbrock problem,
default print level: IPOPT's banner, problem counts, its iteration table (header repeated every
10 rows), the closing scaled/unscaled error table and counts, then CasADi's timing table.

Versions: casadi 3.8.2 (Ipopt 3.14.19, MUMPS 5.8.2), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zL-1):
    python tests/corpus/scripts/capture.py pipe real_casadi_ipopt -- python tests/corpus/scripts/casadi_ipopt.py
(No bars, no colours: no pty entry.)
Truth: solver.stats()['iterations'], the per-iteration record CasADi keeps from IPOPT's
intermediate callback (obj, inf_pr, inf_du, mu, d_norm, alpha_du, alpha_pr, one value per row
printed), and the solution's f for the closing 'Objective' (unscaled column).
"""

import math
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import casadi as ca

x = ca.MX.sym("x", 2)
f = (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2
g = x[0] ** 2 + x[1] ** 2
solver = ca.nlpsol("solver", "ipopt", {"x": x, "f": f, "g": g})
sol = solver(x0=[-1.2, 1.0], lbg=-ca.inf, ubg=1.5)
print("x_opt:", sol["x"])

stats = solver.stats()
it = stats["iterations"]
series = _truth.Series()
n = len(it["obj"])
assert n == stats["iter_count"] + 1
for k in range(n):
    series.add("objective", k, None, it["obj"][k])
    series.add("inf_pr", k, None, it["inf_pr"][k])
    series.add("inf_du", k, None, it["inf_du"][k])
    series.add("lg(mu)", k, None, math.log10(it["mu"][k]))
    series.add("||d||", k, None, it["d_norm"][k])
    series.add("alpha_du", k, None, it["alpha_du"][k])
    series.add("alpha_pr", k, None, it["alpha_pr"][k])
assert all(r == 0 for r in it["regularization_size"])  # printed '-'
series.add("Objective", n - 1, None, float(sol["f"]))

_truth.write(
    library=f"casadi {metadata.version('casadi')} (Ipopt 3.14.19)",
    script="tests/corpus/scripts/casadi_ipopt.py",
    record="solver.stats()['iterations'] (IPOPT's per-iteration values) and the solution's f",
    step_kind="global",
    series=series,
    extra_ok=[
        "Dual infeasibility, Constraint violation, Variable bound violation, Complementarity, "
        "Overall NLP error (IPOPT's closing scaled/unscaled table)",
        "Total seconds in IPOPT",
        "t_proc, t_wall, avg of nlp_f, nlp_g, nlp_grad_f, nlp_hess_l, nlp_jac_g, total (CasADi's "
        "timing table, seconds)",
    ],
    not_printed=["regularization_size (printed '-': all zero)"],
    notes=(
        "IPOPT prints (C++, stdout) a '****' banner, 'This is Ipopt version 3.14.19, running "
        "with linear solver MUMPS 5.8.2.', dotted count lines 'Number of nonzeros in inequality "
        "constraint Jacobian.:        2', 'Total number of variables....................:        "
        "2', '  variables with only lower bounds:        0' (sizes, not metrics), then the table "
        "'iter    objective    inf_pr   inf_du lg(mu)  ||d||  lg(rg) alpha_du alpha_pr  ls' "
        "(header repeated before iterations 10, 20, …) with rows '   4  5.6948729e+00 0.00e+00 "
        "1.96e+01  -1.0 7.93e-01    -  1.00e+00 1.00e+00H  1': objective, primal and dual "
        "infeasibility, lg(mu) = log10 of the barrier parameter (series in log10, the printed "
        "unit), ||d|| the step's norm, lg(rg) the Hessian regularization ('-' when none: no "
        "value), alpha_du / alpha_pr the step sizes (alpha_pr carries a one-letter line-search "
        "tag glued to it: f, h, H), ls the count of line-search trials (a count, not a metric). "
        "step = the iteration number. Closing: 'Number of Iterations....: 19' (a count), a table "
        "with columns '(scaled)' and '(unscaled)': 'Objective...............:   "
        "3.9961296302742713e-03    8.6156554828713278e-03' (series 'Objective' = the solution's "
        "f, the unscaled value, at the last iteration), 'Dual infeasibility......:', 'Constraint "
        "violation....:', 'Variable bound violation:', 'Complementarity.........:', 'Overall NLP "
        "error.......:' (not in CasADi's record: extra_ok), counts 'Number of objective function "
        "evaluations             = 24' (counts, not metrics), 'Total seconds in IPOPT          "
        "                     = 0.003' (extra_ok), 'EXIT: Optimal Solution Found.', then "
        "CasADi's timing table '      solver  :   t_proc      (avg)   t_wall      (avg)    "
        "n_eval' / '       nlp_f  |  17.00us (708.33ns)  14.90us (620.92ns)        24' (times "
        "with units us/ns/ms: extra_ok; n_eval is a count), and the script's 'x_opt: "
        "[0.907234, 0.822755]' (the solution: parameters, not metrics)."
    ),
)
