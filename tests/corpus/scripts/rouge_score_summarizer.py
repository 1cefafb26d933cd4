"""Google's rouge-score scoring a toy extractive summarizer (numpy logistic regression over
bag-of-words sentence features, trained a few SGD passes per epoch on synthetic documents whose
reference summaries are their "salient" sentences, lightly paraphrased).

--style score: per epoch the loop's line with the mean F-measures of rouge_scorer.RougeScorer's
  per-document Scores, then one validation example's scorer.score(target, prediction) printed
  bare, as rouge-score's README shows it:
      epoch 2: loss=0.5123 rouge1_f=0.6132 rouge2_f=0.4123 rougeL_f=0.5931
      example 0: {'rouge1': Score(precision=0.75, recall=0.6666666666666666, fmeasure=0.7058823529411765), ...}
--style aggregate: per epoch the loss line, then scoring.BootstrapAggregator().aggregate()
  printed bare: {'rouge1': AggregateScore(low=Score(precision=np.float64(0.61), ...), mid=Score(
  ...), high=Score(...)), 'rouge2': ..., 'rougeL': ...} (numpy 2 floats print as np.float64(...)).

Truth: rouge-score's own Score / AggregateScore namedtuples at full precision (the means of the
per-document Scores' fmeasure for the loop's line); the loop's loss floats. Names: 'rouge1_f'
(the loop's line), 'rouge1/precision' (example's Score), 'rouge1/mid/fmeasure' (aggregate).

Versions: rouge-score 0.1.2 (nltk 3.10.4, absl-py 2.5.1), numpy 2.4.6, Python 3.11. Seeds fixed;
a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zAC-1, see README-other.md):
    python tests/corpus/scripts/capture.py pipe real_rouge_score_example -- python tests/corpus/scripts/rouge_score_summarizer.py --style score
    python tests/corpus/scripts/capture.py pipe real_rouge_score_bootstrap -- python tests/corpus/scripts/rouge_score_summarizer.py --style aggregate
"""

import argparse
import os
import random
import sys
from importlib import metadata

import numpy as np
from rouge_score import rouge_scorer, scoring

sys.path.insert(0, os.path.dirname(__file__))

import _nlp_toy
import _truth

ap = argparse.ArgumentParser()
ap.add_argument("--style", choices=["score", "aggregate"], default="score")
args = ap.parse_args()

rng = random.Random(0)
words = _nlp_toy._words(rng, 120)
salient, plain = words[:25], words[25:]
index = {w: i for i, w in enumerate(words)}


def document():
    sents, labels = [], []
    for _ in range(6):
        key = rng.random() < 0.33
        n = rng.randint(6, 10)
        ws = [rng.choice(salient if (key and rng.random() < 0.4) else plain) for _ in range(n)]
        if not key and rng.random() < 0.5:
            ws[rng.randrange(n)] = rng.choice(salient)  # a decoy
        sents.append(ws)
        labels.append(int(key))
    ref = (
        " ".join(
            " ".join(w for w in s if rng.random() > 0.15) + "."
            for s, k in zip(sents, labels, strict=True)
            if k
        )
        or " ".join(sents[0]) + "."
    )
    return sents, labels, ref


train = [document() for _ in range(200)]
valid = [document() for _ in range(60)]


def feats(sent):
    v = np.zeros(len(words) + 1)
    for w in sent:
        v[index[w]] += 1.0 / len(sent)
    v[-1] = 1.0
    return v


X = np.array([feats(s) for d in train for s in d[0]])
Y = np.array([y for d in train for y in d[1]], dtype=float)
w = np.random.default_rng(1).normal(scale=0.5, size=X.shape[1])
nprng = np.random.default_rng(0)
np.random.seed(0)  # BootstrapAggregator resamples with np.random


def train_epoch(lr=0.15, batch=16):
    global w
    order = nprng.permutation(len(X))
    losses = []
    for i in range(0, len(order), batch):
        idx = order[i : i + batch]
        p = 1 / (1 + np.exp(-(X[idx] @ w)))
        losses.append(-np.mean(Y[idx] * np.log(p + 1e-9) + (1 - Y[idx]) * np.log(1 - p + 1e-9)))
        w -= lr * X[idx].T @ (p - Y[idx]) / len(idx)
    return float(np.mean(losses))


def summarize(doc):
    scores = [feats(s) @ w for s in doc[0]]
    top = sorted(np.argsort(scores)[::-1][:2])
    return " ".join(" ".join(doc[0][i]) + "." for i in top)


scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
series = _truth.Series()
EPOCHS = 5
for epoch in range(1, EPOCHS + 1):
    loss = train_epoch()
    preds = [summarize(d) for d in valid]
    targets = [d[2] for d in valid]
    per_doc = [scorer.score(t, p) for t, p in zip(targets, preds, strict=True)]
    if args.style == "score":
        means = {k: float(np.mean([s[k].fmeasure for s in per_doc])) for k in per_doc[0]}
        print(
            f"epoch {epoch}: loss={loss:.4f} rouge1_f={means['rouge1']:.4f} "
            f"rouge2_f={means['rouge2']:.4f} rougeL_f={means['rougeL']:.4f}"
        )
        print("example 0:", per_doc[0])
        series.add("loss", None, epoch, loss)
        for k, v in means.items():
            series.add(f"{k}_f", None, epoch, v)
        for k, s in per_doc[0].items():
            for field in ("precision", "recall", "fmeasure"):
                series.add(f"{k}/{field}", None, epoch, getattr(s, field))
    else:
        aggregator = scoring.BootstrapAggregator()
        for s in per_doc:
            aggregator.add_scores(s)
        result = aggregator.aggregate()
        print(f"Epoch {epoch} train loss {loss:.4f}")
        print(result)
        series.add("train loss", None, epoch, loss)
        for k, agg in result.items():
            for bound in ("low", "mid", "high"):
                for field in ("precision", "recall", "fmeasure"):
                    series.add(
                        f"{k}/{bound}/{field}", None, epoch, getattr(getattr(agg, bound), field)
                    )

if args.style == "score":
    notes = (
        "Per epoch (1-based) 'epoch 2: loss=0.5123 rouge1_f=0.6132 rouge2_f=0.4123 "
        "rougeL_f=0.5931' (the loop's means of rouge-score's per-document fmeasure, 4 decimals), "
        "then 'example 0: {'rouge1': Score(precision=0.75, recall=0.6666666666666666, "
        "fmeasure=0.7058823529411765), 'rouge2': Score(...), 'rougeL': Score(...)}': the first "
        "validation document's Scores (a dict of namedtuples, repr'd at full precision). "
        "'example 0' names the document (index 0), not a step. Series '<rouge type>/<field>'."
    )
else:
    notes = (
        "Per epoch (1-based) 'Epoch 2 train loss 0.5123', then the dict BootstrapAggregator."
        "aggregate() returns, printed bare on one line: {'rouge1': AggregateScore(low=Score("
        "precision=np.float64(0.61), recall=np.float64(0.58), fmeasure=np.float64(0.59)), mid="
        "Score(...), high=Score(...)), 'rouge2': ..., 'rougeL': ...}: the bootstrap 95% interval's "
        "low / mid / high of each field. Series '<rouge type>/<bound>/<field>' "
        "('rouge1/mid/fmeasure'): 27 per epoch."
    )

_truth.write(
    library=f"rouge-score {metadata.version('rouge-score')} (numpy {np.__version__})",
    script="tests/corpus/scripts/rouge_score_summarizer.py",
    record=(
        "rouge_score.rouge_scorer.RougeScorer.score() Score namedtuples and "
        "scoring.BootstrapAggregator.aggregate() AggregateScore namedtuples; the loop's losses"
    ),
    step_kind="epoch",
    series=series,
    notes=notes,
)
