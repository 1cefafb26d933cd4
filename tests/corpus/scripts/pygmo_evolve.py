"""pygmo (pagmo 2) algorithms with set_verbosity on a 5-D Rosenbrock problem: CMA-ES (print(algo),
its own parameter preamble and per-generation table, then print(pop)) and PSO (the tutorial's
print(pop.champion_f) after the per-generation table).

Versions: pygmo 2.20.0 (pagmo 2 bundled in the wheel), numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zc-1):
    python tests/corpus/scripts/capture.py pipe real_pygmo_cmaes -- python tests/corpus/scripts/pygmo_evolve.py cmaes
    python tests/corpus/scripts/capture.py pipe real_pygmo_pso -- python tests/corpus/scripts/pygmo_evolve.py pso
(pagmo prints from C++ with std::cout and no colours or redraws: a terminal capture would show the
same text, so no pty entries.)
Truth: the algorithm's own log, algo.extract(...).get_log() (one tuple per printed row, full
precision), and pop.champion_f for the closing champion fitness.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pygmo as pg

which = sys.argv[1]
series = _truth.Series()
prob = pg.problem(pg.rosenbrock(5))

if which == "cmaes":
    algo = pg.algorithm(pg.cmaes(gen=40, seed=1))
    algo.set_verbosity(4)
    print(algo)
    pop = pg.population(prob, 10, seed=3)
    pop = algo.evolve(pop)
    print(pop)
    log = algo.extract(pg.cmaes).get_log()
    names = ("Best", "dx", "df", "sigma")
    for row in log:
        gen = row[0]
        for name, v in zip(names, row[2:], strict=True):
            series.add(name, gen, None, v)
    series.add("Champion fitness", 40, None, pop.champion_f[0])  # after generation 40
    notes = (
        "Into a pipe Python's own prints are block-buffered while pagmo's C++ std::cout is not: "
        "the C++ lines come first, print(algo) and print(pop) after them. evolve() prints "
        "'CMAES 4 PaGMO: ' and two lines "
        "of the strategy's derived constants joined by ' - ': 'mu: 5 - lambda: 10 - mueff: 3.16 - "
        "N: 5' and 'cc: 0.45 - cs: 0.45 - c1: 0.04 - cmu: 0.09 - sigma: 0.5 - damps: 1.45 - chiN: "
        "2.12' (settings, not metrics), a blank line, a header '   Gen:        Fevals:          "
        "Best:            dx:            df:         sigma:' and a row every 4 generations "
        "'      5             40        3460.04        5.43118    1.05099e+06        0.26421' "
        "(values printed with 6 significant digits; the header repeats every 50 rows). Step = "
        "Gen (1-based, as the log counts it); Fevals is the cumulative count of evaluations (a "
        "counter). Best is the best fitness so far, dx the spread of the population in decision "
        "space, df its spread in fitness, sigma CMA-ES's step size: all four are the columns of "
        "the algorithm's own log. Then 'Exit condition -- generations = 40' (or a tolerance). "
        "print(pop) then prints the problem's description (bounds, dimensions, 'Fitness "
        "evaluations: 410': counts), 'Population size: 10', each individual as '#3:' with 'ID:' "
        "(a 64-bit id), 'Decision vector: [ … ]' and 'Fitness vector: [19923]' (the final "
        "population's contents: parameters and the fitness of each individual, not a per-step "
        "metric), then 'Champion decision vector: [ … ]' (parameters) and 'Champion fitness: "
        "[2.31]' (pop.champion_f after the 40th and last generation, which no row shows: series "
        "'Champion fitness' at step 40, as 'Exit condition -- generations = 40' says)."
    )
else:
    algo = pg.algorithm(pg.pso(gen=60, seed=1))
    algo.set_verbosity(5)
    pop = pg.population(prob, 20, seed=3)
    pop = algo.evolve(pop)
    print(pop.champion_f)
    log = algo.extract(pg.pso).get_log()
    names = ("gbest", "Mean Vel.", "Mean lbest", "Avg. Dist.")
    for row in log:
        gen = row[0]
        for name, v in zip(names, row[2:], strict=True):
            series.add(name, gen, None, v)
    notes = (
        "evolve() prints (C++ std::cout) a blank line, a header '   Gen:        Fevals:         "
        "gbest:     Mean Vel.:    Mean lbest:    Avg. Dist.:' and a row every 5 generations "
        "'      6            120        507.498       0.158457        8328.54       0.533801' "
        "(6 significant digits; the header repeats every 50 rows). Step = Gen (1-based, as the "
        "log counts it); Fevals is the cumulative count of evaluations (a counter). gbest is the "
        "best fitness found by the swarm, Mean lbest the mean of the particles' own best "
        "fitness, Mean Vel. the particles' mean velocity and Avg. Dist. their mean distance to "
        "the best (swarm diagnostics): the columns of pso's own log. Then 'Exit condition -- "
        "generations = 60', and the tutorial's print(pop.champion_f): a numpy array '[3.67]' "
        "(the same value as the last gbest; left out of the truth as a repeat with no name: a "
        "reader may store it under the previous series or not at all)."
    )

_truth.write(
    library=f"pygmo {metadata.version('pygmo')} (numpy {np.__version__})",
    script="tests/corpus/scripts/pygmo_evolve.py",
    record=f"algo.extract(pg.{which}).get_log() (one entry per printed row); pop.champion_f",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=notes,
)
