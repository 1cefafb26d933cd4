"""Optuna with its logging set to WARNING, as many tutorials do, then print(study.trials_dataframe()):
a pandas table, one row per trial, whose columns are number, value, datetime_start,
datetime_complete, duration, then one params_<name> column per SEARCH PARAMETER (not metrics),
then state; then the best parameters and value.

Versions: optuna 5.1.0, pandas 3.0.6, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with optuna and pandas):
    python tests/corpus/scripts/capture.py pipe real_optuna_trials_dataframe -- python tests/corpus/scripts/optuna_trials_df.py
    python tests/corpus/scripts/capture.py pty real_optuna_trials_dataframe_pty -- python tests/corpus/scripts/optuna_trials_df.py
(piped, pandas elides the middle columns into '...' to fit 80 characters; under the 120-column
terminal it shows more of them, params_l1_ratio among them: both kept.)
Truth: study.trials (FrozenTrial.value, number) and study.best_value / best_trial.number.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import optuna
import pandas as pd
from sklearn.datasets import make_classification
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import cross_val_score

optuna.logging.set_verbosity(optuna.logging.WARNING)
X, y = make_classification(n_samples=400, n_features=8, random_state=0)


def objective(trial):
    alpha = trial.suggest_float("alpha", 1e-5, 1e-1, log=True)
    l1_ratio = trial.suggest_float("l1_ratio", 0.0, 1.0)
    loss = trial.suggest_categorical("loss", ["hinge", "log_loss", "modified_huber"])
    clf = SGDClassifier(
        alpha=alpha, l1_ratio=l1_ratio, loss=loss, penalty="elasticnet", random_state=0
    )
    return cross_val_score(clf, X, y, cv=3).mean()


study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=0))
study.optimize(objective, n_trials=10)
print(study.trials_dataframe())
print("Best params:", study.best_params)
print("Best value:", study.best_value)

series = _truth.Series()
for t in study.trials:
    series.add("value", t.number, None, t.value)
series.add("Best value", study.best_trial.number, None, study.best_value)

_truth.write(
    library=(
        f"optuna {metadata.version('optuna')} (pandas {pd.__version__}, "
        f"scikit-learn {metadata.version('scikit-learn')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/optuna_trials_df.py",
    record="study.trials (FrozenTrial.number, .value), study.best_value, study.best_trial",
    step_kind="trial",
    series=series,
    extra_ok=["duration (each trial's wall time, printed as '0 days 00:00:00.012345')"],
    not_printed=[],
    notes=(
        "Nothing is logged during the study (verbosity WARNING). print(study.trials_dataframe()) "
        "prints a pandas DataFrame: an unnamed index column (0..9), then 'number' (the trial "
        "number, Optuna's 0-based step: the step of each row), 'value' (the trial's objective, "
        "mean 3-fold accuracy: the metric, printed to 6 decimals), 'datetime_start' / "
        "'datetime_complete' (timestamps), 'duration' (a timedelta '0 days 00:00:00.008251'), "
        "'params_alpha', 'params_l1_ratio', 'params_loss' (the trial's SEARCH PARAMETERS: "
        "configuration, never metrics; alpha shows in e-notation), 'state' ('COMPLETE'). pandas "
        "elides the middle columns into a '...' column to fit the width: piped (80 characters) "
        "only 'number', 'value', 'params_loss', 'state' show; under the 120-column terminal also "
        "'datetime_start' and 'params_l1_ratio' (0.715189: a parameter column of numbers). Then "
        "'[10 rows x 9 columns]' (counts). Then 'Best params: {'alpha': 0.0012…, 'l1_ratio': 0.43…, 'loss': 'log_loss'}' (a dict "
        "of parameters, not metrics) and 'Best value: 0.9325…' (study.best_value: step = the best "
        "trial's number, as real_optuna's 'best value')."
    ),
)
