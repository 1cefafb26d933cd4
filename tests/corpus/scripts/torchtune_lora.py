# torchtune's lora_finetune_single_device recipe (`tune run lora_finetune_single_device --config
# CFG.yaml`) on a tiny randomly initialised Llama-2 built with torchtune.models.llama2.llama2 /
# lora_llama2 (2 layers, embed_dim 32) and saved here as a torchtune-format checkpoint, a
# SentencePiece BPE tokenizer trained here on synthetic sentences, and a local Alpaca-style JSON
# file (torchtune.datasets.alpaca_dataset with source=json); no download of weights, tokenizer or
# data. device cpu, dtype fp32, 2 epochs, gradient accumulation 2.
# Printed as users see them: torchtune's INFO log lines (the whole config dumped at start,
# "Model is initialized with precision torch.float32.", checkpoint sizes at the end) and the
# recipe's tqdm bar per epoch with description "EPOCH|STEP|Loss: X" (stderr).
# Truth: the DiskLogger file the config names (metric_logger, log_dir), torchtune's own record:
# "Step N | loss:X lr:Y tokens_per_second_per_gpu:Z" per optimizer step.
# torchtune 0.6.1, torchao 0.14.1, sentencepiece 0.2.3, datasets 5.2.0, torch 2.13.0+cpu
# (venv corpus-zAT-2: pip install torch==2.13.0 && pip install torchtune "torchao==0.14.1";
# torchao 0.18.0 lacks torchao.dtypes.nf4tensor that torchtune imports, and 0.12.0 does not import
# beside torch 2.13.0).
# Captures (from the repo root; the venv's bin/ on PATH for `tune`):
#   PATH=/work/venvs/corpus-zAT-2/bin:$PATH python tests/corpus/scripts/capture.py pipe \
#       real_torchtune_lora -- /work/venvs/corpus-zAT-2/bin/python tests/corpus/scripts/torchtune_lora.py
#   PATH=/work/venvs/corpus-zAT-2/bin:$PATH python tests/corpus/scripts/capture.py pty \
#       real_torchtune_lora_pty -- /work/venvs/corpus-zAT-2/bin/python tests/corpus/scripts/torchtune_lora.py
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import sentencepiece as spm
import torch
from torchtune.models.llama2 import llama2

WORDS = "the a cat dog bird sat ran flew on under over mat log tree fast slow red blue big small".split()
DIMS = dict(
    vocab_size=128, num_layers=2, num_heads=2, num_kv_heads=2, embed_dim=32, max_seq_len=128
)


def sentences(n, seed):
    r = random.Random(seed)
    return [" ".join(r.choice(WORDS) for _ in range(r.randint(4, 10))) for _ in range(n)]


def main():
    os.makedirs("/tmp/corpus-zAT", exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="torchtune_", dir="/tmp/corpus-zAT")
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(
            sentences(400, 0) + ["Below is an instruction that describes a task. ### Response:"]
        ),
        model_prefix=os.path.join(tmp, "tokenizer"),
        vocab_size=DIMS["vocab_size"],
        model_type="bpe",
        bos_id=1,
        eos_id=2,
        unk_id=0,
        minloglevel=2,
    )
    torch.manual_seed(0)
    ckpt = os.path.join(tmp, "base")
    os.makedirs(ckpt)
    torch.save(llama2(**DIMS).state_dict(), os.path.join(ckpt, "model.pt"))
    r = random.Random(3)
    rows = []
    for _ in range(40):
        w = [r.choice(WORDS) for _ in range(r.randint(3, 6))]
        rows.append(
            {"instruction": "Repeat the words.", "input": " ".join(w), "output": " ".join(w)}
        )
    data = os.path.join(tmp, "train.json")
    with open(data, "w") as fh:
        json.dump(rows, fh)
    out = os.path.join(tmp, "out")
    cfg = f"""output_dir: {out}

model:
  _component_: torchtune.models.llama2.lora_llama2
  lora_attn_modules: ['q_proj', 'v_proj', 'output_proj']
  apply_lora_to_mlp: True
  apply_lora_to_output: False
  vocab_size: {DIMS["vocab_size"]}
  num_layers: {DIMS["num_layers"]}
  num_heads: {DIMS["num_heads"]}
  num_kv_heads: {DIMS["num_kv_heads"]}
  embed_dim: {DIMS["embed_dim"]}
  max_seq_len: {DIMS["max_seq_len"]}
  lora_rank: 8
  lora_alpha: 16
  lora_dropout: 0.0

tokenizer:
  _component_: torchtune.models.llama2.llama2_tokenizer
  path: {tmp}/tokenizer.model
  max_seq_len: {DIMS["max_seq_len"]}

checkpointer:
  _component_: torchtune.training.FullModelTorchTuneCheckpointer
  checkpoint_dir: {ckpt}
  checkpoint_files: [model.pt]
  adapter_checkpoint: null
  recipe_checkpoint: null
  output_dir: ${{output_dir}}
  model_type: LLAMA2
resume_from_checkpoint: False
save_adapter_weights_only: False

dataset:
  _component_: torchtune.datasets.alpaca_dataset
  source: json
  data_files: {data}
  split: train
  packed: False
seed: 42
shuffle: True
batch_size: 4

optimizer:
  _component_: torch.optim.AdamW
  fused: False
  weight_decay: 0.01
  lr: 3e-3
lr_scheduler:
  _component_: torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup
  num_warmup_steps: 2

loss:
  _component_: torchtune.modules.loss.CEWithChunkedOutputLoss

epochs: 2
max_steps_per_epoch: null
gradient_accumulation_steps: 2
clip_grad_norm: null
compile: False

metric_logger:
  _component_: torchtune.training.metric_logging.DiskLogger
  log_dir: ${{output_dir}}/logs
log_every_n_steps: 1
log_peak_memory_stats: True

device: cpu
dtype: fp32

enable_activation_checkpointing: False
enable_activation_offloading: False

profiler:
  _component_: torchtune.training.setup_torch_profiler
  enabled: False
"""
    path = os.path.join(tmp, "tiny_lora_single_device.yaml")
    with open(path, "w") as fh:
        fh.write(cfg)
    sys.stdout.flush()
    tune = shutil.which("tune") or os.path.join(os.path.dirname(sys.executable), "tune")
    subprocess.run([tune, "run", "lora_finetune_single_device", "--config", path], check=True)

    s = _truth.Series()
    (log,) = glob.glob(os.path.join(out, "logs", "log_*.txt"))
    with open(log) as fh:
        for line in fh:
            head, _, rest = line.partition(" | ")
            step = int(head.split()[1])
            vals = dict(kv.split(":", 1) for kv in rest.split())
            s.add("Loss", step, None, float(vals["loss"]))
    _truth.write(
        library="torchtune 0.6.1 (torchao 0.14.1)",
        script="tests/corpus/scripts/torchtune_lora.py",
        record="torchtune's DiskLogger file (metric_logger.log_dir/log_<time>.txt), one line per optimizer step",
        step_kind="global",
        series=s,
        extra_ok=[],
        not_printed=["lr", "tokens_per_second_per_gpu (in the DiskLogger file only)"],
        notes=(
            "The recipe's tqdm bar (stderr) describes each optimizer step as `EPOCH|GLOBAL_STEP|Loss: X` "
            "with X the full float repr of the step's loss, e.g. `1|3|Loss: 4.8390374183654785:  30%|###   | 3/10 "
            "[00:01<00:02,  2.81it/s]`; the first number is the epoch (1-based), the second the global "
            "optimizer step (continuing across epochs: the epoch-2 bar starts at step 6 here). One bar per "
            "epoch. The INFO lines dump the whole YAML config (dims, lr, batch size, seed...), and the "
            "checkpointer's lines give checkpoint sizes in GiB: configuration and sizes, not metrics. "
            "tqdm's it/s and times are the bar's own, not the record's."
        ),
    )


if __name__ == "__main__":
    main()
