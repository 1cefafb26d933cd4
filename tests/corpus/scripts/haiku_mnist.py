"""Haiku's MNIST example (examples/mnist.py: hk.transform MLP, optax.adam, an averaged copy of
the parameters evaluated on train and test) on synthetic 28x28 uint8 'digits' (no tfds download).
It prints a Python dict per split every 50 steps: {'step': 0, 'split': 'train', 'accuracy': '0.105'}
(the accuracy formatted to a string, so it prints quoted).

Versions: dm-haiku 0.0.17, jax 0.10.2, optax 0.2.8, absl-py 2.5.1, numpy 2.4.6, Python 3.11
(CPU; venv corpus-s-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_haiku_mnist -- python tests/corpus/scripts/haiku_mnist.py
Truth: the accuracy evaluate() returned (a float32 scalar, full precision; printed with 3 decimals).
"""

import os
import sys
from collections.abc import Iterator
from importlib import metadata
from typing import NamedTuple

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import haiku as hk
import jax
import jax.numpy as jnp
import numpy as np
import optax
from absl import app

NUM_CLASSES = 10
series = _truth.Series()


class Batch(NamedTuple):
    image: np.ndarray  # [B, H, W, 1]
    label: np.ndarray  # [B]


class TrainingState(NamedTuple):
    params: hk.Params
    avg_params: hk.Params
    opt_state: optax.OptState


def net_fn(images: jax.Array) -> jax.Array:
    """Standard LeNet-300-100 MLP network."""
    x = images.astype(jnp.float32) / 255.0
    mlp = hk.Sequential(
        [
            hk.Flatten(),
            hk.Linear(300),
            jax.nn.relu,
            hk.Linear(100),
            jax.nn.relu,
            hk.Linear(NUM_CLASSES),
        ]
    )
    return mlp(x)


_rng = np.random.default_rng(0)
_templates = _rng.uniform(0, 255, size=(NUM_CLASSES, 28, 28, 1))
_SPLITS = {}
for _split, _n in (("train", 6000), ("test", 1000)):
    _labels = _rng.integers(0, NUM_CLASSES, _n)
    _images = _templates[_labels] + 700 * _rng.normal(size=(_n, 28, 28, 1))
    _SPLITS[_split] = Batch(np.clip(_images, 0, 255).astype(np.uint8), _labels.astype(np.int32))


def load_dataset(split: str, *, shuffle: bool, batch_size: int, seed: int = 0) -> Iterator[Batch]:
    """Loads the (synthetic) dataset as a generator of batches."""
    data = _SPLITS[split]
    rng = np.random.default_rng(seed)
    n = len(data.label)
    while True:
        order = rng.permutation(n) if shuffle else np.arange(n)
        for i in range(0, n - batch_size + 1, batch_size):
            idx = order[i : i + batch_size]
            yield Batch(data.image[idx], data.label[idx])


def main(_):
    # Make the network and optimiser.
    network = hk.without_apply_rng(hk.transform(net_fn))
    optimiser = optax.adam(1e-3)

    def loss(params: hk.Params, batch: Batch) -> jax.Array:
        """Cross-entropy classification loss, regularised by L2 weight decay."""
        batch_size, *_ = batch.image.shape
        logits = network.apply(params, batch.image)
        labels = jax.nn.one_hot(batch.label, NUM_CLASSES)

        l2_regulariser = 0.5 * sum(jnp.sum(jnp.square(p)) for p in jax.tree.leaves(params))
        log_likelihood = jnp.sum(labels * jax.nn.log_softmax(logits))

        return -log_likelihood / batch_size + 1e-4 * l2_regulariser

    @jax.jit
    def evaluate(params: hk.Params, batch: Batch) -> jax.Array:
        """Evaluation metric (classification accuracy)."""
        logits = network.apply(params, batch.image)
        predictions = jnp.argmax(logits, axis=-1)
        return jnp.mean(predictions == batch.label)

    @jax.jit
    def update(state: TrainingState, batch: Batch) -> TrainingState:
        """Learning rule (stochastic gradient descent)."""
        grads = jax.grad(loss)(state.params, batch)
        updates, opt_state = optimiser.update(grads, state.opt_state)
        params = optax.apply_updates(state.params, updates)
        # We maintain an exponential moving average of the parameters, for evaluation.
        avg_params = optax.incremental_update(params, state.avg_params, step_size=0.01)
        return TrainingState(params, avg_params, opt_state)

    # Make datasets.
    train_dataset = load_dataset("train", shuffle=True, batch_size=250)
    eval_datasets = {
        split: load_dataset(split, shuffle=False, batch_size=1000) for split in ("train", "test")
    }

    # Initialise network and optimiser; note we draw an input to get shapes.
    initial_params = network.init(jax.random.PRNGKey(seed=0), next(train_dataset).image)
    initial_opt_state = optimiser.init(initial_params)
    state = TrainingState(initial_params, initial_params, initial_opt_state)

    # Training & evaluation loop.
    for step in range(301):
        if step % 50 == 0:
            # Periodically evaluate classification accuracy on train & test sets.
            # Note that each evaluation is only on a (large) batch.
            for split, dataset in eval_datasets.items():
                accuracy = np.array(evaluate(state.avg_params, next(dataset))).item()
                print({"step": step, "split": split, "accuracy": f"{accuracy:.3f}"})
                series.add(f"{split} accuracy", step, None, accuracy)

        # Do SGD on a batch of training examples.
        state = update(state, next(train_dataset))

    _truth.write(
        library=(
            f"dm-haiku {metadata.version('dm-haiku')}, jax {metadata.version('jax')}, "
            f"optax {metadata.version('optax')}"
        ),
        script="tests/corpus/scripts/haiku_mnist.py",
        record="the accuracy evaluate() returned on each split's batch (float32, full precision)",
        step_kind="global",
        series=series,
        notes=(
            "Haiku's MNIST example prints one Python dict per split every 50 steps (steps 0..300, "
            "evaluated before that step's update): \"{'step': 50, 'split': 'train', 'accuracy': "
            "'0.731'}\" then the same for 'test'. The accuracy is an f-string '{:.3f}', so it "
            "prints as a quoted string; 'split' is a string value that names which data the "
            "accuracy is on: the truth names the series 'train accuracy' and 'test accuracy' (a "
            "reader may say 'train/accuracy'; what matters is that the two are separate series, "
            "not one 'accuracy' with two values per step). step = the dict's 'step' (updates "
            "done). Nothing else is printed. Evaluation uses the example's averaged parameters "
            "(optax.incremental_update; step_size 0.01 here instead of 0.001 so that 300 steps "
            "show the curve rise)."
        ),
    )


if __name__ == "__main__":
    app.run(main)
