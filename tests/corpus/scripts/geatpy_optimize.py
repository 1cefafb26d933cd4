"""geatpy (the geatpy-rs build) run through ea.optimize(verbose=True, outputMsg=True) as its README
does, with its own printing: a '|'-separated log table (a '=' rule, a header, a '-' rule, then one
row per logged generation, floats '%.5E'), then the closing messages of ea.optimize.

- 'soea': soea_DE_rand_1_bin_templet on a 4-variable sphere, logTras=1: columns 'gen | eval |
  f_opt | f_max | f_avg | f_min | f_std'; closing 'The best objective value is: …' and the
  variables on a tab-separated line.
- 'moea': moea_NSGA2_templet on ZDT1, logTras=3: columns 'gen | eval | gd | igd | hv | spacing';
  closing 'gd: …', 'igd: …', 'hv: …', 'spacing: …' ('%.5f').

Versions: geatpy-rs 2.7.5 (import geatpy), numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with geatpy-rs):
    python tests/corpus/scripts/capture.py pipe real_geatpy_soea_de -- python tests/corpus/scripts/geatpy_optimize.py soea
    python tests/corpus/scripts/capture.py pipe real_geatpy_moea_nsga2 -- python tests/corpus/scripts/geatpy_optimize.py moea
Truth: algorithm.log, geatpy's own log dict (one list per column, full precision) behind the
table, and the result dict ea.optimize returns ('ObjV', 'gd', 'igd', 'hv', 'spacing') behind the
closing messages. ZDT1 writes its reference front to ./referenceObjV, so the script runs in a
temporary directory (drawing=0, drawLog=False, saveFlag=False: no other files).
"""

import os
import sys
import tempfile
from importlib import metadata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import geatpy as ea

which = sys.argv[1]
os.chdir(tempfile.mkdtemp())


class MyProblem(ea.Problem):
    def __init__(self):
        dim = 4
        ea.Problem.__init__(
            self, "Sphere", 1, [1], dim, [0] * dim, [-5] * dim, [5] * dim, [1] * dim, [1] * dim
        )

    def evalVars(self, Vars):
        return np.sum(Vars**2, 1, keepdims=True)


if which == "soea":
    problem = MyProblem()
    algorithm = ea.soea_DE_rand_1_bin_templet(
        problem, ea.Population(Encoding="RI", NIND=20), MAXGEN=15, logTras=1
    )
else:
    problem = ea.benchmarks.ZDT1()
    algorithm = ea.moea_NSGA2_templet(
        problem, ea.Population(Encoding="RI", NIND=30), MAXGEN=30, logTras=3
    )
res = ea.optimize(
    algorithm, seed=1, verbose=True, drawing=0, outputMsg=True, drawLog=False, saveFlag=False
)

# ---- truth: geatpy's own log and result ----
log = algorithm.log
series = _truth.Series()
columns = (
    ["f_opt", "f_max", "f_avg", "f_min", "f_std"]
    if which == "soea"
    else ["gd", "igd", "hv", "spacing"]
)
for i, gen in enumerate(log["gen"]):
    for col in columns:
        series.add(col, int(gen), None, float(log[col][i]))
if which == "soea":
    series.add("The best objective value is", None, None, float(res["ObjV"][0][0]))
else:
    for col in columns:
        series.add(col, None, None, float(res[col]))

common = (
    "The table is printed by Algorithm.display(): a '=' rule, the header centred in its cells "
    "with '|' between them, a '-' rule, then each logged row, e.g. ' 3 |   80   | 1.32223E+00 | "
    "…' ('gen' is the generation counted from 0 = the step; 'eval' the number of function "
    "evaluations, a count; every float '%.5E'). ea.optimize's closing messages: 'Execution time: "
    "0.0018 s' (a timing), 'Evaluation number: 300' (a count), "
)
if which == "soea":
    notes = common + (
        "'The best objective value is: 0.0346…' (full repr; the best individual's objective, a "
        "metric; the result dict keeps no generation, so its step is null), 'The best variables are: ' and a line of the 4 "
        "variables separated by tabs (parameters, not metrics). f_opt is the best so far, "
        "f_max/f_avg/f_min/f_std the population's statistics of the objective (minimised)."
    )
else:
    notes = common + (
        "'The number of non-dominated solutions is: 10' (a count), then 'gd: 0.69531', 'igd: "
        "2.05000', 'hv: 0.27869', 'spacing: 0.11432' ('%.5f', from the result dict: the "
        "non-dominated set's indicators). They share the table's column names, so each is the "
        "last point of its series, step null (the result dict keeps no generation; for gd, igd and spacing "
        "the same value as the table's last row; the closing hv is computed without the "
        "reference front and differs from the table's). Rows are logged every 3 generations "
        "plus the last one. hv is 0 in the early rows (no point dominates the reference)."
    )

_truth.write(
    library=f"geatpy-rs {metadata.version('geatpy-rs')} (numpy {np.__version__})",
    script="tests/corpus/scripts/geatpy_optimize.py",
    record="algorithm.log (geatpy's per-generation log dict) and the result dict of ea.optimize",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=notes,
)
