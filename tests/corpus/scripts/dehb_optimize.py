"""DEHB (differential evolution + Hyperband) as its README runs it: DEHB(f, cs, min_fidelity,
max_fidelity, n_workers=1, log_level='INFO').run(fevals=...) on a Branin objective whose noise shrinks with the
fidelity. DEHB logs through loguru on stdout: per submitted job '12/24 function evaluation(s)
done', 'Evaluating configuration 7 with fidelity 3.0 under bracket ID 1', 'Best score
seen/Incumbent score: 3.31…'; at the end 'Incumbent score: …' and 'Incumbent config: ' followed by
one 'x0: 3.07…' line per SEARCH PARAMETER (the best configuration, not metrics).

Versions: DEHB 0.1.2, ConfigSpace 1.2.2, loguru 0.7.3, numpy 1.26.4, pandas 3.0.6, pyarrow 19.0.1 (pyarrow 26 needs numpy 2, DEHB pins numpy<2),
Python 3.11.
Capture (repository root, a venv with dehb):
    python tests/corpus/scripts/capture.py pipe real_dehb_branin -- python tests/corpus/scripts/dehb_optimize.py
    python tests/corpus/scripts/capture.py pty real_dehb_branin_pty -- python tests/corpus/scripts/dehb_optimize.py
Truth: DEHB's incumbent score (self.inc_score) as it stands when _log_job_submission formats its
line (read by a wrapper that calls the original; checked against the trajectory dehb.traj, the
incumbent score after each finished evaluation, which run() returns), and dehb.inc_score for the
final line; step = the number of finished evaluations, as the line before it prints.
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from ConfigSpace import ConfigurationSpace, Float
from dehb import DEHB

cs = ConfigurationSpace(seed=0)
cs.add([Float("x0", (-5.0, 10.0)), Float("x1", (0.0, 15.0))])
rng = np.random.default_rng(0)


def objective(config, fidelity, **kwargs):
    x0, x1 = config["x0"], config["x1"]
    y = (
        (x1 - 5.1 / (4 * np.pi**2) * x0**2 + 5 / np.pi * x0 - 6) ** 2
        + 10 * (1 - 1 / (8 * np.pi)) * np.cos(x0)
        + 10
    )
    y += rng.normal(0, 5.0 / fidelity)  # a cheap, noisier look at low fidelity
    return {"fitness": float(y), "cost": float(fidelity)}


dehb = DEHB(
    f=objective,
    cs=cs,
    dimensions=2,
    min_fidelity=1,
    max_fidelity=9,
    eta=3,
    n_workers=1,
    output_path=tempfile.mkdtemp(prefix="dehb-"),
    seed=0,
    log_level="INFO",  # the documented way to see its progress (default: WARNING)
)

shown = []  # (finished evaluations, incumbent score) each time the score line is formatted
_orig = dehb._log_job_submission


def _noted(job_info):
    shown.append((len(dehb.traj), dehb.inc_score))
    return _orig(job_info)


dehb._log_job_submission = _noted
traj, runtime, history = dehb.run(fevals=24)

series = _truth.Series()
for done, score in shown:
    # the incumbent after `done` evaluations is the trajectory's entry done-1 (inf before any)
    assert score == (traj[done - 1] if done else np.inf), (done, score)
    series.add("Best score seen/Incumbent score", done, None, score)
series.add("Incumbent score", len(traj), None, dehb.inc_score)

_truth.write(
    library=(
        f"DEHB {metadata.version('dehb')} (ConfigSpace {metadata.version('ConfigSpace')}, "
        f"loguru {metadata.version('loguru')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/dehb_optimize.py",
    record=(
        "DEHB.inc_score when each score line is formatted (checked against the returned "
        "trajectory dehb.traj); dehb.inc_score at the end"
    ),
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=[
        "each evaluation's own fitness (history / traj hold them; DEHB logs only the incumbent)"
    ],
    notes=(
        "loguru lines on stdout, '2026-12-07 07:10:01.123 | INFO     | dehb.optimizers.dehb:"
        "_log_runtime:876 - 3/24 function evaluation(s) done' (finished evaluations / budget: "
        "counts; the step of the lines that follow), '… | INFO     | …:_log_job_submission:883 - "
        "Evaluating configuration 3 with fidelity 1.0 under bracket ID 0' (an id, a fidelity "
        "setting, an id), '… - Best score seen/Incumbent score: 12.34…' (the metric: DEHB's "
        "incumbent score before the new job runs; 'inf' before any evaluation finished, stored as "
        "the string 'inf'), 'Saving state to disk...' after each new incumbent; the run "
        "opens with an INFO line holding '\\nLogging at /…/dehb_run.log for optimization starting "
        "at 12/07/26 07:10:01 UTC\\n' and ends with 'End of optimisation! Total duration: 0.53…; "
        "Total fevals: 24' (seconds and a count), 'Incumbent score: 0.96…' (the final incumbent, "
        "step = the total evaluations), 'Incumbent config: ' and one line per search parameter, "
        "'x0: 3.1067…', 'x1: 2.4281…' (the best configuration's HYPER-PARAMETERS in the same "
        "'name: value' form as the metric lines: not metrics). Under a terminal loguru colours "
        "each part of the line."
    ),
)
