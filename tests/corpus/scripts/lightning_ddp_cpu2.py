"""Lightning DDP on 2 CPU processes started by Lightning itself (`python script.py`, the
subprocess launcher re-runs the script for rank 1; no torchrun, no rank prefix on any line), no
progress bar, the model summary on.

--print rank0: values logged with sync_dist=True (averaged over the ranks) and printed once per
               epoch by LightningModule.print (rank 0 only): 'epoch 0 | step 8 | train_loss
               0.8123 | val_loss 0.7012 | val_acc 0.6875'.
--print all:   values logged without sync_dist (each rank's own) and printed by a Callback with
               print() on every rank, each line tagged with the rank the way users write it:
               '[rank 1] epoch 0: train_loss=0.8123 val_loss=0.7012 val_acc=0.6875'.

Truth: what was printed, as each rank read it from trainer.callback_metrics when printing (the
same values Lightning's CSVLogger writes on rank 0); each rank dumps its record to a file, rank 0
joins them after fit.  Rank 0's series under the printed names, rank 1's as 'rank1/<name>'.

Versions: lightning 2.6.6, torch 2.13.0+cpu, Python 3.11 (venv /work/venvs/corpus-zAP-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_lightning_ddp_cpu2_rank0 -- python tests/corpus/scripts/lightning_ddp_cpu2.py --print rank0
    python tests/corpus/scripts/capture.py pipe real_lightning_ddp_cpu2_allranks -- python tests/corpus/scripts/lightning_ddp_cpu2.py --print all
"""

import argparse
import json
import os
import sys
import warnings

import lightning as L
import torch
from lightning.pytorch.callbacks import Callback
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth

warnings.filterwarnings("ignore", ".*does not have many workers.*")
TMP = "/tmp/corpus-zAP"


class Net(L.LightningModule):
    def __init__(self, sync: bool, rank0_print: bool):
        super().__init__()
        self.sync = sync
        self.rank0_print = rank0_print
        self.net = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 3))
        self.record = []

    def _shared(self, batch):
        x, y = batch
        logits = self.net(x)
        return nn.functional.cross_entropy(logits, y), (logits.argmax(-1) == y).float().mean()

    def training_step(self, batch, batch_idx):
        loss, _ = self._shared(batch)
        self.log("train_loss", loss, on_step=False, on_epoch=True, sync_dist=self.sync)
        return loss

    def validation_step(self, batch, batch_idx):
        loss, acc = self._shared(batch)
        self.log("val_loss", loss, sync_dist=self.sync)
        self.log("val_acc", acc, sync_dist=self.sync)

    def on_train_epoch_end(self):
        if not self.rank0_print:
            return
        m = self.trainer.callback_metrics
        self.print(
            f"epoch {self.current_epoch} | step {self.global_step} | train_loss {m['train_loss']:.4f}"
            f" | val_loss {m['val_loss']:.4f} | val_acc {m['val_acc']:.4f}"
        )
        for k in ("train_loss", "val_loss", "val_acc"):
            if self.trainer.is_global_zero:  # self.print prints on rank 0 only
                self.record.append((k, self.global_step, self.current_epoch, m[k].item()))

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.3)


class RankPrint(Callback):
    """print() on every rank, tagged with the rank."""

    def __init__(self):
        self.record = []

    def on_train_epoch_end(self, trainer, pl_module):
        m = trainer.callback_metrics
        r = trainer.global_rank
        print(
            f"[rank {r}] epoch {trainer.current_epoch}: train_loss={m['train_loss']:.4f} "
            f"val_loss={m['val_loss']:.4f} val_acc={m['val_acc']:.4f}"
        )
        for k in ("train_loss", "val_loss", "val_acc"):
            name = k if r == 0 else f"rank{r}/{k}"
            self.record.append((name, trainer.global_step, trainer.current_epoch, m[k].item()))


def data(n, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 16, generator=g)
    w = torch.randn(16, 3, generator=torch.Generator().manual_seed(0))
    y = (x @ w + 0.5 * torch.randn(n, 3, generator=g)).argmax(-1)
    return TensorDataset(x, y)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--print", dest="mode", choices=["rank0", "all"], default="rank0")
    p.add_argument("--epochs", type=int, default=4)
    a = p.parse_args()
    L.seed_everything(7)
    train = DataLoader(data(512, 1), batch_size=32, shuffle=True)  # 16 batches, 8 per rank
    val = DataLoader(data(128, 2), batch_size=32)
    rank_print = RankPrint()
    model = Net(sync=a.mode == "rank0", rank0_print=a.mode == "rank0")
    trainer = L.Trainer(
        max_epochs=a.epochs,
        accelerator="cpu",
        devices=2,
        strategy="ddp",
        enable_progress_bar=False,
        enable_checkpointing=False,
        logger=L.pytorch.loggers.CSVLogger(f"{TMP}/pl_{a.mode}", name="run"),
        callbacks=[rank_print] if a.mode == "all" else [],
        log_every_n_steps=4,
    )
    trainer.fit(model, train, val)
    rank = trainer.global_rank
    with open(f"{TMP}/pl_{a.mode}_rank{rank}.json", "w") as fh:
        json.dump(model.record + rank_print.record, fh)
    trainer.strategy.barrier()
    if rank != 0:
        return
    series = _truth.Series()
    for r in range(trainer.world_size):
        with open(f"{TMP}/pl_{a.mode}_rank{r}.json") as fh:
            for name, step, epoch, value in json.load(fh):
                series.add(name, step, epoch, value)
    common = (
        "Lightning strategy='ddp', devices=2, accelerator='cpu', started as plain `python "
        "script.py` (Lightning's subprocess launcher starts rank 1 as a copy of the command; "
        "both write to the same console, no prefix). Lightning's own lines: 'Seed set to 7' (rank 1: '[rank: 1] Seed set to 7', Lightning's own rank tag), "
        "'GPU available: False, used: False', 'TPU available: False, using: 0 TPU cores' (counts), "
        "per rank 'Initializing distributed: GLOBAL_RANK: 1, MEMBER: 2/2' (rank and world size), "
        "'distributed_backend=gloo', 'All distributed processes registered. Starting with 2 "
        "processes' between '----' rules, the model summary table ('0 | net  | Sequential | 1.3 "
        "K  | train | 0', 'Trainable params', 'Total estimated model params size (MB)', 'Modules "
        "in train mode': counts and sizes, no metric) and '`Trainer.fit` stopped: "
        "`max_epochs=4` reached.' (a setting). The 512 training samples are sharded: 8 steps "
        "per epoch on each rank, step = trainer.global_step at the epoch's end (8, 16, …), epoch "
        "0-based as printed. "
    )
    if a.mode == "rank0":
        notes = common + (
            "Only rank 0 prints metrics (LightningModule.print): 'epoch 0 | step 8 | train_loss "
            "0.8123 | val_loss 0.7012 | val_acc 0.6875' - the values logged with sync_dist=True "
            "(the mean over both ranks); 'step 8' is the global step the values belong to "
            "(the x position, not a series)."
        )
    else:
        notes = common + (
            "A Callback print()s on every rank at each epoch's end, '[rank 0] epoch 0: "
            "train_loss=0.8123 val_loss=0.7012 val_acc=0.6875' and '[rank 1] epoch 0: …': each "
            "rank's OWN epoch means over its shard (sync_dist off), so the two ranks' values "
            "differ. Series: rank 0's as 'train_loss', 'val_loss', 'val_acc', rank 1's as "
            "'rank1/train_loss', … (the [rank 1] lines); never merged. Piped, print() is block-buffered: each "
            "rank's lines come as one lump when its process ends (rank 1's may come first), "
            "after Lightning's warnings 'It is recommended to use `self.log('val_loss', ..., "
            "sync_dist=True)` …' (no metric)."
        )
    _truth.write(
        library=f"lightning {L.__version__} (torch {torch.__version__}, DDP on 2 CPU processes, gloo)",
        script="tests/corpus/scripts/lightning_ddp_cpu2.py",
        record="trainer.callback_metrics as each rank read them when printing (rank 0's are "
        "what CSVLogger writes), one file per rank joined by rank 0",
        step_kind="global",
        series=series,
        notes=notes,
    )


if __name__ == "__main__":
    main()
