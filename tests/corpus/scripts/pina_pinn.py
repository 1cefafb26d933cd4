"""PINA (pina-mathlab): the README's physics-informed solver of u' = u, u(0) = 1 on (0, 1),
trained with PINA's Trainer (a Lightning Trainer), in two ways:

    --variant readme  the README as written: PhysicsInformedSingleModelSolver, Trainer(solver,
                      max_epochs=25), full batch; Lightning's tqdm bar 'Epoch 3: 100%|...| 1/1
                      [...] v_num=0, bound_cond_loss=0.817, phys_cond_loss=0.0347,
                      train_loss=0.851]' (one loss per condition and their sum, per epoch)
    --variant bar     mini-batches with a train/validation split (batch_size=32,
                      train_size=0.8, val_size=0.2) and PINA's own PINAProgressBar(metrics=
                      ["train", "val"]), which shows only 'train_loss_epoch' and
                      'val_loss_epoch' (the per-step and per-condition losses are logged, not
                      shown)

Truth: Lightning's CSVLogger metrics.csv (the Trainer's logger; rows per epoch, with the
logged 'step' and 'epoch'), only the names the bar shows.

Versions: pina-mathlab 0.3.2.post2610, lightning 2.6.6, torch 2.13.0+cpu, Python 3.11. Seeds
fixed; a few seconds of CPU.
Capture (repository root, venv /work/venvs/corpus-zAB-1 on PATH):
    python tests/corpus/scripts/capture.py pipe real_pina_pinn -- python tests/corpus/scripts/pina_pinn.py --variant readme
    python tests/corpus/scripts/capture.py pty real_pina_pinn_pty -- python tests/corpus/scripts/pina_pinn.py --variant readme
    python tests/corpus/scripts/capture.py pipe real_pina_progressbar -- python tests/corpus/scripts/pina_pinn.py --variant bar
    python tests/corpus/scripts/capture.py pty real_pina_progressbar_pty -- python tests/corpus/scripts/pina_pinn.py --variant bar
"""

import argparse
import csv
import os
import sys
import tempfile
from importlib import metadata

import torch
from lightning.pytorch.loggers import CSVLogger
from pina import Condition, Trainer
from pina.callback import PINAProgressBar
from pina.domain import CartesianDomain
from pina.equation import Equation
from pina.equation.zoo import FixedValue
from pina.model import FeedForward
from pina.operator import grad
from pina.problem import SpatialProblem
from pina.solver import PhysicsInformedSingleModelSolver

sys.path.insert(0, os.path.dirname(__file__))

import _truth

ap = argparse.ArgumentParser()
ap.add_argument("--variant", choices=["readme", "bar"], default="readme")
args = ap.parse_args()


def ode_equation(input_, output_):
    u_x = grad(output_, input_, components=["u"], d=["x"])
    u = output_.extract(["u"])
    return u_x - u


class SimpleODE(SpatialProblem):
    output_variables = ["u"]
    spatial_domain = CartesianDomain({"x": [0, 1]})
    domains = {
        "x0": CartesianDomain({"x": 0.0}),
        "D": CartesianDomain({"x": [0, 1]}),
    }
    conditions = {
        "bound_cond": Condition(domain="x0", equation=FixedValue(1.0)),
        "phys_cond": Condition(domain="D", equation=Equation(ode_equation)),
    }


torch.manual_seed(0)
problem = SimpleODE()
problem.discretise_domain(n=100, mode="grid", domains=["D", "x0"])
model = FeedForward(input_dimensions=1, output_dimensions=1, layers=[64, 64])
solver = PhysicsInformedSingleModelSolver(problem, model)
logdir = tempfile.mkdtemp(prefix="pina_")
logger = CSVLogger(logdir)
if args.variant == "readme":
    trainer = Trainer(solver, max_epochs=25, accelerator="cpu", logger=logger)
    shown = ["bound_cond_loss", "phys_cond_loss", "train_loss"]
else:
    trainer = Trainer(
        solver,
        max_epochs=12,
        accelerator="cpu",
        logger=logger,
        batch_size=32,
        train_size=0.8,
        val_size=0.2,
        callbacks=[PINAProgressBar(metrics=["train", "val"])],
    )
    shown = ["train_loss_epoch", "val_loss_epoch"]
trainer.train()

series = _truth.Series()
with open(os.path.join(logger.log_dir, "metrics.csv")) as fh:
    rows = list(csv.DictReader(fh))
for row in rows:
    for name in shown:
        if row.get(name):
            series.add(name, int(row["step"]), int(row["epoch"]), float(row[name]))

lib = (
    f"pina-mathlab {metadata.version('pina-mathlab')} (lightning {metadata.version('lightning')}, "
    f"torch {torch.__version__})"
)
common = (
    "Lightning's start-up lines (GPU/TPU available, two '💡 Tip:' lines, a PossibleUserWarning) "
    "and its model-summary table (Params '4.4 K', Mode, FLOPs: sizes and counts, not metrics) "
    "come first. The bar's '3.73it/s' is throughput; 'v_num=0' is the logger's version number "
    "(not a metric). Values in the bar are Lightning's 3-significant-digit format ('0.0347', "
    "'1.560'), truth at full precision from metrics.csv; step is the CSV's 'step' column "
    "(Lightning's global step at logging), epoch its 'epoch' column (from 0, as the bar's "
    "'Epoch N' counts)."
)
if args.variant == "readme":
    notes = (
        "The README's PINN, full batch: one optimizer step per epoch, 25 epochs. The bar "
        "'Epoch N: 100%|█████| 1/1 [00:00<00:00, 15.55it/s, v_num=0, bound_cond_loss=1.280, "
        "phys_cond_loss=0.00847, train_loss=1.290]' is redrawn with '\\r' (in a pipe too); "
        "each epoch's values appear on the last redraw of that epoch and are repeated on the "
        "next epoch's 0% and first 100% redraws. The solver logs on_epoch only (no batch size), "
        "so names carry no _step/_epoch suffix: one point per epoch per name. " + common
    )
else:
    notes = (
        "batch_size=32 with a 80/20 train/validation split: 3 steps per "
        "epoch, and a validation pass each epoch drawn as its own 'Validation DataLoader 0: "
        "100%|...| 1/1' bar. PINAProgressBar(metrics=['train', 'val']) keeps only "
        "'train_loss_epoch' and 'val_loss_epoch' in the bar (it is PINA's own TQDMProgressBar "
        "subclass with bar_format '... [{elapsed}<{remaining}, {rate_noinv_fmt}{postfix}]'). "
        "The per-step 'train_loss_step' and the per-condition losses are logged to the CSV "
        "but never shown: not series. The epoch-0 bar shows no loss until the epoch ends. " + common
    )
_truth.write(
    library=lib,
    script="tests/corpus/scripts/pina_pinn.py",
    record="Lightning CSVLogger metrics.csv of PINA's Trainer",
    step_kind="global",
    series=series,
    extra_ok=["it/s (throughput the bar shows)"],
    not_printed=[c for c in rows[0] if c not in ("step", "epoch", *shown)],
    notes=notes,
)
