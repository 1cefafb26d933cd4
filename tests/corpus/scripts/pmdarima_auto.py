"""pmdarima auto_arima(trace=True) stepwise search on a synthetic ARIMA(2,1,1) series, then the
best model's statsmodels summary.

Versions: pmdarima 2.1.1, statsmodels 0.15.0, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/other-c):
    python tests/corpus/scripts/capture.py pipe real_pmdarima_auto_arima -- python tests/corpus/scripts/pmdarima_auto.py
Truth: AIC of every candidate from the fitted models auto_arima returns with
return_valid_fits=True (each model's own .aic(), full precision), put in print order by the model's
(order, seasonal_order, intercept) read from the trace (the trace's numbers are not used); the
summary's figures from the best model's statsmodels result (llf, aic, bic, hqic).  Nothing here
prints differently under a terminal (plain print()), so there is no pty entry.
"""

import os
import re
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
from _fdtee import Tee  # noqa: E402
import numpy as np  # noqa: E402
import pmdarima as pm  # noqa: E402

warnings.filterwarnings("ignore")



rng = np.random.RandomState(0)
n = 150
e = rng.normal(size=n)
x = np.zeros(n)
for t in range(2, n):
    x[t] = 0.6 * x[t - 1] - 0.2 * x[t - 2] + e[t] + 0.3 * e[t - 1]
y = np.cumsum(x) + 10

tee = Tee(sys.stdout)
sys.stdout = tee
try:
    fits = pm.auto_arima(
        y,
        trace=True,
        seasonal=False,
        stepwise=True,
        suppress_warnings=True,
        error_action="ignore",
        return_valid_fits=True,
    )
finally:
    sys.stdout = tee.under
best = fits[0]
print(best.summary())

by_key = {}
for m in fits:
    by_key[(tuple(m.order), tuple(m.seasonal_order), bool(m.with_intercept))] = m
series = _truth.Series()
trace = re.compile(r"ARIMA\((\d+),(\d+),(\d+)\)\((\d+),(\d+),(\d+)\)\[(\d+)\]\s*(intercept)?\s*:")
for line in "".join(tee.buf).splitlines():
    m = trace.search(line)
    if not m:
        continue
    g = [int(v) for v in m.groups()[:7]]
    model = by_key[(tuple(g[:3]), tuple(g[3:7]), m.group(8) is not None)]
    series.add("AIC", None, None, model.aic())
res = best.arima_res_
series.add("Log Likelihood", None, None, res.llf)
series.add("AIC", None, None, res.aic)
series.add("BIC", None, None, res.bic)
series.add("HQIC", None, None, res.hqic)

_truth.write(
    library=(
        f"pmdarima {metadata.version('pmdarima')} (statsmodels {metadata.version('statsmodels')})"
    ),
    script="tests/corpus/scripts/pmdarima_auto.py",
    record=(
        "auto_arima(return_valid_fits=True): every fitted candidate's .aic(), ordered as the trace "
        "prints the candidates; the best model's arima_res_ (llf, aic, bic, hqic) for the summary"
    ),
    step_kind="trial",
    series=series,
    extra_ok=[
        "Time (seconds one candidate's fit took, the trace's 'Time=0.47 sec')",
        "Total fit time (seconds of the whole search)",
        "Ljung-Box (L1) (Q)",
        "Prob(Q)",
        "Jarque-Bera (JB)",
        "Prob(JB)",
        "Heteroskedasticity (H)",
        "Prob(H) (two-sided)",
        "Skew",
        "Kurtosis",
    ],
    not_printed=[],
    notes=(
        "'Performing stepwise search to minimize aic', then one line per candidate model: "
        "' ARIMA(2,1,2)(0,0,0)[0] intercept   : AIC=438.807, Time=0.47 sec' (the model's orders "
        "(p,d,q)(P,D,Q)[m] are settings, not numbers to store; Time is the fit's duration), "
        "'Best model:  ARIMA(2,1,0)(0,0,0)[0]', 'Total fit time: 13.748 seconds'. One point per "
        "candidate (step_kind trial: pmdarima numbers none of them; step null). Then statsmodels' "
        "SARIMAX summary: a two-column key/value header ('No. Observations: 150' a count, "
        "'Log Likelihood -214.315', 'AIC 434.630' (the best candidate's AIC printed again: the "
        "AIC series' last point), 'BIC', 'HQIC', 'Date:', 'Time: 23:04:55' (a clock time), "
        "'Sample: 0 - 150'), a coefficient table (coef, std err, z, P>|z|, [0.025 0.975] of "
        "ar.L1, ar.L2, sigma2: parameter estimates and their tests, not metrics of the fit, as in "
        "the lifelines entry), and a residual-diagnostics block ('Ljung-Box (L1) (Q): 0.00   "
        "Jarque-Bera (JB): 1.98', 'Prob(Q)', 'Heteroskedasticity (H)', 'Skew', 'Kurtosis'): "
        "goodness-of-fit tests of the residuals, acceptable to store (extra_ok) but not required. "
        "Fit times depend on the machine."
    ),
)
