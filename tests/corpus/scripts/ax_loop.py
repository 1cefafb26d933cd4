"""Ax's ask-tell loops, as its tutorials write them: the Client API and the older Service API.

Versions: ax-platform 1.3.1, botorch 0.18.1, torch 2.13.0 CPU, pandas 3.1.1, Python 3.11
(venv corpus-zv-2: `pip install torch==2.13.0 && pip install ax-platform`; BoTorch pulls GPyTorch,
which Ax's GP model uses internally: nothing of it is printed).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_ax_client -- /work/venvs/corpus-zv-2/bin/python tests/corpus/scripts/ax_loop.py client
    python tests/corpus/scripts/capture.py pipe real_ax_service -- /work/venvs/corpus-zv-2/bin/python tests/corpus/scripts/ax_loop.py service
client:  ax.api.Client on Branin (the 'Ask-tell optimization' tutorial's loop, 3 trials per batch,
         4 batches): Ax's INFO log lines '[INFO 12-07 08:15:25] ax.api.client: Generated new trial
         1 with parameters {'x1': 0.62583, 'x2': 14.359564} using GenerationNode Sobol.',
         'Trial 1 marked COMPLETED.', the tutorial's print 'Completed trial 1 with
         raw_data={'branin': np.float64(104.36…)}', then get_best_parameterization()'s prints and
         print(client.summarize()).
service: ax.service.ax_client.AxClient on Hartmann6 with an l2norm tracking metric (the legacy
         Service API tutorial): 'Completed trial 3 with data: {'hartmann6': -0.332056,
         'l2norm': 1.00281}.' after each trial, then get_best_parameters().
Truth: the experiment's own data (client.summarize() / the experiment's lookup_data()), per trial.
"""

import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "client"
series = _truth.Series()


def branin(x1, x2):
    return (
        (x2 - 5.1 / (4 * np.pi**2) * x1**2 + 5 / np.pi * x1 - 6) ** 2
        + 10 * (1 - 1 / (8 * np.pi)) * np.cos(x1)
        + 10
    )


def hartmann6(x):
    alpha = np.array([1.0, 1.2, 3.0, 3.2])
    A = np.array(
        [
            [10, 3, 17, 3.5, 1.7, 8],
            [0.05, 10, 17, 0.1, 8, 14],
            [3, 3.5, 1.7, 10, 17, 8],
            [17, 8, 0.05, 10, 0.1, 14],
        ]
    )
    P = 1e-4 * np.array(
        [
            [1312, 1696, 5569, 124, 8283, 5886],
            [2329, 4135, 8307, 3736, 1004, 9991],
            [2348, 1451, 3522, 2883, 3047, 6650],
            [4047, 8828, 8732, 5743, 1091, 381],
        ]
    )
    return -np.sum(alpha * np.exp(-np.sum(A * (x - P) ** 2, axis=1)))


if VARIANT == "client":
    from ax.api.client import Client
    from ax.api.configs import RangeParameterConfig

    client = Client(random_seed=0)
    client.configure_experiment(
        parameters=[
            RangeParameterConfig(name="x1", parameter_type="float", bounds=(-5, 10)),
            RangeParameterConfig(name="x2", parameter_type="float", bounds=(0, 15)),
        ]
    )
    client.configure_optimization(objective="-branin")
    order = []
    for _ in range(4):
        trials = client.get_next_trials(max_trials=3)
        for trial_index, parameters in trials.items():
            result = branin(parameters["x1"], parameters["x2"])
            raw_data = {"branin": result}
            client.complete_trial(trial_index=trial_index, raw_data=raw_data)
            print(f"Completed trial {trial_index} with {raw_data=}")
            order.append(trial_index)
    best_parameters, prediction, index, name = client.get_best_parameterization()
    print("Best Parameters:", best_parameters)
    print("Prediction (mean, variance):", prediction)
    summary = client.summarize()
    print(summary)
    by_trial = dict(zip(summary["trial_index"], summary["branin"], strict=True))
    for t in order:
        series.add("branin", int(t), None, by_trial[t])
    for t, v in zip(summary["trial_index"], summary["branin"], strict=True):
        series.add("branin", int(t), None, v)
    lib = (
        f"ax-platform {metadata.version('ax-platform')} (botorch {metadata.version('botorch')}, "
        f"pandas {metadata.version('pandas')})"
    )
    record = "client.summarize() (the experiment's data per trial, column 'branin')"
    notes = (
        "Ax logs at INFO on stderr '[INFO 12-07 08:15:25] ax.api.client: Generated new trial 4 "
        "with parameters {'x1': -3.878664, 'x2': 0.117947} using GenerationNode Sobol.' (the "
        "trial's PARAMETERS, not metrics; the date-time prefix is a timestamp), 'Trial 4 marked "
        "COMPLETED.', '[WARNING …] 3 trials requested but only 1 could be generated.', the "
        "GenerationStrategy repr (configuration: 'MaxTrialsAwaitingData(threshold=5)'). The "
        "tutorial's print 'Completed trial 4 with raw_data={'branin': np.float64(198.85…)}' is "
        "the trial's objective (series 'branin', step = trial index; trials complete in index "
        "order). Closing: 'Best Parameters: {'x1': …, 'x2': …}' (parameters), 'Prediction "
        "(mean, variance): {'branin': (np.float64(4.87…), np.float64(23.99…))}' (the model's estimate at the best arm, not a trial value: "
        "value: not in the series), then print(client.summarize()): a pandas table 'trial_index "
        "arm_name trial_status generation_node branin x1 x2' whose 'branin' column repeats every "
        "trial's value (the series' second pass, steps again from 0; pandas elides the middle columns as '...') and whose x1 / x2 columns "
        "are parameters."
    )
else:
    from ax.service.ax_client import AxClient, ObjectiveProperties

    logging.getLogger("ax").setLevel(logging.INFO)
    ax_client = AxClient(random_seed=0)
    ax_client.create_experiment(
        name="hartmann_test_experiment",
        parameters=[
            {"name": f"x{i + 1}", "type": "range", "bounds": [0.0, 1.0], "value_type": "float"}
            for i in range(6)
        ],
        objectives={"hartmann6": ObjectiveProperties(minimize=True)},
        tracking_metric_names=["l2norm"],
    )

    def evaluate(parameterization):
        x = np.array([parameterization.get(f"x{i + 1}") for i in range(6)])
        return {"hartmann6": (hartmann6(x), 0.0), "l2norm": (np.sqrt((x**2).sum()), 0.0)}

    order = []
    for _ in range(14):
        parameterization, trial_index = ax_client.get_next_trial()
        ax_client.complete_trial(trial_index=trial_index, raw_data=evaluate(parameterization))
        order.append(trial_index)
    best_parameters, values = ax_client.get_best_parameters()
    print(best_parameters)
    means, covariances = values
    print(means)
    df = ax_client.experiment.lookup_data().df
    for t in order:
        for metric in ("hartmann6", "l2norm"):
            row = df[(df["trial_index"] == t) & (df["metric_name"] == metric)]
            series.add(metric, int(t), None, float(row["mean"].iloc[0]))
    lib = (
        f"ax-platform {metadata.version('ax-platform')} AxClient (botorch "
        f"{metadata.version('botorch')})"
    )
    record = "ax_client.experiment.lookup_data().df (mean per trial and metric)"
    notes = (
        "The legacy Service API: AxClient logs at INFO '[INFO 12-07 08:20:01] "
        "ax.service.ax_client: Generated new trial 3 with parameters {'x1': 0.1…, …, 'x6': …} "
        "using model Sobol.' (PARAMETERS, not metrics) and 'Completed trial 3 with data: "
        "{'hartmann6': -0.332056, 'l2norm': 1.00281}.' (Ax rounds the means to 6 significant "
        "digits in the message; the loop passed (mean, 0.0) tuples); series hartmann6 and l2norm "
        "per trial index. Trials 0-11 are Sobol, 12-13 BoTorch (a few seconds of GP fitting, no "
        "output of it). Also configuration lines (the parameter list "
        "repr, 'Using Models.BOTORCH_MODULAR …', 'calculated num_initialization_trials=…'). "
        "Closing: print(best_parameters) (a parameter dict) and print(means), '{'hartmann6': -1.16…, 'l2norm': 1.58…}': the best "
        "arm's estimate (here Ax falls back on the best trial's raw data), a repeat, not a new "
        "trial value: not in the series."
    )

_truth.write(
    library=lib,
    script="tests/corpus/scripts/ax_loop.py",
    record=record,
    step_kind="trial",
    series=series,
    notes=notes,
)
