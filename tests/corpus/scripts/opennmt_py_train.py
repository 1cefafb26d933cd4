"""OpenNMT-py 3.5.1 (onmt_build_vocab + onmt_train, the classic OpenNMT-py 3.x codebase, not
eole): a tiny transformer encoder-decoder trained on a synthetic parallel corpus (source: random
words w0..w23, target: the sentence reversed with each wN mapped to zN), run as a user runs it
from the quickstart: `onmt_build_vocab -config cfg.yaml -n_sample -1` then `onmt_train -config
cfg.yaml`, both printing to this console. Extra arguments after the work folder go to
onmt_train (the none here).

Truth: OpenNMT-py's own TensorBoard event files (`tensorboard: true`, written by its
ReportMgr from the same Statistics objects the console line is made from): progress/* at each
report step, train/* and valid/* at each validation step. Values are the float32 scalars
TensorBoard stores (shortest float32 repr).

Versions: OpenNMT-py 3.5.1, torch 2.13.0+cpu, tensorboard 2.21.0, Python 3.11. OpenNMT-py
3.5.1 declares torch<2.3 (a CUDA download): it was installed with --no-deps beside the CPU
torch 2.13.0 and its other requirements installed by hand (see README-other.md). Seeds fixed.
Environment: /work/venvs/corpus-zBD-1.
Capture (repository root):
    OMP_NUM_THREADS=1 python tests/corpus/scripts/capture.py pipe real_opennmt_py_train -- python tests/corpus/scripts/opennmt_py_train.py /tmp/zBD/onmt_pipe
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
report_every: 10
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
save_model: run/model
save_checkpoint_steps: 1000
train_steps: 120
valid_steps: 40
world_size: 1
gpu_ranks: []
num_workers: 0
batch_type: sents
batch_size: 32
valid_batch_size: 64
optim: adam
learning_rate: 0.002
dropout: [0.1]
encoder_type: transformer
decoder_type: transformer
hidden_size: 32
word_vec_size: 32
layers: 1
heads: 2
transformer_ff: 64
position_encoding: true
"""
with open(os.path.join(WORK, "cfg.yaml"), "w") as fh:
    fh.write(CONFIG)

bindir = os.path.dirname(sys.executable)
for args in (
    ["onmt_build_vocab", "-config", "cfg.yaml", "-n_sample", "-1"],
    ["onmt_train", "-config", "cfg.yaml"] + sys.argv[2:],
):
    sys.stdout.flush()
    subprocess.run([os.path.join(bindir, args[0]), *args[1:]], cwd=WORK, check=True)

(run_dir,) = glob.glob(os.path.join(WORK, "run", "tb", "*"))
acc = EventAccumulator(run_dir, size_guidance={"scalars": 0})
acc.Reload()


def scalars(tag):
    return [(e.step, float(str(np.float32(e.value)))) for e in acc.Scalars(tag)]


series = _truth.Series()
# the Step lines: acc, ppl, xent, lr
for printed, tag in (
    ("acc", "progress/accuracy"),
    ("ppl", "progress/ppl"),
    ("xent", "progress/xent"),
    ("lr", "progress/lr"),
):
    for step, v in scalars(tag):
        series.add(printed, step, None, v)
# the lines at each validation
for printed, tag in (
    ("Train perplexity", "train/ppl"),
    ("Train accuracy", "train/accuracy"),
    ("Validation perplexity", "valid/ppl"),
    ("Validation accuracy", "valid/accuracy"),
):
    for step, v in scalars(tag):
        series.add(printed, step, None, v)

_truth.write(
    library=f"OpenNMT-py {metadata.version('OpenNMT-py')} (torch {torch.__version__})",
    script="tests/corpus/scripts/opennmt_py_train.py",
    record="OpenNMT-py's TensorBoard event files (ReportMgr: progress/*, train/*, valid/*)",
    step_kind="global",
    series=series,
    extra_ok=[
        "tok/s (source/target tokens per second)",
        "sec (elapsed seconds) and 'valid stats calculation took: ... s.'",
    ],
    not_printed=["tgtper and train/valid xent and lr (TensorBoard only)"],
    notes=(
        "Two commands' output in one console: `onmt_build_vocab` then `onmt_train`. "
        "build_vocab logs 'Counter vocab from -1 samples.', 'Counters src: 24' (counts). "
        "onmt_train logs the parsed options, vocab/special tokens, print(model) of the "
        "NMTModel (layer sizes), parameter counts ('encoder: 9408', '* number of parameters: "
        "24032', a dict of Trainable parameters per dtype), 'Starting training on CPU', "
        "FutureWarnings about torch.cuda.amp.autocast, many 'Weighted corpora loaded so far:' "
        "lines followed by '* corpus_1: 127' (examples read, a count). Every 10 steps: '[date "
        "INFO] Step 20/  120; acc: 15.8; ppl:  30.2; xent: 3.4; lr: 0.00200; sents:     320; "
        "bsz:  166/ 198/32; 2512/2996 tok/s;     81 sec;' (step before '/', 120 = train steps; "
        "acc is a percentage of target tokens; sents and bsz are counts; the tok/s pair is "
        "throughput). Every 40 steps: 'valid stats calculation' / 'took: 0.46 s.', 'Train "
        "perplexity: 30.1195', 'Train accuracy: 11.4894' (training statistics since the last "
        "validation), 'Sentences processed: 1280', 'Average bsz:  183/ 215/32' (counts), "
        "'Validation perplexity: ...', 'Validation accuracy: ...'. Truth values are "
        "TensorBoard's float32 scalars; the console rounds them ('%4.1f' acc/ppl, '%4.1f' xent, "
        "'%7.5f' lr, '%g' for the validation lines). The first report comes ~80 s after the "
        "start (corpus loading on a loaded CPU), so its tok/s is low."
    ),
)
