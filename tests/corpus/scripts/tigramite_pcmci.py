"""tigramite's PCMCI causal discovery on a synthetic 3-variable time series, as its tutorial
runs it: PCMCI(..., verbosity=1 or 2).run_pcmci(tau_max, pc_alpha=None, alpha_level=0.01),
then the p-value and MCI partial-correlation matrices printed and print_significant_links().

Versions: tigramite 5.2.10.1, numpy 2.4.6, scipy 1.17.1, Python 3.11 (venv /work/venvs/corpus-zT-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_tigramite_pcmci -- python tests/corpus/scripts/tigramite_pcmci.py 1
    python tests/corpus/scripts/capture.py pipe real_tigramite_pcmci_verbose2 -- python tests/corpus/scripts/tigramite_pcmci.py 2
(tigramite prints with print(), no colour or bar: no pty entries.)
Truth: PCMCI's results dict holds graph, p_matrix, val_matrix, conf_matrix: per-link test
statistics (partial correlations) and their p-values, estimates and tests about the data's
causal links (like a regression's coefficient table), not measures of the run: no series from
them. With verbosity=2, PC1 prints for each variable the model-selection score of every
pc_alpha tried ('pc_alpha=0.05 got score 1570.8991'): an information criterion of the fit, a
metric of the run; tigramite keeps only the winning alpha, so the script wraps the test's own
get_model_selection_criterion and keeps what it returned, in call order (full precision).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from tigramite import data_processing as pp
from tigramite.independence_tests.parcorr import ParCorr
from tigramite.pcmci import PCMCI

verbosity = int(sys.argv[1])
np.random.seed(42)
T = 300
data = np.random.randn(T, 3)
for t in range(2, T):
    data[t, 0] += 0.6 * data[t - 1, 0]
    data[t, 1] += 0.5 * data[t - 1, 1] + 0.4 * data[t - 1, 0]
    data[t, 2] += 0.5 * data[t - 1, 2] - 0.5 * data[t - 2, 1]
dataframe = pp.DataFrame(data, var_names=["X", "Y", "Z"])

parcorr = ParCorr(significance="analytic")
pcmci = PCMCI(dataframe=dataframe, cond_ind_test=parcorr, verbosity=verbosity)

# PCMCI works on its own copy of the test: wrap that one's criterion
test = pcmci.cond_ind_test
scores = []
_criterion = test.get_model_selection_criterion


def _kept_criterion(*args, **kwargs):
    value = _criterion(*args, **kwargs)
    scores.append(value)
    return value


test.get_model_selection_criterion = _kept_criterion
results = pcmci.run_pcmci(tau_max=2, pc_alpha=None, alpha_level=0.01)
print("p-values")
print(results["p_matrix"].round(3))
print("MCI partial correlations")
print(results["val_matrix"].round(2))
pcmci.print_significant_links(
    p_matrix=results["p_matrix"], val_matrix=results["val_matrix"], alpha_level=0.01
)

series = _truth.Series()
common = (
    "run_pcmci(tau_max=2, pc_alpha=None, alpha_level=0.01) with ParCorr. verbosity=1 prints a "
    "'## Step 1: PC1 algorithm for selecting lagged conditions' banner, 'Parameters:' as "
    "'key = value' lines (independence test = par_corr, tau_min = 1, tau_max = 2, pc_alpha = "
    "[0.05, 0.1, 0.2, 0.3, 0.4, 0.5], max_conds_dim = None, max_combinations = 1: configuration), "
    "'## Resulting lagged parent (super)sets:' with 'Variable Y has 3 link(s):', '[pc_alpha = "
    "0.2]' and '(X -1): max_pval = 0.00000, |min_val| =  0.381' per parent (a lagged link: "
    "variable and lag; the largest p-value and smallest absolute partial correlation over the "
    "tests of that link), '## Step 2: MCI algorithm' with its parameters, then '## Significant "
    "links at alpha = 0.01:' and '(Y -2): pval = 0.00000 | val = -0.289' per link. The script "
    "then prints 'p-values' and results['p_matrix'].round(3), 'MCI partial correlations' and "
    "results['val_matrix'].round(2) (3-D numpy arrays [i, j, lag], printed as nested bracketed "
    "rows), and print_significant_links() prints the significant-links block a second time. "
    "Every pval / val / max_pval / |min_val| and matrix entry is a test statistic or p-value "
    "of one causal link: estimates about the data, not metrics of the run (as a coefficient "
    "table's z and p), so no series; link counts, lags and alphas are counts and settings."
)
if verbosity >= 2:
    # one criterion per pc_alpha per variable, printed after that variable's iterations
    for value in scores:
        series.add("score", None, None, value)
    notes = common + (
        " verbosity=2 adds, for each variable and each pc_alpha tried ('# pc_alpha = 0.05 "
        "(1/6):'), every test of PC1: 'Link (X -1) -?> Y (1/6):', 'Subset 0: () gives pval = "
        "0.00000 / val =  0.572', 'Non-significance detected.', the parents after each "
        "dimension ('(X -1): max_pval = 0.00000, |min_val| =  0.484'), 'Algorithm converged for "
        "variable X', then '# Condition selection results:' with '    pc_alpha=0.05 got score "
        "1570.8991 with parents [ (X -1) ]' per alpha (the model-selection criterion of the "
        "regression on those parents, lower is better: series 'score', 6 points per variable, "
        "18 in all, in print order, no step; printed with 4 decimals) and '==> optimal pc_alpha "
        "for variable X is 0.05'. Step 2 adds per link 'link (Y  0) o?o X (3/8):', 'with conds_y "
        "= [ (X -1) ]', 'with conds_x = [ (Y -1) (X -1) (X -2) ]' (no number but lags and counters)."
    )
    record = (
        "ParCorr.get_model_selection_criterion's return values (wrapped; tigramite keeps only "
        "the optimal pc_alpha); results dict (p_matrix, val_matrix) holds link tests only"
    )
else:
    notes = common + " The truth has no series on purpose: any stored series is invented."
    record = (
        "results dict (graph, p_matrix, val_matrix, conf_matrix): link tests, no measure of the run"
    )

_truth.write(
    library=f"tigramite {metadata.version('tigramite')} (numpy {np.__version__})",
    script="tests/corpus/scripts/tigramite_pcmci.py",
    record=record,
    step_kind="trial" if verbosity >= 2 else "none",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=notes,
)
