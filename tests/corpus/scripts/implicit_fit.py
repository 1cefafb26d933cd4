"""implicit: AlternatingLeastSquares (als) or BayesianPersonalizedRanking (bpr) on a synthetic
implicit-feedback matrix (300 users in 5 taste groups, 12 items each from their group's 40), then
implicit.evaluation.ranking_metrics_at_k on a held-out split, its dict printed as returned.

Console: logging.basicConfig(level=INFO) as implicit's own examples set it up; implicit's tqdm bar
over the iterations, with postfix 'loss=0.0353' (ALS, calculate_training_loss=True) or
'train_auc=93.25%, skipped=6.03%' (BPR), ALS' 'INFO:implicit:Final training loss 0.0353', the
evaluation bar over users (no metric), then the script's
print of it: "{'precision': 0.4, 'map': 0.2, 'ndcg': 0.3, 'auc': 0.6}".

Truth: the fit callback's arguments (ALS: iteration, elapsed, loss; BPR: iteration, elapsed,
correct, skipped; the bar's train_auc is 100*correct/(samples-skipped) and skipped is
100*skipped/samples, implicit's own formula), restricted to the iterations the bar drew (a tqdm
display hook notes them), and the dict ranking_metrics_at_k returned.

Versions: implicit 0.7.3, scipy 1.17.1, numpy 2.4.6, tqdm 4.70.1, Python 3.11. Seeds fixed; ~3 s.
Capture (repository root, venv /work/venvs/torch-e, see README-torch.md):
    python tests/corpus/scripts/capture.py pipe real_implicit_als -- python tests/corpus/scripts/implicit_fit.py als
    python tests/corpus/scripts/capture.py pty real_implicit_als_pty -- python tests/corpus/scripts/implicit_fit.py als
    python tests/corpus/scripts/capture.py pipe real_implicit_bpr -- python tests/corpus/scripts/implicit_fit.py bpr
    python tests/corpus/scripts/capture.py pty real_implicit_bpr_pty -- python tests/corpus/scripts/implicit_fit.py bpr
"""

import logging
import os
import sys

import implicit
import numpy as np
import scipy
import scipy.sparse as sp
import tqdm
from implicit.cpu.als import AlternatingLeastSquares
from implicit.cpu.bpr import BayesianPersonalizedRanking
from implicit.evaluation import ranking_metrics_at_k, train_test_split

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

logging.basicConfig(level=logging.INFO)
KIND = sys.argv[1]
assert KIND in ("als", "bpr"), "usage: implicit_fit.py als|bpr"

rng = np.random.default_rng(0)
USERS, ITEMS, PER = 300, 200, 12
rows, cols = [], []
for u in range(USERS):
    g = u % 5
    rows += [u] * PER
    cols += list(rng.choice(np.arange(g * 40, (g + 1) * 40), PER, replace=False))
matrix = sp.csr_matrix(
    (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(USERS, ITEMS)
)
train, test = train_test_split(matrix, train_percentage=0.8, random_state=0)

# which iteration's values each drawn state of the training bar showed
drawn = []
_set_postfix = tqdm.std.tqdm.set_postfix
_display = tqdm.std.tqdm.display


def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    self._mlop_iteration = self.n - 1  # set right after progress.update(1) of that iteration
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


def display(self, *args, **kwargs):
    if getattr(self, "_mlop_iteration", None) is not None:
        drawn.append(self._mlop_iteration)
    return _display(self, *args, **kwargs)


tqdm.std.tqdm.set_postfix = set_postfix
tqdm.std.tqdm.display = display

record = {}
if KIND == "als":
    model = AlternatingLeastSquares(
        factors=16, iterations=15, regularization=0.05, calculate_training_loss=True, random_state=0
    )
    model.fit(train, callback=lambda it, elapsed, loss: record.setdefault(it, {"loss": loss}))
else:
    model = BayesianPersonalizedRanking(
        factors=16, iterations=30, learning_rate=0.05, regularization=0.01, random_state=0
    )
    samples = train.nnz

    def bpr_callback(it, elapsed, correct, skipped):
        record[it] = {
            "train_auc": 100.0 * correct / (samples - skipped),
            "skipped": 100.0 * skipped / samples,
        }

    model.fit(train, callback=bpr_callback)
last = max(record)
drawn_iterations = sorted(set(drawn))
tqdm.std.tqdm.set_postfix = _set_postfix
tqdm.std.tqdm.display = _display

metrics = ranking_metrics_at_k(model, train, test, K=10, show_progress=True)
print(metrics)

series = _truth.Series()
for it in drawn_iterations:
    for name, value in record[it].items():
        series.add(name, it, None, value)
for name, value in metrics.items():
    series.add(name, last, None, value)
if KIND == "als":
    series.add("Final training loss", last, None, record[last]["loss"])
    shape = (
        "ALS' bar ' 87%|████████▋ | 13/15 [00:01<00:00, 12.45it/s, loss=0.0353]' (the loss as tqdm "
        "formats a float, 3 significant digits), then 'INFO:implicit:Final training loss 0.0353'."
    )
    not_printed = ["the loss of iterations the bar skipped", "elapsed time per iteration"]
else:
    shape = (
        "BPR's bar ' 15%|█▌        | 3/20 [00:00<00:00, 48.94it/s, train_auc=50.62%, skipped=6.06%]': "
        "train_auc and skipped are percentages the bar formats ('%.2f%%'); the truth holds them in "
        "that printed unit (percent). skipped is the share of sampled negatives the user had in fact "
        "liked (a training statistic of the epoch, like the AUC)."
    )
    not_printed = ["correct and skipped counts (printed only as percentages)", "elapsed time"]
_truth.write(
    library=f"implicit {implicit.__version__} (scipy {scipy.__version__}, numpy {np.__version__}, "
    f"tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/implicit_fit.py",
    record="the fit(callback=...) arguments per iteration, restricted to the iterations the bar drew "
    "(a tqdm display hook), and the dict ranking_metrics_at_k returned",
    step_kind="global",
    series=series,
    extra_ok=["bar rate (it/s)"],
    not_printed=not_printed,
    notes=shape
    + " Steps are implicit's 0-based iteration numbers (the bar shows iteration+1 of the total). "
    "A bar drawn again without a new postfix repeats the last values (one point each here). "
    "Then the evaluation bar over users (counts only) and the script's "
    "\"{'precision': 0.41, 'map': 0.23, 'ndcg': 0.35, 'auc': 0.61}\" "
    "(the returned dict, Python floats at full precision), placed at the last iteration.",
)
