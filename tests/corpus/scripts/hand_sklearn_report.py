"""A hand-written epoch loop around scikit-learn's SGDClassifier.partial_fit, ending the way many
scripts end: sklearn's classification_report and a confusion matrix printed as they come.

Versions: scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_hand_sklearn_report -- python tests/corpus/scripts/hand_sklearn_report.py
Truth: the values the script printed (accuracy_score / log_loss per epoch) and, for the report,
classification_report(output_dict=True) - sklearn's own numbers behind the printed table.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from _toy import Record  # noqa: E402
from sklearn.datasets import make_classification  # noqa: E402
from sklearn.linear_model import SGDClassifier  # noqa: E402
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, log_loss  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

rec = Record()
X, y = make_classification(
    n_samples=1500,
    n_features=20,
    n_informative=8,
    n_classes=3,
    n_clusters_per_class=1,
    random_state=0,
)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0)
print(f"train: {Xtr.shape}, test: {Xte.shape}, classes: {np.unique(y).tolist()}")
clf = SGDClassifier(loss="log_loss", alpha=1e-3, random_state=0)
rng = np.random.default_rng(0)
for epoch in range(1, 6):
    order = rng.permutation(len(Xtr))
    for i in range(0, len(order), 64):
        clf.partial_fit(Xtr[order[i : i + 64]], ytr[order[i : i + 64]], classes=[0, 1, 2])
    tr_acc = accuracy_score(ytr, clf.predict(Xtr))
    te_loss = log_loss(yte, clf.predict_proba(Xte))
    te_acc = accuracy_score(yte, clf.predict(Xte))
    print(
        f"[epoch {epoch}] train acc={rec('train acc', None, epoch, tr_acc):.3f}  "
        f"test loss={rec('test loss', None, epoch, te_loss):.3f}  test acc={rec('test acc', None, epoch, te_acc):.3f}"
    )
pred = clf.predict(Xte)
print()
print("Classification report (test set):")
print(classification_report(yte, pred, digits=3))
print("Confusion matrix:")
print(confusion_matrix(yte, pred))

report = classification_report(yte, pred, output_dict=True)
for row in ("0", "1", "2"):
    for col in ("precision", "recall", "f1-score"):
        rec(f"{row}/{col}", None, None, report[row][col])
rec("accuracy", None, None, report["accuracy"])
for row in ("macro avg", "weighted avg"):
    for col in ("precision", "recall", "f1-score"):
        rec(f"{row}/{col}", None, None, report[row][col])

_truth.write(
    library=f"hand-written loop, scikit-learn {sklearn.__version__}",
    script="tests/corpus/scripts/hand_sklearn_report.py",
    record="the values the script printed per epoch; classification_report(output_dict=True) for the report",
    step_kind="epoch",
    series=rec.series,
    notes=(
        "Per epoch '[epoch 3] train acc=0.861  test loss=0.402  test acc=0.849' (two spaces between pairs). Then "
        "sklearn's classification_report: a column table 'precision    recall  f1-score   support' whose rows "
        "are LABELLED, not stepped: class rows '0', '1', '2' (the class names are numbers here, yet they are not "
        "steps or epochs), an 'accuracy' row with a single value under f1-score (then support), and 'macro avg' / "
        "'weighted avg' rows (two-word labels). Truth names '<row>/<column>' and 'accuracy', no step; the "
        "support column (counts: 151, 450) is not a metric. Then 'Confusion matrix:' and a numpy matrix "
        "'[[121  10  20] ...]': counts, not metrics. The first line 'train: (1050, 20), test: "
        "(450, 20), classes: [0, 1, 2]' holds shapes, not metrics."
    ),
)
