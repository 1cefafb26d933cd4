"""GPJax: a conjugate GP regression fitted as the docs' regression example does it.

fit: gpx.fit(..., optim=optax.adam(0.01), num_iters=500) with its default verbose=True: GPJax's
    own tqdm bar ('Compiling...' then 'Running', postfix 'Value=133.04' every log_rate=10
    iterations, driven from inside the jitted lax.scan by jax.debug.callback).
scipy: gpx.fit_scipy(...) with verbose=True: SciPy's BFGS disp block ('Optimization terminated
    successfully.', 'Current function value: 60.268340', counts).

Versions: gpjax 1.0.0, jax 0.10.2, optax 0.2.8, tqdm 4.70.1, scipy 1.17.1, Python 3.11
(venv /work/venvs/corpus-zV-2: pip install gpjax blackjax).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_gpjax_fit -- python tests/corpus/scripts/gpjax_fit.py fit
    python tests/corpus/scripts/capture.py pty real_gpjax_fit_pty -- python tests/corpus/scripts/gpjax_fit.py fit
    python tests/corpus/scripts/capture.py pipe real_gpjax_fit_scipy -- python tests/corpus/scripts/gpjax_fit.py scipy
Truth: the `history` array fit() / fit_scipy() return (the objective at every iteration), full
precision; for the bar only the iterations whose value tqdm drew (a hook on tqdm's display notes
each drawn postfix).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import jax

jax.config.update("jax_enable_x64", True)

import gpjax as gpx  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import jax.random as jr  # noqa: E402
import optax as ox  # noqa: E402
import tqdm.std  # noqa: E402

variant = sys.argv[1] if len(sys.argv) > 1 else "fit"

drawn = []  # (n, postfix) of each state the bar drew
display = tqdm.std.tqdm.display


def noting(self, *args, **kwargs):
    drawn.append((self.n, self.postfix))
    return display(self, *args, **kwargs)


tqdm.std.tqdm.display = noting

key = jr.key(123)
n = 100
x = jr.uniform(key, (n, 1), minval=-3.0, maxval=3.0)


def f(x):
    return jnp.sin(4 * x) + jnp.cos(2 * x)


y = f(x) + jr.normal(jr.key(1), (n, 1)) * 0.3
D = gpx.Dataset(X=x, y=y)

kernel = gpx.kernels.RBF()
meanf = gpx.mean_functions.Zero()
prior = gpx.gps.Prior(mean_function=meanf, kernel=kernel)
likelihood = gpx.likelihoods.Gaussian()
posterior = prior * likelihood


def nmll(p, d):
    return -gpx.objectives.conjugate_mll(p, d)


series = _truth.Series()
LIB = (
    f"gpjax {metadata.version('gpjax')} (jax {jax.__version__}, optax {metadata.version('optax')}, "
    f"tqdm {metadata.version('tqdm')}, scipy {metadata.version('scipy')})"
)
if variant == "fit":
    log_rate = 10
    opt_posterior, history = gpx.fit(
        model=posterior,
        objective=nmll,
        train_data=D,
        optim=ox.adam(learning_rate=0.01),
        num_iters=500,
        key=jr.key(0),
    )
    last = None
    for n_drawn, postfix in drawn:
        if not postfix or postfix == last:
            continue  # no value yet, or a redraw of the value already shown
        last = postfix
        # set_postfix follows update(log_rate) at iteration i: the bar stands at i + log_rate
        it = n_drawn - log_rate
        assert postfix == f"Value={float(history[it]):.2f}", (postfix, it)
        series.add("Value", it, None, float(history[it]))
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/gpjax_fit.py",
        record="the history array gpx.fit returns (negative marginal log-likelihood per iteration)",
        step_kind="global",
        series=series,
        extra_ok=["it/s or s/it of the bar (throughput)"],
        not_printed=["history values of the iterations between the bar's updates"],
        notes=(
            "One tqdm bar on stderr: '  0%|          | 0/500 [00:00<?, ?it/s]', then "
            "'Compiling...:   0%|…| 0/500' while JAX traces, then 'Running:   2%|▏         | "
            "10/500 [00:01<01:17,  6.35it/s]' and, every 10 iterations, the same with the "
            "postfix ', Value=133.04' (the objective, the negative marginal log-likelihood, 2 "
            "decimals). The bar is updated by 10 before the value is set, so the value of "
            "iteration i (0-based, history[i]) is first drawn at position i+10 and may be "
            "redrawn at i+20 by the next update: truth step = the iteration i of the value, one "
            "point per change of the drawn value (a value that prints the same as the one before "
            "is a redraw). The bar closes at 500/500 with the last value (iteration 490)."
        ),
    )
else:
    opt_posterior, history = gpx.fit_scipy(model=posterior, objective=nmll, train_data=D)
    final = len(history) - 1
    series.add("Current function value", final, None, float(history[-1]))
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/gpjax_fit.py",
        record="the history array gpx.fit_scipy returns (objective at the start and each iteration)",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=["history of the BFGS iterations (only the final value is printed)"],
        notes=(
            "fit_scipy(verbose=True) passes disp=True to scipy.optimize.minimize (BFGS): "
            "'Optimization terminated successfully.', then indented 'Current function value: "
            "60.268340' (the final negative marginal log-likelihood, 6 decimals: truth = the "
            "last entry of the returned history, step = the iteration count), 'Iterations: 15', "
            "'Function evaluations: 22', 'Gradient evaluations: 22' (counts, not metrics)."
        ),
    )
