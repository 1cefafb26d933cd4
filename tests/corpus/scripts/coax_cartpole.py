"""coax's CartPole examples (doc/examples/cartpole/dqn.py and a2c.py) with their TrainMonitor logging.

The examples are run as the documentation shows them (gymnasium CartPole-v0 wrapped in
coax.wrappers.TrainMonitor(env, name=..., tensorboard_dir=...), one log record per finished
episode), with the episode loop cut short (--episodes; the examples run up to 1000 episodes or
until avg_G passes the reward threshold) and without the closing coax.utils.generate_gif (it
renders a GIF). The TensorBoard folder goes to a temporary directory; seeds: one
env.env.reset(seed=0) before the loop and the function approximators' random_seed=0 (the examples leave them unset).

What the console shows: per finished episode a logging record on stderr in Python's default
format (coax's own basicConfig format '[dqn|TrainMonitor|INFO] …' does not apply: the root logger
already has a handler by the time TrainMonitor calls logging.basicConfig), 'INFO:TrainMonitor:ep: 12,\\tT: 233,\\tG: 19,\\tavg_r: 1,\\tavg_G: 18.7,\\tt: 19,\\tdt: 4.127ms,\\t
QLearning/loss: 0.0815' (tab-separated 'name: value' pairs, each value '.3g'-formatted; T with a
thousands comma past 999; dt in ms with a unit; the learners' loss/entropy metrics averaged over the
episode appear once learning has started; a2c: 'SimpleTD/loss', 'VanillaPG/loss'), a glfw
warning about DISPLAY (dm-control imports it) and gymnasium's CartPole-v0 deprecation warning first.

Truth: TrainMonitor's own state read where it formats that line (a wrapper around
_write_episode_logs, before it runs): G (episode return), avg_r (return per step), avg_G (smoothed
return), t (episode length: TrainMonitor's TensorBoard record keeps it as 'episode/steps'), and
get_metrics() (the episode averages of the recorded metrics, as its TensorBoard record keeps them).
ep (episode count) and T (global step) are the step, not series; dt is timing (extra_ok).

Versions: coax 0.1.13, jax 0.4.23 (coax imports jax.lib.xla_bridge, gone from later jax), dm-haiku
0.0.12, optax 0.1.9, gymnasium 1.4.0, numpy 1.26.4, Python 3.11 (venv corpus-zAJ-4).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_coax_dqn -- python tests/corpus/scripts/coax_cartpole.py dqn --episodes 70
    python tests/corpus/scripts/capture.py pipe real_coax_a2c -- python tests/corpus/scripts/coax_cartpole.py a2c --episodes 70
"""

import argparse
import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import coax  # noqa: E402
import gymnasium  # noqa: E402
import haiku as hk  # noqa: E402
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402
from coax.value_losses import mse  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("example", choices=["dqn", "a2c"])
parser.add_argument("--episodes", type=int, default=40)
args = parser.parse_args()

series = _truth.Series()
_write = coax.wrappers.TrainMonitor._write_episode_logs


def write_episode_logs(self):
    # what the log line is about to format, at full precision (ep and T: the step)
    step = self.T
    series.add("G", step, None, self.G)
    series.add("avg_r", step, None, self.avg_r)
    series.add("avg_G", step, None, self.avg_G)
    series.add("t", step, None, self.t)
    for k, v in self.get_metrics().items():
        if (
            self.log_all_metrics
            or k.endswith(("/loss", "/entropy", "/kl_div"))
            or k.startswith("throughput/")
        ):
            series.add(k, step, None, v)
    return _write(self)


coax.wrappers.TrainMonitor._write_episode_logs = write_episode_logs
tbdir = tempfile.mkdtemp(prefix="coax_tb_")

# the name of this script
name = args.example

# the cart-pole MDP
env = gymnasium.make("CartPole-v0", render_mode="rgb_array")
env = coax.wrappers.TrainMonitor(env, name=name, tensorboard_dir=f"{tbdir}/{name}")
env.env.reset(seed=0)  # seeds the environment's generator (TrainMonitor.reset() takes no seed)

if name == "dqn":  # ---- doc/examples/cartpole/dqn.py ----

    def func(S, is_training):
        """type-2 q-function: s -> q(s,.)"""
        seq = hk.Sequential(
            (
                hk.Linear(8),
                jax.nn.relu,
                hk.Linear(8),
                jax.nn.relu,
                hk.Linear(8),
                jax.nn.relu,
                hk.Linear(env.action_space.n, w_init=jnp.zeros),
            )
        )
        return seq(S)

    q = coax.Q(func, env, random_seed=0)
    pi = coax.BoltzmannPolicy(q, temperature=0.1)
    q_targ = q.copy()
    tracer = coax.reward_tracing.NStep(n=1, gamma=0.9)
    buffer = coax.experience_replay.SimpleReplayBuffer(capacity=100000, random_seed=0)
    qlearning = coax.td_learning.QLearning(
        q, q_targ=q_targ, loss_function=mse, optimizer=optax.adam(0.001)
    )

    for ep in range(args.episodes):
        s, info = env.reset()
        for t in range(env.spec.max_episode_steps):
            a = pi(s)
            s_next, r, done, truncated, info = env.step(a)
            if truncated:
                r = 1 / (1 - tracer.gamma)
            tracer.add(s, a, r, done or truncated)
            while tracer:
                buffer.add(tracer.pop())
            if len(buffer) >= 100:
                transition_batch = buffer.sample(batch_size=32)
                metrics = qlearning.update(transition_batch)
                env.record_metrics(metrics)
            q_targ.soft_update(q, tau=0.01)
            if done or truncated:
                break
            s = s_next
        if env.avg_G > env.spec.reward_threshold:
            break

else:  # ---- doc/examples/cartpole/a2c.py ----

    def func_pi(S, is_training):
        logits = hk.Sequential(
            (
                hk.Linear(8),
                jax.nn.relu,
                hk.Linear(8),
                jax.nn.relu,
                hk.Linear(8),
                jax.nn.relu,
                hk.Linear(env.action_space.n, w_init=jnp.zeros),
            )
        )
        return {"logits": logits(S)}

    def func_v(S, is_training):
        value = hk.Sequential(
            (
                hk.Linear(8),
                jax.nn.relu,
                hk.Linear(8),
                jax.nn.relu,
                hk.Linear(8),
                jax.nn.relu,
                hk.Linear(1, w_init=jnp.zeros),
                jnp.ravel,
            )
        )
        return value(S)

    optimizer_v = optax.chain(optax.apply_every(k=32), optax.adam(0.002))
    optimizer_pi = optax.chain(optax.apply_every(k=32), optax.adam(0.001))
    v = coax.V(func_v, env, random_seed=0)
    pi = coax.Policy(func_pi, env, random_seed=0)
    tracer = coax.reward_tracing.NStep(n=1, gamma=0.9)
    vanilla_pg = coax.policy_objectives.VanillaPG(pi, optimizer=optimizer_pi)
    simple_td = coax.td_learning.SimpleTD(v, loss_function=mse, optimizer=optimizer_v)

    for ep in range(args.episodes):
        s, info = env.reset()
        for t in range(env.spec.max_episode_steps):
            a = pi(s)
            s_next, r, done, truncated, info = env.step(a)
            if truncated:
                r = 1 / (1 - tracer.gamma)
            tracer.add(s, a, r, done or truncated)
            while tracer:
                transition_batch = tracer.pop()
                metrics_v, td_error = simple_td.update(transition_batch, return_td_error=True)
                metrics_pi = vanilla_pg.update(transition_batch, td_error)
                env.record_metrics(metrics_v)
                env.record_metrics(metrics_pi)
            if done or truncated:
                break
            s = s_next
        if env.avg_G > env.spec.reward_threshold:
            break

# TrainMonitor writes an episode's line when the next episode starts (reset()): the last one is
# never written, as in the examples (their loop ends at a break or after the last episode too)
_truth.write(
    library=(
        f"coax {metadata.version('coax')} (jax {jax.__version__}, dm-haiku {metadata.version('dm-haiku')}, "
        f"optax {metadata.version('optax')}, gymnasium {gymnasium.__version__})"
    ),
    script="tests/corpus/scripts/coax_cartpole.py",
    record=(
        "TrainMonitor's state as _write_episode_logs formats it (G, avg_r, avg_G, t, get_metrics(): the "
        "figures its TensorBoard record keeps as episode/return, episode/avg_reward, episode/steps and the "
        "metric names; avg_G is TrainMonitor's attribute)"
    ),
    step_kind="global",
    series=series,
    extra_ok=["dt (milliseconds per environment step of the episode, 'dt: 4.127ms')"],
    not_printed=[
        "the learners' other metrics (e.g. QLearning/grads_max, .../td_error, .../td_error_targ)"
    ],
    notes=(
        "One coax log record per finished episode, written when the next episode starts, on stderr in "
        "Python's default logging format: 'INFO:TrainMonitor:ep: 12,\\tT: 233,\\tG: 19,\\tavg_r: 1,\\tavg_G: 18.7,\\tt: 19,\\tdt: "
        "4.127ms,\\tQLearning/loss: 0.0815'. ep is the episode count and T the global environment step "
        "(T printed with a thousands comma from 1,000 on): step = T. G = the episode's return, avg_r = G/t, "
        "avg_G = TrainMonitor's smoothed return, t = the episode length (CartPole: G equals t), all '.3g' "
        "(so 200 steps print '200', 1234.5 would print '1.23e+03'); dt = ms per step (extra_ok). The "
        "learners' per-episode averages ('QLearning/loss'; a2c: 'SimpleTD/loss', 'VanillaPG/loss') follow "
        "once the updater has run in that episode (dqn: once the replay buffer holds 100 transitions). A "
        "glfw warning ('GLFWError: (65550) b'X11: The DISPLAY environment variable is missing'') and gymnasium's 'WARN: The environment CartPole-v0 is out of "
        "date' deprecation warning come first."
    ),
)
