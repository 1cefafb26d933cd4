"""Dopamine's JAX DQN on gymnasium's CartPole-v0, run as dopamine/discrete_domains/train.py runs it.

The script is train.py's main() (absl app.run, logging.set_verbosity(INFO),
tf.compat.v1.disable_v2_behavior(), run_experiment.load_gin_configs, create_runner,
runner.run_experiment()) with the bindings of Dopamine's jax/agents/dqn/configs/dqn_cartpole.gin
(not shipped in the wheel, so written here), made small: 3 iterations of 1000 training steps and
500 evaluation steps, min_replay_history 500, seed 0 (the environment itself is not seeded by
Dopamine: episode values differ between captures). Nothing is downloaded (CartPole ships with
gymnasium).

What the console shows: absl's INFO lines on stderr ('I1207 11:20:01.123456 140123 run_experiment.py:540]
Average undiscounted return per training episode: 22.15'), among them the agent's settings
('\t gamma: 0.990000', '\t seed: 0'), 'Starting iteration 0', per iteration 'Average undiscounted
return per training episode: …', 'Average training steps per second: …', 'Average undiscounted
return per evaluation episode: …' and the console collector's block '[Iteration 0]:
Train/NumEpisodes = 45' / 'Train/AverageReturns = 22.15…' / 'Train/AverageStepsPerSecond = …' /
'Eval/NumEpisodes = …' / 'Eval/AverageReturns = …' (one log record, its later lines without the
absl prefix); on stdout, after every episode, 'Steps executed: 230 Episode length: 23 Return:
23.0' ending in '\\r' (no newline ever); a tqdm bar over the iterations on stderr.

Truth: Dopamine's own records, read back after the run: the legacy Logger's pickle
(base_dir/logs/log_2: per iteration the IterationStatistics data lists train_episode_lengths,
train_episode_returns, train_average_return, train_average_steps_per_second,
eval_episode_lengths, eval_episode_returns, eval_average_return) and the pickle collector's
pickle_*.pkl (the values the console collector printed, per iteration).

Versions: dopamine-rl 4.1.2, jax 0.4.35, flax 0.10.0, optax 0.2.4, tensorflow 2.21.0,
gymnasium 1.4.0, gym 0.25.2 (imported, unused), gin-config 0.5.0, numpy 2.4.6, Python 3.11
(venv corpus-zM-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_dopamine_jax_dqn -- python tests/corpus/scripts/dopamine_jax_dqn.py
    python tests/corpus/scripts/capture.py pty real_dopamine_jax_dqn_pty -- python tests/corpus/scripts/dopamine_jax_dqn.py
"""

import glob
import os
import pickle
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import jax  # before TensorFlow: jaxlib 0.4.35 and TF 2.21 both register xla_data.proto
import tensorflow as tf
from absl import app, logging
from dopamine.discrete_domains import run_experiment

GIN = """
import dopamine.discrete_domains.gym_lib
import dopamine.discrete_domains.run_experiment
import dopamine.jax.agents.dqn.dqn_agent
import dopamine.jax.networks

JaxDQNAgent.observation_shape = %gym_lib.CARTPOLE_OBSERVATION_SHAPE
JaxDQNAgent.observation_dtype = %jax_networks.CARTPOLE_OBSERVATION_DTYPE
JaxDQNAgent.stack_size = %gym_lib.CARTPOLE_STACK_SIZE
JaxDQNAgent.network = @jax.networks.ClassicControlDQNNetwork
JaxDQNAgent.gamma = 0.99
JaxDQNAgent.update_horizon = 1
JaxDQNAgent.min_replay_history = 500
JaxDQNAgent.update_period = 4
JaxDQNAgent.target_update_period = 100
JaxDQNAgent.epsilon_fn = @jax.agents.dqn.dqn_agent.identity_epsilon
JaxDQNAgent.optimizer = 'adam'
JaxDQNAgent.seed = 0
create_optimizer.learning_rate = 0.001
create_optimizer.eps = 3.125e-4

ClassicControlDQNNetwork.min_vals = %jax_networks.CARTPOLE_MIN_VALS
ClassicControlDQNNetwork.max_vals = %jax_networks.CARTPOLE_MAX_VALS

create_gym_environment.environment_name = 'CartPole'
create_gym_environment.version = 'v0'
create_agent.agent_name = 'jax_dqn'
Runner.create_environment_fn = @gym_lib.create_gym_environment
create_agent.debug_mode = True
Runner.num_iterations = 3
Runner.training_steps = 1000
Runner.evaluation_steps = 500
Runner.max_steps_per_episode = 200

ReplayBuffer.max_capacity = 50000
ReplayBuffer.batch_size = 128
"""


def main(unused_argv):
    logging.set_verbosity(logging.INFO)
    tf.compat.v1.disable_v2_behavior()
    base_dir = tempfile.mkdtemp(prefix="dopamine-")
    gin_file = os.path.join(base_dir, "dqn_cartpole.gin")
    with open(gin_file, "w") as fh:
        fh.write(GIN)
    run_experiment.load_gin_configs([gin_file], [])
    runner = run_experiment.create_runner(base_dir)
    runner.run_experiment()
    sys.stdout.flush()

    # ---- truth: the legacy Logger's pickle and the pickle collector's files
    logs = sorted(glob.glob(os.path.join(base_dir, "logs", "log_*")))
    with open(logs[-1], "rb") as fh:
        data = pickle.load(fh)
    collected = {}
    for path in sorted(glob.glob(os.path.join(base_dir, "metrics", "pickle", "*.pkl"))):
        with open(path, "rb") as fh:
            for key, stats in pickle.load(fh).items():
                collected.setdefault(key, {}).update(stats)
    shutil.rmtree(base_dir)

    series = _truth.Series()
    for it in range(len(data)):
        st = data[f"iteration_{it}"]
        for phase in ("train", "eval"):
            for length, ret in zip(
                st[f"{phase}_episode_lengths"], st[f"{phase}_episode_returns"], strict=True
            ):
                series.add("Episode length", None, it, length)
                series.add("Return", None, it, ret)
            if phase == "train":
                series.add(
                    "Average undiscounted return per training episode",
                    it,
                    it,
                    st["train_average_return"][0],
                )
                series.add(
                    "Average training steps per second",
                    it,
                    it,
                    st["train_average_steps_per_second"][0],
                )
        series.add(
            "Average undiscounted return per evaluation episode",
            it,
            it,
            st["eval_average_return"][0],
        )
        for name in ("Train/AverageReturns", "Train/AverageStepsPerSecond", "Eval/AverageReturns"):
            (value,) = collected[f"iteration_{it}"][name]
            series.add(name, it, it, value)

    _truth.write(
        library=(
            f"dopamine-rl {metadata.version('dopamine-rl')} (jax {jax.__version__}, flax "
            f"{metadata.version('flax')}, tensorflow {tf.__version__}, gymnasium "
            f"{metadata.version('gymnasium')})"
        ),
        script="tests/corpus/scripts/dopamine_jax_dqn.py",
        record=(
            "Dopamine's legacy Logger pickle (logs/log_N: each iteration's IterationStatistics "
            "data lists) and its pickle collector's metrics/pickle/pickle_*.pkl (what the "
            "console collector printed)"
        ),
        step_kind="global",
        series=series,
        extra_ok=["the tqdm bar's rate (s/it)"],
        not_printed=[
            "the agent's TensorBoard summaries (HuberLoss/Loss, per training step)",
        ],
        notes=(
            "step = Dopamine's iteration number (its '[Iteration 0]' and the 'Starting "
            "iteration 0' line), also given as the epoch. Per episode, stdout gets 'Steps "
            "executed: 230 Episode length: 23 Return: 23.0' + '\\r' (sys.stdout.write, never a "
            "newline: piped, one long line), the training episodes then the evaluation ones "
            "under the same names (series 'Episode length' and 'Return', both phases in print "
            "order, step null, epoch = iteration); 'Steps executed' is a count within the "
            "phase. absl INFO lines on stderr ('I1207 11:20:01.123456 140123 "
            "run_experiment.py:540] msg': date, time, thread id, file:line are no metrics) "
            "carry 'Average undiscounted return per training episode: 22.15', 'Average training "
            "steps per second: 456.78', 'Average undiscounted return per evaluation episode: "
            "9.35' (%.2f), then the console collector's record '[Iteration 0]: "
            "Train/NumEpisodes = 45' (a count) with 'Train/AverageReturns = …', "
            "'Train/AverageStepsPerSecond = …', 'Eval/NumEpisodes = …' (a count), "
            "'Eval/AverageReturns = …' at full repr on the following lines (one log record). "
            "Not metrics: the agent's settings ('\\t gamma: 0.990000', '\\t update_horizon: "
            "1.000000', '\\t min_replay_history: 500', '\\t epsilon_train: 0.010000', '\\t seed: "
            "0', ...), the Runner's ('num_iterations: 3', 'training_steps: 1000', "
            "'max_steps_per_episode: 200'), gin's config, 'Starting iteration 0' (the step), "
            "the tqdm bar over iterations ('67%|######6   | 2/3 [00:05<00:02, 2.71s/it]'; its "
            "rate is extra_ok), checkpoint paths and Orbax's checkpoint logging ('Saving checkpoint "
            "at step 2', the dict \"{'step': 2, 'event_type': 'save', ..., "
            "'wait_for_prev_start_time': 1796641435.10, 'wait_for_prev_duration_secs': ...}\": "
            "bookkeeping of the save, timestamps and durations of file I/O, no training metric)."
        ),
    )


if __name__ == "__main__":
    app.run(main)
