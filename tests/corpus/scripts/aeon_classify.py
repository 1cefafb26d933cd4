"""aeon time-series classifiers with verbose fits on synthetic series: ElasticEnsemble, HIVE-COTE 2.

Versions: aeon 1.6.0, numba 0.63.1, scikit-learn 1.9.1, numpy 2.3.5, Python 3.11.
Venv /work/venvs/corpus-zk-2: `pip install aeon` (all wheels; statsmodels is not imported).
Captures (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_aeon_elastic_ensemble -- python tests/corpus/scripts/aeon_classify.py ee
    python tests/corpus/scripts/capture.py pipe real_aeon_hivecote2 -- python tests/corpus/scripts/aeon_classify.py hc2
    python tests/corpus/scripts/capture.py pipe real_aeon_tde -- python tests/corpus/scripts/aeon_classify.py tde
(plain print() lines, no bar or colour: no pty entry.)
Truth: ElasticEnsemble's train_accs_by_classifier_ (the leave-one-out training accuracy of each distance measure's
1-NN, what it prints as 'Training acc for dtw: 0.958...'). HIVE-COTE 2 keeps only each component's CAWPE weight
(weights_ = train_acc ** 4); the script records the train accuracy aeon computes for each component (a wrapper
around the accuracy_score its _BaseHIVECOTE._fit calls) and checks it against weights_. TemporalDictionaryEnsemble:
_prev_parameters_y, its list of every candidate's train accuracy (kept for its parameter search).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "ee"


def make_data(n, length, n_classes, seed=0):
    rng = np.random.default_rng(seed)
    t = np.arange(length)
    y = np.repeat(np.arange(n_classes), n // n_classes)
    x = np.sin(0.2 * t[None, :] * (1 + 0.4 * y[:, None]) + rng.uniform(0, 6, (len(y), 1)))
    x = x + 0.3 * rng.normal(size=x.shape)
    return x[:, None, :], y


def elastic_ensemble():
    from aeon.classification.distance_based import ElasticEnsemble

    X, y = make_data(24, 40, 2)
    ee = ElasticEnsemble(
        proportion_of_param_options=0.1,
        proportion_train_in_param_finding=0.5,
        verbose=1,
        random_state=0,
    )
    ee.fit(X, y)
    series = _truth.Series()
    for measure, acc in zip(ee._distance_measures, ee.train_accs_by_classifier_, strict=True):
        series.add(f"Training acc for {measure}", None, None, float(acc))
    return (
        series,
        "ElasticEnsemble.train_accs_by_classifier_ (one per distance measure, in fit order)",
        [],
        (
            "ElasticEnsemble(verbose=1) prints 'Restricting training cases for parameter optimisation: using12 "
            "training cases instead of 24 for parameter optimisation' and 'Using10.0 parameter options' (counts "
            "and a setting, spaces missing as aeon prints them), then per distance measure 'Currently evaluating "
            "dtw' (or 'Currently evaluating ddtw implemented as dtw with pre-transformed derivative data)'), "
            "RandomizedSearchCV's 'Fitting 12 folds for each of 10 candidates, totalling 120 fits' (counts), and "
            "'Training acc for dtw: 0.9583333333333334' (the measure's leave-one-out accuracy, full repr). One "
            "series per measure named as printed ('Training acc for dtw', ... 'Training acc for twe'), one point "
            "each; no step printed (step null). Numba's NumbaTypeSafetyWarning and sklearn's UserWarning "
            "('The total space of parameters 1 is smaller than n_iter=10') come in between."
        ),
    )


def hivecote2():
    import aeon.classification.hybrid._base_hive_cote as base
    from aeon.classification.hybrid import HIVECOTEV2

    accs = []
    original = base.accuracy_score

    def recording_accuracy_score(*args, **kwargs):
        value = original(*args, **kwargs)
        accs.append(float(value))
        return value

    base.accuracy_score = recording_accuracy_score
    X, y = make_data(30, 40, 3)
    hc2 = HIVECOTEV2(
        stc_params={"n_shapelet_samples": 100},
        drcif_params={"n_estimators": 10},
        arsenal_params={"n_kernels": 100, "n_estimators": 5},
        tde_params={
            "n_parameter_samples": 10,
            "max_ensemble_size": 5,
            "randomly_selected_params": 5,
        },
        verbose=2,
        random_state=0,
    )
    hc2.fit(X, y)
    assert len(accs) == len(hc2.weights_) == 4
    assert all(abs(a**hc2.alpha - w) < 1e-12 for a, w in zip(accs, hc2.weights_, strict=True))
    series = _truth.Series()
    for acc in accs:
        series.add("train_acc", None, None, acc)
    return (
        series,
        (
            "the accuracy_score aeon's _BaseHIVECOTE._fit computes on each component's fit_predict (wrapped), "
            "checked against HIVECOTEV2.weights_ = train_acc ** alpha (alpha=4)"
        ),
        [],
        (
            "HIVECOTEV2(verbose=2) prints '[HIVECOTEV2] Starting fit: n_cases=30, n_channels=1, n_timepoints=40, "
            "n_jobs=1' (sizes and a setting), per component '[HIVECOTEV2] Starting STC...', '[HIVECOTEV2] STC "
            "params: {'batch_size': 100, 'contract_max_n_shapelet_samples': inf, ...}' (its settings, a Python "
            "dict), '[HIVECOTEV2] Finished STC in 12.53s, train_acc=1.0000, weight=0.1296' (seconds: a timing; "
            "weight = train_acc ** 4 is the component's CAWPE voting weight, a fitted parameter of the ensemble, "
            "not a metric), then '[HIVECOTEV2] Finished fit in 52.39s' and '[HIVECOTEV2] Component summary: "
            "STC(train_acc=1.0000, weight=1.0000), DrCIF(train_acc=0.6000, weight=0.1296), ...' (the same values "
            "again). One series 'train_acc', one point per component (STC, DrCIF, Arsenal, TDE) in print order, "
            "no step printed (trials in order); the summary line repeats them. Printed with 4 decimals, truth at "
            "full precision."
        ),
    )


def tde():
    from aeon.classification.dictionary_based import TemporalDictionaryEnsemble

    X, y = make_data(40, 60, 2)
    clf = TemporalDictionaryEnsemble(
        n_parameter_samples=16,
        max_ensemble_size=5,
        randomly_selected_params=8,
        verbose=2,
        random_state=0,
    )
    clf.fit(X, y)
    series = _truth.Series()
    for candidate, acc in enumerate(clf._prev_parameters_y, start=1):
        series.add("accuracy", candidate, None, float(acc))
    return (
        series,
        "TemporalDictionaryEnsemble._prev_parameters_y (every candidate's train accuracy, in fit order)",
        [],
        (
            "TemporalDictionaryEnsemble(verbose=2) prints '[TemporalDictionaryEnsemble] Starting fit: n_cases=40, "
            "n_channels=1, n_timepoints=60, parameter_samples=16, max_ensemble_size=5' (sizes and settings), then "
            "per candidate '[TemporalDictionaryEnsemble] Candidate 3: window_size=10, word_length=8, norm=True, "
            "levels=2, igb=False, accuracy=0.8333, status=retained, retained=3, elapsed=0.12s, "
            "estimated_remaining=1.2s' (the candidate's parameters, a status word, the ensemble's size, seconds "
            "since the start and a time estimate: only accuracy is a metric), and '[TemporalDictionaryEnsemble] "
            "Finished fit: evaluated=16, retained=5, elapsed=1.23s' (counts and a timing). One series 'accuracy', "
            "step = the printed candidate number (1-based). 'accuracy=-1.0000' is what aeon records and prints for a candidate "
            "it abandoned early (its accuracy could not beat the ensemble's worst member; status=discarded). Printed with 4 decimals, truth at full precision."
        ),
    )


def main():
    series, record, extra_ok, notes = {"ee": elastic_ensemble, "hc2": hivecote2, "tde": tde}[
        VARIANT
    ]()
    _truth.write(
        library=(
            f"aeon {metadata.version('aeon')} (numba {metadata.version('numba')}, scikit-learn "
            f"{metadata.version('scikit-learn')}, numpy {np.__version__})"
        ),
        script="tests/corpus/scripts/aeon_classify.py",
        record=record,
        step_kind="global" if VARIANT == "tde" else "trial",
        series=series,
        extra_ok=extra_ok,
        not_printed=[],
        notes=notes,
    )


if __name__ == "__main__":
    main()
