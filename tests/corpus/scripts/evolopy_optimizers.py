"""EvoloPy's optimizers called directly on a user's objective, as its README's 'Custom
objective functions' sections show: each prints '<NAME> is optimizing  "<func>"' and then, per
iteration, the Python list ['At iteration N the best fitness is X'] (str() of a float: full
precision), then the README's 'Best solution: [...]' (the decision vector, not a metric) and
'Best fitness: X'.

Variants: pso (PSO.PSO, numbered 1..iters) and gwo (GWO.GWO, which numbers its iterations from 0).

Versions: EvoloPy 4.0.6, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAN-1):
    python tests/corpus/scripts/capture.py pipe real_evolopy_pso -- python tests/corpus/scripts/evolopy_optimizers.py pso
    python tests/corpus/scripts/capture.py pipe real_evolopy_gwo -- python tests/corpus/scripts/evolopy_optimizers.py gwo
Truth: the returned solution object: solution.convergence (the best fitness after each
iteration, the value each line prints) and solution.best_score.
"""

import os
import random
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from EvoloPy.optimizers import GWO, PSO

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "pso"
random.seed(7)
np.random.seed(7)


def my_equation(x):
    # README: "Example: Minimize f(x) = sum(x^2) + sum(sin(x))"
    return np.sum(x**2) + np.sum(np.sin(x))


def rosenbrock(x):
    # README step-by-step guide: "Example: Rosenbrock function"
    sum_value = 0
    for i in range(len(x) - 1):
        sum_value += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2
    return sum_value


if VARIANT == "pso":
    result = PSO.PSO(objf=my_equation, lb=[-10] * 5, ub=[10] * 5, dim=5, PopSize=30, iters=25)
    first = 1  # PSO prints l + 1
else:
    result = GWO.GWO(rosenbrock, [-5] * 6, [5] * 6, 6, 20, 25)
    first = 0  # GWO prints l

best_solution = result.bestIndividual
best_fitness = result.best_score
print(f"Best solution: {best_solution}")
print(f"Best fitness: {best_fitness}")

series = _truth.Series()
for i, v in enumerate(result.convergence):
    series.add("best fitness", i + first, None, float(v))
series.add("Best fitness", None, None, float(best_fitness))

_truth.write(
    library=f"EvoloPy {metadata.version('EvoloPy')} (numpy {metadata.version('numpy')})",
    script="tests/corpus/scripts/evolopy_optimizers.py",
    record="the returned solution object: convergence (best fitness per iteration), best_score",
    step_kind="global",
    series=series,
    not_printed=["executionTime (kept in the solution object, not printed)"],
    notes=(
        f"stdout only. '{result.optimizer} is optimizing  \"{result.objfname}\"' (two spaces), then one "
        "line per iteration, the repr of a one-string list: \"['At iteration 3 the best fitness "
        "is 41.07…']\" (str() of a float, full precision); the series 'best fitness' (lowercase, "
        "as it sits in the sentence) is at the iteration number printed"
        + (
            " (PSO numbers 1..25)"
            if VARIANT == "pso"
            else " (GWO prints its 0-based loop index: 0..24; its convergence[l] is the value of "
            "the line 'At iteration l'). GWO never sets solution.best_score: 'Best fitness: 0' is "
            "the object's default, the record's value, printed as the README shows"
        )
        + ". Then the README's closing prints: 'Best solution: [ 0.12 -1.3 …]' (numpy's repr of "
        "the decision vector, possibly over two lines: parameters, not metrics) and 'Best "
        "fitness: …' (solution.best_score, the series 'Best fitness', no step)."
    ),
)
