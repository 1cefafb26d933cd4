"""DeepXDE: a PINN for the docs' 1-D Poisson problem -u'' = pi^2 sin(pi x), u(-1) = u(1) = 0
(examples/pinn_forward/Poisson_Dirichlet_1d.py), model.train(display_every=...) printing its table:

    Step      Train loss              Test loss               Test metric
    0         [3.98e+01, 1.80e-02]    [3.85e+01, 1.80e-02]    [1.06e+00]
    200       [2.20e+00, 2.04e-02]    [2.03e+00, 2.04e-02]    [2.09e-01]
    ...
    Best model at step 2000:
      train loss: 3.06e-03
      test loss: 2.99e-03
      test metric: [1.53e-03]

    'train' took 2.012 s

Variants: `adam` (Adam, 2000 iterations, display_every=200); `lbfgs` (Adam 1000 iterations, then
L-BFGS as the examples do: the table starts again with a header and the Adam run's last step,
L-BFGS prints after each call of up to 1000 of its iterations); `weights` (a 3-term problem: the PDE, a Dirichlet and
a Neumann boundary, loss_weights, two metrics, display_every=250); `inverse` (the coefficient of the
PDE learnt from 9 observed points, no metric, dde.callbacks.VariableValue printing it every 300
iterations between the table rows).

Truth: the model's LossHistory (losshistory.steps, loss_train, loss_test, metrics_test: the
arrays the table prints, one row per append) and the TrainState's best_* values for the
'Best model' block.

Versions: DeepXDE 1.15.0 (DDE_BACKEND=pytorch), torch 2.13.0+cpu, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zJ-1):
    DDE_BACKEND=pytorch python tests/corpus/scripts/capture.py pipe real_deepxde_poisson_adam -- python tests/corpus/scripts/deepxde_pinn.py adam
    DDE_BACKEND=pytorch python tests/corpus/scripts/capture.py pipe real_deepxde_poisson_lbfgs -- python tests/corpus/scripts/deepxde_pinn.py lbfgs
    DDE_BACKEND=pytorch python tests/corpus/scripts/capture.py pipe real_deepxde_poisson_weights -- python tests/corpus/scripts/deepxde_pinn.py weights
    DDE_BACKEND=pytorch python tests/corpus/scripts/capture.py pipe real_deepxde_poisson_inverse -- python tests/corpus/scripts/deepxde_pinn.py inverse
(DeepXDE prints with print(): the same under a terminal, no pty entry.)
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import deepxde as dde
import numpy as np
import torch

variant = sys.argv[1] if len(sys.argv) > 1 else "adam"
dde.config.set_random_seed(0)
torch.set_num_threads(1)


C = dde.Variable(2.0)  # inverse variant: the unknown diffusion coefficient (truth 1.0)


def pde(x, y):
    dy_xx = dde.grad.hessian(y, x)
    if variant == "inverse":
        return -C * dy_xx - np.pi**2 * torch.sin(np.pi * x)
    return -dy_xx - np.pi**2 * torch.sin(np.pi * x)


def solution(x):
    return np.sin(np.pi * x)


geom = dde.geometry.Interval(-1, 1)
if variant == "weights":
    # u(-1) = 0 (Dirichlet), u'(1) = -pi (Neumann): three loss terms

    def left(x, on_boundary):
        return on_boundary and dde.utils.isclose(x[0], -1)

    def right(x, on_boundary):
        return on_boundary and dde.utils.isclose(x[0], 1)

    bcs = [
        dde.icbc.DirichletBC(geom, lambda x: 0, left),
        dde.icbc.NeumannBC(geom, lambda x: -np.pi * np.ones_like(x[:, :1]), right),
    ]
elif variant == "inverse":
    observe_x = np.linspace(-1, 1, 9)[:, None]
    bcs = [
        dde.icbc.DirichletBC(geom, solution, lambda _, on_boundary: on_boundary),
        dde.icbc.PointSetBC(observe_x, solution(observe_x)),
    ]
else:
    bcs = [dde.icbc.DirichletBC(geom, solution, lambda _, on_boundary: on_boundary)]
data = dde.data.PDE(geom, pde, bcs, 16, 2, solution=solution, num_test=100)
net = dde.nn.FNN([1] + [32] * 2 + [1], "tanh", "Glorot uniform")
model = dde.Model(data, net)

if variant == "adam":
    model.compile("adam", lr=0.001, metrics=["l2 relative error"])
    losshistory, train_state = model.train(iterations=2000, display_every=200)
    runs = [train_state]
elif variant == "lbfgs":
    model.compile("adam", lr=0.001, metrics=["l2 relative error"])
    losshistory, train_state = model.train(iterations=1000, display_every=200)
    best1 = (train_state.best_step, train_state.best_loss_train, train_state.best_loss_test)
    best1 += (np.array(train_state.best_metrics),)
    dde.optimizers.config.set_LBFGS_options(maxiter=3000)
    model.compile("L-BFGS", metrics=["l2 relative error"])
    losshistory, train_state = model.train()
    runs = [best1, train_state]
elif variant == "inverse":
    model.compile("adam", lr=0.005, external_trainable_variables=C)
    variable = dde.callbacks.VariableValue(C, period=300)
    losshistory, train_state = model.train(iterations=1500, display_every=300, callbacks=[variable])
    runs = [train_state]
else:
    model.compile("adam", lr=0.002, metrics=["l2 relative error", "MSE"], loss_weights=[1, 10, 10])
    losshistory, train_state = model.train(iterations=1500, display_every=250)
    runs = [train_state]

series = _truth.Series()
n_train = len(losshistory.loss_train[0])
n_metric = len(losshistory.metrics_test[0])  # 0 for the inverse variant: cells print '[]'
for step, ltr, lte, met in zip(
    losshistory.steps,
    losshistory.loss_train,
    losshistory.loss_test,
    losshistory.metrics_test,
    strict=True,
):
    for i in range(n_train):
        series.add(f"Train loss[{i}]", int(step), None, ltr[i])
    for i in range(len(lte)):
        series.add(f"Test loss[{i}]", int(step), None, lte[i])
    for i in range(n_metric):
        series.add("Test metric" if n_metric == 1 else f"Test metric[{i}]", int(step), None, met[i])
# 'Best model at step N:' blocks, one per train() call, each after its table
for r in runs:
    if isinstance(r, tuple):
        bstep, btrain, btest, bmet = r
    else:
        bstep, btrain, btest = r.best_step, r.best_loss_train, r.best_loss_test
        bmet = np.array(r.best_metrics)
    series.add("train loss", int(bstep), None, btrain)
    series.add("test loss", int(bstep), None, btest)
    for i in range(len(bmet)):  # 'test metric: []' for the inverse variant
        series.add(
            "test metric" if len(bmet) == 1 else f"test metric[{i}]", int(bstep), None, bmet[i]
        )

terms = "the PDE residual and the Dirichlet boundary"
if variant == "inverse":
    terms = "the PDE residual, the Dirichlet boundary and the 9 observed points (PointSetBC)"
if variant == "weights":
    terms = "the PDE residual, the Dirichlet boundary at x=-1 and the Neumann boundary at x=1"
metric_words = (
    "no metric: the Test metric cells and the best block print '[]' (nothing to store)"
    if n_metric == 0
    else "one metric (l2 relative error), printed as a one-element list '[1.53e-03]': series 'Test metric'"
    if n_metric == 1
    else "two metrics (l2 relative error, MSE): 'Test metric[0]', 'Test metric[1]'"
)
_truth.write(
    library=(
        f"deepxde {metadata.version('deepxde')} (DDE_BACKEND=pytorch, torch {torch.__version__}, "
        f"numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/deepxde_pinn.py",
    record=(
        "model.losshistory (LossHistory: steps, loss_train, loss_test, metrics_test) and the "
        "TrainState's best_step / best_loss_train / best_loss_test / best_metrics"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "DeepXDE prints 'Using backend: pytorch', 'Other supported backends: tensorflow.compat.v1, "
        "tensorflow, jax, paddle.' / 'paddle supports more examples now and is recommended.', "
        "'Compiling model...', \"'compile' took 0.000123 s\" "
        "(a timing), 'Training model...', then a table 'Step      Train loss              Test loss"
        "               Test metric' with one row per display: '200       [2.20e+00, 2.04e-02]    "
        "[2.03e+00, 2.04e-02]    [2.09e-01]' (step = the global step, the first column). Each cell "
        "is a bracketed list, one value per loss term ("
        + terms
        + ", in that order, as weighted by "
        "loss_weights) and " + metric_words + ". The table names no term: the truth names each "
        "list element by the column header and its index as the record holds it ('Train loss[0]', "
        "'Train loss[1]', 'Test loss[0]', …); a one-element list keeps the bare header. Values are "
        "printed '{:.2e}', the truth at full precision. After the table: 'Best model at step 2000:' "
        "(the step of the lowest train loss sum), '  train loss: 3.06e-03' (the summed loss terms, "
        "series 'train loss' lower case as printed), '  test loss: …', '  test metric: [1.53e-03]' "
        "(series 'test metric', or 'test metric[i]' for two metrics), all at that best step, then "
        "\"'train' took 2.012 s\" (a timing). lbfgs variant: a second compile/train; its table "
        "starts again with the header and a row for the step the Adam run ended on (the same step "
        "twice in the record, both kept), then one row per L-BFGS call of up to 1000 iterations "
        "(here one: L-BFGS converged at step 1156, as DeepXDE counts its iterations), and a "
        "second 'Best model' block. inverse variant: the coefficient C of -C u'' = "
        "pi^2 sin(pi x) is learnt from 9 observations (external_trainable_variables); "
        "dde.callbacks.VariableValue(C, period=300) prints the iteration and C's value on "
        "stdout after the table row of the same step: '1500 [1.33e+00]' (no header, no name: "
        "an estimated parameter of the model, not a metric; not in the truth)."
    ),
)
