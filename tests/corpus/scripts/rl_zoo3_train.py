"""RL Baselines3 Zoo's train.py (rl_zoo3.train.train(), what the zoo's `python train.py` runs),
short runs on CartPole-v1 with the zoo's tuned hyper-parameters: its header ('========== CartPole-v1
==========', 'Seed: 0', the hyper-parameter OrderedDict, 'Using 8 environments', 'Overwriting
n_timesteps with n=4096', 'Log path: ...'), SB3's verbose=1 boxed tables, the zoo's EvalCallback
lines ('Eval num_timesteps=1024, episode_reward=9.60 +/- 0.80', 'Episode length: ...', 'New best
mean reward!') and 'Saving to ...'. With -P, SB3's rich progress bar.

Versions: rl_zoo3 2.9.2, stable-baselines3 2.9.2, sb3-contrib 2.9.2, gymnasium 1.4.0, torch
2.13.0+cpu, Python 3.11 (venv corpus-zz-2).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_rl_zoo3_ppo -- python tests/corpus/scripts/rl_zoo3_train.py --algo ppo --env CartPole-v1 -n 4096 --seed 0 --eval-freq 1024 --eval-episodes 5 --device cpu --log-folder /tmp/rl-zoo3-logs
    python tests/corpus/scripts/capture.py pty real_rl_zoo3_ars_progress_pty -- python tests/corpus/scripts/rl_zoo3_train.py --algo ars --env CartPole-v1 -n 6000 --seed 0 --eval-freq 1000 --eval-episodes 5 --device cpu --log-folder /tmp/rl-zoo3-logs -P
Truth: SB3's own logger records. The zoo configures SB3's logger itself (stdout only at
verbose=1); this script wraps stable_baselines3.common.utils.configure_logger to add SB3's
CSVOutputFormat to the same Logger (progress.csv: the same dump writes the table and the CSV
row; the console output is unchanged), and reads the EvalCallback's evaluations.npz in the zoo's
log folder for the '+/-' lines. The log folder is removed afterwards.
"""

import csv
import glob
import math
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gymnasium as gym
import numpy as np
import rl_zoo3
import sb3_contrib
import stable_baselines3
import torch
from rl_zoo3.train import train
from stable_baselines3.common import logger as sb3_logger
from stable_baselines3.common import utils as sb3_utils

csv_folder = tempfile.mkdtemp(prefix="zoo-csv-")
_configure_logger = sb3_utils.configure_logger


def configure_logger_with_csv(*args, **kwargs):
    lg = _configure_logger(*args, **kwargs)
    lg.output_formats.append(sb3_logger.CSVOutputFormat(os.path.join(csv_folder, "progress.csv")))
    return lg


sb3_utils.configure_logger = configure_logger_with_csv

train()

argv = sys.argv[1:]
algo = argv[argv.index("--algo") + 1]
log_folder = argv[argv.index("--log-folder") + 1]
run_dir = max(glob.glob(os.path.join(log_folder, algo, "CartPole-v1_*")), key=os.path.getmtime)
with open(os.path.join(csv_folder, "progress.csv")) as fh:
    rows = list(csv.DictReader(fh))
npz = np.load(os.path.join(run_dir, "evaluations.npz"))
evals = {
    int(t): (r, n)
    for t, r, n in zip(npz["timesteps"], npz["results"], npz["ep_lengths"], strict=True)
}
shutil.rmtree(csv_folder)
shutil.rmtree(log_folder)

# counters, clocks and throughput printed in the tables (not series)
TIME_KEYS = {
    "time/fps",
    "time/time_elapsed",
    "time/iterations",
    "time/total_timesteps",
    "train/n_updates",
    "train/iterations",  # ARS: its update counter
}
series = _truth.Series()
for row in rows:
    step = int(row["time/total_timesteps"])
    if row.get("eval/mean_reward"):
        rewards, lengths = evals[step]
        assert math.isclose(float(row["eval/mean_reward"]), float(np.mean(rewards)), rel_tol=1e-6)
        series.add("episode_reward", step, None, float(row["eval/mean_reward"]))
        series.add("Episode length", step, None, float(row["eval/mean_ep_length"]))
    for key in sorted(row):  # SB3 prints a dump's keys sorted
        if key in TIME_KEYS or row[key] == "":
            continue
        v = float(row[key])
        if not math.isnan(v):
            series.add(key, step, None, v)

_truth.write(
    library=(
        f"rl_zoo3 {rl_zoo3.__version__}, stable-baselines3 {stable_baselines3.__version__}, "
        f"sb3-contrib {sb3_contrib.__version__}, gymnasium {gym.__version__}, torch {torch.__version__}"
    ),
    script="tests/corpus/scripts/rl_zoo3_train.py",
    record="SB3's logger CSV output (a CSVOutputFormat added to the Logger the zoo configures: the "
    "same dumps print the tables) and the zoo EvalCallback's evaluations.npz",
    step_kind="global",
    series=series,
    extra_ok=["time/fps", "time/time_elapsed"],
    not_printed=[],
    notes=(
        f"rl_zoo3 train.py --algo {algo} on CartPole-v1. The zoo first prints a header that holds no "
        "metric: '========== CartPole-v1 ==========', 'Seed: 0', 'Loading hyperparameters from: "
        ".../ppo.yml', 'Default hyperparameters for environment (ones being tuned will be "
        "overridden):', the hyper-parameters as a pprinted OrderedDict over several lines "
        "(\"OrderedDict([('batch_size', 256),\" / \"             ('gae_lambda', 0.8),\" / "
        "\"('n_timesteps', 100000.0),\"), 'Using 8 environments', 'Overwriting n_timesteps with "
        "n=4096', 'Creating test environment', 'Using cpu device', 'Log path: /tmp/...'. All "
        "hyper-parameters, counts and paths: none is a series. Then SB3's verbose=1 boxed tables "
        "('| rollout/ |  |' section rows, '|    ep_len_mean | 17.1 |', values '%.3g' or a numpy "
        "float's repr such as '0.0043991394'); series names '<section>/<key>' as SB3 records them. "
        "The zoo's EvalCallback (eval_freq divided by n_envs, so every 1024 / 2048 total steps) "
        "prints 'Eval num_timesteps=1024, episode_reward=9.60 +/- 0.80' and 'Episode length: 9.60 +/- "
        "0.80' (mean +/- std over 5 episodes; the mean is eval/mean_reward / eval/mean_ep_length, "
        "kept as 'episode_reward' and 'Episode length'; the std is in no record as a series), then "
        "its eval/ table, then 'New best mean reward!' when it improves. Step = "
        "time/total_timesteps (SB3's num_timesteps, printed in each table and as num_timesteps= "
        "on the Eval line). train/learning_rate and train/clip_range follow the zoo's linear "
        "schedules ('lin_0.001'), kept as series as SB3 records them. ARS (sb3-contrib) logs its own table: "
        "rollout/return_std (a metric), train/delta_std and train/learning_rate (constants, kept as "
        "series like any lr SB3 logs), train/step_size, train/iterations (its update counter); its "
        "tables are dumped once per update (every 1000+ steps) and the EvalCallback fires inside an "
        "update's rollouts at exact multiples ('Eval num_timesteps=1000' between the update tables at "
        "total_timesteps 284 and 1312). time/fps, time/time_elapsed "
        "are throughput and time; time/iterations and train/n_updates (train/iterations for ARS) are counters, neither series nor extra_ok. "
        "With -P the rich progress bar of SB3's ProgressBarCallback redraws under a terminal "
        "('━━━━━━━━ 1,024/6,144  [ 0:00:05 < 0:00:30 , 189 it/s ]'); its counts and times are not "
        "metrics. The run ends with 'Saving to /tmp/rl-zoo3-logs/...'."
    ),
)
