"""OpenMMLab mmengine's Runner: a small classifier trained by epochs, validated each epoch.

Versions: mmengine 0.10.7, torch 2.14.1 (CPU), numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_mmengine_runner -- python tests/corpus/scripts/mmengine_runner.py
    python tests/corpus/scripts/capture.py pty real_mmengine_runner_pty -- python tests/corpus/scripts/mmengine_runner.py

The Runner's LoggerHook prints, every 10 iterations, `Epoch(train)  [1][10/40]  lr: 1.0000e-02
eta: ...  time: ...  data_time: ...  memory: ...  loss: 0.69  loss_cls: ...` (through mmengine's
MMLogger, with its `%(asctime)s - mmengine - INFO - ` prefix), and after each validation
`Epoch(val) [1][10/10]    accuracy: 81.2500  data_time: ...  time: ...`. Truth: mmengine's own
record of those logs, the LocalVisBackend's `vis_data/scalars.json` (one JSON object per logged
line, with its `step`: the global iteration for training lines, the epoch for validation lines).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from mmengine.evaluator import BaseMetric  # noqa: E402
from mmengine.model import BaseModel  # noqa: E402
from mmengine.runner import Runner  # noqa: E402
from torch import nn  # noqa: E402
from torch.utils.data import Dataset  # noqa: E402

SCRIPT = "tests/corpus/scripts/mmengine_runner.py"


class Blobs(Dataset):
    def __init__(self, n: int, seed: int) -> None:
        rng = np.random.default_rng(seed)
        self.y = rng.integers(0, 2, size=n)
        self.x = (rng.normal(size=(n, 8)) + self.y[:, None] * 0.8).astype(np.float32)

    def __len__(self) -> int:
        return len(self.y)

    def __getitem__(self, i: int) -> dict:
        return {"inputs": torch.from_numpy(self.x[i]), "labels": int(self.y[i])}


class Net(BaseModel):
    def __init__(self) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))

    def forward(self, inputs, labels, mode="tensor"):
        logits = self.body(inputs)
        if mode == "loss":
            loss = nn.functional.cross_entropy(logits, labels)
            return {"loss_cls": loss, "loss_reg": 0.01 * logits.pow(2).mean()}
        if mode == "predict":
            return logits.argmax(1), labels
        return logits


class Accuracy(BaseMetric):
    def process(self, data_batch, data_samples) -> None:
        predictions, labels = data_samples
        self.results.append(
            {"correct": int((predictions == labels).sum()), "total": int(labels.numel())}
        )

    def compute_metrics(self, results) -> dict:
        correct = sum(r["correct"] for r in results)
        total = sum(r["total"] for r in results)
        return {"accuracy": 100.0 * correct / total}


def collate(batch: list[dict]) -> dict:
    return {
        "inputs": torch.stack([b["inputs"] for b in batch]),
        "labels": torch.tensor([b["labels"] for b in batch]),
    }


work = tempfile.mkdtemp(prefix="mmengine-")
runner = Runner(
    model=Net(),
    work_dir=work,
    train_dataloader=dict(
        dataset=Blobs(640, 0),
        sampler=dict(type="DefaultSampler", shuffle=True),
        collate_fn=collate,
        batch_size=16,
    ),
    val_dataloader=dict(
        dataset=Blobs(160, 1),
        sampler=dict(type="DefaultSampler", shuffle=False),
        collate_fn=collate,
        batch_size=16,
    ),
    val_evaluator=dict(type=Accuracy),
    optim_wrapper=dict(optimizer=dict(type="SGD", lr=0.05, momentum=0.9)),
    param_scheduler=dict(type="MultiStepLR", by_epoch=True, milestones=[2], gamma=0.1),
    train_cfg=dict(by_epoch=True, max_epochs=3, val_interval=1),
    val_cfg=dict(),
    default_hooks=dict(logger=dict(type="LoggerHook", interval=10)),
    visualizer=dict(type="Visualizer", vis_backends=[dict(type="LocalVisBackend")]),
    randomness=dict(seed=0),
    env_cfg=dict(dist_cfg=dict(backend="gloo")),
)
runner.train()

scalars = next(Path(work).glob("*/vis_data/scalars.json"))
records = [json.loads(line) for line in scalars.read_text().splitlines() if line.strip()]
shutil.rmtree(work)

series = _truth.Series()
ITERS = 40  # 640 samples / 16 per batch
for record in records:
    if "loss" in record:  # a training line: step is the global iteration
        step = int(record["step"])
        epoch = (step - 1) // ITERS + 1
        for name in ("lr", "loss", "loss_cls", "loss_reg"):
            series.add(f"train {name}", step, epoch, record[name])
    elif "accuracy" in record:  # a validation line: step is the epoch
        epoch = int(record["step"])
        series.add("val accuracy", epoch * ITERS, epoch, record["accuracy"])

_truth.write(
    library="mmengine 0.10.7 (torch 2.14.1 CPU)",
    script=SCRIPT,
    record="LocalVisBackend's vis_data/scalars.json, one object per LoggerHook line",
    step_kind="global",
    series=series,
    extra_ok=[
        "eta (time left)",
        "time and data_time of the train and val lines (seconds per iteration)",
        "grad_norm",
    ],
    not_printed=[],
    notes=(
        "Training lines 'Epoch(train)  [1][10/40]  lr: 5.0000e-02  eta: 0:00:03  time: 0.0051  "
        "data_time: 0.0011  loss: 0.6901  loss_cls: 0.6879  loss_reg: 0.0022' after "
        "the logger's '2026/12/06 15:00:00 - mmengine - INFO - ' prefix; the step is the "
        "global iteration, (epoch - 1) * 40 + the position in the epoch (the record's step). "
        "The phase in 'Epoch(train)' / 'Epoch(val)' labels the line, so the truth names "
        "join it to the printed name ('train loss', 'val accuracy'), as for other labelled "
        "lines in this corpus: what matters is that training and validation values are "
        "separate series. Validation lines 'Epoch(val) [1][10/10]    accuracy: 81.2500  "
        "data_time: ...  time: ...' give one value per epoch (each is drawn twice: once "
        "with eta/time only, then with the metric); the record steps them by epoch, the truth puts them at "
        "that epoch's last training iteration (epoch * 40). The environment and config dumps "
        "before training (seeds, versions, 'lr=0.05') are not metrics."
    ),
)
