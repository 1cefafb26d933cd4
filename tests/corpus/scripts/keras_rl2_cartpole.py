"""keras-rl2's DQN and SARSA agents on CartPole, as its examples/dqn_cartpole.py and sarsa_cartpole.py.

The examples as the README shows them: gym's CartPole-v0 (gym 0.25's own numpy dynamics, old step
API, nothing downloaded), a small Sequential Q-network, model.summary(), agent.compile(Adam(lr=1e-3),
metrics=['mae']) and agent.fit(env, nb_steps=..., visualize=False, verbose=V), then agent.test(env,
nb_episodes=5) as the examples do; the number of steps is cut to seconds of CPU, seeds fixed.

Variants:
  dqn_v1    DQNAgent, fit(verbose=1) (keras-rl's default): TrainIntervalLogger, 'Training for 2500 steps ...',
            'Interval 1 (0 steps performed)', a Keras Progbar per interval ('500/500 [====] - 4s 4ms/step -
            reward: 1.0000'), then '24 episodes - episode_reward: 41.167 [10.000, 128.000] - loss: 0.023 -
            mae: 0.512 - mean_q: 0.873'; then the test episodes 'Episode 1: reward: 200.000, steps: 200'.
  ddpg_v2   examples/ddpg_pendulum.py: DDPGAgent on Pendulum-v1 (actor/critic summaries, OU exploration),
            fit(verbose=2, nb_max_episode_steps=200), 5 episodes: negative rewards, continuous actions
            'mean action: -0.123 [-2.000, 2.000]', metrics 'mae', 'mean_q' (critic).
  sarsa_v2  SARSAAgent, fit(verbose=2): TrainEpisodeLogger, one line per episode
            ' 123/2000: episode: 5, duration: 0.231s, episode steps:  21, steps per second:  91, episode
            reward: 21.000, mean reward:  1.000 [ 1.000,  1.000], mean action: 0.476 [0.000, 1.000],  loss:
            0.412331, mae: 0.734455, mean_q: 0.912321' ('loss: --' while the metrics are NaN).

Truth: fit()'s returned History (keras-rl's own callback record: episode_reward and nb_episode_steps per
episode, with nb_steps, the step at the end of each episode) and, for the values History does not keep,
the loggers' own accumulated state (the per-step rewards/actions/metrics lists they keep) read with the
same reductions where they format their lines; the test episodes from test()'s History.
'duration', 'steps per second' and the Progbar's time per step are timing (extra_ok).

Versions: keras-rl2 1.0.5, tensorflow 2.15.1 (Keras 2.15), gym 0.25.2, numpy 1.26, Python 3.11
(venv corpus-zBE-2).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_keras_rl2_dqn -- python tests/corpus/scripts/keras_rl2_cartpole.py dqn_v1
    python tests/corpus/scripts/capture.py pty real_keras_rl2_dqn_pty -- python tests/corpus/scripts/keras_rl2_cartpole.py dqn_v1
    python tests/corpus/scripts/capture.py pipe real_keras_rl2_ddpg_pendulum -- python tests/corpus/scripts/keras_rl2_cartpole.py ddpg_v2
    python tests/corpus/scripts/capture.py pipe real_keras_rl2_sarsa_episodes -- python tests/corpus/scripts/keras_rl2_cartpole.py sarsa_v2
"""

import os
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import gym  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.keras.layers import Activation, Dense, Flatten  # noqa: E402
from tensorflow.keras.models import Sequential  # noqa: E402
from tensorflow.keras.optimizers.legacy import Adam  # noqa: E402

# keras-rl2 1.0.5 reads `from tensorflow.keras import __version__`, gone from TF >= 2.13's keras
# package: the usual workaround (keras-rl2 issue threads) sets it before importing rl.
import keras  # noqa: E402
import tensorflow.keras  # noqa: E402

sys.modules["tensorflow.keras"].__version__ = keras.__version__
import rl.callbacks  # noqa: E402
from rl.agents.dqn import DQNAgent  # noqa: E402
from rl.agents.sarsa import SARSAAgent  # noqa: E402
from rl.memory import SequentialMemory  # noqa: E402
from rl.policy import BoltzmannQPolicy  # noqa: E402

variant = sys.argv[1] if len(sys.argv) > 1 else "dqn_v1"
ENV_NAME = "Pendulum-v1" if variant == "ddpg_v2" else "CartPole-v0"
series = _truth.Series()

# --- the loggers' own state where they format their lines -----------------------------------
_interval_step_begin = rl.callbacks.TrainIntervalLogger.on_step_begin


def interval_step_begin(self, step, logs={}):
    if self.step % self.interval == 0 and len(self.episode_rewards) > 0:
        # what the interval summary line is about to print (same reductions as keras-rl)
        at = self.step
        series.add("episode_reward", at, None, np.mean(self.episode_rewards))
        metrics = np.array(self.metrics)
        if not np.isnan(metrics).all():
            for name, mean in zip(self.metrics_names, np.nanmean(self.metrics, axis=0)):
                series.add(name, at, None, mean)
    return _interval_step_begin(self, step, logs)


_episode_end = rl.callbacks.TrainEpisodeLogger.on_episode_end


def episode_end(self, episode, logs={}):
    at = self.step
    rewards = self.rewards[episode]
    actions = self.actions[episode]
    metrics = np.array(self.metrics[episode])
    series.add("mean reward", at, None, np.mean(rewards))
    series.add("mean action", at, None, np.mean(actions))
    with warnings.catch_warnings():
        warnings.filterwarnings("error")
        for idx, name in enumerate(self.metrics_names):
            try:
                value = np.nanmean(metrics[:, idx])
            except (Warning, IndexError):
                continue
            series.add(name, at, None, value)
    return _episode_end(self, episode, logs)


rl.callbacks.TrainIntervalLogger.on_step_begin = interval_step_begin
rl.callbacks.TrainEpisodeLogger.on_episode_end = episode_end

# --- the example ----------------------------------------------------------------------------
env = gym.make(ENV_NAME)
np.random.seed(123)
tf.random.set_seed(123)
env.seed(123)
if variant == "ddpg_v2":
    # examples/ddpg_pendulum.py: actor and critic, OrnsteinUhlenbeckProcess exploration
    from tensorflow.keras.layers import Concatenate, Input
    from tensorflow.keras.models import Model
    from rl.agents import DDPGAgent
    from rl.random import OrnsteinUhlenbeckProcess

    nb_actions = env.action_space.shape[0]
    actor = Sequential()
    actor.add(Flatten(input_shape=(1,) + env.observation_space.shape))
    for _ in range(3):
        actor.add(Dense(16))
        actor.add(Activation("relu"))
    actor.add(Dense(nb_actions))
    actor.add(Activation("linear"))
    print(actor.summary())
    action_input = Input(shape=(nb_actions,), name="action_input")
    observation_input = Input(shape=(1,) + env.observation_space.shape, name="observation_input")
    x = Concatenate()([action_input, Flatten()(observation_input)])
    for _ in range(3):
        x = Dense(32)(x)
        x = Activation("relu")(x)
    x = Dense(1)(x)
    x = Activation("linear")(x)
    critic = Model(inputs=[action_input, observation_input], outputs=x)
    print(critic.summary())
    memory = SequentialMemory(limit=100000, window_length=1)
    random_process = OrnsteinUhlenbeckProcess(size=nb_actions, theta=.15, mu=0., sigma=.3)
    agent = DDPGAgent(nb_actions=nb_actions, actor=actor, critic=critic, critic_action_input=action_input,
                      memory=memory, nb_steps_warmup_critic=100, nb_steps_warmup_actor=100,
                      random_process=random_process, gamma=.99, target_model_update=1e-3)
    agent.compile(Adam(learning_rate=.001, clipnorm=1.), metrics=["mae"])
    nb_steps, verbose = 1000, 2
    hist = agent.fit(env, nb_steps=nb_steps, visualize=False, verbose=verbose, nb_max_episode_steps=200)
    model = None
else:
    nb_actions = env.action_space.n
    model = Sequential()
    model.add(Flatten(input_shape=(1,) + env.observation_space.shape))
    model.add(Dense(16))
    model.add(Activation("relu"))
    model.add(Dense(16))
    model.add(Activation("relu"))
    model.add(Dense(16))
    model.add(Activation("relu"))
    model.add(Dense(nb_actions))
    model.add(Activation("linear"))
    print(model.summary())

if variant == "dqn_v1":
    memory = SequentialMemory(limit=50000, window_length=1)
    policy = BoltzmannQPolicy()
    agent = DQNAgent(model=model, nb_actions=nb_actions, memory=memory, nb_steps_warmup=10,
                     target_model_update=1e-2, policy=policy)
    agent.compile(Adam(learning_rate=1e-3), metrics=["mae"])
    nb_steps, verbose, interval = 2500, 1, 500
    hist = agent.fit(env, nb_steps=nb_steps, visualize=False, verbose=verbose, log_interval=interval)
elif variant == "sarsa_v2":
    policy = BoltzmannQPolicy()
    agent = SARSAAgent(model=model, nb_actions=nb_actions, nb_steps_warmup=10, policy=policy)
    agent.compile(Adam(learning_rate=1e-3), metrics=["mae"])
    nb_steps, verbose = 2000, 2
    hist = agent.fit(env, nb_steps=nb_steps, visualize=False, verbose=verbose)

if variant != "ddpg_v2":  # DDPGAgent.save_weights fails under TF 2.15 graph mode (checkpoint read_variable_op)
    agent.save_weights(os.path.join("/tmp", f"{variant}_{ENV_NAME}_weights.h5f"), overwrite=True)
test = agent.test(env, nb_episodes=5, visualize=False, nb_max_episode_steps=200)

h = hist.history
if variant in ("sarsa_v2", "ddpg_v2"):
    # episode reward and episode steps come from fit()'s History, in episode order
    for step, r, n in zip(h["nb_steps"], h["episode_reward"], h["nb_episode_steps"]):
        series.add("episode reward", int(step), None, r)
        series.add("episode steps", int(step), None, n)
for i, (r, n) in enumerate(zip(test.history["episode_reward"], test.history["nb_steps"])):
    series.add("reward", None, None, r)
    series.add("steps", None, None, n)

# order the per-episode series as printed (the truth only needs each series in its own order)
if verbose == 1:
    extra = ["reward (the Progbar's running mean of the per-step reward; keras-rl keeps no record of it)",
             "time per step / ETA of the Progbar"]
    notes = ("Interval summary line: episode_reward is the mean over the interval's episodes (History holds the "
             "per-episode values, not the mean); its [min, max] are the extremes of episode rewards, not a metric "
             "series of their own. Test episodes: 'Episode N: reward: R, steps: S' from test()'s History.")
else:
    extra = ["duration", "steps per second"]
    notes = ("Per-episode line of TrainEpisodeLogger: step/nb_steps prefix is the step, 'episode:' the episode "
             "number; the [min, max] brackets after mean reward / mean action are extremes, not series. The first "
             "episodes print 'loss: --' (NaN metrics before warmup), left out. Test episodes: 'Episode N: reward: "
             "R, steps: S' from test()'s History.")

_truth.write(
    library=(f"keras-rl2 {metadata.version('keras-rl2')} (tensorflow {tf.__version__}, gym {gym.__version__})"),
    script="tests/corpus/scripts/keras_rl2_cartpole.py",
    record="agent.fit()/agent.test() History (keras-rl's own callback) and the TrainIntervalLogger/"
           "TrainEpisodeLogger accumulated per-step lists, reduced as they reduce them",
    step_kind="global",
    series=series,
    extra_ok=extra,
    notes=notes,
)
