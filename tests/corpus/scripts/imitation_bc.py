"""imitation (HumanCompatibleAI) behavioural cloning, as its BC quickstart does it, on a tiny
CartPole expert: PPO trained silently (verbose=0) for 8192 steps on seals/CartPole-v0, 6 expert
episodes rolled out, then bc.BC(...).train(n_epochs=2, log_interval=50, log_rollouts_venv=env):
imitation's default logger (stdout, log, csv in a temp folder) prints SB3's boxed key/value table
every 50 batches (with 5 evaluation rollouts each time), under a tqdm bar over the batches, and the
quickstart's final 'Reward before/after training' prints of evaluate_policy.

Versions: imitation 1.0.1, stable-baselines3 2.2.1 (imitation pins ~=2.2), gymnasium 0.29.1,
seals 0.2.1, torch 2.13.0+cpu, Python 3.11 (venv corpus-zz-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_imitation_bc -- python tests/corpus/scripts/imitation_bc.py
    python tests/corpus/scripts/capture.py pty real_imitation_bc_pty -- python tests/corpus/scripts/imitation_bc.py
Truth: the CSV output of imitation's own logger (progress.csv in the logger's folder, written by
the same dump that prints each table), and the floats evaluate_policy returned for the two
'Reward' prints.
"""

import csv
import math
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gymnasium as gym
import imitation
import numpy as np
import seals  # noqa: F401  (registers seals/CartPole-v0)
import stable_baselines3
import torch
from imitation.algorithms import bc
from imitation.data import rollout
from imitation.data.wrappers import RolloutInfoWrapper
from imitation.util.util import make_vec_env
from stable_baselines3 import PPO
from stable_baselines3.common.evaluation import evaluate_policy

torch.set_num_threads(1)
rng = np.random.default_rng(0)
env = make_vec_env(
    "seals:seals/CartPole-v0",
    rng=rng,
    n_envs=4,
    post_wrappers=[lambda env, _: RolloutInfoWrapper(env)],
)
expert = PPO("MlpPolicy", env, n_steps=256, batch_size=64, seed=0, verbose=0, device="cpu")
expert.learn(8192)

rollouts = rollout.rollout(
    expert,
    env,
    rollout.make_sample_until(min_timesteps=None, min_episodes=6),
    rng=rng,
)
transitions = rollout.flatten_trajectories(rollouts)

bc_trainer = bc.BC(
    observation_space=env.observation_space,
    action_space=env.action_space,
    demonstrations=transitions,
    rng=rng,
    device="cpu",
)
reward_before, _ = evaluate_policy(bc_trainer.policy, env, 10)
print(f"Reward before training: {reward_before}")
bc_trainer.train(n_epochs=2, log_interval=50, log_rollouts_venv=env)
reward_after, _ = evaluate_policy(bc_trainer.policy, env, 10)
print(f"Reward after training: {reward_after}")

folder = bc_trainer.logger.get_dir()
with open(os.path.join(folder, "progress.csv")) as fh:
    rows = list(csv.DictReader(fh))
shutil.rmtree(folder)

# counters and sizes in each table: not metrics
COUNTERS = {"batch_size", "bc/batch", "bc/epoch", "bc/samples_so_far", "rollout/n_traj"}
series = _truth.Series()
series.add("Reward before training", None, None, reward_before)
for row in rows:
    step = int(row["bc/batch"])
    epoch = int(row["bc/epoch"])
    for key in sorted(row):  # HumanOutputFormat prints a dump's keys sorted
        if key in COUNTERS or row[key] == "":
            continue
        v = float(row[key])
        if not math.isnan(v):
            series.add(key, step, epoch, v)
series.add("Reward after training", None, None, reward_after)

_truth.write(
    library=(
        f"imitation {imitation.__version__}, stable-baselines3 {stable_baselines3.__version__}, "
        f"gymnasium {gym.__version__}, torch {torch.__version__}"
    ),
    script="tests/corpus/scripts/imitation_bc.py",
    record="imitation's HierarchicalLogger CSV output (progress.csv, the same dump prints the table) "
    "and evaluate_policy's returned mean rewards",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "The expert PPO trains with verbose=0 (nothing printed). 'Reward before training: 9.6' is "
        "print(f'...{reward}') of evaluate_policy's mean over 10 episodes (a float repr). "
        "BC.train(n_epochs=2, log_interval=50): every 50 batches (batch 0, 50, 100, ...; batch 0 "
        "included) imitation's BCLogger dumps a boxed SB3 table: "
        "'| batch_size        | 32       |', '| bc/               |          |' section rows (a key, no "
        "value), '|    batch          | 50       |', '|    ent_loss       | -0.000691 |', "
        "'|    epoch          | 0        |', '|    loss           | 0.69     |', "
        "'|    samples_so_far | 1632     |', then '| rollout/ |  |' with return_max / return_mean / "
        "return_min / return_std of 5 evaluation episodes; values '%.3g'. Series names are "
        "'<section>/<key>' as the CSV records them. Step = bc/batch (imitation's batch counter, "
        "printed in the table), epoch = bc/epoch (0-based, printed too). batch_size, bc/batch, "
        "bc/epoch, bc/samples_so_far and rollout/n_traj are counters and sizes, not metrics (neither "
        "series nor extra_ok). A tqdm bar over the batches ('75batch [00:01, 60.1batch/s]', no "
        "total since n_epochs is given) is drawn on stderr, with 'Epoch 0 of 2' written at bar "
        "position 1 at each epoch end (tqdm.display). The last line prints the mean reward after "
        "training."
    ),
)
