"""ECabc's artificial bee colony, its README's 'Tying everything together' loop: after each
abc.search() five prints, 'Average fitness: …', 'Average obj. fn. return value: …', 'Best
fitness score: …', 'Best obj. fn. return value: …' and 'Best parameters: {…}' then a blank
line; no cycle number is printed.

Variants: ints (the README verbatim: three integer parameters 0..10, minimize their sum) and
floats (the same loop on a 4-dimensional sphere with float parameters, so the parameter dict is
full of long floats beside the metrics).

Versions: ecabc 3.0.2, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAN-1):
    python tests/corpus/scripts/capture.py pipe real_ecabc_readme_ints -- python tests/corpus/scripts/ecabc_readme.py ints
    python tests/corpus/scripts/capture.py pipe real_ecabc_readme_floats -- python tests/corpus/scripts/ecabc_readme.py floats
Truth: the colony's own state read right after each search() (ABC.average_fitness,
average_ret_val, best_fitness, best_ret_val: its properties over its bees), the values the
prints format with str().
"""

import os
import random
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from ecabc import ABC

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "ints"
random.seed(11)
np.random.seed(11)


def minimize_integers(integers):
    return sum(integers)


def sphere(values):
    return sum(v * v for v in values)


if VARIANT == "ints":
    abc = ABC(10, minimize_integers)
    abc.add_param(0, 10, name="Int_1")
    abc.add_param(0, 10, name="Int_2")
    abc.add_param(0, 10, name="Int_3")
    cycles = 10
else:
    abc = ABC(12, sphere)
    for i in range(4):
        abc.add_param(-5.0, 5.0, name=f"x{i}")
    cycles = 12
abc.initialize()

series = _truth.Series()
NAMES = {
    "Average fitness": "average_fitness",
    "Average obj. fn. return value": "average_ret_val",
    "Best fitness score": "best_fitness",
    "Best obj. fn. return value": "best_ret_val",
}
for cycle in range(1, cycles + 1):
    abc.search()
    print(f"Average fitness: {abc.average_fitness}")
    print(f"Average obj. fn. return value: {abc.average_ret_val}")
    print(f"Best fitness score: {abc.best_fitness}")
    print(f"Best obj. fn. return value: {abc.best_ret_val}")
    print(f"Best parameters: {abc.best_params}\n")
    for printed, attr in NAMES.items():
        series.add(printed, cycle, None, float(getattr(abc, attr)))

_truth.write(
    library=f"ecabc {metadata.version('ecabc')} (numpy {metadata.version('numpy')})",
    script="tests/corpus/scripts/ecabc_readme.py",
    record="the ABC object's properties after each search() (average/best fitness and return value)",
    step_kind="global",
    series=series,
    notes=(
        "stdout only, the README's loop: per search cycle five lines and a blank one, "
        "'Average fitness: 0.0824…', 'Average obj. fn. return value: 11.65', 'Best fitness "
        "score: 0.125', 'Best obj. fn. return value: 7', 'Best parameters: {…}' (str() of each: "
        "full precision; 'fitness' is ECabc's 1/(1+f) transform of the return value f, both "
        "results). The cycle is never printed: step = the search cycle, 1-based (one block "
        "each). 'Best parameters' is the best bee's parameter dict"
        + (
            " of ints ({'Int_1': 4, 'Int_2': 3, 'Int_3': 0}): decision values, not metrics."
            if VARIANT == "ints"
            else " of floats ({'x0': -0.31…, 'x1': 1.02…, …}, repr floats): decision values, "
            "not metrics."
        )
    ),
)
