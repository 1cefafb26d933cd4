"""stable-baselines3 PPO on gymnasium's CartPole-v1 for 3 rollouts of 256 steps, verbose=1: the
boxed key/value table SB3 prints after each rollout ('| rollout/ |  |' section rows).

Versions: stable-baselines3 2.9.2, gymnasium 1.4.0, torch 2.13.0+cpu, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sb3_ppo -- python tests/corpus/scripts/sb3_ppo.py
    python tests/corpus/scripts/capture.py pty  real_sb3_ppo_bar_pty -- python tests/corpus/scripts/sb3_ppo.py --progress-bar
Truth: SB3's own logger output, configure(folder, ["stdout", "csv"]) -> progress.csv.
"""

import csv
import math
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import gymnasium as gym  # noqa: E402
import stable_baselines3  # noqa: E402
import torch  # noqa: E402
from stable_baselines3 import PPO  # noqa: E402
from stable_baselines3.common.logger import configure  # noqa: E402

torch.set_num_threads(1)
bar = "--progress-bar" in sys.argv
folder = tempfile.mkdtemp(prefix="sb3-")
env = gym.make("CartPole-v1")
model = PPO(
    "MlpPolicy", env, n_steps=256, batch_size=64, n_epochs=4, seed=0, verbose=1, device="cpu"
)
model.set_logger(configure(folder, ["stdout", "csv"]))
model.learn(total_timesteps=768, progress_bar=bar)

with open(os.path.join(folder, "progress.csv")) as fh:
    rows = list(csv.DictReader(fh))
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
    for key in sorted(row):  # SB3 prints the keys of a dump in sorted order, section by section
        if key in TIME_KEYS or row[key] == "":
            continue
        v = float(row[key])
        if not math.isnan(v):
            series.add(key, step, None, v)

_truth.write(
    library=f"stable-baselines3 {stable_baselines3.__version__}, gymnasium {gym.__version__}, torch {torch.__version__}",
    script="tests/corpus/scripts/sb3_ppo.py",
    record="SB3's logger CSV output (progress.csv, written by the same dump that prints the table)",
    step_kind="global",
    series=series,
    extra_ok=["time/fps", "time/time_elapsed", "time/iterations", "train/n_updates"],
    notes=(
        "After each rollout SB3 prints a boxed table: a rule '------------------------------------------', "
        "section rows '| rollout/ |  |' (a key and no value), then '|    ep_len_mean | 22.3 |' rows under it, "
        "sections in sorted order; values formatted '%.3g' (so 1e+03, 0.000300). Series names are "
        "'<section>/<key>' as SB3 records them. Step = time/total_timesteps (the environment steps, SB3's "
        "num_timesteps; printed in the table as '|    total_timesteps | 256 |' and taken as the step, not a "
        "metric). The first table has only rollout/ and time/; train/ appears from the second (the update "
        "after a rollout is dumped with the next one). time/fps and time/time_elapsed are throughput and time; "
        "time/iterations and train/n_updates are counters (extra_ok). train/clip_range and train/learning_rate "
        "are constants SB3 logs each update (kept as series, as SB3 records them). Torch/TensorFlow start-up "
        "lines and 'Using cpu device' are banners."
        + (
            " With progress_bar=True SB3 draws a rich progress bar ('━━━━ 512/768  [ 0:00:01 < 0:00:01 , 300 "
            "it/s ]') on the terminal, redrawn between and around the tables; its counts and rate are not metrics."
            if bar
            else ""
        )
    ),
)
