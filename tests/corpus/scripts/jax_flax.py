"""A JAX / Flax (nnx) / optax training loop on synthetic data, reporting either with print() or
with clu's metric writers (LoggingWriter: absl INFO lines '[step] collection=train loss=...').

Versions: jax 0.10.2, flax 0.12.8, optax 0.2.8, clu 0.0.12, absl-py 2.5.1, Python 3.11 (CPU).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_jax_flax_print -- python tests/corpus/scripts/jax_flax.py print
    python tests/corpus/scripts/capture.py pipe real_jax_flax_clu -- python tests/corpus/scripts/jax_flax.py clu
Truth: the scalars the script handed to print / to the clu writer, at full precision.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth  # noqa: E402
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
import optax  # noqa: E402
from _toy import Record  # noqa: E402
from absl import app  # noqa: E402
from flax import nnx  # noqa: E402

style = sys.argv[1]
rec = Record()


class MLP(nnx.Module):
    def __init__(self, rngs):
        self.l1 = nnx.Linear(16, 64, rngs=rngs)
        self.l2 = nnx.Linear(64, 2, rngs=rngs)

    def __call__(self, x):
        return self.l2(nnx.relu(self.l1(x)))


def loss_fn(model, x, y):
    logits = model(x)
    return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean(), logits


@nnx.jit
def train_step(model, optimizer, x, y):
    (loss, logits), grads = nnx.value_and_grad(loss_fn, has_aux=True)(model, x, y)
    optimizer.update(model, grads)
    return loss, (logits.argmax(-1) == y).mean()


@nnx.jit
def eval_step(model, x, y):
    loss, logits = loss_fn(model, x, y)
    return loss, (logits.argmax(-1) == y).mean()


def main(_argv):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2500, 16)).astype(np.float32)
    y = ((np.sin(x[:, 0] * 2) + x[:, 1] * x[:, 2] + 0.3 * rng.normal(size=2500)) > 0).astype(
        np.int32
    )
    xtr, ytr, xte, yte = x[:2000], y[:2000], x[2000:], y[2000:]
    model = MLP(nnx.Rngs(0))
    lr = 3e-3
    optimizer = nnx.Optimizer(model, optax.adamw(lr), wrt=nnx.Param)
    bs, epochs = 64, 3
    spe = len(xtr) // bs
    writer = None
    if style == "clu":
        from clu import metric_writers

        writer = metric_writers.LoggingWriter(collection="train")
        eval_writer = metric_writers.LoggingWriter(collection="eval")
        writer.write_hparams({"learning_rate": lr, "batch_size": bs, "num_epochs": epochs})
    else:
        print(f"JAX devices: {jax.devices()}")
        print(f"learning_rate={lr} batch_size={bs} num_epochs={epochs}")
    step = 0
    for epoch in range(1, epochs + 1):
        perm = rng.permutation(len(xtr))
        losses, accs = [], []
        for i in range(spe):
            idx = perm[i * bs : (i + 1) * bs]
            loss, acc = train_step(model, optimizer, jnp.asarray(xtr[idx]), jnp.asarray(ytr[idx]))
            step += 1
            losses.append(float(loss))
            accs.append(float(acc))
            if step % 10 == 0:
                m_loss, m_acc = float(np.mean(losses)), float(np.mean(accs))
                losses, accs = [], []
                if style == "print":
                    print(
                        f"step {step}, loss {rec('loss', step, None, m_loss):.4f}, accuracy {rec('accuracy', step, None, m_acc):.4f}"
                    )
                else:
                    scal = {"loss": m_loss, "accuracy": m_acc, "learning_rate": lr}
                    writer.write_scalars(step, scal)
                    for k in sorted(scal):  # LoggingWriter prints the keys sorted
                        rec(
                            f"train {k}" if k != "learning_rate" else "learning_rate",
                            step,
                            None,
                            scal[k],
                        )
        e_loss, e_acc = (float(v) for v in eval_step(model, jnp.asarray(xte), jnp.asarray(yte)))
        if style == "print":
            print(
                f"epoch {epoch} eval: loss={rec('eval loss', step, epoch, e_loss):.4f} accuracy={rec('eval accuracy', step, epoch, e_acc):.2%}"
            )
        else:
            eval_writer.write_scalars(step, {"loss": e_loss, "accuracy": e_acc})
            rec("eval accuracy", step, None, e_acc)
            rec("eval loss", step, None, e_loss)
    if writer:
        writer.flush()
    if style == "print":
        # the printed unit of 'accuracy=87.20%' is percent
        for p in rec.series["eval accuracy"]["points"]:
            p[2] = 100 * p[2]
    write_truth()


def write_truth():
    notes = {
        "print": (
            "print(): 'step 10, loss 0.6766, accuracy 0.5797' every 10 steps (mean of the last 10 steps; step = "
            "the optimizer step) and after each epoch 'epoch 1 eval: loss=0.4512 accuracy=87.20%' (percent: the "
            "truth holds the printed unit). Series 'loss'/'accuracy' (train, no qualifier on the line) and "
            "'eval loss'/'eval accuracy' (the line's 'eval:' label qualifies them). Not metrics: 'JAX devices: "
            "[CpuDevice(id=0)]', 'learning_rate=0.003 batch_size=64 num_epochs=3' (configuration)."
        ),
        "clu": (
            "clu LoggingWriter through absl logging (stderr, under absl.app.run): 'I1206 11:50:01.123456 1402 "
            "logging_writer.py:64] [10] collection=train accuracy=0.579688, learning_rate=0.003, loss=0.676627' "
            "(step in brackets, then collection=<name>, then sorted key=value pairs, '%.6g'). Truth names qualify "
            "by collection: 'train loss', 'train accuracy', 'eval loss', 'eval accuracy' (a parser may name them "
            "'train/loss' etc.: what matters is that train and eval are separate series); learning_rate (constant) "
            "is logged as a scalar by the script. The first line '[Hyperparameters] collection=train "
            "{'learning_rate': 0.003, 'batch_size': 64, 'num_epochs': 3}' is configuration, not metrics."
        ),
    }[style]
    _truth.write(
        library=f"jax {jax.__version__}, flax {__import__('flax').__version__}, optax {optax.__version__}"
        + (
            f", clu {__import__('clu').__version__ if hasattr(__import__('clu'), '__version__') else '0.0.12'}"
            if style == "clu"
            else ""
        ),
        script="tests/corpus/scripts/jax_flax.py",
        record="the values the script printed / handed to clu's LoggingWriter.write_scalars, at full precision",
        step_kind="global",
        series=rec.series,
        notes=notes,
    )


if style == "clu":
    app.run(main)
else:
    main(None)
