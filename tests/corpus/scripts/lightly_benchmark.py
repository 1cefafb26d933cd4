"""lightly: SimCLR as a lightly BenchmarkModule (kNN accuracy on a held-out set after each epoch)
trained by PyTorch Lightning on synthetic 32x32 images of four classes, in the shape of lightly's
benchmarks/cifar10_benchmark.py (scaled down, one model, one seed): the model logs
self.log("train_loss_ssl", loss, prog_bar=True), BenchmarkModule logs "kNN_accuracy" (percent) with
prog_bar=True; Lightning draws its model summary and TQDMProgressBar; then the benchmark's results
table (reconstructed from lightly's script):

    | Model         | Batch Size | Epochs |  KNN Test Accuracy |       Time | Peak GPU Usage |
    | SimCLR        |         16 |      3 |              0.375 |    0.1 Min |      0.0 GByte |

No pretrained backbone: lightly's ResNetGenerator("resnet-9", width=0.25) from scratch; lightly's
SimCLRTransform (torchvision) makes the two views.

Truth: Lightning's CSVLogger metrics.csv (log_every_n_steps=1: every training step), restricted to
the values the bar actually drew (a tqdm display hook notes trainer.progress_bar_metrics at each
drawn state); the table's accuracy is model.max_accuracy (BenchmarkModule's own attribute).

Versions: lightly 1.6.0, pytorch-lightning 2.6.6, torch 2.14.1, torchvision 0.29.1, tqdm 4.70.1,
Python 3.11. Seeds fixed; ~30 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zC-1):
    python tests/corpus/scripts/capture.py pipe real_lightly_benchmark -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/lightly_benchmark.py
    python tests/corpus/scripts/capture.py pty real_lightly_benchmark_pty -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/lightly_benchmark.py
"""

import csv
import glob
import os
import sys
import tempfile
import time

import lightly
import numpy as np
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torchvision
import tqdm
from lightly.data import LightlyDataset
from lightly.loss import NTXentLoss
from lightly.models import ResNetGenerator
from lightly.models.modules import heads
from lightly.transforms import SimCLRTransform
from lightly.transforms.utils import IMAGENET_NORMALIZE
from lightly.utils.benchmarking import BenchmarkModule
from PIL import Image
from pytorch_lightning.loggers import CSVLogger

sys.path.insert(0, os.path.dirname(__file__))

import _truth

logs_root_dir = tempfile.mkdtemp(prefix="lightly_")
max_epochs = 4
batch_size = 16
num_workers = 0
knn_k = 5
knn_t = 0.1
classes = 4
input_size = 32

pl.seed_everything(0)


class Shapes(torch.utils.data.Dataset):
    """Synthetic PIL images: class c is a coloured stripe pattern of orientation/colour c."""

    def __init__(self, n, seed):
        self.transform = None  # LightlyDataset.from_torch_dataset sets it
        rng = np.random.default_rng(seed)
        self.items = []
        yy, xx = np.mgrid[0:input_size, 0:input_size]
        for i in range(n):
            c = i % classes
            phase = rng.uniform(0, 6.28)
            wave = np.sin((xx if c % 2 else yy) * (0.4 + 0.3 * (c // 2)) + phase)
            rgb = np.stack([0.35 * wave * (c == k) for k in range(3)], -1) + rng.normal(
                0, 0.8, (32, 32, 3)
            )
            img = ((rgb + 1.5) / 3 * 255).clip(0, 255).astype(np.uint8)
            self.items.append((Image.fromarray(img), c))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        img, target = self.items[i]
        return (self.transform(img) if self.transform else img), target


transform = SimCLRTransform(input_size=input_size, gaussian_blur=0.0, cj_strength=0.5)
test_transforms = torchvision.transforms.Compose(
    [
        torchvision.transforms.ToTensor(),
        torchvision.transforms.Normalize(
            mean=IMAGENET_NORMALIZE["mean"],
            std=IMAGENET_NORMALIZE["std"],
        ),
    ]
)
dataset_train_ssl = LightlyDataset.from_torch_dataset(Shapes(64, 1), transform=transform)
dataset_train_kNN = LightlyDataset.from_torch_dataset(Shapes(64, 1), transform=test_transforms)
dataset_test = LightlyDataset.from_torch_dataset(Shapes(32, 2), transform=test_transforms)

dataloader_train_ssl = torch.utils.data.DataLoader(
    dataset_train_ssl, batch_size=batch_size, shuffle=True, drop_last=True, num_workers=num_workers
)
dataloader_train_kNN = torch.utils.data.DataLoader(
    dataset_train_kNN, batch_size=batch_size, shuffle=False, num_workers=num_workers
)
dataloader_test = torch.utils.data.DataLoader(
    dataset_test, batch_size=batch_size, shuffle=False, num_workers=num_workers
)


class SimCLRModel(BenchmarkModule):
    def __init__(self, dataloader_kNN, num_classes):
        super().__init__(dataloader_kNN, num_classes, knn_k=knn_k, knn_t=knn_t)
        resnet = ResNetGenerator("resnet-9", width=0.25)
        feature_dim = list(resnet.children())[-1].in_features
        self.backbone = nn.Sequential(*list(resnet.children())[:-1], nn.AdaptiveAvgPool2d(1))
        self.projection_head = heads.SimCLRProjectionHead(feature_dim, feature_dim, 64)
        self.criterion = NTXentLoss()

    def forward(self, x):
        x = self.backbone(x).flatten(start_dim=1)
        return self.projection_head(x)

    def training_step(self, batch, batch_index):
        (x0, x1), _, _ = batch
        z0 = self.forward(x0)
        z1 = self.forward(x1)
        loss = self.criterion(z0, z1)
        self.log("train_loss_ssl", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        optim = torch.optim.SGD(
            self.parameters(), lr=6e-2 * batch_size / 256, momentum=0.9, weight_decay=5e-4
        )
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optim, max_epochs)
        return [optim], [scheduler]


# what the bar drew: trainer.progress_bar_metrics at each drawn state of the training bar
drawn = []
_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    if str(self.desc).startswith("Epoch") and TRAINER.get("t") is not None:
        pbm = dict(TRAINER["t"].progress_bar_metrics)
        if pbm and (not drawn or drawn[-1] != pbm):
            drawn.append(pbm)
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display
TRAINER = {}

bench_results = {}
model_name = "SimCLR"
start = time.time()
benchmark_model = SimCLRModel(dataloader_train_kNN, classes)
csv_logger = CSVLogger(save_dir=logs_root_dir, name=model_name)
trainer = pl.Trainer(
    max_epochs=max_epochs,
    accelerator="cpu",
    devices=1,
    default_root_dir=logs_root_dir,
    logger=csv_logger,
    log_every_n_steps=1,
    enable_checkpointing=False,
)
TRAINER["t"] = trainer
trainer.fit(
    benchmark_model,
    train_dataloaders=dataloader_train_ssl,
    val_dataloaders=dataloader_test,
)
end = time.time()
run = {
    "max_accuracy": benchmark_model.max_accuracy,
    "runtime": end - start,
    "gpu_memory_usage": torch.cuda.max_memory_allocated() if torch.cuda.is_available() else 0,
    "seed": 0,
}
bench_results[model_name] = [run]

# print results table
header = (
    f"| {'Model':<13} | {'Batch Size':>10} | {'Epochs':>6} "
    f"| {'KNN Test Accuracy':>18} | {'Time':>10} | {'Peak GPU Usage':>14} |"
)
print("-" * len(header))
print(header)
print("-" * len(header))
for model, results in bench_results.items():
    runtime = np.array([result["runtime"] for result in results])
    runtime = runtime.mean() / 60  # convert to min
    accuracy = np.array([result["max_accuracy"] for result in results])
    gpu_memory_usage = np.array([result["gpu_memory_usage"] for result in results])
    gpu_memory_usage = gpu_memory_usage.max() / (1024**3)  # convert to gbyte

    if len(accuracy) > 1:
        accuracy_msg = f"{accuracy.mean():>8.3f} +- {accuracy.std():>4.3f}"
    else:
        accuracy_msg = f"{accuracy.mean():>18.3f}"

    print(
        f"| {model:<13} | {batch_size:>10} | {max_epochs:>6} "
        f"| {accuracy_msg} | {runtime:>6.1f} Min "
        f"| {gpu_memory_usage:>8.1f} GByte |",
        flush=True,
    )
print("-" * len(header))

# truth: CSVLogger rows, only the values the bar drew
(metrics_csv,) = glob.glob(os.path.join(csv_logger.log_dir, "metrics.csv"))
rows = list(csv.DictReader(open(metrics_csv)))
series = _truth.Series()
shown = {name: {d[name] for d in drawn if name in d} for name in ("train_loss_ssl", "kNN_accuracy")}
for row in rows:
    for name in ("train_loss_ssl", "kNN_accuracy"):
        if row.get(name):
            v = float(row[name])
            if any(abs(v - s) <= 1e-6 * max(1.0, abs(v)) for s in shown[name]):
                series.add(name, int(row["step"]), int(row["epoch"]), v)
series.add("KNN Test Accuracy", None, None, benchmark_model.max_accuracy)

_truth.write(
    library=f"lightly {lightly.__version__} (pytorch-lightning {pl.__version__}, torch {torch.__version__}, "
    f"torchvision {torchvision.__version__}, tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/lightly_benchmark.py",
    record="Lightning CSVLogger metrics.csv (log_every_n_steps=1), restricted to the values the TQDM bar drew "
    "(trainer.progress_bar_metrics at each drawn state); the table's accuracy is BenchmarkModule.max_accuracy",
    step_kind="global",
    series=series,
    extra_ok=["the bars' it/s throughput"],
    not_printed=["train_loss_ssl values of steps the bar did not redraw"],
    notes="Lightning prints its device lines ('GPU available: False, used: False', 'TPU available: False, "
    "using: 0 TPU cores'), the model summary table (  | Name | Type | Params | Mode, then 'Trainable params', "
    "'Total estimated model params size (MB)', modules in train/eval mode: all counts and sizes), a sanity "
    "check bar, the training bar 'Epoch 0: 100%|██████████| 4/4 [00:01<00:00,  2.51it/s, v_num=0, "
    "train_loss_ssl=4.210, kNN_accuracy=25.00]' ('v_num' is the logger's version number, not a metric; "
    "kNN_accuracy is BenchmarkModule's kNN accuracy in PERCENT, logged at validation end, so it joins the "
    "postfix after the first validation and is redrawn unchanged beside later steps), validation bars "
    "'Validation DataLoader 0: 100%|...| 2/2' (no metric), '`Trainer.fit` stopped: `max_epochs=3` reached.', "
    "then the benchmark's results table (dashes, a header row, one row: model name, batch size 16, epochs 3 "
    "(settings), 'KNN Test Accuracy' (BenchmarkModule.max_accuracy as a FRACTION, 3 decimals), 'Time' "
    "'0.3 Min' (a run time) and 'Peak GPU Usage' '0.0 GByte' (memory): only the accuracy is a metric). "
    "The step of train_loss_ssl / kNN_accuracy is the CSV's step column (Lightning's global step).",
)
