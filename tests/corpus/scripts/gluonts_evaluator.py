"""GluonTS Evaluator on the forecasts of a numpy-only predictor (NPTSPredictor), printed as the
GluonTS quick-start tutorial prints them: json.dumps(agg_metrics, indent=4) and item_metrics.

Five synthetic hourly series; the last 24 hours of each held out (make_evaluation_predictions),
100 sample paths; Evaluator(quantiles=(0.1, 0.5, 0.9)) shows its tqdm bar 'Running evaluation'.

Versions: gluonts 0.17.0, numpy 2.4.6, pandas 2.3.3, Python 3.11 (no torch: NPTS is numpy).
Capture (repository root, venv /work/venvs/corpus-zAL-1):
    python tests/corpus/scripts/capture.py pipe real_gluonts_evaluator -- python tests/corpus/scripts/gluonts_evaluator.py
    python tests/corpus/scripts/capture.py pty real_gluonts_evaluator_pty -- python tests/corpus/scripts/gluonts_evaluator.py
Truth: the agg_metrics dict and the item_metrics DataFrame that Evaluator.__call__ returned.
"""

import json
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from gluonts.dataset.pandas import PandasDataset
from gluonts.evaluation import Evaluator, make_evaluation_predictions
from gluonts.model.npts import NPTSPredictor

np.random.seed(0)
rng = np.random.default_rng(0)
frames = []
for k in range(5):
    n = 24 * 14
    t = np.arange(n)
    y = 50 + 10 * k + 8 * np.sin(2 * np.pi * t / 24 + k) + rng.normal(0, 2, n)
    frames.append(
        pd.DataFrame(
            {"item_id": f"sensor_{k}", "target": y.astype("float32")},
            index=pd.date_range("2024-03-01", periods=n, freq="h"),
        )
    )
df = pd.concat(frames)
dataset = PandasDataset.from_long_dataframe(df, target="target", item_id="item_id")

prediction_length = 24
predictor = NPTSPredictor(
    prediction_length=prediction_length, context_length=24 * 7, use_seasonal_model=True
)
forecast_it, ts_it = make_evaluation_predictions(
    dataset=dataset, predictor=predictor, num_samples=100
)
forecasts = list(forecast_it)
tss = list(ts_it)

evaluator = Evaluator(quantiles=[0.1, 0.5, 0.9])
agg_metrics, item_metrics = evaluator(tss, forecasts)
print(json.dumps(agg_metrics, indent=4))
print(item_metrics.head())

series = _truth.Series()
NOT_METRICS = ("abs_target_sum", "abs_target_mean", "num_masked_target_values")
for name, value in agg_metrics.items():
    if name not in NOT_METRICS:
        series.add(name, None, None, value)
shown = list(item_metrics.columns)
pd_cols = [c for c in shown if c not in ("item_id", "forecast_start")]

_truth.write(
    library=f"gluonts {metadata.version('gluonts')} (numpy {np.__version__}, pandas {pd.__version__})",
    script="tests/corpus/scripts/gluonts_evaluator.py",
    record="the agg_metrics dict returned by gluonts.evaluation.Evaluator()(tss, forecasts)",
    step_kind="none",
    series=series,
    extra_ok=["it/s rate of the tqdm bar (throughput)"],
    not_printed=[
        "the item_metrics values of the columns that pandas elides with '...' (piped, 80 columns)"
    ],
    notes=(
        "stderr: gluonts' UserWarning about the json module, then the Evaluator's tqdm bar "
        "'Running evaluation: 5it [00:00, 124.02it/s]' (items evaluated: a count). Then json.dumps(agg_metrics, indent=4): one "
        "'\"NAME\": value,' line per key, every key a series ('MSE', 'abs_error', "
        "'QuantileLoss[0.1]', 'Coverage[0.9]', 'wQuantileLoss[0.5]', 'mean_absolute_QuantileLoss', "
        "'MAE_Coverage', 'OWA' = NaN, ...) except three that GluonTS puts in the same dict "
        "but that measure the data, not the forecast: 'abs_target_sum' and 'abs_target_mean' "
        "(sum and mean of the held-out target) and 'num_masked_target_values' (a count, 0.0). "
        "'seasonal_error' (the in-sample seasonal-naive error, MASE's scale) is kept as a series. Then item_metrics.head(): a per-series pandas "
        "table (index 0..4, 'item_id' = 'sensor_0'.., 'forecast_start' = '2024-03-14 00:00' "
        "a timestamp, then 'MSE abs_error abs_target_sum ...' per series, the middle columns "
        "elided with '...'); its per-item values are NOT in the series (they are per item, not "
        "the aggregates): a reader that stores them stores values the truth leaves out. Item "
        f"columns: {', '.join(pd_cols)}."
    ),
)
