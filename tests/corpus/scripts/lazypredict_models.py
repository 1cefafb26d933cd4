"""lazypredict's README usage: LazyClassifier / LazyRegressor fit every scikit-learn model on a
train/test split and the script prints the returned leaderboard DataFrame.

Versions: lazypredict 0.3.0, scikit-learn 1.7.2, pandas 2.3.3, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zc-1):
    python tests/corpus/scripts/capture.py pipe real_lazypredict_classifier -- python tests/corpus/scripts/lazypredict_models.py classifier
    python tests/corpus/scripts/capture.py pty real_lazypredict_classifier_pty -- python tests/corpus/scripts/lazypredict_models.py classifier
    python tests/corpus/scripts/capture.py pty real_lazypredict_regressor_pty -- python tests/corpus/scripts/lazypredict_models.py regressor
Truth: the DataFrame fit() returns (lazypredict's own leaderboard, full precision), restricted to
the columns pandas actually printed: into a pipe pandas assumes 80 columns and elides the middle
ones with '...'; under a 120-column terminal it sizes the table to the terminal.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from lazypredict.Supervised import LazyClassifier, LazyRegressor
from sklearn.datasets import make_classification, make_regression
from sklearn.model_selection import train_test_split

which = sys.argv[1]
if which == "classifier":
    X, y = make_classification(n_samples=300, n_features=8, n_informative=4, random_state=0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42)
    clf = LazyClassifier(verbose=0, ignore_warnings=True, custom_metric=None)
    models, predictions = clf.fit(X_train, X_test, y_train, y_test)
else:
    X, y = make_regression(n_samples=300, n_features=8, noise=10.0, random_state=0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42)
    reg = LazyRegressor(verbose=0, ignore_warnings=True, custom_metric=None)
    models, predictions = reg.fit(X_train, X_test, y_train, y_test)
print(models)

# the columns pandas printed: the header line of the repr (names can hold spaces, so match each)
header = repr(models).splitlines()[0]
shown = [c for c in models.columns if c in header]
series = _truth.Series()
for col in shown:
    if col == "Time Taken":
        continue
    for pos, v in enumerate(models[col]):
        series.add(col, pos, None, float(v))
hidden = [c for c in models.columns if c not in shown]

_truth.write(
    library=(
        f"lazypredict {metadata.version('lazypredict')} (scikit-learn "
        f"{metadata.version('scikit-learn')}, pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/lazypredict_models.py",
    record=f"the DataFrame Lazy{which.capitalize()}.fit() returns (one row per model)",
    step_kind="trial",
    series=series,
    extra_ok=["Time Taken (seconds each model took, a column of the leaderboard)"],
    not_printed=[f"{c} (elided by pandas' '...' column)" for c in hidden],
    notes=(
        "No progress output (verbose=0, warnings ignored as in the README); the script's "
        "print(models) shows pandas' repr of the leaderboard: a header line of column names, a "
        "second header line 'Model' (the index's name), then one row per model sorted by the "
        "main score ('KNeighborsClassifier           0.911111  ...    0.016705'), values with 6 "
        "decimals; the last line '[25 rows x 7 columns]' (counts) appears when pandas elides "
        "columns. "
        + (
            "Into a pipe pandas assumes an 80-column display and replaces the middle columns by a "
            "'...' column (so only the first and last column are shown); under a 120-column "
            "terminal more columns fit. "
            if which == "classifier"
            else "Columns: Adjusted R-Squared, R-Squared, RMSE (the test set's scores) and Time "
            "Taken. "
        )
        + "Each row is one model: a trial. Series are the printed score columns, one point per "
        "model in print order (step = the row's position, 0-based; the model's name names the "
        "trial, not the metric). Time Taken is each model's fit time in seconds (extra_ok)."
    ),
)
