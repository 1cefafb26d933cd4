"""iminuit fits as its tutorials run them, in a script.

lsq: a least-squares fit (cost.LeastSquares) of a line plus a sine, print(m.migrad()) (the
     box-drawn 'Migrad' summary: FCN with chi2/ndof, EDM, Nfcn, validity flags, the parameter
     table and the covariance matrix), then m.minos() and print(m.params) (the table again with
     the Minos errors).
nll: an unbinned maximum-likelihood fit (cost.UnbinnedNLL) of a Gaussian peak on an exponential
     background with m.print_level = 2: Minuit2's C++ log lines ('I VariableMetricBuilder    3 -
     FCN =       2208.420711 Edm =       72.31273572 NCalls =     70', the seed state with its
     internal parameters, gradient and covariance matrix), then print(m.migrad()).

Versions: iminuit 2.33.0, numpy 2.4.6, scipy 1.17.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zg-1; about 1 s each):
    python tests/corpus/scripts/capture.py pipe real_iminuit_migrad_lsq -- python tests/corpus/scripts/iminuit_fit.py lsq
    python tests/corpus/scripts/capture.py pipe real_iminuit_migrad_nll_verbose -- python tests/corpus/scripts/iminuit_fit.py nll
(iminuit draws the same boxes under a terminal, without colours: no pty entries.)
Truth: the FMin object behind each printed box (fval, reduced_chi2, edm at full precision). Minuit2
keeps no per-iteration record: for 'nll' the script tees file descriptor 1 during migrad() (the
C++ logger writes there), so the iteration values are at their printed precision.
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import scipy
from _fdtee import FdTee
from iminuit import Minuit
from iminuit.cost import LeastSquares, UnbinnedNLL
from scipy.stats import expon, norm

which = sys.argv[1]
series = _truth.Series()
LIB = f"iminuit {metadata.version('iminuit')} (numpy {np.__version__}, scipy {scipy.__version__})"
SCRIPT = "tests/corpus/scripts/iminuit_fit.py"
rng = np.random.default_rng(1)

BOX_NOTES = (
    "print(m.migrad()) draws a box: '│ FCN = 19.01 (χ²/ndof = 0.7)      │              Nfcn = 65   "
    "            │' (FCN: the cost at the minimum, printed to 4 significant digits; χ²/ndof: "
    "the reduced chi-square, least squares only; Nfcn: the number of calls, a count), '│ EDM = "
    "1.37e-22 (Goal: 0.0002)    │' (EDM: the estimated distance to the minimum, a convergence "
    "statistic of the fit like lifelines' newton_decrement; Goal: the tolerance, a setting), for "
    "a slower fit '│ time = 0.1 sec │' (the fit's duration: extra_ok), the validity flags as "
    "words, then a parameter table '│ 0 │ a    │   1.15    │   0.15    │' (Value, Hesse Err, "
    "Minos Err-/+, Limit-/+: estimates, their errors and settings, not metrics) and the "
    "covariance matrix (not metrics). "
)

if which == "lsq":
    x = np.linspace(0, 10, 30)
    yerr = 0.3 + 0.05 * x

    def model(x, a, b, c):
        return a + b * x + c * np.sin(x)

    y = model(x, 1.0, 0.5, 0.8) + rng.normal(0, yerr)
    m = Minuit(LeastSquares(x, y, yerr, model), a=0, b=0, c=0)
    print(m.migrad())
    fmin = m.fmin
    m.minos()
    print(m.params)
    series.add("FCN", None, None, fmin.fval)
    series.add("χ²/ndof", None, None, fmin.reduced_chi2)
    series.add("EDM", None, None, fmin.edm)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="m.fmin (FMin: fval, reduced_chi2, edm) behind the printed box",
        step_kind="none",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=BOX_NOTES
        + "Least-squares fit of 3 parameters; the fit is printed once (one point per figure, no "
        "step). Then m.minos() and print(m.params): the parameter table again with the Minos "
        "errors filled in (no metric).",
    )
else:
    xs = np.append(rng.normal(1.0, 0.2, 300), rng.exponential(2.0, 700))
    xs = xs[xs < 5]

    def pdf(x, f, mu, sigma, tau):
        sig = norm.pdf(x, mu, sigma) / (norm.cdf(5, mu, sigma) - norm.cdf(0, mu, sigma))
        bkg = expon.pdf(x, 0, tau) / expon.cdf(5, 0, tau)
        return f * sig + (1 - f) * bkg

    m = Minuit(UnbinnedNLL(xs, pdf), f=0.5, mu=1.5, sigma=0.5, tau=1)
    m.limits["f"] = (0, 1)
    m.limits["sigma"] = (0, None)
    m.limits["tau"] = (0, None)
    m.print_level = 2
    tee = FdTee(1)
    try:
        m.migrad()
    finally:
        text = tee.close()
    print(m)
    fmin = m.fmin
    num = r"([-+0-9.eE]+|nan|inf)"
    last = None
    for line in text.splitlines():
        g = re.match(rf"I MnSeedGenerator Initial state: FCN = +{num} Edm = +{num} NCalls", line)
        if g:
            series.add("FCN", 0, None, float(g.group(1)))
            series.add("Edm", 0, None, float(g.group(2)))
            continue
        g = re.match(rf"  Minimum value : {num}$", line)
        if g:
            series.add("Minimum value", 0, None, float(g.group(1)))
            continue
        g = re.match(rf"  Edm +: {num}$", line)
        if g:
            series.add("Edm", 0, None, float(g.group(1)))
            continue
        g = re.match(rf"I VariableMetricBuilder +(\d+) - FCN = +{num} Edm = +{num} NCalls", line)
        if g:
            last = int(g.group(1))
            series.add("FCN", last, None, float(g.group(2)))
            series.add("Edm", last, None, float(g.group(3)))
    # the box after the log: the same names ('FCN', 'EDM' = 'Edm' as a name), at the last step
    series.add("FCN", last, None, fmin.fval)
    series.add("Edm", last, None, fmin.edm)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "Minuit2's print_level=2 log teed at file descriptor 1 (no record kept: printed "
            "precision), then m.fmin (fval, edm) behind the printed box"
        ),
        step_kind="global",
        series=series,
        extra_ok=["time (the fit's duration in the box)"],
        not_printed=[],
        notes=(
            "m.print_level = 2 makes Minuit2 log to stdout from C++: 'I MnSeedGenerator Computing "
            "seed using NumericalGradient calculator', 'I MnSeedGenerator Evaluated function and "
            "gradient in 9.86144 ms' (a duration), 'I MnSeedGenerator Initial state: FCN =       "
            "2615.359466 Edm =       471.1723506 NCalls =     17' (NCalls: a count), an 'Initial "
            "state' block ('  Minimum value : 2615.359466', '  Edm           : 471.1723506': the "
            "same state again, series 'Minimum value' and 'Edm' at step 0; 'Internal parameters:\\t"
            "[ 0 1.5 1.118 1.732]' and 'Internal gradient' arrays and a 4x4 'Internal covariance "
            "matrix:' in brackets: parameter values, derivatives and covariances, not metrics), 'I "
            "VariableMetricBuilder Start iterating until Edm is < 0.0002 with call limit = 680' "
            "(settings), then one line per iteration 'I VariableMetricBuilder    3 - FCN =       "
            "2208.420711 Edm =       72.31273572 NCalls =     70' (step = the iteration number, "
            "from 0, which is the seed state again), 'I MnHesse Done after 8.41 ms', 'I "
            "VariableMetricBuilder After Hessian' and one more iteration line, 'Stop iterating "
            "after 90.9 ms'. The seed state's FCN / Edm are step 0 (the state iteration 0 "
            "repeats). Then print(m) draws the Migrad box after the log, its 'FCN = 2111' (4 "
            "significant digits) and 'EDM = 4.15e-07' at the last iteration's step (truth: fmin at "
            "full precision; 'EDM' and 'Edm' are one name). " + BOX_NOTES
        ),
    )
