"""torch-rechub's CTRTrainer (DeepFM) on a synthetic click table, as its ranking tutorials run it:
trainer.fit() prints

    epoch: 0
    train: 100%|██████████| 25/25 [00:00<00:00, 120.93it/s, loss=0.681]
    Current lr : 0.002
    validation: 100%|██████████| 4/4 [00:00<00:00, 417.05it/s]
    epoch: 0 validation: auc: 0.6519

and, with the tutorial's last lines, `print(f'test auc: {auc}')` after trainer.evaluate() on the
test loader. A small earlystop_patience makes it stop early ('validation: best auc: 0.7...').

Truth: the values torch-rechub itself hands out: a model_logger (its BaseLogger interface:
log_metrics receives {'val/auc': auc} per epoch and {'train/loss', 'learning_rate'}), the
early stopper's best_auc, the evaluate() return, and the keyword arguments the trainer hands
its tqdm bar's set_postfix (the mean loss of the last log_interval batches, full precision;
torch-rechub keeps no other record of it): recorded by wrapping tqdm.tqdm.set_postfix.

Versions: torch-rechub 0.9.0, tqdm 4.70.1, torch 2.13.0+cpu, numpy 2.4.6, Python 3.11 (venv
/work/venvs/corpus-zI-1: pip install torch==2.13.0, then pip install torch-rechub; no other torch).
Captures (repository root), a few s of CPU:
    python tests/corpus/scripts/capture.py pipe real_rechub_ctr -- python tests/corpus/scripts/rechub_ctr.py
    python tests/corpus/scripts/capture.py pty real_rechub_ctr_pty -- python tests/corpus/scripts/rechub_ctr.py
"""

import os
import sys
from importlib import metadata

import numpy as np
import pandas as pd
import torch
import tqdm
from torch_rechub.basic.features import DenseFeature, SparseFeature
from torch_rechub.basic.tracking import BaseLogger
from torch_rechub.models.ranking import DeepFM
from torch_rechub.trainers import CTRTrainer
from torch_rechub.utils.data import DataGenerator

sys.path.insert(0, os.path.dirname(__file__))

import _truth

WORK = "/tmp/corpus-zI/rechub"
os.makedirs(WORK, exist_ok=True)
torch.manual_seed(0)
rng = np.random.RandomState(0)

# a click table: 4 categorical ids, 3 dense features, the click depends on a few of them
n = 2000
df = pd.DataFrame({f"C{i}": rng.randint(0, 20, n) for i in range(4)})
for i in range(3):
    df[f"I{i}"] = rng.rand(n)
score = 1.5 * df.I0 - 1.2 * df.I1 + 0.08 * (df.C0 % 5) - 0.1 * (df.C1 % 3) + rng.normal(0, 0.5, n)
y = (score > score.median()).astype(np.float32).values
sparse = [f"C{i}" for i in range(4)]
dense = [f"I{i}" for i in range(3)]
dense_feas = [DenseFeature(c) for c in dense]
sparse_feas = [SparseFeature(c, vocab_size=20, embed_dim=8) for c in sparse]
x = {c: df[c].values for c in sparse + dense}
dg = DataGenerator(x, y)
train_dl, val_dl, test_dl = dg.generate_dataloader(split_ratio=[0.7, 0.1], batch_size=56)


class Record(BaseLogger):
    """torch-rechub's logger interface: what the trainer hands its model_logger."""

    def __init__(self):
        self.metrics = []

    def log_metrics(self, metrics, step=None):
        self.metrics.append((step, dict(metrics)))

    def log_hyperparams(self, params):
        pass

    def finish(self):
        pass


postfix = []
_set_postfix = tqdm.tqdm.set_postfix


def recording_set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    postfix.append((self.desc, id(self), dict(kwargs)))
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


tqdm.tqdm.set_postfix = recording_set_postfix

record = Record()
model = DeepFM(
    deep_features=dense_feas + sparse_feas,
    fm_features=sparse_feas,
    mlp_params={"dims": [32, 16], "dropout": 0.2, "activation": "relu"},
)
trainer = CTRTrainer(
    model,
    optimizer_params={"lr": 2e-3, "weight_decay": 1e-5},
    scheduler_fn=torch.optim.lr_scheduler.StepLR,
    scheduler_params={"step_size": 2, "gamma": 0.8},
    n_epoch=8,
    earlystop_patience=2,
    device="cpu",
    model_path=WORK,
    model_logger=record,
)
trainer.fit(train_dl, val_dl)
auc = trainer.evaluate(trainer.model, test_dl)
print(f"test auc: {auc}")

series = _truth.Series()
# the bar's postfix: each epoch draws a new 'train' bar; its epoch is the order of the bars
bars: list[int] = []
for desc, bar, kw in postfix:
    if desc != "train":
        continue
    if bar not in bars:
        bars.append(bar)
    series.add("loss", None, len(bars) - 1, kw["loss"])
printed_lr = set(range(0, 8, 2))  # 'Current lr' is printed when epoch % step_size == 0
for step, m in record.metrics:
    if "val/auc" in m:
        series.add("validation: auc", step, step, m["val/auc"])
    elif step in printed_lr:
        series.add("Current lr", step, step, m["learning_rate"])
stopped = len([1 for _, m in record.metrics if "val/auc" in m]) < 8
if stopped:
    series.add("validation: best auc", None, None, trainer.early_stopper.best_auc)
series.add("test auc", None, None, auc)

_truth.write(
    library=f"torch-rechub {metadata.version('torch-rechub')} (tqdm {tqdm.__version__}, torch "
    f"{torch.__version__})",
    script="tests/corpus/scripts/rechub_ctr.py",
    record="what CTRTrainer hands its model_logger (BaseLogger.log_metrics: val/auc, learning_rate "
    "per epoch), trainer.early_stopper.best_auc, trainer.evaluate()'s return, and the keyword "
    "arguments it hands the train bar's set_postfix (loss)",
    step_kind="epoch",
    series=series,
    extra_ok=["the bars' rates (it/s) and elapsed/remaining times"],
    not_printed=[
        "train/loss (the epoch's mean training loss, logged to model_logger, never printed)"
    ],
    notes="Per epoch: 'epoch: 0' (the 0-based epoch), a tqdm bar 'train: 100%|██████████| 25/25 "
    "[00:00<00:00, 120.93it/s, loss=0.681]' (desc 'train', mininterval 1 s, so a pipe gets few "
    "redraws; loss is the mean of the last 10 batches, set every 10 batches: the series 'loss' "
    "holds every value set, several per epoch, though a redraw may show only some of them), "
    "'Current lr : 0.002' on epochs where epoch % step_size (2) == 0 (the StepLR's lr before its "
    "step, series 'Current lr'), a 'validation: 100%|...| 4/4 [...]' bar without postfix, then "
    "'epoch: 0 validation: auc: 0.6519...' (print() of a float: full repr; series 'validation: "
    "auc' at that epoch). Early stopping (patience 2) prints 'validation: best auc: 0.7...' "
    "(series 'validation: best auc', no epoch). The script's own last line 'test auc: 0.7...' "
    "is the tutorial's print of trainer.evaluate() on the test loader (series 'test auc').",
)
