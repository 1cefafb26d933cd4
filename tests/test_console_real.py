"""Real training libraries' own output, parsed as it is printed (skipped where not installed).

The captured samples ``tests/corpus/console/real_*.txt`` are tested always (test_console_corpus);
these tests re-run tiny trainings so a new library version's output is checked too.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from tests.test_console_corpus import collect

HF = """
import torch
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments
torch.manual_seed(0)
cfg = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                 intermediate_size=16, num_labels=2)
class DS(torch.utils.data.Dataset):
    def __len__(self): return 32
    def __getitem__(self, i):
        return {"input_ids": torch.arange(8) % 50, "labels": torch.tensor(i % 2)}
args = TrainingArguments(output_dir=OUT, num_train_epochs=2, per_device_train_batch_size=8,
                         logging_steps=1, save_strategy="no", report_to=[], use_cpu=True)
print(args)
Trainer(model=BertForSequenceClassification(cfg), args=args, train_dataset=DS()).train()
"""

LIGHTNING = """
import argparse, torch, lightning as L
from torch.utils.data import DataLoader, TensorDataset
print(argparse.Namespace(lr=0.1, epochs=2, seed=42))
class M(L.LightningModule):
    def __init__(self):
        super().__init__(); self.l = torch.nn.Linear(4, 1)
    def training_step(self, b, i):
        loss = torch.nn.functional.mse_loss(self.l(b[0]), b[1])
        self.log("train_loss", loss, prog_bar=True); return loss
    def configure_optimizers(self): return torch.optim.SGD(self.parameters(), lr=0.1)
ds = TensorDataset(torch.randn(32, 4), torch.randn(32, 1))
L.Trainer(max_epochs=2, enable_progress_bar=True, accelerator="cpu", default_root_dir=OUT,
          logger=False, enable_checkpointing=False).fit(M(), DataLoader(ds, batch_size=8))
"""

KERAS = """
import numpy as np, keras
x = np.random.rand(64, 4).astype("float32"); y = (x.sum(1) > 2).astype("int32")
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2, activation="softmax")])
m.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
m.summary()
m.fit(x, y, epochs=2, batch_size=16, verbose=2)
"""


def run_script(code: str, tmp_path, **env: str) -> dict[str, list[list[float]]]:
    script = tmp_path / "train.py"
    script.write_text(f"OUT = {str(tmp_path)!r}\n" + code)
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        timeout=120,
        env={**os.environ, "HF_HUB_OFFLINE": "1", **env},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    points, events = collect(result.stdout + b"\n" + result.stderr, 1 << 16)
    assert events == []
    return points


def needs(*modules: str):
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    return pytest.mark.skipif(bool(missing), reason=f"not installed: {', '.join(missing)}")


@needs("torch", "transformers", "accelerate")
def test_hf_trainer(tmp_path):
    points = run_script(HF, tmp_path)
    assert {"loss", "grad_norm", "learning_rate", "epoch", "train_loss"} <= points.keys()
    assert not {"seed", "adam_beta1", "logging_steps", "num_train_epochs"} & points.keys()
    assert [s for s, _ in points["loss"]] == list(range(len(points["loss"])))


@needs("torch", "lightning")
def test_lightning(tmp_path):
    points = run_script(LIGHTNING, tmp_path)
    assert "train_loss" in points
    assert not {"lr", "epochs", "seed", "params", "mode", "using", "v_num"} & points.keys()


@needs("torch", "keras")
def test_keras3(tmp_path):
    points = run_script(KERAS, tmp_path, KERAS_BACKEND="torch")
    assert {"accuracy", "loss"} <= points.keys()
    assert len(points["loss"]) == 2
    assert "params" not in points
