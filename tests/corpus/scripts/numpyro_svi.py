"""NumPyro SVI as its "Bayesian Regression Using NumPyro" tutorial runs it: SVI(model,
AutoLaplaceApproximation, Adam, Trace_ELBO).run(...) with its tqdm bar, whose postfix is
'init loss: 1234.5678, avg. loss [2851-3000]: 56.7890', then Predictive over the guide's
posterior and numpyro.diagnostics.print_summary of the posterior samples (a table of estimates),
and the tutorial's print of the predictive mean fit.

Versions: numpyro 0.22.0, jax 0.10.2 (CPU), tqdm 4.70.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zh-1):
    python tests/corpus/scripts/capture.py pipe real_numpyro_svi -- python tests/corpus/scripts/numpyro_svi.py
    python tests/corpus/scripts/capture.py pty real_numpyro_svi_pty -- python tests/corpus/scripts/numpyro_svi.py
Truth: SVIRunResult.losses, the per-step ELBO losses svi.run returns (NumPyro's own record):
'init loss' is losses[0]; 'avg. loss [a-b]' is the mean of losses[a-1:b], as svi.run computes
it. A tqdm display hook notes which postfix states were actually drawn (timing decides); the
truth holds exactly those windows, at the window's last step b (svi.run's own 1-based step).
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import jax
import jax.numpy as jnp
import numpy as np
import numpyro
import numpyro.distributions as dist
import tqdm.std
from numpyro.diagnostics import print_summary
from numpyro.infer import SVI, Predictive, Trace_ELBO
from numpyro.infer.autoguide import AutoLaplaceApproximation

drawn: list[str] = []
_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    if self.postfix:
        drawn.append(self.postfix)
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display

rng = np.random.RandomState(0)
N = 20000
marriage = rng.normal(size=N)
age = rng.normal(size=N)
divorce = 0.4 * marriage - 0.6 * age + 0.1 + rng.normal(scale=0.7, size=N)


def model(marriage=None, age=None, divorce=None):
    a = numpyro.sample("a", dist.Normal(0.0, 0.2))
    bM = numpyro.sample("bM", dist.Normal(0.0, 0.5))
    bA = numpyro.sample("bA", dist.Normal(0.0, 0.5))
    sigma = numpyro.sample("sigma", dist.Exponential(1.0))
    mu = a + bM * marriage + bA * age
    numpyro.sample("obs", dist.Normal(mu, sigma), obs=divorce)


guide = AutoLaplaceApproximation(model)
svi = SVI(model, guide, numpyro.optim.Adam(step_size=0.002), Trace_ELBO())
svi_result = svi.run(jax.random.PRNGKey(0), 3000, marriage=marriage, age=age, divorce=divorce)
params = svi_result.params
samples = guide.sample_posterior(jax.random.PRNGKey(1), params, sample_shape=(1000,))
print_summary(samples, 0.89, False)

predictive = Predictive(model, samples)
pred = predictive(jax.random.PRNGKey(2), marriage=marriage, age=age)["obs"]
mean_pred = jnp.mean(pred, axis=0)
print("Mean of the predictions (first 5):", mean_pred[:5])
rmse = float(jnp.sqrt(jnp.mean((mean_pred - divorce) ** 2)))
print(f"Posterior predictive RMSE: {rmse:.4f}")

losses = np.asarray(svi_result.losses, dtype=np.float64)
series = _truth.Series()
windows = []
pat = re.compile(r"init loss: (\S+), avg\. loss \[(\d+)-(\d+)\]: (\S+)")
for text in drawn:
    m = pat.fullmatch(text)
    assert m, text
    a, b = int(m.group(2)), int(m.group(3))
    if (a, b) not in windows:
        windows.append((a, b))
series.add("init loss", 1, None, losses[0])
for a, b in windows:
    # svi.run's own average (a sum of float32 losses in Python, then / batch)
    avg = float(sum(np.float32(x) for x in svi_result.losses[a - 1 : b]) / (b - a + 1))
    assert f"{avg:.4f}" in " ".join(drawn), (a, b, avg)
    series.add("avg. loss", b, None, avg)
series.add("Posterior predictive RMSE", None, None, rmse)

_truth.write(
    library=(
        f"numpyro {metadata.version('numpyro')} (jax {jax.__version__}, tqdm "
        f"{metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/numpyro_svi.py",
    record=(
        "SVIRunResult.losses (the ELBO loss of every SVI step, as svi.run returns it): 'init "
        "loss' = losses[0], 'avg. loss [a-b]' = mean of losses[a-1:b] as svi.run computes it; "
        "the windows are those a tqdm display hook saw drawn. The RMSE is computed by the script "
        "from Predictive's samples and printed by it."
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "it/s (iterations per second of the bar)",
        "n_eff, r_hat (per-parameter diagnostics of the summary table; accepted as in "
        "real_numpyro_nuts)",
    ],
    not_printed=["the loss of each single SVI step (only window averages are printed)"],
    notes=(
        "One tqdm bar on stderr, total 3000 steps; svi.run updates its postfix every 150 steps "
        "(num_steps // 20) with 'init loss: 1234.5678, avg. loss [2851-3000]: 56.7890' and tqdm "
        "shows it at its next redraw (timing decides which windows are drawn; this truth belongs "
        "to its capture). 'init loss' is the loss of step 1, printed unchanged in every postfix: "
        "one point at step 1. 'avg. loss' is the mean loss over the bracketed window of steps; its "
        "step is the window's last step (b in '[a-b]'); the bracket's numbers are steps, not "
        "values. Then numpyro.diagnostics.print_summary prints a table whose rows are the latent "
        "sites (a, bA, bM, sigma) and whose columns are mean, std, median, 5.5%, 94.5%, n_eff, "
        "r_hat: posterior estimates of parameters from 1000 independent draws of the Laplace "
        "approximation (no metric of the run; n_eff and r_hat are accepted as in real_numpyro_nuts). 'Mean of the predictions (first 5): [...]' is an array of "
        "predictions (no metric). 'Posterior predictive RMSE: 0.7012' is the script's one final "
        "metric (no step)."
    ),
)
