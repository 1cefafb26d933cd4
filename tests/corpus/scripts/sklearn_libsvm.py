"""scikit-learn's C solvers printing from C: LogisticRegression(solver="liblinear", verbose=1)
(LIBLINEAR's trust-region Newton iterations) then SVC(verbose=True) (LIBSVM's summary).

Versions: scikit-learn 1.9.1, scipy 1.17, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/other-c):
    python tests/corpus/scripts/capture.py pipe real_sklearn_liblinear_libsvm -- python tests/corpus/scripts/sklearn_libsvm.py
Truth: neither solver keeps what it prints (LogisticRegression keeps n_iter_ only; SVC keeps
-rho as intercept_ but not the dual objective).  The script tees file descriptor 1 (the C
printf output, bytes forwarded unchanged) around each fit and takes the values from the copy:
the printed text is the only record, at its printed precision.  (LogisticRegression(solver=
"lbfgs", verbose=1) prints nothing with this SciPy: its L-BFGS-B is no longer the Fortran code
that printed 'At iterate 0 f= ...'.)  Nothing prints differently under a terminal.
"""

import ctypes
import io
import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
from _fdtee import FdTee  # noqa: E402
from sklearn.datasets import make_classification  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.svm import SVC  # noqa: E402

libc = ctypes.CDLL(None)
# scikit-learn prints its '[LibLinear]' / '[LibSVM]' tags with Python's print (no newline), the
# solvers with C printf: Python's writes go straight through and C's buffer is flushed after each
# fit, so the piped file has them in the order a terminal shows (tag, then the solver's lines).
sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), write_through=True)
X, y = make_classification(n_samples=600, n_features=12, n_informative=6, random_state=0)


def teed(fit):
    tee = FdTee(1)
    try:
        fit()
    finally:
        libc.fflush(None)  # C stdio's buffer into the tee before it closes
    return tee.close()


lr_text = teed(lambda: LogisticRegression(solver="liblinear", verbose=1, C=10, tol=1e-10).fit(X, y))
svc = SVC(verbose=True)
svc_text = teed(lambda: svc.fit(X, y))

series = _truth.Series()
for m in re.finditer(r"iter\s+(\d+) act \S+ pre \S+ delta \S+ f (\S+) \|g\| (\S+)", lr_text):
    series.add("f", int(m.group(1)), None, float(m.group(2)))
m = re.search(r"obj = (\S+), rho = (\S+)", svc_text)
series.add("obj", None, None, float(m.group(1)))
assert abs(abs(float(m.group(2))) - abs(svc.intercept_[0])) < 1e-5

_truth.write(
    library=f"scikit-learn {metadata.version('scikit-learn')} (numpy {np.__version__})",
    script="tests/corpus/scripts/sklearn_libsvm.py",
    record=(
        "the text LIBLINEAR and LIBSVM printed to stdout, teed at the file descriptor (neither "
        "keeps it)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "|g| (norm of the objective's gradient at that iteration)",
        "delta (LIBLINEAR's trust-region radius, the Newton step's size)",
    ],
    not_printed=[],
    notes=(
        "LIBLINEAR (logistic regression, trust-region Newton): '[LibLinear]iter  1 act 1.361e+03 "
        "pre 1.213e+03 delta 7.316e-01 f 4.159e+03 |g| 5.665e+03 CG   3' (the first line glued to "
        "the solver's '[LibLinear]' tag), 'cg reaches trust region boundary', 'iter  2 act ...', "
        "... 'WARNING: actred and prered too small'. f is the regularised training objective (the "
        "loss being minimised: the series, step = iter); |g| its gradient norm and delta the trust "
        "region radius are acceptable (extra_ok); act / pre (actual and predicted reduction of f "
        "inside one Newton step) are internals of the solver and CG a count of conjugate-gradient "
        "steps: storing them is invented. LIBSVM (SVC, RBF kernel): '[LibSVM]*' (one '*' per 1000 "
        "SMO iterations... printed as progress), 'optimization finished, #iter = 387' (a count), "
        "'obj = -196.129586, rho = 0.126147' (obj: the dual objective at the optimum, the series, "
        "one point; rho: minus the intercept, a fitted parameter, not a metric), 'nSV = 288, nBSV "
        "= 215', 'Total nSV = 288' (counts of support vectors). C stdio buffers stdout when piped: "
        "the script flushes it after each fit and makes Python's stdout write through, so the file has the order a terminal shows."
    ),
)
