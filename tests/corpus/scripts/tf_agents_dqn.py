"""TF-Agents' DQN example train_eval (tf_agents/agents/dqn/examples/v2/train_eval.py) on CartPole-v0.

Run as the example's main() runs it (absl app.run, logging.set_verbosity(INFO),
tf.compat.v1.enable_v2_behavior(), train_eval(root_dir, ...)), the example module imported from
the installed wheel, made small: 1000 iterations (one collect step and one train step each),
200 initial random collect steps, log every 100 steps, evaluation (5 episodes) every 200 steps (the example's defaults log and evaluate at the same interval, 1000);
the rest is the example's defaults (QNetwork (100,), Adam 1e-3, batch 64, epsilon 0.1). CartPole-v0
is the one in gym 0.23.1, which tf-agents 0.19 installs (suite_gym.load); nothing is downloaded.

What the console shows (absl INFO lines on stderr, 'I1207 15:01:02.123456 140000 train_eval.py:301]
step = 100, loss = 0.412345'): 'Initializing replay buffer by collecting experience for 200 steps
with a random policy.', per log interval 'step = 100, loss = …' and '123.456 steps/sec', per
evaluation metric_utils.log_metrics' record, the metrics on continuation lines without the absl
prefix ('\\t\\t AverageReturn = …' / '\\t\\t AverageEpisodeLength = …'); TensorFlow's and gym's own
start-up warnings.

Truth: the eval results dict eager_compute returns (the example hands it to eval_metrics_callback
with the global step), and the example's own LogRecords (their args: global_step and the LossInfo
loss tensor, the steps/sec float), kept by a logging.Handler on absl's logger.

Versions: tf-agents 0.19.0, tensorflow 2.21.0 (tensorflow-cpu), tf-keras 2.21.0 (TF_USE_LEGACY_KERAS=1,
tf-agents needs Keras 2), tensorflow-probability 0.25.0, gym 0.23.1, numpy 2.4.6, Python 3.11
(venv corpus-zAJ-2).
Capture (repository root, venv active):
    TF_USE_LEGACY_KERAS=1 python tests/corpus/scripts/capture.py pipe real_tf_agents_dqn -- python tests/corpus/scripts/tf_agents_dqn.py
"""

import logging as pylogging
import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from absl import app, logging  # noqa: E402
from tf_agents.agents.dqn.examples.v2 import train_eval as te  # noqa: E402

series = _truth.Series()
throughput = []


class Keep(pylogging.Handler):
    """The example's own LogRecords, their args as handed to logging.info."""

    def emit(self, record):
        if record.msg == "step = %d, loss = %f":
            step, loss = record.args
            series.add("loss", int(step), None, float(np.asarray(loss)))
        elif record.msg == "%.3f steps/sec":
            throughput.append(float(record.args[0]))


def on_eval(results, step):
    for name, value in results.items():
        series.add(name, int(step), None, float(np.asarray(value)))


def main(_):
    logging.set_verbosity(logging.INFO)
    tf.compat.v1.enable_v2_behavior()
    tf.random.set_seed(0)
    np.random.seed(0)
    pylogging.getLogger("absl").addHandler(Keep())
    root = tempfile.mkdtemp(prefix="tfagents_dqn_")
    te.train_eval(
        root,
        num_iterations=1000,
        initial_collect_steps=200,
        num_eval_episodes=5,
        eval_interval=200,
        log_interval=100,
        summary_interval=100,
        eval_metrics_callback=on_eval,
    )
    # results' keys are the metrics' names, which log_metrics prints ('AverageReturn = …')
    _truth.write(
        library=(
            f"tf-agents {metadata.version('tf-agents')} (tensorflow {tf.__version__}, tf-keras "
            f"{metadata.version('tf-keras')}, gym {metadata.version('gym')}, numpy {np.__version__})"
        ),
        script="tests/corpus/scripts/tf_agents_dqn.py",
        record=(
            "eval: the results dict of metric_utils.eager_compute (via the example's eval_metrics_callback); "
            "loss: the args of the example's logging.info('step = %d, loss = %f', global_step, train_loss.loss)"
        ),
        step_kind="global",
        series=series,
        extra_ok=["steps/sec (the example's training throughput line '123.456 steps/sec')"],
        not_printed=[
            "the train metrics NumberOfEpisodes, EnvironmentSteps, AverageReturn, AverageEpisodeLength "
            "(written to TensorBoard summaries only)"
        ],
        notes=(
            "absl INFO lines on stderr. 'Initializing replay buffer by collecting experience for 200 steps "
            "with a random policy.' (a count). Every 100 train steps 'step = 100, loss = 0.123456' (step = "
            "the agent's global train step; %f: 6 decimals) and '1234.567 steps/sec' (throughput, extra_ok). "
            "At step 0 and every 200 steps (right after that step's loss line) an evaluation of 5 episodes, logged by metric_utils.log_metrics as "
            "one record whose metric lines follow the absl prefix line on continuation lines: '\\t\\t "
            "AverageReturn = 9.4' and '\\t\\t AverageEpisodeLength = 9.4' (series at the global step of the "
            "evaluation). TensorFlow's start-up notices (oneDNN, CPU instructions, cuda not found) and "
            "tf-agents/gym deprecation warnings come first."
        ),
    )


if __name__ == "__main__":
    app.run(main)
