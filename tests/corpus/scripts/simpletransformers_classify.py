"""simpletransformers ClassificationModel("bert", ...) on a tiny randomly initialised BERT (built from
a config plus an in-memory WordPiece tokenizer saved to a temp dir: nothing downloaded), binary
classification of synthetic sentences, run as simpletransformers' README does it:
logging.basicConfig(level=logging.INFO), the transformers logger at WARNING,
model.train_model(train_df, eval_df=eval_df, acc=accuracy_score) with evaluate_during_training
(every 12 steps, evaluate_during_training_verbose=True so the results dict is logged), then
result, model_outputs, wrong = model.eval_model(eval_df, acc=accuracy_score).

Console: INFO lines (' Converting to features started.', ' Training of bert model complete.
Saved to outputs/.'), the 'Epoch 1 of 4' outer bar and the 'Epochs 1/4. Running Loss:    0.6931'
batch bar (mininterval=0: every batch drawn), the final 'Running Evaluation' bar and the results dicts
INFO:simpletransformers.classification.classification_model:{'mcc': 0.0, 'tp': 12, 'tn': 0, 'fp': 12,
'fn': 0, 'auroc': 0.5, 'auprc': 0.5, 'acc': 0.5, 'eval_loss': 0.69}.

Truth: the training_progress_scores the library returns from train_model (global_step, mcc, tp, tn,
fp, fn, auroc, auprc, acc, eval_loss at every evaluation; also written to
outputs/training_progress_scores.csv), the result dict of eval_model, and the running loss the
library handed to the batch bar's set_description (noted by a subclass of its tqdm that keeps the
description string's value; simpletransformers keeps no per-step loss record; its train_loss
column holds the same running loss only at evaluation steps, and is not printed as such).

Versions: simpletransformers 0.70.8, transformers 5.25.0, tokenizers 0.23.3, torch 2.13.0+cpu,
scikit-learn 1.9.1, pandas 3.1.1, tqdm 4.70.1, Python 3.11. Seeds fixed (manual_seed=0); ~20 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zA-1, see README-torch.md):
    python tests/corpus/scripts/capture.py pipe real_simpletransformers_cls -- python tests/corpus/scripts/simpletransformers_classify.py
    python tests/corpus/scripts/capture.py pty real_simpletransformers_cls_pty -- python tests/corpus/scripts/simpletransformers_classify.py
"""

import logging
import os
import random
import re
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

import pandas as pd  # noqa: E402
import simpletransformers.classification.classification_model as stcm  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402
from simpletransformers.classification import ClassificationArgs, ClassificationModel  # noqa: E402
from sklearn.metrics import accuracy_score  # noqa: E402
from tokenizers import Tokenizer, models, pre_tokenizers  # noqa: E402
from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

TMP = "/tmp/corpus-zA/st-cls"
shutil.rmtree(TMP, ignore_errors=True)
os.makedirs(TMP)
BERT_DIR = os.path.join(TMP, "tiny-bert")

# Running-loss values the library hands its batch bar (it keeps no per-step record of them).
RUNNING = []
_base_tqdm = stcm.tqdm


class _NotingTqdm(_base_tqdm):
    def set_description(self, desc=None, refresh=True):
        m = re.search(r"Running Loss:\s*(\S+)", desc or "")
        if m:
            RUNNING.append(desc)
        return super().set_description(desc, refresh)


stcm.tqdm = _NotingTqdm

rng = random.Random(0)
POS = [f"p{i}" for i in range(10)]
NEG = [f"n{i}" for i in range(10)]
COMMON = [f"c{i}" for i in range(20)]
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
vocab = {w: i for i, w in enumerate(SPECIAL + COMMON + POS + NEG)}


def rows(n):
    out = []
    for _ in range(n):
        label = rng.randrange(2)
        words = [rng.choice(POS if label else NEG)] + [rng.choice(COMMON) for _ in range(5)]
        rng.shuffle(words)
        out.append([" ".join(words), label])
    return pd.DataFrame(out, columns=["text", "labels"])


tok = Tokenizer(models.WordPiece(vocab=vocab, unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.Whitespace()
BertTokenizerFast(tokenizer_object=tok, model_max_length=16, do_lower_case=False).save_pretrained(
    BERT_DIR
)
torch.manual_seed(0)
config = BertConfig(
    vocab_size=len(vocab),
    hidden_size=32,
    num_hidden_layers=2,
    num_attention_heads=2,
    intermediate_size=64,
    max_position_embeddings=32,
    num_labels=2,
)
BertForSequenceClassification(config).save_pretrained(BERT_DIR)

train_df = rows(192)
eval_df = rows(32)

# --- as a user writes it (simpletransformers' README) -------------------------------------------
logging.basicConfig(level=logging.INFO)
transformers_logger = logging.getLogger("transformers")
transformers_logger.setLevel(logging.WARNING)

model_args = ClassificationArgs(
    num_train_epochs=4,
    train_batch_size=16,
    eval_batch_size=16,
    learning_rate=2e-3,
    max_seq_length=16,
    evaluate_during_training=True,
    evaluate_during_training_steps=12,
    evaluate_during_training_verbose=True,
    save_eval_checkpoints=False,
    save_model_every_epoch=False,
    save_steps=-1,
    overwrite_output_dir=True,
    output_dir=os.path.join(TMP, "outputs"),
    best_model_dir=os.path.join(TMP, "outputs", "best_model"),
    cache_dir=os.path.join(TMP, "cache"),
    tensorboard_dir=os.path.join(TMP, "runs"),
    use_multiprocessing=False,
    use_multiprocessing_for_evaluation=False,
    manual_seed=0,
)
model = ClassificationModel("bert", BERT_DIR, num_labels=2, args=model_args, use_cuda=False)
global_step, training_details = model.train_model(train_df, eval_df=eval_df, acc=accuracy_score)
result, model_outputs, wrong_predictions = model.eval_model(eval_df, acc=accuracy_score)
# -------------------------------------------------------------------------------------------------

series = _truth.Series()
steps_per_epoch = -(-len(train_df) // model_args.train_batch_size)
for i, desc in enumerate(RUNNING):
    value = float(re.search(r"Running Loss:\s*(\S+)", desc).group(1))
    series.add("Running Loss", i + 1, i // steps_per_epoch + 1, value)
names = [k for k in training_details if k not in ("global_step", "train_loss")]
rows_seen = [
    (step, {k: training_details[k][j] for k in names})
    for j, step in enumerate(training_details["global_step"])
]
rows_seen.append((global_step, dict(result)))
seen = set()
for step, row in rows_seen:
    # the same dict logged again at the same step (two evaluations at an epoch's last step, and
    # eval_model's own line after _evaluate_during_training's) is one point
    key = (step, tuple(sorted((k, float(v)) for k, v in row.items())))
    if key in seen:
        continue
    seen.add(key)
    for k, v in row.items():
        series.add(k, step, None, v)

_truth.write(
    library="simpletransformers 0.70.8 "
    f"(transformers {transformers.__version__}, torch {torch.__version__})",
    script="tests/corpus/scripts/simpletransformers_classify.py",
    record="training_progress_scores returned by train_model (every evaluation during training), the "
    "result dict of eval_model, and the running loss handed to the batch bar's set_description "
    "(the bar's description holds it at 4 decimals: the value as the library formatted it)",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[
        "train_loss (training_progress_scores column: the running loss at each evaluation)"
    ],
    notes="192 training rows, batch 16 -> 12 steps per epoch, 4 epochs, evaluate_during_training_steps=12 "
    "(so at each epoch's last step the step-triggered evaluation and the default evaluate_each_epoch one "
    "both run). 'Epoch 1 of 4' outer bar, the batch bar 'Epochs 1/4. Running Loss:    0.6931:  17%|...| "
    "2/12' drawn twice per batch (series 'Running Loss', one point per batch: step = the global step the "
    "batch becomes, epoch = the epoch the description names). Each evaluation logs its results dict "
    "twice (eval_model's verbose line, then _evaluate_during_training's): "
    "'INFO:simpletransformers.classification.classification_model:{'mcc': 0.0, 'accuracy': 0.5625, "
    "'f1_score': 0.36, 'tp': np.int64(18), 'tn': np.int64(0), 'fp': np.int64(14), 'fn': np.int64(0), "
    "'auroc': 0.504, 'auprc': 0.612, 'acc': 0.5625, 'eval_loss': 0.6923}' (the confusion counts are "
    "numpy ints shown as np.int64(N); they are evaluation outcomes in the library's results dict, kept "
    "as series). The same dict logged again at the same step (2 prints x 2 evaluations at each epoch "
    "end, and the final eval_model at the last step) is one point. The tiny model stays near chance "
    "(mcc 0.0 throughout) while auroc rises. INFO lines about features, caching and saving carry "
    "paths and counts only; 'Map' bars are dataset counts.",
)
