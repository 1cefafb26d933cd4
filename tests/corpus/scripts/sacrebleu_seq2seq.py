"""sacrebleu's object API in a hand-written PyTorch translation loop: per epoch the training
loss, then the BLEU, chrF and TER objects' corpus_score(...) printed bare as sacrebleu's README
shows them, and once at the end the three metrics' signatures:

    epoch 3 | train loss 1.1664 | valid loss 1.0213
    BLEU = 68.36 89.9/77.4/66.9/58.0 (BP = 0.948 ratio = 0.949 hyp_len = 694 ref_len = 731)
    chrF2 = 80.12
    TER = 20.53
    ...
    nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0

The model: a tiny embedding + BiGRU token model "translating" synthetic sentences (two references
per sentence; tests/corpus/scripts/_nlp_toy.py).

Truth: sacrebleu's own score objects (BLEUScore.score / .bp / .ratio, CHRFScore.score,
TERScore.score) at full precision; the loop's printed losses (the loop's own floats).

Versions: sacrebleu 2.6.0, torch 2.13.0+cpu, numpy 2.4.6, Python 3.11. Seeds fixed; ~5 s CPU.
Capture (repository root, venv /work/venvs/corpus-zAC-1, see README-other.md):
    python tests/corpus/scripts/capture.py pipe real_sacrebleu_seq2seq -- python tests/corpus/scripts/sacrebleu_seq2seq.py
"""

import os
import sys
from importlib import metadata

from sacrebleu.metrics import BLEU, CHRF, TER

sys.path.insert(0, os.path.dirname(__file__))

import _nlp_toy
import _truth

EPOCHS = 5
data = _nlp_toy.Translate(n_train=300, n_valid=100, refs=2, lr=0.012)
refs = [data.refs] + data.more_refs
bleu, chrf, ter = BLEU(), CHRF(), TER()
series = _truth.Series()

for epoch in range(1, EPOCHS + 1):
    loss = data.train_epoch()
    vloss = data.task.valid_loss()
    hyps = data.hypotheses()
    print(f"epoch {epoch} | train loss {loss:.4f} | valid loss {vloss:.4f}")
    b = bleu.corpus_score(hyps, refs)
    c = chrf.corpus_score(hyps, refs)
    t = ter.corpus_score(hyps, refs)
    print(b)
    print(c)
    print(t)
    series.add("train loss", None, epoch, loss)
    series.add("valid loss", None, epoch, vloss)
    series.add("BLEU", None, epoch, b.score)
    series.add("BP", None, epoch, b.bp)
    series.add("ratio", None, epoch, b.ratio)
    series.add("chrF2", None, epoch, c.score)
    series.add("TER", None, epoch, t.score)

print(bleu.get_signature())
print(chrf.get_signature())
print(ter.get_signature())

_truth.write(
    library=f"sacrebleu {metadata.version('sacrebleu')} (torch {metadata.version('torch')})",
    script="tests/corpus/scripts/sacrebleu_seq2seq.py",
    record=(
        "sacrebleu's score objects: BLEU().corpus_score(...).score/.bp/.ratio, "
        "CHRF().corpus_score(...).score, TER().corpus_score(...).score; the loop's loss floats"
    ),
    step_kind="epoch",
    series=series,
    extra_ok=[
        "the BLEU line's slash-joined n-gram precisions p1/p2/p3/p4 (1-gram 2-gram 3-gram "
        "4-gram precision, BLEUScore.precisions; printed without a name)"
    ],
    notes=(
        "Per epoch (1-based) 'epoch 3 | train loss 1.1664 | valid loss 1.0213', then str() of "
        "sacrebleu's three score objects: 'BLEU = 68.36 89.9/77.4/66.9/58.0 (BP = 0.948 ratio = "
        "0.949 hyp_len = 694 ref_len = 731)' (the score, the four n-gram precisions joined by "
        "'/' with no name, BP and ratio are metrics; hyp_len and ref_len are token COUNTS, not "
        "metrics), 'chrF2 = 80.12' (the metric's name carries its beta, 2), 'TER = 20.53'. At "
        "the end the three signatures, 'nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|"
        "version:2.6.0' (BLEU), 'nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0' "
        "(chrF), 'nrefs:2|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0' (TER): "
        "settings and a version, no metric. BP < 1 at epoch 1: the model still drops many words."
    ),
)
