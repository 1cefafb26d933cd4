"""RecTools' SASRecModel (verbose=1) on synthetic item sequences, then calc_metrics printed.

SASRecModel(verbose=1) builds its default Lightning Trainer with a progress bar, a model summary
and a logger; train_loss and val_loss are logged with prog_bar=True (a leave-one-out validation
mask), so the bar shows 'Epoch 2: 100%|...| 6/6 [...] v_num=0, val_loss=4.31, train_loss=4.45]'.
Then the script prints `calc_metrics(...)` (a dict: 'precision@10', 'recall@10', 'map@10',
'ndcg@10', 'mrr@10', 'hitrate@10') on the held-out last items, as RecTools' tutorials do.

Truth: Lightning's logger record: with no tensorboard installed the default logger=True is a
CSVLogger writing lightning_logs/version_0/metrics.csv (train_loss, val_loss per epoch with its
global step), and the dict calc_metrics returned.

Versions: RecTools 0.19.0, pytorch-lightning 2.5.2, torch 2.13.0+cpu, pandas 2.3.3, numpy 1.26.4,
Python 3.11 (venv /work/venvs/corpus-zAD-1: pip install torch==2.13.0, then
pip install "rectools[torch]"; no other torch). A few s of CPU.
Captures (repository root):
    python tests/corpus/scripts/capture.py pipe real_rectools_sasrec -- python tests/corpus/scripts/rectools_sasrec.py
    python tests/corpus/scripts/capture.py pty real_rectools_sasrec_pty -- python tests/corpus/scripts/rectools_sasrec.py
"""

import csv
import os
import shutil
import sys
import warnings
from importlib import metadata

import numpy as np
import pandas as pd
import torch
from rectools import Columns
from rectools.dataset import Dataset
from rectools.metrics import MAP, MRR, NDCG, HitRate, Precision, Recall, calc_metrics
from rectools.models import SASRecModel

sys.path.insert(0, os.path.dirname(__file__))

import _truth

warnings.filterwarnings("ignore")  # as the tutorials do
WORK = "/tmp/corpus-zAD/rectools"
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
os.chdir(WORK)
torch.manual_seed(0)
rng = np.random.default_rng(0)

# 400 users, 80 items: each user walks item -> item+1..item+3 (mod 80), 12 steps
USERS, ITEMS, LEN = 400, 80, 12
rows = []
t0 = pd.Timestamp("2024-01-01")
for u in range(USERS):
    item = int(rng.integers(ITEMS))
    for k in range(LEN):
        rows.append((u, item, 1.0, t0 + pd.Timedelta(days=k)))
        item = (item + int(rng.integers(1, 4))) % ITEMS
inter = pd.DataFrame(rows, columns=[Columns.User, Columns.Item, Columns.Weight, Columns.Datetime])
last = inter.groupby(Columns.User)[Columns.Datetime].transform("max") == inter[Columns.Datetime]
train, test = inter[~last], inter[last]


def leave_one_out_mask(interactions: pd.DataFrame) -> np.ndarray:
    rank = (
        interactions.sort_values(Columns.Datetime, ascending=False, kind="stable")
        .groupby(Columns.User, sort=False)
        .cumcount()
    )
    val_users = interactions[Columns.User].unique()[:100]
    return ((rank == 0) & interactions[Columns.User].isin(val_users)).values


dataset = Dataset.construct(train)
model = SASRecModel(
    n_factors=32,
    n_blocks=1,
    n_heads=2,
    session_max_len=10,
    epochs=4,
    batch_size=64,
    verbose=1,
    deterministic=True,
    get_val_mask_func=leave_one_out_mask,
)
model.fit(dataset)
reco = model.recommend(users=test[Columns.User].unique(), dataset=dataset, k=10, filter_viewed=True)
metrics = {
    "precision@10": Precision(k=10),
    "recall@10": Recall(k=10),
    "map@10": MAP(k=10),
    "ndcg@10": NDCG(k=10),
    "mrr@10": MRR(k=10),
    "hitrate@10": HitRate(k=10),
}
result = calc_metrics(metrics, reco, test)
print(result)

series = _truth.Series()
last_step = None
with open(os.path.join(WORK, "lightning_logs", "version_0", "metrics.csv")) as fh:
    csv_rows = list(csv.DictReader(fh))
for name in ("val_loss", "train_loss"):
    for r in csv_rows:
        if r.get(name):
            series.add(name, int(r["step"]), int(r["epoch"]), float(r[name]))
            last_step = int(r["step"])
last_epoch = int(csv_rows[-1]["epoch"])
for name, value in result.items():
    series.add(name, last_step, last_epoch, value)

_truth.write(
    library=f"RecTools {metadata.version('rectools')} (pytorch-lightning "
    f"{metadata.version('pytorch-lightning')}, torch {torch.__version__}, pandas {pd.__version__})",
    script="tests/corpus/scripts/rectools_sasrec.py",
    record="Lightning's CSVLogger metrics.csv (the default logger=True of SASRecModel(verbose=1)) "
    "and the dict calc_metrics returned",
    step_kind="global",
    series=series,
    extra_ok=["bar rate (it/s)"],
    not_printed=[],
    notes="Lightning's start lines ('GPU available: False', 'TPU available'), the model summary "
    "table ('  | Name        | Type     | Params | Mode', '0 | torch_model | ...', 'Trainable "
    "params', 'Total estimated model params size (MB)') are sizes, not metrics. The bar "
    "'Epoch 1: 100%|██████████| 6/6 [00:00<00:00, 40.1it/s, v_num=0, val_loss=4.310, "
    "train_loss=4.420]' shows val_loss (logged on validation end) and train_loss (epoch mean) "
    "with 3 decimals; v_num is the logger's version number (not a metric). The steps are "
    "Lightning's global steps at the epoch end as metrics.csv holds them; epochs are 0-based as "
    "the bar prints them. Then the printed dict "
    "\"{'precision@10': 0.05, 'recall@10': 0.5, ...}\" (full precision) placed at the last step.",
)
