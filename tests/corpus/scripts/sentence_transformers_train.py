"""sentence-transformers SentenceTransformerTrainer on a tiny randomly initialised BERT (built from a
config and an in-memory WordPiece tokenizer, saved to a temp dir and loaded as a Transformer module:
nothing downloaded), CosineSimilarityLoss on synthetic scored sentence pairs, an
EmbeddingSimilarityEvaluator run every 6 steps, logging configured as in sentence-transformers'
own training examples (logging.basicConfig(format="%(asctime)s - %(message)s", level=INFO)).

Console: INFO lines of the library, the Trainer's tqdm bar and its log dicts
({'loss': '0.1234', 'grad_norm': ..., 'learning_rate': ..., 'epoch': '0.5'}), the evaluator's
'EmbeddingSimilarityEvaluator: Evaluating the model on the synthetic-dev dataset in epoch 0.5 after
6 steps:' and 'Cosine-Similarity:\tPearson: 0.1234\tSpearman: 0.2345' lines, the eval dicts
({'eval_synthetic-dev_pearson_cosine': ..., 'eval_synthetic-dev_spearman_cosine': ..., ...}),
the closing train_runtime dict, and the script's final evaluator call on a held-out set.

Truth: trainer.state.log_history (every printed dict; the Pearson/Spearman lines are the same
eval_synthetic-dev_pearson_cosine / _spearman_cosine values) and the dict the final evaluator call
returned.

Versions: sentence-transformers 6.3.0, transformers 5.25.0, tokenizers 0.23.3, datasets 5.2.0,
accelerate 1.16.0, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed; ~20 s of CPU.
Capture (repository root, venv /work/venvs/torch-e, see README-torch.md):
    python tests/corpus/scripts/capture.py pipe real_sentence_transformers_trainer -- python tests/corpus/scripts/sentence_transformers_train.py
    python tests/corpus/scripts/capture.py pty real_sentence_transformers_trainer_pty -- python tests/corpus/scripts/sentence_transformers_train.py
"""

import logging
import os
import random
import shutil
import sys

for k in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY"):
    os.environ[k] = "1"
os.environ["WANDB_MODE"] = "disabled"

import datasets  # noqa: E402
import sentence_transformers  # noqa: E402
import tokenizers  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402
from sentence_transformers import (  # noqa: E402
    SentenceTransformer,
    SentenceTransformerTrainer,
    SentenceTransformerTrainingArguments,
)
from sentence_transformers.sentence_transformer.modules import Pooling, Transformer  # noqa: E402
from sentence_transformers.sentence_transformer.evaluation import (  # noqa: E402
    EmbeddingSimilarityEvaluator,
)
from sentence_transformers.sentence_transformer.losses import CosineSimilarityLoss  # noqa: E402
from tokenizers import Tokenizer, models, pre_tokenizers  # noqa: E402
from transformers import BertConfig, BertModel, BertTokenizerFast  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

logging.basicConfig(format="%(asctime)s - %(message)s", datefmt="%Y-%m-%d %H:%M:%S", level=logging.INFO)

TMP = "/tmp/corpus-e/st"
shutil.rmtree(TMP, ignore_errors=True)
os.makedirs(TMP)
MODEL_DIR = os.path.join(TMP, "tiny-bert")

# Synthetic language: 6 topics of 12 words each; a pair's score is the share of topic it has.
rng = random.Random(0)
TOPICS = [[f"t{t}w{i}" for i in range(12)] for t in range(6)]
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
vocab = {w: i for i, w in enumerate(SPECIAL + [w for ws in TOPICS for w in ws])}


def sentence(topic):
    return " ".join(rng.choice(TOPICS[topic]) for _ in range(rng.randint(4, 8)))


def pairs(n):
    s1, s2, score = [], [], []
    for _ in range(n):
        a = rng.randrange(6)
        b = a if rng.random() < 0.5 else rng.randrange(6)
        s1.append(sentence(a))
        s2.append(sentence(b))
        score.append(1.0 if a == b else 0.0)
    return s1, s2, score


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
BertModel(config).save_pretrained(MODEL_DIR)
hf_tok.save_pretrained(MODEL_DIR)

word = Transformer(MODEL_DIR, max_seq_length=16)
model = SentenceTransformer(modules=[word, Pooling(word.get_embedding_dimension(), "mean")], device="cpu")

tr1, tr2, trs = pairs(192)
dv1, dv2, dvs = pairs(48)
te1, te2, tes = pairs(48)
train = datasets.Dataset.from_dict({"sentence1": tr1, "sentence2": tr2, "score": trs})
dev = EmbeddingSimilarityEvaluator(dv1, dv2, dvs, name="synthetic-dev")
test = EmbeddingSimilarityEvaluator(te1, te2, tes, name="synthetic-test")

args = SentenceTransformerTrainingArguments(
    output_dir=os.path.join(TMP, "out"),
    num_train_epochs=2,
    per_device_train_batch_size=16,
    learning_rate=5e-4,
    warmup_steps=2,
    logging_steps=3,
    eval_strategy="steps",
    eval_steps=6,
    save_strategy="no",
    report_to="none",
    use_cpu=True,
    seed=0,
)
trainer = SentenceTransformerTrainer(
    model=model, args=args, train_dataset=train, loss=CosineSimilarityLoss(model), evaluator=dev
)
trainer.train()
final = test(model)
print(f"Test Spearman (cosine): {final['synthetic-test_spearman_cosine']:.4f}")

series = _truth.Series()
skip = {"epoch", "step", "total_flos"}
for row in trainer.state.log_history:
    for k, v in row.items():
        if k not in skip:
            series.add(k, row["step"], row.get("epoch"), v)
    if "eval_synthetic-dev_pearson_cosine" in row:
        # the evaluator's INFO line, logged just before this dict: 'Cosine-Similarity:\tPearson: …'
        series.add("Cosine-Similarity Pearson", row["step"], row.get("epoch"), row["eval_synthetic-dev_pearson_cosine"])
        series.add("Cosine-Similarity Spearman", row["step"], row.get("epoch"), row["eval_synthetic-dev_spearman_cosine"])
step = trainer.state.global_step
series.add("Cosine-Similarity Pearson", step, None, final["synthetic-test_pearson_cosine"])
series.add("Cosine-Similarity Spearman", step, None, final["synthetic-test_spearman_cosine"])
series.add("Test Spearman (cosine)", step, None, final["synthetic-test_spearman_cosine"])
_truth.write(
    library=f"sentence-transformers {sentence_transformers.__version__} (transformers "
    f"{transformers.__version__}, tokenizers {tokenizers.__version__}, torch {torch.__version__})",
    script="tests/corpus/scripts/sentence_transformers_train.py",
    record="trainer.state.log_history (every printed dict) and the dict the final "
    "EmbeddingSimilarityEvaluator call returned",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=["total_flos"],
    notes="Banner: library INFO lines and tqdm bars (shard writing, weight loading: counts only). The "
    "Trainer (transformers 5) prints its dicts with values as 4-significant-digit strings every 3 "
    "steps ({'loss': '0.3789', 'grad_norm': '2.515', 'learning_rate': '0.0005', 'epoch': '0.25'}); "
    "every 6 steps the evaluator's two INFO lines '2026-12-06 23:29:34 - EmbeddingSimilarityEvaluator: "
    "Evaluating the model on the synthetic-dev dataset in epoch 0.5 after 6 steps:' and "
    "'2026-12-06 23:29:34 - Cosine-Similarity:\\tPearson: 0.4104\\tSpearman: 0.4199' (tab-separated, "
    "the similarity function's name as the line's label; series 'Cosine-Similarity Pearson' / "
    "'Cosine-Similarity Spearman') come before the eval dict that holds the same two values as "
    "eval_synthetic-dev_pearson_cosine / _spearman_cosine. eval_samples_per_second and "
    "eval_steps_per_second are printed as '0' (no eval dataset, only an evaluator) and are in the "
    "record. The closing train_runtime dict, then the held-out evaluator call prints the same "
    "'Cosine-Similarity:' line (one more point of those series, at the last step, dataset "
    "synthetic-test) and the script's 'Test Spearman (cosine): 0.7631'. 2 epochs of 12 steps.",
)
