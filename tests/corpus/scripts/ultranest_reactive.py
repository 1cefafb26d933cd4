"""UltraNest's ReactiveNestedSampler on a 3-d Gaussian likelihood: its status line, region
plots, strategy log lines and print_results() summary.

Versions: ultranest 4.6.3, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-n-1: pip install ultranest):
    python tests/corpus/scripts/capture.py pipe real_ultranest_reactive -- python tests/corpus/scripts/ultranest_reactive.py
    python tests/corpus/scripts/capture.py pty real_ultranest_reactive_pty -- python tests/corpus/scripts/ultranest_reactive.py
Truth: UltraNest keeps no per-iteration record of its status line (it writes it with
sys.stdout.write every 20 iterations, on a region update, or 0.1 s after the last one: timing
decides). The script puts a thin wrapper on sys.stdout whose write(), when called from
ReactiveNestedSampler.run_iter, reads the sampler's own state from that frame (main_iterator.logZ,
Lmin, main_iterator.Lmax, it: the very values being formatted, full precision). The strategy lines
come from the 'ultranest' logger's records (their args, full precision); the summary from the
sampler's results dict.
"""

import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from ultranest import ReactiveNestedSampler

states: list[dict] = []  # one per status line written
log_args: list[tuple[str, tuple]] = []


class Watch:
    """sys.stdout as it was, noting the sampler's state at each status line it writes."""

    def __init__(self, under):
        self.under = under

    def write(self, text):
        frame = sys._getframe(1)
        if frame.f_code.co_name == "run_iter" and text.startswith("Z="):
            loc = frame.f_locals
            main = loc["main_iterator"]
            states.append(
                dict(
                    it=int(loc["it"]),
                    Z=float(main.logZ),
                    Lmin=float(loc["Lmin"]),
                    Lmax=float(main.Lmax),
                )
            )
        return self.under.write(text)

    def __getattr__(self, name):
        return getattr(self.under, name)


class Keep(logging.Handler):
    def emit(self, record):
        log_args.append((record.msg, tuple(record.args or ())))


def loglike(x):
    return -0.5 * np.sum(((x - 0.5) / 0.05) ** 2)


def transform(u):
    return u


np.random.seed(0)
sys.stdout = Watch(sys.stdout)
sampler = ReactiveNestedSampler(["a", "b", "c"], loglike, transform)
# after the sampler made its own handler (it makes none where one exists)
logging.getLogger("ultranest").addHandler(Keep(logging.INFO))
results = sampler.run(min_num_live_points=100)
sampler.print_results()
sys.stdout = sys.stdout.under

series = _truth.Series()
for s in states:
    series.add("Z", s["it"], None, s["Z"])
    series.add("Like", s["it"], None, s["Lmin"])
last = states[-1]["it"]
# '[ultranest]   logZ = -6.008 +- 0.1706': main_iterator.logZ_bs as logged
logged = [args for msg, args in log_args if msg.startswith("  logZ = ")]
for args in logged:
    series.add("logZ", last, None, args[0])
series.add("logZ", last, None, results["logz"])
series.add("single instance: logZ", last, None, results["logz_single"])
series.add("bootstrapped: logZ", last, None, results["logz_bs"])
assert len(logged) == 1 and abs(logged[0][0] - results["logz_bs"]) < 1e-9, (logged, results)

_truth.write(
    library=f"ultranest {metadata.version('ultranest')} (numpy {np.__version__})",
    script="tests/corpus/scripts/ultranest_reactive.py",
    record=(
        "status line: the sampler state run_iter formats (main_iterator.logZ, Lmin, "
        "main_iterator.Lmax) read from its frame at each write; log lines: the 'ultranest' "
        "logger's record args; summary: the results dict run() returns"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "Like upper end max hi (the second number of 'Like=-77.84..-3.13': the highest "
        "log-likelihood found so far, main_iterator.Lmax; the same printed name as the threshold)",
        "Z percent (the share of the evidence already integrated, 'Z=-6.0(99.37%)')",
        "eff (sampling efficiency in %, 'eff=76.9231%')",
        "logZ +- error (the evidence's standard errors, 'logZ = -6.000 +- 0.414', tail logZ = +- 0.006)",
        "ESS (effective sample size of the posterior samples)",
        "KL (the posterior uncertainty strategy's KL divergence estimate, +- its error)",
        "dlogz (the evidence uncertainty strategy's error estimate)",
        "logZ error budget single bs tail total (the error terms of the evidence)",
        "Explored until L (the last log-likelihood threshold reached)",
    ],
    not_printed=[],
    notes=(
        "stdout and stderr. '[ultranest] Sampling 100 live points from prior ...' (logger lines "
        "on stderr start with '[ultranest]'), then, each time the region is rebuilt, a region "
        "plot: 'Mono-modal Volume: ~exp(-3.13) * Expected Volume: exp(0.00) Quality: ok' (log "
        "volumes of the bounding region and of the prior mass left: sampler geometry, not "
        "metrics) and one line per parameter 'a:    +0.000|****** ** ***|   +1.000' (the live "
        "points' extent, bounds, not metrics). Between them the status line, rewritten with a "
        "trailing ' \\r' and no newline (so piped it runs on as one long line): 'Z=-82.4(0.00%) | "
        "Like=-77.84..-3.13 [-124.2292..-53.1506] | it/evals=10/113 eff=76.9231% N=100 '. Z is "
        "the running log-evidence (series Z), its percentage the share of the evidence already "
        "integrated (extra_ok); 'Like=lo..hi' is the current log-likelihood threshold (series "
        "Like, the first number) and the highest log-likelihood found so far (extra_ok: the same "
        "printed name); the bracket '[-124.2292..-53.1506]' is the likelihood interval the "
        "reactive strategy is working on (a target range, not a metric); it/evals are the "
        "iteration and likelihood-call counts (step = it), eff the sampling efficiency "
        "(extra_ok), N the number of live points (a count). At the end: '[ultranest] Explored "
        "until L=-0.002', '[ultranest] Likelihood function evaluations: 2473' (a count), "
        "'[ultranest]   logZ = -6.008 +- 0.1706' (series logZ), strategy lines '(ESS = 441.7, "
        "need >400)', '(KL: 0.47+-0.13 nat, need <0.50 nat)', '(dlogz=0.17, need <0.5)', 'logZ "
        "error budget: single: 0.22 bs:0.17 tail:0.01 total:0.17 required:<0.50' (diagnostics, "
        "extra_ok; the 'need'/'required' numbers are settings), then print_results(): 'logZ = "
        "-6.000 +- 0.414' (series logZ, results['logz']), '  single instance: logZ = -6.000 +- "
        "0.216', '  bootstrapped   : logZ = -6.008 +- 0.414' (series named by their labels), "
        "'  tail           : logZ = +- 0.006' (an error only), 'insert order U test : converged: "
        "True correlation: inf iterations' (a test's verdict) and one line per parameter '    a "
        "                  : 0.308 │▁▂▅▇▅▂│0.680     0.497 +- 0.047' (the posterior's range, "
        "mean and standard deviation: estimates of the model's parameters, not metrics). The "
        "summary values are at the last status line's step (printed after it). Which status "
        "lines are written depends on timing: this truth belongs to its capture."
    ),
)
