"""A TensorFlow custom training loop (tf.GradientTape) that reports through
`tf.keras.utils.Progbar` directly, as TensorFlow users and guides do, plus `tf.print` epoch
summaries; synthetic 10-class 8x8 "images" (Gaussian class prototypes plus noise), CPU.

Per epoch:
    print(f"\\nEpoch {epoch + 1}/{EPOCHS}")
    progbar = tf.keras.utils.Progbar(steps, stateful_metrics=["loss", "acc"])
    ... progbar.update(step + 1, values=[("loss", train_loss.result()), ("acc", train_acc.result())])
    tf.print("Epoch", epoch + 1, "summary - loss:", train_loss.result(), "acc:", train_acc.result(),
             "val_loss:", val_loss.result(), "val_acc:", val_acc.result())
(tf.print writes to stderr; Keras 3's Progbar redraws in place in both modes.)

`add` mode: the other common pattern, Progbar(n_samples, stateful_metrics=["acc"],
unit_name="sample") advanced with pb.add(batch_size, values=[("loss", batch_loss), ("acc", …)]),
the batch loss left to Progbar's own averaging; then print(f"val_loss: … - val_acc: …").

Truth: the loop's Keras metric objects (Mean / SparseCategoricalAccuracy) result() handed to the
Progbar at each update that actually drew (Progbar.update wrapped, `_keras_bar.py`), and their
result() at each tf.print; in `add` mode what Progbar displayed, read from its own _values.

Versions: tensorflow-cpu 2.21.0 (keras 3.15.1), numpy 2.4.6, Python 3.11 (venv corpus-zP-1).
Capture (repository root, venv corpus-zP-1):
    python tests/corpus/scripts/capture.py pipe real_tf_progbar_loop -- python tests/corpus/scripts/tf_progbar_loop.py
    python tests/corpus/scripts/capture.py pty real_tf_progbar_loop_pty -- python tests/corpus/scripts/tf_progbar_loop.py
    python tests/corpus/scripts/capture.py pipe real_tf_progbar_add -- python tests/corpus/scripts/tf_progbar_loop.py add
    python tests/corpus/scripts/capture.py pty real_tf_progbar_add_pty -- python tests/corpus/scripts/tf_progbar_loop.py add
"""

import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
sys.path.insert(0, os.path.dirname(__file__))

import _keras_bar
import _truth
import numpy as np
import tensorflow as tf

tf.random.set_seed(0)
tf.keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
protos = rng.normal(size=(10, 8, 8, 1)).astype("float32")


def make(n):
    y = rng.integers(10, size=n)
    x = protos[y] + 1.6 * rng.normal(size=(n, 8, 8, 1)).astype("float32")
    return x, y.astype("int64")


x_train, y_train = make(1280)
x_val, y_val = make(320)
BATCH = 32
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1280, seed=0).batch(BATCH)
val_ds = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(BATCH)
steps = len(x_train) // BATCH

model = tf.keras.Sequential(
    [
        tf.keras.Input(shape=(8, 8, 1)),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(64, activation="relu"),
        tf.keras.layers.Dense(10),
    ]
)
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.Adam(1e-3)
train_loss = tf.keras.metrics.Mean(name="loss")
train_acc = tf.keras.metrics.SparseCategoricalAccuracy(name="acc")
val_loss = tf.keras.metrics.Mean(name="val_loss")
val_acc = tf.keras.metrics.SparseCategoricalAccuracy(name="val_acc")


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss = loss_fn(y, logits)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables, strict=True))
    train_loss.update_state(loss)
    train_acc.update_state(y, logits)
    return loss


@tf.function
def val_step(x, y):
    logits = model(x, training=False)
    val_loss.update_state(loss_fn(y, logits))
    val_acc.update_state(y, logits)


MODE = sys.argv[1] if len(sys.argv) > 1 else "update"
summary = []  # (epoch, {name: value}) at each epoch summary
if MODE == "update":
    EPOCHS = 4
    for epoch in range(EPOCHS):
        _keras_bar._epoch[0] = epoch + 1
        print(f"\nEpoch {epoch + 1}/{EPOCHS}")
        progbar = tf.keras.utils.Progbar(steps, stateful_metrics=["loss", "acc"])
        for m in (train_loss, train_acc, val_loss, val_acc):
            m.reset_state()
        for step, (xb, yb) in enumerate(train_ds):
            train_step(xb, yb)
            progbar.update(
                step + 1,
                values=[("loss", train_loss.result()), ("acc", train_acc.result())],
            )
        for xb, yb in val_ds:
            val_step(xb, yb)
        tf.print(
            "Epoch",
            epoch + 1,
            "summary - loss:",
            train_loss.result(),
            "acc:",
            train_acc.result(),
            "val_loss:",
            val_loss.result(),
            "val_acc:",
            val_acc.result(),
        )
        summary.append(
            (
                epoch + 1,
                {m.name: float(m.result()) for m in (train_loss, train_acc, val_loss, val_acc)},
            )
        )

    # ---- ground truth (written only under capture.py) ----
    series = _truth.Series()
    for _ctx, ep, pos, _target, values in _keras_bar.states():
        for name, value in values.items():
            series.add(name, (ep - 1) * steps + pos, ep, value)
    for ep, vals in summary:
        for name, value in vals.items():
            if name in ("loss", "acc"):
                # the tf.print repeats the epoch-end bar state (same metric result, same step)
                last = [p for p in series.series[name]["points"] if p[0] == ep * steps]
                assert last and last[-1][2] == value, (name, ep, last, value)
                continue
            series.add(name, ep * steps, ep, value)
    _truth.write(
        library=f"tensorflow {tf.__version__} (keras {tf.keras.__version__}, numpy {np.__version__})",
        script="tests/corpus/scripts/tf_progbar_loop.py",
        record=(
            "the loop's Keras metric objects (Mean, SparseCategoricalAccuracy) result(), handed to "
            "tf.keras.utils.Progbar.update at each update that drew (Progbar.update wrapped) and read at "
            "each epoch's tf.print"
        ),
        step_kind="global",
        series=series,
        extra_ok=["the time per step and the ETA/elapsed time the bar prints ('0s 3ms/step')"],
        not_printed=[],
        notes=(
            "A custom tf.GradientTape loop. Per epoch 'Epoch 1/4' (print), then Keras 3's Progbar "
            "(stateful_metrics=['loss', 'acc'], so it shows the running metric results as given): "
            "'40/40 ━━━━━━━━━━━━━━━━━━━━ 1s 4ms/step - loss: 2.4558 - acc: 0.2227' with ANSI bold/colour "
            "codes in both modes (Keras 3 treats any POSIX process as a dynamic display, so the pipe too gets "
            "backspaces and \\r redraws on one line; Progbar draws at most every 0.05 s and at the last step, "
            "so only some positions show, e.g. 1/40, 18/40, 32/40, 40/40); metrics in the order first given. "
            "Then tf.print on stderr: 'Epoch 1 summary - loss: 2.45582724 acc: 0.22265625 "
            "val_loss: 1.38156068 val_acc: 0.534375' (tf.print's own float formatting, up to 9 significant "
            "digits). TensorFlow's startup lines (cpu_feature_guard, oneDNN notices with timestamps) come first. loss/acc of the tf.print "
            "are the same metric results as the epoch's final bar state (one point each, step = epoch x "
            "40); val_loss/val_acc only appear in the tf.print. Step = (epoch-1) x 40 + bar position; "
            "epoch 1-based as printed."
        ),
    )
else:
    # the pattern of many TF users' loops: Progbar over samples, pb.add(batch_size, values=...),
    # the batch loss left to Progbar's averaging, the accuracy metric as a stateful metric
    EPOCHS = 3
    drawn = []  # (epoch, samples seen, {name: displayed value from Progbar's own _values})
    for epoch in range(EPOCHS):
        print(f"\nepoch {epoch + 1}/{EPOCHS}")
        pb = tf.keras.utils.Progbar(len(x_train), stateful_metrics=["acc"], unit_name="sample")
        for m in (train_loss, train_acc, val_loss, val_acc):
            m.reset_state()
        for xb, yb in train_ds:
            loss_value = train_step(xb, yb)
            before = pb._last_update
            pb.add(BATCH, values=[("loss", loss_value), ("acc", train_acc.result())])
            if pb._last_update != before:
                shown = {k: float(np.mean(v) / max(1, c)) for k, (v, c) in pb._values.items()}
                drawn.append((epoch + 1, pb._seen_so_far, shown))
        for xb, yb in val_ds:
            val_step(xb, yb)
        print(f"val_loss: {val_loss.result():.4f} - val_acc: {val_acc.result():.4f}")
        summary.append(
            (epoch + 1, {"val_loss": float(val_loss.result()), "val_acc": float(val_acc.result())})
        )

    # ---- ground truth (written only under capture.py) ----
    series = _truth.Series()
    n = len(x_train)
    for ep, seen, vals in drawn:
        for name, value in vals.items():
            series.add(name, (ep - 1) * n + seen, ep, value)
    for ep, vals in summary:
        for name, value in vals.items():
            series.add(name, ep * n, ep, value)
    _truth.write(
        library=f"tensorflow {tf.__version__} (keras {tf.keras.__version__}, numpy {np.__version__})",
        script="tests/corpus/scripts/tf_progbar_loop.py",
        record=(
            "tf.keras.utils.Progbar's own _values (what it displays) at each add() that drew, and the "
            "loop's Keras metric objects (Mean, SparseCategoricalAccuracy) result() at each val print"
        ),
        step_kind="global",
        series=series,
        extra_ok=["the time per sample and the ETA/elapsed time the bar prints ('0s 81us/sample')"],
        not_printed=[],
        notes=(
            "The common hand-written Progbar pattern: 'epoch 1/3' (print), Progbar(1280, "
            "stateful_metrics=['acc'], unit_name='sample') advanced with pb.add(32, values=[('loss', "
            "batch_loss), ('acc', train_acc.result())]): '1280/1280 ━━━━━━━━━━━━━━━━━━━━ 1s 81us/sample - loss: "
            "1.4370 - acc: 0.2797' (position and total in SAMPLES). 'acc' is shown as given (a running "
            "metric result); 'loss' is averaged by Progbar over the samples so far while the epoch runs, but at "
            "the last position Keras 3 shows the LAST batch's loss as given (Progbar.update's finalize branch "
            "resets a non-stateful value to [v, 1]); the truth holds exactly what Progbar displayed, read from "
            "its own _values. After each epoch 'val_loss: 1.3816 - val_acc: 0.5344' (print, the metric "
            "objects). Step = samples seen, (epoch-1) x 1280 + the bar's position; epoch 1-based as printed. "
            "ANSI and \\b/\\r redraws in both modes (Keras treats any POSIX process as a dynamic display)."
        ),
    )
