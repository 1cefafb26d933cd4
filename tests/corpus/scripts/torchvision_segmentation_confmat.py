"""Semantic segmentation trained and evaluated the way torchvision's segmentation reference
scripts do it (references/segmentation/train.py ``train_one_epoch``/``evaluate``, utils.py
``MetricLogger`` and ``ConfusionMatrix`` whose ``print(confmat)`` shows global pixel accuracy,
per-class accuracy, per-class IoU and mean IoU; reproduced here trimmed to one process,
BSD-3-Clause), on a tiny synthetic COCO-format set written to /tmp (tests/corpus/scripts/
_coco_toy.py: rectangles of two classes on noise, rasterized to a class mask, 0 = background).
Random-init ``lraspp_mobilenet_v3_large(weights=None, weights_backbone=None, num_classes=3)``.

Versions: torch 2.13.0+cpu, torchvision 0.28.0 (its ``_meta_registrations.py`` emptied, see
README-torch.md corpus-zI-1; no C++ op is used here), pycocotools 2.0.11, Python 3.11
(/work/venvs/corpus-zAU-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_torchvision_segmentation_confmat -- /work/venvs/corpus-zAU-1/bin/python tests/corpus/scripts/torchvision_segmentation_confmat.py
Truth: the MetricLogger's meters as each line is formatted (lr its value, loss the median
shown first) and ``ConfusionMatrix.compute()`` at each ``print(confmat)``, in the printed unit
(percent).
"""

import datetime
import os
import sys
import time
from collections import defaultdict, deque

sys.path.insert(0, os.path.dirname(__file__))

import _coco_toy
import _truth
import torch
import torchvision
from PIL import Image
from pycocotools.coco import COCO
from torchvision.transforms import functional as F

series = _truth.Series()
current = {"step": 0, "epoch": 0}


# ---- references/segmentation/utils.py (trimmed) ----
class SmoothedValue:
    def __init__(self, window_size=20, fmt=None):
        if fmt is None:
            fmt = "{median:.4f} ({global_avg:.4f})"
        self.deque = deque(maxlen=window_size)
        self.total = 0.0
        self.count = 0
        self.fmt = fmt

    def update(self, value, n=1):
        self.deque.append(value)
        self.count += n
        self.total += value * n

    @property
    def median(self):
        return torch.tensor(list(self.deque)).median().item()

    @property
    def avg(self):
        return torch.tensor(list(self.deque), dtype=torch.float32).mean().item()

    @property
    def global_avg(self):
        return self.total / self.count

    @property
    def max(self):
        return max(self.deque)

    @property
    def value(self):
        return self.deque[-1]

    def __str__(self):
        return self.fmt.format(
            median=self.median,
            avg=self.avg,
            global_avg=self.global_avg,
            max=self.max,
            value=self.value,
        )


class ConfusionMatrix:
    def __init__(self, num_classes):
        self.num_classes = num_classes
        self.mat = None

    def update(self, a, b):
        n = self.num_classes
        if self.mat is None:
            self.mat = torch.zeros((n, n), dtype=torch.int64, device=a.device)
        with torch.inference_mode():
            k = (a >= 0) & (a < n)
            inds = n * a[k].to(torch.int64) + b[k]
            self.mat += torch.bincount(inds, minlength=n**2).reshape(n, n)

    def compute(self):
        h = self.mat.float()
        acc_global = torch.diag(h).sum() / h.sum()
        acc = torch.diag(h) / h.sum(1)
        iu = torch.diag(h) / (h.sum(1) + h.sum(0) - torch.diag(h))
        return acc_global, acc, iu

    def __str__(self):
        acc_global, acc, iu = self.compute()
        # the truth: what this print shows, from compute(), in percent as printed
        step, epoch = current["step"], current["epoch"]
        series.add("global correct", step, epoch, acc_global.item() * 100)
        for v in (acc * 100).tolist():
            series.add("average row correct", step, epoch, v)
        for v in (iu * 100).tolist():
            series.add("IoU", step, epoch, v)
        series.add("mean IoU", step, epoch, iu.mean().item() * 100)
        return (
            "global correct: {:.1f}\naverage row correct: {}\nIoU: {}\nmean IoU: {:.1f}"
        ).format(
            acc_global.item() * 100,
            [f"{i:.1f}" for i in (acc * 100).tolist()],
            [f"{i:.1f}" for i in (iu * 100).tolist()],
            iu.mean().item() * 100,
        )


class MetricLogger:
    def __init__(self, delimiter="\t"):
        self.meters = defaultdict(SmoothedValue)
        self.delimiter = delimiter

    def update(self, **kwargs):
        for k, v in kwargs.items():
            if isinstance(v, torch.Tensor):
                v = v.item()
            self.meters[k].update(v)

    def __str__(self):
        loss_str = []
        for name, meter in self.meters.items():
            loss_str.append(f"{name}: {str(meter)}")
            shown = meter.value if "{value" in meter.fmt else meter.median
            series.add(name, current["step"], current["epoch"], shown)
        return self.delimiter.join(loss_str)

    def add_meter(self, name, meter):
        self.meters[name] = meter

    def log_every(self, iterable, print_freq, header=None):
        i = 0
        if not header:
            header = ""
        start_time = time.time()
        end = time.time()
        iter_time = SmoothedValue(fmt="{avg:.4f}")
        data_time = SmoothedValue(fmt="{avg:.4f}")
        space_fmt = ":" + str(len(str(len(iterable)))) + "d"
        log_msg = self.delimiter.join(
            [
                header,
                "[{0" + space_fmt + "}/{1}]",
                "eta: {eta}",
                "{meters}",
                "time: {time}",
                "data: {data}",
            ]
        )
        for obj in iterable:
            data_time.update(time.time() - end)
            yield obj
            iter_time.update(time.time() - end)
            if i % print_freq == 0:
                eta_seconds = iter_time.global_avg * (len(iterable) - i)
                eta_string = str(datetime.timedelta(seconds=int(eta_seconds)))
                print(
                    log_msg.format(
                        i,
                        len(iterable),
                        eta=eta_string,
                        meters=str(self),
                        time=str(iter_time),
                        data=str(data_time),
                    )
                )
            i += 1
            end = time.time()
        total_time = time.time() - start_time
        total_time_str = str(datetime.timedelta(seconds=int(total_time)))
        print(f"{header} Total time: {total_time_str}")


# ---- a COCO-json segmentation set (the reference's coco_utils turns polygons into a mask) ----
class CocoSegmentation(torch.utils.data.Dataset):
    def __init__(self, root, ann_file):
        self.root = root
        self.coco = COCO(ann_file)
        self.ids = sorted(self.coco.getImgIds())

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, idx):
        info = self.coco.loadImgs(self.ids[idx])[0]
        img = Image.open(os.path.join(self.root, info["file_name"])).convert("RGB")
        target = torch.zeros((info["height"], info["width"]), dtype=torch.int64)
        for ann in self.coco.loadAnns(self.coco.getAnnIds(imgIds=info["id"])):
            target[torch.as_tensor(self.coco.annToMask(ann)) > 0] = ann["category_id"]
        return F.normalize(F.to_tensor(img), [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]), target


def criterion(inputs, target):
    losses = {}
    for name, x in inputs.items():
        losses[name] = torch.nn.functional.cross_entropy(x, target, ignore_index=255)
    if len(losses) == 1:
        return losses["out"]
    return losses["out"] + 0.5 * losses["aux"]


def evaluate(model, data_loader, num_classes):
    model.eval()
    confmat = ConfusionMatrix(num_classes)
    metric_logger = MetricLogger(delimiter="  ")
    header = "Test:"
    with torch.inference_mode():
        for image, target in metric_logger.log_every(data_loader, 100, header):
            output = model(image)["out"]
            confmat.update(target.flatten(), output.argmax(1).flatten())
    return confmat


def train_one_epoch(model, criterion, optimizer, data_loader, lr_scheduler, epoch, print_freq):
    model.train()
    metric_logger = MetricLogger(delimiter="  ")
    metric_logger.add_meter("lr", SmoothedValue(window_size=1, fmt="{value}"))
    header = f"Epoch: [{epoch}]"
    current["epoch"] = epoch
    for image, target in metric_logger.log_every(data_loader, print_freq, header):
        output = model(image)
        loss = criterion(output, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        lr_scheduler.step()
        current["step"] += 1
        metric_logger.update(loss=loss.item(), lr=optimizer.param_groups[0]["lr"])


root = "/tmp/corpus-zAU/seg_toy"
torch.manual_seed(0)
torch.set_num_threads(2)
dataset = CocoSegmentation(
    os.path.join(root, "train"), _coco_toy.make(os.path.join(root, "train"), 16, seed=21)
)
dataset_test = CocoSegmentation(
    os.path.join(root, "val"), _coco_toy.make(os.path.join(root, "val"), 6, seed=22)
)
data_loader = torch.utils.data.DataLoader(dataset, batch_size=4, shuffle=True, drop_last=True)
data_loader_test = torch.utils.data.DataLoader(dataset_test, batch_size=2)
num_classes = 3
model = torchvision.models.segmentation.lraspp_mobilenet_v3_large(
    weights=None, weights_backbone=None, num_classes=num_classes
)
params_to_optimize = [{"params": [p for p in model.parameters() if p.requires_grad]}]
optimizer = torch.optim.SGD(params_to_optimize, lr=0.02, momentum=0.9, weight_decay=1e-4)
epochs = 3
iters_per_epoch = len(data_loader)
lr_scheduler = torch.optim.lr_scheduler.LambdaLR(
    optimizer, lambda x: (1 - x / (iters_per_epoch * epochs)) ** 0.9
)

start_time = time.time()
for epoch in range(epochs):
    train_one_epoch(model, criterion, optimizer, data_loader, lr_scheduler, epoch, print_freq=2)
    confmat = evaluate(model, data_loader_test, num_classes=num_classes)
    print(confmat)
total_time = time.time() - start_time
print(f"Training time {str(datetime.timedelta(seconds=int(total_time)))}")

_truth.write(
    library=f"torchvision {torchvision.__version__} segmentation references (train.py, "
    f"MetricLogger, ConfusionMatrix), torch {torch.__version__}",
    script="tests/corpus/scripts/torchvision_segmentation_confmat.py",
    record="the MetricLogger's meters as each line is formatted; ConfusionMatrix.compute() at "
    "each print(confmat), times 100 as printed",
    step_kind="global",
    series=series,
    extra_ok=[
        "time and data on Epoch and Test lines (average seconds per iteration / data load)",
        "the running global average of loss in parentheses after its median",
    ],
    notes="Training lines `Epoch: [0]  [0/4]  eta: 0:00:03  lr: 0.0189  loss: 1.1 (1.1)  time: "
    "0.8  data: 0.01` every 2 iterations (step: the global iteration, counted by the script, "
    "after the iteration; epoch as printed, 0-based; the printed lr is the value after the "
    "scheduler stepped). The evaluation prints `Test:  [0/3]  eta: 0:00:00    time: 0.1  data: "
    "0.0` (no meters), `Test: Total time: 0:00:00`, then `print(confmat)`: `global correct: "
    "85.3` (pixel accuracy, percent), `average row correct: ['98.1', '12.0', '0.0']` (per-class "
    "accuracy, one per class 0..2, as quoted strings in a list: series 'average row correct', "
    "its values in class order at the same step), `IoU: ['84.2', '10.1', '0.0']` (per-class IoU, "
    "series 'IoU' likewise) and `mean IoU: 31.4`, at the epoch's last training step. nan is "
    "printed where a class never appears (0/0).",
)
