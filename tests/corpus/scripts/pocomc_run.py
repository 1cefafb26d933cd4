"""pocomc (Preconditioned Monte Carlo): a small run with its tqdm progress bar, as in the quickstart.

A 2-d Gaussian likelihood under a uniform prior, Sampler(prior, likelihood, vectorize=True),
run(progress=True), then the evidence printed by the user.

Versions: pocomc 1.2.6, torch 2.13.0 (CPU), numpy 2.4.6, scipy 1.17.1, tqdm 4.70.1 (venv /work/venvs/corpus-zR-1:
pip install torch==2.13.0 && pip install pocomc nessai).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_pocomc_run -- python tests/corpus/scripts/pocomc_run.py
    python tests/corpus/scripts/capture.py pty real_pocomc_run_pty -- python tests/corpus/scripts/pocomc_run.py
Truth: the stats pocomc hands its ProgressBar (ProgressBar.update_stats(info), merged as pocomc
merges them into the postfix), noted at each tqdm redraw with the bar's position n (the iteration
counter pocomc advances); a redraw at the same position keeps the last state drawn there (pocomc
redraws after every MCMC step within an iteration). sampler.results holds the same per-iteration
beta, logz, ess, accept, efficiency, calls, steps (checked against it below) but not the
within-iteration states the bar draws. The final line: sampler.evidence().
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pocomc as pc
import pocomc.tools
import torch
import tqdm.std
from scipy.stats import uniform

current: dict = {}
drawn: dict[int, dict] = {}

_update_stats = pocomc.tools.ProgressBar.update_stats


def update_stats(self, info):
    _update_stats(self, info)
    current.clear()
    current.update(self.info)  # the merged dict that set_postfix was given


pocomc.tools.ProgressBar.update_stats = update_stats

_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    if current and k.get("msg") is None and not a:
        drawn[self.n] = dict(current)  # a redraw at one position: the last one drawn
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display

np.random.seed(0)
torch.manual_seed(0)
n_dim = 2
prior = pc.Prior([uniform(-10, 20)] * n_dim)


def log_likelihood(x):
    return -0.5 * np.sum((x - 1.0) ** 2 / 0.5**2, axis=1)


sampler = pc.Sampler(
    prior=prior,
    likelihood=log_likelihood,
    vectorize=True,
    random_state=0,
    n_effective=256,
    n_active=128,
)
sampler.run(n_total=1000, n_evidence=1000, progress=True)
logz, logz_err = sampler.evidence()
print(f"log evidence: {logz:.4f} +/- {logz_err:.4f}")

# the postfix keys pocomc formats, as printed
names = {"beta": "beta", "ESS": "ESS", "logZ": "logZ", "logP": "logP", "acc": "acc", "eff": "eff"}
series = _truth.Series()
for n in sorted(drawn):
    for key, name in names.items():
        if key in drawn[n]:
            series.add(name, n, None, drawn[n][key])
series.add("log evidence", None, None, logz)

res = sampler.results
# the record agrees with the bar at the end of every iteration (beta, logZ, ESS)
assert abs(float(res["beta"][-1]) - float(drawn[max(drawn)]["beta"])) < 1e-12

_truth.write(
    library=(
        f"pocomc {metadata.version('pocomc')} (torch {torch.__version__}, numpy {np.__version__}, "
        f"tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/pocomc_run.py",
    record=(
        "the info dicts pocomc passes to ProgressBar.update_stats (the bar's postfix), noted at "
        "each drawn redraw with the bar position n; sampler.results (iter, beta, logz, ess, "
        "accept, efficiency, calls, steps per iteration) holds the end-of-iteration values; "
        "sampler.evidence() for the printed evidence"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "it/s, s/it (the bar's rate)",
        "+/- (the evidence's error from sampler.evidence(), 'log evidence: -5.5491 +/- 0.0204')",
    ],
    not_printed=[
        "results['u'], ['x'], ['logl'], ['logp'], ['logw'] (the particles and their weights)"
    ],
    notes=(
        "One tqdm bar on stderr with no total (pocomc does not know the number of iterations), "
        "desc 'Iter', redrawn with '\\r' after every update: 'Iter: 0it [00:00, ?it/s]', then "
        "'Iter: 7it [00:02,  2.27it/s, beta=0.0464, calls=2432, ESS=257, logZ=-2.5, logP=-39.8, "
        "acc=0.733, steps=9, eff=0.588]' (tqdm's set_postfix: 3 significant digits, 'beta=0', "
        "'beta=1'). The first drawn postfix 'beta=0, calls=0, ESS=256, logZ=0, logP=0, acc=0, "
        "steps=0, eff=0' is pocomc's initial dict. Within one iteration the postfix is redrawn "
        "after every MCMC step (calls and steps grow, logP and acc change) at the same position "
        "n ('7it'); the truth keeps the last state drawn at each n. Postfix: beta (the inverse "
        "temperature of the annealing, 0 to 1: the run's progress, recorded in results['beta'], "
        "a series), calls (likelihood calls so far: a count), ESS (the effective sample size of "
        "the particles, results['ess']), logZ (the running evidence estimate, results['logz']), "
        "logP (the particles' mean log posterior at this temperature), acc (the MCMC acceptance "
        "rate, results['accept']), steps (MCMC steps of this iteration: a count), eff (the "
        "sampler's efficiency, results['efficiency']). The warm-up iterations show 'beta=0, "
        "logZ=0'. Then, on stdout, the script's 'log evidence: -5.5491 +/- 0.0204' "
        "(sampler.evidence(): the final evidence and its error, a hand-written print). Series at "
        "the bar position n (0 included); 'log evidence' has no step."
    ),
)
