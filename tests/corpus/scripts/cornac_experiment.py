"""Cornac: an Experiment comparing MF, PMF and BPR on synthetic ratings (RatioSplit with a
validation set), verbose=True everywhere. Cornac prints the split's statistics, then per model
'[MF] Training started!' with the model's own progress (MF: a tqdm bar whose postfix is
'loss=3570.66'; PMF: 'epoch 0, loss: 445.877441' lines; BPR: a tqdm bar whose postfix is
'correct=54.63%, skipped=6.23%'), the evaluation bars ('Rating:', 'Ranking:'), and at the end the
VALIDATION and TEST result tables (one row per model, one column per metric, plus timings).

Truth: the tables from the Experiment's own results (exp.val_result / exp.result, each Result's
metric_avg_results). PMF's per-epoch loss from the array its Cython trainer returns
(res['loss'], which recom_pmf drops: the script wraps pmf_non_linear, PMF's default variant, to
keep it). MF's and BPR's
per-epoch figures exist only as the strings the Cython loops hand to tqdm's set_postfix (MF
'%.2f' % loss; BPR '%.2f%%' of correct / skipped samples): a hook on set_postfix keeps them as
given, so their precision is the printed one.

Versions: cornac 3.0.1, numpy 2.4.6, scipy 1.17.1, tqdm 4.67, Python 3.11. Seeds fixed; ~10 s of CPU.
Capture (repository root, venv /work/venvs/corpus-o-1: pip install cornac tslearn):
    python tests/corpus/scripts/capture.py pipe real_cornac_experiment -- python tests/corpus/scripts/cornac_experiment.py
    python tests/corpus/scripts/capture.py pty real_cornac_experiment_pty -- python tests/corpus/scripts/cornac_experiment.py
"""

import os
import sys
from importlib import metadata

import cornac
import numpy as np
import tqdm
from cornac.eval_methods import RatioSplit
from cornac.metrics import AUC, MAE, NDCG, RMSE, Precision, Recall
from cornac.models import BPR, MF, PMF
from cornac.models.pmf import pmf as pmf_cython

sys.path.insert(0, os.path.dirname(__file__))

import _truth

# --- the library's own per-epoch figures -------------------------------------------------------
postfixes = []  # (model name, epoch (1-based: epochs finished), {name: printed string})
current = {"model": None, "epoch": 0}
_set_postfix = tqdm.std.tqdm.set_postfix


def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
    current["epoch"] += 1
    postfixes.append((current["model"], current["epoch"], dict(ordered_dict or {}, **kwargs)))
    return _set_postfix(self, ordered_dict, refresh, **kwargs)


tqdm.std.tqdm.set_postfix = set_postfix

pmf_losses = []


def keep_loss(train):
    def wrapped(*args, **kwargs):
        res = train(*args, **kwargs)
        pmf_losses.extend(float(v) for v in np.asarray(res["loss"]))
        return res

    return wrapped


# PMF's default variant is "non_linear"; both trainers return {'U', 'V', 'loss'}
pmf_cython.pmf_linear = keep_loss(pmf_cython.pmf_linear)
pmf_cython.pmf_non_linear = keep_loss(pmf_cython.pmf_non_linear)


class Named:
    """Notes which model is training, so that the bar hook knows whose postfix it sees."""

    def __init__(self, model):
        self.model = model
        fit = model.fit

        def fitting(*a, **k):
            current["model"], current["epoch"] = model.name, 0
            return fit(*a, **k)

        model.fit = fitting


# --- the experiment ----------------------------------------------------------------------------
rng = np.random.default_rng(0)
data = []
for u in range(200):
    for i in rng.choice(300, 25, replace=False):
        data.append((str(u), str(i), float(rng.integers(1, 6))))

rs = RatioSplit(
    data=data,
    test_size=0.2,
    val_size=0.1,
    rating_threshold=4.0,
    exclude_unknowns=True,
    seed=123,
    verbose=True,
)
models = [
    MF(
        k=10,
        max_iter=25,
        learning_rate=0.01,
        lambda_reg=0.02,
        use_bias=True,
        verbose=True,
        seed=123,
    ),
    PMF(k=10, max_iter=30, learning_rate=0.001, lambda_reg=0.001, seed=123, verbose=True),
    BPR(k=10, max_iter=20, learning_rate=0.01, lambda_reg=0.01, seed=123, verbose=True),
]
for m in models:
    Named(m)
metrics = [MAE(), RMSE(), Precision(k=10), Recall(k=10), NDCG(k=10), AUC()]
exp = cornac.Experiment(
    eval_method=rs, models=models, metrics=metrics, user_based=True, verbose=True
)
exp.run()

# --- truth -------------------------------------------------------------------------------------
series = _truth.Series()
for model, epoch, post in postfixes:
    if model == "MF":
        series.add("MF loss", epoch, epoch, float(post["loss"]))
    elif model == "BPR":
        series.add("correct", epoch, epoch, float(post["correct"].rstrip("%")))
        series.add("skipped", epoch, epoch, float(post["skipped"].rstrip("%")))
for epoch, loss in enumerate(pmf_losses):
    series.add("PMF loss", epoch, epoch, loss)
timings = set()
for section, results in (("VALIDATION", exp.val_result), ("TEST", exp.result)):
    for res in results:
        for name, value in res.metric_avg_results.items():
            if name.endswith("(s)"):
                timings.add(name)
                continue
            series.add(f"{section}/{res.model_name}/{name}", None, None, float(value))

_truth.write(
    library=f"cornac {cornac.__version__} (numpy {np.__version__}, tqdm {metadata.version('tqdm')})",
    script="tests/corpus/scripts/cornac_experiment.py",
    record=(
        "tables: Experiment.val_result / .result (Result.metric_avg_results); PMF loss: the "
        "res['loss'] array of cornac's pmf_non_linear; MF loss and BPR correct/skipped: the strings "
        "the Cython loops pass to tqdm's set_postfix (no other record kept)"
    ),
    step_kind="epoch",
    series=series,
    extra_ok=[
        "the tables' duration columns "
        + ", ".join(sorted(timings))
        + " in every section and model row: VALIDATION, TEST, "
        + ", ".join(m.name for m in models),
        "tqdm bar rates (it/s) of the training and evaluation bars",
    ],
    not_printed=[],
    notes=(
        "First RatioSplit's settings and split statistics ('rating_threshold = 4.0', 'Number of "
        "users = 200', 'Number of ratings = 3500', 'Max rating = 5.0', 'Global mean = 3.0': "
        "settings and data statistics, not metrics). Then per model '[MF] Training started!': MF "
        "draws a tqdm bar '  4%|▍   | 1/25 [00:00<00:00, 10155.70it/s, loss=3570.66]' (the bar's "
        "count is the epoch, 1-based), then 'Optimization finished!'; PMF prints 'Learning...', "
        "'epoch 0, loss: 445.877441' per epoch (0-based, as printed) and 'Learning completed'; BPR "
        "draws a bar whose count stays '0/20' while its postfix 'correct=54.63%, skipped=6.23%' "
        "changes once per epoch (tqdm only syncs the count at its refresh interval), ending "
        "'20/20 [...]': correct = the share of correctly ordered sampled pairs, skipped = the "
        "share of samples skipped, both percentages per epoch (the series hold the printed "
        "percent numbers, epoch = postfix order, 1-based). Both MF's and PMF's losses are printed "
        "as 'loss': the truth tells them apart by the '[MF] Training started!' / '[PMF] Training "
        "started!' line above them ('MF loss', 'PMF loss'). '[MF] Evaluation started!' then "
        "draws 'Rating:' and 'Ranking:' bars (counts of users/ratings, rates). At the end "
        "'VALIDATION:' / '...' and a table '    |    MAE |   RMSE |    AUC | NDCG@10 | "
        "Precision@10 | Recall@10 | Time (s)' with rows 'MF  | 1.3436 | 1.4462 | ...' (columns "
        "separated by ' | ', header rule '--- + ------ + ...'), then 'TEST:' / '...' and the same "
        "table with 'Train (s)' and 'Test (s)' columns: the rows are LABELLED by model, not "
        "stepped; the truth names cells '<section>/<model>/<column>' ('TEST/PMF/RMSE'), no step. "
        "Time columns are durations (extra_ok). Values in the tables are printed with 4 decimals, "
        "the truth is at full precision."
    ),
)
