"""PyCM confusion-matrix reports after a small training loop (synthetic data).

  summary  an SGDClassifier trained with partial_fit for 8 epochs, one line per epoch
           ('Epoch  3/8 | train log-loss 0.8123 | val acc 0.7350'), then cm.print_matrix() and
           cm.stat(summary=True): PyCM's summary block ('Overall ACC    0.735', class rows
           'AUC(Area under the ROC curve)    0.81  0.77 ...').
  full     a binary logistic regression, then print(cm): the full report (every overall and
           class statistic PyCM has, including interpretations and counts).

Versions: pycm 4.6, scikit-learn 1.9.1, numpy 2.x (venv corpus-r11-1).
Capture (repository root):
  python tests/corpus/scripts/capture.py pipe real_pycm_epoch_summary -- python tests/corpus/scripts/pycm_report.py summary
  python tests/corpus/scripts/capture.py pipe real_pycm_full_binary -- python tests/corpus/scripts/pycm_report.py full
Truth: the loop's own history (sklearn log_loss / accuracy_score it computed) and PyCM's own
cm.overall_stat / cm.class_stat dicts (full precision; PyCM prints them with 5 digits).
"""

from __future__ import annotations

import contextlib
import io
import sys
import warnings
from pathlib import Path

import numpy as np
import pycm
import sklearn
from pycm import ConfusionMatrix
from pycm.params import PARAMS_DESCRIPTION
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import accuracy_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _truth  # noqa: E402

warnings.filterwarnings("ignore", category=RuntimeWarning)
mode = sys.argv[1] if len(sys.argv) > 1 else "summary"
S = _truth.Series()
# counts (not metrics): condition/outcome counts, population, error counts, degrees of freedom
COUNTS = {"FN", "FP", "N", "P", "POP", "TN", "TON", "TOP", "TP", "AM", "HD", "Chi-Squared DF"}
PAIRS = {"95% CI", "Kappa 95% CI", "Overall J"}


def report(cm: ConfusionMatrix, call) -> tuple[list[str], list[str]]:
    """Run PyCM's printer, show its output, and list which stats it printed (names only)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        call()
    text = buf.getvalue()
    sys.stdout.write(text)
    labels = {line[:66].rstrip() for line in text.splitlines()}
    overall = [k for k in sorted(cm.overall_stat) if k in labels]
    klass = [k for k in sorted(cm.class_stat) if f"{k}({PARAMS_DESCRIPTION.get(k, '')})" in labels]
    return overall, klass


def add_stats(cm: ConfusionMatrix, overall: list[str], klass: list[str]) -> list[str]:
    extra = []
    for k in overall:
        v = cm.overall_stat[k]
        if k in PAIRS:
            extra.append(k)
        elif k == "Zero-one Loss":
            extra.append(k)  # a count of misclassified samples
        elif k not in COUNTS and isinstance(v, (int, float)) and not isinstance(v, bool):
            S.add(k, None, None, v)
    for k in klass:
        if k in COUNTS:
            continue
        name = f"{k}({PARAMS_DESCRIPTION[k]})"
        for c in cm.classes:
            v = cm.class_stat[k][c]
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                S.add(name, None, None, v)
    return extra


if mode == "summary":
    X, y = make_classification(n_samples=2400, n_features=20, n_informative=8, n_classes=4,
                               n_clusters_per_class=1, class_sep=0.8, random_state=3)
    names = np.array(["cat", "dog", "fox", "owl"])
    Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    sc = StandardScaler().fit(Xtr)
    Xtr, Xva = sc.transform(Xtr), sc.transform(Xva)
    print(f"train {Xtr.shape}, val {Xva.shape}, classes {names.tolist()}")
    clf = SGDClassifier(loss="log_loss", alpha=1e-3, learning_rate="constant", eta0=0.01, random_state=0)
    rng = np.random.default_rng(0)
    epochs = 8
    for e in range(1, epochs + 1):
        for idx in np.array_split(rng.permutation(len(Xtr)), 18):
            clf.partial_fit(Xtr[idx], ytr[idx], classes=np.arange(4))
        tl = log_loss(ytr, clf.predict_proba(Xtr), labels=np.arange(4))
        va = accuracy_score(yva, clf.predict(Xva))
        S.add("train log-loss", None, e, tl)
        S.add("val acc", None, e, va)
        print(f"Epoch {e:2d}/{epochs} | train log-loss {tl:.4f} | val acc {va:.4f}")
    cm = ConfusionMatrix(actual_vector=list(names[yva]), predict_vector=list(names[clf.predict(Xva)]))
    print("\nConfusion matrix (validation):")
    cm.print_matrix()
    overall, klass = report(cm, lambda: cm.stat(summary=True))
    extra = add_stats(cm, overall, klass)
    notes = ("A hand loop prints 'Epoch  3/8 | train log-loss 0.8123 | val acc 0.7350' (epoch = the printed "
             "1-based epoch); then PyCM's print_matrix() (counts) and stat(summary=True): 'Overall Statistics :' "
             "rows 'NAME<spaces>VALUE' and 'Class Statistics :' rows 'NAME(Description)<spaces>v1  v2  v3  v4', one "
             "column per class (classes cat dog fox owl, in that order; one point per class, step/epoch null). "
             "Values with 5 significant decimals. Counts (FN, FP, N, P, POP, TN, TON, TOP, TP) and the "
             "interpretation words (SOA1, AUCI) are not metrics; 'Zero-one Loss' is the number of errors (a count, "
             "in extra_ok).")
else:
    X, y = make_classification(n_samples=900, n_features=12, n_informative=5, weights=[0.7, 0.3],
                               flip_y=0.05, random_state=5)
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=1, stratify=y)
    clf = LogisticRegression(C=0.5, max_iter=200).fit(Xtr, ytr)
    acc = accuracy_score(yte, clf.predict(Xte))
    S.add("test accuracy", None, None, acc)
    print(f"LogisticRegression(C=0.5) fitted on {len(Xtr)} rows; test accuracy = {acc:.4f}")
    cm = ConfusionMatrix(actual_vector=yte.tolist(), predict_vector=clf.predict(Xte).tolist())
    overall, klass = report(cm, lambda: print(cm))
    extra = add_stats(cm, overall, klass)
    notes = ("The script's 'test accuracy = 0.8519' line, then print(cm): a count matrix, 'Overall Statistics :' "
             "with every overall statistic PyCM computes ('Overall ACC    0.85185', 'Kappa    0.6311', ...), and "
             "'Class Statistics :' rows 'NAME(Description)    v0    v1' (classes 0 and 1, one point each, "
             "step/epoch null). Counts (TP, FN, POP, N, P, TON, TOP, AM, HD, Chi-Squared DF) and interpretation "
             "words (SOA*, AUCI, MCCI, ...) are not metrics; 'None' is printed for undefined values. Intervals "
             "'95% CI (0.8,0.9)', 'Kappa 95% CI' and 'Overall J (1.2,0.6)' are pairs (extra_ok), 'Zero-one Loss' "
             "counts errors (extra_ok).")

_truth.write(
    library=f"pycm {pycm.__version__} (scikit-learn {sklearn.__version__})",
    script="tests/corpus/scripts/pycm_report.py",
    record="cm.overall_stat and cm.class_stat (PyCM's own dicts); the loop's own sklearn metric values",
    step_kind="epoch" if mode == "summary" else "none",
    series=S,
    extra_ok=extra,
    notes=notes,
)
