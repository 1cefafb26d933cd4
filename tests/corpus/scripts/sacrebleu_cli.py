"""The sacrebleu command line scoring each epoch's hypotheses in a hand-written PyTorch translation
loop (the way fairseq / OpenNMT users score a dev set: write the detokenized output to a file,
run `sacrebleu REF... -i HYP -m bleu chrf ter`).  The loop prints its loss line, then sacrebleu
prints, with its default JSON (--format json, the default) one object per metric:

    {
     "name": "BLEU",
     "score": 68.5,
     "signature": "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0",
     "verbose_score": "90.5/77.4/66.9/58.0 (BP = 0.948 ratio = 0.949 hyp_len = 694 ref_len = 731)",
     "nrefs": "2",
     ...

or with --format text one line per metric, the signature before the '=':

    BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 68.5 90.5/77.4/66.9/58.0 (BP = 0.948 ...)
    chrF2|nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0 = 83.5
    TER|nrefs:2|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0 = 14.6

Truth: the same hypotheses scored in-process by sacrebleu's own BLEU() / CHRF() / TER() objects
(the CLI's defaults; the CLI prints them at --width 1, one decimal), full precision; the loop's
printed loss (its own float). Model and data: tests/corpus/scripts/_nlp_toy.py.

Versions: sacrebleu 2.6.0, torch 2.13.0+cpu, Python 3.11. Seeds fixed; ~10 s CPU.
Capture (repository root, venv /work/venvs/corpus-zAC-1 with its bin/ on PATH for `sacrebleu`):
    python tests/corpus/scripts/capture.py pipe real_sacrebleu_cli_json -- python tests/corpus/scripts/sacrebleu_cli.py --format json
    python tests/corpus/scripts/capture.py pipe real_sacrebleu_cli_text -- python tests/corpus/scripts/sacrebleu_cli.py --format text
"""

import argparse
import os
import shutil
import subprocess
import sys
from importlib import metadata

from sacrebleu.metrics import BLEU, CHRF, TER

sys.path.insert(0, os.path.dirname(__file__))

import _nlp_toy
import _truth

ap = argparse.ArgumentParser()
ap.add_argument("--format", choices=["json", "text"], default="json")
args = ap.parse_args()

TMP = "/tmp/corpus-zAC/sacrebleu_cli"
shutil.rmtree(TMP, ignore_errors=True)
os.makedirs(TMP)
SACREBLEU = os.path.join(os.path.dirname(sys.executable), "sacrebleu")

EPOCHS = 4
data = _nlp_toy.Translate(n_train=300, n_valid=100, refs=2, lr=0.012)
refs = [data.refs] + data.more_refs
ref_files = []
for k, r in enumerate(refs):
    path = os.path.join(TMP, f"valid.ref{k}")
    with open(path, "w") as fh:
        fh.write("\n".join(r) + "\n")
    ref_files.append(path)

series = _truth.Series()
for epoch in range(1, EPOCHS + 1):
    loss = data.train_epoch()
    hyps = data.hypotheses()
    print(f"| epoch {epoch:03d} | loss {loss:.3f}", flush=True)
    hyp_file = os.path.join(TMP, f"valid.hyp{epoch}")
    with open(hyp_file, "w") as fh:
        fh.write("\n".join(hyps) + "\n")
    cmd = [SACREBLEU, *ref_files, "-i", hyp_file, "-m", "bleu", "chrf", "ter"]
    if args.format == "text":
        cmd += ["-f", "text"]
    subprocess.run(cmd, check=True)
    b = BLEU().corpus_score(hyps, refs)
    c = CHRF().corpus_score(hyps, refs)
    t = TER().corpus_score(hyps, refs)
    series.add("loss", None, epoch, loss)
    series.add("BLEU", None, epoch, b.score)
    series.add("BP", None, epoch, b.bp)
    series.add("ratio", None, epoch, b.ratio)
    series.add("chrF2", None, epoch, c.score)
    series.add("TER", None, epoch, t.score)

if args.format == "json":
    shape = (
        "sacrebleu's default JSON, one object per metric, indented one space: '\"name\": "
        "\"BLEU\",' then '\"score\": 68.5,' (the metric's value is under the key 'score', its name "
        "in the 'name' field before it: series named by that 'name'), '\"signature\": \"nrefs:2|"
        'case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0",\' and \'"verbose_score": "90.5/'
        "77.4/66.9/58.0 (BP = 0.948 ratio = 0.949 hyp_len = 694 ref_len = 731)\",' (BP and ratio "
        "inside this string are metrics; hyp_len/ref_len token COUNTS), then the signature's "
        'settings as keys: \'"nrefs": "2",\', \'"case": "mixed",\', \'"eff": "no",\', '
        '\'"tok": "13a",\', \'"smooth": "exp",\', \'"version": "2.6.0"\' for BLEU, '
        '\'"nc": "6",\' \'"nw": "0"\' (chrF\'s character / word n-gram orders) for chrF2: '
        "settings, not metrics."
    )
else:
    shape = (
        "sacrebleu's --format text, one line per metric with the signature as the name: "
        "'BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 68.5 90.5/77.4/66.9/"
        "58.0 (BP = 0.948 ratio = 0.949 hyp_len = 694 ref_len = 731)', 'chrF2|nrefs:2|case:mixed|"
        "eff:yes|nc:6|nw:0|space:no|version:2.6.0 = 83.5', 'TER|nrefs:2|case:lc|tok:tercom|"
        "norm:no|punct:yes|asian:no|version:2.6.0 = 14.6'. The metric is the first field before "
        "the '|' (BLEU, chrF2, TER); the rest of the signature are settings and a version (nrefs, "
        "nc, nw are counts/settings)."
    )

_truth.write(
    library=f"sacrebleu {metadata.version('sacrebleu')} CLI (torch {metadata.version('torch')})",
    script="tests/corpus/scripts/sacrebleu_cli.py",
    record=(
        "sacrebleu's BLEU()/CHRF()/TER() corpus_score objects on the same files' lines (the CLI's "
        "defaults), .score/.bp/.ratio; the loop's loss floats"
    ),
    step_kind="epoch",
    series=series,
    extra_ok=[
        "the BLEU n-gram precisions p1/p2/p3/p4 (1-gram 2-gram 3-gram 4-gram precision, "
        "BLEUScore.precisions; printed slash-joined without a name after the BLEU value)"
    ],
    notes=(
        "Per epoch (1-based) the loop prints '| epoch 003 | loss 1.903' (fairseq's style; "
        "'epoch 003' is the epoch), then the sacrebleu CLI (a child process writing to the same "
        "stdout) prints "
        + shape
        + " The CLI prints scores at one decimal (--width 1); the truth is at full precision."
    ),
)
