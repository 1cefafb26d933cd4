"""wittgenstein's RIPPER / IREP rule learners with their verbosity on, then the README's scoring.

Versions: wittgenstein 0.3.5, pandas 3.1.1, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11 (venv corpus-zZ-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_wittgenstein_ripper -- python tests/corpus/scripts/wittgenstein_rules.py ripper
    python tests/corpus/scripts/capture.py pipe real_wittgenstein_irep -- python tests/corpus/scripts/wittgenstein_rules.py irep
Truth: the learners print their rulesets and growing/pruning steps (rule conditions, bin bounds,
example counts: no metric) and keep no history; the metrics are the README's
clf.score(X_test, y_test, precision_score / recall_score) and the default accuracy score(),
computed by the fitted learner.  Plain print(): no pty entry.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import wittgenstein as lw
from sklearn.metrics import precision_score, recall_score

which = sys.argv[1]
rng = np.random.RandomState(0)
n = 600
df = pd.DataFrame(rng.normal(size=(n, 5)), columns=["age", "dose", "bmi", "score", "noise"])
df["outcome"] = np.where(
    ((df.age + df.dose > 0.6) | (df.bmi > 1.2)) ^ (rng.uniform(size=n) < 0.08), "yes", "no"
)
train, test = df.iloc[:450], df.iloc[450:]
X_test, y_test = test.drop(columns="outcome"), test.outcome

if which == "ripper":
    clf = lw.RIPPER(verbosity=1, random_state=0, max_rules=8)
else:
    clf = lw.IREP(verbosity=2, random_state=0, max_rules=6)
clf.fit(train, class_feat="outcome", pos_class="yes")
clf.out_model()

accuracy = clf.score(X_test, y_test)
precision = clf.score(X_test, y_test, precision_score)
recall = clf.score(X_test, y_test, recall_score)
print(f"accuracy: {accuracy}")
print(f"precision: {precision} recall: {recall}")

series = _truth.Series()
series.add("accuracy", None, None, accuracy)
series.add("precision", None, None, precision)
series.add("recall", None, None, recall)

if which == "ripper":
    what = (
        "RIPPER(verbosity=1, max_rules=8) prints 'discretizing 5 features', then 'GREW INITIAL RULESET:', "
        "'optimization run 1 of 2' / 'OPTIMIZED RULESET:' twice and 'FINAL RULESET:', each ruleset one "
        "rule a line, '[[bmi=>1.2] V' / '[age=0.58-0.95 ^ dose=>0.82] V' / '[dose=0.24-0.47 ^ age=>0.95]]': "
        "conditions on bins of the features (bin bounds like '0.58-0.95', negative ones like "
        "'-0.53--0.27', and '=>1.2' / '=<-1.27': values of the data, not metrics); out_model() prints the "
        "final ruleset once more on one line."
    )
else:
    what = (
        "IREP(verbosity=2, max_rules=6) prints 'discretizing 5 features: ['age', 'dose', …]', 'growing "
        "ruleset...', 'initial model: []', per rule 'pos_growset 87 pos_pruneset 44' / 'neg_growset 113 "
        "neg_pruneset 56' (numbers of examples: counts), 'grew rule: [bmi=>1.2^dose=<-1.31]', 'pruned rule: "
        "[bmi=>1.2]' or 'pruned rule unchanged', 'updated ruleset: ...[[…] V […]]', then 'GREW RULESET:' and "
        "the rules one a line ('[[bmi=>1.24] V' …: bin bounds of the data, not metrics). Its probability "
        "calibration then prints per rule 'rule 0 [bmi=>1.24]' and 'n_samples: 450 tp: 41 fp: 4 tpr: "
        "0.9111111111111111 fpr: 0.0888… class_ns: (4, 41) class_freqs: (0.0888…, 0.9111…) "
        "smoothed_class_freqs: [0.1063…, 0.8936…]', and for the uncovered rows 'tn: 204 fn: 41 tnr: 0.8326… "
        "fnr: 0.1673… ruleset_uncovered_class_ns: (204, 41) …': counts, and the class frequencies among the "
        "training rows each rule covers, which the model keeps (rule.class_freqs_, "
        "ruleset.uncovered_class_freqs_) as its predict_proba estimates: fitted parameters of the model, one "
        "per rule, not metrics of the fit (neither series nor extra_ok, though named 'tpr' / 'fpr'). "
        "out_model() prints the final ruleset again."
    )

_truth.write(
    library=(
        f"wittgenstein {metadata.version('wittgenstein')} (pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/wittgenstein_rules.py",
    record=(
        "no history: the fitted learner's score() on the held-out rows (accuracy by default, "
        "precision_score and recall_score as the README passes them)"
    ),
    step_kind="none",
    series=series,
    notes=(
        what
        + " Then the script prints 'accuracy: 0.8866666666666667' and the README's 'precision: "
        "0.9142857142857143 recall: 0.8205128205128205' (two metrics on one line, Python's repr of the float: "
        "full precision). No number in the learner's own output is a metric."
    ),
)
