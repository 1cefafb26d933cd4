"""BoTorch used directly, in the shape of its 'closed-loop batch BO' tutorial: SingleTaskGP fitted
with fit_gpytorch_mll, qLogExpectedImprovement and qLogNoisyExpectedImprovement optimised with
optimize_acqf, against Sobol-random batches, on a noisy negated Hartmann-6. The tutorial's
print: '\nBatch  1: best_value (random, qEI, qNEI) = (0.53, 1.12, 0.98), time = 1.23.' (the
line starts with a newline and ends without one, so the last line has no newline until the
script's own summary). Whatever BoTorch warns (InputDataWarning, OptimizationWarning, …) goes
to stderr as it comes. No gpytorch training loop is printed (fit_gpytorch_mll runs scipy L-BFGS
silently).

Versions: BoTorch, gpytorch (imported by BoTorch, silent), torch 2.13.0 CPU (see the truth's
"library"), Python 3.11.
Capture (repository root, venv with botorch):
    python tests/corpus/scripts/capture.py pipe real_botorch_closed_loop -- python tests/corpus/scripts/botorch_closed_loop.py
    python tests/corpus/scripts/capture.py pty real_botorch_closed_loop_pty -- python tests/corpus/scripts/botorch_closed_loop.py
Truth: the loop's observation tensors (train_obj_ei / train_obj_nei / the random batches' values:
the data the models are fitted on; BoTorch keeps no history object of its own); best_value =
the best noiseless objective among the points observed so far, as the tutorial computes it.
"""

import os
import sys
import time
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
from botorch import fit_gpytorch_mll
from botorch.acquisition import qLogExpectedImprovement, qLogNoisyExpectedImprovement
from botorch.models import SingleTaskGP
from botorch.optim import optimize_acqf
from botorch.sampling.normal import SobolQMCNormalSampler
from botorch.test_functions import Hartmann
from gpytorch.mlls import ExactMarginalLogLikelihood

torch.manual_seed(0)
dtype = torch.double
neg_hartmann6 = Hartmann(dim=6, negate=True)
bounds = torch.tensor([[0.0] * 6, [1.0] * 6], dtype=dtype)
NOISE_SE = 0.25
BATCH_SIZE, N_BATCH, MC_SAMPLES = 2, 4, 64
NUM_RESTARTS, RAW_SAMPLES = 4, 64


def observe(X):
    exact = neg_hartmann6(X).unsqueeze(-1)
    return exact, exact + NOISE_SE * torch.randn_like(exact)


def initial(n=10):
    X = torch.rand(n, 6, dtype=dtype)
    exact, obj = observe(X)
    return X, obj, exact.max().item()


def fit(X, Y, state=None):
    model = SingleTaskGP(X, Y, train_Yvar=torch.full_like(Y, NOISE_SE**2))
    if state is not None:
        model.load_state_dict(state)
    mll = ExactMarginalLogLikelihood(model.likelihood, model)
    fit_gpytorch_mll(mll)
    return mll, model


def step(acqf):
    cand, _ = optimize_acqf(acqf, bounds=bounds, q=BATCH_SIZE, num_restarts=NUM_RESTARTS,
                            raw_samples=RAW_SAMPLES, options={"batch_limit": 5, "maxiter": 100})
    return cand.detach()


print(f"Hartmann-6 (negated), noise_se={NOISE_SE}, q={BATCH_SIZE}, {N_BATCH} batches, "
      f"{MC_SAMPLES} MC samples", flush=True)
X_ei, obj_ei, best0 = initial()
X_nei, obj_nei = X_ei.clone(), obj_ei.clone()
exact_ei = neg_hartmann6(X_ei).unsqueeze(-1)
exact_nei = exact_ei.clone()
exact_rand = exact_ei.clone()
best_random, best_ei, best_nei = [best0], [best0], [best0]
mll_ei, model_ei = fit(X_ei, obj_ei)
mll_nei, model_nei = fit(X_nei, obj_nei)
verbose = True
for iteration in range(1, N_BATCH + 1):
    t0 = time.monotonic()
    sampler = SobolQMCNormalSampler(sample_shape=torch.Size([MC_SAMPLES]))
    qEI = qLogExpectedImprovement(model=model_ei, best_f=obj_ei.max(), sampler=sampler)
    qNEI = qLogNoisyExpectedImprovement(model=model_nei, X_baseline=X_nei, sampler=sampler,
                                        prune_baseline=True)
    new_x_ei = step(qEI)
    new_x_nei = step(qNEI)
    ex_ei, new_obj_ei = observe(new_x_ei)
    ex_nei, new_obj_nei = observe(new_x_nei)
    X_ei = torch.cat([X_ei, new_x_ei]); obj_ei = torch.cat([obj_ei, new_obj_ei])
    X_nei = torch.cat([X_nei, new_x_nei]); obj_nei = torch.cat([obj_nei, new_obj_nei])
    exact_ei = torch.cat([exact_ei, ex_ei]); exact_nei = torch.cat([exact_nei, ex_nei])
    rand_exact, _ = observe(torch.rand(BATCH_SIZE, 6, dtype=dtype))
    exact_rand = torch.cat([exact_rand, rand_exact])
    best_random.append(max(best_random[-1], rand_exact.max().item()))
    best_ei.append(exact_ei.max().item())
    best_nei.append(exact_nei.max().item())
    mll_ei, model_ei = fit(X_ei, obj_ei, model_ei.state_dict())
    mll_nei, model_nei = fit(X_nei, obj_nei, model_nei.state_dict())
    t1 = time.monotonic()
    if verbose:
        print(f"\nBatch {iteration:>2}: best_value (random, qEI, qNEI) = "
              f"({max(best_random):>4.2f}, {best_ei[-1]:>4.2f}, {best_nei[-1]:>4.2f}), "
              f"time = {t1 - t0:>4.2f}.", end="")
    else:
        print(".", end="")
print()
print(f"observations: qEI {tuple(obj_ei.shape)}, qNEI {tuple(obj_nei.shape)}")
print(f"optimum 3.32237; best found (qEI, qNEI) = ({best_ei[-1]:.5f}, {best_nei[-1]:.5f})")

series = _truth.Series()
# the three values each Batch line prints, from the observation tensors
for it in range(1, N_BATCH + 1):
    n = 10 + it * BATCH_SIZE
    assert best_ei[it] == exact_ei[:n].max().item()
    assert best_nei[it] == exact_nei[:n].max().item()
    assert best_random[it] == exact_rand[:n].max().item()
    series.add("random", it, None, best_random[it])
    series.add("qEI", it, None, best_ei[it])
    series.add("qNEI", it, None, best_nei[it])
# the closing line repeats the last batch's qEI / qNEI values at 5 decimals
series.add("qEI", N_BATCH, None, best_ei[-1])
series.add("qNEI", N_BATCH, None, best_nei[-1])

_truth.write(
    library=(
        f"botorch {metadata.version('botorch')} (gpytorch {metadata.version('gpytorch')}, "
        f"torch {torch.__version__}, scipy {metadata.version('scipy')})"
    ),
    script="tests/corpus/scripts/botorch_closed_loop.py",
    record=(
        "the loop's observation tensors (exact objective of every observed point, per policy); "
        "best_value = running max, as the tutorial computes it"
    ),
    step_kind="trial",
    series=series,
    extra_ok=["time"],
    not_printed=["the noisy observations obj_ei / obj_nei the models are fitted on"],
    notes=(
        "Tutorial line 'Batch  1: best_value (random, qEI, qNEI) = (1.05, 1.21, 0.87), time = "
        "2.33.' (step = the batch number; the three values are in the order the parenthesised "
        "names give, so the series are named 'random', 'qEI', 'qNEI'; 'time' is seconds per "
        "batch). Each line is printed with a LEADING newline and end='' (tutorial style). The "
        "header line carries settings (noise_se, q, batches, MC samples); 'observations: qEI "
        "(22, 1)' is a tensor shape; 'optimum 3.32237' is the known optimum of the test "
        "function (a constant, not a result) and 'best found (qEI, qNEI) = (…, …)' the final "
        "values at 5 decimals (the same values as the last Batch line: a second point at the last step in series 'qEI' / 'qNEI')."
    ),
)
