"""mle-hyperopt's ask/tell loop as its README runs it: RandomSearch(real=..., integer=...,
categorical=..., verbose=True), strategy.ask(batch) / strategy.tell(configs, values) for three
batches, then strategy.print_ranking(3). The objective: 3-fold CV mean squared error of a
polynomial ridge regression on synthetic data. mle-hyperopt draws rich tables: a 'MLE-Hyperopt
Random Hyperspace 🚀' table of the search space, after each tell a table 'Total: 4 | ID | Obj. 📉 |
Configuration 🔖 - <date>' with rows 'Best Overall' and 'Best in Batch' (the best evaluation's id,
objective rounded to 3 decimals and configuration), and the final ranking table 'Rank | ID |
Obj. | Configuration'.

Versions: mle-hyperopt 0.0.10, rich 15.0.0, numpy 2.4.6, scikit-learn 1.9.1, Python 3.11.
Capture (repository root, a venv with mle-hyperopt and scikit-learn):
    python tests/corpus/scripts/capture.py pipe real_mle_hyperopt_random -- python tests/corpus/scripts/mle_hyperopt_search.py
    python tests/corpus/scripts/capture.py pty real_mle_hyperopt_random_pty -- python tests/corpus/scripts/mle_hyperopt_search.py
Truth: strategy.log (mle-hyperopt's record: eval_id, params, objective per evaluation): each
printed 'Obj.' cell is the objective of the evaluation its row's ID names, taken from the log at
full precision, in print order; step = that eval_id (mle-hyperopt's own numbering).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from mle_hyperopt import RandomSearch
from sklearn.datasets import make_regression
from sklearn.linear_model import Ridge
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

X, y = make_regression(n_samples=150, n_features=4, noise=15.0, random_state=0)


def objective(alpha, degree, scaling):
    steps = [PolynomialFeatures(degree)] + ([StandardScaler()] if scaling == "yes" else [])
    model = make_pipeline(*steps, Ridge(alpha=alpha))
    return float(-cross_val_score(model, X, y, cv=3, scoring="neg_mean_squared_error").mean())


strategy = RandomSearch(
    real={"alpha": {"begin": 0.001, "end": 100.0, "prior": "log-uniform"}},
    integer={"degree": {"begin": 1, "end": 3, "prior": "uniform"}},
    categorical={"scaling": ["yes", "no"]},
    seed_id=42,
    verbose=True,
)
shown = []  # (eval_id) of each printed 'Obj.' cell, in print order
for _batch in range(3):
    configs = strategy.ask(4)
    values = [objective(**c) for c in configs]
    first = len(strategy.log)
    strategy.tell(configs, values)
    log = strategy.log
    best_overall = min(log, key=lambda e: e["objective"])["eval_id"]
    best_batch = min(log[first:], key=lambda e: e["objective"])["eval_id"]
    shown += [best_overall, best_batch]
strategy.print_ranking(3)
shown += [e["eval_id"] for e in sorted(strategy.log, key=lambda e: e["objective"])[:3]]

objective_of = {e["eval_id"]: e["objective"] for e in strategy.log}
series = _truth.Series()
for eval_id in shown:
    series.add("Obj.", eval_id, None, objective_of[eval_id])

_truth.write(
    library=(
        f"mle-hyperopt {metadata.version('mle-hyperopt')} (rich {metadata.version('rich')}, "
        f"numpy {np.__version__}, scikit-learn {metadata.version('scikit-learn')})"
    ),
    script="tests/corpus/scripts/mle_hyperopt_search.py",
    record="strategy.log: the objective of each eval_id a printed row names",
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=["the objectives of evaluations never best overall, best in batch or top 3"],
    notes=(
        "rich tables (box-drawing borders; colours only under the terminal). First the search "
        "space: 'alpha   real   Begin: 0.001, End: 100.0, Prior: log-uniform', 'degree  integer  "
        "Begin: 1, End: 3, Prior: uniform' (ranges, not metrics). After each tell(): header "
        "'📥 Total: 4 ┃ ID ┃ Obj. 📉 ┃ Configuration 🔖 - 12/07/2026 13:53:57' (Total: a count of "
        "evaluations; a date), rows '│ Best Overall  │ 0  │ 1.014   │ 'alpha': np.float64(0.36), "
        "'degree': 2, …│' and '│ Best in Batch │ …' whose configuration cell wraps onto a "
        "second row: the 'Obj.' cell is the metric (the CV mean squared error of the evaluation "
        "with that ID, rounded to 3 decimals: series 'Obj.', step = that ID); ID is mle-hyperopt's "
        "eval_id; the configuration holds HYPER-PARAMETERS. Last print_ranking(3): '🥇 Rank ┃ ID "
        "┃ Obj. 📉 ┃ Configuration 🔖' with rows '│ 1       │ 5  │ 0.064   │ …' (rank a position, "
        "not a metric). The same evaluation's objective repeats when it stays the best."
    ),
)
