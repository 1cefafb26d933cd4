"""lifelines' Cox proportional-hazards fit with show_progress=True, then print_summary().

Versions: lifelines 0.30.3, pandas 2.3.3, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_lifelines_coxph -- python tests/corpus/scripts/lifelines_coxph.py
(lifelines prints the same under a terminal: no pty entry.)
Truth: lifelines keeps no per-iteration record of its Newton-Raphson steps: the script tees
sys.stdout during fit() (lifelines prints them with print()), so those values are at their printed
precision. The summary's figures come from the fitted object: log_likelihood_,
concordance_index_, AIC_partial_, log_likelihood_ratio_test().
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
from _fdtee import Tee  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from lifelines import CoxPHFitter  # noqa: E402



rng = np.random.RandomState(0)
n = 400
df = pd.DataFrame(
    {
        "age": rng.normal(60, 10, n),
        "dose": rng.uniform(0, 5, n),
        "smoker": rng.binomial(1, 0.3, n),
        "bmi": rng.normal(26, 4, n),
    }
)
hazard = np.exp(0.03 * (df.age - 60) - 0.4 * df.dose + 0.7 * df.smoker)
T = rng.exponential(10 / hazard)
C = rng.exponential(15, n)
df["T"] = np.minimum(T, C)
df["E"] = (T <= C).astype(int)

cph = CoxPHFitter(penalizer=0.01)
tee = Tee(sys.stdout)
sys.stdout = tee
try:
    # a smaller first step than the default 0.95: more Newton iterations to see
    cph.fit(df, "T", "E", show_progress=True, fit_options={"step_size": 0.4})
finally:
    sys.stdout = tee.under
cph.print_summary(decimals=3)

series = _truth.Series()
pattern = re.compile(
    r"Iteration (\d+): norm_delta = (\S+), step_size = (\S+), log_lik = (\S+), "
    r"newton_decrement = (\S+), seconds_since_start"
)
for m in pattern.finditer("".join(tee.buf)):
    it = int(m.group(1))
    for name, g in (("norm_delta", 2), ("step_size", 3), ("log_lik", 4), ("newton_decrement", 5)):
        series.add(name, it, None, float(m.group(g)))
last = it
lr_test = cph.log_likelihood_ratio_test()
# the summary is printed once, after the last iteration
series.add("partial log-likelihood", last, None, cph.log_likelihood_)
series.add("Concordance", last, None, cph.concordance_index_)
series.add("Partial AIC", last, None, cph.AIC_partial_)
series.add("log-likelihood ratio test", last, None, lr_test.test_statistic)
series.add("-log2(p) of ll-ratio test", last, None, -np.log2(lr_test.p_value))

_truth.write(
    library=f"lifelines {metadata.version('lifelines')} (pandas {pd.__version__}, numpy {np.__version__})",
    script="tests/corpus/scripts/lifelines_coxph.py",
    record=(
        "per iteration: the text fit(show_progress=True) printed, teed (no record kept); summary: "
        "CoxPHFitter.log_likelihood_, concordance_index_, AIC_partial_, log_likelihood_ratio_test()"
    ),
    step_kind="global",
    series=series,
    extra_ok=["seconds_since_start (elapsed seconds of the fit)"],
    not_printed=[],
    notes=(
        "fit(show_progress=True) prints one line per Newton-Raphson iteration, each starting with "
        "'\\r' and ending with '\\n': 'Iteration 3: norm_delta = 5.03e-03, step_size = 0.9500, "
        "log_lik = -756.96006, newton_decrement = 1.54e-03, seconds_since_start = 0.0' (step = the "
        "iteration number), then 'Convergence success after 7 iterations.'. print_summary() then "
        "prints a '<lifelines.CoxPHFitter: fitted with 400 total observations, 244 right-censored "
        "observations>' banner, right-aligned 'key = value' lines (duration col, penalizer = 0.01, "
        "l1 ratio = 0.0, number of observations = 400, number of events observed = 156: settings and "
        "counts, not metrics; 'partial log-likelihood = -756.959' is the fit's log_likelihood_), "
        "the fit's date, a coefficient table per covariate (coef, exp(coef), se(coef), confidence "
        "bounds, cmp to, z, p, -log2(p): estimates of the model's parameters and their tests, not "
        "metrics of the fit; 'p' prints '<0.0005'), then 'Concordance = 0.702', 'Partial AIC = "
        "1519.917', 'log-likelihood ratio test = 74.343 on 3 df' (3 is the degrees of freedom, a "
        "count) and '-log2(p) of ll-ratio test = 50.826'. The summary's five figures are series at "
        "the last iteration's step (printed once, after it), values printed with 3 decimals, truth "
        "at full precision."
    ),
)
