"""tsfresh feature extraction (its tqdm bar 'Feature Extraction'), impute + select_features, then a
scikit-learn classifier on the selected features, as tsfresh's quick-start notebook does it
(there: the robot-failure data set, downloaded; here: synthetic short series of three shapes).

Versions: tsfresh 0.21.2, scikit-learn 1.9.1, pandas 2.3.3, numpy 2.4.6, tqdm 4.70.1, Python 3.11
(tsfresh imports statsmodels for some feature calculators; nothing of it is printed).
Capture (repository root, venv /work/venvs/corpus-zAL-1):
    python tests/corpus/scripts/capture.py pipe real_tsfresh_classify -- python tests/corpus/scripts/tsfresh_classify.py
    python tests/corpus/scripts/capture.py pty real_tsfresh_classify_pty -- python tests/corpus/scripts/tsfresh_classify.py
Truth: cross_val_score's returned array, the classifier's score(), and
classification_report(output_dict=True).
"""

import os
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import cross_val_score, train_test_split
from tsfresh import extract_features, select_features
from tsfresh.feature_extraction import EfficientFCParameters
from tsfresh.utilities.dataframe_functions import impute

warnings.filterwarnings("ignore")
rng = np.random.default_rng(3)
rows, labels = [], {}
n_series, length = 60, 40
t = np.arange(length)
for i in range(n_series):
    cls = i % 3
    if cls == 0:
        x = 0.35 * np.sin(2 * np.pi * t / 10) + rng.normal(0, 1.0, length)
    elif cls == 1:
        x = 0.015 * t + rng.normal(0, 1.0, length)
    else:
        x = np.where(rng.random(length) < 0.08, 1.2, 0.0) + rng.normal(0, 1.0, length)
    labels[i] = cls
    rows.append(pd.DataFrame({"id": i, "time": t, "value": x}))
timeseries = pd.concat(rows, ignore_index=True)
y = pd.Series(labels)
print(timeseries.head())

X = extract_features(
    timeseries,
    column_id="id",
    column_sort="time",
    default_fc_parameters=EfficientFCParameters(),
    n_jobs=2,
)
impute(X)
X_filtered = select_features(X, y)
print(f"extracted features: {X.shape}, relevant features: {X_filtered.shape}")

clf = RandomForestClassifier(n_estimators=100, random_state=0)
cv = cross_val_score(clf, X_filtered, y, cv=5)
print("cross-validation accuracy per fold:", cv)
print(f"mean accuracy: {cv.mean():.3f} (+/- {cv.std():.3f})")

X_train, X_test, y_train, y_test = train_test_split(
    X_filtered, y, test_size=0.3, random_state=0, stratify=y
)
clf.fit(X_train, y_train)
print(classification_report(y_test, clf.predict(X_test)))
report = classification_report(y_test, clf.predict(X_test), output_dict=True)

series = _truth.Series()
for fold, acc in enumerate(cv):
    series.add("cross-validation accuracy per fold", fold, None, acc)
series.add("mean accuracy", None, None, cv.mean())
for row in ("0", "1", "2", "macro avg", "weighted avg"):
    for col in ("precision", "recall", "f1-score"):
        series.add(f"{row} {col}", None, None, report[row][col])
series.add("accuracy", None, None, report["accuracy"])

_truth.write(
    library=(
        f"tsfresh {metadata.version('tsfresh')} (scikit-learn {metadata.version('scikit-learn')}, "
        f"pandas {pd.__version__}, tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/tsfresh_classify.py",
    record="cross_val_score()'s array; classification_report(output_dict=True)",
    step_kind="none",
    series=series,
    extra_ok=["it/s, s/it rate of the tqdm bar (throughput)"],
    notes=(
        "First print(timeseries.head()): the long input frame 'id  time     value' (row index, "
        "series id, time step and the synthetic VALUES of the series: data, no metric). stderr: "
        "tsfresh's tqdm bar 'Feature Extraction: 100%|...| 10/10 [00:01<00:00,  6.12it/s]' "
        "(chunks done: a count). Then 'extracted features: (60, 777), relevant features: (60, 180)' "
        "(shapes), 'cross-validation accuracy per fold: [1. 1. 0.917 ...]' (a numpy array: one "
        "series, step = the fold 0..4), 'mean accuracy: 0.983 (+/- 0.033)' (the +/- is the "
        "standard deviation of the folds: not in the series), and sklearn's classification "
        "report (rows '0','1','2', 'accuracy', 'macro avg', 'weighted avg'; series "
        "'<row> <column>'; the support column is a count)."
    ),
)
