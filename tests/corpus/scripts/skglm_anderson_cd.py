"""skglm GeneralizedLinearEstimator (quadratic datafit, MCP penalty) solved by AndersonCD with
verbose=2 on a synthetic sparse regression: the working-set solver's outer iterations and the
objective of its inner coordinate-descent epochs.

Versions: skglm 0.5, numba 0.68.1, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-w-1):
    python tests/corpus/scripts/capture.py pipe real_skglm_anderson_cd -- python tests/corpus/scripts/skglm_anderson_cd.py
(plain print() lines: the same under a terminal, no pty entry.)
Truth: skglm keeps no per-epoch record (AndersonCD.solve returns only the objective at the end of
each outer iteration and the last stopping criterion): the script tees sys.stdout during fit()
(skglm prints with print()), so values are at their printed precision; the last 'Stopping
criterion max violation' is checked against the fitted est.stop_crit_.
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from _fdtee import Tee
from skglm import GeneralizedLinearEstimator
from skglm.datafits import Quadratic
from skglm.penalties import MCPenalty
from skglm.solvers import AndersonCD

rng = np.random.RandomState(0)
X = rng.randn(200, 300)
w_true = np.zeros(300)
w_true[:10] = rng.randn(10)
y = X @ w_true + 0.5 * rng.randn(200)

est = GeneralizedLinearEstimator(
    datafit=Quadratic(),
    penalty=MCPenalty(alpha=0.05, gamma=3.0),
    solver=AndersonCD(verbose=2, tol=1e-6),
)
tee = Tee(sys.stdout)
sys.stdout = tee
try:
    est.fit(X, y)
finally:
    sys.stdout = tee.under

text = "".join(tee.buf)
series = _truth.Series()
line_res = (
    (
        re.compile(r"^Stopping criterion max violation: (\S+)$"),
        ("Stopping criterion max violation",),
    ),
    (
        re.compile(r"^Epoch (\d+), objective (\S+), stopping crit (\S+)$"),
        (None, "objective", "stopping crit"),
    ),
)
for line in text.splitlines():
    for pattern, names in line_res:
        m = pattern.match(line)
        if not m:
            continue
        for name, value in zip(names, m.groups(), strict=True):
            if name is not None:
                series.add(name, None, None, float(value))
last = series.series["Stopping criterion max violation"]["points"][-1][2]
assert f"{last:.2e}" == f"{est.stop_crit_:.2e}", (last, est.stop_crit_)

_truth.write(
    library=(
        f"skglm {metadata.version('skglm')} (numba {metadata.version('numba')}, "
        f"numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/skglm_anderson_cd.py",
    record=(
        "the text AndersonCD(verbose=2) printed during fit(), teed (no per-epoch record kept); "
        "the last stopping criterion agrees with est.stop_crit_"
    ),
    step_kind="none",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "stdout, plain lines in blocks, one block per outer (working-set) iteration: "
        "'Stopping criterion max violation: 1.53e+00' (the KKT violation over all features, "
        "before the iteration), 'Iteration 1, 10 feats in subpb.' (the iteration number and the "
        "working-set SIZE: a count, not a metric), then every 10th inner coordinate-descent "
        "epoch 'Epoch 1, objective 0.5631505263, stopping crit 4.89e-01' (the primal objective "
        "and the violation inside the working set), then 'Early exit' when the inner problem is "
        "solved well enough. The inner 'Epoch' counter restarts at 1 in every outer iteration "
        "(1, 11, 1, 11, ...), so there is no global step: step_kind none (print order). "
        "'stopping crit' (inner) and 'Stopping criterion max violation' (outer) are two "
        "different series. The run ends with a last 'Stopping criterion max violation' below "
        "tol=1e-6."
    ),
)
