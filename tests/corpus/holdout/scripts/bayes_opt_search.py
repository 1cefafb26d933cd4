"""bayesian-optimization (bayes_opt) BayesianOptimization.maximize with verbose=2 and verbose=1.

bayes_opt prints a '|'-table: header '|   iter    |  target   |     x     |     y     |', a
rule, one row per probe (verbose=2) or only rows that improve the maximum (verbose=1), with
ANSI colour codes around every cell (purple for a new maximum) whether or not stdout is a
terminal, then a '=====' rule.  Truth: optimizer.res (bayes_opt's own record of every probe).
Versions: bayesian-optimization 1.4.0, scikit-learn 1.6.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_bayes_opt_v2 -- python tests/corpus/holdout/scripts/bayes_opt_search.py 2
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_bayes_opt_v1 -- python tests/corpus/holdout/scripts/bayes_opt_search.py 1
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from bayes_opt import BayesianOptimization

verbose = int(sys.argv[1])


def black_box(x, y):
    # a validation score of a pretend model as a function of two hyper-parameters
    return -((x - 0.7) ** 2) - 0.5 * (y + 1.3) ** 2 + 0.1 * np.sin(5 * x) + 1.0


opt = BayesianOptimization(
    f=black_box, pbounds={"x": (-2, 3), "y": (-3, 2)}, verbose=verbose, random_state=1
)
opt.maximize(init_points=4, n_iter=10)
print("Best:", opt.max)

ser = _truth.Series()
best = None
for i, r in enumerate(opt.res, start=1):
    new_max = best is not None and r["target"] > best
    first = best is None
    best = r["target"] if first else max(best, r["target"])
    if verbose == 2 or new_max:
        ser.add("target", i, None, r["target"])
ser.add("target", None, None, opt.max["target"])

_truth.write(
    library="bayesian-optimization 1.4.0 (scikit-learn 1.6.1)",
    script="tests/corpus/holdout/scripts/bayes_opt_search.py",
    record="optimizer.res (every probe's target and params, in order) and optimizer.max",
    step_kind="trial",
    series=ser,
    extra_ok=[],
    not_printed=(
        []
        if verbose == 2
        else ["probes that did not improve the maximum (verbose=1 prints only new maxima)"]
    ),
    notes=(
        "A '|'-separated table; the 'iter' column is the 1-based probe number (the step), 'target' "
        "the objective value, 'x' and 'y' the probed parameters (configuration, not metrics). Every "
        "cell is wrapped in ANSI colour codes (ESC[0m for plain rows, ESC[95m purple for a new "
        "maximum) even when piped; numbers are printed to 9 significant characters ('-1.234567'). "
        + (
            "verbose=1: only rows that beat the previous maximum are printed (the first probe is "
            "never printed, as bayes_opt 1.4.0 does). "
            if verbose == 1
            else ""
        )
        + "The script's last line \"Best: {'target': 1.07, 'params': {'x': 0.71, 'y': -1.29}}\" is "
        "optimizer.max: its target is the final 'target' point (no step); the params are configuration."
    ),
)
