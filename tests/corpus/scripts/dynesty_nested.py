"""dynesty static nested sampling of a 3-d Gaussian likelihood: its tqdm progress line.

Versions: dynesty 3.1.0, tqdm 4.67, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/other-c):
    python tests/corpus/scripts/capture.py pipe real_dynesty_nested -- python tests/corpus/scripts/dynesty_nested.py
    python tests/corpus/scripts/capture.py pty real_dynesty_nested_pty -- python tests/corpus/scripts/dynesty_nested.py
Truth: the sampler's own iteration result that dynesty formats for the bar (itresult.logz,
.loglstar, .delta_logz, full precision), taken by wrapping dynesty.utils.print_fn_tqdm; a tqdm
display hook notes which states were actually drawn (timing decides), at which position n of the
bar (the step), and which values the drawn line shows in full (under a 120-column terminal tqdm
cuts the line: 'loglstar: -137.220 | logz: -' shows loglstar only). The final logz is checked against results.logz[-1].
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import dynesty  # noqa: E402
import dynesty.utils as dyu  # noqa: E402
import numpy as np  # noqa: E402
import tqdm.std  # noqa: E402

current: dict = {}
drawn: dict[int, dict] = {}  # bar position -> the state last drawn there

_orig_print = dyu.print_fn_tqdm


def print_fn_tqdm(pbar, itresult, niter, ncall, **kw):
    current.clear()
    current.update(
        logz=float(itresult.logz),
        loglstar=float(itresult.loglstar),
        dlogz=float(itresult.delta_logz),
    )
    return _orig_print(pbar, itresult, niter, ncall, **kw)


dyu.print_fn_tqdm = print_fn_tqdm
_orig_display = tqdm.std.tqdm.display


# how each value is printed: one whose printed digits are not all on the line (cut by the
# terminal's width) is not shown
SHOWN = {"loglstar": "loglstar: {:6.3f}", "logz": "logz: {:6.3f}", "dlogz": "dlogz: {:6.3f}"}


def display(self, *a, **k):
    if current and self.n > 0:
        visible = str(self)  # the line as tqdm draws it (cut to the terminal's width)
        # a redraw at the same position: the last one drawn
        drawn[self.n] = {
            name: v for name, v in current.items() if SHOWN[name].format(v) in visible
        }
    return _orig_display(self, *a, **k)


tqdm.std.tqdm.display = display


def loglike(x):
    return -0.5 * np.sum((x - 0.5) ** 2 / 0.01)


def prior_transform(u):
    return 2 * u - 1


sampler = dynesty.NestedSampler(
    loglike, prior_transform, 3, nlive=400, rstate=np.random.default_rng(0)
)
sampler.run_nested(dlogz=0.1)
results = sampler.results
print(f"logz = {results.logz[-1]:.3f} +/- {results.logzerr[-1]:.3f}")
print(f"niter = {results.niter}, ncall = {int(np.sum(results.ncall))}")

series = _truth.Series()
assert abs(current["logz"] - results.logz[-1]) < 1e-9, (current, results.logz[-1])
for n in sorted(drawn):
    for name in ("loglstar", "logz", "dlogz"):
        if name in drawn[n]:
            series.add(name, n, None, drawn[n][name])
series.add("logz", None, None, float(results.logz[-1]))
# the script's own closing line prints results.logz[-1] once more (step: none of its own)
series.series["logz"]["points"][-1][0] = max(drawn)

_truth.write(
    library=f"dynesty {metadata.version('dynesty')} (tqdm {metadata.version('tqdm')})",
    script="tests/corpus/scripts/dynesty_nested.py",
    record=(
        "the IteratorResult dynesty formats for its bar (logz, loglstar, delta_logz), taken in "
        "dynesty.utils.print_fn_tqdm; a tqdm display hook notes the drawn states; the closing "
        "line's logz is results.logz[-1]"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "eff(%) (sampling efficiency: accepted / likelihood calls)",
        "logz +/- error (the evidence's standard error, 'logz +/- 0.107'; results.logzerr)",
        "it/s (iterations per second of the bar)",
    ],
    not_printed=[],
    notes=(
        "One tqdm bar on stderr, unknown total at first ('0it [00:00, ?it/s]'), then dynesty sets "
        "pbar.total from its dlogz-based ETA: ' 28%|##  | 154/543 [00:00<00:00, 1477.52it/s, "
        "bound: 0 | nc: 4 | ncall: 457 | eff(%): 33.698 | loglstar: -13.239 | logz: -17.856 +/-  "
        "0.180 | dlogz: 16.451 >  0.500]'. bound (index of the bounding ellipsoid set), nc "
        "(likelihood calls of this iteration), ncall (calls so far) are counts; eff(%) the "
        "sampling efficiency (acceptable, extra_ok); '> 0.100' is the stopping threshold given to "
        "run_nested (a setting, printed on every state: storing it is invented); the '+/- 0.180' "
        "is logz's standard error (extra_ok). loglstar (the likelihood threshold), logz (the "
        "evidence estimate) and dlogz (the evidence still in the live points, the convergence "
        "criterion) are the series, at the bar position n (the iteration count). At the end "
        "dynesty adds the live points ('+400 | bound: 9 | ...') at the same position: the last "
        "state drawn there is the point. The script then prints 'logz = -6.113 +/- 0.110' (the "
        "logz series' last point, at the last position) and 'niter = 3383, ncall = 18189' "
        "(counts). Under a pty tqdm cuts each line at the terminal's 120 columns, mid-number ('... "
        "| loglstar: -137.220 | logz: -'): only values shown in full are in the truth (there the "
        "logz and dlogz series hold the final state and the closing line only). Which states are drawn depends on timing: this truth belongs to its capture."
    ),
)
