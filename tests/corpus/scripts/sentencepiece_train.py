"""SentencePiece unigram tokenizer training on a synthetic corpus: its C++ (absl) log lines.

Versions: sentencepiece 0.2.3, Python 3.11.
Capture (repository root, venv /work/venvs/other-c):
    python tests/corpus/scripts/capture.py pipe real_sentencepiece_unigram -- python tests/corpus/scripts/sentencepiece_train.py
Truth: SentencePiece keeps no record of its EM iterations (the C++ trainer logs them through
absl to stderr and returns nothing).  The script tees file descriptor 2 during training (bytes
forwarded unchanged) and takes 'obj' from the copy: the printed text is the only record, at its
printed precision.  Under a terminal the output is the same bytes (absl never checks), so there
is no pty entry.
"""

import os
import random
import re
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import sentencepiece as spm  # noqa: E402
from _fdtee import FdTee  # noqa: E402

random.seed(0)
syl = ["ka", "to", "ri", "mu", "sen", "lo", "pa", "di", "qua", "ne", "vor", "zi", "ba", "fe"]
syl += ["ing", "tion", "st", "pre"]
words = ["".join(random.choice(syl) for _ in range(random.randint(1, 4))) for _ in range(5000)]
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "corpus.txt")
with open(path, "w") as fh:
    for _ in range(4000):
        fh.write(" ".join(random.choice(words) for _ in range(random.randint(5, 15))) + "\n")

tee = FdTee(2)
spm.SentencePieceTrainer.train(
    input=path, model_prefix=os.path.join(tmp, "sp"), vocab_size=400, model_type="unigram"
)
printed = tee.close()

series = _truth.Series()
for m in re.finditer(r"EM sub_iter=(\d+) size=(\d+) obj=(\S+) num_tokens=(\d+)", printed):
    series.add("obj", None, None, float(m.group(3)))

_truth.write(
    library=f"sentencepiece {metadata.version('sentencepiece')}",
    script="tests/corpus/scripts/sentencepiece_train.py",
    record=(
        "the EM lines SentencePiece's C++ trainer logged to stderr, teed at the file descriptor "
        "(no record exists)"
    ),
    step_kind="none",
    series=series,
    extra_ok=["bytes/tok (bytes per token of the tokenized corpus: the compression ratio)"],
    not_printed=[],
    notes=(
        "All on stderr through absl: 'WARNING: All log messages before absl::InitializeLog() is "
        "called are written to STDERR', then 'I0000 00:00:1796598318.544483   17124 "
        "sentencepiece_trainer.cc:149] Starts training with : ' (absl prefix: severity+date "
        "'I0000', a clock time in seconds, the thread id, source file:line) and a protobuf-text "
        "dump of the settings ('  vocab_size: 400', '  character_coverage: 0.9995', "
        "'  seed_sentencepiece_size: 1000000', ...: settings), then 'Loaded all 4000 sentences', "
        "'all chars count=200536', 'Alphabet size=21', 'Final character coverage=1' (counts and a "
        "setting), '[Chunk #1] Finished: Traversed 113608 LCP nodes -> total unique candidates in "
        "heap=1345', 'Initialized 2707 seed pieces' (counts), and one line per EM sub-iteration: "
        "'EM sub_iter=0 size=2707 obj=9.25203 num_tokens=47422 bytes/tok=7.61956'. sub_iter counts "
        "0, 1 within each pruning round and starts again after every pruning (no step: null, the "
        "order is the print order); size is the vocabulary size at that round and num_tokens the "
        "token count of the corpus (counts, not metrics); obj is the EM objective (the training "
        "objective, the series); bytes/tok is the compression the current vocabulary reaches "
        "(acceptable to store, extra_ok). 'PruneUnreachableSentencePieces pruned 0 unreachable "
        "pieces out of 400', 'Saving model: ...'."
    ),
)
