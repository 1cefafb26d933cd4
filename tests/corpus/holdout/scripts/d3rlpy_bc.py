"""d3rlpy offline RL: DiscreteBC fitted on a synthetic MDPDataset (no download), with its
default structlog console logging and tqdm bars.

d3rlpy logs through structlog with ANSI colours whether or not stdout is a terminal
('2026-12-06 13:49.38 [info     ] bc: epoch=3 step=300  epoch=3 metrics={'time_sample_batch':
0.005, ..., 'loss': 0.75, ...} step=300'), and draws a tqdm bar per epoch whose postfix holds the
running mean of the epoch's losses every 10 updates.  Truth: the per-epoch CSV files d3rlpy's
FileAdapter writes (<name>.csv: epoch, step, value), its own record.
Versions: d3rlpy 2.8.1, torch 2.13.0+cpu, structlog 26.1.0, tqdm 4.70.1, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_d3rlpy_bc -- python tests/corpus/holdout/scripts/d3rlpy_bc.py
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pty  real_d3rlpy_bc_pty -- python tests/corpus/holdout/scripts/d3rlpy_bc.py
"""

import csv
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import d3rlpy
import numpy as np
import torch

torch.set_num_threads(1)
d3rlpy.seed(0)
rng = np.random.default_rng(0)
N = 2000
obs = rng.normal(size=(N, 4)).astype(np.float32)
act = (obs[:, 0] + 0.3 * rng.normal(size=N) > 0).astype(np.int64)
rew = rng.random(N).astype(np.float32)
term = np.zeros(N)
term[99::100] = 1
dataset = d3rlpy.dataset.MDPDataset(observations=obs, actions=act, rewards=rew, terminals=term)
algo = d3rlpy.algos.DiscreteBCConfig(batch_size=64).create(device="cpu:0")
logdir = tempfile.mkdtemp(prefix="d3rlpy_logs_")
algo.fit(
    dataset,
    n_steps=300,
    n_steps_per_epoch=100,
    experiment_name="bc",
    with_timestamp=False,
    logger_adapter=d3rlpy.logging.FileAdapterFactory(root_dir=logdir),
    show_progress=True,
)

exp = os.path.join(logdir, "bc")
printed = [  # the order of the metrics dict in the epoch-end line
    "time_sample_batch",
    "time_algorithm_update",
    "loss",
    "imitation_loss",
    "regularization_loss",
    "time_step",
]
rows = {}
for name in printed:
    with open(os.path.join(exp, f"{name}.csv")) as fh:
        rows[name] = [(int(e), int(s), float(v)) for e, s, v in csv.reader(fh)]
shutil.rmtree(logdir, ignore_errors=True)
ser = _truth.Series()
for i in range(len(rows["loss"])):
    for name in printed:
        epoch, step, value = rows[name][i]
        ser.add(name, step, epoch, value)

_truth.write(
    library="d3rlpy 2.8.1 (torch 2.13.0+cpu, structlog 26.1.0, tqdm 4.70.1)",
    script="tests/corpus/holdout/scripts/d3rlpy_bc.py",
    record="d3rlpy's FileAdapter CSVs (<metric>.csv rows 'epoch,step,value', the epoch means)",
    step_kind="global",
    series=ser,
    extra_ok=[
        "loss, imitation_loss and regularization_loss running means in the tqdm bar postfix "
        "(not recorded: d3rlpy keeps only the epoch means)",
        "the bar's rate (it/s)",
    ],
    not_printed=["per-layer gradient statistics CSVs (*_grad.csv), written but never printed"],
    notes=(
        "Per epoch: a tqdm bar 'Epoch 1/3:  45%|####5     | 45/100 [00:03<00:04, 12.3it/s, loss=0.942, "
        "imitation_loss=0.699, regularization_loss=0.243]' (postfix = running mean of the epoch so "
        "far, refreshed every 10 updates, 3 significant digits), then a structlog line "
        "'<date> [info     ] bc: epoch=1 step=100  epoch=1 metrics={'time_sample_batch': "
        "0.0071, 'time_algorithm_update': 0.2238, 'loss': 0.7766, 'imitation_loss': 0.4373, "
        "'regularization_loss': 0.3393, 'time_step': 0.2314} step=100' with the epoch means at full "
        "precision, which are the series (step = d3rlpy's global update count, epoch 1-based). "
        "structlog colours every key and value (ESC[36m key ESC[0m=ESC[35m value ESC[0m) even when "
        "piped. The time_* metrics are seconds per update (recorded by d3rlpy). The first lines are "
        "gym's deprecation banner and structlog lines whose values are signatures, shapes and a "
        "parameter dict (configuration: batch_size, learning_rate 0.001, betas...), not metrics."
    ),
)
