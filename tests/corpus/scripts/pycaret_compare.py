"""PyCaret outside a notebook: setup()'s information table, compare_models()' score grid
(classification) or create_model()'s per-fold table (regression), as PyCaret prints them.

Versions: pycaret 3.3.2, scikit-learn 1.4.2, pandas 2.1.4, numpy 1.26.4, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-n-3: pip install pycaret six; scikit-plot, a
dependency, imports six without declaring it):
    python tests/corpus/scripts/capture.py pipe real_pycaret_compare -- python tests/corpus/scripts/pycaret_compare.py compare
    python tests/corpus/scripts/capture.py pty real_pycaret_compare_pty -- python tests/corpus/scripts/pycaret_compare.py compare
    python tests/corpus/scripts/capture.py pipe real_pycaret_create_folds -- python tests/corpus/scripts/pycaret_compare.py create
Truth: pycaret.pull() after each call: the score grid DataFrame PyCaret itself displayed (PyCaret
rounds it to 4 decimals before displaying it: the record's precision is the printed one).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from sklearn.datasets import make_classification, make_regression

which = sys.argv[1]
series = _truth.Series()
cols = [f"f{i}" for i in range(6)]

if which == "compare":
    from pycaret.classification import compare_models, pull, setup

    X, y = make_classification(n_samples=300, n_features=6, random_state=0)
    df = pd.DataFrame(X, columns=cols)
    df["target"] = y
    setup(df, target="target", session_id=0, fold=3, n_jobs=1)
    compare_models(include=["lr", "dt", "nb", "knn", "ridge"])
    grid = pull()
    metrics = [c for c in grid.columns if c not in ("Model", "TT (Sec)")]
    for position, (_, row) in enumerate(grid.iterrows()):
        for name in metrics:
            series.add(name, position, None, float(row[name]))
    step_kind = "trial"
    extra_ok = ["TT (Sec) (seconds each model took to train, a grid column)"]
    notes = (
        "setup() first prints its information table as a pandas DataFrame: '                    "
        "Description             Value', rows '0                    Session id                 "
        "0', 'Original data shape          (300, 7)', 'Numeric features                 6', 'Fold "
        "Number                 3', 'CPU Jobs                 1', 'Use GPU             False', "
        "'USI              278f' (settings, shapes and counts: no metric). compare_models() "
        "then draws a tqdm bar 'Processing:  28%|██▊       | 7/25 [00:00<00:00, 45.54it/s]' "
        "(percentages and counts of its own steps; erased with spaces at the end) and prints "
        "its score grid, one row per model sorted by Accuracy, too wide for 80 columns so pandas "
        "wraps it into two blocks: 'knn      K Neighbors Classifier    0.9571  0.9759  0.9624 "
        " 0.9554  0.9583' (index = model id, Model = its name, then Accuracy AUC Recall Prec. "
        "F1) and, after a blank line, '        Kappa     MCC  TT (Sec)' / 'knn    0.9143  0.9156 "
        "   0.0167'. Each row is one model: a trial. Series are the metric columns (mean over "
        "the 3 folds), one point per model in print order (step = the row's position, 0-based; "
        "the model id names the trial, not the metric). TT (Sec) is training time (extra_ok)."
    )
else:
    from pycaret.regression import create_model, pull, setup

    X, y = make_regression(n_samples=300, n_features=6, noise=10.0, random_state=0)
    df = pd.DataFrame(X, columns=cols)
    df["target"] = y
    setup(df, target="target", session_id=0, fold=4, n_jobs=1)
    create_model("ridge")
    table = pull()
    for index, row in table.iterrows():
        for name in table.columns:
            if index in ("Mean", "Std"):
                series.add(f"{name} {index}", None, None, float(row[name]))
            else:
                series.add(name, int(index), None, float(row[name]))
    step_kind = "global"
    extra_ok = []
    notes = (
        "setup() first prints its information table as a pandas DataFrame ('Session id 0', "
        "'Original data shape (300, 7)', 'Fold Number 4', 'CPU Jobs 1', ...: settings, shapes and "
        "counts, no metric). create_model('ridge') draws a tqdm bar 'Processing:   0%|          "
        "| 0/4' (erased with spaces) and prints its per-fold table: a header '         MAE      "
        "MSE     RMSE      R2   RMSLE    MAPE', a line 'Fold' (the index's name), rows '0       "
        "8.0410  101.8634  10.0927  0.9939  0.2149  0.2478' for folds 0..3, then 'Mean' and "
        "'Std' rows. Series '<column>' has the fold rows, step = the fold number (0-based as "
        "printed); '<column> Mean' / '<column> Std' the last two rows (no step)."
    )

_truth.write(
    library=(
        f"pycaret {metadata.version('pycaret')} (scikit-learn {metadata.version('scikit-learn')}, "
        f"pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/pycaret_compare.py",
    record="pycaret pull(): the score grid DataFrame PyCaret displayed (rounded to 4 decimals by PyCaret)",
    step_kind=step_kind,
    series=series,
    extra_ok=extra_ok,
    not_printed=[],
    notes=notes,
)
