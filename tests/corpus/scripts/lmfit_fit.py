"""lmfit fits and their text reports: a composite Model (Gaussian peak on a line) with
print(result.fit_report()); a Minimizer on a residual function with report_fit(), then
conf_interval() and report_ci().

Versions: lmfit 1.3.4 (scipy 1.16.3, numpy 2.4.6), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-j-1):
    python tests/corpus/scripts/capture.py pipe real_lmfit_model_report -- python tests/corpus/scripts/lmfit_fit.py model
    python tests/corpus/scripts/capture.py pipe real_lmfit_minimize_ci -- python tests/corpus/scripts/lmfit_fit.py minimize_ci
(plain print(): the same under a terminal, so no pty entries.)
Truth: the fit result's own statistics (chisqr, redchi, aic, bic, rsquared); lmfit keeps no
per-iteration record and prints none.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from lmfit import Minimizer, Parameters, conf_interval, report_ci, report_fit
from lmfit.models import GaussianModel, LinearModel

which = sys.argv[1]
series = _truth.Series()
LIB = (
    f"lmfit {metadata.version('lmfit')} (scipy {metadata.version('scipy')}, numpy {np.__version__})"
)
SCRIPT = "tests/corpus/scripts/lmfit_fit.py"
STATS_NOTE = (
    "'[[Fit Statistics]]' block of indented 'name = value' lines: '# fitting method   = leastsq', "
    "'# function evals   = 50', '# data points      = 201', '# variables        = 5' (a method "
    "name and counts, not metrics), then 'chi-square         = 2.64347176', 'reduced chi-square = "
    "0.01348710', 'Akaike info crit   = -860.573570', 'Bayesian info crit = -844.057046'"
)
VARS_NOTE = (
    "'[[Variables]]': one line per parameter 'g1_center:     9.18639061 +/- 0.01505307 (0.16%) "
    "(init = 8)' (the estimate, its standard error, the relative error in percent and the start "
    "value: estimates, not metrics; derived parameters end with \"== '2.3548200*g1_sigma'\"); "
    "'[[Correlations]] (unreported correlations are < 0.100)' then 'C(bg_slope, bg_intercept) "
    "= -0.8285' lines (correlations between parameter estimates, not metrics)."
)


def add_stats(result, with_r2):
    series.add("chi-square", None, None, result.chisqr)
    series.add("reduced chi-square", None, None, result.redchi)
    series.add("Akaike info crit", None, None, result.aic)
    series.add("Bayesian info crit", None, None, result.bic)
    if with_r2:
        series.add("R-squared", None, None, result.rsquared)


if which == "model":
    rng = np.random.default_rng(0)
    x = np.linspace(0, 20, 201)
    y = 3.0 * np.exp(-((x - 9.2) ** 2) / (2 * 1.3**2)) + 0.2 * x + 1.0 + rng.normal(0, 0.12, x.size)
    model = GaussianModel(prefix="g1_") + LinearModel(prefix="bg_")
    params = model.make_params(g1_center=8, g1_sigma=2, g1_amplitude=5, bg_slope=0, bg_intercept=0)
    result = model.fit(y, params, x=x)
    print(result.fit_report())
    add_stats(result, True)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="ModelResult.chisqr, redchi, aic, bic, rsquared",
        step_kind="none",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "fit_report() prints '[[Model]]' and the model's repr \"(Model(gaussian, "
            "prefix='g1_') + Model(linear, prefix='bg_'))\", then a "
            + STATS_NOTE
            + " and 'R-squared          = 0.99336867' (the fit's statistics: series, one point "
            "each, no step), then " + VARS_NOTE
        ),
    )

elif which == "minimize_ci":
    rng = np.random.default_rng(1)
    x = np.linspace(0, 15, 301)
    data = 5.0 * np.sin(2.0 * x - 0.1) * np.exp(-x * x * 0.025) + rng.normal(size=x.size, scale=0.2)

    def residual(params, x, data):
        v = params.valuesdict()
        return v["amp"] * np.sin(x * v["omega"] + v["shift"]) * np.exp(-x * x * v["decay"]) - data

    params = Parameters()
    params.add("amp", value=10, min=0)
    params.add("decay", value=0.1)
    params.add("shift", value=0.0, min=-np.pi / 2.0, max=np.pi / 2.0)
    params.add("omega", value=3.0)
    mini = Minimizer(residual, params, fcn_args=(x, data))
    out = mini.minimize(method="leastsq")
    report_fit(out)
    ci = conf_interval(mini, out, sigmas=[1, 2])
    report_ci(ci)
    add_stats(out, False)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="MinimizerResult.chisqr, redchi, aic, bic",
        step_kind="none",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "report_fit(out) prints a "
            + STATS_NOTE
            + " (the fit's statistics: series, one point each, no step; a Minimizer result "
            "prints no R-squared), then "
            + VARS_NOTE
            + " report_ci(ci) then prints a table: header '         95.45%    68.27%    _BEST_    "
            "68.27%    95.45%', one row per parameter 'amp  :  -0.07399  -0.03691   4.99944  "
            "+0.03697  +0.07403' (the confidence bounds of each estimate relative to its best "
            "value: estimates, not metrics)."
        ),
    )
