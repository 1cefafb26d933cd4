"""DoWhy's identify / estimate / refute workflow on dowhy.datasets.linear_dataset, printed as its
getting-started docs do: print(identified_estimand), print(estimate), print(refutation), with the
refuters' tqdm bars (show_progress_bar=True).

Versions: dowhy 0.14, numpy 2.2.6, pandas 3.1.1, scikit-learn 1.9.1, tqdm 4.70.1, Python 3.11
(DoWhy imports statsmodels 0.15.0 for its regression estimator; nothing statsmodels prints is
shown).
Capture (repository root, venv /work/venvs/corpus-zO-1):
    python tests/corpus/scripts/capture.py pipe real_dowhy_refute -- python tests/corpus/scripts/dowhy_refute.py
    python tests/corpus/scripts/capture.py pty real_dowhy_refute_pty -- python tests/corpus/scripts/dowhy_refute.py
Truth: the CausalEstimate's test_stat_significance() (the 'p-value' its print shows) and each
CausalRefutation's refutation_result['p_value'] (its 'p value'). The effects themselves
(estimate.value, refutation.estimated_effect / new_effect) are estimates, not metrics.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import dowhy.datasets
import numpy as np
from dowhy import CausalModel

np.random.seed(0)
data = dowhy.datasets.linear_dataset(
    beta=10,
    num_common_causes=5,
    num_instruments=2,
    num_samples=2000,
    treatment_is_binary=True,
)
model = CausalModel(
    data=data["df"],
    treatment=data["treatment_name"],
    outcome=data["outcome_name"],
    graph=data["gml_graph"],
)
identified_estimand = model.identify_effect(proceed_when_unidentifiable=True)
print(identified_estimand)

estimate = model.estimate_effect(
    identified_estimand,
    method_name="backdoor.linear_regression",
    test_significance=True,
    confidence_intervals=True,
)
print(estimate)
print("Causal Estimate is " + str(estimate.value))

refutations = []
for method, kwargs in (
    ("random_common_cause", {}),
    ("placebo_treatment_refuter", {"placebo_type": "permute"}),
    ("data_subset_refuter", {"subset_fraction": 0.9}),
):
    res = model.refute_estimate(
        identified_estimand,
        estimate,
        method_name=method,
        num_simulations=20,
        show_progress_bar=True,
        **kwargs,
    )
    print(res)
    refutations.append(res)

series = _truth.Series()
series.add("p-value", None, None, float(np.ravel(estimate.test_stat_significance()["p_value"])[0]))
for res in refutations:
    series.add("p value", None, None, float(res.refutation_result["p_value"]))

_truth.write(
    library=(
        f"dowhy {metadata.version('dowhy')} (numpy {np.__version__}, "
        f"scikit-learn {metadata.version('scikit-learn')}, tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/dowhy_refute.py",
    record=(
        "CausalEstimate.test_stat_significance()['p_value']; each CausalRefutation's "
        "refutation_result['p_value'], in print order"
    ),
    step_kind="none",
    series=series,
    extra_ok=["it/s of the refuters' tqdm bars (throughput)"],
    not_printed=[],
    notes=(
        "print(identified_estimand): 'Estimand type: EstimandType.NONPARAMETRIC_ATE', blocks "
        "'### Estimand : 1', 'Estimand name: backdoor', a sympy pretty-printed derivative over "
        "several lines ('d[v₀]', 'E[y|W4,W3,W2,W1,W0]'), 'Estimand assumption 1, Unconfoundedness: "
        "...' (variable names with digits: W0..W4, Z0, Z1, v0; no numbers of the run). "
        "print(estimate): '*** Causal Estimate ***', the estimand again, '## Realized estimand', "
        "'b: y~v0+W4+W3+W2+W1+W0', 'Target units: ate', '## Estimate', 'Mean value: 9.99...' (the "
        "estimated average treatment effect: an ESTIMATE of the data's parameter beta=10, like a "
        "fitted coefficient, not a metric), 'p-value: [0.]' (the effect's significance test, "
        "printed as a numpy array: series 'p-value', value 0.0), '95.0% confidence interval: "
        "[[9.99 10.00]]' (bounds of the estimate; 95.0 is the level: a setting). 'Causal "
        "Estimate is 9.99...' is the script's docs-style print of estimate.value (an estimate). "
        "Each refuter draws a green tqdm bar 'Refuting Estimates:  45%|████▌     | 9/20 "
        "[00:00<00:00, 12.29it/s]' on stderr (piped too: tqdm writes every state ended by '\\r', "
        "the colour codes kept), then prints 'Refute: Add a random common cause' / 'Refute: Use a "
        "Placebo Treatment' / 'Refute: Use a subset of data', 'Estimated effect:9.99...' (the "
        "original estimate), 'New effect:9.99...' (the effect re-estimated on the perturbed data: "
        "an estimate), 'p value:0.39...' (the refutation's test: series 'p value', one point per "
        "refuter in print order). No step: print order."
    ),
)
