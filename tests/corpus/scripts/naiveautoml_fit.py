"""Naive AutoML (naiveautoml) on a small synthetic binary task as its README runs it
(NaiveAutoML().fit(X, y), print(naml.chosen_model)), with show_progress=True (tqdm bars for the
algorithm-selection and the HPO phase) and logging at INFO, the way to see what it evaluates:
per candidate 'INFO:naiveautoml.evalpool:Completed evaluation of Pipeline(steps=[…]) after
0.23…s. Scores are {'roc_auc': 0.9865}' and 'INFO:naiveautoml:Observed score of 0.9865 for
default configuration of sklearn.ensemble._forest.ExtraTreesClassifier', in the HPO phase
'Starting 2-th HPO step. Currently best known score is 0.992' and 'Observed score of 0.9925 for
params Configuration(values={' followed by the sampled hyper-parameters.

Versions: naiveautoml 0.1.6, scikit-learn 1.5.2, ConfigSpace 1.2.0, numpy 1.26.4, pandas 2.3.3
(pandas 3 turns the history's None into NaN and fit() fails with KeyError: nan), tqdm 4.70.1,
Python 3.11.
Capture (repository root, a venv with naiveautoml and "pandas<3"):
    python tests/corpus/scripts/capture.py pipe real_naiveautoml_info -- python tests/corpus/scripts/naiveautoml_fit.py
    python tests/corpus/scripts/capture.py pty real_naiveautoml_info_pty -- python tests/corpus/scripts/naiveautoml_fit.py
Truth: naml.history (Naive AutoML's own DataFrame, one row per evaluated or skipped candidate, in
order): its 'roc_auc' column, step = the row's position (1-based). 'Observed score of …' is logged
for every row (NaN for skipped ones); 'Scores are {'roc_auc': …}' only for rows that were
evaluated (status 'ok' or 'exception', not 'avoided').
"""

import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

logging.basicConfig(level=logging.INFO)

import _truth  # noqa: E402
import naiveautoml  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.datasets import make_classification  # noqa: E402

X, y = make_classification(n_samples=200, n_features=8, random_state=0)
naml = naiveautoml.NaiveAutoML(
    max_hpo_iterations=4, show_progress=True, random_state=0, timeout_overall=60
)
naml.fit(X, y)
print(naml.chosen_model)

hist = naml.history
series = _truth.Series()
for i, (status, score) in enumerate(zip(hist["status"], hist["roc_auc"], strict=True), start=1):
    series.add("Observed score", i, None, score)
    if status != "avoided":
        series.add("roc_auc", i, None, score)

_truth.write(
    library=(
        f"naiveautoml {metadata.version('naiveautoml')} (scikit-learn "
        f"{metadata.version('scikit-learn')}, ConfigSpace {metadata.version('ConfigSpace')}, "
        f"numpy {np.__version__}, pandas {pd.__version__}, tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/naiveautoml_fit.py",
    record="NaiveAutoML.history (DataFrame): column 'roc_auc' (the scoring), 'status'",
    step_kind="trial",
    series=series,
    extra_ok=["Currently best known score", "performance"],
    not_printed=[],
    notes=(
        "Root logger format 'INFO:naiveautoml:…'. First a multi-line 'Optimizing pipeline under "
        "the following conditions.' block ('Input shape: (200, 8)', 'Timeout Overall: 60', 'Max "
        "HPO iterations: 4' …: sizes and settings) and the search space's class names. Per "
        "candidate: 'Evaluating sklearn.svm._classes.SVC.Timeout: 300. Remaining time: "
        "49.19…' (budget left, not a metric), 'Initializing evaluation of Pipeline(…). Current "
        "memory consumption 216MB.' (memory), 'Completed evaluation of Pipeline(steps=[('learner', "
        "SVC(kernel='linear'))]) after 0.034…s. Scores are {'roc_auc': 0.987}' (a Python dict: "
        "series 'roc_auc'; the pipeline repr often spans two lines and holds hyper-parameters "
        "such as alpha=34.73…), 'Observed score of 0.987 for default configuration of "
        "sklearn.svm._classes.SVC' (series 'Observed score', the same value; 'Observed score of "
        "nan' after 'Preventing evaluation of forbidden pipeline …' and after a traceback "
        "'Observed Exception during evaluation: …' / 'Scores are {'roc_auc': nan}'). After "
        "selection 'Algorithm Selection ready.Decisions: ' and tab-indented lines "
        "\"('learner', 'sklearn.naive_bayes.BernoulliNB') with performance 0.99\" (the chosen "
        "candidate's score: extra_ok 'performance'). HPO phase: 'Entering HPO phase.Remaining "
        "time: 52.98s', 'Starting 2-th HPO step. Currently best known score is 0.992' (best so "
        "far, '-inf' before the first: extra_ok), 'Observed score of 0.9925 for params "
        "Configuration(values={' then \"  'learner:alpha': 34.73…,\" lines (HYPER-PARAMETERS), "
        "'Runtime was 7.18… seconds', and print(naml.chosen_model): the Pipeline's repr. tqdm bars "
        "'Progress for algorithm selection:' ' 31%|███▏      | 10/32 [00:00<00:01, 19.06it/s]' and "
        "'Progress for hyperparameter optimization:' (counts of candidates, no metric) share "
        "lines with the log records (the bar's '\\r' redraw, then the record)."
    ),
)
