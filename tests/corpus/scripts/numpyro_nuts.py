"""NumPyro NUTS on a synthetic Bayesian linear regression: MCMC.run's tqdm bar, then
print_summary().

Versions: numpyro 0.22.0, jax 0.10.2 (CPU), tqdm 4.67, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/other-c):
    python tests/corpus/scripts/capture.py pipe real_numpyro_nuts -- python tests/corpus/scripts/numpyro_nuts.py
    python tests/corpus/scripts/capture.py pty real_numpyro_nuts_pty -- python tests/corpus/scripts/numpyro_nuts.py
Truth: the sampler state NumPyro formats for the bar's postfix (HMCState.mean_accept_prob, full
precision), taken by wrapping the kernel's get_diagnostics_str, which MCMC calls after every
iteration; a tqdm display hook notes which states were actually drawn (timing decides) and at
which position n of the bar (the overall iteration, warmup included: the step).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import jax  # noqa: E402
import numpy as np  # noqa: E402
import numpyro  # noqa: E402
import numpyro.distributions as dist  # noqa: E402
import tqdm.std  # noqa: E402
from numpyro.infer import MCMC, NUTS  # noqa: E402

current: dict = {}
drawn: dict[int, dict] = {}


class RecordingNUTS(NUTS):
    def get_diagnostics_str(self, state):
        current.clear()
        current.update(
            accept=float(state.mean_accept_prob), step_size=float(state.adapt_state.step_size)
        )
        return super().get_diagnostics_str(state)


_orig_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    if current and self.n > 0:
        drawn[self.n] = dict(current)  # a redraw at the same position: the last one drawn
    return _orig_display(self, *a, **k)


tqdm.std.tqdm.display = display

rng = np.random.RandomState(0)
X = rng.normal(size=(3000, 2))
y = X @ np.array([1.5, -0.7]) + 0.3 + rng.normal(scale=0.5, size=3000)


def model(X, y=None):
    w = numpyro.sample("w", dist.Normal(0, 1).expand([2]))
    b = numpyro.sample("b", dist.Normal(0, 1))
    sigma = numpyro.sample("sigma", dist.HalfNormal(1))
    numpyro.sample("obs", dist.Normal(X @ w + b, sigma), obs=y)


mcmc = MCMC(RecordingNUTS(model), num_warmup=1000, num_samples=1000)
mcmc.run(jax.random.PRNGKey(0), X, y)
mcmc.print_summary()

series = _truth.Series()
for n in sorted(drawn):
    series.add("acc. prob", n, None, drawn[n]["accept"])

_truth.write(
    library=(
        f"numpyro {metadata.version('numpyro')} (jax {jax.__version__}, tqdm "
        f"{metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/numpyro_nuts.py",
    record=(
        "HMCState.mean_accept_prob (and adapt_state.step_size) that NUTS.get_diagnostics_str "
        "formats for the bar, taken after every iteration; a tqdm display hook notes the drawn "
        "states"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "steps of size (the adapted step size, 'of size 3.71e-02')",
        "it/s (iterations per second of the bar)",
        "n_eff, r_hat (effective sample size and split R-hat per parameter in the summary)",
    ],
    not_printed=[],
    notes=(
        "One tqdm bar on stderr, total 2000 (1000 warmup + 1000 samples): '  0%|  | 0/600 "
        "[00:00<?, ?it/s]' while JAX compiles, then 'warmup:  50%|####9  | 297/600 [00:03<00:02, "
        "115.48it/s, 3 steps of size 2.00e+00. acc. prob=0.79]', later 'sample: ...'. The postfix "
        "is '<num_steps> steps of size <step size>. acc. prob=<mean acceptance probability>': "
        "num_steps (leapfrog steps of the last trajectory) is a count; the step size is the "
        "adapted integrator step (acceptable, extra_ok, as a learning rate shown by a bar); acc. "
        "prob, the running mean acceptance probability of the phase (reset when sampling starts), "
        "is the series, at the bar position n. Then print_summary(): a table whose rows are the "
        "parameters (b, sigma, w[0], w[1]) and whose columns are mean, std, median, 5.0%, 95.0% "
        "(posterior statistics: estimates of parameters, not metrics of the run, as in the Pyro "
        "entry), n_eff and r_hat (convergence diagnostics per parameter: acceptable, extra_ok), "
        "and 'Number of divergences: 0' (a count). Which states are drawn depends on timing: this "
        "truth belongs to its capture."
    ),
)
