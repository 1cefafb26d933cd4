"""statsmodels Logit.fit(disp=True) followed by print(result.summary()), the way most users
look at a fitted statsmodels model.

fit(disp=True) prints 'Optimization terminated successfully.' / 'Current function value:
0.487570' / 'Iterations 6'; summary() prints a two-column key/value header (two 'name: value'
pairs per line, right-aligned values) and the coefficient table.  Truth: the result object's own
attributes (mle_retvals['fopt'], prsquared, llf, llnull, llr_pvalue).
Versions: statsmodels 0.15.0, scipy 1.17.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_statsmodels_logit_summary -- python tests/corpus/holdout/scripts/statsmodels_logit.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import statsmodels.api as sm

rng = np.random.default_rng(0)
X = sm.add_constant(rng.normal(size=(300, 3)))
y = (X @ [0.2, 1.0, -1.0, 0.5] + rng.logistic(size=300) > 0).astype(int)
res = sm.Logit(y, X).fit(disp=True)
print(res.summary())

ser = _truth.Series()
ser.add("Current function value", None, None, res.mle_retvals["fopt"])
# summary() prints these in this order: right column of the header, top to bottom
ser.add("Pseudo R-squ.", None, None, res.prsquared)
ser.add("Log-Likelihood", None, None, res.llf)
ser.add("LL-Null", None, None, res.llnull)
ser.add("LLR p-value", None, None, res.llr_pvalue)

_truth.write(
    library="statsmodels 0.15.0",
    script="tests/corpus/holdout/scripts/statsmodels_logit.py",
    record="the fitted LogitResults: mle_retvals['fopt'], prsquared, llf, llnull, llr_pvalue",
    step_kind="none",
    series=ser,
    extra_ok=[],
    not_printed=["AIC/BIC (summary2 only)"],
    notes=(
        "One fit, no iterations printed, only the final objective ('Current function value: "
        "0.487570', the mean negative log-likelihood) and 'Iterations 6' (a count). The summary "
        "header has two columns of 'Name: value' pairs per line; the left column is configuration "
        "(Dep. Variable, Model, Method, Date, Time, converged: True, Covariance Type), the right one "
        "holds counts (No. Observations, Df Residuals, Df Model: not metrics) and the fit statistics "
        "that are the series here. The coefficient table (coef, std err, z, P>|z|, [0.025 0.975] "
        "per regressor) holds model parameters and their inference, not training metrics. The Time "
        "field (13:42:25) is a clock time. Values have no step."
    ),
)
