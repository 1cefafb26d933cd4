"""NiaPy's README example (repeated runs of particle swarm optimisation, `print(best_fit)` after
each) with the Task's own improvement logging switched on (Task(enable_logging=True): NiaPy logs
'INFO:niapy.task.Task:evals:37 => 1.234…' on stderr through logging.basicConfig each time the
best fitness improves).

Versions: niapy 2.7.1, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with niapy):
    python tests/corpus/scripts/capture.py pipe real_niapy_task_logging -- python tests/corpus/scripts/niapy_logging.py
Truth: nothing the output prints carries a metric's name. The record behind the lines is the
Task's own n_evals / fitness_evals (the evaluation count at each improvement and the best fitness
then) and algorithm.run()'s returned best fitness; the script checks that each run's last
logged improvement is the fitness it prints, and the notes say what each number is.
"""

import os
import sys
from importlib import metadata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from niapy.algorithms.basic import ParticleSwarmAlgorithm
from niapy.problems import Problem
from niapy.task import Task


class MyProblem(Problem):
    def __init__(self, dimension, lower=-10, upper=10, *args, **kwargs):
        super().__init__(dimension, lower, upper, *args, **kwargs)

    def _evaluate(self, x):
        return np.sum(x**2)


my_problem = MyProblem(dimension=5)
improvements = 0
for i in range(3):
    task = Task(problem=my_problem, max_iters=15, enable_logging=True)
    algo = ParticleSwarmAlgorithm(
        population_size=10, w=0.9, c1=0.5, c2=0.3, min_velocity=-1, max_velocity=1, seed=i
    )
    best_x, best_fit = algo.run(task)
    print(best_fit)
    assert task.fitness_evals[-1] == best_fit
    improvements += len(task.n_evals)

_truth.write(
    library=f"niapy {metadata.version('niapy')} (numpy {np.__version__})",
    script="tests/corpus/scripts/niapy_logging.py",
    record="Task.n_evals / Task.fitness_evals (evaluation count and best fitness at each "
    "improvement) and algorithm.run()'s (best_x, best_fit): no value is printed under a name",
    step_kind="none",
    series={},
    extra_ok=[],
    not_printed=[],
    notes=(
        f"Three PSO runs ({improvements} logged improvements in all). Each improvement of the best "
        "fitness is logged by NiaPy on stderr as 'INFO:niapy.task.Task:evals:37 => 1.234…': 'evals' "
        "is the number of function evaluations so far (a count, not a metric), the number after "
        "'=>' is the new best fitness (Task.fitness_evals, a metric but printed without any name); "
        "the counter restarts at 1 for each run. After each run the README's print(best_fit): a "
        "bare number on stdout (the run's best fitness, unnamed). Piped, stderr and stdout are "
        "block-buffered apart, so the three bare numbers may come after all the log lines. No "
        "series: a reader that stores 'evals' (a count) or names the unnamed values invents them."
    ),
)
