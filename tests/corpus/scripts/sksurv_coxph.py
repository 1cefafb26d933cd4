"""scikit-survival's Cox proportional-hazards model as its user guide runs it, in a script:
CoxPHSurvivalAnalysis(verbose=3).fit (one 'update = [...]' and one 'loss = ...' line per Newton
iteration), the coefficients as a pandas Series, then the evaluation the guide shows
(concordance_index_censored's tuple, score(), the time-dependent AUC and the integrated Brier
score) printed with print().

Versions: scikit-survival 0.28.0, scikit-learn 1.9.1, pandas 3.1.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zg-1; about 2 s):
    python tests/corpus/scripts/capture.py pipe real_sksurv_coxph -- python tests/corpus/scripts/sksurv_coxph.py
(plain print(): the same under a terminal, so no pty entry.)
Truth: scikit-survival keeps no per-iteration record; the script wraps the VerboseReporter of
sksurv.linear_model.coxph to note the (iteration, loss) it is handed before it prints them (full
precision). The evaluation values are the returns of the metric functions that were printed.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sksurv.linear_model import CoxPHSurvivalAnalysis
from sksurv.linear_model import coxph as _coxph
from sksurv.metrics import (
    concordance_index_censored,
    cumulative_dynamic_auc,
    integrated_brier_score,
)
from sksurv.util import Surv

seen = []  # (printed iteration, loss) as handed to the reporter
_update = _coxph.VerboseReporter.update


def _noting_update(self, i, delta, loss_new):
    if self.verbose > 1:
        seen.append((i + 1, loss_new))
    return _update(self, i, delta, loss_new)


_coxph.VerboseReporter.update = _noting_update

rng = np.random.RandomState(0)
n = 400
X = pd.DataFrame(
    {
        "age": rng.normal(60, 10, n),
        "dose": rng.uniform(0, 5, n),
        "smoker": rng.binomial(1, 0.3, n).astype(float),
        "bmi": rng.normal(26, 4, n),
    }
)
hazard = np.exp(0.03 * (X.age - 60) - 0.4 * X.dose + 0.7 * X.smoker)
T = rng.exponential(10 / hazard)
C = rng.exponential(15, n)
y = Surv.from_arrays(
    event=T <= C, time=np.minimum(T, C), name_event="Status", name_time="Survival_in_days"
)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

estimator = CoxPHSurvivalAnalysis(alpha=0.1, verbose=3)
estimator.fit(X_train, y_train)

print(pd.Series(estimator.coef_, index=X.columns))

prediction = estimator.predict(X_train)
result = concordance_index_censored(y_train["Status"], y_train["Survival_in_days"], prediction)
print(result)
c_test = estimator.score(X_test, y_test)
print("Test concordance index:", c_test)

times = np.percentile(y_test["Survival_in_days"][y_test["Status"]], [25, 50, 75])
times = times[times < y_train["Survival_in_days"].max()]
auc, mean_auc = cumulative_dynamic_auc(y_train, y_test, estimator.predict(X_test), times)
print(f"time-dependent AUC at {np.round(times, 2)}: {auc}")
print(f"mean AUC: {mean_auc:.4f}")
surv_fns = estimator.predict_survival_function(X_test)
grid = np.linspace(times.min(), times.max(), 10)
preds = np.asarray([[fn(t) for t in grid] for fn in surv_fns])
ibs = integrated_brier_score(y_train, y_test, preds, grid)
print(f"Integrated Brier score: {ibs:.4f}")

series = _truth.Series()
for it, loss in seen:
    series.add("loss", it, None, loss)
last = seen[-1][0]
# concordance_index_censored's tuple: (cindex, concordant, discordant, tied_risk, tied_time)
series.add("concordance_index_censored", last, None, result[0])
series.add("Test concordance index", last, None, c_test)
for a in auc:
    # the AUC per time point is printed as one array after the times: one point each
    series.add("time-dependent AUC", last, None, a)
series.add("mean AUC", last, None, mean_auc)
series.add("Integrated Brier score", last, None, ibs)

_truth.write(
    library=(
        f"scikit-survival {metadata.version('scikit-survival')} (scikit-learn "
        f"{metadata.version('scikit-learn')}, pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/sksurv_coxph.py",
    record=(
        "per iteration: the loss CoxPHSurvivalAnalysis hands its VerboseReporter (no history kept); "
        "then the returns of concordance_index_censored, score(), cumulative_dynamic_auc and "
        "integrated_brier_score"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "CoxPHSurvivalAnalysis(verbose=3) prints per Newton iteration 'iter      1: update = "
        "[-0.02780026  0.21525262 -0.87984951  0.02955609]' (the Newton step of the 4 coefficients, "
        "a numpy array, e-notation in later iterations: estimates' increments, not metrics) and "
        "'iter      1: loss = 1.9310549042' (the negative partial log-likelihood: the metric 'loss', "
        "step = the printed iteration), then 'iter      3: optimization converged' (the last "
        "iteration's number again, no value). print(pd.Series(coef_)) shows the 4 coefficients "
        "('age       0.029364', then 'dtype: float64'): estimates, not metrics. "
        "print(concordance_index_censored(...)) prints the returned tuple with numpy 2 scalar "
        "reprs '(np.float64(0.6545…), np.int64(13447), np.int64(7096), np.int64(0), "
        "np.int64(0))': the first is Harrell's concordance index (series "
        "'concordance_index_censored', named after the function since the tuple has no label), "
        "the other four are counts of concordant / discordant pairs and ties (not metrics). "
        "'Test concordance index: 0.6376944190301921' is score() on the test split. 'time-dependent AUC at "
        "[2.44 4.72 9.3 ]: [0.64737044 0.69744373 0.65032841]' prints the evaluation times (not metrics) and then "
        "the AUC at each (one point per array element, in order), 'mean AUC: 0.6660' and "
        "'Integrated Brier score: 0.1802' (4 decimals printed). The evaluation lines are printed "
        "once after the fit: they sit at the last iteration's step."
    ),
)
