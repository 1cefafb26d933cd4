"""python-crfsuite's own Trainer with verbose=True (its default): CRFsuite's raw training log,
one block per iteration ('***** Iteration #3 *****' with L-BFGS, '***** Epoch #3 *****' with
L2-SGD) with the holdout group's evaluation after each (per-label (precision, recall, F1),
macro averages, item and instance accuracy). Unlike sklearn-crfsuite (real_sklearn_crfsuite) no
wrapper rewrites the log: this is what CRFsuite itself writes.

Versions: python-crfsuite 0.9.12, Python 3.11 (venv /work/venvs/corpus-zd-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_pycrfsuite_lbfgs -- python tests/corpus/scripts/pycrfsuite_trainer.py lbfgs
    python tests/corpus/scripts/capture.py pipe real_pycrfsuite_l2sgd -- python tests/corpus/scripts/pycrfsuite_trainer.py l2sgd
(the same bytes under a terminal: no pty entries.)
Truth: Trainer.logparser (pycrfsuite's TrainLogParser, its own record of each iteration: loss,
feature_norm, error_norm, linesearch_step, the holdout's avg_precision/avg_recall/avg_f1,
item_accuracy, instance_accuracy, scores per label), at the precision CRFsuite prints.
"""

import os
import random
import sys
import tempfile
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import pycrfsuite

SCRIPT = "tests/corpus/scripts/pycrfsuite_trainer.py"
algo = sys.argv[1]
random.seed(0)
WORDS = ["the", "a", "cat", "dog", "runs", "eats", "sees", "big", "red", "Paris", "Bob", "Anna"]


def sentence(n: int) -> tuple[list[list[str]], list[str]]:
    words = [random.choice(WORDS) for _ in range(n)]
    xseq = []
    for i, w in enumerate(words):
        feats = [f"w={w.lower()}", f"cap={w[0].isupper()}", f"suf={w[-2:]}"]
        feats.append(f"prev={words[i - 1].lower()}" if i else "BOS")
        xseq.append(feats)
    tags = [
        "ENT" if w[0].isupper() else ("V" if w in ("runs", "eats", "sees") else "O") for w in words
    ]
    # a little label noise so the holdout never reaches 100% at once
    tags = [random.choice(["O", "V", "ENT"]) if random.random() < 0.08 else t for t in tags]
    return xseq, tags


trainer = pycrfsuite.Trainer(verbose=True)
for k in range(60):
    xseq, yseq = sentence(random.randint(4, 9))
    trainer.append(xseq, yseq, 1 if k % 4 == 0 else 0)  # group 1: the holdout
if algo == "lbfgs":
    trainer.select("lbfgs")
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 12})
else:
    trainer.select("l2sgd")
    trainer.set_params({"c2": 0.01, "max_iterations": 8, "calibration.samples": 40})
trainer.train(os.path.join(tempfile.mkdtemp(), f"{algo}.crfsuite"), holdout=1)

# L-BFGS counts iterations ('***** Iteration #3 *****'): the step; L2-SGD counts epochs
# ('***** Epoch #3 *****'), its only count: the epoch, no step.
per_epoch = algo != "lbfgs"
series = _truth.Series()


def put(name: str, num: int, value: float) -> None:
    series.add(name, None if per_epoch else num, num if per_epoch else None, value)


for it in trainer.logparser.iterations:
    num = it["num"]
    for name, key in (
        ("Loss", "loss"),
        ("Feature norm", "feature_norm"),
        ("Error norm", "error_norm"),
        ("Line search step", "linesearch_step"),
    ):
        if key in it:
            put(name, num, it[key])
    for label, sc in it["scores"].items():
        if sc.precision is None:  # '(0, 0, 0) (******, ******, ******)': nothing printed
            continue
        put(f"{label} precision", num, sc.precision)
        put(f"{label} recall", num, sc.recall)
        put(f"{label} F1", num, sc.f1)
    put("Macro-average precision", num, it["avg_precision"])
    put("Macro-average recall", num, it["avg_recall"])
    put("Macro-average F1", num, it["avg_f1"])
    put("Item accuracy", num, it["item_accuracy_float"])
    put("Instance accuracy", num, it["instance_accuracy_float"])

_truth.write(
    library=f"python-crfsuite {version('python-crfsuite')} (its bundled CRFsuite)",
    script=SCRIPT,
    record="pycrfsuite.Trainer.logparser.iterations (TrainLogParser, pycrfsuite's own record)",
    step_kind="epoch" if per_epoch else "global",
    series=series,
    extra_ok=(
        ["Seconds required for this iteration (time of the iteration)"]
        if algo == "lbfgs"
        else [
            "Seconds required for this iteration (time of the epoch)",
            "Learning rate (eta) (the epoch's learning rate, not in the record)",
            "Feature L2-norm (the weights' norm, as L-BFGS' 'Feature norm'; not in the record)",
            "Initial loss (the calibration's starting loss; not in the record)",
            "Trial (eta = ...) (the loss of each calibration trial; not in the record)",
        ]
    ),
    not_printed=[],
    notes=(
        "CRFsuite's raw log, printed by pycrfsuite's Trainer in chunks: 'Holdout group: 2' (the "
        "group's number, 1-based), 'Feature generation' with settings ('type: CRF1d', "
        "'feature.minfreq: 0.000000'), a '0....1....2....' progress rule, 'Number of features: "
        "103', 'Seconds required: 0.000'; then the algorithm's settings ('c1: 0.100000', "
        "'max_iterations: 12', 'epsilon: 0.000010', ...: configuration). "
        + (
            "L-BFGS: blocks '***** Iteration #3 *****' (step = that number) with 'Loss: 123.45', "
            "'Feature norm: 1.23' (the weights' norm), 'Error norm: 45.6' (the gradient's norm), "
            "'Active features: 103' and 'Line search trials: 1' (counts, not metrics), 'Line "
            "search step: 1.000000', 'Seconds required for this iteration: 0.000'. "
            if algo == "lbfgs"
            else "L2-SGD first calibrates its learning rate: 'Calibrating the learning rate (eta)', "
            "'Initial loss: 123.4' and lines 'Trial #1 (eta = 0.100000): 45.67' (the loss after "
            "one trial epoch at that eta, ' (worse)' may follow; pycrfsuite keeps no record of "
            "them: extra_ok, not series), 'Best learning rate (eta): 0.1' (chosen "
            "setting), 'Seconds required: 0.001'. Then blocks '***** Epoch #3 *****' (epoch = that "
            "number; no step) with 'Loss: 123.45', 'Feature L2-norm: 1.2' (not parsed by pycrfsuite's "
            "logparser: no record, extra_ok), 'Learning rate (eta): "
            "0.05' (the epoch's decayed learning rate: extra_ok), 'Total number of feature updates: "
            "1234' (a count), 'Seconds required for this iteration: 0.000'. "
        )
        + "Each block then evaluates the holdout: 'Performance by label (#match, #model, #ref) "
        "(precision, recall, F1):', lines '    ENT: (12, 14, 13) (0.8571, 0.9231, 0.8889)' (three "
        "counts, then the label's precision, recall, F1: series 'ENT precision', 'ENT recall', "
        "'ENT F1'; a label never seen prints '(0, 0, 0) (******, ******, ******)'), "
        "'Macro-average precision, recall, F1: (0.812, 0.790, 0.799)' (series 'Macro-average "
        "precision', 'Macro-average recall', 'Macro-average F1'), 'Item accuracy: 85 / 100 "
        "(0.8500)' and 'Instance accuracy: 6 / 15 (0.4000)' (the fraction is the series, the two "
        "integers are counts). Closing lines: 'Total seconds required for training: 0.01', "
        "'Storing the model', 'Number of active features: 103 (103)', 'Number of active "
        "attributes: ...', 'Number of active labels: 3 (3)', 'Writing labels', 'Seconds "
        "required: 0.000': no metrics."
    ),
)
