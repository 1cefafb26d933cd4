"""SMAC3's getting-started example: HyperparameterOptimizationFacade tuning an SVC (C, kernel,
degree, gamma) by 5-fold cross-validation, cost = 1 - mean accuracy; then, as the example does,
print(incumbent) (the best CONFIGURATION: parameters, not metrics) and the validated costs of
the default and the incumbent configuration.

Versions: smac 2.4.1, ConfigSpace 1.2.2, scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Capture (repository root, a venv with smac):
    python tests/corpus/scripts/capture.py pipe real_smac_svm -- python tests/corpus/scripts/smac_hpo.py info
    python tests/corpus/scripts/capture.py pipe real_smac_svm_debug -- python tests/corpus/scripts/smac_hpo.py debug
(SMAC's log lines are the same under a terminal: no pty entry.)
Truth: info: the values smac.validate() returns for the default and the incumbent configuration.
debug (logging_level=10, SMAC's documented DEBUG level): also the cost of every trial from
smac.runhistory (in trial order: the 'Tell method was called with cost …' lines), step = the
trial's number.
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from ConfigSpace import (
    Categorical,
    Configuration,
    ConfigurationSpace,
    EqualsCondition,
    Float,
    InCondition,
    Integer,
)
from sklearn import svm
from sklearn.datasets import make_classification
from sklearn.model_selection import cross_val_score
from smac import HyperparameterOptimizationFacade, Scenario

which = sys.argv[1]
X, y = make_classification(n_samples=150, n_features=6, n_informative=4, random_state=0)


class SVMModel:
    @property
    def configspace(self) -> ConfigurationSpace:
        cs = ConfigurationSpace(seed=0)
        kernel = Categorical("kernel", ["linear", "poly", "rbf", "sigmoid"], default="poly")
        C = Float("C", (0.001, 1000.0), default=1.0, log=True)
        shrinking = Categorical("shrinking", [True, False], default=True)
        degree = Integer("degree", (1, 5), default=3)
        coef = Float("coef0", (0.0, 10.0), default=0.0)
        gamma = Categorical("gamma", ["auto", "value"], default="auto")
        gamma_value = Float("gamma_value", (0.0001, 8.0), default=1.0, log=True)
        cs.add([kernel, C, shrinking, degree, coef, gamma, gamma_value])
        cs.add(
            [
                EqualsCondition(child=degree, parent=kernel, value="poly"),
                InCondition(child=coef, parent=kernel, values=["poly", "sigmoid"]),
                InCondition(child=gamma, parent=kernel, values=["rbf", "poly", "sigmoid"]),
                EqualsCondition(child=gamma_value, parent=gamma, value="value"),
            ]
        )
        return cs

    def train(self, config: Configuration, seed: int = 0) -> float:
        config_dict = dict(config)
        if "gamma" in config:
            config_dict["gamma"] = (
                config_dict["gamma_value"] if config_dict["gamma"] == "value" else "auto"
            )
            config_dict.pop("gamma_value", None)
        classifier = svm.SVC(**config_dict, random_state=seed)
        scores = cross_val_score(classifier, X, y, cv=5)
        return 1 - np.mean(scores)


model = SVMModel()
scenario = Scenario(
    model.configspace,
    deterministic=True,
    n_trials=20,
    output_directory=tempfile.mkdtemp(prefix="smac3-output-"),
    seed=0,
)
smac = HyperparameterOptimizationFacade(
    scenario, model.train, overwrite=True, logging_level=10 if which == "debug" else 20
)
incumbent = smac.optimize()
print(incumbent)

default_cost = smac.validate(model.configspace.get_default_configuration())
print(f"Default cost: {default_cost}")
incumbent_cost = smac.validate(incumbent)
print(f"Incumbent cost: {incumbent_cost}")

series = _truth.Series()
n_trials = len(smac.runhistory)
if which == "debug":
    for i, value in enumerate(smac.runhistory.values(), start=1):
        series.add("cost", i, None, value.cost)
series.add("Default cost", n_trials, None, default_cost)
series.add("Incumbent cost", n_trials, None, incumbent_cost)

NOTES_INFO = (
    "SMAC's INFO log lines: '[INFO][abstract_initial_design.py:91] Reducing the number of initial "
    "configurations from 70 to 5 (max_ratio == 0.25).', 'Using 5 initial design configurations and 0 "
    "additional configurations.', 'Added config 51bff3 as new incumbent because there are no "
    "incumbents yet.', 'Added config 16b9dd and rejected config 51bff3 as incumbent because it is "
    "not better than the incumbents on 1 instances: ' (hexadecimal config ids and counts, no "
    "metric), 'Configuration budget is exhausted:', '--- Remaining wallclock time: inf', "
    "'--- Remaining trials: 0' (budget left; 'inf' is no limit, not a value), and numpy's "
    "'RuntimeWarning: Mean of empty slice' from inside SMAC's random forest. print(incumbent) is a multi-line repr "
    "'Configuration(values={' / \"  'C': 36.12…,\" / \"  'kernel': 'rbf',\" / '})': the best "
    "trial's HYPER-PARAMETERS, not metrics. Then the example's 'Default cost: 0.1333…' and "
    "'Incumbent cost: 0.04…' (1 - mean 5-fold CV accuracy, as smac.validate() returns it; printed "
    "once, after the last trial: step = the number of trials)."
)
NOTES_DEBUG = (
    " With logging_level=10 SMAC adds DEBUG lines: per trial 'Tell method was called with cost "
    "0.1466… (SUCCESS).' (the trial's cost: series 'cost', step = the trial's number), and many "
    "lines of no metric: 'Added a new random seed 209652396 to the intensifier.' (a seed), "
    "'Remaining wallclock time: inf, Remaining cpu time: inf, Remaining trials: 19' (budget "
    "left), 'Doubled trials of config 51bff3 to N=2 …', 'Get next trials for config … from keys "
    "[InstanceSeedBudgetKey(instance=None, seed=209652396, budget=None)]', after each new incumbent the configuration diff "
    "'[DEBUG][configspace.py:189] ' then '--- degree: 3 -> 3 (unchanged)', '--- kernel: poly -> poly "
    "(unchanged)' (the hyper-parameters the old and the new incumbent share, not metrics), 'Local searches took "
    "[8, 1, …] steps and looked at [180, 160, …] configurations.' (counts), and 'First 5 "
    "acquisition function values of selected configurations:' followed by a line of values of the "
    "optimizer's internal acquisition function over candidate configurations (not a metric of the "
    "tuned model, kept in no record)."
)
_truth.write(
    library=(
        f"smac {metadata.version('smac')} (ConfigSpace {metadata.version('ConfigSpace')}, "
        f"scikit-learn {metadata.version('scikit-learn')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/smac_hpo.py",
    record=(
        "smac.validate(config) for the two printed costs"
        + ("; smac.runhistory (TrialValue.cost per trial, in order)" if which == "debug" else "")
    ),
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=(
        ["runhistory costs of each trial (only shown at DEBUG level)"] if which == "info" else []
    ),
    notes=NOTES_INFO + (NOTES_DEBUG if which == "debug" else ""),
)
