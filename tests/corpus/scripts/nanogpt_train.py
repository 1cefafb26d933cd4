"""karpathy/nanoGPT's own train.py on a tiny synthetic character data set (CPU, float32).

Versions: nanoGPT at commit 3adf61e154c3fe3fca428ad6bc3818b27a3b8291 (train.py, model.py and
configurator.py copied unchanged from the repository into a folder, NANOGPT_DIR), torch 2.14.1
(CPU), numpy 2.4.6, Python 3.11.
Capture (repository root, venv active, NANOGPT_DIR set):
    python tests/corpus/scripts/capture.py pipe real_nanogpt_train -- python tests/corpus/scripts/nanogpt_train.py

train.py prints `iter N: loss X, time Yms, mfu Z%` every log_interval iterations and
`step N: train loss X, val loss Y` every eval_interval iterations, then `saving checkpoint to
DIR`. Truth: the evaluations come from nanoGPT's own record, the `wandb.log({...})` call it makes
after each evaluation (wandb_log=True; a stand-in `wandb` module in sys.modules keeps the dicts
and prints nothing, so the console is what a run without wandb prints). The per-iteration loss is
kept nowhere but in the printed line: for those the script tees train.py's own print() (the
printed precision is then the record's precision).
"""

from __future__ import annotations

import builtins
import os
import pickle
import re
import runpy
import shutil
import sys
import tempfile
import types

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402

SCRIPT = "tests/corpus/scripts/nanogpt_train.py"
source = os.environ.get("NANOGPT_DIR", "/tmp/c2/nanogpt")
work = tempfile.mkdtemp(prefix="nanogpt-")
for name in ("train.py", "model.py", "configurator.py"):
    shutil.copy(os.path.join(source, name), work)
data = os.path.join(work, "data", "synth")
os.makedirs(data)
rng = np.random.default_rng(0)
# A character stream with structure to learn: a repeated random "text" of 65 symbols, plus noise.
base = rng.integers(0, 65, size=997)
stream = np.tile(base, 60)
noise = rng.random(stream.size) < 0.05
stream[noise] = rng.integers(0, 65, size=int(noise.sum()))
stream.astype(np.uint16)[:50000].tofile(os.path.join(data, "train.bin"))
stream.astype(np.uint16)[50000:].tofile(os.path.join(data, "val.bin"))
with open(os.path.join(data, "meta.pkl"), "wb") as fh:
    pickle.dump({"vocab_size": 65}, fh)

logged: list[dict] = []
wandb = types.ModuleType("wandb")
wandb.init = lambda **kwargs: None  # type: ignore[attr-defined]
wandb.log = lambda d, **kwargs: logged.append({k: float(v) for k, v in d.items()})  # type: ignore[attr-defined]
sys.modules["wandb"] = wandb

printed: list[str] = []
real_print = builtins.print


def tee(*args, **kwargs):
    printed.append(" ".join(str(a) for a in args))
    real_print(*args, **kwargs)


builtins.print = tee
os.chdir(work)
sys.path.insert(0, work)
sys.argv = [
    "train.py",
    "--device=cpu",
    "--compile=False",
    "--dtype=float32",
    "--dataset=synth",
    "--out_dir=out",
    "--n_layer=2",
    "--n_head=2",
    "--n_embd=32",
    "--block_size=64",
    "--batch_size=8",
    "--dropout=0.0",
    "--max_iters=60",
    "--eval_interval=20",
    "--eval_iters=10",
    "--log_interval=5",
    "--learning_rate=3e-3",
    "--warmup_iters=10",
    "--lr_decay_iters=60",
    "--min_lr=3e-4",
    "--wandb_log=True",
]
runpy.run_path("train.py", run_name="__main__")
builtins.print = real_print
os.chdir("/")
shutil.rmtree(work)

series = _truth.Series()
evals = iter(logged)
ITER = re.compile(r"^iter (\d+): loss ([-\d.]+), time [\d.]+ms, mfu [-\d.]+%$")
for line in printed:
    m = ITER.match(line)
    if m:
        series.add("loss", int(m.group(1)), None, float(m.group(2)))
    elif line.startswith("step "):
        record = next(evals)
        step = int(record["iter"])
        series.add("train loss", step, None, record["train/loss"])
        series.add("val loss", step, None, record["val/loss"])

_truth.write(
    library="nanoGPT 3adf61e (karpathy/nanoGPT train.py; torch 2.14.1 CPU)",
    script=SCRIPT,
    record=(
        "the dicts train.py passes to wandb.log after each evaluation (iter, train/loss, "
        "val/loss); the per-iteration loss from train.py's own print() (it keeps it nowhere else)"
    ),
    step_kind="global",
    series=series,
    extra_ok=["time (ms per iteration)", "mfu (model flops utilisation, %)"],
    not_printed=["lr (in the wandb dict only)", "mfu at evaluations (printed on iter lines)"],
    notes=(
        "Lines: 'iter 10: loss 3.9912, time 31.20ms, mfu -100.00%' (mfu is -100.00% until the "
        "loop has settled, then a running average), and every 20 iterations 'step 20: train "
        "loss 3.21, val loss 3.25' followed by 'saving checkpoint to out'. The step is the "
        "iteration number printed first on each line. 'train loss' and 'val loss' are two "
        "series distinct from the per-iteration 'loss'. The banner lines before training "
        "('tokens per iteration will be: 512', 'found vocab_size = 65 (inside ...)', "
        "'number of parameters: 0.10M', 'num decayed parameter tensors: 10, with 102,400 "
        "parameters', 'using fused AdamW: False') are configuration, not metrics."
    ),
)
