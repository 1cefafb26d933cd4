"""torchdistill: knowledge distillation (Hinton KD) of a small MLP student from an MLP teacher on
synthetic 10-class data, run the way torchdistill's examples/torchvision/image_classification.py
runs it: a DistillationBox built from a train config (KDLoss inside WeightedSumLoss, SGD,
MultiStepLR), train_one_epoch through torchdistill's MetricLogger.log_every, evaluate() with its
' * Acc@1 …\tAcc@5 …' line, all through torchdistill's logging format (set_basic_log_config):

    2026/12/07 20:50:01	INFO	torchdistill.misc.log	Epoch: [0]  [ 0/16]  eta: 0:00:00  lr: 0.1  img/s: 5042.1…  loss: 1.1514 (1.1514)  time: 0.0123  data: 0.0010
    2026/12/07 20:50:01	INFO	__main__	 * Acc@1 41.2500	Acc@5 85.0000

Modes:
    kd       teacher trained first by a plain loop (log_freq 8), then KD for 4 epochs (log_freq 5).
    kd_ce    WeightedSumLoss of KD (alpha 1.0) and a CrossEntropyLoss sub-term (SimpleLossWrapper,
             weight 0.7), log_freq 10; the box logs 'Loss = 1.0 * KDLoss(...) + 0.7 * CrossEntropyLoss()'.

Truth: torchdistill's own SmoothedValue meters where log_every prints them (a tracker object
handed to MetricLogger(tracker=...) is called at every printed line; it reads the meters'
median/global_avg, which the line prints as 'loss: median (global_avg)'; lr as value), and the
acc1/acc5 meters (same hook in evaluate(), and their global_avg that ' * Acc@1' logs).

Versions: torchdistill 1.1.5, torch 2.14.1+cu130 (the wheel on local disk; runs on CPU), torchvision 0.29.1, Python 3.11. Seeds fixed; a few
s of CPU. Capture (repository root, venv /work/venvs/corpus-zBA-2):
    python tests/corpus/scripts/capture.py pipe real_torchdistill_kd -- python tests/corpus/scripts/torchdistill_kd.py kd
    python tests/corpus/scripts/capture.py pty real_torchdistill_kd_pty -- python tests/corpus/scripts/torchdistill_kd.py kd
    python tests/corpus/scripts/capture.py pipe real_torchdistill_kd_ce -- python tests/corpus/scripts/torchdistill_kd.py kd_ce
"""

import logging
import os
import sys
import time
from importlib import metadata

import torch
from torch import nn
from torch.utils.data import RandomSampler, SequentialSampler, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from torchdistill.common.main_util import set_seed
from torchdistill.core.distillation import get_distillation_box
from torchdistill.misc.log import MetricLogger, SmoothedValue, set_basic_log_config

mode = sys.argv[1]
assert mode in ("kd", "kd_ce")
set_basic_log_config()
logger = logging.getLogger(__name__)
set_seed(7)
S = _truth.Series()
D, C = 24, 10
W = torch.randn(D, C)
Xtr = torch.randn(1024, D)
ytr = (Xtr @ W + 0.8 * torch.randn(1024, C)).argmax(1)
Xva = torch.randn(320, D)
yva = (Xva @ W + 0.8 * torch.randn(320, C)).argmax(1)
dataset_dict = {"train": TensorDataset(Xtr, ytr), "val": TensorDataset(Xva, yva)}


class Tracker:
    """Called by MetricLogger.log_every at each line it logs; records the meters it printed."""

    def __init__(self, prefix_step):
        self.mlog = None
        self.base = prefix_step

    def log(self, metrics, step=None):
        gstep = self.base + step
        for name, meter in self.mlog.meters.items():
            if name == "lr":
                S.add("lr", gstep, self.epoch, meter.value)
            elif name == "img/s":
                continue
            else:
                S.add(name, gstep, self.epoch, meter.median)
                S.add(name, gstep, self.epoch, meter.global_avg)


def compute_accuracy(outputs, targets, topk=(1,)):
    maxk = max(topk)
    batch_size = targets.size(0)
    _, preds = outputs.topk(maxk, 1, True, True)
    preds = preds.t()
    corrects = preds.eq(targets.view(1, -1).expand_as(preds))
    return [corrects[:k].reshape(-1).float().sum(0) * (100.0 / batch_size) for k in topk]


@torch.inference_mode()
def evaluate(model, data_loader, log_freq, title, epoch=None):
    model.eval()
    tr = Tracker(0)
    tr.epoch = epoch
    metric_logger = MetricLogger(delimiter="  ", tracker=tr)
    tr.mlog = metric_logger
    header = f"{title}:"
    for image, target in metric_logger.log_every(data_loader, log_freq, header):
        output = model(image)
        acc1, acc5 = compute_accuracy(output, target, topk=(1, 5))
        n = image.shape[0]
        metric_logger.meters["acc1"].update(acc1.item(), n=n)
        metric_logger.meters["acc5"].update(acc5.item(), n=n)
    a1, a5 = metric_logger.acc1.global_avg, metric_logger.acc5.global_avg
    logger.info(" * Acc@1 {:.4f}\tAcc@5 {:.4f}\n".format(a1, a5))
    return a1, a5


def mlp(h):
    return nn.Sequential(nn.Linear(D, h), nn.ReLU(), nn.Linear(h, h), nn.ReLU(), nn.Linear(h, C))


teacher, student = mlp(256), mlp(16)
val_loader = torch.utils.data.DataLoader(dataset_dict["val"], batch_size=64)

# teacher: a plain loop with the same MetricLogger, as users pretrain before distilling
logger.info("Pretraining the teacher")
opt = torch.optim.SGD(teacher.parameters(), lr=0.05, momentum=0.9)
tl = torch.utils.data.DataLoader(dataset_dict["train"], batch_size=64, shuffle=True)
gstep = 0
for epoch in range(3):
    teacher.train()
    tr = Tracker(gstep)
    tr.epoch = epoch
    ml = MetricLogger(delimiter="  ", tracker=tr)
    tr.mlog = ml
    for x, y in ml.log_every(tl, 8, f"Teacher epoch: [{epoch}]"):
        loss = nn.functional.cross_entropy(teacher(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        ml.update(loss=loss.item())
    gstep += len(tl)
a1, a5 = evaluate(teacher, val_loader, 100, "Teacher validation")
S.add("Acc@1", None, None, a1)
S.add("Acc@5", None, None, a5)

kd_term = {
    "criterion": {
        "key": "KDLoss",
        "kwargs": {"student_module_path": ".", "student_module_io": "output", "teacher_module_path": ".",
                   "teacher_module_io": "output", "temperature": 4.0, "alpha": 0.5 if mode == "kd" else 1.0,
                   "reduction": "batchmean"},
    },
    "weight": 1.0,
}
criterion = {"key": "WeightedSumLoss", "kwargs": {"sub_terms": {"kd": kd_term}}}
if mode == "kd_ce":
    criterion["kwargs"]["model_term"] = {"weight": 0.3}
    criterion["func2extract_model_loss"] = "extract_simple_org_loss"
    criterion["kwargs"]["sub_terms"]["ce"] = {
        "criterion": {"key": "CrossEntropyLoss", "kwargs": {"reduction": "mean"}},
        "criterion_wrapper": {"key": "SimpleLossWrapper", "kwargs": {"input": {"is_from_teacher": False, "module_path": ".", "io": "output"}, "target": {"uses_label": True}}},
        "weight": 0.7,
    }
    criterion["kwargs"].pop("model_term")
    criterion.pop("func2extract_model_loss")
num_epochs = 4
log_freq = 5 if mode == "kd" else 10
train_config = {
    "num_epochs": num_epochs,
    "train_data_loader": {"dataset_id": "train", "sampler": {"class_or_func": RandomSampler, "kwargs": {}},
                          "kwargs": {"batch_size": 64, "num_workers": 0}},
    "teacher": {"forward_proc": "forward_batch_only", "sequential": [], "forward_hook": {"input": [], "output": []}, "wrapper": None, "requires_grad": False},
    "student": {"forward_proc": "forward_batch_only", "adaptations": None, "sequential": [], "frozen_modules": [], "forward_hook": {"input": [], "output": []},
                "wrapper": None, "requires_grad": True},
    "optimizer": {"key": "SGD", "kwargs": {"lr": 0.1, "momentum": 0.9, "weight_decay": 5e-4}},
    "scheduler": {"key": "MultiStepLR", "kwargs": {"milestones": [3], "gamma": 0.1}, "scheme": "epoch"},
    "criterion": criterion,
}
logger.info("Start knowledge distillation")
box = get_distillation_box(teacher, student, dataset_dict, train_config, torch.device("cpu"), None, False, 1)
start = time.time()
gstep = 0
for epoch in range(box.num_epochs):
    box.pre_epoch_process(epoch=epoch)
    box.student_model.train()
    tr = Tracker(gstep)
    tr.epoch = epoch
    ml = MetricLogger(delimiter="  ", tracker=tr)
    tr.mlog = ml
    ml.add_meter("lr", SmoothedValue(window_size=1, fmt="{value}"))
    ml.add_meter("img/s", SmoothedValue(window_size=10, fmt="{value}"))
    for sample_batch, targets, supp_dict in ml.log_every(box.train_data_loader, log_freq, f"Epoch: [{epoch}]"):
        t0 = time.time()
        loss = box.forward_process(sample_batch, targets, supp_dict)
        box.post_forward_process(loss=loss)
        ml.update(loss=loss.item(), lr=box.optimizer.param_groups[0]["lr"])
        ml.meters["img/s"].update(sample_batch.shape[0] / (time.time() - t0))
    gstep += len(box.train_data_loader)
    a1, a5 = evaluate(box.student_model, val_loader, 100, "Validation", epoch)
    S.add("Acc@1", None, epoch, a1)
    S.add("Acc@5", None, epoch, a5)
    box.post_epoch_process()
logger.info("Training time {}".format(int(time.time() - start)))
box.clean_modules()

_truth.write(
    library=f"torchdistill {metadata.version('torchdistill')} (torch {torch.__version__})",
    script="tests/corpus/scripts/torchdistill_kd.py",
    record="torchdistill's SmoothedValue meters read where MetricLogger.log_every logs (its tracker hook): "
    "loss median and global_avg as the line prints them, lr value; evaluate()'s acc1/acc5 meters' global_avg",
    step_kind="global",
    series=S,
    extra_ok=["img/s (the last batch's throughput)", "time and data (each iteration's and data loading's average seconds)"],
    not_printed=["meters' values between the logged lines"],
    notes="'loss: 1.1514 (1.2033)' prints the meter's window median, then its global average: both are points of "
    "'loss' in print order (median first). Teacher lines ('Teacher epoch: [0]') carry loss only; step = batches "
    "since the phase started (restarts at 0 for KD). Validation lines '[0/5] … acc1: 70.3125 (70.3125)' (batch 0 only, log_freq 100) "
    "are acc1/acc5 points (median, global_avg; step 0), then ' * Acc@1 …' the final global_avg as 'Acc@1'/'Acc@5'. 'eta: 0:00:00' and '[ 5/16]' are progress, not metrics.",
)
