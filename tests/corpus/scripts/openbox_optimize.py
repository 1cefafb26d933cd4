"""OpenBox's quick start: Optimizer on Branin (GP surrogate), its INFO log line per iteration
('Iter 4, objectives: [18.39…], resource_ratio: 1.000') beside its tqdm bar, then print(history):
a PrettyTable whose first rows are the SEARCH PARAMETERS of the best trial (x1, x2: not metrics),
then 'Optimal Objective Value' and 'Num Trials' (a count).

Versions: openbox 0.9.0, ConfigSpace 0.6.1, scikit-learn 1.3.2, numpy 1.26.4, prettytable 3.19.0,
tqdm 4.67, Python 3.11 (openbox imports statsmodels 0.14.1 for its TPE advisor; nothing of it is
printed here).
Capture (repository root, a venv with openbox):
    python tests/corpus/scripts/capture.py pipe real_openbox_quickstart -- python tests/corpus/scripts/openbox_optimize.py
    python tests/corpus/scripts/capture.py pty real_openbox_quickstart_pty -- python tests/corpus/scripts/openbox_optimize.py
Truth: the returned History (history.observations[i].objectives, in trial order; step = the
iteration number the log prints, 1-based) and history.get_incumbent_value() for the table.
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from openbox import Optimizer
from openbox import space as sp

space = sp.Space()
x1 = sp.Real("x1", -5, 10, default_value=0)
x2 = sp.Real("x2", 0, 15, default_value=0)
space.add_variables([x1, x2])


def branin(config):
    x1, x2 = config["x1"], config["x2"]
    y = (
        (x2 - 5.1 / (4 * np.pi**2) * x1**2 + 5 / np.pi * x1 - 6) ** 2
        + 10 * (1 - 1 / (8 * np.pi)) * np.cos(x1)
        + 10
    )
    return {"objectives": [y]}


logdir = tempfile.mkdtemp(prefix="openbox-logs-")
opt = Optimizer(
    branin,
    space,
    max_runs=12,
    surrogate_type="gp",
    task_id="quick_start",
    random_state=1,
    logging_dir=logdir,
)
history = opt.run()
print(history)

series = _truth.Series()
for i, obs in enumerate(history.observations, start=1):
    series.add("objectives", i, None, obs.objectives[0])
series.add("Optimal Objective Value", len(history), None, history.get_incumbent_value())

_truth.write(
    library=(
        f"openbox {metadata.version('openbox')} (ConfigSpace {metadata.version('ConfigSpace')}, "
        f"numpy {np.__version__}, prettytable {metadata.version('prettytable')})"
    ),
    script="tests/corpus/scripts/openbox_optimize.py",
    record="the History Optimizer.run() returns: observations[i].objectives, get_incumbent_value()",
    step_kind="trial",
    series=series,
    extra_ok=["it/s of the tqdm bar (throughput, iterations per second)"],
    not_printed=["observations[i].elapsed_time (each trial's time)"],
    notes=(
        "OpenBox logs through its own logger: '[2026-12-07 06:34:09,913][quick_start][INFO]"
        "[color_logger.py:203] Logfile: /tmp/…' then setup lines ('Using scheduler: full with "
        "fidelity levels: [1.0]', 'InitialConfigProvider initialized: 3 configs ready. Sources: "
        "{'initial_design': 3}', 'acq_type: ei'), then one line per trial: 'Iter 1 (init), "
        "objectives: [104.75549666953164], resource_ratio: 1.0' for the 3 initial-design trials, "
        "'Iter 4, objectives: [18.397595633152903], resource_ratio: 1.000' for the others "
        "(step = the Iter number; the objective printed as a one-element list at repr precision; "
        "resource_ratio is the fidelity share of the budget the trial ran with, a setting, not a "
        "metric). A tqdm bar ' 33%|███▎      | 4/12 [00:00<00:01,  6.86it/s]' is drawn on stderr "
        "and the log lines are written after it on the same line (no newline between them; under "
        "a terminal the bar is redrawn with '\\r'). print(history) is a PrettyTable: 'Parameters | "
        "Optimal Value' with a row per search parameter of the best trial ('x1 | 9.714077', 'x2 | "
        "3.563990': the configuration, NOT metrics), then 'Optimal Objective Value | 1.492715' (the "
        "best objective, a metric: step = the last trial) and 'Num Trials | 12' (a count)."
    ),
)
