"""Hyperactive 5's HillClimbing over a scikit-learn cross-validation experiment with verbose=True:
gradient-free-optimizers' tqdm bar (best_iter / best_pos / best_score postfix), its boxed 'Search
Summary', then the returned best parameters.

Versions: hyperactive 5.0.4, gradient-free-optimizers 1.13.0, scikit-learn 1.7.2, tqdm 4.67,
numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zc-1):
    python tests/corpus/scripts/capture.py pipe real_hyperactive_hillclimb -- python tests/corpus/scripts/hyperactive_search.py
    python tests/corpus/scripts/capture.py pty real_hyperactive_hillclimb_pty -- python tests/corpus/scripts/hyperactive_search.py
Truth: the best score gradient-free-optimizers' progress bar holds when it sets the bar's postfix
(ProgressBarLVL1.update is wrapped: the value is the score_new it formats with str()), noted by
a tqdm display hook at each position n actually drawn (timing decides which); checked against
the search's own per-iteration record (Search.search_data 'score' column). The summary's 'Best
score' is the Search's best_score.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gradient_free_optimizers._progress_bar as gpb
import numpy as np
import tqdm.std
from gradient_free_optimizers.search import Search
from hyperactive.experiment.integrations import SklearnCvExperiment
from hyperactive.opt import HillClimbing
from sklearn.datasets import make_classification
from sklearn.ensemble import GradientBoostingClassifier

current: dict = {}
drawn: dict[int, float] = {}
searches: list = []

_update = gpb.ProgressBarLVL1.update


def update(self, score_new, pos_new, nth_iter):
    if score_new > self.score_best:  # the condition under which the bar's postfix is set
        current["best_score"] = float(score_new)
    return _update(self, score_new, pos_new, nth_iter)


gpb.ProgressBarLVL1.update = update
_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    # close() of a leave=False bar calls display(msg="") to erase it: not a bar state
    if "best_score" in current and k.get("msg") is None and not a:
        drawn[self.n] = current["best_score"]  # a redraw at one position: the last one drawn
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display
_search = Search.search


def search(self, *a, **k):
    searches.append(self)
    return _search(self, *a, **k)


Search.search = search

X, y = make_classification(n_samples=300, n_features=8, n_informative=4, random_state=0)
experiment = SklearnCvExperiment(
    estimator=GradientBoostingClassifier(n_estimators=30, random_state=0), X=X, y=y
)
search_space = {
    "learning_rate": np.logspace(-3, 0, 25),
    "max_depth": np.arange(1, 6),
    "subsample": np.linspace(0.5, 1.0, 6),
}
optimizer = HillClimbing(
    experiment=experiment, search_space=search_space, n_iter=30, verbose=True, random_state=1
)
best_params = optimizer.solve()
print(best_params)

gfo = searches[-1]
scores = [float(s) for s in gfo.search_data["score"]]
series = _truth.Series()
for n in sorted(drawn):
    assert drawn[n] in scores, (n, drawn[n])
    series.add("best_score", n, None, drawn[n])
series.add("Best score", len(scores), None, float(gfo.best_score))

_truth.write(
    library=(
        f"hyperactive {metadata.version('hyperactive')} (gradient-free-optimizers "
        f"{metadata.version('gradient-free-optimizers')}, scikit-learn "
        f"{metadata.version('scikit-learn')}, tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/hyperactive_search.py",
    record=(
        "gradient-free-optimizers' ProgressBarLVL1 state formatted into the bar's postfix, at the "
        "drawn positions (display hook), checked against Search.search_data's score column; "
        "Search.best_score for the summary"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "it/s (the bar's iterations per second)",
        "Evaluation time, Optimization time, Iteration time (seconds of the search, the summary's "
        "Timing section)",
        "Throughput (iterations per second, the summary's Timing section)",
    ],
    not_printed=["the score of every iteration (search_data): the bar shows only the best so far"],
    notes=(
        "stderr: one tqdm bar (leave=False), total 30, redrawn with '\\r': '  0%|          | 0/30 "
        "[00:00<?, ?it/s]', then ' 13%|█▎        | 4/30 [00:00<00:03, 7.21it/s, best_iter=3, "
        "best_pos=[ 6  2  4], best_score=0.9066666666666666]'. best_score (the best "
        "cross-validated accuracy so far, printed with str(): full precision) is the series, at "
        "the bar position n (the count of finished iterations when drawn; the postfix is set, "
        "and drawn, when an iteration beats the best, before the bar counts it). best_iter is "
        "the index of that iteration and best_pos the best point as indices into the search "
        "space's arrays (a numpy array: parameters, not metrics). The bar is erased at its end "
        "(spaces then '\\r'). stdout: a box drawn with '┌─ Search Summary ─…┐' and '│ … │' sides: "
        "'Objective:          score', 'Optimizer:          HillClimbingOptimizer', 'Random state: "
        "1' (configuration), a '── Results ──' divider, 'Best score:         0.91' (the search's "
        "best_score: series 'Best score', at step 30, the end of the 30 iterations the bar counts "
        "to, though the bar erased shows fewer), 'Best "
        "iter:          3' (an index), 'Best parameters:' then '    learning_rate:    0.1' "
        "lines (the best hyper-parameters: not metrics), a '── Timing ──' divider with "
        "'Evaluation time:    3.1s (96.8%)' (seconds, and the share of the run as a "
        "percentage), 'Optimization time:', 'Iteration time:', 'Throughput:         9.7 "
        "iter/sec' (extra_ok), the box's bottom rule; then print(best_params), a dict of numpy "
        "values \"{'learning_rate': np.float64(0.1), …}\" (parameters, not metrics). Which bar "
        "states are drawn depends on timing: this truth belongs to its capture."
    ),
)
