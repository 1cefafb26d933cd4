"""scikit-learn's mini-batch estimators and MDS with their verbose printing, on synthetic blobs.

Versions: scikit-learn 1.9.1, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-m-1).
Capture (repository root, venv active), one entry per estimator:
    python tests/corpus/scripts/capture.py pipe real_sklearn_minibatch_kmeans -- python tests/corpus/scripts/sklearn_minibatch.py mbkmeans
    python tests/corpus/scripts/capture.py pipe real_sklearn_minibatch_nmf -- python tests/corpus/scripts/sklearn_minibatch.py mbnmf
    python tests/corpus/scripts/capture.py pipe real_sklearn_mds -- python tests/corpus/scripts/sklearn_minibatch.py mds
(nothing prints differently under a terminal: no pty entries.)
Truth: none of these estimators keeps a per-step record (MiniBatchKMeans keeps inertia_ and
n_steps_, MiniBatchNMF reconstruction_err_ and n_steps_, MDS stress_ and n_iter_): the script
tees sys.stdout inside fit(), where they print() the values with Python's repr or a fixed
format, so the printed text is the record at its printed precision. The script's own closing
line is made from the fitted attributes.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import sklearn
from _fdtee import teed
from sklearn.datasets import make_blobs

which = sys.argv[1]
X, _ = make_blobs(n_samples=3000, centers=5, n_features=8, random_state=0)
LIB = f"scikit-learn {sklearn.__version__} (numpy {np.__version__})"
SCRIPT = "tests/corpus/scripts/sklearn_minibatch.py"
series = _truth.Series()

if which == "mbkmeans":
    from sklearn.cluster import MiniBatchKMeans

    km = MiniBatchKMeans(
        n_clusters=5, batch_size=256, max_iter=3, n_init=2, random_state=0, verbose=1
    )
    lines = teed(lambda: km.fit(X))
    print(f"inertia: {km.inertia_:.2f} after {km.n_steps_} steps")
    for line in lines:
        m = re.match(r"Inertia for init (\d+)/\d+: (\S+)$", line)
        if m:
            series.add("Inertia for init", int(m.group(1)), None, float(m.group(2)))
        m = re.match(
            r"Minibatch step (\d+)/\d+: mean batch inertia: ([^,]+)(?:, ewa inertia: (\S+))?$", line
        )
        if m:
            step = int(m.group(1))
            series.add("mean batch inertia", step, None, float(m.group(2)))
            if m.group(3):
                series.add("ewa inertia", step, None, float(m.group(3)))
    series.add("inertia", km.n_steps_, None, km.inertia_)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "MiniBatchKMeans keeps only inertia_ and n_steps_: the per-step values are its own print() "
            "output (Python's repr of the floats: full precision), teed from sys.stdout inside fit; the "
            "script's last line prints inertia_"
        ),
        step_kind="global",
        series=series,
        notes=(
            "n_init=2: 'Init 1/2 with method k-means++' then 'Inertia for init 1/2: 12683.60243504246' for "
            "each initialisation (series 'Inertia for init', step = the init number before the slash; the "
            "'/2' is the count of inits). Then one line per mini-batch step: 'Minibatch step 1/35: mean "
            "batch inertia: 15.41' (the first step has no average yet) and 'Minibatch step 2/35: mean batch "
            "inertia: 7.87, ewa inertia: 7.87' (the exponentially weighted average): series 'mean batch "
            "inertia' and 'ewa inertia', step = the number before the slash ('/35' is the total number of "
            "steps, a count). 'Converged (lack of improvement in inertia) at step 13/35' (a counter). The "
            "script's last line 'inertia: 10459.12 after 13 steps' (inertia_ over the whole data, step = "
            "n_steps_; the step count is not a metric)."
        ),
    )

elif which == "mbnmf":
    from sklearn.decomposition import MiniBatchNMF

    nmf = MiniBatchNMF(n_components=4, batch_size=500, max_iter=5, random_state=0, verbose=1)
    lines = teed(lambda: nmf.fit(np.abs(X)))
    print(f"reconstruction error: {nmf.reconstruction_err_:.4f} ({nmf.n_steps_} steps)")
    for line in lines:
        m = re.match(
            r"Minibatch step (\d+)/\d+: mean batch cost: ([^,]+)(?:, ewa cost: (\S+))?$", line
        )
        if m:
            step = int(m.group(1))
            series.add("mean batch cost", step, None, float(m.group(2)))
            if m.group(3):
                series.add("ewa cost", step, None, float(m.group(3)))
    series.add("reconstruction error", nmf.n_steps_, None, nmf.reconstruction_err_)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "MiniBatchNMF keeps only reconstruction_err_ and n_steps_: the per-step costs are its own "
            "print() output (Python's repr: full precision), teed from sys.stdout inside fit; the script's "
            "last line prints reconstruction_err_"
        ),
        step_kind="global",
        series=series,
        notes=(
            "'Minibatch step 1/30: mean batch cost: 43.53' then 'Minibatch step 2/30: mean batch cost: "
            "26.44, ewa cost: 26.44' (series 'mean batch cost' and 'ewa cost', step = the number before the "
            "slash, '/30' the total steps), no convergence before max_iter so scikit-learn's "
            "ConvergenceWarning 'Maximum number of iterations 5 reached. Increase it to improve "
            "convergence.' goes to stderr (2 lines; 5 is a setting), above the step lines in a piped capture (stdout is block-buffered). The script's last line "
            "'reconstruction error: 301.1234 (30 steps)' (reconstruction_err_ at step n_steps_)."
        ),
    )

elif which == "mds":
    from sklearn.manifold import MDS

    mds = MDS(n_components=2, n_init=2, max_iter=40, random_state=0, verbose=2, init="random")
    lines = teed(lambda: mds.fit(X[:200]))
    print(f"final stress: {mds.stress_:.4f} after {mds.n_iter_} iterations")
    for line in lines:
        m = re.match(r"Iteration (\d+), stress (\S+)$", line)
        if m:
            series.add("stress", int(m.group(1)), None, float(m.group(2)))
    series.add("final stress", mds.n_iter_, None, mds.stress_)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "MDS keeps only stress_ and n_iter_ of the best init: the per-iteration stresses are SMACOF's "
            "own print() output (4 decimals), teed from sys.stdout inside fit; the script's last line "
            "prints stress_"
        ),
        step_kind="global",
        series=series,
        notes=(
            "'Iteration 0, stress 2339801.4790' per SMACOF iteration (series 'stress', step = the printed "
            "iteration, 0-based); n_init=2: the second init counts from 0 again (points in print order), "
            "with no line between the two runs (neither converges within max_iter=40: no convergence "
            "message). The script's last line 'final stress: 1234.5678 after 40 "
            "iterations' (stress_ of the best run; the iteration count is not a metric)."
        ),
    )
