"""arm-mango's Tuner maximizing a scikit-learn cross-validated accuracy, with its default
log_progress: a tqdm bar over the iterations and a 'Best score: …' line written through
tqdm.write after each, then the README's closing prints.

Versions: arm-mango 1.6.0, scikit-learn 1.9.1, tqdm 4.70.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zL-1):
    python tests/corpus/scripts/capture.py pipe real_mango_tuner -- python tests/corpus/scripts/mango_tuner.py
    python tests/corpus/scripts/capture.py pty real_mango_tuner_pty -- python tests/corpus/scripts/mango_tuner.py
Truth: the Tuner's results dict: 'Best score' after iteration i is the best of
results['objective_values'] over the initial random trials and the first i iterations (what
Tuner.runBayesianOptimizer computes and writes: np.max of the objective values so far);
'best objective' is results['best_objective'].
"""

import os
import random
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from mango import Tuner, scheduler
from sklearn.datasets import make_classification
from sklearn.model_selection import cross_val_score
from sklearn.neighbors import KNeighborsClassifier

random.seed(3)
np.random.seed(3)
X, y = make_classification(n_samples=300, n_features=10, n_informative=4, random_state=0)

param_space = dict(n_neighbors=range(1, 150), weights=["uniform", "distance"], p=[1, 2])


@scheduler.serial
def objective(n_neighbors, weights, p):
    clf = KNeighborsClassifier(n_neighbors=n_neighbors, weights=weights, p=p)
    return cross_val_score(clf, X, y, scoring="accuracy", cv=3).mean()


N_INIT, N_ITER = 3, 12
tuner = Tuner(param_space, objective, dict(num_iteration=N_ITER, initial_random=N_INIT))
results = tuner.maximize()
print("best parameters:", results["best_params"])
print("best objective:", results["best_objective"])

values = [float(v) for v in results["objective_values"]]
assert len(values) == N_INIT + N_ITER, len(values)
series = _truth.Series()
for i in range(1, N_ITER + 1):
    series.add("Best score", i, None, max(values[: N_INIT + i]))
series.add("best objective", N_ITER, None, float(results["best_objective"]))

_truth.write(
    library=(
        f"arm-mango {metadata.version('arm-mango')} (scikit-learn {metadata.version('scikit-learn')}, "
        f"tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/mango_tuner.py",
    record="Tuner.maximize()'s results dict: objective_values (running best), best_objective",
    step_kind="global",
    series=series,
    extra_ok=["it/s (the bar's iterations per second)"],
    not_printed=[
        "objective_values, random_params_objective, surrogate_values: the score of each trial "
        "is never printed, only the best so far"
    ],
    notes=(
        "stderr: a tqdm bar over the 12 Bayesian iterations ('  0%|          | 0/12 [00:00<?, "
        "?it/s]', ' 42%|████▏     | 5/12 [00:01<00:01,  4.10it/s]'), redrawn with '\\r'; after "
        "each iteration tqdm.write prints 'Best score: 0.9033333333333333' (str() of a numpy "
        "float: full precision) on its own line, clearing and redrawing the bar around it (under "
        "a pipe the bar's text is left in front of the line: '  0%|          | 0/12 [00:00<?, "
        "?it/s]                                     Best score: 0.89'). The series 'Best score' "
        "is at step i, the iteration after which it is written (1..12; the bar still shows i-1 "
        "then), and counts the 3 initial random trials too. The 3 initial random trials print "
        "nothing. stdout at the end: \"best parameters: {'n_neighbors': 27, 'p': 2, 'weights': "
        "'uniform'}\" (hyper-parameters, not metrics) and 'best objective: 0.9033333333333333' "
        "(results['best_objective'], a series at the last iteration)."
    ),
)
