"""PyMC: a small linear regression fitted by ADVI (pm.fit, its rich 'Fitting:' bar with
'Average Loss = …' and the closing 'Finished [100%]: Average Loss = …' log line), then sampled by
NUTS (pm.sample: rich per-chain table) and summarised with print(az.summary(idata)).

Versions: pymc 5.28.5, pytensor 2.38.3, arviz 0.23.4, rich 15.0.0, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/other-f; about 20 s, PyTensor compiles C at first run):
    python tests/corpus/scripts/capture.py pipe real_pymc_advi_nuts -- python tests/corpus/scripts/pymc_advi_nuts.py
Truth: approx.hist (PyMC's record of every ADVI iteration's loss, the negative ELBO); the bar and
the log line print the mean of its last 1001 finite values at the iteration they were made
(inference.py: the bar's field every 10th iteration, the log line at the end), recomputed here
from approx.hist at full precision. In a pipe rich draws the bar once, in its final state (field
last set at iteration 2991; checked by hand against the .txt).
Only piped: under a terminal the bars' redraws depend on rich's refresh timing (not captured).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import arviz as az
import numpy as np
import pymc as pm

N = 3000


def avg_loss(hist: np.ndarray, i: int) -> float:
    window = hist[max(0, i - 1000) : i + 1]
    return float(np.mean(window[np.isfinite(window)].astype("float64")))


rng = np.random.default_rng(0)
x = rng.normal(size=50)
y = 1.5 * x + 0.5 + rng.normal(scale=0.7, size=50)
with pm.Model():
    a = pm.Normal("a", 0, 5)
    b = pm.Normal("b", 0, 5)
    sigma = pm.HalfNormal("sigma", 2)
    pm.Normal("y", a + b * x, sigma, observed=y)
    approx = pm.fit(n=N, method="advi", random_seed=0)
    idata = pm.sample(draws=300, tune=300, chains=2, cores=1, random_seed=0)
print(az.summary(idata))

hist = np.asarray(approx.hist)
assert len(hist) == N
last_bar = (N - 1) // 10 * 10  # the last iteration whose loss the bar's field shows
series = _truth.Series()
series.add("Average Loss", last_bar + 1, None, avg_loss(hist, last_bar))
series.add("Average Loss", N, None, avg_loss(hist, N - 1))

_truth.write(
    library=(
        f"pymc {metadata.version('pymc')} (pytensor {metadata.version('pytensor')}, "
        f"arviz {metadata.version('arviz')})"
    ),
    script="tests/corpus/scripts/pymc_advi_nuts.py",
    record=(
        "approx.hist (the loss of every ADVI iteration); the printed 'Average Loss' is the mean "
        "of its last 1001 values at the iteration shown"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "Step size (the NUTS step size per chain in the sampling table)",
        "Speed draws/s (sampling throughput)",
        "mcse_mean mcse_sd ess_bulk ess_tail r_hat (convergence diagnostics per parameter in "
        "az.summary)",
    ],
    not_printed=["the loss of each ADVI iteration (only running means are shown)"],
    notes=(
        "ArviZ's FutureWarning banner first. ADVI: a rich bar drawn once in a pipe, its final "
        "state 'Fitting: ━━━━ 100% 0:00:00 Average Loss = 104.64' (percentage and time are "
        "progress; the loss is the negative ELBO averaged over the last 1001 iterations, "
        "'{:,.5g}', set every 10 iterations, so the bar's last value is at iteration 2991), then "
        "the pymc logger's 'Finished [100%]: Average Loss = 104.53' (iteration 3000). Neither "
        "line prints the iteration. NUTS: 'Initializing NUTS using jitter+adapt_diag...', "
        "'Sequential sampling (2 chains in 1 job)', a rich table one row per chain with columns "
        "Progress, Draws (600: a count), Divergences (a count), Step size (extra_ok), Grad evals "
        "(a count), Speed ('3812.23' with 'draws/s' wrapped onto the next line; extra_ok), "
        "Elapsed, Remaining; its header is cut to 80 columns ('Progre…', 'Diverg…'). 'Sampling 2 "
        "chains for 300 tune and 300 draw iterations (600 + 600 draws total) took 0 seconds.' "
        "(settings and time). print(az.summary(idata)): a pandas table, rows a, b, sigma, "
        "columns mean, sd, hdi_3%, hdi_97% (posterior estimates of the model's parameters, not "
        "metrics of the run, as in the NumPyro and Pyro entries), '...' for the hidden mcse_mean, "
        "then mcse_sd, ess_bulk, ess_tail, r_hat (diagnostics: extra_ok), and '[3 rows x 9 "
        "columns]'."
    ),
)
