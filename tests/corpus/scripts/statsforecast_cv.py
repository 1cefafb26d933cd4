"""statsforecast StatsForecast(verbose=True).cross_validation of AutoETS, AutoTheta and
SeasonalNaive on three synthetic monthly series, then utilsforecast's evaluate() averaged per
metric, as Nixtla's getting-started guides print them.

Versions: statsforecast 2.1.1, utilsforecast 0.2.17, coreforecast 0.0.20, tqdm 4.70.1,
pandas 2.3.3, numpy 2.4.6, Python 3.11 (statsforecast imports statsmodels 0.15.0 for its own
internals; nothing of it is printed).
Capture (repository root, venv /work/venvs/corpus-zr-1):
    python tests/corpus/scripts/capture.py pipe real_statsforecast_cv_evaluate -- python tests/corpus/scripts/statsforecast_cv.py
    python tests/corpus/scripts/capture.py pty real_statsforecast_cv_evaluate_pty -- python tests/corpus/scripts/statsforecast_cv.py
Truth: the DataFrame utilsforecast.evaluation.evaluate returns, averaged per metric with the same
groupby(...).mean() whose result is printed (full precision).
"""

import os
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS, AutoTheta, SeasonalNaive
from utilsforecast.evaluation import evaluate
from utilsforecast.losses import mae, rmse, smape

warnings.filterwarnings("ignore")

rng = np.random.RandomState(0)
n = 96
frames = []
for k in range(3):
    t = np.arange(n)
    y = 20 + k * 5 + 0.05 * t + 3 * np.sin(2 * np.pi * t / 12 + k) + rng.normal(0, 0.8, n)
    frames.append(
        pd.DataFrame(
            {
                "unique_id": f"store_{k}",
                "ds": pd.date_range("2017-01-01", periods=n, freq="MS"),
                "y": y,
            }
        )
    )
df = pd.concat(frames)

sf = StatsForecast(
    models=[
        AutoETS(season_length=12),
        AutoTheta(season_length=12),
        SeasonalNaive(season_length=12),
    ],
    freq="MS",
    verbose=True,
)
cv_df = sf.cross_validation(df=df, h=6, n_windows=3)
print(cv_df.head())
evaluation = evaluate(cv_df.drop(columns="cutoff"), metrics=[mae, rmse, smape])
summary = evaluation.groupby("metric").mean(numeric_only=True)
print(summary)

series = _truth.Series()
for metric, row in summary.iterrows():
    for model, value in row.items():
        series.add(f"{metric} {model}", None, None, value)
_truth.write(
    library=(
        f"statsforecast {metadata.version('statsforecast')} "
        f"(utilsforecast {metadata.version('utilsforecast')})"
    ),
    script="tests/corpus/scripts/statsforecast_cv.py",
    record="utilsforecast.evaluation.evaluate(...) DataFrame, groupby('metric').mean() as printed",
    step_kind="none",
    series=series,
    extra_ok=["it/s rate of the tqdm bar (throughput)"],
    not_printed=["the per-series rows of evaluate() (only their means are printed)"],
    notes=(
        "stderr: one tqdm bar per series, 'Cross Validation Time Series 1:  67%|...| 2/3 "
        "[00:00<00:00, 16.02it/s]' (the windows done: a count, no metric). Then "
        "print(cv_df.head()): a pandas table 'unique_id  ds  cutoff  ...  AutoETS  AutoTheta  "
        "SeasonalNaive' (piped, 80 columns: the middle columns elided with '...', '[5 rows x 7 "
        "columns]' after it) whose model columns hold FORECASTS and y the actuals: no metric. "
        "Then print(evaluate(...).groupby('metric').mean(numeric_only=True)): a header "
        "'         AutoETS  AutoTheta  SeasonalNaive', an index-name line 'metric', and rows "
        "'mae     0.658670   0.806228       1.055929', 'rmse ...', 'smape ...' (the error of "
        "each model averaged over the three series and windows). Each cell is a series named "
        "'<row> <column>' ('mae AutoETS', 'smape SeasonalNaive'), one point, no step: the "
        "same column names 'AutoETS' etc. carried forecasts in the table before."
    ),
)
