"""InterpretML's ExplainableBoostingClassifier: its progress callback printed, then fitted results.

Versions: interpret-core 0.7.8 (its native libebm inside the wheel), scikit-learn 1.9.1,
pandas 3.1.1, numpy 2.4.6, Python 3.11 (venv corpus-zv-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_interpret_ebm_callback -- /work/venvs/corpus-zv-1/bin/python tests/corpus/scripts/interpret_ebm.py
EBM prints nothing by itself (its logging has no numbers: 'Start boosting', 'Booster allocation
start'); the documented way to watch it is `callback(bag_index, n_steps, has_progressed,
best_score)`, called after every boosting step. The script's callback prints every 100th step,
then the script prints what users print after a fit: test accuracy and ROC AUC, the term
importances (term_importances(): fitted mean absolute contributions, NOT metrics), the intercept
and best_iteration_ (rounds per stage and bag: counts).
Truth: the arguments EBM passed to the callback (n_jobs=1: the callback runs in this process),
the values ebm.score() and roc_auc_score() returned.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from interpret.glassbox import ExplainableBoostingClassifier
from sklearn.datasets import make_classification
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

X, y = make_classification(
    n_samples=800, n_features=5, n_informative=4, n_redundant=1, random_state=0
)
X = pd.DataFrame(X, columns=["age", "income", "tenure", "visits", "balance"])
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

series = _truth.Series()


def progress(bag_index, n_steps, has_progressed, best_score):
    if n_steps % 100 == 0:
        print(f"bag {bag_index} step {n_steps} best_score {best_score:.6f}")
        series.add("best_score", n_steps, None, best_score)
    return False


ebm = ExplainableBoostingClassifier(
    outer_bags=2, n_jobs=1, max_rounds=300, interactions=1, random_state=0, callback=progress
)
ebm.fit(X_train, y_train)

acc = ebm.score(X_test, y_test)
auc = roc_auc_score(y_test, ebm.predict_proba(X_test)[:, 1])
print(f"Test accuracy: {acc:.4f}")
print(f"Test ROC AUC: {auc:.4f}")
print("Term importances:")
for name, imp in zip(ebm.term_names_, ebm.term_importances(), strict=True):
    print(f"  {name}: {imp:.4f}")
print("intercept:", ebm.intercept_)
print("best_iteration_:", ebm.best_iteration_.tolist())
series.add("Test accuracy", None, None, acc)
series.add("Test ROC AUC", None, None, auc)

_truth.write(
    library=f"interpret-core {metadata.version('interpret-core')} (scikit-learn "
    f"{metadata.version('scikit-learn')}, numpy {np.__version__})",
    script="tests/corpus/scripts/interpret_ebm.py",
    record="the arguments ExplainableBoostingClassifier passed to its callback (bag index, "
    "boosting steps completed, progress flag, score); ebm.score() and roc_auc_score()",
    step_kind="global",
    series=series,
    notes="The callback line 'bag 1 step 300 best_score 0.171508' every 100 boosting steps: "
    "'bag' is the outer bag (0 or 1: an index, not a metric), 'step' the boosting steps that bag "
    "completed (the step; one step boosts one term, so 300 rounds x 5 features = 1500 steps "
    "in the main-effects stage), best_score the validation log loss EBM passes. The step "
    "counter restarts for every bag AND again for the interaction stage (bags 0, 1 from step "
    "100 to 300 once more): four runs of steps in one series. After the fit: 'Test accuracy: "
    "0.9100', 'Test ROC AUC: 0.9652' (metrics, no step), then 'Term importances:' and "
    "'  age: 0.3136' lines, one per term including the pair 'income & tenure' (fitted "
    "importances: NOT metrics), 'intercept: [-0.12…]' (a fitted coefficient) and "
    "'best_iteration_: [[1500, 1500], [300, 300]]' (counts).",
)
