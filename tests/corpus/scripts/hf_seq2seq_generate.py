"""Hugging Face Seq2SeqTrainer with predict_with_generate=True on a tiny randomly initialised T5 (built
from a config, a WordLevel tokenizer made in memory: nothing downloaded), learning to reverse short
synthetic word sequences. Steps-based logging (every 3 steps) and evaluation (every 6 steps, with
generation), a compute_metrics returning several metrics (exact_match, token_accuracy, gen_len,
rounded to 4 places as the run_summarization example does), then the example scripts' closing
blocks: trainer.log_metrics("train" / "eval" / "predict", ...) with train_samples / eval_samples /
predict_samples added as the examples add them.

Console: the Trainer's tqdm bar (the evaluation bar nested under it), its log dicts
({'loss': '5.123', 'grad_norm': ..., 'learning_rate': ..., 'epoch': '0.5'}), eval dicts
({'eval_loss': ..., 'eval_exact_match': ..., 'eval_token_accuracy': ..., 'eval_gen_len': ...,
'eval_runtime': ..., 'eval_samples_per_second': ..., 'eval_steps_per_second': ..., 'epoch': ...}),
the train_runtime dict, then the '***** train metrics *****' / '***** eval metrics *****' /
'***** predict metrics *****' blocks ('  eval_loss               =     4.1234').

Truth: trainer.state.log_history (every printed dict, the closing train metrics and the final
evaluate()), and predict()'s returned PredictionOutput.metrics for the predict block.

Versions: transformers 5.25.0, tokenizers 0.23.3, datasets 5.2.0, accelerate 1.16.0,
torch 2.13.0+cpu, Python 3.11. Seeds fixed; ~20 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zA-1, see README-torch.md):
    python tests/corpus/scripts/capture.py pipe real_hf_seq2seq_generate -- python tests/corpus/scripts/hf_seq2seq_generate.py
    python tests/corpus/scripts/capture.py pty real_hf_seq2seq_generate_pty -- python tests/corpus/scripts/hf_seq2seq_generate.py
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
import numpy as np  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402
from tokenizers import Tokenizer, models, pre_tokenizers, processors  # noqa: E402
from transformers import (  # noqa: E402
    DataCollatorForSeq2Seq,
    PreTrainedTokenizerFast,
    Seq2SeqTrainer,
    Seq2SeqTrainingArguments,
    T5Config,
    T5ForConditionalGeneration,
    set_seed,
)

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

TMP = "/tmp/corpus-zA/seq2seq"
shutil.rmtree(TMP, ignore_errors=True)
os.makedirs(TMP)

rng = random.Random(0)
WORDS = [f"w{i}" for i in range(16)]
vocab = {w: i for i, w in enumerate(["<pad>", "</s>", "<unk>"] + WORDS)}
tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
tok.pre_tokenizer = pre_tokenizers.Whitespace()
tok.post_processor = processors.TemplateProcessing(single="$A </s>", special_tokens=[("</s>", 1)])
tokenizer = PreTrainedTokenizerFast(
    tokenizer_object=tok,
    pad_token="<pad>",
    eos_token="</s>",
    unk_token="<unk>",
    model_max_length=16,
)


def examples(n):
    src, tgt = [], []
    for _ in range(n):
        ws = [rng.choice(WORDS) for _ in range(rng.randint(3, 6))]
        src.append(" ".join(ws))
        tgt.append(" ".join(reversed(ws)))
    return datasets.Dataset.from_dict({"source": src, "target": tgt})


def preprocess(batch):
    return tokenizer(batch["source"], text_target=batch["target"], max_length=16, truncation=True)


raw_train, raw_eval, raw_test = examples(96), examples(32), examples(32)
cols = ["source", "target"]
train_ds = raw_train.map(preprocess, batched=True, remove_columns=cols)
eval_ds = raw_eval.map(preprocess, batched=True, remove_columns=cols)
test_ds = raw_test.map(preprocess, batched=True, remove_columns=cols)

set_seed(0)
config = T5Config(
    vocab_size=len(vocab),
    d_model=32,
    d_ff=64,
    d_kv=16,
    num_layers=2,
    num_decoder_layers=2,
    num_heads=2,
    pad_token_id=0,
    eos_token_id=1,
    decoder_start_token_id=0,
)
model = T5ForConditionalGeneration(config)


def compute_metrics(eval_preds):
    preds, labels = eval_preds
    if isinstance(preds, tuple):
        preds = preds[0]
    preds = np.where(preds != -100, preds, tokenizer.pad_token_id)
    labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
    pred_txt = tokenizer.batch_decode(preds, skip_special_tokens=True)
    label_txt = tokenizer.batch_decode(labels, skip_special_tokens=True)
    exact = np.mean([p.split() == g.split() for p, g in zip(pred_txt, label_txt, strict=True)])
    hits = total = 0
    for p, g in zip(pred_txt, label_txt, strict=True):
        p, g = p.split(), g.split()
        hits += sum(a == b for a, b in zip(p, g, strict=False))
        total += len(g)
    gen_len = np.mean([np.count_nonzero(row != tokenizer.pad_token_id) for row in preds])
    result = {
        "exact_match": float(exact),
        "token_accuracy": hits / total,
        "gen_len": float(gen_len),
    }
    return {k: round(v, 4) for k, v in result.items()}


# --- as a user writes it (shape of transformers' examples/pytorch/summarization) -------------------
args = Seq2SeqTrainingArguments(
    output_dir=os.path.join(TMP, "out"),
    num_train_epochs=3,
    per_device_train_batch_size=16,
    per_device_eval_batch_size=16,
    learning_rate=3e-3,
    logging_strategy="steps",
    logging_steps=3,
    eval_strategy="steps",
    eval_steps=6,
    save_strategy="no",
    predict_with_generate=True,
    generation_max_length=10,
    generation_num_beams=1,
    report_to="none",
    use_cpu=True,
    seed=0,
)
trainer = Seq2SeqTrainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=eval_ds,
    processing_class=tokenizer,
    data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
    compute_metrics=compute_metrics,
)
train_result = trainer.train()
metrics = train_result.metrics
metrics["train_samples"] = len(train_ds)
trainer.log_metrics("train", metrics)

metrics = trainer.evaluate(max_length=10, num_beams=1, metric_key_prefix="eval")
metrics["eval_samples"] = len(eval_ds)
trainer.log_metrics("eval", metrics)

predict_results = trainer.predict(test_ds, metric_key_prefix="predict", max_length=10, num_beams=1)
metrics = dict(predict_results.metrics)
metrics["predict_samples"] = len(test_ds)
trainer.log_metrics("predict", metrics)
# -------------------------------------------------------------------------------------------------

series = _truth.Series()
skip = {"epoch", "step", "total_flos"}
history = trainer.state.log_history
for row in history:
    for k, v in row.items():
        if k not in skip:
            series.add(k, row["step"], row.get("epoch"), v)
# the '***** train metrics *****' block prints train_result.metrics again (same values as the
# train_runtime row), the eval block the final evaluate() row (history[-1]): one more point each
train_row = next(r for r in history if "train_runtime" in r)
for (
    k,
    v,
) in train_row.items():  # train_result.metrics, less the train_samples count the script added
    if k not in skip:
        series.add(k, train_row["step"], train_row.get("epoch"), v)
for k, v in history[-1].items():
    if k not in skip:
        series.add(k, history[-1]["step"], history[-1].get("epoch"), v)
for k, v in predict_results.metrics.items():
    series.add(k, trainer.state.global_step, None, v)

_truth.write(
    library=f"transformers {transformers.__version__} Seq2SeqTrainer (torch {torch.__version__})",
    script="tests/corpus/scripts/hf_seq2seq_generate.py",
    record="trainer.state.log_history (every printed dict; the train and eval log_metrics blocks repeat "
    "its train_runtime row and its final evaluate() row) and predict()'s PredictionOutput.metrics",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=["total_flos (the train block prints it as '0GF')"],
    notes="96 training pairs, batch 16 -> 6 steps per epoch, 3 epochs (18 steps). A log dict every 3 "
    "steps ({'loss': '3.02', 'grad_norm': '1.9', 'learning_rate': '0.002667', 'epoch': '0.5'}, values as "
    "4-significant-digit strings), an eval dict every 6 steps with generation "
    "({'eval_loss': '2.9', 'eval_exact_match': '0', 'eval_token_accuracy': '0.1', 'eval_gen_len': "
    "'9.5', 'eval_runtime': '0.2', 'eval_samples_per_second': '160', 'eval_steps_per_second': '10', "
    "'epoch': '1'}), the train_runtime dict. Then the example-script blocks: '***** train metrics "
    "*****' ('  epoch                    =        3.0', '  total_flos               =        0GF', "
    "'  train_loss               =     2.9123', '  train_runtime            = 0:00:03.12' (a "
    "timedelta: train_runtime in seconds is the record's value), '  train_samples            =       "
    " 96' (a count the script adds, not a metric), train_samples_per_second, train_steps_per_second), "
    "the final evaluate()'s dict line and '***** eval metrics *****' (eval_* metrics, 'eval_samples = "
    "32': a count), '***** predict metrics *****' (predict_loss, predict_exact_match, "
    "predict_token_accuracy, predict_gen_len, predict_runtime, predict_samples_per_second, "
    "predict_steps_per_second; 'predict_samples = 32': a count; predict logs no dict, its step is the "
    "last global step, epoch null). Each block repeats the dict it closes: one more point at the "
    "same step. Float values in the blocks rounded to 4 places.",
)
