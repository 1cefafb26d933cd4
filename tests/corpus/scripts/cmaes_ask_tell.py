"""CyberAgent's cmaes library: the ask-and-tell loops of its README, printing as they print.

Versions: cmaes 0.13.1, numpy 2.4.6, Python 3.11 (venv corpus-zv-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_cmaes_readme -- /work/venvs/corpus-zv-1/bin/python tests/corpus/scripts/cmaes_ask_tell.py readme
    python tests/corpus/scripts/capture.py pipe real_cmaes_sop -- /work/venvs/corpus-zv-1/bin/python tests/corpus/scripts/cmaes_ask_tell.py sop
    python tests/corpus/scripts/capture.py pipe real_cmaes_ws_table -- /work/venvs/corpus-zv-1/bin/python tests/corpus/scripts/cmaes_ask_tell.py ws
    python tests/corpus/scripts/capture.py pipe real_cmaes_evals_table -- /work/venvs/corpus-zv-1/bin/python tests/corpus/scripts/cmaes_ask_tell.py evals
The loops are the README's (seeds added, generation counts cut to keep the files small):
  readme: CMA on the quadratic, 'print(f"#{generation} {value} (x1={x[0]}, x2 = {x[1]})")' for
          every candidate;
  sop:    CMASoP (module cmaes.cmasop; the README says cmaes.cma_sop),
          'print(f"#{generation} ({best_eval} {eval_count})")' per generation (SafeCMA prints the
          same way but imports gpytorch: not used);
  ws:     WS-CMA-ES (get_warm_start_mgd), the table ' g    f(x1,x2)     x1      x2  ' one row per
          candidate until should_stop();
  evals:  MAPCMA on Rosenbrock, the table ' evals    f(x)' every 1000th evaluation until
          should_stop() (dim 10 instead of 20: a shorter run).
Truth: cmaes keeps no history; each value is the objective the loop handed to optimizer.tell()
and printed (the hand-loop rule: exactly what was printed, at full precision), at the step the
loop prints (the generation, optimizer.generation for ws, the evaluation count for evals).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from cmaes import CMA, MAPCMA, get_warm_start_mgd
from cmaes.cmasop import CMASoP

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "readme"
series = _truth.Series()


def quadratic(x1, x2):
    return (x1 - 3) ** 2 + (10 * (x2 + 2)) ** 2


if VARIANT == "readme":
    optimizer = CMA(mean=np.zeros(2), sigma=1.3, seed=0)
    for generation in range(15):
        solutions = []
        for _ in range(optimizer.population_size):
            x = optimizer.ask()
            value = quadratic(x[0], x[1])
            solutions.append((x, value))
            print(f"#{generation} {value} (x1={x[0]}, x2 = {x[1]})")
            series.add("value", generation, None, value)
        optimizer.tell(solutions)
    notes = (
        "The README's first loop: one line per candidate '#3 12.077… (x1=1.28…, x2 = -2.04…)': "
        "'#3' is the generation (6 candidates per generation, so 6 points per step), the bare "
        "number after it is the objective value (no name printed: truth 'value'), x1 and x2 are "
        "the candidate's coordinates (search parameters, not metrics)."
    )
    step_kind = "global"

elif VARIANT == "sop":
    np.random.seed(0)
    subspace_dim_list = [2, 3, 5]
    cont_dim = 10
    point_num_list = [10, 20, 40]
    dim = int(np.sum(subspace_dim_list) + cont_dim)

    def quadratic_n(x):
        coef = 1000 ** (np.arange(dim) / float(dim - 1))
        return np.sum((coef * x) ** 2)

    discrete_subspace_num = len(subspace_dim_list)
    sets_of_points = [
        (2 * np.random.rand(point_num_list[i], subspace_dim_list[i]) - 1) * 5
        for i in range(discrete_subspace_num)
    ]
    for i in range(discrete_subspace_num):
        sets_of_points[i][-1] = np.zeros(subspace_dim_list[i])
        np.random.shuffle(sets_of_points[i])
    optimizer = CMASoP(
        sets_of_points=sets_of_points, mean=np.random.rand(dim) * 4 + 1, sigma=2.0, seed=0
    )
    best_eval = np.inf
    eval_count = 0
    for generation in range(60):
        solutions = []
        for _ in range(optimizer.population_size):
            x, enc_x = optimizer.ask()
            value = quadratic_n(enc_x)
            best_eval = np.min((best_eval, value))
            eval_count += 1
            solutions.append((x, value))
        optimizer.tell(solutions)
        print(f"#{generation} ({best_eval} {eval_count})")
        series.add("best_eval", generation, None, best_eval)
        if best_eval < 1e-4 or optimizer.should_stop():
            break
    notes = (
        "The README's CMA-ES-SoP loop (the same print as its Safe CMA-ES example): one line per "
        "generation '#12 (30518.3… 169)': '#12' the generation, then in parentheses the best "
        "objective so far (no name printed: truth 'best_eval', the loop's variable) and the "
        "number of evaluations so far (a count, not a metric)."
    )
    step_kind = "global"

elif VARIANT == "ws":

    def source_task(x1: float, x2: float) -> float:
        b = 0.4
        return (x1 - b) ** 2 + (x2 - b) ** 2

    def target_task(x1: float, x2: float) -> float:
        b = 0.6
        return (x1 - b) ** 2 + (x2 - b) ** 2

    np.random.seed(0)
    source_solutions = []
    for _ in range(1000):
        x = np.random.random(2)
        value = source_task(x[0], x[1])
        source_solutions.append((x, value))
    ws_mean, ws_sigma, ws_cov = get_warm_start_mgd(source_solutions, gamma=0.1, alpha=0.1)
    optimizer = CMA(mean=ws_mean, sigma=ws_sigma, cov=ws_cov, seed=0)
    print(" g    f(x1,x2)     x1      x2  ")
    print("===  ==========  ======  ======")
    while True:
        solutions = []
        for _ in range(optimizer.population_size):
            x = optimizer.ask()
            value = target_task(x[0], x[1])
            solutions.append((x, value))
            print(f"{optimizer.generation:3d}  {value:10.5f}  {x[0]:6.2f}  {x[1]:6.2f}")
            series.add("f(x1,x2)", optimizer.generation, None, value)
        optimizer.tell(solutions)
        if optimizer.should_stop():
            break
    notes = (
        "The README's WS-CMA-ES table: header ' g    f(x1,x2)     x1      x2  ' over a '===' "
        "rule, one row per candidate '  3     0.00123    0.58    0.63': g is the generation "
        "(optimizer.generation, 6 rows per generation), f(x1,x2) the objective (the metric), x1 "
        "and x2 the candidate's coordinates (search parameters, not metrics)."
    )
    step_kind = "global"

else:  # evals

    def rosenbrock(x):
        return sum(100 * (x[:-1] ** 2 - x[1:]) ** 2 + (x[:-1] - 1) ** 2)

    dim = 10
    optimizer = MAPCMA(mean=np.zeros(dim), sigma=0.5, momentum_r=dim, seed=0)
    print(" evals    f(x)")
    print("======  ==========")
    evals = 0
    while True:
        solutions = []
        for _ in range(optimizer.population_size):
            x = optimizer.ask()
            value = rosenbrock(x)
            evals += 1
            solutions.append((x, value))
            if evals % 1000 == 0:
                print(f"{evals:5d}  {value:10.5f}")
                series.add("f(x)", evals, None, value)
        optimizer.tell(solutions)
        if optimizer.should_stop():
            break
    notes = (
        "The README's MAPCMA table: header ' evals    f(x)' over a '======  ==========' rule, a "
        "row every 1000th evaluation ' 3000     4.12345': the first column is the evaluation "
        "count (the step), the second the objective of that evaluation (the metric)."
    )
    step_kind = "global"

_truth.write(
    library=f"cmaes {metadata.version('cmaes')} (numpy {np.__version__})",
    script="tests/corpus/scripts/cmaes_ask_tell.py",
    record="the objective values the README loop handed to optimizer.tell() and printed (cmaes "
    "keeps no history)",
    step_kind=step_kind,
    series=series,
    notes=notes,
)
