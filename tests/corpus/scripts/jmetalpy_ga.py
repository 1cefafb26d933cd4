"""jMetalPy's single-objective genetic algorithm as its examples run it (Sphere with 5 real
variables, SBX crossover, polynomial mutation, StoppingByEvaluations), with its own observers and
its default logging configuration ('[2026-12-07 04:45:01,123] [jmetal.core.algorithm] [DEBUG]
Creating initial set of solutions...' on stderr), and the examples' closing prints (Algorithm,
Problem, Solution, Fitness, Computing time).

- 'objectives': PrintObjectivesObserver(frequency=40) ('… [INFO] Evaluations: 40. fitness:
  [1.23…]') together with ProgressBarObserver (a tqdm bar 'Progress' over the evaluations, on
  stderr).
- 'basic': BasicObserver(frequency=100) (one log record on three lines: 'Evaluations: 100 ',
  ' Best fitness: [1.23…] ', ' Computing time: 0.0123…').

Versions: jmetalpy 1.9.0 (its jmetal.__version__ says 1.7.1), numpy 2.4.6, tqdm 4.70.1,
Python 3.11.
Capture (repository root, a venv with jmetalpy):
    python tests/corpus/scripts/capture.py pipe real_jmetalpy_ga_objectives -- python tests/corpus/scripts/jmetalpy_ga.py objectives
    python tests/corpus/scripts/capture.py pty real_jmetalpy_ga_objectives_pty -- python tests/corpus/scripts/jmetalpy_ga.py objectives
    python tests/corpus/scripts/capture.py pipe real_jmetalpy_ga_basic -- python tests/corpus/scripts/jmetalpy_ga.py basic
Truth: an Observer of ours registered on the same algorithm.observable receives the same
keyword arguments jMetalPy hands its printing observers (EVALUATIONS, SOLUTIONS = the best
solution, its .objectives); it keeps them for the evaluations the printing observer prints. The
closing 'Fitness:' is algorithm.result().objectives[0].
"""

import os
import random
import sys
from importlib import metadata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from jmetal.algorithm.singleobjective.genetic_algorithm import GeneticAlgorithm
from jmetal.core.observer import Observer
from jmetal.operator.crossover import SBXCrossover
from jmetal.operator.mutation import PolynomialMutation
from jmetal.operator.selection import BinaryTournamentSelection
from jmetal.problem.singleobjective.unconstrained import Sphere
from jmetal.util.observer import BasicObserver, PrintObjectivesObserver, ProgressBarObserver
from jmetal.util.termination_criterion import StoppingByEvaluations

which = sys.argv[1]
random.seed(3)
np.random.seed(3)

MAX_EVALUATIONS = 600
FREQ = 40 if which == "objectives" else 100


class Keep(Observer):
    def __init__(self):
        self.seen = []

    def update(self, *args, **kwargs):
        evaluations = kwargs["EVALUATIONS"]
        if evaluations % FREQ == 0:
            self.seen.append((evaluations, list(kwargs["SOLUTIONS"].objectives)))


problem = Sphere(number_of_variables=5)
algorithm = GeneticAlgorithm(
    problem=problem,
    population_size=20,
    offspring_population_size=20,
    mutation=PolynomialMutation(1.0 / problem.number_of_variables(), distribution_index=20),
    crossover=SBXCrossover(0.9, distribution_index=20),
    selection=BinaryTournamentSelection(),
    termination_criterion=StoppingByEvaluations(max_evaluations=MAX_EVALUATIONS),
)
keep = Keep()
if which == "objectives":
    algorithm.observable.register(observer=PrintObjectivesObserver(FREQ))
    algorithm.observable.register(observer=ProgressBarObserver(max=MAX_EVALUATIONS))
else:
    algorithm.observable.register(observer=BasicObserver(FREQ))
algorithm.observable.register(observer=keep)

algorithm.run()
result = algorithm.result()

print(f"Algorithm: {algorithm.get_name()}")
print(f"Problem: {problem.name()}")
print(f"Solution: {result.variables}")
print(f"Fitness:  {result.objectives[0]}")
print(f"Computing time: {algorithm.total_computing_time}")

# ---- truth: what jMetalPy handed its observers ----
series = _truth.Series()
name = "fitness" if which == "objectives" else "Best fitness"
for evaluations, objectives in keep.seen:
    series.add(name, evaluations, None, objectives[0])
series.add("Fitness", algorithm.evaluations, None, float(result.objectives[0]))

common = (
    "jMetalPy configures logging itself (logger 'jmetal' at DEBUG, format '[%(asctime)s] "
    "[%(name)s] [%(levelname)s] %(message)s' on stderr): the run starts with four DEBUG records "
    "('Creating initial set of solutions...', 'Evaluating solutions...', 'Initializing "
    "progress...', 'Running main loop until termination criteria is met') and ends with "
    "'Finished!'; the timestamps are not metrics. Closing prints on stdout (block-buffered when "
    "piped, so they may come after every stderr line): 'Algorithm: Genetic algorithm', 'Problem: "
    "Sphere', 'Solution: [0.01, -0.2, …]' (the 5 variables: parameters, not metrics), 'Fitness:  "
    "0.0412…' (the best solution's objective, a metric, step = the final evaluation count 600; "
    "it shares its word with the observer's series but is its own line), 'Computing time: "
    "0.0123…' (a timing in seconds, not a metric). "
)
if which == "objectives":
    notes = common + (
        "PrintObjectivesObserver logs at INFO every 40 evaluations '[…] [jmetal] [INFO] "
        "Evaluations: 40. fitness: [1.234…]' (Evaluations is the step, a count; the fitness is "
        "the best solution's objective list, one objective printed inside brackets). "
        "ProgressBarObserver draws a tqdm bar 'Progress: 100%|##########| 600/600 [00:00<00:00, "
        "9.1e+03it/s]' on stderr (counts, percentages, times and an evaluation rate: no metric)."
    )
else:
    notes = common + (
        "BasicObserver logs at INFO every 100 evaluations one record on three lines: '[…] "
        "[jmetal] [INFO] Evaluations: 100 ' then ' Best fitness: [1.234…] ' (the best solution's "
        "objectives, inside brackets) then ' Computing time: 0.0123…' (seconds since the start: "
        "a timing, not a metric). Evaluations is the step (a count)."
    )

_truth.write(
    library=f"jmetalpy {metadata.version('jmetalpy')} (numpy {np.__version__}, tqdm "
    f"{metadata.version('tqdm')})",
    script="tests/corpus/scripts/jmetalpy_ga.py",
    record="the keyword arguments jMetalPy's Observable hands every observer (EVALUATIONS, "
    "SOLUTIONS.objectives), kept by an observer of ours at the printed evaluations; "
    "algorithm.result().objectives",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=notes,
)
