"""A Kaggle-style bike-demand regression with LightGBM's sklearn API and rich's logging handler:
every message (LightGBM's own too, through lgb.register_logger) goes to a RichHandler, which adds
a time column, the level and the 'file.py:line' of the call; pandas EDA logged as text,
LGBMRegressor.fit(eval_set=[train, valid], callbacks=[early_stopping, log_evaluation(100)]),
the model's repr, importances as a sorted DataFrame, the holdout RMSE/RMSLE/R2.

Versions: lightgbm 4.7.0, rich 15.0.0, scikit-learn 1.9.1, pandas 3.1.1, numpy 2.4.6,
Python 3.11 (venv corpus-zAK-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_kaggle_lgbm_sklearn_rich -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_lgbm_sklearn_rich.py
    python tests/corpus/scripts/capture.py pty real_kaggle_lgbm_sklearn_rich_pty -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_lgbm_sklearn_rich.py
Truth: LGBMRegressor.evals_result_ at the rounds log_evaluation printed (every 100th) and the
early-stopping reprint of best_iteration_; the script's sklearn metrics on the holdout.
"""

import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import lightgbm as lgb
import numpy as np
import pandas as pd
from rich.logging import RichHandler
from sklearn.metrics import mean_squared_error, mean_squared_log_error, r2_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level="INFO", format="%(message)s", datefmt="[%X]", handlers=[RichHandler()])
log = logging.getLogger("rich")
lgb.register_logger(log)

SEED = 17
rng = np.random.default_rng(SEED)
n = 4000
hours = rng.integers(0, 24, n)
df = pd.DataFrame(
    {
        "datetime": pd.Timestamp("2011-01-01")
        + pd.to_timedelta(rng.integers(0, 730 * 24, n), unit="h"),
        "season": pd.Categorical(rng.choice(["spring", "summer", "fall", "winter"], n)),
        "holiday": rng.choice([0, 1], n, p=[0.97, 0.03]),
        "workingday": rng.choice([0, 1], n, p=[0.32, 0.68]),
        "weather": pd.Categorical(
            rng.choice(["clear", "mist", "light_rain"], n, p=[0.66, 0.26, 0.08])
        ),
        "temp": rng.normal(20.2, 7.8, n).round(2),
        "humidity": rng.integers(20, 100, n).astype(float),
        "windspeed": rng.exponential(12.8, n).round(4),
        "hour": hours,
    }
)
rush = np.isin(hours, [8, 17, 18]).astype(float)
lam = np.exp(
    3.6
    + 0.045 * df.temp
    - 0.008 * df.humidity
    + 1.1 * rush * df.workingday
    + 0.6 * ((hours > 9) & (hours < 21))
    - 0.5 * (df.weather == "light_rain")
)
df["count"] = rng.poisson(lam)
for col, frac in (("humidity", 0.04), ("windspeed", 0.06), ("temp", 0.02)):
    df.loc[rng.random(n) < frac, col] = np.nan

log.info(f"Loaded train: {df.shape[0]} rows, {df.shape[1]} columns")
log.info("First rows:\n%s", df.head().to_string())
log.info("Summary statistics:\n%s", df.describe().round(3).to_string())
log.info("Missing values:\n%s", df.isnull().sum()[df.isnull().sum() > 0].to_string())
log.info("Weather counts:\n%s", df["weather"].value_counts().to_string())

df["year"] = df.datetime.dt.year
df["month"] = df.datetime.dt.month
df["dayofweek"] = df.datetime.dt.day_of_week
features = [c for c in df.columns if c not in ("datetime", "count")]
log.info(f"Using {len(features)} features: {', '.join(features)}")
X_train, X_valid, y_train, y_valid = train_test_split(
    df[features], np.log1p(df["count"]), test_size=0.2, random_state=SEED
)
log.info(f"X_train={X_train.shape} X_valid={X_valid.shape}")

model = lgb.LGBMRegressor(
    n_estimators=1500,
    learning_rate=0.03,
    num_leaves=48,
    min_child_samples=20,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=SEED,
    n_jobs=1,
)
model.fit(
    X_train,
    y_train,
    eval_set=[(X_train, y_train), (X_valid, y_valid)],
    eval_names=["train", "valid"],
    eval_metric=["l1", "rmse"],
    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(100)],
)
log.info(f"Model: {model}")
log.info(f"best_iteration_: {model.best_iteration_}")
log.info(
    "best valid scores: " + ", ".join(f"{k}={v:.5f}" for k, v in model.best_score_["valid"].items())
)

imp = (
    pd.DataFrame(
        {
            "feature": features,
            "split": model.booster_.feature_importance("split"),
            "gain": model.booster_.feature_importance("gain"),
        }
    )
    .sort_values("gain", ascending=False)
    .reset_index(drop=True)
)
log.info("Feature importance:\n%s", imp.to_string())

pred = np.expm1(model.predict(X_valid)).clip(0)
true = np.expm1(y_valid)
rmse = mean_squared_error(true, pred) ** 0.5
rmsle = mean_squared_log_error(true, pred) ** 0.5
r2 = r2_score(true, pred)
log.info(f"Validation RMSE: {rmse:.3f} | RMSLE: {rmsle:.5f} | R2: {r2:.4f}")

# --- truth
series = _truth.Series()
ev = model.evals_result_
rounds = len(ev["valid"]["l1"])
best = model.best_iteration_
# LightGBM's sklearn API keeps the metric names in evals_result_: eval_metric's 'l1' and 'rmse', then
# the objective's own 'l2', in the order printed
metrics = list(ev["valid"].keys())
for it in [r for r in range(1, rounds + 1) if r % 100 == 0] + [best]:
    for data in ("train", "valid"):
        for metric in metrics:
            series.add(f"{data}'s {metric}", it, None, ev[data][metric][it - 1])
for metric in metrics:
    series.add(f"best valid scores/{metric}", best, None, model.best_score_["valid"][metric])
series.add("Validation RMSE", None, None, rmse)
series.add("RMSLE", None, None, rmsle)
series.add("R2", None, None, r2)

_truth.write(
    library=(
        f"lightgbm {lgb.__version__} (rich {metadata.version('rich')}, scikit-learn "
        f"{metadata.version('scikit-learn')}, pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/kaggle_lgbm_sklearn_rich.py",
    record=(
        "LGBMRegressor.evals_result_ at the printed rounds and best_iteration_, best_score_; the "
        "script's mean_squared_error / mean_squared_log_error / r2_score"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=["evals_result_ rounds between the printed ones"],
    notes=(
        "Every line goes through rich's RichHandler: a time column '[15:40:01]', the level "
        "'INFO', the message, and at the right edge the caller 'kaggle_lgbm_sklearn_rich.py:78' "
        "(or 'basic.py:…' / 'callback.py:…' for LightGBM's messages): the line number is a "
        "source position, not a value. Piped, rich wraps at 80 columns, so long messages break "
        "onto continuation lines indented under the message column, and the file:line sits on "
        "the first line; multi-line messages (the DataFrames) continue on indented lines. EDA, "
        "data not metrics: 'Loaded train: 4000 rows, 10 columns', df.head() (datetimes, seasons, "
        "temp 20.2, humidity, windspeed, hour, count), describe() rounded to 3 decimals, missing "
        "counts, weather value_counts(), 'Using 12 features: ...', 'X_train=(3200, 12) "
        "X_valid=(800, 12)'. LightGBM's banner through the same handler ('[LightGBM] [Info] Auto-"
        "choosing col-wise multi-threading, the overhead of testing was 0.000573 seconds.', "
        "'Total Bins 1089', 'Number of data points in the train set: 3200, number of used "
        "features: 12', 'Start training from score 4.123456': counts, a time, the initial score). "
        "LightGBM 4.7's own 'LGBMDeprecationWarning: The argument 'eval_set' is deprecated, use "
        "'eval_X' and 'eval_y' instead.' (warnings, plain stderr) before its banner. 'Training until validation scores don't improve for 100 rounds', every 100th round "
        "'[100]\\ttrain's l1: 0.115\\ttrain's rmse: 0.153\\ttrain's l2: 0.023\\tvalid's "
        "l1: 0.139\\tvalid's rmse: 0.184\\tvalid's l2: 0.034' (1-based round; 'l2' is the "
        "objective's metric, after eval_metric's l1 and rmse; wrapped by rich, a name and its "
        "value can sit on two lines), then 'Early stopping, best "
        "iteration is:' and the best round's line again (true values at that round, held as the "
        "LAST points, at their round as step, out of step order). 'Model: "
        "LGBMRegressor(colsample_bytree=0.8, learning_rate=0.03, n_estimators=1500, ...)' "
        "(hyper-parameters), 'best_iteration_: 209' (a step), 'best valid scores: l1=0.11867, "
        "rmse=0.15799, l2=0.02496' (the valid set's best_score_: series 'best valid scores/l1', '.../rmse', '.../l2' at the "
        "best round), the importance DataFrame (split counts and gains: fitted estimates), and "
        "'Validation RMSE: 38.123 | RMSLE: 0.41234 | R2: 0.8123' on the original count scale "
        "(series 'Validation RMSE', 'RMSLE', 'R2', no step)."
    ),
)
