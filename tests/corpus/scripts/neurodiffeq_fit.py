"""neurodiffeq: Solver1D on the docs' exponential-decay ODE u' + u = 0, u(0) = 1, with
logging.basicConfig(level=INFO) and neurodiffeq's ReportCallback every 100 epochs (PeriodLocal),
the library's own 'Training Progress' tqdm bar (colour='blue', dynamic_ncols, stderr), then the
user's print of the last value of each list in solver.metrics_history:

    INFO:root:Starting from global epoch 99
        training with SamplerGenerator(size=32, generator=Generator1D(size=32, t_min=0.0, …))
        validating with SamplerGenerator(size=32, generator=Generator1D(size=32, …))
    INFO:root:train size = 32 x 1 = 32, valid_size = 32 x 4 = 128
    Training Progress:  40%|████      | 200/500 [00:01<00:01, 180.23it/s]
    {'train_loss': 2.1e-05, 'valid_loss': 2.3e-05, 'train__mse': …, 'valid__mse': …}

The library prints no metric while it trains (its bar has none; its ReportCallback logs the
generators and the sample sizes): the training part is a precision check. Truth: the final dict's
values, from solver.metrics_history (the library's own record), step = the last epoch.

Versions: neurodiffeq 0.7.0, torch 2.13.0+cpu, tqdm 4.70.1, numpy 2.4.6, Python 3.11. Seeds fixed.
Capture (repository root, venv /work/venvs/corpus-zJ-1):
    python tests/corpus/scripts/capture.py pipe real_neurodiffeq_report -- python tests/corpus/scripts/neurodiffeq_fit.py
    python tests/corpus/scripts/capture.py pty real_neurodiffeq_report_pty -- python tests/corpus/scripts/neurodiffeq_fit.py
"""

import logging
import os
import sys
from importlib import metadata

import numpy as np
import torch
from neurodiffeq import diff
from neurodiffeq.callbacks import PeriodLocal, ReportCallback
from neurodiffeq.conditions import IVP
from neurodiffeq.solvers import Solver1D

sys.path.insert(0, os.path.dirname(__file__))

import _truth

logging.basicConfig(level=logging.INFO)
torch.manual_seed(0)
np.random.seed(0)
torch.set_num_threads(1)


def mse(u, t):
    return torch.mean((u - torch.exp(-t)) ** 2)


solver = Solver1D(
    ode_system=lambda u, t: [diff(u, t) + u],
    conditions=[IVP(t_0=0.0, u_0=1.0)],
    t_min=0.0,
    t_max=2.0,
    metrics={"mse": mse},
)
report = PeriodLocal(period=100)
report.set_action_callback(ReportCallback())
solver.fit(max_epochs=500, callbacks=[report])
print({k: v[-1] for k, v in solver.metrics_history.items()})

series = _truth.Series()
last = len(solver.metrics_history["train_loss"])
for k, v in solver.metrics_history.items():
    series.add(k, last, None, v[-1])

_truth.write(
    library=(
        f"neurodiffeq {metadata.version('neurodiffeq')} (torch {torch.__version__}, tqdm "
        f"{metadata.version('tqdm')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/neurodiffeq_fit.py",
    record="solver.metrics_history (train_loss, valid_loss, train__mse, valid__mse per epoch)",
    step_kind="global",
    series=series,
    extra_ok=["it/s (epochs per second, the bar's rate)"],
    not_printed=[
        "metrics_history's per-epoch values before the last one (the library prints none of them)"
    ],
    notes=(
        "Every 100 epochs (PeriodLocal(period=100) + ReportCallback, root logger at INFO) a "
        "three-line record 'INFO:root:Starting from global epoch 99' / '    training with "
        "SamplerGenerator(size=32, generator=Generator1D(size=32, t_min=0.0, t_max=2.0, "
        "method='equally-spaced-noisy', noise_std=0.015625))' / '    validating with …' (reprs "
        "of the point generators: settings) and 'INFO:root:train size = 32 x 1 = 32, valid_size "
        "= 32 x 4 = 128' (epoch counter, sample counts: no metric); the log record starts right "
        "after the bar's last state, on the same line ('…| 97/500 [00:00<00:01, 320.81it/s]"
        "INFO:root:Starting from global epoch 99'). The library's tqdm bar 'Training Progress:  40%|████      | "
        "200/500 [00:01<00:01, 180.23it/s]' on stderr (blue bar characters; in a pipe tqdm still "
        "redraws with '\\r'; progress counts, times and rate, no metric). Then the user's "
        "print of a dict of the last value of each metrics_history list: \"{'train_loss': "
        "2.1e-05, 'valid_loss': …, 'train__mse': …, 'valid__mse': …}\" (full repr; step = the "
        "number of epochs run, 500)."
    ),
)
