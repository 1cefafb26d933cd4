"""jaxline's own training loop (platform.main, jaxline_mode=train) on a synthetic classification
task, laid out like jaxline's examples (the experiment file is also the ml_collections config
file, get_config() built on base_config.get_base_config()).

Versions: jaxline 0.0.8, ml_collections 1.1.0, jax 0.10.2, optax 0.2.8,
tensorflow-cpu 2.21.0 (jaxline's TensorBoardLogger), absl-py 2.5.1, Python 3.11 (CPU).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_jaxline_train -- python tests/corpus/scripts/jaxline_train.py --config=tests/corpus/scripts/jaxline_train.py
(absl logs the same under a terminal: no pty entry.)
jaxline prints 'Training with config:' and the whole ConfigDict (ml_collections' YAML-like
str()), then every 20 steps 'global_step: 20, {'accuracy': ..., 'learning_rate': ..., 'loss': ...}'.
Truth: the TensorBoard event files jaxline's own writer (platform.TensorBoardLogger) wrote under
config.checkpoint_dir/train, read back with tf.data.TFRecordDataset; the logged and the written
scalars are the same step outputs at the same steps (both periodic actions every 20 steps;
steps_per_sec, added by each action from the same clock reading, too), cross-checked against the
dicts jaxline's train._log_outputs was handed.
"""

import functools
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import jax
import jax.numpy as jnp
import numpy as np
import optax
from absl import app, flags
from jaxline import (
    base_config,
    experiment,
    platform,
    train,
    utils,
)
from ml_collections import config_dict

# jaxline 0.0.8 still calls jax.device_put_sharded and jax.tree_map, which jax 0.10 removed
# (AttributeError): the drop-in replacements jax's migration guide gives, for this one-CPU run.
jax.tree_map = jax.tree_util.tree_map
jax.device_put_sharded = lambda xs, devices: jax.device_put(
    jnp.stack(xs), jax.sharding.SingleDeviceSharding(devices[0])
)
assert len(jax.local_devices()) == 1

LOGDIR = os.path.join(tempfile.gettempdir(), f"jaxline-corpus-{os.getpid()}")


def get_config():
    config = base_config.get_base_config()
    config.training_steps = 100
    config.interval_type = "steps"
    config.log_tensors_interval = 20
    config.log_train_data_interval = 20
    config.save_checkpoint_interval = -1
    config.checkpoint_dir = LOGDIR
    config.experiment_kwargs = config_dict.ConfigDict(
        dict(
            config=dict(
                lr=3e-3,
                batch_size=64,
                hidden=32,
                weight_decay=1e-4,
            )
        )
    )
    config.lock()
    return config


def mlp_init(key, hidden):
    k1, k2 = jax.random.split(key)
    return {
        "w1": jax.random.normal(k1, (12, hidden)) / np.sqrt(12),
        "b1": jnp.zeros(hidden),
        "w2": jax.random.normal(k2, (hidden, 2)) / np.sqrt(hidden),
        "b2": jnp.zeros(2),
    }


def mlp_apply(p, x):
    return jax.nn.relu(x @ p["w1"] + p["b1"]) @ p["w2"] + p["b2"]


class Experiment(experiment.AbstractExperiment):
    CHECKPOINT_ATTRS = {"_params": "params", "_opt_state": "opt_state"}

    def __init__(self, mode, init_rng, config):
        super().__init__(mode=mode, init_rng=init_rng)
        self.config = config
        rng = np.random.default_rng(0)
        self.x = rng.normal(size=(3000, 12)).astype(np.float32)
        self.y = ((self.x[:, 0] * self.x[:, 1] + self.x[:, 2]) > 0).astype(np.int32)
        self.rng = rng
        self.sched = optax.cosine_decay_schedule(config.lr, 100)
        self.opt = optax.adamw(self.sched, weight_decay=config.weight_decay)
        params = mlp_init(init_rng, config.hidden)
        self._params = utils.bcast_local_devices(params)
        self._opt_state = utils.bcast_local_devices(self.opt.init(params))
        self._update = jax.pmap(self._update_fn, axis_name="i")

    def _update_fn(self, params, opt_state, x, y, step):
        def loss_fn(p):
            logits = mlp_apply(p, x)
            loss = optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()
            return loss, (logits.argmax(-1) == y).mean()

        (loss, acc), grads = jax.value_and_grad(loss_fn, has_aux=True)(params)
        grads = jax.lax.pmean(grads, "i")
        updates, opt_state = self.opt.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        scalars = {"loss": loss, "accuracy": acc, "learning_rate": self.sched(step)}
        return params, opt_state, jax.lax.pmean(scalars, "i")

    def step(self, *, global_step, rng, writer):
        idx = self.rng.integers(0, len(self.x), self.config.batch_size)
        x = self.x[idx][None]
        y = self.y[idx][None]
        self._params, self._opt_state, scalars = self._update(
            self._params, self._opt_state, x, y, global_step
        )
        return utils.get_first(scalars)

    def evaluate(self, *, global_step, rng, writer):
        return {}


def write_truth():
    import tensorflow as tf

    series = _truth.Series()
    for root, _dirs, files in os.walk(LOGDIR):
        for f in sorted(files):
            if "tfevents" not in f:
                continue
            for rec in tf.data.TFRecordDataset(os.path.join(root, f)):
                ev = tf.compat.v1.Event.FromString(rec.numpy())
                # the log line prints the dict's keys sorted (tree_map over a dict)
                for v in sorted(ev.summary.value, key=lambda v: v.tag):
                    series.add(v.tag, int(ev.step), None, float(tf.make_ndarray(v.tensor)))
    steps = sorted({p[0] for s in series.series.values() for p in s["points"]})
    assert steps == [20, 40, 60, 80, 100], steps
    # the dicts _log_outputs was handed hold the same values (float32 in the event file)
    for step, scalars in LOGGED:
        for k, v in scalars.items():
            (tb,) = [p[2] for p in series.series[k]["points"] if p[0] == step]
            assert abs(float(v) - tb) <= 1e-6 * max(1.0, abs(tb)), (k, step, v, tb)
    import jaxline

    _truth.write(
        library=(
            f"jaxline {getattr(jaxline, '__version__', '0.0.8')}, jax {jax.__version__}, "
            f"optax {optax.__version__}, tensorflow {tf.__version__}"
        ),
        script="tests/corpus/scripts/jaxline_train.py",
        record="the TensorBoard event files of jaxline's platform.TensorBoardLogger (config.checkpoint_dir/train)",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "absl INFO lines on stderr. First 'Training with config:' followed by the ConfigDict's "
            "YAML-like dump over many lines (best_model_eval_metric_higher_is_better: true, "
            "checkpoint_dir: ..., experiment_kwargs: / config: / batch_size: 64 / lr: 0.003 / "
            "weight_decay: 0.0001, log_tensors_interval: 20, random_seed: 42, training_steps: 100 ...): "
            "configuration, not metrics. '[jaxline] experiment init starting...' / 'finished.' "
            "activity lines. Then every 20 steps 'global_step: 20, {'accuracy': 0.578125, "
            "'learning_rate': 0.0029..., 'loss': 0.66...}' (values as Python floats from .tolist(), "
            "full repr); step = jaxline's global_step."
        ),
    )


LOGGED = []
_log_outputs = train._log_outputs


def _recording_log_outputs(step, scalar_values):
    LOGGED.append((int(step), dict(scalar_values)))
    _log_outputs(step, scalar_values)


def main(argv):
    flags.mark_flag_as_required("config")
    train._log_outputs = _recording_log_outputs
    platform.main(Experiment, argv)
    write_truth()
    import shutil

    shutil.rmtree(LOGDIR, ignore_errors=True)


if __name__ == "__main__":
    app.run(functools.partial(main))
