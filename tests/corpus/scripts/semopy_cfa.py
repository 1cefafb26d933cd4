"""semopy, two usages. cfa: three structural-equation models fitted to the same synthetic data, a
user comparing them: per model the fit result, the parameter table (inspect()) and calc_stats()
transposed. objectives: one path model fitted with each of semopy's objectives (MLW, ULS, GLS,
FIML), per fit the result and calc_stats() printed as it comes (a wide one-row frame that pandas
elides to its width).

Versions: semopy 2.3.11, pandas 3.1.1, numpy 2.4.6, scipy 1.17.1, Python 3.11 (semopy imports
statsmodels 0.15.0, held out; nothing of it is printed).
Capture (repository root, venv corpus-zU-1 active):
    python tests/corpus/scripts/capture.py pipe real_semopy_cfa -- python tests/corpus/scripts/semopy_cfa.py cfa
    python tests/corpus/scripts/capture.py pipe real_semopy_objectives -- python tests/corpus/scripts/semopy_cfa.py objectives
    python tests/corpus/scripts/capture.py pty real_semopy_objectives_pty -- python tests/corpus/scripts/semopy_cfa.py objectives
(cfa: semopy prints the same under a terminal; objectives: pandas fits the wide frame to the
terminal's 120 columns, so the pty shows more of its columns.)
Truth: semopy.calc_stats(model), the DataFrame printed (every fit statistic but the degrees of
freedom; objectives: only the columns the print shows), and the optimiser's result object
(SolverResult.fun, printed as 'Objective value').
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import semopy

mode = sys.argv[1] if len(sys.argv) > 1 else "cfa"
STATS = [
    "chi2",
    "chi2 p-value",
    "chi2 Baseline",
    "CFI",
    "GFI",
    "AGFI",
    "NFI",
    "TLI",
    "RMSEA",
    "AIC",
    "BIC",
    "LogLik",
]
library = f"semopy {metadata.version('semopy')} (pandas {pd.__version__}, numpy {np.__version__})"
series = _truth.Series()

if mode == "objectives":
    rng = np.random.default_rng(1)
    n = 250
    x1 = rng.normal(size=n)
    x2 = 0.4 * x1 + rng.normal(size=n)
    m = 0.5 * x1 + 0.3 * x2 + rng.normal(scale=0.8, size=n)
    y = 0.6 * m + 0.2 * x1 + rng.normal(scale=0.7, size=n)
    df = pd.DataFrame({"x1": x1, "x2": x2, "m": m, "y": y})
    desc = "m ~ x1 + x2\ny ~ m + x1"
    shown: set[str] = set()
    for trial, obj in enumerate(["MLW", "ULS", "GLS", "FIML"], start=1):
        model = semopy.Model(desc)
        result = model.fit(df, obj=obj)
        print(f"--- objective {obj} ---")
        print(result)
        stats = semopy.calc_stats(model)
        print(stats)
        series.add("Objective value", trial, None, result.fun)
        # the columns the print shows (repr is what print shows; '...' stands for the rest)
        header = repr(stats).splitlines()[0]
        for stat in STATS:
            if f" {stat} " in f" {header} " and (stat != "chi2" or " chi2 " in f" {header} "):
                series.add(stat, trial, None, stats[stat].iloc[0])
                shown.add(stat)
    _truth.write(
        library=library,
        script="tests/corpus/scripts/semopy_cfa.py",
        record=(
            "semopy.calc_stats(model) (a one-row DataFrame, printed as is) and model.fit()'s "
            "SolverResult.fun"
        ),
        step_kind="trial",
        series=series,
        extra_ok=[],
        not_printed=[s for s in STATS if s not in shown],
        notes=(
            "One path model (m ~ x1 + x2, y ~ m + x1) fitted four times, under a '--- objective "
            "GLS ---' header each (no number printed; step = the fit's place, 1-4). print(result): "
            "'Name of objective: GLS', 'Optimization method: SLSQP', 'Objective value: 0.004' "
            "(SolverResult.fun, 3 decimals; FIML's is a -2 log-likelihood in the hundreds), "
            "'Number of iterations: 12' (a count), 'Params: 0.417 0.364 …' (estimates, not "
            "metrics). print(calc_stats(model)): a one-row frame, row label 'Value', columns DoF "
            "and 'DoF Baseline' (degrees of freedom: counts, printed as integers 4 and 8) then "
            "the fit statistics; pandas shows the first and last few columns and '...' between, "
            "then '[1 rows x 14 columns]' (counts). Only the statistics shown are series; which "
            "ones depends on the width (80 columns piped, 120 under the pty)."
        ),
    )
    sys.exit(0)

rng = np.random.default_rng(0)
n = 300
eta1 = rng.normal(size=n)
eta2 = 0.6 * eta1 + rng.normal(scale=0.8, size=n)
data = {}
for i, load in enumerate([1.0, 0.8, 0.7]):
    data[f"x{i + 1}"] = load * eta1 + rng.normal(scale=0.6, size=n)
for i, load in enumerate([1.0, 0.9, 0.75]):
    data[f"y{i + 1}"] = load * eta2 + rng.normal(scale=0.6, size=n)
data["y3"] += 0.3 * data["x3"]
df = pd.DataFrame(data)

MODELS = {
    "one factor": "f =~ x1 + x2 + x3 + y1 + y2 + y3",
    "two factors, regression": "eta1 =~ x1 + x2 + x3\neta2 =~ y1 + y2 + y3\neta2 ~ eta1",
    "two factors, y3 ~ x3": "eta1 =~ x1 + x2 + x3\neta2 =~ y1 + y2 + y3\neta2 ~ eta1\ny3 ~ x3",
}

for trial, (name, desc) in enumerate(MODELS.items(), start=1):
    print(f"=== {name} ===")
    model = semopy.Model(desc)
    result = model.fit(df)
    print(result)
    print(model.inspect())
    stats = semopy.calc_stats(model)
    print(stats.T)
    print()
    series.add("Objective value", trial, None, result.fun)
    for stat in STATS:
        series.add(stat, trial, None, stats[stat].iloc[0])

_truth.write(
    library=library,
    script="tests/corpus/scripts/semopy_cfa.py",
    record="semopy.calc_stats(model) (a one-row DataFrame, printed transposed) and model.fit()'s SolverResult.fun",
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "Three models in turn, each under a '=== two factors, regression ===' header (no model "
        "number printed; step = the model's place, 1-3). print(result) shows 'Name of objective: "
        "MLW', 'Optimization method: SLSQP', 'Objective value: 0.019' (the fitted objective, "
        "SolverResult.fun, 3 decimals), 'Number of iterations: 21' (a count) and 'Params: 0.785 "
        "0.697 …' (the parameter estimates, not metrics). model.inspect() is a DataFrame of "
        "parameters: lval op rval Estimate 'Std. Err' z-value p-value, one row per loading, "
        "regression and (co)variance; estimates, their standard errors and tests, not metrics. "
        "calc_stats(model).T is a one-column frame 'Value' with rows DoF and 'DoF Baseline' "
        "(degrees of freedom, counts, not metrics) then chi2, chi2 p-value (the model's "
        "goodness-of-fit test), chi2 Baseline, CFI, GFI, AGFI, NFI, TLI, RMSEA, AIC, BIC, LogLik: "
        "the fit statistics, each a series with one point per model, printed with 6 decimals."
    ),
)
