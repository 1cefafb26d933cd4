# LitGPT on a tiny randomly initialised GPT (2 layers, n_embd 32) built from a litgpt.Config in this
# script, with a BPE tokenizer trained here on synthetic sentences (tokenizer.json +
# tokenizer_config.json in a local checkpoint dir); no download of weights, tokenizer or data.
#   --mode pretrain: `litgpt pretrain --config pretrain.yaml` (a config_hub-style YAML) with a small
#                    in-memory DataModule of token blocks, logger_name="csv"; prints the hparams
#                    dict, "Total parameters", "Measured TFLOPs", one "Epoch 1 | iter N step N |
#                    loss train: X, val: Y | iter time: Z ms (step) remaining time: H:MM:SS" line
#                    per iteration, "iter N: val loss X, val time: Z ms" every eval.interval steps,
#                    the Performance block and "Final evaluation | val loss: X | val ppl: Y".
#   --mode lora:     `litgpt finetune_lora CKPT --config lora.yaml` on a local checkpoint
#                    dir (random lit_model.pth) and a local JSON instruction file (litgpt.data.JSON),
#                    logger_name="csv" (its default).
# Printed as users see them (fabric.print, no progress bar). Truth: Lightning Fabric's CSVLogger
# metrics.csv that litgpt writes (out_dir/logs/csv/version_0/metrics.csv): loss per iteration
# (printed "loss train"), val_loss (printed "val loss" / "val" / "Final evaluation | val loss"),
# val_ppl (printed only by the final evaluation line).
# litgpt 0.5.13, lightning 2.6.6, tokenizers 0.23.3, torch 2.13.0+cpu
# (venv corpus-zAT-1: pip install torch==2.13.0 && pip install "litgpt[all]"; litdata is not
# installed: it pulls torch 2.14.1, so litgpt's TextFiles data module is not used).
# Captures (from the repo root):
#   python tests/corpus/scripts/capture.py pipe real_litgpt_pretrain -- \
#       /work/venvs/corpus-zAT-1/bin/python tests/corpus/scripts/litgpt_tiny.py --mode pretrain
#   python tests/corpus/scripts/capture.py pipe real_litgpt_finetune_lora -- \
#       /work/venvs/corpus-zAT-1/bin/python tests/corpus/scripts/litgpt_tiny.py --mode lora
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import litgpt
import torch
import yaml
from litgpt import Config
from litgpt.data import DataModule
from litgpt.model import GPT
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from torch.utils.data import DataLoader

WORDS = "the a cat dog bird sat ran flew on under over mat log tree fast slow red blue big small".split()


def sentences(n, seed):
    r = random.Random(seed)
    return [" ".join(r.choice(WORDS) for _ in range(r.randint(5, 12))) + "." for _ in range(n)]


def build_checkpoint(ckpt: Path) -> Config:
    ckpt.mkdir(parents=True, exist_ok=True)
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.train_from_iterator(
        sentences(500, 0),
        trainers.BpeTrainer(
            vocab_size=96, special_tokens=["<pad>", "<unk>", "<s>", "</s>"], show_progress=False
        ),
    )
    tok.save(str(ckpt / "tokenizer.json"))
    (ckpt / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "tokenizer_class": "PreTrainedTokenizerFast",
                "bos_token": "<s>",
                "eos_token": "</s>",
                "add_bos_token": True,
            }
        )
    )
    config = Config(
        name="tiny-gpt",
        block_size=64,
        vocab_size=tok.get_vocab_size(),
        padded_vocab_size=128,
        n_layer=2,
        n_head=2,
        n_embd=32,
        rotary_percentage=1.0,
        parallel_residual=False,
        bias=False,
        norm_class_name="RMSNorm",
        mlp_class_name="LLaMAMLP",
        intermediate_size=64,
    )
    torch.manual_seed(0)
    torch.save(GPT(config).state_dict(), ckpt / "lit_model.pth")
    (ckpt / "model_config.yaml").write_text(yaml.safe_dump(asdict(config)))
    return config


class TokenBlocks(DataModule):
    """Fixed-length token blocks from synthetic sentences (what TextFiles would stream)."""

    def __init__(self, tokenizer_dir: Path) -> None:
        super().__init__()
        self.tokenizer_dir = tokenizer_dir
        self.batch_size = 1
        self.seq_length = 32

    def connect(self, tokenizer=None, batch_size=1, max_seq_length=-1):
        self.batch_size = batch_size
        self.seq_length = max_seq_length + 1

    def _blocks(self, n, seed):
        tok = Tokenizer.from_file(str(self.tokenizer_dir / "tokenizer.json"))
        ids = []
        for s in sentences(n, seed):
            ids += tok.encode(s).ids + [3]
        k = len(ids) // self.seq_length
        return torch.tensor(ids[: k * self.seq_length]).view(k, self.seq_length)

    def train_dataloader(self):
        return DataLoader(
            self._blocks(400, 1), batch_size=self.batch_size, shuffle=True, drop_last=True
        )

    def val_dataloader(self):
        return DataLoader(self._blocks(60, 2), batch_size=self.batch_size)


def read_csv(out: Path):
    path = out / "logs" / "csv" / "version_0" / "metrics.csv"
    with open(path) as fh:
        return list(csv.DictReader(fh))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mode", choices=["pretrain", "lora"], required=True)
    a = p.parse_args()
    os.makedirs("/tmp/corpus-zAT", exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="litgpt_", dir="/tmp/corpus-zAT"))
    ckpt = tmp / "checkpoints" / "tiny-gpt"
    config = build_checkpoint(ckpt)
    out = tmp / "out"
    s = _truth.Series()
    notes = ""
    exe = str(Path(sys.executable).parent / "litgpt")
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.abspath(__file__)))
    if a.mode == "pretrain":
        cfg = {
            "model_name": "tiny-gpt",
            "model_config": asdict(config),
            "out_dir": str(out),
            "precision": "32-true",
            "data": {
                "class_path": "litgpt_tiny.TokenBlocks",
                "init_args": {"tokenizer_dir": str(ckpt)},
            },
            "tokenizer_dir": str(ckpt),
            "train": {
                "save_interval": None,
                "log_interval": 1,
                "global_batch_size": 8,
                "micro_batch_size": 8,
                "max_tokens": 8 * 32 * 24,
                "max_norm": 1.0,
                "min_lr": 4e-5,
                "lr_warmup_steps": 4,
                "tie_embeddings": False,
                "max_seq_length": 32,
            },
            "eval": {"interval": 8, "max_iters": 4},
            "optimizer": {
                "class_path": "torch.optim.AdamW",
                "init_args": {"lr": 3e-3, "weight_decay": 0.1},
            },
            "devices": 1,
            "logger_name": "csv",
            "seed": 42,
        }
        (tmp / "pretrain.yaml").write_text(yaml.safe_dump(cfg))
        sys.stdout.flush()
        subprocess.run(
            [exe, "pretrain", "--config", str(tmp / "pretrain.yaml")], env=env, check=True
        )
        rows = read_csv(out)
        last_val = None
        for r in rows:
            if r.get("loss"):
                it = int(float(r["iter"]))
                s.add("loss train", it, None, float(r["loss"]))
                if last_val is not None:
                    s.add("val", it, None, last_val)
            if r.get("val_loss"):
                last_val = float(r["val_loss"])
        # val lines: "iter N: val loss X" logged at step iter-1; the final one without an iter line
        val_rows = [r for r in rows if r.get("val_loss")]
        for r in val_rows[:-1]:
            s.add("val loss", int(r["step"]) + 1, None, float(r["val_loss"]))
        final = val_rows[-1]
        last_iter = max(int(float(r["iter"])) for r in rows if r.get("iter"))
        s.add("val loss", last_iter, None, float(final["val_loss"]))
        s.add("val ppl", last_iter, None, float(final["val_ppl"]))
        notes = (
            "litgpt pretrain logs each iteration's running-mean loss as `loss` at CSV step iter-1, "
            "printed as `loss train: X` in `Epoch 1 | iter N step N | loss train: X, val: Y | iter time: Z ms "
            "(step) remaining time: 0:00:00`; `val:` in that line repeats the latest validation loss (n/a "
            "before the first), recorded here under `val` at the iteration of the line. Every 8 steps "
            "`iter N: val loss X, val time: Z ms` prints val_loss (CSV step N-1); the last point of `val loss` "
            "and the only point of `val ppl` are the `Final evaluation | val loss: X | val ppl: Y` line "
            "(logged without a step after training; recorded at the last iteration). iter time, remaining "
            "time, val time and the Performance block's Tok/sec and Training Time are timings. The hparams "
            "dict, Total parameters, Measured TFLOPs and Total tokens are configuration/counts."
        )
        extra = ["iter time", "val time", "remaining time", "Tok/sec", "Training Time"]
        record = "litgpt's Fabric CSVLogger metrics.csv (out_dir/logs/csv/version_0)"
        not_printed = [
            "iter",
            "step",
            "epoch",
            "iter_time",
            "remaining_time",
            "tokens",
            "total_tokens",
            "learning_rate",
            "throughput/* and samples/batches per sec (ThroughputMonitor)",
        ]
    else:
        r = random.Random(3)
        data = []
        for _ in range(48):
            w = [r.choice(WORDS) for _ in range(r.randint(3, 6))]
            data.append(
                {
                    "instruction": "Repeat the words: " + " ".join(w),
                    "input": "",
                    "output": " ".join(w),
                }
            )
        jpath = tmp / "data.json"
        jpath.write_text(json.dumps(data))
        cfg = {
            "out_dir": str(out),
            "precision": "32-true",
            "devices": 1,
            "lora_r": 4,
            "lora_alpha": 8,
            "lora_dropout": 0.05,
            "data": {
                "class_path": "litgpt.data.JSON",
                "init_args": {
                    "json_path": str(jpath),
                    "val_split_fraction": 0.125,
                    "num_workers": 0,
                    "seed": 42,
                },
            },
            "train": {
                "save_interval": None,
                "log_interval": 1,
                "global_batch_size": 8,
                "micro_batch_size": 4,
                "lr_warmup_steps": 2,
                "epochs": 2,
                "max_seq_length": 64,
            },
            "eval": {"interval": 5, "max_new_tokens": 12, "max_iters": 4},
            "optimizer": {"class_path": "torch.optim.AdamW", "init_args": {"lr": 2e-3}},
            "seed": 1337,
        }
        (tmp / "lora.yaml").write_text(yaml.safe_dump(cfg))
        sys.stdout.flush()
        subprocess.run(
            [exe, "finetune_lora", str(ckpt), "--config", str(tmp / "lora.yaml")],
            env=env,
            check=True,
        )
        rows = read_csv(out)
        last_val = None
        for row in rows:
            if row.get("loss"):
                it = int(float(row["iter"]))
                s.add("loss train", it, None, float(row["loss"]))
                if last_val is not None:
                    s.add("val", it, None, last_val)
            if row.get("val_loss"):
                last_val = float(row["val_loss"])
        val_rows = [row for row in rows if row.get("val_loss")]
        for row in val_rows[:-1]:
            s.add("val loss", int(row["step"]), None, float(row["val_loss"]))
        final = val_rows[-1]
        last_iter = max(int(float(row["iter"])) for row in rows if row.get("iter"))
        s.add("val loss", last_iter, None, float(final["val_loss"]))
        s.add("val ppl", last_iter, None, float(final["val_ppl"]))
        notes = (
            "litgpt finetune_lora logs each iteration's running-mean loss as `loss` (CSV step = iter), "
            "printed as `loss train: X` in `Epoch 1 | iter N step K | loss train: X, val: Y | iter time: Z ms "
            "(step)`; iter counts micro-batches, step counts optimizer steps (2 iters per step here). `val:` "
            "repeats the latest validation loss (n/a before the first), recorded under `val` at the line's iter. "
            "Every 5 optimizer steps `iter N: val loss X, val time: Z ms` prints val_loss (CSV step = iter), "
            "followed by an instruction and the tiny model's generated gibberish. The last point of "
            "`val loss` and the only `val ppl` are the `Final evaluation | val loss: X | val ppl: Y` line "
            "(logged without a step after training; recorded at the last iteration). The pprint of setup's locals, trainable/non-trainable parameter "
            "counts, sequence lengths and the closing Token Counts block (Input Tokens, Tokens w/ Prompt, Total Tokens (w/ Padding)) are configuration "
            "and counts; iter time, val time and the Performance block's Training Time and Tok/sec are timings."
        )
        extra = ["iter time", "val time", "Training Time", "Tok/sec"]
        record = "litgpt's Fabric CSVLogger metrics.csv (out_dir/logs/csv/version_0)"
        not_printed = [
            "iter",
            "step",
            "epoch",
            "iter_time",
            "tokens",
            "total_tokens",
            "learning_rate",
            "val_ppl of the periodic validations",
            "throughput/* (ThroughputMonitor)",
        ]
    _truth.write(
        library=f"litgpt {litgpt.__version__ if hasattr(litgpt, '__version__') else '0.5.13'} (lightning 2.6.6)",
        script="tests/corpus/scripts/litgpt_tiny.py",
        record=record,
        step_kind="global",
        series=s,
        extra_ok=extra,
        not_printed=not_printed,
        notes=notes,
    )


if __name__ == "__main__":
    main()
