"""TensorFlow Probability, as its tutorials print a fit: tfp.vi.fit_surrogate_posterior on a
Bayesian linear regression with a trace_fn that tf.print's the step and loss every 50 steps
(the traced losses returned); tfp.optimizer.lbfgs_minimize on a GP's negative log marginal
likelihood, its results printed as the 'Optimizers in TFP' notebook does ('L-BFGS Results',
'Converged:', 'Location of the minimum:', 'Number of iterations:', plus the objective value).

Versions: tensorflow-probability 0.25.0, tensorflow 2.21.0 (CPU, tf-keras 2.21.0), numpy 1.26.4,
Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zG-1):
    python tests/corpus/scripts/capture.py pipe real_tfp_vi_trace -- python tests/corpus/scripts/tfp_fit.py vi
    python tests/corpus/scripts/capture.py pipe real_tfp_lbfgs_results -- python tests/corpus/scripts/tfp_fit.py lbfgs
(No bars or colours: no pty entries.)
Truth: vi: the trace fit_surrogate_posterior returns (the loss, the negative ELBO, at every step;
only the printed steps kept); lbfgs: the LBfgsOptimizerResults objective_value.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")

import _truth
import numpy as np
import tensorflow as tf
import tensorflow_probability as tfp

tfd = tfp.distributions
tfb = tfp.bijectors
which = sys.argv[1]
series = _truth.Series()
LIB = f"tensorflow-probability {tfp.__version__} (tensorflow {tf.__version__}, numpy {np.__version__})"
SCRIPT = "tests/corpus/scripts/tfp_fit.py"
TF_NOTE = (
    "TensorFlow first writes its absl lines to stderr ('I0000 00:00:1796635341.202702   21927 "
    "port.cc:153] oneDNN custom operations are on...', 'E0000 ... cuda_platform.cc:52] failed "
    "call to cuInit: ... UNKNOWN ERROR (303)': timestamps, thread ids, source lines, an error "
    "code; no metric). "
)
tf.random.set_seed(0)
rng = np.random.default_rng(0)

if which == "vi":
    x = rng.normal(size=(100, 3)).astype(np.float32)
    y = (x @ np.array([1.5, -2.0, 0.5], np.float32) + 0.3 + 0.5 * rng.normal(size=100)).astype(
        np.float32
    )

    @tfd.JointDistributionCoroutineAutoBatched
    def model():
        w = yield tfd.Normal(tf.zeros(3), 1.0, name="w")
        b = yield tfd.Normal(0.0, 1.0, name="b")
        sigma = yield tfd.HalfNormal(1.0, name="sigma")
        yield tfd.Normal(tf.linalg.matvec(x, w) + b, sigma, name="y")

    target_log_prob_fn = lambda w, b, sigma: model.log_prob((w, b, sigma, y))  # noqa: E731
    surrogate_posterior = tfp.experimental.vi.build_factored_surrogate_posterior(
        event_shape=model.event_shape_tensor()[:-1],
        bijector=[tfb.Identity(), tfb.Identity(), tfb.Softplus()],
    )

    def trace_fn(traceable_quantities):
        step = traceable_quantities.step
        loss = traceable_quantities.loss
        tf.cond(
            step % 50 == 0,
            lambda: tf.print("step:", step, "loss:", loss),
            lambda: tf.no_op(),
        )
        return loss

    losses = tfp.vi.fit_surrogate_posterior(
        target_log_prob_fn,
        surrogate_posterior,
        optimizer=tf.optimizers.Adam(learning_rate=0.05),
        num_steps=301,
        trace_fn=trace_fn,
        seed=(0, 1),
    )
    w_mean = tf.reduce_mean(surrogate_posterior.sample(1000, seed=(2, 3))[0], axis=0).numpy()
    print("posterior mean of w:", w_mean)
    for step, loss in enumerate(losses.numpy()):
        if step % 50 == 0:
            series.add("loss", step, None, float(loss))
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the trace tfp.vi.fit_surrogate_posterior returns (trace_fn's loss at every step)",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            TF_NOTE
            + "trace_fn tf.print's 'step: 0 loss: 412.345' every 50 steps (tf.print writes to "
            "stderr, 6 significant digits; step 0 is printed twice, the same value: tfp.math.minimize runs its first step once before its loop to shape the trace; 0-based step as traceable_quantities counts it; loss "
            "= the negative ELBO estimate of that step), then 'posterior mean of w: [ 1.49 -2.01 "
            " 0.52]' (the fitted weights: estimates, no metric)."
        ),
    )

elif which == "lbfgs":
    X = rng.uniform(0, 10, (60, 1))
    Y = (np.sin(X[:, 0]) + 0.2 * rng.normal(size=60)).astype(np.float64)

    def nll(log_params):
        amplitude, length_scale, noise = tf.unstack(tf.exp(log_params))
        kernel = tfp.math.psd_kernels.ExponentiatedQuadratic(amplitude, length_scale)
        gp = tfd.GaussianProcess(kernel, X, observation_noise_variance=noise)
        return -gp.log_prob(Y)

    @tf.function
    def value_and_gradient(p):
        return tfp.math.value_and_gradient(nll, p)

    start = tf.constant([0.0, 0.0, 0.0], dtype=tf.float64)
    results = tfp.optimizer.lbfgs_minimize(
        value_and_gradient, initial_position=start, tolerance=1e-8
    )
    print("L-BFGS Results")
    print("Converged:", results.converged)
    print("Location of the minimum:", results.position)
    print("Number of iterations:", results.num_iterations)
    print("Objective value:", results.objective_value)
    series.add("Objective value", int(results.num_iterations), None, float(results.objective_value))
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="LBfgsOptimizerResults returned by tfp.optimizer.lbfgs_minimize (objective_value)",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            TF_NOTE + "Then 'L-BFGS Results', 'Converged: tf.Tensor(True, shape=(), dtype=bool)', "
            "'Location of the minimum: tf.Tensor([ 0.1 -0.4 -3.2], shape=(3,), dtype=float64)' "
            "(the fitted log hyper-parameters: estimates), 'Number of iterations: tf.Tensor(14, "
            "shape=(), dtype=int32)' (a count), 'Objective value: tf.Tensor(48.123, shape=(), "
            "dtype=float64)' (the final negative log marginal likelihood: the one metric, at step "
            "= the iteration count). Tensors print as tf.Tensor(VALUE, shape=..., dtype=...)."
        ),
    )
