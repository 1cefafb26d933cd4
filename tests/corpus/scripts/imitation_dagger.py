"""imitation (HumanCompatibleAI) DAgger, as its DAgger quickstart does it, on a tiny CartPole
expert: PPO trained silently (verbose=0) for 8192 steps on seals/CartPole-v0, then
SimpleDAggerTrainer(expert_policy=expert, bc_trainer=bc.BC(...)).train(6000): 3 rounds of
expert-labelled rollouts (3 episodes of 500 steps each at least) and BC.train(n_epochs=4) on all
data so far. HF datasets draws 'Saving the dataset (1/1 shards)' tqdm bars as each round's
trajectories are saved; imitation's default logger prints one SB3 boxed table per BC dump (batch 0
of each round, and batch 500 of the last), the BC keys only: the dagger/ keys DAgger records go to
a logger that never dumps (see below). The imitation quickstarts' final print("Reward:", reward) of evaluate_policy.

Versions: imitation 1.0.1, stable-baselines3 2.2.1 (imitation pins ~=2.2), gymnasium 0.29.1,
seals 0.2.1, torch 2.13.0+cpu, Python 3.11 (venv corpus-zz-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_imitation_dagger -- python tests/corpus/scripts/imitation_dagger.py
Truth: the CSV output of imitation's logger shared by DAgger and its BC trainer (progress.csv,
written by the same dump that prints each table), and the float evaluate_policy returned.
"""

import csv
import math
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gymnasium as gym
import imitation
import numpy as np
import seals  # noqa: F401  (registers seals/CartPole-v0)
import stable_baselines3
import torch
from imitation.algorithms import bc
from imitation.algorithms.dagger import SimpleDAggerTrainer
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

bc_trainer = bc.BC(
    observation_space=env.observation_space,
    action_space=env.action_space,
    rng=rng,
    device="cpu",
)
with tempfile.TemporaryDirectory(prefix="dagger_example_") as tmpdir:
    dagger_trainer = SimpleDAggerTrainer(
        venv=env,
        scratch_dir=tmpdir,
        expert_policy=expert,
        bc_trainer=bc_trainer,
        rng=rng,
    )
    dagger_trainer.train(6000)

reward, _ = evaluate_policy(dagger_trainer.policy, env, 10)
print("Reward:", reward)

# The tables come from the logger BC's BCLogger was built with (BC's own default logger):
# DAgger hands BC its logger through the `logger` setter, which BCLogger never sees, so the
# dagger/ keys DAgger records go to a logger that is never dumped (not printed).
folder = bc_trainer._bc_logger._logger.get_dir()
with open(os.path.join(folder, "progress.csv")) as fh:
    rows = list(csv.DictReader(fh))
shutil.rmtree(folder)
shutil.rmtree(dagger_trainer.logger.get_dir(), ignore_errors=True)

# counters and sizes in each table: not metrics
COUNTERS = {
    "batch_size",
    "bc/batch",
    "bc/epoch",
    "bc/samples_so_far",
    "rollout/n_traj",
}
series = _truth.Series()
for i, row in enumerate(rows):
    # BCLogger dumps at its own _tensorboard_step: 0, 1, 2, ... across all rounds (not printed)
    for key in sorted(row):
        if key in COUNTERS or row[key] == "":
            continue
        v = float(row[key])
        if not math.isnan(v):
            series.add(key, i, int(row["bc/epoch"]), v)
series.add("Reward", None, None, reward)

_truth.write(
    library=(
        f"imitation {imitation.__version__}, stable-baselines3 {stable_baselines3.__version__}, "
        f"gymnasium {gym.__version__}, torch {torch.__version__}"
    ),
    script="tests/corpus/scripts/imitation_dagger.py",
    record="imitation's HierarchicalLogger CSV output (progress.csv, the same dump prints the table) "
    "and evaluate_policy's returned mean reward",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[
        "dagger/mean_episode_reward",
        "dagger/round_num",
        "dagger/round_episode_count",
        "dagger/round_timestep_count",
        "dagger/total_timesteps",
    ],
    notes=(
        "The expert PPO trains with verbose=0 (nothing printed); DAgger's logging.info lines are "
        "not shown (root logger at WARNING). Per DAgger round, BC.train(n_epochs=4, log_interval=500) "
        "under a tqdm bar ('0batch [00:00, ?batch/s]', 'Epoch 0 of 4' at bar position 1 after each "
        "epoch) dumps an SB3 boxed table at batch 0 (and batch 500 in the last round): "
        "'| batch_size        | 32        |', '| bc/ |  |' rows batch, ent_loss, entropy, epoch, "
        "l2_loss, l2_norm, loss, neglogp, prob_true_act, samples_so_far, then '| rollout/ |  |' "
        "return_max/mean/min/std of 5 evaluation episodes; values '%.3g'. DAgger's own "
        "dagger/mean_episode_reward, round_num, ... are recorded on DAgger's logger, which BC's "
        "BCLogger (built with BC's first logger) never dumps: not printed. Before each round, HF "
        "datasets' tqdm bars 'Saving the dataset (1/1 shards): 100%|##########| 1/1 [00:00<00:00, "
        "398.55 examples/s]' (one per trajectory saved; counts and throughput, no metric). Series names '<section>/<key>' as the CSV records them. Step = "
        "BCLogger's _tensorboard_step, the dump count across rounds (0, 1, 2, 3; the table never "
        "prints it: bc/batch restarts at 0 each round: 0, 0, 0, 500); epoch = bc/epoch. "
        "batch_size, bc/batch, bc/epoch, bc/samples_so_far are counters and sizes (neither series "
        "nor extra_ok). The last line 'Reward: 500.0' is "
        "print('Reward:', reward) of evaluate_policy's mean over 10 episodes."
    ),
)
