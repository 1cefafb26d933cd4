"""GAMA (AutoML, asynchronous evolution over scikit-learn pipelines) on a synthetic binary task:
a 30-second search at verbosity=logging.INFO with Caruana ensemble post-processing, then the
docs' 'accuracy:' / 'log loss:' prints on a held-out split.

Versions: gama 23.0.0.post1, scikit-learn 1.2.2 (gama pins <1.3), numpy 1.26.4, pandas 2.1.4,
scipy 1.13.1, Python 3.11 (gama imports category_encoders, which imports statsmodels 0.15.0;
nothing of it is printed).
Capture (repository root, venv /work/venvs/corpus-zO-2):
    python tests/corpus/scripts/capture.py pipe real_gama_automl -- python tests/corpus/scripts/gama_automl.py
(GAMA logs through the logging module to a plain StreamHandler on stdout: the same under a
terminal, no pty entry.)
Truth: the ensemble's score after each model it adds ('best score', Ensemble._internal_score,
read after each expand_ensemble(1): the script runs GAMA's expand_ensemble(n) as n calls of
expand_ensemble(1), which logs the same lines), and the held-out accuracy / log loss from
scikit-learn's metrics. The search's own evaluations (GAMA's evaluation library) are never
printed: not_printed.
"""

import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from gama import GamaClassifier
from gama.postprocessing import EnsemblePostProcessing
from gama.postprocessing.ensemble import Ensemble
from sklearn.datasets import make_classification
from sklearn.metrics import accuracy_score, log_loss
from sklearn.model_selection import train_test_split

ENSEMBLE_SCORES = []  # (ensemble size, Ensemble._internal_score) after each added model
_expand = Ensemble.expand_ensemble


def expand_ensemble(self, n):
    for _ in range(n):
        _expand(self, 1)
        ENSEMBLE_SCORES.append((self._total_model_weights(), self._internal_score))


Ensemble.expand_ensemble = expand_ensemble

if __name__ == "__main__":
    X, y = make_classification(n_samples=300, n_features=8, random_state=0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    automl = GamaClassifier(
        max_total_time=30,
        store="nothing",
        n_jobs=1,
        random_state=0,
        verbosity=logging.INFO,
        post_processing=EnsemblePostProcessing(),
        output_directory="/tmp/gama_automl_run",
    )
    automl.fit(X_train, y_train)
    label_predictions = automl.predict(X_test)
    probability_predictions = automl.predict_proba(X_test)
    acc = accuracy_score(y_test, label_predictions)
    ll = log_loss(y_test, probability_predictions)
    print("accuracy:", acc)
    print("log loss:", ll)

    series = _truth.Series()
    for size, score in ENSEMBLE_SCORES:
        series.add("best score", size, None, score)
    last = ENSEMBLE_SCORES[-1][0] if ENSEMBLE_SCORES else None
    series.add("accuracy", last, None, acc)
    series.add("log loss", last, None, ll)
    n_evals = len(automl._evaluation_library.evaluations)

    _truth.write(
        library=(
            f"gama {metadata.version('gama')} (scikit-learn {metadata.version('scikit-learn')}, "
            f"numpy {np.__version__})"
        ),
        script="tests/corpus/scripts/gama_automl.py",
        record=(
            "Ensemble._internal_score after each model added (expand_ensemble run one model at a "
            "time); sklearn accuracy_score / log_loss of the fitted AutoML on the held-out split"
        ),
        step_kind="global",
        series=series,
        extra_ok=[
            "the phase durations: 'STOP: search AsyncEA after 20.9s.', 'Ensemble build took "
            "0.05s.' (elapsed seconds)"
        ],
        not_printed=[
            f"the {n_evals} evaluations of the search (GAMA's evaluation library: each "
            "pipeline's neg_log_loss and fit time), never printed at INFO"
        ],
        notes=(
            "GAMA's logger at INFO to stdout, bare messages: 'Using GAMA version 23.0.0.post1.' "
            "(a version), one very long 'INIT:GamaClassifier(scoring=neg_log_loss,...,"
            "config={<class 'sklearn.naive_bayes.BernoulliNB'>: {'alpha': [1e-3, 1e-2, 0.1, "
            "1.0, ...], 'fit_prior': [True, False]}, ...,max_total_time=30,...)' line whose "
            "repr of the search space wraps numpy arrays over several lines ('       0.55, 0.6 "
            ", 0.65, ...]),' , 'range(1, 11)': hyper-parameter grids, settings, none a metric); "
            "'START: preprocessing default' / 'STOP: preprocessing default after 0.0073s.' "
            "pairs per phase (durations: extra_ok); 'Starting EA with new population.'; "
            "'Search phase evaluated 118 individuals.' (a count); then the ensemble "
            "hill-climb: 'Ensemble size 11, best score: -0.2323...' one line per model added "
            "(the size, a count, is the step; best score = the ensemble's validation "
            "neg_log_loss: the series 'best score'); 'Ensemble build took 0.05s. Fit with "
            "timeout 8.9s.' (a duration and the remaining time budget, a setting); "
            "'STOP: postprocess EnsemblePostProcessing after 1.1s.'. The script then prints, as "
            "GAMA's docs do, 'accuracy: 0.92' and 'log loss: 0.25...' (held-out metrics, at the "
            "last ensemble step). The number of evaluations depends on the machine's speed: "
            "this truth belongs to its capture."
        ),
    )
