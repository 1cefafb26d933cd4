"""BlackJAX NUTS on a Bayesian logistic regression: Stan-style window adaptation, then sampling in
chunks of 200 draws with a diagnostics line per chunk, as users of its inference-loop recipe print
them (BlackJAX prints nothing itself; its progress bar needs the jaxtap extra and shows counts only).

    Adapted step size: 0.4123, inverse mass matrix diagonal: [0.31 0.28 0.35 0.12]
    chunk 1/4: acceptance_rate=0.8312 divergences=0 num_integration_steps=7.1 logdensity=-301.234

Versions: blackjax 1.7.1, jax 0.10.2, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zV-2).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_blackjax_nuts_chunks -- python tests/corpus/scripts/blackjax_nuts.py
(plain prints: no pty twin.)
Truth: BlackJAX's own objects - per chunk the means over its NUTSInfo (acceptance_rate, is_divergent, num_integration_steps) and its
HMCState (logdensity), at full precision.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import blackjax
import jax
import jax.numpy as jnp
import numpy as np

rng = np.random.default_rng(0)
n, d = 300, 4
X = rng.normal(size=(n, d))
true_w = np.array([1.5, -2.0, 0.5, 0.0])
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-(X @ true_w)))).astype(np.float64)
X, y = jnp.asarray(X), jnp.asarray(y)


def logdensity_fn(w):
    logits = X @ w
    log_lik = jnp.sum(y * logits - jnp.logaddexp(0.0, logits))
    log_prior = -0.5 * jnp.sum(w**2) / 4.0
    return log_lik + log_prior


def inference_loop(rng_key, kernel, initial_state, num_samples):
    @jax.jit
    def one_step(state, rng_key):
        state, info = kernel(rng_key, state)
        return state, (state, info)

    keys = jax.random.split(rng_key, num_samples)
    _, (states, infos) = jax.lax.scan(one_step, initial_state, keys)
    return states, infos


rng_key = jax.random.key(0)
warmup_key, sample_key = jax.random.split(rng_key)
warmup = blackjax.window_adaptation(blackjax.nuts, logdensity_fn)
(state, parameters), _ = warmup.run(warmup_key, jnp.zeros(d), num_steps=400)
step_size = float(parameters["step_size"])
print(
    f"Adapted step size: {step_size:.4f}, inverse mass matrix diagonal: "
    f"{np.round(np.asarray(parameters['inverse_mass_matrix']), 2)}"
)
kernel = blackjax.nuts(logdensity_fn, **parameters).step

series = _truth.Series()
n_chunks, chunk = 4, 200
for c in range(n_chunks):
    sample_key, key = jax.random.split(sample_key)
    states, infos = inference_loop(key, kernel, state, chunk)
    state = jax.tree.map(lambda x: x[-1], states)
    values = {
        "acceptance_rate": float(jnp.mean(infos.acceptance_rate)),
        "divergences": int(jnp.sum(infos.is_divergent)),
        "num_integration_steps": float(jnp.mean(infos.num_integration_steps)),
        "logdensity": float(jnp.mean(states.logdensity)),
    }
    print(
        f"chunk {c + 1}/{n_chunks}: acceptance_rate={values['acceptance_rate']:.4f} "
        f"divergences={values['divergences']} "
        f"num_integration_steps={values['num_integration_steps']:.1f} "
        f"logdensity={values['logdensity']:.3f}"
    )
    for name, value in values.items():
        if name != "divergences":  # a count of divergent transitions, not a metric
            series.add(name, c + 1, None, value)

posterior_mean = np.asarray(jnp.mean(states.position, axis=0))
print("posterior mean of the last chunk:", np.round(posterior_mean, 3))

_truth.write(
    library=f"blackjax {metadata.version('blackjax')} (jax {jax.__version__}, numpy {np.__version__})",
    script="tests/corpus/scripts/blackjax_nuts.py",
    record=(
        "per chunk the NUTSInfo fields "
        "(acceptance_rate, is_divergent, num_integration_steps) and HMCState.logdensity, "
        "averaged (divergences summed) over the chunk's draws"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=["per-draw info (energy, num_trajectory_expansions, is_turning)"],
    notes=(
        "'Adapted step size: 0.4123, inverse mass matrix diagonal: [0.31 0.28 0.35 0.12]' once "
        "after the 400 warmup steps (the step size the adaptation tuned: a hyper-parameter of the "
        "kernel, not a metric; the mass-matrix diagonal is a numpy array of the fitted preconditioner per "
        "parameter, not a metric). Then one line per chunk of 200 draws, 'chunk 1/4: "
        "acceptance_rate=0.8312 divergences=0 num_integration_steps=7.1 logdensity=-301.234' "
        "('1/4' chunk counter: step = the chunk number 1..4 as printed; divergences: the number of "
        "divergent transitions in the chunk, a count, not a series). "
        "Last 'posterior mean of the last chunk: [ 1.52 -1.97  0.48  0.03]', a numpy array of "
        "parameter estimates (not metrics)."
    ),
)
