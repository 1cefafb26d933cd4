"""Optuna's LightGBMTuner (optuna-integration): its stepwise tqdm bars and Optuna's trial log lines.

Versions: optuna 5.1.0, optuna-integration 5.0.0, lightgbm 4.7.0, tqdm 4.67, scikit-learn 1.9.1,
numpy 2.4.6, Python 3.11 (venv /work/venvs/other-g; colorlog not installed).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_optuna_lgbm_tuner -- python tests/corpus/scripts/optuna_lgbm_tuner.py
    python tests/corpus/scripts/capture.py pty real_optuna_lgbm_tuner_pty -- python tests/corpus/scripts/optuna_lgbm_tuner.py
Truth: tuner.study.trials (number, value); the bar's 'val_score' is the tuner's running best
(the bar is set from the tuner's best_score after each trial), recomputed from the same trials.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import lightgbm as lgb  # noqa: E402
import optuna  # noqa: E402
import optuna_integration  # noqa: E402
import optuna_integration.lightgbm as olgb  # noqa: E402
from sklearn.datasets import make_classification  # noqa: E402

X, y = make_classification(n_samples=800, n_features=12, n_informative=6, random_state=0)
dtrain = lgb.Dataset(X[:600], y[:600])
dvalid = lgb.Dataset(X[600:], y[600:])
params = {
    "objective": "binary",
    "metric": "binary_logloss",
    "verbosity": -1,
    "deterministic": True,
    "num_threads": 1,
    "seed": 0,
}
tuner = olgb.LightGBMTuner(
    params,
    dtrain,
    valid_sets=[dvalid],
    num_boost_round=30,
    callbacks=[lgb.early_stopping(5, verbose=False)],
    optuna_seed=0,
)
tuner.run()

series = _truth.Series()
best = float("inf")
trials = tuner.study.trials
for t in trials:
    series.add("value", t.number, None, t.value)
for t in trials:
    best = min(best, t.value)
    series.add("Best value", t.number, None, best)
best = float("inf")
for t in trials:
    best = min(best, t.value)
    series.add("val_score", t.number, None, best)
assert abs(best - tuner.best_score) < 1e-12
_truth.write(
    library=(
        f"optuna {optuna.__version__}, optuna-integration {optuna_integration.__version__}, "
        f"lightgbm {lgb.__version__}"
    ),
    script="tests/corpus/scripts/optuna_lgbm_tuner.py",
    record=(
        "tuner.study.trials (FrozenTrial.number/.value); the running best recomputed from them "
        "(equal to tuner.best_score at the end)"
    ),
    step_kind="trial",
    series=series,
    extra_ok=["it/s (bar throughput)"],
    notes=(
        "Optuna's logging on stderr ('[I 2026-12-06 23:42:21,566] Trial 0 finished with value: "
        "0.2519271776104253 and parameters: {'feature_fraction': 1.0}. Best is trial 0 with value: "
        "0.2519271776104253.') interleaved with one ascii tqdm bar per tuning stage, its description "
        "'<stage>, val_score: <best so far, 6 decimals>' ('feature_fraction, val_score: 0.251927:  14%|#4        "
        "| 1/7 [00:00<00:00, 51.31it/s]'); the stages are feature_fraction (7 trials), num_leaves (20), "
        "bagging (10), feature_fraction_stage2 (6), regularization_factors (20), min_child_samples (5): "
        "68 trials. Series 'value' (the trial's value) and 'Best value' (the 'Best is trial N with "
        "value: X' part, the running best) at the trial number as Optuna prints it (0-based, global over "
        "the stages). Series 'val_score': the bar's running best after each trial, at that trial's "
        "number (the bar's own counter restarts at 0 for every stage). The bar's description before the "
        "first trial reads 'val_score: inf' (the tuner's placeholder before any score: no point); each "
        "stage's bar opens with the previous best. Parameter values in the dicts (feature_fraction, "
        "num_leaves, lambda_l1...) are configuration, not metrics; counts n/total and the bar's "
        "percentage are progress; 'A new study created in memory with name: no-name-<uuid>' is a banner. "
        "Under a pty Optuna colours the log prefix ('\\x1b[32m[I ...]\\x1b[0m'), the bars fill 120 columns and lines end with '\\r\\n'."
    ),
)
