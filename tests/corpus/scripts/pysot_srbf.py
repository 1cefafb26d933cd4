"""pySOT's example_simple (SRBFStrategy + RBFInterpolant on Ackley), run with a serial
POAP controller and Python logging at INFO on the console (the examples send the same log to a
file): the example's banner prints ('Number of threads: 1', 'Maximum number of evaluations:
50', 'Strategy: …'), then the strategy's log, one record per completed evaluation
'INFO:pySOT.strategy.surrogate_strategy:12 3.456e+00 @ [ 0.1 -2.3 …]' (evaluation count,
objective value '{:.3e}', the point evaluated), '=== Start ===' and SRBF's 'Reducing sampling
radius' / 'Increasing sampling radius', then 'Best value found: …' / 'Best solution found: [...]'.

pySOT's GP strategies (EIStrategy, LCBStrategy with GPRegressor) fail here inside their merit
function (an IndexError against scikit-learn 1.9's predict shapes): not captured.

Versions: pySOT 0.3.3, POAP 0.1.26, scikit-learn 1.9.1 (imported by pySOT), numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAN-1):
    python tests/corpus/scripts/capture.py pipe real_pysot_srbf -- python tests/corpus/scripts/pysot_srbf.py
Truth: the POAP controller's own records (controller.fevals: EvalRecord.value in completion
order; with a SerialController that is request order too) and controller.run()'s best record.
"""

import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from poap.controller import SerialController
from pySOT.experimental_design import SymmetricLatinHypercube
from pySOT.optimization_problems import Ackley
from pySOT.strategy import SRBFStrategy
from pySOT.surrogate import RBFInterpolant

np.random.seed(4)
logging.basicConfig(level=logging.INFO)

num_threads = 1
max_evals = 50
prob = Ackley(dim=6)
surrogate = RBFInterpolant(dim=prob.dim, lb=prob.lb, ub=prob.ub)
slhd = SymmetricLatinHypercube(dim=prob.dim, num_pts=2 * (prob.dim + 1))
strategy = SRBFStrategy(
    max_evals=max_evals, opt_prob=prob, exp_design=slhd, surrogate=surrogate, asynchronous=True
)

print(f"Number of threads: {num_threads}")
print(f"Maximum number of evaluations: {max_evals}")
print(f"Strategy: {strategy.__class__.__name__}")
print(f"Experimental design: {slhd.__class__.__name__}")
print(f"Surrogate: {surrogate.__class__.__name__}")

controller = SerialController(objective=prob.eval)
controller.strategy = strategy
result = controller.run()

print(f"Best value found: {result.value}")
print(
    f"Best solution found: {np.array_str(result.params[0], max_line_width=np.inf, precision=5, suppress_small=True)}\n"
)

series = _truth.Series()
done = [r for r in controller.fevals if r.is_completed]
for i, rec in enumerate(done, start=1):
    series.add("value", i, None, float(rec.value))
series.add("Best value found", None, None, float(result.value))

_truth.write(
    library=(
        f"pySOT {metadata.version('pySOT')} (POAP {metadata.version('POAP')}, scikit-learn "
        f"{metadata.version('scikit-learn')}, numpy {metadata.version('numpy')})"
    ),
    script="tests/corpus/scripts/pysot_srbf.py",
    record="POAP controller.fevals (EvalRecord.value per completed evaluation) and the best record",
    step_kind="global",
    series=series,
    notes=(
        f"{strategy.__class__.__name__} on {prob.__class__.__name__} (dim {prob.dim}), "
        f"{max_evals} evaluations. stdout (block-buffered under a pipe, so it lands after the "
        "log): the example's banner 'Number of threads: 1', 'Maximum number of evaluations: "
        f"{max_evals}', 'Strategy: …', 'Experimental design: SymmetricLatinHypercube', "
        "'Surrogate: …' (settings and counts), then 'Best value found: 0.53…' (the best "
        "record's value, full precision: series 'Best value found') and 'Best solution found: "
        "[ 0.1 -0.2 …]' (the point, not a metric). stderr: logging's default format, "
        "'INFO:pySOT.strategy.surrogate_strategy:=== Start ===' and per completed evaluation "
        "'INFO:pySOT.strategy.surrogate_strategy:12 3.456e+00 @ [ 0.17 -2.3 …]': the evaluation "
        "count (step), the objective value with no name printed (truth 'value', '{:.3e}'), "
        "then '@' and the evaluated point (parameters, not metrics; numpy's array_str with "
        "precision=5)."
        + " SRBF also logs 'INFO:pySOT.strategy.srbf_strategy:Reducing sampling radius'."
    ),
)
