"""hierarchicalforecast: aggregate a synthetic State/Region hierarchy, forecast every level with
statsforecast's AutoETS, reconcile (BottomUp, MinTrace ols and mint_shrink), then
hierarchicalforecast.evaluation.evaluate per level with rmse and mase, printed as Nixtla's
'Hierarchical forecast' tutorial prints it (the tutorial uses the Australian tourism data,
downloaded; here: 6 synthetic quarterly bottom series).

Versions: hierarchicalforecast 1.5.3, statsforecast 2.1.1, utilsforecast 0.2.17, pandas 2.3.3,
numpy 2.4.6, Python 3.11 (statsforecast imports statsmodels for its own internals; nothing of it
is printed).
Capture (repository root, venv /work/venvs/corpus-zAL-1):
    python tests/corpus/scripts/capture.py pipe real_hierarchicalforecast_eval -- python tests/corpus/scripts/hierarchicalforecast_eval.py
(no bar, no colour: no pty entry.)
Truth: the DataFrame evaluate() returned (one row per level and metric, one column per model).
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
from hierarchicalforecast.core import HierarchicalReconciliation
from hierarchicalforecast.evaluation import evaluate
from hierarchicalforecast.methods import BottomUp, MinTrace
from hierarchicalforecast.utils import aggregate
from statsforecast.core import StatsForecast
from statsforecast.models import AutoETS, Naive
from utilsforecast.losses import mase, rmse

warnings.filterwarnings("ignore")
pd.set_option("display.width", 120)
pd.set_option("display.max_columns", 12)

rng = np.random.default_rng(11)
quarters = pd.date_range("2010-03-31", periods=48, freq="QE")
rows = []
for state, regions in (
    ("NSW", ["Sydney", "Hunter", "Riverina"]),
    ("VIC", ["Melbourne", "Geelong", "Ballarat"]),
):
    for k, region in enumerate(regions):
        level = 200 + 150 * (region in ("Sydney", "Melbourne")) + 20 * k
        trips = (
            level
            + 0.8 * np.arange(48)
            + 25 * np.sin(2 * np.pi * np.arange(48) / 4 + k)
            + rng.normal(0, 12, 48)
        )
        rows.append(
            pd.DataFrame(
                {
                    "Country": "Australia",
                    "State": state,
                    "Region": region,
                    "ds": quarters,
                    "y": trips,
                }
            )
        )
df = pd.concat(rows, ignore_index=True)
spec = [["Country"], ["Country", "State"], ["Country", "State", "Region"]]
Y_df, S_df, tags = aggregate(df=df, spec=spec)
print(Y_df.head())

Y_test_df = Y_df.groupby("unique_id").tail(8)
Y_train_df = Y_df.drop(Y_test_df.index)
fcst = StatsForecast(models=[AutoETS(season_length=4, model="ZZA"), Naive()], freq="QE", n_jobs=1)
Y_hat_df = fcst.forecast(df=Y_train_df, h=8, fitted=True)
Y_fitted_df = fcst.forecast_fitted_values()
reconcilers = [BottomUp(), MinTrace(method="ols"), MinTrace(method="mint_shrink")]
hrec = HierarchicalReconciliation(reconcilers=reconcilers)
Y_rec_df = hrec.reconcile(Y_hat_df=Y_hat_df, Y_df=Y_fitted_df, S_df=S_df, tags=tags)
print(Y_rec_df.head())

df_eval = Y_rec_df.merge(Y_test_df, on=["unique_id", "ds"])
evaluation = evaluate(
    df=df_eval,
    tags=tags,
    train_df=Y_train_df,
    metrics=[rmse, partial(mase, seasonality=4)],
)
print(evaluation)

series = _truth.Series()
model_cols = [c for c in evaluation.columns if c not in ("level", "metric")]
for _, row in evaluation.iterrows():
    for col in model_cols:
        series.add(f"{row['level']} {row['metric']} {col}", None, None, row[col])

_truth.write(
    library=(
        f"hierarchicalforecast {metadata.version('hierarchicalforecast')} (statsforecast "
        f"{metadata.version('statsforecast')}, utilsforecast {metadata.version('utilsforecast')}, pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/hierarchicalforecast_eval.py",
    record="the DataFrame hierarchicalforecast.evaluation.evaluate() returned",
    step_kind="none",
    series=series,
    notes=(
        "First print(Y_df.head()): the aggregated series 'unique_id  ds  y' ('Australia', "
        "'2010-03-31', values of the DATA: no metric). Then print(Y_rec_df.head()): forecasts "
        "of every model and reconciler per series and quarter ('AutoETS', 'Naive', "
        "'AutoETS/BottomUp', 'AutoETS/MinTrace_method-ols', ...: FORECAST values, no metric), "
        "the wide frame wrapping into column blocks ended by '\\'. Then the evaluate() frame: "
        "'level' ('Country', 'Country/State', 'Country/State/Region', 'Overall') x 'metric' "
        "('rmse', 'mase'), one column per model, the SAME column names as the forecast table "
        "before it (a reader must not merge forecasts into the metric cells). Each cell is a "
        "series named '<level> <metric> <column>' ('Country/State rmse AutoETS/BottomUp'), one "
        "point, no step; the frame wraps into column blocks as well."
    ),
)
