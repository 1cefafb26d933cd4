"""Tianshou 2.x DQN on CartPole-v1 (gymnasium's built-in environment, nothing downloaded) with the
off-policy trainer's default console output.

Tianshou draws a tqdm bar per epoch ('Epoch #1: 100%|####| 1000/1000 [00:05<00:00, env_episode=52,
env_step=1000, len=19, n_ep=0, n_st=10, rew=19.00, update_step=100]') and prints, after each
test phase, 'Epoch #1: test_reward: 9.400000 ± 0.489898, best_reward: 9.400000 ± 0.489898 in #0'.
Truth: what the trainer handed its logger (a BaseLogger subclass that keeps every write): the
test collector's returns_stat mean/std per test phase and the info data's best_reward per epoch.
Versions: tianshou 2.0.1, gymnasium 1.0.0, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_tianshou_dqn -- python tests/corpus/holdout/scripts/tianshou_dqn.py
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pty  real_tianshou_dqn_pty -- python tests/corpus/holdout/scripts/tianshou_dqn.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gymnasium as gym
import numpy as np
import torch
from tianshou.algorithm import DQN
from tianshou.algorithm.modelfree.dqn import DiscreteQLearningPolicy
from tianshou.algorithm.optim import AdamOptimizerFactory
from tianshou.data import Collector, CollectStats, VectorReplayBuffer
from tianshou.env import DummyVectorEnv
from tianshou.trainer import OffPolicyTrainerParams
from tianshou.utils.logger.logger_base import LazyLogger
from tianshou.utils.net.common import Net

torch.set_num_threads(1)
np.random.seed(0)
torch.manual_seed(0)


class KeepingLogger(LazyLogger):
    """Keeps every (scope, step, data) the trainer logs; writes nothing anywhere."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[tuple[str, int, dict]] = []

    def write(self, step_type, step, data):
        self.writes.append((step_type, step, dict(data)))

    def log_test_data(self, log_data, step):  # no interval filtering: keep each test phase
        self.write("test/env_step", step, self.prepare_dict_for_logging(log_data))

    def log_info_data(self, log_data, step):
        self.write("info/epoch", step, self.prepare_dict_for_logging(log_data))


env = gym.make("CartPole-v1")
train_envs = DummyVectorEnv([lambda: gym.make("CartPole-v1") for _ in range(4)])
test_envs = DummyVectorEnv([lambda: gym.make("CartPole-v1") for _ in range(5)])
train_envs.seed(0)
test_envs.seed(100)
net = Net(
    state_shape=env.observation_space.shape, action_shape=env.action_space.n, hidden_sizes=[64, 64]
)
policy = DiscreteQLearningPolicy(
    model=net, action_space=env.action_space, eps_training=0.1, eps_inference=0.05
)
algorithm = DQN(
    policy=policy,
    optim=AdamOptimizerFactory(lr=1e-3),
    gamma=0.9,
    n_step_return_horizon=3,
    target_update_freq=100,
)
buf = VectorReplayBuffer(5000, buffer_num=4)
train_collector = Collector[CollectStats](algorithm, train_envs, buf, exploration_noise=True)
test_collector = Collector[CollectStats](algorithm, test_envs, exploration_noise=True)
train_collector.reset()
train_collector.collect(n_step=256)
logger = KeepingLogger()
result = algorithm.run_training(
    OffPolicyTrainerParams(
        training_collector=train_collector,
        test_collector=test_collector,
        max_epochs=4,
        epoch_num_steps=1000,
        collection_step_num_env_steps=10,
        test_step_num_episodes=10,
        batch_size=64,
        update_step_num_gradient_steps_per_sample=0.1,
        logger=logger,
        test_in_training=False,
    )
)
print(f"Finished training in {result.timing.total_time:.1f}s, best_reward {result.best_reward}")

ser = _truth.Series()
tests = [(s, d) for k, s, d in logger.writes if k == "test/env_step"]
infos = [(e, d) for k, e, d in logger.writes if k == "info/epoch"]
# one printed line per test phase; the first ('Initial test step', epoch 0) has no info write
for i, (env_step, d) in enumerate(tests):
    ser.add("test_reward", env_step, i, d["returns_stat"]["mean"])
    # best_reward at the time of the line: the best of the test means so far
    best = max(tests[: i + 1], key=lambda t: t[1]["returns_stat"]["mean"])[1]
    ser.add("best_reward", env_step, i, best["returns_stat"]["mean"])
for e, d in infos:  # cross-check against the trainer's own best_reward per epoch
    assert abs(d["best_reward"] - ser.series["best_reward"]["points"][e][2]) < 1e-9, (e, d)
ser.add("best_reward", None, None, result.best_reward)

_truth.write(
    library="tianshou 2.0.1 (gymnasium 1.0.0, torch 2.13.0+cpu, tqdm 4.70.1)",
    script="tests/corpus/holdout/scripts/tianshou_dqn.py",
    record="the trainer's logger writes: test collect stats (returns_stat mean/std) per test phase, info best_reward per epoch; the returned InfoStats",
    step_kind="global",
    series=ser,
    extra_ok=[
        "rew and len in the bar postfix (mean return and length of the episodes just collected)",
        "test_reward std and best_reward std (the number after '±')",
        "Finished training in seconds",
    ],
    not_printed=["loss (logged as update data, never printed)"],
    notes=(
        "A tqdm bar per epoch (stderr) whose postfix holds counters (env_episode, env_step, n_ep, "
        "n_st, update_step: not metrics) and, once episodes finish, rew (2 decimals) and len "
        "(extra_ok: their drawn positions are not in the record). After each test phase (one "
        "before training, 'Initial test step: test_reward: ...', epoch 0, then one per epoch) a line "
        "'Epoch #2: test_reward: "
        "21.300000 ± 3.1, best_reward: 21.300000 ± 3.1 in #2' ('%.6f'). Series test_reward = "
        "the test returns' mean, best_reward = the best test mean so far (its epoch is the '#N' "
        "at the end); the step is Tianshou's env_step at the test (not printed on the line), the "
        "epoch the '#N' at the start. The '± x' values are standard deviations (extra_ok). The "
        "script's last line 'Finished training in 12.3s, best_reward 25.4' repeats the best reward "
        "(last best_reward point, no step)."
    ),
)
