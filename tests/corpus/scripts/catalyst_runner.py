"""Catalyst: SupervisedRunner.train(..., verbose=True) on a synthetic 4-class problem, the shape of
Catalyst's README classification example (AccuracyCallback topk, PrecisionRecallF1SupportCallback):
a tqdm bar per loader with the batch's metrics as postfix

    1/3 * Epoch (train):  40%|████      | 4/10 [00:00<00:00, 305it/s, accuracy01=0.672, ..., loss=0.644, lr=0.010, ...]

then ConsoleLogger's loader lines at full precision

    train (1/3) accuracy01: 0.6546875 | accuracy01/std: 0.146 | ... | loss: 0.6465 | ... | lr: 0.01 | ...
    valid (1/3) accuracy01: 0.8125 | ...
    * Epoch (1/3)

and at the end 'Top models:' with the best checkpoint and its valid loss.

Truth: loader lines from Catalyst's CSVLogger (logdir/csv_logger/train.csv, valid.csv); bar values
from runner.batch_metrics at each batch (what TqdmCallback formats), restricted to the bar states
tqdm actually drew (a display hook keeps the drawn text, cut to the terminal width on a pty).

Versions: catalyst 22.04 with accelerate 0.27.2 (catalyst 22.04 reads DistributedType.TPU, gone from
accelerate >= 0.28), torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed; a few s of CPU.
Venv /work/venvs/corpus-k-2: pip install torch==2.13.0, then pip install catalyst numpy
"accelerate<0.28". Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_catalyst_runner -- python tests/corpus/scripts/catalyst_runner.py
    python tests/corpus/scripts/capture.py pty real_catalyst_runner_pty -- python tests/corpus/scripts/catalyst_runner.py
    python tests/corpus/scripts/capture.py pipe real_catalyst_nobar -- python tests/corpus/scripts/catalyst_runner.py nobar
(nobar: verbose=False, so no bar, only ConsoleLogger's lines; StepLR(step_size=1, gamma=0.5) through
SchedulerCallback(mode="epoch"), which logs the epoch-scope 'lr'/'momentum' on the '* Epoch (1/4)'
line; EarlyStoppingCallback(patience=2) on valid loss, 4 epochs.)
"""

import csv
import os
import shutil
import sys
import tempfile
from importlib import metadata

import torch
import tqdm
from catalyst import dl, utils
from catalyst.core.callback import CallbackOrder
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

drawn = []  # (bar description, drawn text)
_display = tqdm.std.tqdm.display


def display(self, *args, **kwargs):
    drawn.append((str(self.desc), str(self)))
    return _display(self, *args, **kwargs)


tqdm.std.tqdm.display = display


class BatchRecord(dl.Callback):
    """runner.batch_metrics at each batch end, as Catalyst's TqdmCallback reads them."""

    def __init__(self):
        super().__init__(order=CallbackOrder.external)
        self.rows = []

    def on_batch_end(self, runner):
        self.rows.append(
            (
                runner.loader_key,
                runner.epoch_step,
                runner.sample_step,
                runner.loader_batch_step,
                {k: float(v) for k, v in runner.batch_metrics.items()},
            )
        )


utils.set_global_seed(0)
C, D = 4, 20
centers = torch.randn(C, D)


def make(n):
    y = torch.randint(0, C, (n,))
    return centers[y] * 0.6 + torch.randn(n, D), y


X, y = make(640)
Xv, yv = make(192)
loaders = {
    "train": DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True),
    "valid": DataLoader(TensorDataset(Xv, yv), batch_size=64),
}
model = nn.Sequential(nn.Linear(D, 32), nn.ReLU(), nn.Linear(32, C))
NOBAR = sys.argv[1:] == ["nobar"]
EPOCHS = 4 if NOBAR else 3
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
extra = {}
if NOBAR:  # no bar; an epoch-wise StepLR through Catalyst's SchedulerCallback, early stopping
    extra = dict(scheduler=torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5))
logdir = tempfile.mkdtemp(prefix="catalyst-", dir="/tmp")
rec = BatchRecord()
runner = dl.SupervisedRunner(
    input_key="features", output_key="logits", target_key="targets", loss_key="loss"
)
runner.train(
    model=model,
    criterion=nn.CrossEntropyLoss(),
    optimizer=optimizer,
    loaders=loaders,
    num_epochs=EPOCHS,
    callbacks=[
        dl.AccuracyCallback(input_key="logits", target_key="targets", topk=(1, 3)),
        dl.PrecisionRecallF1SupportCallback(
            input_key="logits", target_key="targets", num_classes=C
        ),
        rec,
    ]
    + (
        [
            dl.SchedulerCallback(mode="epoch"),
            dl.EarlyStoppingCallback(
                patience=2, loader_key="valid", metric_key="loss", minimize=True
            ),
        ]
        if NOBAR
        else []
    ),
    logdir=logdir,
    valid_loader="valid",
    valid_metric="loss",
    minimize_valid_metric=True,
    verbose=not NOBAR,
    **extra,
)


def read(name):
    with open(os.path.join(logdir, "csv_logger", f"{name}.csv")) as fh:
        return list(csv.DictReader(fh))


loader_rows = {k: read(k) for k in ("train", "valid", "_epoch_")}
shutil.rmtree(logdir)

series = _truth.Series()
# the bars: one per loader and epoch; set_postfix(refresh=True) draws each batch's metrics
texts = {}
for desc, text in drawn:
    texts.setdefault(desc, []).append(text)

row_iter = iter(rec.rows)
for epoch in range(1, len(loader_rows["train"]) + 1):
    for key in ("train", "valid"):
        desc = f"{epoch}/{EPOCHS} * Epoch ({key})"
        bar = texts.get(desc, [])
        for k2, ep, sample_step, pos, metrics in [next(row_iter) for _ in range(len(loaders[key]))]:
            assert (k2, ep) == (key, epoch)
            shown = {
                k: v
                for k, v in sorted(metrics.items())
                if any(
                    f"{k}={f'{v:3.3f}' if v > 1e-3 else f'{v:1.3e}'}" in t and f"| {pos - 1}/" in t
                    for t in bar
                )
            }

            for k, v in shown.items():
                series.add(f"{key} {k}", sample_step, epoch, v)
        # the loader line, ConsoleLogger: 'train (1/3) name: value | ...'
        row = loader_rows[key][epoch - 1]
        assert int(row["step"]) == epoch
        for k, v in row.items():
            if k != "step":
                series.add(f"{key} {k}", None, epoch, float(v))
    # '* Epoch (1/4) lr: 0.01 | momentum: 0.9': the epoch scope (_epoch_.csv), after the scheduler's step
    for k, v in loader_rows["_epoch_"][epoch - 1].items():
        if k != "step" and v != "":
            series.add(k, None, epoch, float(v))
best = min(range(len(loader_rows["valid"])), key=lambda i: float(loader_rows["valid"][i]["loss"]))
series.add("valid loss", None, best + 1, float(loader_rows["valid"][best]["loss"]))

_truth.write(
    library=(
        f"catalyst {metadata.version('catalyst')} (accelerate {metadata.version('accelerate')}, "
        f"torch {torch.__version__}, tqdm {tqdm.__version__})"
    ),
    script="tests/corpus/scripts/catalyst_runner.py",
    record=(
        "loader lines: Catalyst's CSVLogger train.csv/valid.csv; bar postfixes: runner.batch_metrics "
        "at each batch end, only the values whose 'name=value' tqdm drew at that batch's position"
    ),
    step_kind="epoch",
    series=series,
    extra_ok=["it/s (the bar's throughput, batches per second)"],
    notes=(
        "Catalyst labels every value with its loader: the bar '1/3 * Epoch (train):  40%|████      | "
        "4/10 [00:00<00:00, 305.0it/s, accuracy01=0.672, accuracy03=1.000, f1/_macro=0.668, ..., "
        "loss=0.644, lr=0.020, momentum=0.900, precision/_macro=..., recall/_weighted=...]' (tqdm on "
        "stderr, redrawn with '\\r'; the postfix holds THAT batch's metrics at 3 decimals, drawn by "
        "set_postfix before the position moves, so the batch n is drawn at position n-1/10; cleared "
        "when the loader ends) and ConsoleLogger's line 'train (1/3) accuracy01: 0.6546875 | "
        "accuracy01/std: 0.146 | ... | loss: 0.646 | loss/mean: 0.646 | loss/std: 0.072 | lr: 0.02 | "
        "momentum: 0.9 | ...' (the loader's means at full precision; '(1/3)' is the epoch). The "
        "truth joins the loader to the printed name ('train loss', 'valid accuracy01', 'valid "
        "f1/_macro'), as other labelled lines in this corpus: training and validation values are "
        "separate series, and the bar '(train)' / '(valid)' and the line's 'train' / 'valid' say "
        "which. lr and momentum are the optimizer's values, logged by Catalyst as metrics (in the "
        "record). '* Epoch (1/3) ' closes each epoch; with a SchedulerCallback (nobar) it carries the "
        "epoch scope, '* Epoch (1/4) lr: 0.01 | momentum: 0.9' (the learning rate after the "
        "scheduler's step, i.e. the next epoch's; series 'lr' and 'momentum', without a loader). "
        "'Top models:' "
        "then lists '/tmp/catalyst-.../checkpoints/model.0003.pth\\t0.2741': the best checkpoint and "
        "its valid loss (valid_metric='loss'), a last point of 'valid loss' at that epoch. Steps: "
        "per epoch (the record's step is the epoch); a bar point's step is Catalyst's "
        "runner.sample_step (samples seen, validation included), the step its TensorBoard logger "
        "gives batch metrics; the loader lines' step is null. Catalyst's UserWarning ('Converting a "
        "tensor with requires_grad=True to a scalar') is printed once on stderr. On the pty the bar "
        "is cut at 120 columns: only the postfix values it drew whole are points."
    ),
)
