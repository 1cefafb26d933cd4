"""dask-ml's HyperbandSearchCV / IncrementalSearchCV(verbose=True) on an incremental SGDClassifier,
in-process dask cluster.

Versions: dask-ml 2025.1.0, dask 2025.1.0 + distributed 2025.1.0 (dask-ml 2025.1.0 fails with
dask 2026.8: "Attempting to use an asynchronous Client in a synchronous context of
`dask.compute`"), scikit-learn 1.9.1, numpy 2.4.6, Python 3.11 (venv corpus-zZ-2).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_dask_ml_hyperband -- python tests/corpus/scripts/dask_ml_hyperband.py
    python tests/corpus/scripts/capture.py pipe real_dask_ml_incremental -- python tests/corpus/scripts/dask_ml_hyperband.py incremental
Truth: dask-ml logs its progress through the 'dask_ml.model_selection' logger (verbose=True adds a
stdout handler for the fit); the values of its 'validation score of %0.4f received after %d
partial_fit calls' records are the score and call count of the best model of that round, taken
from its own history: a logging.Handler keeps the args of the records printed (full precision, in the order they
are emitted; the brackets run concurrently, so the order varies from run to run), checked against
history_ (IncrementalSearchCV: one run, its lines in order).  The script's closing lines are best_score_ and the held-out score().  dask-ml prints
the same under a terminal (plain logging): no pty entry.
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import dask
import dask.array as da
import dask_ml
import numpy as np
import sklearn
from scipy.stats import loguniform
from sklearn.datasets import make_classification
from sklearn.linear_model import SGDClassifier


class Keep(logging.Handler):
    stream = None  # dask-ml's LoggingContext compares the streams of the logger's handlers

    def __init__(self):
        super().__init__(logging.INFO)
        self.records = []

    def emit(self, record):
        # kept only when dask-ml's stdout handler is there to print it too (the concurrent bracket
        # runs add and remove it: some records go to no console)
        logger = logging.getLogger("dask_ml.model_selection")
        if any(getattr(h, "stream", None) is sys.stdout for h in logger.handlers):
            self.records.append(record)


if __name__ == "__main__":
    from dask_ml.model_selection import HyperbandSearchCV, IncrementalSearchCV
    from distributed import Client

    client = Client(processes=False, n_workers=1, threads_per_worker=2)
    keep = Keep()
    logging.getLogger("dask_ml.model_selection").addHandler(keep)

    X, y = make_classification(n_samples=3000, n_features=20, n_informative=8, random_state=0)
    X_train, y_train, X_test, y_test = X[:2400], y[:2400], X[2400:], y[2400:]
    Xd = da.from_array(X_train, chunks=240)
    yd = da.from_array(y_train, chunks=240)
    params = {
        "alpha": loguniform(1e-5, 1e-1),
        "loss": ["hinge", "log_loss", "modified_huber"],
        "penalty": ["l2", "l1", "elasticnet"],
    }
    which = sys.argv[1] if len(sys.argv) > 1 else "hyperband"
    if which == "hyperband":
        search = HyperbandSearchCV(
            SGDClassifier(tol=None, random_state=0),
            params,
            max_iter=27,
            random_state=0,
            verbose=True,
        )
    else:
        # decay_rate left at its default: dask-ml warns that it is deprecated (a FutureWarning)
        search = IncrementalSearchCV(
            SGDClassifier(tol=None, random_state=0),
            params,
            n_initial_parameters=8,
            max_iter=12,
            patience=3,
            tol=1e-3,
            random_state=0,
            verbose=True,
        )
    search.fit(Xd, yd, classes=[0, 1])
    test_score = search.score(X_test, y_test)
    print(f"Best score: {search.best_score_:.4f}")
    print(f"Best params: {search.best_params_}")
    print(f"Held-out accuracy: {test_score:.4f}")
    client.close()

    HYPERBAND = (
        "HyperbandSearchCV(SGDClassifier, max_iter=27, verbose=True) runs its brackets concurrently on an "
        "in-process dask cluster; every line starts '[CV, bracket=2] ' (the bracket number is a label of "
        "the successive-halving run, not a metric): 'creating 27 models', 'For training there are "
        "between 216 and 216 examples in each chunk' (counts), and 'validation score of 0.9292 received "
        "after 3 partial_fit calls': the best validation score among that bracket's models after 3 "
        "partial_fit calls each. Not every concurrent bracket run prints (which ones do varies from run to "
        "run; a bracket may print its 'For training' line and no score, or nothing after 'creating': "
        "dask-ml adds and removes its stdout handler per bracket run). Series 'validation score', step = "
        "the partial_fit call count printed (the model's own count of training steps); where two brackets "
        "print, their lines interleave and the steps jump back at another bracket's line (points in print "
        "order). "
    )
    INCREMENTAL = (
        "IncrementalSearchCV(SGDClassifier, n_initial_parameters=8, max_iter=12, patience=3, "
        "verbose=True): first a FutureWarning on stderr ('decay_rate has been deprecated since Dask-ML "
        "v1.4.0.' with a bulleted list, the user's default), then lines starting '[CV] ': 'creating 8 "
        "models', 'For training there are between 216 and 216 examples in each chunk' (counts) and "
        "'validation score of 0.9125 received after 2 partial_fit calls' once per round: the best "
        "validation score among the models of that round, and that model's partial_fit call count. Series "
        "'validation score', step = the call count printed (the model's own count of training steps). "
    )
    CLOSING = (
        "Then the script prints 'Best score: 0.9500' (best_score_), 'Best params: {'alpha': "
        "np.float64(0.0715…), 'loss': 'modified_huber', 'penalty': 'l1'}' (settings) and 'Held-out "
        "accuracy: 0.9083' (score() on 600 held-out rows). Printed with 4 decimals, truth at full "
        "precision."
    )
    series = _truth.Series()
    hist = search.history_
    for rec in keep.records:
        if "validation score of" not in rec.msg:
            continue
        prefix, score, calls = rec.args
        if which == "hyperband":
            bracket = int(prefix.split("=")[1])
            # the best of the models of that bracket that had `calls` partial_fit calls
            best = max(
                h["score"]
                for h in hist
                if h["bracket"] == bracket and h["partial_fit_calls"] == calls
            )
            assert abs(best - score) < 1e-12, (prefix, score, calls, best)
        else:
            assert any(h["score"] == score and h["partial_fit_calls"] == calls for h in hist)
        series.add("validation score", int(calls), None, score)
    series.add("Best score", None, None, search.best_score_)
    series.add("Held-out accuracy", None, None, test_score)

    _truth.write(
        library=(
            f"dask-ml {dask_ml.__version__} (dask {dask.__version__}, scikit-learn "
            f"{sklearn.__version__}, numpy {np.__version__})"
        ),
        script="tests/corpus/scripts/dask_ml_hyperband.py",
        record=(
            "the args of dask-ml's own 'validation score … received after … partial_fit calls' log records "
            "(kept by a logging.Handler, each checked against HyperbandSearchCV.history_: the best score of "
            "that bracket's models at that call count); best_score_; score() on held-out rows"
        ),
        step_kind="global",
        series=series,
        notes=(HYPERBAND if which == "hyperband" else INCREMENTAL) + CLOSING,
    )
