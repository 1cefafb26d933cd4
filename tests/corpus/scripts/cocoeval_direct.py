"""COCO evaluation used directly, the way pycocotools' demo (pycocoEvalDemo.ipynb) and
faster-coco-eval's README show it: ground truth and detections as COCO json files, then
``COCOeval(...).evaluate(); .accumulate(); .summarize()`` for boxes and then masks.  The data is
a tiny synthetic set (tests/corpus/scripts/_coco_toy.py) written to /tmp; detections are the
ground truth shifted, rescored, partly dropped, plus false positives.

Versions: pycocotools 2.0.11, faster-coco-eval 1.8.0, numpy 2.4.6, Python 3.11
(/work/venvs/corpus-zAU-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_pycocotools_cocoeval -- /work/venvs/corpus-zAU-1/bin/python tests/corpus/scripts/cocoeval_direct.py pycocotools
    python tests/corpus/scripts/capture.py pipe real_faster_coco_eval_summary -- /work/venvs/corpus-zAU-1/bin/python tests/corpus/scripts/cocoeval_direct.py faster
(``faster``: ``faster_coco_eval.init_as_pycocotools()`` first, as its README does, so the same
pycocotools imports give its ``COCOeval_faster``, which prints two more recall lines.)
Truth: each evaluation's ``COCOeval.stats`` after summarize(), in print order
(faster-coco-eval: ``all_stats``, its 14 printed numbers).
"""

import json
import os
import sys
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(__file__))

import _coco_toy
import _truth

impl = sys.argv[1] if len(sys.argv) > 1 else "pycocotools"
if impl == "faster":
    import faster_coco_eval

    faster_coco_eval.init_as_pycocotools()
from pycocotools.coco import COCO  # noqa: E402
from pycocotools.cocoeval import COCOeval  # noqa: E402

LABELS = [
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
    # faster-coco-eval only
    "Average Recall     (AR) @[ IoU=0.50      | area=   all | maxDets=100 ]",
    "Average Recall     (AR) @[ IoU=0.75      | area=   all | maxDets=100 ]",
]

root = f"/tmp/corpus-zAU/cocoeval_{impl}"
annFile = _coco_toy.make(root, 12, seed=3)
resFile = os.path.join(root, "detections.json")
with open(resFile, "w") as fh:
    json.dump(_coco_toy.jitter(annFile, seed=4, with_masks=True), fh)

series = _truth.Series()
cocoGt = COCO(annFile)
cocoDt = cocoGt.loadRes(resFile)
imgIds = sorted(cocoGt.getImgIds())
for annType in ["bbox", "segm"]:
    cocoEval = COCOeval(cocoGt, cocoDt, annType)
    cocoEval.params.imgIds = imgIds
    cocoEval.evaluate()
    cocoEval.accumulate()
    cocoEval.summarize()
    # faster-coco-eval keeps all 14 printed numbers in all_stats (stats: the first 12)
    for label, value in zip(LABELS, getattr(cocoEval, "all_stats", cocoEval.stats), strict=False):
        series.add(f"{annType}/{label}", None, None, value)

lib = (
    f"faster-coco-eval {version('faster-coco-eval')} (init_as_pycocotools)"
    if impl == "faster"
    else f"pycocotools {version('pycocotools')}"
)
_truth.write(
    library=lib,
    script="tests/corpus/scripts/cocoeval_direct.py",
    record="COCOeval.stats (faster-coco-eval: all_stats) after each summarize()",
    step_kind="none",
    series=series,
    notes="Two evaluations of the same detections, bbox then segm, each announced by "
    "`Evaluate annotation type *bbox*` (pycocotools also prints `Running per image "
    "evaluation...`, loading/index lines and `DONE (t=0.01s).` timings), then the summary "
    "lines ` Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.257` "
    "(12 of them; faster-coco-eval adds ` Average Recall     (AR) @[ IoU=0.50      | area=   "
    "all | maxDets=100 ] = 0.875` and the IoU=0.75 one). Series are named '<annType>/<the "
    "label before ` = `>' (bbox/segm, from the `*bbox*` line above them); one value each, no "
    "step. -1.000 means no ground truth in that area range (the library's value, as printed).",
)
