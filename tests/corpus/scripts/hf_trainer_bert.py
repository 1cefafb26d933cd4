# Hugging Face Trainer on a tiny BERT built from a config (random init), synthetic token ids.
# transformers 5.25.0, accelerate 1.16.0, torch 2.13.0+cpu, tqdm 4.70.1.
# Captures (from the repo root; --record writes trainer.state.log_history, the truth):
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_hf_bert_trainer.txt -- \
#       python tests/corpus/scripts/hf_trainer_bert.py --record /tmp/hf_pipe.json
#   python tests/corpus/scripts/capture_torch.py pty tests/corpus/console/real_hf_bert_trainer_pty.txt -- \
#       python tests/corpus/scripts/hf_trainer_bert.py --record /tmp/hf_pty.json
#   ... --disable-tqdm --eval-steps 6 --record /tmp/hf_notqdm.json    -> real_hf_bert_notqdm
#   ... --early-stop --record /tmp/hf_es.json (pty: /tmp/hf_es_pty.json)  -> real_hf_bert_early_stop(_pty)
#       (eval_strategy="steps", load_best_model_at_end, EarlyStoppingCallback, log_level="info";
#        HF_OUT=/tmp/hf_es_out (pty: /tmp/hf_es_out_pty); venv /work/venvs/torch-e)
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_hf_bert_torchrun.txt -- \
#       torchrun --nproc_per_node=2 --tee 3 tests/corpus/scripts/hf_trainer_bert.py --record /tmp/hf_ddp.json
import argparse
import json
import os

import numpy as np
import torch
from transformers import (
    BertConfig,
    BertForSequenceClassification,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)


class Synthetic(torch.utils.data.Dataset):
    def __init__(self, n, seed):
        g = torch.Generator().manual_seed(seed)
        self.ids = torch.randint(5, 100, (n, 16), generator=g)
        # the label is whether token 7 appears in the first half: learnable
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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--record", required=True)
    p.add_argument("--disable-tqdm", action="store_true")
    p.add_argument("--eval-steps", type=int, default=0, help="0: evaluate each epoch")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument(
        "--early-stop",
        action="store_true",
        help="eval/save every 4 steps, load_best_model_at_end, EarlyStoppingCallback, log_level=info",
    )
    a = p.parse_args()
    set_seed(0)
    cfg = BertConfig(
        vocab_size=100,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=32,
        num_labels=2,
    )
    model = BertForSequenceClassification(cfg)
    kw = (
        {"eval_strategy": "steps", "eval_steps": a.eval_steps}
        if a.eval_steps
        else {"eval_strategy": "epoch"}
    )
    callbacks = []
    if a.early_stop:
        kw = {
            "eval_strategy": "steps",
            "eval_steps": 4,
            "save_strategy": "steps",
            "save_steps": 4,
            "save_total_limit": 2,
            "load_best_model_at_end": True,
            "metric_for_best_model": "eval_loss",
            "greater_is_better": False,
            "log_level": "info",
        }
        callbacks.append(EarlyStoppingCallback(early_stopping_patience=2, early_stopping_threshold=0.01))
    else:
        kw["save_strategy"] = "no"
    args = TrainingArguments(
        output_dir=os.environ.get("HF_OUT", "/tmp/hf_out"),
        num_train_epochs=a.epochs,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=32,
        learning_rate=1e-3,
        logging_steps=2,
        report_to="none",
        seed=0,
        disable_tqdm=a.disable_tqdm,
        use_cpu=True,
        dataloader_num_workers=0,
        **kw,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=Synthetic(96, 1),
        eval_dataset=Synthetic(64, 2),
        compute_metrics=accuracy,
        callbacks=callbacks,
    )
    trainer.train()
    if trainer.is_world_process_zero():
        with open(a.record, "w") as f:
            json.dump(trainer.state.log_history, f, indent=1)


if __name__ == "__main__":
    main()
