"""AutoGluon TabularPredictor.fit (verbosity=2, the default) on synthetic data with four classic
models and the weighted ensemble, then the leaderboard printed as a pandas DataFrame.

AutoGluon logs each model as 'Fitting model: RandomForest ...' followed by tab-indented lines
whose VALUE COMES FIRST: '\t0.9167\t = Validation score   (accuracy)', '\t0.65s\t = Training
runtime'.  For regression the score is sign-flipped ('-0.4123 = Validation score
(-root_mean_squared_error)').  Truth: predictor.info()['model_info'][model]['val_score'] (AutoGluon's
own record) in fit order, and the leaderboard DataFrame's score_test / score_val columns.
Versions: autogluon.tabular 1.6.3, scikit-learn 1.6.1, pandas 2.3.3, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_autogluon_binary -- python tests/corpus/holdout/scripts/autogluon_tabular.py binary
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_autogluon_regression -- python tests/corpus/holdout/scripts/autogluon_tabular.py regression
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from autogluon.tabular import TabularPredictor

kind = sys.argv[1]
rng = np.random.default_rng(0)
X = rng.normal(size=(600, 5))
signal = X[:, 0] + X[:, 1] * X[:, 2] + 0.3 * rng.normal(size=600)
df = pd.DataFrame(X, columns=[f"f{i}" for i in range(5)])
if kind == "binary":
    df["label"] = (signal > 0).astype(int)
    metric = None
else:
    df["label"] = signal
    metric = "root_mean_squared_error"
path = tempfile.mkdtemp(prefix="ag_models_")
predictor = TabularPredictor(label="label", path=path, eval_metric=metric, verbosity=2).fit(
    df.iloc[:480],
    tuning_data=df.iloc[480:],
    hyperparameters={"RF": {"n_estimators": 50}, "XT": {"n_estimators": 50}, "KNN": {}, "LR": {}},
)
lb = predictor.leaderboard(df.iloc[480:])
print(lb[["model", "score_test", "score_val", "fit_time", "fit_order"]])

info = predictor.info()["model_info"]
order = lb.sort_values("fit_order")
ser = _truth.Series()
for _, row in order.iterrows():
    ser.add("Validation score", int(row["fit_order"]), None, info[row["model"]]["val_score"])
for _, row in lb.iterrows():  # printed in leaderboard order (best first)
    ser.add("score_test", int(row["fit_order"]), None, row["score_test"])
for _, row in lb.iterrows():
    ser.add("score_val", int(row["fit_order"]), None, row["score_val"])
shutil.rmtree(path, ignore_errors=True)

_truth.write(
    library="autogluon.tabular 1.6.3 (scikit-learn 1.6.1, pandas 2.3.3)",
    script="tests/corpus/holdout/scripts/autogluon_tabular.py",
    record="predictor.info()['model_info'][m]['val_score'] per model, fit order from the leaderboard; predictor.leaderboard(test) columns",
    step_kind="trial",
    series=ser,
    extra_ok=[
        "Training runtime, Validation runtime (seconds per model)",
        "fit_time column",
        "total runtime, Fit runtime, Estimated inference throughput rows/s",
    ],
    notes=(
        "Per model: 'Fitting model: KNeighbors ...', '\\tFitting with cpus=2, gpus=0', then '\\t0.8583\\t = "
        "Validation score   (accuracy)' - the value BEFORE the name, the metric's own name in "
        "parentheses after it ("
        + (
            "accuracy"
            if kind == "binary"
            else "-root_mean_squared_error: AutoGluon flips the sign "
            "so that higher is better; the record holds the same negative number"
        )
        + "). Series 'Validation score', step = the model's fit order (1-based, the leaderboard's "
        "fit_order column). The WeightedEnsemble_L2 line 'Ensemble Weights: {'RandomForest': 0.857, "
        "...}' holds ensemble weights (model configuration, not metrics). The preamble (System "
        "Info with versions, memory 'Memory Avail: 22.08 GB / 23.54 GB (93.8%)', disk, CPU count, "
        "data rows/columns, feature-generator stages, memory usage in MB) has no metrics. The "
        "leaderboard is a pandas DataFrame: index 0..4 (rank, not a step), columns model, "
        "score_test, score_val, fit_time, fit_order (rows best first, so not in step order): "
        "score_test and score_val are series at the row's fit_order; fit_time is a duration."
    ),
)
