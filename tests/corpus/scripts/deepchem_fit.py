"""DeepChem: a MultitaskClassifier (a TorchModel) fitted on a synthetic NumpyDataset the way the
DeepChem tutorials do it: INFO logging switched on, fit(..., callbacks=[ValidationCallback]),
then print('Training set score:', model.evaluate(...)):

    INFO:deepchem.models.torch_models.torch_model:Ending global_step 10: Average loss 0.6842
    Step 10 validation: roc_auc_score=0.612245
    INFO:deepchem.models.torch_models.torch_model:TIMING: model fitting took 0.412 s
    Training set score: {'roc_auc_score': 0.8431372549019608}

Truth: DeepChem's records: fit()'s all_losses list (each logged average loss) at the global step
it logged it (a callback of ours sees each step), the score dicts ValidationCallback gets from
model.evaluate (model.evaluate wrapped), and the dicts the script's evaluate calls return.

Versions: deepchem 2.8.0, torch 2.13.0+cpu, scikit-learn 1.9.1, numpy 2.4.6, rdkit 2026.9.1,
Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zo-1 (see torchkeras_fit.py) plus
pip install deepchem):
    python tests/corpus/scripts/capture.py pipe real_deepchem_fit -- python tests/corpus/scripts/deepchem_fit.py
"""

import logging
import os
import sys

import numpy as np
import torch

logging.basicConfig(level=logging.INFO)

import deepchem as dc  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

np.random.seed(0)
torch.manual_seed(0)
n_features = 32
X = np.random.rand(400, n_features).astype(np.float32)
y = (X[:, :4].sum(1) + 0.3 * np.random.randn(400) > 2.0).astype(np.float32).reshape(-1, 1)
Xv = np.random.rand(100, n_features).astype(np.float32)
yv = (Xv[:, :4].sum(1) + 0.3 * np.random.randn(100) > 2.0).astype(np.float32).reshape(-1, 1)
train = dc.data.NumpyDataset(X, y)
valid = dc.data.NumpyDataset(Xv, yv)

model = dc.models.MultitaskClassifier(
    n_tasks=1,
    n_features=n_features,
    layer_sizes=[64],
    batch_size=50,
    learning_rate=0.003,
    log_frequency=10,
)
metric = dc.metrics.Metric(dc.metrics.roc_auc_score)

EVALS = []  # (global step, scores) for each evaluate() call
_evaluate = model.evaluate


def evaluate(*args, **kwargs):
    scores = _evaluate(*args, **kwargs)
    EVALS.append((model._global_step, dict(scores)))
    return scores


model.evaluate = evaluate
losses = []
LOGGED = []  # (global step, average loss) as fit() logged them


def watch(m, step):
    while len(LOGGED) < len(losses):
        LOGGED.append((step, losses[len(LOGGED)]))


final = model.fit(
    train,
    nb_epoch=5,
    callbacks=[watch, dc.models.ValidationCallback(valid, 10, [metric])],
    all_losses=losses,
)
while len(LOGGED) < len(losses):  # the last average, logged after the loop
    LOGGED.append((model._global_step, losses[len(LOGGED)]))
train_scores = model.evaluate(train, [metric])
valid_scores = model.evaluate(valid, [metric])
print("Training set score:", train_scores)
print("Validation set score:", valid_scores)

series = _truth.Series()
for (
    step,
    scores,
) in EVALS:  # each evaluate() logs 'INFO:deepchem.metrics.metric:computed_metrics: [0.82…]'
    series.add("computed_metrics", step, None, scores["roc_auc_score"])
for step, value in LOGGED:
    series.add("Average loss", step, None, value)
for step, scores in EVALS[:-2]:  # ValidationCallback's 'Step 10 validation: roc_auc_score=…'
    series.add("validation/roc_auc_score", step, None, scores["roc_auc_score"])
series.add(
    "Training set score/roc_auc_score", model._global_step, None, train_scores["roc_auc_score"]
)
series.add(
    "Validation set score/roc_auc_score", model._global_step, None, valid_scores["roc_auc_score"]
)
assert final == losses[-1]

_truth.write(
    library="deepchem 2.8.0 (torch 2.13.0+cpu, scikit-learn 1.9.1)",
    script="tests/corpus/scripts/deepchem_fit.py",
    record="fit()'s all_losses list at the global steps it logged them (a fit callback sees each "
    "step), the score dicts model.evaluate returned (ValidationCallback's and the script's)",
    step_kind="global",
    series=series,
    extra_ok=["TIMING: model fitting took … s (seconds)"],
    notes="logging.basicConfig(level=INFO) as DeepChem's tutorials switch it on, then "
    "MultitaskClassifier(n_tasks=1, log_frequency=10).fit(train, nb_epoch=5, "
    "callbacks=[ValidationCallback(valid, 10, [roc_auc metric])]): 8 batches of 50 per epoch, 40 "
    "steps. Import-time WARNING lines ('Skipped loading some Jax models, missing a dependency. No "
    "module named 'jax''), then 'INFO:deepchem.models.torch_models.torch_model:Ending global_step 10: "
    "Average loss 0.684211' every 10 steps (the average of the losses since the last log, '%g': 6 "
    "significant digits; series 'Average loss'), at each evaluation DeepChem's own "
    "'INFO:deepchem.metrics.metric:computed_metrics: [0.8258585858585858]' (the metric's value per "
    "task, a one-element list: series 'computed_metrics'), ValidationCallback's 'Step 10 validation: "
    "roc_auc_score=0.612245' on stdout (series 'validation/roc_auc_score'), 'TIMING: model fitting "
    "took 0.412 s', then the script's print('Training set score:', {...}) and "
    "print('Validation set score:', {...}) of the returned dicts (printed as {'roc_auc_score': np.float64(0.92…)}; series "
    "'Training set score/roc_auc_score' and 'Validation set score/roc_auc_score', at the last "
    "step). In a pipe stdout is block-buffered: the ValidationCallback lines come after all the "
    "logging (stderr) lines, just before the two score prints. Before training, rdkit-descriptor WARNING lines and a torch UserWarning. Steps: DeepChem's global step.",
)
