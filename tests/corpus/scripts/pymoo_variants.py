"""pymoo minimize(..., verbose=True) with algorithms whose display tables are wider than the GA's
(real_pymoo_ga): PSO's adaptive-parameter columns, NSGA-II's multi-objective columns with
constraint violation and performance indicators, DE on a constrained problem with '-' cells.

Variants:
  pso   PSO(pop_size=20) on Rastrigin: 'n_gen | n_eval | f | S | w | c1 | c2 | f_avg | f_min |
        f_gap', then pymoo's getting-started print 'Best solution found: \\nX = %s\\nF = %s'.
  nsga2 NSGA2(pop_size=40) on BNH (2 objectives, 2 constraints): 'n_gen | n_eval | n_nds |
        cv_min | cv_avg | igd | gd | hv'.
  cmaes CMAES() on the sphere problem: 'n_gen | n_eval | f_avg | f_min | f_gap | sigma | min_std |
        max_std | axis' (step size, the covariance's extreme standard deviations and axis
        ratio: the strategy's state, not results).
  getting_started  the Getting Started guide's two-objective two-constraint MyProblem with
        NSGA2(pop_size=40): no known Pareto front, so 'n_gen | n_eval | n_nds | cv_min | cv_avg |
        eps | indicator' (eps the change of the indicator named in the last column: ideal /
        nadir / f).
  de    DE(pop_size=30) on G1 (13 variables, 9 constraints): 'n_gen | n_eval | cv_min | cv_avg |
        f_avg | f_min | f_gap', '-' until a feasible solution exists.

Versions: pymoo 0.6.2, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAN-1):
    python tests/corpus/scripts/capture.py pipe real_pymoo_pso -- python tests/corpus/scripts/pymoo_variants.py pso
    python tests/corpus/scripts/capture.py pipe real_pymoo_nsga2_constrained -- python tests/corpus/scripts/pymoo_variants.py nsga2
    python tests/corpus/scripts/capture.py pipe real_pymoo_de_constrained -- python tests/corpus/scripts/pymoo_variants.py de
    python tests/corpus/scripts/capture.py pipe real_pymoo_cmaes -- python tests/corpus/scripts/pymoo_variants.py cmaes
    python tests/corpus/scripts/capture.py pipe real_pymoo_getting_started -- python tests/corpus/scripts/pymoo_variants.py getting_started
Truth: minimize(..., save_history=True).history: each entry is pymoo's copy of the algorithm
after a generation, holding the Output object whose Column values the display printed
(Column.value at full precision); res.F for the closing print.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from pymoo.algorithms.moo.nsga2 import NSGA2
from pymoo.algorithms.soo.nonconvex.cmaes import CMAES
from pymoo.algorithms.soo.nonconvex.de import DE
from pymoo.algorithms.soo.nonconvex.pso import PSO
from pymoo.core.problem import ElementwiseProblem
from pymoo.optimize import minimize
from pymoo.problems import get_problem

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "pso"


class MyProblem(ElementwiseProblem):
    # pymoo's Getting Started guide, "Part II: Find a Solution Set using Multi-objective
    # Optimization"
    def __init__(self):
        super().__init__(
            n_var=2, n_obj=2, n_ieq_constr=2, xl=np.array([-2, -2]), xu=np.array([2, 2])
        )

    def _evaluate(self, x, out, *args, **kwargs):
        f1 = 100 * (x[0] ** 2 + x[1] ** 2)
        f2 = (x[0] - 1) ** 2 + x[1] ** 2
        g1 = 2 * (x[0] - 0.1) * (x[0] - 0.9) / 0.18
        g2 = -20 * (x[0] - 0.4) * (x[0] - 0.6) / 4.8
        out["F"] = [f1, f2]
        out["G"] = [g1, g2]


if VARIANT == "pso":
    problem, algorithm, n_gen = get_problem("rastrigin"), PSO(pop_size=20), 15
elif VARIANT == "nsga2":
    problem, algorithm, n_gen = get_problem("bnh"), NSGA2(pop_size=40), 12
elif VARIANT == "cmaes":
    problem, algorithm, n_gen = get_problem("sphere"), CMAES(), 12
elif VARIANT == "getting_started":
    problem, algorithm, n_gen = MyProblem(), NSGA2(pop_size=40), 12
else:
    problem, algorithm, n_gen = get_problem("g1"), DE(pop_size=30), 15

res = minimize(problem, algorithm, ("n_gen", n_gen), seed=1, verbose=True, save_history=True)
if VARIANT == "pso":
    print(f"Best solution found: \nX = {res.X}\nF = {res.F}")

# columns that are results of the generation (objective values, constraint violation,
# performance indicators); the rest are counters and the algorithm's own adapted settings
METRICS = {"f_avg", "f_min", "f_gap", "cv_min", "cv_avg", "igd", "gd", "hv", "eps"}
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
    "cmaes": (
        "CMA-ES (pymoo's wrapper of the cma package; cma itself prints nothing here): "
        "'n_gen  |  n_eval  |     f_avg     |     f_min     |     f_gap     |     sigma     | "
        "min_std  | max_std  |   axis', rows like '     2 |       30 |  0.4221108218 |  "
        "0.2771717542 |  0.2771717542 |  0.0918766414 |  0.08997 |  0.09245 |  1.18798'. "
        "sigma (the step size), min_std / max_std (the extreme standard deviations of the "
        "search distribution) and axis (its axis ratio) are the strategy's state, not results; "
        "f_avg / f_min / f_gap the objective values (f_gap = f_min minus the sphere's optimum "
        "0). n_eval grows by the population size (10) after the first generation's 20."
    ),
    "getting_started": (
        "The Getting Started guide's MyProblem (2 objectives, 2 inequality constraints, no "
        "known Pareto front): 'n_gen  |  n_eval  | n_nds  |     cv_min    |     cv_avg    |    "
        "  eps      |   indicator', rows like '     2 |       80 |      3 |  0.000000E+00 |  "
        "0.1208934566 |  0.7971739193 |         ideal'. n_nds is the number of non-dominated "
        "solutions (a count); eps the change of the front measured by the indicator named in "
        "the last column (a word: ideal, nadir or f), '-' in the first row; cv_min / cv_avg "
        "the least and mean constraint violation."
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
