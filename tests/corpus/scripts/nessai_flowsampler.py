"""nessai (nested sampling with normalising flows): the quickstart's 2-d Gaussian with FlowSampler,
its INFO logging as a user sees it (configure_logger, then FlowSampler(...).run(plot=False)).

Versions: nessai 0.15.2, torch 2.13.0 (CPU), glasflow 0.4.1, numpy 2.4.6, scipy 1.17.1 (venv /work/venvs/corpus-zR-1:
pip install torch==2.13.0 && pip install pocomc nessai).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_nessai_flowsampler -- python tests/corpus/scripts/nessai_flowsampler.py
(no pty twin: nessai's StreamHandler writes plain lines, the same bytes under a terminal but
'\\r\\n'.) Output files go to /tmp/corpus-zR/nessai_out.
Truth: the sampler's own history (ns.history: iterations, logZ, dlogZ, max_log_likelihood,
rolling_p, every nlive // 10 iterations) at the iterations logged; the information H, not kept in
the history, read from the sampler state where log_state formats it (ns.state.info[-1]); the
rolling KS statistic D, not kept either, as returned by nessai's compute_indices_ks_test where
check_insertion_indices logs it; the final values from the sampler (state.logZ, state.info[-1],
final_ks_statistic, final_p_value, condition).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import nessai.samplers.nestedsampler as nsmod
import numpy as np
import torch
from nessai.flowsampler import FlowSampler
from nessai.model import Model
from nessai.utils import configure_logger

ks_returned: list[tuple] = []
h_logged: dict[int, float] = {}

_ks = nsmod.compute_indices_ks_test


def ks_test(indices, nlive, *a, **k):
    D, p = _ks(indices, nlive, *a, **k)
    ks_returned.append((D, p))
    return D, p


nsmod.compute_indices_ks_test = ks_test

_log_state = nsmod.NestedSampler.log_state


def log_state(self):
    h_logged[self.iteration] = float(self.state.info[-1])
    return _log_state(self)


nsmod.NestedSampler.log_state = log_state


class GaussianModel(Model):
    """A simple two-dimensional Gaussian likelihood (nessai's quickstart)."""

    def __init__(self):
        self.names = ["x", "y"]
        self.bounds = {"x": [-10, 10], "y": [-10, 10]}

    def log_prior(self, x):
        log_p = np.log(self.in_bounds(x), dtype="float")
        for n in self.names:
            log_p -= np.log(self.bounds[n][1] - self.bounds[n][0])
        return log_p

    def log_likelihood(self, x):
        log_l = np.zeros(x.size)
        for n in self.names:
            log_l += -0.5 * x[n] ** 2 - 0.5 * np.log(2 * np.pi)
        return log_l


output = "/tmp/corpus-zR/nessai_out"
configure_logger(output=output)
fs = FlowSampler(GaussianModel(), output=output, resume=False, seed=1234, nlive=500)
fs.run(plot=False)
ns = fs.ns

series = _truth.Series()
hist = ns.history
it = list(hist["iterations"])
rolling = list(hist["rolling_p"])
roll_ks = [r for r in ks_returned if r[1] is not None][: len(rolling)]
logged = sorted(h_logged)
# the rolling KS test is logged at every nlive iterations, just before the state line
for i, step in enumerate(logged):
    D, p = roll_ks[i]
    assert p == rolling[i]
    series.add("Rolling KS test: D", step, None, D)
    series.add("Rolling KS test: p-value", step, None, rolling[i])
    j = it.index(step)
    series.add("H", step, None, h_logged[step])
    series.add("dlogZ", step, None, hist["dlogZ"][j])
    series.add("logZ", step, None, hist["logZ"][j])
    series.add("logLmax", step, None, hist["max_log_likelihood"][j])
series.add("difference_log_evidence", None, None, ns.condition)
series.add("Final ln-evidence", None, None, ns.state.logZ)
series.add("Information", None, None, ns.state.info[-1])
series.add("Final KS test: D", None, None, ns.final_ks_statistic)
series.add("Final KS test: p-value", None, None, ns.final_p_value)

_truth.write(
    library=(
        f"nessai {metadata.version('nessai')} (torch {torch.__version__}, glasflow "
        f"{metadata.version('glasflow')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/nessai_flowsampler.py",
    record=(
        "ns.history (iterations, logZ, dlogZ, max_log_likelihood, rolling_p); H read from "
        "ns.state.info[-1] where log_state formats it; the rolling KS D as "
        "compute_indices_ks_test returned it; the final state (state.logZ, state.info[-1], "
        "final_ks_statistic, final_p_value, condition)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "+/- (the evidence's error, state.log_evidence_error: 'logZ: -27.483 +/- 0.078', "
        "'Final ln-evidence: -5.963 +/- 0.079')",
        "Effective sample size (of the posterior samples, 'Effective sample size: 1979.6')",
    ],
    not_printed=[
        "history likelihood_evaluations / sampling_time / mean_acceptance / min_log_likelihood "
        "and the points every nlive // 10 iterations that are not logged"
    ],
    notes=(
        "Python warnings first (FutureWarning of nessai.gw, 'Multiprocessing pool has already "
        "been configured.'), then logging lines 'MM-DD HH:MM nessai INFO    : message' on stderr. "
        "Set-up: 'Running Nessai version 0.15.2', 'Passing kwargs to FlowProposal: {'poolsize': "
        "500}', 'Assuming fallback reparameterisation (ScaleAndShift) for ['x', 'y'] with kwargs: "
        "{... 'prior_bounds': {'x': array([-10,  10]), …}}', 'New fuzz factor: 2.23606797749979' "
        "(configuration), 'Populated 50 / 500 live points' (counts). The loop logs every nlive "
        "(500) iterations two lines: 'it:   500: Rolling KS test: D=0.02, p-value=0.6615' (the "
        "KS test of the insertion indices: statistic D and p-value, 4 significant digits) and "
        "'it:   500: n eval: 1500 H: 3.06 dlogZ: 24.646 logZ: -27.483 +/- 0.078 logLmax: -1.84' "
        "('it:   500' is the iteration: the step; 'n eval' the likelihood calls so far: a count; "
        "H the information, dlogZ the remaining evidence estimate (the stopping quantity), logZ "
        "the running evidence, '+/- 0.078' its error (extra_ok), logLmax the highest "
        "log-likelihood). 'Switching to FlowProposal' (a phase). At the end: 'Stopping with "
        "difference_log_evidence=0.100' (the stopping quantity's final value, printed under the "
        "criterion's name: a point without step), 'Final ln-evidence: -5.963 +/- 0.079', "
        "'Information: 3.10', 'Final KS test: D=0.007359, p-value=0.7009' (over the whole run: "
        "points without step appended to the D and p-value series), then times ('Total sampling "
        "time: 0:00:17.340924', 'Total training time: …'), 'Total likelihood evaluations: 9411' "
        "(a count, printed twice), 'Effective sample size: 1979.6' (extra_ok), 'Expect "
        "1352.6065254245539 samples from rejection sampling' and 'Returned 1359 posterior "
        "samples' (counts of samples, not metrics). Series: D, p-value, H, dlogZ, logZ, logLmax at "
        "the logged iterations, then the final values (step null)."
    ),
)
