"""Emukit's Bayesian-optimisation loop as its tutorials run it: BayesianOptimizationLoop(space,
model, acquisition).run_loop(user_function, n) on emukit's own test functions, with Python
logging switched on the way a user does (logging.basicConfig) so emukit's outer loop logs
'INFO:emukit.core.loop.outer_loop:Iteration 3', and a user's iteration_end_event handler.

Variants:
    info   SimpleGaussianProcessModel (emukit's numpy GP) + ExpectedImprovement on Branin,
           logging at INFO, a handler printing 'iteration 3: y=12.345678 best=1.234567', then
           loop.get_results(): 'minimum value: …' and print(results.best_found_value_per_iteration)
           (a numpy array repr over several lines)
    debug  GPy GPRegression wrapped in GPyModelWrapper + NegativeLowerConfidenceBound on the
           six-hump camel, logging at DEBUG: emukit's 'Next suggested point(s): [[…]]' and
           'User function returned: [UserFunctionResult(X: […], Y: [-0.52…], extra_outputs: {})]'
           plus whatever GPy / paramz log at DEBUG

Versions: emukit 0.5.1, GPy, numpy, scipy (see the truth's "library"), Python 3.11.
Capture (repository root, venv with emukit and GPy):
    python tests/corpus/scripts/capture.py pipe real_emukit_info -- python tests/corpus/scripts/emukit_bo.py info
    python tests/corpus/scripts/capture.py pty real_emukit_info_pty -- python tests/corpus/scripts/emukit_bo.py info
    python tests/corpus/scripts/capture.py pipe real_emukit_debug -- python tests/corpus/scripts/emukit_bo.py debug
Truth: the loop's own LoopState (loop.loop_state.Y, every observation in order, the initial
design first) and BayesianOptimizationResults (minimum_value, best_found_value_per_iteration).
"""

import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from emukit.bayesian_optimization.loops import BayesianOptimizationLoop
from emukit.core.initial_designs import RandomDesign

variant = sys.argv[1] if len(sys.argv) > 1 else "info"
np.random.seed(42)
series = _truth.Series()
printed = []

if variant == "info":
    from emukit.bayesian_optimization.acquisitions import ExpectedImprovement
    from emukit.model_wrappers.simple_gp_model import SimpleGaussianProcessModel
    from emukit.test_functions import branin_function

    logging.basicConfig(level=logging.INFO)
    f, space = branin_function()
    X = RandomDesign(space).get_samples(5)
    Y = f(X)
    model = SimpleGaussianProcessModel(X, Y)
    acq = ExpectedImprovement(model)
    n_iter = 10
else:
    import GPy
    from emukit.bayesian_optimization.acquisitions import NegativeLowerConfidenceBound
    from emukit.model_wrappers import GPyModelWrapper
    from emukit.test_functions import sixhumpcamel_function

    logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    f, space = sixhumpcamel_function()
    X = RandomDesign(space).get_samples(4)
    Y = f(X)
    gpy_model = GPy.models.GPRegression(X, Y, GPy.kern.RBF(2, ARD=False))
    gpy_model.Gaussian_noise.variance.constrain_fixed(1e-6)
    model = GPyModelWrapper(gpy_model, n_restarts=1)
    acq = NegativeLowerConfidenceBound(model, beta=2.0)
    n_iter = 6

print(f"space: {[p.name for p in space.parameters]}  initial points: {len(X)}  iterations: {n_iter}")
loop = BayesianOptimizationLoop(space=space, model=model, acquisition=acq)


def report(loop_, loop_state):
    if variant == "info":
        y = loop_state.Y
        print(f"iteration {loop_state.iteration}: y={y[-1, 0]:.6f} best={y.min():.6f}")
    printed.append((loop_state.iteration, float(loop_state.Y[-1, 0]), float(loop_state.Y.min())))


loop.iteration_end_event.append(report)
loop.run_loop(f, n_iter)
results = loop.get_results()
ys = loop.loop_state.Y[:, 0]
n0 = len(X)
if variant == "info":
    print("minimum location:", results.minimum_location)
    print("minimum value:", results.minimum_value)
    print("best found value per iteration:")
    print(results.best_found_value_per_iteration)
    for it, y_last, y_min in printed:
        assert y_last == float(ys[n0 + it - 1]) and y_min == float(ys[: n0 + it].min())
        series.add("y", it, None, float(ys[n0 + it - 1]))
        series.add("best", it, None, float(ys[: n0 + it].min()))
    series.add("minimum value", n_iter, None, float(results.minimum_value))
    for i, v in enumerate(results.best_found_value_per_iteration):
        series.add("best found value per iteration", i, None, float(v))
    notes = (
        "emukit's INFO log 'INFO:emukit.core.loop.outer_loop:Starting outer loop' / "
        "'…:Iteration 3' / 'Finished outer loop' on stderr; the handler's 'iteration 3: "
        "y=12.345678 best=1.234567' on stdout (step = the loop iteration); 'minimum location: "
        "[x y]' (coordinates, not metrics), 'minimum value: 0.41…' and the numpy repr of "
        "best_found_value_per_iteration (one value per OBSERVATION, the initial design included: "
        "step = its index, 0-based) wrapped over several lines. Piped, stdout is block-buffered "
        "so the handler's lines come after all of stderr's log lines."
    )
else:
    print("minimum value:", results.minimum_value)
    for i in range(n_iter):
        series.add("Y", i, None, float(ys[n0 + i]))  # emukit logs Iteration 0, 1, …
    series.add("minimum value", n_iter, None, float(results.minimum_value))
    notes = (
        "logging at DEBUG with asctime: emukit's 'Iteration 3', 'Next suggested point(s): "
        "[[x y]]' (coordinates) and 'User function returned: [UserFunctionResult(X: [x y], "
        "Y: [-0.53…], extra_outputs: {})]' (series 'Y', step = emukit's 'Iteration k' number logged before it, 0-based); GPy's own "
        "'INFO GP: initializing Y' lines first; the X of the result is 1-d, 'Y: [0.0125929]'; "
        "'minimum value: …' at the end."
    )

_truth.write(
    library=(
        f"emukit {metadata.version('emukit')} (numpy {np.__version__}, scipy "
        f"{metadata.version('scipy')}"
        + (f", GPy {metadata.version('GPy')}" if variant == "debug" else "")
        + ")"
    ),
    script="tests/corpus/scripts/emukit_bo.py",
    record="loop.loop_state.Y and loop.get_results() (BayesianOptimizationResults)",
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=["the initial design's Y values (only inside best_found_value_per_iteration)"],
    notes=notes,
)
