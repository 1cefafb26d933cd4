"""skrl's DQN trained by its SequentialTrainer, as skrl's documentation examples run it.

The environment is CartPole-v1's dynamics written in numpy as a gymnasium.Env (nothing is
downloaded), wrapped by skrl's wrap_env; the Q-network is a small torch MLP (DeterministicMixin),
RandomMemory, a linear epsilon schedule. trainer.train() then trainer.eval(), as the examples do.

What the console shows: skrl's coloured logger lines ('[skrl:INFO] Environment wrapper: ...',
'[skrl:INFO] Seed: 42'), then a plain tqdm bar over the timesteps on stdout
('100%|##########| 2000/2000 [00:09<00:00, 218.52it/s]') for training and one for evaluation. skrl
prints no metric: everything it records (rewards, episode lengths, Q-network loss, target Q
values, epsilon, timings) goes to TensorBoard through the agent's tracking data. This entry is a
precision check: the reader must store nothing but, at most, the bar's throughput.

Truth: skrl's own tracking data (the TensorBoard event files the agent writes every
write_interval timesteps) are read back only to name them in not_printed; the series are empty.

Versions: skrl 2.1.1, torch 2.13.0+cpu, gymnasium 1.4.0, tqdm 4.70.1, tensorboard 2.21.0,
Python 3.11 (venv corpus-zn-1). Seeds fixed; ~15 s of CPU.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_skrl_dqn -- python tests/corpus/scripts/skrl_dqn.py
    python tests/corpus/scripts/capture.py pty real_skrl_dqn_pty -- python tests/corpus/scripts/skrl_dqn.py
"""

import glob
import math
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gymnasium
import numpy as np
import skrl
import torch
import torch.nn as nn
import tqdm
from skrl.agents.torch.dqn import DQN, DQN_CFG
from skrl.envs.wrappers.torch import wrap_env
from skrl.memories.torch import RandomMemory
from skrl.models.torch import DeterministicMixin, Model
from skrl.trainers.torch import SequentialTrainer
from skrl.utils import set_seed


class NumpyCartPole(gymnasium.Env):
    """CartPole-v1's dynamics, termination and 500-step truncation."""

    def __init__(self):
        high = np.array([4.8, np.inf, 0.42, np.inf], dtype=np.float32)
        self.observation_space = gymnasium.spaces.Box(-high, high, dtype=np.float32)
        self.action_space = gymnasium.spaces.Discrete(2)
        self.state = None
        self.steps = 0

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.state = self.np_random.uniform(-0.05, 0.05, size=4)
        self.steps = 0
        return self.state.astype(np.float32), {}

    def step(self, action):
        x, x_dot, th, th_dot = self.state
        force = 10.0 if int(action) == 1 else -10.0
        cos, sin = math.cos(th), math.sin(th)
        temp = (force + 0.05 * th_dot**2 * sin) / 1.1
        th_acc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3.0 - 0.1 * cos**2 / 1.1))
        x_acc = temp - 0.05 * th_acc * cos / 1.1
        x, x_dot = x + 0.02 * x_dot, x_dot + 0.02 * x_acc
        th, th_dot = th + 0.02 * th_dot, th_dot + 0.02 * th_acc
        self.state = np.array([x, x_dot, th, th_dot])
        self.steps += 1
        terminated = bool(abs(x) > 2.4 or abs(th) > 12 * 2 * math.pi / 360)
        truncated = self.steps >= 500
        return self.state.astype(np.float32), 1.0, terminated, truncated, {}


class QNetwork(DeterministicMixin, Model):
    def __init__(self, observation_space, action_space, device):
        Model.__init__(
            self, observation_space=observation_space, action_space=action_space, device=device
        )
        DeterministicMixin.__init__(self)
        self.net = nn.Sequential(
            nn.Linear(self.num_observations, 64),
            nn.ReLU(),
            nn.Linear(64, 64),
            nn.ReLU(),
            nn.Linear(64, self.num_actions),
        )

    def compute(self, inputs, role):
        return self.net(inputs["observations"]), {}


torch.set_num_threads(1)
set_seed(42)
env = wrap_env(NumpyCartPole())
device = env.device
memory = RandomMemory(memory_size=5000, num_envs=env.num_envs, device=device)
models = {
    "q_network": QNetwork(env.observation_space, env.action_space, device),
    "target_q_network": QNetwork(env.observation_space, env.action_space, device),
}
TIMESTEPS = 2000
workdir = tempfile.mkdtemp(prefix="skrl-")
cfg = DQN_CFG(
    learning_starts=200,
    batch_size=64,
    learning_rate=1e-3,
    target_update_interval=10,
    exploration_scheduler=lambda timestep, timesteps: max(1.0 - timestep / 1000, 0.05),
)
cfg.experiment.directory = workdir
cfg.experiment.experiment_name = "cartpole_dqn"
cfg.experiment.write_interval = 200
cfg.experiment.checkpoint_interval = 0
agent = DQN(
    models=models,
    memory=memory,
    observation_space=env.observation_space,
    action_space=env.action_space,
    device=device,
    cfg=cfg,
)
trainer = SequentialTrainer(env=env, agents=agent, cfg={"timesteps": TIMESTEPS, "headless": True})
trainer.train()
trainer.eval()

# skrl's record: the TensorBoard event files of the agent (read back only to name them)
tags = set()
try:
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    for run in glob.glob(os.path.join(workdir, "*")):
        acc = EventAccumulator(run)
        acc.Reload()
        tags.update(acc.Tags()["scalars"])
except ImportError:  # tensorboard is a dependency of skrl
    pass
shutil.rmtree(workdir, ignore_errors=True)

_truth.write(
    library=f"skrl {skrl.__version__} (torch {torch.__version__}, gymnasium {gymnasium.__version__}, "
    f"tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/skrl_dqn.py",
    record="the agent's tracking data written to TensorBoard every write_interval timesteps "
    "(none of it printed)",
    step_kind="global",
    series={},
    extra_ok=["it/s (the tqdm bar's throughput, timesteps per second)"],
    not_printed=sorted(tags),
    notes="skrl prints no metric. Its logger writes coloured lines ('\\x1b[38;20m[skrl:INFO] "
    "Environment wrapper: gymnasium\\x1b[0m', '[skrl:INFO] Seed: 42'), then trainer.train() and "
    "trainer.eval() each draw a plain tqdm bar over the timesteps on stdout "
    "('100%|##########| 2000/2000 [00:09<00:00, 218.52it/s]', '\\r'-redrawn, in a pipe too). "
    "Every number on the console is a count, a percentage, a time or the throughput. Rewards, "
    "episode lengths, the Q-network loss, target Q values and epsilon go only to TensorBoard "
    "(not_printed lists the tags found in its event files).",
)
