"""eole (OpenNMT's successor to OpenNMT-py, same ReportMgr / Statistics design): a tiny
transformer encoder-decoder trained on a synthetic parallel corpus (source: random words
w0..w23, target: the sentence reversed with each wN mapped to zN), run as a user runs it:
`eole build_vocab -config cfg.yaml -n_sample -1` then `eole train -config cfg.yaml`, both
printing to this console. The train log is OpenNMT's:

    [2026-12-07 01:48:29,318 INFO] Step 20/  200; acc: 7.3; ppl: 31.31; xent: 3.44; aux: 0.000; mtp: 0.000; attn_ent: 1.638; lr: 2.00e-03; sents:     640; bsz:  184/ 216/32; 316/371 tok/s;     12 sec;
    [... INFO] Train perplexity: 26.3776
    [... INFO] Validation accuracy: 14.5349

Truth: eole's own TensorBoard event files (`tensorboard: true`, written by its
TensorboardReportMgr from the same Statistics objects the console line is made from):
progress/* at each report step, train/* and valid/* at each validation step. Values are the
float32 scalars TensorBoard stores (shortest float32 repr).

OpenNMT-py itself (3.5.1, the last release) requires torch<2.3 and was not installed.

Versions: eole 0.6.4, torch 2.13.0+cpu, tensorboard 2.21.0, Python 3.11. Seeds fixed; ~40 s of
CPU. Environment: /work/venvs/corpus-q-1: `pip install torch==2.13.0`, then `pip install eole
aiohttp` (eole's CLI imports aiohttp without declaring it).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_eole_nmt -- python tests/corpus/scripts/eole_nmt.py /tmp/corpus-q/eole_pipe
"""

import glob
import os
import random
import shutil
import subprocess
import sys
from importlib import metadata

import numpy as np
import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

sys.path.insert(0, os.path.dirname(__file__))

import _truth

WORK = sys.argv[1]
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)

random.seed(0)
words = [f"w{i}" for i in range(24)]


def pair():
    s = [random.choice(words) for _ in range(random.randint(3, 9))]
    return " ".join(s), " ".join("z" + w[1:] for w in reversed(s))


for name, n in (("train", 2000), ("valid", 100)):
    pairs = [pair() for _ in range(n)]
    for side, i in (("src", 0), ("tgt", 1)):
        with open(os.path.join(WORK, f"{side}-{name}.txt"), "w") as fh:
            fh.write("\n".join(p[i] for p in pairs) + "\n")

CONFIG = """\
save_data: run/data
overwrite: True
seed: 1234
report_every: 20
src_vocab: run/vocab.src
tgt_vocab: run/vocab.tgt
tensorboard: true
tensorboard_log_dir: run/tb
data:
    corpus_1:
        path_src: src-train.txt
        path_tgt: tgt-train.txt
    valid:
        path_src: src-valid.txt
        path_tgt: tgt-valid.txt
training:
    model_path: run/model
    save_checkpoint_steps: 1000
    train_steps: 200
    valid_steps: 100
    world_size: 1
    gpu_ranks: []
    num_workers: 0
    batch_type: sents
    batch_size: 32
    valid_batch_size: 64
    optim: adam
    learning_rate: 0.002
    dropout: [0.1]
model:
    architecture: transformer
    hidden_size: 32
    layers: 1
    heads: 2
    transformer_ff: 64
    embeddings:
        word_vec_size: 32
        position_encoding: true
"""
with open(os.path.join(WORK, "cfg.yaml"), "w") as fh:
    fh.write(CONFIG)

eole = os.path.join(os.path.dirname(sys.executable), "eole")
for args in (
    ["build_vocab", "-config", "cfg.yaml", "-n_sample", "-1"],
    ["train", "-config", "cfg.yaml"],
):
    sys.stdout.flush()
    subprocess.run([eole, *args], cwd=WORK, check=True)

(run_dir,) = glob.glob(os.path.join(WORK, "run", "tb", "*"))
acc = EventAccumulator(run_dir, size_guidance={"scalars": 0})
acc.Reload()


def scalars(tag):
    return [(e.step, float(str(np.float32(e.value)))) for e in acc.Scalars(tag)]


series = _truth.Series()
# the Step lines: acc, ppl, xent, (aux: not written to TensorBoard), mtp, attn_ent, lr
for printed, tag in (
    ("acc", "progress/accuracy"),
    ("ppl", "progress/ppl"),
    ("xent", "progress/xent"),
    ("mtp", "progress/mtp_xent"),
    ("attn_ent", "progress/attention_entropy"),
    ("lr", "progress/lr"),
):
    for step, v in scalars(tag):
        series.add(printed, step, None, v)
# the lines at each validation: Train perplexity / accuracy, Validation perplexity / accuracy
for printed, tag in (
    ("Train perplexity", "train/ppl"),
    ("Train accuracy", "train/accuracy"),
    ("Validation perplexity", "valid/ppl"),
    ("Validation accuracy", "valid/accuracy"),
):
    for step, v in scalars(tag):
        series.add(printed, step, None, v)

_truth.write(
    library=f"eole {metadata.version('eole')} (torch {torch.__version__})",
    script="tests/corpus/scripts/eole_nmt.py",
    record="eole's TensorBoard event files (TensorboardReportMgr: progress/*, train/*, valid/*)",
    step_kind="global",
    series=series,
    extra_ok=[
        "aux (the auxiliary MoE loss, 0.000 here; eole does not write it to TensorBoard)",
        "tok/s (source/target tokens per second)",
        "sec (elapsed seconds) and 'valid stats calculation took: ... s.'",
    ],
    not_printed=[
        "progress/tgtper, train/*, valid/* xent, attention_entropy, mtp_xent, tgtper and lr "
        "(TensorBoard only)"
    ],
    notes=(
        "Two commands' output in one console: `eole build_vocab` then `eole train`. Both start "
        "with Python warnings (RuntimeWarning about eole._ops / flash_attn, a pydantic "
        "UserWarning). build_vocab logs 'Counters src: 24' (vocabulary counts). train logs its "
        "'Training Configuration Summary' (World size: 1, Train steps: 200, Batch size: 32, "
        "Accumulation count: [1]: settings), vocab/special-token lines ('bos_token token is: <s> "
        "id: [2]'), print(model) of the EncoderDecoderModel (layer sizes), parameter counts "
        "('embeddings: 2048', 'encoder: 8384', ..., '* number of parameters: 24032', counts), then for every batch read "
        "'Weighted corpora loaded so far:' followed by a tab-indented '* corpus_1: 127' (a count of "
        "examples read, not a metric). Every 20 steps: '[date INFO] Step 20/  200; acc: 7.3; ppl: "
        "31.31; xent: 3.44; aux: 0.000; mtp: 0.000; attn_ent: 1.638; lr: 2.00e-03; sents:     640; "
        "bsz:  184/ 216/32; 316/371 tok/s;     12 sec;' (step = the number before '/', 200 = train "
        "steps; acc is a percentage of target tokens; sents and bsz are counts, the two tok/s "
        "figures are throughput). Every 100 steps: 'valid stats calculation' / 'took: 0.029 s.', "
        "'Train perplexity: 26.3776', 'Train accuracy: 13.6174' (the training statistics since the "
        "last validation), 'Sentences processed: 3200', a dict {'corpus_1': {'count': 3200, "
        "'index': 1106}} and 'Average bsz:  179/ 211/32' (counts), 'Validation perplexity: "
        "22.5934', 'Validation accuracy: 14.5349'; at the end, 'Saving optimizer and weights to "
        "step_200'. Truth values are TensorBoard's float32 scalars; the console rounds them "
        "('%2.1f' acc, '%5.2f' ppl, '%g' for the validation lines)."
    ),
)
