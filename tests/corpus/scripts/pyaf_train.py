"""PyAF (Python Automatic Forecasting): cForecastEngine.train() then getModelInfo() and the forecast
table, as PyAF's README does it, on a synthetic daily series (trend + weekly cycle + noise).

PyAF logs through the logger 'pyaf.std' (INFO:pyaf.std:... lines on stderr): the training time,
the signal's statistics, the chosen decomposition, MODEL_PERFS per split (Fit / Forecast / Test)
at horizon 1 and at the last horizon, the model's estimates (trend coefficients, cycle values)
and the short list of competing models with their per-horizon MASE.

Versions: pyaf 5.0, pandas 2.2.3, numpy 1.26.4, scikit-learn 1.5.2, Python 3.11 (pyaf 5.0 fails
under pandas 3 and numpy 2: `np.Inf`, FloatingArray.clip); pyaf imports nothing of statsmodels.
Capture (repository root, venv /work/venvs/corpus-zAL-3:
pip install pyaf "numpy<2" "pandas<2.3" "scikit-learn<1.6" six matplotlib pydot dill):
    python tests/corpus/scripts/capture.py pipe real_pyaf_train -- python tests/corpus/scripts/pyaf_train.py
(pyaf prints the same under a terminal: no pty entry.)
Truth: the best model's performance objects (mFitPerfs / mForecastPerfs / mTestPerfs
[...].to_dict_summary(criterion), the dict PyAF logs) and the competition short list
(mModelShortListBySignal), from the engine after train().
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import pyaf.ForecastEngine as autof

rng = np.random.default_rng(0)
n = 200
t = np.arange(n)
df = pd.DataFrame({"Date": pd.date_range("2020-01-01", periods=n, freq="D")})
df["Signal"] = 10 + 0.05 * t + 2 * np.sin(2 * np.pi * t / 7) + rng.normal(0, 0.5, n)
H = 7

lEngine = autof.cForecastEngine()
lEngine.train(iInputDS=df, iTime="Date", iSignal="Signal", iHorizon=H)
lEngine.getModelInfo()

df_forecast = lEngine.forecast(iInputDS=df, iHorizon=H)
print(
    df_forecast[
        [
            "Date",
            "Signal",
            "Signal_Forecast",
            "Signal_Forecast_Lower_Bound",
            "Signal_Forecast_Upper_Bound",
        ]
    ].tail(H)
)

dec = lEngine.mSignalDecomposition
model = dec.mBestModel
criterion = model.mTimeInfo.mOptions.mModelSelection_Criterion
series = _truth.Series()
for h in (1, H):
    name = f"Signal_Forecast_{h}"
    for split, perfs in (
        ("Fit", model.mFitPerfs),
        ("Forecast", model.mForecastPerfs),
        ("Test", model.mTestPerfs),
    ):
        for key, value in perfs[name].to_dict_summary(criterion).items():
            series.add(f"{split} {key}", h, None, value)
short = dec.mModelShortListBySignal["Signal"].to_dict(orient="index")
for k in sorted(short):
    row = short[k]
    series.add("Voting", k, None, row["Voting"])
    for h in range(1, H + 1):
        series.add(f"Forecast_MASE_{h}", k, None, row[f"Forecast_MASE_{h}"])

_truth.write(
    library=f"pyaf {metadata.version('pyaf')} (pandas {pd.__version__}, numpy {np.__version__}, scikit-learn {metadata.version('scikit-learn')})",
    script="tests/corpus/scripts/pyaf_train.py",
    record=(
        "best model's mFitPerfs/mForecastPerfs/mTestPerfs[...].to_dict_summary(criterion) (the dicts "
        "PyAF logs) and mSignalDecomposition.mModelShortListBySignal (the competition short list)"
    ),
    step_kind="global",
    series=series,
    extra_ok=["TRAINING_ENGINE_END, FORECASTING_ENGINE_END (training / forecasting time, seconds)"],
    notes=(
        "stderr, PyAF's logger: 'INFO:pyaf.std:TRAINING_ENGINE_START {...}' then "
        "'TRAINING_ENGINE_END 10.177' (seconds: a timing), 'TIME_DETAIL TimeVariable='Date' "
        "TimeMin=2020-01-01T00:00:00.000000 ... Horizon=7' (dates, horizon), "
        "'SIGNAL_DETAIL_ORIG SignalVariable='Signal' Length=200  Min=7.48 Max=21.61  Mean=15.00 "
        "StdDev=3.23' and 'SIGNAL_DETAIL_TRANSFORMED ...' (statistics of the DATA, a count: no "
        "metric), decomposition names ('Cycle_7' names a 7-day cycle), then 'MODEL_PERFS Fit "
        "STEP=1 {'MAPE': 0.0296, 'RMSE': 0.4733, 'MAE': 0.3875, 'MASE': 0.3174}' for Fit, "
        "Forecast and Test at STEP=1 and STEP=7 (the forecast horizon: series '<split> <key>', "
        "step = the horizon; the dict also repeats the criterion key, MASE), "
        "'MODEL_COMPLEXITY {...} [SSSSS]', 'LINEAR_RIDGE_TREND LinearTrend (0.186508, "
        "array([0.527877]))' (trend coefficients: estimates), 'BEST_CYCLE_LENGTH_VALUES "
        "_Signal_..._Cycle_7 7 0.00083 {0: 0.003845, 1: 0.112979, ...}' (cycle length, default "
        "value and the cycle's value per day of the cycle: estimates, no metric), and "
        "'COMPETITION_DETAIL_SHORT_LIST 'Signal' 0 {'Transformation': ..., 'Voting': 443.1429, "
        "'Complexity': 'SSSSS', 'Forecast_MASE_1': 0.3634, ... 'Forecast_MASE_7': 0.3634}' per "
        "short-listed model (series 'Voting' and 'Forecast_MASE_<h>', step = the model's "
        "position 0, 1 in the list). pandas' FutureWarning about chained assignment "
        "(SignalDecomposition_Cycle.py:223, 'pandas 3.0') repeats on stderr; "
        "'FORECASTING_ENGINE_START {...}' / 'FORECASTING_ENGINE_END 0.099' (seconds). Last, stdout: "
        "the forecast table (piped, 80 columns: the middle columns elided with '...', "
        "'[7 rows x 5 columns]' after it) 'Date  Signal  Signal_Forecast  Signal_Forecast_Lower_Bound  "
        "Signal_Forecast_Upper_Bound' (index 200..206, dates, NaN actuals, FORECAST values and "
        "bounds: no metric)."
    ),
)
