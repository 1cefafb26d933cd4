"""PySwarms global-best particle swarm optimisation of the Rastrigin function: its tqdm bar with a
'best_cost' postfix and its logging lines.

Versions: pyswarms 1.3.0, tqdm 4.70.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_pyswarms_gbest -- python tests/corpus/scripts/pyswarms_pso.py
    python tests/corpus/scripts/capture.py pty real_pyswarms_gbest_pty -- python tests/corpus/scripts/pyswarms_pso.py
Truth: GlobalBestPSO.cost_history (the swarm's best cost after each iteration, the value each
bar redraw shows) and the cost optimize() returns.  PySwarms' reporter also writes report.log in
the working directory: the script works in a temporary directory so none is left behind.
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402

os.chdir(tempfile.mkdtemp())  # report.log goes there

import pyswarms as ps  # noqa: E402
from pyswarms.utils.functions import single_obj as fx  # noqa: E402

np.random.seed(0)
ITERS = 80
opt = ps.single.GlobalBestPSO(
    n_particles=20, dimensions=4, options={"c1": 0.5, "c2": 0.3, "w": 0.9}
)
cost, pos = opt.optimize(fx.rastrigin, iters=ITERS)

series = _truth.Series()
for i, c in enumerate(opt.cost_history):
    series.add("best_cost", i, None, c)
series.add("best cost", len(opt.cost_history) - 1, None, cost)

_truth.write(
    library=(
        f"pyswarms {metadata.version('pyswarms')} (tqdm {metadata.version('tqdm')}, "
        f"numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/pyswarms_pso.py",
    record="GlobalBestPSO.cost_history (one value per iteration) and the cost optimize() returns",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=["mean_pbest_cost_history, mean_neighbor_cost_history (recorded, never printed)"],
    notes=(
        "stderr: a logging line '2026-12-06 22:55:35,738 - pyswarms.single.global_best - INFO - "
        "Optimize for 80 iters with {'c1': 0.5, 'c2': 0.3, 'w': 0.9}' (configuration), then a tqdm "
        "bar with bar_format '{l_bar}{bar}|{n_fmt}/{total_fmt}{postfix}' redrawn with '\\r' on every "
        "iteration by set_postfix: 'pyswarms.single.global_best:   0%|          |0/80, "
        "best_cost=21.3'. The bar's counter stays at 0/80 for the whole run (tqdm updates its shown "
        "count only at its own refresh interval, set_postfix redraws the stale one) and jumps to "
        "'100%|██████████|80/80, best_cost=3.35' when the bar closes; that close redraws the last "
        "iteration's value (one point). One point per iteration, step = the iteration index (0-based, "
        "as cost_history counts), values printed with tqdm's 3 significant digits, repeated values "
        "are separate iterations. Last, a logging line 'Optimization finished | best cost: "
        "3.353196820030682, best pos: [-0.0257  1.0129  1.0038  0.9667]': 'best cost' is the "
        "returned cost at full precision (series 'best cost', at the last iteration), the best "
        "position is the solution's coordinates, not a metric."
    ),
)
