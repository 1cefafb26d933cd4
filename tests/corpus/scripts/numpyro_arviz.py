"""A small NumPyro NUTS fit (one chain, its tqdm bar) summarised the ArviZ way:
print(az.summary(az.from_numpyro(mcmc))), a pandas table of posterior estimates.

Versions: numpyro 0.22.0, jax 0.10.2 (CPU), arviz 0.23.4, pandas 3.1.1, tqdm 4.67, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zc-3):
    python tests/corpus/scripts/capture.py pipe real_numpyro_arviz_summary -- python tests/corpus/scripts/numpyro_arviz.py
    python tests/corpus/scripts/capture.py pty real_numpyro_arviz_summary_pty -- python tests/corpus/scripts/numpyro_arviz.py
Truth: the sampler state NumPyro formats for the bar's postfix (HMCState.mean_accept_prob, full
precision), taken by wrapping the kernel's get_diagnostics_str, which MCMC calls after every
iteration; a tqdm display hook notes which states were actually drawn (timing decides) and at
which position n of the bar (the overall iteration, warmup included: the step). az.summary's
table holds estimates and diagnostics, no metric of the run.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import arviz as az
import jax
import numpy as np
import numpyro
import numpyro.distributions as dist
import tqdm.std
from numpyro.infer import MCMC, NUTS

current: dict = {}
drawn: dict[int, float] = {}


class RecordingNUTS(NUTS):
    def get_diagnostics_str(self, state):
        current["accept"] = float(state.mean_accept_prob)
        return super().get_diagnostics_str(state)


_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    if "accept" in current and self.n > 0 and k.get("msg") is None and not a:
        drawn[self.n] = current["accept"]  # a redraw at the same position: the last one drawn
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display

rng = np.random.RandomState(1)
X = rng.normal(size=(400, 3))
y = X @ np.array([1.5, -0.7, 0.2]) + 0.3 + rng.normal(scale=0.5, size=400)


def model(X, y=None):
    w = numpyro.sample("w", dist.Normal(0, 1).expand([3]))
    b = numpyro.sample("b", dist.Normal(0, 1))
    sigma = numpyro.sample("sigma", dist.HalfNormal(1))
    numpyro.sample("obs", dist.Normal(X @ w + b, sigma), obs=y)


mcmc = MCMC(RecordingNUTS(model), num_warmup=800, num_samples=800)
mcmc.run(jax.random.PRNGKey(0), X, y)
idata = az.from_numpyro(mcmc)
print(az.summary(idata))

series = _truth.Series()
for n in sorted(drawn):
    series.add("acc. prob", n, None, drawn[n])

_truth.write(
    library=(
        f"numpyro {metadata.version('numpyro')} (jax {jax.__version__}, arviz "
        f"{metadata.version('arviz')}, tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/numpyro_arviz.py",
    record=(
        "HMCState.mean_accept_prob that NUTS.get_diagnostics_str formats for the bar, taken "
        "after every iteration; a tqdm display hook notes the drawn states"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "steps of size (the adapted step size, 'of size 3.71e-02')",
        "it/s (iterations per second of the bar)",
        "mcse_mean, mcse_sd, ess_bulk, ess_tail, r_hat (convergence diagnostics per parameter "
        "in az.summary)",
    ],
    not_printed=[],
    notes=(
        "One tqdm bar, total 1600 (800 warmup + 800 samples), redrawn with '\\r': '  0%|  | "
        "0/1600 [00:00<?, ?it/s]' while JAX compiles, then 'warmup:  31%|###  | 497/1600 "
        "[00:01<00:01, 585.16it/s, 7 steps of size 4.87e-01. acc. prob=0.79]', later 'sample: "
        "…'. The postfix is '<num_steps> steps of size <step size>. acc. prob=<mean acceptance "
        "probability>': num_steps (leapfrog steps of the last trajectory) is a count; the step "
        "size is the adapted integrator step (extra_ok, as a learning rate shown by a bar); acc. "
        "prob, the running mean acceptance probability of the phase (reset when sampling "
        "starts), is the series, at the bar position n. ArviZ's logger then warns 'arviz - "
        "WARNING - Shape validation failed: input_shape: (1, 800), minimum_shape: (chains=2, "
        "draws=4)' (one chain: R-hat cannot be computed, so the r_hat column prints NaN). "
        "stdout: print(az.summary(idata)), a "
        "pandas table whose rows are the model's parameters (b, sigma, w[0], w[1], w[2]) and "
        "whose columns are mean, sd, hdi_3%, hdi_97% (posterior estimates of the parameters and "
        "their credible interval: estimates, not metrics of the run), mcse_mean, mcse_sd, "
        "ess_bulk, ess_tail, r_hat (Monte Carlo errors, effective sample sizes and R-hat per "
        "parameter: diagnostics, extra_ok); into a pipe pandas assumes 80 columns and elides the "
        "middle ones with '...' and adds '[5 rows x 9 columns]' (counts); under a 120-column "
        "terminal all nine columns are printed. Which bar states are drawn depends on timing: "
        "this truth belongs to its capture."
    ),
)
