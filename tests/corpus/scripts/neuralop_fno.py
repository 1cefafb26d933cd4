"""neuraloperator (neuralop): the shape of its FNO Darcy-flow tutorial (examples/plot_FNO_darcy.py) on
synthetic 16x16 fields (the tutorial's small Darcy set is a download): the tutorial's prints

    Our model has 85425 parameters.
    ### MODEL ###
     FNO(...)
    ### OPTIMIZER ###
     AdamW (Parameter Group 0 ... lr: 0.008 ... weight_decay: 0.0001)
    ### SCHEDULER ###
     <torch.optim.lr_scheduler.CosineAnnealingLR object at 0x...>
    ### LOSSES ###
     * Train: <neuralop.losses.data_losses.H1Loss object at 0x...>
     * Test: {'h1': ..., 'l2': ...}

then neuralop.Trainer(verbose=True) itself: 'Training on 64 samples', 'Testing on [32, 32] samples
on resolutions [16, 24].', 'Raw outputs of shape torch.Size([8, 1, 16, 16])' and per epoch

    [0] time=0.44, avg_loss=1.0036, train_err=8.0286
    Eval: 16_h1=0.9929, 16_l2=0.9729, 24_h1=1.0021, 24_l2=1.2429

Truth: neuralop keeps no per-epoch history (train() returns the last epoch's dict; values go to
wandb when it is on): the script wraps Trainer.log_training / Trainer.log_eval, the trainer's own
logging methods, and records the arguments the trainer hands them (full precision), then checks
the last epoch against the dict train() returns.

Versions: neuraloperator 2.0.0, torch 2.13.0+cpu, Python 3.11 (venv /work/venvs/corpus-zI-1: pip
install torch==2.13.0, then pip install torch==2.13.0 torchvision==0.28.0 neuraloperator; no other
torch). Seeds fixed; a few s of CPU.
Captures (repository root; print() only, no bar, no colour: no pty twin):
    python tests/corpus/scripts/capture.py pipe real_neuralop_fno -- python tests/corpus/scripts/neuralop_fno.py
    python tests/corpus/scripts/capture.py pipe real_neuralop_trainer -- \
        python tests/corpus/scripts/neuralop_fno.py --trainer-only
(--trainer-only leaves out the tutorial's own prints: the trainer's lines alone.)
"""

import os
import sys
from importlib import metadata

import torch
from neuralop import H1Loss, LpLoss, Trainer
from neuralop.models import FNO
from neuralop.utils import count_model_params
from torch.utils.data import DataLoader, Dataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.manual_seed(0)
device = "cpu"


class Fields(Dataset):
    """A Darcy-like pair: a smooth coefficient field x and a smoothed response y."""

    def __init__(self, n, res, seed):
        g = torch.Generator().manual_seed(seed)
        xs = torch.linspace(0, 1, res)
        gx, gy = torch.meshgrid(xs, xs, indexing="ij")
        a = torch.randn(n, 3, generator=g)
        self.x = (a[:, :1, None] * torch.sin(3 * gx) + a[:, 1:2, None] * torch.cos(2 * gy))[:, None]
        self.x = self.x + 0.3 * a[:, 2:3, None, None]
        k = torch.ones(1, 1, 3, 3) / 9
        self.y = torch.nn.functional.conv2d(self.x**2, k, padding=1) + 0.5 * self.x

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return {"x": self.x[i], "y": self.y[i]}


train_loader = DataLoader(Fields(64, 16, 1), batch_size=8, shuffle=True)
test_loaders = {
    16: DataLoader(Fields(32, 16, 2), batch_size=16),
    24: DataLoader(Fields(32, 24, 3), batch_size=16),
}

model = FNO(
    n_modes=(8, 8), in_channels=1, out_channels=1, hidden_channels=16, projection_channel_ratio=2
)
model = model.to(device)
n_params = count_model_params(model)
TUTORIAL_PRINTS = "--trainer-only" not in sys.argv
if TUTORIAL_PRINTS:
    print(f"\nOur model has {n_params} parameters.")
    sys.stdout.flush()

optimizer = torch.optim.AdamW(model.parameters(), lr=8e-3, weight_decay=1e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=30)
l2loss = LpLoss(d=2, p=2)
h1loss = H1Loss(d=2)
train_loss = h1loss
eval_losses = {"h1": h1loss, "l2": l2loss}

if TUTORIAL_PRINTS:
    print("\n### MODEL ###\n", model)
    print("\n### OPTIMIZER ###\n", optimizer)
    print("\n### SCHEDULER ###\n", scheduler)
    print("\n### LOSSES ###")
    print(f"\n * Train: {train_loss}")
    print(f"\n * Test: {eval_losses}")
    sys.stdout.flush()

record = {"train": [], "eval": []}
_log_training, _log_eval = Trainer.log_training, Trainer.log_eval


def log_training(self, epoch, time, avg_loss, train_err, avg_lasso_loss=None, lr=None):
    record["train"].append((epoch, avg_loss, train_err, avg_lasso_loss))
    return _log_training(self, epoch, time, avg_loss, train_err, avg_lasso_loss, lr)


def log_eval(self, epoch, eval_metrics):
    record["eval"].append((epoch, {k: float(v) for k, v in eval_metrics.items()}))
    return _log_eval(self, epoch, eval_metrics)


Trainer.log_training, Trainer.log_eval = log_training, log_eval

trainer = Trainer(
    model=model, n_epochs=6, device=device, data_processor=None, wandb_log=False, eval_interval=1,
    use_distributed=False, verbose=True,
)  # fmt: skip
last = trainer.train(
    train_loader=train_loader,
    test_loaders=test_loaders,
    optimizer=optimizer,
    scheduler=scheduler,
    regularizer=False,
    training_loss=train_loss,
    eval_losses=eval_losses,
)
assert abs(last["avg_loss"] - record["train"][-1][1]) < 1e-12, (last, record["train"][-1])

series = _truth.Series()
for epoch, avg_loss, train_err, lasso in record["train"]:
    series.add("avg_loss", None, epoch, avg_loss)
    series.add("train_err", None, epoch, train_err)
    assert lasso is None
for epoch, metrics in record["eval"]:
    for k, v in metrics.items():
        series.add(k, None, epoch, v)

_truth.write(
    library=f"neuraloperator {metadata.version('neuraloperator')} (torch {torch.__version__})",
    script="tests/corpus/scripts/neuralop_fno.py",
    record="the arguments neuralop.Trainer hands its own log_training / log_eval each epoch "
    "(avg_loss, train_err; the eval dict keyed '<resolution>_<loss>'); the last epoch checked "
    "against the dict Trainer.train() returns",
    step_kind="epoch",
    series=series,
    extra_ok=["time (seconds the epoch took, '[0] time=0.31')"],
    notes=(
        "Run with --trainer-only: no tutorial prints, the trainer's lines only. "
        if not TUTORIAL_PRINTS
        else ""
    )
    + "The tutorial's prints first (left out under --trainer-only): '\\nOur model has 85425 parameters.' (a count), the model "
    "repr (FNO(...), SpectralConv(in_channels=16, ..., n_modes=(8, 8))), the optimizer repr "
    "('AdamW (\\nParameter Group 0\\n    amsgrad: False\\n    betas: (0.9, 0.999)\\n ... lr: 0.008\\n"
    " ... weight_decay: 0.0001\\n)': config), the scheduler and loss objects' reprs (memory "
    "addresses) and ' * Test: {'h1': <...H1Loss object at 0x...>, 'l2': <...>}'. Then the "
    "trainer (verbose=True): 'Training on 64 samples', 'Testing on [32, 32] samples         on "
    "resolutions [16, 24].' (counts and resolutions), 'Raw outputs of shape torch.Size([8, 1, 16, "
    "16])' (a shape) and per epoch '[0] time=0.44, avg_loss=1.0036, train_err=8.0286' (the epoch "
    "0-based in brackets, time in seconds, avg_loss = the training loss per sample, train_err = "
    "the summed loss per batch) and 'Eval: 16_h1=0.9929, 16_l2=0.9729, 24_h1=1.0021, "
    "24_l2=1.2429' (each test loader's resolution, '_', the eval loss name: the names begin with "
    "a number). All .4f.",
)
