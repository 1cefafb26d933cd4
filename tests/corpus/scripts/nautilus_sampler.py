"""nautilus (neural-network nested sampling) on a 3-d Gaussian likelihood: its verbose status
table, rewritten in place with '\\r', and the user's closing evidence line.

Versions: nautilus-sampler 1.0.6, numpy 2.4.6, scipy 1.16, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-n-1: pip install torch==2.13.0 nautilus-sampler):
    python tests/corpus/scripts/capture.py pipe real_nautilus_sampler -- python tests/corpus/scripts/nautilus_sampler.py
    python tests/corpus/scripts/capture.py pty real_nautilus_sampler_pty -- python tests/corpus/scripts/nautilus_sampler.py
Truth: nautilus keeps no history of its status rows; the script wraps Sampler.print_status and
reads, at each row it prints, the sampler's own state that print_status formats (n_like, f_live,
n_eff, log_z; full precision). The closing line prints sampler.log_z.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from nautilus import Prior, Sampler

rows: list[dict] = []
_orig = Sampler.print_status


def print_status(self, status="", header=False, end="\n"):
    if not header:
        rows.append(
            dict(calls=int(self.n_like), f_live=self.f_live, n_eff=self.n_eff, log_z=self.log_z)
        )
    return _orig(self, status=status, header=header, end=end)


Sampler.print_status = print_status

prior = Prior()
for name in ("a", "b", "c"):
    prior.add_parameter(name, dist=(0, 1))


def likelihood(p):
    return -0.5 * sum(((p[k] - 0.5) / 0.05) ** 2 for k in ("a", "b", "c"))


sampler = Sampler(prior, likelihood, n_live=300, seed=0)
sampler.run(n_eff=2000, verbose=True)
print(f"log Z: {sampler.log_z:.2f}")
print(f"N_eff: {sampler.n_eff:.0f}")

series = _truth.Series()
seen: dict[str, tuple] = {}
for r in rows:
    for name, key in (("f_live", "f_live"), ("log Z", "log_z")):
        v = r[key]
        if v is None:  # printed 'N/A'
            continue
        # a row rewritten at the same Calls with the same value ('Sampling', then 'Computing')
        # is one point
        if seen.get(name) == (r["calls"], v):
            continue
        seen[name] = (r["calls"], v)
        series.add(name, r["calls"], None, float(v))
last = rows[-1]["calls"]
series.add("log Z", last, None, float(sampler.log_z))

_truth.write(
    library=f"nautilus-sampler {metadata.version('nautilus-sampler')} (numpy {np.__version__})",
    script="tests/corpus/scripts/nautilus_sampler.py",
    record=(
        "the sampler state Sampler.print_status formats (n_like, f_live, n_eff, log_z), read "
        "at each row it prints; closing lines: sampler.log_z, sampler.n_eff"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "N_eff (the effective sample size of the posterior samples, nautilus' second stopping "
        "criterion, printed rounded to an integer; an effective count, like the ESS other "
        "samplers report, so storing it is not required)"
    ],
    not_printed=[],
    notes=(
        "'Starting the nautilus sampler...', 'Please report issues at github.com/johannesulf/"
        "nautilus.', then a header 'Status    | Bounds | Ellipses | Networks | Calls    | "
        "f_live | N_eff | log Z    ' and one status row, padded to the terminal's width (80 "
        "columns piped, 120 under the pty) and ended by '\\r' (so piped the rows run on as one "
        "long line; the last, 'Finished', ends with a newline): 'Sampling  | 2      | 1        | "
        "4        | 600      | 1.0000 | 15    | -52.11   '. Status is a phase word (Sampling, "
        "Computing, Bounding, Finished); Bounds, Ellipses, Networks (the number of bounds, "
        "ellipsoids and neural networks) and Calls (likelihood calls so far) are counts: Calls is "
        "the step. f_live (the evidence fraction still in the live set, a stopping criterion) "
        "and log Z (the running log-evidence) are the series; N_eff (the effective sample size, "
        "the other stopping criterion, printed rounded to an integer) is extra_ok; 'N/A' where nautilus has "
        "none yet (f_live once the exploration phase ends). Rows repeat at the same Calls "
        "('Sampling' then 'Computing' with the same numbers): a repeated value at the same step "
        "is one point; a new bound at the same Calls changes log Z (two points at that step). "
        "The script then prints 'log Z: -6.26' and 'N_eff: 2075' (sampler.log_z at the last row's step; "
        "sampler.n_eff)."
    ),
)
