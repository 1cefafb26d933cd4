"""RecTools' cross_validate over four classic models, its metrics printed as a DataFrame.

RecTools' "cross validation" tutorial runs cross_validate(dataset, LastNSplitter(...), metrics,
models, k=10, filter_viewed=True) and prints pd.DataFrame(cv_results["metrics"]): one row per
(model, fold) with the columns model, i_split and one per metric ('precision@10', 'recall@10',
'ndcg@10', 'map@10', 'novelty@10'); here the split_infos table (fold sizes) is printed first, as
the tutorial shows it.

Truth: the dicts cv_results["metrics"] holds (the library's own record), one series per model and
metric named '<model>/<metric>' (the table row's model cell and the column header), step =
i_split (0-based as printed).

Versions: RecTools 0.19.0 (pm-implicit 0.7.3), pandas 2.3.3, numpy 1.26.4, Python 3.11 (venv
/work/venvs/corpus-zAD-1, see rectools_sasrec.py). About 2 s of CPU.
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_rectools_cv -- python tests/corpus/scripts/rectools_cv.py
"""

import os
import sys
from importlib import metadata

import numpy as np
import pandas as pd
from implicit.als import AlternatingLeastSquares
from rectools import Columns
from rectools.dataset import Dataset
from rectools.metrics import MAP, NDCG, MeanInvUserFreq, Precision, Recall
from rectools.model_selection import LastNSplitter, cross_validate
from rectools.models import EASEModel, ImplicitALSWrapperModel, PopularModel, PureSVDModel

sys.path.insert(0, os.path.dirname(__file__))

import _truth

pd.set_option("display.width", 120)
rng = np.random.default_rng(0)
# 500 users in 5 taste groups; each interacts with 14 items, mostly from its group's 40
USERS, ITEMS, PER = 500, 200, 14
rows = []
t0 = pd.Timestamp("2024-01-01")
for u in range(USERS):
    g = u % 5
    own = rng.choice(np.arange(g * 40, (g + 1) * 40), PER - 3, replace=False)
    other = rng.choice(ITEMS, 3, replace=False)
    items = list(dict.fromkeys(list(own) + list(other)))
    rng.shuffle(items)
    for k, item in enumerate(items):
        rows.append((u, int(item), 1.0, t0 + pd.Timedelta(days=k)))
inter = pd.DataFrame(rows, columns=[Columns.User, Columns.Item, Columns.Weight, Columns.Datetime])
dataset = Dataset.construct(inter)

splitter = LastNSplitter(n=2, n_splits=2)
metrics = {
    "precision@10": Precision(k=10),
    "recall@10": Recall(k=10),
    "ndcg@10": NDCG(k=10),
    "map@10": MAP(k=10),
    "novelty@10": MeanInvUserFreq(k=10),
}
models = {
    "popular": PopularModel(),
    "ease": EASEModel(regularization=100),
    "pure_svd": PureSVDModel(factors=16),
    "ials": ImplicitALSWrapperModel(
        AlternatingLeastSquares(factors=16, iterations=10, random_state=0)
    ),
}
cv_results = cross_validate(
    dataset=dataset, splitter=splitter, metrics=metrics, models=models, k=10, filter_viewed=True
)
print(pd.DataFrame(cv_results["splits"]))
print(pd.DataFrame(cv_results["metrics"]))

series = _truth.Series()
for row in cv_results["metrics"]:
    for name in metrics:
        series.add(f"{row['model']}/{name}", row["i_split"], None, row[name])

_truth.write(
    library=f"RecTools {metadata.version('rectools')} (pm-implicit {metadata.version('pm-implicit')}, "
    f"pandas {pd.__version__}, numpy {np.__version__})",
    script="tests/corpus/scripts/rectools_cv.py",
    record="cross_validate(...)['metrics'], the list of per-(model, fold) dicts RecTools returns",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes="First the splits table (columns i_split, train, train_users, train_items, test, test_users, "
    "test_items: fold sizes, no metric; "
    "nothing else). Then the metrics DataFrame: header "
    "'    model  i_split  precision@10  recall@10   ndcg@10    map@10  novelty@10', rows "
    "'0  popular        0        0.0402      0.201  0.01876  0.07...    1.23...' (pandas' "
    "6 significant digits). The series are '<model>/<metric>' ('ease/ndcg@10'), step = the row's "
    "i_split; the leading column is the DataFrame index (row number), not a step.",
)
