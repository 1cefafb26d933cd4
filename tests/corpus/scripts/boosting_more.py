"""CatBoost and LightGBM in modes the other boosting entries do not show: a CatBoost regressor
with a learn metric and TWO eval sets ('learn: … test: … test1: … best: …'), and a LightGBM
multiclass train with two metrics, default data-set names and a verbose early stop on the first
metric only.

Versions: catboost 1.2.10, lightgbm 4.7.0, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11
(venv /work/venvs/corpus-y-1: pip install scikit-learn lightgbm catboost kmodes pandas).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_catboost_regressor_two_evals -- python tests/corpus/scripts/boosting_more.py catboost
    python tests/corpus/scripts/capture.py pipe real_lightgbm_multiclass_early -- python tests/corpus/scripts/boosting_more.py lightgbm
Truth: CatBoostRegressor.get_evals_result() / get_best_score() / get_best_iteration();
lgb.record_evaluation() and Booster.best_iteration.
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from sklearn.datasets import make_classification, make_regression
from sklearn.model_selection import train_test_split

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/boosting_more.py"
series = _truth.Series()

if which == "catboost":
    import catboost
    from catboost import CatBoostRegressor

    X, y = make_regression(n_samples=800, n_features=10, noise=15.0, random_state=0)
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=0)
    train_dir = tempfile.mkdtemp(prefix="catboost_info_")
    model = CatBoostRegressor(
        iterations=100,
        learning_rate=0.1,
        depth=4,
        verbose=25,
        eval_metric="RMSE",
        custom_metric=["MAE", "R2"],
        random_seed=0,
        train_dir=train_dir,
    )
    model.fit(Xtr, ytr, eval_set=[(Xte[:100], yte[:100]), (Xte[100:], yte[100:])])
    res = model.get_evals_result()
    shutil.rmtree(train_dir, ignore_errors=True)
    n = len(res["learn"]["RMSE"])
    printed = [i for i in range(n) if i % 25 == 0 or i == n - 1]
    last = res["validation_1"]["RMSE"]
    for i in printed:
        series.add("learn", i, None, res["learn"]["RMSE"][i])
        series.add("test", i, None, res["validation_0"]["RMSE"][i])
        series.add("test1", i, None, last[i])
        series.add("best", i, None, min(last[: i + 1]))
    best_it = model.get_best_iteration()
    series.add("bestTest", best_it, None, model.get_best_score()["validation_1"]["RMSE"])
    _truth.write(
        library=f"catboost {catboost.__version__}",
        script=SCRIPT,
        record="CatBoostRegressor.get_evals_result() at the printed iterations, get_best_iteration(), get_best_score()",
        step_kind="global",
        series=series,
        extra_ok=["total (elapsed time)", "remaining (time left)"],
        not_printed=[
            "MAE and R2 (custom_metric) on learn / validation_0 / validation_1: recorded, never printed",
            "the RMSE of the iterations between the printed ones",
        ],
        notes=(
            "CatBoostRegressor(eval_metric='RMSE', custom_metric=['MAE', 'R2'], verbose=25) fitted with "
            "eval_set=[first 100 test rows, other 100]: every 25th iteration and the last, "
            "'25:\\tlearn: 85.7621852\\ttest: 88.1867133\\ttest1: 88.4181013\\tbest: 88.4181013 (25)\\ttotal: "
            "68ms\\tremaining: 193ms': step = the 0-based iteration before the colon; learn / test / test1 are "
            "the RMSE on the training set and on the two eval sets (CatBoost names the second eval set "
            "'test1'); 'best' is the best (lowest) RMSE so far on the LAST eval set (test1) over every "
            "iteration, with its iteration in parentheses (a step, not a metric), kept as its own series as in "
            "real_catboost_eval. The custom metrics are not printed. Then 'bestTest = 44.34653575' / "
            "'bestIteration = 99' (series 'bestTest' at step bestIteration; bestIteration is a step). Printed "
            "with 7 significant digits (bestTest 10)."
        ),
    )

elif which == "lightgbm":
    import lightgbm as lgb

    X, y = make_classification(
        n_samples=1500,
        n_features=12,
        n_informative=5,
        n_classes=3,
        n_clusters_per_class=1,
        flip_y=0.15,
        random_state=0,
    )
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0)
    dtr = lgb.Dataset(Xtr, label=ytr)
    dva = lgb.Dataset(Xte, label=yte, reference=dtr)
    record = {}
    params = {
        "objective": "multiclass",
        "num_class": 3,
        "metric": ["multi_logloss", "multi_error"],
        "learning_rate": 0.05,
        "num_leaves": 7,
        "seed": 0,
    }
    bst = lgb.train(
        params,
        dtr,
        num_boost_round=300,
        valid_sets=[dtr, dva],
        callbacks=[
            lgb.log_evaluation(10),
            lgb.early_stopping(5, first_metric_only=True, verbose=True),
            lgb.record_evaluation(record),
        ],
    )
    names = list(record)  # LightGBM's default names: 'training' and 'valid_1'
    n = len(record[names[1]]["multi_logloss"])
    printed = [i for i in range(n) if (i + 1) % 10 == 0] + [bst.best_iteration - 1]
    for i in printed:
        for ds in names:
            for m in ("multi_logloss", "multi_error"):
                series.add(f"{ds}'s {m}", i + 1, None, record[ds][m][i])
    _truth.write(
        library=f"lightgbm {lgb.__version__}",
        script=SCRIPT,
        record=(
            "lgb.record_evaluation (LightGBM's own per-iteration history) at the iterations "
            "log_evaluation(10) printed, and at Booster.best_iteration for the early-stopping summary"
        ),
        step_kind="global",
        series=series,
        not_printed=["the iterations between every 10th (recorded, not printed)"],
        notes=(
            "lgb.train(objective='multiclass', num_class=3, metric=[multi_logloss, multi_error], "
            "valid_sets=[train, valid] with no valid_names, so LightGBM names them 'training' and 'valid_1'). "
            "Starts with '[LightGBM] [Info] ...' banners (data counts, 'Total Bins 3060', and one 'Start "
            "training from score -1.098612' per class: initial scores, not metrics), then 'Training until "
            "validation scores don't improve for 5 rounds' (patience), then every 10th iteration "
            "'[10]\\ttraining's multi_logloss: 0.4\\ttraining's multi_error: 0.1\\tvalid_1's multi_logloss: "
            "0.5\\tvalid_1's multi_error: 0.2': step = the 1-based iteration in brackets, names \"<set>'s "
            "<metric>\". Early stopping ends it with 'Early stopping, best iteration is:' and the best "
            "iteration's line again (same shape, values of that iteration; a second point at that step only "
            "if it was also printed before), and 'Evaluated only: multi_logloss' (early_stopping("
            "first_metric_only=True): the metric it watched, a name without a value). Printed to 6 significant digits; truth at full precision."
        ),
    )
