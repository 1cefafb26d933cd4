"""DeepXDE (PyTorch backend): model.train() prints its own table, vectors of loss terms per row,

    Step      Train loss              Test loss               Test metric
    0         [4.21e+01, 1.76e-02]    [4.81e+01, 1.76e-02]    [9.03e-01]
    250       [2.84e-01, 1.06e-01]    [2.52e-01, 1.06e-01]    [2.46e-01]

and a summary after each train() call:

    Best model at step 2000:
      train loss: 6.94e-04
      test loss: 7.19e-04
      test metric: [1.03e-03]

Modes: `function` (dde.data.Function, a plain regression of a 1-d function: one loss term, the
vectors hold one number each), `pinn` (the Poisson 1-d PINN of DeepXDE's docs, PDE residual +
Dirichlet boundary: two loss terms; Adam, then L-BFGS continuing the same step count).

Truth: DeepXDE's own records: the LossHistory train() returns (steps, loss_train, loss_test,
metrics_test: one row per printed table row, at full precision) and the TrainState after each
train() call (best_step, best_loss_train, best_loss_test, best_metrics: the summary's values).

Versions: DeepXDE 1.15.0, torch 2.13.0+cpu, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zI-1:
pip install torch==2.13.0, then pip install deepxde; no other torch). Seeds fixed; a few s of CPU.
Captures (repository root; DeepXDE prints with print(), no bar, no colour: no pty twin):
    DDE_BACKEND=pytorch python tests/corpus/scripts/capture.py pipe real_deepxde_function -- \
        python tests/corpus/scripts/deepxde_train.py function
    DDE_BACKEND=pytorch python tests/corpus/scripts/capture.py pipe real_deepxde_pinn -- \
        python tests/corpus/scripts/deepxde_train.py pinn
"""

import os
import sys
from importlib import metadata

import deepxde as dde
import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))

import _truth

mode = sys.argv[1]
dde.config.set_random_seed(0)
summaries = []

if mode == "function":
    geom = dde.geometry.Interval(-1, 1)
    data = dde.data.Function(geom, lambda x: x * np.sin(5 * x), 16, 100)
    net = dde.nn.FNN([1] + [20] * 2 + [1], "tanh", "Glorot uniform")
    model = dde.Model(data, net)
    model.compile("adam", lr=0.001, metrics=["l2 relative error"])
    losshistory, state = model.train(iterations=3000, display_every=300)
    summaries.append(
        (state.best_step, state.best_loss_train, state.best_loss_test, state.best_metrics)
    )
else:

    def pde(x, y):
        dy_xx = dde.grad.hessian(y, x)
        return -dy_xx - np.pi**2 * torch.sin(np.pi * x)

    geom = dde.geometry.Interval(-1, 1)
    bc = dde.icbc.DirichletBC(geom, lambda x: 0, lambda x, on_boundary: on_boundary)
    data = dde.data.PDE(geom, pde, bc, 16, 2, solution=lambda x: np.sin(np.pi * x), num_test=50)
    net = dde.nn.FNN([1] + [20] * 2 + [1], "tanh", "Glorot uniform")
    model = dde.Model(data, net)
    model.compile("adam", lr=0.001, metrics=["l2 relative error"])
    losshistory, state = model.train(iterations=1500, display_every=250)
    summaries.append(
        (state.best_step, state.best_loss_train, state.best_loss_test, state.best_metrics)
    )
    dde.optimizers.config.set_LBFGS_options(maxiter=600)
    model.compile("L-BFGS", metrics=["l2 relative error"])
    losshistory, state = model.train(display_every=200)
    summaries.append(
        (state.best_step, state.best_loss_train, state.best_loss_test, state.best_metrics)
    )

series = _truth.Series()
n_terms = len(losshistory.loss_train[0])
for step, tr, te, me in zip(
    losshistory.steps,
    losshistory.loss_train,
    losshistory.loss_test,
    losshistory.metrics_test,
    strict=True,
):
    for i in range(n_terms):
        series.add(f"Train loss[{i}]" if n_terms > 1 else "Train loss", step, None, tr[i])
    for i in range(n_terms):
        series.add(f"Test loss[{i}]" if n_terms > 1 else "Test loss", step, None, te[i])
    series.add("Test metric", step, None, me[0])
for best_step, train, test, metrics in summaries:
    series.add("train loss", best_step, None, train)
    series.add("test loss", best_step, None, test)
    series.add("test metric", best_step, None, metrics[0])

vector_note = (
    "Each table cell is a bracketed vector, one number per loss term, .2e: '[4.21e+01, 1.76e-02]' "
    "(term 0 the PDE residual, term 1 the Dirichlet boundary); the series name the term by its "
    "0-based position in DeepXDE's arrays: 'Train loss[0]', 'Train loss[1]', 'Test loss[0]', ... "
    if mode == "pinn"
    else "Each table cell is a bracketed vector of one number, .2e: '[1.23e-01]'. "
)
_truth.write(
    library=f"deepxde {metadata.version('deepxde')} (pytorch backend, torch {torch.__version__})",
    script="tests/corpus/scripts/deepxde_train.py",
    record="the LossHistory model.train() returns (steps, loss_train, loss_test, metrics_test) and "
    "the TrainState after each train() call (best_step, best_loss_train, best_loss_test, best_metrics)",
    step_kind="global",
    series=series,
    extra_ok=[
        "'compile' took 0.94 s / 'train' took 3.16 s (wall time in seconds)",
    ],
    notes="Backend lines first ('Using backend: pytorch', 'Other supported backends: ...'), then "
    "'Compiling model...', \"'compile' took 0.944517 s\", 'Training model...' and the table: header "
    "'Step      Train loss              Test loss               Test metric', one row per "
    "display_every steps and at the last: the step (DeepXDE's global step), then the vectors. "
    + vector_note
    + "'Test metric' is the l2 relative error on the test points ([x], one metric). After each "
    "train() call: 'Best model at step 2000:' and indented '  train loss: 6.94e-04' (the SUM of "
    "the train terms at the best step), '  test loss: 7.19e-04' (sum of test terms), '  test "
    "metric: [1.03e-03]' - series 'train loss', 'test loss', 'test metric' as printed (lower "
    "case; the same words as the table's columns but other quantities: best-step sums), at the "
    "step 'Best model at step N' gives; then \"'train' took 3.16 s\"."
    + (
        " Adam runs 1500 steps (rows every 250), then L-BFGS (maxiter 600) continues the same "
        "step count (rows every 200 from 1500): a second header, a second table and a second "
        "'Best model' block."
        if mode == "pinn"
        else " Adam, 3000 steps, rows every 300."
    ),
)
