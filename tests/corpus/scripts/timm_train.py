"""timm's own train.py (huggingface/pytorch-image-models) on a tiny synthetic image folder (CPU).

Versions: pytorch-image-models at commit aa4b5850c1543fa488abf260f18390eda46cf85d (timm
1.0.29.dev0; the repository's tree exported to a folder, TIMM_DIR, whose timm package is the one
imported), torch 2.14.1 + torchvision 0.29.1 (CPU), Pillow, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active, TIMM_DIR set):
    python tests/corpus/scripts/capture.py pipe real_timm_train -- python tests/corpus/scripts/timm_train.py

train.py logs through the stdlib logging (no prefix: `%(message)s`), every log_interval updates:
`Train: 0 [   4/8 ( 62%)]  Loss: 0.693 (0.701)  Time: 0.101s,  158.4/s  (0.120s,  133.1/s)
LR: 1.000e-02  Data: 0.003 (0.004)`, and for validation `Test: [   3/3]  Time: 0.020 (0.03)
Loss:   0.701 ( 0.695)  Acc@1:  50.000 ( 53.125)  Acc@5: 100.000 (100.000)`: each value is the
current one followed by its running average in brackets. At the end it prints its results as
JSON (`--result` then `json.dumps(...)`). Truth: timm's own records: the per-epoch summary.csv
(train_loss, eval_loss, eval_top1, eval_top5, lr) for the epoch averages, and timm's own
AverageMeter objects (their `val` and `avg` read when train.py logs, by wrapping
`timm.utils.AverageMeter.update` and logging.Logger.info) for the per-line values.
"""

from __future__ import annotations

import csv
import logging
import os
import runpy
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

SCRIPT = "tests/corpus/scripts/timm_train.py"
source = os.environ.get("TIMM_DIR", "/tmp/c2/timm")
sys.path.insert(0, source)

import timm.utils  # noqa: E402

work = tempfile.mkdtemp(prefix="timm-")
rng = np.random.default_rng(0)
for split, count in (("train", 64), ("validation", 24)):
    for label in ("circle", "square"):
        folder = os.path.join(work, "data", split, label)
        os.makedirs(folder)
        for i in range(count // 2):
            img = rng.integers(0, 60, size=(32, 32, 3), dtype=np.uint8)
            if label == "circle":
                yy, xx = np.mgrid[:32, :32]
                img[(yy - 16) ** 2 + (xx - 16) ** 2 < 80] += 150
            else:
                img[8:24, 8:24] += 150
            Image.fromarray(img).save(os.path.join(folder, f"{i}.png"))

# Read timm's meters: each logging call of train.py's train/validate loops comes right after
# the meters were updated; keep the meters' (val, avg) as they stand at that call.
meters: list[timm.utils.AverageMeter] = []
original_init = timm.utils.AverageMeter.__init__


def tracked_init(self):
    original_init(self)
    meters.append(self)


timm.utils.AverageMeter.__init__ = tracked_init
logged: list[tuple[str, list[tuple[float, float]]]] = []
original_info = logging.Logger.info


def tracked_info(self, msg, *args, **kwargs):
    text = str(msg)
    if text.startswith(("Train:", "Test:")):
        logged.append((text, [(m.val, m.avg) for m in meters]))
    return original_info(self, msg, *args, **kwargs)


logging.Logger.info = tracked_info

sys.argv = [
    "train.py",
    "--data-dir",
    os.path.join(work, "data"),
    "--model",
    "test_resnet",
    "--num-classes",
    "2",
    "--img-size",
    "32",
    "--batch-size",
    "8",
    "--validation-batch-size",
    "8",
    "--epochs",
    "3",
    "--lr",
    "0.01",
    "--warmup-epochs",
    "0",
    "--sched",
    "step",
    "--decay-epochs",
    "2",
    "--workers",
    "1",
    "--log-interval",
    "3",
    "--output",
    os.path.join(work, "out"),
    "--experiment",
    "synth",
    "--device",
    "cpu",
    "--seed",
    "0",
    "--no-prefetcher",
]
os.chdir(source)
runpy.run_path(os.path.join(source, "train.py"), run_name="__main__")
os.chdir("/")
with open(os.path.join(work, "out", "synth", "summary.csv")) as fh:
    summary = list(csv.DictReader(fh))
shutil.rmtree(work)

series = _truth.Series()
UPDATES = 8  # 64 images / 8 per batch
epoch = -1
for text, state in logged:
    if text.startswith("Train:"):
        epoch = int(text.split()[1])
        position = int(text.split("[")[1].split("/")[0])
        # train_one_epoch's meters, created in order: data_time, update_time, losses
        loss_val, loss_avg = state[-1]
        series.add("Train Loss", epoch * UPDATES + position, epoch, loss_val)
        lr = float(text.split("LR: ")[1].split()[0])
        series.add("Train LR", epoch * UPDATES + position, epoch, lr)
    else:
        # validate's meters, created in order: batch_time, losses, top1, top5
        step = (epoch + 1) * UPDATES - 1
        for name, (val, _avg) in zip(
            ("Test Loss", "Test Acc@1", "Test Acc@5"), state[-3:], strict=True
        ):
            series.add(name, step, epoch, val)
# The checkpoint saver's best metric (eval_top1 of summary.csv), printed once at the end.
best = max(summary, key=lambda row: float(row["eval_top1"]))
series.add("Best metric", None, int(best["epoch"]), float(best["eval_top1"]))

_truth.write(
    library="timm 1.0.29.dev0 (pytorch-image-models aa4b585, train.py; torch 2.14.1 CPU)",
    script=SCRIPT,
    record=(
        "timm's own AverageMeter objects (val at each logging call) for the per-line values; "
        "summary.csv for the per-epoch averages"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "Train Time and Test Time (seconds per update) and the samples per second beside it",
        "Train Data (seconds loading)",
        "the running averages in brackets after each value",
        "the --result JSON: epoch, train loss, validation loss top1 top5 (the epoch averages)",
    ],
    not_printed=["eval_top5 is printed as Acc@5"],
    summary_csv=summary,
    notes=(
        "Training lines 'Train: 0 [   3/8 ( 50%)]  Loss: 0.693 (0.701)  Time: 0.101s,  "
        "158.4/s  (0.120s,  133.1/s)  LR: 1.000e-02  Data: 0.003 (0.004)': the epoch, then the "
        "update index within the epoch of 8 (the '( 50%)' is progress, not a metric), then each "
        "value with its running average in brackets. The step is epoch * 8 + index. Validation "
        "lines 'Test: [   2/2]  Time: ...  Loss: 0.70 (0.69)  Acc@1: 50.0 (53.1)  Acc@5: ...': "
        "their [i/n] counts the validation batches, not training steps; the truth puts them "
        "at the last training step of the epoch they follow. 'Test' labels the line: 'Test "
        "Loss' is a series distinct from the training 'Loss'. The series hold the current "
        "values (the first number after each name); the bracketed running averages are the "
        "same quantity averaged, never a separate series of the same name. The '--result' "
        "JSON at the end repeats the epoch averages. '*** Best metric: 50.0 (epoch 0)' is "
        "the checkpoint saver's best eval top-1: its own series, one point."
    ),
)
