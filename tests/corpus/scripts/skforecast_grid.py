"""skforecast: grid_search_forecaster(verbose=True, show_progress=True) over lags x alpha for a
ForecasterRecursive(Ridge) on a synthetic daily series, then backtesting_forecaster(verbose=True)
of the refitted best forecaster, whose metric DataFrame the script prints (as users do).

skforecast prints 'Number of models compared: 6.', nested tqdm bars 'lags grid' / 'params grid'
(the inner one with cursor-up '\\x1b[A'), and, verbose, an 'Information of folds' block for
every candidate (observation counts, fold numbers, date ranges with '(n=150)': no metrics). The
per-candidate metrics are NOT printed; at the end: '`Forecaster` refitted using the best-found
lags and parameters, and the whole data set:' / '  Lags: [ 1  2 ... 12] ' / "  Parameters:
{'alpha': 0.1}" / '  Backtesting metric: 0.45299904686893483'.

Truth: grid_search_forecaster's returned results DataFrame (sorted best first; 'Backtesting
metric' is its first row's first metric, mean_absolute_error), and backtesting_forecaster's
returned metric DataFrame.

Versions: skforecast 0.26.0, scikit-learn 1.9.1, pandas 2.3.3, numpy 2.4.6, tqdm 4.67,
Python 3.11. Seed fixed; ~3 s of CPU.
Capture (repository root, venv /work/venvs/corpus-o-1: pip install cornac tslearn skforecast):
    python tests/corpus/scripts/capture.py pipe real_skforecast_grid -- python tests/corpus/scripts/skforecast_grid.py
    python tests/corpus/scripts/capture.py pty real_skforecast_grid_pty -- python tests/corpus/scripts/skforecast_grid.py
"""

import os
import sys
from importlib import metadata

import numpy as np
import pandas as pd
from skforecast.model_selection import (
    TimeSeriesFold,
    backtesting_forecaster,
    grid_search_forecaster,
)
from skforecast.recursive import ForecasterRecursive
from sklearn.linear_model import Ridge

sys.path.insert(0, os.path.dirname(__file__))

import _truth

rng = np.random.default_rng(0)
t = np.arange(200)
y = pd.Series(
    10 + 3 * np.sin(2 * np.pi * t / 12) + 0.05 * t + rng.normal(0, 0.5, 200),
    index=pd.date_range("2020-01-01", periods=200, freq="D"),
    name="y",
)
forecaster = ForecasterRecursive(estimator=Ridge(), lags=12)
cv = TimeSeriesFold(steps=10, initial_train_size=150, refit=False)
results = grid_search_forecaster(
    forecaster=forecaster,
    y=y,
    cv=cv,
    param_grid={"alpha": [0.1, 1.0, 10.0]},
    lags_grid=[6, 12],
    metric=["mean_absolute_error", "mean_squared_error"],
    return_best=True,
    verbose=True,
    show_progress=True,
)
metric, predictions = backtesting_forecaster(
    forecaster=forecaster,
    y=y,
    cv=cv,
    metric="mean_absolute_error",
    verbose=True,
    show_progress=True,
)
print(metric)

series = _truth.Series()
series.add("Backtesting metric", None, None, float(results["mean_absolute_error"].iloc[0]))
series.add("mean_absolute_error", None, None, float(metric["mean_absolute_error"].iloc[0]))

_truth.write(
    library=f"skforecast {metadata.version('skforecast')} (scikit-learn {metadata.version('scikit-learn')}, "
    f"pandas {pd.__version__})",
    script="tests/corpus/scripts/skforecast_grid.py",
    record="grid_search_forecaster's returned results DataFrame (best first) and backtesting_forecaster's "
    "returned metric DataFrame",
    step_kind="none",
    series=series,
    extra_ok=["tqdm bar rates (it/s) of the lags grid / params grid / backtesting bars"],
    not_printed=[
        "the per-candidate mean_absolute_error / mean_squared_error of the grid (never printed)"
    ],
    notes=(
        "'Number of models compared: 6.' (a count). Bars: 'lags grid:   0%|          | 0/2 "
        "[00:00<?, ?it/s]' and 'params grid:   0%| ... 0/3' (the inner bar redrawn with "
        "'\\x1b[A', blanked at its end), interleaved with, for EVERY candidate, the verbose "
        "block 'Information of folds' / '--------------------' / 'Number of observations used "
        "for initial training: 150' / '    Number of folds: 5' / '    Number skipped folds: 0 ' "
        "/ '    Number of steps per fold: 10' / '    Number of steps to exclude ... (gap): 0' / "
        "'Fold: 0' / '    Training:   2020-01-01 00:00:00 -- 2020-05-29 00:00:00  (n=150)' / "
        "'    Validation: 2020-05-30 00:00:00 -- 2020-06-08 00:00:00  (n=10)' (counts, fold "
        "numbers, dates: no metrics). Then the summary '`Forecaster` refitted using the "
        "best-found lags and parameters, and the whole data set: ', '  Lags: [ 1  2  3 ... 12] "
        "' (a numpy array of lag numbers: configuration), \"  Parameters: {'alpha': 0.1}\" "
        "(the chosen hyper-parameter), '  Backtesting metric: 0.45299904686893483' (the best "
        "candidate's mean_absolute_error, full precision). backtesting_forecaster(verbose=True) "
        "prints the fold block once more and a bar '100%|██████████| 5/5 [...]' over folds; "
        "the script then prints the returned metric DataFrame: '   mean_absolute_error' / "
        "'0             0.452999' (a pandas frame: the '0' is the row index, not a step). One "
        "point per series, no step."
    ),
)
