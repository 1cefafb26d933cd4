"""arch's GARCH(1,1) with Student's t errors: arch_model(...).fit(update_freq=5), then
print(res.summary()).

Versions: arch 8.0.0 (scipy 1.16.3, statsmodels 0.15.0 for the summary tables, pandas 3.1.1,
numpy 2.4.6), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-j-1):
    python tests/corpus/scripts/capture.py pipe real_arch_garch -- python tests/corpus/scripts/arch_garch.py
(plain print(): the same under a terminal, so no pty entry.)
Truth: the per-iteration 'Neg. LLF' from arch's own iteration state (arch.univariate.base's
_callback_info, which its display callback prints from), read by wrapping that callback; the
closing SLSQP figure from res.optimization_result.fun; the summary's from the results object
(rsquared, rsquared_adj, loglikelihood, aic, bic).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import arch.univariate.base as arch_base
import numpy as np
import pandas as pd
from arch import arch_model

rng = np.random.default_rng(0)
n = 800
e = rng.standard_t(6, n)
y = np.zeros(n)
s2 = np.ones(n)
for t in range(1, n):
    s2[t] = 0.1 + 0.1 * y[t - 1] ** 2 + 0.85 * s2[t - 1]
    y[t] = np.sqrt(s2[t]) * e[t]
returns = pd.Series(y + 0.05, index=pd.bdate_range("2020-01-01", periods=n), name="returns")

record = []
_orig_callback = arch_base._callback


def _recording_callback(parameters):
    _orig_callback(parameters)
    info = arch_base._callback_info
    if info["iter"] % info["display"] == 0:  # the iterations the callback printed
        record.append((info["iter"], info["llf"]))


arch_base._callback = _recording_callback

am = arch_model(returns, vol="GARCH", p=1, q=1, dist="t")
res = am.fit(update_freq=5)
print(res.summary())

series = _truth.Series()
for it, llf in record:
    series.add("Neg. LLF", it, None, llf)
last = int(res.optimization_result.nit)
series.add("Current function value", last, None, res.optimization_result.fun)
series.add("R-squared", last, None, res.rsquared)
series.add("Adj. R-squared", last, None, res.rsquared_adj)
series.add("Log-Likelihood", last, None, res.loglikelihood)
series.add("AIC", last, None, res.aic)
series.add("BIC", last, None, res.bic)

_truth.write(
    library=f"arch {metadata.version('arch')} (scipy {metadata.version('scipy')}, statsmodels "
    f"{metadata.version('statsmodels')}, pandas {pd.__version__})",
    script="tests/corpus/scripts/arch_garch.py",
    record=(
        "per iteration: arch.univariate.base._callback_info['llf'] (the state arch's display "
        "callback prints), read after each printed iteration; closing block: "
        "res.optimization_result.fun; summary: res.rsquared, rsquared_adj, loglikelihood, aic, bic"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "fit(update_freq=5) prints every fifth SLSQP iteration as 'Iteration:      5,   Func. "
        "Count:     37,   Neg. LLF: 1816.1216178410218' (step = the iteration; Func. Count is a "
        "count of likelihood evaluations, not a metric), then SciPy's SLSQP closing block "
        "'Optimization terminated successfully    (Exit mode 0)' with indented 'Current function "
        "value: 1809.11...' (the final negative log-likelihood, a series at the last iteration), "
        "'Iterations: 16', 'Function evaluations: 106', 'Gradient evaluations: 16' (counts). "
        "res.summary() is a statsmodels-style two-column header: left 'Dep. Variable: returns', "
        "'Mean Model: Constant Mean', 'Vol Model: GARCH', 'Distribution: Standardized Student's "
        "t', 'Method: Maximum Likelihood', 'Date:', 'Time:' (settings and a timestamp); right "
        "'R-squared: 0.000', 'Adj. R-squared: 0.000', 'Log-Likelihood: -1809.11', 'AIC: "
        "3628.23', 'BIC: 3651.65' (the fit's statistics: series at the last iteration's step) "
        "and 'No. Observations: 800', 'Df Residuals: 799', 'Df Model: 1' (counts). Then three "
        "coefficient tables (Mean Model, Volatility Model, Distribution) with coef, std err, t, "
        "P>|t| and a '[lo, hi]' 95% interval per parameter (mu, omega, alpha[1], beta[1], nu): "
        "estimates and their tests, not metrics; then 'Covariance estimator: robust'."
    ),
)
