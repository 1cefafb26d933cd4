"""PaCMAP and TriMap dimensionality reduction with verbose=True on synthetic Gaussian clusters.

`pacmap`: pacmap.PaCMAP(n_components=2, verbose=True).fit_transform(X): its settings line
'PaCMAP(n_neighbors=10, n_MN=5, n_FP=20, distance=euclidean, lr=1.0, n_iters=(100, 100, 250), …)',
'Found nearest neighbor', 'Calculated sigma', 'Found scaled dist', a tuple of the pair arrays'
shapes, 'Initial Loss: 26543.12', then 'Iteration:   10, Loss: 21876.640625' every 10
iterations and 'Elapsed time: 1.23s'.

`trimap`: trimap.TRIMAP(verbose=True).fit_transform(X): its settings line 'TRIMAP(n_inliers=12,
n_outliers=4, n_random=3, distance=euclidean, weight_temp=0.5, lr=0.1, n_iters=400, …)',
'running TriMap on 800 points with dimension 20', 'pre-processing', 'found nearest neighbors',
'sampled triplets', 'running TriMap with dbd', then 'Iteration:  100 /  400, Loss: 0.061,
Violated triplets: 3.6299' every 100 iterations and 'Elapsed time: 0:00:02.151360'.

Neither library records the loss: the script wraps the gradient function each optimiser calls
through its module (pacmap.pacmap.pacmap_grad, trimap.trimap_.trimap_grad), whose last row holds
the loss (and, for TriMap, the violated-triplet count), and keeps the values computed at the
printed iterations, at full precision (TriMap's Loss = grad[-1, 0] / n_triplets, Violated triplets
= grad[-1, 1] / n_triplets * 100, as it computes them).

Versions: pacmap 0.9.1, trimap 1.2.0, annoy 1.17.3, faiss-cpu 1.15.1 (pulled by pacmap), numba 0.68.1, numpy 2.4.6, scikit-learn 1.9.1,
Python 3.11. Seeds fixed.
Capture (repository root, venv /work/venvs/corpus-zJ-2):
    python tests/corpus/scripts/capture.py pipe real_pacmap_verbose -- python tests/corpus/scripts/pacmap_trimap.py pacmap
    python tests/corpus/scripts/capture.py pipe real_trimap_verbose -- python tests/corpus/scripts/pacmap_trimap.py trimap
(plain print(): the same under a terminal, no pty entry.)
"""

import os
import sys
from importlib import metadata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

import _truth

variant = sys.argv[1] if len(sys.argv) > 1 else "pacmap"
rng = np.random.RandomState(0)
centres = rng.normal(0, 4, (6, 20))
labels = rng.randint(0, 6, 800)
X = (centres[labels] + rng.normal(0, 1, (800, 20))).astype(np.float32)
series = _truth.Series()
calls = []

if variant == "pacmap":
    import pacmap
    import pacmap.pacmap as pm

    orig = pm.pacmap_grad

    def recording_grad(Y, *args):
        grad = orig(Y, *args)
        calls.append(float(grad[-1, 0]))
        return grad

    pm.pacmap_grad = recording_grad
    embedding = pacmap.PaCMAP(n_components=2, n_neighbors=10, random_state=0, verbose=True)
    Y = embedding.fit_transform(X, init="pca")
    series.add("Initial Loss", 0, None, np.float32(calls[0]))
    for itr, c in enumerate(calls):
        if (itr + 1) % 10 == 0:
            series.add("Loss", itr + 1, None, c)
    library = f"pacmap {metadata.version('pacmap')}"
    record = "the loss in the last row of each pacmap_grad() return (wrapped; PaCMAP keeps none)"
    notes = (
        "PaCMAP prints 'Warning: random state is set to 0.', 'X is normalized', its settings "
        "'PaCMAP(n_neighbors=10, n_MN=5, n_FP=20, distance=euclidean, lr=1.0, n_iters=(100, 100, "
        "250), apply_pca=True, opt_method='adam', verbose=True, intermediate=False, seed=0, "
        "knn_backend=faiss)' (configuration; pacmap pulls faiss-cpu and picks it "
        "over annoy), 'Finding pairs', 'Found nearest neighbor', 'Calculated sigma', 'Found "
        "scaled dist', 'Pairs sampled successfully.', a tuple of the pair arrays' shapes '((8000, 2), (4000, 2), (16000, 2))' (sizes), 'Initial Loss: 26543.123' "
        "(the loss at the first iteration, before its update, as float32's str: series 'Initial "
        "Loss' at step 0), then 'Iteration:   10, Loss: 21876.640625' every 10 iterations "
        "(%4d, %f; step = the printed iteration) and 'Elapsed time: 1.23s' (a timing). The loss "
        "jumps where PaCMAP's three phases change their pair weights (iterations 100 and 200)."
    )
else:
    import trimap
    import trimap.trimap_ as tm

    orig = tm.trimap_grad

    def recording_grad(Y, n_inliers, n_outliers, triplets, weights):
        grad = orig(Y, n_inliers, n_outliers, triplets, weights)
        n_triplets = float(triplets.shape[0])
        calls.append((grad[-1, 0] / n_triplets, grad[-1, 1] / n_triplets * 100.0))
        return grad

    tm.trimap_grad = recording_grad
    np.random.seed(0)
    Y = trimap.TRIMAP(n_dims=2, verbose=True).fit_transform(X)
    for itr, (c, viol) in enumerate(calls):
        if (itr + 1) % 100 == 0:
            series.add("Loss", itr + 1, None, c)
            series.add("Violated triplets", itr + 1, None, viol)
    library = f"trimap {metadata.version('trimap')}"
    record = (
        "the loss and violated-triplet count in the last row of each trimap_grad() return "
        "(wrapped; TriMap keeps none), scaled as TriMap scales them for its print"
    )
    notes = (
        "TriMap prints its settings 'TRIMAP(n_inliers=12, n_outliers=4, n_random=3, "
        "distance=euclidean, weight_temp=0.5, lr=0.1, n_iters=400, apply_pca=True, "
        "opt_method=dbd, verbose=True, return_seq=False)' (configuration), 'running TriMap on "
        "800 points with dimension 20' (sizes), 'pre-processing', 'found nearest neighbors', 'sampled triplets', 'running TriMap with dbd', then every 100 iterations "
        "'Iteration:  100 /  400, Loss: 0.061, Violated triplets: 3.6299' (step = the first "
        "number, 400 the total; Loss = the summed triplet loss / number of triplets, 3 "
        "decimals; Violated triplets = the share of triplets violated, in percent as printed, "
        "4 decimals) and 'Elapsed time: 0:00:02.151360' (a timing, str of a timedelta)."
    )

_truth.write(
    library=(
        f"{library} (numba {metadata.version('numba')}, annoy {metadata.version('annoy')}, "
        f"numpy {np.__version__}, scikit-learn {metadata.version('scikit-learn')})"
    ),
    script="tests/corpus/scripts/pacmap_trimap.py",
    record=record,
    step_kind="global",
    series=series,
    notes=notes,
)
