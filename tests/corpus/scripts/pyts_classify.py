"""pyts time-series classifiers on pyts' own synthetic generator (make_cylinder_bell_funnel):
LearningShapelets(verbose=1), which prints 'Iteration N: loss = X' per gradient step, then
BOSSVS, SAXVSM and a KNeighborsClassifier(metric='dtw') scored on a test split, as pyts'
example gallery prints them ('{name} accuracy: {score:.3f}'), and sklearn's classification
report of the shapelet model.

Variants (argv[1]):
  multinomial  one multinomial LearningShapelets: one run of iterations 0..N
  ovr          multi_class='ovr': one binary LearningShapelets per class, each printing its
               iterations from 'Iteration 0' again (the counter restarts three times)

Versions: pyts 0.14.1, numba 0.68.1, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAL-1):
    python tests/corpus/scripts/capture.py pipe real_pyts_shapelets -- python tests/corpus/scripts/pyts_classify.py multinomial
    python tests/corpus/scripts/capture.py pipe real_pyts_shapelets_ovr -- python tests/corpus/scripts/pyts_classify.py ovr
(pyts prints the same under a terminal: no pty entries.)
Truth: pyts keeps no per-iteration record of its losses (a local list in fit()): the script tees
sys.stdout during fit() (pyts prints with print()), so those values are at their printed
precision (6 decimals). Accuracies: each classifier's score(); the report:
classification_report(output_dict=True).
"""

import os
import re
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from _fdtee import Tee
from pyts.classification import BOSSVS, SAXVSM, KNeighborsClassifier, LearningShapelets
from pyts.datasets import make_cylinder_bell_funnel
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split

warnings.simplefilter("ignore", category=FutureWarning)
variant = sys.argv[1] if len(sys.argv) > 1 else "multinomial"

X, y = make_cylinder_bell_funnel(n_samples=90, random_state=42)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.33, random_state=42, stratify=y
)
print(f"X_train: {X_train.shape}, X_test: {X_test.shape}, classes: {np.unique(y)}")

clf = LearningShapelets(
    n_shapelets_per_size=0.1,
    min_shapelet_length=0.15,
    shapelet_scale=2,
    learning_rate=0.5,
    max_iter=40 if variant == "multinomial" else 15,
    tol=1e-4,
    multi_class=variant,
    verbose=1,
    random_state=42,
)
tee = Tee(sys.stdout)
sys.stdout = tee
try:
    clf.fit(X_train, y_train)
finally:
    sys.stdout = tee.under

series = _truth.Series()
pattern = re.compile(r"^Iteration (\d+): loss = (\S+)$", re.M)
for m in pattern.finditer("".join(tee.buf)):
    series.add("loss", int(m.group(1)), None, float(m.group(2)))

scores = {}
scores["LearningShapelets"] = clf.score(X_test, y_test)
print(f"LearningShapelets accuracy: {scores['LearningShapelets']:.3f}")
for name, other in (
    ("BOSSVS", BOSSVS(word_size=4, n_bins=4, window_size=24)),
    ("SAXVSM", SAXVSM(window_size=24, word_size=6, n_bins=4, strategy="uniform")),
    ("KNeighborsClassifier(dtw)", KNeighborsClassifier(metric="dtw", n_neighbors=1)),
):
    other.fit(X_train, y_train)
    scores[name] = other.score(X_test, y_test)
    print(f"{name} accuracy: {scores[name]:.3f}")
for name, value in scores.items():
    series.add(f"{name} accuracy", None, None, value)

pred = clf.predict(X_test)
print(classification_report(y_test, pred, digits=3))
report = classification_report(y_test, pred, output_dict=True)
for row in [str(c) for c in clf.classes_] + ["macro avg", "weighted avg"]:
    for col in ("precision", "recall", "f1-score"):
        series.add(f"{row} {col}", None, None, report[row][col])
series.add("accuracy", None, None, report["accuracy"])

_truth.write(
    library=f"pyts {metadata.version('pyts')} (scikit-learn {metadata.version('scikit-learn')}, numpy {np.__version__})",
    script="tests/corpus/scripts/pyts_classify.py",
    record=(
        "losses: the text LearningShapelets(verbose=1).fit printed, teed (pyts keeps no record); "
        "accuracies: score(); the report: classification_report(output_dict=True)"
    ),
    step_kind="global",
    series=series,
    notes=(
        "First the script's 'X_train: (60, 128), X_test: (30, 128), classes: [0 1 2]' (shapes, "
        "class labels: no metric). Then pyts' 'Iteration 0: loss = 1.098612' lines (step = the "
        "iteration, 0 first"
        + (
            "; with multi_class='ovr' pyts fits one binary model per class, each printing its "
            "iterations from 'Iteration 0' again, so the one 'loss' series has its steps restart "
            "three times (points in print order)"
            if variant == "ovr"
            else ""
        )
        + "), a ConvergenceWarning on stderr if max_iter is reached. Then the script's "
        "'LearningShapelets accuracy: 0.867' style lines (test accuracy of each classifier) and "
        "sklearn's classification report of the shapelet model: rows '0', '1', '2' (class labels), "
        "'accuracy', 'macro avg', 'weighted avg' with precision/recall/f1-score columns (series "
        "'<row> <column>') and a support column (counts: no metric)."
    ),
)
