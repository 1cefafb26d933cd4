"""pykan (Kolmogorov-Arnold network) KAN.fit() with LBFGS on pykan's own create_dataset toy
function: the tqdm bar whose description pykan rewrites every step with train/test loss and reg.

Versions: pykan 0.2.8, torch 2.13.0+cpu, tqdm 4.70.1, numpy 2.4.6, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-w-1):
    python tests/corpus/scripts/capture.py pipe real_pykan_fit -- python tests/corpus/scripts/pykan_fit.py
    python tests/corpus/scripts/capture.py pty  real_pykan_fit_pty -- python tests/corpus/scripts/pykan_fit.py
Truth: the dict fit() returns (results['train_loss'], ['test_loss'], ['reg']: one value per step,
full precision); step = fit's 0-based loop index (the bar's own counter lags, see notes). With log=1 (the default) pykan calls
pbar.set_description(...) every step, and tqdm's set_description redraws at once, so every
step's values are drawn (no timing dependence).
"""

import os
import shutil
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import torch
from kan import KAN
from kan.utils import create_dataset

CKPT = "/tmp/pykan_corpus_model"
shutil.rmtree(CKPT, ignore_errors=True)  # so the "checkpoint directory created" line is printed

torch.manual_seed(0)
np.random.seed(0)


def f(x):
    return torch.exp(torch.sin(torch.pi * x[:, [0]]) + x[:, [1]] ** 2)


dataset = create_dataset(f, n_var=2, train_num=200, test_num=200, seed=0)
model = KAN(width=[2, 5, 1], grid=3, k=3, seed=0, ckpt_path=CKPT)
results = model.fit(dataset, opt="LBFGS", steps=25, lamb=0.001)

series = _truth.Series()
printed = {"train_loss": "train_loss", "test_loss": "test_loss", "reg": "reg"}
for i in range(len(results["train_loss"])):
    for key, name in printed.items():
        series.add(name, i, None, float(results[key][i]))

_truth.write(
    library=(
        f"pykan {metadata.version('pykan')} (torch {torch.__version__}, "
        f"tqdm {metadata.version('tqdm')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/pykan_fit.py",
    record="results = model.fit(...): results['train_loss'], results['test_loss'], results['reg']",
    step_kind="global",
    series=series,
    extra_ok=[
        "s/it or it/s the tqdm bar shows (time per step / throughput, cut to s/i at 100 columns)"
    ],
    not_printed=[],
    notes=(
        "stderr: a tqdm bar (ncols=100) whose DESCRIPTION holds the metrics, rewritten every step "
        "(its first state is tqdm's placeholder 'description:   0%|   | 0/25 [00:00<?, ?it/s]'): "
        "'| train_loss: 1.23e-01 | test_loss: 1.25e-01 | reg: 8.90e+00 | : 40%|####  | 10/25 "
        "[00:01<00:01,  1.46s/i' - pipe-separated 'name: value' pairs in %.2e, then the bar. "
        "train_loss and test_loss are RMSEs, reg the regularisation term. The bar's counter "
        "(10/25) is NOT the step of the values beside it: pykan iterates 'for _ in pbar', and "
        "tqdm's iterator only copies its count into the bar when it redraws on its own "
        "(mininterval), while set_description redraws at once with the stale count - so the "
        "counter lags and two or three successive descriptions can show the same count "
        "('... train_loss: 3.15e-02 ... 6/25' then '... train_loss: 3.07e-02 ... 6/25'); each "
        "description is one step (0-based fit loop index), in order. The 100 columns cut the rate "
        "('1.46s/it' shows as '1.46s/i'); the percentage, counts and elapsed/remaining "
        "times are not metrics. Before the bar pykan prints 'checkpoint directory created: "
        "/tmp/pykan_corpus_model' and 'saving model version 0.0', and after it 'saving model "
        "version 0.1' (model version numbers, not metrics). Piped, every redraw is a '\\r' "
        "rewrite of one line; under the pty the same bytes with colours absent."
    ),
)
