"""Opytimizer's README example (particle swarm optimisation of a sphere, stopping after
MaxIterations), with its default output: its own logger on stdout ('2026-12-07 04:44:15,631 -
opytimizer.core.space — DEBUG — Agents: 10 | Size: (3, 1) | Built: True.', em dashes) and a tqdm
bar 'Max iterations' on stderr whose postfix is the best fitness ('…| 2/20 [00:00<00:00,
1531.61it/s, fitness=9.155…]').

Versions: opytimizer 5.0.1, tqdm 4.70.1, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with opytimizer):
    python tests/corpus/scripts/capture.py pipe real_opytimizer_pso -- python tests/corpus/scripts/opytimizer_pso.py
    python tests/corpus/scripts/capture.py pty real_opytimizer_pso_pty -- python tests/corpus/scripts/opytimizer_pso.py
Truth: opt.history.best_agent (save_history=True), Opytimizer's own record of the best agent
after each iteration, dumped right after the bar's set_postfix(fitness=space.best_agent.fit)
(which always redraws the bar): entry i is the fitness the bar shows at position i + 1.
Opytimizer writes its log file opytimizer.log in the working directory, so the script runs in a
temporary directory.
"""

import os
import sys
import tempfile
from importlib import metadata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

import _truth

os.chdir(tempfile.mkdtemp())

from opytimizer import Opytimizer  # noqa: E402  (its log file goes to the working directory)
from opytimizer.core import Function  # noqa: E402
from opytimizer.core.stopping import MaxIterations  # noqa: E402
from opytimizer.optimizers.single_objective.swarm import PSO  # noqa: E402
from opytimizer.spaces import SearchSpace  # noqa: E402

np.random.seed(0)


def sphere(x):
    return np.sum(x**2)


n_agents = 10
n_variables = 3
n_objectives = 1
lower_bound = [-10, -10, -10]
upper_bound = [10, 10, 10]

space = SearchSpace(n_agents, n_variables, n_objectives, lower_bound, upper_bound)
optimizer = PSO()
function = Function(sphere)

opt = Opytimizer(space, optimizer, function, save_history=True)

stopping = MaxIterations(20)

opt.start(stopping_criteria=stopping)

# ---- truth: Opytimizer's own history ----
series = _truth.Series()
for i, (_position, fit) in enumerate(opt.history.best_agent):
    series.add("fitness", i + 1, None, float(fit))

_truth.write(
    library=f"opytimizer {metadata.version('opytimizer')} (tqdm {metadata.version('tqdm')}, numpy "
    f"{np.__version__})",
    script="tests/corpus/scripts/opytimizer_pso.py",
    record="opt.history.best_agent (save_history=True): (position, fit) of the best agent after "
    "each iteration",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "Opytimizer's logger writes to stdout with the format '%(asctime)s - %(name)s — "
        "%(levelname)s — %(message)s' (em dashes): class creation messages and DEBUG records of "
        "configuration such as 'Agents: 10 | Size: (3, 1) | Built: True.', 'Algorithm: PSO | "
        "Custom Parameters: None | Built: True.', 'Function: sphere | Built: True.', 'Space: "
        "<opytimizer…object at 0x7f…> | Optimizer: <…> | Function: <…>' (counts, shapes, object "
        "addresses: no metric); at the end 'Optimization task ended.' and 'It took 0.0121… "
        "seconds.' (a timing). Piped, stdout is block-buffered, so all log lines may come "
        "together apart from the bar. The bar on stderr: 'Max iterations:   5%|5         | 1/20 "
        "[00:00<00:00, 1734.62it/s]' then per iteration a draw with the postfix 'fitness=9.155…' "
        "(full repr; the best agent's fitness = the series, step = the bar's position n, the "
        "iteration). A draw by update() may come first at a new position with the previous "
        "iteration's fitness still in the postfix; set_postfix() always redraws the same "
        "position with the new value, which is the point kept (the last value shown at each "
        "position). Percentages, n/total, elapsed/remaining times and it/s are bar counters, "
        "not metrics. Under a pty tqdm fits the line into 120 columns by shrinking the bar."
    ),
)
