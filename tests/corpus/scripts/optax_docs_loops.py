"""optax's documentation loops, as printed there:

1. 'Getting started': a linear model on the 8 unpacked bits of random bytes, labels = parity,
   a jitted step, `print(f'step {i}, loss: {loss_value}')` every 100 of 1000 steps (loss_value a
   JAX array, printed in full: '3.435839891433716'); fitted twice as the guide does: optax.adam(1e-2),
   then optax.chain(clip_by_global_norm(1.0), adamw(warmup-cosine schedule)) - the second fit
   restarts its steps at 0.
2. The optimisers' docstring example (optax.lbfgs here, on a 3-d Rosenbrock function):
   `print('Objective function: ', f(params))` once, then
   `print('Objective function: {:.2E}'.format(f(params)))` after every update (no step printed).

Versions: optax 0.2.8, jax 0.10.2 (CPU), numpy 2.4.6, Python 3.11 (venv corpus-zE-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_optax_docs_loops -- python tests/corpus/scripts/optax_docs_loops.py
(no colours, no bars: no pty twin.)
Truth: optax keeps no record: the loss values the jitted step returned and the f(params) values
the loop printed, kept as printed (full precision); steps as the loop counts them (i) and, for
the L-BFGS part, optax's own update count (the 'count' field of the optimiser state).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import jax
import jax.numpy as jnp
import numpy as np
import optax
import optax.tree_utils as otu

series = _truth.Series()

# --- 1. Getting started -------------------------------------------------------------------
BATCH_SIZE = 5
NUM_TRAIN_STEPS = 1_000
rng = np.random.default_rng(0)
RAW_TRAINING_DATA = rng.integers(255, size=(NUM_TRAIN_STEPS, BATCH_SIZE, 1))
TRAINING_DATA = np.unpackbits(RAW_TRAINING_DATA.astype(np.uint8), axis=-1)
LABELS = (
    jax.nn.one_hot(RAW_TRAINING_DATA % 2, 2)
    .astype(jnp.float32)
    .reshape(NUM_TRAIN_STEPS, BATCH_SIZE, 2)
)

initial_params = {
    "hidden": jax.random.normal(shape=[8, 32], key=jax.random.PRNGKey(0)),
    "output": jax.random.normal(shape=[32, 2], key=jax.random.PRNGKey(1)),
}


def net(x, params):
    x = jnp.dot(x, params["hidden"])
    x = jax.nn.relu(x)
    x = jnp.dot(x, params["output"])
    return x


def loss(params, batch, labels):
    y_hat = net(batch, params)
    return optax.sigmoid_binary_cross_entropy(y_hat, labels).sum(axis=-1).mean()


def fit(params, optimizer):
    opt_state = optimizer.init(params)

    @jax.jit
    def step(params, opt_state, batch, labels):
        loss_value, grads = jax.value_and_grad(loss)(params, batch, labels)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        return params, opt_state, loss_value

    for i, (batch, labels) in enumerate(zip(TRAINING_DATA, LABELS, strict=True)):
        params, opt_state, loss_value = step(params, opt_state, batch, labels)
        if i % 100 == 0:
            print(f"step {i}, loss: {loss_value}")
            series.add("loss", i, None, float(loss_value))

    return params


optimizer = optax.adam(learning_rate=1e-2)
params = fit(initial_params, optimizer)

schedule = optax.warmup_cosine_decay_schedule(
    init_value=0.0,
    peak_value=1.0,
    warmup_steps=50,
    decay_steps=1_000,
    end_value=0.0,
)
optimizer = optax.chain(
    optax.clip_by_global_norm(1.0),
    optax.adamw(learning_rate=schedule),
)
params = fit(initial_params, optimizer)


# --- 2. The optimisers' docstring example, with L-BFGS --------------------------------------
def f(x):
    return jnp.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2)


solver = optax.lbfgs()
params = jnp.array([1.0, 2.0, 3.0])
print("Objective function: ", f(params))
series.add("Objective function", 0, None, float(f(params)))
opt_state = solver.init(params)
value_and_grad = optax.value_and_grad_from_state(f)
for _ in range(12):
    value, grad = value_and_grad(params, state=opt_state)
    updates, opt_state = solver.update(grad, opt_state, params, value=value, grad=grad, value_fn=f)
    params = optax.apply_updates(params, updates)
    print(f"Objective function: {f(params):.2E}")
    series.add("Objective function", int(otu.tree_get(opt_state, "count")), None, float(f(params)))

_truth.write(
    library=f"optax {metadata.version('optax')} (jax {jax.__version__}, CPU)",
    script="tests/corpus/scripts/optax_docs_loops.py",
    record=(
        "the loss values the jitted step returned and the f(params) values the loop printed (the "
        "docs' loops keep no record of their own); L-BFGS steps = optax's update count"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "'step 0, loss: 3.435839891433716' ... 'step 900, loss: ...' (0-based step i of the loop, every "
        "100 steps; the loss is a scalar JAX array whose f-string prints the full float repr, e.g. "
        "3.435839891433716 or 2.0759065666312482e-32) for the adam "
        "fit, then the same 10 lines again for the clip+adamw fit: the step restarts at 0 (two "
        "fits in one script, as optax's guide runs them; both are 'loss'). Then 'Objective "
        "function:  201.0' (two spaces: print's separator; f at the start, step 0) and 12 lines "
        "'Objective function: 1.23E+02' (f after each L-BFGS update, 3 significant digits; no "
        "step printed: step = optax's update count 1..12)."
    ),
)
