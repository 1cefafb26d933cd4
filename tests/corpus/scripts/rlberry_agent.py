"""rlberry: a Q-learning agent written the rlberry way (AgentWithSimplePolicy, values sent to its
DefaultWriter with add_scalar) trained by an ExperimentManager on rlberry's own FiniteMDP (a random
20-state, 4-action MDP built in numpy; no gymnasium loop). The DefaultWriter prints, every
`log_interval` seconds, the latest value of each tag as a two-line pandas table through rlberry's
logger ('[INFO] 04:20: ' prefix), with a max_global_step column.

Versions: rlberry 0.7.3 (installed --no-deps: its pygame-ce / moviepy / pyopengl / fdasrsf
dependencies are for rendering and comparisons, unused here), gymnasium 0.29.1, adastop 0.1.2,
pandas 3.1.1, numpy 2.4.6, Python 3.11 (venv corpus-zf-3).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_rlberry_writer -- python tests/corpus/scripts/rlberry_agent.py
    python tests/corpus/scripts/capture.py pty  real_rlberry_writer_pty -- python tests/corpus/scripts/rlberry_agent.py
(The default style_log='multi_line' needs a wide terminal: piped, shutil.get_terminal_size() gives
80 columns, the table does not fit and rlberry falls back to its 'one_line' style.)
Truth: the DefaultWriter's own data (every add_scalar value with its global step); a wrapper
around DefaultWriter._log notes which values each printed log showed (its latest value per tag;
the log is time-driven, so which values are printed depends on the run's speed).
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from rlberry.agents import AgentWithSimplePolicy
from rlberry.envs.finite_mdp import FiniteMDP
from rlberry.manager import ExperimentManager
from rlberry.utils.writers import DefaultWriter

printed = []  # per printed log: {tag: (value, global_step)}, max_global_step
styles = set()  # the style each printed log used
_log = DefaultWriter._log


def _noting_log(self):
    before = self._time_last_log
    _log(self)
    if self._time_last_log != before:
        last = {
            t: (self._data[t]["value"][-1], self._data[t]["global_step"][-1]) for t in self._data
        }
        gsteps = [g for _, g in last.values() if not np.isnan(g)]
        printed.append((last, max([0, *gsteps])))
        styles.add(self._style_log)


DefaultWriter._log = _noting_log


def make_mdp():
    rng = np.random.default_rng(0)
    S, A = 20, 4
    R = rng.uniform(0, 1, size=(S, A)) ** 3
    P = rng.dirichlet(np.ones(S) * 0.3, size=(S, A))
    return FiniteMDP(R, P, initial_state_distribution=0)


class QLAgent(AgentWithSimplePolicy):
    name = "QLearning"

    def __init__(self, env, gamma=0.95, alpha=0.1, epsilon=0.2, horizon=100, **kwargs):
        AgentWithSimplePolicy.__init__(self, env, **kwargs)
        self.gamma, self.alpha, self.epsilon, self.horizon = gamma, alpha, epsilon, horizon
        self.Q = np.zeros((self.env.observation_space.n, self.env.action_space.n))
        self.episode = 0

    def policy(self, observation):
        return int(self.Q[observation].argmax())

    def fit(self, budget, **kwargs):
        rng = self.rng
        for _ in range(budget):
            s, _ = self.env.reset()
            ret, td = 0.0, 0.0
            for _ in range(self.horizon):
                a = int(rng.integers(4)) if rng.uniform() < self.epsilon else self.policy(s)
                s2, r, term, trunc, _ = self.env.step(a)
                delta = r + self.gamma * self.Q[s2].max() - self.Q[s, a]
                self.Q[s, a] += self.alpha * delta
                ret += r
                td += abs(delta)
                s = s2
            self.episode += 1
            self.writer.add_scalar("episode_rewards", ret, self.episode)
            self.writer.add_scalar("mean_abs_td_error", td / self.horizon, self.episode)


out = tempfile.mkdtemp(prefix="rlberry-")
manager = ExperimentManager(
    QLAgent,
    (make_mdp, {}),
    fit_budget=1500,
    n_fit=1,
    seed=0,
    output_dir=out,
    default_writer_kwargs={"log_interval": 0.5},
)
manager.fit()

series = _truth.Series()
for last, gstep in printed:
    for tag, (value, _) in last.items():
        series.add(tag, int(gstep), None, value)

SHAPES = {
    "multi_line": (
        "style_log='multi_line' (the default): each log is a pandas DataFrame.to_string() of one row, "
        "centred: '[INFO] 04:20:           agent_name  episode_rewards  mean_abs_td_error  max_global_step' "
        "then the values on a second line indented 14 spaces: '                QLearning      31.226           "
        "0.151              412' (values np.around(..., 3); agent_name is a string column; a 'worker' column "
        "holds the fit's worker id, not a metric)."
    ),
    "one_line": (
        "style_log='one_line' (rlberry's fallback when the table is wider than the terminal): '[INFO] 04:20: "
        "[QLearning[worker: 0]] | max_global_step = 412 | episode_rewards = 31.22617... | mean_abs_td_error = "
        "0.1512... | ' (full repr values; 'worker: 0' is the fit's worker id, not a metric)."
    ),
}
shape = " ".join(SHAPES[s] for s in sorted(styles))
_truth.write(
    library=(
        f"rlberry {metadata.version('rlberry')}, pandas {metadata.version('pandas')}, numpy {np.__version__}"
    ),
    script="tests/corpus/scripts/rlberry_agent.py",
    record="the DefaultWriter's data (add_scalar values and global steps); which values each log showed "
    "noted by a wrapper around DefaultWriter._log",
    step_kind="global",
    series=series,
    notes=(
        "rlberry's ExperimentManager fits one Q-learning agent (1500 episodes of 100 steps on a random "
        "FiniteMDP) and logs '[INFO] 04:20: Running ExperimentManager fit() for QLearning with n_fit = 1 "
        "and max_workers = None.' first and '[INFO] 04:20: ... trained!' last. The agent writes "
        "episode_rewards (the episode's return) and mean_abs_td_error per episode with global_step = the "
        "episode number; the DefaultWriter prints every log_interval=0.5 s the LATEST value of each tag. "
        "rlberry's ColoredFormatter wraps every line in colour codes ('\\x1b[38;21m' ... '\\x1b[0m'), piped "
        "or not. "
        + shape
        + " Step = max_global_step (the largest global step among the tags' last values: the episode "
        "number; printed, not a metric). The '04:20' is the time (%H:%M); n_fit and "
        "max_workers are configuration. Which episodes get printed depends on the run's speed."
    ),
)
