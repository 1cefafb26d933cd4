"""nevergrad optimizer.minimize(..., verbosity=1) on a noisy 'validation loss' of two
hyper-parameters.

nevergrad prints, per evaluation, 'Launching 1 jobs with new suggestions', 'Updating fitness
with value 0.123' (the repr of the float the function returned) and '29 remaining budget and 0
running jobs'.  Truth: the values nevergrad was told, collected by the optimizer's own 'tell'
callback (register_callback), with nevergrad's num_tell count as the step.
Versions: nevergrad 1.0.12, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_nevergrad_ngopt -- python tests/corpus/holdout/scripts/nevergrad_min.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import nevergrad as ng
import numpy as np

rng = np.random.default_rng(0)


def val_loss(lr: float, dropout: float) -> float:
    return float((np.log10(lr) + 2.5) ** 2 + (dropout - 0.2) ** 2 + 0.01 * rng.normal())


param = ng.p.Instrumentation(
    lr=ng.p.Log(lower=1e-5, upper=1e-1), dropout=ng.p.Scalar(lower=0.0, upper=0.6)
)
param.random_state.seed(0)
opt = ng.optimizers.NGOpt(parametrization=param, budget=20)
told = []
opt.register_callback("tell", lambda o, cand, loss: told.append((o.num_tell + 1, loss)))
rec = opt.minimize(val_loss, verbosity=1)
print("recommendation:", rec.kwargs)

ser = _truth.Series()
for n, loss in told:
    ser.add("fitness", n, None, loss)

_truth.write(
    library="nevergrad 1.0.12",
    script="tests/corpus/holdout/scripts/nevergrad_min.py",
    record="the losses nevergrad was told, from its 'tell' callback, step = num_tell after the tell",
    step_kind="trial",
    series=ser,
    extra_ok=[],
    notes=(
        "Three lines per evaluation: 'Launching 1 jobs with new suggestions', 'Updating fitness with "
        "value 0.0123' (repr of the returned float: full precision), 'N remaining budget and 0 running "
        "jobs' (a count, not a metric). The series is 'fitness' (the quantity the sentence names); the "
        "evaluation number is not printed on the line (the step is the count of evaluations, 1-based). "
        "The last line 'recommendation: {'lr': 0.003, 'dropout': 0.2}' is configuration, not metrics."
    ),
)
