"""PFRL's DoubleDQN trained by pfrl.experiments.train_agent_with_evaluation, logged two ways.

The environment is CartPole's dynamics written in numpy with the old Gym API PFRL 0.4 expects
(reset() -> obs, step() -> obs, r, done, info); nothing is downloaded. Variant `quickstart`:
logging as PFRL's quickstart notebook (logging.basicConfig(level=INFO, stream=sys.stdout,
format='')), so PFRL's own lines print bare: 'outdir:result step:86 episode:0 R:86.0',
'statistics:[...]', 'evaluation episode 0 length:200 R:200.0', 'The best score is updated
-3.4028235e+38 -> 10.2', 'Saved the agent to ...'. Variant `examples`: as PFRL's examples/gym scripts
(logging.basicConfig(level=INFO) on stderr, outdir from experiments.prepare_output_dir, printed
with print('Output files are saved in ...')): 'INFO:pfrl.experiments.train_agent:outdir:results/
20261207T034712.345678 step:86 episode:0 R:86.0'.
Versions: pfrl 0.4.0, torch 2.13.0 (CPU), gym 0.26.2 (imported by pfrl only; it prints its
'Gym has been unmaintained' notice on stderr), numpy 2.4.6, Python 3.11 (venv corpus-zb-2).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_pfrl_dqn -- python tests/corpus/scripts/pfrl_dqn.py quickstart
    python tests/corpus/scripts/capture.py pipe real_pfrl_dqn_examples -- python tests/corpus/scripts/pfrl_dqn.py examples
Truth: PFRL keeps no record of its training episodes: the script reads the LogRecords PFRL itself
emits (their args: the step, episode index and return, the agent's get_statistics() list, each
evaluation episode's length and return) through a logging.Handler, at full precision; the
evaluations' step and mean come from the evaluator's own scores.txt.
"""

import logging
import math
import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pfrl
import torch


class NumpyCartPole:
    """CartPole-v1's dynamics and termination, old Gym API (obs; obs, r, done, info)."""

    def __init__(self, seed):
        self.rng = np.random.RandomState(seed)
        self.state = None

    def reset(self):
        self.state = self.rng.uniform(-0.05, 0.05, size=4)
        return self.state.astype(np.float32)

    def step(self, action):
        x, x_dot, th, th_dot = self.state
        force = 10.0 if action == 1 else -10.0
        cos, sin = math.cos(th), math.sin(th)
        temp = (force + 0.05 * th_dot**2 * sin) / 1.1
        th_acc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3.0 - 0.1 * cos**2 / 1.1))
        x_acc = temp - 0.05 * th_acc * cos / 1.1
        x, x_dot = x + 0.02 * x_dot, x_dot + 0.02 * x_acc
        th, th_dot = th + 0.02 * th_dot, th_dot + 0.02 * th_acc
        self.state = np.array([x, x_dot, th, th_dot])
        done = bool(abs(x) > 2.4 or abs(th) > 12 * 2 * math.pi / 360)
        return self.state.astype(np.float32), 1.0, done, {}


class Keep(logging.Handler):
    """Keeps PFRL's LogRecords (message template and args) as they are emitted."""

    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append((record.msg, record.args))


variant = sys.argv[1]
assert variant in ("quickstart", "examples")
if variant == "quickstart":
    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="")
else:
    logging.basicConfig(level=logging.INFO)
keep = Keep()
logging.getLogger("pfrl").addHandler(keep)

pfrl.utils.set_random_seed(0)
env, eval_env = NumpyCartPole(0), NumpyCartPole(1)
action_rng = np.random.RandomState(2)
obs_size, n_actions = 4, 2
q_func = torch.nn.Sequential(
    torch.nn.Linear(obs_size, 50),
    torch.nn.ReLU(),
    torch.nn.Linear(50, 50),
    torch.nn.ReLU(),
    torch.nn.Linear(50, n_actions),
    pfrl.q_functions.DiscreteActionValueHead(),
)
optimizer = torch.optim.Adam(q_func.parameters(), eps=1e-2)
explorer = pfrl.explorers.ConstantEpsilonGreedy(
    epsilon=0.3, random_action_func=lambda: int(action_rng.randint(n_actions))
)
agent = pfrl.agents.DoubleDQN(
    q_func,
    optimizer,
    pfrl.replay_buffers.ReplayBuffer(capacity=10**6),
    0.9,
    explorer,
    replay_start_size=500,
    update_interval=1,
    target_update_interval=100,
    phi=lambda x: x.astype(np.float32, copy=False),
    gpu=-1,
)

workdir = tempfile.mkdtemp(prefix="pfrl-")
os.chdir(workdir)
if variant == "quickstart":
    outdir = "result"
else:
    outdir = pfrl.experiments.prepare_output_dir(
        {"env": "CartPole", "steps": 2000, "seed": 0, "gamma": 0.9}, "results"
    )
    print(f"Output files are saved in {outdir}")
pfrl.experiments.train_agent_with_evaluation(
    agent,
    env,
    steps=2000,
    eval_n_steps=None,
    eval_n_episodes=5,
    train_max_episode_len=200,
    eval_interval=1000,
    outdir=outdir,
    eval_env=eval_env,
)

# ---- truth: PFRL's own LogRecords, and the evaluator's scores.txt
with open(os.path.join(outdir, "scores.txt")) as fh:
    header = fh.readline().rstrip("\n").split("\t")
    evals = [dict(zip(header, line.rstrip("\n").split("\t"), strict=True)) for line in fh]
series = _truth.Series()
step = None
n_eval_lines = 0
eval_i = 0
means = []
for msg, args in keep.records:
    if msg == "outdir:%s step:%s episode:%s R:%s":
        _, step, _, ret = args
        series.add("R", int(step), None, ret)
    elif msg == "statistics:%s":
        for key, value in args[0] if isinstance(args, tuple) else args:
            if key in ("average_q", "average_loss"):
                series.add(key, int(step), None, value)
    elif msg.startswith("evaluation episode"):
        _, length, ret = args
        eval_step = int(evals[eval_i]["steps"])
        series.add("evaluation length", eval_step, None, length)
        series.add("evaluation R", eval_step, None, ret)
        n_eval_lines += 1
        if n_eval_lines % 5 == 0:
            eval_i += 1
    elif msg.startswith("The best score is updated"):
        _, new = args
        row = next(r for r in evals if float(r["mean"]) == new)
        assert int(row["steps"]) not in [m[0] for m in means]
        means.append((int(row["steps"]), float(row["mean"])))
for s, m in means:
    series.add("best score", s, None, m)
os.chdir("/")
shutil.rmtree(workdir)  # the agent files and scores.txt PFRL wrote

_truth.write(
    library=(
        f"pfrl {metadata.version('pfrl')} (torch {torch.__version__}, gym "
        f"{metadata.version('gym')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/pfrl_dqn.py",
    record=(
        "PFRL's own LogRecords (args of 'outdir:%s step:%s episode:%s R:%s', 'statistics:%s', "
        "'evaluation episode %s length:%s R:%s', 'The best score is updated %s -> %s'), kept by a "
        "logging.Handler; evaluation steps and means from the evaluator's scores.txt"
    ),
    step_kind="global",
    series=series,
    notes=(
        (
            "PFRL quickstart logging (format='', stdout): per training episode 'outdir:result "
            "step:86 episode:0 R:86.0'"
            if variant == "quickstart"
            else "PFRL examples' logging (basicConfig(level=INFO): stderr, every line prefixed "
            "'INFO:pfrl.experiments.train_agent:'); the script's print('Output files are saved in "
            "results/20261207T034712.345678') goes to stdout, block-buffered when piped, so it "
            "comes out LAST, after every log line; per training episode "
            "'INFO:pfrl.experiments.train_agent:outdir:results/20261207T034712.345678 step:86 "
            "episode:0 R:86.0' (the outdir is a timestamped directory: its digits are no metric)"
        )
        + " (step = PFRL's global step t, the step of the series; episode = the episode "
        "index, a count) then 'statistics:[('average_q', 0.0123), ('average_loss', nan), "
        "('cumulative_steps', 86), ('n_updates', 0), ('rlen', 86)]' (a repr of a list of tuples: "
        "average_q and average_loss are metrics, nan until updates begin at step 500; "
        "cumulative_steps, n_updates and rlen (replay buffer length) are counts). Every 1000 steps "
        "an evaluation of 5 episodes: 'evaluation episode 0 length:200 R:200.0' (truth names "
        "'evaluation length' and 'evaluation R', at the step of the evaluation, to keep them "
        "apart from the training 'R'; the episode index is a count), then 'The best score is "
        "updated -3.4028235e+38 -> 10.2' when the evaluation's mean beats the best so far (series "
        "'best score' = the new mean, at the evaluation's step; the old value is a repeat, or "
        "float32's lowest as the first sentinel) and "
        "'Saved the agent to result/best'. At the end 'Saved the agent to result/2000_finish'. "
        "On stderr first: gym's notice that it is unmaintained (no metric). Not metrics: the "
        "outdir, step, episode, cumulative_steps, n_updates, rlen, the numbers in saved paths."
    ),
)
