"""Oríon's command line as its docs run it: `orion hunt -n NAME --exp-max-trials N python
orion_trial.py --alpha~'loguniform(1e-3, 1e3)'` (random search, seed fixed in a config file; a
pickleddb in a temporary folder), run in a subprocess exactly as a shell would.

- hunt: plain `orion hunt`, then the command its closing hint suggests, `orion info --name ridge`:
  orion's WARNING lines, 'Search finished successfully', the 'Stats' block ('trials completed: 8',
  'best trial:', '  id: 5c2…', '  evaluation: 132.7…', '  params:', '    /alpha: 0.0015'), the
  'Hints' block; then info's blocks (Identification, Commandline, Config, Algorithm, Space,
  Meta-data, Parent experiment, Stats again).
- verbose: `orion -v hunt`: adds one INFO line per completed trial 'Completed trials with results:
  [Result(name='cv_mse', type='objective', value=10475.86…)]'.

Versions: orion 0.2.7, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with orion and typing_extensions):
    python tests/corpus/scripts/capture.py pipe real_orion_hunt_info -- python tests/corpus/scripts/orion_hunt.py hunt
    python tests/corpus/scripts/capture.py pipe real_orion_hunt_verbose -- python tests/corpus/scripts/orion_hunt.py verbose
(orion prints the same under a terminal: no pty entry.)
Truth: Oríon's own storage, read back with orion.client.get_experiment(): each completed trial's
objective (Trial.objective.value, in completion order: series 'cv_mse', step = the n-th completed
trial), and experiment.stats.best_evaluation for the 'evaluation:' line(s) (step = the number of
completed trials).
"""

import os
import subprocess
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth

which = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
tmp = tempfile.mkdtemp(prefix="orion-")
os.environ["ORION_DB_TYPE"] = "pickleddb"
os.environ["ORION_DB_ADDRESS"] = os.path.join(tmp, "orion_db.pkl")
config = os.path.join(tmp, "orion_config.yaml")
with open(config, "w") as fh:
    fh.write("experiment:\n  algorithm:\n    random:\n      seed: 1\n")
orion = os.path.join(os.path.dirname(sys.executable), "orion")
trial = os.path.join(here, "orion_trial.py")
hunt = [orion] + (["-v"] if which == "verbose" else [])
hunt += ["hunt", "-n", "ridge", "--config", config, "--exp-max-trials", "8"]
hunt += [sys.executable, trial, "--alpha~loguniform(1e-3, 1e3)"]
sys.stdout.flush()
subprocess.run(hunt, check=True, cwd=tmp)
if which == "hunt":
    subprocess.run([orion, "info", "--name", "ridge"], check=True, cwd=tmp)

from orion.client import get_experiment  # noqa: E402

exp = get_experiment("ridge")
trials = [t for t in exp.fetch_trials() if t.status == "completed"]
trials.sort(key=lambda t: t.end_time)
series = _truth.Series()
if which == "verbose":
    for i, t in enumerate(trials, start=1):
        series.add("cv_mse", i, None, t.objective.value)
stats = exp.stats
for _ in range(2 if which == "hunt" else 1):
    series.add("evaluation", len(trials), None, stats.best_evaluation)

NOTES = (
    "orion's import-time RuntimeWarnings (profet extras missing), its log lines "
    "'2026-12-07 13:46:41,351::WARNING::root::Script … is not in a git repository…' where "
    "printed, 'Search finished successfully', then the Stats block: 'completed: True', 'trials "
    "completed: 8' (a count), 'best trial:' / '  id: def3a3…' (a hash) / '  evaluation: "
    "132.738…' (the best objective: series 'evaluation') / '  params:' / '    /alpha: 0.001497' "
    "(the best trial's HYPER-PARAMETER, not a metric), 'start time: 2026-12-07 13:46:41.72…', "
    "'finish time: …', 'elapsed_time: 0:00:10.68…' (timestamps and a duration), and the Hints "
    "block naming the next command."
)
if which == "hunt":
    NOTES += (
        " Then `orion info --name ridge`: blocks separated by '=====' rules: 'name: ridge', "
        "'version: 1', the command line with the prior 'loguniform(1e-3, 1e3)', 'max trials: 8', "
        "'max broken: 3', 'seed: 1', the Space '/alpha: loguniform(0.001, 1000.0)' (the search "
        "range), 'orion version: 0.2.7', and the Stats block again (the same 'evaluation:')."
    )
else:
    NOTES += (
        " With -v, per completed trial an INFO line '2026-12-07 13:46:59,482::INFO::"
        "orion.core.worker.experiment::Completed trials with results: [Result(name='cv_mse', "
        "type='objective', value=10475.86…)]': the value of the objective named cv_mse (series "
        "'cv_mse'), other INFO lines carry ids, counts and configuration."
    )
_truth.write(
    library=f"orion {metadata.version('orion')} (scikit-learn {metadata.version('scikit-learn')})",
    script="tests/corpus/scripts/orion_hunt.py",
    record=(
        "orion.client.get_experiment('ridge'): fetch_trials() objective values, "
        "experiment.stats.best_evaluation"
    ),
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=(["each trial's cv_mse (printed only with -v)"] if which == "hunt" else []),
    notes=NOTES,
)
