"""hmmlearn GaussianHMM(verbose=True) fitted by EM on samples of a known 3-state HMM: its
per-iteration convergence table (printed without a header).

Versions: hmmlearn 0.3.3, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/other-c):
    python tests/corpus/scripts/capture.py pipe real_hmmlearn_gaussian -- python tests/corpus/scripts/hmmlearn_em.py
Truth: model.monitor_.history (hmmlearn's ConvergenceMonitor keeps every log probability it
reported, full precision), step = the iteration the table prints (monitor_.iter counts them).
Nothing prints differently under a terminal (plain writes to stderr), so there is no pty entry.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
from hmmlearn import hmm  # noqa: E402

rng = np.random.RandomState(0)
gen = hmm.GaussianHMM(3, covariance_type="diag", random_state=0)
gen.startprob_ = np.array([0.6, 0.3, 0.1])
gen.transmat_ = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]])
gen.means_ = np.array([[0.0, 0.0], [3.0, 3.0], [-3.0, 2.0]])
gen.covars_ = np.ones((3, 2))
X, _ = gen.sample(600, random_state=rng)

model = hmm.GaussianHMM(3, covariance_type="diag", n_iter=40, tol=1e-4, verbose=True, random_state=1)
model.fit(X)

series = _truth.Series()
for i, log_prob in enumerate(model.monitor_.history, start=1):
    series.add("log_prob", i, None, log_prob)
assert len(model.monitor_.history) == model.monitor_.iter

_truth.write(
    library=f"hmmlearn {metadata.version('hmmlearn')} (numpy {np.__version__})",
    script="tests/corpus/scripts/hmmlearn_em.py",
    record="model.monitor_.history (ConvergenceMonitor: the log probability of every EM iteration)",
    step_kind="global",
    series=series,
    extra_ok=["delta (the third column: log_prob minus the previous iteration's)"],
    not_printed=[],
    notes=(
        "stderr only, one line per EM iteration, right-aligned in three columns and NO header or "
        "name anywhere: '         1   -2836.70460357             +nan', '         2   "
        "-2533.56832880    +303.13627477' (hmmlearn's template '{iter:>10d} {log_prob:>16.8f} "
        "{delta:>+16.8f}'): the iteration (the step), the log probability of the data (the "
        "training objective: the series, keyed by hmmlearn's own field name log_prob because the "
        "output names nothing), and its change from the previous iteration (first '+nan'; "
        "redundant with log_prob, extra_ok). A reader cannot know the names: a parse that stores "
        "nothing here is defensible; one that stores the columns under made-up names invents "
        "them. The fit stops at n_iter=40 without reaching tol, so no convergence message is "
        "printed."
    ),
)
