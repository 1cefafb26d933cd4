"""rgf_python: Regularized Greedy Forest (RGFClassifier, the RGF executable) and FastRGF
(FastRGFClassifier, the FastRGF executables) with verbose=1, as rgf_python's README and examples
use them (fit, then score on held-out data), on synthetic data.

Versions: rgf_python 3.12.0 (its wheel ships the rgf and forest_train/forest_predict binaries),
scikit-learn 1.9.1, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zAI-3).
Capture (repository root, venv active; TMPDIR only keeps rgf's temporary model files out of /tmp):
    TMPDIR=/tmp/x python tests/corpus/scripts/capture.py pipe real_rgf_classifier -- python tests/corpus/scripts/rgf_fit.py rgf
    TMPDIR=/tmp/x python tests/corpus/scripts/capture.py pipe real_fastrgf_classifier -- python tests/corpus/scripts/rgf_fit.py fastrgf
(the executables print the same under a terminal: no pty entries.)
Truth: with verbose=1 the executables print their settings, data sizes, timestamps, file names
and timings, and no loss (no test data is given to them during training): nothing of theirs is a
metric of the fit.  The script's one print is the held-out accuracy, from the estimator's own
score() (scikit-learn's accuracy of its predictions).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from rgf.sklearn import FastRGFClassifier, RGFClassifier
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

mode = sys.argv[1]
X, y = make_classification(800, 10, n_informative=6, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
if mode == "rgf":
    model = RGFClassifier(max_leaf=300, algorithm="RGF_Sib", test_interval=100, verbose=1)
else:
    model = FastRGFClassifier(n_estimators=50, max_depth=6, n_jobs=1, verbose=1)
model.fit(X_train, y_train)
acc = model.score(X_test, y_test)
print(f"test accuracy: {acc:.4f}")

series = _truth.Series()
series.add("test accuracy", None, None, acc)
if mode == "rgf":
    notes = (
        "The RGF executable's 'train' block: '\"train\": ' then indented 'algorithm=RGF_Sib', "
        "'train_x_fn=/tmp/.../<uuid>1.train.data.x', 'Log:ON', then timestamped lines 'Mon Dec  7 "
        "15:01:55 2026: Start ... #train=600', 'Forest-level:' settings ('max_leaf_forest=300', "
        "'max_tree=150', 'opt_interval=100', 'test_interval=100', 'num_tree_search=1'), "
        "'Training data: 10x600, nonzero_ratio=1; managed as dense data.' (sizes), "
        "'Optimization:' settings ('num_iteration_opt=5', 'reg_L2=0.1', 'opt_stepsize=0.5', "
        "'max_delta=1'), 'Tree-level: min_pop=10', then 'Calling optimizer with 19 trees and 100 "
        "leaves', 'Writing model: seq#=1' (counts), 'Generated 3 model file(s):' and the "
        "file names, 'elapsed: 0.039412' and later 'elapsed: 0.000297' (seconds of the run, not a metric of the fit), then the "
        "'predict' block ('model_fn=...model-03', '...predictions.txt: ...model-03,#leaf=300,"
        "#tree=49'). First a warning: 'n_jobs = -1, but RGFClassifier uses one CPU because "
        "classes_ is 2'. The only metric is the script's 'test accuracy: 0.9100'."
    )
else:
    notes = (
        "FastRGF's executables print 'loading training data ... ' with indented settings "
        "('trn.target=BINARY', 'trn.x-file=/tmp/.../<uuid>1.train.data'), 'loading time: wall "
        "time=0.00144298 seconds; cpu time=0.001448 seconds.', 'discretizing training data ... ' with "
        "'discretize.dense.min_bucket_weights=5.0', 'discretize.dense.max_buckets=65000', "
        "'discretize.dense.lamL2=2.0' ..., 'training decision forest ... ' with 'dtree.loss=LS', "
        "'dtree.max_level=6', 'dtree.lamL2=1000.0', 'forest.stepsize=0.001', 'forest.ntrees=50', "
        "'forest.eval_frequency=50' (settings), 'training time: wall time=0.0220173 seconds; cpu "
        "time=0.021922 seconds.' (timings of the run), the model file's name, then the same for the "
        "prediction ('tst.ntrees=0' ...). Nothing of it is a metric of the fit; the only metric is "
        "the script's 'test accuracy: 0.9050'."
    )

_truth.write(
    library=(
        f"rgf_python {metadata.version('rgf_python')} (scikit-learn "
        f"{metadata.version('scikit-learn')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/rgf_fit.py",
    record="the estimator's score(X_test, y_test) (accuracy), printed by the script",
    step_kind="none",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=notes,
)
