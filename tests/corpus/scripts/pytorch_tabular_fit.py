"""PyTorch Tabular: TabularModel with a CategoryEmbeddingModel classifier on a small synthetic
DataFrame (three numeric columns and one categorical, a noisy linear rule as the target),
fit() with a validation frame, then evaluate() on a test frame.

Console: PyTorch Tabular's own log lines ('2026-12-06 23:31:47,175 - {pytorch_tabular.tabular_model:677}
- INFO - Training Started'), Lightning's banner and Rich model summary (parameter counts, sizes), the
Rich progress bar PyTorch Tabular installs (progress_bar="rich", its default) whose metrics column
('v_num: 0.000 train_loss: 0.714 valid_loss: 0.652 valid_accuracy: 0.610 ...') wraps over several
lines, one name or value per line, when the width is 80 columns (a pipe) — then the test table
('test_accuracy | 0.5199999809265137') that evaluate() prints.

Truth: Lightning's CSVLogger metrics.csv (the logger Lightning falls back to when PyTorch Tabular's
experiment tracking is off; log_every_n_steps=1 so the bar's step-level train_loss is in it),
restricted to the values the bar drew (a hook on Lightning's MetricsTextColumn.render notes the
metrics each rendering showed; to a pipe Rich prints only the last one), and the list of dicts evaluate() returned for the test table.

Versions: pytorch_tabular 1.2.0, pytorch-lightning 2.6.6, torchmetrics 1.8.2, rich 15.0.0,
torch 2.13.0+cpu, pandas 2.3.3, Python 3.11. Seeds fixed; ~15 s of CPU.
Capture (repository root, venv /work/venvs/torch-e, see README-torch.md):
    python tests/corpus/scripts/capture.py pipe real_pytorch_tabular -- python tests/corpus/scripts/pytorch_tabular_fit.py
    python tests/corpus/scripts/capture.py pty real_pytorch_tabular_pty -- python tests/corpus/scripts/pytorch_tabular_fit.py
"""

import csv
import glob
import os
import shutil
import sys

import numpy as np
import pandas as pd
import pytorch_lightning
import pytorch_tabular
import torch
from pytorch_lightning.callbacks.progress import rich_progress
from pytorch_tabular import TabularModel
from pytorch_tabular.config import DataConfig, OptimizerConfig, TrainerConfig
from pytorch_tabular.models import CategoryEmbeddingModelConfig

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

ROOT = "/tmp/corpus-e/ptt"
shutil.rmtree(ROOT, ignore_errors=True)
os.makedirs(ROOT)

drawn = []  # (global step when drawn, dict of the metrics the bar showed)
_render = rich_progress.MetricsTextColumn.render


def render(self, task):
    text = _render(self, task)
    if str(text) and self._metrics:
        drawn.append((self._trainer.global_step, dict(self._metrics)))
    return text


rich_progress.MetricsTextColumn.render = render

rng = np.random.default_rng(0)
n = 800
df = pd.DataFrame(
    {
        "x1": rng.normal(size=n),
        "x2": rng.normal(size=n),
        "x3": rng.normal(size=n),
        "colour": rng.choice(["red", "green", "blue"], n),
    }
)
noise = rng.normal(scale=0.5, size=n)
df["target"] = ((df.x1 + 0.5 * df.x2 - 0.3 * df.x3 + (df.colour == "red") + noise) > 0.3).astype(int)
train, valid, test = df[:560], df[560:680], df[680:]

data_config = DataConfig(target=["target"], continuous_cols=["x1", "x2", "x3"], categorical_cols=["colour"])
model_config = CategoryEmbeddingModelConfig(
    task="classification",
    layers="16-8",
    learning_rate=5e-3,
    metrics=["accuracy", "f1_score"],
    metrics_params=[{}, {"task": "multiclass", "num_classes": 2, "average": "macro"}],
)
trainer_config = TrainerConfig(
    batch_size=64,
    max_epochs=6,
    accelerator="cpu",
    early_stopping=None,
    checkpoints=None,
    load_best=False,
    trainer_kwargs={"log_every_n_steps": 1, "default_root_dir": ROOT, "num_sanity_val_steps": 0},
)
model = TabularModel(
    data_config=data_config,
    model_config=model_config,
    optimizer_config=OptimizerConfig(),
    trainer_config=trainer_config,
)
model.fit(train=train, validation=valid, seed=42)
result = model.evaluate(test)

(metrics_csv,) = glob.glob(os.path.join(ROOT, "lightning_logs", "version_*", "metrics.csv"))
rows = list(csv.DictReader(open(metrics_csv)))
series = _truth.Series()
seen = set()
# Rich renders the bar's columns at every refresh, but only a terminal shows them: to a file or
# pipe Live prints the bar once, when it stops (its last rendering).
if not os.isatty(1):
    drawn = drawn[-1:]
for at_step, metrics in drawn:
    for name, value in metrics.items():
        if name == "v_num":
            continue
        value = float(value)
        hits = [
            r
            for r in rows
            if r.get(name) not in (None, "")
            and int(r["step"]) <= at_step
            and abs(float(r[name]) - value) <= 1e-6 * max(1.0, abs(value))
        ]
        assert hits, (at_step, name, value)
        row = hits[-1]  # the bar shows the newest value (equal accuracies recur across epochs)
        key = (name, row["step"])
        if key in seen:
            continue
        seen.add(key)
        series.add(name, int(row["step"]), int(row["epoch"]), float(row[name]))
test_row = next(r for r in rows if r.get("test_loss"))
for name, value in result[0].items():
    assert abs(float(test_row[name]) - value) < 1e-9, name
    series.add(name, int(test_row["step"]), int(test_row["epoch"]), value)

_truth.write(
    library=f"pytorch_tabular {pytorch_tabular.__version__} (pytorch-lightning {pytorch_lightning.__version__}, "
    f"torch {torch.__version__}, pandas {pd.__version__})",
    script="tests/corpus/scripts/pytorch_tabular_fit.py",
    record="Lightning CSVLogger metrics.csv, restricted to the values the Rich bar drew (a "
    "MetricsTextColumn.render hook), and the list of dicts evaluate() returned (the test table)",
    step_kind="global",
    series=series,
    extra_ok=["bar rate (it/s)"],
    not_printed=sorted(
        {k for r in rows for k, v in r.items() if v and k not in ("step", "epoch")} - set(series.series)
    ),
    notes="PyTorch Tabular's INFO lines, 'Seed set to 42', Lightning's GPU/TPU lines, its CSVLogger "
    "warning and the Rich model summary (parameter counts, 'Total estimated model params size (MB): "
    "0.001': no metrics). The Rich bar 'Epoch 5/5  ━━━ 9/9 0:00:00 • 0:00:00 13.03it/s v_num: 0.000 "
    "train_loss: 0.714 valid_loss: 0.652 valid_accuracy: 0.610 ...' (v_num is the logger's version "
    "number, no metric): in a pipe Rich draws it once, when it stops, at 80 columns, so the metrics "
    "column wraps: 'valid_accuracy:' at the end of one line and '0.610' alone on the next; under the "
    "pty it is redrawn in place at 120 columns. train_loss is the step value (the last step drawn); "
    "valid_* are the epoch's validation values; train_accuracy / train_f1_score the epoch's. Step and "
    "epoch are metrics.csv's. Then evaluate()'s test table (test_accuracy, test_f1_score, test_loss, "
    "test_loss_0 at full precision), with a Rich 'Testing' bar (counts only). 9 batches per epoch, 6 "
    "epochs.",
)
