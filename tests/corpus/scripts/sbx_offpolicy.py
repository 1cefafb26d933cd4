"""SBX (Stable Baselines3 in JAX) off-policy agents on gymnasium's Pendulum-v1, verbose=1: the boxed
key/value table SB3's logger prints every `log_interval` episodes, with the off-policy keys
(train/actor_loss, train/critic_loss, train/ent_coef, train/ent_coef_loss for SAC).

Versions: sbx-rl 0.28.0, stable-baselines3 2.9.2, jax 0.10.2, flax 0.12.8, optax 0.2.8,
gymnasium 1.4.0, Python 3.11 (venv corpus-zf-2: torch 2.13.0 CPU installed first for SB3).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sbx_sac -- python tests/corpus/scripts/sbx_offpolicy.py sac
    python tests/corpus/scripts/capture.py pty  real_sbx_sac_bar_pty -- python tests/corpus/scripts/sbx_offpolicy.py sac --progress-bar
    python tests/corpus/scripts/capture.py pipe real_sbx_td3 -- python tests/corpus/scripts/sbx_offpolicy.py td3
Truth: SB3's own logger output, configure(folder, ["stdout", "csv"]) -> progress.csv (the same
dump that prints each table writes its row).
"""

import csv
import math
import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gymnasium as gym
import jax
from sbx import SAC, TD3
from stable_baselines3.common.logger import configure

algo = sys.argv[1]
bar = "--progress-bar" in sys.argv
folder = tempfile.mkdtemp(prefix="sbx-")
env = gym.make("Pendulum-v1")
cls = {"sac": SAC, "td3": TD3}[algo]
model = cls("MlpPolicy", env, learning_starts=200, batch_size=64, seed=0, verbose=1)
model.set_logger(configure(folder, ["stdout", "csv"]))
# Pendulum episodes are 200 steps; log_interval=4 episodes: a table every 800 steps
model.learn(total_timesteps=2400, log_interval=4, progress_bar=bar)

with open(os.path.join(folder, "progress.csv")) as fh:
    rows = list(csv.DictReader(fh))
shutil.rmtree(folder)

NOT_METRICS = {
    "time/fps",
    "time/time_elapsed",
    "time/episodes",
    "time/total_timesteps",
    "train/n_updates",
}
series = _truth.Series()
for row in rows:
    step = int(row["time/total_timesteps"])
    for key in sorted(row):  # SB3 prints the keys of a dump in sorted order, section by section
        if key in NOT_METRICS or row[key] == "":
            continue
        v = float(row[key])
        if not math.isnan(v):
            series.add(key, step, None, v)

keys = ", ".join(sorted(k for k in rows[-1] if k.startswith("train/") and k not in NOT_METRICS))
_truth.write(
    library=(
        f"sbx-rl {metadata.version('sbx-rl')}, stable-baselines3 {metadata.version('stable-baselines3')}, "
        f"jax {jax.__version__}, gymnasium {gym.__version__}"
    ),
    script="tests/corpus/scripts/sbx_offpolicy.py",
    record="SB3's logger CSV output (progress.csv, written by the same dump that prints the table)",
    step_kind="global",
    series=series,
    extra_ok=["time/fps", "time/time_elapsed"],
    notes=(
        f"SBX {algo.upper()} (JAX) on Pendulum-v1 (200-step episodes), learning_starts=200, log_interval=4 "
        "episodes: a boxed table every 800 environment steps: a rule of dashes, section rows '| rollout/ "
        "|  |' (a key and no value), then '|    ep_rew_mean     | -1.3e+03 |' rows, sections in sorted "
        f"order, values '%.3g'. train/ keys: {keys}. Series are '<section>/<key>' as SB3 records them. "
        "Step = time/total_timesteps (SB3's num_timesteps, printed as '|    total_timesteps | 800 |', "
        "the step, not a metric). Not metrics: time/episodes (a count), train/n_updates (a count), "
        "time/total_timesteps; time/fps and time/time_elapsed are throughput/time (extra_ok). "
        "train/learning_rate is SB3's constant learning rate, recorded by SB3 each dump (a series, "
        "as in the other SB3 entries). 'Using cpu device' and JAX start-up warnings are banners."
        + (
            " train/actor_loss prints 0: sbx's TD3 updates the actor every policy_delay=2 gradient steps and "
            "a train() call without that update records 0.0 (the table shows the last call's value; the "
            "record holds 0.0 too)."
            if algo == "td3"
            else ""
        )
        + (
            " With progress_bar=True SB3 draws a rich bar ('━━━━ 1,600/2,400  [ 0:00:03 < 0:00:02 , "
            "300 it/s ]') on the terminal around the tables; its counts and rate are not metrics."
            if bar
            else ""
        )
    ),
)
