"""scikit-opt's particle swarm (sko.PSO) with verbose=True on the README's demo function, then the
README's closing print of the best point and value.

Versions: scikit-opt 0.6.6, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zc-1):
    python tests/corpus/scripts/capture.py pipe real_sko_pso -- python tests/corpus/scripts/sko_pso.py
(plain print() lines, nothing drawn for a terminal: no pty entry.)
Truth: PSO.gbest_y_hist (the best value after each iteration, appended where the verbose line is
printed) and PSO.gbest_y for the closing line.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from sko.PSO import PSO

np.random.seed(7)


def demo_func(x):
    x1, x2, x3 = x
    return x1**2 + (x2 - 0.05) ** 2 + (x3 - 0.6) ** 2 + 0.1 * np.sin(8 * x1) ** 2


pso = PSO(
    func=demo_func,
    n_dim=3,
    pop=40,
    max_iter=30,
    lb=[0, -1, 0.5],
    ub=[1, 1, 1],
    w=0.8,
    c1=0.5,
    c2=0.5,
    verbose=True,
)
pso.run()
print("best_x is ", pso.gbest_x, "best_y is", pso.gbest_y)

series = _truth.Series()
for it, y in enumerate(pso.gbest_y_hist):
    series.add("Best fit", it, None, float(np.asarray(y).ravel()[0]))
series.add("best_y", len(pso.gbest_y_hist) - 1, None, float(np.asarray(pso.gbest_y).ravel()[0]))

_truth.write(
    library=f"scikit-opt {metadata.version('scikit-opt')} (numpy {np.__version__})",
    script="tests/corpus/scripts/sko_pso.py",
    record="PSO.gbest_y_hist (one value per iteration) and PSO.gbest_y",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "One line per iteration, 'Iter: 3, Best fit: [0.2856371] at [0.11522248 0.19953555 0.5       ]': "
        "Iter is the 0-based iteration (the step), 'Best fit' the best value so far printed as a "
        "one-element numpy array, 'at [...]' the best point's coordinates (a numpy array of the "
        "decision variables, space-padded, e.g. '0.5       ': parameters, not metrics). The "
        "README's closing print 'best_x is  [0. 0.05 0.6] best_y is [0.25]': best_x is the point "
        "(parameters), best_y the best value (series 'best_y' at the last iteration's step)."
    ),
)
