"""Flair TextClassifier trained with ModelTrainer.train on a synthetic sentiment corpus (built in
memory, OneHotEmbeddings from the corpus: nothing downloaded), Flair's default logging.

Flair logs '2026-12-06 14:04:12,501 epoch 1 - iter 3/10 - loss 0.69525220 - time (sec): 0.26 -
samples/sec: 364.71 - lr: 0.100000 - momentum: 0.000000', 'EPOCH 1 done: loss 0.6446 - lr:
0.100000', 'DEV : loss 0.5478162169456482 - f1-score (micro avg)  0.7333', and a final test
report.  Truth: every MetricRecord Flair dispatches to its plugins ('metric_recorded': train
batch_loss per batch, train loss per epoch, learning_rate, optimizer momentum, dev scores) kept
by a TrainerPlugin, and train()'s return value test_score.  The per-iteration 'loss' Flair prints
is the running mean of the epoch's batch losses weighted by batch size
(epoch_train_loss / epoch_train_samples in flair/trainers/trainer.py), recomputed here from the
recorded batch_loss values and the batch sizes.
Versions: flair 0.15.1, torch 2.13.0+cpu, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_flair_textclassifier -- python tests/corpus/holdout/scripts/flair_textclassifier.py
"""

import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import flair
import torch
from flair.data import Corpus, Sentence
from flair.datasets import FlairDatapointDataset
from flair.embeddings import DocumentPoolEmbeddings, OneHotEmbeddings
from flair.models import TextClassifier
from flair.trainers import ModelTrainer
from flair.trainers.plugins.base import TrainerPlugin

torch.set_num_threads(1)
flair.set_seed(0)
random.seed(0)
POS = ["good", "great", "fine", "nice", "happy", "love"]
NEG = ["bad", "awful", "poor", "sad", "hate", "worst"]
FILLER = ["the", "movie", "was", "a", "plot", "and", "actor", "film", "it", "very"]


def make(n):
    out = []
    for _ in range(n):
        lab = random.random() < 0.5
        words = random.choices(FILLER, k=6) + random.choices(POS if lab else NEG, k=2)
        words += random.choices(POS + NEG, k=1)
        random.shuffle(words)
        s = Sentence(" ".join(words))
        s.add_label("sentiment", "POSITIVE" if lab else "NEGATIVE")
        out.append(s)
    return out


class KeepRecords(TrainerPlugin):
    def __init__(self):
        super().__init__()
        self.records = []

    @TrainerPlugin.hook
    def metric_recorded(self, record):
        self.records.append((tuple(record.name), record.value, record.global_step))


N_TRAIN, BATCH, EPOCHS = 300, 32, 3
corpus = Corpus(
    FlairDatapointDataset(make(N_TRAIN)),
    FlairDatapointDataset(make(60)),
    FlairDatapointDataset(make(60)),
)
labels = corpus.make_label_dictionary("sentiment")
emb = DocumentPoolEmbeddings([OneHotEmbeddings.from_corpus(corpus, embedding_length=16)])
clf = TextClassifier(emb, label_type="sentiment", label_dictionary=labels)
keep = KeepRecords()
base = tempfile.mkdtemp(prefix="flair_")
result = ModelTrainer(clf, corpus).train(
    base, max_epochs=EPOCHS, mini_batch_size=BATCH, learning_rate=0.1, plugins=[keep]
)
shutil.rmtree(base, ignore_errors=True)

recs = keep.records
by = {}
for name, value, step in recs:
    by.setdefault(name, []).append((value, step))
batches = -(-N_TRAIN // BATCH)
sizes = [BATCH] * (batches - 1) + [N_TRAIN - BATCH * (batches - 1)]
ser = _truth.Series()
batch_loss = by[("train", "batch_loss")]
lrs = {step: v for v, step in by[("learning_rate",)]}
moms = {step: v for v, step in by[("optimizer", "momentum")]}
epoch_loss = by[("train", "loss")]
dev_loss = by[("dev", "loss")]
dev_f1 = by[("dev", "micro avg", "f1-score")]
for epoch in range(1, EPOCHS + 1):
    total = count = 0.0
    for i in range(batches):
        value, step = batch_loss[(epoch - 1) * batches + i]
        total += value * sizes[i]
        count += sizes[i]
        ser.add("loss", step, epoch, total / count)
        ser.add("lr", step, epoch, lrs[step][0])
        ser.add("momentum", step, epoch, moms[step][0])
    ser.add("loss", step, epoch, epoch_loss[epoch - 1][0])  # 'EPOCH n done: loss ...'
    ser.add("lr", step, epoch, lrs[step][0])
    ser.add("DEV loss", step, epoch, dev_loss[epoch - 1][0])
    ser.add("f1-score (micro avg)", step, epoch, dev_f1[epoch - 1][0])
ser.add("F-score (micro)", None, None, result["test_score"])

_truth.write(
    library="flair 0.15.1 (torch 2.13.0+cpu)",
    script="tests/corpus/holdout/scripts/flair_textclassifier.py",
    record="Flair's MetricRecords (plugin hook 'metric_recorded'): train/batch_loss, train/loss, learning_rate, optimizer/momentum, dev/loss, dev/micro avg/f1-score; train() return value test_score",
    step_kind="global",
    series=ser,
    extra_ok=[
        "time (sec) and samples/sec in the iteration lines",
        "F-score (macro), Accuracy, and the test report's precision recall f1-score per "
        "POSITIVE NEGATIVE accuracy macro avg weighted avg row (printed, not recorded)",
    ],
    not_printed=[
        "train/batch_loss itself (the printed loss is the epoch's running mean)",
        "dev precision/recall/accuracy",
    ],
    notes=(
        "All lines go through Flair's logger with a '%(asctime)s' prefix. Per batch: 'epoch 1 - "
        "iter 3/10 - loss 0.69525220 - time (sec): 0.26 - samples/sec: 364.71 - lr: 0.100000 - "
        "momentum: 0.000000': loss = running mean over the epoch so far (step = Flair's global "
        "batch count, epoch 1-based; iter i/10 is the batch within the epoch). Per epoch: 'EPOCH "
        "1 done: loss 0.6446 - lr: 0.100000' (the epoch's mean loss: the same value as the last "
        "iteration line, printed again, kept as a second point at the same step), then a tqdm "
        "bar of the dev evaluation and 'DEV : loss 0.5478162169456482 - f1-score (micro avg)  "
        "0.7333' (series 'DEV loss' and 'f1-score (micro avg)'), ' - 0 epochs without "
        "improvement' (a count). The preamble prints the model repr, corpus sizes, training "
        "parameters in quotes ('learning_rate: \"0.1\"', 'max_epochs: \"3\"') and plugin settings "
        "(patience: '3', anneal_factor: '0.5'): configuration. At the end, the test report: "
        "'- F-score (micro) 0.9667' (series, train()'s test_score), '- F-score (macro) ...', "
        "'- Accuracy ...' and a sklearn-style per-class table (extra_ok; support is a count)."
    ),
)
