"""Evolutionary optimisers printing their own per-generation tables: DEAP's logbook stream and
pymoo's verbose display.

Versions: deap 1.4.4, pymoo 0.6.2, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with those packages):
    python tests/corpus/scripts/capture.py pipe real_deap_easimple -- python tests/corpus/scripts/evolutionary.py deap
    python tests/corpus/scripts/capture.py pipe real_pymoo_ga -- python tests/corpus/scripts/evolutionary.py pymoo
Truth: DEAP's Logbook returned by eaSimple (the record its verbose stream prints); pymoo's
result history (save_history=True): per generation the population's mean F and the optimum's F,
which pymoo's SingleObjectiveOutput prints as f_avg and f_min.
"""

import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/evolutionary.py"
series = _truth.Series()

if which == "deap":
    import deap
    from deap import algorithms, base, creator, tools

    random.seed(7)
    creator.create("FitnessMax", base.Fitness, weights=(1.0,))
    creator.create("Individual", list, fitness=creator.FitnessMax)
    toolbox = base.Toolbox()
    toolbox.register("attr_bool", random.randint, 0, 1)
    toolbox.register("individual", tools.initRepeat, creator.Individual, toolbox.attr_bool, 40)
    toolbox.register("population", tools.initRepeat, list, toolbox.individual)
    toolbox.register("evaluate", lambda ind: (sum(ind),))
    toolbox.register("mate", tools.cxTwoPoint)
    toolbox.register("mutate", tools.mutFlipBit, indpb=0.05)
    toolbox.register("select", tools.selTournament, tournsize=3)
    stats = tools.Statistics(lambda ind: ind.fitness.values)
    stats.register("avg", np.mean)
    stats.register("std", np.std)
    stats.register("min", np.min)
    stats.register("max", np.max)
    pop = toolbox.population(n=60)
    pop, logbook = algorithms.eaSimple(
        pop, toolbox, cxpb=0.5, mutpb=0.2, ngen=15, stats=stats, verbose=True
    )
    for record in logbook:
        for name in ("avg", "std", "min", "max"):
            series.add(name, record["gen"], None, record[name])
    _truth.write(
        library=f"deap {deap.__version__} (numpy {np.__version__})",
        script=SCRIPT,
        record="the Logbook eaSimple returns (what its verbose stream prints, row by row)",
        step_kind="global",
        series=series,
        extra_ok=["nevals (the number of individuals evaluated in the generation, in the logbook)"],
        notes=(
            "eaSimple(verbose=True) prints logbook.stream: a header line of tab-separated column "
            "names 'gen\\tnevals\\tavg    \\tstd    \\tmin    \\tmax    ' (names padded to the "
            "widest value), then one row per generation, tab-separated, gen 0..15. Step = gen "
            "(DEAP's generation counter). nevals is a count of evaluations (in the logbook, not "
            "a result). min and max print as whole numbers (the fitness is a count of ones)."
        ),
    )

elif which == "pymoo":
    import pymoo
    from pymoo.algorithms.soo.nonconvex.ga import GA
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem

    problem = get_problem("rastrigin", n_var=5)
    res = minimize(problem, GA(pop_size=40), ("n_gen", 12), seed=3, verbose=True, save_history=True)
    optimum = float(np.min(problem.pareto_front()))
    for algo in res.history:
        n_gen = algo.n_gen
        series.add("f_avg", n_gen, None, float(np.mean(algo.pop.get("F"))))
        series.add("f_min", n_gen, None, float(np.min(algo.opt.get("F"))))
        series.add("f_gap", n_gen, None, float(np.min(algo.opt.get("F"))) - optimum)
    _truth.write(
        library=f"pymoo {pymoo.__version__} (numpy {np.__version__})",
        script=SCRIPT,
        record="minimize(..., save_history=True).history: per generation the population's F "
        "(mean: f_avg) and the optimum's F (f_min; f_gap: minus the problem's known optimum, 0 for "
        "Rastrigin), the values pymoo's display prints",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "GA on the 5-variable Rastrigin problem, verbose=True: a table between rules of '=', "
            "header 'n_gen  |  n_eval  |     f_avg     |     f_min     |     f_gap', rows like "
            "'     1 |       40 |  8.520345E+01 |  4.738567E+01 |  4.738567E+01' (| separated, "
            "values in %E or, when they fit, as plain decimals: '9.2832216855'). Step = n_gen (pymoo's "
            "generation counter, 1-based). n_eval is the cumulative number of evaluations (a "
            "count, not a result)."
        ),
    )
