"""imitation (HumanCompatibleAI) GAIL, as its GAIL tutorial does it, on a tiny CartPole expert:
PPO trained silently (verbose=0) for 8192 steps on seals/CartPole-v0, 10 expert episodes rolled
out, then GAIL(demo_batch_size=256, n_disc_updates_per_round=2, gen_algo=PPO(n_steps=128, 4 envs))
.train(2048): 4 rounds under a tqdm 'round' bar. imitation's default HierarchicalLogger (stdout,
log, csv in a temp folder) prints per round one 'raw/' table of the generator's PPO dump, one
'raw/' table per discriminator update, and a 'mean/' table of both; then the tutorial's
'mean reward after/before training' prints of evaluate_policy.

Versions: imitation 1.0.1, stable-baselines3 2.2.1 (imitation pins ~=2.2), gymnasium 0.29.1,
seals 0.2.1, torch 2.13.0+cpu, Python 3.11 (venv corpus-zz-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_imitation_gail -- python tests/corpus/scripts/imitation_gail.py
    python tests/corpus/scripts/capture.py pty real_imitation_gail_pty -- python tests/corpus/scripts/imitation_gail.py
Truth: the CSV outputs of imitation's own loggers (progress.csv of the root 'mean/' logger and
raw/gen/progress.csv, raw/disc/progress.csv of its accumulate_means sub-loggers; each dump prints
a table and writes a CSV row), and the episode rewards evaluate_policy returned.
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
from imitation.algorithms.adversarial.gail import GAIL
from imitation.data import rollout
from imitation.data.wrappers import RolloutInfoWrapper
from imitation.rewards.reward_nets import BasicRewardNet
from imitation.util.networks import RunningNorm
from imitation.util.util import make_vec_env
from stable_baselines3 import PPO
from stable_baselines3.common.evaluation import evaluate_policy
from stable_baselines3.ppo import MlpPolicy

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
    rollout.make_sample_until(min_timesteps=None, min_episodes=10),
    rng=rng,
)

learner = PPO(
    env=env,
    policy=MlpPolicy,
    n_steps=128,
    batch_size=64,
    ent_coef=0.0,
    learning_rate=0.0004,
    gamma=0.95,
    n_epochs=5,
    seed=0,
    device="cpu",
)
reward_net = BasicRewardNet(
    observation_space=env.observation_space,
    action_space=env.action_space,
    normalize_input_layer=RunningNorm,
)
gail_trainer = GAIL(
    demonstrations=rollouts,
    demo_batch_size=256,
    gen_replay_buffer_capacity=512,
    n_disc_updates_per_round=2,
    venv=env,
    gen_algo=learner,
    reward_net=reward_net,
)
env.seed(0)
learner_rewards_before_training, _ = evaluate_policy(learner, env, 10, return_episode_rewards=True)
gail_trainer.train(2048)
env.seed(0)
learner_rewards_after_training, _ = evaluate_policy(learner, env, 10, return_episode_rewards=True)
print("mean reward after training:", np.mean(learner_rewards_after_training))
print("mean reward before training:", np.mean(learner_rewards_before_training))

folder = gail_trainer.logger.get_dir()


def rows_of(*parts):
    with open(os.path.join(folder, *parts, "progress.csv")) as fh:
        return list(csv.DictReader(fh))


raw_gen, raw_disc, mean = rows_of("raw", "gen"), rows_of("raw", "disc"), rows_of()
shutil.rmtree(folder)

# counters, sizes and clocks the tables print: not series
COUNTER_TAILS = (
    "disc/global_step",
    "disc/n_expert",
    "disc/n_generated",
    "time/iterations",
    "time/total_timesteps",
    "train/n_updates",
    "time/fps",
    "time/time_elapsed",
)
series = _truth.Series()


def add_rows(rows, step_of):
    for i, row in enumerate(rows):
        step = step_of(i, row)
        for key in sorted(row):
            if key.endswith(COUNTER_TAILS) or row[key] == "":
                continue
            v = float(row[key])
            if not math.isnan(v):
                series.add(key, step, None, v)


# raw/gen: SB3's dump(step=num_timesteps); raw/disc: dump(self._disc_step), 1 per update;
# mean/: dump(self._global_step), the round number (printed as mean/disc/global_step)
add_rows(raw_gen, lambda i, r: int(float(r["raw/gen/time/total_timesteps"])))
add_rows(raw_disc, lambda i, r: i + 1)
add_rows(mean, lambda i, r: int(float(r["mean/disc/global_step"])))
series.add("mean reward after training", None, None, np.mean(learner_rewards_after_training))
series.add("mean reward before training", None, None, np.mean(learner_rewards_before_training))

_truth.write(
    library=(
        f"imitation {imitation.__version__}, stable-baselines3 {stable_baselines3.__version__}, "
        f"gymnasium {gym.__version__}, torch {torch.__version__}"
    ),
    script="tests/corpus/scripts/imitation_gail.py",
    record="imitation's HierarchicalLogger CSV outputs (progress.csv of the root logger, "
    "raw/gen/progress.csv, raw/disc/progress.csv; each dump prints one table) and evaluate_policy's "
    "episode rewards",
    step_kind="global",
    series=series,
    extra_ok=[
        "raw/gen/time/fps",
        "raw/gen/time/time_elapsed",
        "mean/gen/time/fps",
        "mean/gen/time/time_elapsed",
    ],
    not_printed=[],
    notes=(
        "The expert PPO trains with verbose=0 (nothing printed). GAIL.train(2048) runs 4 rounds "
        "(2048 // (128 steps x 4 envs)) under a tqdm bar 'round:  25%|##5       | 1/4 [00:00<00:01,  "
        "2.63it/s]' on stderr, whose redraws share physical lines with the tables. Per round: (1) the "
        "generator's PPO dump inside an accumulate_means('gen') context, a boxed table with a single "
        "section row '| raw/ |  |' and keys 'gen/time/fps', 'gen/train/loss', ... (the gen/train/ "
        "values are those of the previous round's PPO update, recorded after its dump; the first "
        "round's table has time/ only); (2) one table per discriminator update (2 per round), "
        "'| raw/ |  |' then '|    disc/disc_acc                    | 0.615    |' ...; (3) a 'mean/' "
        "table of the round: the means of the raw disc values and of the gen values, incl. "
        "'gen/time/total_timesteps | 2.05e+03' (the mean of a counter printed %.3g) and "
        "gen/rollout/ep_len_mean / ep_rew_mean once an episode ended (seals CartPole has a fixed "
        "horizon of 500: ep_len_mean is always 500, kept as SB3 records it). Values '%.3g' except "
        "the floats whose repr SB3 prints when they are numpy floats ('0.00093246833', "
        "'-0.08174324'). Series names are the CSV keys '<section>/<key>' ('raw/disc/disc_acc', "
        "'mean/gen/train/value_loss'); raw and mean tables carry the same inner keys, so the "
        "section is part of the name. Steps: raw/gen tables at the generator's num_timesteps "
        "(printed as gen/time/total_timesteps), raw/disc tables at imitation's discriminator update "
        "count _disc_step (1..8, never printed; the table prints disc/global_step, the round, which "
        "repeats for the 2 updates of a round), mean/ tables at the round (_global_step, printed as "
        "disc/global_step). Counters and sizes, neither series nor extra_ok: disc/global_step, "
        "disc/n_expert, disc/n_generated (256 each), gen/time/iterations, gen/time/total_timesteps, "
        "gen/train/n_updates; gen/time/fps and time_elapsed are throughput and time (extra_ok). "
        "disc/disc_proportion_expert_true (0.5) is a stat imitation records with the discriminator "
        "metrics, kept as a series; gen/train/learning_rate and clip_range are constants SB3 logs, "
        "kept as series. The last two lines print np.mean of evaluate_policy's episode rewards "
        "after and before training (after first, as the tutorial prints them)."
    ),
)
