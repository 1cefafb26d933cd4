"""fastText supervised text classification on a synthetic corpus: its `\\r`-redrawn progress line.

Versions: fasttext 0.9.3 (built from the PyPI sdist), numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_fasttext_supervised -- python tests/corpus/scripts/fasttext_supervised.py
    python tests/corpus/scripts/capture.py pty real_fasttext_supervised_pty -- python tests/corpus/scripts/fasttext_supervised.py
Truth: fastText keeps no record of its training loss (the C++ trainer prints it from a private
member every 100 ms, only when thread > 1: with one thread it trains in the calling thread and
prints only the final line). The script therefore tees file descriptor 2 during training (a pipe
whose reader thread forwards every byte unchanged to the real stderr and keeps a copy) and takes
'avg.loss' from the copy: the printed text is the only record, at its printed precision. The
test scores come from the tuple model.test() returns (N, precision@1, recall@1).
"""

import os
from importlib import metadata
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
from _fdtee import FdTee  # noqa: E402
import fasttext  # noqa: E402
import numpy as np  # noqa: E402

SCRIPT = "tests/corpus/scripts/fasttext_supervised.py"
LABELS = ["sports", "politics", "science"]
rng = np.random.RandomState(0)
vocab = [f"w{i}" for i in range(3000)]


def make(n: int, path: str) -> None:
    """Sentences of 8-24 tokens; 35% of the tokens come from the label's own third of the vocabulary."""
    with open(path, "w") as fh:
        for _ in range(n):
            k = rng.randint(3)
            toks = [
                vocab[rng.randint(1000 * k, 1000 * k + 1000)]
                if rng.rand() < 0.35
                else vocab[rng.randint(3000)]
                for _ in range(rng.randint(8, 25))
            ]
            fh.write(f"__label__{LABELS[k]} " + " ".join(toks) + "\n")



tmp = tempfile.mkdtemp()
train_path, test_path = os.path.join(tmp, "train.txt"), os.path.join(tmp, "test.txt")
make(40000, train_path)
make(2000, test_path)

tee = FdTee(2)
model = fasttext.train_supervised(
    train_path, epoch=5, lr=0.5, wordNgrams=2, thread=2, verbose=2, seed=0
)
printed = tee.close()
n, p1, r1 = model.test(test_path)
print(f"N\t{n}")
print(f"P@1\t{p1:.3f}")
print(f"R@1\t{r1:.3f}")

series = _truth.Series()
last_pos = None
for m in re.finditer(r"Progress:\s*([\d.]+)%.*?avg\.loss:\s*(-?[\d.]+|nan|-?inf)", printed):
    pos = m.group(1)
    if pos == last_pos:  # the final line redraws the last position: one point
        continue
    last_pos = pos
    series.add("avg.loss", None, None, float(m.group(2)))
series.add("P@1", None, None, p1)
series.add("R@1", None, None, r1)

_truth.write(
    library=f"fasttext {metadata.version('fasttext')} (numpy {np.__version__})",
    script=SCRIPT,
    record=(
        "avg.loss: the progress text fastText wrote to stderr, teed at the file descriptor (no "
        "record exists); P@1 / R@1: the tuple model.test() returns"
    ),
    step_kind="none",
    series=series,
    extra_ok=[
        "lr (the learning rate)",
        "words/sec/thread (throughput)",
    ],
    not_printed=[],
    notes=(
        "stderr: 'Read 0M words', 'Number of words:  3001', 'Number of labels: 3' (sizes, not "
        "metrics), then one line redrawn with '\\r' every 100 ms: 'Progress:  34.2% "
        "words/sec/thread:  216410 lr:  0.329653 avg.loss:  0.498345 ETA:   0h 0m 9s' (the "
        "percentage is progress through epochs x tokens, ETA a duration: neither is a metric), ended "
        "by a last redraw at 'Progress: 100.0%' and a newline; the line before it may already show "
        "100.0% with a slightly negative lr ('lr: -0.000007'): two drawings of one position are one "
        "point. avg.loss is the running mean loss of thread 0. No step is printed (step null; the "
        "points in strictly increasing steps are right). Then the script prints model.test() as "
        "fastText's CLI does: 'N\\t2000' (a count), 'P@1\\t0.876', 'R@1\\t0.876'. Training runs two "
        "Hogwild threads: the number of progress lines and the values depend on timing, so this "
        "truth belongs to this capture. Under a pty the trainer's stderr is the tee's pipe (fastText "
        "never checks for a terminal); the tee forwards the bytes to the terminal unchanged."
    ),
)
