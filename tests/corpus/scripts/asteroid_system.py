"""asteroid (speech source separation) trained the way its recipes do it: a small ConvTasNet
wrapped in asteroid.engine.System with a PIT SI-SDR loss (PITLossWrapper(pairwise_neg_sisdr,
pit_from="pw_mtx")), fitted by a pytorch_lightning Trainer with the recipes' callbacks
(ModelCheckpoint(monitor="val_loss", verbose=True), EarlyStopping(monitor="val_loss",
verbose=True)) and the recipes' habit of pprint-ing the conf dict first. Data: synthetic
two-speaker "mixtures" (sums of two random chirps + noise, 8 kHz, 0.5 s), nothing downloaded.
System logs "loss" per step (logger only, not on the bar) and "val_loss" per epoch (prog_bar).

Truth: Lightning's CSVLogger metrics.csv (val_loss per epoch, with the global step Lightning
logs it at).

Versions: asteroid 0.7.0, pytorch-lightning 2.6.6, torch 2.9.1 (+ torchaudio 2.9.1), Python 3.11.
Environment: /work/venvs/corpus-zBD-2 (`pip install torch==2.9.1`, then `pip install
torch==2.9.1 'torchaudio==2.9.*' numpy tqdm`, then `pip install asteroid`).
Capture (repository root):
    OMP_NUM_THREADS=1 python tests/corpus/scripts/capture.py pipe real_asteroid_system -- python tests/corpus/scripts/asteroid_system.py /tmp/zBD/ast_pipe
    OMP_NUM_THREADS=1 python tests/corpus/scripts/capture.py pty real_asteroid_system_pty -- python tests/corpus/scripts/asteroid_system.py /tmp/zBD/ast_pty
    OMP_NUM_THREADS=1 python tests/corpus/scripts/capture.py pty real_asteroid_system_rich_pty -- python tests/corpus/scripts/asteroid_system.py /tmp/zBD/ast_rich --rich
(--rich adds Lightning's RichProgressBar callback, rich 15.0.0, and a rich model summary table.)
"""

import csv
import math
import os
import shutil
import sys
from importlib import metadata
from pprint import pprint

import numpy as np
import pytorch_lightning as pl
import torch
from pytorch_lightning.callbacks import EarlyStopping, ModelCheckpoint
from pytorch_lightning.loggers import CSVLogger
from torch.utils.data import DataLoader, Dataset

from asteroid.engine.system import System
from asteroid.losses import PITLossWrapper, pairwise_neg_sisdr
from asteroid.models import ConvTasNet

sys.path.insert(0, os.path.dirname(__file__))
import _truth  # noqa: E402

WORK = sys.argv[1]
RICH = "--rich" in sys.argv[2:]
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)

conf = {
    "data": {"sample_rate": 8000, "segment": 0.5, "n_src": 2, "n_train": 48, "n_valid": 16},
    "filterbank": {"n_filters": 32, "kernel_size": 16, "stride": 8},
    "masknet": {"n_blocks": 2, "n_repeats": 1, "bn_chan": 16, "hid_chan": 32, "skip_chan": 16},
    "training": {"epochs": 6, "batch_size": 8, "num_workers": 0, "early_stop": True},
    "optim": {"optimizer": "adam", "lr": 0.003, "weight_decay": 0.0},
}
pprint(conf)
pl.seed_everything(17)


class ToyMixtures(Dataset):
    def __init__(self, n, seed):
        rng = np.random.default_rng(seed)
        sr, seg = conf["data"]["sample_rate"], conf["data"]["segment"]
        t = np.arange(int(sr * seg)) / sr
        self.items = []
        for _ in range(n):
            srcs = []
            for _ in range(2):
                f0, f1 = rng.uniform(100, 1500, 2)
                s = np.sin(2 * np.pi * (f0 * t + 0.5 * (f1 - f0) * t**2 / seg))
                s *= rng.uniform(0.3, 1.0) * np.hanning(len(t)) ** 0.25
                srcs.append(s)
            srcs = np.stack(srcs).astype(np.float32)
            mix = srcs.sum(0) + 0.01 * rng.standard_normal(len(t)).astype(np.float32)
            self.items.append((torch.from_numpy(mix), torch.from_numpy(srcs)))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


train_set = ToyMixtures(conf["data"]["n_train"], 0)
val_set = ToyMixtures(conf["data"]["n_valid"], 1)
bs = conf["training"]["batch_size"]
train_loader = DataLoader(train_set, batch_size=bs, shuffle=True, drop_last=True)
val_loader = DataLoader(val_set, batch_size=bs)

model = ConvTasNet(n_src=2, sample_rate=8000, **conf["filterbank"], **conf["masknet"])
optimizer = torch.optim.Adam(model.parameters(), lr=conf["optim"]["lr"])
loss_func = PITLossWrapper(pairwise_neg_sisdr, pit_from="pw_mtx")
system = System(
    model=model, loss_func=loss_func, optimizer=optimizer,
    train_loader=train_loader, val_loader=val_loader, config=conf,
)
callbacks = [
    ModelCheckpoint(dirpath=os.path.join(WORK, "checkpoints"), monitor="val_loss", mode="min",
                    save_top_k=2, verbose=True),
]
if RICH:
    from pytorch_lightning.callbacks import RichProgressBar

    callbacks.append(RichProgressBar())
if conf["training"]["early_stop"]:
    callbacks.append(EarlyStopping(monitor="val_loss", mode="min", patience=10, verbose=True))
logger = CSVLogger(WORK, name="logs")
trainer = pl.Trainer(
    max_epochs=conf["training"]["epochs"], callbacks=callbacks, default_root_dir=WORK,
    accelerator="cpu", devices=1, logger=logger, gradient_clip_val=5.0,
    log_every_n_steps=2,
)
trainer.fit(system)
best_k = {k: v.item() for k, v in callbacks[0].best_k_models.items()}
print("Best models:")
pprint(best_k)

series = _truth.Series()
with open(os.path.join(logger.log_dir, "metrics.csv")) as fh:
    rows = list(csv.DictReader(fh))
for r in rows:
    if r.get("val_loss"):
        series.add("val_loss", int(r["step"]), int(r["epoch"]), float(r["val_loss"]))

_truth.write(
    library=(f"asteroid {metadata.version('asteroid')} (pytorch-lightning "
             f"{metadata.version('pytorch-lightning')}, torch {torch.__version__})"),
    script="tests/corpus/scripts/asteroid_system.py",
    record="Lightning's CSVLogger metrics.csv written during asteroid's System fit",
    step_kind="global",
    series=series,
    extra_ok=[
        "New best score (EarlyStopping's verbose line: the epoch's val_loss again, 3 decimals)",
        "it/s of the tqdm bar",
    ],
    not_printed=["loss (System logs the per-step training loss to the logger only)"],
    notes=(
        ("RichProgressBar variant: the bar is rich's ('Epoch 2/5 ━━━━ 6/6 0:00:01 • 0:00:00 "
         "5.12it/s v_num: 0 val_loss: -1.234') and the model summary a rich table; the rest "
         "as below. " if RICH else "") +
        "Recipe-style asteroid run: pprint of the conf dict (sizes, lr 0.003, seeds: settings), "
        "'Seed set to 17', Lightning's banner and model summary table (parameter counts), a "
        "tqdm bar per epoch 'Epoch 0: 100%|...| 6/6 [...]' with 'v_num=0' and, from the end of "
        "the first validation on, 'val_loss=-1.23' (3 significant digits). ModelCheckpoint "
        "verbose: \"Epoch 0, global step 6: 'val_loss' reached -1.23456 (best -1.23456), saving "
        "model to '.../epoch=0-step=6.ckpt' as top 2\" (the epoch=/step= in the file name are "
        "counters); EarlyStopping verbose: 'Metric val_loss improved. New best score: -1.235' "
        "and 'Metric val_loss improved by 0.123 >= min_delta = 0.0. New best score: -1.358' "
        "(the improvement and min_delta are differences/settings, not series values). At the "
        "end the script pprints trainer best_k_models: {checkpoint path: val_loss}, the same "
        "values. val_loss is a negative SI-SDR (dB), so it is negative and falling."
    ),
)
