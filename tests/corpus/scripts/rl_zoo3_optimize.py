"""RL Baselines3 Zoo's hyper-parameter search (rl_zoo3.train.train() with -optimize, what the
zoo's `python train.py --algo a2c --env CartPole-v1 -optimize ...` runs): the zoo header (the
default hyper-parameters as an OrderedDict), 'Sampler: random - Pruner: median', Optuna's
'[I ...] Trial 0 finished with value: 58.0 and parameters: {...}. Best is trial 0 with value:
58.0.' log lines (trials train silently), then the zoo's summary: 'Number of finished trials:  4',
'Best trial:', 'Value:  93.33333333333333', 'Params: ' and one '    n_steps: 512' line per sampled
hyper-parameter, 'User Attributes: ' / '    gamma: 0.99142...', 'Writing report to ...'.

Versions: rl_zoo3 2.9.2, stable-baselines3 2.9.2, optuna 5.1.0, pandas 3.1.1 (the zoo's report
needs it, undeclared), gymnasium 1.4.0, torch 2.13.0+cpu, Python 3.11 (venv corpus-zz-2).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_rl_zoo3_optimize -- python tests/corpus/scripts/rl_zoo3_optimize.py --algo a2c --env CartPole-v1 -n 2000 --seed 0 --device cpu -optimize --n-trials 4 --n-jobs 1 --sampler random --pruner median --n-evaluations 2 --eval-episodes 3 --log-folder /tmp/rl-zoo3-opt
    python tests/corpus/scripts/capture.py pty real_rl_zoo3_optimize_pty -- python tests/corpus/scripts/rl_zoo3_optimize.py --algo a2c --env CartPole-v1 -n 2000 --seed 0 --device cpu -optimize --n-trials 4 --n-jobs 1 --sampler random --pruner median --n-evaluations 2 --eval-episodes 3 --log-folder /tmp/rl-zoo3-opt
Truth: the zoo's own report, study.trials_dataframe().to_csv() ('report_CartPole-v1_4-trials-...
.csv' in the log folder: number, value, state per trial); the running best is Optuna's best value
over the trials finished so far (direction maximize, n_jobs=1 so trials finish in number order).
The log folder is removed afterwards.
"""

import csv
import glob
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gymnasium as gym
import optuna
import rl_zoo3
import stable_baselines3
import torch
from rl_zoo3.train import train

train()

argv = sys.argv[1:]
algo = argv[argv.index("--algo") + 1]
log_folder = argv[argv.index("--log-folder") + 1]
(report,) = glob.glob(os.path.join(log_folder, algo, "report_CartPole-v1_*.csv"))
with open(report) as fh:
    rows = list(csv.DictReader(fh))
shutil.rmtree(log_folder)

series = _truth.Series()
best = None
best_number = None
for row in sorted(rows, key=lambda r: int(r["number"])):
    if row["state"] != "COMPLETE":
        continue
    n, v = int(row["number"]), float(row["value"])
    series.add("value", n, None, v)
    if best is None or v > best:
        best, best_number = v, n
    series.add("Best value", n, None, best)
series.add("Value", best_number, None, best)  # the zoo's 'Best trial:' / 'Value:  ...' summary

_truth.write(
    library=(
        f"rl_zoo3 {rl_zoo3.__version__}, stable-baselines3 {stable_baselines3.__version__}, "
        f"optuna {optuna.__version__}, gymnasium {gym.__version__}, torch {torch.__version__}"
    ),
    script="tests/corpus/scripts/rl_zoo3_optimize.py",
    record="the zoo's Optuna report (study.trials_dataframe().to_csv(), written by the zoo)",
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "The zoo's header holds no metric ('========== CartPole-v1 ==========', 'Seed: 0', "
        "'Loading hyperparameters from: ...', the default hyper-parameters as a pprinted "
        "OrderedDict \"OrderedDict([('ent_coef', 0.0),\" / \"             ('n_envs', 8),\" / "
        "\"             ('n_timesteps', 500000.0),\", 'Using 8 environments', 'Overwriting "
        "n_timesteps with n=2000', 'Optimizing hyperparameters', 'Sampler: random - Pruner: median'). "
        "Trials train with verbose=0; Optuna logs on stderr '[I 2026-12-07 08:44:22,877] Trial 0 "
        "finished with value: 58.0 and parameters: {'n_steps': 64, 'one_minus_gamma': 0.0161..., "
        "'learning_rate': 7.62e-05, 'net_arch': 'medium', ...}. Best is trial 0 with value: 58.0.' "
        "(value = mean evaluation reward of the trial's last evaluation; step = the trial number, "
        "0-based as printed; 'Best value' = the running best in 'Best is trial N with value: X', "
        "at the finished trial's number). The zoo then prints 'Number of finished trials:  4' (a "
        "count), 'Best trial:', 'Value:  93.33333333333333' (series 'Value', at the best trial's "
        "number), 'Params: ' followed by one indented 'name: value' line per sampled "
        "hyper-parameter ('    n_steps: 512', '    learning_rate: 0.00029680927283562777', "
        "'    net_arch: small') and 'User Attributes: ' / '    gamma: 0.9914204321622865' (a "
        "hyper-parameter derived from one_minus_gamma): all configuration, none a series. "
        "'Writing report to /tmp/...' is a path. A trial pruned by the median pruner would print "
        "'Trial N pruned.' and have no value. Piped, stdout is block-buffered and Optuna's log goes to "
        "stderr unbuffered, so the file holds Optuna's lines first, then the whole stdout (header, "
        "summary) at exit."
    ),
)
