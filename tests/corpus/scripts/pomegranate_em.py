"""pomegranate 1.x: EM with verbose=True on synthetic data, a GeneralMixtureModel of Normals
(`gmm`) or a DenseHMM of Normals (`hmm`). pomegranate prints, per EM iteration,

    [1] Improvement: 1234.5678710937500, Time: 0.001234s

where the improvement (a float32 difference of log-probabilities) is formatted with '{}', all its
digits, and the time is wall-clock seconds of that iteration.

Truth: pomegranate keeps no history, so the script wraps the model's own summarize() (the call
fit() makes each iteration) and records the log-probability it returns; the improvement is
fit()'s own `logp - last_logp` of those returns, computed the same way (torch float32).
Iteration numbers are fit()'s `i` as printed.

Versions: pomegranate 1.1.2, torch 2.13.0+cpu, Python 3.11. Seeds fixed; a second of CPU.
Capture (repository root, venv /work/venvs/corpus-x-1 = pip install torch==2.13.0 pomegranate):
    python tests/corpus/scripts/capture.py pipe real_pomegranate_gmm -- python tests/corpus/scripts/pomegranate_em.py gmm
    python tests/corpus/scripts/capture.py pipe real_pomegranate_hmm -- python tests/corpus/scripts/pomegranate_em.py hmm
"""

import os
import sys

import numpy as np
import torch
from pomegranate.distributions import Normal
from pomegranate.gmm import GeneralMixtureModel
from pomegranate.hmm import DenseHMM

sys.path.insert(0, os.path.dirname(__file__))

import _truth

which = sys.argv[1] if len(sys.argv) > 1 else "gmm"
torch.manual_seed(0)
np.random.seed(0)

returns: list = []


def wrap(model):
    inner = model.summarize

    def summarize(*args, **kwargs):
        out = inner(*args, **kwargs)
        returns.append(out.detach().clone() if isinstance(out, torch.Tensor) else out)
        return out

    model.summarize = summarize


if which == "gmm":
    X = np.concatenate([np.random.normal(m, 1.0, size=(300, 3)) for m in (-1.2, 0.0, 1.0)]).astype(
        np.float32
    )
    model = GeneralMixtureModel(
        [Normal(), Normal(), Normal()], verbose=True, max_iter=30, tol=0.01, random_state=0
    )
    wrap(model)
    model.fit(X)
    # fit(): logp = summarize(X) each iteration; printed improvement at i >= 1 = logp_i - logp_{i-1}
    logps = returns
    first = 1
else:
    # three hidden states, sequences of length 50
    means = np.array([-2.0, 0.5, 3.0])
    seqs = []
    for _ in range(20):
        s, xs = 0, []
        for _t in range(50):
            s = s if np.random.rand() < 0.85 else np.random.randint(3)
            xs.append(np.random.normal(means[s], 0.8, size=2))
        seqs.append(xs)
    X = np.array(seqs, dtype=np.float32)
    model = DenseHMM(
        [Normal(), Normal(), Normal()], verbose=True, max_iter=15, tol=0.001, random_state=0
    )
    wrap(model)
    model.fit(X)
    # fit() sums summarize(X_).sum() over the (single) batch of sequences per iteration
    logps = [r.sum() for r in returns]
    first = 1

series = _truth.Series()
for i in range(first, len(logps)):
    series.add("Improvement", i, None, float(logps[i] - logps[i - 1]))

_truth.write(
    library="pomegranate 1.1.2 (torch 2.13.0+cpu)",
    script="tests/corpus/scripts/pomegranate_em.py",
    record=(
        "the log-probabilities pomegranate's own summarize() returned inside fit() (a wrapper "
        "records them); Improvement = fit()'s logp - last_logp of them"
    ),
    step_kind="global",
    series=series,
    extra_ok=["Time (seconds per EM iteration)"],
    notes=(
        f"pomegranate {'GeneralMixtureModel' if which == 'gmm' else 'DenseHMM'}.fit with "
        "verbose=True: '[1] Improvement: 123.456, Time: 0.001234s' per EM iteration; the bracket "
        "is the EM iteration (fit()'s i), Improvement the gain in total log-probability (printed "
        "with '{}', all digits), Time the wall-clock seconds of the iteration."
        + (
            " The HMM prints one more line after the last iteration ([max_iter])."
            if which == "hmm"
            else ""
        )
    ),
)
