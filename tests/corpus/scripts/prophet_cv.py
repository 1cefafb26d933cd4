"""Prophet fit, cross-validation and performance_metrics on a synthetic daily series: cmdstanpy's
logging lines, the cross-validation bar, and the metrics table the user prints.

Versions: prophet 1.5.0 (its bundled CmdStan model), cmdstanpy 1.3.2, pandas, numpy 2.4.6,
Python 3.11.
Capture (repository root, venv /work/venvs/other-c):
    python tests/corpus/scripts/capture.py pipe real_prophet_cv -- python tests/corpus/scripts/prophet_cv.py
Truth: the DataFrame prophet.diagnostics.performance_metrics returns (full precision), the one the
script prints with print(df.to_string()).  The fits themselves print no metric (cmdstanpy logs
'Chain [1] start processing' / 'done processing' per fit).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from prophet import Prophet  # noqa: E402
from prophet.diagnostics import cross_validation, performance_metrics  # noqa: E402

rng = np.random.RandomState(0)
t = np.arange(300)
y = 10 + 0.02 * t + 2 * np.sin(2 * np.pi * t / 7) + rng.normal(size=300)
df = pd.DataFrame({"ds": pd.date_range("2022-01-01", periods=300), "y": y})

m = Prophet(daily_seasonality=False, yearly_seasonality=False)
m.fit(df)
df_cv = cross_validation(m, initial="200 days", period="25 days", horizon="10 days")
pm = performance_metrics(df_cv)
print(pm.to_string())

series = _truth.Series()
columns = [c for c in pm.columns if c != "horizon"]
for c in columns:
    for v in pm[c]:
        series.add(c, None, None, v)

_truth.write(
    library=(
        f"prophet {metadata.version('prophet')} (cmdstanpy {metadata.version('cmdstanpy')}, "
        f"pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/prophet_cv.py",
    record="the DataFrame prophet.diagnostics.performance_metrics(df_cv) returns",
    step_kind="none",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "stderr: 'Importing plotly failed. Interactive plots will not work.', then cmdstanpy's "
        "logging per fit: '23:06:01 - cmdstanpy - INFO - Chain [1] start processing' and '... "
        "Chain [1] done processing' (a clock time and a chain number: no metric), a tqdm bar over the cutoffs ('100%|####| 4/4 "
        "[00:01<00:00,  3.10it/s]', no metric) with cmdstanpy's lines between its states (the bar's line is not ended: a log line is glued after '4/4 [00:00<00:00, 11.31it/s]'). Then the script prints the metrics table: index "
        "column (row number 0..), 'horizon' ('1 days', a duration: the row's key, not a metric), "
        "and one column per metric (mse, rmse, mae, mape, mdape, smape, coverage), one row per "
        "forecast horizon. Each metric column is a series, its points in row order (step null: "
        "the rows are horizons, not training progress; strictly increasing steps are right)."
    ),
)
