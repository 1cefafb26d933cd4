"""utilsforecast.evaluation.evaluate per series (agg_fn left out) on statsforecast cross-validation
forecasts of four synthetic hourly series named like M4's ('H1'...'H4'), printed as Nixtla's
'Getting started' / 'Model selection' guides print it: the per-series metric frame with a
'best_model' column, then the models' mean per metric and the count of series each model wins.

Versions: utilsforecast 0.2.17, statsforecast 2.1.1, pandas 2.3.3, numpy 2.4.6, Python 3.11
(statsforecast imports statsmodels for its own internals; nothing of it is printed).
Capture (repository root, venv /work/venvs/corpus-zAL-1):
    python tests/corpus/scripts/capture.py pipe real_utilsforecast_evaluate -- python tests/corpus/scripts/utilsforecast_evaluate.py
(statsforecast's bars are off by default (verbose=False): no pty entry.)
Truth: the DataFrame utilsforecast's evaluate() returned (per series and metric) and its
groupby('metric').mean() as printed.
"""

import os
import sys
import warnings
from functools import partial
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import MSTL, AutoTheta, HistoricAverage, SeasonalNaive
from utilsforecast.evaluation import evaluate
from utilsforecast.losses import mae, mase, rmse, smape

warnings.filterwarnings("ignore")
pd.set_option("display.width", 120)
pd.set_option("display.max_columns", 12)

rng = np.random.default_rng(5)
frames = []
for k in range(1, 5):
    n = 24 * 10
    t = np.arange(n)
    y = 300 + 40 * k + 60 * np.sin(2 * np.pi * t / 24 + k) + 0.3 * t + rng.normal(0, 10 + 5 * k, n)
    frames.append(pd.DataFrame({"unique_id": f"H{k}", "ds": t + 1, "y": y}))
df = pd.concat(frames, ignore_index=True)

sf = StatsForecast(
    models=[
        SeasonalNaive(season_length=24),
        HistoricAverage(),
        AutoTheta(season_length=24),
        MSTL(season_length=24),
    ],
    freq=1,
    n_jobs=1,
)
cv_df = sf.cross_validation(df=df, h=24, step_size=24, n_windows=2)
print(cv_df.head())

train_df = df[df["ds"] <= cv_df["cutoff"].min()]
evaluation_df = evaluate(
    cv_df.drop(columns="cutoff"),
    metrics=[mae, rmse, smape, partial(mase, seasonality=24)],
    train_df=train_df,
)
model_cols = [c for c in evaluation_df.columns if c not in ("unique_id", "metric")]
evaluation_df["best_model"] = evaluation_df[model_cols].idxmin(axis=1)
print(evaluation_df)

summary = evaluation_df.drop(columns=["unique_id", "best_model"]).groupby("metric").mean()
print(summary)
wins = evaluation_df[evaluation_df["metric"] == "mase"]["best_model"].value_counts()
print(wins)

series = _truth.Series()
for _, row in evaluation_df.iterrows():
    for col in model_cols:
        series.add(f"{row['unique_id']} {row['metric']} {col}", None, None, row[col])
for metric, row in summary.iterrows():
    for col in model_cols:
        series.add(f"{metric} {col}", None, None, row[col])

_truth.write(
    library=(
        f"utilsforecast {metadata.version('utilsforecast')} (statsforecast {metadata.version('statsforecast')}, "
        f"pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/utilsforecast_evaluate.py",
    record="utilsforecast.evaluation.evaluate(...) DataFrame per series and metric, and its groupby('metric').mean()",
    step_kind="none",
    series=series,
    notes=(
        "First print(cv_df.head()): cross-validation FORECASTS 'unique_id  ds  cutoff  y  "
        "SeasonalNaive  HistoricAverage  AutoTheta  MSTL' (hour indexes 193.., the cutoff hour, "
        "actuals and forecasts: no metric) under the same model column names the metric tables "
        "use next. Then the per-series evaluate() frame: index 0..15, 'unique_id' ('H1'..'H4': "
        "series NAMES with a digit), 'metric' ('mae', 'rmse', 'smape', 'mase'), one column per "
        "model and a 'best_model' column (a model name): each cell a series "
        "'<unique_id> <metric> <model>' ('H3 smape AutoTheta'), one point, no step. Then the "
        "means per metric (index 'metric', series '<metric> <model>') and a value_counts() print "
        "'best_model' / 'MSTL         2' / 'AutoTheta    2' / 'Name: count, dtype: int64' (how many "
        "series each model wins: counts, no metric)."
    ),
)
