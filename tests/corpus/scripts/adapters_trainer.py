# AdapterHub `adapters` on a tiny randomly initialised BERT (2 layers, hidden 32) built from a
# BertConfig here, with a WordPiece tokenizer trained here on synthetic sentences (no download):
# adapters.init(model), a bottleneck adapter ("seq_bn") plus a classification head added with
# AutoAdapterModel, model.train_adapter(...), print(model.adapter_summary()) as the docs show,
# then AdapterTrainer (a transformers Trainer) for 3 epochs with an eval per epoch and
# compute_metrics accuracy, and a final trainer.evaluate() printed by the script.
# Printed as users see them: the adapter summary table (names, #Param, %Param, Active, Train),
# the Trainer's tqdm bars (stderr) and its log dicts (stdout), the script's final eval dict.
# Truth: trainer.state.log_history (the Trainer's own record), every printed value but
# total_flos (never printed); the final evaluate() dict is printed by the script with print().
# adapters 1.3.0, transformers 4.57.6, tokenizers 0.22.2, accelerate 1.16.0, torch 2.13.0+cpu
# (venv corpus-zAT-4: pip install torch==2.13.0 && pip install adapters "accelerate>=0.26").
# Captures (from the repo root):
#   python tests/corpus/scripts/capture.py pipe real_adapters_trainer -- \
#       /work/venvs/corpus-zAT-4/bin/python tests/corpus/scripts/adapters_trainer.py
#   python tests/corpus/scripts/capture.py pty real_adapters_trainer_pty -- \
#       /work/venvs/corpus-zAT-4/bin/python tests/corpus/scripts/adapters_trainer.py
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import adapters
import numpy as np
import torch
import transformers
from adapters import AdapterTrainer, AutoAdapterModel
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
from transformers import BertConfig, BertModel, PreTrainedTokenizerFast, TrainingArguments, set_seed

POS = "good great nice kind happy fine".split()
NEG = "bad awful rude mean sad poor".split()
FILL = "the a cat dog sat ran on under mat log fast slow red blue big small".split()


def make(n, seed):
    r = random.Random(seed)
    rows = []
    for _ in range(n):
        label = r.randrange(2)
        words = [r.choice(FILL) for _ in range(r.randint(4, 8))]
        for _ in range(r.randint(1, 2)):
            words.insert(r.randrange(len(words) + 1), r.choice(POS if label else NEG))
        rows.append((" ".join(words), label))
    return rows


class DS(torch.utils.data.Dataset):
    def __init__(self, rows, tok):
        self.enc = tok([t for t, _ in rows], padding="max_length", truncation=True, max_length=16)
        self.labels = [y for _, y in rows]

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        item = {k: torch.tensor(v[i]) for k, v in self.enc.items()}
        item["labels"] = torch.tensor(self.labels[i])
        return item


def main():
    set_seed(0)
    os.makedirs("/tmp/corpus-zAT", exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="adapters_", dir="/tmp/corpus-zAT")
    train_rows, eval_rows = make(160, 1), make(48, 2)
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer()
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.train_from_iterator(
        [t for t, _ in train_rows],
        trainers.WordPieceTrainer(
            vocab_size=80,
            special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"],
            show_progress=False,
        ),
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="[PAD]",
        unk_token="[UNK]",
        cls_token="[CLS]",
        sep_token="[SEP]",
    )
    cfg = BertConfig(
        vocab_size=len(fast),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=32,
    )
    base = os.path.join(tmp, "tiny-bert")
    BertModel(cfg).save_pretrained(base)
    fast.save_pretrained(base)

    model = AutoAdapterModel.from_pretrained(base)
    model.add_adapter("sentiment", config="seq_bn")
    model.add_classification_head("sentiment", num_labels=2)
    model.train_adapter("sentiment")
    print(model.adapter_summary())

    def compute_metrics(p):
        return {"accuracy": float((np.argmax(p.predictions, axis=-1) == p.label_ids).mean())}

    args = TrainingArguments(
        output_dir=os.path.join(tmp, "out"),
        num_train_epochs=3,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=16,
        learning_rate=5e-3,
        logging_steps=5,
        eval_strategy="epoch",
        save_strategy="no",
        report_to="none",
        seed=0,
        use_cpu=True,
    )
    trainer = AdapterTrainer(
        model=model,
        args=args,
        train_dataset=DS(train_rows, fast),
        eval_dataset=DS(eval_rows, fast),
        compute_metrics=compute_metrics,
    )
    trainer.train()
    final = trainer.evaluate()
    print(final)

    s = _truth.Series()
    for row in trainer.state.log_history:
        for k, v in row.items():
            if k in ("epoch", "step", "total_flos"):
                continue
            s.add(k, row["step"], row.get("epoch"), v)
    _truth.write(
        library=f"adapters {adapters.__version__} (transformers {transformers.__version__}, torch {torch.__version__})",
        script="tests/corpus/scripts/adapters_trainer.py",
        record="trainer.state.log_history (every logged dict, the final evaluate() included)",
        step_kind="global",
        series=s,
        extra_ok=[],
        not_printed=["total_flos"],
        notes=(
            "adapter_summary() prints a table first: `sentiment    bottleneck    324    1.482    1    1` "
            "and `Full model    21,856    100.000    0` (names, architecture, parameter counts, percentage "
            "of parameters, active/train flags): counts, no metrics. Then the Trainer (transformers 4.57: "
            "dict values printed as Python floats) every 5 steps {'loss': ..., 'grad_norm': ..., "
            "'learning_rate': ..., 'epoch': 0.5}, an eval dict per epoch ({'eval_loss', 'eval_accuracy', "
            "'eval_runtime', 'eval_samples_per_second', 'eval_steps_per_second', 'epoch'}), the closing "
            "train dict ({'train_runtime', 'train_samples_per_second', 'train_steps_per_second', "
            "'train_loss', 'epoch'}); 10 optimizer steps per epoch, 30 in all. The last line is the script's "
            "print of trainer.evaluate() (same keys as an eval dict, logged at step 30). Runtime and "
            "throughput keys are in the record, so they are series here."
        ),
    )


if __name__ == "__main__":
    main()
