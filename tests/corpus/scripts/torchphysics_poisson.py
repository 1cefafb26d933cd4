"""TorchPhysics: the README's PINN for the Poisson problem -Δu = 1 on the unit square, u = 0 on
its boundary, trained by a pytorch_lightning Trainer (made smaller: 60 steps, small net and
point sets, on the CPU). TorchPhysics' Solver logs 'train/loss' with prog_bar=True each step
(and 'train/<condition name>' without), so Lightning's tqdm bar shows
'Epoch 0:  45%|████▌     | 27/60 [00:01<00:01, 22.17it/s, train/loss=0.0631]' (the solver's
train dataloader is one epoch of max_steps steps).

Truth: Lightning's CSVLogger (the Trainer's logger, log_every_n_steps=1, so every step's
'train/loss' is kept as the bar showed it), only the names the bar shows.

Versions: torchphysics 1.1.2, pytorch-lightning 2.6.6, torch 2.13.0+cpu, Python 3.11. Seeds
fixed; a few seconds of CPU.
Capture (repository root, venv /work/venvs/corpus-zAB-1 on PATH):
    python tests/corpus/scripts/capture.py pipe real_torchphysics_poisson -- python tests/corpus/scripts/torchphysics_poisson.py
    python tests/corpus/scripts/capture.py pty real_torchphysics_poisson_pty -- python tests/corpus/scripts/torchphysics_poisson.py
"""

import csv
import os
import sys
import tempfile
from importlib import metadata

import pytorch_lightning as pl
import torch
import torchphysics as tp
from pytorch_lightning.loggers import CSVLogger

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.manual_seed(0)
X = tp.spaces.R2("x")
U = tp.spaces.R1("u")
square = tp.domains.Parallelogram(X, [0, 0], [1, 0], [0, 1])
model = tp.models.FCN(input_space=X, output_space=U, hidden=(20, 20, 20))


def pde_residual(u, x):
    return tp.utils.laplacian(u, x) + 1.0


pde_sampler = tp.samplers.RandomUniformSampler(square, n_points=500)
pde_condition = tp.conditions.PINNCondition(model, pde_sampler, pde_residual, name="pde")


def boundary_residual(u):
    return u


boundary_sampler = tp.samplers.RandomUniformSampler(square.boundary, n_points=200)
boundary_condition = tp.conditions.PINNCondition(
    model, boundary_sampler, boundary_residual, name="boundary"
)
optim = tp.OptimizerSetting(optimizer_class=torch.optim.Adam, lr=0.005)
solver = tp.solver.Solver(
    train_conditions=[boundary_condition, pde_condition],
    optimizer_setting=optim,
)
logger = CSVLogger(tempfile.mkdtemp(prefix="torchphysics_"))
trainer = pl.Trainer(
    devices=1,
    accelerator="cpu",
    max_steps=60,
    logger=logger,
    log_every_n_steps=1,
    benchmark=True,
    enable_checkpointing=False,
)
trainer.fit(solver)

shown = ["train/loss"]
series = _truth.Series()
with open(os.path.join(logger.log_dir, "metrics.csv")) as fh:
    rows = list(csv.DictReader(fh))
for row in rows:
    for name in shown:
        if row.get(name):
            series.add(name, int(row["step"]), int(row["epoch"]), float(row[name]))

notes = (
    "Lightning's start-up lines (GPU/TPU available, '💡 Tip:' lines, warnings) and the "
    "model-summary table (Params, Mode, FLOPs: sizes and counts) come first. Then one epoch of "
    "60 steps; the tqdm bar is redrawn with '\\r' after every step (in a pipe too), its postfix "
    "'train/loss=0.0631' showing that step's loss in Lightning's 3-significant-digit format "
    "(truth at full precision from metrics.csv; step = the CSV's 'step', epoch its 'epoch'). "
    "The first redraws show no loss yet; the last value is repeated on the closing redraws. "
    "'it/s' is throughput. 'train/boundary' and 'train/pde' (the conditions' losses) are "
    "logged, never shown."
)
lib = (
    f"torchphysics {metadata.version('torchphysics')} (pytorch-lightning "
    f"{metadata.version('pytorch-lightning')}, torch {torch.__version__})"
)
_truth.write(
    library=lib,
    script="tests/corpus/scripts/torchphysics_poisson.py",
    record="Lightning CSVLogger metrics.csv (log_every_n_steps=1) of the Trainer fitting TorchPhysics' Solver",
    step_kind="global",
    series=series,
    extra_ok=["it/s (throughput the bar shows)"],
    not_printed=[c for c in rows[0] if c not in ("step", "epoch", *shown)],
    notes=notes,
)
