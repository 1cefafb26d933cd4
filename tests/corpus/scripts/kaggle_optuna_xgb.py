"""A Kaggle-style Optuna search over XGBoost: an objective that scores XGBClassifier with
cross_val_score (roc_auc), Optuna's default logging of every trial, the best trial's params, then
a final XGBClassifier.fit(eval_set=[valid], verbose=50) with the best params and its test AUC.

Versions: optuna 5.1.0, xgboost-cpu 3.2.0, scikit-learn 1.9.1, pandas 3.1.1, colorlog 6.12.0
(Optuna colours its log through colorlog on a terminal), numpy 2.4.6, Python 3.11
(venv corpus-zAK-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_kaggle_optuna_xgb -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_optuna_xgb.py
    python tests/corpus/scripts/capture.py pty real_kaggle_optuna_xgb_pty -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_optuna_xgb.py
Truth: study.trials (each FrozenTrial's value, the running best), study.best_value; the final
model's evals_result() at the printed rounds and the script's roc_auc_score.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import optuna
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from xgboost import XGBClassifier

SEED = 11
N_TRIALS = 12
rng = np.random.default_rng(SEED)
n = 1200
df = pd.DataFrame(
    {
        "Time": rng.uniform(0, 172792, n).round(0),
        "Amount": rng.lognormal(3.5, 1.3, n).round(2),
        **{f"V{i}": rng.normal(0, 1, n) for i in range(1, 9)},
        "card_type": rng.choice(["visa", "mastercard", "amex"], n, p=[0.6, 0.3, 0.1]),
        "device": rng.choice(["mobile", "desktop", "tablet"], n),
    }
)
logit = -1.6 + 1.3 * df.V1 - 0.9 * df.V3 + 0.7 * df.V4 * df.V2 + 0.4 * np.log1p(df.Amount) - 1.5
df["is_fraud"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
for col, frac in (("Amount", 0.03), ("V2", 0.05), ("device", 0.04)):
    df.loc[rng.random(n) < frac, col] = np.nan

print(df.head())
print(df.shape)
print(df.isnull().sum())
print(df["is_fraud"].value_counts())
print(f"Fraud rate: {df['is_fraud'].mean():.2%}")

df = pd.get_dummies(df, columns=["card_type", "device"], dummy_na=True, dtype=int)
features = [c for c in df.columns if c != "is_fraud"]
print(f"{len(features)} features: {features}")
X_train, X_test, y_train, y_test = train_test_split(
    df[features], df["is_fraud"], test_size=0.2, random_state=SEED, stratify=df["is_fraud"]
)
print("Train:", X_train.shape, "Test:", X_test.shape)

cv = StratifiedKFold(n_splits=3, shuffle=True, random_state=SEED)


def objective(trial):
    params = {
        "n_estimators": trial.suggest_int("n_estimators", 50, 300, step=50),
        "max_depth": trial.suggest_int("max_depth", 2, 8),
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "colsample_bytree": trial.suggest_float("colsample_bytree", 0.5, 1.0),
        "min_child_weight": trial.suggest_int("min_child_weight", 1, 10),
        "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 10.0, log=True),
    }
    model = XGBClassifier(**params, random_state=SEED, n_jobs=1, eval_metric="auc")
    return cross_val_score(model, X_train, y_train, cv=cv, scoring="roc_auc").mean()


study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=SEED))
study.optimize(objective, n_trials=N_TRIALS)

print("Number of finished trials:", len(study.trials))
print("Best trial:")
trial = study.best_trial
print(f"  Value: {trial.value}")
print("  Params: ")
for key, value in trial.params.items():
    print(f"    {key}: {value}")

final = XGBClassifier(
    **study.best_params, random_state=SEED, n_jobs=1, eval_metric=["auc", "logloss"]
)
final.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=50)
test_auc = roc_auc_score(y_test, final.predict_proba(X_test)[:, 1])
print(f"Test AUC with best params: {test_auc:.5f}")

# --- truth
series = _truth.Series()
best = None
for t in study.trials:
    series.add("value", t.number, None, t.value)
    best = t.value if best is None or t.value > best else best
    series.add("Best value", t.number, None, best)
series.add("Value", trial.number, None, trial.value)
ev = final.evals_result()["validation_0"]
rounds = len(ev["auc"])
for i in [i for i in range(rounds) if i % 50 == 0 or i == rounds - 1]:
    series.add("validation_0-auc", i, None, ev["auc"][i])
    series.add("validation_0-logloss", i, None, ev["logloss"][i])
series.add("Test AUC with best params", None, None, test_auc)

_truth.write(
    library=(
        f"optuna {optuna.__version__} + xgboost {metadata.version('xgboost-cpu')} (scikit-learn "
        f"{metadata.version('scikit-learn')}, pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/kaggle_optuna_xgb.py",
    record=(
        "study.trials (FrozenTrial.value; the running best), study.best_trial; the final "
        "XGBClassifier's evals_result() at the printed rounds; the script's roc_auc_score"
    ),
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=["evals_result() rounds between the printed ones"],
    notes=(
        "Piped, stdout is block-buffered while Optuna logs to stderr: the whole Optuna log comes "
        "FIRST and every print (EDA, best-trial block, XGBoost's rounds) after it; under the pty "
        "the order is the script's. EDA, data not metrics: df.head() (Time 12345.0, Amount, V1..V8 as floats, the "
        "categories, NaN), df.shape, isnull().sum(), value_counts() of is_fraud (counts), 'Fraud "
        "rate: 23.08%' (the label's mean: data), the feature list and 'Train: (960, 19) Test: "
        "(240, 19)'. Optuna's default logging on stderr: '[I 2026-12-07 15:40:00,123] A new study "
        "created in memory with name: no-name-...' then one line per trial '[I ...] Trial 3 "
        "finished with value: 0.8123 and parameters: {'n_estimators': 150, 'max_depth': 4, "
        "'learning_rate': 0.05, ...}. Best is trial 1 with value: 0.83.' (series 'value' at step = "
        "the 0-based trial number; 'Best value' = the running best after that trial, at the same "
        "step; the parameters are hyper-parameters, not metrics). Then the Optuna tutorial's "
        "print block: 'Number of finished trials: 12' (a count), 'Best trial:', '  Value: 0.83...' "
        "(series 'Value' at the best trial's number, full repr), '  Params: ' and one "
        "'    max_depth: 4' line per parameter (configuration). The final model, verbose=50: "
        "'[0]\\tvalidation_0-auc:0.80\\tvalidation_0-logloss:0.55' every 50th round and the last "
        "(0-based round = step; validation_0 is the test split here), then 'Test AUC with best "
        "params: 0.84' (no step). Trials and boosting rounds share no step axis: the XGBoost "
        "series count rounds, Optuna's trials."
    ),
)
