"""supervision's detection metrics as its docs show them: ``MeanAveragePrecision()`` and
``F1Score()`` updated with ``sv.Detections`` (predictions, targets) and the results printed with
``print(result)``.  Ground truth: a tiny synthetic COCO json set (tests/corpus/scripts/
_coco_toy.py) written to /tmp; predictions: the ground truth shifted, rescored, partly dropped,
plus false positives.  Three "checkpoints" (detections of growing quality) are evaluated in turn,
as when a user compares model snapshots.

Versions: supervision 0.31.2 (no opencv: it warns once and uses its NumPy fallback), numpy
2.4.6, Python 3.11 (/work/venvs/corpus-zAU-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_supervision_metrics -- /work/venvs/corpus-zAU-1/bin/python tests/corpus/scripts/supervision_metrics.py
Truth: the result objects' own fields, in print order (map50_95, map50, map75 and the size
subsets' map50_95; f1_50, f1_75, f1_scores, f1_per_class, and the same per object size).
"""

import json
import os
import sys
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(__file__))

import _coco_toy
import _truth
import numpy as np
import supervision as sv
from supervision.metrics import F1Score, MeanAveragePrecision

gt_path = _coco_toy.make("/tmp/corpus-zAU/supervision", 10, seed=5)
with open(gt_path) as fh:
    gt = json.load(fh)


def to_detections(anns, with_scores):
    xyxy = np.array(
        [
            [a["bbox"][0], a["bbox"][1], a["bbox"][0] + a["bbox"][2], a["bbox"][1] + a["bbox"][3]]
            for a in anns
        ],
        dtype=float,
    ).reshape(-1, 4)
    return sv.Detections(
        xyxy=xyxy,
        class_id=np.array([a["category_id"] for a in anns], dtype=int),
        confidence=np.array([a["score"] for a in anns]) if with_scores else None,
    )


targets = [
    to_detections([a for a in gt["annotations"] if a["image_id"] == img["id"]], False)
    for img in gt["images"]
]
series = _truth.Series()
MAP_LABELS = [
    "Average Precision (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ]",
    "Average Precision (AP) @[ IoU=0.50      | area=   all | maxDets=100 ]",
    "Average Precision (AP) @[ IoU=0.75      | area=   all | maxDets=100 ]",
    "Average Precision (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ]",
    "Average Precision (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ]",
    "Average Precision (AP) @[ IoU=0.50:0.95 | area= large | maxDets=100 ]",
]


def record_f1(result, prefix, checkpoint):
    series.add(prefix + "F1 @ 50", None, checkpoint, result.f1_50)
    series.add(prefix + "F1 @ 75", None, checkpoint, result.f1_75)
    for v in result.f1_scores:
        series.add(prefix + "F1 @ thresh", None, checkpoint, v)
    for cls, row in zip(result.matched_classes, result.f1_per_class, strict=True):
        for v in row:
            series.add(f"{prefix}F1 per class/{cls}", None, checkpoint, v)


for checkpoint, seed in enumerate([11, 12, 13], start=1):
    dets = _coco_toy.jitter(gt_path, seed=seed)
    predictions = [
        to_detections([d for d in dets if d["image_id"] == img["id"]], True) for img in gt["images"]
    ]
    print(f"Checkpoint {checkpoint}")
    map_metric = MeanAveragePrecision()
    map_result = map_metric.update(predictions, targets).compute()
    print(map_result)
    values = [map_result.map50_95, map_result.map50, map_result.map75]
    values += [
        getattr(map_result, k).map50_95
        for k in ("small_objects", "medium_objects", "large_objects")
    ]
    for label, v in zip(MAP_LABELS, values, strict=True):
        series.add(label, None, checkpoint, v)

    f1_metric = F1Score()
    f1_result = f1_metric.update(predictions, targets).compute()
    print(f1_result)
    record_f1(f1_result, "", checkpoint)
    for title, key in [
        ("Small objects", "small_objects"),
        ("Medium objects", "medium_objects"),
        ("Large objects", "large_objects"),
    ]:
        sub = getattr(f1_result, key)
        if sub is not None:
            record_f1(sub, f"{title}/", checkpoint)

_truth.write(
    library=f"supervision {version('supervision')}",
    script="tests/corpus/scripts/supervision_metrics.py",
    record="MeanAveragePrecisionResult and F1ScoreResult fields, as each result is printed",
    step_kind="epoch",
    series=series,
    notes="The script prints `Checkpoint 1` (its own line; the checkpoint number is the series' "
    "epoch, 1-based) and then `print(map_result)`: six lines `Average Precision (AP) @[ "
    "IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.257` (series named by the label before "
    "` = `), and `print(f1_result)`: `F1ScoreResult:`, `Metric target: MetricTarget.BOXES`, "
    "`Averaging method: AveragingMethod.WEIGHTED` (settings), `F1 @ 50:     0.7308`, "
    "`F1 @ 75:     0.2735`, `F1 @ thresh: [0.73076923 0.5982906 ...` (a numpy array of the F1 at "
    "each IoU threshold, wrapped over two lines: series 'F1 @ thresh', its values in order), "
    "`IoU thresh:  [0.5  0.55 0.6 ...]` (the thresholds: settings, not a series), `F1 per "
    "class:` with one array per class id, `  1: [0.83333333 0.66666667 ...]` (series 'F1 per "
    "class/1', values in order); then `Small objects:`, `Medium objects:`, `Large objects:`, "
    "each an indented copy of the same block for that size (series prefixed 'Small objects/' "
    "etc.; `No results` where a size has no matched class). -1.000 in the AP lines means no "
    "ground truth of that size (the result holds -1).",
)
