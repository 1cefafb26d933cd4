"""zeus (ensemble slice sampling) as its quickstart runs it: EnsembleSampler.run_mcmc(start,
nsteps) with its 'Initialising ensemble of 16 walkers...' line and tqdm 'Sampling progress' bar,
then sampler.summary (logging.info lines, the root logger set up by zeus).

Versions: zeus-mcmc 2.5.4, numpy 1.26.4, tqdm 4.70.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zG-1):
    python tests/corpus/scripts/capture.py pipe real_zeus_summary -- python tests/corpus/scripts/zeus_sampler.py
    python tests/corpus/scripts/capture.py pty real_zeus_summary_pty -- python tests/corpus/scripts/zeus_sampler.py
Truth: the sampler's own attributes after the run, the ones sampler.summary formats: np.mean(act)
(Mean Integrated Autocorrelation Time), ess (Effective Sample Size), efficiency (Effective
Samples per Log Probability Evaluation); step = the number of generations (samples.length).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import zeus

np.random.seed(42)
ndim, nwalkers, nsteps = 5, 16, 500
A = np.random.randn(ndim, ndim)
cov = A @ A.T / ndim + 0.5 * np.eye(ndim)
icov = np.linalg.inv(cov)
mu = np.random.rand(ndim)


def log_prob(x):
    d = x - mu
    return -0.5 * d @ icov @ d


start = 0.01 * np.random.randn(nwalkers, ndim)
sampler = zeus.EnsembleSampler(nwalkers, ndim, log_prob)
sampler.run_mcmc(start, nsteps)
sampler.summary  # noqa: B018 (a property that logs the summary, as zeus documents it)

step = int(sampler.samples.length)
series = _truth.Series()
series.add("Mean Integrated Autocorrelation Time", step, None, float(np.mean(sampler.act)))
series.add("Effective Sample Size", step, None, float(sampler.ess))
series.add(
    "Effective Samples per Log Probability Evaluation", step, None, float(sampler.efficiency)
)
_truth.write(
    library=f"zeus-mcmc {metadata.version('zeus-mcmc')} (numpy {np.__version__}, tqdm {metadata.version('tqdm')})",
    script="tests/corpus/scripts/zeus_sampler.py",
    record=(
        "EnsembleSampler attributes after run_mcmc: act (per parameter; its mean printed, "
        "rounded to 2 places), ess (rounded to 2), efficiency (rounded to 6)"
    ),
    step_kind="global",
    series=series,
    extra_ok=["it/s, the bar's sampling rate"],
    not_printed=[],
    notes=(
        "'Initialising ensemble of 16 walkers...' (a count), then tqdm's bar 'Sampling progress "
        ":  52%|█████▏    | 260/500 [00:00<00:00, 1553.26it/s]' redrawn with '\\r' (percent, "
        "generations done/total, times and a rate: no metric but the rate), then sampler.summary "
        "as logging.info lines with no prefix: 'Summary', '-------', 'Number of Generations: "
        "500', 'Number of Parameters: 5', 'Number of Walkers: 16', 'Number of Tuning "
        "Generations: 38' (counts), 'Scale Factor: 0.854188' (the tuned slice-width factor mu: "
        "a sampler setting it adapted, not a metric), 'Mean Integrated Autocorrelation Time: "
        "4.74', 'Effective Sample Size: 759.98' (metrics), 'Number of Log Probability "
        "Evaluations: 18125' (a count), 'Effective Samples per Log Probability Evaluation: "
        "0.04193' (a metric). The three metrics are printed once, at the end (step = the 500 "
        "generations)."
    ),
)
