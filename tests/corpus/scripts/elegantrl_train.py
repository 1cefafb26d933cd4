"""ElegantRL's single-process train_agent() with its Evaluator table on a small numpy pendulum
(ElegantRL's own custom-env interface: reset() -> state, step() -> (state, reward, done, info)).

ElegantRL prints its Evaluator legend, then one row per evaluation under the header
'ID     Step    Time |    avgR   stdR   avgS  stdS |    expR   objC   objA   etc.'
(the step in '%8.2e', e.g. '1.02e+03').
Versions: elegantrl 0.3.6 (installed --no-deps: its gym[Box2D] extra does not build; it needs only
torch, numpy, gym and matplotlib here), torch 2.13.0+cpu, gym 0.26.2, matplotlib, numpy 2.4.6,
Python 3.11 (venv corpus-zf-3).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_elegantrl_ppo -- python tests/corpus/scripts/elegantrl_train.py ppo
    python tests/corpus/scripts/capture.py pipe real_elegantrl_sac -- python tests/corpus/scripts/elegantrl_train.py sac
Truth: the Evaluator's own recorder (total_step, avgR, stdR, expR, *logging_tuple) that
train_agent() saves as <cwd>/recorder.npy.
"""

import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import torch
from elegantrl.agents import AgentPPO, AgentSAC
from elegantrl.train.config import Config
from elegantrl.train.run import train_agent


class Pendulum:
    """gym's Pendulum-v1 dynamics in numpy, ElegantRL's custom-env interface; actions in (-1, 1)."""

    def __init__(self, seed: int = 0):
        self.rng = np.random.default_rng(seed)
        self.env_name = "Pendulum"
        self.num_envs = 1
        self.max_step = 200
        self.state_dim = 3
        self.action_dim = 1
        self.if_discrete = False

    def _obs(self):
        th, thdot = self.s
        return np.array([np.cos(th), np.sin(th), thdot], dtype=np.float32)

    def reset(self):
        self.s = self.rng.uniform([-np.pi, -1.0], [np.pi, 1.0])
        self.t = 0
        return self._obs()

    def step(self, action):
        th, thdot = self.s
        u = float(np.clip(np.asarray(action).reshape(-1)[0] * 2.0, -2.0, 2.0))
        ang = ((th + np.pi) % (2 * np.pi)) - np.pi
        cost = ang**2 + 0.1 * thdot**2 + 0.001 * u**2
        thdot = np.clip(thdot + (3 * 10.0 / 2 * np.sin(th) + 3.0 * u) * 0.05, -8.0, 8.0)
        self.s = np.array([th + thdot * 0.05, thdot])
        self.t += 1
        return self._obs(), -cost, self.t >= self.max_step, {}


algo = sys.argv[1]
cwd = tempfile.mkdtemp(prefix="elegantrl-")
env_args = {
    "env_name": "Pendulum",
    "num_envs": 1,
    "max_step": 200,
    "state_dim": 3,
    "action_dim": 1,
    "if_discrete": False,
}
agent_class = {"ppo": AgentPPO, "sac": AgentSAC}[algo]
args = Config(agent_class=agent_class, env_class=Pendulum, env_args=env_args)
args.gpu_id = -1  # CPU
args.num_threads = 1
args.random_seed = 0
args.cwd = cwd
args.net_dims = (64, 32)
if algo == "ppo":
    args.horizon_len = 512
    args.batch_size = 128
    args.repeat_times = 4
    args.learning_rate = 3e-4
    args.break_step = 4096
else:
    args.horizon_len = 200
    args.batch_size = 64
    args.learning_rate = 1e-3
    args.break_step = 2000
args.eval_per_step = args.horizon_len  # a row per training round
args.eval_times = 2
train_agent(args)

recorder = np.load(os.path.join(cwd, "recorder.npy"))
shutil.rmtree(cwd)
series = _truth.Series()
NAMES = ["avgR", "stdR", "expR", "objC", "objA", "etc."]
for row in recorder:
    step = int(row[0])
    for name, v in zip(NAMES, row[1:], strict=True):
        series.add(name, step, None, float(v))

etc = {"ppo": "the mean log-std of PPO's Gaussian policy", "sac": "SAC's entropy temperature alpha"}
_truth.write(
    library=(
        f"elegantrl {metadata.version('elegantrl')}, torch {torch.__version__}, numpy {np.__version__}"
    ),
    script="tests/corpus/scripts/elegantrl_train.py",
    record="the Evaluator's recorder (total_step, avg_r, std_r, exp_r, *update_net's logging tuple), "
    "saved by train_agent() as recorder.npy",
    step_kind="global",
    series=series,
    extra_ok=["avgS", "stdS"],
    not_printed=[],
    notes=(
        f"ElegantRL {algo.upper()} on a numpy pendulum (200-step episodes), train_agent() on CPU. It prints "
        "'| Arguments Remove cwd: /tmp/...', the Evaluator's legend ('| `avgR`: Average value of "
        "cumulative rewards, ...' lines), a rule of '#', the header 'ID     Step    Time |    avgR   stdR   "
        "avgS  stdS |    expR   objC   objA   etc.' and one row per evaluation: '-1  5.12e+02       1 |"
        "-1234.56  123.4    200     0 |   -6.05   1.23  -4.56  -0.50' (ID = the gpu id, -1 for CPU; Step = "
        "total env steps in '%8.2e' - the step, not a metric; Time = seconds since start, not a metric), "
        "then '| UsedTime:       9 | SavedDir: /tmp/...'. Series named by the header: avgR / stdR (mean/std "
        "of the evaluation episodes' returns), expR (mean reward per step of the last rollout), objC "
        "(critic objective), objA (actor objective), 'etc.' (the third value of update_net's tuple: "
        f"{etc[algo]}). avgS / stdS (mean/std episode length of the evaluation episodes) are printed but "
        "not kept in the recorder: extra_ok."
    ),
)
