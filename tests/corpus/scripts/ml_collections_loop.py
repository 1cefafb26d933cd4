"""An ml_collections config printed at start (print(config): its YAML-like str, nested blocks),
then a pure JAX / optax loop printing pipe-separated lines, the layout of many JAX research
repositories (absl app.run, config_flags.DEFINE_config_dict, --config.x overrides).

Versions: ml_collections 1.1.0, jax 0.10.2, optax 0.2.8, absl-py 2.5.1, Python 3.11 (CPU).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_ml_collections_loop -- python tests/corpus/scripts/ml_collections_loop.py --config.num_steps=200
Truth: the values the loop computed and printed (loss, accuracy, the schedule's learning rate,
eval metrics), kept by the script.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import jax
import jax.numpy as jnp
import ml_collections
import numpy as np
import optax
from absl import app
from ml_collections import config_flags


def get_config():
    config = ml_collections.ConfigDict()
    config.seed = 42
    config.learning_rate = 3e-3
    config.warmup_steps = 40
    config.num_steps = 300
    config.batch_size = 128
    config.weight_decay = 1e-4
    config.log_every = 25
    config.eval_every = 100
    config.model = ml_collections.ConfigDict()
    config.model.hidden_dims = (64, 64)
    config.model.dropout_rate = 0.1
    config.data = ml_collections.ConfigDict()
    config.data.num_train = 4096
    config.data.num_features = 12
    config.data.noise = 0.25
    return config


_CONFIG = config_flags.DEFINE_config_dict("config", get_config())


def main(argv):
    del argv
    config = _CONFIG.value
    print(config)
    series = _truth.Series()
    rng = np.random.default_rng(config.seed)
    n, d = config.data.num_train, config.data.num_features
    x = rng.normal(size=(n + 512, d)).astype(np.float32)
    y = ((x[:, 0] * x[:, 1] + x[:, 2] + config.data.noise * rng.normal(size=n + 512)) > 0).astype(
        np.int32
    )
    xte, yte, x, y = x[n:], y[n:], x[:n], y[:n]

    key = jax.random.key(config.seed)
    dims = (d, *config.model.hidden_dims, 2)
    params = []
    for a, b in zip(dims[:-1], dims[1:], strict=True):
        key, k = jax.random.split(key)
        params.append((jax.random.normal(k, (a, b)) / np.sqrt(a), jnp.zeros(b)))

    def forward(params, x, dropout_key=None):
        for i, (w, b) in enumerate(params):
            x = x @ w + b
            if i < len(params) - 1:
                x = jax.nn.gelu(x)
                if dropout_key is not None:
                    dropout_key, k = jax.random.split(dropout_key)
                    keep = jax.random.bernoulli(k, 1 - config.model.dropout_rate, x.shape)
                    x = jnp.where(keep, x / (1 - config.model.dropout_rate), 0)
        return x

    def loss_fn(params, x, y, k=None):
        logits = forward(params, x, k)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()
        return loss, (logits.argmax(-1) == y).mean()

    schedule = optax.warmup_cosine_decay_schedule(
        0.0, config.learning_rate, config.warmup_steps, config.num_steps
    )
    tx = optax.adamw(schedule, weight_decay=config.weight_decay)
    opt_state = tx.init(params)

    @jax.jit
    def step_fn(params, opt_state, x, y, k):
        (loss, acc), g = jax.value_and_grad(loss_fn, has_aux=True)(params, x, y, k)
        updates, opt_state = tx.update(g, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss, acc

    eval_fn = jax.jit(loss_fn)
    for step in range(1, config.num_steps + 1):
        idx = rng.integers(0, n, config.batch_size)
        key, k = jax.random.split(key)
        lr = float(schedule(step - 1))  # the rate this step's update used
        params, opt_state, loss, acc = step_fn(params, opt_state, x[idx], y[idx], k)
        if step % config.log_every == 0:
            loss, acc = float(loss), float(acc)
            print(f"step {step:5d} | loss {loss:.4f} | accuracy {acc:.3f} | lr {lr:.2e}")
            series.add("loss", step, None, loss)
            series.add("accuracy", step, None, acc)
            series.add("lr", step, None, lr)
        if step % config.eval_every == 0:
            el, ea = (float(v) for v in eval_fn(params, xte, yte))
            print(f"eval  | step {step:5d} | loss {el:.4f} | accuracy {ea:.3f}")
            series.add("eval loss", step, None, el)
            series.add("eval accuracy", step, None, ea)
    _truth.write(
        library=(
            f"ml_collections {metadata.version('ml_collections')}, jax {jax.__version__}, optax {optax.__version__}, "
            f"numpy {np.__version__}"
        ),
        script="tests/corpus/scripts/ml_collections_loop.py",
        record="the values the loop computed and printed, kept by the script",
        step_kind="global",
        series=series,
        notes=(
            "print(config) first: ml_collections' YAML-like dump over ~20 lines, nested blocks "
            "indented ('data:' / '  noise: 0.25' / '  num_features: 12', 'learning_rate: 0.003', "
            "'model:' / '  dropout_rate: 0.1' / '  hidden_dims: !!python/tuple' / '  - 64', "
            "'num_steps: 200' (overridden on the command line), 'warmup_steps: 40', 'weight_decay: "
            "0.0001'): configuration, not metrics (learning_rate there is the peak of the schedule, "
            "not the printed 'lr' series). Then every 25 steps 'step    25 | loss 0.6012 | accuracy "
            "0.688 | lr 1.80e-03' (lr = the warmup-cosine schedule's rate used by that step's "
            "update) and every 100 steps 'eval  | step   100 | loss 0.4321 | accuracy 0.801' (test "
            "split; truth names 'eval loss' / 'eval accuracy'). step = the loop's 1-based step."
        ),
    )


if __name__ == "__main__":
    app.run(main)
