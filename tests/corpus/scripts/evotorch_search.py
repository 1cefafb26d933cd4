"""EvoTorch searchers (SNES, CMA-ES, a multi-objective GA) with their StdOutLogger status blocks.

Versions: evotorch 0.6.1, torch 2.13.0 (CPU), numpy 2.4.6, pandas 3, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-n-1: pip install torch==2.13.0 evotorch):
    python tests/corpus/scripts/capture.py pipe real_evotorch_snes -- python tests/corpus/scripts/evotorch_search.py snes
    python tests/corpus/scripts/capture.py pipe real_evotorch_cmaes_interval -- python tests/corpus/scripts/evotorch_search.py cmaes
    python tests/corpus/scripts/capture.py pipe real_evotorch_ga_multi -- python tests/corpus/scripts/evotorch_search.py ga
(StdOutLogger prints the same under a terminal: no pty entries.)
Truth: a PandasLogger attached to the same searcher with the same interval (EvoTorch's own
record of the status dict StdOutLogger prints, one row per logged generation, full precision).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
from evotorch import Problem
from evotorch.algorithms import CMAES, SNES, GeneticAlgorithm
from evotorch.logging import PandasLogger, StdOutLogger
from evotorch.operators import GaussianMutation, SimulatedBinaryCrossOver

which = sys.argv[1]
torch.manual_seed(0)


def rastrigin(x: torch.Tensor) -> torch.Tensor:
    return 10 * x.shape[-1] + torch.sum(x**2 - 10 * torch.cos(2 * torch.pi * x), dim=-1)


def two_spheres(x: torch.Tensor) -> torch.Tensor:
    return torch.stack([torch.sum(x**2, dim=-1), torch.sum((x - 1) ** 2, dim=-1)], dim=-1)


if which == "snes":
    problem = Problem(
        "min", rastrigin, solution_length=8, initial_bounds=(-3, 3), vectorized=True, seed=0
    )
    searcher = SNES(problem, stdev_init=1.5, popsize=30)
    interval, gens = 1, 15
elif which == "cmaes":
    problem = Problem(
        "min", rastrigin, solution_length=8, initial_bounds=(-3, 3), vectorized=True, seed=1
    )
    searcher = CMAES(problem, stdev_init=1.5, popsize=24)
    interval, gens = 5, 40
else:
    problem = Problem(
        ["min", "min"],
        two_spheres,
        solution_length=5,
        initial_bounds=(-3, 3),
        vectorized=True,
        seed=2,
    )
    searcher = GeneticAlgorithm(
        problem,
        popsize=24,
        operators=[
            SimulatedBinaryCrossOver(problem, tournament_size=4, cross_over_rate=1.0, eta=8),
            GaussianMutation(problem, stdev=0.1),
        ],
    )
    interval, gens = 1, 10

StdOutLogger(searcher, interval=interval)
record = PandasLogger(searcher, interval=interval)
searcher.run(gens)
if which != "ga":
    # what a user typically prints at the end: the best solution found so far
    print("Best solution:", searcher.status["best"])

df = record.to_dataframe()
series = _truth.Series()
for it, row in df.iterrows():
    for name in df.columns:
        series.add(name, int(it), None, float(row[name]))

extra_ok = []
if which != "ga":
    extra_ok = [
        "evals (the best solution's evaluation in the closing 'Best solution: <Solution values="
        "tensor([...]), evals=tensor([v])>' line: best_eval's last value, at 4 decimals)"
    ]
notes = (
    "EvoTorch's Problem first logs INFO lines through its own logger on stderr ('[2026-12-07 "
    "01:31:02] INFO     <28164> evotorch.core: Instance of `Problem` (id:1396...) -- The number "
    "of actors that will be allocated for parallelized evaluation is 0': a timestamp, a process "
    "id, an object id, a count, no metric). StdOutLogger then prints the searcher's status dict "
    "once per logged generation as a block of right-aligned 'key : value' lines followed by a "
    "blank line: '         iter : 1', '    mean_eval : 31.53', 'pop_best_eval : 14.66', "
    "'  median_eval : 27.65', '    best_eval : 14.66', '   worst_eval : 52.94' (values printed "
    "as Python floats, full precision). iter is the generation number (the step, not a series). "
    "best_eval / worst_eval are the best and worst evaluations seen so far, pop_best_eval / "
    "mean_eval / median_eval those of this generation's population."
)
if which == "cmaes":
    notes += (
        " CMA-ES adds 'stepsize : 1.02' (its global step size sigma, a searcher state recorded "
        "in the status; kept as a series like the rest). StdOutLogger(interval=5) prints "
        "generations 5, 10, ..., 40 only; the record holds exactly those."
    )
if which == "ga":
    notes += (
        " With two objectives the GA's status keys are per objective: 'obj0_pop_best_eval : "
        "7.01', '  obj0_median_eval : 11.26', '    obj0_mean_eval : 12.91', then obj1_... (no "
        "best_eval/worst_eval, which are per-objective solutions, not printed)."
    )
else:
    notes += (
        " After the run the script prints 'Best solution: <Solution values=tensor([ 0.98, "
        "-0.02, ...]), evals=tensor([4.1589])>': the values are the solution's decision "
        "variables (parameters, not metrics); evals is the best evaluation (extra_ok)."
    )

_truth.write(
    library=(
        f"evotorch {metadata.version('evotorch')} (torch {torch.__version__}, "
        f"pandas {metadata.version('pandas')})"
    ),
    script="tests/corpus/scripts/evotorch_search.py",
    record="evotorch.logging.PandasLogger(searcher, interval=same).to_dataframe()",
    step_kind="global",
    series=series,
    extra_ok=extra_ok,
    not_printed=[],
    notes=notes,
)
