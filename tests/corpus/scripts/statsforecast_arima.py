"""statsforecast AutoARIMA(trace=True) through StatsForecast.fit on one synthetic monthly series,
then the chosen model's name and a forecast table with 95% intervals, as the getting-started
guide prints them.

Versions: statsforecast 2.1.1, coreforecast 0.0.20, pandas 2.3.3, numpy 2.4.6, Python 3.11
(statsforecast imports statsmodels 0.15.0 for its own internals; nothing of it is printed).
Capture (repository root, venv /work/venvs/corpus-zr-1):
    python tests/corpus/scripts/capture.py pipe real_statsforecast_autoarima -- python tests/corpus/scripts/statsforecast_arima.py
(plain print(): the same under a terminal, so no pty entry.)
Truth: statsforecast keeps no list of the candidates it tried; the script wraps
statsforecast.arima.myarima (the function that fits one candidate and prints its trace line) and
keeps fit['ic'] of each dict it returns, in call order (full precision); the chosen model's
'aicc' from model_ (the final re-fit, not printed: only in not_printed).
"""

import os
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import statsforecast.arima as sfa
from statsforecast import StatsForecast
from statsforecast.arima import arima_string
from statsforecast.models import AutoARIMA

warnings.filterwarnings("ignore")

rng = np.random.RandomState(0)
n = 120
t = np.arange(n)
ar = np.zeros(n)
e = rng.normal(0, 0.6, n)
for i in range(1, n):
    ar[i] = 0.7 * ar[i - 1] + e[i]
y = 20 + 0.08 * t + 3 * np.sin(2 * np.pi * t / 12) + ar
df = pd.DataFrame(
    {"unique_id": "sales", "ds": pd.date_range("2015-01-01", periods=n, freq="MS"), "y": y}
)

ics = []
_orig = sfa.myarima


def _recording(*args, **kwargs):
    fit = _orig(*args, **kwargs)
    if isinstance(fit, dict) and "ic" in fit:
        ics.append(fit["ic"])
    return fit


sfa.myarima = _recording
sf = StatsForecast(models=[AutoARIMA(season_length=12, trace=True)], freq="MS")
sf.fit(df)
sfa.myarima = _orig
model = sf.fitted_[0, 0].model_
print(arima_string(model))
print(sf.predict(h=6, level=[95]))

series = _truth.Series()
for v in ics:
    series.add("aicc", None, None, v)
_truth.write(
    library=(
        f"statsforecast {metadata.version('statsforecast')} "
        f"(coreforecast {metadata.version('coreforecast')})"
    ),
    script="tests/corpus/scripts/statsforecast_arima.py",
    record="fit['ic'] of every candidate statsforecast.arima.myarima returned (call order)",
    step_kind="none",
    series=series,
    not_printed=["aic", "aicc", "bic", "loglik", "sigma2 (the chosen model's model_, not printed)"],
    notes=(
        "AutoARIMA(trace=True) prints one line per candidate: the model's name padded with "
        "spaces, ' : ' and its information criterion at 4 decimals, e.g. "
        "'ARIMA(2,1,2)(1,1,1)[12]                    : 242.3713' (AICc, the default "
        "ic='aicc'; 'inf' for a candidate rejected for its roots, the last one here). The values have NO printed name: the "
        "truth calls the series 'aicc' (the criterion AutoARIMA ranks by); the orders in the "
        "label (p,d,q)(P,D,Q)[m] are a model's configuration, not metrics, nor is the "
        "'with drift' / 'with zero mean' suffix other series get. No step (candidates are not training progress). "
        "Then print(arima_string(model_)): 'ARIMA(1,1,1)(0,1,1)[12]' and trailing spaces (the "
        "chosen model's name, no metric), and print(sf.predict(h=6, level=[95])): a pandas table "
        "'unique_id  ds  AutoARIMA  AutoARIMA-lo-95  AutoARIMA-hi-95' with one row per "
        "forecast month: forecasts and interval bounds, not metrics."
    ),
)
