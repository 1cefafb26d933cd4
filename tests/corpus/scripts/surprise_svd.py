"""scikit-surprise: SVD(verbose=True) under cross_validate(verbose=True), then a held-out fit
scored with surprise.accuracy, on synthetic ratings.

Versions: scikit-surprise 1.1.5, pandas 2.3.3, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_surprise_svd_cv -- python tests/corpus/scripts/surprise_svd.py
(Surprise prints with print(): the same under a terminal, no pty entry.)
Truth: the dict cross_validate returns (test_rmse / test_mae per fold; the table's Mean and Std
columns are np.mean / np.std of them, as Surprise computes them for the table) and the values
surprise.accuracy.rmse / .mae return.  SVD keeps no per-epoch record (its 'Processing epoch k'
lines carry no value).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from surprise import SVD, Dataset, Reader, accuracy  # noqa: E402
from surprise.model_selection import cross_validate, train_test_split  # noqa: E402

rng = np.random.RandomState(0)
n_users, n_items = 200, 150
U = rng.normal(size=(n_users, 3))
V = rng.normal(size=(n_items, 3))
rows = []
for _ in range(6000):
    u, i = rng.randint(n_users), rng.randint(n_items)
    r = np.clip(np.round(3 + U[u] @ V[i] * 0.8 + rng.normal(0, 0.5)), 1, 5)
    rows.append((f"u{u}", f"i{i}", r))
df = pd.DataFrame(rows, columns=["user", "item", "rating"]).drop_duplicates(["user", "item"])
data = Dataset.load_from_df(df, Reader(rating_scale=(1, 5)))

res = cross_validate(
    SVD(n_epochs=5, verbose=True, random_state=0), data, measures=["RMSE", "MAE"], cv=3, verbose=True
)
print()
trainset, testset = train_test_split(data, test_size=0.2, random_state=0)
algo = SVD(n_epochs=20, random_state=0)
algo.fit(trainset)
predictions = algo.test(testset)
rmse = accuracy.rmse(predictions)
mae = accuracy.mae(predictions)

series = _truth.Series()
for m in ("RMSE", "MAE"):
    vals = res[f"test_{m.lower()}"]
    for k, v in enumerate(vals, 1):
        series.add(f"{m} (testset)", k, None, v)
    series.add(f"{m} (testset) Mean", None, None, np.mean(vals))
    series.add(f"{m} (testset) Std", None, None, np.std(vals))
series.add("RMSE", None, None, rmse)
series.add("MAE", None, None, mae)

_truth.write(
    library=(
        f"scikit-surprise {metadata.version('scikit-surprise')} (pandas {pd.__version__}, "
        f"numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/surprise_svd.py",
    record=(
        "the dict cross_validate returns (test_rmse, test_mae per fold; Mean / Std as Surprise "
        "computes them from it) and the values accuracy.rmse / accuracy.mae return"
    ),
    step_kind="trial",
    series=series,
    extra_ok=["Fit time (seconds, a table row)", "Test time (seconds, a table row)"],
    not_printed=[],
    notes=(
        "SVD(verbose=True) prints 'Processing epoch 0' ... 'Processing epoch 4' for each of the "
        "3 folds (an epoch counter, no value). cross_validate(verbose=True) then prints 'Evaluating "
        "RMSE, MAE of algorithm SVD on 3 split(s).' and a table whose ROWS are the measures and "
        "whose COLUMNS are folds: a header '                  Fold 1  Fold 2  Fold 3  Mean    Std', "
        "rows 'RMSE (testset)    1.1857  1.2236  1.2471  1.2188  0.0253' and 'MAE (testset) ...' "
        "(4 decimals), then 'Fit time' and 'Test time' rows (seconds, 2 decimals). Series '<row "
        "name>' has the fold columns, step = the fold number k of 'Fold k'; '<row name> Mean' / "
        "'<row name> Std' the last two columns (no step). The script then fits on a train split "
        "and surprise.accuracy prints 'RMSE: 1.1857' and 'MAE:  0.9498' (series 'RMSE', 'MAE', no "
        "step). Truth at full precision."
    ),
)
