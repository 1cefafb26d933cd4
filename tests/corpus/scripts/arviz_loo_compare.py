"""ArviZ's printed summaries after small NumPyro NUTS fits, as users print them.

--part loo: one linear model, MCMC(NUTS, 2 chains) with NumPyro's tqdm bars (one CPU device, so
the chains run one after the other, one bar each), then print(az.summary(idata)),
print(az.loo(idata)), print(az.waic(idata)) and print(az.ess(idata)).
--part compare: three models (intercept only, x1, x1 + x2) fitted without a bar
(progress_bar=False, as in a loop over models), then print(az.compare(models)) and
print(az.compare(models, ic="waic")).

Versions: arviz 0.23.4, numpyro 0.22.0, jax 0.10.2 (CPU), pandas 3.1.1, xarray 2026.9.0,
tqdm 4.70.1, Python 3.11 (venv /work/venvs/corpus-zR-2: pip install numpyro arviz blackjax).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_arviz_loo_waic -- python tests/corpus/scripts/arviz_loo_compare.py --part loo
    python tests/corpus/scripts/capture.py pty real_arviz_loo_waic_pty -- python tests/corpus/scripts/arviz_loo_compare.py --part loo
    python tests/corpus/scripts/capture.py pipe real_arviz_compare -- python tests/corpus/scripts/arviz_loo_compare.py --part compare
    python tests/corpus/scripts/capture.py pty real_arviz_compare_pty -- python tests/corpus/scripts/arviz_loo_compare.py --part compare
Truth: the objects ArviZ returns. az.loo's / az.waic's ELPDData (elpd_loo, p_loo; elpd_waic,
p_waic) and az.compare's DataFrame (elpd_loo / elpd_waic, p_loo / p_waic, elpd_diff, weight, se,
dse per model row) are statistics of the fits: the series, restricted to the columns pandas
actually printed (into a pipe it assumes 80 columns and elides the middle ones). The bars'
'acc. prob' is NumPyro's HMCState.mean_accept_prob, taken where NUTS.get_diagnostics_str formats
it after every iteration; a tqdm display hook notes which states were drawn and at which bar
position. az.summary's rows (mean, sd, hdi, mcse, ess, r_hat per parameter) and az.ess's values
per parameter are estimates and diagnostics of single parameters: no series, not extra_ok.
"""

import argparse
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import arviz as az
import jax
import numpy as np
import numpyro
import numpyro.distributions as dist
import tqdm.std
from numpyro.infer import MCMC, NUTS

parser = argparse.ArgumentParser()
parser.add_argument("--part", choices=["loo", "compare"], required=True)
args = parser.parse_args()

current: dict = {}
drawn: dict[tuple[int, int], float] = {}  # (bar number, position n) -> acc. prob drawn
bars: dict[int, int] = {}


class RecordingNUTS(NUTS):
    def get_diagnostics_str(self, state):
        current["accept"] = float(state.mean_accept_prob)
        return super().get_diagnostics_str(state)


_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    if "accept" in current and self.n > 0 and k.get("msg") is None and not a:
        bar = bars.setdefault(id(self), len(bars))
        drawn[(bar, self.n)] = current["accept"]  # a redraw at one position: the last drawn
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display

rng = np.random.default_rng(0)
n = 80
X = rng.normal(size=(n, 2))
y = 0.5 + 1.2 * X[:, 0] + rng.normal(0, 0.8, n)


def intercept(X, y=None):
    a = numpyro.sample("alpha", dist.Normal(0, 5))
    s = numpyro.sample("sigma", dist.HalfNormal(2))
    numpyro.sample("y", dist.Normal(a, s), obs=y)


def one_slope(X, y=None):
    a = numpyro.sample("alpha", dist.Normal(0, 5))
    b = numpyro.sample("beta", dist.Normal(0, 5))
    s = numpyro.sample("sigma", dist.HalfNormal(2))
    numpyro.sample("y", dist.Normal(a + b * X[:, 0], s), obs=y)


def two_slopes(X, y=None):
    a = numpyro.sample("alpha", dist.Normal(0, 5))
    b = numpyro.sample("beta", dist.Normal(0, 5).expand([2]))
    s = numpyro.sample("sigma", dist.HalfNormal(2))
    numpyro.sample("y", dist.Normal(a + X @ b, s), obs=y)


def fit(model, seed, progress_bar=True):
    mcmc = MCMC(
        RecordingNUTS(model),
        num_warmup=300,
        num_samples=300,
        num_chains=2,
        progress_bar=progress_bar,
    )
    mcmc.run(jax.random.PRNGKey(seed), X, y)
    return az.from_numpyro(mcmc)


def shown(frame) -> list[str]:
    """The columns pandas printed (the header line of its repr), not the values."""
    header = str(frame).splitlines()[0].split()
    return [c for c in frame.columns if c in header]


series = _truth.Series()
library = (
    f"arviz {az.__version__} (numpyro {metadata.version('numpyro')}, jax {jax.__version__}, "
    f"pandas {metadata.version('pandas')}, xarray {metadata.version('xarray')}, tqdm "
    f"{metadata.version('tqdm')})"
)

if args.part == "loo":
    idata = fit(two_slopes, 0)
    print(az.summary(idata))
    loo = az.loo(idata)
    print(loo)
    waic = az.waic(idata)
    print(waic)
    print(az.ess(idata))
    for (_bar, pos), v in drawn.items():
        series.add("acc. prob", pos, None, v)
    for name, res in (("elpd_loo", loo), ("p_loo", loo), ("elpd_waic", waic), ("p_waic", waic)):
        series.add(name, None, None, res[name])
    _truth.write(
        library=library,
        script="tests/corpus/scripts/arviz_loo_compare.py",
        record=(
            "az.loo(idata) and az.waic(idata) (ArviZ's ELPDData); HMCState.mean_accept_prob "
            "that NUTS.get_diagnostics_str formats for the bars, the drawn states noted by a tqdm "
            "display hook"
        ),
        step_kind="global",
        series=series,
        extra_ok=[
            "steps of size (the adapted NUTS step size in the bar, 'of size 7.70e-01')",
            "it/s (iterations per second of the bar)",
            "SE (the standard error of elpd_loo / elpd_waic in the az.loo / az.waic tables)",
        ],
        not_printed=[
            "loo_i, pareto_k, waic_i per observation (ELPDData keeps them; not printed)",
            "se of p_loo / p_waic (printed as '-')",
        ],
        notes=(
            "NumPyro first warns (UserWarning, stderr) 'There are not enough devices to run "
            "parallel chains: expected 2 but got 1. Chains will be drawn sequentially. …'. Then "
            "two tqdm bars (one per chain, each 600 = 300 warmup + 300 samples, redrawn with "
            "'\\r'): '  0%|          | 0/600 [00:00<?, ?it/s]' while JAX compiles, 'warmup:   5%|"
            "▌         | 30/600 [00:01<00:34, 16.63it/s, 15 steps of size 5.20e-02. acc. "
            "prob=0.74]', then 'sample: 100%|██████████| 600/600 [00:01<00:00, 309.20it/s, 3 "
            "steps of size 7.70e-01. acc. prob=0.92]'. The postfix: '<num_steps> steps of size "
            "<step size>. acc. prob=<running mean acceptance probability>'; num_steps (leapfrog "
            "steps of the last trajectory) is a count, the step size extra_ok, acc. prob the "
            "series at the bar position n (the iteration, warmup included), so its steps start "
            "again with the second chain's bar (points of chain 1 first, then chain 2, in print "
            "order). stdout: print(az.summary(idata)): a pandas table, rows alpha, beta[0], "
            "beta[1], sigma (the model's parameters), columns mean, sd, hdi_3%, hdi_97%, "
            "mcse_mean, mcse_sd, ess_bulk, ess_tail, r_hat: per-parameter posterior estimates and "
            "diagnostics, NOT metrics (a pipe elides the middle columns with '...' and adds '[4 "
            "rows x 9 columns]'; the 120-column terminal shows all nine). print(az.loo(idata)): "
            "'Computed from 600 posterior samples and 80 observations log-likelihood matrix.' "
            "(counts), an 'Estimate       SE' table with rows 'elpd_loo  -105.70     6.75' and "
            "'p_loo        4.18        -', '------', 'Pareto k diagnostic values:' and a table of "
            "k intervals '(-Inf, 0.64]   (good)       80  100.0%' (Count, Pct.: counts and "
            "shares, no metric). az.waic first warns (UserWarning, stderr) 'For one or more "
            "samples the posterior variance of the log predictive densities exceeds 0.4. …' "
            "(0.4: a threshold), then the same kind of table with rows elpd_waic and p_waic and "
            "'There has been a warning during the calculation. Please check the results.'. "
            "print(az.ess(idata)): an xarray Dataset repr, '<xarray.Dataset> Size: 48B', "
            "'Dimensions:     (beta_dim_0: 2)', 'Coordinates:' '  * beta_dim_0  (beta_dim_0) "
            "int64 16B 0 1', 'Data variables:' '    alpha       float64 8B 608.0', '    beta        "
            "(beta_dim_0) float64 16B 368.4 351.2', then 'Attributes:' (created_at timestamp, "
            "arviz_version, inference_library, inference_library_version): the bulk effective "
            "sample size of each parameter (a per-parameter diagnostic, like r_hat: no series, "
            "not extra_ok), sizes in bytes, an index, versions. Series: acc. prob (drawn states), "
            "elpd_loo, p_loo, elpd_waic, p_waic (the Estimate column, two decimals printed, truth "
            "at full precision, no step: one fit). Which bar states are drawn depends on timing: "
            "this truth belongs to its capture."
        ),
    )
else:
    models = {
        "intercept": fit(intercept, 0, progress_bar=False),
        "x1": fit(one_slope, 1, progress_bar=False),
        "x1 + x2": fit(two_slopes, 2, progress_bar=False),
    }
    tables = []
    for ic in ("loo", "waic"):
        table = az.compare(models) if ic == "loo" else az.compare(models, ic="waic")
        print(table)
        tables.append(table)
    for table in tables:
        for col in shown(table):
            if col in ("rank", "warning", "scale"):
                continue  # an ordinal, a flag and the scale's name
            for row, v in enumerate(table[col]):
                series.add(col, row, None, v)
    _truth.write(
        library=library,
        script="tests/corpus/scripts/arviz_loo_compare.py",
        record="az.compare(models) and az.compare(models, ic='waic'): ArviZ's DataFrames",
        step_kind="trial",
        series=series,
        extra_ok=[],
        not_printed=[
            "the columns pandas elides into a pipe ('...'): see notes; the models' own "
            "ELPDData pointwise values"
        ],
        notes=(
            "NumPyro warns once (UserWarning, stderr) 'There are not enough devices to "
            "run parallel chains: expected 2 but got 1. Chains will be drawn sequentially. …' "
            "followed by the source line '  mcmc = MCMC('; no bar (progress_bar=False). Then "
            "print(az.compare(models)): a pandas table indexed by the model names ('x1', 'x1 + "
            "x2', 'intercept', best first), columns rank (0, 1, 2: the ordering, not a metric), "
            "elpd_loo, p_loo, elpd_diff, weight, se, dse (ArviZ's comparison statistics: the "
            "series), warning (a bool) and scale ('log': a setting). Into a pipe pandas assumes 80 "
            "columns: 'rank    elpd_loo     p_loo  ...       dse  warning scale', rows 'x1            "
            "0 -104.581774  3.133842  ...  0.000000    False   log', then '[3 rows x 9 columns]' "
            "(counts): only elpd_loo, p_loo and dse are printed there; under the 120-column "
            "terminal all columns are. az.compare(models, ic='waic') warns twice from "
            "az.waic ('For one or more samples the posterior variance of the log predictive "
            "densities exceeds 0.4. This could be indication of WAIC starting to fail.' with "
            "'See http://arxiv.org/abs/1507.04544 for details' and '  warnings.warn(') and prints "
            "the same table with elpd_waic and p_waic. Each row is one model: the step is the "
            "row's position (0-based) as in the other leaderboard entries; the model's name "
            "('x1 + x2' holds a '+') names the row, not the metric. weight is the stacking "
            "weight (0 to 1, '0.000000' for the intercept model). The two tables share elpd_diff, weight, se "
            "and dse: those series hold the loo rows, then the waic rows."
        ),
    )
