"""EvalML AutoMLSearch(verbose=True) on a small synthetic frame: its search log, rankings and
describe_pipeline() of the best pipeline.

Versions: evalml 0.84.0, pandas 2.0.3, numpy 1.26.4, scikit-learn 1.4.2, lightgbm 4.7.0,
xgboost 3.2.0, catboost 1.2.10, woodwork 0.31.0, Python 3.11 (statsmodels 0.15.0 and sktime 0.28.1
are installed with EvalML and imported by it; none of their code prints anything here).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_evalml_binary -- python tests/corpus/scripts/evalml_automl.py binary
    python tests/corpus/scripts/capture.py pipe real_evalml_regression -- python tests/corpus/scripts/evalml_automl.py regression
(EvalML logs plain lines, no bar, no colour; under a 120-column terminal pandas elides the
rankings' columns just as into a pipe: no pty entry.)
Truth: automl.results['pipeline_results'] (each pipeline's mean_cv_score, ranking_score and
cv_data, the per-fold all_objective_scores) and automl.rankings.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from evalml.automl import AutoMLSearch
from sklearn.datasets import make_classification, make_regression

task = sys.argv[1] if len(sys.argv) > 1 else "binary"
if task == "binary":
    X, y = make_classification(n_samples=300, n_features=8, n_informative=4, random_state=0)
else:
    X, y = make_regression(n_samples=300, n_features=8, n_informative=4, noise=10.0, random_state=0)
X = pd.DataFrame(X, columns=[f"f{i}" for i in range(X.shape[1])])
y = pd.Series(y)

automl = AutoMLSearch(
    X_train=X,
    y_train=y,
    problem_type=task,
    max_iterations=5 if task == "binary" else 7,
    random_seed=0,
    verbose=True,
    n_jobs=1,
)
automl.search(interactive_plot=False)
print(automl.rankings)
best_id = int(automl.rankings.iloc[0]["id"])
if task == "binary":
    automl.describe_pipeline(best_id)

results = automl.results["pipeline_results"]
objective = automl.objective.name
series = _truth.Series()
# the search log: one '\tFinished cross validation - mean <objective>: 0.292' per pipeline, in
# search order (id 0 is the baseline); printed with 3 decimals
for pid in automl.results["search_order"]:
    series.add(f"mean {objective}", pid, None, results[pid]["mean_cv_score"])
# 'Best pipeline <objective>: 0.226131' (ranking_score, 6 decimals)
series.add(f"Best pipeline {objective}", best_id, None, results[best_id]["ranking_score"])

board_note = (
    "print(automl.rankings): pandas' repr of the rankings DataFrame (9 columns: id, "
    "pipeline_name, search_order, ranking_score, mean_cv_score, standard_deviation_cv_score, "
    "percent_better_than_baseline, high_variance_cv, parameters). pandas shows only 'id' (the "
    "pipeline's id) and 'parameters' (its parameter dicts, cut with '...'), a '...' column "
    "between, the index 0..4 first, then '[5 rows x 9 columns]': no score is printed there. "
)

describe_note = ""
if task == "binary":
    folds = [fold["all_objective_scores"] for fold in results[best_id]["cv_data"]]
    table = pd.DataFrame(folds)
    for col in table.columns:
        if col in ("# Training", "# Validation"):
            continue  # counts of rows, not metrics
        for fold, value in enumerate(table[col]):
            series.add(col, fold, None, value)
    for col in table.columns:
        if col in ("# Training", "# Validation"):
            continue
        mean, std = table[col].mean(), table[col].std()
        series.add(f"{col} mean", None, None, mean)
        series.add(f"{col} std", None, None, std)
        series.add(f"{col} coef of var", None, None, std / mean if abs(mean) > 0 else np.inf)
    describe_note = (
        "automl.describe_pipeline(best id) then logs the pipeline's name in a box of '*', "
        "'Problem Type: binary', 'Model Family: LightGBM', 'Pipeline Steps' with one "
        "'\\t * name : value' line per hyper-parameter of each component ('* learning_rate : "
        "0.1', '* n_estimators : 100', '* num_leaves : 31', '* bagging_fraction : 0.9': not "
        "metrics), 'Total training time (including CV): 1.0 seconds' (a time), and the 'Cross "
        "Validation' table: header 'Log Loss Binary  MCC Binary  Gini   AUC  Precision    F1  "
        "Balanced Accuracy Binary  Accuracy Binary # Training # Validation' (column names with "
        "spaces, right-aligned over their values), rows 0, 1, 2 (the folds: series '<column>', "
        "step = fold), then rows 'mean', 'std', 'coef of var' (series '<column> mean', "
        "'<column> std', '<column> coef of var', computed as describe_pipeline does from the "
        "folds' all_objective_scores: pandas mean, std with ddof 1, std/mean), every value with "
        "3 decimals; '# Training' 200 and '# Validation' 100 are row counts ('-' in the "
        "statistics rows): not metrics. "
    )

library = (
    f"evalml {metadata.version('evalml')} (pandas {pd.__version__}, numpy {np.__version__}, "
    f"scikit-learn {metadata.version('scikit-learn')}, lightgbm {metadata.version('lightgbm')}, "
    f"xgboost {metadata.version('xgboost')})"
)
_truth.write(
    library=library,
    script="tests/corpus/scripts/evalml_automl.py",
    record=(
        "automl.results['pipeline_results'] (mean_cv_score, ranking_score, cv_data's per-fold "
        "all_objective_scores) and automl.rankings"
    ),
    step_kind="trial",
    series=series,
    extra_ok=[
        "search time ('Search finished after 6.90 seconds')",
        "training time ('Total training time (including CV): 1.0 seconds')",
    ],
    not_printed=[
        "the per-fold scores of every pipeline but the one described",
        "training_time, holdout_score, binary_classification_threshold",
    ],
    notes=(
        "EvalML logs through Python logging to stdout: 'AutoMLSearch will use mean CV score to "
        "rank pipelines.', a banner of '*' ('* Beginning pipeline search *'), 'Optimizing for "
        f"{objective}. ', 'Lower score is better.' / 'Greater score is better.', 'Searching up "
        "to 5 pipelines. ' (a count), then per batch a '* Evaluating Batch Number 2 *' box "
        "(the batch's number) and per pipeline its name ending with ':' ('LightGBM Classifier "
        "w/ Label Encoder + Imputer + Select Columns Transformer:'), '\\tStarting cross "
        f"validation' and '\\tFinished cross validation - mean {objective}: 0.292': series "
        f"'mean {objective}', one point per pipeline in search order (step = the pipeline's "
        "id, 0 = the baseline, which 'Evaluating Baseline Pipeline: …' announces), 3 decimals "
        "printed, truth at full precision. Then 'Search finished after 6.90 seconds', 'Best "
        f"pipeline: <name>' and 'Best pipeline {objective}: 0.226131' (the best pipeline's "
        "ranking_score, 6 decimals). " + board_note + describe_note
    ),
)
