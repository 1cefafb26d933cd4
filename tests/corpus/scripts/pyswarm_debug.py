"""pyswarm's pso(..., debug=True) (the Fortran-backed pyswarm 1.1.x) on its README's banana
function without constraints: Fortran list-directed lines ' New best iter           5 :
4.8970540177574495     ' when the swarm's best improves and ' Iter           5 best =
4.8970540177574495     ' every iteration, then the README's closing print of xopt / fopt.

Versions: pyswarm 1.1.2, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAN-1):
    python tests/corpus/scripts/capture.py pipe real_pyswarm_debug -- python tests/corpus/scripts/pyswarm_debug.py
Truth: pyswarm keeps no per-iteration record (its OptimizeResult has fun, nit, nfev): the
objective values pyswarm received, in evaluation order (swarmsize evaluations for the initial
swarm, then swarmsize per iteration), give the swarm's best after iteration i as the minimum of
the first swarmsize * (i + 1) values; the last one is checked against OptimizeResult.fun.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from pyswarm import pso

SWARM, MAXITER = 20, 15
seen = []


def banana(x):
    x1 = x[0]
    x2 = x[1]
    f = x1**4 - 2 * x2 * x1**2 + x2**2 + x1**2 - 2 * x1 + 5
    seen.append(float(f))
    return f


lb = [-3, -1]
ub = [2, 6]

result = pso(banana, lb, ub, swarmsize=SWARM, maxiter=MAXITER, debug=True, seed=5)
xopt, fopt = result.x, result.fun
print("xopt:", xopt)
print("fopt:", fopt)

assert len(seen) == result.nfev, (len(seen), result.nfev)
series = _truth.Series()
new_best = _truth.Series()
prev = min(seen[:SWARM])
for i in range(1, result.nit + 1):
    best = min(seen[: SWARM * (i + 1)])
    if best < prev:
        new_best.add("New best iter", i, None, best)
    series.add("best", i, None, best)
    prev = best
assert abs(best - fopt) <= 1e-12 * max(1.0, abs(fopt)), (best, fopt)
series.series["New best iter"] = new_best.series["New best iter"]
series.add("fopt", None, None, float(fopt))

_truth.write(
    library=f"pyswarm {metadata.version('pyswarm')} (numpy {metadata.version('numpy')})",
    script="tests/corpus/scripts/pyswarm_debug.py",
    record=(
        "the objective values handed back to pyswarm (running minimum per iteration: pyswarm "
        "keeps no history), checked against OptimizeResult.fun"
    ),
    step_kind="global",
    series=series,
    notes=(
        "stdout: Fortran list-directed writes from the compiled core, ' Iter           3 best "
        "=   5.5227818586083872     ' each iteration (series 'best', step = the iteration "
        "printed) and, before it when the best improved, ' New best iter           3 :   "
        "5.5227818586083872     ' (the same value; series 'New best iter', only the "
        "iterations that print it). No name but the line's words: the number after "
        "'iter …' is the iteration, not a metric. Then the README's 'xopt: [0.46… 0.68…]' (the "
        "decision vector, not a metric) and 'fopt: 4.50…' (OptimizeResult.fun, series 'fopt'). "
        "Under a pipe the Fortran runtime buffers its own output and writes it at process exit, "
        "so the two Python prints come first in the file."
    ),
)
