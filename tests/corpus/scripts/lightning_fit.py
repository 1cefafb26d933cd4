# Lightning fit + validate each epoch + test, on synthetic data, for the console corpus.
# lightning 2.6.6, torch 2.13.0+cpu, tqdm 4.70.1, rich 15.0.0 (venv: torch==2.13.0 + lightning).
# Captures (from the repo root):
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_lightning_tqdm_stepepoch.txt -- \
#       python tests/corpus/scripts/lightning_fit.py --bar tqdm --step-epoch --logdir /tmp/pl_tqdm
#   (pty: the same with `pty` and real_lightning_tqdm_stepepoch_pty.txt, --logdir /tmp/pl_tqdm_pty)
#   ... --bar rich --logdir /tmp/pl_rich            -> real_lightning_richbar(_pty)
#   ... --bar none --logdir /tmp/pl_none            -> real_lightning_nobar_csv (a user callback prints per epoch)
#   ... --bar tqdm --callbacks --epochs 8 --logdir /tmp/pl_cb  -> real_lightning_ckpt_es(_pty, --logdir /tmp/pl_cb_pty)
#       (ModelCheckpoint(monitor="val_loss", verbose=True), EarlyStopping(monitor="val_loss", verbose=True),
#        LearningRateMonitor; venv /work/venvs/torch-e)
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_lightning_ddp_torchrun.txt -- \
#       torchrun --nproc_per_node=2 --tee 3 tests/corpus/scripts/lightning_fit.py --bar tqdm --ddp --logdir /tmp/pl_ddp
# Truth: the CSVLogger's metrics.csv under --logdir (build_truth_torch.py lightning ...).
import argparse
import warnings

import lightning as L
import torch
from lightning.pytorch.callbacks import (
    Callback,
    EarlyStopping,
    LearningRateMonitor,
    ModelCheckpoint,
    RichProgressBar,
    TQDMProgressBar,
)
from lightning.pytorch.loggers import CSVLogger
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

warnings.filterwarnings("ignore", ".*does not have many workers.*")


class Net(L.LightningModule):
    def __init__(self, step_epoch: bool, callbacks: bool = False):
        super().__init__()
        self.step_epoch = step_epoch
        self.callbacks = callbacks
        self.net = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 3))

    def _shared(self, batch):
        x, y = batch
        logits = self.net(x)
        loss = nn.functional.cross_entropy(logits, y)
        acc = (logits.argmax(-1) == y).float().mean()
        return loss, acc

    def training_step(self, batch, batch_idx):
        loss, acc = self._shared(batch)
        if self.step_epoch:
            self.log("train_loss", loss, on_step=True, on_epoch=True, prog_bar=True)
        else:
            self.log("train_loss", loss, prog_bar=True)
        self.log("train_acc", acc, on_step=False, on_epoch=True, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        loss, acc = self._shared(batch)
        self.log("val_loss", loss, prog_bar=True)
        self.log("val_acc", acc, prog_bar=True)

    def test_step(self, batch, batch_idx):
        loss, acc = self._shared(batch)
        self.log("test_loss", loss)
        self.log("test_acc", acc)

    def configure_optimizers(self):
        opt = torch.optim.SGD(self.parameters(), lr=0.5)
        if not self.callbacks:
            return opt
        sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
        return {"optimizer": opt, "lr_scheduler": sched}


class PrintEpoch(Callback):
    """What many users add when the bar is off: one line per epoch from callback_metrics."""

    def on_validation_epoch_end(self, trainer, pl_module):
        if trainer.sanity_checking:
            return
        m = trainer.callback_metrics
        print(
            f"Epoch {trainer.current_epoch}: val_loss={m['val_loss']:.4f} val_acc={m['val_acc']:.4f}"
        )

    def on_train_epoch_end(self, trainer, pl_module):
        m = trainer.callback_metrics
        print(
            f"Epoch {trainer.current_epoch}: train_loss={m['train_loss']:.4f} train_acc={m['train_acc']:.4f}"
        )


def data(n, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 16, generator=g)
    w = torch.randn(16, 3, generator=torch.Generator().manual_seed(0))
    y = (x @ w + 0.5 * torch.randn(n, 3, generator=g)).argmax(-1)
    return TensorDataset(x, y)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bar", choices=["tqdm", "rich", "none"], default="tqdm")
    p.add_argument("--step-epoch", action="store_true")
    p.add_argument("--logdir", required=True)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument(
        "--callbacks",
        action="store_true",
        help="ModelCheckpoint + EarlyStopping (verbose) + LearningRateMonitor on val_loss",
    )
    p.add_argument("--ddp", action="store_true", help="2 CPU processes (launch under torchrun)")
    a = p.parse_args()
    L.seed_everything(7)
    train = DataLoader(data(256, 1), batch_size=32, shuffle=True)  # 8 steps per epoch
    val = DataLoader(data(64, 2), batch_size=32)
    test = DataLoader(data(64, 3), batch_size=32)
    callbacks = []
    kw = {}
    if a.bar == "tqdm":
        callbacks.append(TQDMProgressBar(refresh_rate=1))
        kw["log_every_n_steps"] = 1
    elif a.bar == "rich":
        callbacks.append(RichProgressBar(refresh_rate=1))
        kw["log_every_n_steps"] = 1
    else:
        callbacks.append(PrintEpoch())
        kw["enable_progress_bar"] = False
        kw["log_every_n_steps"] = 4
    if a.callbacks:
        callbacks += [
            ModelCheckpoint(monitor="val_loss", verbose=True),
            EarlyStopping(monitor="val_loss", min_delta=0.02, patience=1, verbose=True),
            LearningRateMonitor(logging_interval="epoch"),
        ]
    if a.ddp:
        kw.update(strategy="ddp", devices=2)
    trainer = L.Trainer(
        max_epochs=a.epochs,
        accelerator="cpu",
        logger=CSVLogger(a.logdir, name="run"),
        callbacks=callbacks,
        enable_checkpointing=a.callbacks,
        enable_model_summary=True,
        **kw,
    )
    model = Net(a.step_epoch, a.callbacks)
    trainer.fit(model, train, val)
    trainer.test(model, test)


if __name__ == "__main__":
    main()
