"""sktime forecasting: evaluate() with an ExpandingWindowSplitter, then ForecastingGridSearchCV
(verbose=1), on a synthetic monthly series, printed as sktime's forecasting tutorial prints them.

Variants (argv[1]):
  evaluate  evaluate(forecaster, y, cv, scoring=[MAPE, MAE], return_data=False) for a
            NaiveForecaster(strategy="drift") and a reduced KNeighborsRegressor; each returned
            DataFrame printed whole (per fold: test metrics, fit_time, pred_time,
            len_train_window, cutoff), then the fold means of the reduced forecaster.
  grid      ForecastingGridSearchCV(verbose=1) over NaiveForecaster(strategy, sp) with a SlidingWindowSplitter, then
            pd.DataFrame(gscv.cv_results_) printed, best_params_ and best_score_, and the test-set
            MAPE of the refit best forecaster.

Versions: sktime 1.2.0, scikit-base 1.1.1, scikit-learn, pandas, numpy (see the entries' library
field), Python 3.11. No statsmodels-backed forecaster is used.
Capture (repository root, venv /work/venvs/corpus-zAL-1):
    python tests/corpus/scripts/capture.py pipe real_sktime_evaluate -- python tests/corpus/scripts/sktime_evaluate.py evaluate
    python tests/corpus/scripts/capture.py pipe real_sktime_gridsearch -- python tests/corpus/scripts/sktime_evaluate.py grid
(sktime prints the same under a terminal: no pty entries.)
Truth: the DataFrames evaluate() returns; cv_results_, best_score_ of ForecastingGridSearchCV; the
metric object's value on the test set.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from sklearn.neighbors import KNeighborsRegressor
from sktime.forecasting.compose import make_reduction
from sktime.forecasting.model_evaluation import evaluate
from sktime.forecasting.model_selection import ForecastingGridSearchCV
from sktime.forecasting.naive import NaiveForecaster
from sktime.performance_metrics.forecasting import (
    MeanAbsoluteError,
    MeanAbsolutePercentageError,
)
from sktime.split import ExpandingWindowSplitter, SlidingWindowSplitter, temporal_train_test_split

pd.set_option("display.width", 120)
pd.set_option("display.max_columns", 20)

variant = sys.argv[1] if len(sys.argv) > 1 else "evaluate"
rng = np.random.default_rng(7)
n = 96
t = np.arange(n)
values = 120 + 0.8 * t + 12 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 3, n)
y = pd.Series(values, index=pd.period_range("2015-01", periods=n, freq="M"), name="sales")
series = _truth.Series()
LIB = (
    f"sktime {metadata.version('sktime')} (scikit-learn {metadata.version('scikit-learn')}, "
    f"pandas {pd.__version__}, numpy {np.__version__})"
)

if variant == "evaluate":
    cv = ExpandingWindowSplitter(initial_window=60, step_length=12, fh=[1, 2, 3, 4, 5, 6])
    print(f"number of folds: {cv.get_n_splits(y)}")
    scoring = [MeanAbsolutePercentageError(symmetric=False), MeanAbsoluteError()]
    models = {
        "NaiveForecaster(drift)": NaiveForecaster(strategy="drift"),
        "KNN reduction": make_reduction(
            KNeighborsRegressor(n_neighbors=3), window_length=12, strategy="recursive"
        ),
    }
    for label, forecaster in models.items():
        print(f"\n{label}")
        df = evaluate(forecaster=forecaster, y=y, cv=cv, strategy="refit", scoring=scoring)
        print(df)
        for i, row in df.iterrows():
            series.add(
                f"{label} test_MeanAbsolutePercentageError",
                i,
                None,
                row["test_MeanAbsolutePercentageError"],
            )
            series.add(f"{label} test_MeanAbsoluteError", i, None, row["test_MeanAbsoluteError"])
    means = df[["test_MeanAbsolutePercentageError", "test_MeanAbsoluteError"]].mean()
    print("\nmean over folds (KNN reduction):")
    print(means)
    series.add(
        "mean test_MeanAbsolutePercentageError",
        None,
        None,
        means["test_MeanAbsolutePercentageError"],
    )
    series.add("mean test_MeanAbsoluteError", None, None, means["test_MeanAbsoluteError"])
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/sktime_evaluate.py",
        record="the DataFrames sktime.forecasting.model_evaluation.evaluate() returned (and their column means)",
        step_kind="global",
        series=series,
        extra_ok=["fit_time, pred_time (seconds each fold's fit and predict took, frame columns)"],
        notes=(
            "Per forecaster a label line ('NaiveForecaster(drift)') and the returned frame printed by "
            "pandas (width 120): an index 0..2 (the fold) and the columns "
            "'test_MeanAbsolutePercentageError  test_MeanAbsoluteError  fit_time  pred_time  "
            "len_train_window  cutoff'. Only the two test_* columns are metrics (series named "
            "'<label> <column>', step = the fold index); fit_time/pred_time are seconds of the "
            "fit and predict calls (timings), len_train_window the size of the training window "
            "(60, 72, 84: a count) and cutoff a month ('2019-12'): none of them a metric. "
            "The same two forecasters' frames have identical column names. Then "
            "'mean over folds (KNN reduction):' and a pandas Series print "
            "'test_MeanAbsolutePercentageError     0.0312' / 'test_MeanAbsoluteError  4.01' / "
            "'dtype: float64' (series 'mean test_...'). First line 'number of folds: 3' is a count; sktime's FutureWarning about 'remember_data' (sktime 1.3.0, a line number) is repeated on stderr."
        ),
    )
else:
    y_train, y_test = temporal_train_test_split(y, test_size=12)
    cv = SlidingWindowSplitter(window_length=48, step_length=6, fh=[1, 2, 3])
    gscv = ForecastingGridSearchCV(
        forecaster=NaiveForecaster(),
        cv=cv,
        param_grid=[
            {"strategy": ["last", "mean", "drift"], "sp": [1, 12]},
        ],
        scoring=MeanAbsolutePercentageError(symmetric=True),
        verbose=1,
    )
    gscv.fit(y_train)
    res = pd.DataFrame(gscv.cv_results_)
    print(res)
    print("best params:", gscv.best_params_)
    print("best score (sMAPE):", gscv.best_score_)
    y_pred = gscv.predict(fh=np.arange(1, 13))
    test_smape = MeanAbsolutePercentageError(symmetric=True)(y_test, y_pred)
    print(f"test sMAPE of the refit best forecaster: {test_smape:.4f}")
    for i, row in res.iterrows():
        series.add(
            "mean_test_MeanAbsolutePercentageError",
            i,
            None,
            row["mean_test_MeanAbsolutePercentageError"],
        )
    series.add("best score (sMAPE)", None, None, gscv.best_score_)
    series.add("test sMAPE of the refit best forecaster", None, None, test_smape)
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/sktime_evaluate.py",
        record="ForecastingGridSearchCV.cv_results_, best_score_; the metric's value on the test set",
        step_kind="trial",
        series=series,
        extra_ok=["mean_fit_time, mean_pred_time (seconds per fit and predict, frame columns)"],
        notes=(
            "'Fitting 6 folds for each of 6 candidates, totalling 36 fits' (counts), sktime's UserWarning 'For the `drift` strategy, the `sp` value will be ignored.' (with a file path and line number) six times, then the "
            "cv_results_ frame printed by pandas: index 0..5 (the candidate), "
            "'mean_test_MeanAbsolutePercentageError' (the metric, step = candidate index), "
            "'mean_fit_time', 'mean_pred_time' (seconds), 'params' (a dict like "
            "\"{'sp': 1, 'strategy': 'last'}\": hyper-parameters), "
            "'rank_test_MeanAbsolutePercentageError' (a rank 1.0..6.0, ties 3.5: no metric); the wide frame wraps, the rank column printed as a second block after a backslash. Then "
            "'best params: {...}' (config), 'best score (sMAPE): 0.0412...' and the script's "
            "'test sMAPE of the refit best forecaster: 0.0345'."
        ),
    )
