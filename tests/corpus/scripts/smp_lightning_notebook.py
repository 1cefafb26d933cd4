"""segmentation-models-pytorch with PyTorch Lightning, in the shape of smp's
examples/binary_segmentation_intro.ipynb (Oxford pets, here synthetic 32x32 discs): a LightningModule
around smp.create_model("Unet", "resnet18", encoder_weights=None), smp.losses.DiceLoss, and
smp.metrics.get_stats / iou_score at each epoch end logged with
self.log_dict({f"{stage}_per_image_iou": ..., f"{stage}_dataset_iou": ...}, prog_bar=True); then, as
the notebook does,

    valid_metrics = trainer.validate(model, dataloaders=valid_dataloader, verbose=False)
    print(valid_metrics)
    test_metrics = trainer.test(model, dataloaders=test_dataloader, verbose=False)
    print(test_metrics)

which prints "[{'valid_per_image_iou': 0.61..., 'valid_dataset_iou': 0.63...}]".

Truth: Lightning's CSVLogger metrics.csv (fit, validate and test all log there), restricted to the
values the training bar actually drew in full (a tqdm display hook compares each 'name=value' of the
postfix with the line as drawn: under a terminal the line is cut at 120 columns), plus the dicts
validate() / test() returned (printed whole).

Versions: segmentation-models-pytorch 0.6.0, pytorch-lightning 2.6.6, torch 2.14.1 (+torchvision
0.29.1), tqdm 4.70.1, Python 3.11. Seeds fixed; ~30 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zC-1):
    python tests/corpus/scripts/capture.py pipe real_smp_lightning_notebook -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/smp_lightning_notebook.py
    python tests/corpus/scripts/capture.py pty real_smp_lightning_notebook_pty -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/smp_lightning_notebook.py
"""

import csv
import os
import re
import sys
import tempfile

import numpy as np
import pytorch_lightning as pl
import segmentation_models_pytorch as smp
import torch
import tqdm
from pytorch_lightning.loggers import CSVLogger
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth

pl.seed_everything(0)
EPOCHS = 4
T_MAX = EPOCHS * 6


def make(n, seed):
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:32, 0:32]
    imgs, masks = [], []
    for _ in range(n):
        cx, cy = rng.uniform(8, 24, 2)
        r = rng.uniform(4, 9)
        m = ((xx - cx) ** 2 + (yy - cy) ** 2 < r * r).astype(np.float32)
        img = m[None] * rng.uniform(0.3, 0.7) + rng.uniform(0, 1, (3, 32, 32)) * 0.8
        imgs.append(img.astype(np.float32))
        masks.append(m[None])
    return TensorDataset(torch.tensor(np.stack(imgs)), torch.tensor(np.stack(masks)))


train_dataloader = DataLoader(make(24, 1), batch_size=4, shuffle=True)
valid_dataloader = DataLoader(make(12, 2), batch_size=4, shuffle=False)
test_dataloader = DataLoader(make(12, 3), batch_size=4, shuffle=False)


class PetModel(pl.LightningModule):
    def __init__(self, arch, encoder_name, in_channels, out_classes, **kwargs):
        super().__init__()
        self.model = smp.create_model(
            arch,
            encoder_name=encoder_name,
            in_channels=in_channels,
            classes=out_classes,
            **kwargs,
        )
        # preprocessing parameteres for image (the notebook calls
        # smp.encoders.get_preprocessing_params(encoder_name), which fetches a config from the Hub:
        # here the ImageNet values it gives for resnet encoders)
        params = {"mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]}
        self.register_buffer("std", torch.tensor(params["std"]).view(1, 3, 1, 1))
        self.register_buffer("mean", torch.tensor(params["mean"]).view(1, 3, 1, 1))

        # for image segmentation dice loss could be the best first choice
        self.loss_fn = smp.losses.DiceLoss(smp.losses.BINARY_MODE, from_logits=True)

        # initialize step metics
        self.training_step_outputs = []
        self.validation_step_outputs = []
        self.test_step_outputs = []

    def forward(self, image):
        # normalize image here
        image = (image - self.mean) / self.std
        mask = self.model(image)
        return mask

    def shared_step(self, batch, stage):
        image, mask = batch
        assert image.ndim == 4
        h, w = image.shape[2:]
        assert h % 8 == 0 and w % 8 == 0
        assert mask.ndim == 4
        assert mask.max() <= 1.0 and mask.min() >= 0
        logits_mask = self.forward(image)
        loss = self.loss_fn(logits_mask, mask)
        prob_mask = logits_mask.sigmoid()
        pred_mask = (prob_mask > 0.5).float()
        tp, fp, fn, tn = smp.metrics.get_stats(pred_mask.long(), mask.long(), mode="binary")
        return {"loss": loss, "tp": tp, "fp": fp, "fn": fn, "tn": tn}

    def shared_epoch_end(self, outputs, stage):
        # aggregate step metics
        tp = torch.cat([x["tp"] for x in outputs])
        fp = torch.cat([x["fp"] for x in outputs])
        fn = torch.cat([x["fn"] for x in outputs])
        tn = torch.cat([x["tn"] for x in outputs])

        # per image IoU means that we first calculate IoU score for each image
        # and then compute mean over these scores
        per_image_iou = smp.metrics.iou_score(tp, fp, fn, tn, reduction="micro-imagewise")

        # dataset IoU means that we aggregate intersection and union over whole dataset
        # and then compute IoU score.
        dataset_iou = smp.metrics.iou_score(tp, fp, fn, tn, reduction="micro")
        metrics = {
            f"{stage}_per_image_iou": per_image_iou,
            f"{stage}_dataset_iou": dataset_iou,
        }

        self.log_dict(metrics, prog_bar=True)

    def training_step(self, batch, batch_idx):
        train_loss_info = self.shared_step(batch, "train")
        # append the metics of each step to the
        self.training_step_outputs.append(train_loss_info)
        return train_loss_info

    def on_train_epoch_end(self):
        self.shared_epoch_end(self.training_step_outputs, "train")
        # empty set output list
        self.training_step_outputs.clear()
        return

    def validation_step(self, batch, batch_idx):
        valid_loss_info = self.shared_step(batch, "valid")
        self.validation_step_outputs.append(valid_loss_info)
        return valid_loss_info

    def on_validation_epoch_end(self):
        self.shared_epoch_end(self.validation_step_outputs, "valid")
        self.validation_step_outputs.clear()
        return

    def test_step(self, batch, batch_idx):
        test_loss_info = self.shared_step(batch, "test")
        self.test_step_outputs.append(test_loss_info)
        return test_loss_info

    def on_test_epoch_end(self):
        self.shared_epoch_end(self.test_step_outputs, "test")
        # empty set output list
        self.test_step_outputs.clear()
        return

    def configure_optimizers(self):
        optimizer = torch.optim.Adam(self.parameters(), lr=2e-3)
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=1e-5)
        return {
            "optimizer": optimizer,
            "lr_scheduler": {"scheduler": scheduler, "interval": "step", "frequency": 1},
        }


model = PetModel(
    "Unet",
    "resnet18",
    in_channels=3,
    out_classes=1,
    encoder_weights=None,
    encoder_depth=3,
    decoder_channels=(64, 32, 16),
)

# the 'name=value' pairs the training bar drew in full (the line may be cut at the terminal's width)
drawn = set()
_display = tqdm.std.tqdm.display
PAIR = re.compile(r"(\w+)=([^,\]]+)")


def display(self, *a, **k):
    if str(self.desc).startswith("Epoch") and self.postfix:
        full = self.format_meter(**{**self.format_dict, "ncols": None})
        shown = str(self)
        for name, value in PAIR.findall(full):
            pair = f"{name}={value}"
            if re.search(re.escape(pair) + r"[,\]]", shown):
                drawn.add((name, value.strip()))
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display

logdir = tempfile.mkdtemp(prefix="smp_pl_")
csv_logger = CSVLogger(save_dir=logdir, name="pets")
trainer = pl.Trainer(
    max_epochs=EPOCHS, log_every_n_steps=1, logger=csv_logger, enable_checkpointing=False
)

trainer.fit(model, train_dataloaders=train_dataloader, val_dataloaders=valid_dataloader)

# run validation dataset
valid_metrics = trainer.validate(model, dataloaders=valid_dataloader, verbose=False)
print(valid_metrics)

# run test dataset
test_metrics = trainer.test(model, dataloaders=test_dataloader, verbose=False)
print(test_metrics)

# truth: the fit's epoch-end values the bar drew, then the two printed dicts
trainer.logger.finalize("success")
rows = list(csv.DictReader(open(os.path.join(csv_logger.log_dir, "metrics.csv"))))
series = _truth.Series()
seen = {}
for row in rows:
    for name in (
        "train_per_image_iou",
        "train_dataset_iou",
        "valid_per_image_iou",
        "valid_dataset_iou",
    ):
        if row.get(name):
            v = float(row[name])
            seen.setdefault(name, []).append((int(row["step"]), int(row["epoch"]), v))


def shown_value(name, v):
    # the bar's text for v (Lightning's Tqdm.format_num) among the drawn pairs of that name
    return any(
        n == name and abs(float(t) - v) <= 0.5 * 10 ** -(len(t.split(".")[-1])) for n, t in drawn
    )


# fit: the CSV rows of the fit (the validate() run logs one more valid row, at the same step)
n_fit_valid = EPOCHS
for name, pts in seen.items():
    if name.startswith("valid"):
        pts = pts[:n_fit_valid]
    for step, epoch, v in pts:
        if shown_value(name, v):
            series.add(name, step, epoch, v)
for d in valid_metrics + test_metrics:
    for name, v in d.items():
        series.add(name, None, None, v)

_truth.write(
    library=f"segmentation-models-pytorch {smp.__version__} (pytorch-lightning {pl.__version__}, "
    f"torch {torch.__version__}, tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/smp_lightning_notebook.py",
    record="Lightning CSVLogger metrics.csv restricted to the values the training bar drew in full; "
    "the dicts trainer.validate() / trainer.test() returned (printed with print())",
    step_kind="global",
    series=series,
    extra_ok=["the bars' it/s throughput"],
    not_printed=["the Dice loss (the notebook never logs it)"],
    notes="Lightning's device lines and model summary (counts, sizes), a sanity-check bar, then the training "
    "bar 'Epoch 1: 100%|██████████| 6/6 [00:00<00:00,  7.20it/s, v_num=0, valid_per_image_iou=0.312, "
    "valid_dataset_iou=0.335, train_per_image_iou=0.283, train_dataset_iou=0.301]': the epoch-end IoUs join "
    "the postfix when logged (valid after validation, train at the epoch's end) and are redrawn unchanged "
    "beside the next epoch's batches; under a terminal of 120 columns the postfix is cut, so only the first "
    "pairs are whole (the truth keeps only pairs drawn whole). Validation / Testing bars carry no metric. "
    "Then the notebook's print(valid_metrics) / print(test_metrics): a list holding one dict, "
    "\"[{'valid_per_image_iou': 0.3…, 'valid_dataset_iou': 0.3…}]\" (full float repr; these are the "
    "validate()/test() results, placed with step null). The step of bar values is the CSV's step column.",
)
