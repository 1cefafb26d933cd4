"""A hand-written Flax (linen) + optax training loop that prints the model's nn.tabulate() table
(with FLOPs) and its parameter shapes before training, as the Flax docs show, then per epoch the
Flax quick-start's lines 'train epoch: 1, loss: 0.7123..., accuracy: 69.33...' and 'test epoch: 1,
loss: ..., accuracy: ...' (full-precision floats, accuracy in percent).

Truth: the loop's own history dict (the values it printed, at full precision).
Versions: jax 0.10.2, flax 0.12.8, optax 0.2.8, numpy 2.4.6, rich 15.0.0, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAG-2: pip install jax flax optax; all wheels):
    python tests/corpus/scripts/capture.py pipe real_hand_flax_tabulate -- python tests/corpus/scripts/hand_flax_tabulate.py
    python tests/corpus/scripts/capture.py pty  real_hand_flax_tabulate_pty -- python tests/corpus/scripts/hand_flax_tabulate.py
"""

import os
import sys
from importlib import metadata

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import optax

sys.path.insert(0, os.path.dirname(__file__))

import _truth

series = _truth.Series()
history: dict[str, list[float]] = {}


def log(name, value, epoch):
    history.setdefault(name, []).append(value)
    series.add(name, None, epoch, value)


rng = np.random.default_rng(0)
N_TRAIN, N_TEST, D, C, BATCH = 1024, 256, 16, 3, 64
X = rng.normal(size=(N_TRAIN + N_TEST, D)).astype(np.float32)
W = rng.normal(size=(D, C))
y = np.argmax(X @ W + 1.2 * rng.normal(size=(len(X), C)), axis=1)
Xtr, ytr, Xte, yte = X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:], y[N_TRAIN:]


class MLP(nn.Module):
    hidden: int = 64

    @nn.compact
    def __call__(self, x):
        x = nn.relu(nn.Dense(self.hidden)(x))
        x = nn.relu(nn.Dense(self.hidden // 2)(x))
        return nn.Dense(C)(x)


model = MLP()
x0 = jnp.ones((BATCH, D))
print(nn.tabulate(model, jax.random.key(0), compute_flops=True, compute_vjp_flops=True)(x0))
params = model.init(jax.random.key(0), x0)["params"]
print(jax.tree_util.tree_map(jnp.shape, params))
print(f"Number of parameters: {sum(p.size for p in jax.tree_util.tree_leaves(params))}")

tx = optax.adam(1e-2)
opt_state = tx.init(params)


def loss_and_logits(params, xb, yb):
    logits = model.apply({"params": params}, xb)
    return optax.softmax_cross_entropy_with_integer_labels(logits, yb).mean(), logits


@jax.jit
def train_step(params, opt_state, xb, yb):
    (loss, logits), grads = jax.value_and_grad(loss_and_logits, has_aux=True)(params, xb, yb)
    updates, opt_state = tx.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, loss, jnp.mean(logits.argmax(1) == yb)


@jax.jit
def eval_step(params, xb, yb):
    loss, logits = loss_and_logits(params, xb, yb)
    return loss, jnp.mean(logits.argmax(1) == yb)


for epoch in range(1, 6):
    perm = rng.permutation(N_TRAIN)
    losses, accs = [], []
    for i in range(N_TRAIN // BATCH):
        idx = perm[i * BATCH : (i + 1) * BATCH]
        params, opt_state, loss, acc = train_step(params, opt_state, Xtr[idx], ytr[idx])
        losses.append(float(loss))
        accs.append(float(acc))
    train_loss, train_acc = float(np.mean(losses)), float(np.mean(accs)) * 100
    test_loss, test_acc = (float(v) for v in eval_step(params, Xte, yte))
    test_acc *= 100
    log("train loss", train_loss, epoch)
    log("train accuracy", train_acc, epoch)
    log("test loss", test_loss, epoch)
    log("test accuracy", test_acc, epoch)
    print(f"train epoch: {epoch}, loss: {train_loss}, accuracy: {train_acc}")
    print(f"test epoch: {epoch}, loss: {test_loss}, accuracy: {test_acc}")

_truth.write(
    library=(
        f"hand-written loop (jax {jax.__version__}, flax {metadata.version('flax')}, optax "
        f"{metadata.version('optax')})"
    ),
    script="tests/corpus/scripts/hand_flax_tabulate.py",
    record="the loop's own history dict: the values it printed, at full precision",
    step_kind="epoch",
    series=series,
    notes=(
        "flax.linen nn.tabulate(model, key, compute_flops=True, compute_vjp_flops=True)(x) "
        "prints a rich box table 'MLP Summary' (with ANSI styles even when piped; 80 columns "
        "piped, the terminal's 120 under a pty, where cells are not cut) with columns 'path | module | inputs | outputs | flops | vjp_flops | params', piped cells cut "
        "with '…' ('float32[6…'), rows like '│ Dense_0 │ Dense  │ float32[6… │ float32[6… │ 135168 "
        "│ 402432    │ bias:      │' whose params cell wraps over several lines down to '1,088 "
        "(4.4' / 'KB)', a 'Total' row '3,267' / '(13.1 KB)' and 'Total Parameters: 3,267 (13.1 "
        "KB)' (shapes, FLOP counts, "
        "parameter counts and bytes: not metrics). Then the parameter shapes as a dict "
        "\"{'Dense_0': {'bias': (64,), 'kernel': (16, 64)}, ...}\" and 'Number of parameters: "
        "3267'. Per epoch the Flax quick-start's two lines 'train epoch: 1, loss: "
        "0.7123456789, accuracy: 69.3359375' and 'test epoch: 1, loss: 0.4512..., accuracy: "
        "80.078125' (full-precision floats; accuracy in percent as printed). The truth names "
        "the series by the line's label and the pair's name ('train loss', 'test accuracy'). "
        "Epoch points, no step."
    ),
)
