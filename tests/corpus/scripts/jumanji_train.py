"""Jumanji's own training entry point (jumanji.training.train, a Hydra app) with its A2C agent on
Game2048-v1 and its default terminal logger, cut to 3 tiny epochs on CPU:

  Hydra's job logging '[2026-12-07 13:43:34,947][root][INFO] - …': the OmegaConf YAML dump of the
  config (agent: a2c, seed: 0, network / training / evaluation / a2c blocks), "{'devices':
  [CpuDevice(id=0)]}", 'Experiment: a2c_game_2048.', 'Starting logger.', then per epoch
      Eval Stochastic >> Env Steps: 0.00e+00 | Episode Length: 130.250 | Episode Return: 1265.500 | Highest Tile: 132.000 | Time: 6.748
      Eval Greedy >> Env Steps: 0.00e+00 | …
      Train >> Env Steps: 0.00e+00 | Advantage: 32.559 | Critic Loss: 1797.391 | … | Steps Per Second: 24 | Time: 16.444 | …
  and 'Closing logger...'.

Truth: the data dicts jumanji's train loop hands to TerminalLogger.write (label, env_steps, data),
kept by a wrapper around that method; only the values the logger prints (its own is_loggable).

Versions: jumanji 1.1.2 (dm-haiku 0.0.17, rlax 0.1.9, hydra-core 1.3.8, neptune 1.14.0.post2 and
tensorboardX imported by its loggers module), jax 0.9.2 + jaxlib 0.9.2 (jumanji calls
jax.device_put_replicated, gone in jax 0.10), Python 3.11 (venv corpus-zAE-2).  About 40 s of
CPU.  (env=snake with the same settings segfaults in the training epoch on this machine.)
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_jumanji_a2c_terminal -- python tests/corpus/scripts/jumanji_train.py
(no bars (trange is disabled with the terminal logger), no colours: no pty twin.)
"""

import atexit
import os
import runpy
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
from jumanji.training import loggers

kept = []
orig = loggers.TerminalLogger.write


def write(self, data, label=None, env_steps=None):
    kept.append((label, env_steps, {k: v for k, v in data.items() if self.is_loggable(v)}))
    return orig(self, data, label=label, env_steps=env_steps)


loggers.TerminalLogger.write = write


def write_truth():
    import jax

    series = _truth.Series()
    for label, steps, data in kept:
        prefix = label.replace("_", " ").title()
        for k, v in sorted(data.items()):
            name = f"{prefix} {k.replace('_', ' ').title()}"
            series.add(name, int(steps), None, float(v))
    _truth.write(
        library=f"jumanji {metadata.version('jumanji')} (jax {jax.__version__}, CPU)",
        script="tests/corpus/scripts/jumanji_train.py",
        record=(
            "the data dicts jumanji.training.train hands to TerminalLogger.write (label, env_steps, "
            "metrics), kept by a wrapper around it"
        ),
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "Per epoch three Hydra-logged lines 'Eval Stochastic >> Env Steps: 4.00e+02 | Episode "
            "Length: 130.250 | Episode Return: 1265.500 | Highest Tile: 132.000 | Time: 6.748', "
            "'Eval Greedy >> …' and 'Train >> Env Steps: … | Advantage: … | Critic Loss: … | "
            "Entropy: … | Entropy Loss: … | Highest Tile: … | Policy Loss: … | Steps Per Second: "
            "4,011 | Time: 0.100 | Total Loss: … | Value: …'. The logger title-cases the dict keys "
            "(episode_return -> 'Episode Return'); series names are the label and the printed key "
            "('Eval Stochastic Episode Return', 'Train Critic Loss') since the same key is printed "
            "under several labels. Step = 'Env Steps' (the env_steps argument, printed as "
            "'4.00e+02' = 400; the train line of an epoch carries the step the epoch started at). "
            "'Time' is the Timer's seconds for that evaluation / epoch and 'Steps Per Second' its "
            "throughput (an int printed with a thousands comma '4,011'): jumanji puts both in the "
            "metrics dict it logs, so they are series. 'Highest Tile' is the Game2048 "
            "environment's own episode metric. The config YAML before the loop (learning_rate: "
            "0.0002, num_epochs: 3, total_batch_size: 8, seed: 0...) is configuration."
        ),
    )


atexit.register(write_truth)
rundir = tempfile.mkdtemp(prefix="jumanji_")
sys.argv = [
    "train",
    "env=game_2048",
    "agent=a2c",
    "env.training.num_epochs=3",
    "env.training.num_learner_steps_per_epoch=5",
    "env.training.n_steps=10",
    "env.training.total_batch_size=8",
    "env.evaluation.eval_total_batch_size=8",
    "env.evaluation.greedy_eval_total_batch_size=8",
    f"hydra.run.dir={rundir}",
]
# as `python -m jumanji.training.train ...` (Hydra finds its configs folder that way only)
runpy.run_module("jumanji.training.train", run_name="__main__", alter_sys=True)
