"""The hand-written loop of _wf_loop.py run as four hyper-parameter trials in parallel with
joblib: Parallel(n_jobs=2, verbose=10) over delayed(trial)(k, lr), loky worker processes.  Each
trial configures stdlib logging in its worker (basicConfig, '%(asctime)s %(processName)s
%(levelname)s %(message)s') and runs the loop with the tag '[trial k] ' in front of every line it
writes; joblib prints its own progress on stderr ('[Parallel(n_jobs=2)]: Done   1 tasks      |
elapsed:    0.4s').  Each trial returns its record; the parent writes them all to the truth,
the series named '<trial k>/<metric>' (the tag the loop prints).

Versions: joblib 1.6.0 (loky backend), numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zN-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_joblib_trials -- python tests/corpus/scripts/workflow_joblib.py
    python tests/corpus/scripts/capture.py pty real_joblib_trials_pty -- python tests/corpus/scripts/workflow_joblib.py
(no colours, but under a terminal the workers' print() lines are line-buffered and interleave
with the logging lines as written; piped, each worker's stdout comes in lumps)
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import joblib
from _wf_loop import NOTES, train
from joblib import Parallel, delayed

LRS = [0.03, 0.1, 0.3, 1.0]


def trial(k: int, lr: float) -> dict:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(processName)s %(levelname)s %(message)s"
    )
    return train(logging.getLogger("trial"), epochs=3, lr=lr, seed=k, tag=f"[trial {k}] ")


def main():
    print(f"running {len(LRS)} trials, lr in {LRS}")
    results = Parallel(n_jobs=2, verbose=10)(delayed(trial)(k, lr) for k, lr in enumerate(LRS))
    series = {}
    for history in results:
        series.update(history)
    best = max(range(len(LRS)), key=lambda k: results[k][f"trial {k}/best val_acc"]["points"][0][2])
    print(f"best trial: {best} (lr={LRS[best]})")
    _truth.write(
        library=f"joblib {joblib.__version__} (loky, n_jobs=2), numpy loop",
        script="tests/corpus/scripts/workflow_joblib.py",
        record="each trial's own record of its printed values, returned through joblib",
        step_kind="global",
        series=series,
        notes=(
            "Four trials of the loop (3 epochs each, lr 0.03 / 0.1 / 0.3 / 1.0, seed = trial "
            "number) in two loky worker processes.  The parent prints 'running 4 trials, lr in "
            "[0.03, 0.1, 0.3, 1.0]' and at the end 'best trial: 2 (lr=0.3)' (a trial number "
            "and a hyper-parameter, no metric).  joblib's stderr lines ('[Parallel(n_jobs=2)]: "
            "Using backend LokyBackend with 2 concurrent workers.', '[Parallel(n_jobs=2)]: Done  "
            " 1 tasks      | elapsed:    0.4s', '… Done   4 out of   4 | elapsed:    0.9s "
            "finished') hold task counts and the pool's elapsed wall time, no metric.  Every "
            "line of a trial carries its tag: print() lines '[trial 1] epoch 1 step 10: "
            "loss=0.6129 acc=0.6250', logging lines '2026-12-07 10:58:01,123 "
            "LokyProcess-1 INFO [trial 1] epoch 1 train_loss=0.6341 val_loss=0.5731 "
            "val_acc=0.7250' (processName = the worker, two trials share a worker).  Series "
            "are per trial, 'trial 1/loss', 'trial 1/val_acc', …; steps restart in every "
            "trial.  Piped, the logging lines (stderr, unbuffered) interleave across the two "
            "workers while their print() lines (stdout, block-buffered) come in lumps; the "
            "order depends on timing, this truth belongs to this capture (per-series order is "
            "each trial's own).  " + NOTES
        ),
    )


if __name__ == "__main__":
    main()
