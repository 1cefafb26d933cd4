"""jaxopt solvers run with verbose=True on a small synthetic regression, as a user calls them:
`params, state = solver.run(init, ...)`; jaxopt then prints one line per iteration through
jax.debug.print:

  lbfgs     LBFGS on an l2-penalised logistic regression:
            'INFO: jaxopt.LBFGS: Iter: 3 Gradient Norm (stopping criterion): 0.036 Objective
            Value:0.0056  Stepsize:1.0  Number Linesearch Iterations:1 '
  gd        GradientDescent on a least-squares regression:
            'INFO: jaxopt.GradientDescent: Iter: 3 Distance btw Iterates (stopping criterion):
            0.38 Stepsize:2.0 '
  proxgrad  ProximalGradient (prox_lasso) on a lasso regression, same line shape.

After the run the script prints what a user looks at: the final objective and the number of
iterations (state.iter_num).

Versions: jaxopt 0.8.5, jax 0.10.2 (CPU), numpy 2.4.6, Python 3.11 (venv corpus-zE-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_jaxopt_lbfgs -- python tests/corpus/scripts/jaxopt_verbose.py lbfgs
    python tests/corpus/scripts/capture.py pipe real_jaxopt_gd -- python tests/corpus/scripts/jaxopt_verbose.py gd
    python tests/corpus/scripts/capture.py pipe real_jaxopt_proxgrad -- python tests/corpus/scripts/jaxopt_verbose.py proxgrad
(no colours, no bars: no pty twin.)
Truth: jaxopt keeps no history; the solver's own values are taken where it prints them: the
instance's log_info (the method that prints each line) is wrapped so that the very arrays it
hands to jax.debug.print (state.iter_num, state.error and its additional_info) are also sent to
a host callback, in order. What is printed is unchanged.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import jax
import jax.numpy as jnp
import jaxopt
import numpy as np
from jaxopt.prox import prox_lasso

which = sys.argv[1] if len(sys.argv) > 1 else "lbfgs"
rng = np.random.default_rng(0)
n, d = 300, 12
X = (rng.normal(size=(n, d)) * np.geomspace(0.2, 5.0, d)).astype(np.float32)
w_true = rng.normal(size=d).astype(np.float32) * (rng.uniform(size=d) > 0.4)
y_reg = (X @ w_true + 0.3 * rng.normal(size=n)).astype(np.float32)
y_cls = (X @ w_true + 0.8 * rng.normal(size=n) > 0).astype(np.float32)

record: list[tuple] = []


def recording(solver):
    """Wrap solver.log_info: the same call, plus a host callback with the same values."""
    original = solver.log_info

    def log_info(state, error_name="Error", additional_info={}):  # noqa: B006
        original(state, error_name=error_name, additional_info=additional_info)
        names = list(additional_info)

        def keep(it, err, *vals):
            record.append(
                (int(it), error_name, float(err), dict(zip(names, map(float, vals), strict=True)))
            )

        jax.debug.callback(
            keep, state.iter_num, state.error, *additional_info.values(), ordered=True
        )

    object.__setattr__(solver, "log_info", log_info)
    return solver


if which == "lbfgs":

    def objective(w, X, y):
        logits = X @ w
        return jnp.mean(jnp.logaddexp(0.0, logits) - y * logits) + 0.01 * jnp.sum(w**2)

    solver = recording(jaxopt.LBFGS(fun=objective, maxiter=50, tol=1e-4, verbose=True))
    params, state = solver.run(jnp.zeros(d), X=X, y=y_cls)
    final = float(objective(params, X, y_cls))
    name = "LBFGS"
elif which == "gd":

    def objective(w, X, y):
        return 0.5 * jnp.mean((X @ w - y) ** 2)

    solver = recording(jaxopt.GradientDescent(fun=objective, maxiter=25, tol=1e-3, verbose=True))
    params, state = solver.run(jnp.zeros(d), X=X, y=y_reg)
    final = float(objective(params, X, y_reg))
    name = "GradientDescent"
else:

    def objective(w, data):
        X, y = data
        return 0.5 * jnp.mean((X @ w - y) ** 2)

    solver = recording(
        jaxopt.ProximalGradient(fun=objective, prox=prox_lasso, maxiter=25, tol=1e-3, verbose=True)
    )
    lam = 0.1
    params, state = solver.run(jnp.zeros(d), hyperparams_prox=lam, data=(X, y_reg))
    final = float(objective(params, (X, y_reg)) + lam * jnp.sum(jnp.abs(params)))
    name = "ProximalGradient"

jax.effects_barrier()
print(f"Final objective: {final:.6f} after {int(state.iter_num)} iterations")

series = _truth.Series()
for it, error_name, err, more in record:
    series.add(f"{error_name} (stopping criterion)", it, None, err)
    for key, v in more.items():
        if key == "Number Linesearch Iterations":
            continue  # a count of line-search trials, not a metric
        series.add(key, it, None, v)
series.add("Final objective", int(state.iter_num), None, final)

_truth.write(
    library=f"jaxopt {metadata.version('jaxopt')} (jax {jax.__version__}, CPU)",
    script="tests/corpus/scripts/jaxopt_verbose.py",
    record=(
        f"the values jaxopt.{name}.log_info hands to jax.debug.print each iteration (state.iter_num, "
        "state.error and its additional_info), copied to a host callback; the final objective "
        "the script computes from the solution"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        f"One line per iteration, 'INFO: jaxopt.{name}: Iter: N <error name> (stopping criterion): "
        "<value> <Name>:<value>  <Name>:<value> ' (a trailing space; values are the float32 "
        "arrays printed in full, e.g. 0.7791147232055664); step = Iter, the solver's state.iter_num "
        "after the update (1-based). 'Stepsize' is the step the line search (LBFGS) or the "
        "backtracking of the accelerated proximal gradient took this iteration, a per-iteration "
        "series. LBFGS' 'Number Linesearch Iterations:1' is a count of line-search trials of the "
        "iteration: not a metric, not in the series. The last line 'Final objective: 0.123456 "
        "after 7 iterations' is the script's: the objective (with the l1 term for the lasso) at "
        "the solution, step = the last iteration; 'after 7 iterations' is a count."
    ),
)
