"""Hugging Face Trainer with disable_tqdm=True and logging_strategy="epoch" / eval_strategy="epoch"
(no bars: only the dicts the Trainer prints at each log), a tiny BERT built from a config (random
init, no download) on synthetic token ids:

    {'loss': '0.6949', 'grad_norm': '0.8231', 'learning_rate': '0.0006667', 'epoch': '1'}
    {'eval_loss': '0.6812', 'eval_accuracy': '0.5625', 'eval_runtime': '0.05', ..., 'epoch': '1'}
    {'train_runtime': '1.234', 'train_samples_per_second': '…', …, 'train_loss': '0.6741', 'epoch': '3'}

Truth: trainer.state.log_history (the Trainer's own record of every logged dict), with the global
step it keeps for each.

Versions: transformers 5.25.0, accelerate 1.16.0, torch 2.13.0+cpu, Python 3.11. Seeds fixed; a
few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zo-1 (see torchkeras_fit.py) plus
pip install transformers):
    HF_HUB_OFFLINE=1 python tests/corpus/scripts/capture.py pipe real_hf_trainer_epoch_log -- python tests/corpus/scripts/hf_trainer_epoch_log.py
"""

import os
import sys
import tempfile

import numpy as np
import torch
from transformers import (
    BertConfig,
    BertForSequenceClassification,
    Trainer,
    TrainingArguments,
    set_seed,
)

sys.path.insert(0, os.path.dirname(__file__))

import _truth


class Synthetic(torch.utils.data.Dataset):
    def __init__(self, n, seed):
        g = torch.Generator().manual_seed(seed)
        self.ids = torch.randint(5, 100, (n, 16), generator=g)
        self.labels = (self.ids[:, :8] < 30).any(-1).long()

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        return {
            "input_ids": self.ids[i],
            "attention_mask": torch.ones(16, dtype=torch.long),
            "labels": self.labels[i],
        }


def accuracy(pred):
    return {"accuracy": float((np.argmax(pred.predictions, -1) == pred.label_ids).mean())}


set_seed(0)
config = BertConfig(
    vocab_size=100,
    hidden_size=32,
    num_hidden_layers=2,
    num_attention_heads=2,
    intermediate_size=64,
    num_labels=2,
)
model = BertForSequenceClassification(config)
args = TrainingArguments(
    output_dir=tempfile.mkdtemp(prefix="hf-epoch-"),
    num_train_epochs=3,
    per_device_train_batch_size=16,
    per_device_eval_batch_size=32,
    learning_rate=1e-3,
    disable_tqdm=True,
    logging_strategy="epoch",
    eval_strategy="epoch",
    save_strategy="no",
    report_to=[],
    use_cpu=True,
    seed=0,
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=Synthetic(128, 1),
    eval_dataset=Synthetic(64, 2),
    compute_metrics=accuracy,
)
trainer.train()

TIMES = ("runtime", "per_second")
series = _truth.Series()
extra = set()
for entry in trainer.state.log_history:
    for name, value in entry.items():
        if name in ("epoch", "step") or name == "total_flos":
            continue
        if any(t in name for t in TIMES):
            extra.add(name)
            continue
        series.add(name, entry["step"], entry["epoch"], value)

_truth.write(
    library="transformers 5.25.0 (accelerate 1.16.0, torch 2.13.0+cpu)",
    script="tests/corpus/scripts/hf_trainer_epoch_log.py",
    record="trainer.state.log_history",
    step_kind="global",
    series=series,
    extra_ok=sorted(extra),
    not_printed=["total_flos (in log_history's last entry, not printed in the final dict)"],
    notes="Trainer.train() with disable_tqdm=True, logging_strategy='epoch', eval_strategy='epoch': "
    "3 epochs of 8 steps, one line per log, a Python dict whose values are strings with 4 "
    "significant digits ({'loss': '0.6949', 'grad_norm': '0.8231', 'learning_rate': '0.0006667', "
    "'epoch': '1'}), the evaluation's dict after it ({'eval_loss': …, 'eval_accuracy': …, "
    "'eval_runtime': …, 'eval_samples_per_second': …, 'eval_steps_per_second': …, 'epoch': '1'}) "
    "and the closing summary ({'train_runtime': …, 'train_samples_per_second': …, "
    "'train_steps_per_second': …, 'train_loss': '0.6741', 'epoch': '3'}). 'epoch' is the "
    "Trainer's epoch counter (not a metric); runtime and per-second values are timings "
    "(extra_ok). Steps: log_history's global step (8, 16, 24; the summary at 24).",
)
