"""sklearn-genetic-opt GASearchCV(verbose=True): a DecisionTreeClassifier tuned by a genetic
algorithm, 4 generations of 6 individuals, 3-fold CV accuracy. The library prints DEAP's logbook
stream, a tab-separated table whose header is printed once:

    gen	nevals	fitness 	fitness_std	fitness_max	fitness_min
    0  	6     	0.938889	0.013287   	0.956667   	0.913333

then the script prints best_params_ and best_score_.

Versions: sklearn-genetic-opt 0.12.0, deap 1.4.4, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Seeds fixed (random, numpy, each dimension's random_state); about a second of CPU.
Capture (repository root, venv /work/venvs/corpus-r-4: `pip install sklearn-genetic-opt`):
    python tests/corpus/scripts/capture.py pipe real_sklearn_genetic_search -- python tests/corpus/scripts/sklearn_genetic_search.py
Truth: GASearchCV.history (the library's per-generation record: fitness, fitness_std,
fitness_max, fitness_min) and best_score_.
"""

import os
import random
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from sklearn.datasets import make_classification
from sklearn.tree import DecisionTreeClassifier
from sklearn_genetic import GASearchCV
from sklearn_genetic.space import Categorical, Integer

random.seed(0)
np.random.seed(0)
X, y = make_classification(n_samples=300, n_features=8, random_state=0)
search = GASearchCV(
    DecisionTreeClassifier(random_state=0),
    cv=3,
    scoring="accuracy",
    population_size=6,
    generations=4,
    param_grid={
        "max_depth": Integer(2, 10, random_state=1),
        "min_samples_leaf": Integer(1, 20, random_state=2),
        "criterion": Categorical(["gini", "entropy"], random_state=3),
    },
    n_jobs=1,
    verbose=True,
)
search.fit(X, y)
print("Best parameters:", search.best_params_)
print(f"Best CV accuracy: {search.best_score_:.4f}")

series = _truth.Series()
h = search.history
for i, gen in enumerate(h["gen"]):
    for name in ("fitness", "fitness_std", "fitness_max", "fitness_min"):
        series.add(name, int(gen), None, h[name][i])
series.add("Best CV accuracy", None, None, search.best_score_)

_truth.write(
    library=(
        f"sklearn-genetic-opt {metadata.version('sklearn-genetic-opt')} (deap "
        f"{metadata.version('deap')}, scikit-learn {metadata.version('scikit-learn')})"
    ),
    script="tests/corpus/scripts/sklearn_genetic_search.py",
    record="GASearchCV.history (per generation), best_score_",
    step_kind="global",
    series=series,
    notes=(
        "DEAP's logbook stream: a header line 'gen\\tnevals\\tfitness \\tfitness_std\\t"
        "fitness_max\\tfitness_min' then one tab-separated row per generation, cells padded "
        "with spaces ('0  \\t6     \\t0.938889\\t0.013287   \\t…'). 'gen' is the step "
        "(generation 0 is the initial population), 'nevals' the number of fits in that "
        "generation (a count, not a metric); fitness is the population's mean CV accuracy, "
        "fitness_std / _max / _min its spread, printed with 6 significant digits. Then the "
        "script's 'Best parameters: {'max_depth': 10, …}' (hyper-parameters, not metrics) and "
        "'Best CV accuracy: 0.9667' (best_score_: the mean CV accuracy of the best individual, no step)."
    ),
)
