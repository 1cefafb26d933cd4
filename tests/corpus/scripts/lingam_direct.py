"""LiNGAM's DirectLiNGAM tutorial on its 6-variable synthetic example: fit, causal order,
adjacency matrix, evaluate_model_fit (semopy's fit indices), bootstrap with
print_causal_directions / print_dagc.

Versions: lingam 1.13.0, semopy 2.3.11, numpy 2.2.6, pandas 3.1.1, scikit-learn 1.9.1,
Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zO-1):
    python tests/corpus/scripts/capture.py pipe real_lingam_direct -- python tests/corpus/scripts/lingam_direct.py
    python tests/corpus/scripts/capture.py pty real_lingam_direct_pty -- python tests/corpus/scripts/lingam_direct.py
(pandas prints the fit-index table 80 columns wide into a pipe, eliding middle columns, and as
wide as the terminal under the pty.)
Truth: the DataFrame evaluate_model_fit returns (semopy's calc_stats), restricted to the columns
pandas printed (the printed column names are read from the table's repr: which columns, never
their values). The causal order, adjacency matrix and bootstrap percentages are estimates.
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import lingam
import numpy as np
import pandas as pd
from lingam.utils import evaluate_model_fit, print_causal_directions, print_dagc

np.set_printoptions(precision=3, suppress=True)
np.random.seed(100)
x3 = np.random.uniform(size=1000)
x0 = 3.0 * x3 + np.random.uniform(size=1000)
x2 = 6.0 * x3 + np.random.uniform(size=1000)
x1 = 3.0 * x0 + 2.0 * x2 + np.random.uniform(size=1000)
x5 = 4.0 * x0 + np.random.uniform(size=1000)
x4 = 8.0 * x0 - 1.0 * x2 + np.random.uniform(size=1000)
X = pd.DataFrame(np.array([x0, x1, x2, x3, x4, x5]).T, columns=["x0", "x1", "x2", "x3", "x4", "x5"])

model = lingam.DirectLiNGAM()
model.fit(X)
print(model.causal_order_)
print(model.adjacency_matrix_)
fit = evaluate_model_fit(model.adjacency_matrix_, X)
print(fit)

result = model.bootstrap(X, n_sampling=20)
cdc = result.get_causal_direction_counts(
    n_directions=8, min_causal_effect=0.01, split_by_causal_effect_sign=True
)
print_causal_directions(cdc, 20)
dagc = result.get_directed_acyclic_graph_counts(
    n_dags=3, min_causal_effect=0.01, split_by_causal_effect_sign=True
)
print_dagc(dagc, 20)

# which columns the table showed (pandas elides middle ones to fit the width)
header_words = set()
for line in repr(fit).splitlines():
    if line.startswith("Value"):
        break
    header_words.update(re.split(r"\s{2,}", line.strip()))
COUNTS = {"DoF", "DoF Baseline"}  # degrees of freedom: counts, not metrics
series = _truth.Series()
for col in fit.columns:
    if col in header_words and col not in COUNTS:
        series.add(col, None, None, float(fit.loc["Value", col]))

_truth.write(
    library=(
        f"lingam {metadata.version('lingam')} (semopy {metadata.version('semopy')}, "
        f"numpy {np.__version__}, pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/lingam_direct.py",
    record="lingam.utils.evaluate_model_fit(...) DataFrame (semopy calc_stats), row 'Value'",
    step_kind="none",
    series=series,
    extra_ok=[],
    not_printed=[
        f"{c} (elided by pandas)" for c in fit.columns if c not in header_words and c not in COUNTS
    ],
    notes=(
        "print(model.causal_order_): '[np.int64(3), np.int64(0), ...]' (variable indices); "
        "print(model.adjacency_matrix_): a 6x6 numpy matrix at precision 3 '[[ 0.     0.     "
        "0.     2.994  0.     0.   ]' (the estimated causal coefficients: estimates, not "
        "metrics). print(evaluate_model_fit(...)): a one-row pandas table, row label 'Value', "
        "columns DoF, DoF Baseline (degrees of freedom: counts), chi2, chi2 p-value, chi2 "
        "Baseline, CFI, GFI, AGFI, NFI, TLI, RMSEA, AIC, BIC, LogLik (semopy's fit indices: "
        "the series, one point each, no step). Into a pipe pandas fits 80 columns: '       DoF  "
        "DoF Baseline       chi2  ...        AIC        BIC    LogLik' / 'Value    9            "
        "16  11.129392  ...  23.977741  82.870805  0.011129' and '[1 rows x 14 columns]' "
        "(counts); under the 120-column pty it shows more columns. Only printed columns are "
        "series. Then print_causal_directions: 'x0 <--- x3 (b>0) (100.0%)' (an edge and the "
        "share of 20 bootstrap samples holding it: an estimated edge probability, not a "
        "metric) and print_dagc: 'DAG[0]: 35.0%' (the share of samples giving that DAG) with "
        "its edges on tab-indented lines '\\tx4 <--- x2 (b<0)'."
    ),
)
