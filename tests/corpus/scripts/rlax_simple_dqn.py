"""rlax's examples/simple_dqn.py (double DQN on bsuite's Catch) with examples/experiment.py's run_loop.

rlax's examples are not in its wheel and bsuite is not installed (it pulls plotting libraries the
example does not use), so the example is copied here as it is in the repository, flags and all,
with bsuite's Catch (bsuite/environments/catch.py: 10x5 board, paddle, falling ball, reward +1/-1
at the bottom, auto-reset) written inline as the same dm_env.Environment. The example is run as
it runs (absl app.run(main), its flag defaults: seed 42, batch 32, target period 50, replay 2000,
50 hidden units, epsilon 1.0 -> 0.01 over 1000 steps, Adam 0.005, 100 evaluation episodes every
50 episodes) with fewer training episodes (--train_episodes 201; its default is 301).

What the console shows: 'Training agent for 201 episodes', then every 50 episodes
'Episode   50: Average returns: 0.48' (episode right-aligned in 4 places, returns with 2
decimals); before it TensorFlow's start-up notices (oneDNN, cuda stub, cuInit; tfp-nightly, imported
through distrax, imports TensorFlow) and absl's 'Unable to initialize backend 'tpu'' INFO line.

Truth: run_loop's own avg_returns (returns / eval_episodes), kept by the loop here (experiment.py's,
unchanged but for the record) at full precision.

Versions: rlax 0.1.9, dm-haiku 0.0.17, jax 0.10.2, optax 0.2.8, dm-env 1.6, numpy 2.4.6,
Python 3.11 (venv corpus-zAJ-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_rlax_simple_dqn -- python tests/corpus/scripts/rlax_simple_dqn.py --train_episodes 201
"""

import collections
import os
import random
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import dm_env  # noqa: E402
import haiku as hk  # noqa: E402
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
import optax  # noqa: E402
import rlax  # noqa: E402
from absl import app, flags  # noqa: E402
from dm_env import specs  # noqa: E402
from haiku import nets  # noqa: E402

series = _truth.Series()

# ---- bsuite/environments/catch.py (base.Environment's auto-reset folded in) ----
_ACTIONS = (-1, 0, 1)  # Left, no-op, right.


class Catch(dm_env.Environment):
    def __init__(self, rows=10, columns=5, seed=None):
        self._rows = rows
        self._columns = columns
        self._rng = np.random.RandomState(seed)
        self._board = np.zeros((rows, columns), dtype=np.float32)
        self._ball_x = None
        self._ball_y = None
        self._paddle_x = None
        self._paddle_y = None
        self._reset_next_step = True
        self._total_regret = 0.0

    def reset(self):
        self._reset_next_step = False
        self._ball_x = self._rng.randint(self._columns)
        self._ball_y = 0
        self._paddle_x = self._columns // 2
        self._paddle_y = self._rows - 1
        return dm_env.restart(self._observation())

    def step(self, action):
        if self._reset_next_step:
            return self.reset()
        dx = _ACTIONS[action]
        self._paddle_x = np.clip(self._paddle_x + dx, 0, self._columns - 1)
        self._ball_y += 1
        if self._ball_y == self._paddle_y:
            reward = 1.0 if self._paddle_x == self._ball_x else -1.0
            self._reset_next_step = True
            self._total_regret += 1.0 - reward
            return dm_env.termination(reward=reward, observation=self._observation())
        return dm_env.transition(reward=0.0, observation=self._observation())

    def observation_spec(self):
        return specs.BoundedArray(
            shape=self._board.shape,
            dtype=self._board.dtype,
            name="observation",
            minimum=0,
            maximum=1,
        )

    def action_spec(self):
        return specs.DiscreteArray(dtype=int, num_values=len(_ACTIONS), name="action")

    def _observation(self):
        self._board.fill(0.0)
        self._board[self._ball_y, self._ball_x] = 1.0
        self._board[self._paddle_y, self._paddle_x] = 1.0
        return self._board.copy()


# ---- examples/experiment.py (prints unchanged; the record added) ----
def run_loop(
    agent, environment, accumulator, seed, batch_size, train_episodes, evaluate_every, eval_episodes
):
    """A simple run loop for examples of reinforcement learning with rlax."""
    rng = hk.PRNGSequence(jax.random.PRNGKey(seed))
    params = agent.initial_params(next(rng))
    learner_state = agent.initial_learner_state(params)

    print(f"Training agent for {train_episodes} episodes")
    for episode in range(train_episodes):
        timestep = environment.reset()
        accumulator.push(timestep, None)
        actor_state = agent.initial_actor_state()

        while not timestep.last():
            actor_output, actor_state = agent.actor_step(
                params, timestep, actor_state, next(rng), evaluation=False
            )
            action = int(actor_output.actions)
            timestep = environment.step(action)
            accumulator.push(timestep, action)
            if accumulator.is_ready(batch_size):
                params, learner_state = agent.learner_step(
                    params, accumulator.sample(batch_size), learner_state, next(rng)
                )

        if not episode % evaluate_every:
            returns = 0.0
            for _ in range(eval_episodes):
                timestep = environment.reset()
                actor_state = agent.initial_actor_state()
                while not timestep.last():
                    actor_output, actor_state = agent.actor_step(
                        params, timestep, actor_state, next(rng), evaluation=True
                    )
                    timestep = environment.step(int(actor_output.actions))
                    returns += timestep.reward

            avg_returns = returns / eval_episodes
            print(f"Episode {episode:4d}: Average returns: {avg_returns:.2f}")
            series.add("Average returns", episode, None, float(avg_returns))


# ---- examples/simple_dqn.py ----
Params = collections.namedtuple("Params", "online target")
ActorState = collections.namedtuple("ActorState", "count")
ActorOutput = collections.namedtuple("ActorOutput", "actions q_values")
LearnerState = collections.namedtuple("LearnerState", "count opt_state")
Data = collections.namedtuple("Data", "obs_tm1 a_tm1 r_t discount_t obs_t")

FLAGS = flags.FLAGS
flags.DEFINE_integer("seed", 42, "Random seed.")
flags.DEFINE_integer("train_episodes", 301, "Number of train episodes.")
flags.DEFINE_integer("batch_size", 32, "Size of the training batch")
flags.DEFINE_float("target_period", 50, "How often to update the target net.")
flags.DEFINE_integer("replay_capacity", 2000, "Capacity of the replay buffer.")
flags.DEFINE_integer("hidden_units", 50, "Number of network hidden units.")
flags.DEFINE_float("epsilon_begin", 1.0, "Initial epsilon-greedy exploration.")
flags.DEFINE_float("epsilon_end", 0.01, "Final epsilon-greedy exploration.")
flags.DEFINE_integer("epsilon_steps", 1000, "Steps over which to anneal eps.")
flags.DEFINE_float("discount_factor", 0.99, "Q-learning discount factor.")
flags.DEFINE_float("learning_rate", 0.005, "Optimizer learning rate.")
flags.DEFINE_integer("eval_episodes", 100, "Number of evaluation episodes.")
flags.DEFINE_integer("evaluate_every", 50, "Number of episodes between evaluations.")


def build_network(num_actions: int) -> hk.Transformed:
    def q(obs):
        network = hk.Sequential([hk.Flatten(), nets.MLP([FLAGS.hidden_units, num_actions])])
        return network(obs)

    return hk.without_apply_rng(hk.transform(q))


class ReplayBuffer(object):
    def __init__(self, capacity):
        self._prev = None
        self._action = None
        self._latest = None
        self.buffer = collections.deque(maxlen=capacity)

    def push(self, env_output, action):
        self._prev = self._latest
        self._action = action
        self._latest = env_output
        if action is not None:
            self.buffer.append(
                (
                    self._prev.observation,
                    self._action,
                    self._latest.reward,
                    self._latest.discount,
                    self._latest.observation,
                )
            )

    def sample(self, batch_size):
        obs_tm1, a_tm1, r_t, discount_t, obs_t = zip(*random.sample(self.buffer, batch_size))
        return (
            np.stack(obs_tm1),
            np.asarray(a_tm1),
            np.asarray(r_t),
            np.asarray(discount_t) * FLAGS.discount_factor,
            np.stack(obs_t),
        )

    def is_ready(self, batch_size):
        return batch_size <= len(self.buffer)


class DQN:
    def __init__(self, observation_spec, action_spec, epsilon_cfg, target_period, learning_rate):
        self._observation_spec = observation_spec
        self._action_spec = action_spec
        self._target_period = target_period
        self._network = build_network(action_spec.num_values)
        self._optimizer = optax.adam(learning_rate)
        self._epsilon_by_frame = optax.polynomial_schedule(**epsilon_cfg)
        self.actor_step = jax.jit(self.actor_step)
        self.learner_step = jax.jit(self.learner_step)

    def initial_params(self, key):
        sample_input = self._observation_spec.generate_value()
        sample_input = jnp.expand_dims(sample_input, 0)
        online_params = self._network.init(key, sample_input)
        return Params(online_params, online_params)

    def initial_actor_state(self):
        actor_count = jnp.zeros((), dtype=jnp.float32)
        return ActorState(actor_count)

    def initial_learner_state(self, params):
        learner_count = jnp.zeros((), dtype=jnp.float32)
        opt_state = self._optimizer.init(params.online)
        return LearnerState(learner_count, opt_state)

    def actor_step(self, params, env_output, actor_state, key, evaluation):
        obs = jnp.expand_dims(env_output.observation, 0)
        q = self._network.apply(params.online, obs)[0]
        epsilon = self._epsilon_by_frame(actor_state.count)
        train_a = rlax.epsilon_greedy(epsilon).sample(key, q)
        eval_a = rlax.greedy().sample(key, q)
        a = jax.lax.select(evaluation, eval_a, train_a)
        return ActorOutput(actions=a, q_values=q), ActorState(actor_state.count + 1)

    def learner_step(self, params, data, learner_state, unused_key):
        target_params = optax.periodic_update(
            params.online, params.target, learner_state.count, self._target_period
        )
        dloss_dtheta = jax.grad(self._loss)(params.online, target_params, *data)
        updates, opt_state = self._optimizer.update(dloss_dtheta, learner_state.opt_state)
        online_params = optax.apply_updates(params.online, updates)
        return (
            Params(online_params, target_params),
            LearnerState(learner_state.count + 1, opt_state),
        )

    def _loss(self, online_params, target_params, obs_tm1, a_tm1, r_t, discount_t, obs_t):
        q_tm1 = self._network.apply(online_params, obs_tm1)
        q_t_val = self._network.apply(target_params, obs_t)
        q_t_select = self._network.apply(online_params, obs_t)
        batched_loss = jax.vmap(rlax.double_q_learning)
        td_error = batched_loss(q_tm1, a_tm1, r_t, discount_t, q_t_val, q_t_select)
        return jnp.mean(rlax.l2_loss(td_error))


def main(unused_arg):
    random.seed(FLAGS.seed)  # the example leaves Python's random (the replay sampling) unseeded
    env = Catch(seed=FLAGS.seed)
    epsilon_cfg = dict(
        init_value=FLAGS.epsilon_begin,
        end_value=FLAGS.epsilon_end,
        transition_steps=FLAGS.epsilon_steps,
        power=1.0,
    )
    agent = DQN(
        observation_spec=env.observation_spec(),
        action_spec=env.action_spec(),
        epsilon_cfg=epsilon_cfg,
        target_period=FLAGS.target_period,
        learning_rate=FLAGS.learning_rate,
    )
    accumulator = ReplayBuffer(FLAGS.replay_capacity)
    run_loop(
        agent=agent,
        environment=env,
        accumulator=accumulator,
        seed=FLAGS.seed,
        batch_size=FLAGS.batch_size,
        train_episodes=FLAGS.train_episodes,
        evaluate_every=FLAGS.evaluate_every,
        eval_episodes=FLAGS.eval_episodes,
    )
    _truth.write(
        library=(
            f"rlax {metadata.version('rlax')} (dm-haiku {metadata.version('dm-haiku')}, jax {jax.__version__}, "
            f"optax {optax.__version__})"
        ),
        script="tests/corpus/scripts/rlax_simple_dqn.py",
        record="run_loop's avg_returns (returns / eval_episodes), kept as printed",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "'Training agent for 201 episodes' (a count), then every 50 episodes 'Episode   50: Average "
            "returns: 0.48' (the episode number right-aligned in 4 places, a counter, not a metric; the "
            "average return of 100 greedy evaluation episodes on Catch, in [-1, 1], 2 decimals). step = the "
            "episode number the line prints (the loop counts episodes; the learner's update count is not shown). "
            "TensorFlow's start-up notices come first ('I0000 00:00:1796655409.508567    8269 port.cc:153] oneDNN "
            "custom operations are on...', the cuda stub and cuInit lines; tfp-nightly, which distrax imports, "
            "imports TensorFlow), then absl's INFO line 'I1207 14:56:52.021642 140279942937472 xla_bridge.py:849] "
            "Unable to initialize backend 'tpu': ...'."
        ),
    )


if __name__ == "__main__":
    app.run(main)
