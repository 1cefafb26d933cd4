"""GluonTS SimpleFeedForwardEstimator (PyTorch Lightning underneath) on a synthetic daily series.

Versions: gluonts 0.17.0, lightning 2.6.6, torch 2.13.0 (CPU), rich installed, Python 3.11
(venv /work/venvs/torch-e).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_gluonts_feedforward -- python tests/corpus/scripts/gluonts_feedforward.py
    python tests/corpus/scripts/capture.py pty real_gluonts_feedforward_pty -- python tests/corpus/scripts/gluonts_feedforward.py
Truth: Lightning's CSVLogger metrics.csv that GluonTS's trainer writes (logger=True), restricted
to the values the console shows (see the entry's notes).
"""

import csv
import glob
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import gluonts  # noqa: E402
import lightning  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import torch  # noqa: E402
from gluonts.dataset.pandas import PandasDataset  # noqa: E402
from gluonts.torch.model.simple_feedforward import SimpleFeedForwardEstimator  # noqa: E402

torch.manual_seed(0)
np.random.seed(0)
ROOT = "/tmp/corpus-gluonts"
shutil.rmtree(ROOT, ignore_errors=True)
t = np.arange(200)
df = pd.DataFrame(
    {"target": (np.sin(t / 7) + 0.1 * np.random.randn(200)).astype("float32")},
    index=pd.period_range("2020-01-01", periods=200, freq="D"),
)
ds = PandasDataset(df, target="target")
est = SimpleFeedForwardEstimator(
    prediction_length=7,
    context_length=14,
    hidden_dimensions=[16],
    batch_size=16,
    num_batches_per_epoch=10,
    trainer_kwargs={"max_epochs": 4, "accelerator": "cpu", "default_root_dir": ROOT},
)
est.train(ds, validation_data=ds)

rows = list(csv.DictReader(open(glob.glob(f"{ROOT}/lightning_logs/version_*/metrics.csv")[0])))
series = _truth.Series()
for r in rows:
    if r.get("val_loss"):
        series.add("val_loss", int(r["step"]), int(r["epoch"]), float(r["val_loss"]))
# the bar shows train_loss from the end of the first epoch on (3 significant digits): under a pty
# each epoch's value is drawn; piped, rich draws the bar once, at the end (the last epoch's value)
train = [r for r in rows if r.get("train_loss")]
if os.environ.get("MLOP_CORPUS_MODE") != "pty":
    train = train[-1:]
for r in train:
    series.add("train_loss", int(r["step"]), int(r["epoch"]), float(r["train_loss"]))
_truth.write(
    library=f"gluonts {gluonts.__version__}, lightning {lightning.__version__}, torch {torch.__version__}",
    script="tests/corpus/scripts/gluonts_feedforward.py",
    record="Lightning CSVLogger metrics.csv (GluonTS's trainer, logger=True)",
    step_kind="global",
    series=series,
    not_printed=["train_loss of epochs 0-2 in the piped capture (the bar is drawn once, at the end)"],
    notes=(
        "GluonTS/Lightning start-up lines (UserWarnings, 'GPU available: False, used: False', a tip), "
        "rich's model summary table (parameter counts, sizes in MB, FLOPs: not metrics), then a rich "
        "progress bar 'Epoch 3/3  ━━━ 10/-- 0:00:00 • -:--:-- 290.77it/s v_num: 0.000' (the batch count, "
        "elapsed time, throughput and Lightning's logger version number 'v_num': no metric) and GluonTS's "
        "ModelCheckpoint on val_loss printing per epoch \"Epoch 0, global step 10: 'val_loss' reached "
        "0.35477 (best 0.35477), saving model to '/tmp/corpus-gluonts/.../epoch=0-step=10.ckpt' as top 1\" "
        "(or \"'val_loss' was not in top 1\"). The bar's second and third lines hold 'val_loss: 0.294' and 'train_loss: 1.044' (3 significant digits, the last epoch-end values logged). Series 'val_loss' (5 decimals printed, full precision in "
        "metrics.csv), step = metrics.csv's step, which is one less than the printed 'global step' "
        "(Lightning logs at the last batch index), epoch = the printed epoch (0-based). Series 'train_loss' the same way from the bar (pty: one point per epoch, each redraw after an epoch's end; pipe: the last epoch only); the bar's val_loss is the same point as that epoch's checkpoint line. Under a pty the bar first shows 'val_loss: 0.415' from Lightning's sanity check (2 validation batches before training; never logged to metrics.csv, so not in the series: a real value without a record). The '(best X)' "
        "is the running best of the same series; the numbers in the checkpoint path repeat epoch and "
        "step. Under a pipe rich draws the bar once at the end; under a pty it redraws it in place."
    ),
)
