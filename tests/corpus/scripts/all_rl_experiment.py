"""The Autonomous Learning Library (all) training CartPole through its own experiment runner.

Variants:
  cli_dqn   the `all-classic` console script (all.scripts.train_classic.main) as its README shows it,
            `all-classic CartPole-v0 dqn --device cpu --frames 2000 --logdir <tmp>`: per training episode
            'episode: 12, frame: 214, fps: 803, episode_length: 17, returns: 17.0', then 100 test episodes
            'test episode: 3, episode_length: 9, returns: 9.0' and 'test returns (mean ± sem): 9.35 ± 0.07…',
            'test episode length (mean ± sem): …'.
  api_a2c   the Python API, run_experiment([a2c.device('cpu')], [GymEnvironment("CartPole-v0")], 3000,
            test_episodes=10): a2c is a ParallelPreset (n_envs=4), so the ParallelEnvExperiment prints the same
            episode line for whichever of the 4 environments finishes an episode (lengths printed as floats,
            "episode_length: 14.0"; two episodes can share a frame).

Truth: the library's own TensorBoard record (ExperimentLogger: eval/returns and eval/episode_length at
step = frame, float32), read back with tensorboard's EventAccumulator; the test episodes from the lists
the experiment hands its own _log_test (returns, episode lengths), the means from them by numpy as it
does. fps and the ± sem are extra_ok (timing; an uncertainty).

Versions: autonomous-learning-library 0.9.1, torch 2.13.0 (CPU), gymnasium 0.29.1, tensorboard 2.21,
numpy 1.26.4, Python 3.11 (venv corpus-zBE-3).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_all_classic_dqn -- python tests/corpus/scripts/all_rl_experiment.py cli_dqn
    python tests/corpus/scripts/capture.py pipe real_all_a2c_parallel -- python tests/corpus/scripts/all_rl_experiment.py api_a2c
"""

import glob
import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from all.experiments.experiment import Experiment  # noqa: E402
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator  # noqa: E402

variant = sys.argv[1] if len(sys.argv) > 1 else "cli_dqn"
torch.manual_seed(0)
np.random.seed(0)
logdir = tempfile.mkdtemp(prefix="all_runs_")

tests = []
_log_test = Experiment._log_test


def log_test(self, returns, episode_lengths):
    tests.append((list(returns), list(episode_lengths)))
    return _log_test(self, returns, episode_lengths)


Experiment._log_test = log_test

if variant == "cli_dqn":
    from all.scripts import train_classic

    sys.argv = ["all-classic", "CartPole-v0", "dqn", "--device", "cpu", "--frames", "2000", "--logdir", logdir]
    train_classic.main()
else:
    from all.environments import GymEnvironment
    from all.experiments import run_experiment
    from all.presets.classic_control import a2c

    env = GymEnvironment("CartPole-v0", device="cpu")
    run_experiment([a2c.device("cpu")], [env], 3000, logdir=logdir, test_episodes=10)

series = _truth.Series()
events = sorted(glob.glob(os.path.join(logdir, "*", "events.out.tfevents.*")))
acc = EventAccumulator(events[0].rsplit("/", 1)[0], size_guidance={"scalars": 0})
acc.Reload()
returns = acc.Scalars("eval/returns")
lengths = acc.Scalars("eval/episode_length")
for r, n in zip(returns, lengths):
    series.add("episode_length", n.step, None, n.value)
    series.add("returns", r.step, None, r.value)
for rets, lens in tests:
    for r, n in zip(rets, lens):
        series.add("episode_length", None, None, n)
        series.add("returns", None, None, r)
    series.add("test returns", None, None, np.mean(rets))
    series.add("test episode length", None, None, np.mean(lens))

_truth.write(
    library=(f"autonomous-learning-library {metadata.version('autonomous-learning-library')} (torch "
             f"{torch.__version__}, gymnasium {metadata.version('gymnasium')})"),
    script="tests/corpus/scripts/all_rl_experiment.py",
    record="ExperimentLogger's TensorBoard scalars eval/returns and eval/episode_length (step = frame); the "
           "test episodes' returns and lengths as the experiment passes them to _log_test",
    step_kind="global",
    series=series,
    extra_ok=["fps", "sem of 'test returns (mean ± sem)' / 'test episode length (mean ± sem)'"],
    notes=("'episode: N, frame: F, ...': N is the episode count and F the frame (the step). The test lines "
           "'test episode: i, episode_length: L, returns: R' use the same names as training lines and carry no "
           "frame (step null), so returns/episode_length continue past training with the test values. "
           "TensorBoard keeps the values as float32 (integers here)."),
)
