"""torch-rechub's MTLTrainer (MMOE, two classification tasks: click and buy) on a synthetic table,
as its multi-task tutorial (run_ali_ccp_multi_task.py) runs it: trainer.fit() prints per epoch

    train: 100%|██████████| 25/25 [00:00<00:00, 98.10it/s]
    train loss:  {'task_0:': np.float64(0.6712...), 'task_1:': np.float64(0.5803...)}
    Current lr : 0.002
    validation: 100%|██████████| 4/4 [00:00<00:00, 402.12it/s]
    epoch: 0 validation scores:  [0.7012..., 0.6543...]

(the losses a dict repr of numpy floats, the per-task validation AUCs an unnamed list), then the
tutorial's `print(f'test auc: {auc}')` of trainer.evaluate() on the test loader (a list too).

Truth: what MTLTrainer hands its model_logger (BaseLogger.log_metrics per epoch:
train/task_i_loss, val/task_i_score, learning_rate) and evaluate()'s return.

Versions: torch-rechub 0.9.0, tqdm 4.70.1, torch 2.13.0+cpu, numpy 2.4.6, Python 3.11 (venv
/work/venvs/corpus-zAM-1: pip install torch==2.13.0, then pip install torchkge fuxictr
torch-rechub; no other torch). Captures (repository root), a few s of CPU:
    python tests/corpus/scripts/capture.py pipe real_rechub_mtl -- python tests/corpus/scripts/rechub_mtl.py
    python tests/corpus/scripts/capture.py pty real_rechub_mtl_pty -- python tests/corpus/scripts/rechub_mtl.py
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
from torch_rechub.models.multi_task import MMOE
from torch_rechub.trainers import MTLTrainer
from torch_rechub.utils.data import DataGenerator

sys.path.insert(0, os.path.dirname(__file__))

import _truth

WORK = "/tmp/corpus-zAM/rechub"
os.makedirs(WORK, exist_ok=True)
torch.manual_seed(0)
rng = np.random.RandomState(0)

# a click table: 4 categorical ids, 3 dense features, the click depends on a few of them
n = 2000
df = pd.DataFrame({f"C{i}": rng.randint(0, 20, n) for i in range(4)})
for i in range(3):
    df[f"I{i}"] = rng.rand(n)
score = 1.5 * df.I0 - 1.2 * df.I1 + 0.08 * (df.C0 % 5) - 0.1 * (df.C1 % 3) + rng.normal(0, 0.5, n)
click = (score > score.median()).astype(np.float32).values
buy = ((score + rng.normal(0, 0.5, n)) > np.quantile(score, 0.75)).astype(np.float32).values
y = np.stack([click, buy], axis=1)
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


record = Record()
model = MMOE(
    features=dense_feas + sparse_feas,
    task_types=["classification", "classification"],
    n_expert=3,
    expert_params={"dims": [16]},
    tower_params_list=[{"dims": [8]}, {"dims": [8]}],
)
trainer = MTLTrainer(
    model,
    task_types=["classification", "classification"],
    optimizer_params={"lr": 2e-3, "weight_decay": 1e-5},
    scheduler_fn=torch.optim.lr_scheduler.StepLR,
    scheduler_params={"step_size": 2, "gamma": 0.8},
    n_epoch=5,
    earlystop_patience=3,
    device="cpu",
    model_path=WORK,
    model_logger=record,
)
trainer.fit(train_dl, val_dl)
auc = trainer.evaluate(trainer.model, test_dl)
print(f"test auc: {auc}")

series = _truth.Series()
printed_lr = set(range(0, 5, 2))  # 'Current lr' is printed when epoch % step_size == 0
for step, m in record.metrics:
    for t in range(2):
        series.add(f"train loss/task_{t}", step, step, m[f"train/task_{t}_loss"])
    if step in printed_lr:
        series.add("Current lr", step, step, m["learning_rate"])
    for t in range(2):
        series.add(f"validation scores[{t}]", step, step, m[f"val/task_{t}_score"])
for t, v in enumerate(auc):
    series.add(f"test auc[{t}]", None, None, v)

_truth.write(
    library=f"torch-rechub {metadata.version('torch-rechub')} (tqdm {tqdm.__version__}, torch "
    f"{torch.__version__}, numpy {np.__version__})",
    script="tests/corpus/scripts/rechub_mtl.py",
    record="what MTLTrainer hands its model_logger (BaseLogger.log_metrics per epoch: "
    "train/task_i_loss, val/task_i_score, learning_rate) and trainer.evaluate()'s return",
    step_kind="epoch",
    series=series,
    extra_ok=["the bars' rates (it/s) and elapsed/remaining times"],
    not_printed=["auc (the logger's copy of validation scores[0], the early-stop task's score)"],
    notes="Per epoch (0-based as printed by 'epoch: 0'): a tqdm 'train' bar with no postfix "
    "(counts of batches, rate), then 'train loss:  {'task_0:': np.float64(0.67...), 'task_1:': "
    "np.float64(0.58...)}' - the dict repr of the per-task mean training losses (keys 'task_0:' "
    "with the colon inside the quotes; series 'train loss/task_0', 'train loss/task_1' at that epoch: the label before the dict names it), 'Current lr : "
    "0.002' on epochs where epoch % step_size (2) == 0 (the StepLR's lr before its step), a "
    "'validation' bar, then 'epoch: 0 validation scores:  [0.70..., 0.65...]': an unnamed list "
    "of the per-task validation AUCs (series 'validation scores[0]' / '[1]', the list position "
    "being the task). The last line 'test auc: [0.7..., 0.6...]' is the tutorial's print of "
    "evaluate() on the test loader (series 'test auc[0]', 'test auc[1]', no step). The "
    "features: 4 categorical ids (vocab 20), 3 dense; 2000 rows (not printed).",
)
