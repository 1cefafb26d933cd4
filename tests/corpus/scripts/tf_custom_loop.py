"""TensorFlow 2 custom training loops in the shapes of the official tutorials, on synthetic
10-class 8x8 "images" (Gaussian class prototypes plus noise; no MNIST download), CPU.

- quickstart: "TensorFlow 2 quickstart for experts" (tf.GradientTape, @tf.function steps, Keras
  metric objects reset each epoch), one line per epoch:
      Epoch 1, Loss: 1.23, Accuracy: 61.25, Test Loss: 0.98, Test Accuracy: 70.31
  (accuracies x 100, two decimals).
- guide: Keras' "Writing a training loop from scratch" (TensorFlow backend):
      Start of epoch 0
      Training loss (for 1 batch) at step 0: 2.3407
      Seen so far: 32 samples
      ...
      Training acc over epoch: 0.4123
      Validation acc: 0.5312
      Time taken: 0.42s

Truth: the Keras metric objects' result() (the library's own running metrics) and the loss tensor
of the printed step, taken at each print; in the printed unit (x 100 for the quickstart's
accuracies).

Versions: tensorflow-cpu 2.21.0 (keras 3.15.1), numpy 2.4.6, Python 3.11 (venv /work/venvs/tf-d).
Seeds fixed; a few s of CPU (most of it importing TensorFlow).
Capture (repository root, venv /work/venvs/tf-d):
    python tests/corpus/scripts/capture.py pipe real_tf_quickstart_loop -- python tests/corpus/scripts/tf_custom_loop.py quickstart
    python tests/corpus/scripts/capture.py pipe real_tf_guide_loop -- python tests/corpus/scripts/tf_custom_loop.py guide
"""

import os
import sys
import time

import keras
import numpy as np
import tensorflow as tf

sys.path.insert(0, os.path.dirname(__file__))

import _truth

MODE = sys.argv[1] if len(sys.argv) > 1 else "quickstart"
tf.random.set_seed(0)
keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
protos = rng.normal(size=(10, 8, 8, 1)).astype("float32")


def make(n):
    y = rng.integers(10, size=n)
    x = protos[y] + 1.6 * rng.normal(size=(n, 8, 8, 1)).astype("float32")
    return x, y.astype("int64")


x_train, y_train = make(1280)
x_test, y_test = make(320)
series = _truth.Series()
LIB = f"tensorflow {tf.__version__} (keras {keras.__version__}, numpy {np.__version__})"

if MODE == "quickstart":
    train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1280, seed=0).batch(32)
    test_ds = tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(32)

    class MyModel(keras.Model):
        def __init__(self):
            super().__init__()
            self.conv1 = keras.layers.Conv2D(8, 3, activation="relu")
            self.flatten = keras.layers.Flatten()
            self.d1 = keras.layers.Dense(32, activation="relu")
            self.d2 = keras.layers.Dense(10)

        def call(self, x):
            return self.d2(self.d1(self.flatten(self.conv1(x))))

    model = MyModel()
    loss_object = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = keras.optimizers.Adam()
    train_loss = keras.metrics.Mean(name="train_loss")
    train_accuracy = keras.metrics.SparseCategoricalAccuracy(name="train_accuracy")
    test_loss = keras.metrics.Mean(name="test_loss")
    test_accuracy = keras.metrics.SparseCategoricalAccuracy(name="test_accuracy")

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            predictions = model(images, training=True)
            loss = loss_object(labels, predictions)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss(loss)
        train_accuracy(labels, predictions)

    @tf.function
    def eval_step(images, labels):
        predictions = model(images, training=False)
        t_loss = loss_object(labels, predictions)
        test_loss(t_loss)
        test_accuracy(labels, predictions)

    EPOCHS = 5
    for epoch in range(EPOCHS):
        train_loss.reset_state()
        train_accuracy.reset_state()
        test_loss.reset_state()
        test_accuracy.reset_state()
        for images, labels in train_ds:
            train_step(images, labels)
        for test_images, test_labels in test_ds:
            eval_step(test_images, test_labels)
        print(
            f"Epoch {epoch + 1}, "
            f"Loss: {train_loss.result():0.2f}, "
            f"Accuracy: {train_accuracy.result() * 100:0.2f}, "
            f"Test Loss: {test_loss.result():0.2f}, "
            f"Test Accuracy: {test_accuracy.result() * 100:0.2f}"
        )
        series.add("Loss", None, epoch + 1, float(train_loss.result()))
        series.add("Accuracy", None, epoch + 1, float(train_accuracy.result()) * 100)
        series.add("Test Loss", None, epoch + 1, float(test_loss.result()))
        series.add("Test Accuracy", None, epoch + 1, float(test_accuracy.result()) * 100)
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/tf_custom_loop.py",
        record="the Keras metric objects (Mean, SparseCategoricalAccuracy) result() at each epoch's print",
        step_kind="epoch",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes="'TensorFlow 2 quickstart for experts' loop: after each epoch 'Epoch 1, Loss: 1.23, Accuracy: "
        "61.25, Test Loss: 0.98, Test Accuracy: 70.31' (1-based epochs; accuracies are the printed "
        "percent, 100 x the metric's fraction; two decimals). TensorFlow's own startup lines "
        "(oneDNN / CPU-feature notices on stderr) may come first.",
    )
else:
    batch_size = 32
    train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train))
    train_dataset = train_dataset.shuffle(buffer_size=1024, seed=0).batch(batch_size)
    val_dataset = tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(batch_size)
    inputs = keras.Input(shape=(8, 8, 1), name="digits")
    x = keras.layers.Flatten()(inputs)
    x = keras.layers.Dense(64, activation="relu")(x)
    x = keras.layers.Dense(64, activation="relu")(x)
    outputs = keras.layers.Dense(10, name="predictions")(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    optimizer = keras.optimizers.SGD(learning_rate=1e-2)
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    train_acc_metric = keras.metrics.SparseCategoricalAccuracy()
    val_acc_metric = keras.metrics.SparseCategoricalAccuracy()

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x, training=True)
            loss_value = loss_fn(y, logits)
        grads = tape.gradient(loss_value, model.trainable_weights)
        optimizer.apply(grads, model.trainable_weights)
        train_acc_metric.update_state(y, logits)
        return loss_value

    @tf.function
    def eval_step(x, y):
        val_logits = model(x, training=False)
        val_acc_metric.update_state(y, val_logits)

    epochs = 3
    steps_per_epoch = len(x_train) // batch_size
    for epoch in range(epochs):
        print(f"\nStart of epoch {epoch}")
        start_time = time.time()
        for step, (x_batch_train, y_batch_train) in enumerate(train_dataset):
            loss_value = train_step(x_batch_train, y_batch_train)
            if step % 10 == 0:
                print(f"Training loss (for 1 batch) at step {step}: {float(loss_value):.4f}")
                print(f"Seen so far: {(step + 1) * batch_size} samples")
                series.add(
                    "Training loss (for 1 batch)",
                    epoch * steps_per_epoch + step,
                    epoch,
                    float(loss_value),
                )
        train_acc = train_acc_metric.result()
        print(f"Training acc over epoch: {float(train_acc):.4f}")
        series.add("Training acc over epoch", (epoch + 1) * steps_per_epoch - 1, epoch, float(train_acc))
        train_acc_metric.reset_state()
        for x_batch_val, y_batch_val in val_dataset:
            eval_step(x_batch_val, y_batch_val)
        val_acc = val_acc_metric.result()
        val_acc_metric.reset_state()
        print(f"Validation acc: {float(val_acc):.4f}")
        series.add("Validation acc", (epoch + 1) * steps_per_epoch - 1, epoch, float(val_acc))
        print(f"Time taken: {time.time() - start_time:.2f}s")
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/tf_custom_loop.py",
        record="the loss tensor train_step returns at the printed steps and the Keras "
        "SparseCategoricalAccuracy metrics' result() at each epoch's end",
        step_kind="global",
        series=series,
        extra_ok=["Time taken (seconds per epoch)"],
        not_printed=[],
        notes="Keras' 'Writing a training loop from scratch' guide (TensorFlow backend): a blank line and "
        "'Start of epoch 0' (0-based), every 10 batches 'Training loss (for 1 batch) at step 10: 1.2345' "
        "(the step counts batches within the epoch, 0-based, restarting each epoch; the truth's step "
        "is the global batch index, 40 batches per epoch) and 'Seen so far: 352 samples' (a count), "
        "then 'Training acc over epoch: 0.4123', 'Validation acc: 0.5312' and 'Time taken: 0.42s'.",
    )
