# TRL SFTTrainer on a tiny Llama built from a config (random init), a word-level tokenizer built
# in memory and an in-memory dataset of synthetic sentences. No download.
# trl 1.16.0, transformers 5.25.0, datasets 5.2.0, torch 2.13.0+cpu.
# Captures (from the repo root; --record writes trainer.state.log_history, the truth):
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_trl_sft.txt -- \
#       python tests/corpus/scripts/trl_sft.py --record /tmp/trl_pipe.json
#   python tests/corpus/scripts/capture_torch.py pty tests/corpus/console/real_trl_sft_pty.txt -- \
#       python tests/corpus/scripts/trl_sft.py --record /tmp/trl_pty.json
import argparse
import json
import random

from datasets import Dataset
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast, set_seed
from trl import SFTConfig, SFTTrainer

WORDS = "the a cat dog sat ran on under mat log fast slow red blue big small".split()


def sentences(n, seed):
    r = random.Random(seed)
    return [" ".join(r.choice(WORDS) for _ in range(r.randint(6, 12))) for _ in range(n)]


def tokenizer():
    vocab = {w: i for i, w in enumerate(["<pad>", "<unk>", "<s>", "</s>"] + WORDS)}
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="<pad>",
        unk_token="<unk>",
        bos_token="<s>",
        eos_token="</s>",
    )


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--record", required=True)
    a = p.parse_args()
    set_seed(0)
    tok = tokenizer()
    cfg = LlamaConfig(
        vocab_size=len(tok),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=2,
        max_position_embeddings=64,
        pad_token_id=tok.pad_token_id,
        bos_token_id=tok.bos_token_id,
        eos_token_id=tok.eos_token_id,
    )
    model = LlamaForCausalLM(cfg)
    train = Dataset.from_dict({"text": sentences(64, 1)})
    evals = Dataset.from_dict({"text": sentences(16, 2)})
    args = SFTConfig(
        output_dir="/tmp/trl_out",
        num_train_epochs=2,
        per_device_train_batch_size=8,
        per_device_eval_batch_size=8,
        learning_rate=3e-3,
        logging_steps=2,
        eval_strategy="epoch",
        save_strategy="no",
        report_to="none",
        seed=0,
        use_cpu=True,
        max_length=32,
        dataset_num_proc=None,
    )
    trainer = SFTTrainer(
        model=model, args=args, train_dataset=train, eval_dataset=evals, processing_class=tok
    )
    trainer.train()
    with open(a.record, "w") as f:
        json.dump(trainer.state.log_history, f, indent=1)


if __name__ == "__main__":
    main()
