"""segmentation-models-pytorch: a tiny Unet (resnet18 encoder, encoder_weights=None, depth 3) trained
with the library's own training utilities smp.utils.train.TrainEpoch / ValidEpoch, in the shape of
its cars-segmentation example notebook (loop and prints verbatim):

    Epoch: 0
    train: 100%|██████████| 6/6 [00:01<00:00,  4.1it/s, dice_loss - 0.5117, iou_score - 0.3133, fscore - 0.4751]
    valid: 100%|██████████| 3/3 [00:00<00:00, 12.0it/s, dice_loss - 0.4956, iou_score - 0.2913, fscore - 0.4503]
    Model saved!
    ...
    Decrease decoder learning rate to 1e-5!

on synthetic 32x32 images of bright discs with their masks.

Truth: the logs dict each Epoch.run hands to its bar (set_postfix_str(_format_logs(logs)), every
batch, redrawn at once): the running means of smp's AverageValueMeter, at full precision, by stage
and by the loop's epoch; smp counts no global step (step null).

Versions: segmentation-models-pytorch 0.6.0, timm 1.0.31, torch 2.14.1 (+torchvision 0.29.1), tqdm
4.70.1, Python 3.11. Seeds fixed; ~15 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zC-1):
    python tests/corpus/scripts/capture.py pipe real_smp_utils_train -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/smp_utils_train.py
    python tests/corpus/scripts/capture.py pty real_smp_utils_train_pty -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/smp_utils_train.py
"""

import os
import sys
import tempfile

import numpy as np
import segmentation_models_pytorch as smp
import segmentation_models_pytorch.utils  # smp.utils is not imported by smp
import torch
import tqdm
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.manual_seed(0)
np.random.seed(0)
DEVICE = "cpu"


def make(n, seed):
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:32, 0:32]
    imgs, masks = [], []
    for _ in range(n):
        cx, cy = rng.uniform(8, 24, 2)
        r = rng.uniform(4, 9)
        m = ((xx - cx) ** 2 + (yy - cy) ** 2 < r * r).astype(np.float32)
        img = m[None] * rng.uniform(0.4, 0.8) + rng.normal(0, 0.25, (3, 32, 32))
        imgs.append(img.astype(np.float32))
        masks.append(m[None])
    return TensorDataset(torch.tensor(np.stack(imgs)), torch.tensor(np.stack(masks)))


train_loader = DataLoader(make(24, 1), batch_size=4, shuffle=True)
valid_loader = DataLoader(make(12, 2), batch_size=4, shuffle=False)

model = smp.Unet(
    encoder_name="resnet18",
    encoder_weights=None,
    encoder_depth=3,
    decoder_channels=(64, 32, 16),
    in_channels=3,
    classes=1,
    activation="sigmoid",
)

# the library's logs, as handed to the bar (every batch, by stage)
record = []
_format_logs = smp.utils.train.Epoch._format_logs
CURRENT = {"epoch": None}


def format_logs(self, logs):
    record.append((self.stage_name, CURRENT["epoch"], {k: float(v) for k, v in logs.items()}))
    return _format_logs(self, logs)


smp.utils.train.Epoch._format_logs = format_logs

loss = smp.utils.losses.DiceLoss()
metrics = [smp.utils.metrics.IoU(threshold=0.5), smp.utils.metrics.Fscore(threshold=0.5)]
optimizer = torch.optim.Adam([dict(params=model.parameters(), lr=0.001)])

train_epoch = smp.utils.train.TrainEpoch(
    model, loss=loss, metrics=metrics, optimizer=optimizer, device=DEVICE, verbose=True
)
valid_epoch = smp.utils.train.ValidEpoch(
    model, loss=loss, metrics=metrics, device=DEVICE, verbose=True
)

best_path = os.path.join(tempfile.mkdtemp(prefix="smp_"), "best_model.pth")
max_score = 0
for i in range(0, 5):
    CURRENT["epoch"] = i
    print("\nEpoch: {}".format(i))  # noqa: UP032  (the notebook's line)
    train_logs = train_epoch.run(train_loader)
    valid_logs = valid_epoch.run(valid_loader)

    # do something (save model, change lr, etc.)
    if max_score < valid_logs["iou_score"]:
        max_score = valid_logs["iou_score"]
        torch.save(model, best_path)
        print("Model saved!")

    if i == 3:
        optimizer.param_groups[0]["lr"] = 1e-5
        print("Decrease decoder learning rate to 1e-5!")

series = _truth.Series()
for stage, epoch, logs in record:
    for name, value in logs.items():
        series.add(f"{stage} {name}", None, epoch, value)

_truth.write(
    library=f"segmentation-models-pytorch {smp.__version__} (torch {torch.__version__}, tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/smp_utils_train.py",
    record="the logs dict smp.utils.train.Epoch.run formats into its bar every batch (AverageValueMeter means)",
    step_kind="epoch",
    series=series,
    extra_ok=["the bars' it/s throughput"],
    not_printed=["the meters' std; the per-batch values (only running means are shown)"],
    notes="smp.utils' Epoch.run draws one tqdm bar per stage on STDOUT, its description the stage name "
    "('train' / 'valid'), its postfix set every batch with set_postfix_str('dice_loss - 0.5117, iou_score - "
    "0.3133, fscore - 0.4751') (name ' - ' value, value formatted '{:.4}': four significant digits, so "
    "'0.1' or '0.09871' or '1e-04' appear), each one the running mean over the batches so far in this "
    "stage; series are named '<stage> <name>' because both stages print the same names, the bar's "
    "description telling them apart. The redraw is immediate, so every batch's value is drawn; the closing "
    "redraw repeats the last. Before each epoch the loop prints a blank line and 'Epoch: 0' (the epoch, "
    "0-based); 'Model saved!' when valid iou_score improves; 'Decrease decoder learning rate to 1e-5!' "
    "after epoch 3 (a setting, not a metric). Counts '6/6' are batches of the stage.",
)
