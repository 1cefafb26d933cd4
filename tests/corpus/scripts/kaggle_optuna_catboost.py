"""A Kaggle-style Optuna search over CatBoost with show_progress_bar=True and rich output: pandas
EDA printed with rich, silent CatBoostClassifier fits with early stopping inside the objective,
the top trials as a rich Table built from study.trials_dataframe(), then the final model refitted
with verbose=100 and its holdout metrics as a rich-printed dict.

Versions: optuna 5.1.0, catboost 1.2.10, rich 15.0.0, tqdm 4.70.1 (Optuna's progress bar),
scikit-learn 1.9.1, pandas 3.1.1, numpy 2.4.6, Python 3.11 (venv corpus-zAK-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_kaggle_optuna_catboost -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_optuna_catboost.py
    python tests/corpus/scripts/capture.py pty real_kaggle_optuna_catboost_pty -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_optuna_catboost.py
Truth: study.trials (value, running best), the trials_dataframe() rows the table shows; the final
model's get_evals_result() at the printed iterations and best score; the script's holdout metrics.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import optuna
import pandas as pd
from catboost import CatBoostClassifier
from rich import print as rprint
from rich.console import Console
from rich.table import Table
from sklearn.metrics import accuracy_score, f1_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

console = Console()
SEED = 5
N_TRIALS = 10
rng = np.random.default_rng(SEED)
n = 1500
df = pd.DataFrame(
    {
        "PassengerId": np.arange(1, n + 1),
        "HomePlanet": rng.choice(["Earth", "Europa", "Mars"], n, p=[0.55, 0.25, 0.2]),
        "CryoSleep": rng.choice(["True", "False"], n, p=[0.35, 0.65]),
        "Destination": rng.choice(["TRAPPIST-1e", "55 Cancri e", "PSO J318.5-22"], n),
        "Age": rng.normal(29, 14, n).clip(0, 79).round(0),
        "RoomService": rng.exponential(220, n).round(0),
        "FoodCourt": rng.exponential(450, n).round(0),
        "Spa": rng.exponential(300, n).round(0),
        "VRDeck": rng.exponential(300, n).round(0),
    }
)
spend = df.RoomService + df.FoodCourt + df.Spa + df.VRDeck
logit = (
    -0.3
    + 1.6 * (df.CryoSleep == "True")
    + 0.5 * (df.HomePlanet == "Europa")
    - 0.0006 * spend
    - 0.01 * (df.Age - 29)
)
df["Transported"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
for col, frac in (("HomePlanet", 0.03), ("CryoSleep", 0.03), ("Age", 0.04), ("Spa", 0.05)):
    df.loc[rng.random(n) < frac, col] = np.nan

console.rule("EDA")
rprint(f"train shape: {df.shape}")
console.print(df.head())
console.print(df.describe().T)
console.print(df.isna().sum().rename("n_missing").to_frame().T)
console.print(df["Transported"].value_counts(normalize=True))

cat_cols = ["HomePlanet", "CryoSleep", "Destination"]
for c in cat_cols:
    df[c] = df[c].fillna("unknown")
features = [c for c in df.columns if c not in ("PassengerId", "Transported")]
X_train, X_valid, y_train, y_valid = train_test_split(
    df[features], df["Transported"], test_size=0.25, random_state=SEED, stratify=df["Transported"]
)
rprint({"train": X_train.shape, "valid": X_valid.shape, "features": len(features)})


def objective(trial: optuna.Trial) -> float:
    params = {
        "iterations": 300,
        "learning_rate": trial.suggest_float("learning_rate", 0.02, 0.3, log=True),
        "depth": trial.suggest_int("depth", 3, 8),
        "l2_leaf_reg": trial.suggest_float("l2_leaf_reg", 1.0, 10.0, log=True),
        "bagging_temperature": trial.suggest_float("bagging_temperature", 0.0, 1.0),
        "eval_metric": "AUC",
        "random_seed": SEED,
        "thread_count": 1,
        "allow_writing_files": False,
        "verbose": 0,
    }
    model = CatBoostClassifier(**params)
    model.fit(
        X_train,
        y_train,
        cat_features=cat_cols,
        eval_set=(X_valid, y_valid),
        early_stopping_rounds=40,
    )
    trial.set_user_attr("best_iteration", model.get_best_iteration())
    return model.get_best_score()["validation"]["AUC"]


console.rule("Optuna")
study = optuna.create_study(
    direction="maximize",
    study_name="catboost-spaceship",
    sampler=optuna.samplers.TPESampler(seed=SEED),
)
study.optimize(objective, n_trials=N_TRIALS, show_progress_bar=True)

trials_df = study.trials_dataframe().sort_values("value", ascending=False).head(5)
table = Table(title="Top 5 trials")
for col in (
    "number",
    "value",
    "params_depth",
    "params_learning_rate",
    "params_l2_leaf_reg",
    "user_attrs_best_iteration",
):
    table.add_column(col.replace("params_", "").replace("user_attrs_", ""), justify="right")
for _, row in trials_df.iterrows():
    table.add_row(
        str(row["number"]),
        f"{row['value']:.5f}",
        str(row["params_depth"]),
        f"{row['params_learning_rate']:.4f}",
        f"{row['params_l2_leaf_reg']:.3f}",
        str(row["user_attrs_best_iteration"]),
    )
console.print(table)
rprint("Best params:", study.best_params)
rprint(f"Best AUC: {study.best_value:.5f}")

console.rule("Final model")
final = CatBoostClassifier(
    iterations=400,
    **study.best_params,
    eval_metric="AUC",
    random_seed=SEED,
    thread_count=1,
    allow_writing_files=False,
)
final.fit(
    X_train,
    y_train,
    cat_features=cat_cols,
    eval_set=(X_valid, y_valid),
    verbose=100,
    use_best_model=True,
)
proba = final.predict_proba(X_valid)[:, 1]
pred = (proba >= 0.5).astype(int)
metrics = {
    "accuracy": accuracy_score(y_valid, pred),
    "f1": f1_score(y_valid, pred),
    "roc_auc": roc_auc_score(y_valid, proba),
    "log_loss": log_loss(y_valid, proba),
}
rprint(metrics)

# --- truth
series = _truth.Series()
best = None
for t in study.trials:
    series.add("value", t.number, None, t.value)
    best = t.value if best is None or t.value > best else best
    series.add("Best value", t.number, None, best)
for _, row in trials_df.iterrows():
    series.add("Top 5 trials/value", int(row["number"]), None, row["value"])
series.add("Best AUC", study.best_trial.number, None, study.best_value)
ev = final.get_evals_result()
n_iter = len(ev["validation"]["AUC"])
stopped_early = n_iter < 400
auc_best = np.maximum.accumulate(ev["validation"]["AUC"])
for i in [i for i in range(n_iter) if i % 100 == 0 or (i == n_iter - 1 and not stopped_early)]:
    series.add("test", i, None, ev["validation"]["AUC"][i])
    series.add("best", i, None, auc_best[i])
series.add(
    "bestTest", final.get_best_iteration(), None, final.get_best_score()["validation"]["AUC"]
)
for k, v in metrics.items():
    series.add(k, None, None, v)

_truth.write(
    library=(
        f"optuna {optuna.__version__} + catboost {metadata.version('catboost')} (rich "
        f"{metadata.version('rich')}, tqdm {metadata.version('tqdm')}, scikit-learn "
        f"{metadata.version('scikit-learn')}, pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/kaggle_optuna_catboost.py",
    record=(
        "study.trials (FrozenTrial.value; the running best), study.trials_dataframe(), "
        "study.best_value; the final CatBoostClassifier's get_evals_result() at the printed "
        "iterations, get_best_score(); the script's sklearn metrics dict"
    ),
    step_kind="trial",
    series=series,
    extra_ok=[
        "total (elapsed time)",
        "remaining (time left)",
        "the progress bar's elapsed/remaining time and it/s or s/it rate",
    ],
    not_printed=["get_evals_result() iterations between the printed ones"],
    notes=(
        "rich's Console/print throughout (rules '──── EDA ────'). EDA, data not metrics: 'train "
        "shape: (1500, 10)', df.head() (PassengerId, planets, ages, spendings, NaN), "
        "df.describe().T (count/mean/std/quartiles/max per numeric column), a one-row "
        "'n_missing' frame of missing counts, value_counts(normalize=True) of the target "
        "(proportions), rich's dict {'train': (1125, 8), 'valid': (375, 8), 'features': 8} "
        "(shapes). Optuna with show_progress_bar=True: its log lines '[I 2026-12-07 15:32:05,868] "
        "Trial 0 finished with value: 0.72 and parameters: {'learning_rate': 0.036, 'depth': 8, "
        "...}. Best is trial 0 with value: 0.72.' are written between redraws of a tqdm bar "
        "'Best trial: 0. Best value: 0.720994:  10%|█  | 1/10 [00:00<00:06,  1.35it/s]' ('\\r' "
        "redraws on stderr, the log line after a blank-padded '\\r'): series 'value' (the "
        "trial's value, step = the trial number) and 'Best value' (the running best after that "
        "trial, shown both by the log line and, with 6 significant digits, by the bar's "
        "description: same quantity, same step); the bar's counts/percentages are not metrics. "
        "A rich Table 'Top 5 trials' from study.trials_dataframe() sorted by value: columns "
        "number (the trial: a step), value (series 'Top 5 trials/value' at that trial's number, "
        "NOT in step order: sorted by value), depth / learning_rate / l2_leaf_reg "
        "(hyper-parameters) and best_iteration (a user attribute: an iteration count, not a "
        "metric). 'Best params:' and a pretty-printed dict of hyper-parameters, 'Best AUC: "
        "0.73021' (study.best_value at the best trial's number). The final CatBoostClassifier "
        "with eval_metric AUC and verbose=100: '100:\\ttest: 0.7272939\\tbest: 0.7302106 (72)"
        "\\ttotal: 206ms\\tremaining: 610ms' (no 'learn' column: AUC is not computed on the "
        "training set; step = the 0-based iteration; best = the best test AUC so far), "
        "'bestTest = 0.7302105816', 'bestIteration = 72', 'Shrink model to first 73 "
        "iterations.' (a count), then rich's pretty dict of the holdout metrics {'accuracy': ..., "
        "'f1': ..., 'roc_auc': ..., 'log_loss': ...} (full repr; series named by the keys, no "
        "step). Trials and boosting iterations share no step axis."
    ),
)
