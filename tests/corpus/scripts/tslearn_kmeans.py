"""tslearn: TimeSeriesKMeans(metric="dtw", n_init=2, verbose=True) on synthetic random walks.

tslearn prints, per initialisation, 'Init 1' (only when n_init > 1) and then one line of the
inertia after each iteration, each printed '%.3f' and followed by ' --> ' (print(..., end=" --> ")),
the line ended when the init converges: '118.754 --> 55.700 --> 53.513 --> 52.669 --> '. The
line names nothing. (Importing tslearn without h5py also prints a UserWarning.)

Truth: tslearn keeps no per-iteration record (only the best init's inertia_ and n_iter_): the
script tees sys.stdout during fit() (tslearn prints with print()), so the values are at their
printed precision; the last value of the best init equals inertia_ to that precision (checked).

Versions: tslearn 0.10.0, numpy 2.4.6, scikit-learn 1.9.1, Python 3.11. Seed fixed; ~2 s of CPU.
Capture (repository root, venv /work/venvs/corpus-o-1: pip install cornac tslearn):
    python tests/corpus/scripts/capture.py pipe real_tslearn_kmeans -- python tests/corpus/scripts/tslearn_kmeans.py
(tslearn prints the same under a terminal: no pty entry.)
"""

import os
import re
import sys
from importlib import metadata

import numpy as np
from tslearn.clustering import TimeSeriesKMeans
from tslearn.generators import random_walks

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _fdtee import Tee

X = random_walks(n_ts=60, sz=32, d=1, random_state=0)
km = TimeSeriesKMeans(
    n_clusters=3, metric="dtw", max_iter=10, n_init=2, verbose=True, random_state=0
)
tee = Tee(sys.stdout)
sys.stdout = tee
try:
    km.fit(X)
finally:
    sys.stdout = tee.under

series = _truth.Series()
text = "".join(tee.buf)
chains = [line for line in text.splitlines() if "-->" in line]
best = []
for chain in chains:
    values = [float(v) for v in re.findall(r"(\S+) --> ", chain)]
    for it, value in enumerate(values):
        series.add("inertia", it, None, value)
    if not best or values[-1] < best[-1]:
        best = values
assert abs(best[-1] - km.inertia_) < 5e-4 and len(best) == km.n_iter_, (best, km.inertia_)

_truth.write(
    library=f"tslearn {metadata.version('tslearn')} (numpy {np.__version__}, "
    f"scikit-learn {metadata.version('scikit-learn')})",
    script="tests/corpus/scripts/tslearn_kmeans.py",
    record="the text fit(verbose=True) printed, teed (tslearn keeps no per-iteration record; the best "
    "init's last value checked against inertia_, n_iter_)",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "A UserWarning about h5py (3 lines, a URL), then 'Init 1', a line "
        "'118.754 --> 55.700 --> 53.513 --> 52.878 --> 52.669 --> 52.669 --> ' (the clustering's "
        "inertia after each iteration, '%.3f', in one line, ' --> ' after each, the last two equal "
        "at convergence), 'Init 2' and its own line. 'Init 1' / 'Init 2' number the "
        "initialisations (a counter, not a metric). The inertia values are the only metric, and "
        "the output gives them NO name: the truth calls the series 'inertia' after the "
        "estimator's inertia_ attribute; step = the iteration index within its init (0-based; "
        "it starts again at 0 for Init 2), in print order. Nothing follows the fit."
    ),
)
