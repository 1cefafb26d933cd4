"""NLTK's translation metrics in a hand-written PyTorch "translation" loop (embedding + BiGRU
token model on synthetic sentences, tests/corpus/scripts/_nlp_toy.py), printed the way the
well-known caption/translation tutorials print nltk's corpus_bleu:

    Epoch 2/6 - loss 2.7418
    BLEU-1: 0.123456
    BLEU-2: 0.081234
    BLEU-3: 0.034567
    BLEU-4: 0.012345
    GLEU: 0.0812
    chrF: 0.3456
    sample: sentence_bleu = 1.5319719891192393e-231

nltk's sentence_bleu without smoothing returns a vanishing 1e-231-ish value (and warns, once per
n-gram order, with a multi-line UserWarning on stderr) when a sentence has no higher-order n-gram
match: printed bare, as users do.

Truth: nltk's returns (corpus_bleu with weights (1,0,0,0), (.5,.5,0,0), (1/3,1/3,1/3,0),
(.25,.25,.25,.25); corpus_gleu; corpus_chrf; sentence_bleu of the first validation sentence) at
full precision; the loop's loss floats.

Versions: nltk 3.10.4, torch 2.13.0+cpu, Python 3.11. Seeds fixed; ~5 s CPU.
Capture (repository root, venv /work/venvs/corpus-zAC-1, see README-other.md):
    python tests/corpus/scripts/capture.py pipe real_nltk_bleu_loop -- python tests/corpus/scripts/nltk_bleu_loop.py
"""

import os
import sys
from importlib import metadata

from nltk.translate.bleu_score import corpus_bleu, sentence_bleu
from nltk.translate.chrf_score import corpus_chrf
from nltk.translate.gleu_score import corpus_gleu

sys.path.insert(0, os.path.dirname(__file__))

import _nlp_toy
import _truth

EPOCHS = 6
data = _nlp_toy.Translate(n_train=300, n_valid=100, refs=2, lr=0.005, seed=3)
actual = [[r.split() for r in group] for group in zip(data.refs, *data.more_refs, strict=True)]
series = _truth.Series()

for epoch in range(1, EPOCHS + 1):
    loss = data.train_epoch()
    predicted = [h.split() for h in data.hypotheses()]
    print(f"Epoch {epoch}/{EPOCHS} - loss {loss:.4f}")
    series.add("loss", None, epoch, loss)
    for n, weights in (
        (1, (1.0, 0, 0, 0)),
        (2, (0.5, 0.5, 0, 0)),
        (3, (0.3333, 0.3333, 0.3333, 0)),
        (4, (0.25, 0.25, 0.25, 0.25)),
    ):
        b = corpus_bleu(actual, predicted, weights=weights)
        print("BLEU-%d: %f" % (n, b))  # noqa: UP031 (the tutorials' print)
        series.add(f"BLEU-{n}", None, epoch, b)
    gleu = corpus_gleu(actual, predicted)
    chrf = corpus_chrf([" ".join(a[0]) for a in actual], [" ".join(p) for p in predicted])
    print(f"GLEU: {gleu:.4f}")
    print(f"chrF: {chrf:.4f}")
    sample = sentence_bleu(actual[0], predicted[0])
    print(f"sample: sentence_bleu = {sample}")
    series.add("GLEU", None, epoch, gleu)
    series.add("chrF", None, epoch, chrf)
    series.add("sample: sentence_bleu", None, epoch, sample)

_truth.write(
    library=f"nltk {metadata.version('nltk')} (torch {metadata.version('torch')})",
    script="tests/corpus/scripts/nltk_bleu_loop.py",
    record=(
        "nltk.translate corpus_bleu / corpus_gleu / corpus_chrf / sentence_bleu returns; the "
        "loop's loss floats"
    ),
    step_kind="epoch",
    series=series,
    notes=(
        "Per epoch 'Epoch 2/6 - loss 2.7418' (2/6 = epoch of six), 'BLEU-1: 0.123456' .. "
        "'BLEU-4: 0.012345' ('%f', 6 decimals; the -1..-4 is the n-gram order, part of the name), "
        "'GLEU: 0.0812', 'chrF: 0.3456', 'sample: sentence_bleu = 1.5319719891192393e-231' (the "
        "first validation sentence's unsmoothed BLEU, repr'd; vanishing values like 1e-231 are "
        "real returns). nltk's UserWarning 'The hypothesis contains 0 counts of 3-gram "
        "overlaps. / Therefore the BLEU score evaluates to 0, ...' goes to stderr once per "
        "n-gram order (text, no metric)."
    ),
)
