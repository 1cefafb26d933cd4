"""RecBole's quick start, run_recbole(model='BPR', ...), on a tiny synthetic interaction set written
as RecBole atomic files (`<dataset>.inter`, no download), CPU.

Console (RecBole's own logger, colorlog; colours only under a terminal): the command line, the
whole configuration (settings), the dataset's statistics (counts, 'Average actions of users:
19.6', 'The sparsity of the dataset: 67.2%': statistics, no metrics), the model repr,
'Trainable parameters: 4288', 'FLOPs: ...', then per epoch

    epoch 0 training [time: 0.05s, train loss: 27.7213]
    epoch 0 evaluating [time: 0.01s, valid_score: 0.123400]
    valid result:
    recall@10 : 0.2131    mrr@10 : 0.1234    ndcg@10 : 0.1321    hit@10 : 0.2951    precision@10 : 0.0295

and at the end 'best valid : OrderedDict({'recall@10': 0.3, ...})' and 'test result: OrderedDict(...)'.

Truth: what RecBole's Trainer hands its (disabled) WandbLogger.log_metrics every epoch (the train
loss and the valid result dict: the library's own logging call, kept by a wrapper), and the
best_valid_result / test_result that run_recbole returns.

Versions: recbole 1.2.1, torch 2.13.0+cpu, numpy 1.26.4, Python 3.11 (venv /work/venvs/torch-d-rec:
torch==2.13.0, recbole, then "setuptools<81" "numpy<2" "pandas<2.3" "scipy<1.15" "scikit-learn<1.6":
RecBole imports ray 2.6.3, which needs pkg_resources and numpy 1). Seeds fixed (RecBole's seed=2020); a few s of CPU.
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_recbole_bpr -- python tests/corpus/scripts/recbole_bpr.py
    python tests/corpus/scripts/capture.py pty real_recbole_bpr_pty -- python tests/corpus/scripts/recbole_bpr.py
"""

import os
import shutil
import sys

import numpy as np
import recbole
import torch
from recbole.quick_start import run_recbole
from recbole.utils import wandblogger

sys.path.insert(0, os.path.dirname(__file__))

import _truth

WORK = "/tmp/corpus-d-recbole"
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(os.path.join(WORK, "data", "tiny"))
os.chdir(WORK)  # RecBole writes ./log, ./log_tensorboard and ./saved
# RecBole 1.2.1 reloads its best checkpoint with torch.load's old default (weights_only=False);
# torch >= 2.6 refuses that pickle unless told, the usual workaround for RecBole users
os.environ["TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"] = "1"

# 60 users, 80 items in 4 taste groups: a user mostly picks items of its group
rng = np.random.default_rng(0)
with open(os.path.join(WORK, "data", "tiny", "tiny.inter"), "w") as fh:
    fh.write("user_id:token\titem_id:token\trating:float\ttimestamp:float\n")
    t = 0
    for u in range(60):
        g = u % 4
        items = set()
        while len(items) < 20:
            i = g * 20 + rng.integers(20) if rng.random() < 0.8 else rng.integers(80)
            items.add(int(i))
        for i in sorted(items):
            t += 1
            fh.write(f"{u}\t{i}\t{1 + rng.integers(5)}\t{t}\n")

logged = []  # (head, metrics) as the trainer hands them to its WandbLogger
_log_metrics = wandblogger.WandbLogger.log_metrics


def log_metrics(self, metrics, head="train", commit=True):
    logged.append((head, dict(metrics)))
    return _log_metrics(self, metrics, head, commit)


wandblogger.WandbLogger.log_metrics = log_metrics

result = run_recbole(
    model="BPR",
    dataset="tiny",
    config_dict={
        "data_path": os.path.join(WORK, "data"),
        "epochs": 8,
        "learning_rate": 0.01,
        "train_batch_size": 256,
        "eval_step": 1,
        "stopping_step": 10,
        "embedding_size": 16,
        "metrics": ["Recall", "MRR", "NDCG", "Hit", "Precision"],
        "topk": [10],
        "valid_metric": "MRR@10",
        "device": "cpu",
        "use_gpu": False,
        "show_progress": False,
        "checkpoint_dir": os.path.join(WORK, "saved"),
    },
)

series = _truth.Series()
valid_idx = 0
epochs_valid = []
for head, metrics in logged:
    if head == "train":
        series.add("train loss", None, metrics["epoch"], metrics["train_loss"])
    else:
        epoch = [m["epoch"] for h, m in logged if h == "train"][metrics["valid_step"]]
        for k, v in metrics.items():
            if k != "valid_step":
                # the block's line holds only 'recall@10 : 0.1583    mrr@10 : ...' (its label
                # 'valid result: ' ends the line before): named as its line prints it
                series.add(k, None, epoch, v)
        # valid_score is the valid_metric's value (MRR@10), printed on the 'evaluating' line
        series.add("valid_score", None, epoch, metrics["mrr@10"])
for k, v in result["best_valid_result"].items():
    series.add(f"best valid {k}", None, None, v)
for k, v in result["test_result"].items():
    series.add(f"test result {k}", None, None, v)
_truth.write(
    library=f"recbole {recbole.__version__} (torch {torch.__version__}, numpy {np.__version__})",
    script="tests/corpus/scripts/recbole_bpr.py",
    record="the metrics RecBole's Trainer hands its WandbLogger.log_metrics each epoch (train loss, "
    "valid result) and run_recbole()'s returned best_valid_result / test_result",
    step_kind="epoch",
    series=series,
    extra_ok=["time (duration in seconds)"],
    not_printed=[],
    notes="RecBole's logger lines are '<date> INFO  message' (colorlog; the timestamp column as "
    "RecBole formats it). Before training: the configuration ('learning_rate = 0.01', "
    "'train_batch_size = 256', 'seed = 2020', 'topk = [10]' ...), dataset statistics ('The number of "
    "users: 61', 'Average actions of users: 20.0', 'The sparsity of the dataset: 75.0%'), the model "
    "repr, 'Trainable parameters: 2256' and 'FLOPs: ...' - settings and counts, no metrics. Each "
    "epoch (0-based as printed): 'epoch 0 training [time: 0.05s, train loss: 27.7213]', 'epoch 0 "
    "evaluating [time: 0.01s, valid_score: 0.123400]' (valid_score = the valid_metric MRR@10, "
    "printed %f), 'valid result: ' then on the next line 'recall@10 : 0.2131    mrr@10 : ...' (four "
    "decimals); times are durations. RecBole also logs 'Saving current: saved/BPR-...pth' at an "
    "improvement. At the end 'best valid : OrderedDict(...)' (the best epoch's valid result again) "
    "and 'test result: OrderedDict(...)', full-precision floats. Series are named by the block's "
    "label and the metric where both are on one line ('best valid mrr@10', 'test result mrr@10'); "
    "the per-epoch valid block's metrics by the name their own line prints ('mrr@10'), the "
    "'valid result: ' label being the line before.",
)
