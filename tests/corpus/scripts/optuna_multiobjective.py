"""Optuna multi-objective optimisation (NSGAIISampler, the default for several directions) on the
BNH test problem, with named objectives (Study.set_metric_names) and show_progress_bar=True,
then the multi-objective tutorial's closing prints (the Pareto front's size and one trial's
number / params / values).

Optuna's default INFO log writes per trial '[I 2026-12-07 15:31:53,117] Trial 0 finished with
values: {'v0': 36.06…, 'v1': 16.55…} and parameters: {'x': 2.08…, 'y': 2.16…}.' (no 'Best is
trial …' with several objectives) and its tqdm bar on stderr carries no best value.

Versions: optuna 5.1.0, colorlog 6.12.0 (Optuna colours its log through it when installed),
tqdm 4.70.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAN-1):
    python tests/corpus/scripts/capture.py pipe real_optuna_multiobjective -- python tests/corpus/scripts/optuna_multiobjective.py
    python tests/corpus/scripts/capture.py pty real_optuna_multiobjective_pty -- python tests/corpus/scripts/optuna_multiobjective.py
Truth: study.trials (FrozenTrial.values per trial number), the values Optuna's log formats.
"""

import os
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import optuna

warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)


def objective(trial):
    x = trial.suggest_float("x", 0, 5)
    y = trial.suggest_float("y", 0, 3)
    v0 = 4 * x**2 + 4 * y**2
    v1 = (x - 5) ** 2 + (y - 5) ** 2
    return v0, v1


sampler = optuna.samplers.NSGAIISampler(seed=1, population_size=5)
study = optuna.create_study(directions=["minimize", "minimize"], sampler=sampler)
study.set_metric_names(["v0", "v1"])
study.optimize(objective, n_trials=15, show_progress_bar=True)

print(f"Number of trials on the Pareto front: {len(study.best_trials)}")
trial_with_lowest_v1 = min(study.best_trials, key=lambda t: t.values[1])
print("Trial with lowest v1: ")
print(f"\tnumber: {trial_with_lowest_v1.number}")
print(f"\tparams: {trial_with_lowest_v1.params}")
print(f"\tvalues: {trial_with_lowest_v1.values}")

series = _truth.Series()
for t in study.trials:
    for name, v in zip(study.metric_names, t.values, strict=True):
        series.add(name, t.number, None, float(v))

_truth.write(
    library=(
        f"optuna {metadata.version('optuna')} (colorlog {metadata.version('colorlog')}, tqdm "
        f"{metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/optuna_multiobjective.py",
    record="study.trials: FrozenTrial.values per trial (names from study.metric_names)",
    step_kind="trial",
    series=series,
    extra_ok=[
        "values (the closing '\\tvalues: [2.46…, 40.5…]': the chosen trial's two objective "
        "values as a list, already in v0 / v1 at that trial)",
        "it/s (the bar's trials per second)",
    ],
    notes=(
        "stderr: '[I <date> <time>,<ms>] A new study created in memory with name: "
        "no-name-<uuid>' then per trial 'Trial 3 finished with values: {'v0': 7.76…, 'v1': "
        "32.2…} and parameters: {'x': 0.93…, 'y': 1.03…}.' (a dict of the named objectives, "
        "repr floats; step = the trial number, 0-based; the parameters are the suggested x, y, "
        "not metrics). Optuna's tqdm bar ('Trials: 33%|███▎ | 5/15 [00:00<00:00, 388.37it/s]' "
        "without a description for several objectives) is cleared and redrawn around each log "
        "line (under a pipe its text stays in front of the line). Under a terminal colorlog "
        "colours the log lines. stdout at the end: 'Number of trials on the Pareto front: 6' "
        "(a count), 'Trial with lowest v1: ', '\\tnumber: 9', \"\\tparams: {'x': …, 'y': …}\", "
        "'\\tvalues: [v0, v1]' (that trial's objective values as a list, already in the series)."
    ),
)
