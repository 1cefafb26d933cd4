"""Flax's Linen MNIST example (examples/mnist/main.py + train.py as in the flax repository) on
synthetic 14x14 'digits' instead of tfds MNIST: absl app.run, ml_collections config, clu
platform work-unit lines, flax.metrics.tensorboard.SummaryWriter, and the per-epoch absl line
'epoch:  1, train_loss: 2.2031, train_accuracy: 21.35, test_loss: 2.0312, test_accuracy: 30.47'.

Versions: flax 0.12.8 (linen), jax 0.10.2, optax 0.2.8, clu 0.0.12, ml_collections 1.1.0,
tensorflow-cpu 2.21.0 (flax.metrics.tensorboard writes through tf.summary), absl-py 2.5.1,
Python 3.11 (CPU).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_flax_linen_mnist_example -- python tests/corpus/scripts/flax_linen_mnist_example.py
(absl logs the same under a terminal: no pty entry.)
Truth: the TensorBoard event files the example's flax.metrics.tensorboard.SummaryWriter wrote
(train_loss, train_accuracy, test_loss, test_accuracy per epoch), read back with
tf.data.TFRecordDataset; the accuracies are printed x100 (the example's own '* 100'), recorded
in the printed unit.
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import flax
import jax
import jax.numpy as jnp
import ml_collections
import numpy as np
import optax
import tensorflow as tf
from absl import app, flags, logging
from clu import platform
from flax import linen as nn
from flax.metrics import tensorboard
from flax.training import train_state

FLAGS = flags.FLAGS
flags.DEFINE_string("workdir", None, "Directory to store model data.")


def get_config():
    """Get the default hyperparameter configuration (examples/mnist/configs/default.py)."""
    config = ml_collections.ConfigDict()
    config.learning_rate = 0.1
    config.momentum = 0.9
    config.batch_size = 128
    config.num_epochs = 4
    return config


class CNN(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.Conv(features=16, kernel_size=(3, 3))(x)
        x = nn.relu(x)
        x = nn.avg_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = x.reshape((x.shape[0], -1))
        x = nn.Dense(features=64)(x)
        x = nn.relu(x)
        x = nn.Dense(features=10)(x)
        return x


@jax.jit
def apply_model(state, images, labels):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, images)
        one_hot = jax.nn.one_hot(labels, 10)
        loss = jnp.mean(optax.softmax_cross_entropy(logits=logits, labels=one_hot))
        return loss, logits

    grad_fn = jax.value_and_grad(loss_fn, has_aux=True)
    (loss, logits), grads = grad_fn(state.params)
    accuracy = jnp.mean(jnp.argmax(logits, -1) == labels)
    return grads, loss, accuracy


@jax.jit
def update_model(state, grads):
    return state.apply_gradients(grads=grads)


def train_epoch(state, train_ds, batch_size, rng):
    train_ds_size = len(train_ds["image"])
    steps_per_epoch = train_ds_size // batch_size
    perms = jax.random.permutation(rng, len(train_ds["image"]))
    perms = perms[: steps_per_epoch * batch_size]
    perms = perms.reshape((steps_per_epoch, batch_size))
    epoch_loss = []
    epoch_accuracy = []
    for perm in perms:
        batch_images = train_ds["image"][perm, ...]
        batch_labels = train_ds["label"][perm, ...]
        grads, loss, accuracy = apply_model(state, batch_images, batch_labels)
        state = update_model(state, grads)
        epoch_loss.append(loss)
        epoch_accuracy.append(accuracy)
    train_loss = np.mean(epoch_loss)
    train_accuracy = np.mean(epoch_accuracy)
    return state, train_loss, train_accuracy


def get_datasets():
    """Synthetic stand-in for tfds MNIST: 10 blurred prototype images plus noise."""
    rng = np.random.default_rng(0)
    protos = rng.uniform(0, 1, size=(10, 14, 14, 1))

    def make(n):
        labels = rng.integers(0, 10, n)
        images = protos[labels] + rng.normal(0, 0.9, size=(n, 14, 14, 1))
        return {"image": jnp.float32(images), "label": jnp.int32(labels)}

    return make(1536), make(512)


def create_train_state(rng, config):
    cnn = CNN()
    params = cnn.init(rng, jnp.ones([1, 14, 14, 1]))["params"]
    tx = optax.sgd(config.learning_rate, config.momentum)
    return train_state.TrainState.create(apply_fn=cnn.apply, params=params, tx=tx)


def train_and_evaluate(config, workdir):
    train_ds, test_ds = get_datasets()
    rng = jax.random.PRNGKey(0)
    summary_writer = tensorboard.SummaryWriter(workdir)
    summary_writer.hparams(dict(config))
    rng, init_rng = jax.random.split(rng)
    state = create_train_state(init_rng, config)
    for epoch in range(1, config.num_epochs + 1):
        rng, input_rng = jax.random.split(rng)
        state, train_loss, train_accuracy = train_epoch(
            state, train_ds, config.batch_size, input_rng
        )
        _, test_loss, test_accuracy = apply_model(state, test_ds["image"], test_ds["label"])
        logging.info(
            "epoch:% 3d, train_loss: %.4f, train_accuracy: %.2f, test_loss: %.4f, test_accuracy: %.2f"  # noqa: UP031
            % (epoch, train_loss, train_accuracy * 100, test_loss, test_accuracy * 100)
        )
        summary_writer.scalar("train_loss", train_loss, epoch)
        summary_writer.scalar("train_accuracy", train_accuracy, epoch)
        summary_writer.scalar("test_loss", test_loss, epoch)
        summary_writer.scalar("test_accuracy", test_accuracy, epoch)
    summary_writer.flush()
    return state


def main(argv):
    if len(argv) > 1:
        raise app.UsageError("Too many command-line arguments.")
    tf.config.experimental.set_visible_devices([], "GPU")
    logging.info("JAX process: %d / %d", jax.process_index(), jax.process_count())
    logging.info("JAX local devices: %r", jax.local_devices())
    platform.work_unit().set_task_status(
        f"process_index: {jax.process_index()}, process_count: {jax.process_count()}"
    )
    platform.work_unit().create_artifact(platform.ArtifactType.DIRECTORY, FLAGS.workdir, "workdir")
    train_and_evaluate(get_config(), FLAGS.workdir)

    # ---- ground truth (written only under capture.py) ----
    series = _truth.Series()
    for f in sorted(os.listdir(FLAGS.workdir)):
        for rec in tf.data.TFRecordDataset(os.path.join(FLAGS.workdir, f)):
            ev = tf.compat.v1.Event.FromString(rec.numpy())
            for v in ev.summary.value:
                if v.metadata.plugin_data.plugin_name == "hparams":
                    continue
                value = float(tf.make_ndarray(v.tensor))
                if v.tag.endswith("accuracy"):
                    value *= 100  # printed x100 by the example
                series.add(v.tag, None, int(ev.step), value)
    _truth.write(
        library=(
            f"flax {flax.__version__} (linen), jax {jax.__version__}, optax {optax.__version__}, "
            f"clu platform, ml_collections, tensorflow {tf.__version__}"
        ),
        script="tests/corpus/scripts/flax_linen_mnist_example.py",
        record=(
            "the TensorBoard event files of flax.metrics.tensorboard.SummaryWriter "
            "(scalar(name, value, epoch)); accuracies x100 as printed"
        ),
        step_kind="epoch",
        series=series,
        notes=(
            "absl INFO lines on stderr: 'JAX process: 0 / 1' and 'JAX local devices: [CpuDevice(id=0)]' "
            "(counts and a device list), clu's 'Setting task status: process_index: 0, "
            "process_count: 1' and 'Created artifact workdir of type ArtifactType.DIRECTORY and value "
            "/tmp/...' (not metrics), then per epoch 'epoch:  1, train_loss: 2.2031, train_accuracy: "
            "21.35, test_loss: 2.0312, test_accuracy: 30.47' (epoch from 1 with '% 3d' padding; "
            "losses 4 decimals, accuracies percentages with 2 decimals; the writer keeps fractions, "
            "the truth the printed x100 unit). train_loss / train_accuracy are the means over the "
            "epoch's batches."
        ),
    )


if __name__ == "__main__":
    flags.mark_flags_as_required(["workdir"])
    workdir = tempfile.mkdtemp(prefix="flax-mnist-")
    sys.argv += [f"--workdir={workdir}"]
    try:
        app.run(main)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
