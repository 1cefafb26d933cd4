"""Boruta all-relevant feature selection (BorutaPy, verbose=2) as its README shows it, then the
selection printed as users do (support_, ranking_, the confirmed columns).

Versions: Boruta 0.4.3, scikit-learn 1.9.1, numpy 2.4.6, pandas 3.1.1, Python 3.11
(venv /work/venvs/corpus-zT-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_boruta_verbose2 -- python tests/corpus/scripts/boruta_select.py
(BorutaPy prints with print(): the same bytes under a terminal, no pty entry.)
Truth: BorutaPy prints counts of features per decision (Confirmed / Tentative / Rejected) and
an iteration counter; it keeps no measure of the run (ranking_, support_, n_features_ are the
selection itself). The truth has no series: every number stored from this output is invented.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import sklearn
from boruta import BorutaPy
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier

X, y = make_classification(
    n_samples=300, n_features=12, n_informative=4, n_redundant=2, shuffle=False, random_state=0
)
cols = [f"f{i}" for i in range(X.shape[1])]
df = pd.DataFrame(X, columns=cols)

# the README's example: a random forest, n_estimators='auto', verbose=2
rf = RandomForestClassifier(n_jobs=1, class_weight="balanced", max_depth=5, random_state=0)
feat_selector = BorutaPy(rf, n_estimators="auto", verbose=2, random_state=1, max_iter=30)
feat_selector.fit(df.values, y)

print(feat_selector.support_)
print(feat_selector.ranking_)
print("Selected features:", list(df.columns[feat_selector.support_]))
print(
    pd.DataFrame({"feature": cols, "rank": feat_selector.ranking_, "keep": feat_selector.support_})
    .sort_values("rank")
    .to_string(index=False)
)
X_filtered = feat_selector.transform(df.values)
print("Shape after selection:", X_filtered.shape)

_truth.write(
    library=(
        f"Boruta {metadata.version('Boruta')} (scikit-learn {sklearn.__version__}, "
        f"numpy {np.__version__}, pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/boruta_select.py",
    record="none: BorutaPy keeps the selection (support_, support_weak_, ranking_), no measure",
    step_kind="none",
    series=_truth.Series(),
    extra_ok=[],
    not_printed=[],
    notes=(
        "BorutaPy(verbose=2) prints, after each iteration, four tab-separated lines: 'Iteration: "
        "\\t8 / 30', 'Confirmed: \\t6', 'Tentative: \\t2', 'Rejected: \\t4' (an iteration counter "
        "over max_iter and counts of features per decision; 12 tentative, 0 confirmed for the first "
        "7 iterations); then two blank lines, 'BorutaPy finished running.' and the same four lines "
        "once more (the iteration after the last, the final counts). The script then prints support_ (a boolean "
        "array), ranking_ (an int array of ranks), the selected column names, a feature/rank/keep "
        "table (rank 1 = confirmed) and the filtered data's shape. None of it is a metric: counts, "
        "ranks, names and shapes. The truth has no series on purpose; any stored series is invented."
    ),
)
