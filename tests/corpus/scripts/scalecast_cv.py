"""scalecast Forecaster: cross_validate(k=3, verbose=True) per model (its 'Num hyperparams to try',
'Fold i: Train size: ... Test Size: ...' and 'Chosen paramaters' lines), auto_forecast(), then
the model_summaries export printed as scalecast's 'Introductory Notebook' does, on a synthetic
daily series with a weekly pattern.

Versions: scalecast 0.21.4, scikit-learn 1.9.1, pandas 2.3.3, numpy 2.3.5, Python 3.11
(scalecast imports statsmodels for its ARIMA/HWES models, unused here; nothing of it is printed).
Capture (repository root, venv /work/venvs/corpus-zAL-2: pip install scalecast):
    python tests/corpus/scripts/capture.py pipe real_scalecast_cv -- python tests/corpus/scripts/scalecast_cv.py
(scalecast prints the same under a terminal: no pty entry. scalecast also writes a warnings.log into the working directory: delete it.)
Truth: Forecaster.export('model_summaries') (the frame printed: TestSetRMSE, TestSetMAPE,
TestSetMAE, InSampleRMSE, ValidationMetricValue per model).
"""

import os
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from scalecast.Forecaster import Forecaster

warnings.filterwarnings("ignore")
pd.set_option("display.width", 120)
pd.set_option("display.max_columns", 10)

rng = np.random.default_rng(1)
n = 240
t = np.arange(n)
dates = pd.date_range("2023-01-01", periods=n, freq="D")
y = 100 + 0.1 * t + 8 * np.sin(2 * np.pi * t / 7) + rng.normal(0, 2.5, n)

f = Forecaster(
    y=y,
    current_dates=dates,
    future_dates=14,
    test_length=28,
    cis=False,
    metrics=["rmse", "mape", "mae", "r2"],
)
f.set_validation_metric("rmse")
f.add_ar_terms(7)
f.add_seasonal_regressors("dayofweek", raw=False, dummy=True)
f.add_time_trend()
print(f)

grids = {
    "mlr": {"normalizer": ["minmax", None]},
    "ridge": {"alpha": [0.1, 1.0, 10.0]},
    "knn": {"n_neighbors": [3, 7, 15]},
}
for model, grid in grids.items():
    f.set_estimator(model)
    f.ingest_grid(grid)
    f.cross_validate(k=3, verbose=True)
    f.auto_forecast()

cols = [
    "ModelNickname",
    "HyperParams",
    "TestSetRMSE",
    "TestSetMAPE",
    "TestSetMAE",
    "InSampleRMSE",
    "ValidationMetricValue",
]
summaries = f.export("model_summaries", determine_best_by="TestSetRMSE")[cols]
print(summaries)

series = _truth.Series()
for _, row in summaries.iterrows():
    for col in cols[2:]:
        series.add(f"{row['ModelNickname']} {col}", None, None, row[col])

_truth.write(
    library=f"scalecast {metadata.version('scalecast')} (scikit-learn {metadata.version('scikit-learn')}, pandas {pd.__version__})",
    script="tests/corpus/scripts/scalecast_cv.py",
    record="Forecaster.export('model_summaries') (the printed columns)",
    step_kind="none",
    series=series,
    notes=(
        "First print(f): the Forecaster's repr 'Forecaster(\\n    DateStartActuals=2023-01-01T00:00:00.000000000\\n "
        "   DateEndActuals=...\\n    Freq=D\\n    N_actuals=240\\n    ForecastLength=14\\n    "
        "Xvars=[AR(lag_order=1), ..., AR(lag_order=7), 'dayofweek_0', ..., 't']\\n    TestLength=28\\n    "
        "ValidationMetric=rmse\\n    ForecastsEvaluated=[]\\n    CILevel=None\\n    "
        "CurrentEstimator=mlr\\n    GridsFile=Grids\\n)' (counts, dates, config: no metric). "
        "Then per model scalecast's 'Num hyperparams to try for the mlr model: 2.', three "
        "'Fold 0: Train size: 159 (2023-01-01 00:00:00 - 2023-06-08 00:00:00). Test Size: 53 "
        "(2023-06-09 00:00:00 - 2023-07-31 00:00:00). ' lines (sizes and dates) and "
        "'Chosen paramaters: {'alpha': 10.0}.' (hyper-parameters). Last the model_summaries "
        "frame sorted by TestSetRMSE: index '0' on every row, 'ModelNickname' (mlr, ridge, knn), 'HyperParams' (a dict), then "
        "'TestSetRMSE  TestSetMAPE  TestSetMAE  InSampleRMSE  ValidationMetricValue' (each cell "
        "a series '<ModelNickname> <column>', one point, no step); the wide frame may wrap."
    ),
)
