"""NeuroMANCER's Trainer on the README's parametric Rosenbrock problem (a learned solution map
x*(p, a) under penalty constraints), in the two ways neuromancer prints epochs:

    --logger none   Trainer(..., epoch_verbose=5) with no logger: the trainer's own
                    print(f'epoch: {i}  {train_metric}: {mean_loss}') every 5th epoch, where
                    mean_loss is a 0-d tensor, formatted by Tensor.__format__ as its float's
                    repr: 'epoch: 0  train_loss: 56.7204475402832'
    --logger basic  BasicLogger(verbosity=5, stdout=[train_loss, dev_loss,
                    dev_objective_loss, dev_penalty_loss]):
                    'None' (its args), 'Number of parameters: N', then tab-separated
                    'epoch: 0<TAB>train_loss: 7.23116<TAB>dev_loss: ...<TAB>eltime:  0.01234'

Truth: the trainer's own output dicts, taken by a neuromancer Callback (end_eval is handed the
same dict the trainer prints from, right after it printed): output['mean_train_loss'] for the
default print, output[k] for each key the BasicLogger prints, at the epochs printed (i %
verbosity == 0), full precision. eltime (elapsed seconds) is not a metric of the record.

Versions: neuromancer 1.5.6, torch 2.13.0+cpu, lightning 2.6.6 (imported, unused), numpy 1.26.4,
Python 3.11. Seeds fixed; a few seconds of CPU.
Capture (repository root, venv /work/venvs/corpus-zAB-1):
    python tests/corpus/scripts/capture.py pipe real_neuromancer_trainer -- python tests/corpus/scripts/neuromancer_trainer.py --logger none
    python tests/corpus/scripts/capture.py pipe real_neuromancer_basiclogger -- python tests/corpus/scripts/neuromancer_trainer.py --logger basic
(neuromancer prints with print() only, no bar and no colour: no pty entries.)
"""

import argparse
import os
import sys
import tempfile
from importlib import metadata

import torch
import torch.nn as nn
from neuromancer import slim
from neuromancer.callbacks import Callback
from neuromancer.constraint import variable
from neuromancer.dataset import DictDataset
from neuromancer.loggers import BasicLogger
from neuromancer.loss import PenaltyLoss
from neuromancer.modules import blocks
from neuromancer.problem import Problem
from neuromancer.system import Node
from neuromancer.trainer import Trainer

sys.path.insert(0, os.path.dirname(__file__))

import _truth

ap = argparse.ArgumentParser()
ap.add_argument("--logger", choices=["none", "basic"], default="none")
args = ap.parse_args()

torch.manual_seed(0)
# README: data (parameters a, p) sampled uniformly
n = 500
a_low, a_high, p_low, p_high = 0.2, 1.2, 0.5, 2.0
samples_train = {
    "a": torch.FloatTensor(n, 1).uniform_(a_low, a_high),
    "p": torch.FloatTensor(n, 1).uniform_(p_low, p_high),
}
samples_dev = {
    "a": torch.FloatTensor(n, 1).uniform_(a_low, a_high),
    "p": torch.FloatTensor(n, 1).uniform_(p_low, p_high),
}
train_data = DictDataset(samples_train, name="train")
dev_data = DictDataset(samples_dev, name="dev")
train_loader = torch.utils.data.DataLoader(
    train_data, batch_size=100, collate_fn=train_data.collate_fn, shuffle=True
)
dev_loader = torch.utils.data.DataLoader(
    dev_data, batch_size=100, collate_fn=dev_data.collate_fn, shuffle=True
)

# README: the trainable solution map
func = blocks.MLP(
    insize=2, outsize=2, bias=True, linear_map=slim.maps["linear"], nonlin=nn.ReLU, hsizes=[32] * 2
)
sol_map = Node(func, ["a", "p"], ["x"], name="map")
x = variable("x")[:, [0]]
y = variable("x")[:, [1]]
p = variable("p")
a = variable("a")
f = (1 - x) ** 2 + a * (y - x**2) ** 2
obj = f.minimize(weight=1.0, name="obj")
con_1 = 100 * (x >= y)
con_2 = 100 * ((p / 2) ** 2 <= x**2 + y**2)
con_3 = 100 * (x**2 + y**2 <= p**2)
loss = PenaltyLoss([obj], [con_1, con_2, con_3])
problem = Problem([sol_map], loss)
optimizer = torch.optim.AdamW(problem.parameters(), lr=0.002)


class Record(Callback):
    """Keeps the values of the trainer's output dict at each epoch's end of evaluation."""

    def __init__(self):
        super().__init__()
        self.rows = []

    def end_eval(self, trainer, output):
        self.rows.append(
            (
                trainer.current_epoch,
                {
                    k: float(v)
                    for k, v in output.items()
                    if isinstance(v, torch.Tensor) and v.dim() == 0
                },
            )
        )


record = Record()
verbosity = 5
printed = ["train_loss", "dev_loss", "dev_objective_loss", "dev_penalty_loss"]
logger = None
if args.logger == "basic":
    logger = BasicLogger(
        savedir=tempfile.mkdtemp(prefix="neuromancer_"), verbosity=verbosity, stdout=printed
    )
trainer = Trainer(
    problem,
    train_loader,
    dev_loader,
    optimizer=optimizer,
    epochs=30,
    patience=100,
    warmup=100,
    epoch_verbose=verbosity,
    logger=logger,
    callback=record,
)
best_model = trainer.train()

series = _truth.Series()
for epoch, out in record.rows:
    if epoch % verbosity:
        continue
    if args.logger == "none":
        series.add("train_loss", None, epoch, out["mean_train_loss"])
    else:
        for k in printed:
            series.add(k, None, epoch, out[k])

lib = (
    f"neuromancer {metadata.version('neuromancer')} (torch {torch.__version__}, "
    f"numpy {metadata.version('numpy')})"
)
if args.logger == "none":
    notes = (
        "Trainer.train() without a logger prints `epoch: {i}  train_loss: {mean_loss}` every "
        "epoch_verbose=5 epochs (epochs 0..29 run, 0, 5, ..., 25 printed); mean_loss is a 0-d "
        "torch tensor, which an f-string formats as its Python float (full repr: 'epoch: 0  "
        "train_loss: 56.7204475402832', two spaces between the fields). 'train_loss' is the train_metric's name the "
        "trainer prints; the value is output['mean_train_loss'] (the mean over the epoch's "
        "batches). The epoch counts from 0 as printed. Nothing else is printed."
    )
    record_txt = "output['mean_train_loss'] of Trainer.train()'s output dict, via a neuromancer Callback (end_eval)"
    extra_ok = []
else:
    notes = (
        "BasicLogger prints print(args) -> 'None', then 'Number of parameters: 1218' (a count, "
        "not a metric), then every verbosity=5 epochs one tab-separated line: 'epoch: 0\\t"
        "train_loss: 43.25798\\tdev_loss: 41.90417\\tdev_objective_loss: ...\\t"
        "dev_penalty_loss: ...\\teltime:  0.16960' (values "
        "with 5 decimals; keys in the order of the trainer's output dict, not of stdout=[...]; "
        "'eltime' is the elapsed seconds since the logger was made, printed with a leading space "
        "in the field, not kept by the record). train_loss / dev_loss (and the PenaltyLoss's "
        "objective_loss / penalty_loss parts of dev_loss) are the last batch's values of the Problem's output dict (train_loss is not the epoch mean). Epochs "
        "count from 0."
    )
    record_txt = "the Problem output dict BasicLogger.log_metrics prints, via a neuromancer Callback (end_eval)"
    extra_ok = ["eltime (elapsed seconds since the logger started)"]

_truth.write(
    library=lib,
    script="tests/corpus/scripts/neuromancer_trainer.py",
    record=record_txt,
    step_kind="epoch",
    series=series,
    extra_ok=extra_ok,
    not_printed=[],
    notes=notes,
)
