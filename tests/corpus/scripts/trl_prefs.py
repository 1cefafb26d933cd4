# TRL preference trainers on a tiny randomly initialised Llama (2 layers, hidden size 32) and a
# BPE tokenizer trained here on synthetic sentences, both saved to a temp dir and loaded back
# from it (no download); an in-memory preference dataset (prompt / chosen / rejected).
#   --trainer dpo:    DPOTrainer (reference model = a frozen copy), logs rewards/chosen,
#                     rewards/rejected, rewards/accuracies, rewards/margins, logps/..., logits/...
#   --trainer reward: RewardTrainer on LlamaForSequenceClassification (num_labels=1)
# Printed as users see them: the Trainer's tqdm bar (stderr) and each log dict (stdout, `.4g`
# strings). Truth: trainer.state.log_history (every key the Trainer prints; total_flos is popped
# before printing, 'epoch' is the x position, 'step' is never printed).
# trl 1.16.0, transformers 5.25.0, datasets 5.2.0, tokenizers 0.23, torch 2.13.0+cpu
# (venv corpus-zH-1: pip install torch==2.13.0 && pip install trl transformers datasets).
# Captures (from the repo root):
#   python tests/corpus/scripts/capture.py pipe real_trl_dpo -- \
#       /work/venvs/corpus-zH-1/bin/python tests/corpus/scripts/trl_prefs.py --trainer dpo
#   python tests/corpus/scripts/capture.py pty real_trl_dpo_pty -- \
#       /work/venvs/corpus-zH-1/bin/python tests/corpus/scripts/trl_prefs.py --trainer dpo
#   python tests/corpus/scripts/capture.py pipe real_trl_reward -- \
#       /work/venvs/corpus-zH-1/bin/python tests/corpus/scripts/trl_prefs.py --trainer reward
#   python tests/corpus/scripts/capture.py pty real_trl_reward_pty -- \
#       /work/venvs/corpus-zH-1/bin/python tests/corpus/scripts/trl_prefs.py --trainer reward
import argparse
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import datasets
import tokenizers
import transformers
import trl
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import (
    AutoModelForCausalLM,
    AutoModelForSequenceClassification,
    LlamaConfig,
    LlamaForCausalLM,
    PreTrainedTokenizerFast,
    set_seed,
)
from trl import DPOConfig, DPOTrainer, RewardConfig, RewardTrainer

WORDS = "the a cat dog sat ran on under mat log fast slow red blue big small".split()
GOOD = "yes good nice kind great".split()
BAD = "no bad rude mean awful".split()


def corpus(n, seed):
    r = random.Random(seed)
    return [
        " ".join(r.choice(WORDS + GOOD + BAD) for _ in range(r.randint(5, 10))) for _ in range(n)
    ]


def prefs(n, seed):
    r = random.Random(seed)
    rows = {"prompt": [], "chosen": [], "rejected": []}
    for _ in range(n):
        rows["prompt"].append(" ".join(r.choice(WORDS) for _ in range(r.randint(3, 6))))
        rows["chosen"].append(" " + " ".join(r.choice(GOOD) for _ in range(r.randint(2, 4))))
        rows["rejected"].append(" " + " ".join(r.choice(BAD) for _ in range(r.randint(2, 4))))
    return datasets.Dataset.from_dict(rows)


def build(tmp):
    """Train a small BPE tokenizer and save it with a random 2-layer Llama to tmp."""
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.train_from_iterator(
        corpus(400, 0),
        trainers.BpeTrainer(
            vocab_size=120, special_tokens=["<pad>", "<unk>", "<s>", "</s>"], show_progress=False
        ),
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="<pad>",
        unk_token="<unk>",
        bos_token="<s>",
        eos_token="</s>",
    )
    fast.save_pretrained(tmp)
    cfg = LlamaConfig(
        vocab_size=len(fast),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=2,
        max_position_embeddings=64,
        pad_token_id=fast.pad_token_id,
        bos_token_id=fast.bos_token_id,
        eos_token_id=fast.eos_token_id,
    )
    LlamaForCausalLM(cfg).save_pretrained(tmp)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--trainer", choices=["dpo", "reward"], required=True)
    a = p.parse_args()
    set_seed(0)
    tmp = tempfile.mkdtemp(prefix="trl_prefs_", dir="/tmp/corpus-zH")
    build(tmp)
    tok = PreTrainedTokenizerFast.from_pretrained(tmp)
    common = dict(
        output_dir=os.path.join(tmp, "out"),
        num_train_epochs=2,
        per_device_train_batch_size=8,
        per_device_eval_batch_size=8,
        logging_steps=2,
        eval_strategy="epoch",
        save_strategy="no",
        report_to="none",
        seed=0,
        use_cpu=True,
        max_length=32,
    )
    train, evals = prefs(48, 1), prefs(16, 2)
    if a.trainer == "dpo":
        model = AutoModelForCausalLM.from_pretrained(tmp)
        args = DPOConfig(learning_rate=5e-3, beta=0.1, **common)
        trainer = DPOTrainer(
            model=model, args=args, train_dataset=train, eval_dataset=evals, processing_class=tok
        )
    else:
        model = AutoModelForSequenceClassification.from_pretrained(tmp, num_labels=1)
        model.config.pad_token_id = tok.pad_token_id
        args = RewardConfig(learning_rate=5e-3, **common)
        trainer = RewardTrainer(
            model=model, args=args, train_dataset=train, eval_dataset=evals, processing_class=tok
        )
    trainer.train()

    series = _truth.Series()
    names = set()
    for entry in trainer.state.log_history:
        for k, v in entry.items():
            names.add(k)
            if k in ("step", "epoch", "total_flos"):
                continue
            series.add(k, entry["step"], entry["epoch"], v)
    kind = "DPOTrainer" if a.trainer == "dpo" else "RewardTrainer"
    _truth.write(
        library=(
            f"trl {trl.__version__} (transformers {transformers.__version__}, datasets "
            f"{datasets.__version__}, tokenizers {tokenizers.__version__}, torch 2.13.0+cpu)"
        ),
        script="tests/corpus/scripts/trl_prefs.py",
        record="trainer.state.log_history",
        step_kind="global",
        series=series,
        extra_ok=["it/s", "s/it"],  # the tqdm bar's rate
        not_printed=sorted(names & {"total_flos"}),
        notes=(
            f"TRL {kind} prints every log_history entry as the Trainer does: a Python dict whose "
            "floats are `.4g` strings ({'loss': '0.6931', ..., 'epoch': '0.3333'}); the global step "
            "is never printed, only the fractional epoch (the 'epoch' key, the x position, not a "
            "series). 48 training pairs, batch 8: 6 steps per epoch, 2 epochs, logging_steps=2, "
            "evaluation (16 pairs) after each epoch, then the final summary dict (train_runtime, "
            "train_samples_per_second, train_steps_per_second, train_loss = the run's mean loss). "
            "Metric names carry slashes (rewards/chosen, logps/rejected, eval_rewards/margins). "
            "The Trainer's tqdm bar is on stderr and the dicts on stdout (block-buffered when "
            "piped), so a dict may be glued to a bar redraw; the datasets map bars ('Tokenizing "
            "train dataset: 100%|...| 48/48 [..., 4229.26 examples/s]') before training show "
            "counts and throughput of preprocessing, not metrics."
        ),
    )


if __name__ == "__main__":
    main()
