"""trieste (Secondmind's TensorFlow BO) as its tutorials run it, on the scaled Branin / Hartmann-3
test functions trieste ships (trieste.objectives), with a GPflow GPR built by build_gpr.

Variants:
    optimizer  BayesianOptimizer(observer, search_space).optimize(num_steps, initial_data, model)
               with absl logging at INFO so trieste's own 'Optimization completed without
               errors' shows, then the tutorial's prints of result.try_get_optimal_point():
               'query point: […]', 'observation: […]', and a user summary per step read from
               the final dataset
    asktell    AskTellOptimizer loop on Hartmann-3, a user's line per step
               'Step  3 | observation -0.2345 | best so far -1.8765'

Versions: trieste 4.6.1, gpflow 2.11.2, tensorflow 2.18.1 (CPU), tensorflow-probability 0.25.0,
numpy 1.26.4, Python 3.11.
Capture (repository root, venv with trieste):
    python tests/corpus/scripts/capture.py pipe real_trieste_optimizer -- python tests/corpus/scripts/trieste_bo.py optimizer
    python tests/corpus/scripts/capture.py pipe real_trieste_asktell -- python tests/corpus/scripts/trieste_bo.py asktell
Truth: trieste's own datasets: result.try_get_final_dataset().observations / ask_tell.dataset
.observations (every observation in order, initial design first), float64.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import absl.logging
import numpy as np
import tensorflow as tf
import trieste
from trieste.models.gpflow import GaussianProcessRegression, build_gpr
from trieste.objectives import Hartmann3, ScaledBranin
from trieste.objectives.utils import mk_observer

variant = sys.argv[1] if len(sys.argv) > 1 else "optimizer"
np.random.seed(1793)
tf.random.set_seed(1793)
series = _truth.Series()

if variant == "optimizer":
    absl.logging.set_verbosity(absl.logging.INFO)
    problem = ScaledBranin
    n_init, n_steps = 5, 6
else:
    problem = Hartmann3
    n_init, n_steps = 6, 6

search_space = problem.search_space
observer = mk_observer(problem.objective)
initial_data = observer(search_space.sample_sobol(n_init))
gpr = build_gpr(initial_data, search_space, likelihood_variance=1e-7)
model = GaussianProcessRegression(gpr, num_kernel_samples=20)
print(f"{problem.name}: {n_init} initial points, {n_steps} steps, minimum {problem.minimum.numpy()[0]:.5f}")

if variant == "optimizer":
    bo = trieste.bayesian_optimizer.BayesianOptimizer(observer, search_space)
    result = bo.optimize(n_steps, initial_data, model)
    dataset = result.try_get_final_dataset()
    query_point, observation, arg_min_idx = result.try_get_optimal_point()
    print(f"query point: {query_point}")
    print(f"observation: {observation}")
    obs = dataset.observations.numpy()[:, 0]
    for k in range(n_steps):
        n = n_init + k + 1
        print(f"step {k + 1:2d}: observed {obs[n - 1]: .6f}  best {obs[:n].min(): .6f}")
    series.add("observation", None, None, float(observation.numpy()[0]))
    for k in range(n_steps):
        n = n_init + k + 1
        series.add("observed", k + 1, None, float(obs[n - 1]))
        series.add("best", k + 1, None, float(obs[:n].min()))
    assert float(observation.numpy()[0]) == float(obs.min())
    record = "result.try_get_final_dataset().observations; result.try_get_optimal_point()"
    notes = (
        "TensorFlow's start-up lines on stderr; trieste's 'Optimization completed without "
        "errors' through tf.print to absl INFO, shown as TensorFlow's C++ log line '2026-12-07 21:13:54.456098: I tensorflow/core/kernels/logging_ops.cc:171] Optimization completed without errors'; 'query point: "
        "[0.52 0.12]' (coordinates, not metrics); 'observation: [-1.035…]' (the best "
        "observation as a numpy 1-d array repr); then the script's per-step summary 'step  3: "
        "observed -0.123456  best -0.987654' (step = the BO step; the initial Sobol design is "
        "not printed). The header carries the test function's KNOWN minimum (a constant)."
    )
else:
    ask_tell = trieste.ask_tell_optimization.AskTellOptimizer(search_space, initial_data, model)
    for step in range(1, n_steps + 1):
        new_point = ask_tell.ask()
        new_data = observer(new_point)
        ask_tell.tell(new_data)
        ds = ask_tell.dataset
        print(f"Step {step:2d} | observation {new_data.observations.numpy()[0, 0]:.4f} | "
              f"best so far {tf.reduce_min(ds.observations).numpy():.4f}")
    obs = ask_tell.dataset.observations.numpy()[:, 0]
    for k in range(n_steps):
        n = n_init + k + 1
        series.add("observation", k + 1, None, float(obs[n - 1]))
        series.add("best so far", k + 1, None, float(obs[:n].min()))
    print("final dataset:", ask_tell.dataset.query_points.shape[0], "points; best", obs.min())
    series.add("best", n_steps, None, float(obs.min()))
    record = "ask_tell.dataset.observations (trieste's dataset after the loop)"
    notes = (
        "TensorFlow's start-up lines on stderr; one line per ask/tell step 'Step  3 | "
        "observation -0.2345 | best so far -1.8765' (4 decimals; step = the loop step), then "
        "'final dataset: 12 points; best -3.7…' (a count, then the best at full precision)."
    )

_truth.write(
    library=(
        f"trieste {metadata.version('trieste')} (gpflow {metadata.version('gpflow')}, "
        f"tensorflow {tf.__version__}, tensorflow-probability "
        f"{metadata.version('tensorflow-probability')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/trieste_bo.py",
    record=record,
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=["the initial design's observations"],
    notes=notes,
)
