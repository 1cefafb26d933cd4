"""kmodes: KModes and KPrototypes with verbose=1, random_state=0 and their other defaults (init='Cao', n_init=10).
KModes' Cao init is deterministic, so it makes 1 run; KPrototypes' is not (the numeric centroids
are drawn at random), so it makes 10 runs, each counting its iterations from 1 again.

Versions: kmodes 0.12.2, numpy 2.4.6, scikit-learn 1.9.1, Python 3.11
(venv /work/venvs/corpus-y-1: pip install scikit-learn lightgbm catboost kmodes pandas).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_kmodes_kprototypes -- python tests/corpus/scripts/kmodes_cluster.py
Truth: the epoch_costs list each run returns (kmodes' _k_modes_single / _k_prototypes_single,
wrapped to keep every run's list; the fitted epoch_costs_ is the best run's only). Element 0 is
the cost after initialisation, which is not printed.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import kmodes
import kmodes.kmodes as km_mod
import kmodes.kprototypes as kp_mod
import numpy as np
from kmodes.kmodes import KModes
from kmodes.kprototypes import KPrototypes

RUNS = {"cost": [], "ncost": []}  # per run: the epoch_costs list the library returns


def keep(name, single):
    def wrapped(*args, **kwargs):
        out = single(*args, **kwargs)  # centroids, labels, cost, itr, epoch_costs
        RUNS[name].append(list(out[4]))
        return out

    return wrapped


# n_jobs=1 (the default): the runs are called one after another through these module names
km_mod._k_modes_single = keep("cost", km_mod._k_modes_single)
kp_mod._k_prototypes_single = keep("ncost", kp_mod._k_prototypes_single)

rng = np.random.default_rng(0)
# categorical data around 5 modes, 60% of the cells redrawn at random
centres = rng.integers(0, 6, size=(5, 10))
X = centres[rng.integers(0, 5, size=1500)].copy()
noise = rng.random(X.shape) < 0.6
X[noise] = rng.integers(0, 6, size=noise.sum())

km = KModes(n_clusters=5, verbose=1, random_state=0)
km.fit(X)

# mixed data: 3 numeric columns, 3 categorical ones
Xn = rng.normal(size=(600, 3))
Xc = rng.integers(0, 4, size=(600, 3))
Xm = np.concatenate([Xn, Xc], axis=1).astype(object)
kp = KPrototypes(n_clusters=4, verbose=1, random_state=0)
kp.fit(Xm, categorical=[3, 4, 5])

series = _truth.Series()
for name, runs in RUNS.items():
    for costs in runs:
        for i, c in enumerate(costs[1:], start=1):
            series.add(name, i, None, c)
assert len(RUNS["cost"]) == 1 and len(RUNS["ncost"]) == 10
assert list(kp.epoch_costs_) in RUNS["ncost"] and list(km.epoch_costs_) == RUNS["cost"][0]
_truth.write(
    library=f"kmodes {kmodes.__version__}",
    script="tests/corpus/scripts/kmodes_cluster.py",
    record=(
        "the epoch_costs list each KModes / KPrototypes run returns (cost per iteration; element 0 is "
        "the initial cost, never printed); the fitted epoch_costs_ is the best run's list"
    ),
    step_kind="global",
    series=series,
    not_printed=[
        "the cost after initialisation (epoch_costs_[0])",
        "cost_ (equal to the last printed cost)",
    ],
    notes=(
        "Two fits in one output. KModes(n_clusters=5, verbose=1, random_state=0): 'Initialization method and algorithm "
        "are deterministic. Setting n_init to 1.' (config), 'Init: initializing centroids', 'Init: "
        "initializing clusters', 'Starting iterations...', then per iteration 'Run 1, iteration: 2/100, "
        "moves: 83, cost: 5627.0' and 'Best run was number 1'. Run number, iteration/max_iter and moves "
        "(points that changed cluster) are counts, not metrics; 'cost' is the metric, step = the "
        "iteration number before '/100' (the record's index). KPrototypes(n_clusters=4, verbose=1, random_state=0) then "
        "prints 'Initialization method is deterministic. Setting n_init to 1.' and the same lines with "
        "another punctuation: 'Run: 1, iteration: 3/100, moves: 72, ncost: 1576.8289195815787' (series "
        "'ncost', full repr precision). Its init is not deterministic (random numeric centroids), so it "
        "makes n_init=10 runs, each after the 'Init: ...' / 'Starting iterations...' lines and each counting "
        "from 'iteration: 1/100' again: points in print order, the step restarting per run (as in "
        "real_sklearn_mds). Then 'Best run was number 7' (an index, not a metric)."
    ),
)
