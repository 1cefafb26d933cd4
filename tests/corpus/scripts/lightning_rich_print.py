"""Lightning fit with RichProgressBar + RichModelSummary(max_depth=2) and the LightningModule's own
`self.print` of an epoch summary (printed through the rich bar's console), on synthetic data, CPU.

The metrics are logged with prog_bar=False (the bar shows only Lightning's 'v_num', a logger
version, not a metric); each epoch's summary is printed by the module:
    self.print(f"Epoch {self.current_epoch}: train_loss={...:.4f} val_loss={...:.4f} val_acc={...:.4f}")
from trainer.callback_metrics.

Truth: Lightning's CSVLogger metrics.csv (the epoch-level rows of train_loss_epoch, val_loss,
val_acc), asserted equal to the values self.print was handed.

Versions: lightning 2.6.6, torch 2.13.0+cpu, rich 15.0.0, Python 3.11 (venv corpus-zP-2).
Capture (repository root, venv corpus-zP-2):
    python tests/corpus/scripts/capture.py pipe real_lightning_rich_selfprint -- python tests/corpus/scripts/lightning_rich_print.py
    python tests/corpus/scripts/capture.py pty real_lightning_rich_selfprint_pty -- python tests/corpus/scripts/lightning_rich_print.py
"""

import csv
import glob
import os
import shutil
import sys
import tempfile
import warnings

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import lightning as L
import torch
from lightning.pytorch.callbacks import RichModelSummary, RichProgressBar
from lightning.pytorch.loggers import CSVLogger
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

warnings.filterwarnings("ignore", ".*does not have many workers.*")
warnings.filterwarnings("ignore", ".*LeafSpinner.*")

PRINTED = []  # (epoch, global_step, {name: value}) as self.print was handed them


class Net(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 3))

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = nn.functional.cross_entropy(self.net(x), y)
        self.log("train_loss", loss, on_step=True, on_epoch=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self.net(x)
        self.log("val_loss", nn.functional.cross_entropy(logits, y))
        self.log("val_acc", (logits.argmax(-1) == y).float().mean())

    def on_train_epoch_end(self):
        m = self.trainer.callback_metrics
        vals = {
            "train_loss": float(m["train_loss_epoch"]),
            "val_loss": float(m["val_loss"]),
            "val_acc": float(m["val_acc"]),
        }
        PRINTED.append((self.current_epoch, self.global_step, vals))
        self.print(
            f"Epoch {self.current_epoch}: train_loss={vals['train_loss']:.4f} "
            f"val_loss={vals['val_loss']:.4f} val_acc={vals['val_acc']:.4f}"
        )

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-2)


L.seed_everything(0, verbose=False)
g = torch.Generator().manual_seed(0)
w = torch.randn(16, 3, generator=g)
x = torch.randn(640, 16, generator=g)
y = (x @ w + 0.5 * torch.randn(640, 3, generator=g)).argmax(-1)
train = DataLoader(TensorDataset(x[:512], y[:512]), batch_size=32, shuffle=True, generator=g)
val = DataLoader(TensorDataset(x[512:], y[512:]), batch_size=64)

logdir = tempfile.mkdtemp(prefix="zP-pl-rich-")
trainer = L.Trainer(
    max_epochs=4,
    accelerator="cpu",
    devices=1,
    logger=CSVLogger(logdir, name="run"),
    callbacks=[RichProgressBar(), RichModelSummary(max_depth=2)],
    log_every_n_steps=4,
    enable_checkpointing=False,
)
trainer.fit(Net(), train, val)

rows = list(csv.DictReader(open(glob.glob(os.path.join(logdir, "run", "*", "metrics.csv"))[0])))
shutil.rmtree(logdir)

# ---- ground truth (written only under capture.py) ----
series = _truth.Series()
csv_name = {"train_loss": "train_loss_epoch", "val_loss": "val_loss", "val_acc": "val_acc"}
for epoch, gstep, vals in PRINTED:
    for name, value in vals.items():
        col = csv_name[name]
        rec = [
            float(r[col])
            for r in rows
            if r.get(col) and int(r["epoch"]) == epoch and int(r["step"]) == gstep - 1
        ]
        assert rec and abs(rec[0] - value) < 1e-6, (name, epoch, rec, value)
        series.add(name, gstep, epoch, rec[0])
_truth.write(
    library=f"lightning {L.__version__}, torch {torch.__version__}, rich "
    f"{__import__('importlib.metadata').metadata.version('rich')}",
    script="tests/corpus/scripts/lightning_rich_print.py",
    record="Lightning's CSVLogger metrics.csv epoch rows (train_loss_epoch, val_loss, val_acc), asserted "
    "equal to the values self.print was handed",
    step_kind="global",
    series=series,
    extra_ok=["the rich bar's throughput ('30.12it/s')"],
    not_printed=["train_loss_step (logged every 4 steps, never printed)"],
    notes=(
        "RichModelSummary(max_depth=2) prints a rich table first ('┃   ┃ Name  ┃ Type       ┃ Params ┃ Mode  "
        "┃ FLOPs ┃', rows '│ 0 │ net   │ Sequential │    643 │ train │     0 │', 'Trainable params: 643', "
        "'Total estimated model params size (MB): 0.003', 'Total FLOPs: 0'): parameter counts, sizes and "
        "FLOPs, not metrics. The RichProgressBar shows 'Epoch 3/3  ━━━━━━━━━━━━━━━━━━━━━━ 16/16 0:00:00 • "
        "0:00:00 19.04it/s v_num: 0.000' and, under a terminal, a 'Validation' bar: v_num is the logger's "
        "version, no metric; no metric is on the bar (prog_bar=False). After each epoch the module's "
        "self.print (through the bar's rich console): 'Epoch 0: train_loss=0.9371 val_loss=0.7152 "
        "val_acc=0.7266' (train_loss is the CSV's train_loss_epoch; epoch 0-based as Lightning counts "
        "it, while the bar says 'Epoch 3/3' for the last of 4). Step = the trainer's global_step after "
        "the epoch (16 batches per epoch; the CSV row holds global_step - 1). In a pipe rich holds the "
        "printed lines until the live bar stops: the four self.print lines come after "
        "'`Trainer.fit` stopped: `max_epochs=4` reached.', then the bar's final state once, unstyled; "
        "under a terminal the lines print above the bar, which is redrawn in place with colours. "
        "Lightning's own startup lines ('GPU available: False, used: False', a litlogger tip) and a "
        "pytree deprecation warning are not metrics."
    ),
)
