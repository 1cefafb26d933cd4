"""sb3-contrib TRPO (verbose=1) on gymnasium's CartPole-v1 with SB3's EvalCallback(verbose=1): the
boxed rollout/ + time/ + train/ tables of each TRPO update (train/ keys of TRPO: kl_divergence_loss,
is_line_search_success, policy_objective, std...), EvalCallback's 'Eval num_timesteps=...,
episode_reward=... +/- ...' / 'Episode length: ...' / 'New best mean reward!' lines and its
eval/ table, then the sb3-contrib README's evaluate_policy print.

Versions: sb3-contrib 2.9.2, stable-baselines3 2.9.2, gymnasium 1.4.0, torch 2.13.0+cpu,
Python 3.11 (venv corpus-zz-2).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sb3_contrib_trpo_eval -- python tests/corpus/scripts/sb3_contrib_trpo_eval.py
(under a terminal SB3 prints the same bytes but for \\r\\n: no pty entry.)
Truth: SB3's own logger output, configure(folder, ["stdout", "csv"]) -> progress.csv (the same
dumps print the tables), EvalCallback's evaluations.npz for the '+/-' lines, and
evaluate_policy's returned mean and std for the last line.
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
import numpy as np
import sb3_contrib
import stable_baselines3
import torch
from sb3_contrib import TRPO
from stable_baselines3.common.callbacks import EvalCallback
from stable_baselines3.common.evaluation import evaluate_policy
from stable_baselines3.common.logger import configure
from stable_baselines3.common.monitor import Monitor

torch.set_num_threads(1)
folder = tempfile.mkdtemp(prefix="sb3c-trpo-")
env = gym.make("CartPole-v1")
eval_env = Monitor(gym.make("CartPole-v1"))
callback = EvalCallback(eval_env, eval_freq=1024, n_eval_episodes=5, log_path=folder, verbose=1)
model = TRPO("MlpPolicy", env, n_steps=512, batch_size=128, seed=0, verbose=1, device="cpu")
model.set_logger(configure(folder, ["stdout", "csv"]))
model.learn(total_timesteps=4096, callback=callback)
mean_reward, std_reward = evaluate_policy(model, eval_env, n_eval_episodes=10)
print(f"mean_reward:{mean_reward:.2f} +/- {std_reward:.2f}")

with open(os.path.join(folder, "progress.csv")) as fh:
    rows = list(csv.DictReader(fh))
npz = np.load(os.path.join(folder, "evaluations.npz"))
evals = {
    int(t): (r, n)
    for t, r, n in zip(npz["timesteps"], npz["results"], npz["ep_lengths"], strict=True)
}
shutil.rmtree(folder)

TIME_KEYS = {
    "time/fps",
    "time/time_elapsed",
    "time/iterations",
    "time/total_timesteps",
    "train/n_updates",
}
series = _truth.Series()
for row in rows:
    step = int(row["time/total_timesteps"])
    if row.get("eval/mean_reward"):
        rewards, lengths = evals[step]
        assert math.isclose(float(row["eval/mean_reward"]), float(np.mean(rewards)), rel_tol=1e-6)
        series.add("episode_reward", step, None, float(row["eval/mean_reward"]))
        series.add("Episode length", step, None, float(row["eval/mean_ep_length"]))
    for key in sorted(row):
        if key in TIME_KEYS or row[key] == "":
            continue
        v = float(row[key])
        if not math.isnan(v):
            series.add(key, step, None, v)
series.add("mean_reward", None, None, mean_reward)

_truth.write(
    library=(
        f"sb3-contrib {sb3_contrib.__version__} TRPO, stable-baselines3 {stable_baselines3.__version__}, "
        f"gymnasium {gym.__version__}, torch {torch.__version__}"
    ),
    script="tests/corpus/scripts/sb3_contrib_trpo_eval.py",
    record="SB3's logger CSV output (progress.csv, the same dumps print the tables), EvalCallback's "
    "evaluations.npz, evaluate_policy's return",
    step_kind="global",
    series=series,
    extra_ok=["time/fps", "time/time_elapsed"],
    not_printed=[],
    notes=(
        "TRPO(n_steps=512, verbose=1, log_interval=1 by default): after each rollout a boxed table "
        "(rollout/ ep_len_mean, ep_rew_mean; time/ fps, iterations, time_elapsed, total_timesteps; "
        "train/ of the update before: explained_variance, is_line_search_success (1 or 0, the "
        "fraction of successful line searches, a metric TRPO records), kl_divergence_loss, "
        "learning_rate, n_updates, policy_objective, std, value_loss). Section rows "
        "'| rollout/ |  |' hold no value; values '%.3g' or a numpy float's repr "
        "('0.0068143625'). EvalCallback(eval_freq=1024, n_eval_episodes=5, verbose=1) prints 'Eval "
        "num_timesteps=1024, episode_reward=9.40 +/- 0.49' and 'Episode length: 9.40 +/- 0.49' (mean "
        "+/- std over 5 episodes: the means are eval/mean_reward / eval/mean_ep_length, kept as "
        "'episode_reward' and 'Episode length'; the std is in no record as a series), its eval/ "
        "table, then 'New best mean reward!' (no number). Step = time/total_timesteps (SB3's "
        "num_timesteps, also num_timesteps= on the Eval line). The last line 'mean_reward:500.00 "
        "+/- 0.00' is the sb3-contrib README's print of evaluate_policy over 10 episodes (the "
        "spread after '+/-' is a std, kept out like the Eval lines'). time/fps, time/time_elapsed "
        "are throughput and time; time/iterations and train/n_updates are counters, neither series nor extra_ok. "
        "'Using cpu device', 'Wrapping the env ...' and 'Logging to /tmp/...' are banners."
    ),
)
