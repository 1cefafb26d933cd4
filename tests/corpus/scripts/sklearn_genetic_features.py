"""sklearn-genetic-opt GAFeatureSelectionCV(verbose=True) with its ProgressBar and ConsecutiveStopping callbacks.

A LogisticRegression on 16 synthetic features (6 informative), 3-fold CV accuracy, a population of
8 for up to 8 generations. verbose=True prints DEAP's logbook stream (tab-separated rows, header
once); ProgressBar draws a tqdm bar over the generations on stdout; ConsecutiveStopping may end the
run early with 'INFO: ConsecutiveStopping callback met its criteria'.

Versions: sklearn-genetic-opt 0.12.0, deap 1.4.4, tqdm 4.70.1, scikit-learn 1.9.1, numpy 2.4.6,
Python 3.11 (venv corpus-zZ-1). Seeds fixed (random, numpy).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sklearn_genetic_features -- python tests/corpus/scripts/sklearn_genetic_features.py
    python tests/corpus/scripts/capture.py pty real_sklearn_genetic_features_pty -- python tests/corpus/scripts/sklearn_genetic_features.py
Truth: GAFeatureSelectionCV.history (the library's per-generation record), the fitness of its
hall of fame's best individual (it has no best_score_), the held-out score().
"""

import os
import random
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn_genetic import GAFeatureSelectionCV
from sklearn_genetic.callbacks import ConsecutiveStopping, ProgressBar

random.seed(0)
np.random.seed(0)
X, y = make_classification(
    n_samples=500, n_features=16, n_informative=6, n_redundant=2, random_state=0
)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)
selector = GAFeatureSelectionCV(
    LogisticRegression(max_iter=500),
    cv=3,
    scoring="accuracy",
    population_size=8,
    generations=8,
    n_jobs=1,
    verbose=True,
    keep_top_k=2,
    elitism=True,
)
selector.fit(
    X_train,
    y_train,
    callbacks=[ProgressBar(), ConsecutiveStopping(generations=3, metric="fitness_max")],
)
features = np.flatnonzero(selector.support_)
test_acc = selector.score(X_test, y_test)
# no best_score_ on the feature selector: the fitness (mean CV accuracy) of its hall of fame's best
best_cv = selector.hof[0].fitness.values[0]
print(f"Selected features: {features.tolist()}")
print(f"Best CV accuracy: {best_cv:.4f}")
print(f"Test accuracy with the selected features: {test_acc:.4f}")

series = _truth.Series()
h = selector.history
for i, gen in enumerate(h["gen"]):
    for name in ("fitness", "fitness_std", "fitness_max", "fitness_min"):
        series.add(name, int(gen), None, h[name][i])
series.add("Best CV accuracy", None, None, best_cv)
series.add("Test accuracy with the selected features", None, None, test_acc)

pty = os.environ.get("MLOP_CORPUS_MODE") == "pty"
_truth.write(
    library=(
        f"sklearn-genetic-opt {metadata.version('sklearn-genetic-opt')} (deap "
        f"{metadata.version('deap')}, tqdm {metadata.version('tqdm')}, scikit-learn "
        f"{metadata.version('scikit-learn')})"
    ),
    script="tests/corpus/scripts/sklearn_genetic_features.py",
    record=(
        "GAFeatureSelectionCV.history (per generation), hof[0].fitness (the best individual's mean CV "
        "accuracy), score() on held-out rows"
    ),
    step_kind="global",
    series=series,
    not_printed=["n_features of each generation's best (history) is not printed"]
    if "n_features" in h
    else [],
    notes=(
        "DEAP's logbook stream: a header 'gen\\tnevals\\tfitness \\tfitness_std\\tfitness_max\\t"
        "fitness_min' once, then one tab-separated row per generation, cells padded with spaces "
        "('1  \\t16    \\t0.807207\\t0.00969677 \\t0.822944   \\t0.794307   '); 'gen' is the step "
        "(generation 0 is the initial population), 'nevals' the number of fits of that generation (a count). "
        "ProgressBar() draws a tqdm bar on stdout over the generations ('  0%|          | 0/9 [00:00<?, "
        "?it/s]', a count and a rate, no metric) "
        + (
            "redrawn with '\\r' under the terminal, so the logbook rows are printed over or after a bar "
            "draw on the same terminal line ('\\r 22%|██▏       | 2/9 [00:00<00:02,  2.95it/s]1  \\t16 …'). "
            if pty
            else "written with '\\r' and no newline until it closes, so piped the bar draws and the logbook "
            "rows share lines ('\\r 22%|██▏       | 2/9 [00:00<00:02,  2.95it/s]1  \\t16 …' : a row glued "
            "after a bar draw). "
        )
        + "ConsecutiveStopping(generations=3, metric='fitness_max') ends the run once fitness_max has not "
        "improved on the value 3 generations back, printing 'INFO: ConsecutiveStopping callback met its "
        "criteria' and 'INFO: Stopping the algorithm'. Then the script prints 'Selected features: [0, 3, "
        "…]' (feature indices), 'Best CV accuracy: 0.8229' (the hall of fame's best fitness) and 'Test accuracy with the "
        "selected features: 0.8800'. The logbook prints 6 significant digits, the script 4 decimals; truth "
        "at full precision."
    ),
)
