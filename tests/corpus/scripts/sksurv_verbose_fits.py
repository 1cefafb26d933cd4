"""scikit-survival estimators with their verbose output on synthetic right-censored data:
GradientBoostingSurvivalAnalysis(verbose=1, subsample=0.8) (the 'Iter  Train Loss  OOB Improve
Remaining Time' table), FastSurvivalSVM(verbose=True) (scipy's Newton-CG 'Optimization
terminated successfully.' / 'Current function value: …' block), then Harrell's and Uno's
concordance on a test split as a user prints them.

Versions: scikit-survival 0.28.0, scikit-learn 1.9.1, scipy, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zBG-1):
    python tests/corpus/scripts/capture.py pipe real_sksurv_verbose_fits -- python tests/corpus/scripts/sksurv_verbose_fits.py 1
    python tests/corpus/scripts/capture.py pipe real_sksurv_verbose2_fits -- python tests/corpus/scripts/sksurv_verbose_fits.py 2
(verbose=2: GB n_estimators=30, every iteration printed.)
(no bars: the same under a terminal, no pty entry.)
Truth: GradientBoostingSurvivalAnalysis.train_score_ / oob_improvement_ (its own per-iteration
record); FastSurvivalSVM.optimizer_result_ (scipy's OptimizeResult: fun); the return values of
concordance_index_censored / concordance_index_ipcw.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
from sksurv.ensemble import GradientBoostingSurvivalAnalysis  # noqa: E402
from sksurv.metrics import concordance_index_censored, concordance_index_ipcw  # noqa: E402
from sksurv.svm import FastSurvivalSVM  # noqa: E402
from sksurv.util import Surv  # noqa: E402

level = int(sys.argv[1]) if len(sys.argv) > 1 else 1
rng = np.random.RandomState(7)
n, p = 500, 6
X = rng.normal(size=(n, p))
risk = 0.9 * X[:, 0] - 0.5 * X[:, 1] + 0.4 * X[:, 2] * X[:, 3]
T = rng.exponential(8 * np.exp(-risk))
C = rng.uniform(1, 20, n)
y = Surv.from_arrays(event=T <= C, time=np.minimum(T, C))
X_tr, X_te, y_tr, y_te = X[:380], X[380:], y[:380], y[380:]
print(f"scikit-survival {metadata.version('scikit-survival')}")
print(f"train: {len(X_tr)} samples ({y_tr['event'].sum()} events), test: {len(X_te)} samples")

series = _truth.Series()

print("\n== GradientBoostingSurvivalAnalysis ==")
gb = GradientBoostingSurvivalAnalysis(
    n_estimators=60 if level == 1 else 30, learning_rate=0.1, max_depth=2, subsample=0.8,
    random_state=0, verbose=level
)
gb.fit(X_tr, y_tr)
# sklearn's verbose reporter prints iterations 1..10, then every 10th (and so on)
printed = [i for i in range(1, gb.n_estimators_ + 1) if level > 1 or i <= 10 or (i % 10 == 0)]
for i in printed:
    series.add("Train Loss", i, None, float(gb.train_score_[i - 1]))
for i in printed:
    series.add("OOB Improve", i, None, float(gb.oob_improvement_[i - 1]))
c_gb = concordance_index_censored(y_te["event"], y_te["time"], gb.predict(X_te))[0]
print(f"GB test concordance (Harrell): {c_gb:.4f}")
series.add("GB test concordance (Harrell)", None, None, c_gb)

print("\n== FastSurvivalSVM ==")
svm = FastSurvivalSVM(alpha=0.5, rank_ratio=1.0, max_iter=40, tol=1e-6, random_state=0, verbose=True)
svm.fit(X_tr, y_tr)
res = svm.optimizer_result_
series.add("Current function value", None, None, float(res.fun))
c_svm = concordance_index_censored(y_te["event"], y_te["time"], svm.predict(X_te))[0]
uno = concordance_index_ipcw(y_tr, y_te, svm.predict(X_te), tau=15)[0]
print(f"SVM test concordance: Harrell {c_svm:.4f}, Uno (tau=15) {uno:.4f}")
series.add("Harrell", None, None, c_svm)
series.add("Uno (tau=15)", None, None, uno)

_truth.write(
    library=f"scikit-survival {metadata.version('scikit-survival')} (scikit-learn {metadata.version('scikit-learn')})",
    script="tests/corpus/scripts/sksurv_verbose_fits.py",
    record="GradientBoostingSurvivalAnalysis.train_score_/oob_improvement_; FastSurvivalSVM.optimizer_result_; concordance_index_* return values",
    step_kind="global",
    series=series,
    extra_ok=["the GB table's Remaining Time column (not recorded)"],
    not_printed=["train_score_/oob_improvement_ at the iterations the verbose reporter skips"],
    notes="GB step = boosting iteration as printed (1-based). The SVM block's Iterations/Function/Gradient/Hessian evaluations are counts.",
    gb_printed_iters=printed,
)
