"""linearmodels estimators and their printed summaries: PanelOLS with entity effects and
clustered errors, print(res); IV2SLS with robust errors, print(res.summary), print(res.first_stage),
print(res.wu_hausman()), print(res.sargan).

Versions: linearmodels 7.1 (statsmodels 0.15.0 for the summary tables, pandas 3.1.1, numpy 2.4.6),
Python 3.11.
Capture (repository root, venv /work/venvs/corpus-j-1):
    python tests/corpus/scripts/capture.py pipe real_linearmodels_panelols -- python tests/corpus/scripts/linearmodels_fit.py panel
    python tests/corpus/scripts/capture.py pipe real_linearmodels_iv2sls -- python tests/corpus/scripts/linearmodels_fit.py iv
(plain print(): the same under a terminal, so no pty entries.)
Truth: the results objects' fit statistics (rsquared..., loglik, f_statistic, f_pooled,
first_stage.diagnostics, wu_hausman(), sargan); the estimators iterate nothing, so every series
has one point per printed figure and no step.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from linearmodels.iv import IV2SLS
from linearmodels.panel import PanelOLS

which = sys.argv[1]
series = _truth.Series()
LIB = (
    f"linearmodels {metadata.version('linearmodels')} (statsmodels {metadata.version('statsmodels')}, "
    f"pandas {pd.__version__}, numpy {np.__version__})"
)
SCRIPT = "tests/corpus/scripts/linearmodels_fit.py"
rng = np.random.default_rng(0)


def add(name, value):
    series.add(name, None, None, value)


if which == "panel":
    n_firms, n_years = 60, 8
    firm = np.repeat(np.arange(n_firms), n_years)
    year = np.tile(np.arange(2010, 2010 + n_years), n_firms)
    effect = rng.normal(size=n_firms)[firm]
    x1 = rng.normal(size=firm.size) + 0.5 * effect
    x2 = rng.normal(size=firm.size)
    y = 1.0 + 0.8 * x1 - 0.5 * x2 + effect + rng.normal(size=firm.size)
    df = pd.DataFrame(
        {"firm": firm, "year": pd.to_datetime(year.astype(str)), "y": y, "x1": x1, "x2": x2}
    ).set_index(["firm", "year"])
    mod = PanelOLS.from_formula("y ~ 1 + x1 + x2 + EntityEffects", data=df)
    res = mod.fit(cov_type="clustered", cluster_entity=True)
    print(res)
    add("R-squared", res.rsquared)
    add("R-squared (Between)", res.rsquared_between)
    add("R-squared (Within)", res.rsquared_within)
    add("R-squared (Overall)", res.rsquared_overall)
    add("Log-likelihood", res.loglik)
    add("F-statistic", res.f_statistic.stat)
    add("P-value", res.f_statistic.pval)
    add("F-statistic (robust)", res.f_statistic_robust.stat)
    add("P-value", res.f_statistic_robust.pval)
    add("F-test for Poolability", res.f_pooled.stat)
    add("P-value", res.f_pooled.pval)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "PanelOLSResults: rsquared, rsquared_between, rsquared_within, rsquared_overall, "
            "loglik, f_statistic, f_statistic_robust, f_pooled (stat and pval)"
        ),
        step_kind="none",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "print(res) shows 'PanelOLS Estimation Summary', a two-column header: left 'Dep. "
            "Variable: y', 'Estimator: PanelOLS', 'No. Observations: 480', 'Date:', 'Time:', "
            "'Cov. Estimator: Clustered', 'Entities: 60', 'Avg Obs: 8.0000', 'Min Obs:', 'Max "
            "Obs:', 'Time periods: 8' and again 'Avg Obs: 60.000'... (settings, counts, a "
            "timestamp: not metrics); right 'R-squared: 0.4768', 'R-squared (Between): 0.5782', "
            "'R-squared (Within):', 'R-squared (Overall):', 'Log-likelihood -658.68' (no colon), "
            "'F-statistic: 190.46', 'P-value 0.0000' (no colon), 'Distribution: F(2,418)' (degrees "
            "of freedom, not a metric), then 'F-statistic (robust): 239.34' with its own 'P-value' "
            "and 'Distribution:'. Then the 'Parameter Estimates' table (Parameter, Std. Err., "
            "T-stat, P-value, Lower CI, Upper CI per regressor: estimates and their tests, not "
            "metrics), 'F-test for Poolability: 5.3764', 'P-value: 0.0000', 'Distribution: "
            "F(59,418)', 'Included effects: Entity'. The fit's statistics are series with one "
            "point each and no step; 'P-value' is one series of three points in print order (the "
            "F-statistic's, the robust F-statistic's, the poolability test's), as printed."
        ),
    )

elif which == "iv":
    n = 500
    z1, z2, u = rng.normal(size=n), rng.normal(size=n), rng.normal(size=n)
    exper = rng.uniform(0, 20, n)
    educ = 12 + 0.8 * z1 + 0.5 * z2 + 0.5 * u + rng.normal(size=n)
    lwage = 0.5 + 0.08 * educ + 0.02 * exper + 0.5 * u + rng.normal(scale=0.5, size=n)
    df = pd.DataFrame({"lwage": lwage, "educ": educ, "exper": exper, "z1": z1, "z2": z2})
    res = IV2SLS.from_formula("lwage ~ 1 + exper + [educ ~ z1 + z2]", df).fit(cov_type="robust")
    print(res.summary)
    first = res.first_stage
    print(first)
    wu = res.wu_hausman()
    print(wu)
    sargan = res.sargan
    print(sargan)
    diag = first.diagnostics.loc["educ"]
    add("R-squared", res.rsquared)
    add("Adj. R-squared", res.rsquared_adj)
    add("F-statistic", res.f_statistic.stat)
    add("P-value (F-stat)", res.f_statistic.pval)
    add("R-squared", diag["rsquared"])
    add("Partial R-squared", diag["partial.rsquared"])
    add("Shea's R-squared", diag["shea.rsquared"])
    add("Partial F-statistic", diag["f.stat"])
    add("P-value (Partial F-stat)", diag["f.pval"])
    add("Statistic", wu.stat)
    add("P-value", wu.pval)
    add("Statistic", sargan.stat)
    add("P-value", sargan.pval)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "IVResults: rsquared, rsquared_adj, f_statistic; first_stage.diagnostics (rsquared, "
            "partial.rsquared, shea.rsquared, f.stat, f.pval); wu_hausman() and sargan "
            "(WaldTestStatistic stat, pval)"
        ),
        step_kind="none",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "print(res.summary): 'IV-2SLS Estimation Summary', a two-column header (left: 'Dep. "
            "Variable: lwage', 'Estimator: IV-2SLS', 'No. Observations: 500', 'Date:', 'Time:', "
            "'Cov. Estimator: robust'; right: 'R-squared: 0.1020', 'Adj. R-squared: 0.0984', "
            "'F-statistic: 15.090', 'P-value (F-stat) 0.0005' (no colon), 'Distribution: "
            "chi2(2)'), the 'Parameter Estimates' table (estimates, not metrics), then "
            "'Endogenous: educ', 'Instruments: z1, z2', 'Robust Covariance (Heteroskedastic)', "
            "'Debiased: False'. print(res.first_stage): 'First Stage Estimation Results', a "
            "column titled 'educ' with rows 'R-squared 0.4179' (the first-stage regression's: "
            "the series 'R-squared' has two points, second stage then first stage, in print "
            "order), 'Partial R-squared', \"Shea's R-squared\", 'Partial F-statistic 346.89', "
            "'P-value (Partial F-stat) 4.714e-76', 'Partial F-stat Distn chi2(2)', then the "
            "first-stage coefficients with t-stats in parentheses on the next line ('Intercept "
            "12.058' / '(133.46)': estimates, not metrics). print(res.wu_hausman()) and "
            "print(res.sargan): 'Wu-Hausman test of exogeneity' / \"Sargan's test of "
            "overidentification\", an 'H0: ...' line, 'Statistic: 16.5210', 'P-value: 0.0001', "
            "'Distributed: F(1,496)': 'Statistic' and 'P-value' are series of two points each "
            "(Wu-Hausman's then Sargan's). No step anywhere."
        ),
    )
