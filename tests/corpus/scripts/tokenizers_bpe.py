"""Hugging Face tokenizers: BPE training with show_progress=True on a synthetic corpus (20,000 lines of
words made from 10 syllables), the trainer's own progress bars, then the vocabulary size.

Console: tokenizers draws its bars (Rust indicatif) only on a terminal: under the pty
'[00:00:00] Pre-processing sequences  ███████ 20000 / 20000', 'Tokenize words', 'Count pairs',
'Compute merges ... 284 / 284', each redrawn in place; in a pipe nothing but the blank lines the
finished bars leave. Then the script's 'Vocabulary size: 300'. No metric anywhere: counts, totals
and elapsed times only (an entry for precision: nothing should be stored).

Truth: no series (the trainer keeps no metric).

Versions: tokenizers 0.23.3, Python 3.11. Seeded; ~2 s of CPU.
Capture (repository root, venv /work/venvs/torch-e, see README-torch.md; piped, the output is only
three blank lines and the size line, so no pipe entry was kept):
    python tests/corpus/scripts/capture.py pty real_tokenizers_bpe_pty -- python tests/corpus/scripts/tokenizers_bpe.py
"""

import os
import random
import sys

import tokenizers
from tokenizers import Tokenizer, models, pre_tokenizers, trainers

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

rng = random.Random(0)
SYLLABLES = ["ka", "to", "mi", "ra", "ne", "su", "lo", "pe", "di", "gu"]
lines = [
    " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(12))
    for _ in range(20000)
]
tok = Tokenizer(models.BPE(unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.Whitespace()
trainer = trainers.BpeTrainer(vocab_size=300, show_progress=True, special_tokens=["[UNK]"])
tok.train_from_iterator(lines, trainer=trainer, length=len(lines))
print(f"Vocabulary size: {tok.get_vocab_size()}")

_truth.write(
    library=f"tokenizers {tokenizers.__version__}",
    script="tests/corpus/scripts/tokenizers_bpe.py",
    record="none: BpeTrainer keeps no metric",
    step_kind="none",
    series={},
    extra_ok=[],
    not_printed=[],
    notes="Bars of the Rust indicatif crate: '[00:00:00] Compute merges                 ████████ 284      /      284' "
    "(elapsed time, a step name, a bar, done / total), redrawn with '\\r' and ESC[2K under the pty; "
    "a pipe gets no bar at all. 'Vocabulary size: 300' is the tokenizer's size, a setting reached, "
    "not a metric. Nothing here is a metric.",
)
