"""Mask R-CNN trained and evaluated the way torchvision's detection reference scripts do it
(references/detection/engine.py ``train_one_epoch``/``evaluate``, utils.py ``MetricLogger``,
coco_eval.py ``CocoEvaluator``; reproduced here trimmed to one process, BSD-3-Clause), on a tiny
synthetic COCO-format set written to /tmp (tests/corpus/scripts/_coco_toy.py). Random-init
model: ``MaskRCNN`` on ``resnet_fpn_backbone('resnet18', weights=None)``, small RPN budgets.

Versions: torch 2.13.0+cpu, torchvision 0.28.0, pycocotools 2.0.11, Python 3.11
(/work/venvs/corpus-zAU-1).
Environment: torchvision 0.28.0 on PyPI is a CUDA build whose C++ ops cannot load beside the CPU
torch; its ``_meta_registrations.py`` was emptied (see README-torch.md, corpus-zI-1), roi_align
falls back to torchvision's own Python version, and ``nms`` is replaced below by a plain Python
NMS (torchvision has no Python fallback for it).  Nothing of this prints.
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_torchvision_detection_coco -- /work/venvs/corpus-zAU-1/bin/python tests/corpus/scripts/torchvision_detection_coco.py
Truth: the MetricLogger's meters as each line is formatted (median shown first; lr its
value), ``Averaged stats:`` the meters' global averages, and each ``COCOeval.stats`` (the
12 summary numbers, in print order) after ``coco_eval.summarize()``.
"""

import copy
import datetime
import io
import os
import sys
import time
from collections import defaultdict, deque
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(__file__))

from importlib.metadata import version

import _coco_toy
import _truth
import numpy as np
import torch
import torchvision
import torchvision.ops.boxes as box_ops
from pycocotools import mask as coco_mask
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval
from torchvision.transforms import functional as F


def _python_nms(boxes, scores, iou_threshold):
    order = scores.argsort(descending=True)
    keep = []
    iou = box_ops.box_iou(boxes, boxes)
    suppressed = torch.zeros(len(boxes), dtype=torch.bool)
    for i in order.tolist():
        if suppressed[i]:
            continue
        keep.append(i)
        suppressed |= iou[i] > iou_threshold
    return torch.tensor(keep, dtype=torch.int64)


box_ops.nms = _python_nms
torchvision.ops.nms = _python_nms

series = _truth.Series()
current = {"step": 0, "epoch": 0, "prefix": ""}
STAT_NAMES = [
    "Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ]",
    "Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ]",
    "Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ]",
    "Average Precision  (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ]",
    "Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ]",
    "Average Precision  (AP) @[ IoU=0.50:0.95 | area= large | maxDets=100 ]",
    "Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ]",
    "Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets= 10 ]",
    "Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ]",
    "Average Recall     (AR) @[ IoU=0.50:0.95 | area= small | maxDets=100 ]",
    "Average Recall     (AR) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ]",
    "Average Recall     (AR) @[ IoU=0.50:0.95 | area= large | maxDets=100 ]",
]


# ---- references/detection/utils.py (trimmed) ----
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
            series.add(current["prefix"] + name, current["step"], current["epoch"], shown)
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
            if i % print_freq == 0 or i == len(iterable) - 1:
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
        print(f"{header} Total time: {total_time_str} ({total_time / len(iterable):.4f} s / it)")


def collate_fn(batch):
    return tuple(zip(*batch, strict=False))


# ---- references/detection/coco_utils.py (trimmed) ----
def convert_coco_poly_to_mask(segmentations, height, width):
    masks = []
    for polygons in segmentations:
        rles = coco_mask.frPyObjects(polygons, height, width)
        mask = coco_mask.decode(rles)
        if len(mask.shape) < 3:
            mask = mask[..., None]
        mask = torch.as_tensor(mask, dtype=torch.uint8).any(dim=2)
        masks.append(mask)
    return torch.stack(masks, dim=0).to(torch.uint8)


class CocoDetection(torchvision.datasets.CocoDetection):
    def __getitem__(self, idx):
        img, anno = super().__getitem__(idx)
        w, h = img.size
        image_id = self.ids[idx]
        boxes = torch.as_tensor([a["bbox"] for a in anno], dtype=torch.float32).reshape(-1, 4)
        boxes[:, 2:] += boxes[:, :2]
        target = {
            "image_id": image_id,
            "boxes": boxes,
            "labels": torch.tensor([a["category_id"] for a in anno], dtype=torch.int64),
            "masks": convert_coco_poly_to_mask([a["segmentation"] for a in anno], h, w),
            "area": torch.tensor([a["area"] for a in anno]),
            "iscrowd": torch.tensor([a["iscrowd"] for a in anno]),
        }
        return F.to_tensor(img), target


# ---- references/detection/coco_eval.py (trimmed to one process) ----
class CocoEvaluator:
    def __init__(self, coco_gt, iou_types):
        coco_gt = copy.deepcopy(coco_gt)
        self.coco_gt = coco_gt
        self.iou_types = iou_types
        self.coco_eval = {t: COCOeval(coco_gt, iouType=t) for t in iou_types}
        self.img_ids = []
        self.results = {t: [] for t in iou_types}

    def update(self, predictions):
        self.img_ids.extend(np.unique(list(predictions.keys())).tolist())
        for iou_type in self.iou_types:
            self.results[iou_type].extend(self.prepare(predictions, iou_type))

    def synchronize_between_processes(self):
        for iou_type, coco_eval in self.coco_eval.items():
            with redirect_stdout(io.StringIO()):
                results = self.results[iou_type]
                coco_dt = COCO.loadRes(self.coco_gt, results) if results else COCO()
                coco_eval.cocoDt = coco_dt
                coco_eval.params.imgIds = list(self.img_ids)
                coco_eval.evaluate()

    def accumulate(self):
        for coco_eval in self.coco_eval.values():
            coco_eval.accumulate()

    def summarize(self):
        for iou_type, coco_eval in self.coco_eval.items():
            print(f"IoU metric: {iou_type}")
            coco_eval.summarize()

    def prepare(self, predictions, iou_type):
        out = []
        for image_id, prediction in predictions.items():
            if len(prediction["boxes"]) == 0:
                continue
            boxes = prediction["boxes"].clone()
            boxes[:, 2:] -= boxes[:, :2]
            scores = prediction["scores"].tolist()
            labels = prediction["labels"].tolist()
            if iou_type == "bbox":
                for k, box in enumerate(boxes.tolist()):
                    out.append(
                        {
                            "image_id": image_id,
                            "category_id": labels[k],
                            "bbox": box,
                            "score": scores[k],
                        }
                    )
            else:
                masks = prediction["masks"] > 0.5
                rles = [
                    coco_mask.encode(np.array(m[0, :, :, np.newaxis], dtype=np.uint8, order="F"))[0]
                    for m in masks
                ]
                for rle in rles:
                    rle["counts"] = rle["counts"].decode("utf-8")
                for k, rle in enumerate(rles):
                    out.append(
                        {
                            "image_id": image_id,
                            "category_id": labels[k],
                            "segmentation": rle,
                            "score": scores[k],
                        }
                    )
        return out


# ---- references/detection/engine.py ----
def train_one_epoch(model, optimizer, data_loader, epoch, print_freq):
    model.train()
    metric_logger = MetricLogger(delimiter="  ")
    metric_logger.add_meter("lr", SmoothedValue(window_size=1, fmt="{value:.6f}"))
    header = f"Epoch: [{epoch}]"
    lr_scheduler = None
    if epoch == 0:
        warmup_iters = min(1000, len(data_loader) - 1)
        lr_scheduler = torch.optim.lr_scheduler.LinearLR(
            optimizer, start_factor=1.0 / 1000, total_iters=warmup_iters
        )
    current["prefix"], current["epoch"] = "", epoch
    for images, targets in metric_logger.log_every(data_loader, print_freq, header):
        loss_dict = model(list(images), list(targets))
        losses = sum(loss for loss in loss_dict.values())
        optimizer.zero_grad()
        losses.backward()
        optimizer.step()
        if lr_scheduler is not None:
            lr_scheduler.step()
        metric_logger.update(loss=losses, **loss_dict)
        metric_logger.update(lr=optimizer.param_groups[0]["lr"])
        current["step"] += 1
    return metric_logger


@torch.inference_mode()
def evaluate(model, data_loader):
    model.eval()
    metric_logger = MetricLogger(delimiter="  ")
    header = "Test:"
    coco_evaluator = CocoEvaluator(data_loader.dataset.coco, ["bbox", "segm"])
    current["prefix"] = "Test "
    for images, targets in metric_logger.log_every(data_loader, 100, header):
        model_time = time.time()
        outputs = model(list(images))
        model_time = time.time() - model_time
        res = {target["image_id"]: output for target, output in zip(targets, outputs, strict=False)}
        evaluator_time = time.time()
        coco_evaluator.update(res)
        evaluator_time = time.time() - evaluator_time
        metric_logger.update(model_time=model_time, evaluator_time=evaluator_time)
    # the reference prints print("Averaged stats:", metric_logger): the same meters again,
    # "median (global_avg)"; printed here without recording them a second time
    print("Averaged stats:", "  ".join(f"{k}: {m}" for k, m in metric_logger.meters.items()))
    coco_evaluator.synchronize_between_processes()
    coco_evaluator.accumulate()
    coco_evaluator.summarize()
    for iou_type, coco_eval in coco_evaluator.coco_eval.items():
        for name, value in zip(STAT_NAMES, coco_eval.stats, strict=False):
            series.add(f"{iou_type}/{name}", current["step"], current["epoch"], value)
    return coco_evaluator


root = "/tmp/corpus-zAU/coco_toy"
train_json = _coco_toy.make(os.path.join(root, "train"), 8, seed=1)
val_json = _coco_toy.make(os.path.join(root, "val"), 4, seed=2)
torch.manual_seed(0)
torch.set_num_threads(2)
dataset = CocoDetection(os.path.join(root, "train"), train_json)
dataset_test = CocoDetection(os.path.join(root, "val"), val_json)
data_loader = torch.utils.data.DataLoader(
    dataset, batch_size=2, shuffle=True, collate_fn=collate_fn
)
data_loader_test = torch.utils.data.DataLoader(dataset_test, batch_size=2, collate_fn=collate_fn)
backbone = torchvision.models.detection.backbone_utils.resnet_fpn_backbone(
    backbone_name="resnet18", weights=None, trainable_layers=5
)
model = torchvision.models.detection.MaskRCNN(
    backbone,
    num_classes=3,
    min_size=96,
    max_size=96,
    rpn_pre_nms_top_n_train=300,
    rpn_post_nms_top_n_train=100,
    rpn_pre_nms_top_n_test=150,
    rpn_post_nms_top_n_test=50,
    box_batch_size_per_image=64,
)
params = [p for p in model.parameters() if p.requires_grad]
optimizer = torch.optim.SGD(params, lr=0.005, momentum=0.9, weight_decay=1e-4)
lr_scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[1], gamma=0.1)

print("Start training")
start_time = time.time()
for epoch in range(2):
    train_one_epoch(model, optimizer, data_loader, epoch, print_freq=2)
    lr_scheduler.step()
    evaluate(model, data_loader_test)
total_time = time.time() - start_time
print(f"Training time {str(datetime.timedelta(seconds=int(total_time)))}")

_truth.write(
    library=f"torchvision {torchvision.__version__} detection references (engine.py, "
    f"MetricLogger, CocoEvaluator), pycocotools {version('pycocotools')}, torch "
    f"{torch.__version__}",
    script="tests/corpus/scripts/torchvision_detection_coco.py",
    record="the MetricLogger's SmoothedValue meters as each line is formatted; "
    "COCOeval.stats of each iou type after summarize()",
    step_kind="global",
    series=series,
    extra_ok=[
        "time and data on training and Test lines (average seconds per iteration / data load)",
        "model_time and evaluator_time on Test lines and on the Averaged stats line (the same "
        "Test meters again, seconds: timing)",
        "the running global averages in parentheses after each median",
        "the total time per iteration (s / it)",
    ],
    notes="Training lines `Epoch: [0]  [0/4]  eta: 0:00:06  lr: 0.006677  loss: 4.6 (4.6)  "
    "loss_classifier: 1.1 (1.1)  loss_box_reg: 0.0 (0.0)  loss_mask: 2.1 (2.1)  "
    "loss_objectness: 0.69 (0.69)  loss_rpn_box_reg: 0.05 (0.05)  time: 1.5  data: 0.01` every "
    "2 iterations and at the last (step: the global iteration, counted by the script, after "
    "the iteration; epoch as printed, 0-based). Evaluation: `Test:  [0/2]  ... model_time: ... "
    "evaluator_time: ...` (series 'Test model_time', 'Test evaluator_time'), then `Averaged "
    "stats: model_time: 0.5 (0.5)  evaluator_time: ...` (the same meters printed again, not a "
    "series of the truth: timing, in extra_ok), then `IoU metric: bbox` followed by pycocotools' 12 summary "
    "lines ` Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.000` "
    "and the same for `IoU metric: segm`; those series are named '<iou type>/<line label>' "
    "(the label before ` = `), at the last training step of the epoch. -1.000 means no ground "
    "truth in that area range (pycocotools' value, kept as printed).",
)
