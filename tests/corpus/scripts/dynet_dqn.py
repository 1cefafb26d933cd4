"""DyNet's reinforcement-learning DQN example (examples/reinforcement-learning in clab/dynet).

The example's pieces are not in the wheel, so they are copied here as they are in the repository:
DeepQNetwork (dqn.py, the plain non-dueling, non-prioritized path main_dqn.py runs by default:
AdamTrainer with clip threshold 1 and learning rate 5e-4, epsilon from 1.0 down by 1e-4 per learn
step), MLP + Header (network.py, hiddens [128]), Memory (memory.py), and
train_pipeline_conservative (train_test_utils.py, the pipeline main_dqn.py picks for CartPole),
whose prints are unchanged. Made small: 5 epochs of 100 rollout games and 200 learn steps of
batch 256 (the example: 500 epochs, 1000 learn steps); the closing test() is left out (it waits
on input() and renders). The example's `gym.make('CartPole-v1')` (old gym API: reset() returns
the observation, step() a 4-tuple, `_max_episode_steps` 500) is replaced by the same CartPole
dynamics written here in numpy (no gym install).

What the console shows: per epoch a '=====' block:
'i_epoch: 2', 'epsilon: 0.98', 'Average score of 100 rollout games: 21.47', 'Average training
loss: 3.86' (from epoch 1 on: learning starts after epoch learn_start=0); DyNet's deprecation
notice for dy.parameter(...) (three lines) after the first block.

Truth: the pipeline keeps its rewards/losses lists and the agent its epsilon; the loop here (the
example's, unchanged but for appending what it prints to a record) stores the printed values at
full precision.

Versions: dynet38 2.2 (imported as dynet), numpy 2.4.6, Python 3.11 (venv corpus-zAJ-3).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_dynet_dqn -- python tests/corpus/scripts/dynet_dqn.py --dynet-seed 1
"""

import math
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import dynet as dy  # noqa: E402  (reads --dynet-seed from sys.argv)
import numpy as np  # noqa: E402

np.random.seed(0)


class CartPole:
    """gym's CartPole-v1 dynamics with the old gym API the example uses."""

    _max_episode_steps = 500

    def __init__(self):
        self.rng = np.random.RandomState(0)
        self.state = None

    def reset(self):
        self.state = self.rng.uniform(-0.05, 0.05, size=4)
        return np.array(self.state)

    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = 10.0 if action == 1 else -10.0
        cos, sin = math.cos(theta), math.sin(theta)
        temp = (force + 0.05 * theta_dot**2 * sin) / 1.1
        thetaacc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3.0 - 0.1 * cos**2 / 1.1))
        xacc = temp - 0.05 * thetaacc * cos / 1.1
        x, x_dot = x + 0.02 * x_dot, x_dot + 0.02 * xacc
        theta, theta_dot = theta + 0.02 * theta_dot, theta_dot + 0.02 * thetaacc
        self.state = np.array([x, x_dot, theta, theta_dot])
        done = bool(
            x < -2.4 or x > 2.4 or theta < -12 * 2 * math.pi / 360 or theta > 12 * 2 * math.pi / 360
        )
        return np.array(self.state), 1.0, done, {}


# ---- network.py ----
class Network(object):
    def __init__(self, pc):
        self.pc = dy.ParameterCollection() if pc is None else pc


class MLP(Network):
    def __init__(self, inpt_shape, hiddens, activation=dy.rectify, pc=None):
        super().__init__(pc)
        self.activation = activation
        units = [inpt_shape[0]] + hiddens
        self.Ws, self.bs = [], []
        for i in range(len(units) - 1):
            self.Ws.append(self.pc.add_parameters((units[i + 1], units[i])))
            self.bs.append(self.pc.add_parameters(units[i + 1]))
        self.n_layers = len(self.Ws)

    def __call__(self, obs, batched=False):
        out = obs if isinstance(obs, dy.Expression) else dy.inputTensor(obs, batched=batched)
        for i in range(self.n_layers):
            b, W = dy.parameter(self.bs[i]), dy.parameter(self.Ws[i])
            out = dy.affine_transform([b, W, out])
            out = self.activation(out)
        return out


class Header(Network):
    def __init__(self, opt_size, network, **kwargs):
        super().__init__(None)
        self.network = network(**kwargs, pc=self.pc)
        self.opt_size = opt_size
        hiddens = kwargs["hiddens"]
        self.W = self.pc.add_parameters((opt_size, hiddens[-1]))
        self.b = self.pc.add_parameters(opt_size)

    def __call__(self, obs, batched=False):
        out = self.network(obs, batched)
        W, b = dy.parameter(self.W), dy.parameter(self.b)
        return dy.affine_transform([b, W, out])


# ---- memory.py ----
class Memory(object):
    def __init__(self, size):
        self.size = size
        self.idx = 0
        self.memory = np.zeros(size, dtype=object)

    def store(self, exp):
        self.memory[self.idx % self.size] = exp
        self.idx += 1

    def sample(self, batch_size):
        indices = np.random.choice(min(self.idx, self.size), batch_size)
        return self.memory[indices]


# ---- dqn.py (use_double_dqn=False, dueling=False, prioritized=False) ----
class DeepQNetwork(object):
    def __init__(self, network, memory_size):
        self.network = network
        self.trainer = dy.AdamTrainer(network.pc)
        self.trainer.set_clip_threshold(1.0)
        self.trainer.set_learning_rate(5e-4)
        self.epsilon = 1.0
        self.epsilon_decrease = 1e-4
        self.epsilon_lower = 0.05
        self.reward_decay = 0.99
        self.learn_step = 0
        self.memory = Memory(memory_size)

    def act(self, obs, deterministic=True):
        if np.random.random() < self.epsilon:
            return np.random.choice(self.network.opt_size)
        dy.renew_cg()
        actions = self.network(obs).npvalue()
        return np.argmax(actions)

    def store(self, exp):
        self.memory.store(exp)

    def learn(self, batch_size):
        exps = self.memory.sample(batch_size)
        obss, actions, rewards, obs_nexts, dones = self._process(exps)
        dy.renew_cg()
        target_values = self.network(obs_nexts, batched=True).npvalue()
        target_values = np.max(target_values, axis=0)
        target_values = rewards + self.reward_decay * (target_values * (1 - dones))
        dy.renew_cg()
        all_values_expr = self.network(obss, batched=True)
        picked_values = dy.pick_batch(all_values_expr, actions)
        diff = picked_values - dy.inputTensor(target_values, batched=True)
        losses = dy.pow(diff, dy.constant(1, 2))
        loss = dy.sum_batches(losses)
        loss_value = loss.npvalue()
        loss.backward()
        self.trainer.update()
        self.epsilon = max(self.epsilon - self.epsilon_decrease, self.epsilon_lower)
        self.learn_step += 1
        return loss_value

    @staticmethod
    def _process(exps):
        n = len(exps)
        ret = []
        for i in range(5):
            ret.append([])
            for j in range(n):
                ret[i].append(exps[j][i])
        ret = [np.transpose(arr) for arr in ret]
        return ret


series = _truth.Series()


# ---- train_test_utils.py (its prints unchanged; the record appends added) ----
def train_pipeline_conservative(
    env,
    player,
    score_threshold,
    batch_size,
    n_epoch,
    n_rollout,
    n_train,
    learn_start=0,
    early_stop=True,
):
    for i_epoch in range(n_epoch):
        rewards, losses = [], []
        for _ in range(n_rollout):
            reward = 0
            obs = env.reset()
            for t in range(env._max_episode_steps):
                action = player.act(obs)
                obs_next, rwd, done, _ = env.step(action)
                player.store(
                    (
                        obs,
                        action,
                        rwd,
                        obs_next,
                        float(False if t == env._max_episode_steps - 1 else done),
                    )
                )
                reward += rwd
                if done:
                    break
                obs = obs_next
            rewards.append(reward)

        if i_epoch > learn_start:
            for _ in range(n_train):
                loss = player.learn(batch_size)
                if loss is not None:
                    losses.append(loss)

        if i_epoch % 1 == 0:
            mean_reward = np.mean(rewards)
            print("===========================")
            print("i_epoch: {}".format(i_epoch))
            print("epsilon: {}".format(player.epsilon))
            print("Average score of {} rollout games: {}".format(n_rollout, mean_reward))
            series.add("epsilon", player.learn_step, i_epoch, player.epsilon)
            series.add(
                f"Average score of {n_rollout} rollout games",
                player.learn_step,
                i_epoch,
                mean_reward,
            )
            if i_epoch > learn_start:
                print("Average training loss: {}".format(np.mean(losses)))
                series.add("Average training loss", player.learn_step, i_epoch, np.mean(losses))
            print("===========================")
            print()
            if early_stop and mean_reward >= score_threshold:
                break


env = CartPole()
network = Header(inpt_shape=(4,), hiddens=[128], opt_size=2, network=MLP)
dqn = DeepQNetwork(network=network, memory_size=50000)
train_pipeline_conservative(env, dqn, 499, n_epoch=5, n_rollout=100, n_train=200, batch_size=256)

_truth.write(
    library=f"dynet38 {metadata.version('dynet38')} (numpy {np.__version__})",
    script="tests/corpus/scripts/dynet_dqn.py",
    record="the example loop's own values (np.mean(rewards), np.mean(losses), agent.epsilon), appended as printed",
    step_kind="epoch",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "Each epoch prints a block "
        "between '===========================' lines: 'i_epoch: 0' (the epoch, 0-based), 'epsilon: 1.0' (the "
        "agent's exploration rate after that epoch's learn steps, a schedule like a learning rate, kept as a "
        "series), 'Average score of 100 rollout games: 22.5' (the mean return of the epoch's 100 games; the "
        "name holds the game count 100), from epoch 1 on 'Average training loss: 3.1' (mean of the 200 learn "
        "steps' summed squared TD errors; it grows: the example's loss sums over the batch of 256), then an "
        "empty line. After the first block DyNet prints its 'The dy.parameter(...) call is now DEPRECATED.' "
        "notice once. step = the agent's learn_step count after the "
        "epoch (0 at epoch 0), epoch = i_epoch."
    ),
)
