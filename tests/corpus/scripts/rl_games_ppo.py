"""rl_games' PPO (a2c_discrete) on CartPole-v1 run by its Runner, from its own ppo_cartpole.yaml.

The config is rl_games' configs/ppo_cartpole.yaml as shipped in the wheel, changed only to run
on a CPU in seconds without Ray (rl_games steps gymnasium envs in Ray workers by default): the
environment registered through rl_games' vecenv.register / env_configurations.register as a
SyncVecEnv stepping 4 gymnasium CartPole-v1 envs in process; device 'cpu', 4 actors, 1 torch thread, max_epochs 40, save_best_after 5,
seed 7, train_dir under /tmp. CartPole-v1 is gymnasium's built-in environment (rl_games' own
dependency), nothing is downloaded. runner.run({'train': True}) as its runner.py does.

What it prints (stdout): the seed, rl_games' model/config dumps ('self.seed = 7', 'seq_length: 4',
'current training device: cpu', 'build mlp: 4', 'RunningMeanStd: (1,)'), then one line per epoch
'fps step: 4567 fps step and policy inference: 2345 fps total: 1234 epoch: 3/40 frames: 256'
(throughputs, the epoch counter and the frame count), 'saving next best rewards:  [23.5]' each
time the mean episode reward improves (a numpy array repr), '=> saving checkpoint
'/tmp/.../nn/cartpole_vel_info.pth'' and finally 'MAX EPOCHS NUM!'.

Truth: rl_games' own record is its tensorboardX SummaryWriter (summaries/ under the experiment
dir): 'rewards/iter' (mean reward per epoch, step = the epoch) holds the value of each 'saving
next best rewards' line; the step is the epoch number, as rl_games counts it (1-based). The fps
numbers are the same quantities as 'performance/step_fps', 'performance/step_inference_fps',
'performance/step_inference_rl_update_fps' (throughputs: extra_ok).

Versions: rl-games 1.6.5, torch 2.13.0+cpu, gymnasium 1.4.0, tensorboardX 2.6.5, numpy 2.4.6,
Python 3.11 (venv corpus-zn-1). Seeds fixed; ~20 s of CPU.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_rl_games_ppo -- python tests/corpus/scripts/rl_games_ppo.py
"""

import glob
import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gymnasium
import numpy as np
import rl_games
import torch
import yaml
from rl_games.common import env_configurations, vecenv
from rl_games.common.ivecenv import IVecEnv
from rl_games.torch_runner import Runner
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator


class SyncVecEnv(IVecEnv):
    """num_actors gymnasium envs stepped in this process, reset when an episode ends (what
    rl_games' RayVecEnv workers do, without Ray)."""

    def __init__(self, config_name, num_actors, **kwargs):
        creator = env_configurations.configurations[config_name]["env_creator"]
        self.envs = [creator(**kwargs) for _ in range(num_actors)]
        self.seed_ = kwargs.get("seed", 0)

    def step(self, actions):
        obs, rewards, dones = [], [], []
        for env, action in zip(self.envs, np.asarray(actions), strict=True):
            o, r, terminated, truncated, _ = env.step(int(action))
            if terminated or truncated:
                o, _ = env.reset()
            obs.append(o)
            rewards.append(r)
            dones.append(terminated or truncated)
        return (
            np.stack(obs).astype(np.float32),
            np.array(rewards, dtype=np.float32),
            np.array(dones, dtype=np.uint8),
            {},
        )

    def reset(self):
        return np.stack(
            [env.reset(seed=self.seed_ + i)[0] for i, env in enumerate(self.envs)]
        ).astype(np.float32)

    def get_env_info(self):
        env = self.envs[0]
        return {
            "action_space": env.action_space,
            "observation_space": env.observation_space,
            "state_space": None,
            "use_global_observations": False,
            "agents": 1,
            "value_size": 1,
        }


# the registration pattern of rl_games' README / IsaacGymEnvs for an environment of one's own
vecenv.register(
    "SYNC", lambda config_name, num_actors, **kwargs: SyncVecEnv(config_name, num_actors, **kwargs)
)
env_configurations.register(
    "cartpole_sync",
    {"vecenv_type": "SYNC", "env_creator": lambda **kwargs: gymnasium.make("CartPole-v1")},
)

with open(os.path.join(os.path.dirname(rl_games.__file__), "configs", "ppo_cartpole.yaml")) as fh:
    config = yaml.safe_load(fh)
train_dir = tempfile.mkdtemp(prefix="rl_games-")
params = config["params"]
params["seed"] = 7
params["torch_threads"] = 1
cfg = params["config"]
cfg.update(
    device="cpu",
    env_name="cartpole_sync",
    num_actors=4,
    max_epochs=40,
    save_best_after=5,
    train_dir=train_dir,
    full_experiment_name="cartpole_vel_info",
)

runner = Runner()
runner.load(config)
runner.run({"train": True, "play": False})

# rl_games' record: its tensorboardX event files
summaries = glob.glob(os.path.join(train_dir, "*", "summaries"))[0]
acc = EventAccumulator(summaries)
acc.Reload()
rewards = {e.step: e.value for e in acc.Scalars("rewards/iter")}
best = -float("inf")
series = _truth.Series()
for epoch in sorted(rewards):
    # rl_games prints 'saving next best rewards' when the mean improves, from save_best_after on
    if rewards[epoch] > best and epoch >= cfg["save_best_after"]:
        best = rewards[epoch]
        series.add("saving next best rewards", epoch, None, rewards[epoch])
tags = acc.Tags()["scalars"]
shutil.rmtree(train_dir, ignore_errors=True)

_truth.write(
    library=f"rl-games {metadata.version('rl-games')} (torch {torch.__version__}, gymnasium "
    f"{gymnasium.__version__}, tensorboardX {metadata.version('tensorboardX')})",
    script="tests/corpus/scripts/rl_games_ppo.py",
    record="rl_games' tensorboardX SummaryWriter: scalar 'rewards/iter' (step = epoch), read back "
    "from the event files",
    step_kind="global",
    series=series,
    extra_ok=[
        "fps step",
        "fps step and policy inference",
        "fps total",
    ],
    not_printed=sorted(t for t in tags if not t.startswith("performance/")),
    notes="Per epoch 'fps step: 4567 fps step and policy inference: 2345 fps total: 1234 epoch: "
    "3/40 frames: 256' (three throughputs in frames per second, then the epoch counter and the "
    "frame count: counts, not metrics). When the mean episode reward (over the last episodes "
    "finished, rl_games' game_rewards meter) beats the best so far, from epoch 5 on: 'saving next "
    "best rewards:  [23.5]' (print() of a one-element numpy array; the value is "
    "'rewards/iter' of that epoch, float32 in the event file), followed by \"=> saving "
    "checkpoint '/tmp/.../cartpole_vel_info.pth'\". The step of the series is the epoch number "
    "of the fps line just above (the record's step for 'rewards/iter'). Setup lines print the "
    "seed, seq_length, the device, 'build mlp: 4' (input size) and the RunningMeanStd shape; "
    "'MAX EPOCHS NUM!' ends the run. Losses, entropy, kl, lr and episode lengths go to "
    "TensorBoard only (not_printed).",
)
