"""gplearn's verbose evolution table: a header grouped under titles (`Population Average`,
`Best Individual`) above a rule, then one row per generation.

Versions: gplearn 0.4.3, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with those packages):
    python tests/corpus/scripts/capture.py pipe real_gplearn_symbolic -- python tests/corpus/scripts/gplearn_symbolic.py
Truth: SymbolicRegressor.run_details_ (gplearn's own record of what each row prints).
"""

import os
import sys
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from gplearn.genetic import SymbolicRegressor

rng = np.random.RandomState(0)
X = rng.uniform(-1, 1, (100, 2))
y = X[:, 0] ** 2 - X[:, 1] + 0.5
est = SymbolicRegressor(
    population_size=300, generations=8, max_samples=0.9, verbose=1, random_state=0, n_jobs=1
)
est.fit(X, y)

series = _truth.Series()
details = est.run_details_
for i, gen in enumerate(details["generation"]):
    series.add("Population Average Length", gen, None, details["average_length"][i])
    series.add("Population Average Fitness", gen, None, details["average_fitness"][i])
    series.add("Best Individual Fitness", gen, None, details["best_fitness"][i])
    series.add("OOB Fitness", gen, None, details["best_oob_fitness"][i])

_truth.write(
    library=f"gplearn {version('gplearn')} (scikit-learn {version('scikit-learn')})",
    script="tests/corpus/scripts/gplearn_symbolic.py",
    record="SymbolicRegressor.run_details_ (generation, average_length, average_fitness, "
    "best_length, best_fitness, best_oob_fitness, generation_time)",
    step_kind="global",
    series=series,
    extra_ok=[
        "Best Individual Length (the best program's size in nodes, a whole number)",
        "Length (either Length column, named without its group)",
    ],
    notes=(
        "verbose=1 prints a header on three lines: '    |   Population Average    |             "
        "Best Individual              |' (group titles between bars), a rule of dashes per "
        "column ('---- ------------------------- ...'), then ' Gen   Length          Fitness   "
        "Length          Fitness      OOB Fitness  Time Left'; then one row per generation "
        "('   0    38.11          4649.14        7         0.325495          0.32376      2.82s'). "
        "The two Length and the two Fitness columns are told apart by their group: the truth "
        "names them 'Population Average Length', 'Best Individual Fitness', ...; 'OOB Fitness', "
        "alone of its name, keeps its own. Step = Gen "
        "(gplearn's generation, 0-based). Time Left is an estimate of time, not a metric; the "
        "best program's Length is a whole number (its size), in extra_ok."
    ),
)
