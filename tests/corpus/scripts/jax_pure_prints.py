"""Pure JAX training loops (jax + optax, no framework) printing the way JAX users commonly do:

arrays: the metrics dict of jax Arrays printed as is, its repr per value:
    "step 20, train {'accuracy': Array(0.671875, dtype=float32), 'loss': Array(0.61..., dtype=float32)}"
    and every 50 steps an eval dict after jax.device_get (0-d numpy arrays:
    "eval {'accuracy': array(0.7050781, dtype=float32), 'loss': array(0.64, dtype=float32)}").
debug: the whole run is one jitted lax.scan; jax.debug.print inside the scanned step prints
    'step 10: loss=0.6012 acc=0.7031' every 10 steps (lax.cond), then the host prints the final
    'final eval: loss 0.41234 | acc 0.812' line; a tree_map'ed dict of floats
    "{'acc': 0.751953125, 'loss': 0.6033...}" ends it.

Versions: jax 0.10.2, optax 0.2.8, numpy 2.4.6, Python 3.11 (CPU).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_jax_pure_arrays -- python tests/corpus/scripts/jax_pure_prints.py arrays
    python tests/corpus/scripts/capture.py pipe real_jax_pure_debug -- python tests/corpus/scripts/jax_pure_prints.py debug
Truth: the metric values the loop computed and printed (the dicts' leaves; for debug, the
per-step outputs lax.scan stacked), kept by the script.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import jax
import jax.numpy as jnp
import numpy as np
import optax

kind = sys.argv[1]
rng = np.random.default_rng(0)
X = rng.normal(size=(4096, 10)).astype(np.float32)
Y = ((X[:, 0] * X[:, 1] + np.sin(2 * X[:, 2])) > 0).astype(np.int32)
Xte, Yte = X[3584:], Y[3584:]
X, Y = X[:3584], Y[:3584]


def init(key):
    k1, k2 = jax.random.split(key)
    return {
        "w1": jax.random.normal(k1, (10, 64)) * 0.3,
        "b1": jnp.zeros(64),
        "w2": jax.random.normal(k2, (64, 2)) * 0.1,
        "b2": jnp.zeros(2),
    }


def forward(p, x):
    return jnp.tanh(x @ p["w1"] + p["b1"]) @ p["w2"] + p["b2"]


def metrics_fn(p, x, y):
    logits = forward(p, x)
    loss = optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()
    return loss, {"loss": loss, "accuracy": (logits.argmax(-1) == y).mean()}


opt = optax.adam(3e-3)
params = init(jax.random.key(0))
opt_state = opt.init(params)
series = _truth.Series()


@jax.jit
def train_step(params, opt_state, x, y):
    (_, m), g = jax.value_and_grad(metrics_fn, has_aux=True)(params, x, y)
    updates, opt_state = opt.update(g, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, m


eval_fn = jax.jit(lambda p: metrics_fn(p, Xte, Yte)[1])

if kind == "arrays":
    for step in range(1, 201):
        idx = rng.integers(0, len(X), 64)
        params, opt_state, m = train_step(params, opt_state, X[idx], Y[idx])
        if step % 20 == 0:
            print(f"step {step}, train {m}")
            for k, v in sorted(m.items()):
                series.add(k, step, None, float(v))
        if step % 50 == 0:
            ev = jax.device_get(eval_fn(params))
            print("eval", ev)
            for k, v in sorted(ev.items()):
                series.add(f"eval {k}", step, None, float(v))
    notes = (
        "Every 20 steps 'step 20, train {'accuracy': Array(0.671875, dtype=float32), 'loss': "
        "Array(0.6103..., dtype=float32)}' (an f-string of the dict of jax Arrays: the values are "
        "their reprs, the dtype inside is not a metric); every 50 steps 'eval {'accuracy': "
        "array(0.7050781, dtype=float32), 'loss': array(0.64012545, dtype=float32)}' (jax.device_get "
        "turns them into 0-d numpy arrays, numpy's repr). The eval dict's keys are the same words as the "
        "train dict's: the truth names them 'eval accuracy' / 'eval loss' after the line's leading "
        "word; a reader keeping them apart from the train series under any eval-marked name is "
        "right, merging them into 'accuracy' / 'loss' is not. step = the loop's step (1-based)."
    )
else:
    Xj, Yj = jnp.asarray(X), jnp.asarray(Y)

    @jax.jit
    def run(params, opt_state, key):
        def body(carry, xs):
            params, opt_state = carry
            step, k = xs
            idx = jax.random.randint(k, (64,), 0, X.shape[0])
            params, opt_state, m = train_step(params, opt_state, Xj[idx], Yj[idx])
            jax.lax.cond(
                step % 10 == 0,
                lambda: jax.debug.print(
                    "step {s}: loss={l:.4f} acc={a:.4f}",
                    s=step,
                    l=m["loss"],
                    a=m["accuracy"],
                    ordered=False,
                ),
                lambda: None,
            )
            return (params, opt_state), m

        steps = jnp.arange(1, 151)
        keys = jax.random.split(key, 150)
        (params, opt_state), ms = jax.lax.scan(body, (params, opt_state), (steps, keys))
        return params, ms

    params, ms = run(params, opt_state, jax.random.key(1))
    ms = jax.device_get(ms)
    for step in range(10, 151, 10):
        series.add("loss", step, None, float(ms["loss"][step - 1]))
        series.add("acc", step, None, float(ms["accuracy"][step - 1]))
    ev = eval_fn(params)
    print(f"final eval: loss {float(ev['loss']):.5f} | acc {float(ev['accuracy']):.3f}")
    series.add("final eval loss", 150, None, float(ev["loss"]))
    series.add("final eval acc", 150, None, float(ev["accuracy"]))
    summary = jax.tree_util.tree_map(
        lambda v: v.item(), {"loss": ev["loss"], "acc": ev["accuracy"]}
    )
    print(summary)
    notes = (
        "The jitted lax.scan runs 150 steps; jax.debug.print inside prints 'step 10: loss=0.6012 "
        "acc=0.7031' every 10 steps (4 decimals; truth = scan's stacked per-step metrics at full "
        "precision), step = the scan's step counter (1-based). Then the host prints 'final eval: loss "
        "0.41234 | acc 0.812' (test split, after the last step: series 'final eval loss' / 'final "
        "eval acc' at step 150) and the same two numbers again as a Python dict of floats "
        "\"{'acc': 0.751953125, 'loss': 0.6033...}\" (full repr, keys sorted by jax's tree_map): a reader may store that dict's values "
        "under 'loss'/'acc' at the last step or under the eval names; both repeat the final eval "
        "values (listed in the truth only once, under the 'final eval' names)."
    )

_truth.write(
    library=f"jax {jax.__version__}, optax {optax.__version__}, numpy {np.__version__}",
    script="tests/corpus/scripts/jax_pure_prints.py",
    record="the metric values the loop computed and printed, kept by the script (scan outputs for debug)",
    step_kind="global",
    series=series,
    notes=notes,
)
