"""mljar-supervised AutoML(mode="Explain") on small synthetic binary data: its banner, its steps
and one line per trained model ('2_DecisionTree logloss 0.192045 trained in 3.84 seconds').

Versions: mljar-supervised 1.3.2, scikit-learn 1.9.1, xgboost 3.2.0, numpy 2.4.6, pandas 3.1.1,
Python 3.11.
Capture (repository root, venv /work/venvs/other-f; about 40 s of CPU):
    python tests/corpus/scripts/capture.py pipe real_mljar_automl_explain -- python tests/corpus/scripts/mljar_automl.py
Truth: automl.get_leaderboard() (mljar's own leaderboard: each model's name and its validation
metric_value at full precision, in training order). Everything is plain print() to stdout, so a
terminal shows the same bytes (no pty entry). The results folder goes under /tmp and is removed.
"""

import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import pandas as pd
from sklearn.datasets import make_classification
from supervised.automl import AutoML


def main() -> None:
    X, y = make_classification(n_samples=400, n_features=8, n_informative=4, random_state=0)
    X = pd.DataFrame(X, columns=[f"f{i}" for i in range(8)])
    tmp = tempfile.mkdtemp(prefix="mljar-corpus-")
    results = os.path.join(tmp, "AutoML_1")
    try:
        automl = AutoML(
            results_path=results,
            mode="Explain",
            explain_level=0,  # no SHAP / permutation plots: seconds instead of minutes
            total_time_limit=120,
            random_state=0,
            verbose=1,
        )
        automl.fit(X, y)
        ldb = automl.get_leaderboard()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    series = _truth.Series()
    metric = str(ldb["metric_type"].iloc[0])
    for pos, (_, row) in enumerate(ldb.iterrows(), start=1):
        assert row["metric_type"] == metric
        series.add(metric, pos, None, float(row["metric_value"]))
    _truth.write(
        library=(
            f"mljar-supervised {metadata.version('mljar-supervised')} "
            f"(scikit-learn {metadata.version('scikit-learn')}, xgboost {metadata.version('xgboost')})"
        ),
        script="tests/corpus/scripts/mljar_automl.py",
        record=(
            "automl.get_leaderboard(): name, model_type, metric_type, metric_value, train_time per "
            "model, in the order the models were trained (the order they are printed)"
        ),
        step_kind="trial",
        series=series,
        extra_ok=[],
        not_printed=["train_time as the leaderboard stores it (the printed seconds differ)"],
        notes=(
            "stdout only. A banner ('AutoML directory: …', 'The task is binary_classification with "
            "evaluation metric logloss', 'AutoML will use algorithms: [...]', 'AutoML steps: "
            "[...]'), '* Step simple_algorithms will try to check up to 3 models' before each "
            "step, then one line per model: '<n>_<ModelName> <metric> <value> trained in <t> "
            "seconds' ('1_Baseline logloss 0.693169 trained in 0.63 seconds'; the ensemble's line "
            "starts 'Ensemble logloss …' with no number). Each line is one trial: the series is "
            "the metric named on the line (logloss, the validation loss of that model; the model "
            "name is the trial, not part of the metric's name), step = the model's position in "
            "training order (1-based: the number its name starts with, the ensemble last). The "
            "value is printed rounded to 6 decimals. 'trained in 0.63 seconds', 'AutoML fit time: "
            "32.82 seconds' are timings of the tool, and 'check up to 3 models' a count: not "
            "metrics. 'AutoML best model: 5_Default_RandomForest' names a model only."
        ),
    )


if __name__ == "__main__":
    main()
