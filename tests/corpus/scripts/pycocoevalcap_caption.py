"""pycocoevalcap (the MS-COCO caption evaluation: BLEU-1..4, METEOR, ROUGE-L, CIDEr) scoring a toy
"captioner" each epoch, with the evaluation loop of pycocoevalcap's own COCOEvalCap.evaluate()
as captioning repositories copy it (SPICE left out: it needs Stanford models fetched from the net):

    Epoch 2: train loss 0.9924
    tokenization...
    setting up scorers...
    computing Bleu score...
    {'testlen': 727, 'reflen': 731, 'guess': [727, 627, 527, 427], 'correct': [657, 505, ...]}
    ratio: 0.9945280437661502
    Bleu_1: 0.899
    ...
    computing METEOR score...
    METEOR: 0.521
    computing Rouge score...
    ROUGE_L: 0.902
    computing CIDEr score...
    CIDEr: 7.543

The BLEU scorer prints its n-gram counts dict and the length ratio itself (bleu_scorer.py's
verbose=1); the PTB tokenizer (Stanford CoreNLP, a java child process) writes 'PTBTokenizer
tokenized 4321 tokens at 12345.67 tokens per second.' to stderr; METEOR runs meteor-1.5.jar.
The "captioner" is the embedding + BiGRU token model of tests/corpus/scripts/_nlp_toy.py mapping
synthetic "scene" token sequences to captions, three references each.

Truth: the scores Bleu / Meteor / Rouge / Cider .compute_score() returned (full precision); the
loop's loss floats.

Versions: pycocoevalcap 1.2 (its meteor-1.5.jar, stanford-corenlp-3.4.1.jar; OpenJDK 17.0.15),
pycocotools 2.0.11, torch 2.13.0+cpu, Python 3.11. Seeds fixed; ~40 s CPU (java start-ups).
Capture (repository root, venv /work/venvs/corpus-zAC-1, java on PATH, see README-other.md):
    python tests/corpus/scripts/capture.py pipe real_pycocoevalcap_caption -- python tests/corpus/scripts/pycocoevalcap_caption.py
"""

import os
import sys
from importlib import metadata

from pycocoevalcap.bleu.bleu import Bleu
from pycocoevalcap.cider.cider import Cider
from pycocoevalcap.meteor.meteor import Meteor
from pycocoevalcap.rouge.rouge import Rouge
from pycocoevalcap.tokenizer.ptbtokenizer import PTBTokenizer

sys.path.insert(0, os.path.dirname(__file__))

import _nlp_toy
import _truth

EPOCHS = 4
data = _nlp_toy.Translate(n_train=300, n_valid=100, refs=3, lr=0.012, seed=1)
refs = [data.refs] + data.more_refs
gts_raw = {i: [{"caption": r[i]} for r in refs] for i in range(len(data.refs))}
series = _truth.Series()


def evaluate(gts, res, epoch):
    print("tokenization...")
    tokenizer = PTBTokenizer()
    gts = tokenizer.tokenize(gts)
    res = tokenizer.tokenize(res)
    print("setting up scorers...")
    scorers = [
        (Bleu(4), ["Bleu_1", "Bleu_2", "Bleu_3", "Bleu_4"]),
        (Meteor(), "METEOR"),
        (Rouge(), "ROUGE_L"),
        (Cider(), "CIDEr"),
    ]
    for scorer, method in scorers:
        print("computing %s score..." % (scorer.method()))  # noqa: UP031
        score, scores = scorer.compute_score(gts, res)
        if type(method) == list:  # noqa: E721 (as in pycocoevalcap's eval.py)
            for sc, _scs, m in zip(score, scores, method, strict=True):
                print("%s: %0.3f" % (m, sc))  # noqa: UP031
                series.add(m, None, epoch, sc)
        else:
            print("%s: %0.3f" % (method, score))  # noqa: UP031
            series.add(method, None, epoch, score)


for epoch in range(1, EPOCHS + 1):
    loss = data.train_epoch()
    print(f"Epoch {epoch}: train loss {loss:.4f}")
    series.add("train loss", None, epoch, loss)
    hyps = data.hypotheses()
    res_raw = {i: [{"caption": h}] for i, h in enumerate(hyps)}
    evaluate(gts_raw, res_raw, epoch)
    sys.stdout.flush()

_truth.write(
    library=(
        f"pycocoevalcap {metadata.version('pycocoevalcap')} (OpenJDK 17, torch "
        f"{metadata.version('torch')})"
    ),
    script="tests/corpus/scripts/pycocoevalcap_caption.py",
    record="Bleu(4) / Meteor() / Rouge() / Cider() .compute_score(gts, res) returns; loop losses",
    step_kind="epoch",
    series=series,
    extra_ok=[
        "ratio (the BLEU scorer's hypothesis / reference length ratio, printed by it, not returned)",
        "tokens per second (PTBTokenizer's throughput on stderr)",
    ],
    notes=(
        "Per epoch (1-based) 'Epoch 2: train loss 0.9924', then COCOEvalCap.evaluate()'s loop: "
        "'tokenization...', 'setting up scorers...', 'computing Bleu score...', then the BLEU "
        "scorer's own print of its COUNTS dict \"{'testlen': 727, 'reflen': 731, 'guess': [727, "
        "627, 527, 427], 'correct': [657, 505, 399, 310]}\" (token and n-gram counts, not "
        "metrics) and 'ratio: 0.9945280437661502' (hypothesis/reference length ratio: a metric "
        "of sorts, not in the returned scores: extra_ok), 'Bleu_1: 0.899' .. 'Bleu_4: 0.689' (3 "
        "decimals), 'computing METEOR score...', 'METEOR: 0.521', 'computing Rouge score...', "
        "'ROUGE_L: 0.902', 'computing CIDEr score...', 'CIDEr: 7.543'. On stderr, twice per "
        "epoch, the java tokenizer's 'PTBTokenizer tokenized 1317 tokens at 9641.94 tokens per "
        "second.' (1317 a COUNT, tokens per second a throughput); in the piped capture these "
        "lines land where the OS interleaves them."
    ),
)
