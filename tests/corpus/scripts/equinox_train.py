"""Equinox + optax training loops as Equinox's documentation examples print them.

Styles:
  cnn  the 'Convolutional Neural Network on MNIST' example on synthetic 28x28 'digits':
       print(model) (Equinox's pretty-printed module tree), the dummy-batch loss and its shape,
       then every print_every steps
       'step=0, train_loss=2.30..., test_loss=2.29..., test_accuracy=0.11...'
  rnn  the 'Train RNN' example (its own synthetic spirals): 'step=0, loss=0.69...' every step,
       then 'final_accuracy=0.99...'

Versions: equinox 0.13.8, jax 0.10.2, optax 0.2.8, numpy 2.4.6, Python 3.11 (CPU; venv corpus-s-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_equinox_cnn -- python tests/corpus/scripts/equinox_train.py cnn
    python tests/corpus/scripts/capture.py pipe real_equinox_rnn -- python tests/corpus/scripts/equinox_train.py rnn
Truth: Equinox keeps no record; the values the examples hand to print() (Python floats from
.item(), so the printed repr is the full value).
"""

import math
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import equinox as eqx
import jax
import jax.numpy as jnp
import jax.random as jr
import numpy as np
import optax
from jax import lax
from jaxtyping import Array, PyTree

style = sys.argv[1] if len(sys.argv) > 1 else "cnn"
assert style in ("cnn", "rnn")
series = _truth.Series()


# --- the CNN example --------------------------------------------------------------------------
class CNN(eqx.Module):
    layers: list

    def __init__(self, key):
        key1, key2, key3, key4 = jax.random.split(key, 4)
        # Standard CNN setup: convolutional layer, followed by flattening,
        # with a small MLP on top.
        self.layers = [
            eqx.nn.Conv2d(1, 3, kernel_size=4, key=key1),
            eqx.nn.MaxPool2d(kernel_size=2),
            jax.nn.relu,
            jnp.ravel,
            eqx.nn.Linear(1728, 512, key=key2),
            jax.nn.sigmoid,
            eqx.nn.Linear(512, 64, key=key3),
            jax.nn.relu,
            eqx.nn.Linear(64, 10, key=key4),
            jax.nn.log_softmax,
        ]

    def __call__(self, x: Array) -> Array:
        for layer in self.layers:
            x = layer(x)
        return x


def loss(model: CNN, x: Array, y: Array) -> Array:
    # Our input has the shape (BATCH_SIZE, 1, 28, 28), but our model operations on
    # a single input input image of shape (1, 28, 28).
    #
    # Therefore, we have to use jax.vmap, which in this case maps our model over the
    # leading (batch) axis.
    pred_y = jax.vmap(model)(x)
    return cross_entropy(y, pred_y)


def cross_entropy(y: Array, pred_y: Array) -> Array:
    # y are the true targets, and should be integers 0-9.
    # pred_y are the log-softmax'd predictions.
    pred_y = jnp.take_along_axis(pred_y, jnp.expand_dims(y, 1), axis=1)
    return -jnp.mean(pred_y)


@eqx.filter_jit
def compute_accuracy(model: CNN, x: Array, y: Array) -> Array:
    """This function takes as input the current model
    and computes the average accuracy on a batch.
    """
    pred_y = jax.vmap(model)(x)
    pred_y = jnp.argmax(pred_y, axis=1)
    return jnp.mean(y == pred_y)


def evaluate(model: CNN, testloader):
    """This function evaluates the model on the test dataset,
    computing both the average loss and the average accuracy.
    """
    avg_loss = 0
    avg_acc = 0
    for x, y in testloader:
        # Note that all the JAX operations happen inside `loss` and `compute_accuracy`,
        # and both have JIT wrappers, so this is fast.
        avg_loss += eqx.filter_jit(loss)(model, x, y)
        avg_acc += compute_accuracy(model, x, y)
    return avg_loss / len(testloader), avg_acc / len(testloader)


def train(model: CNN, trainloader, testloader, optim, steps: int, print_every: int) -> CNN:
    # Just like earlier: It only makes sense to train the arrays in our model,
    # so filter out everything else.
    opt_state = optim.init(eqx.filter(model, eqx.is_array))

    # Always wrap everything -- computing gradients, running the optimiser, updating
    # the model -- into a single JIT region. This ensures things run as fast as
    # possible.
    @eqx.filter_jit
    def make_step(model: CNN, opt_state: PyTree, x, y):
        loss_value, grads = eqx.filter_value_and_grad(loss)(model, x, y)
        updates, opt_state = optim.update(grads, opt_state, eqx.filter(model, eqx.is_array))
        model = eqx.apply_updates(model, updates)
        return model, opt_state, loss_value

    # Loop over our training dataset as many times as we need.
    def infinite_trainloader():
        while True:
            yield from trainloader

    for step, (x, y) in zip(range(steps), infinite_trainloader(), strict=False):
        model, opt_state, train_loss = make_step(model, opt_state, x, y)
        if (step % print_every) == 0 or (step == steps - 1):
            test_loss, test_accuracy = evaluate(model, testloader)
            print(
                f"{step=}, train_loss={train_loss.item()}, "
                f"test_loss={test_loss.item()}, test_accuracy={test_accuracy.item()}"
            )
            series.add("train_loss", step, None, train_loss.item())
            series.add("test_loss", step, None, test_loss.item())
            series.add("test_accuracy", step, None, test_accuracy.item())
    return model


def run_cnn():
    BATCH_SIZE = 64
    LEARNING_RATE = 3e-4
    STEPS = 150
    PRINT_EVERY = 30
    SEED = 5678
    key = jax.random.PRNGKey(SEED)

    # synthetic 'MNIST': 10 fixed 28x28 templates plus noise (no download)
    rng = np.random.default_rng(0)
    templates = rng.uniform(size=(10, 1, 28, 28)).astype(np.float32)

    def make(n):
        labels = rng.integers(0, 10, n).astype(np.int32)
        imgs = templates[labels] + 1.0 * rng.normal(size=(n, 1, 28, 28)).astype(np.float32)
        return [
            (imgs[i : i + BATCH_SIZE], labels[i : i + BATCH_SIZE])
            for i in range(0, n - BATCH_SIZE + 1, BATCH_SIZE)
        ]

    trainloader, testloader = make(1920), make(640)
    dummy_x, dummy_y = trainloader[0]
    print(dummy_x.shape)  # 64x1x28x28
    print(dummy_y.shape)  # 64
    print(dummy_y)

    key, subkey = jax.random.split(key, 2)
    model = CNN(subkey)
    print(model)

    loss_value = loss(model, dummy_x, dummy_y)
    print(loss_value.shape)  # scalar loss
    value, grads = eqx.filter_value_and_grad(loss)(model, dummy_x, dummy_y)
    print(value)

    optim = optax.adamw(LEARNING_RATE)
    train(model, trainloader, testloader, optim, STEPS, PRINT_EVERY)
    return (
        "Equinox's CNN-on-MNIST example: the batch shapes '(64, 1, 28, 28)', '(64,)', the "
        "labels array, print(model) (Equinox's tree: 'Conv2d(', 'num_spatial_dims=2,', "
        "'weight=f32[3,1,4,4],', 'in_channels=1,', 'kernel_size=(4, 4),', 'stride=(1, 1),', "
        "'padding=((0, 0), (0, 0)),', 'MaxPool2d(', 'init=-inf,', 'Linear(', "
        "'weight=f32[512,1728],', 'in_features=1728,', 'out_features=512,', '<wrapped function "
        "relu>': shapes and settings, no metric), the dummy batch's loss shape '()' and its loss "
        "'2.3051...' printed alone, with no name (the untrained model's loss on one batch: not a "
        "series), then 'step=0, train_loss=2.30..., test_loss=2.29..., test_accuracy=0.11...' "
        "every 30 steps and at the last (step 149). step = the loop's 0-based step, as printed; "
        "accuracy is a fraction."
    )


# --- the RNN example --------------------------------------------------------------------------
def dataloader(arrays, batch_size, *, key):
    dataset_size = arrays[0].shape[0]
    assert all(array.shape[0] == dataset_size for array in arrays)
    indices = jnp.arange(dataset_size)
    while True:
        perm = jr.permutation(key, indices)
        (key,) = jr.split(key, 1)
        start = 0
        end = batch_size
        while end < dataset_size:
            batch_perm = perm[start:end]
            yield tuple(array[batch_perm] for array in arrays)
            start = end
            end = start + batch_size


def get_data(dataset_size, *, key):
    t = jnp.linspace(0, 2 * math.pi, 16)
    offset = jr.uniform(key, (dataset_size, 1), minval=0, maxval=2 * math.pi)
    x1 = jnp.sin(t + offset) / (1 + t)
    x2 = jnp.cos(t + offset) / (1 + t)
    y = jnp.ones((dataset_size, 1))

    half_dataset_size = dataset_size // 2
    x1 = x1.at[:half_dataset_size].multiply(-1)
    y = y.at[:half_dataset_size].set(0)
    x = jnp.stack([x1, x2], axis=-1)

    return x, y


class RNN(eqx.Module):
    hidden_size: int
    cell: eqx.Module
    linear: eqx.nn.Linear
    bias: jax.Array

    def __init__(self, in_size, out_size, hidden_size, *, key):
        ckey, lkey = jr.split(key)
        self.hidden_size = hidden_size
        self.cell = eqx.nn.GRUCell(in_size, hidden_size, key=ckey)
        self.linear = eqx.nn.Linear(hidden_size, out_size, use_bias=False, key=lkey)
        self.bias = jnp.zeros(out_size)

    def __call__(self, input):
        hidden = jnp.zeros((self.hidden_size,))

        def f(carry, inp):
            return self.cell(inp, carry), None

        out, _ = lax.scan(f, hidden, input)
        # sigmoid because we're performing binary classification
        return jax.nn.sigmoid(self.linear(out) + self.bias)


def run_rnn(
    dataset_size=10000,
    batch_size=32,
    learning_rate=3e-3,
    steps=200,
    hidden_size=16,
    depth=1,
    seed=5678,
):
    data_key, model_key = jr.split(jr.PRNGKey(seed), 2)
    xs, ys = get_data(dataset_size, key=data_key)
    iter_data = dataloader((xs, ys), batch_size, key=data_key)

    model = RNN(in_size=2, out_size=1, hidden_size=hidden_size, key=model_key)

    @eqx.filter_value_and_grad
    def compute_loss(model, x, y):
        pred_y = jax.vmap(model)(x)
        # Trains with respect to binary cross-entropy
        return -jnp.mean(y * jnp.log(pred_y) + (1 - y) * jnp.log(1 - pred_y))

    # Important for efficiency whenever you use JAX: wrap everything into a single JIT
    # region.
    @eqx.filter_jit
    def make_step(model, x, y, opt_state):
        loss, grads = compute_loss(model, x, y)
        updates, opt_state = optim.update(grads, opt_state)
        model = eqx.apply_updates(model, updates)
        return loss, model, opt_state

    optim = optax.adam(learning_rate)
    opt_state = optim.init(eqx.filter(model, eqx.is_inexact_array))
    for step, (x, y) in zip(range(steps), iter_data, strict=False):
        loss, model, opt_state = make_step(model, x, y, opt_state)
        loss = loss.item()
        print(f"step={step}, loss={loss}")
        series.add("loss", step, None, loss)

    pred_ys = jax.vmap(model)(xs)
    num_correct = jnp.sum((pred_ys > 0.5) == ys)
    final_accuracy = (num_correct / dataset_size).item()
    print(f"final_accuracy={final_accuracy}")
    series.add("final_accuracy", step, None, final_accuracy)
    return (
        "Equinox's 'Train RNN' example (GRUCell, binary cross-entropy on its synthetic clockwise/"
        "anticlockwise spirals): 'step=0, loss=0.6931...' after every step (step = the loop's "
        "0-based step, as printed; the value is loss.item(), a Python float), then once "
        "'final_accuracy=0.9995' (accuracy over the whole data set after training, a fraction; "
        "truth puts it at the last step)."
    )


notes = run_cnn() if style == "cnn" else run_rnn()
_truth.write(
    library=(
        f"equinox {metadata.version('equinox')}, jax {metadata.version('jax')}, "
        f"optax {metadata.version('optax')}"
    ),
    script="tests/corpus/scripts/equinox_train.py",
    record="the values the example hands to print() (Python floats from .item(): printed in full)",
    step_kind="global",
    series=series,
    notes=notes,
)
