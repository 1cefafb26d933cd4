"""Flax NNX's MNIST tutorial loop on synthetic 'digits' (a CNN, nnx.Optimizer, nnx.MultiMetric),
printing as the tutorials print.

Styles:
  step   the NNX MNIST tutorial: nnx.display(model) / nnx.display(optimizer), then every
         eval_every steps '[train] step: 20, loss: 1.93..., accuracy: 41.25' and
         '[test] step: 20, loss: ..., accuracy: ...' (accuracy * 100, raw jax Array str)
  epoch  the Linen quick-start's print lines, per epoch: 'train epoch: 1, loss: ..., accuracy: ...'
         and 'test epoch: 1, loss: ..., accuracy: ...'

Versions: jax 0.10.2, flax 0.12.8, optax 0.2.8, numpy 2.4.6, Python 3.11 (CPU; venv corpus-s-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_flax_nnx_mnist_step -- python tests/corpus/scripts/flax_nnx_mnist.py step
    python tests/corpus/scripts/capture.py pipe real_flax_nnx_mnist_epoch -- python tests/corpus/scripts/flax_nnx_mnist.py epoch
Truth: what nnx.MultiMetric.compute() returned (the tutorial's metrics_history), float32 values
at full precision; accuracy in the printed unit (x100, as the tutorial prints it).
"""

import os
import sys
from functools import partial
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import numpy as np
import optax
from flax import nnx

style = sys.argv[1] if len(sys.argv) > 1 else "step"
assert style in ("step", "epoch")

# synthetic 'digits': 10 fixed 14x14 templates plus noise
rng = np.random.default_rng(0)
templates = rng.normal(size=(10, 14, 14)).astype(np.float32)


def make(n):
    labels = rng.integers(0, 10, n)
    imgs = templates[labels] + 2.5 * rng.normal(size=(n, 14, 14)).astype(np.float32)
    return {"image": imgs[..., None].astype(np.float32), "label": labels.astype(np.int32)}


train_ds, test_ds = make(1920), make(384)
batch_size = 32


class CNN(nnx.Module):
    """A simple CNN model."""

    def __init__(self, *, rngs: nnx.Rngs):
        self.conv1 = nnx.Conv(1, 8, kernel_size=(3, 3), rngs=rngs)
        self.conv2 = nnx.Conv(8, 16, kernel_size=(3, 3), rngs=rngs)
        self.avg_pool = partial(nnx.avg_pool, window_shape=(2, 2), strides=(2, 2))
        self.linear1 = nnx.Linear(16 * 3 * 3, 64, rngs=rngs)
        self.linear2 = nnx.Linear(64, 10, rngs=rngs)

    def __call__(self, x):
        x = self.avg_pool(nnx.relu(self.conv1(x)))
        x = self.avg_pool(nnx.relu(self.conv2(x)))
        x = x.reshape(x.shape[0], -1)  # flatten
        x = nnx.relu(self.linear1(x))
        x = self.linear2(x)
        return x


model = CNN(rngs=nnx.Rngs(0))
learning_rate = 0.005
momentum = 0.9
optimizer = nnx.Optimizer(model, optax.adamw(learning_rate, momentum), wrt=nnx.Param)
metrics = nnx.MultiMetric(
    accuracy=nnx.metrics.Accuracy(),
    loss=nnx.metrics.Average("loss"),
)
if style == "step":
    nnx.display(model)
    nnx.display(optimizer)


def loss_fn(model: CNN, batch):
    logits = model(batch["image"])
    loss = optax.softmax_cross_entropy_with_integer_labels(
        logits=logits, labels=batch["label"]
    ).mean()
    return loss, logits


@nnx.jit
def train_step(model: CNN, optimizer: nnx.Optimizer, metrics: nnx.MultiMetric, batch):
    """Train for a single step."""
    grad_fn = nnx.value_and_grad(loss_fn, has_aux=True)
    (loss, logits), grads = grad_fn(model, batch)
    metrics.update(loss=loss, logits=logits, labels=batch["label"])  # In-place updates.
    optimizer.update(model, grads)  # In-place updates.


@nnx.jit
def eval_step(model: CNN, metrics: nnx.MultiMetric, batch):
    loss, logits = loss_fn(model, batch)
    metrics.update(loss=loss, logits=logits, labels=batch["label"])  # In-place updates.


def batches(ds, shuffle):
    n = len(ds["label"])
    order = rng.permutation(n) if shuffle else np.arange(n)
    for i in range(0, n - batch_size + 1, batch_size):
        idx = order[i : i + batch_size]
        yield {k: v[idx] for k, v in ds.items()}


metrics_history = {"train_loss": [], "train_accuracy": [], "test_loss": [], "test_accuracy": []}
series = _truth.Series()
steps_per_epoch = len(train_ds["label"]) // batch_size  # 60
num_epochs = 3
train_steps = steps_per_epoch * num_epochs
eval_every = 40 if style == "step" else steps_per_epoch


def train_iter():
    for _ in range(num_epochs):
        yield from batches(train_ds, True)


for step, batch in enumerate(train_iter()):
    # Run the optimization for one step and make a stateful update to the following:
    # - The train state's model parameters
    # - The optimizer state
    # - The training loss and accuracy batch metrics
    train_step(model, optimizer, metrics, batch)

    if style == "step":
        due = step > 0 and (step % eval_every == 0 or step == train_steps - 1)
    else:
        due = (step + 1) % steps_per_epoch == 0
    if due:  # One training epoch has passed.
        # Log the training metrics.
        for metric, value in metrics.compute().items():  # Compute the metrics.
            metrics_history[f"train_{metric}"].append(value)  # Record the metrics.
        metrics.reset()  # Reset the metrics for the test set.

        # Compute the metrics on the test set after each training epoch.
        for test_batch in batches(test_ds, False):
            eval_step(model, metrics, test_batch)

        # Log the test metrics.
        for metric, value in metrics.compute().items():
            metrics_history[f"test_{metric}"].append(value)
        metrics.reset()  # Reset the metrics for the next training epoch.

        if style == "step":
            print(
                f"[train] step: {step}, "
                f"loss: {metrics_history['train_loss'][-1]}, "
                f"accuracy: {metrics_history['train_accuracy'][-1] * 100}"
            )
            print(
                f"[test] step: {step}, "
                f"loss: {metrics_history['test_loss'][-1]}, "
                f"accuracy: {metrics_history['test_accuracy'][-1] * 100}"
            )
            at, epoch = step, None
        else:
            print(
                f"train epoch: {(step + 1) // steps_per_epoch}, "
                f"loss: {metrics_history['train_loss'][-1]}, "
                f"accuracy: {metrics_history['train_accuracy'][-1] * 100}"
            )
            print(
                f"test epoch: {(step + 1) // steps_per_epoch}, "
                f"loss: {metrics_history['test_loss'][-1]}, "
                f"accuracy: {metrics_history['test_accuracy'][-1] * 100}"
            )
            at, epoch = step + 1, (step + 1) // steps_per_epoch
        for split in ("train", "test"):
            series.add(f"{split} loss", at, epoch, metrics_history[f"{split}_loss"][-1])
            series.add(
                f"{split} accuracy", at, epoch, metrics_history[f"{split}_accuracy"][-1] * 100
            )

notes = {
    "step": (
        "The NNX MNIST tutorial's output: nnx.display(model) and nnx.display(optimizer) print "
        "the modules' reprs ('CNN( # Param: 11,178 (44.7 KB)', 'kernel_shape=(3, 3, 1, 8),', "
        "'value=Array(shape=(8,), dtype=dtype('float32'))', 'in_features=144,', 'strides=1,', "
        "'step=OptState( # 1 (4 B)', 'value=Array(0, dtype=uint32)': parameter counts, sizes, "
        "shapes and settings, no metric), then every 40 steps and at the last step two lines "
        "'[train] step: 40, loss: 1.7345678, accuracy: 41.25' and '[test] step: 40, loss: ..., "
        "accuracy: ...' (jax float32 Arrays printed by str(): shortest float32 digits; accuracy "
        "is the Accuracy metric x100, printed as such: the truth holds the printed unit). step = "
        "the loop's 0-based batch index as printed (the evaluation after batch 40). Series named "
        "by the line's bracketed label: 'train loss', 'train accuracy', 'test loss', 'test "
        "accuracy' (the tutorial's metrics_history keys train_loss... say the same)."
    ),
    "epoch": (
        "Per epoch two lines as Flax's quick start prints them: 'train epoch: 1, loss: "
        "1.9345678, accuracy: 35.9375' and 'test epoch: 1, loss: ..., accuracy: ...' (jax "
        "float32 Arrays printed by str(); accuracy x100, the truth holds the printed unit). "
        "The first word qualifies the line: series 'train loss', 'train accuracy', 'test loss', "
        "'test accuracy'; epoch as printed, step = optimizer steps done (60 per epoch, not "
        "printed). Nothing else is printed."
    ),
}[style]
_truth.write(
    library=(
        f"flax {metadata.version('flax')} nnx, jax {metadata.version('jax')}, "
        f"optax {metadata.version('optax')}"
    ),
    script="tests/corpus/scripts/flax_nnx_mnist.py",
    record="nnx.MultiMetric(accuracy=Accuracy(), loss=Average('loss')).compute() per evaluation "
    "(the tutorial's metrics_history), full float32 precision",
    step_kind="global",
    series=series,
    notes=notes,
)
