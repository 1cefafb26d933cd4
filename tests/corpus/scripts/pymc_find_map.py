"""PyMC's find_MAP as its "Introductory Overview of PyMC" runs it on the basic linear-regression
model: pm.find_MAP() (L-BFGS-B with gradients; its rich progress bar 'MAP ━━━ 0% 0:00:00
logp = -149.58, ||grad|| = 12.204'), print(map_estimate) (a dict of numpy arrays, the estimates),
then pm.find_MAP(method="powell") and its estimate (PyMC compares the method's name with
"Powell", so the lower-case spelling the overview uses still computes and shows ||grad||, with a
scipy RuntimeWarning).

Versions: pymc 5.28.5, pytensor 2.38.3, rich 15.0.0, scipy 1.17.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zh-3):
    python tests/corpus/scripts/capture.py pipe real_pymc_find_map -- python tests/corpus/scripts/pymc_find_map.py
    python tests/corpus/scripts/capture.py pty real_pymc_find_map_pty -- python tests/corpus/scripts/pymc_find_map.py
Truth: PyMC keeps no history of the optimisation: the values its CostFuncWrapper formats for the
bar (update_progress_desc's arguments: the model's logp and the norm of its gradient at that
evaluation, full precision), taken by wrapping update_progress_desc; a wrap of rich's
TextColumn.render notes which of those texts were actually rendered (rich refreshes on a timer;
a pipe gets the final frame only). No step: PyMC formats every 10th evaluation
and the bar (total maxeval=5000) shows only a percentage and times, never the evaluation count.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pymc as pm
import rich.progress
from pymc.tuning import starting

formatted: dict[str, tuple] = {}  # text -> (eval index, logp, grad norm or None)
rendered: list[str] = []
_desc = starting.CostFuncWrapper.update_progress_desc


def update_progress_desc(self, neg_value, grad=None):
    text = _desc(self, neg_value, grad)
    norm = None if grad is None else float(np.linalg.norm(grad))
    formatted.setdefault(text, (self.n_eval + 1, float(neg_value), norm, len(runs)))
    return text


starting.CostFuncWrapper.update_progress_desc = update_progress_desc
_render = rich.progress.TextColumn.render


def render(self, task):
    loss = task.fields.get("loss")
    if loss and loss in formatted and (not rendered or rendered[-1] != loss):
        rendered.append(loss)
    return _render(self, task)


rich.progress.TextColumn.render = render

RANDOM_SEED = 8927
rng = np.random.default_rng(RANDOM_SEED)
alpha, sigma = 1, 1
beta = [1, 2.5]
size = 100
X1 = np.random.default_rng(1).normal(size=size)
X2 = np.random.default_rng(2).normal(size=size) * 0.2
Y = alpha + beta[0] * X1 + beta[1] * X2 + rng.normal(size=size) * sigma

basic_model = pm.Model()
with basic_model:
    alpha = pm.Normal("alpha", mu=0, sigma=10)
    beta = pm.Normal("beta", mu=0, sigma=10, shape=2)
    sigma = pm.HalfNormal("sigma", sigma=1)
    mu = alpha + beta[0] * X1 + beta[1] * X2
    Y_obs = pm.Normal("Y_obs", mu=mu, sigma=sigma, observed=Y)

runs: list[str] = []
runs.append("L-BFGS-B")
map_estimate = pm.find_MAP(model=basic_model)
print(map_estimate)
runs.append("powell")
map_estimate = pm.find_MAP(model=basic_model, method="powell")
print(map_estimate)

series = _truth.Series()
for text in rendered:
    ev, logp, norm, _run = formatted[text]
    # the output never shows the evaluation number (see notes): no step
    series.add("logp", None, None, logp)
    if norm is not None:
        series.add("||grad||", None, None, norm)
_truth.write(
    library=(
        f"pymc {pm.__version__} (pytensor {metadata.version('pytensor')}, rich "
        f"{metadata.version('rich')}, scipy {metadata.version('scipy')})"
    ),
    script="tests/corpus/scripts/pymc_find_map.py",
    record=(
        "the logp and gradient norm PyMC's CostFuncWrapper formats for the bar "
        "(update_progress_desc's arguments), only the texts rich rendered"
    ),
    step_kind="none",
    series=series,
    extra_ok=[],
    not_printed=["logp/grad of the evaluations PyMC did not format (it formats every 10th)"],
    notes=(
        "Two find_MAP runs, each one rich bar 'MAP ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 0% "
        "-:--:-- logp = -149.58, ||grad|| = 12.204' (the bar's total is maxeval=5000, so it "
        "stays near 0%; its count of evaluations is shown by nothing else). The first run "
        "is L-BFGS-B, the second method='powell' (lower case: PyMC still evaluates and shows the "
        "gradient, and scipy warns 'RuntimeWarning: Method powell does not use gradient "
        "information (jac).' followed by the source line '  opt_result = minimize('); both series continue across the two runs, one point per drawn frame "
        "text, without a step (the evaluation number is not printed). logp is the model's log probability "
        "(jacobian=False) at that evaluation, PyMC's objective; ||grad|| the norm of its "
        "gradient: both metrics of the optimisation, as a loss and a gradient norm. "
        "print(map_estimate) prints a dict of numpy arrays, \"{'alpha': array(1.0…), 'beta': "
        "array([0.9…, 2.8…]), 'sigma_log__': array(-0.0…), 'sigma': array(0.96…)}\": the MAP "
        "estimates of the parameters, no metric. Under a pipe rich draws only each bar's final "
        "frame; under a terminal it refreshes on a timer (timing decides which frames are "
        "drawn: this truth belongs to its capture)."
    ),
)
