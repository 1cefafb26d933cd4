"""H2O AutoML on a synthetic binary frame, verbosity='info': the 'AutoML progress' bar with H2O's
event log lines between its pieces ('04:14:03.410: New leader: GLM_1_AutoML_1_20261207_41401,
auc: 0.8384574468085106'), then the leaderboard as a pandas DataFrame and the leader's test AUC.

Versions: h2o 3.46.0.12 (h2o.jar in the sdist, OpenJDK 17, offline), pandas 3.1.1, numpy 2.4.6,
Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zg-2; about 25 s of CPU; TMPDIR set to a scratch
folder: the ice root is a temporary directory):
    python tests/corpus/scripts/capture.py pipe real_h2o_automl -- python tests/corpus/scripts/h2o_automl.py
(No pty entry: under a terminal the 'AutoML progress' bar is redrawn with '\r' thousands of times
a second, 4 MB for this 17 s run.)
H2O renders its own frames and its connection table with tabulate (held out of these captures):
h2o.init(verbose=False) skips the connection table and the leaderboard is printed through
as_data_frame() (pandas), as many scripts do.
Truth: aml.leaderboard (H2O's own table of the models' cross-validated metrics, full precision)
for the leaderboard rows and for each 'New leader' line (the leader's auc there, asserted equal
to the value in aml.event_log's message); model_performance(test).auc() for the test line.
"""

import os
import re
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import h2o
import numpy as np
import pandas as pd
from h2o.automl import H2OAutoML

ice = tempfile.mkdtemp(prefix="h2o-ice-")
h2o.init(nthreads=2, max_mem_size="1G", ice_root=ice, verbose=False)
rng = np.random.default_rng(0)
n = 600
df = pd.DataFrame(rng.normal(size=(n, 6)), columns=[f"x{i}" for i in range(6)])
signal = df.x0 + 0.5 * df.x1 - df.x2 * df.x3 + rng.normal(0, 0.5, n)
df["y"] = np.where(signal > 0, "yes", "no")
hf = h2o.H2OFrame(df)
hf["y"] = hf["y"].asfactor()
train, test = hf.split_frame([0.8], seed=1)

aml = H2OAutoML(
    max_models=4,
    seed=1,
    nfolds=3,
    exclude_algos=["DeepLearning", "XGBoost"],
    verbosity="info",
)
aml.train(y="y", training_frame=train)
lb = aml.leaderboard.as_data_frame()
print(lb)
perf = aml.leader.model_performance(test)
test_auc = perf.auc()
print("Test AUC:", test_auc)

events = aml.event_log.as_data_frame()
h2o.cluster().shutdown()

series = _truth.Series()
# models in build order (the event log's 'starting <model_id> model training' lines): the trial
order = []
for msg in events["message"]:
    g = re.match(r"AutoML: starting (\S+) model training", str(msg))
    if g:
        order.append(g.group(1))
auc_of = dict(zip(lb["model_id"], lb["auc"], strict=True))
for msg in events["message"]:
    g = re.match(r"New leader: (\S+), auc: (\S+)$", str(msg))
    if g:
        model_id = g.group(1)
        assert float(g.group(2)) == auc_of[model_id], (msg, auc_of[model_id])
        series.add("auc", order.index(model_id) + 1, None, auc_of[model_id])
header = repr(lb).splitlines()[0]
shown = [c for c in lb.columns if c != "model_id" and c in header.split()]
for col in shown:
    for row, model_id in enumerate(lb["model_id"]):
        series.add(col, order.index(model_id) + 1, None, lb.loc[row, col])
series.add("Test AUC", order.index(lb["model_id"][0]) + 1, None, test_auc)
hidden = [c for c in lb.columns if c != "model_id" and c not in shown]

_truth.write(
    library=(
        f"h2o {metadata.version('h2o')} (OpenJDK 17, pandas {pd.__version__}, numpy "
        f"{np.__version__})"
    ),
    script="tests/corpus/scripts/h2o_automl.py",
    record=(
        "aml.leaderboard (each model's cross-validated auc, logloss, aucpr, mean_per_class_error, "
        "rmse, mse), checked against aml.event_log's 'New leader' messages; "
        "aml.leader.model_performance(test).auc()"
    ),
    step_kind="trial",
    series=series,
    extra_ok=["AutoML duration (seconds)"],
    not_printed=[f"leaderboard columns pandas elided with '...': {hidden}"] if hidden else [],
    notes=(
        "After the parse bar, 'AutoML progress: |' starts a bar whose blocks ('███') are written "
        "between H2O's event log lines (verbosity='info', each prefixed by the time "
        "'04:14:01.324: '): 'Project: AutoML_1_20261207_41401', 'Setting stopping tolerance "
        "adaptively based on the training frame: 0.04588314677411235' (a setting), 'Build control "
        "seed: 1', 'training frame: Frame key: … cols: 7    rows: 475  chunks: 1    size: 23896  "
        "checksum: 6718216613237524284' (sizes, a checksum), 'Loading execution steps: [{XGBoost : "
        "[def_2 (1g, 10w), …]}]' (plan: group and weight numbers), 'AutoML: starting "
        "GBM_1_AutoML_1_20261207_41401 model training' (model ids carry counters, the date and "
        "the time: not metrics), 'New leader: GBM_2_AutoML_1_20261207_41401, auc: "
        "0.8753723404255319' (series 'auc': the new leader's cross-validated AUC, step = the "
        "model's position in build order, from 1), 'No base models, … Skipping StackedEnsemble', "
        "'AutoML build done: built 4 models', 'AutoML duration: 18.011 sec' (extra_ok), then "
        "'| (done) 100%'. pandas' H2ODependencyWarning about polars/pyarrow precedes print(lb): "
        "the leaderboard sorted by auc, one row per model ('0   GBM_2_AutoML_1_20261207_41401  "
        "...  0.144126'); piped, pandas fits 80 columns and elides the middle ones with '...' "
        "('[6 rows x 7 columns]': counts), long model ids cut with '...'. Leaderboard series: "
        "each printed score column, one point per row in print order, step = that model's build "
        "position (rows are not in build order; the row numbers 0-5 are the sort rank). 'Test "
        "AUC: 0.917…' is the leader's AUC on the held-out split, at the leader's step. "
        "h2o.cluster().shutdown() prints 'H2O session _sid_… closed.'."
    ),
)
