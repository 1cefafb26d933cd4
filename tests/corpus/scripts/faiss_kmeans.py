"""faiss' k-means trainer with verbose=True (C++ printf on stdout), on synthetic blobs.

Versions: faiss-cpu 1.15.1, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-m-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_faiss_kmeans_redo -- python tests/corpus/scripts/faiss_kmeans.py redo
    python tests/corpus/scripts/capture.py pipe real_faiss_kmeans_warn -- python tests/corpus/scripts/faiss_kmeans.py warn
(faiss prints the same bytes under a terminal, '\\r' included: no pty entry.)
Truth: faiss' own record of the training, kmeans.iteration_stats (one dict per iteration, every
redo one after another: obj, imbalance_factor, time, time_search, nsplit; kmeans.obj is the same
objectives), at full precision.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import faiss
import numpy as np

which = sys.argv[1]
rng = np.random.RandomState(0)
d = 16
if which == "redo":
    # 5 blobs of 500 points: more than 256 points per centroid, so faiss samples a subset
    x = np.concatenate([rng.randn(500, d) + rng.randn(1, d) * 4 for _ in range(5)])
    km = faiss.Kmeans(d, 5, niter=12, nredo=2, verbose=True, seed=1234)
else:
    # 40 centroids for 1500 points: fewer than 39 per centroid, faiss warns
    x = np.concatenate([rng.randn(100, d) + rng.randn(1, d) * 3 for _ in range(15)])
    km = faiss.Kmeans(d, 40, niter=10, verbose=True, seed=7)
x = x.astype("float32")
km.train(x)
D, _ = km.index.search(x, 1)
print(f"final objective: {km.obj[-1]:.1f}, mean squared distance: {D.mean():.4f}")

stats = km.iteration_stats
assert len(stats) == len(km.obj)
niter = km.cp.niter
series = _truth.Series()
it = 0
for k, s in enumerate(stats):
    # each redo counts its iterations from 0 again; a redo that converges early stops before niter
    if k > 0 and (s["time"] < stats[k - 1]["time"] or it == niter - 1):
        it = 0
    elif k > 0:
        it += 1
    series.add("objective", it, None, s["obj"])
    series.add("imbalance", it, None, s["imbalance_factor"])
# the script's own closing line: the last objective (faiss' record) and the search's distances
series.add("final objective", None, None, km.obj[-1])
series.add("mean squared distance", None, None, float(D.mean()))

_truth.write(
    library=f"faiss-cpu {faiss.__version__} (numpy {np.__version__})",
    script="tests/corpus/scripts/faiss_kmeans.py",
    record=(
        "faiss.Kmeans.iteration_stats (faiss' per-iteration record: obj, imbalance_factor, time, "
        "time_search, nsplit) for the iteration lines; the script's closing line: km.obj[-1] and "
        "the mean of the distances km.index.search returned"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "the times of each iteration line '(0.02 s, search 0.01 s)': seconds since the start "
        "and seconds spent searching (iteration_stats' time and time_search)"
    ],
    notes=(
        "faiss' C++ trainer writes on stdout: 'Sampling a subset of 1280 / 2500 for training' "
        "(redo) or 'WARNING clustering 1500 points to 40 centroids: please provide at least 1560 "
        "training points' (warn), 'Clustering 1280 points in 16D to 5 clusters, redo 2 times, 12 "
        "iterations', '  Preprocessing in 0.01 s' (counts, dimensions, settings, a time). With "
        "nredo=2 each redo opens with 'Outer iteration 0 / 2' (a counter) and closes with "
        "'Objective improved: keep new clusters'. The iteration lines are redrawn on ONE line: "
        "each is '  Iteration 3 (0.12 s, search 0.06 s): objective=56965.8 imbalance=1.344 "
        "nsplit=0       ' followed by '\\r' (no '\\n' until the redo ends): series 'objective' "
        "and 'imbalance' (the cluster-size imbalance factor faiss records per iteration), printed "
        "to 6 significant digits / 3 decimals, truth at full precision; 'nsplit=0' is a count of "
        "split clusters, not a metric. Step = the printed iteration, which restarts at 0 in the "
        "second redo (points in print order). A redo that stops early prints '  Converged at "
        "iteration 4: objective did not change'. Last line, printed by the script: 'final "
        "objective: 19888.6, mean squared distance: 7.9555' (no step)."
    ),
)
