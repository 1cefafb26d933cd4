"""LightningCLI: Lightning's command-line runner, run as a user runs it (`fit` subcommand with
--print_config first to dump the YAML, then `fit` with a few overrides), default TQDM bars,
a CSVLogger beside the bar to keep Lightning's own record.

Versions: lightning 2.6.6, jsonargparse 4.53.0, torch 2.13.0+cpu, Python 3.11 (venv corpus-v-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_lightning_cli -- python tests/corpus/scripts/lightning_cli.py
    python tests/corpus/scripts/capture.py pty  real_lightning_cli_pty -- python tests/corpus/scripts/lightning_cli.py
(the script runs `fit --print_config` and then `fit` through LightningCLI in one process, so the
YAML dump and the training output are one console.)
Truth: the CSVLogger's metrics.csv (Lightning's own record of the logged values, log_every_n_steps=1
so every step the bar draws is in it): train_loss at every step, val_loss / val_acc per epoch.
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
import lightning
import lightning as L
import torch
from lightning.pytorch.cli import LightningCLI
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

warnings.filterwarnings("ignore", ".*does not have many workers.*")


class BoringClassifier(L.LightningModule):
    def __init__(self, hidden: int = 32, lr: float = 0.1):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(nn.Linear(16, hidden), nn.ReLU(), nn.Linear(hidden, 3))

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = nn.functional.cross_entropy(self.net(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self.net(x)
        self.log("val_loss", nn.functional.cross_entropy(logits, y), prog_bar=True)
        self.log("val_acc", (logits.argmax(-1) == y).float().mean(), prog_bar=True)

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=self.hparams.lr)


class SyntheticData(L.LightningDataModule):
    def __init__(self, batch_size: int = 32, n_train: int = 256):
        super().__init__()
        self.batch_size, self.n_train = batch_size, n_train

    def _ds(self, n, seed):
        g = torch.Generator().manual_seed(seed)
        x = torch.randn(n, 16, generator=g)
        w = torch.randn(16, 3, generator=torch.Generator().manual_seed(0))
        return TensorDataset(x, (x @ w + 0.5 * torch.randn(n, 3, generator=g)).argmax(-1))

    def train_dataloader(self):
        return DataLoader(self._ds(self.n_train, 1), batch_size=self.batch_size, shuffle=True)

    def val_dataloader(self):
        return DataLoader(self._ds(64, 2), batch_size=self.batch_size)


logdir = tempfile.mkdtemp(prefix="plcli-")
common = [
    "--seed_everything=7",
    "--trainer.max_epochs=3",
    "--trainer.accelerator=cpu",
    "--trainer.logger=lightning.pytorch.loggers.CSVLogger",
    f"--trainer.logger.save_dir={logdir}",
    "--trainer.enable_checkpointing=false",
    "--trainer.log_every_n_steps=1",
    "--model.lr=0.2",
]
try:
    LightningCLI(BoringClassifier, SyntheticData, args=["fit", "--print_config", *common])
except SystemExit:
    pass
LightningCLI(BoringClassifier, SyntheticData, args=["fit", *common])

(path,) = glob.glob(os.path.join(logdir, "lightning_logs", "version_*", "metrics.csv"))
with open(path) as fh:
    rows = list(csv.DictReader(fh))
shutil.rmtree(logdir, ignore_errors=True)
series = _truth.Series()
for row in rows:
    for k in ("train_loss", "val_loss", "val_acc"):
        if row.get(k):
            series.add(k, int(row["step"]), int(row["epoch"]), float(row[k]))
_truth.write(
    library=(
        f"lightning {lightning.__version__} (LightningCLI, jsonargparse "
        f"{__import__('importlib.metadata').metadata.version('jsonargparse')}), torch {torch.__version__}"
    ),
    script="tests/corpus/scripts/lightning_cli.py",
    record="Lightning's CSVLogger metrics.csv (log_every_n_steps=1)",
    step_kind="global",
    series=series,
    extra_ok=["it/s (the tqdm bar's rate)"],
    notes=(
        "Two LightningCLI runs in one console: first `fit --print_config ...` dumps the whole resolved YAML "
        "config (seed_everything: 7, trainer: max_epochs: 3, log_every_n_steps: 1, ..., model: hidden: 32, "
        "lr: 0.2, data: batch_size: 32, n_train: 256, optimizer/lr_scheduler null, ckpt_path: null) - all "
        "configuration, no metric (piped, Python's block-buffered stdout puts this YAML after the second "
        "run's stderr start-up lines and model summary; under the pty it comes first); then `fit` with the same "
        "overrides: 'Seed set to 7', the device lines, "
        "the model summary table (Name | Type | Params | Mode, '1.2 K Trainable params', 'Total estimated model "
        "params size (MB)' - sizes, not metrics), then Lightning's default TQDMProgressBar (refresh_rate=1) over "
        "3 epochs of 8 steps with postfix 'v_num=0, train_loss=0.988, val_loss=0.972, val_acc=0.562' (tqdm's 3 "
        "significant digits) and the nested 'Validation DataLoader 0' bar. metrics.csv counts steps from 0: the "
        "value drawn at bar position n/8 of 'Epoch e' is step e*8+n-1; each position is drawn twice (new count "
        "with the previous postfix, then the new train_loss). val_loss / val_acc sit at the epoch's last step "
        "and are repeated on every redraw of the next epoch (the same points). v_num is the logger's version, "
        "not a metric."
    ),
)
