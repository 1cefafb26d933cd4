"""NGBoost (ngboost) NGBRegressor with a validation set and early stopping, and NGBClassifier
without one, verbose_eval every N iterations.

NGBoost prints '[iter 0] loss=1.4189 val_loss=0.0000 scale=1.0000 norm=1.1' every verbose_eval
iterations (val_loss=0.0000 is a placeholder when no validation data is given: nothing is
evaluated), then '== Early stopping achieved.' and '== Best iteration / VAL<itr>
(val_loss=<best>)'.  Truth: the model's own evals_result (per-iteration train and val score)
and best_val_loss_itr.
Versions: ngboost 0.6.0, scikit-learn 1.6.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_ngboost_reg_early -- python tests/corpus/holdout/scripts/ngboost_fit.py reg
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_ngboost_clf_noval -- python tests/corpus/holdout/scripts/ngboost_fit.py clf
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from ngboost import NGBClassifier, NGBRegressor
from ngboost.distns import Bernoulli

kind = sys.argv[1]
rng = np.random.default_rng(0)
X = rng.normal(size=(600, 6))
w = rng.normal(size=6)
ser = _truth.Series()
if kind == "reg":
    y = X @ w + np.sin(3 * X[:, 0]) + 0.4 * rng.normal(size=600)
    every = 25
    m = NGBRegressor(n_estimators=400, learning_rate=0.05, verbose_eval=every, random_state=0)
    m.fit(X[:450], y[:450], X_val=X[450:], Y_val=y[450:], early_stopping_rounds=15)
else:
    y = (X @ w + 0.5 * rng.normal(size=600) > 0).astype(int)
    every = 20
    m = NGBClassifier(
        Dist=Bernoulli, n_estimators=120, learning_rate=0.05, verbose_eval=every, random_state=0
    )
    m.fit(X, y)
print(f"fitted {len(m.base_models)} boosting iterations")

metric = next(iter(m.evals_result["train"]))
train = m.evals_result["train"][metric]
val = m.evals_result.get("val", {}).get(metric)
n = len(train)
early = val is not None and n < m.n_estimators
for itr in range(n):
    # the early-stopping break comes before the iteration's progress line
    if early and itr == n - 1:
        break
    if itr % every == 0:
        ser.add("loss", itr, None, train[itr])
        if val is not None:
            ser.add("val_loss", itr, None, val[itr])
if early:
    ser.add("val_loss", m.best_val_loss_itr, None, val[m.best_val_loss_itr])

_truth.write(
    library="ngboost 0.6.0 (scikit-learn 1.6.1)",
    script="tests/corpus/holdout/scripts/ngboost_fit.py",
    record=f"model.evals_result ('train'/'val' -> {metric} per boosting iteration) and best_val_loss_itr",
    step_kind="global",
    series=ser,
    extra_ok=["scale (line-search step scale)", "norm (gradient norm)"],
    not_printed=["iterations between the verbose_eval ones"],
    notes=(
        "Lines '[iter 25] loss=1.2345 val_loss=1.3456 scale=1.0000 norm=0.9876' (values '%.4f'); step "
        "= the 0-based boosting iteration in '[iter N]'. loss is the training score (LogScore "
        "= negative log-likelihood) of the iteration, val_loss the validation score. "
        + (
            "After '== Early stopping achieved.' comes '== Best iteration / VAL<N> (val_loss=<v>)': the "
            "best iteration N is glued to 'VAL'; that value is the last point of val_loss, at step N "
            "(an earlier iteration's value, printed again). "
            if early
            else "No validation data: every line prints 'val_loss=0.0000', a placeholder that is NOT "
            "a recorded value (nothing was evaluated), so there is no val_loss series. "
        )
        + "The last line 'fitted N boosting iterations' is the script's (a count)."
    ),
)
