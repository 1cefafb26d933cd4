"""YDF (Yggdrasil Decision Forests) on a small synthetic binary-classification frame, train(verbose=2).

gbt: GradientBoostedTreesLearner: the data spec report, C++ log lines 'Train tree 1/50
     train-loss:1.246622 train-accuracy:0.578544 valid-loss:1.271953 valid-accuracy:0.564103
     [total:0.01s iter:0.01s]' (the first trees, then one line now and then), early stopping,
     'Final model num-trees:17 valid-loss:… valid-accuracy:…', then print(model.evaluate(test)):
     accuracy, a confusion matrix, 'ROC AUC: …', 'PR AUC: …', 'loss: …', example counts.
rf:  RandomForestLearner(compute_oob_performances=True): 'Train tree 11/40 accuracy:0.728188
     logloss:3.57057 [index:10 total:0.00s tree:0.00s]' every 10 trees, 'Final OOB metrics: …'.

Versions: ydf 0.16.1, pandas 3.1.1, numpy 2.4.6, Python 3.11. Seeds fixed; under a second of CPU.
Capture (repository root, venv /work/venvs/corpus-r-4: `pip install ydf pandas`):
    python tests/corpus/scripts/capture.py pipe real_ydf_gbt -- python tests/corpus/scripts/ydf_train.py gbt
    python tests/corpus/scripts/capture.py pipe real_ydf_rf_oob -- python tests/corpus/scripts/ydf_train.py rf
(YDF draws no bar and no colour: no pty entry.)
Truth: model.training_logs() (YDF's own per-iteration record: evaluation / training_evaluation),
model.self_evaluation() for the closing lines, and the returned Evaluation object for the test
metrics. The C++ log prints only some iterations of the record (gbt: the first trees, then by
time); which ones were printed is read from a copy of file descriptor 2 (_fdtee.FdTee): the
numbers come from the record only.
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import ydf
from _fdtee import FdTee

kind = sys.argv[1]
rng = np.random.RandomState(0)
n = 800
df = pd.DataFrame({f"x{i}": rng.normal(size=n) for i in range(5)})
df["cat"] = rng.choice(list("abcd"), n)
signal = df.x0 + 0.5 * df.x1 - 0.3 * df.x2 + (df.cat == "a")
df["y"] = ((signal + rng.normal(scale=0.8, size=n)) > 0).astype(int)
train, test = df[:600], df[600:]

if kind == "gbt":
    learner = ydf.GradientBoostedTreesLearner(label="y", num_trees=50, random_seed=1)
else:
    learner = ydf.RandomForestLearner(
        label="y", num_trees=40, compute_oob_performances=True, random_seed=1
    )
tee = FdTee(2)
try:
    model = learner.train(train, verbose=2)
finally:
    logged = tee.close()
printed = [int(m) for m in re.findall(r"Train tree (\d+)/", logged)]
ev = model.evaluate(test) if kind == "gbt" else None
if ev is not None:
    print(ev)

series = _truth.Series()
logs = {e.iteration: e for e in model.training_logs()}
assert printed and all(i in logs for i in printed), (printed, sorted(logs))
se = model.self_evaluation()
if kind == "gbt":
    for i in printed:
        e = logs[i]
        series.add("train-loss", i, None, e.training_evaluation.loss)
        series.add("train-accuracy", i, None, e.training_evaluation.accuracy)
        series.add("valid-loss", i, None, e.evaluation.loss)
        series.add("valid-accuracy", i, None, e.evaluation.accuracy)
    n_trees = model.num_trees()
    assert abs(logs[n_trees].evaluation.loss - se.loss) < 1e-6
    series.add("Best valid-loss", n_trees, None, se.loss)
    series.add("valid-loss", n_trees, None, se.loss)
    series.add("valid-accuracy", n_trees, None, se.accuracy)
    series.add("accuracy", None, None, ev.accuracy)
    series.add("ROC AUC", None, None, ev.characteristics[0].roc_auc)
    series.add("PR AUC", None, None, ev.characteristics[0].pr_auc)
    series.add("loss", None, None, ev.loss)
    notes = (
        "A stderr preamble: 'Train model on 600 examples', warnings about unused GOSS / SELGB "
        "parameters, the data spec ('Number of records: 600', per column 'mean:-0.0549505 "
        "min:-3.04614 max:2.69622 sd:1.0035', 'most-frequent:\"1\" 346 (57.6667%)', a "
        "terminology glossary), 'Default loss set to BINOMIAL_LOG_LIKELIHOOD', '522 examples used "
        "for training and 78 examples used for validation', thread counts: statistics of the "
        "data, sizes and configuration, not metrics. Then 'Train tree 1/50 train-loss:… "
        "train-accuracy:… valid-loss:… valid-accuracy:… [total:0.01s iter:0.01s]' for the "
        "first trees only (YDF's log prints the first iterations, then one line every few "
        "seconds: this run is shorter); step = the tree number as YDF counts it (its "
        "training_logs iteration; the '/50' is the configured maximum). 'Early stop of the "
        "training because the validation loss does not decrease anymore. Best valid-loss: "
        "0.928453' (series 'Best valid-loss'), 'Truncates the model to 17 tree(s) i.e. 17  "
        "iteration(s).', 'Final model num-trees:17 valid-loss:0.928453 valid-accuracy:0.794872' "
        "(the kept model's validation metrics, step 17 = num-trees: the record's iteration 17). "
        "'Model trained in 0:00:00.17' is a duration. print(model.evaluate(test)) on stdout "
        "(block-buffered: it comes after the C++ log): 'accuracy: 0.78', a '+----+' framed "
        "confusion matrix of counts, 'characteristics:' with \"name: '1' vs others\", 'ROC AUC: "
        "0.861667', 'PR AUC: 0.887873', 'Num thresholds: 189' (a count), 'loss: 0.473791', 'num "
        "examples: 200', 'num examples (weighted): 200' (counts): the test metrics have no step "
        "(null). The '[total:0.01s iter:0.01s]' times are durations, not metrics."
    )
else:
    for i in printed:
        e = logs[i]
        series.add("accuracy", i, None, e.evaluation.accuracy)
        series.add("logloss", i, None, e.evaluation.loss)
    last = max(logs)
    assert abs(logs[last].evaluation.accuracy - se.accuracy) < 1e-9
    series.add("accuracy", last, None, se.accuracy)
    series.add("logloss", last, None, se.loss)
    notes = (
        "The same stderr preamble as the gbt entry (data spec statistics, sizes, configuration: "
        "not metrics), then every 10 trees 'Train tree 11/40 accuracy:0.728188 logloss:3.57057 "
        "[index:10 total:0.00s tree:0.00s]': the out-of-bag accuracy and log loss of the forest "
        "so far, step = the tree count as YDF records it (its training_logs iteration; 'index' is "
        "the index of the tree just finished, which can differ from the count by one with "
        "parallel training, and the '/40' is the configured total), then 'Final OOB metrics: "
        "accuracy:0.781667 logloss:1.30851' (model.self_evaluation(), the last iteration's "
        "values once more, at step 40). 'Model trained in 0:00:00.016352' is a duration; the "
        "'total:' / 'tree:' times too."
    )

_truth.write(
    library=f"ydf {metadata.version('ydf')} (pandas {pd.__version__}, numpy {np.__version__})",
    script="tests/corpus/scripts/ydf_train.py",
    record=(
        "model.training_logs() (evaluation, training_evaluation per iteration), "
        "model.self_evaluation()"
        + (", the Evaluation returned by model.evaluate(test)" if kind == "gbt" else "")
        + "; the printed iterations are those the C++ log showed (fd 2 copied)"
    ),
    step_kind="global",
    series=series,
    # seconds per iteration / per tree: time per step ('total:' is the elapsed time, not a metric)
    extra_ok=["iter (seconds per iteration)"] if kind == "gbt" else ["tree (seconds per tree)"],
    notes=notes,
)
