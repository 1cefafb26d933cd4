"""tbats: BATS and TBATS fits of a synthetic daily series with weekly and monthly seasonality,
each model's summary() printed as the tbats README does, then the hold-out error of its
14-day forecast and the in-sample residual error, printed by the script.

Versions: tbats 1.2.0, pmdarima 2.1.1 (tbats' ARMA-order search), numpy 2.4.6, scikit-learn
1.9.1, Python 3.11 (pmdarima imports statsmodels; nothing of it is printed).
Capture (repository root, venv /work/venvs/corpus-zAL-1):
    python tests/corpus/scripts/capture.py pipe real_tbats_summary -- python tests/corpus/scripts/tbats_fit.py
(tbats prints the same under a terminal: no pty entry.)
Truth: each fitted model's aic attribute (the 'AIC' line of summary()), and the MAE/RMSE that the
script computed from model.forecast() and model.resid, at full precision.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from tbats import BATS, TBATS

np.random.seed(2)
n = 300
t = np.arange(n)
y_all = (
    40
    + 0.02 * t
    + 6 * np.sin(2 * np.pi * t / 7)
    + 3 * np.cos(2 * np.pi * t / 30.5)
    + np.random.normal(0, 1.2, n)
)
y_train, y_test = y_all[:-14], y_all[-14:]

series = _truth.Series()
for name, estimator in (
    ("BATS", BATS(seasonal_periods=[7], use_arma_errors=False, use_box_cox=False, n_jobs=1)),
    ("TBATS", TBATS(seasonal_periods=[7, 30.5], use_box_cox=False, n_jobs=1)),
):
    print(f"=== {name} ===")
    model = estimator.fit(y_train)
    print(model.summary())
    forecast = model.forecast(steps=14)
    mae = float(np.mean(np.abs(forecast - y_test)))
    rmse_in = float(np.sqrt(np.mean(model.resid**2)))
    print(f"hold-out MAE (14 days): {mae:.4f}")
    print(f"in-sample RMSE: {rmse_in:.4f}")
    series.add(f"{name} AIC", None, None, model.aic)
    series.add(f"{name} hold-out MAE (14 days)", None, None, mae)
    series.add(f"{name} in-sample RMSE", None, None, rmse_in)
    print()

_truth.write(
    library=f"tbats {metadata.version('tbats')} (pmdarima {metadata.version('pmdarima')}, numpy {np.__version__})",
    script="tests/corpus/scripts/tbats_fit.py",
    record="each fitted model's .aic; MAE of model.forecast() and RMSE of model.resid computed by the script",
    step_kind="none",
    series=series,
    notes=(
        "Per model a banner '=== BATS ===' then tbats' summary(): 'Use Box-Cox: False', "
        "'Use trend: False', 'Use damped trend: False', 'Seasonal periods: [ 7.  30.5]', "
        "'Seasonal harmonics [1 3]' (TBATS only), 'ARMA errors (p, q): (0, 0)', "
        "'Smoothing (Alpha): 0.089235', 'Seasonal Parameters (Gamma): [-0.00548699  0.00746405 "
        "...]', 'AR coefficients []', 'MA coefficients []', 'Seed vector [ 3.97519675e+01 "
        "1.28940179e-01 ...' wrapped over several lines (fitted parameters and initial states: "
        "estimates, no metric), a blank line and the last line 'AIC 1234.567890' (the model's AIC: a series named "
        "'<model> AIC'). Then the script's 'hold-out MAE (14 days): 1.2345' and "
        "'in-sample RMSE: 1.1234' (series '<model> hold-out MAE (14 days)', '<model> in-sample "
        "RMSE'). The two models' blocks repeat the same names; the series carry the banner's "
        "model name. The '14' in 'hold-out MAE (14 days)' is the horizon, not a value."
    ),
)
