"""sb3-contrib QR-DQN (verbose=1) on a numpy-vectorized toy written directly against SB3's VecEnv
API (no gymnasium.Env, no gymnasium loop: 4 walkers on a 1-D chain of 8 cells, reward 1 at the
right end, 20 steps at most), wrapped in SB3's VecMonitor for the episode statistics. SB3 prints
its boxed key/value table every 8 episodes.

Versions: sb3-contrib 2.9.2, stable-baselines3 2.9.2, torch 2.13.0+cpu, Python 3.11 (venv
corpus-v-1; gymnasium 1.4.0 is imported only for its Box/Discrete space classes).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sb3_contrib_qrdqn -- python tests/corpus/scripts/sb3_contrib_qrdqn.py
(under a terminal SB3 prints the same bytes but for \r\n: no pty entry.)
Truth: SB3's own logger output, configure(folder, ["stdout", "csv"]) -> progress.csv (the same
dump writes the table and the CSV row).
"""

import csv
import math
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import sb3_contrib
import stable_baselines3
import torch
from gymnasium import spaces
from sb3_contrib import QRDQN
from stable_baselines3.common.logger import configure
from stable_baselines3.common.vec_env import VecEnv, VecMonitor


class ChainVec(VecEnv):
    """n walkers on cells 0..L-1; action 1 moves right, 0 left; reward 1 at cell L-1."""

    L, T = 8, 20

    def __init__(self, n=4, seed=0):
        super().__init__(n, spaces.Box(0.0, 1.0, (self.L,), np.float32), spaces.Discrete(2))
        self.rng = np.random.default_rng(seed)
        self.pos = np.zeros(n, int)
        self.t = np.zeros(n, int)
        self.actions = None

    def _obs(self):
        o = np.zeros((self.num_envs, self.L), np.float32)
        o[np.arange(self.num_envs), self.pos] = 1.0
        return o

    def reset(self):
        self.pos[:] = self.rng.integers(0, 3, self.num_envs)
        self.t[:] = 0
        return self._obs()

    def step_async(self, actions):
        self.actions = np.asarray(actions)

    def step_wait(self):
        slip = self.rng.random(self.num_envs) < 0.1
        move = np.where(self.actions == 1, 1, -1) * np.where(slip, -1, 1)
        self.pos = np.clip(self.pos + move, 0, self.L - 1)
        self.t += 1
        goal = self.pos == self.L - 1
        done = goal | (self.t >= self.T)
        rew = goal.astype(np.float32)
        obs = self._obs()
        infos = [{} for _ in range(self.num_envs)]
        for i in np.flatnonzero(done):
            infos[i]["terminal_observation"] = obs[i].copy()
            infos[i]["TimeLimit.truncated"] = bool(not goal[i])
            self.pos[i] = self.rng.integers(0, 3)
            self.t[i] = 0
        return self._obs() if done.any() else obs, rew, done, infos

    def close(self):
        pass

    def get_attr(self, attr_name, indices=None):
        return [getattr(self, attr_name)] * self.num_envs

    def set_attr(self, attr_name, value, indices=None):
        setattr(self, attr_name, value)

    def env_method(self, method_name, *args, indices=None, **kwargs):
        return [None] * self.num_envs

    def env_is_wrapped(self, wrapper_class, indices=None):
        return [False] * self.num_envs


torch.set_num_threads(1)
folder = tempfile.mkdtemp(prefix="sb3c-")
env = VecMonitor(ChainVec(4, seed=0))
model = QRDQN(
    "MlpPolicy",
    env,
    learning_starts=200,
    buffer_size=5000,
    train_freq=4,
    target_update_interval=200,
    exploration_fraction=0.5,
    policy_kwargs={"net_arch": [32], "n_quantiles": 10},
    seed=0,
    verbose=1,
    device="cpu",
)
model.set_logger(configure(folder, ["stdout", "csv"]))
model.learn(total_timesteps=1600, log_interval=8)

with open(os.path.join(folder, "progress.csv")) as fh:
    rows = list(csv.DictReader(fh))
shutil.rmtree(folder)

TIME_KEYS = {
    "time/fps",
    "time/time_elapsed",
    "time/episodes",
    "time/total_timesteps",
    "train/n_updates",
}
series = _truth.Series()
for row in rows:
    step = int(row["time/total_timesteps"])
    for key in sorted(row):
        if key in TIME_KEYS or row[key] == "":
            continue
        v = float(row[key])
        if not math.isnan(v):
            series.add(key, step, None, v)

_truth.write(
    library=(
        f"sb3-contrib {sb3_contrib.__version__} QR-DQN, stable-baselines3 {stable_baselines3.__version__}, "
        f"torch {torch.__version__}"
    ),
    script="tests/corpus/scripts/sb3_contrib_qrdqn.py",
    record="SB3's logger CSV output (progress.csv, written by the same dump that prints the table)",
    step_kind="global",
    series=series,
    extra_ok=["time/fps", "time/time_elapsed", "time/episodes", "train/n_updates"],
    notes=(
        "Every 8 episodes (log_interval=8; SB3 counts the episodes ended in any of the 4 envs) SB3 prints a boxed table: a rule '----------------------------------', section rows "
        "'| rollout/ |  |' (a key and no value), then '|    ep_len_mean | 9.5 |' rows, sections in sorted "
        "order (rollout/, time/, train/), values '%.3g'. Series names are '<section>/<key>' as SB3 records "
        "them. Step = time/total_timesteps (SB3's num_timesteps; printed as '|    total_timesteps | 256 |', "
        "the step, not a metric). rollout/exploration_rate is the epsilon schedule's current value and "
        "train/learning_rate the (constant) lr: both logged by SB3 every dump, kept as series as it records "
        "them. train/ appears once learning has started (after learning_starts=200). time/fps, "
        "time/time_elapsed are throughput and time; time/episodes and train/n_updates are counters "
        "(extra_ok). 'Using cpu device' is a banner; the VecEnv is a numpy toy (no gymnasium env)."
    ),
)
