"""Cross-validation with early stopping: xgboost.cv(verbose_eval=5, early_stopping_rounds) and
lightgbm.cv(log_evaluation(10), early_stopping(15)), as users run them to pick the number of
rounds, then the usual look at the result.

Versions: xgboost 3.2.0, lightgbm 4.7.0, scikit-learn 1.9.1, pandas 2.3.3, numpy 2.4.6,
Python 3.11 (venv /work/venvs/corpus-m-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_xgboost_cv_early -- python tests/corpus/scripts/boosting_cv_early.py xgb
    python tests/corpus/scripts/capture.py pipe real_lightgbm_cv_early -- python tests/corpus/scripts/boosting_cv_early.py lgb
(both print the same under a terminal: no pty entries.)
Truth: early stopping cuts the table xgb.cv / the dict lgb.cv return back to the best round, so
the rounds printed after it are not in them. For every printed round the truth is the library's
own running record: xgb.cv's `evals_log` as handed to a TrainingCallback after each round
((mean, std) per set and metric), LightGBM's lgb.record_evaluation (its cv form: '<metric>-mean'
and '-stdv' per round). The closing prints come from the returned table / dict.
"""

import copy
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from sklearn.datasets import make_classification

which = sys.argv[1]
X, y = make_classification(
    n_samples=800, n_features=12, n_informative=5, flip_y=0.1, random_state=0
)
SCRIPT = "tests/corpus/scripts/boosting_cv_early.py"
series = _truth.Series()

if which == "xgb":
    import xgboost as xgb

    class Keep(xgb.callback.TrainingCallback):  # the evals_log xgb.cv hands its callbacks
        def __init__(self):
            self.log = {}

        def after_iteration(self, model, epoch, evals_log):
            self.log[epoch] = copy.deepcopy(evals_log)
            return False

    keep = Keep()
    params = {
        "objective": "binary:logistic",
        "max_depth": 4,
        "eta": 0.3,
        "eval_metric": ["logloss", "auc"],
    }
    cv = xgb.cv(
        params,
        xgb.DMatrix(X, label=y),
        num_boost_round=200,
        nfold=5,
        seed=0,
        early_stopping_rounds=8,
        verbose_eval=5,
        callbacks=[keep],
    )
    print(cv.tail())
    print(f"best number of rounds: {len(cv)}")

    last = max(keep.log)
    for it in sorted(keep.log):
        if it % 5 == 0 or it == last:  # verbose_eval=5 prints every 5th round and the last
            for ds in ("train", "test"):
                for m in ("logloss", "auc"):
                    series.add(f"{ds}-{m}", it, None, float(keep.log[it][ds][m][-1][0]))
    # pandas prints the last 5 rows; at 80 columns only the first two and last two columns fit
    shown = [cv.columns[0], cv.columns[1], cv.columns[-2], cv.columns[-1]]
    for i in cv.index[-5:]:
        for col in shown:
            series.add(col, int(i), None, float(cv.loc[i, col]))
    _truth.write(
        library=f"xgboost {xgb.__version__} (pandas {pd.__version__}, numpy {np.__version__})",
        script=SCRIPT,
        record=(
            "per printed round: the evals_log xgb.cv hands a TrainingCallback after each round (mean, std "
            "over the 5 folds); the table: the DataFrame xgb.cv returns, cut at the best round"
        ),
        step_kind="global",
        series=series,
        extra_ok=[
            "the standard deviations printed after each mean ('test-auc:0.91001+0.01794'), from the same "
            "record"
        ],
        not_printed=[
            "the rounds between every 5th (recorded, not printed); the table's middle columns, which "
            "pandas replaces with '...'"
        ],
        notes=(
            "'[5]\\ttrain-logloss:0.29728+0.00828\\ttrain-auc:0.97076+0.00402\\ttest-logloss:0.40221+"
            "0.02657\\ttest-auc:0.91001+0.01794': mean '+' std over the folds (series '<set>-<metric>' = "
            "the mean; the std is extra_ok), step = the 0-based round in brackets, every 5th round and the "
            f"last one run ([{last}], not a multiple of 5), after which early stopping ended the run. "
            "xgb.cv prints no early-stopping message: the best round is only visible in the returned "
            f"table, which stops at round {len(cv) - 1}, BEFORE the last printed rounds. print(cv.tail()) "
            "shows it as a pandas frame too wide for 80 columns: header 'train-logloss-mean  "
            "train-logloss-std  ...  test-auc-mean  test-auc-std', rows '16  0.163717  0.004163  ...  "
            "0.918927  0.011995' (first column = the round, 0-based; '...' = hidden columns), then '[5 "
            "rows x 8 columns]' (a shape). Series named by the four shown headers, one point per row "
            "(printed to 6 digits). Last line 'best number of rounds: 21' (a count)."
        ),
    )

else:
    import lightgbm as lgb

    record = {}
    params = {
        "objective": "binary",
        "metric": ["auc", "binary_logloss"],
        "learning_rate": 0.1,
        "num_leaves": 15,
        "seed": 0,
    }
    res = lgb.cv(
        params,
        lgb.Dataset(X, label=y),
        num_boost_round=300,
        nfold=5,
        stratified=True,
        seed=0,
        callbacks=[lgb.log_evaluation(10), lgb.early_stopping(15), lgb.record_evaluation(record)],
    )
    best = len(res["valid auc-mean"])
    print(f"Best num_boost_round: {best}")
    print(f"Best CV AUC: {res['valid auc-mean'][-1]:.4f} +/- {res['valid auc-stdv'][-1]:.4f}")

    rec = record["valid"]
    n = len(rec["auc-mean"])
    for i in range(n):
        if (i + 1) % 10 == 0:
            for m in ("auc", "binary_logloss"):
                series.add(f"valid's {m}", i + 1, None, rec[f"{m}-mean"][i])
    # 'Early stopping, best iteration is:' then the best round's line again
    for m in ("auc", "binary_logloss"):
        series.add(f"valid's {m}", best, None, rec[f"{m}-mean"][best - 1])
    series.add("Best CV AUC", best, None, res["valid auc-mean"][-1])
    _truth.write(
        library=f"lightgbm {lgb.__version__} (numpy {np.__version__})",
        script=SCRIPT,
        record=(
            "lgb.record_evaluation in lgb.cv (per round: 'valid' -> '<metric>-mean' / '-stdv' over the 5 "
            "folds), at the rounds log_evaluation(10) printed and the best round early_stopping printed; "
            "the closing line: the dict lgb.cv returns, cut at the best round"
        ),
        step_kind="global",
        series=series,
        extra_ok=[
            "the standard deviations after each mean ('valid's auc: 0.910141 + 0.00873204', 'Best CV AUC: "
            "0.9255 +/- 0.0147'), from the same records"
        ],
        not_printed=["the rounds between every 10th (recorded, not printed)"],
        notes=(
            "LightGBM's banner, once per fold (5 times): '[LightGBM] [Info] Number of positive: 320, number "
            "of negative: 320', '[LightGBM] [Info] Auto-choosing col-wise multi-threading, the overhead of "
            "testing was 0.041314 seconds.', 'You can set `force_col_wise=true` to remove the overhead.', "
            "'[LightGBM] [Info] Total Bins 3060', '[LightGBM] [Info] Number of data points in the train set: "
            "640, number of used features: 12', then 5 x '[LightGBM] [Info] [binary:BoostFromScore]: "
            "pavg=0.500000 -> initscore=0.000000' (counts, a time, the label mean and the initial score: not "
            "metrics). 'Training until validation scores don't improve for 15 rounds', then every 10th round "
            "'[10]\\tvalid's auc: 0.910141 + 0.00873204\\tvalid's binary_logloss: 0.43497 + 0.00893426' "
            "(mean ' + ' std over the folds; series \"valid's <metric>\" = the mean, step = the 1-based round "
            "in brackets), then 'Early stopping, best iteration is:' and the best round's line again "
            f"('[{best}]\\t...'): true values at that round, held as the LAST points of the series, out of "
            "step order (a parser may store or skip them). The script then prints 'Best num_boost_round: "
            f"{best}' (a count) and 'Best CV AUC: 0.9255 +/- 0.0147' (series 'Best CV AUC' at the best "
            "round; the std is extra_ok)."
        ),
    )
