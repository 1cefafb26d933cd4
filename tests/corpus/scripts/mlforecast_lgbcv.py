"""mlforecast LightGBMCV.fit (verbose_eval=True, the default) on four synthetic daily series,
as mlforecast's LightGBMCV guide runs it (params={'verbose': -1}), then MLForecast.from_cv
refitted and its forecast table printed.

Versions: mlforecast 1.1.0, lightgbm 4.7.0, coreforecast 0.0.20, utilsforecast 0.2.17,
pandas 2.3.3, numpy 2.4.6, Python 3.11.
`rmse` (argument): the same series x 1000 (levels in the tens of thousands), metric='rmse',
eval_every=250, learning_rate 0.005: fit() prints rounds and values with thousands separators.
Capture (repository root, venv /work/venvs/corpus-zr-1):
    python tests/corpus/scripts/capture.py pipe real_mlforecast_lgbcv -- python tests/corpus/scripts/mlforecast_lgbcv.py
    python tests/corpus/scripts/capture.py pipe real_mlforecast_lgbcv_rmse -- python tests/corpus/scripts/mlforecast_lgbcv.py rmse
(plain print(): the same under a terminal, so no pty entry.)
Truth: the metric value LightGBMCV.partial_fit returns after each eval_every boosting rounds
(the value fit() prints and appends to its history; fit() returns that history cut at the best
iteration, so the script keeps partial_fit's return values, full precision), step = the rounds
count fit() prints.
"""

import os
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from mlforecast import MLForecast
from mlforecast.lgb_cv import LightGBMCV

warnings.filterwarnings("ignore")

RMSE = sys.argv[1:] == ["rmse"]
scale, metric, eval_every, lr = (1000.0, "rmse", 250, 0.005) if RMSE else (1.0, "mape", 10, 0.05)
rng = np.random.RandomState(0)
n = 200
frames = []
for k in range(4):
    t = np.arange(n)
    y = 50 + k * 10 + 0.1 * t + 5 * np.sin(2 * np.pi * t / 7 + k) + rng.normal(0, 1.5, n)
    frames.append(
        pd.DataFrame(
            {
                "unique_id": f"id_{k}",
                "ds": pd.date_range("2024-01-01", periods=n, freq="D"),
                "y": y * scale,
            }
        )
    )
df = pd.concat(frames)

cv = LightGBMCV(freq="D", lags=[1, 7, 14], num_threads=1)
values = []
_partial_fit = cv.partial_fit


def _recording(*args, **kwargs):
    value = _partial_fit(*args, **kwargs)
    values.append(value)
    return value


cv.partial_fit = _recording
cv_hist = cv.fit(
    df,
    n_windows=2,
    h=14,
    num_iterations=2000 if RMSE else 200,
    eval_every=eval_every,
    params={"verbose": -1, "learning_rate": lr},
    metric=metric,
)
final = MLForecast.from_cv(cv)
final.fit(df)
print(final.predict(7).head())

series = _truth.Series()
for i, v in enumerate(values):
    series.add(metric, eval_every * (i + 1), None, v)
_truth.write(
    library=(
        f"mlforecast {metadata.version('mlforecast')} (lightgbm {metadata.version('lightgbm')})"
    ),
    script="tests/corpus/scripts/mlforecast_lgbcv.py",
    record="LightGBMCV.partial_fit return values (the metric fit() prints), rounds as fit() counts",
    step_kind="global",
    series=series,
    notes=(
        (
            "rmse variant: '[250] rmse: 3,456.789012' and '[1,000] rmse: …': the rounds and "
            "the value printed with ',' thousands separators (format ':,d' / ':,f'). "
            if RMSE
            else ""
        )
        + "LightGBMCV.fit prints '[10] mape: 0.095970' after every eval_every=10 boosting rounds "
        "(the bracket: the rounds done, printed with a thousands separator; the metric over "
        "the two cross-validation windows, 6 decimals), then 'Early stopping at round 100' and "
        "'Using best iteration: 80' (round counts, not metrics). Then the script prints "
        "MLForecast.from_cv(cv) refitted: final.predict(7).head(), a pandas table "
        "'  unique_id         ds  LGBMRegressor' whose model column holds FORECASTS (no metric)."
    ),
)
