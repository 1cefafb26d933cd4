"""TensorFlow Model Optimization's Keras examples, their code and prints verbatim, on synthetic 28x28
10-class images (the examples load MNIST): `prune` = 'Pruning in Keras example' (baseline fit,
prune_low_magnitude with PolynomialDecay 0.50 -> 0.80, summary(), fit with UpdatePruningStep and
PruningSummaries, 'Baseline test accuracy:' / 'Pruned test accuracy:', gzipped sizes); `qat` =
'Quantization aware training in Keras example' (baseline fit, quantize_model, summary(), fit on a
subset, 'Baseline test accuracy:' / 'Quant test accuracy:').

Versions: tensorflow-model-optimization 0.8.1, tensorflow 2.21.0 (CPU), tf_keras 2.21.0, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAR-2):
    (pip install tensorflow tf-keras tensorflow-model-optimization tensorboard)
    python tests/corpus/scripts/capture.py pipe real_tfmot_prune -- /work/venvs/corpus-zAR-2/bin/python tests/corpus/scripts/tfmot_keras_examples.py prune
    python tests/corpus/scripts/capture.py pty real_tfmot_prune_pty -- /work/venvs/corpus-zAR-2/bin/python tests/corpus/scripts/tfmot_keras_examples.py prune
    python tests/corpus/scripts/capture.py pipe real_tfmot_qat -- /work/venvs/corpus-zAR-2/bin/python tests/corpus/scripts/tfmot_keras_examples.py qat
Truth: each fit()'s History (Keras' own record) and the evaluate() returns the examples print.
"""

# ruff: noqa: UP031  (the tutorial's/example's code and prints are kept as they are)

import os
import sys
import tempfile
import zipfile

os.environ["TF_USE_LEGACY_KERAS"] = "1"  # tfmot works with Keras 2 (tf_keras), as its docs say
sys.path.insert(0, os.path.dirname(__file__))

from importlib import metadata

import _truth
import numpy as np
import tensorflow as tf
import tensorflow_model_optimization as tfmot

variant = sys.argv[1]
tf.keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
protos = rng.random((10, 28, 28)) > 0.5


def synthetic(n):
    y = rng.integers(0, 10, n)
    x = (protos[y] * 0.1 + 0.9 * rng.random((n, 28, 28))).astype("float32")
    noisy = rng.random(n) < 0.15  # label noise: accuracy stays below 1
    y = np.where(noisy, rng.integers(0, 10, n), y)
    return x, y.astype("uint8")


train_images, train_labels = synthetic(3000)
test_images, test_labels = synthetic(1000)
series = _truth.Series()


def add_history(history, suffix):
    for key, values in history.history.items():
        for epoch, v in enumerate(values, 1):
            series.add(f"{key}{suffix}", None, epoch, v)


# Define the model architecture.
model = tf.keras.Sequential(
    [
        tf.keras.layers.InputLayer(input_shape=(28, 28)),
        tf.keras.layers.Reshape(target_shape=(28, 28, 1)),
        tf.keras.layers.Conv2D(filters=12, kernel_size=(3, 3), activation="relu"),
        tf.keras.layers.MaxPooling2D(pool_size=(2, 2)),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(10),
    ]
)
model.compile(
    optimizer="adam",
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
history = model.fit(
    train_images, train_labels, epochs=4 if variant == "prune" else 1, validation_split=0.1
)
add_history(history, "")
_, baseline_model_accuracy = model.evaluate(test_images, test_labels, verbose=0)

if variant == "prune":
    print("Baseline test accuracy:", baseline_model_accuracy)
    series.add("Baseline test accuracy", None, None, baseline_model_accuracy)
    _, keras_file = tempfile.mkstemp(".h5", dir="/tmp/corpus-zAR")
    tf.keras.models.save_model(model, keras_file, include_optimizer=False)
    print("Saved baseline model to:", keras_file)

    prune_low_magnitude = tfmot.sparsity.keras.prune_low_magnitude
    batch_size = 128
    epochs = 2
    validation_split = 0.1
    num_images = train_images.shape[0] * (1 - validation_split)
    end_step = np.ceil(num_images / batch_size).astype(np.int32) * epochs
    pruning_params = {
        "pruning_schedule": tfmot.sparsity.keras.PolynomialDecay(
            initial_sparsity=0.50, final_sparsity=0.80, begin_step=0, end_step=end_step
        )
    }
    model_for_pruning = prune_low_magnitude(model, **pruning_params)
    model_for_pruning.compile(
        optimizer="adam",
        loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    model_for_pruning.summary()
    logdir = tempfile.mkdtemp(dir="/tmp/corpus-zAR")
    callbacks = [
        tfmot.sparsity.keras.UpdatePruningStep(),
        tfmot.sparsity.keras.PruningSummaries(log_dir=logdir),
    ]
    history = model_for_pruning.fit(
        train_images,
        train_labels,
        batch_size=batch_size,
        epochs=epochs,
        validation_split=validation_split,
        callbacks=callbacks,
    )
    add_history(history, " (pruning)")
    _, model_for_pruning_accuracy = model_for_pruning.evaluate(test_images, test_labels, verbose=0)
    print("Baseline test accuracy:", baseline_model_accuracy)
    print("Pruned test accuracy:", model_for_pruning_accuracy)
    series.add("Baseline test accuracy", None, None, baseline_model_accuracy)
    series.add("Pruned test accuracy", None, None, model_for_pruning_accuracy)

    model_for_export = tfmot.sparsity.keras.strip_pruning(model_for_pruning)
    _, pruned_keras_file = tempfile.mkstemp(".h5", dir="/tmp/corpus-zAR")
    tf.keras.models.save_model(model_for_export, pruned_keras_file, include_optimizer=False)
    print("Saved pruned Keras model to:", pruned_keras_file)

    def get_gzipped_model_size(file):
        _, zipped_file = tempfile.mkstemp(".zip", dir="/tmp/corpus-zAR")
        with zipfile.ZipFile(zipped_file, "w", compression=zipfile.ZIP_DEFLATED) as f:
            f.write(file)
        return os.path.getsize(zipped_file)

    print("Size of gzipped baseline Keras model: %.2f bytes" % (get_gzipped_model_size(keras_file)))
    print(
        "Size of gzipped pruned Keras model: %.2f bytes"
        % (get_gzipped_model_size(pruned_keras_file))
    )
    notes_variant = (
        "prune: the baseline fit (4 epochs, validation_split=0.1: 'Epoch 1/4', then '85/85 [====] - 1s 5ms/step "
        "- loss: 1.2345 - accuracy: 0.6543 - val_loss: … - val_accuracy: …'; series 'loss', 'accuracy', "
        "'val_loss', 'val_accuracy' at the epoch), 'Baseline test accuracy: 0.9123' (print of the evaluate() "
        "float), 'Saved baseline model to: /tmp/corpus-zAR/tmpab12cd.h5', the pruning wrapper's summary() "
        "(layer names 'prune_low_magnitude_conv2d (PruneLowMagnitude)', output shapes '(None, 26, 26, 12)', "
        "'Param #' counts, 'Total params: 40,042 (156.42 KB)', 'Trainable params: …', 'Non-trainable params: "
        "…': sizes), then the pruning fit: 'Epoch 1/2' … the SAME metric names again with the epoch back at 1, "
        "a different (pruned, 50%->80% sparse) model: series 'loss (pruning)', 'accuracy (pruning)', "
        "'val_loss (pruning)', 'val_accuracy (pruning)' (the names add the model in brackets; the printed words "
        "are the same). 'Baseline test accuracy:' is printed twice (two points, the same value), then 'Pruned "
        "test accuracy: …'. 'Size of gzipped baseline Keras model: 78412.00 bytes' / '… pruned …': file sizes, "
        "no metric. "
    )
else:
    quantize_model = tfmot.quantization.keras.quantize_model
    q_aware_model = quantize_model(model)
    q_aware_model.compile(
        optimizer="adam",
        loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    q_aware_model.summary()
    train_images_subset = train_images[0:1000]  # out of 60000
    train_labels_subset = train_labels[0:1000]
    history = q_aware_model.fit(
        train_images_subset, train_labels_subset, batch_size=500, epochs=1, validation_split=0.1
    )
    add_history(history, " (quantization aware)")
    _, q_aware_model_accuracy = q_aware_model.evaluate(test_images, test_labels, verbose=0)
    print("Baseline test accuracy:", baseline_model_accuracy)
    print("Quant test accuracy:", q_aware_model_accuracy)
    series.add("Baseline test accuracy", None, None, baseline_model_accuracy)
    series.add("Quant test accuracy", None, None, q_aware_model_accuracy)
    notes_variant = (
        "qat: the baseline fit (1 epoch, validation_split=0.1: 'Epoch 1/1', then the bar's last state '85/85 "
        "[====] - 1s 5ms/step - loss: … - accuracy: … - val_loss: … - val_accuracy: …': series 'loss', "
        "'accuracy', 'val_loss', 'val_accuracy'), quantize_model's summary() ('quantize_layer (QuantizeLayer)', "
        "'quant_conv2d (QuantizeWrapperV2)', output shapes, 'Param #' counts, 'Total params: 20,410 (79.73 KB)': "
        "sizes), the QAT fit on 1000 images, batch 500 ('Epoch 1/1', '2/2 [====] - …': the SAME names for a "
        "different, fake-quantized model: series 'loss (quantization aware)', … 'val_accuracy (quantization "
        "aware)'), then 'Baseline test accuracy: …' and 'Quant test accuracy: …' (prints of evaluate() floats). "
    )

_truth.write(
    library=(
        f"tensorflow-model-optimization {metadata.version('tensorflow-model-optimization')} (tensorflow "
        f"{tf.__version__}, tf_keras {metadata.version('tf_keras')})"
    ),
    script="tests/corpus/scripts/tfmot_keras_examples.py",
    record="each fit()'s History.history (Keras' own record) and the evaluate() values printed",
    step_kind="epoch",
    series=series,
    extra_ok=["time per epoch and per step the Keras bar prints (1s 5ms/step)"],
    notes=notes_variant
    + (
        "Keras 2 (tf_keras) bars: piped, one line per epoch with the final state; under a terminal redrawn with "
        "'\\b' and '\\r' each batch and an ETA. TensorFlow's C++ start-up messages (oneDNN, cpu feature guard) "
        "come first on stderr. Data: synthetic 28x28 10-class images (3000 train, 1000 test)."
    ),
)
