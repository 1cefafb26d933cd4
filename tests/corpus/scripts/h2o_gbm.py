"""H2O-3 H2OGradientBoostingEstimator on synthetic binary data with a validation frame: the local
cluster's start-up table, the parse and model-build progress bars, then print(model): H2O's
model summary with its train / validation metric blocks, confusion matrices, 'Maximum Metrics'
and 'Gains/Lift' tables, the scoring history table and the variable importances.

Versions: h2o 3.46.0.12 (its sdist carries h2o.jar; runs offline on OpenJDK 17), numpy 2.4.6,
pandas 3.1.1, Python 3.11.
Capture (repository root, venv /work/venvs/other-f; about 15 s):
    python tests/corpus/scripts/capture.py pipe real_h2o_gbm -- python tests/corpus/scripts/h2o_gbm.py
    python tests/corpus/scripts/capture.py pty real_h2o_gbm_pty -- python tests/corpus/scripts/h2o_gbm.py
Truth: model.scoring_history() (H2O's own per-scoring-interval record, full precision) and
model.model_performance(train=True / valid=True)._metric_json (the metrics the two blocks print).
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import h2o
import numpy as np
import pandas as pd
from h2o.estimators import H2OGradientBoostingEstimator

HISTORY = [  # scoring-history columns that are metrics (timestamp, duration, trees are not)
    "training_rmse",
    "training_logloss",
    "training_auc",
    "training_pr_auc",
    "training_lift",
    "training_classification_error",
    "validation_rmse",
    "validation_logloss",
    "validation_auc",
    "validation_pr_auc",
    "validation_lift",
    "validation_classification_error",
]
BLOCK = [  # printed name in the metric blocks -> key in H2O's metric json
    ("MSE", "MSE"),
    ("RMSE", "RMSE"),
    ("LogLoss", "logloss"),
    ("Mean Per-Class Error", "mean_per_class_error"),
    ("AUC", "AUC"),
    ("AUCPR", "pr_auc"),
    ("Gini", "Gini"),
]


def main() -> None:
    h2o.init(
        nthreads=2, max_mem_size="1G", port=54399, ice_root=tempfile.mkdtemp(prefix="h2o-corpus-")
    )
    rng = np.random.RandomState(0)
    X = rng.randn(400, 5)
    y = (X[:, 0] + X[:, 1] * X[:, 2] + 0.3 * rng.randn(400) > 0).astype(int)
    df = pd.DataFrame(X, columns=[f"x{i}" for i in range(5)])
    df["y"] = y
    frame = h2o.H2OFrame(df)
    frame["y"] = frame["y"].asfactor()
    train, valid = frame.split_frame([0.75], seed=0)
    model = H2OGradientBoostingEstimator(ntrees=20, max_depth=3, seed=0, score_tree_interval=5)
    model.train(x=list(df.columns[:5]), y="y", training_frame=train, validation_frame=valid)
    print(model)

    hist = model.scoring_history()
    series = _truth.Series()
    for col in HISTORY:
        for trees, value in zip(hist["number_of_trees"], hist[col], strict=True):
            series.add(col, int(trees), None, float(value))
    for label, perf in (
        ("train data", model.model_performance(train=True)),
        ("validation data", model.model_performance(valid=True)),
    ):
        for printed, key in BLOCK:
            series.add(f"{label} {printed}", None, None, float(perf._metric_json[key]))
    h2o.cluster().shutdown()

    _truth.write(
        library=f"h2o {metadata.version('h2o')} (OpenJDK 17)",
        script="tests/corpus/scripts/h2o_gbm.py",
        record=(
            "model.scoring_history() (one row per scoring interval, step = number_of_trees) and "
            "model.model_performance(train=True / valid=True)._metric_json (the two metric blocks)"
        ),
        step_kind="global",
        series=series,
        extra_ok=[
            "Error Rate: the per-class error column of the two confusion matrices",
            "max f1 f2 f0point5 accuracy precision recall specificity absolute_mcc "
            "min_per_class_accuracy mean_per_class_accuracy tnr fnr fpr tpr value: the 'value' "
            "column of the two 'Maximum Metrics' tables (each metric's maximum over thresholds)",
            "Gains/Lift table columns per group: lift cumulative_lift response_rate score "
            "cumulative_response_rate cumulative_score capture_rate cumulative_capture_rate gain "
            "cumulative_gain kolmogorov_smirnov",
        ],
        not_printed=[],
        notes=(
            "Start-up: H2O's cluster table ('H2O_cluster_free_memory:    1002 Mb', "
            "'H2O_cluster_total_cores:    2', versions, uptime: settings, not metrics) and a "
            "licence box; progress bars 'Parse progress: |####| (done) 100%' and 'gbm Model "
            "Build progress: |####| (done) 100%' (pty: redrawn with '\\r'; the percentage is "
            "progress). print(model) then shows: 'Model Summary:' (number_of_trees, "
            "model_size_in_bytes, depths, leaves: sizes, not metrics); two blocks "
            "'ModelMetricsBinomial: gbm' / '** Reported on train data. **' (then '** Reported on "
            "validation data. **') with 'MSE: 0.0883…', 'RMSE: …', 'LogLoss: …', 'Mean "
            "Per-Class Error: …', 'AUC: …', 'AUCPR: …', 'Gini: …': the same printed names twice, "
            "told apart only by the 'Reported on train/validation data' line above them; the "
            "truth names them 'train data MSE' / 'validation data MSE' etc. after those lines "
            "(one point each, no step: the final model; RMSE, LogLoss, AUC and AUCPR equal the "
            "scoring history's last row, printed there under other names). Each block also has a confusion matrix (counts; its Error column "
            "is extra_ok), a 'Maximum Metrics' table (rows 'max f1 0.453728 0.915584 120': "
            "threshold, value, idx; the value is extra_ok, threshold and idx are not metrics, nor "
            "are the 'max tns/fns/fps/tps' counts) and a 16-row 'Gains/Lift Table' (extra_ok "
            "columns; 'Avg response rate: 49.67 %, avg score: 49.65 %' is a data statistic). "
            "'Scoring History:' is a wide table, one row per scoring interval: timestamp, "
            "duration ('0.681 sec'), number_of_trees (the step: 0, 5, 10, 15, 20) and 12 metric "
            "columns training_rmse … validation_classification_error (printed to 6 significant "
            "digits). 'Variable Importances:' (relative/scaled importance, percentage per "
            "variable) inspects the model: not a metric."
        ),
    )


if __name__ == "__main__":
    main()
