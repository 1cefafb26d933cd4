"""PEFT LoRA on a tiny randomly initialised GPT-2 (built from a config, nothing downloaded) trained
with the Hugging Face Trainer on synthetic token ids (a repeating-pattern language, no tokenizer).

Console: PEFT's 'trainable params: 1,024 || all params: 29,568 || trainable%: 3.4632' line
(print_trainable_parameters: counts and a percentage, no metric), then the Trainer's bar and its
log dicts ({'loss': '3.912', 'grad_norm': ..., 'learning_rate': ..., 'epoch': '0.3333'}), an eval dict
each epoch and the closing train_runtime dict, then the script's own
'Perplexity on the held-out set: 41.23' from trainer.evaluate().

Truth: trainer.state.log_history (the Trainer's own record), every printed dict's values but total_flos
(never printed); the final evaluate() (logged, not printed) only for the perplexity print.

Versions: peft 0.21.2, transformers 5.25.0, accelerate 1.16.0, torch 2.13.0+cpu, tqdm 4.70.1,
Python 3.11. Seeds fixed; ~20 s of CPU.
Capture (repository root, venv /work/venvs/torch-d):
    python tests/corpus/scripts/capture.py pipe real_peft_lora_trainer -- python tests/corpus/scripts/peft_lora_trainer.py
    python tests/corpus/scripts/capture.py pty real_peft_lora_trainer_pty -- python tests/corpus/scripts/peft_lora_trainer.py
"""

import math
import os
import shutil
import sys

import peft
import torch
import transformers
from peft import LoraConfig, get_peft_model
from transformers import GPT2Config, GPT2LMHeadModel, Trainer, TrainingArguments, set_seed

sys.path.insert(0, os.path.dirname(__file__))

import _truth

OUT = "/tmp/corpus-d-peft"
shutil.rmtree(OUT, ignore_errors=True)
VOCAB, LEN = 64, 24


class Patterns(torch.utils.data.Dataset):
    """Sequences that repeat a random 3-6 token motif (learnable by a tiny model)."""

    def __init__(self, n, seed):
        g = torch.Generator().manual_seed(seed)
        rows = []
        for _ in range(n):
            k = int(torch.randint(3, 7, (1,), generator=g))
            motif = torch.randint(0, VOCAB, (k,), generator=g)
            rows.append(motif.repeat(LEN // k + 1)[:LEN])
        self.ids = torch.stack(rows)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        return {
            "input_ids": self.ids[i],
            "attention_mask": torch.ones(LEN, dtype=torch.long),
            "labels": self.ids[i],
        }


set_seed(0)
config = GPT2Config(vocab_size=VOCAB, n_positions=32, n_embd=32, n_layer=2, n_head=2)
model = GPT2LMHeadModel(config)
lora = LoraConfig(r=4, lora_alpha=8, lora_dropout=0.0, target_modules=["c_attn"], task_type="CAUSAL_LM")
model = get_peft_model(model, lora)
model.print_trainable_parameters()

args = TrainingArguments(
    output_dir=OUT,
    num_train_epochs=3,
    per_device_train_batch_size=8,
    per_device_eval_batch_size=16,
    learning_rate=3e-2,
    logging_steps=4,
    eval_strategy="epoch",
    save_strategy="no",
    report_to="none",
    use_cpu=True,
    seed=0,
)
trainer = Trainer(
    model=model, args=args, train_dataset=Patterns(96, 1), eval_dataset=Patterns(32, 2)
)
trainer.train()
final = trainer.evaluate()
print(f"Perplexity on the held-out set: {math.exp(final['eval_loss']):.2f}")

series = _truth.Series()
skip = {"epoch", "step", "total_flos"}
printed_rows = []
for row in trainer.state.log_history:
    printed_rows.append(row)
    if "train_runtime" in row:  # evaluate() after train(): logged, not printed (no training bar)
        break
for row in printed_rows:
    for k, v in row.items():
        if k not in skip:
            series.add(k, row["step"], row.get("epoch"), v)
series.add("Perplexity on the held-out set", trainer.state.global_step, None, math.exp(final["eval_loss"]))
_truth.write(
    library=f"peft {peft.__version__} (transformers {transformers.__version__}, torch {torch.__version__})",
    script="tests/corpus/scripts/peft_lora_trainer.py",
    record="trainer.state.log_history (every logged dict, the final evaluate() included); the "
    "perplexity print is exp(eval_loss) of the final evaluate()",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[
        "total_flos",
        "the final evaluate()'s dict (in log_history, but the Trainer's ProgressCallback prints "
        "logs only while its training bar exists; its eval_loss is shown as the perplexity line)",
    ],
    notes="PEFT's print_trainable_parameters() line 'trainable params: 1,024 || all params: 29,568 || "
    "trainable%: 3.4632' comes first: parameter counts and the trainable share, no metrics. Then "
    "the Trainer (transformers 5: dict values printed as 4-significant-digit strings, "
    "{'loss': '3.912', 'grad_norm': '1.234', 'learning_rate': '0.004722', 'epoch': '0.3333'}) every 4 "
    "steps, an eval dict at each epoch's end ({'eval_loss': ..., 'eval_runtime': ..., "
    "'eval_samples_per_second': ..., 'eval_steps_per_second': ..., 'epoch': '1'}), the closing "
    "{'train_runtime': ..., 'train_samples_per_second': ..., 'train_steps_per_second': ..., "
    "'train_loss': ..., 'epoch': '3'}; 12 optimizer steps per "
    "epoch, 36 in all. The last line is the script's 'Perplexity on the held-out set: 41.23'. "
    "Runtime and throughput keys are in the record, so they are series here.",
)
