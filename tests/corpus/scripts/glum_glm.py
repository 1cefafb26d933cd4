"""glum's GeneralizedLinearRegressor: an unpenalised Poisson GLM fitted with verbose=1 (its tqdm
bar 'Iteration 2:  76%|███████▌  | 3.04/4.0 [0.05s/it, gradient norm=0.0009194102073600767]'),
then the summary a user prints: coef_table(X, y) (coef, se, t_value, p_value, ci_lower,
ci_upper), report_diagnostics(), wald_test() for a categorical term, AIC / BIC and score().

Versions: glum 3.4.1 (tabmat 4.2.1), pandas 3.1.1, numpy 2.4.6, tqdm 4.70.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zg-1; about 2 s):
    python tests/corpus/scripts/capture.py pipe real_glum_poisson_summary -- python tests/corpus/scripts/glum_glm.py
    python tests/corpus/scripts/capture.py pty real_glum_poisson_summary_pty -- python tests/corpus/scripts/glum_glm.py
Truth: the fitted model's diagnostics_ (per IRLS iteration: 'convergence', the gradient norm the
bar shows for that iteration, asserted equal at each bar state tqdm drew, noted by a display
hook), aic(), bic() and score() as returned.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import tqdm
from glum import GeneralizedLinearRegressor

drawn = []  # (iteration, gradient norm) at each bar state tqdm drew


class Bar(tqdm.tqdm):
    def display(self, msg=None, pos=None):
        if isinstance(self.postfix, list):  # glum's bar keeps [iteration, s/it, norm] there
            drawn.append((self.postfix[0], self.postfix[2]))
        return super().display(msg, pos)


tqdm.tqdm = Bar  # glum's ProgressBar does `from tqdm import tqdm` when the fit starts

rng = np.random.default_rng(0)
n = 600
X = pd.DataFrame(
    {
        "age": rng.normal(40, 12, n),
        "income": rng.lognormal(3, 0.5, n),
        "urban": rng.binomial(1, 0.4, n).astype(float),
        "region": pd.Categorical(rng.choice(["north", "south", "east"], n)),
    }
)
mu = np.exp(-1 + 0.02 * X.age + 0.3 * X.urban + 0.2 * (X.region == "south"))
y = rng.poisson(mu)

model = GeneralizedLinearRegressor(family="poisson", alpha=0, verbose=1, drop_first=True)
model.fit(X, y)
print(model.coef_table(X=X, y=y))
model.report_diagnostics()
print(model.wald_test(X=X, y=y, terms=["region"]))
aic, bic = model.aic(X, y), model.bic(X, y)
print(f"AIC: {aic:.3f}  BIC: {bic:.3f}")
d2 = model.score(X, y)
print("D^2:", d2)

series = _truth.Series()
diag = {d["n_iter"]: d for d in model.diagnostics_}
seen = set()
for it, norm in drawn:
    assert norm == diag[it]["convergence"], (it, norm, diag[it])
    if it in seen:
        continue  # close() redraws the last state: one point
    seen.add(it)
    series.add("gradient norm", it, None, norm)
for it in sorted(diag):
    series.add("convergence", it, None, diag[it]["convergence"])
last = max(diag)
series.add("AIC", last, None, aic)
series.add("BIC", last, None, bic)
series.add("D^2", last, None, d2)

_truth.write(
    library=(
        f"glum {metadata.version('glum')} (tabmat {metadata.version('tabmat')}, pandas "
        f"{pd.__version__}, numpy {np.__version__}, tqdm {tqdm.__version__})"
    ),
    script="tests/corpus/scripts/glum_glm.py",
    record=(
        "model.diagnostics_ (per IRLS iteration: convergence = the gradient norm the bar shows, "
        "asserted at each drawn bar state), aic(X, y), bic(X, y), score(X, y)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "iteration_runtime (seconds per iteration in the diagnostics table)",
        "the bar's seconds per iteration ('0.05s/it')",
    ],
    not_printed=[
        "the last iteration's gradient norm on the bar (tqdm drew no state for it: it is only "
        "in the diagnostics table)"
    ],
    notes=(
        "verbose=1 draws a tqdm bar on stderr with a custom format 'Iteration 0:   0%|          | "
        "0/4.0 [s/it, gradient norm=0.4567777499169403]' then, redrawn with '\\r', 'Iteration 2:  "
        "76%|███████▌  | 3.04/4.0 [0.05s/it, gradient norm=0.0009194102073600767]' (the bar "
        "counts log10 progress of the gradient norm towards its tolerance, 3.04/4.0 is not a "
        "count of anything; 'Iteration 2' is the IRLS iteration = the step; series 'gradient "
        "norm' at the states drawn, one point per iteration). coef_table(X, y) prints a pandas "
        "table 'intercept     -0.872052  0.159890 -5.454084  4.922599e-08 -1.185430 -0.558674' "
        "under 'coef  se  t_value  p_value  ci_lower  ci_upper' with rows 'age', 'income', "
        "'urban', 'region[north]', 'region[south]': estimates, standard errors, t values, p "
        "values and confidence bounds, NOT metrics. report_diagnostics() prints 'Diagnostics:' "
        "and a table indexed by n_iter with 'convergence' (the gradient norm per iteration, "
        "e-notation: series 'convergence', step = n_iter), 'n_cycles' (a count), "
        "'iteration_runtime' (seconds: extra_ok) and 'intercept' (the intercept's estimate at "
        "that iteration, in the solver's scaled space: an estimate, not a metric). "
        "print(wald_test(...)) prints 'WaldTestResult(test_statistic=array([1.16788071]), "
        "p_value=array([0.55769651]), df=2)': a test of the 'region' coefficients (like a t "
        "value: not a metric), its p value and degrees of freedom. 'AIC: 1530.566  BIC: "
        "1556.947' and 'D^2: 0.0588…' (score(): the fraction of deviance explained) are the "
        "fit statistics, at the last iteration's step."
    ),
)
