"""mittens' NumPy GloVe and Mittens (GloVe retrofitted towards given embeddings) on a co-occurrence
matrix counted from a small synthetic corpus, with the default progress display: every
display_progress iterations it writes '\\rIteration 20: error 123.4567' to stderr (never a
newline: each state overwrites the last on a terminal, piped they run together on one line).
After the fit the script prints the embeddings' shape and each of two words' nearest neighbours
with their cosine similarity, as a user checking the vectors would.

Versions: mittens 0.2, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zd-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_mittens_glove -- python tests/corpus/scripts/mittens_glove.py glove
    python tests/corpus/scripts/capture.py pipe real_mittens_retrofit -- python tests/corpus/scripts/mittens_glove.py mittens
    python tests/corpus/scripts/capture.py pty real_mittens_glove_pty -- python tests/corpus/scripts/mittens_glove.py glove
Truth: the model's own `errors` list (one training error per iteration, appended in _fit), at the
iterations the display wrote (those where (iteration + 1) % display_progress == 0), step = the
printed iteration number. mittens' randmatrix() calls np.random.seed(None) (entropy from the OS)
before drawing the initial vectors, so the errors differ from run to run whatever the script seeds:
each .truth.json belongs to its own capture.
"""

import os
import random
import sys
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from mittens import GloVe, Mittens

SCRIPT = "tests/corpus/scripts/mittens_glove.py"
which = sys.argv[1]
random.seed(0)
np.random.seed(0)
TOPICS = [
    ["cat", "dog", "pet", "fur", "paw", "vet", "leash"],
    ["bank", "money", "loan", "cash", "debt", "rate", "fund"],
    ["rain", "cloud", "storm", "wind", "snow", "sun", "fog"],
    ["goal", "match", "team", "ball", "coach", "score", "fan"],
]
FILLER = ["the", "a", "of", "and", "is"]
vocab = sorted({w for t in TOPICS for w in t} | set(FILLER))
index = {w: i for i, w in enumerate(vocab)}


def cooccurrence(n_sentences: int, window: int = 3) -> np.ndarray:
    X = np.zeros((len(vocab), len(vocab)))
    for _ in range(n_sentences):
        topic = random.choice(TOPICS)
        sent = [random.choice(topic if random.random() < 0.7 else FILLER) for _ in range(10)]
        for i, w in enumerate(sent):
            for j in range(max(0, i - window), min(len(sent), i + window + 1)):
                if i != j:
                    X[index[w], index[sent[j]]] += 1.0 / abs(i - j)
    return X


X = cooccurrence(400)
if which == "glove":
    model = GloVe(n=8, max_iter=300, display_progress=20)
    emb = model.fit(X)
else:
    # "pretrained" vectors: a quiet GloVe fit on another corpus from the same topics
    pretrained = GloVe(n=8, max_iter=200, display_progress=0).fit(cooccurrence(300))
    initial = {w: pretrained[i] for i, w in enumerate(vocab) if w not in ("fog", "fan")}
    model = Mittens(n=8, max_iter=300, mittens=0.1, display_progress=25)
    emb = model.fit(X, vocab=vocab, initial_embedding_dict=initial)
print()
print("embeddings:", emb.shape)
unit = emb / np.linalg.norm(emb, axis=1, keepdims=True)
for word in ("cat", "bank"):
    sims = unit @ unit[index[word]]
    near = [j for j in np.argsort(-sims) if j != index[word]][:3]
    print(f"{word}: " + ", ".join(f"{vocab[j]} ({sims[j]:.3f})" for j in near))

every = model.display_progress
series = _truth.Series()
for it, err in enumerate(model.errors, start=1):
    if it % every == 0:
        series.add("error", it, None, err)

_truth.write(
    library=f"mittens {version('mittens')} (numpy {np.__version__}, NumPy implementation)",
    script=SCRIPT,
    record="the model's errors list (GloVe/Mittens append each iteration's error in _fit)",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[f"the errors of the iterations between two displays (every {every}th is shown)"],
    notes=(
        f"stderr: '\\rIteration {every}: error 2345.6789' every {every} iterations "
        "('error {:4.4f}'; step = the printed iteration number), each starting with '\\r' and "
        "none ending with a newline, so in a pipe they form one long line; the script's print() "
        "then ends it (stdout is block-buffered in a pipe, so its lines come after). Then "
        "'embeddings: (33, 8)' (a shape) and 'cat: dog (0.912), pet (0.874), fur (0.801)' "
        "(cosine similarities between word vectors: properties of the fitted vectors, not "
        "metrics of the training)."
        + (
            " Mittens first fits a silent GloVe (display_progress=0) for its 'pretrained' "
            "vectors; only the Mittens fit displays."
            if which == "mittens"
            else ""
        )
    ),
)
