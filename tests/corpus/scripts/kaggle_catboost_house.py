"""A Kaggle-style house-price regression with CatBoost: pandas EDA, native categorical features
(no encoding), CatBoostRegressor.fit(eval_set=..., verbose=100) with use_best_model, the
prettified feature importance DataFrame, and holdout errors printed with f-strings (thousands
separators, a dollar sign).

Versions: catboost 1.2.10, scikit-learn 1.9.1, pandas 3.1.1, numpy 2.4.6, Python 3.11
(venv corpus-zAK-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_kaggle_catboost_house -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_catboost_house.py
(CatBoost writes the same plain lines under a terminal: no pty entry.)
Truth: model.get_evals_result() at the iterations CatBoost printed (every 100th, and the last when
the overfitting detector did not stop the run),
get_best_score()/get_best_iteration() for 'bestTest', the script's holdout metrics
(mean_squared_error, mean_absolute_error, r2_score).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

RANDOM_STATE = 7
rng = np.random.default_rng(RANDOM_STATE)
n = 1500
neighborhoods = ["NAmes", "CollgCr", "OldTown", "Edwards", "Somerst", "Gilbert", "NridgHt"]
df = pd.DataFrame(
    {
        "Id": np.arange(1, n + 1),
        "LotArea": rng.lognormal(9.1, 0.35, n).round(0),
        "OverallQual": rng.integers(3, 11, n),
        "YearBuilt": rng.integers(1900, 2010, n),
        "GrLivArea": rng.normal(1500, 450, n).clip(500).round(0),
        "GarageCars": rng.integers(0, 4, n).astype(float),
        "TotalBsmtSF": rng.normal(1050, 380, n).clip(0).round(0),
        "Neighborhood": rng.choice(neighborhoods, n),
        "MSZoning": rng.choice(["RL", "RM", "FV", "RH"], n, p=[0.78, 0.15, 0.05, 0.02]),
        "KitchenQual": rng.choice(["TA", "Gd", "Ex", "Fa"], n, p=[0.5, 0.38, 0.08, 0.04]),
    }
)
nb_effect = dict(zip(neighborhoods, [0.0, 0.08, -0.12, -0.15, 0.1, 0.05, 0.25], strict=True))
log_price = (
    11.2
    + 0.11 * df.OverallQual
    + 0.00035 * df.GrLivArea
    + 0.0025 * (df.YearBuilt - 1950)
    + 0.05 * df.GarageCars
    + df.Neighborhood.map(nb_effect)
    + rng.normal(0, 0.12, n)
)
df["SalePrice"] = np.exp(log_price).round(-2)
for col, frac in (("GarageCars", 0.05), ("TotalBsmtSF", 0.03), ("LotArea", 0.07)):
    df.loc[rng.random(n) < frac, col] = np.nan
df.loc[rng.random(n) < 0.04, "KitchenQual"] = np.nan

print(f"Train data shape: {df.shape}")
print(df.head())
print(df.describe().T)
missing = df.isnull().sum()
missing = missing[missing > 0].sort_values(ascending=False)
print(f"Columns with missing values: {len(missing)}")
print(missing)
print(df["Neighborhood"].value_counts())
print(f"SalePrice skew: {df['SalePrice'].skew():.3f}, kurtosis: {df['SalePrice'].kurt():.3f}")

cat_features = ["Neighborhood", "MSZoning", "KitchenQual"]
for c in cat_features:
    df[c] = df[c].fillna("Missing")
features = [c for c in df.columns if c not in ("Id", "SalePrice")]
X, y = df[features], df["SalePrice"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=RANDOM_STATE)
X_tr, X_val, y_tr, y_val = train_test_split(
    X_train, y_train, test_size=0.2, random_state=RANDOM_STATE
)
print(f"Train: {X_tr.shape}, Valid: {X_val.shape}, Test: {X_test.shape}")

train_pool = Pool(X_tr, y_tr, cat_features=cat_features)
valid_pool = Pool(X_val, y_val, cat_features=cat_features)

model = CatBoostRegressor(
    iterations=600,
    learning_rate=0.05,
    depth=6,
    loss_function="RMSE",
    random_seed=RANDOM_STATE,
    od_type="Iter",
    od_wait=80,
    thread_count=1,
    allow_writing_files=False,
)
model.fit(train_pool, eval_set=valid_pool, use_best_model=True, verbose=100)

best_it = model.get_best_iteration()
best_rmse = model.get_best_score()["validation"]["RMSE"]
print(f"Best iteration: {best_it}, best validation RMSE: {best_rmse:.2f}")
print(f"Trees in final model: {model.tree_count_}")

fi = model.get_feature_importance(prettified=True)
print(fi)

pred = model.predict(X_test)
rmse = mean_squared_error(y_test, pred) ** 0.5
mae = mean_absolute_error(y_test, pred)
r2 = r2_score(y_test, pred)
rmsle = mean_squared_error(np.log1p(y_test), np.log1p(pred)) ** 0.5
print(f"Test RMSE: {rmse:,.0f}")
print(f"Test MAE: ${mae:,.2f}")
print(f"Test R2: {r2:.4f}")
print(f"Test RMSLE: {rmsle:.5f}")

# --- truth
series = _truth.Series()
ev = model.get_evals_result()
n_iter = len(ev["learn"]["RMSE"])
best_hist = np.minimum.accumulate(ev["validation"]["RMSE"])
# every 100th iteration, and the last one unless the overfitting detector stopped the run (then
# CatBoost prints 'Stopped by overfitting detector' instead of the last iteration)
stopped_early = n_iter < model.get_params()["iterations"]
for i in [i for i in range(n_iter) if i % 100 == 0 or (i == n_iter - 1 and not stopped_early)]:
    series.add("learn", i, None, ev["learn"]["RMSE"][i])
    series.add("test", i, None, ev["validation"]["RMSE"][i])
    series.add("best", i, None, best_hist[i])
series.add("bestTest", best_it, None, best_rmse)
series.add("best validation RMSE", best_it, None, best_rmse)
series.add("Test RMSE", None, None, rmse)
series.add("Test MAE", None, None, mae)
series.add("Test R2", None, None, r2)
series.add("Test RMSLE", None, None, rmsle)

_truth.write(
    library=(
        f"catboost {metadata.version('catboost')} (scikit-learn {metadata.version('scikit-learn')}, "
        f"pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/kaggle_catboost_house.py",
    record=(
        "CatBoostRegressor.get_evals_result() at the printed iterations (best = running minimum of "
        "the validation RMSE), get_best_score()/get_best_iteration(); the script's sklearn metrics"
    ),
    step_kind="global",
    series=series,
    extra_ok=["total (elapsed time)", "remaining (time left)"],
    not_printed=["get_evals_result() iterations between the printed ones"],
    notes=(
        "EDA first, data not metrics: 'Train data shape: (1500, 11)', df.head() (Id, LotArea, "
        "OverallQual, YearBuilt, GrLivArea..., SalePrice 208900.0: prices are the TARGET's data), "
        "df.describe().T (one row per numeric column: count mean std min 25% 50% 75% max), "
        "'Columns with missing values: 4' and the counts, Neighborhood value_counts(), "
        "'SalePrice skew: 0.9, kurtosis: 1.6' (statistics of the data), 'Train: (960, 9), Valid: "
        "(240, 9), Test: (300, 9)'. CatBoost, verbose=100: '0:\\tlearn: 101703.1091745\\ttest: "
        "109354.7406942\\tbest: 109354.7406942 (0)\\ttotal: 48.1ms\\tremaining: 28.8s' (0-based iteration before "
        "the colon = step; learn/test = RMSE, CatBoost prints no metric name; best = the best test "
        "RMSE so far with its iteration in parentheses), every 100th iteration (the last is not printed when the overfitting detector stops the "
        "run), then 'Stopped by overfitting detector  (80 iterations wait)' when it stops early, "
        "'bestTest = 24000.1', 'bestIteration = 250' (a step), 'Shrink model to first 251 "
        "iterations.' (a count). The script: 'Best iteration: 250, best validation RMSE: "
        "24000.12' (series 'best validation RMSE' at that step), 'Trees in final model: 251' (a "
        "count), the prettified feature importance DataFrame (Feature Id / Importances: fitted "
        "estimates), 'Test RMSE: 24,321' (thousands separator, no decimals), 'Test MAE: "
        "$17,654.32' (dollar sign and separator), 'Test R2: 0.9123', 'Test RMSLE: 0.12345' (no "
        "step). CatBoost prints 7 significant digits; truth at full precision."
    ),
)
