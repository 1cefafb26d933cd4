"""PyTorch Forecasting's N-BEATS on a synthetic series, trained by Lightning with its bar.

Versions: pytorch-forecasting (see the truth's library field), lightning, torch 2.13.0+cpu,
Python 3.11 (/work/wt/venv-holdout).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_pytorch_forecasting_nbeats -- python tests/corpus/scripts/pytorch_forecasting_nbeats.py
    python tests/corpus/scripts/capture.py pty real_pytorch_forecasting_nbeats_pty -- python tests/corpus/scripts/pytorch_forecasting_nbeats.py
Truth: Lightning's CSVLogger metrics.csv (every logged value, with its step and epoch), for the
metrics the bar shows.
"""

import csv
import os
import sys
import tempfile
import warnings

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import lightning.pytorch as pl
import numpy as np
import pandas as pd
import pytorch_forecasting
import torch
from lightning.pytorch.loggers import CSVLogger
from pytorch_forecasting import NBeats, TimeSeriesDataSet

warnings.filterwarnings("ignore")
pl.seed_everything(0, verbose=False)
rng = np.random.default_rng(0)
n = 400
data = pd.DataFrame(
    {
        "time_idx": np.arange(n),
        "series": "a",
        "value": np.sin(np.arange(n) / 8.0) + 0.1 * rng.normal(size=n),
    }
)
data["value"] = data["value"].astype("float32")
cutoff = 300
kwargs = dict(
    time_idx="time_idx",
    target="value",
    group_ids=["series"],
    max_encoder_length=24,
    max_prediction_length=6,
    time_varying_unknown_reals=["value"],
)
training = TimeSeriesDataSet(data[data.time_idx < cutoff], **kwargs)
validation = TimeSeriesDataSet.from_dataset(training, data, min_prediction_idx=cutoff)
train_loader = training.to_dataloader(train=True, batch_size=32, num_workers=0)
val_loader = validation.to_dataloader(train=False, batch_size=32, num_workers=0)
logdir = tempfile.mkdtemp(prefix="ptf-corpus-")
trainer = pl.Trainer(
    max_epochs=3,
    accelerator="cpu",
    logger=CSVLogger(logdir, name="nbeats"),
    enable_checkpointing=False,
    enable_model_summary=True,
    limit_train_batches=6,
    log_every_n_steps=1,
)
model = NBeats.from_dataset(
    training, learning_rate=1e-2, widths=[32, 32], backcast_loss_ratio=0.1, log_interval=-1
)
trainer.fit(model, train_dataloaders=train_loader, val_dataloaders=val_loader)

series = _truth.Series()
path = os.path.join(trainer.logger.log_dir, "metrics.csv")
with open(path) as fh:
    rows = list(csv.DictReader(fh))
# Piped, the bar is drawn once, at the end, with the latest value of each metric it shows.
SHOWN = ("train_loss_step", "val_loss", "train_loss_epoch")
for column in SHOWN:
    last = [row for row in rows if row.get(column, "") != ""][-1]
    series.add(column, int(last["step"]), int(last["epoch"]), float(last[column]))

_truth.write(
    library=f"pytorch-forecasting {pytorch_forecasting.__version__} (lightning {pl.__version__}, "
    f"torch {torch.__version__})",
    script="tests/corpus/scripts/pytorch_forecasting_nbeats.py",
    record="Lightning's CSVLogger metrics.csv (log_every_n_steps=1)",
    step_kind="global",
    series=series,
    extra_ok=["v_num (the logger's version)"],
    not_printed=[
        "val_MAE, val_MAPE, val_MASE, val_RMSE, val_SMAPE, val_backcast_loss, "
        "val_forecast_loss, train_backcast_loss_epoch, train_forecast_loss_epoch (metrics.csv)",
        "every earlier value of the bar's metrics (piped, the bar is drawn once, at the end)",
    ],
    notes="Lightning's rich progress bar, piped: drawn once when training ends, 80 columns wide: "
    "`Epoch 2/2  ━━━━ 6/6 0:00:00 • 0:00:00 7.42it/s v_num: 0.000` then its metrics wrapped onto "
    "indented lines, a name's value often on the next line (`train_loss_step:` / `1.405 "
    "val_loss:` / `0.973`). Before it: the model summary table (Params 18.3 K, a count) and "
    "Lightning's banners.",
)
