"""LightGBM learning-to-rank: lgb.train(objective='lambdarank') with ndcg@k and map@k on a train
and a valid query set, log_evaluation(5), early_stopping(first_metric_only=True).

The eval lines carry names with '@': "[5]\ttrain's ndcg@1: 0.71\ttrain's ndcg@3: ...\tvalid's map@3: ...".

Versions: lightgbm 4.7.0, numpy 2.x (venv corpus-r11-1).
Capture (repository root):
  python tests/corpus/scripts/capture.py pipe real_lightgbm_lambdarank_ndcg -- python tests/corpus/scripts/lightgbm_lambdarank.py
Truth: lgb.record_evaluation's dict (LightGBM's own evals record), booster.best_iteration.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import lightgbm as lgb
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _truth  # noqa: E402

rng = np.random.default_rng(2024)
n_q_train, n_q_valid, n_feat = 120, 40, 16


def make_queries(n_q: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    sizes = rng.integers(8, 25, size=n_q)
    X = rng.normal(size=(sizes.sum(), n_feat))
    w = np.zeros(n_feat)
    w[:5] = [1.2, -0.8, 0.6, 0.5, 0.3]
    score = X @ w + 0.4 * X[:, 5] * X[:, 6] + rng.normal(scale=0.9, size=len(X))
    rel = np.digitize(score, [-0.5, 0.6, 1.4, 2.2])  # graded relevance 0..4
    return X, rel, sizes


Xtr, ytr, gtr = make_queries(n_q_train)
Xva, yva, gva = make_queries(n_q_valid)
print(f"train: {len(gtr)} queries, {len(ytr)} docs | valid: {len(gva)} queries, {len(yva)} docs")
print("relevance histogram (train):", np.bincount(ytr, minlength=5).tolist())

params = {
    "objective": "lambdarank",
    "metric": ["ndcg", "map"],
    "eval_at": [1, 3, 5],
    "learning_rate": 0.08,
    "num_leaves": 15,
    "min_data_in_leaf": 20,
    "lambdarank_truncation_level": 10,
    "seed": 7,
    "verbose": 1,
}
print("params:", params)
dtrain = lgb.Dataset(Xtr, ytr, group=gtr)
dvalid = lgb.Dataset(Xva, yva, group=gva, reference=dtrain)
evals: dict = {}
t0 = time.time()
booster = lgb.train(
    params,
    dtrain,
    num_boost_round=200,
    valid_sets=[dtrain, dvalid],
    valid_names=["train", "valid"],
    callbacks=[
        lgb.log_evaluation(5),
        lgb.early_stopping(15, first_metric_only=True),
        lgb.record_evaluation(evals),
    ],
)
print(f"training took {time.time() - t0:.2f}s, best iteration {booster.best_iteration}, trees {booster.num_trees()}")
best = booster.best_score["valid"]
print(f"best valid ndcg@5: {best['ndcg@5']:.4f}  map@5: {best['map@5']:.4f}")

s = _truth.Series()
last = len(evals["train"]["ndcg@1"])
printed = [i for i in range(1, last + 1) if i % 5 == 0]
order = ["ndcg@1", "ndcg@3", "ndcg@5", "map@1", "map@3", "map@5"]
for it in printed:
    for ds in ("train", "valid"):
        for m in order:
            s.add(f"{ds}'s {m}", it, None, evals[ds][m][it - 1])
bi = booster.best_iteration
if bi not in printed:
    for ds in ("train", "valid"):
        for m in order:
            s.add(f"{ds}'s {m}", bi, None, evals[ds][m][bi - 1])
s.add("best valid ndcg@5", bi, None, best["ndcg@5"])
s.add("map@5", bi, None, best["map@5"])
_truth.write(
    library=f"lightgbm {lgb.__version__}",
    script="tests/corpus/scripts/lightgbm_lambdarank.py",
    record="lgb.record_evaluation(evals) (LightGBM's own per-iteration eval record); booster.best_score",
    step_kind="global",
    series=s,
    extra_ok=[],
    notes=(
        "lgb.train lambdarank with metric [ndcg, map] at eval_at [1, 3, 5] and valid_names train/valid: "
        "every 5th iteration prints \"[5]\\ttrain's ndcg@1: 0.7\\ttrain's ndcg@3: ...\\ttrain's map@5: ...\\tvalid's ndcg@1: ...\" "
        "(names \"<set>'s <metric>@<k>\", step = the 1-based iteration in brackets, 6 significant digits). "
        "Early stopping (patience 15, first_metric_only: valid's ndcg@1) ends with 'Early stopping, best iteration is:' "
        "and that iteration's line again (a point only when it was not printed before) and 'Evaluated only: ndcg@1'. "
        "'[LightGBM] [Info]' banners carry data counts and bins; the script's params line and the relevance histogram "
        "are settings and counts; 'training took 0.31s' is wall time. The last line repeats best_score['valid'] "
        "for ndcg@5 and map@5 under the script's own names (the second printed as a bare 'map@5: 0.8708' on the same line)."
    ),
)
