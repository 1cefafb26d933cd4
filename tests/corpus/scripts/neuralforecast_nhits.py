"""neuralforecast: NHITS fitted through NeuralForecast.fit on two synthetic daily series with a
validation split, CPU. Its console is Lightning's (neuralforecast builds a pytorch_lightning
Trainer): 'Seed set to 1', the model summary table, the sanity-check / validation bars, and the
TQDM training bar 'Epoch 12: 100%|...| 1/1 [00:00<00:00, 25.1it/s, v_num=0, train_loss_step=0.412,
train_loss_epoch=0.412, valid_loss=0.530]' (one batch per epoch here: the two series are one
window batch), redrawn with '\\r'.

Truth: Lightning's CSVLogger (handed to NHITS as a trainer keyword), metrics.csv, restricted to
the values the bar actually drew. A tqdm hook notes, at each drawn state of the training bar,
the dict Lightning gave set_postfix (its progress_bar_metrics, the same floats it logs); every
drawn value is then looked up in metrics.csv (same name, equal value) and takes that row's step
and epoch. A value drawn twice (the bar redraws) is one point.

Versions: neuralforecast 3.3.0, lightning / pytorch-lightning 2.6.6, torch 2.13.0+cpu,
pandas 3.1.1, tqdm 4.70.1, Python 3.11. Seeds fixed; ~10 s of CPU.
Capture (repository root, venv /work/venvs/torch-a):
    python tests/corpus/scripts/capture.py pipe real_neuralforecast_nhits -- python tests/corpus/scripts/neuralforecast_nhits.py /tmp/nf_pipe
    python tests/corpus/scripts/capture.py pty real_neuralforecast_nhits_pty -- python tests/corpus/scripts/neuralforecast_nhits.py /tmp/nf_pty
"""

import csv
import glob
import os
import shutil
import sys

import neuralforecast
import numpy as np
import pandas as pd
import pytorch_lightning
import torch
import tqdm
from neuralforecast import NeuralForecast
from neuralforecast.models import NHITS
from pytorch_lightning.loggers import CSVLogger

sys.path.insert(0, os.path.dirname(__file__))

import _truth

LOGDIR = sys.argv[1]
shutil.rmtree(LOGDIR, ignore_errors=True)

rng = np.random.default_rng(0)
t = np.arange(240)
frames = []
for uid, phase in (("a", 0.0), ("b", 1.3)):
    y = 10 + 3 * np.sin(2 * np.pi * t / 7 + phase) + 0.05 * t + rng.normal(0, 0.6, len(t))
    frames.append(
        pd.DataFrame(
            {"unique_id": uid, "ds": pd.date_range("2024-01-01", periods=len(t), freq="D"), "y": y}
        )
    )
df = pd.concat(frames, ignore_index=True)

drawn = []  # (description, dict of the bar's metrics as last given to set_postfix)
_set_postfix = tqdm.std.tqdm.set_postfix
_display = tqdm.std.tqdm.display


def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    self._mlop_metrics = dict(ordered_dict or {}, **kwargs)
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


def display(self, *args, **kwargs):
    metrics = getattr(self, "_mlop_metrics", None)
    if metrics and str(self.desc).startswith("Epoch"):
        drawn.append((str(self.desc), dict(metrics)))
    return _display(self, *args, **kwargs)


tqdm.std.tqdm.set_postfix = set_postfix
tqdm.std.tqdm.display = display

model = NHITS(
    h=14,
    input_size=28,
    max_steps=40,
    val_check_steps=5,
    learning_rate=3e-3,
    random_seed=1,
    logger=CSVLogger(LOGDIR, name="nhits"),
    log_every_n_steps=1,  # so that the CSV holds every step's train_loss_step (default: every 50)
)
nf = NeuralForecast(models=[model], freq="D")
nf.fit(df=df, val_size=28)

(metrics_csv,) = glob.glob(os.path.join(LOGDIR, "nhits", "version_*", "metrics.csv"))
rows = list(csv.DictReader(open(metrics_csv)))
series = _truth.Series()
seen = set()
for desc, metrics in drawn:
    for name, value in metrics.items():
        if name == "v_num" or not isinstance(value, float):
            continue
        hits = [
            r
            for r in rows
            if r.get(name) not in (None, "")
            and abs(float(r[name]) - value) <= 1e-6 * max(1.0, abs(value))
        ]
        assert hits, (desc, name, value)
        row = hits[0]
        key = (name, row["step"], row.get("epoch"))
        if key in seen:
            continue
        seen.add(key)
        epoch = int(float(row["epoch"])) if row.get("epoch") else None
        series.add(name, int(row["step"]), epoch, float(row[name]))

logged = sorted({k for r in rows for k, v in r.items() if v and k not in ("step", "epoch")})
_truth.write(
    library=f"neuralforecast {neuralforecast.__version__} (pytorch-lightning {pytorch_lightning.__version__}, "
    f"torch {torch.__version__}, pandas {pd.__version__})",
    script="tests/corpus/scripts/neuralforecast_nhits.py",
    record="Lightning CSVLogger metrics.csv (logger= passed through NHITS' trainer keywords), restricted to "
    "the values the TQDM bar drew",
    step_kind="global",
    series=series,
    extra_ok=["training bar rate (it/s)", "validation bar rate (it/s)"],
    not_printed=[n for n in logged if n not in series.series],
    notes="Lightning's TQDM bar as neuralforecast configures it: one training batch per epoch, so "
    "'Epoch 7: 100%|...| 1/1 [...]' with postfix 'v_num=0, train_loss_step=0.412, "
    "train_loss_epoch=0.412, valid_loss=0.530' (v_num is the logger's version number, no metric); "
    "validation runs every 5 steps ('Validation: |' / 'Validation DataLoader 0: 100%|...| 1/1'). "
    "Step and epoch are the metrics.csv row's. Before training: 'Seed set to 1', Lightning's "
    "GPU/TPU availability lines and the model summary table (parameter counts, sizes in MB: no "
    "metrics). In a pipe the bars are '\\r'-redrawn on one stream; under the pty they carry "
    "cursor moves.",
)
