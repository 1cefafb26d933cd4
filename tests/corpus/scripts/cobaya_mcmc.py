"""Cobaya's MCMC sampler on an external Gaussian likelihood (the docs' 'Quickstart example' shape:
an info dict with likelihood, params, sampler mcmc; run(info)), its INFO log as a user sees it.

Versions: cobaya 3.6.2, getdist 1.7.7, numpy 2.4.6, scipy 1.17.1, Python 3.11 (venv
/work/venvs/corpus-zR-2: pip install cobaya; no cosmology code, nothing downloaded, no output
files: no 'output' in the info).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_cobaya_mcmc -- python tests/corpus/scripts/cobaya_mcmc.py
(no pty twin: under a terminal the bytes are the same apart from '\\r\\n', no colours.)
Truth: sampler.progress, the MCMC sampler's own DataFrame of its learn + convergence tests (N,
timestamp, acceptance_rate, Rminus1, Rminus1_cl), one row per test, N the accepted steps the
test used (the step).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from cobaya import run
from scipy import stats


def gaussian_logp(x, y):
    return stats.multivariate_normal.logpdf([x, y], mean=[0.2, 0.1], cov=[[0.1, 0.05], [0.05, 0.2]])


info = {
    "likelihood": {"gaussian": gaussian_logp},
    "params": {
        "x": {"prior": {"min": -2, "max": 2}, "ref": 0.0, "proposal": 0.1},
        "y": {"prior": {"min": -2, "max": 2}, "ref": 0.0, "proposal": 0.1},
    },
    "sampler": {"mcmc": {"Rminus1_stop": 0.01, "max_tries": 1000, "seed": 1}},
}
updated_info, sampler = run(info)

series = _truth.Series()
progress = sampler.progress
for _, row in progress.iterrows():
    n = int(row["N"])
    series.add("Acceptance rate", n, None, row["acceptance_rate"])
    if not np.isnan(row["Rminus1"]):
        series.add("Convergence of means: R-1", n, None, row["Rminus1"])
    if not np.isnan(row["Rminus1_cl"]):
        series.add("Convergence of bounds: R-1", n, None, row["Rminus1_cl"])

_truth.write(
    library=(
        f"cobaya {metadata.version('cobaya')} (getdist {metadata.version('getdist')}, numpy "
        f"{np.__version__}, scipy {metadata.version('scipy')})"
    ),
    script="tests/corpus/scripts/cobaya_mcmc.py",
    record="sampler.progress (cobaya MCMC's DataFrame: N, acceptance_rate, Rminus1, Rminus1_cl)",
    step_kind="global",
    series=series,
    extra_ok=[
        "measured speeds (per sec) (likelihood evaluations per second: '{gaussian: 7090.0}', "
        "a throughput)"
    ],
    not_printed=["progress timestamp (printed only in the 'Progress @ …' line)"],
    notes=(
        "Logging lines '[component] message' (cobaya's format, no time): '[gaussian] "
        "Initialized external likelihood.', '[mcmc] *WARNING* This run has been SEEDED with "
        "seed 1' (a setting), '[mcmc] Initial point: x:0, y:0' (parameter values, not "
        "metrics), '[model] Setting measured speeds (per sec): {gaussian: 7090.0}' (extra_ok), "
        "'[mcmc] Covariance matrix not present. We will start learning the covariance of the "
        "proposal earlier: R-1 = 30 (would be 2 if all params loaded).' (30 and 2 are the "
        "thresholds for learning the proposal: settings, NOT points of the R-1 series), "
        "'[mcmc] Progress @ 2026-12-07 11:30:53 : 1 steps taken, and 0 accepted.' (a timestamp "
        "and counts). Then one block per learn + convergence test: '[mcmc] Learn + convergence "
        "test @ 80 samples accepted.' (a count: the samples accepted so far), '[mcmc]  - "
        "Acceptance rate: 0.621' (3 decimals), '[mcmc]  - Convergence of means: R-1 = 4.209822 "
        "after 64 accepted steps' (the Gelman-Rubin R-1 of the means, computed on the last "
        "64 accepted steps: the record's N, the step of the block's points), '[mcmc]  - "
        "Updated covariance matrix of proposal pdf.'. Once the means converge (R-1 below 0.01 "
        "twice) '[mcmc]  - Convergence of bounds: R-1 = 0.098209 after 1520 accepted steps' "
        "(the R-1 of the credible-interval bounds; it prints the total accepted, the record keeps "
        "it on the row N=1216 of the same test), '[mcmc] The run has converged!', '[mcmc] "
        "Sampling complete after 1520 accepted steps.' (a count). Series named by the label and "
        "the key: 'Convergence of means: R-1', 'Convergence of bounds: R-1'; 'Acceptance rate' "
        "at each test's N."
    ),
)
