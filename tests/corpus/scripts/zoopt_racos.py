"""ZOOpt (derivative-free optimisation) as its README runs it: Opt.min on Ackley with
intermediate results ('[zoopt] budget 200, fx result: …' then the best point '[zoopt] x: […]'),
then solution.print_solution(); and ExpOpt.min repeating the optimisation ('The best solution
is:', x, value per repeat, then 'Best 3 results: <mean> +- <std>').

Versions: zoopt 0.4.2, numpy 1.26.0, Python 3.11.
Capture (repository root, a venv with zoopt):
    python tests/corpus/scripts/capture.py pipe real_zoopt_intermediate -- python tests/corpus/scripts/zoopt_racos.py opt
    python tests/corpus/scripts/capture.py pipe real_zoopt_expopt -- python tests/corpus/scripts/zoopt_racos.py expopt
Truth: opt: the Objective's own history (objective.get_history(): the value of every evaluation,
in order); SRACOS prints, at evaluation t (every intermediate_freq), its incumbent before the
t-th evaluation is taken into it, i.e. min(history[:t-1]); the closing 'value:' is the returned
Solution's value. expopt: the Solution objects ExpOpt.min returns (one per repeat) and the mean
of their values (ExpOpt's result_analysis).
"""

import os
import random
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from zoopt import Dimension, ExpOpt, Objective, Opt, Parameter

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/zoopt_racos.py"
LIB = f"zoopt {metadata.version('zoopt')} (numpy {np.__version__})"
series = _truth.Series()


def ackley(solution):
    x = solution.get_x()
    bias = 0.2
    value = (
        -20 * np.exp(-0.2 * np.sqrt(sum([(i - bias) * (i - bias) for i in x]) / len(x)))
        - np.exp(sum([np.cos(2.0 * np.pi * (i - bias)) for i in x]) / len(x))
        + 20.0
        + np.e
    )
    return value


dim = 8
objective = Objective(ackley, Dimension(dim, [[-1, 1]] * dim, [True] * dim))

if which == "opt":
    parameter = Parameter(budget=1000, intermediate_result=True, intermediate_freq=100, seed=7)
    solution = Opt.min(objective, parameter)
    solution.print_solution()

    hist = [float(v) for v in objective.get_history()]
    for t in range(100, len(hist) + 1, 100):
        series.add("fx result", t, None, min(hist[: t - 1]))
    series.add("value", len(hist), None, solution.get_value())
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="objective.get_history() (every evaluation's value) and the returned Solution's "
        "value",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=["the value of each evaluation (only the incumbent is printed)"],
        notes=(
            "Opt.min (SRACOS, the default for a continuous space) on 8-D Ackley, budget 1000, "
            "intermediate_result=True, intermediate_freq=100, seed 7. Every 100 evaluations two "
            "lines: '[zoopt] budget 200, fx result: 1.2345678' (budget = the number of evaluations "
            "so far: the step; the incumbent's value, str() of a numpy float) and '[zoopt] x: "
            "[0.12, -0.03, …]' (the incumbent's 8 coordinates: parameters, not metrics). The "
            "printed incumbent does not yet include the evaluation it is printed at (it is "
            "updated just after the print), so its value is min(history[:t-1]). Closing "
            "print_solution(): '[zoopt] x: […]' and '[zoopt] value: 0.0123…' (repr of the final "
            "value, a metric, step 1000)."
        ),
    )

elif which == "expopt":
    # a Parameter seed would reseed every repeat (three identical runs): seed once instead
    random.seed(11)
    np.random.seed(11)
    parameter = Parameter(budget=300)
    solutions = ExpOpt.min(objective, parameter, repeat=3)
    values = [float(s.get_value()) for s in solutions]
    for i, v in enumerate(values):
        series.add("value", i + 1, None, v)
    series.add("Best 3 results", len(values), None, float(np.mean(sorted(values))))
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the Solutions ExpOpt.min returns (one per repeat) and the mean of their values, "
        "as ExpOpt.result_analysis computes it",
        step_kind="trial",
        series=series,
        extra_ok=[
            "the standard deviation after '+-' on the 'Best 3 results:' line (ExpOpt's "
            "result_analysis; returned, not kept)"
        ],
        not_printed=[],
        notes=(
            "ExpOpt.min on 8-D Ackley, budget 300, repeat=3, numpy and random seeded once with 11 (no intermediate output). "
            "Per repeat: Opt.min's own '[zoopt] x: [0.19…, 0.21…, …]' (the solution's "
            "coordinates: parameters, not metrics) and '[zoopt] value: 0.123…' (the repeat's "
            "result), then ExpOpt's '[zoopt] The best solution is:' and the same x and value lines "
            "again (one point per repeat, printed twice; step = the repeat, 1..3, never printed). Closing: '[zoopt] Best 3 "
            "results: 0.1234 +- 0.0123' (mean and standard deviation of the 3 values; the mean "
            "is the series 'Best 3 results', the 3 is a count)."
        ),
    )
