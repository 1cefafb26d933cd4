"""Sonnet 2's own example loops on synthetic data (no tfds download):

simple: examples/simple_mnist.py as shipped in the sonnet repository (snt.Sequential of Conv2D,
    snt.optimizers.SGD(0.1), tf.function train_epoch / test_accuracy) printing
    '[Epoch 0] train loss: 0.69315, test acc: 51.20% (244 wrong)'.
replicator: examples/distributed_cifar10.ipynb's loop (snt.distribute.Replicator,
    snt.nets.Cifar10ConvNet, snt.optimizers.Momentum) printing 'Training epoch 0 ... loss = 2.30'
    then 'Testing... top-1 accuracy = 0.41'.
Images are random 12x12 tensors whose label is a fixed linear function of them (MNIST-like
1-channel for simple, CIFAR-like 3-channel and 10 classes for replicator), sizes cut down.

Versions: dm-sonnet 2.0.2, tensorflow-cpu 2.21.0, absl-py 2.5.1, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sonnet_simple_mnist -- python tests/corpus/scripts/sonnet_examples.py simple
    python tests/corpus/scripts/capture.py pipe real_sonnet_replicator -- python tests/corpus/scripts/sonnet_examples.py replicator
Truth: the values the examples' tf.functions returned (train_epoch's loss, test_accuracy's dict,
train()'s mean loss, evaluate()'s accuracy), kept by the script as it printed them.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import sonnet as snt
import tensorflow as tf
from absl import app

kind = sys.argv[1]
sys.argv = sys.argv[:1]
tf.random.set_seed(0)
series = _truth.Series()


def synthetic(n, channels, classes, seed):
    rng = np.random.default_rng(seed)
    w = np.random.default_rng(123).normal(size=(12 * 12 * channels, classes))
    x = rng.normal(size=(n, 12, 12, channels)).astype(np.float32)
    y = (x.reshape(n, -1) @ w).argmax(1).astype(np.int64)
    return x, y


def mnist(split, batch_size):
    x, y = synthetic(2048 if split == "train" else 500, 1, 2, 0 if split == "train" else 1)
    dataset = tf.data.Dataset.from_tensor_slices((x, y))
    dataset = dataset.shuffle(buffer_size=4 * batch_size, seed=0)
    dataset = dataset.batch(batch_size)
    dataset = dataset.cache()
    dataset = dataset.prefetch(tf.data.experimental.AUTOTUNE)
    return dataset


def train_step(model, optimizer, images, labels):
    with tf.GradientTape() as tape:
        logits = model(images)
        loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
        loss = tf.reduce_mean(loss)
    variables = model.trainable_variables
    gradients = tape.gradient(loss, variables)
    optimizer.apply(gradients, variables)
    return loss


@tf.function
def train_epoch(model, optimizer, dataset):
    loss = 0.0
    for images, labels in dataset:
        loss = train_step(model, optimizer, images, labels)
    return loss


@tf.function
def test_accuracy(model, dataset):
    correct, total = 0, 0
    for images, labels in dataset:
        preds = tf.argmax(model(images), axis=1)
        correct += tf.math.count_nonzero(tf.equal(preds, labels), dtype=tf.int32)
        total += tf.shape(labels)[0]
    accuracy = (correct / tf.cast(total, tf.int32)) * 100.0
    return {"accuracy": accuracy, "incorrect": total - correct}


def simple_main(unused_argv):
    del unused_argv
    model = snt.Sequential(
        [
            snt.Conv2D(8, 3, 1),
            tf.nn.relu,
            snt.Conv2D(8, 3, 1),
            tf.nn.relu,
            snt.Flatten(),
            snt.Linear(2),
        ]
    )
    optimizer = snt.optimizers.SGD(0.1)
    train_data = mnist("train", batch_size=128)
    test_data = mnist("test", batch_size=250)
    for epoch in range(5):
        train_loss = train_epoch(model, optimizer, train_data)
        test_metrics = test_accuracy(model, test_data)
        print(
            "[Epoch %d] train loss: %.05f, test acc: %.02f%% (%d wrong)"  # noqa: UP031 (as shipped)
            % (epoch, train_loss, test_metrics["accuracy"], test_metrics["incorrect"])
        )
        series.add("train loss", None, epoch, float(train_loss))
        series.add("test acc", None, epoch, float(test_metrics["accuracy"]))
    write(
        record="train_epoch()'s returned loss and test_accuracy()'s 'accuracy' (already x100)",
        notes=(
            "One line per epoch, epochs numbered from 0 as printed: '[Epoch 0] train loss: 0.67212, "
            "test acc: 70.60% (147 wrong)'. 'train loss' is the LAST batch's loss of the epoch "
            "(train_epoch returns the last step's loss), printed with 5 decimals; 'test acc' is a "
            "percentage (the example multiplies by 100; recorded in the printed unit) with 2 "
            "decimals; '(147 wrong)' is a count of misclassified test images, not a metric."
        ),
    )


def replicator_main(unused_argv):
    del unused_argv
    strategy = snt.distribute.Replicator(
        ["/device:CPU:0"], tf.distribute.ReductionToOneDevice("CPU:0")
    )
    batch_size = 64
    x, y = synthetic(1024, 3, 10, 0)
    xt, yt = synthetic(256, 3, 10, 1)
    cifar10_train = (
        tf.data.Dataset.from_tensor_slices((x, y)).shuffle(1024, seed=0).batch(batch_size)
    )
    cifar10_test = tf.data.Dataset.from_tensor_slices((xt, yt)).batch(batch_size)
    with strategy.scope():
        model = snt.nets.Cifar10ConvNet(
            output_channels=(8, 8, 16, 16, 16, 16), strides=(1, 1, 2, 1, 1, 2)
        )
        optimizer = snt.optimizers.Momentum(0.05, 0.9)
    num_epochs = 4

    def step(images, labels):
        """Performs a single training step, returning the cross-entropy loss."""
        with tf.GradientTape() as tape:
            logits = model(images, is_training=True)["logits"]
            loss = tf.reduce_mean(
                tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
            )
        grads = tape.gradient(loss, model.trainable_variables)
        replica_ctx = tf.distribute.get_replica_context()
        grads = replica_ctx.all_reduce("mean", grads)
        optimizer.apply(grads, model.trainable_variables)
        return loss

    cifar10_train_dist = strategy.experimental_distribute_dataset(cifar10_train)

    @tf.function
    def train():
        """Performs one epoch of training, returning the mean cross-entropy loss."""
        total_loss = 0.0
        num_batches = 0
        for images, labels in cifar10_train_dist:
            per_replica_losses = strategy.run(step, args=(images, labels))
            total_loss += strategy.reduce("sum", per_replica_losses, axis=None)
            num_batches += 1
        return total_loss / tf.cast(num_batches, dtype=total_loss.dtype)

    for epoch in range(num_epochs):
        print("Training epoch", epoch, "...", end=" ")
        loss = train().numpy()
        print("loss =", loss)
        series.add("loss", None, epoch, float(loss))

    num_cifar10_test_examples = 256

    def is_predicted(images, labels):
        logits = model(images, is_training=False)["logits"]
        return tf.cast(tf.equal(labels, tf.argmax(logits, axis=1)), dtype=tf.int32)

    cifar10_test_dist = strategy.experimental_distribute_dataset(cifar10_test)

    @tf.function
    def evaluate():
        """Returns the top-1 accuracy over the entire test set."""
        total_correct = 0
        for images, labels in cifar10_test_dist:
            per_replica_correct = strategy.run(is_predicted, args=(images, labels))
            total_correct += strategy.reduce("sum", per_replica_correct, axis=0)
        return tf.cast(total_correct, tf.float32) / num_cifar10_test_examples

    print("Testing...", end=" ")
    acc = evaluate().numpy()
    print("top-1 accuracy =", acc)
    series.add("top-1 accuracy", None, num_epochs - 1, float(acc))
    write(
        record="train()'s returned mean loss per epoch and evaluate()'s accuracy",
        notes=(
            "'Training epoch 0 ... loss = 2.2961' per epoch (epochs from 0 as printed; the float32 "
            "printed by numpy's str, shortest repr), then 'Testing... top-1 accuracy = 0.2890625' "
            "once after the last epoch (recorded at that epoch). 'loss' is the epoch's mean "
            "cross-entropy over its batches."
        ),
    )


def write(record, notes):
    _truth.write(
        library=f"dm-sonnet {snt.__version__}, tensorflow {tf.__version__}",
        script="tests/corpus/scripts/sonnet_examples.py",
        record=record,
        step_kind="epoch",
        series=series,
        notes=notes + " TensorFlow's start-up INFO lines come first.",
    )


if __name__ == "__main__":
    app.run(simple_main if kind == "simple" else replicator_main)
