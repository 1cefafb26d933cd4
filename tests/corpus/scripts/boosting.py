"""XGBoost / LightGBM / CatBoost beyond their defaults: several eval sets, custom metric names,
cross-validation, early stopping, metric_period.

Versions: xgboost 3.2.0, lightgbm 4.7.0, catboost 1.2.10, scikit-learn 1.9.1, Python 3.11.
Capture (repository root, venv active), one entry per variant:
    python tests/corpus/scripts/capture.py pipe real_xgboost_two_evals -- python tests/corpus/scripts/boosting.py xgb_train
    python tests/corpus/scripts/capture.py pipe real_xgboost_sklearn -- python tests/corpus/scripts/boosting.py xgb_sklearn
    python tests/corpus/scripts/capture.py pipe real_xgboost_cv -- python tests/corpus/scripts/boosting.py xgb_cv
    python tests/corpus/scripts/capture.py pipe real_lightgbm_two_valid -- python tests/corpus/scripts/boosting.py lgb_train
    python tests/corpus/scripts/capture.py pipe real_lightgbm_cv -- python tests/corpus/scripts/boosting.py lgb_cv
    python tests/corpus/scripts/capture.py pipe real_lightgbm_sklearn -- python tests/corpus/scripts/boosting.py lgb_sklearn
    python tests/corpus/scripts/capture.py pipe real_catboost_eval -- python tests/corpus/scripts/boosting.py catboost
    python tests/corpus/scripts/capture.py pipe real_catboost_best_model -- python tests/corpus/scripts/boosting.py catboost_od
        (catboost 1.2.10, venv /work/venvs/other-f: use_best_model + early_stopping_rounds + metric_period)
Truth: evals_result() / record_evaluation / the cv result tables / get_evals_result().
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.datasets import make_classification, make_regression  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/boosting.py"
series = _truth.Series()
X, y = make_classification(
    n_samples=1500, n_features=15, n_informative=6, flip_y=0.1, random_state=0
)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0)

if which.startswith("xgb"):
    import xgboost as xgb

    LIB = f"xgboost {xgb.__version__}"

if which == "xgb_train":

    def err_at_06(predt, dmat):  # a custom metric, named by the script
        return "error@0.6", float(np.mean((predt > 0.6) != dmat.get_label()))

    dtr, dva = xgb.DMatrix(Xtr, label=ytr), xgb.DMatrix(Xte, label=yte)
    evals_result = {}
    params = {
        "objective": "binary:logistic",
        "eval_metric": ["logloss", "auc"],
        "max_depth": 3,
        "eta": 0.3,
        "seed": 0,
    }
    print(f"Training with params: {params}")
    bst = xgb.train(
        params,
        dtr,
        num_boost_round=40,
        evals=[(dtr, "train"), (dva, "valid")],
        custom_metric=err_at_06,
        early_stopping_rounds=5,
        evals_result=evals_result,
        verbose_eval=True,
    )
    print(f"best iteration: {bst.best_iteration}, best score: {bst.best_score}")
    n = len(evals_result["train"]["logloss"])
    for i in range(n):
        for ds in ("train", "valid"):
            for m in ("logloss", "auc", "error@0.6"):
                series.add(f"{ds}-{m}", i, None, evals_result[ds][m][i])
    series.add("best score", bst.best_iteration, None, bst.best_score)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="xgb.train(evals_result=...) (XGBoost's own evaluation history), bst.best_iteration/best_score",
        step_kind="global",
        series=series,
        notes=(
            "'[7]\\ttrain-logloss:0.31402\\ttrain-auc:0.95531\\ttrain-error@0.6:0.13619\\tvalid-logloss:...': "
            "step = the round in brackets, 0-based as XGBoost prints it; names are '<eval name>-<metric>', "
            "one of them a custom metric whose name holds '@' and '.' ('error@0.6'). Printed with 5 decimals; "
            "truth at full precision. Early stopping (5 rounds) ends training: every round trained is printed. "
            "The first line is the script's 'Training with params: {...}' (configuration: max_depth 3, eta 0.3, "
            "seed 0 are not metrics); the last is the script's 'best iteration: 14, best score: 0.171111' (XGBoost's "
            "best_score: the LAST metric of the last eval set, valid-error@0.6, which early stopping watches, at the "
            "best round: series 'best score' at that round, not a new point of valid-error@0.6)."
        ),
    )

elif which == "xgb_sklearn":
    clf = xgb.XGBClassifier(
        n_estimators=25,
        max_depth=3,
        learning_rate=0.3,
        eval_metric=["logloss", "error"],
        random_state=0,
    )
    clf.fit(Xtr, ytr, eval_set=[(Xtr, ytr), (Xte, yte)], verbose=5)
    res = clf.evals_result()
    n = len(res["validation_0"]["logloss"])
    # verbose=5 prints every 5th round and the last one
    printed = [i for i in range(n) if i % 5 == 0 or i == n - 1]
    for i in printed:
        for ds in ("validation_0", "validation_1"):
            for m in ("logloss", "error"):
                series.add(f"{ds}-{m}", i, None, res[ds][m][i])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="XGBClassifier.evals_result() at the rounds printed (verbose=5: every 5th and the last)",
        step_kind="global",
        series=series,
        not_printed=["the rounds between the printed ones (in evals_result() but not shown)"],
        notes=(
            "sklearn API with eval_set=[train, test]: XGBoost names them validation_0 and validation_1, so "
            "validation_0 is the TRAINING set here. '[5]\\tvalidation_0-logloss:0.3\\tvalidation_0-error:0.1"
            "\\tvalidation_1-logloss:...'. Step = the 0-based round in brackets."
        ),
    )

elif which == "xgb_cv":
    Xr, yr = make_regression(n_samples=600, n_features=8, noise=10.0, random_state=0)
    d = xgb.DMatrix(Xr, label=yr)
    params = {
        "objective": "reg:squarederror",
        "max_depth": 3,
        "eta": 0.3,
        "eval_metric": ["rmse", "mae"],
    }
    cv = xgb.cv(params, d, num_boost_round=15, nfold=4, seed=0, verbose_eval=True, show_stdv=True)
    print(cv.tail(3).to_string())
    for i in range(len(cv)):
        for split in ("train", "test"):
            for m in ("rmse", "mae"):
                series.add(f"{split}-{m}", i, None, cv[f"{split}-{m}-mean"].iloc[i])
    # pandas prints the last 3 rows of the table (columns train-rmse-mean, train-rmse-std, ...)
    for i in range(len(cv) - 3, len(cv)):
        for col in cv.columns:
            series.add(col, i, None, cv[col].iloc[i])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the DataFrame xgb.cv returns (per-round mean and std over the 4 folds)",
        step_kind="global",
        series=series,
        extra_ok=[
            "the standard deviations printed after each mean ('train-rmse:35.1+0.7'), from the same table"
        ],
        notes=(
            "xgb.cv(verbose_eval=True, show_stdv=True) prints '[3]\\ttrain-rmse:40.11905+0.65310\\ttrain-mae:"
            "...+...\\ttest-rmse:...': the value before '+' is the mean over folds (series 'train-rmse' etc.), "
            "the one after it the std (extra_ok). Step = the 0-based round. Then the script prints "
            "print(cv.tail(3)): a pandas table whose header is 'train-rmse-mean  train-rmse-std ...' and whose "
            "rows start with the round index 12, 13, 14: series named by those column headers, three points "
            "each (the same values as the rounds' means/stds, printed to 6 significant digits)."
        ),
    )

elif which == "lgb_train":
    import lightgbm as lgb

    LIB = f"lightgbm {lgb.__version__}"
    dtr = lgb.Dataset(Xtr, label=ytr)
    dva = lgb.Dataset(Xte, label=yte, reference=dtr)
    record = {}
    params = {
        "objective": "binary",
        "metric": ["binary_logloss", "auc"],
        "learning_rate": 0.1,
        "num_leaves": 15,
        "seed": 0,
    }
    bst = lgb.train(
        params,
        dtr,
        num_boost_round=200,
        valid_sets=[dtr, dva],
        valid_names=["train", "valid"],
        callbacks=[lgb.log_evaluation(5), lgb.early_stopping(10), lgb.record_evaluation(record)],
    )
    n = len(record["valid"]["auc"])
    printed = [i for i in range(n) if (i + 1) % 5 == 0] + [bst.best_iteration - 1]
    for i in printed:
        for ds in ("train", "valid"):
            for m in ("binary_logloss", "auc"):
                series.add(f"{ds}'s {m}", i + 1, None, record[ds][m][i])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="lgb.record_evaluation (LightGBM's own per-iteration history), at the iterations log_evaluation(5) printed",
        step_kind="global",
        series=series,
        not_printed=["the iterations between every 5th (recorded, not printed)"],
        notes=(
            "'[15]\\ttrain's binary_logloss: 0.28\\ttrain's auc: 0.96\\tvalid's binary_logloss: 0.38\\tvalid's "
            "auc: 0.91': step = the 1-based iteration in brackets; names are \"<valid name>'s <metric>\" (a "
            "possessive with a space). LightGBM's '[LightGBM] [Info] Number of positive: 530, number of "
            "negative: 520', '[LightGBM] [Info] Total Bins 3825' etc. are banners (counts, not metrics). "
            "'Training until validation scores don't improve for 10 rounds' then 'Early stopping, best iteration "
            f"is:' and '[{bst.best_iteration}]\\ttrain's ...' repeats the values of the best iteration: a "
            "summary, not a new evaluation (no point for it would be printed unless that iteration is also a multiple of 5, "
            "where it is the same point already printed). Yet they are true values of those series at that "
            "iteration, so the truth holds them as the LAST point of each series, out of step order (step "
            f"{bst.best_iteration} after 25): a parser may store them (right) or skip them as a summary (a "
            "missed point, no invention)."
        ),
    )

elif which == "lgb_cv":
    import lightgbm as lgb

    LIB = f"lightgbm {lgb.__version__}"
    params = {
        "objective": "binary",
        "metric": ["binary_logloss", "auc"],
        "learning_rate": 0.1,
        "num_leaves": 15,
        "seed": 0,
        "verbose": -1,
    }
    res = lgb.cv(
        params,
        lgb.Dataset(X, label=y),
        num_boost_round=30,
        nfold=4,
        stratified=True,
        seed=0,
        callbacks=[lgb.log_evaluation(3)],
        eval_train_metric=True,
    )
    n = len(res["valid auc-mean"])
    for i in range(n):
        if (i + 1) % 3 == 0:
            for ds in ("train", "valid"):
                for m in ("binary_logloss", "auc"):
                    series.add(f"{ds}'s {m}", i + 1, None, res[f"{ds} {m}-mean"][i])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the dict lgb.cv returns ('<set> <metric>-mean' / '-stdv' per iteration), at the iterations log_evaluation(3) printed",
        step_kind="global",
        series=series,
        extra_ok=["the standard deviations printed after each mean ('valid auc: 0.93 + 0.01')"],
        notes=(
            "'[3]\\ttrain's binary_logloss: 0.5553 + 0.00330667\\ttrain's auc: 0.926703 + 0.00613079\\tvalid's "
            "binary_logloss: ...': names \"<set>'s <metric>\" as in lgb.train (the returned dict calls them "
            "'train binary_logloss-mean'), the mean then ' + ' and the std across the 4 folds (extra_ok). Step = the 1-based iteration in brackets. Every 3rd iteration printed."
        ),
    )

elif which == "lgb_sklearn":
    import lightgbm as lgb

    LIB = f"lightgbm {lgb.__version__}"
    clf = lgb.LGBMClassifier(
        n_estimators=40, learning_rate=0.1, num_leaves=15, random_state=0, verbose=-1
    )
    clf.fit(
        Xtr,
        ytr,
        eval_set=[(Xtr, ytr), (Xte, yte)],
        eval_metric=["auc", "binary_error"],
        callbacks=[lgb.log_evaluation(10)],
    )
    res = clf.evals_result_
    n = len(res["valid_1"]["auc"])
    for i in range(n):
        if (i + 1) % 10 == 0:
            for ds in ("training", "valid_1"):
                for m in ("binary_logloss", "auc", "binary_error"):
                    series.add(f"{ds}'s {m}", i + 1, None, res[ds][m][i])
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="LGBMClassifier.evals_result_ at the iterations log_evaluation(10) printed",
        step_kind="global",
        series=series,
        not_printed=["the iterations between every 10th"],
        notes=(
            "sklearn API, eval_set=[train, test]: LightGBM names the training set 'training' (it recognises it) "
            "and the other 'valid_1': '[10]\\ttraining's binary_logloss: 0.39\\ttraining's auc: 0.96\\ttraining's "
            "binary_error: 0.11\\tvalid_1's binary_logloss: ...'. Step = the 1-based iteration in brackets."
        ),
    )

elif which == "catboost_od":
    import catboost

    LIB = f"catboost {catboost.__version__}"
    train_dir = tempfile.mkdtemp(prefix="catboost-")
    clf = catboost.CatBoostClassifier(
        iterations=400,
        learning_rate=0.3,
        depth=4,
        eval_metric="AUC",
        custom_metric=["Logloss", "Accuracy"],
        use_best_model=True,
        metric_period=20,
        early_stopping_rounds=30,
        random_seed=0,
        thread_count=1,
        train_dir=train_dir,
        allow_writing_files=False,
    )
    clf.fit(Xtr, ytr, eval_set=(Xte, yte), verbose=True)
    auc = clf.get_evals_result()["validation"]["AUC"]
    # the overfitting detector computes the eval metric every iteration (metric_period is ignored
    # for it, CatBoost warns), but the lines are still printed every 20 iterations
    for i in range(0, len(auc), 20):
        series.add("test", i, None, auc[i])
        series.add("best", i, None, max(auc[: i + 1]))
    best_it = clf.get_best_iteration()
    series.add("bestTest", best_it, None, clf.get_best_score()["validation"]["AUC"])
    shutil.rmtree(train_dir, ignore_errors=True)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="CatBoostClassifier.get_evals_result() (every iteration: the overfitting detector needs them), "
        "get_best_iteration(), get_best_score()",
        step_kind="global",
        series=series,
        extra_ok=["total (elapsed time)", "remaining (time left)"],
        not_printed=[
            "learn Logloss / learn Accuracy / validation Logloss / validation Accuracy (custom_metric) are recorded "
            "but the console shows only the eval metric (AUC) on the eval set ('test')",
            "the AUC of the iterations between the printed ones",
        ],
        notes=(
            "CatBoostClassifier(eval_metric='AUC', custom_metric=['Logloss', 'Accuracy'], use_best_model=True, "
            "metric_period=20, early_stopping_rounds=30). First 'Warning: Overfitting detector is active, thus "
            "evaluation metric is calculated on every iteration. 'metric_period' is ignored for evaluation metric.'; "
            "then every 20 iterations '20:\ttest: 0.8478726\tbest: 0.8507016 (19)\ttotal: 62.7ms\tremaining: "
            "1.13s': step = the 0-based iteration before the colon; 'test' is the eval set's AUC, 'best' the best "
            "AUC so far (over every iteration, printed or not) with its iteration in parentheses (a running best, "
            "kept as its own series at the printed iteration, as in real_catboost_eval). When the detector stops "
            "the run: 'Stopped by overfitting detector  (30 iterations wait)' (30 is the patience), then "
            "'bestTest = 0.8601533491' / 'bestIteration = 48' (series 'bestTest' at step bestIteration; "
            "bestIteration a step) and 'Shrink model to first 49 iterations.' (use_best_model: a count). "
            f"Printed with 7 significant digits (bestTest 10). The run stopped after iteration {len(auc) - 1}, "
            "whose line is not printed."
        ),
    )

elif which == "catboost":
    import catboost

    LIB = f"catboost {catboost.__version__}"
    train_dir = tempfile.mkdtemp(prefix="catboost-")
    clf = catboost.CatBoostClassifier(
        iterations=60,
        learning_rate=0.1,
        depth=4,
        eval_metric="AUC",
        custom_metric=["Accuracy"],
        metric_period=10,
        random_seed=0,
        train_dir=train_dir,
        allow_writing_files=False,
    )
    clf.fit(Xtr, ytr, eval_set=(Xte, yte), verbose=True)
    res = clf.get_evals_result()
    auc = res["validation"]["AUC"]
    # with metric_period=10 CatBoost records (and prints) only iterations 0, 10, ..., and the last
    iters = [min(k * 10, clf.tree_count_ - 1) for k in range(len(auc))]
    assert iters[-1] == clf.tree_count_ - 1 and len(set(iters)) == len(iters)
    for k, i in enumerate(iters):
        series.add("test", i, None, auc[k])
        series.add("best", i, None, max(auc[: k + 1]))
    series.add(
        "bestTest", clf.get_best_iteration(), None, clf.get_best_score()["validation"]["AUC"]
    )
    shutil.rmtree(train_dir, ignore_errors=True)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="CatBoostClassifier.get_evals_result() (with metric_period=10 it holds only the printed iterations: 0, 10, ..., 50 and the last, 59)",
        step_kind="global",
        series=series,
        extra_ok=["total (elapsed time)", "remaining (time left)"],
        not_printed=[
            "learn Logloss / learn Accuracy / validation Logloss / validation Accuracy are recorded but CatBoost's "
            "console shows only the eval metric (AUC) on the eval set ('test') when the learn set has no AUC"
        ],
        notes=(
            "'10:\\ttest: 0.9125338\\tbest: 0.9125338 (10)\\ttotal: 51.5ms\\tremaining: 258ms': step = the 0-based "
            "iteration before the colon; 'test' is the eval set's AUC (the eval_metric; CatBoost prints no metric "
            "name), 'best' the best test AUC so far with its iteration in parentheses (a running best, kept as its "
            "own series at the printed iteration). Then 'bestTest = 0.899948641' and 'bestIteration = 59' "
            "(when it is not the last iteration, 'Shrink model to first N iterations.') close the run: bestTest is the best value again (summary, not "
            "a new point of test: series 'bestTest' at step bestIteration), bestIteration a step. Printed with 7 significant digits."
        ),
    )
