"""jiwer scoring a tiny CTC-style "speech recognizer" (hand-written PyTorch loop) every epoch.

--style line: the loop prints one line per epoch with jiwer's functions' returns,
    Epoch 3: train_loss=0.9119 wer=1.1033 cer=0.4159 mer=0.6811 wil=0.8925
  (WER above 1 early on: the decoder inserts words).
--style align: per epoch a loss line, then jiwer.visualize_alignment(jiwer.process_words(...))
  as jiwer's README shows it: per sentence 'REF:' / 'HYP:' / an S/D/I marker line (correct
  sentences skipped), then '=== SUMMARY ===', 'number of sentences: 24',
  'substitutions=21 deletions=3 insertions=5 hits=80' (counts) and 'mer=25.00%', 'wil=..%',
  'wip=..%', 'wer=..%' (percentages), and the CER in the same form from
  visualize_alignment(process_characters(...)) at the last epoch.

The recognizer: an embedding + BiGRU labelling noisy "frames" (each character repeated, some
frames noise), decoded by collapsing repeats and dropping blanks (tests/corpus/scripts/_nlp_toy.py).

Truth: jiwer's own returns: wer()/cer()/mer()/wil() floats (line), the WordOutput /
CharacterOutput objects' .wer/.mer/.wil/.wip/.cer (align; printed x100 with '%', recorded here in
the printed unit, percent); the loop's loss floats.

Versions: jiwer 4.0.0 (rapidfuzz 3.14.6), torch 2.13.0+cpu, Python 3.11. Seeds fixed; ~10 s CPU.
Capture (repository root, venv /work/venvs/corpus-zAC-1, see README-other.md):
    python tests/corpus/scripts/capture.py pipe real_jiwer_ctc_line -- python tests/corpus/scripts/jiwer_ctc.py --style line
    python tests/corpus/scripts/capture.py pipe real_jiwer_ctc_align -- python tests/corpus/scripts/jiwer_ctc.py --style align
"""

import argparse
import os
import sys
from importlib import metadata

import jiwer

sys.path.insert(0, os.path.dirname(__file__))

import _nlp_toy
import _truth

ap = argparse.ArgumentParser()
ap.add_argument("--style", choices=["line", "align"], default="line")
args = ap.parse_args()

EPOCHS = 6 if args.style == "line" else 4
data = _nlp_toy.Asr(n_train=200, n_valid=40 if args.style == "line" else 16, noise=0.1, lr=0.01)
series = _truth.Series()

for epoch in range(1, EPOCHS + 1):
    loss = data.train_epoch()
    hyps = data.hypotheses()
    if args.style == "line":
        wer = jiwer.wer(data.refs, hyps)
        cer = jiwer.cer(data.refs, hyps)
        mer = jiwer.mer(data.refs, hyps)
        wil = jiwer.wil(data.refs, hyps)
        print(
            f"Epoch {epoch}: train_loss={loss:.4f} wer={wer:.4f} cer={cer:.4f} mer={mer:.4f} wil={wil:.4f}"
        )
        for name, value in (
            ("train_loss", loss),
            ("wer", wer),
            ("cer", cer),
            ("mer", mer),
            ("wil", wil),
        ):
            series.add(name, None, epoch, value)
    else:
        print(f"epoch {epoch} - loss: {loss:.4f}")
        out = jiwer.process_words(data.refs, hyps)
        print(jiwer.visualize_alignment(out, show_measures=True, skip_correct=True))
        series.add("loss", None, epoch, loss)
        for name in ("mer", "wil", "wip", "wer"):
            series.add(name, None, epoch, 100 * getattr(out, name))
        if epoch == EPOCHS:
            chars = jiwer.process_characters(data.refs, hyps)
            print(jiwer.visualize_alignment(chars, show_measures=True, skip_correct=True))
            series.add("cer", None, epoch, 100 * chars.cer)

if args.style == "line":
    notes = (
        "One line per epoch (1-based): 'Epoch 3: train_loss=0.9119 wer=1.1033 cer=0.4159 "
        "mer=0.6811 wil=0.8925', jiwer's returns at 4 decimals. WER is above 1 in the first "
        "epochs (more inserted words than reference words): a real value, not a percentage."
    )
else:
    notes = (
        "Per epoch (1-based) 'epoch 3 - loss: 0.9119', then jiwer.visualize_alignment(...) of the "
        "word alignment: for each sentence with an error '=== SENTENCE 4 ===', 'REF: mizolo "
        "lorevi ***', 'HYP: mzolo voaraevi neo', a line of S/D/I markers; then '=== SUMMARY ===', "
        "'number of sentences: 16' and 'substitutions=21 deletions=3 insertions=5 hits=80' "
        "(COUNTS, not metrics), then 'mer=25.00%', 'wil=39.51%', 'wip=60.49%', 'wer=33.33%' "
        "(jiwer prints the ratios x100 with '%': truth in that printed unit). After the last "
        "epoch the same for characters: the character alignment, its summary counts and "
        "'cer=14.29%'. The sentence numbers in '=== SENTENCE 4 ===' are indices, not steps."
    )

_truth.write(
    library=f"jiwer {metadata.version('jiwer')} (torch {metadata.version('torch')})",
    script="tests/corpus/scripts/jiwer_ctc.py",
    record=(
        "jiwer.wer/cer/mer/wil returns (line); jiwer.process_words(...) WordOutput .mer/.wil/"
        ".wip/.wer and process_characters(...) .cer, x100 as printed (align); the loop's losses"
    ),
    step_kind="epoch",
    series=series,
    notes=notes,
)
