"""hyperopt-sklearn's HyperoptEstimator as its README runs it (any_classifier, any_preprocessing,
tpe), verbose=True, on a synthetic classification set: one hyperopt fmin bar per trial (hpsklearn
calls fmin again with max_evals one higher for each trial), its verbose lines written through the
bar ('Will use the last 0.2 portion of samples for validation', 'Fitting PCA(n_components=8) to X of
shape (240, 10)', 'Training learner SGDClassifier(...) on X/EX of dimension (240, 8)', 'OK trial
with accuracy 76.7 +- 5.5'), then the README's print(estim.score(...)) and print(estim.best_model()).

Versions: hyperopt-sklearn 1.1.1, hyperopt 0.2.7, scikit-learn 1.7.0, numpy 2.3.0, tqdm 4.70.1,
setuptools 80 (hyperopt 0.2.7 imports pkg_resources), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zg-3; about 5 s):
    python tests/corpus/scripts/capture.py pipe real_hpsklearn_search -- python tests/corpus/scripts/hpsklearn_search.py
    python tests/corpus/scripts/capture.py pty real_hpsklearn_search_pty -- python tests/corpus/scripts/hpsklearn_search.py
Truth: the estimator's hyperopt Trials (each trial's result dict: loss = 1 - validation accuracy);
'OK trial with accuracy' is 100 * (1 - loss) of that trial, the bar's 'best loss' the running
minimum of the losses at each bar state tqdm drew (noted by a display hook, asserted equal to the
postfix shown); the test accuracy is score()'s return.
The search is not reproducible run to run even with seed=0 (each trial runs in a forked process;
the learners' random states differ): each .truth.json belongs to its own .txt.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from hpsklearn import HyperoptEstimator, any_classifier, any_preprocessing
from hyperopt import progress, tpe
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

drawn = []  # (bar position, postfix) at each state tqdm drew


class Bar(progress.tqdm):
    def display(self, msg=None, pos=None):
        drawn.append((self.n, self.postfix))
        return super().display(msg, pos)


progress.tqdm = Bar  # hyperopt's default progress callback builds its bar from this name

X, y = make_classification(n_samples=400, n_features=10, n_informative=5, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

estim = HyperoptEstimator(
    classifier=any_classifier("my_clf"),
    preprocessing=any_preprocessing("my_pre"),
    algo=tpe.suggest,
    max_evals=8,
    trial_timeout=60,
    seed=0,
    verbose=True,
)
estim.fit(X_train, y_train)
score = estim.score(X_test, y_test)
print(score)
print(estim.best_model())

series = _truth.Series()
results = estim.trials.results
losses = [r.get("loss") if r.get("status") == "ok" else None for r in results]
for k, loss in enumerate(losses, start=1):
    if loss is not None:
        series.add("accuracy", k, None, 100 * (1 - loss))
seen = set()
for n, postfix in drawn:
    if postfix is None or "?" in postfix or n in seen:
        continue  # 'best loss=?' at a bar's start; a redraw at the same position is one point
    ok = [v for v in losses[:n] if v is not None]
    run_best = min(ok)
    assert postfix == f"best loss: {run_best}", (postfix, run_best)
    seen.add(n)
    series.add("best loss", n, None, run_best)
n_trials = len(results)
series.add("test accuracy", n_trials, None, score)

_truth.write(
    library=(
        f"hyperopt-sklearn {metadata.version('hyperopt-sklearn')} (hyperopt "
        f"{metadata.version('hyperopt')}, scikit-learn {metadata.version('scikit-learn')}, numpy "
        f"{np.__version__}, tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/hpsklearn_search.py",
    record=(
        "estim.trials (hyperopt Trials: each trial's loss = 1 - validation accuracy) for 'OK trial "
        "with accuracy' and for the bars' running 'best loss' at the states tqdm drew; score()'s "
        "return for the bare test accuracy"
    ),
    step_kind="trial",
    series=series,
    extra_ok=["the bar's rate (trial/s)"],
    not_printed=["each trial's loss itself (only its accuracy in percent and the running best)"],
    notes=(
        "hpsklearn runs hyperopt's fmin once per trial, so each trial has its own tqdm bar (stderr, "
        "std_out_err_redirect_tqdm: the verbose prints come through tqdm.write, each after a bar "
        "state and a run of spaces that clears it when piped): ' 50%|█████     | 1/2 [00:00<?, "
        "?trial/s, best loss=?]' (start: no value) then '100%|██████████| 2/2 [00:00<00:00,  "
        "5.08trial/s, best loss: 0.19999999999999996]' (series 'best loss', the running minimum "
        "of the trials' losses, step = the bar position = trials done; the same state drawn twice "
        "by close() is one point). Verbose lines per trial: 'Will use the last 0.2 portion of "
        "samples for validation' (a setting), 'Fitting PCA(n_components=8) to X of shape (240, "
        "10)', 'Limited PCA n_components at 8', 'Transforming Xfit (240, 10)', 'Training learner "
        "KNeighborsClassifier(algorithm='kd_tree', leaf_size=23, …, p=2.918733853768371, …) on "
        "X/EX of dimension (240, 10)' (a repr of hyper-parameters over several lines, shapes: "
        "not metrics), 'Scoring on X/EX validation of shape (60, 10)', then 'OK trial with "
        "accuracy 80.0 +- 5.2' (series 'accuracy': the validation accuracy in percent, 100 * "
        "(1 - loss), printed with 1 decimal, step = the trial's number from 1; '+- 5.2' is its "
        "standard error, not a metric). After the search the best pipeline is refitted on all the "
        "training data with the same verbose lines (shapes (300, 10)) and on the test set "
        "('Transforming Xfit (100, 10)'), then the README's print(estim.score(X_test, "
        "y_test)) prints a bare float (no name: truth 'test accuracy', at the last trial's step) "
        "and print(estim.best_model()) a dict of the best learner's and preprocessing's reprs "
        "(hyper-parameters, not metrics)."
    ),
)
