"""emcee's "Fitting a model to data" tutorial as a script: a line with an underestimated error
fitted by maximum likelihood (scipy.optimize.minimize, 'Maximum likelihood estimates:' then
'm = -1.003' ...), then EnsembleSampler.run_mcmc(..., progress=True) with its tqdm bar, the
autocorrelation times print(tau), print(flat_samples.shape), the posterior percentiles printed as
the tutorial's LaTeX strings ('\\mathrm{m} = -1.009_{-0.078}^{0.079}'), and the quickstart's
'Mean acceptance fraction: 0.xxx' / 'Mean autocorrelation time: 39.123 steps'.

Versions: emcee 3.1.6, numpy 2.4.6, scipy 1.17.1, tqdm 4.70.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zh-1):
    python tests/corpus/scripts/capture.py pipe real_emcee_fit -- python tests/corpus/scripts/emcee_fit.py
    python tests/corpus/scripts/capture.py pty real_emcee_fit_pty -- python tests/corpus/scripts/emcee_fit.py
Truth: the sampler's own record after the run: sampler.acceptance_fraction (per walker, its mean
printed) and sampler.get_autocorr_time() (per parameter, its mean printed). The bar's postfix is
empty (emcee sets none): it shows only counts, a rate and times.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import emcee
import numpy as np
from scipy.optimize import minimize

np.random.seed(123)
m_true, b_true, f_true = -0.9594, 4.294, 0.534
N = 50
x = np.sort(10 * np.random.rand(N))
yerr = 0.1 + 0.5 * np.random.rand(N)
y = m_true * x + b_true
y += np.abs(f_true * y) * np.random.randn(N)
y += yerr * np.random.randn(N)


def log_likelihood(theta, x, y, yerr):
    m, b, log_f = theta
    model = m * x + b
    sigma2 = yerr**2 + model**2 * np.exp(2 * log_f)
    return -0.5 * np.sum((y - model) ** 2 / sigma2 + np.log(sigma2))


np.random.seed(42)
nll = lambda *args: -log_likelihood(*args)  # noqa: E731
initial = np.array([m_true, b_true, np.log(f_true)]) + 0.1 * np.random.randn(3)
soln = minimize(nll, initial, args=(x, y, yerr))
m_ml, b_ml, log_f_ml = soln.x
print("Maximum likelihood estimates:")
print(f"m = {m_ml:.3f}")
print(f"b = {b_ml:.3f}")
print(f"f = {np.exp(log_f_ml):.3f}")


def log_prior(theta):
    m, b, log_f = theta
    if -5.0 < m < 0.5 and 0.0 < b < 10.0 and -10.0 < log_f < 1.0:
        return 0.0
    return -np.inf


def log_probability(theta, x, y, yerr):
    lp = log_prior(theta)
    if not np.isfinite(lp):
        return -np.inf
    return lp + log_likelihood(theta, x, y, yerr)


pos = soln.x + 1e-4 * np.random.randn(32, 3)
nwalkers, ndim = pos.shape
sampler = emcee.EnsembleSampler(nwalkers, ndim, log_probability, args=(x, y, yerr))
sampler.run_mcmc(pos, 4000, progress=True)

tau = sampler.get_autocorr_time()
print(tau)
flat_samples = sampler.get_chain(discard=100, thin=15, flat=True)
print(flat_samples.shape)
labels = ["m", "b", "log(f)"]
for i in range(ndim):
    mcmc = np.percentile(flat_samples[:, i], [16, 50, 84])
    q = np.diff(mcmc)
    txt = "\\mathrm{{{3}}} = {0:.3f}_{{-{1:.3f}}}^{{{2:.3f}}}"
    txt = txt.format(mcmc[1], q[0], q[1], labels[i])
    print(txt)
acc = float(np.mean(sampler.acceptance_fraction))
print(f"Mean acceptance fraction: {acc:.3f}")
mean_tau = float(np.mean(sampler.get_autocorr_time()))
print(f"Mean autocorrelation time: {mean_tau:.3f} steps")

series = _truth.Series()
series.add("Mean acceptance fraction", None, None, acc)
series.add("Mean autocorrelation time", None, None, mean_tau)
_truth.write(
    library=f"emcee {emcee.__version__} (numpy {np.__version__}, tqdm {metadata.version('tqdm')})",
    script="tests/corpus/scripts/emcee_fit.py",
    record=(
        "sampler.acceptance_fraction (per walker) and sampler.get_autocorr_time() (per "
        "parameter), the EnsembleSampler's own record after run_mcmc, their means as printed"
    ),
    step_kind="none",
    series=series,
    extra_ok=[
        "it/s (iterations per second of the bar)",
        "the printed array of the three autocorrelation times (print(tau): per-parameter "
        "sampler diagnostics, unnamed, as n_eff in real_numpyro_nuts)",
    ],
    not_printed=[],
    notes=(
        "Output: 'Maximum likelihood estimates:' then 'm = -1.003', 'b = 4.528', 'f = 0.454' "
        "(scipy's maximum-likelihood estimates of the model's parameters: estimates, no metric); "
        "emcee's tqdm bar on stderr over 4000 steps with no postfix ('100%|##########| 4000/4000 "
        "[00:05<00:00, 712.34it/s]': counts, a rate and times); print(tau), an unnamed numpy "
        "array of autocorrelation times per parameter ('[39.1 40.2 38.7]'); print of the flat "
        "chain's shape '(8320, 3)' (counts); three posterior summaries in the tutorial's LaTeX "
        "'\\mathrm{m} = -1.009_{-0.078}^{0.079}' (median and 16/84% distances: estimates, no "
        "metric); then the two summary statistics of the run that are the series, 'Mean "
        "acceptance fraction: 0.xxx' and 'Mean autocorrelation time: 39.123 steps' ('steps' is "
        "the unit). Judgment: both are final statistics of the sampler's run, held by the sampler "
        "(acceptance_fraction, get_autocorr_time()), so metrics without a step; the fitted "
        "parameters and percentiles are not."
    ),
)
