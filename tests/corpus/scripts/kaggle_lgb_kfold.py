"""A Kaggle-style 5-fold LightGBM script: logging for every message (lgb.register_logger routes
LightGBM's own messages through the same logger), pandas EDA logged as text, lgb.train per fold
with lgb.early_stopping(50), lgb.log_evaluation(50) and lgb.record_evaluation, fold AUCs, the
out-of-fold AUC, and gain importances averaged over the folds as a sorted DataFrame.

Versions: lightgbm 4.7.0, scikit-learn 1.9.1, pandas 3.1.1, numpy 2.4.6, Python 3.11
(venv corpus-zAK-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_kaggle_lgb_kfold -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_lgb_kfold.py
(logging's StreamHandler writes plain text to stderr under a terminal too: no pty entry.)
Truth: each fold's lgb.record_evaluation dict at the rounds log_evaluation printed (every 50th)
plus the early-stopping reprint of the best round (booster.best_iteration); the fold AUC and the
out-of-fold AUC as the script computed them (roc_auc_score).
"""

import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

logging.basicConfig(
    level=logging.INFO,
    format="%(asctime)s | %(levelname)s | %(name)s | %(message)s",
    datefmt="%Y-%m-%d %H:%M:%S",
)
logger = logging.getLogger("train")
lgb.register_logger(logger)

SEED = 2024
N_FOLDS = 5
rng = np.random.default_rng(SEED)
n = 3000
train = pd.DataFrame(
    {
        "id": np.arange(n),
        "loan_amnt": rng.integers(1000, 40000, n).astype(float),
        "int_rate": rng.uniform(5.0, 28.0, n).round(2),
        "annual_inc": rng.lognormal(11.0, 0.5, n).round(0),
        "dti": rng.uniform(0, 40, n).round(2),
        "emp_length": rng.integers(0, 11, n).astype(float),
        "revol_util": rng.uniform(0, 100, n).round(1),
        "grade": pd.Categorical(
            rng.choice(list("ABCDEFG"), n, p=[0.2, 0.25, 0.2, 0.15, 0.1, 0.06, 0.04])
        ),
        "home_ownership": pd.Categorical(rng.choice(["RENT", "MORTGAGE", "OWN"], n)),
        "purpose": pd.Categorical(
            rng.choice(["debt_consolidation", "credit_card", "home_improvement", "other"], n)
        ),
    }
)
grade_risk = train["grade"].cat.codes.to_numpy() * 0.6
logit = -3.0 + grade_risk + 0.12 * (train.int_rate - 14) + 0.05 * (train.dti - 20)
logit = logit - 0.25 * np.log(train.annual_inc / 60000)
train["default"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
for col, frac in (("emp_length", 0.08), ("annual_inc", 0.03), ("revol_util", 0.05), ("dti", 0.02)):
    train.loc[rng.random(n) < frac, col] = np.nan

logger.info(f"train shape: {train.shape}")
logger.info("head:\n%s", train.head(10).to_string())
logger.info("missing values:\n%s", train.isnull().sum().to_string())
logger.info("target distribution:\n%s", train["default"].value_counts().to_string())
logger.info("target mean: %.4f", train["default"].mean())
logger.info("grade counts:\n%s", train["grade"].value_counts().sort_index().to_string())

TARGET = "default"
features = [c for c in train.columns if c not in ("id", TARGET)]
cat_features = ["grade", "home_ownership", "purpose"]
logger.info(f"features ({len(features)}): {features}")

params = {
    "objective": "binary",
    "metric": ["auc", "binary_logloss"],
    "learning_rate": 0.02,
    "num_leaves": 31,
    "max_depth": -1,
    "min_child_samples": 30,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "seed": SEED,
    "num_threads": 1,
}
logger.info(f"params: {params}")

oof = np.zeros(n)
importances = pd.DataFrame(index=features)
skf = StratifiedKFold(n_splits=N_FOLDS, shuffle=True, random_state=SEED)
series = _truth.Series()
fold_scores = []
for fold, (trn_idx, val_idx) in enumerate(skf.split(train, train[TARGET])):
    logger.info(f"===== Fold {fold} =====")
    X_tr, y_tr = train.loc[trn_idx, features], train.loc[trn_idx, TARGET]
    X_va, y_va = train.loc[val_idx, features], train.loc[val_idx, TARGET]
    dtrain = lgb.Dataset(X_tr, y_tr, categorical_feature=cat_features)
    dvalid = lgb.Dataset(X_va, y_va, categorical_feature=cat_features, reference=dtrain)
    evals = {}
    model = lgb.train(
        params,
        dtrain,
        num_boost_round=2000,
        valid_sets=[dtrain, dvalid],
        valid_names=["train", "valid"],
        callbacks=[
            lgb.early_stopping(stopping_rounds=50),
            lgb.log_evaluation(period=50),
            lgb.record_evaluation(evals),
        ],
    )
    oof[val_idx] = model.predict(X_va, num_iteration=model.best_iteration)
    score = roc_auc_score(y_va, oof[val_idx])
    fold_scores.append(score)
    importances[f"fold_{fold}"] = model.feature_importance(importance_type="gain")
    logger.info(f"Fold {fold} | AUC: {score:.5f} | best_iteration: {model.best_iteration}")

    # truth: the rounds log_evaluation printed (1-based, every 50th), then the best round again
    rounds = len(evals["valid"]["auc"])
    for it in [r for r in range(1, rounds + 1) if r % 50 == 0] + [model.best_iteration]:
        for data in ("train", "valid"):
            for metric in ("auc", "binary_logloss"):
                series.add(f"{data}'s {metric}", it, None, evals[data][metric][it - 1])
    series.add("AUC", fold, None, score)

oof_auc = roc_auc_score(train[TARGET], oof)
logger.info(f"CV AUC: {np.mean(fold_scores):.5f} +/- {np.std(fold_scores):.5f}")
logger.info(f"OOF AUC: {oof_auc:.5f}")
importances["mean"] = importances.mean(axis=1)
importances = importances.sort_values("mean", ascending=False)
logger.info("feature importance (gain):\n%s", importances.round(1).to_string())

series.add("CV AUC", None, None, float(np.mean(fold_scores)))
series.add("OOF AUC", None, None, oof_auc)

_truth.write(
    library=(
        f"lightgbm {lgb.__version__} (scikit-learn {metadata.version('scikit-learn')}, "
        f"pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/kaggle_lgb_kfold.py",
    record=(
        "lgb.record_evaluation(evals) per fold at the printed rounds and the best round "
        "(booster.best_iteration); the script's roc_auc_score per fold and out of fold"
    ),
    step_kind="global",
    series=series,
    extra_ok=["std after +/- on the cross-validation summary line"],
    not_printed=["record_evaluation rounds between the printed ones"],
    notes=(
        "Every line goes through logging: '2026-12-07 15:40:00 | INFO | train | <message>' on "
        "stderr ('train' there is the logger's NAME, not a data set: 'Fold 0 | AUC' is not a train AUC), LightGBM's own messages too (lgb.register_logger), so its banners read '... | "
        "INFO | train | [LightGBM] [Info] Number of positive: 774, number of negative: 1626', "
        "'[LightGBM] [Info] Total Bins 1234', '[LightGBM] [Info] Number of data points in the "
        "train set: 2400, number of used features: 9', '[LightGBM] [Info] [binary:BoostFromScore]: "
        "pavg=0.32 -> initscore=-0.75', 'Start training from score -0.75' (counts, the label mean "
        "and the initial score: not metrics). EDA first: 'train shape: (3000, 11)', head(10) as a "
        "text table (ids, loan amounts, rates, incomes, NaN), isnull().sum() per column, "
        "value_counts() of the target and of grade (counts), 'target mean: 0.3240' (the label's "
        "mean: data, not a metric), the feature list and the params dict (hyper-parameters). Per "
        "fold '===== Fold 0 =====', 'Training until validation scores don't improve for 50 "
        "rounds', every 50th round '[50]\\ttrain's auc: 0.85\\ttrain's binary_logloss: "
        "0.50\\tvalid's auc: 0.73\\tvalid's binary_logloss: 0.57' (1-based round), then 'Early "
        "stopping, best iteration is:' and the best round's line again ('[137]\\t...': true values "
        "at that round, held as the LAST points of the fold, out of step order). The round counter "
        'RESTARTS at 1 for every fold, so the series "train\'s auc" etc. have one point per '
        "printed line over all five folds in print order, step = the printed round as LightGBM counts it (restarting at 1 each fold). Then 'Fold 0 | AUC: 0.73512 "
        "| best_iteration: 137' (series 'AUC' at step = the fold number, 0-based as printed; "
        "best_iteration is a round number). At the end 'CV AUC: 0.72 +/- 0.01' (mean of the fold "
        "AUCs; the std in extra_ok), 'OOF AUC: 0.72' (roc_auc_score over all out-of-fold "
        "predictions), and the gain importance DataFrame (one column per fold and their mean: "
        "fitted estimates, not metrics). Values printed by LightGBM with %g (6 significant "
        "digits), the script's with 5 decimals; truth at full precision."
    ),
)
