"""pyGAM: LinearGAM(...).gridsearch() (its progressbar2 bar over the lambda grid) then
gam.summary(); LogisticGAM the same, then the user prints gam.accuracy().

Versions: pygam 0.12.0 (progressbar2, scipy 1.16.3, numpy 2.4.6), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-j-1):
    python tests/corpus/scripts/capture.py pipe real_pygam_linear_summary -- python tests/corpus/scripts/pygam_fit.py linear
    python tests/corpus/scripts/capture.py pty  real_pygam_linear_summary_pty -- python tests/corpus/scripts/pygam_fit.py linear
    python tests/corpus/scripts/capture.py pipe real_pygam_logistic_summary -- python tests/corpus/scripts/pygam_fit.py logistic
Truth: gam.statistics_ (loglikelihood, AIC, AICc, GCV or UBRE, pseudo_r2['explained_deviance'])
of the model gridsearch kept, and the returned gam.accuracy(); gridsearch prints no score per
candidate (its bar only counts them).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from pygam import LinearGAM, LogisticGAM, f, s

which = sys.argv[1]
series = _truth.Series()
LIB = f"pygam {metadata.version('pygam')} (progressbar2 {metadata.version('progressbar2')}, scipy {metadata.version('scipy')}, numpy {np.__version__})"
SCRIPT = "tests/corpus/scripts/pygam_fit.py"
rng = np.random.default_rng(0)
n = 500
X = np.column_stack([rng.uniform(0, 10, n), rng.uniform(-3, 3, n), rng.integers(0, 4, n)])
COMMON_NOTE = (
    "gridsearch draws a progressbar2 bar on stderr ' 40% (2 of 5) |##########      | Elapsed "
    "Time: 0:00:00 ETA:   0:00:00' (piped: one line per state; under a terminal redrawn with "
    "'\\r', the percentage and count coloured): counts and times, no metric. summary() prints the model's class name, a two-column block: left 'Distribution: "
    "NormalDist', 'Link Function: IdentityLink', 'Number of Samples: 500' (settings, a count); "
    "right 'Effective DoF: 25.9066' (the model's effective degrees of freedom: its complexity, "
    "not a metric of fit), then the fit's statistics (series, one point each, no step), then a "
    "feature table (Feature Function, Lambda '[1.]' (a hyper-parameter), Rank (a count), EDoF, "
    "P > x, Sig. Code '***': per-term estimates and tests, not metrics), 'Significance codes:  "
    "0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1' (thresholds), two WARNING paragraphs and "
    "pyGAM's 'KNOWN BUG: p-values ...' UserWarning naming an issue number (not metrics)."
)


def stats(gam, gcv_name):
    st = gam.statistics_
    series.add("Log Likelihood", None, None, st["loglikelihood"])
    series.add("AIC", None, None, st["AIC"])
    series.add("AICc", None, None, st["AICc"])
    series.add(gcv_name, None, None, st[gcv_name])
    series.add("Pseudo R-Squared", None, None, st["pseudo_r2"]["explained_deviance"])


if which == "linear":
    y = np.sin(X[:, 0]) + 0.5 * X[:, 1] ** 2 + 0.3 * X[:, 2] + rng.normal(0, 0.3, n)
    gam = LinearGAM(s(0) + s(1) + f(2)).gridsearch(X, y, lam=np.logspace(-3, 3, 5))
    gam.summary()
    stats(gam, "GCV")
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="gam.statistics_ of the model gridsearch kept (loglikelihood, AIC, AICc, GCV, pseudo_r2)",
        step_kind="none",
        series=series,
        extra_ok=[],
        not_printed=["UBRE, deviance, McFadden pseudo R-squared (in statistics_, not printed)"],
        notes=(
            COMMON_NOTE
            + " LinearGAM's right column: 'Log Likelihood: -118.5907', 'AIC: 290.9946', 'AICc: "
            "294.1757', 'GCV: 0.1092', 'Scale: 0.3148' (the estimated noise scale: an estimate, "
            "not a metric), 'Pseudo R-Squared: 0.961' (statistics_['pseudo_r2']"
            "['explained_deviance'])."
        ),
    )

elif which == "logistic":
    logit = np.sin(X[:, 0]) + 0.8 * X[:, 1] - 0.4 * X[:, 2]
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    gam = LogisticGAM(s(0) + s(1) + f(2)).gridsearch(X, y, lam=np.logspace(-2, 2, 4))
    gam.summary()
    acc = gam.accuracy(X, y)
    print(f"training accuracy: {acc:.4f}")
    stats(gam, "UBRE")
    series.add("training accuracy", None, None, acc)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record=(
            "gam.statistics_ of the model gridsearch kept (loglikelihood, AIC, AICc, UBRE, "
            "pseudo_r2) and the value gam.accuracy(X, y) returned"
        ),
        step_kind="none",
        series=series,
        extra_ok=[],
        not_printed=["GCV, deviance, McFadden pseudo R-squared (in statistics_, not printed)"],
        notes=(
            COMMON_NOTE
            + " LogisticGAM's right column: 'Log Likelihood:', 'AIC:', 'AICc:', 'UBRE: 3.1' (the "
            "un-biased risk estimator, the score gridsearch minimizes for a known scale), 'Scale: "
            "1.0' (fixed for a binomial model: a setting), 'Pseudo R-Squared:'. The script then "
            "prints 'training accuracy: 0.7420' (gam.accuracy on the training data)."
        ),
    )
