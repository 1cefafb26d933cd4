"""karpathy/minGPT's own projects/chargpt/chargpt.py on a synthetic play script (CPU).

Versions: minGPT at commit 37baab71b9abea1b76ab957409a1cc2fbfba8a26 (its `mingpt/` package and
`projects/chargpt/chargpt.py`, unchanged, in a folder MINGPT_DIR), torch 2.13.0+cpu, Python 3.11
(venv /work/venvs/corpus-t-1: `pip install torch==2.13.0`).
Capture (repository root, MINGPT_DIR set):
    python tests/corpus/scripts/capture.py pipe real_mingpt_chargpt -- python tests/corpus/scripts/mingpt_chargpt.py

chargpt.py is run as `python chargpt.py --model.model_type=gpt-nano ...` in a scratch folder (its
./out/chargpt work_dir lands there too) holding a synthetic `input.txt` (a stand-in for tiny-shakespeare). It prints its CfgNode config,
`data has N characters, M unique.`, `number of parameters: …M`, `running on device cpu`, then its
batch_end_callback's `iter_dt 12.34ms; iter 10: train loss 2.31234` every 10 iterations and, every
500, a 500-character sample and `saving model`. Truth: the Trainer's own `trainer.loss` (the
tensor the callback prints) at the printed iterations, read by a hook on
Trainer.trigger_callbacks after the callback ran (it prints nothing).
"""

from __future__ import annotations

import os
import random
import runpy
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record

SCRIPT = "tests/corpus/scripts/mingpt_chargpt.py"
source = os.environ.get("MINGPT_DIR", "/tmp/corpus-t/minGPT")
sys.path.insert(0, source)
work = tempfile.mkdtemp(prefix="chargpt-")

# A synthetic play: speakers' names, short lines from a small vocabulary, "O God, O God!" among
# them (chargpt.py's sampling context must be made of characters the data set has).
rng = random.Random(0)
speakers = ["HAMLET", "HORATIO", "OPHELIA", "GERTRUDE", "POLONIUS", "LAERTES"]
words = (
    "my lord the king is dead and I am here to speak of it what say you good sir "
    "this night we watch the ghost that walks upon the platform where we stood "
    "O heaven thy will be done nay come let us go in together and still your fingers"
).split()
parts = []
while sum(map(len, parts)) < 120_000:
    parts.append(rng.choice(speakers) + ":\n")
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.15:
            parts.append("O God, O God!\n")
        n = rng.randint(4, 10)
        line = " ".join(rng.choice(words) for _ in range(n))
        parts.append(line[0].upper() + line[1:] + rng.choice([".", ",", "!", "?", ";"]) + "\n")
    parts.append("\n")
with open(os.path.join(work, "input.txt"), "w") as fh:
    fh.write("".join(parts))

from mingpt.trainer import Trainer  # noqa: E402

rec = Record()
_trigger = Trainer.trigger_callbacks


def trigger_callbacks(self, onevent: str):
    _trigger(self, onevent)
    if onevent == "on_batch_end" and self.iter_num % 10 == 0:
        rec("train loss", self.iter_num, None, self.loss.item())


Trainer.trigger_callbacks = trigger_callbacks

os.chdir(work)
sys.argv = [
    "chargpt.py",
    "--model.model_type=gpt-nano",
    "--data.block_size=64",
    "--trainer.batch_size=32",
    "--trainer.num_workers=0",
    "--trainer.max_iters=501",
]
runpy.run_path(os.path.join(source, "projects", "chargpt", "chargpt.py"), run_name="__main__")

_truth.write(
    library="minGPT 37baab7 (karpathy/minGPT projects/chargpt/chargpt.py), torch 2.13.0+cpu",
    script=SCRIPT,
    record="trainer.loss (minGPT Trainer's own attribute, the tensor the callback prints) at the printed iterations",
    step_kind="global",
    series=rec.series,
    extra_ok=["iter_dt (time per iteration, ms)"],
    notes=(
        "minGPT's chargpt.py run as a user runs it with command-line overrides: one 'command "
        "line overwriting config attribute model.model_type with gpt-nano' line per override "
        "(config values such as 'trainer.max_iters with 501', 'data.block_size with 64'), the "
        "CfgNode dump ('system:' / '    seed: 3407' / '    work_dir: …' / 'trainer:' / "
        "'    learning_rate: 0.0005' / '    betas: (0.9, 0.95)' / '    weight_decay: 0.1' / "
        "'    grad_norm_clip: 1.0' …: hyper-parameters, not metrics), 'data has 120034 "
        "characters, 41 unique.' (sizes), 'number of parameters: 0.09M' (a count), 'running on "
        "device cpu', then the callback's 'iter_dt 0.00ms; iter 0: train loss 3.71234' every 10 "
        "iterations (iter is the Trainer's 0-based iter_num, printed before it is incremented: "
        "the truth's step is the printed iter; iter_dt is the previous iteration's time in ms, "
        "0.00 at iter 0: extra_ok), and at iter 0 and 500 a 513-character sample starting 'O "
        "God, O God!' (generated text over several lines, no metric) and 'saving model'. The "
        "loss is printed at '.5f'. No epoch (the sampler draws with replacement). Data: a "
        "synthetic play script (~120k characters) instead of tiny-shakespeare; gpt-nano, block "
        "64, batch 32, num_workers 0, max_iters 501 (chargpt.py has no stop of its own)."
    ),
)
