"""clu as the Flax examples use it (examples/imagenet, wmt, ogbg_molpcba train.py): a Linen model,
clu.metrics.Collection per split, metric_writers.create_default_writer(workdir) (LoggingWriter +
TensorBoard SummaryWriter), periodic_actions.ReportProgress(num_train_steps, writer) with
report_progress.timed('eval'), parameter_overview.log_parameter_overview and write_hparams, all
under absl app.run (absl's INFO log format on stderr).

Versions: clu 0.0.12, flax 0.12.8 (linen), jax 0.10.2, optax 0.2.8, tensorflow-cpu 2.21.0,
absl-py 2.5.1, Python 3.11 (CPU).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_clu_flax_examples -- python tests/corpus/scripts/clu_flax_examples.py
(absl logs the same under a terminal: no pty entry.)
Truth: the TensorBoard event files clu's SummaryWriter wrote next to the log (the writer's own
record of every scalar it was handed), read back with tf.data.TFRecordDataset.
"""

import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import flax
import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import optax
from absl import app, logging
from clu import metric_writers, metrics, parameter_overview, periodic_actions
from flax.training import train_state

NUM_TRAIN_STEPS = 120
LOG_EVERY = 20
EVAL_EVERY = 60


class CNNish(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.Dense(64)(x)
        x = nn.relu(x)
        x = nn.Dense(32)(x)
        x = nn.relu(x)
        return nn.Dense(3)(x)


@flax.struct.dataclass
class TrainMetrics(metrics.Collection):
    accuracy: metrics.Accuracy
    loss: metrics.Average.from_output("loss")
    learning_rate: metrics.LastValue.from_output("learning_rate")


@flax.struct.dataclass
class EvalMetrics(metrics.Collection):
    accuracy: metrics.Accuracy
    loss: metrics.Average.from_output("loss")


schedule = optax.warmup_cosine_decay_schedule(0.0, 0.01, 20, NUM_TRAIN_STEPS)


@jax.jit
def train_step(state, x, y):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, x)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean(), logits

    (loss, logits), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads)
    m = TrainMetrics.single_from_model_output(
        logits=logits, labels=y, loss=loss, learning_rate=schedule(state.step)
    )
    return state, m


@jax.jit
def eval_step(state, x, y):
    logits = state.apply_fn({"params": state.params}, x)
    loss = optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()
    return EvalMetrics.single_from_model_output(logits=logits, labels=y, loss=loss)


def data(rng, n):
    x = rng.normal(size=(n, 20)).astype(np.float32)
    y = (np.digitize(x[:, 0] + 0.5 * x[:, 1] * x[:, 2], [-0.5, 0.5])).astype(np.int32)
    return x, y


def main(_argv):
    workdir = tempfile.mkdtemp(prefix="clu-")
    rng = np.random.default_rng(0)
    x_tr, y_tr = data(rng, 4096)
    x_te, y_te = data(rng, 512)
    config = {"learning_rate": 0.01, "warmup_steps": 20, "batch_size": 64, "num_train_steps": 120}

    model = CNNish()
    params = model.init(jax.random.key(0), jnp.ones((1, 20)))["params"]
    parameter_overview.log_parameter_overview(params)
    state = train_state.TrainState.create(
        apply_fn=model.apply, params=params, tx=optax.adam(schedule)
    )

    writer = metric_writers.create_default_writer(workdir, just_logging=jax.process_index() > 0)
    writer.write_hparams(config)
    report_progress = periodic_actions.ReportProgress(
        num_train_steps=NUM_TRAIN_STEPS, every_steps=40, writer=writer
    )
    hooks = [report_progress]
    logging.info("Starting training loop at step %d.", 1)
    train_metrics = None
    with metric_writers.ensure_flushes(writer):
        for step in range(1, NUM_TRAIN_STEPS + 1):
            idx = rng.integers(0, len(x_tr), 64)
            with jax.profiler.StepTraceAnnotation("train", step_num=step):
                state, m = train_step(state, x_tr[idx], y_tr[idx])
                train_metrics = m if train_metrics is None else train_metrics.merge(m)
            for h in hooks:
                h(step)
            if step % LOG_EVERY == 0:
                writer.write_scalars(step, train_metrics.compute())
                train_metrics = None
            if step % EVAL_EVERY == 0 or step == NUM_TRAIN_STEPS:
                with report_progress.timed("eval"):
                    ev = None
                    for i in range(0, len(x_te), 128):
                        e = eval_step(state, x_te[i : i + 128], y_te[i : i + 128])
                        ev = e if ev is None else ev.merge(e)
                    writer.write_scalars(step, {f"eval_{k}": v for k, v in ev.compute().items()})
    writer.close()

    # ---- ground truth (written only under capture.py) ----
    import tensorflow as tf

    series = _truth.Series()
    events = []
    for root, _dirs, files in os.walk(workdir):
        for f in sorted(files):
            if "tfevents" in f:
                for rec in tf.data.TFRecordDataset(os.path.join(root, f)):
                    ev = tf.compat.v1.Event.FromString(rec.numpy())
                    for v in ev.summary.value:
                        if v.metadata.plugin_data.plugin_name == "hparams":
                            continue
                        events.append(
                            (ev.step, ev.wall_time, v.tag, float(tf.make_ndarray(v.tensor)))
                        )
    # print order: the LoggingWriter logs in the order the writes came, each write's keys sorted
    for step, _t, tag, value in events:
        series.add(tag, int(step), None, value)
    shutil.rmtree(workdir)
    _truth.write(
        library=(
            f"clu {metadata.version('clu')}, flax {flax.__version__} (linen), jax {jax.__version__}, "
            f"optax {optax.__version__}, tensorflow {tf.__version__}"
        ),
        script="tests/corpus/scripts/clu_flax_examples.py",
        record=(
            "the TensorBoard event files written by clu's SummaryWriter inside "
            "create_default_writer(workdir) (every scalar the writers were handed)"
        ),
        step_kind="global",
        series=series,
        extra_ok=[
            "steps/s in ReportProgress's 'Setting work unit notes: 37.5 steps/s, ...' line (the same "
            "throughput as steps_per_sec, 1 decimal)"
        ],
        not_printed=[],
        notes=(
            "absl INFO lines on stderr ('I1207 12:00:00.000000 1401 logging_writer.py:48] [20] "
            "accuracy=0.4453125, learning_rate=0.0099..., loss=1.03'), keys sorted inside each write, "
            "step in brackets = the global step. ReportProgress writes steps_per_sec and uptime (seconds "
            "since the hook was made) as their own scalars: '[20] steps_per_sec=123.4' then "
            "'[20] uptime=0.5'; both are in clu's record so they are series. Its notes line 'Setting work "
            "unit notes: 40.1 steps/s, 16.7% (20/120), ETA: 0m' holds a percentage, a step count and an "
            "ETA, not metrics (steps/s: extra_ok); it fires every 40 steps (every_steps=40). Eval is "
            "timed, so later notes add '(0m : 17.7% eval)' - a time share, not a metric. The '[Hyperparameters] {'learning_rate': 0.01, ...}' line is configuration and "
            "log_parameter_overview's table (parameter names, shapes, sizes, mean and std of each "
            "weight, 'Total: 3,555' parameters) describes the model, not its training: none are metrics. "
            "TensorFlow's and jax's start-up INFO lines come first."
        ),
    )


if __name__ == "__main__":
    app.run(main)
