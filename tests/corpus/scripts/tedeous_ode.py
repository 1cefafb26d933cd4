"""TEDEouS (torch exhaustive differential equation solver): a PINN for the oscillator
u'' + u = 0 on [0, π], u(0) = 0, u'(0) = 1 (solution sin t), in the style of TEDEouS' own
examples: Model(net, domain, equation, boundaries).compile('autograd', ...), then
model.train(Optimizer('Adam', ...), epochs, callbacks=[EarlyStopping(..., abs_loss=0.3,
info_string_every=50)]): the loss falls under abs_loss, the criterion fires on 5 steps in a row
(patience=5) and training stops there.
TEDEouS prints with print() and timestamps:

    [2026-12-07 13:25:01.123456] initial (min) loss is 101.23456954956055
    [2026-12-07 13:25:02.234567] Step = 50 loss = 0.956210 normalized loss line= -0.000921x+1.002344. There was 0 stop dings already.

and, when a stopping criterion fires, '[...] Oscillation near the same loss' / '[...] No
improvement in 1000 steps' / '[...] Absolute value of loss is lower than threshold' before the
same 'Step = ...' line.

Truth: TEDEouS keeps no loss history; a TEDEouS Callback (tedeous.callbacks.callback.Callback,
placed after EarlyStopping) reads model.t and model.cur_loss at each on_epoch_end, the values
EarlyStopping prints from, full precision, kept at the steps printed; the initial loss is
model.min_loss as train() printed it. 'normalized loss line= ax+b' is the slope and intercept
of a line fitted to the last loss_window losses, divided by the loss (the stopping criterion's
own diagnostic, not kept); 'stop dings' is a count.

Versions: TEDEouS 0.4.11, torch 2.13.0+cpu, numpy 1.26.4, Python 3.11. Seed fixed; about 20 s
of CPU.
Capture (repository root, venv /work/venvs/corpus-zAB-1 on PATH):
    python tests/corpus/scripts/capture.py pipe real_tedeous_earlystopping -- python tests/corpus/scripts/tedeous_ode.py
(print() only, no bar and no colour: no pty entry.)
"""

import os
import sys
from importlib import metadata

import numpy as np
import torch
from tedeous.callbacks import early_stopping
from tedeous.callbacks.callback import Callback
from tedeous.data import Conditions, Domain, Equation
from tedeous.device import solver_device
from tedeous.model import Model
from tedeous.optimizers.optimizer import Optimizer

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.manual_seed(0)
np.random.seed(0)
solver_device("cpu")

domain = Domain()
domain.variable("t", [0, np.pi], 60)

boundaries = Conditions()
boundaries.dirichlet({"t": 0}, value=0)
boundaries.operator({"t": 0}, operator={"du/dt": {"coeff": 1, "du/dt": [0], "pow": 1}}, value=1)

equation = Equation()
oscillator = {
    "d2u/dt2": {"coeff": 1, "d2u/dt2": [0, 0], "pow": 1},
    "u": {"coeff": 1, "u": [None], "pow": 1},
}
equation.add(oscillator)

net = torch.nn.Sequential(
    torch.nn.Linear(1, 32),
    torch.nn.Tanh(),
    torch.nn.Linear(32, 32),
    torch.nn.Tanh(),
    torch.nn.Linear(32, 1),
)

model = Model(net, domain, equation, boundaries)
model.compile("autograd", lambda_operator=1, lambda_bound=100)


class LossRecord(Callback):
    """The step and current loss TEDEouS' trainer holds after each epoch (and the initial loss
    train() printed, still model.min_loss when the first epoch begins)."""

    def __init__(self, es):
        super().__init__()
        self.es = es
        self.initial = None
        self.rows = []

    def on_epoch_begin(self, logs=None):
        if self.initial is None:
            self.initial = float(self.model.min_loss)

    def on_epoch_end(self, logs=None):
        # EarlyStopping (before us) printed a 'Step = t loss = ...' line if t % every == 0,
        # and another one if a stopping criterion fired (its stop-dings count went up)
        self.rows.append((self.model.t, float(self.model.cur_loss), self.es._stop_dings))


every = 50
cb_es = early_stopping.EarlyStopping(
    eps=1e-5,
    loss_window=100,
    no_improvement_patience=1000,
    patience=5,
    abs_loss=0.3,
    randomize_parameter=1e-5,
    info_string_every=every,
)
record = LossRecord(cb_es)
optimizer = Optimizer("Adam", {"lr": 1e-3})
model.train(optimizer, 601, save_model=False, callbacks=[cb_es, record])

series = _truth.Series()
series.add("initial (min) loss", None, None, record.initial)
dings = 0
for t, loss, now in record.rows:
    if t % every == 0:
        series.add("loss", t, None, loss)
    if now > dings:
        series.add("loss", t, None, loss)
    dings = now

_truth.write(
    library=(
        f"TEDEouS {metadata.version('TEDEouS')} (torch {torch.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/tedeous_ode.py",
    record=(
        "model.cur_loss / model.t after each epoch and the initial model.min_loss, read by a "
        "TEDEouS Callback after EarlyStopping (TEDEouS keeps no history)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "Every line starts with a bracketed datetime.now() ('[2026-12-07 13:25:01.123456]', "
        "not a metric). First '[...] initial (min) loss is 101.2345...' (the loss of the "
        "untrained net, a float's full repr; no step: step null), then every 50th step '[...] "
        "Step = 50 loss = 0.956210 normalized loss line= -0.000921x+1.002344. There was 0 stop "
        "dings already.' (loss with 6 decimals; step = TEDEouS' own model.t as printed). The "
        "'normalized loss line= ax+b' pair is the slope and intercept of a line fitted to the "
        "last 100 losses divided by the current loss (the early-stopping criterion's "
        "diagnostic; the line is refitted only every 100 steps, its ratio to the current loss printed at each Step line: not a "
        "metric); 'There was N stop dings already' counts how often a stopping criterion "
        "fired (a count). When a criterion fires, a line naming it ('[...] Oscillation near "
        "the same loss') and a second 'Step = ...' line for that step follow: such a step's "
        "loss is printed twice when it is also a multiple of 50 (two points in the truth). Here "
        "abs_loss=0.3 fires on five consecutive steps once the loss is under 0.3, each with "
        "'[...] Absolute value of loss is lower than threshold' and its Step line (the dings "
        "count rising 1..5), and training stops after the fifth (patience=5). A torch "
        "UserWarning (two lines and a source line) follows the first line."
    ),
)
