"""celer's working-set solvers with verbose=1 on synthetic sparse data: a Lasso fit, a Lasso
path (celer_path over 4 alphas) and an L1 LogisticRegression (its prox-Newton solver).

Versions: celer 0.7.4, scikit-learn 1.9.1, numpy 2.2.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zO-1):
    python tests/corpus/scripts/capture.py pipe real_celer_lasso -- python tests/corpus/scripts/celer_verbose.py lasso
    python tests/corpus/scripts/capture.py pipe real_celer_path -- python tests/corpus/scripts/celer_verbose.py path
    python tests/corpus/scripts/capture.py pipe real_celer_logreg -- python tests/corpus/scripts/celer_verbose.py logreg
(plain print() lines from its Cython solvers: the same under a terminal, no pty entries.)
Truth: celer keeps no per-iteration record: the script tees sys.stdout during the fit (the
Cython solvers print with Python's print()), so per-iteration values are at their printed
precision; checked against what celer does record: Lasso's n_iter_ and dual_gap_ (the last
'gap'), celer_path's dual_gaps and n_iters per alpha. LogisticRegression records neither.
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from _fdtee import teed
from celer import Lasso, LogisticRegression, celer_path

what = sys.argv[1] if len(sys.argv) > 1 else "lasso"
rng = np.random.RandomState(0)
X = rng.randn(200, 500)
w = np.zeros(500)
w[:10] = rng.randn(10)
y = X @ w + 0.5 * rng.randn(200)
alpha_max = np.max(np.abs(X.T @ y)) / len(y)

record = {}
if what == "lasso":
    est = Lasso(alpha=alpha_max / 50, verbose=1, tol=1e-8)
    lines = teed(lambda: est.fit(X, y))
    print(f"n_iter_: {est.n_iter_}, dual_gap_: {est.dual_gap_:.3e}")
    record = {"n_iter": [est.n_iter_], "gaps": [est.dual_gap_]}
elif what == "path":
    out = {}

    def run():
        out["res"] = celer_path(
            X, y, "lasso", n_alphas=4, eps=0.02, verbose=1, tol=1e-6, return_n_iter=True
        )

    lines = teed(run)
    alphas, coefs, gaps, n_iters = out["res"]
    record = {"n_iter": list(n_iters), "gaps": list(gaps)}
else:
    yc = np.sign(X @ w + 0.5 * rng.randn(200))
    clf = LogisticRegression(C=0.05, verbose=1, tol=1e-6)
    lines = teed(lambda: clf.fit(X, yc))
    print(f"training accuracy: {clf.score(X, yc):.4f}")

series = _truth.Series()
it_re = re.compile(r"^Iter (\d+): primal (\S+), gap ([^,\s]+)")
exit_re = re.compile(r"^Early exit, gap: (\S+) < (\S+)$")
blocks = []  # (last iteration, last gap) per solve
for line in lines:
    m = it_re.match(line)
    if m:
        step = int(m.group(1)) if what != "path" else None
        series.add("primal", step, None, float(m.group(2)))
        series.add("gap", step, None, float(m.group(3)))
        last = (int(m.group(1)), m.group(3))
    m = exit_re.match(line)
    if m:
        assert m.group(1) == last[1]  # the last iteration's gap again: same point
        blocks.append(last)
if record:
    # celer's own record agrees with the text: iterations done and the final gap per solve
    assert [b[0] + 1 for b in blocks] == [int(n) for n in record["n_iter"]], (blocks, record)
    assert [b[1] for b in blocks] == [f"{g:.2e}" for g in record["gaps"]], (blocks, record)
if what == "lasso":
    series.add("dual_gap_", last[0], None, est.dual_gap_)  # printed by the script, 4 digits
if what == "logreg":
    series.add("training accuracy", last[0], None, clf.score(X, yc))

notes = {
    "lasso": (
        "stdout: a banner '#########################' / '##### Computing alpha 1/1' / "
        "'#########################' (1/1: the position on the alpha path, a count), then one "
        "line per outer (working-set) iteration 'Iter 3: primal 0.2586965178, gap 1.47e-01, 64 "
        "feats in subpb (500 left)' (step = the printed iteration, 0-based; primal is the "
        "objective, gap the duality gap: the series; 64 is the working-set size and 500 the "
        "features left after screening: counts, not metrics). The last iteration prints no "
        "working-set part ('Iter 9: primal 0.2477277261, gap 4.67e-08'), then 'Early exit, gap: "
        "4.67e-08 < 5.37e-08' repeats that gap (the same point, not a new one) against the "
        "stopping threshold (tol scaled by the data: a setting, not a metric). The script then "
        "prints 'n_iter_: 10, dual_gap_: 4.669e-08' from celer's record: n_iter_ is a count (not "
        "a metric); dual_gap_ is the final duality gap at full precision (series 'dual_gap_', "
        "at the last iteration's step)."
    ),
    "path": (
        "celer_path over 4 alphas: each solve opens with a banner '##### Computing alpha 2/4' "
        "between two rows of '#' (the position on the path: a count), then 'Iter 0: primal "
        "2.7037012326, gap 1.63e+00, 1 feats in subpb (500 left)' lines whose iteration counter "
        "restarts at 0 for every alpha, the last without the working-set part, and 'Early "
        "exit, gap: 6.22e-14 < 5.41e-06' (that gap again, against the threshold: a setting). "
        "primal (the objective) and gap (the duality gap) are the series, in print order with "
        "no step (the counter restarts; step_kind none). The first alpha is alpha_max: it stops "
        "at iteration 0 with a gap of about 1e-16. The script prints nothing else."
    ),
    "logreg": (
        "L1 LogisticRegression solved by celer's prox-Newton working-set solver: the banner "
        "'##### Computing alpha 1/1' between two rows of '#', then per outer iteration 'Iter 1: "
        "primal 124.3047380732, gap 1.96e-01' (step = the iteration, 0-based; primal objective "
        "and duality gap: the series) followed by 'Solving subproblem with 20 constraints' (the "
        "working-set size: a count), the last iteration followed by 'Early exit, gap: 4.26e-14 "
        "< 1.39e-04' (that gap again against the threshold, a setting). The script then prints "
        "'training accuracy: 0.8050' (clf.score on the training data, at the last iteration's "
        "step). celer's LogisticRegression records no n_iter_ and no gap."
    ),
}[what]

_truth.write(
    library=(
        f"celer {metadata.version('celer')} (scikit-learn {metadata.version('scikit-learn')}, "
        f"numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/celer_verbose.py",
    record=(
        "the text the solver printed with verbose=1, teed (no per-iteration record kept); "
        + {
            "lasso": "checked against Lasso.n_iter_ and dual_gap_",
            "path": "checked against celer_path's returned dual_gaps and n_iters",
            "logreg": "training accuracy from clf.score",
        }[what]
    ),
    step_kind="none" if what == "path" else "global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=notes,
)
