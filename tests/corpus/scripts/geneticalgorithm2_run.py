"""geneticalgorithm2's real-valued GA as its README runs it (minimise a sum of squares over 3
variables), with its default printing: the timing of the function, 'Best score before
optimization: …', a '|||___ 10.0% GA is running...3 gen from 30...best value = …' bar redrawn
with '\\r' on stdout each generation, then the closing report (' The best found solution:' and
the vector, ' Objective function:' and its value, ' Used generations: 30', ' Used time: …').

Versions: geneticalgorithm2 6.9.2, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with geneticalgorithm2):
    python tests/corpus/scripts/capture.py pipe real_geneticalgorithm2_run -- python tests/corpus/scripts/geneticalgorithm2_run.py
    python tests/corpus/scripts/capture.py pty real_geneticalgorithm2_run_pty -- python tests/corpus/scripts/geneticalgorithm2_run.py
Truth: model.report, the library's own list of the best score of each population (index 0 = the
initial population, index t = the population after generation t), and model.best_function (the
value the closing report prints). The bar at generation t shows the best-so-far before that
generation's offspring: the running minimum of report[0..t-1] (report never rises: elites are
kept).
"""

import os
import sys
from importlib import metadata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from geneticalgorithm2 import GeneticAlgorithm2 as ga


def f(X):
    return np.sum(X**2)


GENERATIONS = 30
model = ga(
    dimension=3,
    variable_type="real",
    variable_boundaries=[[-10, 10]] * 3,
    algorithm_parameters={"max_num_iteration": GENERATIONS, "population_size": 20},
)
result = model.run(function=f, no_plot=True, seed=1)

# ---- truth: geneticalgorithm2's own record ----
report = [float(v) for v in model.report]
series = _truth.Series()
series.add("Best score before optimization", 0, None, report[0])
best = report[0]
for t in range(1, GENERATIONS):
    best = min(best, report[t - 1])
    series.add("best value", t, None, best)
series.add("Objective function", GENERATIONS, None, float(model.best_function))

_truth.write(
    library=f"geneticalgorithm2 {metadata.version('geneticalgorithm2')} (numpy {np.__version__})",
    script="tests/corpus/scripts/geneticalgorithm2_run.py",
    record="model.report (best score per population, index 0 = initial population) and "
    "model.best_function",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[
        "report[29] and report[30] as per-generation values (the bar's last draw at generation "
        "30 says 'GA is running... STOP! limit of iterations: 30' with no value; the closing "
        "'Objective function' is their minimum)"
    ],
    notes=(
        "Opening lines: 'Set: Average time of function evaluating (secs): 4.1e-06 (total = "
        "8.2e-05)' (a timing, not a metric) and 'Best score before optimization: 25.02…' (the "
        "initial population's best score, step 0). Then one bar per generation on stdout, each "
        "drawn after '\\r': '|||_________________ 10.0% GA is running...3 gen from 30...best value "
        "= 7.87…' (the percentage and '3 gen from 30' are counts; 'best value' is the best-so-far "
        "score, step = the generation number t = 1..29); the last draw is '…100.0% GA is "
        "running... STOP! limit of iterations: 30' (no value). Piped, all bar draws sit on one "
        "line separated by '\\r'. Then after a '\\r' and 200 spaces the report: ' The best found "
        "solution:' / ' [-0.22  0.14 -0.01]' (the 3 variables: parameters, not metrics), ' "
        "Objective function:' / ' 0.0722…' (the value on the line after its name; the final best "
        "score, step 30), ' Used generations: 30' (a count), ' Used time: 0.00435 seconds' (a "
        "timing). A UserWarning is not printed (function is passed to run())."
    ),
)
