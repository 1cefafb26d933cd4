"""GPflow, as its notebooks fit models: a GPR's hyper-parameters with
gpflow.optimizers.Scipy().minimize(model.training_loss, ..., options=dict(disp=True)) and the
returned OptimizeResult printed (print(opt_logs)); an SVGP on minibatches with tf.optimizers.Adam
in a loop that prints the ELBO every 50 steps (the notebooks' run_adam with a print).

Versions: gpflow 2.11.2, tensorflow 2.21.0 (CPU, tf-keras 2.21.0), tensorflow-probability 0.25.0,
scipy 1.17.1, numpy 1.26.4, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zG-1):
    python tests/corpus/scripts/capture.py pipe real_gpflow_gpr_scipy -- python tests/corpus/scripts/gpflow_fit.py gpr
    python tests/corpus/scripts/capture.py pipe real_gpflow_svgp_adam -- python tests/corpus/scripts/gpflow_fit.py svgp
(No bars or colours: no pty entries. SciPy 1.17's L-BFGS-B ignores disp=True (deprecated, no
per-iteration lines any more); TensorFlow's own absl start-up lines come first on stderr.
gpflow.utilities.print_summary(model) is NOT called: it renders its table with tabulate, a
held-out library of this corpus.)
Truth: gpr: the OptimizeResult GPflow returns (fun); svgp: the ELBO the loop computed
(-model.training_loss(full data), as the notebooks' run_adam logs it), kept as printed.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
# GPflow 2.11 with TensorFlow 2.16+: tf.optimizers must be tf-keras (Keras 2), as its docs say
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")

import _truth
import gpflow
import numpy as np
import tensorflow as tf

which = sys.argv[1]
series = _truth.Series()
LIB = (
    f"gpflow {gpflow.__version__} (tensorflow {tf.__version__}, tensorflow-probability "
    f"{metadata.version('tensorflow-probability')}, scipy {metadata.version('scipy')}, numpy "
    f"{np.__version__})"
)
SCRIPT = "tests/corpus/scripts/gpflow_fit.py"
TF_NOTE = (
    "TensorFlow first writes its absl lines to stderr, 'I0000 00:00:1796635341.202702   21927 "
    "port.cc:153] oneDNN custom operations are on...', 'cudart_stub.cc:31] Could not find cuda "
    "drivers...', 'E0000 ... cuda_platform.cc:52] failed call to cuInit: INTERNAL: CUDA error: "
    "Failed call to cuInit: UNKNOWN ERROR (303)' (timestamps, thread ids, source lines, an error "
    "code: no metric). "
)

tf.random.set_seed(0)
rng = np.random.default_rng(0)

if which == "gpr":
    X = rng.uniform(0, 10, (80, 1))
    Y = np.sin(X) + 0.3 * np.cos(2.7 * X) + 0.2 * rng.normal(size=X.shape)
    model = gpflow.models.GPR((X, Y), kernel=gpflow.kernels.SquaredExponential())
    opt = gpflow.optimizers.Scipy()
    opt_logs = opt.minimize(
        model.training_loss, model.trainable_variables, options=dict(disp=True, maxiter=100)
    )
    print(opt_logs)
    series.add("fun", int(opt_logs.nit), None, float(opt_logs.fun))
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the scipy OptimizeResult gpflow.optimizers.Scipy().minimize returns (fun, nit)",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            TF_NOTE
            + "Then print(opt_logs), scipy's OptimizeResult: '  message: CONVERGENCE: NORM OF "
            "PROJECTED GRADIENT <= PGTOL', '  success: True', '   status: 0' (a code), '      "
            "fun: 67.123' (the final training loss, the negative log marginal likelihood: the "
            "one metric, at step nit), '        x: [ 1.161e+00 -4.605e-01 -3.327e+00]' (the "
            "fitted unconstrained hyper-parameters: estimates), '      nit: 10', '      jac: "
            "[ 1.590e-07 ...]' (the gradient at the optimum, not a metric), '     nfev: 16', '"
            "     njev: 16' (counts), ' hess_inv: <3x3 LbfgsInvHessProduct with dtype=float64>'."
            " disp=True prints nothing with SciPy 1.17 (its L-BFGS-B dropped the Fortran "
            "per-iteration report)."
        ),
    )

elif which == "svgp":
    N = 2000
    X = rng.uniform(-3, 3, (N, 1))
    Y = np.sin(3 * X) + 0.5 * np.cos(7 * X) + 0.2 * rng.normal(size=X.shape)
    Z = np.linspace(-3, 3, 20)[:, None]
    model = gpflow.models.SVGP(
        gpflow.kernels.SquaredExponential(), gpflow.likelihoods.Gaussian(), Z, num_data=N
    )
    gpflow.set_trainable(model.inducing_variable, False)
    dataset = tf.data.Dataset.from_tensor_slices((X, Y)).repeat().shuffle(N, seed=0)
    train_iter = iter(dataset.batch(100))
    training_loss = model.training_loss_closure(train_iter, compile=True)
    optimizer = tf.optimizers.Adam(0.01)

    @tf.function
    def optimization_step():
        optimizer.minimize(training_loss, model.trainable_variables)

    printed = []
    for step in range(401):
        optimization_step()
        if step % 50 == 0:
            elbo = -model.training_loss((X, Y)).numpy()
            print(f"Step {step}: ELBO = {elbo:.4f}")
            printed.append((step, float(elbo)))
    for step, elbo in printed:
        series.add("ELBO", step, None, elbo)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "the loop's elbo = -model.training_loss((X, Y)) on the full data (as the notebooks' "
            "run_adam logs it into logf), kept as printed; GPflow keeps no history"
        ),
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            TF_NOTE
            + "Then 'Step 0: ELBO = -2912.3456' every 50 Adam steps (0-based step as the loop "
            "counts it, after that step's update), minibatches of 100 of 2000 points."
        ),
    )
