"""Bambi: a hierarchical linear model fitted with PyMC's NUTS, then ArviZ's summary and LOO.

Versions: bambi 0.17.2, pymc 5.28.5, pytensor 2.38.3, arviz 0.23.4 (arviz-plots 0.8.0),
matplotlib 3.10.9 (arviz-plots 0.8.0 fails to import with matplotlib 3.11), rich 15.0.0,
pandas 3.1.1, numpy 2.4.6, Python 3.11 (venv corpus-zx-3).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_bambi_nuts_loo -- python tests/corpus/scripts/bambi_fit.py
    python tests/corpus/scripts/capture.py pty real_bambi_nuts_loo_pty -- python tests/corpus/scripts/bambi_fit.py
What a Bambi user runs: print(model) (formula, family, priors: configuration), model.fit()
(PyMC's NUTS log lines and rich progress table, its warnings), print(az.summary(idata)) and
print(az.loo(idata)).
Truth: the objects ArviZ returns. az.loo's ELPDData holds elpd_loo (the expected log pointwise
predictive density, a measure of the fit like a log-likelihood) and p_loo (the effective number
of parameters, a statistic of the fit) with se: the series. az.summary's DataFrame holds the
posterior estimates (mean, sd, hdi_3%, hdi_97%: estimates of the model's parameters, NOT
metrics) and the convergence diagnostics mcse_mean, mcse_sd, ess_bulk, ess_tail, r_hat, which
ArviZ itself computes and returns in that frame: diagnostics of the sampler, so a reader that
stores them is not inventing (extra_ok, as in the PyMC, NumPyro and Pyro entries), but they are
per-parameter one-off values with no step, so they are not series.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import arviz as az
import bambi as bmb
import numpy as np
import pandas as pd

rng = np.random.default_rng(0)
n = 60
g = rng.integers(0, 4, n)
x = rng.normal(size=n)
y = 1.0 + 0.8 * x + np.array([-0.5, 0.0, 0.3, 0.6])[g] + rng.normal(0, 0.7, n)
data = pd.DataFrame({"y": y, "x": x, "g": pd.Categorical(g)})

model = bmb.Model("y ~ x + (1|g)", data)
print(model)
idata = model.fit(
    draws=300, tune=300, chains=2, cores=1, random_seed=0, idata_kwargs={"log_likelihood": True}
)
summary = az.summary(idata)
print(summary)
loo = az.loo(idata)
print(loo)

series = _truth.Series()
series.add("elpd_loo", None, None, loo["elpd_loo"])
series.add("p_loo", None, None, loo["p_loo"])

_truth.write(
    library=(
        f"bambi {metadata.version('bambi')} (pymc {metadata.version('pymc')}, pytensor "
        f"{metadata.version('pytensor')}, arviz {az.__version__}, rich {metadata.version('rich')}, "
        f"pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/bambi_fit.py",
    record=(
        "az.loo(idata) (ArviZ's ELPDData: elpd_loo, p_loo, se); az.summary(idata)'s DataFrame for "
        "what the summary table is (estimates and diagnostics, no series)"
    ),
    step_kind="none",
    series=series,
    extra_ok=[
        "SE (the standard error of elpd_loo in az.loo's table)",
        "Step size (the NUTS step size per chain in the sampling table)",
        "Speed draws/s (sampling throughput)",
        "mcse_mean mcse_sd ess_bulk ess_tail r_hat (convergence diagnostics per parameter in "
        "az.summary)",
    ],
    not_printed=["loo_i and pareto_k per observation (ELPDData keeps them; not printed)"],
    notes=(
        "print(model): right-aligned 'key: value' lines, 'Formula: y ~ x + (1|g)', 'Family: "
        "gaussian', 'Link: mu = identity', 'Observations: 60' (a count), 'Priors:', then indented "
        "prior lines 'Intercept ~ Normal(mu: 1.3037, sigma: 2.5967)', '1|g ~ Normal(mu: 0.0, "
        "sigma: HalfNormal(sigma: 2.5967))', 'sigma ~ HalfStudentT(nu: 4.0, sigma: 1.0139)': the "
        "model's configuration, no metric. model.fit(): 'Initializing NUTS using "
        "jitter+adapt_diag...', PyTensor's UserWarning that it could not link to a BLAS, "
        "'Sequential sampling (2 chains in 1 job)', 'NUTS: [sigma, Intercept, x, 1|g_sigma, "
        "1|g_offset]', PyMC's rich table, one row per chain: Progress bar, Draws (600, a count), "
        "Divergences (a count), Step size (extra_ok), Grad evals (a count), Speed ('791.31' with "
        "'draws/s' wrapped onto the next line: extra_ok), Elapsed, Remaining (in a pipe drawn "
        "once, 80 columns, header cut: 'Progre…', 'Diverg…'; under the terminal redrawn live, 120 "
        "columns). Then 'Sampling 2 chains for 300 tune and 300 draw iterations (600 + 600 draws "
        "total) took 2 seconds.' (settings, a time), 'There were 2 divergences after tuning.' "
        "(a count), the 4-chains advice and rhat / ESS warnings (thresholds 1.01 and 100: "
        "constants). print(az.summary(idata)): a pandas table, rows sigma, Intercept, x, "
        "1|g_sigma, 1|g[0]..1|g[3] (the model's parameters), columns mean, sd, hdi_3%, hdi_97% "
        "(posterior estimates: NOT metrics), mcse_mean, mcse_sd, ess_bulk, ess_tail, r_hat "
        "(diagnostics: extra_ok); a pipe (80 columns) elides the middle columns with '...', the "
        "120-column terminal shows them all; then '[8 rows x 9 columns]' (counts). print(az.loo("
        "idata)): 'Computed from 600 posterior samples and 60 observations log-likelihood "
        "matrix.' (counts), a table with columns Estimate and SE and rows elpd_loo ('-63.07 "
        "4.53') and p_loo ('5.59 -'), '------', then 'Pareto k diagnostic values:' with a table "
        "of k intervals, Count and Pct. (counts and their shares, not metrics). Series: "
        "elpd_loo and p_loo (the Estimate column, two decimals printed, truth at full precision), "
        "no step (one fit)."
    ),
)
