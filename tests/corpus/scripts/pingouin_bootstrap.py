"""pingouin: a bootstrap loop over a linear regression, printing pingouin's result frame for each
resample, then the full-sample fit and a percentile confidence interval of a coefficient.

Versions: pingouin 0.7.0, pandas 3.1.1, numpy 2.4.6, scipy 1.17.1, Python 3.11 (pingouin imports
statsmodels 0.15.0 and tabulate 0.10.0 (held out); nothing of either is printed: plain print() of
pandas frames, no pg.print_table).
Capture (repository root, venv corpus-zU-1 active):
    python tests/corpus/scripts/capture.py pipe real_pingouin_bootstrap -- python tests/corpus/scripts/pingouin_bootstrap.py
    python tests/corpus/scripts/capture.py pty real_pingouin_bootstrap_pty -- python tests/corpus/scripts/pingouin_bootstrap.py
(Under a terminal pandas fits its frames to the terminal's 120 columns, so the pty output shows
columns that the piped one elides with '...'.)
Truth: the DataFrames pingouin.linear_regression returned (their r2 / adj_r2 columns), for the
columns that the print actually shows.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import pingouin as pg

rng = np.random.default_rng(0)
n = 150
df = pd.DataFrame({"x1": rng.normal(size=n), "x2": rng.normal(size=n), "x3": rng.normal(size=n)})
df["y"] = 0.5 * df.x1 - 0.25 * df.x2 + rng.normal(size=n)
X = ["x1", "x2", "x3"]

frames = []
coefs = []
for b in range(5):
    sample = df.sample(n, replace=True, random_state=b)
    lm = pg.linear_regression(sample[X], sample["y"])
    print(f"Bootstrap resample {b + 1}/5")
    print(lm)
    frames.append(lm)
    coefs.append(lm.loc[lm.names == "x1", "coef"].iloc[0])

full = pg.linear_regression(df[X], df["y"])
print("Full sample")
print(full)
frames.append(full)
ci = pg.compute_bootci(df.x1.values, df.y.values, func="pearson", paired=True, n_boot=500, seed=1)
print("Bootstrap 95% CI of r(x1, y):", ci)
print(f"x1 coef over resamples: mean={np.mean(coefs):.4f} sd={np.std(coefs):.4f}")

# Which columns the prints show (repr is what print shows): pandas elides the middle ones to fit
# its width (80 columns piped; the terminal's under a pty).
series = _truth.Series()
shown_cols = set()
for step, lm in enumerate(frames, start=1):
    shown = repr(lm).splitlines()
    header = shown[0].split()
    shown_cols.update(header)
    for col in ("r2", "adj_r2"):
        if col in header:
            series.add(col, step, None, lm[col].iloc[0])

_truth.write(
    library=(
        f"pingouin {metadata.version('pingouin')} (pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/pingouin_bootstrap.py",
    record="the DataFrames pingouin.linear_regression returned (columns r2, adj_r2; the same value on every row)",
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=[c for c in ("r2", "adj_r2") if c not in shown_cols],
    notes=(
        "Five bootstrap resamples, each 'Bootstrap resample 2/5' (the script's header; step = the "
        "resample, 1-5; the full-sample fit is step 6) then the printed frame of "
        "linear_regression: columns names coef se T pval r2 adj_r2 CI2.5 CI97.5, one row per "
        "term (Intercept, x1, x2, x3). r2 and adj_r2 are the fit's (repeated on every row: one "
        "point per frame); coef, se, T, pval and the CI bounds are estimates and tests of the "
        "coefficients, not metrics. Piped, pandas' 80 columns elide the middle columns ('...', "
        "and a '[4 rows x 9 columns]' footer, counts); under the pty more columns show. Then "
        "'Bootstrap 95% CI of r(x1, y): [0.32 0.58]' (an interval of a correlation, not a metric) "
        "and 'x1 coef over resamples: mean=0.4 sd=0.07' (a coefficient's spread, not a metric)."
    ),
)
