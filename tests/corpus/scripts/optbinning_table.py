"""optbinning's OptimalBinning(verbose=True) on a synthetic credit-score-like feature, then the
binning table printed as its tutorial does (print(binning_table.build())) and
binning_table.analysis() (its "General metrics" report and significance tests).

Versions: optbinning 1.0.0, ortools 9.15.6755, scikit-learn 1.9.1, numpy 2.4.6, pandas 3.1.1,
Python 3.11 (venv /work/venvs/corpus-zT-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_optbinning_verbose -- python tests/corpus/scripts/optbinning_table.py
    python tests/corpus/scripts/capture.py pty real_optbinning_verbose_pty -- python tests/corpus/scripts/optbinning_table.py
(pandas fits the binning table to the terminal's width: the pty twin shows more columns.)
Truth: the BinningTable's own figures after build() and analysis(): iv, js, gini and the
attributes analysis() prints (_hellinger, _triangular, _ks, _hhi, _hhi_norm, quality_score);
Cramer's V is not kept by analysis(): the script calls optbinning's own chi2_cramer_v on the
same event / non-event counts analysis() uses.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from optbinning import OptimalBinning
from optbinning.binning.metrics import chi2_cramer_v

np.random.seed(0)  # analysis() draws its Bayesian P[A > B] with np.random
rng = np.random.RandomState(0)
n = 2000
x = rng.normal(650, 60, size=n)  # a score-like variable
p_default = 1 / (1 + np.exp((x - 600) / 35))
y = (rng.uniform(size=n) < p_default).astype(int)

optb = OptimalBinning(name="bureau_score", dtype="numerical", solver="cp", verbose=True)
optb.fit(x, y)
print(optb.status)
print(optb.splits)

binning_table = optb.binning_table
table = binning_table.build()
print(table)
binning_table.analysis()

bt = binning_table
n_metric = len(bt._n_records) - 1 - bt._n_specials  # as analysis() takes the bins
_, cramer_v = chi2_cramer_v(bt.n_nonevent[:n_metric], bt.n_event[:n_metric])

# the table's Totals row: the column's sum, the binning's IV and JS; printed only if pandas
# shows the column
shown = set(repr(table).split())
series = _truth.Series()
if "IV" in shown:
    series.add("Totals IV", None, None, bt.iv)
if "JS" in shown:
    series.add("Totals JS", None, None, bt.js)
for name, value in (
    ("Gini index", bt.gini),
    ("IV (Jeffrey)", bt.iv),
    ("JS (Jensen-Shannon)", bt.js),
    ("Hellinger", bt._hellinger),
    ("Triangular", bt._triangular),
    ("KS", bt._ks),
    ("HHI", bt._hhi),
    ("HHI (normalized)", bt._hhi_norm),
    ("Cramer's V", cramer_v),
    ("Quality score", bt.quality_score),
):
    series.add(name, None, None, value)

_truth.write(
    library=(
        f"optbinning {metadata.version('optbinning')} (ortools {metadata.version('ortools')}, "
        f"pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/optbinning_table.py",
    record=(
        "BinningTable after build() and analysis(): iv, js, gini, quality_score, _hellinger, "
        "_triangular, _ks, _hhi, _hhi_norm; Cramer's V from optbinning's chi2_cramer_v"
    ),
    step_kind="none",
    series=series,
    extra_ok=["Time: 0.0003s (seconds each phase of the fit took, in the INFO lines)"],
    not_printed=[],
    notes=(
        "OptimalBinning(verbose=True) logs to stderr through its own logger, 23 lines like "
        "'2026-12-07 11:17:50,581 | INFO : Pre-processing: number of samples: 2000', "
        "'Pre-binning: number of prebins: 16', 'Pre-processing terminated. Time: 0.0003s', "
        "'Optimizer: monotonic trend set to descending.', 'Optimal binning terminated. Status: "
        "OPTIMAL. Time: 0.0473s' (counts of samples / prebins / refinements: not metrics; Time: "
        "elapsed seconds, extra_ok). The script prints the status 'OPTIMAL', the split points "
        "(an array of thresholds: fitted cut points, not metrics), then print(binning_table."
        "build()): a pandas frame, one row per bin ('(-inf, 553.59)', ..., 'Special', 'Missing') "
        "and a 'Totals' row, columns Bin, Count, Count (%), Non-event, Event, Event rate, WoE, "
        "IV, JS; in an 80-column pipe pandas elides the middle ones with '...' and adds '[14 rows "
        "x 9 columns]' (a 120-column terminal shows all nine, no such line). Per-bin counts, shares, event rates, WoE "
        "and the per-bin IV / JS contributions describe each bin, not the run: not metrics. The "
        "Totals row's IV and JS ('Totals   2000   1.0000  ...   2.195603  0.218648') are the "
        "binning's IV and JS: series 'Totals IV' and 'Totals JS' (row label and column name), one "
        "point each; the per-bin values above them in the same columns, the 'Special' and "
        "'Missing' rows' zeros included, are not in the truth. analysis() then prints a "
        "report: a dashed banner 'OptimalBinning: Binary Binning Table Analysis', 'General "
        "metrics' with right-padded 'Gini index               0.70160132', 'IV (Jeffrey)', 'JS "
        "(Jensen-Shannon)', 'Hellinger', 'Triangular', 'KS', 'HHI', 'HHI (normalized)', "
        "\"Cramer's V\", 'Quality score' (8 decimals; the library's own quality measures of the "
        "binning: series named as printed, one point each, no step), 'Monotonic trend "
        "descending', and 'Significance tests': a table 'Bin A  Bin B  t-statistic  p-value  "
        "P[A > B]  P[B > A]' per pair of adjacent bins (bin indices; chi-square tests and "
        "Bayesian probabilities that two bins' event rates differ: tests about the bins, like "
        "a coefficient table's p-values, not metrics of the run)."
    ),
)
