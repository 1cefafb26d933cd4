"""tinygp with an optax loop, the way tinygp's tutorials fit a GP's hyper-parameters: a jitted
value_and_grad of the negative log likelihood of a GaussianProcess built from a params dict of
logs, optax.adam updates, 'step 0: loss 123.4567' every 50 steps; then the fitted parameters
printed as the dict of JAX arrays a user prints (print(params)), the GP's log
likelihood at the fit and a held-out MSE of the conditioned GP's mean.

Versions: tinygp 0.3.1, jax 0.10.2 (CPU), optax 0.2.8, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zh-1):
    python tests/corpus/scripts/capture.py pipe real_tinygp_optax -- python tests/corpus/scripts/tinygp_optax.py
Truth: the loss values the loop computed (the jitted value_and_grad's value, kept in a list as
the loop prints them), the log likelihood gp.log_probability(y) returned and the MSE the script
computed. tinygp keeps no record of its own: the loop is the user's.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import jax
import jax.numpy as jnp
import numpy as np
import optax
from tinygp import GaussianProcess, kernels

jax.config.update("jax_enable_x64", True)

rng = np.random.default_rng(0)
x = np.sort(rng.uniform(0, 10, 60))
y = np.sin(x) + 0.3 * np.cos(2.7 * x) + 0.15 * rng.normal(size=60)
x_test = np.linspace(0, 10, 50)
y_test = np.sin(x_test) + 0.3 * np.cos(2.7 * x_test)


def build_gp(params):
    kernel = jnp.exp(params["log_amp"]) * kernels.ExpSquared(jnp.exp(params["log_scale"]))
    return GaussianProcess(kernel, x, diag=jnp.exp(params["log_diag"]), mean=params["mean"])


@jax.jit
def loss(params):
    return -build_gp(params).log_probability(y)


params = {
    "mean": np.float64(0.0),
    "log_amp": np.log(0.5),
    "log_scale": np.log(3.0),
    "log_diag": np.log(0.5),
}
opt = optax.adam(learning_rate=0.05)
opt_state = opt.init(params)
value_and_grad = jax.jit(jax.value_and_grad(loss))
printed = []
for i in range(301):
    loss_val, grads = value_and_grad(params)
    updates, opt_state = opt.update(grads, opt_state)
    params = optax.apply_updates(params, updates)
    if i % 25 == 0:
        print(f"step {i}: loss {loss_val:.4f}")
        printed.append((i, float(loss_val)))

print("Final parameters:", params)
gp = build_gp(params)
log_lik = float(gp.log_probability(y))
print(f"Final log likelihood: {log_lik:.4f}")
_, cond = gp.condition(y, x_test)
mse = float(jnp.mean((cond.mean - y_test) ** 2))
print(f"Test MSE: {mse:.5f}")

series = _truth.Series()
for i, v in printed:
    series.add("loss", i, None, v)
series.add("Final log likelihood", None, None, log_lik)
series.add("Test MSE", None, None, mse)
_truth.write(
    library=(
        f"tinygp {metadata.version('tinygp')} (jax {jax.__version__}, optax "
        f"{metadata.version('optax')})"
    ),
    script="tests/corpus/scripts/tinygp_optax.py",
    record=(
        "the values of the loop's jitted value_and_grad (the negative log likelihood tinygp's "
        "GaussianProcess.log_probability computes), kept as printed; gp.log_probability(y) after "
        "the fit; the test MSE the script computes"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "'step 0: loss 123.4567' at steps 0, 25, ..., 300 (0-based step as the loop counts it; "
        "the loss of the parameters before that step's update). Then 'Final parameters: "
        "{'log_amp': Array(0.81, dtype=float64), 'log_diag': Array(...), 'log_scale': Array(...), "
        "'mean': Array(...)}' - the fitted hyper-parameters as the optimiser holds them (logs "
        "of amplitude, white-noise variance and length scale, and the mean): estimates, no metric. 'Final log "
        "likelihood: -12.3456' and 'Test MSE: 0.01234' are the script's final metrics (no step)."
    ),
)
