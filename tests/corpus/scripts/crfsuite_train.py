"""sklearn-crfsuite's verbose training: CRFsuite's settings, one line per L-BFGS iteration with
the held-out evaluation, and a per-label table at the end.

Versions: sklearn-crfsuite 0.5.0, python-crfsuite 0.9.12, Python 3.11.
Capture (repository root, a venv with those packages):
    python tests/corpus/scripts/capture.py pipe real_sklearn_crfsuite -- python tests/corpus/scripts/crfsuite_train.py
Truth: CRF.training_log_.iterations, sklearn-crfsuite's own parse of CRFsuite's training log
(loss, feature_norm, the dev set's macro precision/recall/F1, item accuracy, per-label scores).
"""

import os
import random
import sys
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import sklearn_crfsuite

SCRIPT = "tests/corpus/scripts/crfsuite_train.py"
random.seed(0)
WORDS = ["the", "a", "cat", "dog", "runs", "eats", "big", "red", "Paris", "Bob"]


def sentence(n: int) -> tuple[list[dict], list[str]]:
    words = [random.choice(WORDS) for _ in range(n)]
    features = [{"w": w, "cap": w[0].isupper(), "len": len(w)} for w in words]
    labels = ["ENT" if w[0].isupper() else ("V" if w in ("runs", "eats") else "O") for w in words]
    return features, labels


data = [sentence(random.randint(3, 8)) for _ in range(60)]
X = [d[0] for d in data]
y = [d[1] for d in data]
crf = sklearn_crfsuite.CRF(algorithm="lbfgs", max_iterations=10, c2=1.0, verbose=True)
crf.fit(X[:40], y[:40], X_dev=X[40:], y_dev=y[40:])

series = _truth.Series()
log = crf.training_log_.iterations
for it in log:
    step = it["num"]
    series.add("loss", step, None, it["loss"])
    series.add("precision", step, None, it["avg_precision"])
    series.add("recall", step, None, it["avg_recall"])
    series.add("F1", step, None, it["avg_f1"])
    series.add("Acc(item/seq)", step, None, it["item_accuracy_float"])
    series.add("feature_norm", step, None, it["feature_norm"])
last = log[-1]
for label in sorted(last["scores"]):
    score = last["scores"][label]
    for name in ("precision", "recall", "f1"):
        printed = {"precision": "Precision", "recall": "Recall", "f1": "F1"}[name]
        series.add(f"{label} {printed}", last["num"], None, getattr(score, name))

_truth.write(
    library=f"sklearn-crfsuite {version('sklearn-crfsuite')} (python-crfsuite {version('python-crfsuite')})",
    script=SCRIPT,
    record="CRF.training_log_.iterations (sklearn-crfsuite's parse of CRFsuite's log): per "
    "iteration loss, feature_norm, avg_precision/avg_recall/avg_f1, item_accuracy_float, and "
    "the per-label scores of the last iteration",
    step_kind="global",
    series=series,
    extra_ok=[
        "time (seconds of the iteration)",
        "Acc item seq (the second number after 'Acc(item/seq)=': the sequence accuracy)",
        "instance accuracy",
    ],
    not_printed=["error_norm", "linesearch_trials", "linesearch_step"],
    notes=(
        "Two tqdm bars load the data (piped: 'loading training data to CRFsuite: 100%|...| 40/40'), "
        "then CRFsuite's settings ('Holdout group: 2', 'feature.minfreq: 0.000000', 'c1: "
        "0.000000', 'c2: 1.000000', 'num_memories: 6', 'max_iterations: 10', 'epsilon: 0.000010', "
        "'stop: 10', 'linesearch.max_iterations: 20', 'Number of features: 25', 'Seconds "
        "required: 0.000'), all configuration. Then one line per iteration, written by "
        "sklearn-crfsuite: 'Iter 1   time=0.00  loss=232.63   active=25    precision=0.208  "
        "recall=0.333  F1=0.256  Acc(item/seq)=0.625 0.050  feature_norm=0.19' (step = Iter, "
        "CRFsuite's iteration number; precision/recall/F1 are the dev set's macro averages; "
        "'active' counts active features; 'Acc(item/seq)=' prints TWO numbers, item accuracy "
        "then sequence accuracy: the series holds the item accuracy). At the end a table "
        "between rules: 'Label  Precision  Recall  F1  Support' with a row per label (ENT, O, "
        "V) from the last iteration's scores (series 'ENT Precision', ...; Support counts "
        "tokens). Then 'Total seconds required for training: 0.004', 'Number of active "
        "features: 25 (25)' and writing messages: not metrics."
    ),
)
