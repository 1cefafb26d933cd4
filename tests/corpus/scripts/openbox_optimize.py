"""OpenBox's quick start (quick): Optimizer on Branin (GP surrogate), its INFO log line per iteration
('Iter 4, objectives: [18.39…], resource_ratio: 1.000') beside its tqdm bar, then print(history):
a PrettyTable whose first rows are the SEARCH PARAMETERS of the best trial (x1, x2: not metrics),
then 'Optimal Objective Value' and 'Num Trials' (a count). moc: the documentation's
multi-objective example with two constraints, whose table has one column per Pareto trial.

Versions: openbox 0.9.0, ConfigSpace 0.6.1, scikit-learn 1.3.2, numpy 1.26.4, prettytable 3.19.0,
tqdm 4.70.1, Python 3.11 (openbox imports statsmodels 0.14.1 for its TPE advisor; nothing of it is
printed here).
Capture (repository root, a venv with openbox):
    python tests/corpus/scripts/capture.py pipe real_openbox_quickstart -- python tests/corpus/scripts/openbox_optimize.py quick
    python tests/corpus/scripts/capture.py pty real_openbox_quickstart_pty -- python tests/corpus/scripts/openbox_optimize.py quick
    python tests/corpus/scripts/capture.py pipe real_openbox_multi_constraint -- python tests/corpus/scripts/openbox_optimize.py moc
Truth: the returned History (history.observations[i].objectives / .constraints, in trial order;
step = the iteration number the log prints, 1-based), history.get_incumbent_value() for the
quick start's table and history.get_pareto() (first 5, as printed) for the multi-objective one.
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

COMMON = (
    "OpenBox logs through its own logger: '[2026-12-07 06:34:09,913][quick_start][INFO]"
    "[color_logger.py:203] Logfile: /tmp/…' then setup lines ('Using scheduler: full with "
    "fidelity levels: [1.0]', 'InitialConfigProvider initialized: 3 configs ready. Sources: "
    "{'initial_design': 3}'), then one line per trial, 'Iter 1 (init), …, resource_ratio: 1.0' "
    "for the initial-design trials, 'Iter 4, …, resource_ratio: 1.000' for the others (step = "
    "the Iter number; values at repr precision; resource_ratio is the fidelity share of the "
    "budget the trial ran with, a setting, not a metric). A tqdm bar ' 33%|███▎      | 4/12 "
    "[00:00<00:01,  6.86it/s]' is drawn on stderr and the log lines are written after it on the "
    "same line (no newline between them; under a terminal the bar is redrawn with '\\r'). "
)
NOTES_QUICK = COMMON + (
    "Single objective: 'Iter 4, objectives: [18.397595633152903], resource_ratio: 1.000' (the "
    "objective printed as a one-element list). print(history) is a PrettyTable: 'Parameters | "
    "Optimal Value' with a row per search parameter of the best trial ('x1 | 9.714077', 'x2 | "
    "3.563990': the configuration, NOT metrics), then 'Optimal Objective Value | 1.492715' (the "
    "best objective, a metric: step = the last trial) and 'Num Trials | 12' (a count)."
)
NOTES_MOC = COMMON + (
    "Two objectives and two constraints (the documentation's CONSTR problem; a constraint value "
    "<= 0 is feasible): 'Iter 7, objectives: [0.2126…, 18.166…], constraints: [1.2233…, 1.9491…], "
    "resource_ratio: 1.000'. The lists name no element: the truth names them by their Python "
    "index as the record does (objectives[0], objectives[1], constraints[0], constraints[1]). "
    "skopt's 'UserWarning: The balance properties of Sobol' points require n to be a power of 2. "
    "…' comes first. print(history) is a wide PrettyTable, one column per Pareto-optimal trial "
    "('Parameters | Optimal Value 1 | … | Optimal Value 5', after the INFO line 'Too many points "
    "on Pareto front. Only show 5/6 of them.'): rows x1, x2 (the SEARCH PARAMETERS of those "
    "trials, not metrics), then rows 'Objective 1', 'Objective 2', 'Constraint 1', 'Constraint 2' "
    "(each with 5 values, one per Pareto trial: series of 5 points in column order, all at the "
    "last trial's step since the table is printed once at the end and shows no trial number), "
    "then 'Num Trials | 14 | Num Pareto | 6' (counts)."
)

which = sys.argv[1]
series = _truth.Series()
logdir = tempfile.mkdtemp(prefix="openbox-logs-")

if which == "quick":
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

    for i, obs in enumerate(history.observations, start=1):
        series.add("objectives", i, None, obs.objectives[0])
    series.add("Optimal Objective Value", len(history), None, history.get_incumbent_value())
    record = (
        "the History Optimizer.run() returns: observations[i].objectives, get_incumbent_value()"
    )
    notes = NOTES_QUICK
else:
    # the documentation's multi-objective example with constraints (CONSTR)
    space = sp.Space()
    space.add_variables([sp.Real("x1", 0.1, 10.0), sp.Real("x2", 0.0, 5.0)])

    def constr(config):
        x1, x2 = config["x1"], config["x2"]
        obj1 = x1
        obj2 = (1.0 + x2) / x1
        c1 = 6.0 - 9.0 * x1 - x2
        c2 = 1.0 - 9.0 * x1 + x2
        return dict(objectives=[obj1, obj2], constraints=[c1, c2])

    opt = Optimizer(
        constr,
        space,
        num_objectives=2,
        num_constraints=2,
        max_runs=14,
        surrogate_type="gp",
        acq_type="ehvic",
        acq_optimizer_type="random_scipy",
        initial_runs=6,
        init_strategy="sobol",
        ref_point=[10.0, 10.0],
        task_id="moc",
        random_state=1,
        logging_dir=logdir,
    )
    history = opt.run()
    print(history)

    for i, obs in enumerate(history.observations, start=1):
        for k in range(2):
            series.add(f"objectives[{k}]", i, None, obs.objectives[k])
        for k in range(2):
            series.add(f"constraints[{k}]", i, None, obs.constraints[k])
    pareto = history.get_pareto()[:5]  # the table shows at most 5 (max_candidates)
    for k in range(2):
        for obs in pareto:
            series.add(f"Objective {k + 1}", len(history), None, obs.objectives[k])
    for k in range(2):
        for obs in pareto:
            series.add(f"Constraint {k + 1}", len(history), None, obs.constraints[k])
    record = (
        "the History Optimizer.run() returns: observations[i].objectives / .constraints, "
        "get_pareto() for the table"
    )
    notes = NOTES_MOC

_truth.write(
    library=(
        f"openbox {metadata.version('openbox')} (ConfigSpace {metadata.version('ConfigSpace')}, "
        f"numpy {np.__version__}, prettytable {metadata.version('prettytable')})"
    ),
    script="tests/corpus/scripts/openbox_optimize.py",
    record=record,
    step_kind="trial",
    series=series,
    extra_ok=["it/s or s/it of the tqdm bar (throughput, time per iteration)"],
    not_printed=["observations[i].elapsed_time (each trial's time)"],
    notes=notes,
)
