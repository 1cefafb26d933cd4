"""MEALPY metaheuristics as its README shows them: an optimizer's solve() with the default console
logger (one logging line per epoch: 'Current best', 'Global best', 'Runtime'), then the
README's closing print of the solution and its fitness; and its Tuner over a small parameter
grid (one line per run with the run's parameters and its best fitness).

Versions: mealpy 3.0.3, numpy 1.26.0, pandas 3.0.6, Python 3.11.
Capture (repository root, a venv with mealpy):
    python tests/corpus/scripts/capture.py pipe real_mealpy_ga -- python tests/corpus/scripts/mealpy_optim.py ga
    python tests/corpus/scripts/capture.py pipe real_mealpy_tuner -- python tests/corpus/scripts/mealpy_optim.py tuner
Truth: ga: optimizer.history (list_current_best_fit, list_global_best_fit, list_epoch_time: one
entry per epoch, what the logger line prints) and g_best.target.fitness; tuner: tuner.df_fit
(the best fitness of each run, per parameter set and trial, the value each Tuner line prints).
The ga run is seeded (solve(seed=10)); mealpy's Tuner calls solve() without a seed, so the tuner
entry's numbers change from one capture to the next (its truth belongs to its own .txt).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import mealpy
import numpy as np
import pandas as pd
from mealpy import GA, PSO, FloatVar, Tuner

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/mealpy_optim.py"
LIB = f"mealpy {mealpy.__version__} (numpy {np.__version__}, pandas {pd.__version__})"
series = _truth.Series()


def objective_function(solution):
    return np.sum(solution**2)


if which == "ga":
    problem_dict = {
        "bounds": FloatVar(lb=(-10.0,) * 30, ub=(10.0,) * 30, name="delta"),
        "minmax": "min",
        "obj_func": objective_function,
    }
    optimizer = GA.BaseGA(epoch=30, pop_size=50, pc=0.85, pm=0.1)
    g_best = optimizer.solve(problem_dict, seed=10)
    print(f"Solution: {g_best.solution}, Fitness: {g_best.target.fitness}")

    h = optimizer.history
    for i, (cur, glob, rt) in enumerate(
        zip(h.list_current_best_fit, h.list_global_best_fit, h.list_epoch_time, strict=True)
    ):
        series.add("Current best", i + 1, None, cur)
        series.add("Global best", i + 1, None, glob)
        series.add("Runtime", i + 1, None, rt)
    series.add("Fitness", len(h.list_global_best_fit), None, g_best.target.fitness)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="optimizer.history.list_current_best_fit / list_global_best_fit / list_epoch_time "
        "(one per epoch) and g_best.target.fitness",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=["list_diversity, list_exploration, list_exploitation (recorded, not printed)"],
        notes=(
            "stderr: mealpy's logging format '%(asctime)s, %(levelname)s, %(name)s: %(message)s': "
            "first '2026/12/07 01:18:09 AM, INFO, mealpy.evolutionary_based.GA.BaseGA: "
            "BaseGA(epoch=30, pop_size=50, pc=0.85, pm=0.1)' (the optimizer's configuration), then "
            "per epoch '… BaseGA: >>>Problem: P, Epoch: 3, Current best: 454.75305036327654, "
            "Global best: 449.51184628100174, Runtime: 0.00700 seconds' (step = Epoch, 1-based; "
            "Runtime is the epoch's wall time, recorded as list_epoch_time, printed with 5 "
            "decimals). stdout, last: the README's print(f'Solution: {g_best.solution}, Fitness: "
            "{g_best.target.fitness}'): numpy wraps the 30-element solution array over several "
            "lines, so 'Fitness: 311.27…' ends the last of them after the array's closing '],' "
            "(the array holds the solution's parameters, not metrics). Fitness = the last Global "
            "best (step 30)."
        ),
    )

elif which == "tuner":
    p1 = {
        "bounds": FloatVar(lb=(-10.0,) * 10, ub=(10.0,) * 10, name="delta"),
        "minmax": "min",
        "obj_func": objective_function,
        "name": "Sphere",
        "log_to": None,
    }
    grid = {"epoch": [20], "pop_size": [20, 40], "c1": [2.05], "c2": [2.05], "w": [0.4, 0.9]}
    model = PSO.OriginalPSO()
    tuner = Tuner(model, grid)
    tuner.execute(problem=p1, n_trials=2, verbose=True)
    print(tuner.best_row)
    print(tuner.best_score)
    print(tuner.best_params)

    run = 0
    for _, row in tuner.df_fit.iterrows():
        for t in range(1, 3):
            run += 1
            series.add("best fitness", run, None, row[f"trial_{t}"])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="tuner.df_fit: per parameter set, the best fitness of each trial (trial_1, "
        "trial_2), the value each 'Algorithm: …' line prints",
        step_kind="trial",
        series=series,
        extra_ok=[],
        not_printed=[
            "df_fit's trial_mean / trial_std for the other parameter sets (print(tuner.best_row) "
            "is cut by pandas to its first and last column)"
        ],
        notes=(
            "Tuner.execute(verbose=True) over 4 parameter sets x 2 trials, the problem with "
            "log_to=None (no per-epoch logging). Per run: 'Algorithm: OriginalPSO, with params: "
            "{'epoch': 20, 'pop_size': 20, 'c1': 2.05, 'c2': 2.05, 'w': 0.4}, trial: 1, best "
            "fitness: 5.85561091716774': the params dict is configuration (epoch, pop_size, c1, c2, "
            "w are not metrics), trial is a counter that restarts at 1 for each parameter set. "
            "Step = the run's position (1..8), the only order that does not repeat. Then "
            "print(tuner.best_row): pandas cuts the 8-column frame to 'params  ...  "
            "rank_mean_std' with a row '2  {'epoch': 20, 'pop_size': 40, 'c1': 2.05, 'c2'...  "
            "...  1.0' and '[1 rows x 8 columns]' (the index 2 and the rank 1.0 are not metrics); "
            "print(tuner.best_score): a bare number with no name (the best set's mean best "
            "fitness: unnamed, left out); print(tuner.best_params): the winning dict "
            "(configuration)."
        ),
    )
