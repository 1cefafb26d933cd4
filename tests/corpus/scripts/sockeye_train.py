"""sockeye 3 (PyTorch) `sockeye-train` on a synthetic parallel corpus (source: random words
w0..w23, target: the sentence reversed with each wN mapped to zN), a 1-layer transformer of
model size 32 on the CPU, run as a user runs the CLI. Extra arguments after the work folder go
to sockeye-train (the second capture adds `--decode-and-evaluate -1`, which decodes the dev set
at each checkpoint and reports BLEU / chrF / length ratio).

Console: sockeye's logging ([INFO:sockeye.training] ...): the arguments namespace, vocab and
data statistics, the model config, then per checkpoint 'Checkpoint [2]\tUpdates=50 Epoch=1 ...',
'Checkpoint [2]\tTrain-ppl=28.609794', 'Checkpoint [2]\tValidation-ppl=26.435128',
'Validation-perplexity improved to ... (delta=...)', 'Checkpoint [2]\tLearning-rate=0.002000',
and every 50 updates the speedometer line 'E=1 B=50\ts/sec=... tok/sec=... u/sec=...\tppl=...'.

Truth: sockeye's own metrics file (<model>/metrics: one line per checkpoint, tab-separated
key=value at full precision: perplexity-train, perplexity-val, learning-rate, bleu-val, ...).

Versions: sockeye 3.1.34, torch 2.13.0+cpu, sacrebleu 2.6.0, numpy 1.26.4, Python 3.11. sockeye
3.1.34 declares torch<1.14 (a CUDA download): it was installed with --no-deps beside the CPU
torch 2.13.0 (see README-other.md). Environment: /work/venvs/corpus-zBD-1.
Capture (repository root):
    OMP_NUM_THREADS=1 python tests/corpus/scripts/capture.py pipe real_sockeye_train -- python tests/corpus/scripts/sockeye_train.py /tmp/zBD/sk_pipe
    OMP_NUM_THREADS=1 python tests/corpus/scripts/capture.py pipe real_sockeye_train_eval -- python tests/corpus/scripts/sockeye_train.py /tmp/zBD/sk_eval --decode-and-evaluate -1
"""

import os
import random
import shutil
import subprocess
import sys
from importlib import metadata

import torch

sys.path.insert(0, os.path.dirname(__file__))
import _truth  # noqa: E402

WORK = sys.argv[1]
extra = sys.argv[2:]
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
random.seed(0)
words = [f"w{i}" for i in range(24)]


def pair():
    s = [random.choice(words) for _ in range(random.randint(3, 9))]
    return " ".join(s), " ".join("z" + w[1:] for w in reversed(s))


for name, n in (("train", 1500), ("dev", 100)):
    ps = [pair() for _ in range(n)]
    for side, i in (("src", 0), ("tgt", 1)):
        with open(os.path.join(WORK, f"{name}.{side}"), "w") as fh:
            fh.write("\n".join(p[i] for p in ps) + "\n")

cmd = [
    os.path.join(os.path.dirname(sys.executable), "sockeye-train"),
    "-s", "train.src", "-t", "train.tgt", "-vs", "dev.src", "-vt", "dev.tgt",
    "-o", "model", "--overwrite-output", "--encoder", "transformer", "--decoder", "transformer",
    "--num-layers", "1", "--transformer-model-size", "32", "--transformer-attention-heads", "2",
    "--transformer-feed-forward-num-hidden", "64", "--num-embed", "32", "--batch-size", "32",
    "--batch-type", "sentence", "--checkpoint-interval", "25", "--max-updates", "150",
    "--use-cpu", "--seed", "1", "--initial-learning-rate", "0.002", "--max-seq-len", "12",
]
if "--decode-and-evaluate" not in extra:
    cmd += ["--decode-and-evaluate", "0"]
cmd += extra
sys.stdout.flush()
subprocess.run(cmd, cwd=WORK, check=True)

rows = []
with open(os.path.join(WORK, "model", "metrics")) as fh:
    for line in fh:
        parts = line.rstrip("\n").split("\t")
        d = {"checkpoint": int(parts[0])}
        for kv in parts[1:]:
            k, v = kv.split("=", 1)
            d[k] = v
        rows.append(d)

CI = 25
series = _truth.Series()
for d in rows:
    upd = d["checkpoint"] * CI
    if upd % 50 == 0:  # the speedometer line at the same update shows the same train ppl
        series.add("ppl", upd, int(d["epoch"]), float(d["perplexity-train"]))
for printed, key in (("Train-ppl", "perplexity-train"),):
    for d in rows:
        series.add(printed, d["checkpoint"] * CI, int(d["epoch"]), float(d[key]))
# 'Checkpoint [n]\tValidation-ppl=...\tValidation-bleu=...': metrics key '<name>-val'
VAL = {"perplexity-val": "Validation-ppl"}
for key in rows[0]:
    if key.endswith("-val"):
        printed = VAL.get(key, "Validation-" + key[: -len("-val")])
        for d in rows:
            series.add(printed, d["checkpoint"] * CI, int(d["epoch"]), float(d[key]))
for d in rows:
    series.add("Learning-rate", d["checkpoint"] * CI, int(d["epoch"]), float(d["learning-rate"]))

_truth.write(
    library=f"sockeye {metadata.version('sockeye')} (torch {torch.__version__})",
    script="tests/corpus/scripts/sockeye_train.py",
    record="sockeye's own <model>/metrics file (one tab-separated key=value line per checkpoint)",
    step_kind="global",
    series=series,
    extra_ok=[
        "Best validation perplexity (the closing summary line: the lowest Validation-ppl again)",
        "s/sec, tok/sec, u/sec of the speedometer line; Updates/sec and Time-cost of the "
        "Checkpoint line (throughput/time)",
        "delta= of 'Validation-perplexity improved to ... (delta=...)' (a difference of two "
        "recorded values)",
    ],
    not_printed=["time-elapsed, max-gpu-memory, converged, diverged (metrics file only)"],
    notes=(
        "sockeye-train's logging. Before training: the full argparse Namespace, version/commit, "
        "'Vocabulary: types: 28/28/28/28 (initial/min_pruned/max_pruned/final)', data statistics "
        "(sentence counts, mean/std of length ratios, bucket tables), the model config dataclass "
        "dump, parameter counts ('# of parameters: 24992'). Per checkpoint (every 25 updates; "
        "step = updates = checkpoint*25): 'Checkpoint [2]\\tUpdates=50 Epoch=1 Samples=1600 "
        "Time-cost=0.233 Updates/sec=107.269' (counters + timing), 'Checkpoint [2]\\tTrain-ppl="
        "28.609794', 'Checkpoint [2]\\tValidation-ppl=26.435128', 'Validation-perplexity "
        "improved to 26.435128 (delta=3.807010).' (the same value), 'Checkpoint [2]\\tLearning-"
        "rate=0.002000', then 'Saved ...' lines naming params.00002 files. Every 50 updates the "
        "speedometer 'E=1 B=50\\ts/sec=3050.94 tok/sec=28678.87 u/sec=95.34\\tppl=28.609794' "
        "(E=epoch, B=batch counter; its ppl is the train perplexity since the last checkpoint, "
        "which equals the checkpoint's Train-ppl at the same update). With --decode-and-evaluate "
        "-1 the dev set is decoded each checkpoint and 'Checkpoint [n]\\tValidation-bleu=...', "
        "-chrf, -avg-sec-per-sent and Validation-length-ratio... lines are added. Ends with "
        "'Training finished ... Best checkpoint: 6. Best validation perplexity: ...'."
    ),
)
