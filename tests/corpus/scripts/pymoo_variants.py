"""pymoo minimize(..., verbose=True) with algorithms whose display tables are wider than the GA's
(real_pymoo_ga): PSO's adaptive-parameter columns, NSGA-II's multi-objective columns with
constraint violation and performance indicators, DE on a constrained problem with '-' cells.

Variants:
  pso   PSO(pop_size=20) on Rastrigin: 'n_gen | n_eval | f | S | w | c1 | c2 | f_avg | f_min |
        f_gap', then pymoo's getting-started print 'Best solution found: \\nX = %s\\nF = %s'.
  nsga2 NSGA2(pop_size=40) on BNH (2 objectives, 2 constraints): 'n_gen | n_eval | n_nds |
        cv_min | cv_avg | igd | gd | hv'.
  de    DE(pop_size=30) on G1 (13 variables, 9 constraints): 'n_gen | n_eval | cv_min | cv_avg |
        f_avg | f_min | f_gap', '-' until a feasible solution exists.

Versions: pymoo 0.6.2, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAN-1):
    python tests/corpus/scripts/capture.py pipe real_pymoo_pso -- python tests/corpus/scripts/pymoo_variants.py pso
    python tests/corpus/scripts/capture.py pipe real_pymoo_nsga2_constrained -- python tests/corpus/scripts/pymoo_variants.py nsga2
    python tests/corpus/scripts/capture.py pipe real_pymoo_de_constrained -- python tests/corpus/scripts/pymoo_variants.py de
Truth: minimize(..., save_history=True).history: each entry is pymoo's copy of the algorithm
after a generation, holding the Output object whose Column values the display printed
(Column.value at full precision); res.F for the closing print.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from pymoo.algorithms.moo.nsga2 import NSGA2
from pymoo.algorithms.soo.nonconvex.de import DE
from pymoo.algorithms.soo.nonconvex.pso import PSO
from pymoo.optimize import minimize
from pymoo.problems import get_problem

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "pso"

if VARIANT == "pso":
    problem, algorithm, n_gen = get_problem("rastrigin"), PSO(pop_size=20), 15
elif VARIANT == "nsga2":
    problem, algorithm, n_gen = get_problem("bnh"), NSGA2(pop_size=40), 12
else:
    problem, algorithm, n_gen = get_problem("g1"), DE(pop_size=30), 15

res = minimize(problem, algorithm, ("n_gen", n_gen), seed=1, verbose=True, save_history=True)
if VARIANT == "pso":
    print(f"Best solution found: \nX = {res.X}\nF = {res.F}")

# columns that are results of the generation (objective values, constraint violation,
# performance indicators); the rest are counters and the algorithm's own adapted settings
METRICS = {"f_avg", "f_min", "f_gap", "cv_min", "cv_avg", "igd", "gd", "hv"}
series = _truth.Series()
shown = []
for entry in res.history:
    cols = {c.name: c.value for c in entry.output.columns}
    if not shown:
        shown = list(cols)
    for name, value in cols.items():
        if name in METRICS and value is not None:
            series.add(name, int(cols["n_gen"]), None, float(value))
if VARIANT == "pso":
    series.add("F", None, None, float(res.F[0]))

not_metrics = [c for c in shown if c not in METRICS]
notes = {
    "pso": (
        "PSO's table: 'n_gen  |  n_eval  |    f     |    S    |    w    |    c1    |    c2    |"
        "     f_avg     |     f_min     |     f_gap', rows like '     2 |       40 |  0.09244 |   "
        "    3 |  0.4588 |  2.00000 |  2.01441 |  2.477973E+01 |  2.4752809962 |  2.4752809962'. "
        "f is the swarm's evolutionary factor and S the strategy it selects (1..4), w / c1 / c2 the "
        "inertia and acceleration coefficients PSO adapts from them: algorithm state and settings, "
        "not results (first row: '-' for f and S). f_avg / f_min / f_gap are the objective "
        "values (f_gap = f_min minus Rastrigin's known optimum 0, hence equal). Then the docs' "
        "'Best solution found: ' / 'X = [-0.97… 0.03…]' (the decision vector) / 'F = [1.00…]' "
        "(res.F, the series 'F')."
    ),
    "nsga2": (
        "NSGA-II on BNH: 'n_gen  |  n_eval  | n_nds  |     cv_min    |     cv_avg    |      igd  "
        "    |       gd      |       hv', rows like '     3 |      120 |     40 |  0.000000E+00 "
        "|  0.000000E+00 |  0.0282976752 |  0.0094936217 |  0.7902800644'. n_nds is the number "
        "of non-dominated solutions (a count); cv_min / cv_avg the least and mean constraint "
        "violation of the population; igd, gd, hv indicators against BNH's known Pareto front."
    ),
    "de": (
        "DE on G1: 'n_gen  |  n_eval  |     cv_min    |     cv_avg    |     f_avg     |     "
        "f_min     |     f_gap'; while no individual is feasible f_avg / f_min / f_gap print '-' "
        "(no value: absent from the series), e.g. '     1 |       30 |  8.781141E+01 |  "
        "5.302480E+02 |             - |             - |             -'. f_gap = f_min minus "
        "G1's known optimum (-15)."
    ),
}[VARIANT]

_truth.write(
    library=f"pymoo {metadata.version('pymoo')} (numpy {metadata.version('numpy')})",
    script="tests/corpus/scripts/pymoo_variants.py",
    record=(
        "minimize(..., save_history=True).history: the Output columns' values per generation"
        + (" ; res.F" if VARIANT == "pso" else "")
    ),
    step_kind="global",
    series=series,
    not_printed=[],
    notes=(
        f"{type(algorithm).__name__} on {type(problem).__name__}, verbose=True: a table between "
        "rules of '=' (values as '%.6E' or, below 10, plain '%.10f', in 13-wide cells). Step = "
        "n_gen (1-based); n_eval is the cumulative number of evaluations (a count). Columns not "
        f"in the truth: {', '.join(not_metrics)}. " + notes
    ),
)
