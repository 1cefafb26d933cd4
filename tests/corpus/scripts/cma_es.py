"""CMA-ES (pycma) minimising the Rosenbrock function: its iteration table, as it prints it.

Versions: cma 4.5.0, numpy 2.4.6, Python 3.11 (the venv of tests/corpus/holdout's scripts).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_cma_es -- python tests/corpus/scripts/cma_es.py
    python tests/corpus/scripts/capture.py pty real_cma_es_pty -- python tests/corpus/scripts/cma_es.py
Truth: pycma's own data logger, ``outcmaes/fit.dat`` (one row per iteration: iteration,
evaluations, sigma, axis ratio, best-ever, best of the iteration, ...), for the iterations the
table shows (1, 2, 3, every ``verb_disp``-th, and the last).
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import cma

ITERATIONS, EVERY = 60, 10
logdir = tempfile.mkdtemp(prefix="cma-corpus-")
es = cma.CMAEvolutionStrategy(
    8 * [0.5],
    0.3,
    {
        "seed": 3,
        "verb_disp": EVERY,
        "maxiter": ITERATIONS,
        "verb_filenameprefix": logdir + "/",
    },
)
es.optimize(cma.ff.rosen)

rows = []
with open(os.path.join(logdir, "fit.dat")) as fh:
    for line in fh:
        if line.startswith("%"):
            continue
        cells = line.split()
        rows.append((int(cells[0]), float(cells[2]), float(cells[3]), float(cells[5])))
last = rows[-1][0]
series = _truth.Series()
for iteration, sigma, axis_ratio, best in rows:
    if iteration <= 3 or iteration % EVERY == 0 or iteration == last:
        series.add("function value", iteration, None, best)
        series.add("axis ratio", iteration, None, axis_ratio)
        series.add("sigma", iteration, None, sigma)

_truth.write(
    library=f"cma {cma.__version__} (numpy)",
    script="tests/corpus/scripts/cma_es.py",
    record="pycma's data logger: outcmaes/fit.dat (iteration, evaluations, sigma, axis ratio, "
    "best of the iteration)",
    step_kind="global",
    series=series,
    extra_ok=[
        "min&max std (two numbers under one header: the smallest and largest coordinate "
        "standard deviation, in the logger's stddev.dat)",
        "final/bestever f-value (the last iteration's best and the best ever, after the run)",
    ],
    not_printed=["median and worst objective function values, interquartile range (fit.dat)"],
    notes="A header `Iterat #Fevals   function value  axis ratio  sigma  min&max std  t[m:s]`, "
    "then one row per shown iteration: `   10    100 2.903558629104986e+01 2.0e+00 2.68e-01  "
    "2e-01  3e-01 0:00.0`; #Fevals counts evaluations (10 per iteration, a counter), t[m:s] is "
    "elapsed time. From some row on, pycma overwrites its last row in place (` -` then "
    "ESC[2K and the next row on the same line). The step is the iteration (Iterat). After the "
    "run: `termination on {'maxiter': 60}`, `final/bestever f-value = 5.05e+00 4.99e+00 after "
    "600/586 evaluations`, the incumbent solution and its standard deviations as lists "
    "(parameters, not metrics).",
)
