"""imodels' interpretable models fitted with verbose output, on synthetic scikit-learn data:

- figs: FIGSRegressor(max_rules=6, verbose=2): a tqdm bar 'fitting rules' on stderr, one line per rule
  added through bar.write ('rule 2/6 (2 tree(s)): X_0 <= 0.652') and, at verbose 2, the whole model
  printed after each rule (its trees drawn with their split thresholds and leaf values). No metric.
- tao: TaoTreeClassifier(n_iters=10, verbose=1): the initial CART tree (sklearn's export_text),
  'starting score 0.98', a tqdm bar 'TAO iterations' on stderr, 'no errors to change' and 'Improved score
  from 0.9800 to 0.9867' when a node update is kept.

Truth: figs prints no metric (empty series: anything stored is invented). tao: imodels keeps no record of
its scores; the script tees sys.stdout during fit() (imodels prints with print()), so the values are at
their printed precision ('starting score' is print()'s full repr of model.score).

Versions: imodels 3.0.4, scikit-learn 1.9.1, numpy 2.3.5, tqdm 4.70.1, Python 3.11.
Venv /work/venvs/corpus-zB-3 (see aeon_verbose_fit.py) plus `pip install imodels six` (all wheels; imodels
imports six without declaring it).
Captures (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_imodels_figs_verbose2 -- python tests/corpus/scripts/imodels_verbose.py figs
    python tests/corpus/scripts/capture.py pty real_imodels_figs_verbose2_pty -- python tests/corpus/scripts/imodels_verbose.py figs
    python tests/corpus/scripts/capture.py pipe real_imodels_tao -- python tests/corpus/scripts/imodels_verbose.py tao
    python tests/corpus/scripts/capture.py pty real_imodels_tao_pty -- python tests/corpus/scripts/imodels_verbose.py tao
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import sklearn
from _fdtee import Tee
from sklearn.datasets import make_classification, make_regression

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "figs"
library = (
    f"imodels {metadata.version('imodels')}, scikit-learn {sklearn.__version__}, numpy {np.__version__}, "
    f"tqdm {metadata.version('tqdm')}"
)
script = "tests/corpus/scripts/imodels_verbose.py"
series = _truth.Series()

if VARIANT == "figs":
    from imodels import FIGSRegressor

    X, y = make_regression(n_samples=300, n_features=5, noise=5.0, random_state=0)
    FIGSRegressor(max_rules=6, verbose=2).fit(X, y)
    _truth.write(
        library=library,
        script=script,
        record="none: nothing printed is a metric",
        step_kind="none",
        series=series,
        notes=(
            "FIGSRegressor(max_rules=6, verbose=2).fit on 300x5 synthetic regression data. A tqdm bar "
            "'fitting rules:  17%|█▋        | 1/6 [00:00<00:00, 130.57it/s]' on stderr (leave=False: cleared "
            "with spaces), one line per rule through bar.write: 'rule 2/6 (2 tree(s)): X_0 <= 0.652' (the rule "
            "count out of max_rules, the number of trees, the split's feature index and threshold), and after "
            "each rule the model printed whole: 'FIGSRegressor', '  FIGS: a sum of small trees.', '  2 trees, "
            "added together  ·  4 leaves', '  Tree 1 of 2', '    X2 ≤ 0.5725 ?', '    ├─ yes → -43.07', "
            "'    └─ no  → +106.7' (split thresholds and leaf values: fitted parameters of the model). The "
            "bar's it/s is its throughput (extra_ok). Nothing else here is a metric: any other stored series is "
            "invented. Piped, the bar's first states (stderr) lead the file and the model prints (stdout, "
            "block-buffered) follow with the 'rule' lines among them; under a terminal the bar redraws between them."
        ),
        extra_ok=["it/s of the tqdm bar (throughput)"],
    )
else:
    from imodels import TaoTreeClassifier

    X, y = make_classification(
        n_samples=600, n_features=6, n_informative=4, flip_y=0.1, random_state=0
    )
    np.random.seed(0)
    model = TaoTreeClassifier(n_iters=10, verbose=1, model_args={"max_leaf_nodes": 10})
    tee = Tee(sys.stdout)
    sys.stdout = tee
    # the TAO iteration each print belongs to: count the calls of _tao_iter_cart
    iteration = [-1]
    marks = []
    orig_iter = TaoTreeClassifier._tao_iter_cart

    def tao_iter(self, *a, **k):
        iteration[0] += 1
        marks.append((len("".join(tee.buf)), iteration[0]))
        return orig_iter(self, *a, **k)

    TaoTreeClassifier._tao_iter_cart = tao_iter
    try:
        model.fit(X, y)
    finally:
        sys.stdout = tee.under
    text = "".join(tee.buf)

    def iteration_at(pos):
        it = None
        for start, i in marks:
            if start <= pos:
                it = i
        return it

    m = re.search(r"^starting score (\S+)$", text, re.M)
    series.add("starting score", None, None, float(m.group(1)))
    for m in re.finditer(r"^Improved score from (\S+) to (\S+)$", text, re.M):
        series.add("score", iteration_at(m.start()), None, float(m.group(2)))
    _truth.write(
        library=library,
        script=script,
        record=(
            "no record kept: the text fit(verbose=1) printed, teed; each 'Improved score' placed at the TAO "
            "iteration (0-based calls of _tao_iter_cart) it was printed in"
        ),
        step_kind="global",
        series=series,
        extra_ok=["it/s of the tqdm bar (throughput)"],
        notes=(
            "TaoTreeClassifier(n_iters=10, verbose=1, max_leaf_nodes=10).fit on 600x6 synthetic classification "
            "data. First the initial CART tree as sklearn's export_text draws it: '|--- feature_3 <= 0.05', "
            "'|   |   |--- class: 1.0' (split thresholds and class labels: the fitted tree, not metrics), then "
            "'starting score 0.9216666666666666' (the tree's training accuracy, print()'s full repr; series 'starting "
            "score', step null: before the first iteration), a tqdm bar 'TAO iterations:  20%|██        | 1/5 "
            "[00:00<00:00,  9.56it/s]' on stderr (leave=False), 'no errors to change' and, when a node's update "
            "raises the accuracy, 'Improved score from 0.9800 to 0.9867' (4 decimals; the first number is the "
            "score before the update, i.e. the previous value again: series 'score' holds the new one, at "
            "step = the 0-based TAO iteration, which the output never prints). The fit stops at the first "
            "iteration without an update. Piped, the bar's states and its clearing ('\\r' + spaces + '\\r', "
            "leave=False) sit on one line that the first 'Improved score' line ends; under a terminal the "
            "prints land after the bar's first state, on its line."
        ),
    )
