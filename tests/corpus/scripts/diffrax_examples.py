"""Three of diffrax's documented examples (docs/examples/*.ipynb), their training loops and
prints as written, made smaller (fewer steps, smaller data) and without the plots:

    --example neural_ode  neural_ode.ipynb: two phases (first 10% of each series, then all of
                          it), the step counter restarting at 0 in each phase:
                          'Step: 0, Loss: 0.15854649245738983, Computation time: 2.13...'
    --example neural_cde  neural_cde.ipynb: 'Step: 0, Loss: 2.52..., Accuracy: 0.5,
                          Computation time: 27.1...' every step, then 'Test loss: ...,
                          Test Accuracy: ...'
    --example kalman      kalman_filter.ipynb, main(n_gradient_steps=...): 'Initial Q:' / 'Initial R:'
                          matrices, 'Current MSE:  0.10384126' every 10th step (no step printed),
                          'Final Q:' / 'Final R:' matrices (the fitted noise covariances)

Truth: the values the examples' own jitted make_step / loss functions returned (the losses
diffrax/equinox computed, jax scalars), dumped at full precision with the loop's step. The
printed 'Computation time' is wall time per step (extra_ok); the Q/R matrices are the model's
fitted parameters, not metrics.

Versions: diffrax 0.7.2, equinox 0.13.8, optax 0.2.8, jax 0.10.2 (CPU), Python 3.11. Seeds
fixed (the examples' own); under a minute of CPU each (most of it XLA compiling).
Capture (repository root, venv /work/venvs/corpus-zAB-2 on PATH):
    python tests/corpus/scripts/capture.py pipe real_diffrax_neural_ode -- python tests/corpus/scripts/diffrax_examples.py --example neural_ode
    python tests/corpus/scripts/capture.py pipe real_diffrax_neural_cde -- python tests/corpus/scripts/diffrax_examples.py --example neural_cde
    python tests/corpus/scripts/capture.py pipe real_diffrax_kalman -- python tests/corpus/scripts/diffrax_examples.py --example kalman
(print() only, no bar or colour: no pty entries.)
"""

import argparse
import math
import os
import sys
import time
from importlib import metadata
from types import SimpleNamespace

import diffrax
import equinox as eqx
import jax
import jax.nn as jnn
import jax.numpy as jnp
import jax.random as jr
import jax.scipy as jsp
import jax.tree_util as jtu
import optax

sys.path.insert(0, os.path.dirname(__file__))

import _truth

ap = argparse.ArgumentParser()
ap.add_argument("--example", choices=["neural_ode", "neural_cde", "kalman"], required=True)
args = ap.parse_args()
series = _truth.Series()


def dataloader(arrays, batch_size, *, key):
    dataset_size = arrays[0].shape[0]
    assert all(array.shape[0] == dataset_size for array in arrays)
    indices = jnp.arange(dataset_size)
    while True:
        perm = jr.permutation(key, indices)
        (key,) = jr.split(key, 1)
        start = 0
        end = batch_size
        while end < dataset_size:
            batch_perm = perm[start:end]
            yield tuple(array[batch_perm] for array in arrays)
            start = end
            end = start + batch_size


# --- neural_ode.ipynb -------------------------------------------------------------------------
class ODEFunc(eqx.Module):
    out_scale: jax.Array
    mlp: eqx.nn.MLP

    def __init__(self, data_size, width_size, depth, *, key, **kwargs):
        super().__init__(**kwargs)
        self.out_scale = jnp.array(1.0)
        self.mlp = eqx.nn.MLP(
            in_size=data_size,
            out_size=data_size,
            width_size=width_size,
            depth=depth,
            activation=jnn.softplus,
            final_activation=jax.nn.tanh,
            key=key,
        )

    def __call__(self, t, y, args):
        return self.out_scale * self.mlp(y)


class NeuralODE(eqx.Module):
    func: ODEFunc

    def __init__(self, data_size, width_size, depth, *, key, **kwargs):
        super().__init__(**kwargs)
        self.func = ODEFunc(data_size, width_size, depth, key=key)

    def __call__(self, ts, y0):
        solution = diffrax.diffeqsolve(
            diffrax.ODETerm(self.func),
            diffrax.Tsit5(),
            t0=ts[0],
            t1=ts[-1],
            dt0=ts[1] - ts[0],
            y0=y0,
            stepsize_controller=diffrax.PIDController(rtol=1e-3, atol=1e-6),
            saveat=diffrax.SaveAt(ts=ts),
        )
        return solution.ys


def _get_ode_data(ts, *, key):
    y0 = jr.uniform(key, (2,), minval=-0.6, maxval=1)

    def f(t, y, args):
        x = y / (1 + y)
        return jnp.stack([x[1], -x[0]], axis=-1)

    sol = diffrax.diffeqsolve(
        diffrax.ODETerm(f), diffrax.Tsit5(), ts[0], ts[-1], 0.1, y0, saveat=diffrax.SaveAt(ts=ts)
    )
    return sol.ys


def neural_ode_main(
    dataset_size=64,
    batch_size=32,
    lr=3e-3,
    steps_strategy=(120, 120),
    length_strategy=(0.1, 1),
    width_size=32,
    depth=2,
    seed=5678,
    print_every=20,
):
    key = jr.PRNGKey(seed)
    data_key, model_key, loader_key = jr.split(key, 3)
    ts = jnp.linspace(0, 10, 100)
    ys = jax.vmap(lambda k: _get_ode_data(ts, key=k))(jr.split(data_key, dataset_size))
    _, length_size, data_size = ys.shape

    model = NeuralODE(data_size, width_size, depth, key=model_key)
    optim = optax.adabelief(lr)

    @eqx.filter_value_and_grad
    def grad_loss(model, ti, yi):
        y_pred = jax.vmap(model, in_axes=(None, 0))(ti, yi[:, 0])
        return jnp.mean((yi - y_pred) ** 2)

    @eqx.filter_jit
    def make_step(ti, yi, model, opt_state):
        loss, grads = grad_loss(model, ti, yi)
        updates, opt_state = optim.update(grads, opt_state)
        model = eqx.apply_updates(model, updates)
        return loss, model, opt_state

    done = 0  # steps of the earlier phases: the truth's global step
    for steps, length in zip(steps_strategy, length_strategy, strict=False):
        opt_state = optim.init(eqx.filter(model, eqx.is_inexact_array))
        _ts = ts[: int(length_size * length)]
        _ys = ys[:, : int(length_size * length)]
        for step, (yi,) in zip(
            range(steps), dataloader((_ys,), batch_size, key=loader_key), strict=False
        ):
            start = time.time()
            loss, model, opt_state = make_step(_ts, yi, model, opt_state)
            end = time.time()
            if (step % print_every) == 0 or step == steps - 1:
                print(f"Step: {step}, Loss: {loss}, Computation time: {end - start}")
                series.add("Loss", done + step, None, float(loss))
        done += steps


# --- neural_cde.ipynb -------------------------------------------------------------------------
class CDEFunc(eqx.Module):
    mlp: eqx.nn.MLP
    data_size: int
    hidden_size: int

    def __init__(self, data_size, hidden_size, width_size, depth, *, key, **kwargs):
        super().__init__(**kwargs)
        self.data_size = data_size
        self.hidden_size = hidden_size
        self.mlp = eqx.nn.MLP(
            in_size=hidden_size,
            out_size=hidden_size * data_size,
            width_size=width_size,
            depth=depth,
            activation=jnn.softplus,
            final_activation=jnn.tanh,
            key=key,
        )

    def __call__(self, t, y, args):
        return self.mlp(y).reshape(self.hidden_size, self.data_size)


class NeuralCDE(eqx.Module):
    initial: eqx.nn.MLP
    func: CDEFunc
    linear: eqx.nn.Linear

    def __init__(self, data_size, hidden_size, width_size, depth, *, key, **kwargs):
        super().__init__(**kwargs)
        ikey, fkey, lkey = jr.split(key, 3)
        self.initial = eqx.nn.MLP(data_size, hidden_size, width_size, depth, key=ikey)
        self.func = CDEFunc(data_size, hidden_size, width_size, depth, key=fkey)
        self.linear = eqx.nn.Linear(hidden_size, 1, key=lkey)

    def __call__(self, ts, coeffs):
        control = diffrax.CubicInterpolation(ts, coeffs)
        term = diffrax.ControlTerm(self.func, control).to_ode()
        y0 = self.initial(control.evaluate(ts[0]))
        solution = diffrax.diffeqsolve(
            term,
            diffrax.Tsit5(),
            ts[0],
            ts[-1],
            None,
            y0,
            stepsize_controller=diffrax.PIDController(rtol=1e-3, atol=1e-6),
            saveat=diffrax.SaveAt(t1=True),
        )
        (prediction,) = jnn.sigmoid(self.linear(solution.ys[-1]))
        return prediction


def get_cde_data(dataset_size, add_noise, *, key):
    theta_key, noise_key = jr.split(key, 2)
    length = 50
    theta = jr.uniform(theta_key, (dataset_size,), minval=0, maxval=2 * math.pi)
    y0 = jnp.stack([jnp.cos(theta), jnp.sin(theta)], axis=-1)
    ts = jnp.broadcast_to(jnp.linspace(0, 4 * math.pi, length), (dataset_size, length))
    matrix = jnp.array([[-0.3, 2], [-2, -0.3]])
    ys = jax.vmap(lambda y0i, ti: jax.vmap(lambda tij: jsp.linalg.expm(tij * matrix) @ y0i)(ti))(
        y0, ts
    )
    ys = jnp.concatenate([ts[:, :, None], ys], axis=-1)  # time is a channel
    ys = ys.at[: dataset_size // 2, :, 1].multiply(-1)
    if add_noise:
        ys = ys + jr.normal(noise_key, ys.shape) * 0.1
    coeffs = jax.vmap(diffrax.backward_hermite_coefficients)(ts, ys)
    labels = jnp.zeros((dataset_size,))
    labels = labels.at[: dataset_size // 2].set(1.0)
    _, _, data_size = ys.shape
    return ts, coeffs, labels, data_size


def neural_cde_main(
    dataset_size=128,
    add_noise=False,
    batch_size=32,
    lr=1e-2,
    steps=15,
    hidden_size=8,
    width_size=64,
    depth=1,
    seed=5678,
):
    key = jr.PRNGKey(seed)
    train_data_key, test_data_key, model_key, loader_key = jr.split(key, 4)
    ts, coeffs, labels, data_size = get_cde_data(dataset_size, add_noise, key=train_data_key)
    model = NeuralCDE(data_size, hidden_size, width_size, depth, key=model_key)

    @eqx.filter_jit
    def loss(model, ti, label_i, coeff_i):
        pred = jax.vmap(model)(ti, coeff_i)
        # Binary cross-entropy
        bxe = label_i * jnp.log(pred) + (1 - label_i) * jnp.log(1 - pred)
        bxe = -jnp.mean(bxe)
        acc = jnp.mean((pred > 0.5) == (label_i == 1))
        return bxe, acc

    grad_loss = eqx.filter_value_and_grad(loss, has_aux=True)

    @eqx.filter_jit
    def make_step(model, data_i, opt_state):
        ti, label_i, *coeff_i = data_i
        (bxe, acc), grads = grad_loss(model, ti, label_i, coeff_i)
        updates, opt_state = optim.update(grads, opt_state)
        model = eqx.apply_updates(model, updates)
        return bxe, acc, model, opt_state

    optim = optax.adam(lr)
    opt_state = optim.init(eqx.filter(model, eqx.is_inexact_array))
    for step, data_i in zip(
        range(steps), dataloader((ts, labels) + coeffs, batch_size, key=loader_key), strict=False
    ):
        start = time.time()
        bxe, acc, model, opt_state = make_step(model, data_i, opt_state)
        end = time.time()
        print(f"Step: {step}, Loss: {bxe}, Accuracy: {acc}, Computation time: {end - start}")
        series.add("Loss", step, None, float(bxe))
        series.add("Accuracy", step, None, float(acc))

    ts, coeffs, labels, _ = get_cde_data(dataset_size, add_noise, key=test_data_key)
    bxe, acc = loss(model, ts, labels, coeffs)
    print(f"Test loss: {bxe}, Test Accuracy: {acc}")
    series.add("Test loss", steps - 1, None, float(bxe))
    series.add("Test Accuracy", steps - 1, None, float(acc))


# --- kalman_filter.ipynb ----------------------------------------------------------------------
class LTISystem(eqx.Module):
    A: jnp.ndarray
    B: jnp.ndarray
    C: jnp.ndarray


def harmonic_oscillator(damping: float = 0.0, time_scaling: float = 1.0) -> LTISystem:
    A = jnp.array([[0.0, time_scaling], [-time_scaling, -2 * damping]])
    B = jnp.array([[0.0], [1.0]])
    C = jnp.array([[0.0, 1.0]])
    return LTISystem(A, B, C)


def interpolate_us(ts, us, B):
    if us is None:
        m = B.shape[-1]
        u_t = SimpleNamespace(evaluate=lambda t: jnp.zeros((m,)))
    else:
        u_t = diffrax.LinearInterpolation(ts=ts, ys=us)
    return u_t


def kf_diffeqsolve(rhs, ts, y0, solver=diffrax.Dopri5(), dt0=0.01):
    return diffrax.diffeqsolve(
        diffrax.ODETerm(rhs),
        solver=solver,
        stepsize_controller=diffrax.ConstantStepSize(),
        t0=ts[0],
        t1=ts[-1],
        y0=y0,
        dt0=dt0,
        saveat=diffrax.SaveAt(ts=ts),
    ).ys


def simulate_lti_system(sys_, y0, ts, us=None, std_measurement_noise=0.0, key=jr.PRNGKey(1)):
    u_t = interpolate_us(ts, us, sys_.B)

    def rhs(t, y, args):
        return sys_.A @ y + sys_.B @ u_t.evaluate(t)

    xs = kf_diffeqsolve(rhs, ts, y0)
    ys = xs @ sys_.C.transpose()
    ys = ys + jr.normal(key, shape=ys.shape) * std_measurement_noise
    return xs, ys


class KalmanFilter(eqx.Module):
    sys: LTISystem
    x0: jnp.ndarray
    P0: jnp.ndarray
    Q_root: jnp.ndarray
    R_root: jnp.ndarray

    def __call__(self, ts, ys, us=None):
        A, B, C = self.sys.A, self.sys.B, self.sys.C
        y_t = diffrax.LinearInterpolation(ts=ts, ys=ys)
        u_t = interpolate_us(ts, us, B)
        y0 = (self.x0, self.P0)

        def rhs(t, y, args):
            x, P = y
            R = self.R_root.T @ self.R_root
            K = P @ C.transpose() @ jnp.linalg.inv(R)
            Q = self.Q_root.T @ self.Q_root
            dPdt = A @ P + P @ A.transpose() + Q - P @ C.transpose() @ jnp.linalg.inv(R) @ C @ P
            dxdt = A @ x + B @ u_t.evaluate(t) + K @ (y_t.evaluate(t) - C @ x)
            return (dxdt, dPdt)

        return kf_diffeqsolve(rhs, ts, y0)[0]


def kalman_main(
    ts=jnp.arange(0, 5.0, 0.02),
    sys_true=harmonic_oscillator(0.3),
    sys_true_x0=jnp.array([1.0, 0.0]),
    sys_true_std_measurement_noise=1.0,
    sys_model=harmonic_oscillator(0.7),
    sys_model_x0=jnp.array([0.0, 0.0]),
    Q_root=jnp.diag(jnp.ones((2,))) * 0.1,
    R_root=jnp.diag(jnp.ones((1,))),
    P0=jnp.diag(jnp.ones((2,))) * 10.0,
    n_gradient_steps=0,
    print_every=10,
):
    xs, ys = simulate_lti_system(
        sys_true, sys_true_x0, ts, std_measurement_noise=sys_true_std_measurement_noise
    )
    kmf = KalmanFilter(sys_model, sys_model_x0, P0, Q_root, R_root)
    initial_Q = kmf.Q_root.T @ kmf.Q_root
    initial_R = kmf.R_root.T @ kmf.R_root
    print(f"Initial Q: \n{initial_Q}\n Initial R: \n{initial_R}")

    filter_spec = jtu.tree_map(lambda arr: False, kmf)
    filter_spec = eqx.tree_at(
        lambda tree: (tree.Q_root, tree.R_root), filter_spec, replace=(True, True)
    )
    opt = optax.adam(1e-2)
    # the notebook's opt.init(kmf) fails with optax 0.2.8 (the gradients hold None for the
    # fixed leaves: 'pytree structure error'); the optimizer state over the trained leaves only
    opt_state = opt.init(eqx.filter(kmf, filter_spec))

    @eqx.filter_value_and_grad
    def loss_fn(dynamic_kmf, static_kmf, ts, ys, xs):
        kmf = eqx.combine(dynamic_kmf, static_kmf)
        xhats = kmf(ts, ys)
        return jnp.mean((xs - xhats) ** 2)

    @eqx.filter_jit
    def make_step(kmf, opt_state, ts, ys, xs):
        dynamic_kmf, static_kmf = eqx.partition(kmf, filter_spec)
        value, grads = loss_fn(dynamic_kmf, static_kmf, ts, ys, xs)
        updates, opt_state = opt.update(grads, opt_state)
        kmf = eqx.apply_updates(kmf, updates)
        return value, kmf, opt_state

    for step in range(n_gradient_steps):
        value, kmf, opt_state = make_step(kmf, opt_state, ts, ys, xs)
        if step % print_every == 0:
            print("Current MSE: ", value)
            series.add("Current MSE", None, None, float(value))  # no step printed

    final_Q = kmf.Q_root.T @ kmf.Q_root
    final_R = kmf.R_root.T @ kmf.R_root
    print(f"Final Q: \n{final_Q}\n Final R: \n{final_R}")


lib = (
    f"diffrax {metadata.version('diffrax')} (equinox {metadata.version('equinox')}, optax "
    f"{metadata.version('optax')}, jax {jax.__version__})"
)
if args.example == "neural_ode":
    neural_ode_main()
    notes = (
        "diffrax's neural_ode example loop, 2 phases of 120 steps (the docs: 500 each), printed "
        "every 20th step and at each phase's last: 'Step: 0, Loss: 0.1585..., Computation time: "
        "2.13...' (Loss is a jax float32 scalar formatted by an f-string: the float's full "
        "repr; Computation time is the wall time of that step in seconds, the first one "
        "including XLA compilation). The printed Step restarts at 0 in the second phase (the "
        "loop's `for step, ... in zip(range(steps), ...)` per phase; the optimizer is "
        "re-initialised): the truth's step is the global count of make_step calls from 0 "
        "(second phase = 120 + printed Step). Nothing else is printed."
    )
    extra_ok = ["Computation time (seconds per step)"]
elif args.example == "neural_cde":
    neural_cde_main()
    notes = (
        "diffrax's neural_cde example (15 steps, 128 series of 50 points; the docs: 20 steps, "
        "256 x 100): every step 'Step: 0, Loss: 2.52..., Accuracy: 0.5, Computation time: "
        "27.1...' (binary cross-entropy and accuracy of that batch of 32; float32 scalars "
        "printed as the float's repr, accuracy a multiple of 1/32), then the test set's 'Test "
        "loss: ..., Test Accuracy: ...' once (at the last step in the truth)."
    )
    extra_ok = ["Computation time (seconds per step)"]
else:
    kalman_main(n_gradient_steps=0)
    kalman_main(n_gradient_steps=60)
    notes = (
        "diffrax's kalman_filter example, run as in its notebook: main(n_gradient_steps=0) "
        "(prints only the initial and final Q/R, identical) then main(n_gradient_steps=60) "
        "(the docs: 100; time grid 0.02 instead of 0.01; the optimizer state made over the "
        "trained leaves only, as optax 0.2.8 rejects the notebook's opt.init(kmf)). 'Initial Q: ' then the 2x2 matrix "
        "'[[0.01 0.  ]\\n [0.   0.01]]', ' Initial R: ' '[[1.]]', then every 10th gradient "
        "step 'Current MSE:  0.10384126' (print('Current MSE: ', value): the jax scalar's str, "
        "float32 digits; no step is printed: step null, the loop's steps were 0, 10, ..., 50), "
        "then "
        "'Final Q: ' / ' Final R: ' matrices: the fitted covariances (model parameters), not "
        "metrics."
    )
    extra_ok = []

_truth.write(
    library=lib,
    script="tests/corpus/scripts/diffrax_examples.py",
    record="the losses returned by the example's own jitted make_step/loss (jax scalars)",
    step_kind="global",
    series=series,
    extra_ok=extra_ok,
    not_printed=[],
    notes=notes,
)
