"""aeon time-series clusterers with verbose=True on synthetic series: TimeSeriesKMeans (DTW), KShape.

Versions: aeon 1.6.0, numba 0.63.1, numpy 2.3.5, Python 3.11 (statsmodels not imported).
Venv /work/venvs/corpus-zk-2: `pip install aeon sktime` (all wheels).
Captures (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_aeon_kmeans_dtw -- python tests/corpus/scripts/aeon_cluster.py kmeans
    python tests/corpus/scripts/capture.py pipe real_aeon_kshape -- python tests/corpus/scripts/aeon_cluster.py kshape
(plain print() lines: no pty entry.)
Truth: aeon keeps only the best initialisation's inertia_ and n_iter_. The script records the distance matrices aeon
computes at each iteration (wrappers around the pairwise_distance its _k_means module calls, and around KShape's
_pairwise_sbd_distance) and takes their row minima's sum, as aeon does for the inertia it prints; each
initialisation's run is delimited by wrapping _fit_one_init, whose returned inertia and iteration count are checked
against the recorded ones, and the best against inertia_.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "kmeans"


def make_data():
    rng = np.random.default_rng(0)
    n, length = 60, 50
    t = np.arange(length)
    group = np.repeat([0, 1, 2], n // 3)
    x = np.sin(0.15 * t[None, :] * (1 + 0.5 * group[:, None]) + rng.uniform(0, 1, (n, 1)))
    x = (
        x
        + 0.5 * rng.normal(size=(n, length))
        + np.cumsum(0.3 * rng.normal(size=(n, length)), axis=1)
    )
    return x[:, None, :]


def kmeans(X):
    import aeon.clustering._k_means as module
    from aeon.clustering import TimeSeriesKMeans

    runs = []
    original_pw, original_run = module.pairwise_distance, module.TimeSeriesKMeans._fit_one_init

    def recording_pw(*args, **kwargs):
        pw = original_pw(*args, **kwargs)
        runs[-1]["inertia"].append(float(pw.min(axis=1).sum()))
        return pw

    def recording_run(self, X):
        runs.append({"inertia": []})
        result = original_run(self, X)
        runs[-1]["result"] = result
        return result

    module.pairwise_distance = recording_pw
    module.TimeSeriesKMeans._fit_one_init = recording_run
    km = TimeSeriesKMeans(
        n_clusters=3,
        distance="dtw",
        averaging_method="mean",
        n_init=2,
        max_iter=20,
        verbose=True,
        random_state=0,
    )
    km.fit(X)
    series = _truth.Series()
    for run in runs:
        _, _, inertia, n_iters = run["result"]
        assert len(run["inertia"]) == n_iters and run["inertia"][-1] == inertia, (run, n_iters)
        for i, v in enumerate(run["inertia"]):
            series.add("inertia", i, None, v)
    assert min(r["result"][2] for r in runs) == km.inertia_
    return (
        series,
        (
            "the row-minimum sums of the distance matrices TimeSeriesKMeans computes per iteration (wrapped "
            "pairwise_distance), per initialisation (wrapped _fit_one_init), checked against each run's returned "
            "inertia and n_iters and against inertia_"
        ),
        (
            "A NumbaTypeSafetyWarning (2 lines) first. TimeSeriesKMeans(verbose=True) prints, per iteration, the "
            "inertia '%.3f' followed by ' --> ' (print(..., end=' --> ')), and, when the run goes on, 'Iteration "
            "0, inertia 3265.956853447482.' (0-based iteration, full repr, a full stop after the number) on the "
            "same line: '3265.957 --> Iteration 0, inertia 3265.956853447482.'. The converged iteration prints "
            "only its '2305.634 --> ' (no name), and the second initialisation (n_init=2, no 'Init' line) starts "
            "right after it on the same line: '2305.634 --> 2817.007 --> Iteration 0, inertia 2817.007103815074.'; "
            "the last line of the output is the second run's final '2257.073 --> ' with no newline. One series "
            "'inertia' (the name the Iteration lines print), one point per iteration in print order; step = "
            "aeon's 0-based iteration within its initialisation (starting again at 0 for the second)."
        ),
    )


def kshape(X):
    from aeon.clustering import KShape

    runs = []
    original_pw, original_run = KShape._pairwise_sbd_distance, KShape._fit_one_init

    def recording_pw(self, X, centres):
        dists = original_pw(self, X, centres)
        if runs and "result" not in runs[-1]:
            runs[-1]["inertia"].append(float(dists.min(axis=1).sum()))
        return dists

    def recording_run(self, X, rng):
        runs.append({"inertia": []})
        result = original_run(self, X, rng)
        runs[-1]["result"] = result
        return result

    KShape._pairwise_sbd_distance = recording_pw
    KShape._fit_one_init = recording_run
    ks = KShape(n_clusters=3, n_init=2, max_iter=20, verbose=True, random_state=0)
    ks.fit(X)
    series = _truth.Series()
    for run in runs:
        result = run["result"]
        assert len(run["inertia"]) == result.n_iter and run["inertia"][-1] == result.inertia, run
        for i, v in enumerate(run["inertia"]):
            series.add("inertia", i + 1, None, v)
    assert min(r["result"].inertia for r in runs) == ks.inertia_
    return (
        series,
        (
            "the row-minimum sums of the SBD distance matrices KShape computes per iteration (wrapped "
            "_pairwise_sbd_distance), per initialisation (wrapped _fit_one_init), checked against each run's "
            "returned inertia and n_iter and against inertia_"
        ),
        (
            "KShape(verbose=True, n_init=2) prints 'iter=1, inertia=19.362672' per iteration (1-based, 6 "
            "decimals), nothing between the two initialisations: the second run's 'iter=1' follows the first "
            "run's last line. One series 'inertia'; step = the printed iteration, starting again at 1 for the "
            "second initialisation."
        ),
    )


def main():
    X = make_data()
    series, record, notes = kmeans(X) if VARIANT == "kmeans" else kshape(X)
    _truth.write(
        library=f"aeon {metadata.version('aeon')} (numba {metadata.version('numba')}, numpy {np.__version__})",
        script="tests/corpus/scripts/aeon_cluster.py",
        record=record,
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=notes,
    )


if __name__ == "__main__":
    main()
