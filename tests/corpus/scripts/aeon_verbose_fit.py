"""aeon estimators whose verbose fit output is not yet in the corpus, on synthetic series (60 cases,
3 classes, length 50):

- stc: ShapeletTransformClassifier(verbose=1): nested '[Name] Starting fit: n_cases=60, ...',
  '[RandomShapeletTransform] Progress: extracted=100/200, kept=66, elapsed=12.24s', '[RotationForestClassifier]
  Progress: built=20/200, elapsed=0.12s', 'Finished fit in 15.90s': counts, settings and clocks only, no metric.
- drcif: DrCIFClassifier(verbose=2): '[DrCIFClassifier] Estimator 3/20: elapsed=0.28s, estimated_remaining=0.59s'
  per tree: counts and clocks only, no metric.
- kasba: KASBA(verbose=True) clustering: the barycentre averaging's '[KASBA-BA] epoch 0, cost 364.08…' lines, the
  assignment's '13533.48877 --> ' left open and closed by 'Iteration 0, inertia 13533.488768839756.' or
  'Converged at iteration 1, inertia 5814.10026.'.

Truth: stc and drcif print no metric (empty series: anything stored is invented). kasba: aeon keeps only the final
inertia_; the script tees sys.stdout during fit() (aeon prints with print()), so the values are at their printed
precision (full repr for the costs and the 'Iteration' inertias), and inertia_ is checked to be one of the printed
inertias (aeon 1.6.0 keeps the previous iteration's when the last is lower).

Versions: aeon 1.6.0, numba 0.63.1, numpy 2.3.5, scikit-learn 1.9.1, Python 3.11 (statsmodels not imported).
Venv /work/venvs/corpus-zB-3: `pip install aeon` (all wheels). ~20 s of CPU each (numba compilation).
Captures (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_aeon_stc_verbose -- python tests/corpus/scripts/aeon_verbose_fit.py stc
    python tests/corpus/scripts/capture.py pipe real_aeon_drcif_verbose2 -- python tests/corpus/scripts/aeon_verbose_fit.py drcif
    python tests/corpus/scripts/capture.py pipe real_aeon_kasba -- python tests/corpus/scripts/aeon_verbose_fit.py kasba
(plain print() lines: no pty entries.)
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from _fdtee import Tee

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "stc"

rng = np.random.default_rng(0)
n, length = 60, 50
t = np.linspace(0, 1, length)
X = np.stack(
    [
        np.sin(2 * np.pi * (k % 3 + 1) * t + rng.normal(0, 0.3)) + rng.normal(0, 0.2, length)
        for k in range(n)
    ]
)[:, None, :]
y = np.array([k % 3 for k in range(n)])

series = _truth.Series()
library = (
    f"aeon {metadata.version('aeon')}, numba {metadata.version('numba')}, numpy {np.__version__}"
)
script = "tests/corpus/scripts/aeon_verbose_fit.py"

if VARIANT == "stc":
    from aeon.classification.shapelet_based import ShapeletTransformClassifier

    ShapeletTransformClassifier(n_shapelet_samples=200, verbose=1, random_state=0).fit(X, y)
    _truth.write(
        library=library,
        script=script,
        record="none: nothing printed is a metric",
        step_kind="none",
        series=series,
        notes=(
            "ShapeletTransformClassifier(n_shapelet_samples=200, verbose=1).fit on 60 series: nested, tagged "
            "progress lines: '[ShapeletTransformClassifier] Starting fit: n_cases=60, n_channels=1, "
            "shapelet_samples=200, n_jobs=1', '[RandomShapeletTransform] Starting fit: mode=fixed, n_cases=60, "
            "n_channels=1, candidate_samples=200, batch_size=100, n_jobs=1', '[RandomShapeletTransform] Progress: "
            "extracted=100/200, kept=66, elapsed=12.24s', 'Finished fit: extracted=200/200, retained=63, "
            "elapsed=14.89s', '[ShapeletTransformClassifier] Finished shapelet transform in 14.89s, retained=63', "
            "'[RotationForestClassifier] Starting fit: n_cases=60, n_attributes=63, n_estimators=200, n_jobs=1', "
            "'[RotationForestClassifier] Progress: built=20/200, elapsed=0.12s', ..., 'Finished estimator fit in "
            "1.01s', 'Finished fit in 15.90s'. Settings, sizes, counts of candidates kept and trees built, and "
            "elapsed clocks (the first includes numba's compilation): nothing here is a metric, any stored "
            "series is invented."
        ),
    )
elif VARIANT == "drcif":
    from aeon.classification.interval_based import DrCIFClassifier

    DrCIFClassifier(n_estimators=20, verbose=2, random_state=0).fit(X, y)
    _truth.write(
        library=library,
        script=script,
        record="none: nothing printed is a metric",
        step_kind="none",
        series=series,
        notes=(
            "DrCIFClassifier(n_estimators=20, verbose=2).fit on 60 series: '[DrCIFClassifier] Starting fit: "
            "n_cases=60, n_channels=1, n_timepoints=50, n_estimators=20, n_jobs=1', one line per tree "
            "'[DrCIFClassifier] Estimator 3/20: elapsed=0.28s, estimated_remaining=0.59s' (the tree's index out "
            "of the total, the elapsed clock and aeon's estimate of the time left), then '[DrCIFClassifier] "
            "Finished fit: built=20, elapsed=0.64s'. Settings, counts and clocks: nothing here is a metric, any "
            "stored series is invented."
        ),
    )
else:
    from aeon.clustering import KASBA

    model = KASBA(n_clusters=3, verbose=True, random_state=0)
    tee = Tee(sys.stdout)
    sys.stdout = tee
    try:
        model.fit(X)
    finally:
        sys.stdout = tee.under
    text = "".join(tee.buf)
    ba_epoch = re.compile(
        r"\[KASBA-BA\] epoch (\d+), (?:cost (\S+)|early convergence cost increasing: (\S+) >)"
    )
    iteration = re.compile(
        r"(?:^|--> )(?:Iteration (\d+), inertia (\S+)\.|Converged at iteration (\d+), inertia (\S+)\.)$"
    )
    last = None
    for line in text.splitlines():
        m = ba_epoch.match(line)
        if m:
            series.add("cost", None, int(m.group(1)), float(m.group(2) or m.group(3)))
            continue
        m = iteration.search(line)
        if m:
            it = int(m.group(1) or m.group(3))
            last = float(m.group(2) or m.group(4))
            series.add("inertia", it, None, last)
    # aeon 1.6.0 returns the previous iteration's inertia when the last one is lower (inertia_ is then the
    # one before the converged value): check it is one of the printed ones
    printed_inertias = [p[2] for p in series.series["inertia"]["points"]]
    assert last is not None and any(
        abs(v - model.inertia_) <= 1e-5 * abs(v) for v in printed_inertias
    ), (
        printed_inertias,
        model.inertia_,
    )
    _truth.write(
        library=library,
        script=script,
        record=(
            "no per-iteration record (KASBA keeps inertia_ only): the text fit(verbose=True) printed, teed; the "
            "last inertia checked against inertia_"
        ),
        step_kind="global",
        series=series,
        not_printed=[],
        notes=(
            "KASBA(n_clusters=3, verbose=True).fit on 60 series (MSM distance). For each cluster, at "
            "initialisation and at every assignment iteration, the barycentre averaging prints '[KASBA-BA] epoch "
            "0, cost 364.0849765436166' (the sum of distances to the barycentre, full repr; 'epoch' is the "
            "averaging's own epoch, restarting at 0 for each cluster and iteration: truth epoch = that number, "
            "step null), ending with '[KASBA-BA] epoch 2, early convergence cost increasing: 361.05… > previous "
            "cost: 361.05…' (aeon resets cost to the previous one before printing, so both numbers are the kept "
            "cost: one point at that epoch; 'previous cost' repeats the epoch before's value) and '[KASBA-BA] "
            "converged epoch 2, cost 361.05…' (the same epoch and value again: no new point). The assignment "
            "prints the inertia with 5 decimals and ' --> ' without a newline ('13533.48877 --> '), and the "
            "line is closed by 'Iteration 0, inertia 13533.488768839756.' (full repr) or, at the end, "
            "'Converged at iteration 1, inertia 5814.10026.' (5 decimals): series 'inertia' at step = the "
            "iteration aeon names (the bare number before '-->' is the same value, unnamed). (A first run, before numba's "
            "cache, also shows a NumbaTypeSafetyWarning from aeon's MSM distance: not in this capture.)"
        ),
    )
