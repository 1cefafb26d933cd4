"""MushroomRL's Core.learn / Core.evaluate loop with its Logger, as MushroomRL's examples write it.

Two variants, both on MushroomRL's own environments (numpy, nothing downloaded):

- dqn: DQN (TorchApproximator, EpsGreedy with a LinearParameter epsilon) on MushroomRL's CartPole
  (3 actions, horizon 200), as examples/acrobot_dqn.py: the Logger's opening lines
  ('###...###' strong line, 'Experiment Algorithm: DQN'), then per epoch
  '07/12/2026 06:58:01 [INFO] Epoch 3 | J: -0.5426... R: -1.0' (the Logger's epoch_info: values
  as str(numpy.float64), every digit), with Core's tqdm step bars (leave=False) and the outer
  trange on stderr, '\\r'-redrawn.
- ppo: PPO with a GaussianTorchPolicy on MushroomRL's InvertedPendulum (horizon 200), as the
  trust-region examples: 'Epoch 2 | J: -31.2... R: -51.0... E: 1.419...' (E the policy's entropy),
  evaluation by episodes.

Truth: MushroomRL's own record, the Logger's DataLogger (logger.log_numpy(J=..., R=..., E=...)
next to each epoch_info, as the examples pair them): the J.npy / R.npy / E.npy files it writes
under results_dir, read back at the end. Epoch 0 is the evaluation before any learning.

Versions: mushroom-rl 1.10.1 (1.10.2 pins torch==2.5.1), torch 2.13.0+cpu, tqdm 4.70.1,
numpy 2.4.6, Python 3.11 (venv corpus-zn-2). Seeds fixed; ~20 s of CPU each.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_mushroom_rl_dqn -- python tests/corpus/scripts/mushroom_rl_core.py dqn
    python tests/corpus/scripts/capture.py pty real_mushroom_rl_dqn_pty -- python tests/corpus/scripts/mushroom_rl_core.py dqn
    python tests/corpus/scripts/capture.py pipe real_mushroom_rl_ppo -- python tests/corpus/scripts/mushroom_rl_core.py ppo
"""

import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import tqdm
from mushroom_rl.algorithms.actor_critic import PPO
from mushroom_rl.algorithms.value import DQN
from mushroom_rl.approximators.parametric import TorchApproximator
from mushroom_rl.core import Core, Logger
from mushroom_rl.environments import CartPole, InvertedPendulum
from mushroom_rl.policy import EpsGreedy, GaussianTorchPolicy
from mushroom_rl.utils.dataset import compute_J
from mushroom_rl.utils.parameters import LinearParameter, Parameter
from tqdm import trange


class Network(nn.Module):
    def __init__(self, input_shape, output_shape, n_features, **kwargs):
        super().__init__()
        n_input = input_shape[-1]
        n_output = output_shape[0]
        self._h1 = nn.Linear(n_input, n_features)
        self._h2 = nn.Linear(n_features, n_features)
        self._h3 = nn.Linear(n_features, n_output)
        nn.init.xavier_uniform_(self._h1.weight, gain=nn.init.calculate_gain("relu"))
        nn.init.xavier_uniform_(self._h2.weight, gain=nn.init.calculate_gain("relu"))
        nn.init.xavier_uniform_(self._h3.weight, gain=nn.init.calculate_gain("linear"))

    def forward(self, state, action=None):
        features1 = F.relu(self._h1(torch.squeeze(state, 1).float()))
        features2 = F.relu(self._h2(features1))
        q = self._h3(features2)
        if action is None:
            return q
        action = action.long()
        return torch.squeeze(q.gather(1, action))


def dqn(logger, n_epochs=6, n_steps=500, n_steps_test=400):
    mdp = CartPole(horizon=200, gamma=0.99)
    epsilon = LinearParameter(value=1.0, threshold_value=0.05, n=2000)
    epsilon_test = Parameter(value=0.0)
    epsilon_random = Parameter(value=1.0)
    pi = EpsGreedy(epsilon=epsilon_random)
    initial_replay_size = 300
    approximator_params = dict(
        network=Network,
        optimizer={"class": optim.Adam, "params": {"lr": 0.001}},
        loss=F.smooth_l1_loss,
        n_features=32,
        input_shape=mdp.info.observation_space.shape,
        output_shape=mdp.info.action_space.size,
        n_actions=mdp.info.action_space.n,
    )
    agent = DQN(
        mdp.info,
        pi,
        TorchApproximator,
        approximator_params=approximator_params,
        batch_size=64,
        initial_replay_size=initial_replay_size,
        max_replay_size=5000,
        target_update_frequency=100,
    )
    core = Core(agent, mdp)
    core.learn(n_steps=initial_replay_size, n_steps_per_fit=initial_replay_size)

    pi.set_epsilon(epsilon_test)
    dataset = core.evaluate(n_steps=n_steps_test, render=False)
    J = np.mean(compute_J(dataset, mdp.info.gamma))
    R = np.mean(compute_J(dataset))
    logger.log_numpy(J=J, R=R)
    logger.epoch_info(0, J=J, R=R)
    for n in trange(n_epochs, leave=False):
        pi.set_epsilon(epsilon)
        core.learn(n_steps=n_steps, n_steps_per_fit=1)
        pi.set_epsilon(epsilon_test)
        dataset = core.evaluate(n_steps=n_steps_test, render=False)
        J = np.mean(compute_J(dataset, mdp.info.gamma))
        R = np.mean(compute_J(dataset))
        logger.log_numpy(J=J, R=R)
        logger.epoch_info(n + 1, J=J, R=R)
    return ["J", "R"]


class MLP(nn.Module):
    def __init__(self, input_shape, output_shape, n_features=32, **kwargs):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(input_shape[-1], n_features),
            nn.Tanh(),
            nn.Linear(n_features, n_features),
            nn.Tanh(),
            nn.Linear(n_features, output_shape[0]),
        )

    def forward(self, state, **kwargs):
        return self.net(state.float())


def ppo(logger, n_epochs=6, n_steps=1000, n_episodes_test=4):
    mdp = InvertedPendulum(horizon=200, gamma=0.99)
    critic_params = dict(
        network=MLP,
        optimizer={"class": optim.Adam, "params": {"lr": 3e-4}},
        loss=F.mse_loss,
        n_features=32,
        batch_size=64,
        input_shape=mdp.info.observation_space.shape,
        output_shape=(1,),
    )
    policy = GaussianTorchPolicy(
        MLP, mdp.info.observation_space.shape, mdp.info.action_space.shape, std_0=1.0, n_features=32
    )
    agent = PPO(
        mdp.info,
        policy,
        actor_optimizer={"class": optim.Adam, "params": {"lr": 3e-4}},
        critic_params=critic_params,
        n_epochs_policy=4,
        batch_size=64,
        eps_ppo=0.2,
        lam=0.95,
    )
    core = Core(agent, mdp)
    dataset = core.evaluate(n_episodes=n_episodes_test, render=False)
    J = np.mean(compute_J(dataset, mdp.info.gamma))
    R = np.mean(compute_J(dataset))
    E = agent.policy.entropy()
    logger.log_numpy(J=J, R=R, E=E)
    logger.epoch_info(0, J=J, R=R, E=E)
    for it in trange(n_epochs, leave=False):
        core.learn(n_steps=n_steps, n_steps_per_fit=500)
        dataset = core.evaluate(n_episodes=n_episodes_test, render=False)
        J = np.mean(compute_J(dataset, mdp.info.gamma))
        R = np.mean(compute_J(dataset))
        E = agent.policy.entropy()
        logger.log_numpy(J=J, R=R, E=E)
        logger.epoch_info(it + 1, J=J, R=R, E=E)
    return ["J", "R", "E"]


variant = sys.argv[1] if len(sys.argv) > 1 else "dqn"
np.random.seed(0)
torch.manual_seed(0)
torch.set_num_threads(1)
results = tempfile.mkdtemp(prefix="mushroom-")
alg = DQN if variant == "dqn" else PPO
logger = Logger(alg.__name__, results_dir=results)
logger.strong_line()
logger.info("Experiment Algorithm: " + alg.__name__)
names = dqn(logger) if variant == "dqn" else ppo(logger)

# MushroomRL's record: the DataLogger's .npy files (one value per epoch_info line, epoch 0 first)
series = _truth.Series()
for name in names:
    for epoch, value in enumerate(np.load(os.path.join(results, alg.__name__, name + ".npy"))):
        series.add(name, None, epoch, float(value))
shutil.rmtree(results, ignore_errors=True)

what = {
    "dqn": "DQN on MushroomRL's CartPole (3 actions, horizon 200): 300 random steps to fill the "
    "replay memory, then 6 epochs of 500 learning steps, each followed by a greedy evaluation "
    "over 400 steps. J is the mean discounted return (gamma 0.99), R the mean undiscounted "
    "return of the evaluation episodes.",
    "ppo": "PPO with a Gaussian policy on MushroomRL's InvertedPendulum (horizon 200): 6 epochs "
    "of 1000 steps (a fit every 500), each followed by 4 evaluation episodes. J is the mean "
    "discounted return (gamma 0.99), R the mean undiscounted return, E the policy's entropy.",
}[variant]
_truth.write(
    library=f"mushroom-rl {metadata.version('mushroom-rl')} (torch {torch.__version__}, tqdm "
    f"{tqdm.__version__}, numpy {np.__version__})",
    script="tests/corpus/scripts/mushroom_rl_core.py",
    record="MushroomRL's Logger (DataLogger): logger.log_numpy(...) next to each epoch_info, the "
    ".npy files it writes under results_dir",
    step_kind="epoch",
    series=series,
    extra_ok=["it/s (Core's tqdm step bars' throughput)"],
    not_printed=[],
    notes=what + " Output: the Logger's lines through tqdm.write, '%(asctime)s [%(levelname)s] "
    "%(message)s' with a '%d/%m/%Y %H:%M:%S' date: a '#' strong line, 'Experiment Algorithm: "
    f"{alg.__name__}', then per epoch '07/12/2026 06:58:01 [INFO] Epoch 3 | J: -0.5426 R: -1.0' "
    "(epoch_info: 'Epoch <n> |' then '<name>: <str(value)>' joined by spaces, no separator "
    "between pairs; values at full numpy float64 precision). Epoch 0 is the evaluation before "
    "learning. Between them Core draws its step bars ('\\r'-redrawn, leave=False, erased when done) "
    "and the outer trange over the epochs on stderr: their counts, percentages, times and "
    "it/s are not metrics of the record.",
)
