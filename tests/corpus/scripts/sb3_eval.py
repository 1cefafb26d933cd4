"""stable-baselines3 A2C on gymnasium's CartPole-v1 with EvalCallback(verbose=1): its 'Eval
num_timesteps=500, episode_reward=73.00 +/- 9.90' / 'Episode length: ...' / 'New best mean reward!'
lines between the boxed key/value tables of verbose=1 (the eval/ table EvalCallback dumps, then the
rollout/ table A2C dumps every log_interval updates).

Versions: stable-baselines3 2.9.2, gymnasium 1.4.0, torch 2.13.0+cpu, Python 3.11 (venv /work/venvs/torch-d).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sb3_a2c_evalcallback -- python tests/corpus/scripts/sb3_eval.py
Truth: SB3's own logger output, configure(folder, ["stdout", "csv"]) -> progress.csv (the same dumps
print the tables; EvalCallback records eval/mean_reward and eval/mean_ep_length there), and
EvalCallback's evaluations.npz (per-episode rewards and lengths of each evaluation) for the
'+/-' spreads, which progress.csv does not keep.
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
import numpy as np  # noqa: E402
import stable_baselines3  # noqa: E402
import torch  # noqa: E402
from stable_baselines3 import A2C  # noqa: E402
from stable_baselines3.common.callbacks import EvalCallback  # noqa: E402
from stable_baselines3.common.logger import configure  # noqa: E402
from stable_baselines3.common.monitor import Monitor  # noqa: E402

torch.set_num_threads(1)
folder = tempfile.mkdtemp(prefix="sb3-eval-")
env = gym.make("CartPole-v1")
eval_env = Monitor(gym.make("CartPole-v1"))
callback = EvalCallback(
    eval_env,
    eval_freq=500,
    n_eval_episodes=5,
    log_path=folder,
    best_model_save_path=os.path.join(folder, "best"),
    verbose=1,
)
model = A2C("MlpPolicy", env, seed=0, verbose=1, device="cpu")
model.set_logger(configure(folder, ["stdout", "csv"]))
model.learn(total_timesteps=3000, callback=callback, log_interval=100)

with open(os.path.join(folder, "progress.csv")) as fh:
    rows = list(csv.DictReader(fh))
npz = np.load(os.path.join(folder, "evaluations.npz"))
evals = {int(t): (r, n) for t, r, n in zip(npz["timesteps"], npz["results"], npz["ep_lengths"])}
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
        # the two lines EvalCallback prints before its dump
        rewards, lengths = evals[step]
        assert math.isclose(float(row["eval/mean_reward"]), float(np.mean(rewards)), rel_tol=1e-6)
        series.add("episode_reward", step, None, float(row["eval/mean_reward"]))
        series.add("Episode length", step, None, float(row["eval/mean_ep_length"]))
    for key in sorted(row):  # SB3 prints the keys of a dump in sorted order, section by section
        if key in TIME_KEYS or row[key] == "":
            continue
        v = float(row[key])
        if not math.isnan(v):
            series.add(key, step, None, v)

_truth.write(
    library=f"stable-baselines3 {stable_baselines3.__version__}, gymnasium {gym.__version__}, torch {torch.__version__}",
    script="tests/corpus/scripts/sb3_eval.py",
    record="SB3's logger CSV output (progress.csv, written by the same dumps that print the tables) and "
    "EvalCallback's evaluations.npz",
    step_kind="global",
    series=series,
    extra_ok=["time/fps", "time/time_elapsed", "time/iterations", "train/n_updates"],
    not_printed=[],
    notes=(
        "A2C(verbose=1, log_interval=100: a rollout/ + time/ table every 500 environment steps) with "
        "EvalCallback(eval_freq=500, n_eval_episodes=5, verbose=1). At each evaluation EvalCallback prints "
        "'Eval num_timesteps=500, episode_reward=73.00 +/- 9.90' and 'Episode length: 73.00 +/- 9.90' "
        "(mean +/- standard deviation over the 5 episodes, 2 decimals; the mean is eval/mean_reward / "
        "eval/mean_ep_length of progress.csv, the spread is np.std of evaluations.npz's episodes, which no "
        "record keeps as a series, so it is neither a series nor extra_ok), then dumps its own boxed table "
        "(eval/ section, time/total_timesteps, and the train/ values of the update before, which A2C records "
        "after its own dump), then 'New best mean reward!' when the mean beats the best so far (no number). "
        "num_timesteps= on the Eval line is the step (SB3's num_timesteps, as time/total_timesteps in the "
        "tables). Table rows: '|    mean_reward        | 73       |' under '| eval/ |  |'; series names are "
        "'<section>/<key>' as SB3 records them, values '%.3g'. time/fps and time/time_elapsed are throughput "
        "and time; time/iterations and train/n_updates are counters (extra_ok). train/learning_rate is a "
        "constant SB3 logs each update (kept as a series, as SB3 records it). 'Using cpu device' and the "
        "'Wrapping the env' lines are banners."
    ),
)
