"""Optimistix solvers with verbose=True, as a user calls them, then print(sol.value) and
print(sol.stats):

  lm    optx.least_squares with LevenbergMarquardt on an exponential-decay curve fit (3
        parameters): one line per step, 'Step: 3, Accepted steps: 3, Steps since acceptance: 0,
        Loss on this step: 0.0292..., Loss on the last accepted step: 0.0398..., Step size:
        42.875, y: [2.517 1.342 0.508], y on the last accepted step: [2.517 1.342 0.508]'
  bfgs  optx.minimise with BFGS on the 2-d Rosenbrock function: the same line without the
        step counters ('Loss on this step: 24.2, Loss on the last accepted step: 0.0, Step
        size: 1.0, y: [-1.2  1. ], y on the last accepted step: [-1.2  1. ]').

Versions: optimistix 0.1.0, equinox 0.13.8, lineax 0.1.1, jax 0.10.2 (CPU), numpy 2.4.6,
Python 3.11 (venv corpus-zE-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_optimistix_lm -- python tests/corpus/scripts/optimistix_verbose.py lm
    python tests/corpus/scripts/capture.py pipe real_optimistix_bfgs -- python tests/corpus/scripts/optimistix_verbose.py bfgs
(no colours, no bars: no pty twin.)
Truth: optimistix keeps no history of a solve. verbose=True makes the solver call
optimistix._misc._default_verbose(**kwargs) each step with (printed name, value) pairs; the
script replaces that module function, before the solver is built, by one that calls the
original (the printed text is unchanged) and also hands the same values to a host callback.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import jax
import jax.numpy as jnp
import numpy as np
import optimistix as optx
import optimistix._misc as optx_misc

which = sys.argv[1] if len(sys.argv) > 1 else "lm"
record: list[dict] = []
_original_verbose = optx_misc._default_verbose


def _recording_verbose(**kwargs):
    _original_verbose(**kwargs)
    names = [name for name, _ in kwargs.values()]
    values = [value for _, value in kwargs.values()]

    def keep(*vals):
        record.append(dict(zip(names, [np.asarray(v) for v in vals], strict=True)))

    jax.debug.callback(keep, *values, ordered=True)


optx_misc._default_verbose = _recording_verbose

rng = np.random.default_rng(0)
if which == "lm":
    t = np.linspace(0, 4, 40).astype(np.float32)
    y_obs = (2.5 * np.exp(-1.3 * t) + 0.5 + 0.05 * rng.normal(size=40)).astype(np.float32)

    def residuals(p, args):
        a, k, c = p
        return a * jnp.exp(-k * t) + c - y_obs

    solver = optx.LevenbergMarquardt(rtol=1e-6, atol=1e-6, verbose=True)
    sol = optx.least_squares(residuals, solver, jnp.array([1.0, 0.5, 0.0]), max_steps=50)
else:

    def rosenbrock(y, args):
        return jnp.sum(100 * (y[1:] - y[:-1] ** 2) ** 2 + (1 - y[:-1]) ** 2)

    solver = optx.BFGS(rtol=1e-5, atol=1e-5, verbose=True)
    sol = optx.minimise(rosenbrock, solver, jnp.array([-1.2, 1.0]), max_steps=100)
jax.effects_barrier()
print(sol.value)
print(sol.stats)

series = _truth.Series()
for i, rec in enumerate(record):
    step = int(rec["Step"]) if "Step" in rec else i  # BFGS prints no counter: its step number
    for name in ("Loss on this step", "Loss on the last accepted step", "Step size"):
        series.add(name, step, None, float(rec[name]))
assert len(record) == int(sol.stats["num_steps"])

solver_name = "LevenbergMarquardt" if which == "lm" else "BFGS"
_truth.write(
    library=(
        f"optimistix {metadata.version('optimistix')} (equinox {metadata.version('equinox')}, "
        f"jax {jax.__version__}, CPU)"
    ),
    script="tests/corpus/scripts/optimistix_verbose.py",
    record=(
        f"the (name, value) pairs optx.{solver_name}(verbose=True) passes to its verbose "
        "function each step, copied to a host callback (optimistix keeps no history)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "One line per solver step, 'Name: value' pairs joined by ', ' (jax.debug.print of float32 "
        "arrays: 0.581373393535614, 210482724864.0, 3.06218171317596e-05). "
        + (
            "LevenbergMarquardt starts each line with 'Step: N, Accepted steps: M, Steps since "
            "acceptance: K' (0-based step = the solver's num_steps; the other two are counts, not "
            "metrics); "
            if which == "lm"
            else "BFGS prints no step number: step = the 0-based index of the line, which is the "
            "solver's num_steps when it printed it; "
        )
        + "'Loss on this step' (the loss at the candidate point), 'Loss on the last accepted "
        "step' (0.0 at step 0: the solver's placeholder before any step is accepted, printed as "
        "such) and 'Step size' (trust-region / line-search step size) are the series; 'y: [...]' "
        "and 'y on the last accepted step: [...]' are the parameter vectors (numpy array print, "
        "e.g. '[2.5171483 1.3419477 0.5077705]'): estimates, not metrics. After the solve the "
        "script prints sol.value (the solution vector) and sol.stats, "
        "\"{'max_steps': 50, 'num_steps': Array(10, dtype=int32, weak_type=True)}\": a setting "
        "and a count, no metric."
    ),
)
