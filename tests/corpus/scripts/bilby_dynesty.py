"""bilby with dynesty: the linear-regression core example (GaussianLikelihood, two uniform priors),
bilby.run_sampler(sampler="dynesty", nlive=250), then print(result), as a user runs it.

Versions: bilby 2.8.2 (bilby.cython 0.5.4), dynesty 3.1.0, numpy 2.4.6, tqdm 4.70.1, Python 3.11
(venv /work/venvs/corpus-zR-2: pip install numpyro arviz blackjax && pip install bilby).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_bilby_dynesty -- python tests/corpus/scripts/bilby_dynesty.py
    python tests/corpus/scripts/capture.py pty real_bilby_dynesty_pty -- python tests/corpus/scripts/bilby_dynesty.py
Output files go to /tmp/corpus-zR/bilby_out (removed first: bilby resumes from its checkpoint).
Truth: the dynesty state bilby formats for its tqdm bar (Dynesty._print_func's `results`:
logz, delta_logz, as it adjusts them), noted at each drawn redraw with the bar position n (the
iteration, niter); the Result object for the summary (log_evidence, log_noise_evidence,
log_bayes_factor).
"""

import os
import shutil
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import bilby
import bilby.core.sampler.dynesty as bdyn
import numpy as np
import tqdm.std

current: dict = {}
drawn: dict[int, dict] = {}

_print_func = bdyn.Dynesty._print_func


def print_func(self, results, niter, *a, **k):
    delta_logz = float(results.delta_logz)
    current.update(
        niter=niter,
        logz=float(results.logz) if results.logz > -1e6 else -np.inf,
        dlogz=delta_logz if delta_logz <= 1e6 else np.inf,
    )
    return _print_func(self, results, niter, *a, **k)


bdyn.Dynesty._print_func = print_func

_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    if current and self.n > 0 and k.get("msg") is None and not a:
        drawn[self.n] = dict(current)  # a redraw at one position: the last one drawn
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display

outdir = "/tmp/corpus-zR/bilby_out"
shutil.rmtree(outdir, ignore_errors=True)
bilby.core.utils.random.seed(1)


def model(time, m, c):
    return time * m + c


injection_parameters = dict(m=0.5, c=0.2)
sigma = 1
sampling_frequency = 10
time_duration = 10
time = np.arange(0, time_duration, 1 / sampling_frequency)
N = len(time)
rng = np.random.default_rng(0)
data = model(time, **injection_parameters) + rng.normal(0, sigma, N)

likelihood = bilby.likelihood.GaussianLikelihood(time, data, model, sigma)
priors = dict()
priors["m"] = bilby.core.prior.Uniform(0, 5, "m")
priors["c"] = bilby.core.prior.Uniform(-2, 2, "c")

result = bilby.run_sampler(
    likelihood=likelihood,
    priors=priors,
    sampler="dynesty",
    nlive=250,
    injection_parameters=injection_parameters,
    outdir=outdir,
    label="linear_regression",
)
print(result)

series = _truth.Series()
series.add("Analysis likelihood noise evidence", None, None, result.log_noise_evidence)
for n in sorted(drawn):
    series.add("logz", n, None, drawn[n]["logz"])
    series.add("dlogz", n, None, drawn[n]["dlogz"])
for _ in range(2):  # bilby's logger summary (stderr), then print(result) (stdout)
    series.add("ln_noise_evidence", None, None, result.log_noise_evidence)
    series.add("ln_evidence", None, None, result.log_evidence)
    series.add("ln_bayes_factor", None, None, result.log_bayes_factor)

_truth.write(
    library=(
        f"bilby {metadata.version('bilby')} (dynesty {metadata.version('dynesty')}, numpy "
        f"{np.__version__}, tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/bilby_dynesty.py",
    record=(
        "the dynesty results Dynesty._print_func formats for the bar (logz, delta_logz), noted "
        "at drawn redraws with the bar position; bilby's Result (log_evidence, "
        "log_noise_evidence, log_bayes_factor)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "eff (dynesty's sampling efficiency in %, 'eff:57.9%')",
        "+/- (the evidence's error: 'logz=-2023.48+/-0.16', 'ln_evidence: -144.871 +/-  0.186')",
        "it/s (the bar's rate)",
    ],
    not_printed=["result.log_evidence_err beyond the '+/-', posterior samples, nested samples"],
    notes=(
        "bilby's logger on stderr, 'HH:MM bilby INFO    : message': 'Running for label "
        "'linear_regression', output will be saved to '/tmp/corpus-zR/bilby_out'', 'Analysis "
        "priors:', 'm=Uniform(minimum=0, maximum=5, name='m', latex_label='m', unit=None, "
        "boundary=None)' (the priors: configuration), 'Analysis likelihood noise evidence: nan' "
        "(the noise log-evidence, NaN for this likelihood: a point of its own series), a "
        "FutureWarning 'Parameter attribute queried for …' with its source line, 'Single "
        "likelihood evaluation took 4.421e-05 s' (a time), 'Checkpoint every check_point_delta_t "
        "= 600s' (a setting), 'Using dynesty version 3.1.0', 'Using the bilby-implemented "
        "ensemble rwalk sampling … maximum length 500000.' (settings). Then bilby's own tqdm bar "
        "on STDOUT (tqdm(file=sys.stdout)), no total: '1it [00:00, ?it/s]', then '569it [00:00, "
        "1975.05it/s, bound:0 nc:  8 ncall:2.0e+03 eff:28.9% logz=-279.87+/-0.18 "
        "dlogz:144>0.1]' redrawn with '\\r' ('569it' is the iteration: the step; bound, nc, "
        "ncall are counts (ncall in e-notation); eff extra_ok; logz the running log-evidence "
        "with '+/-0.18' its error (extra_ok); dlogz the remaining evidence with '>0.1' the "
        "stopping threshold (a setting)). Piped, stdout is block-buffered: the bar's redraws "
        "come out in chunks between the logger's stderr lines and one chunk stops in the middle "
        "of a redraw; the logger line 'Written checkpoint file …' lands right after a redraw on "
        "the same line. The last state (after the live points are added) 'dlogz:0.000381>0.1'. "
        "Then 'Rejection sampling nested samples to obtain 655 posterior samples' (a count), "
        "'Sampling time: 0:00:09.000806', two 'Result.save_to_file called with extension=True' "
        "warnings, 'Summary of results:' and, as bare lines, 'nsamples: 655' (a count), "
        "'ln_noise_evidence:    nan', 'ln_evidence: -144.871 +/-  0.186', 'ln_bayes_factor:    "
        "nan +/-  0.186'; print(result) prints the same four lines again on stdout. Series: logz "
        "and dlogz at the drawn bar positions; ln_noise_evidence, ln_evidence, ln_bayes_factor "
        "twice each (logger, then print), without step; NaN points are NaN in the Result."
    ),
)
