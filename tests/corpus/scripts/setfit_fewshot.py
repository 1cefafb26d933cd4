"""SetFit few-shot text classification on a tiny randomly initialised sentence-transformer (a 2-layer
BERT built from a config plus an in-memory WordPiece tokenizer, wrapped with mean pooling and saved
to a temp dir: nothing downloaded), 8 synthetic sentences per class, 3 classes, as in SetFit's
quickstart: Trainer(model, args, train_dataset, eval_dataset, metric=...), trainer.train(),
metrics = trainer.evaluate(); print(metrics).

The metric is a local callable returning accuracy and macro F1 from scikit-learn (SetFit's default
metric="accuracy" goes through evaluate.load, which fetches the metric from the hub).

Console: SetFit's 'Writing model shards' / 'Loading weights' bars (counts), a 'model_head.pkl not found' warning, 'Map' bars over the datasets, the '***** Running training *****' INFO block
(Num unique pairs / Batch size / Num epochs: counts and settings), the embedding phase's HF
Trainer tqdm bar with its log dicts ({'embedding_loss': '0.2519', 'grad_norm': ..., 'learning_rate':
..., 'epoch': '0.1'}) and eval dicts ({'eval_embedding_loss': ..., 'eval_runtime': ..., 'epoch': ...}),
the closing train_runtime dict, then the LogisticRegression head (no output), '***** Running
evaluation *****' and the printed metrics dict {'accuracy': 0.58, 'f1_macro': 0.55}.

Truth: the embedding phase's trainer.st_trainer.state.log_history (every printed dict) and the dict
trainer.evaluate() returned (printed by the script).

Versions: setfit 1.2.0, sentence-transformers 6.3.0, transformers 5.25.0, tokenizers 0.23.3,
datasets 5.2.0, torch 2.13.0+cpu, scikit-learn 1.9.1, Python 3.11. Seeds fixed; ~15 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zA-1, see README-torch.md):
    python tests/corpus/scripts/capture.py pipe real_setfit_fewshot -- python tests/corpus/scripts/setfit_fewshot.py
    python tests/corpus/scripts/capture.py pty real_setfit_fewshot_pty -- python tests/corpus/scripts/setfit_fewshot.py
"""

import os
import random
import shutil
import sys

for k in (
    "HF_HUB_OFFLINE",
    "HF_DATASETS_OFFLINE",
    "TRANSFORMERS_OFFLINE",
    "HF_HUB_DISABLE_TELEMETRY",
):
    os.environ[k] = "1"
os.environ["WANDB_MODE"] = "disabled"

import datasets  # noqa: E402
import sentence_transformers  # noqa: E402
import setfit  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402
from sentence_transformers import SentenceTransformer  # noqa: E402
from sentence_transformers.sentence_transformer.modules import Pooling, Transformer  # noqa: E402
from setfit import SetFitModel, Trainer, TrainingArguments  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from tokenizers import Tokenizer, models, pre_tokenizers  # noqa: E402
from transformers import BertConfig, BertModel, BertTokenizerFast  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

TMP = "/tmp/corpus-zA/setfit"
shutil.rmtree(TMP, ignore_errors=True)
os.makedirs(TMP)
BERT_DIR = os.path.join(TMP, "tiny-bert")
ST_DIR = os.path.join(TMP, "tiny-st")

# Synthetic language: 3 topics of 12 words plus 12 shared words; a sentence's label is its topic.
rng = random.Random(0)
TOPICS = [[f"t{t}w{i}" for i in range(12)] for t in range(3)]
COMMON = [f"c{i}" for i in range(12)]
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
vocab = {w: i for i, w in enumerate(SPECIAL + COMMON + [w for ws in TOPICS for w in ws])}


def sentence(topic):
    words = [rng.choice(TOPICS[topic]) for _ in range(2)] + [rng.choice(COMMON) for _ in range(4)]
    rng.shuffle(words)
    return " ".join(words)


def data(per_class):
    rows = [(sentence(t), t) for t in range(3) for _ in range(per_class)]
    rng.shuffle(rows)
    return datasets.Dataset.from_dict({"text": [r[0] for r in rows], "label": [r[1] for r in rows]})


tok = Tokenizer(models.WordPiece(vocab=vocab, unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.Whitespace()
hf_tok = BertTokenizerFast(tokenizer_object=tok, model_max_length=16, do_lower_case=False)
torch.manual_seed(0)
config = BertConfig(
    vocab_size=len(vocab),
    hidden_size=32,
    num_hidden_layers=2,
    num_attention_heads=2,
    intermediate_size=64,
    max_position_embeddings=32,
)
BertModel(config).save_pretrained(BERT_DIR)
hf_tok.save_pretrained(BERT_DIR)
word = Transformer(BERT_DIR, max_seq_length=16)
SentenceTransformer(
    modules=[word, Pooling(word.get_embedding_dimension(), "mean")], device="cpu"
).save(ST_DIR)

train_ds = data(8)
eval_ds = data(16)


def metric(y_pred, y_true):
    return {
        "accuracy": accuracy_score(y_true, y_pred),
        "f1_macro": f1_score(y_true, y_pred, average="macro"),
    }


# --- as a user writes it -------------------------------------------------------------------------
model = SetFitModel.from_pretrained(ST_DIR, device="cpu")
args = TrainingArguments(
    output_dir=os.path.join(TMP, "out"),
    batch_size=16,
    num_epochs=2,
    num_iterations=4,
    body_learning_rate=5e-4,
    logging_steps=4,
    eval_strategy="steps",
    eval_steps=8,
    save_strategy="no",
    report_to="none",
    seed=0,
)
trainer = Trainer(
    model=model, args=args, train_dataset=train_ds, eval_dataset=eval_ds, metric=metric
)
trainer.train()
metrics = trainer.evaluate()
print(metrics)
# -------------------------------------------------------------------------------------------------

series = _truth.Series()
skip = {"epoch", "step", "total_flos"}
for row in trainer.st_trainer.state.log_history:
    for k, v in row.items():
        if k not in skip:
            series.add(k, row["step"], row.get("epoch"), v)
last = trainer.st_trainer.state.global_step
for k, v in metrics.items():
    series.add(k, last, None, v)

_truth.write(
    library=f"setfit {setfit.__version__} (sentence-transformers {sentence_transformers.__version__}, "
    f"transformers {transformers.__version__}, torch {torch.__version__})",
    script="tests/corpus/scripts/setfit_fewshot.py",
    record="trainer.st_trainer.state.log_history (the embedding phase's HF Trainer: every printed dict) "
    "and the dict trainer.evaluate() returned (printed by the script)",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=["total_flos"],
    notes="24 training sentences, num_iterations=4 -> the INFO block '***** Running training *****' / "
    "'  Num unique pairs = 192' / '  Batch size = 16' / '  Num epochs = 2' (counts and settings, not "
    "metrics), then the embedding phase: HF Trainer bar over 24 steps, a log dict every 4 steps "
    "({'embedding_loss': '0.2519', 'grad_norm': '1.234', 'learning_rate': '0.0005', 'epoch': "
    "'0.08333'}: SetFit renames 'loss' to 'embedding_loss'; the first step is logged too, with "
    "learning_rate '0'), printed on the bar's line after the bar's own \\r redraws, an eval "
    "dict every 8 steps ({'eval_embedding_loss': '0.3872', 'eval_embedding_runtime': '1.132', "
    "'eval_embedding_samples_per_second': '339.3', 'eval_embedding_steps_per_second': '21.2', 'epoch': "
    "'0.6667'}: SetFit's metric_key_prefix adds 'embedding' to every eval key; eval bars nested with "
    "ESC[A under a pipe too), the closing "
    "train_runtime dict (train_runtime, train_samples_per_second, train_steps_per_second, "
    "train_loss: in the record). The LogisticRegression head prints nothing; '***** Running "
    "evaluation *****' is followed by the script's print(metrics): {'accuracy': 0.5, 'f1_macro': "
    "0.45} (full-precision floats; step: the embedding phase's last global step, epoch null).",
)
