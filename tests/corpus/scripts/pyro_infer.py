"""Pyro inference on a synthetic Bayesian linear regression, in the two shapes of Pyro's tutorials.

- svi:  SVI with an AutoDiagonalNormal guide and Adam, the loop of Pyro's "Bayesian Regression"
        tutorial: every 100 steps 'print("[iteration %04d] loss: %.4f" % (j + 1, loss / len(data)))',
        then the tutorial's dump of the parameter store ('AutoDiagonalNormal.loc Parameter
        containing:' + a tensor), which holds no metric.
- mcmc: NUTS through pyro.infer.MCMC: its tqdm bar on stderr ('Warmup:  45%|... | 90/200
        [00:01, 60.1it/s, step size=4.12e-01, acc. prob=0.781]', then 'Sample: ...'), and
        mcmc.summary(prob=0.9) (a table of posterior mean/std/median/5.0%/95.0%/n_eff/r_hat per
        parameter, then 'Number of divergences: 0').

Truth: svi: the values svi.step() returned (the loss Pyro computed), divided by len(data) as the
tutorial prints them. mcmc: the kernel's own step size and running mean acceptance probability
(what HMC.logging() formats for the bar), taken by MCMC's hook_fn after every iteration; a tqdm
display hook notes which bar states were actually drawn (timing decides), and the truth holds
exactly those, at the overall iteration the bar shows.

Versions: pyro-ppl 1.9.2, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/torch-a):
    python tests/corpus/scripts/capture.py pipe real_pyro_svi -- python tests/corpus/scripts/pyro_infer.py svi
    python tests/corpus/scripts/capture.py pipe real_pyro_mcmc -- python tests/corpus/scripts/pyro_infer.py mcmc
    python tests/corpus/scripts/capture.py pty real_pyro_mcmc_pty -- python tests/corpus/scripts/pyro_infer.py mcmc
"""

import os
import sys

import pyro
import pyro.distributions as dist
import torch
import tqdm
from pyro.infer import MCMC, NUTS, SVI, Trace_ELBO
from pyro.infer.autoguide import AutoDiagonalNormal
from pyro.nn import PyroModule, PyroSample
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))

import _truth

style = sys.argv[1]
pyro.set_rng_seed(0)
N = 170
x = torch.randn(N, 3)
y = x @ torch.tensor([1.5, -2.0, 0.4]) + 0.8 + 0.5 * torch.randn(N)


class BayesianRegression(PyroModule):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.linear = PyroModule[nn.Linear](in_features, out_features)
        self.linear.weight = PyroSample(
            dist.Normal(0.0, 1.0).expand([out_features, in_features]).to_event(2)
        )
        self.linear.bias = PyroSample(dist.Normal(0.0, 10.0).expand([out_features]).to_event(1))

    def forward(self, x, y=None):
        sigma = pyro.sample("sigma", dist.Uniform(0.0, 10.0))
        mean = self.linear(x).squeeze(-1)
        with pyro.plate("data", x.shape[0]):
            pyro.sample("obs", dist.Normal(mean, sigma), obs=y)
        return mean


def model(x, y=None):
    w = pyro.sample("w", dist.Normal(torch.zeros(3), torch.ones(3)).to_event(1))
    b = pyro.sample("b", dist.Normal(0.0, 10.0))
    sigma = pyro.sample("sigma", dist.HalfNormal(2.0))
    with pyro.plate("data", x.shape[0]):
        pyro.sample("obs", dist.Normal(x @ w + b, sigma), obs=y)


series = _truth.Series()
LIB = f"pyro-ppl {pyro.__version__} (torch {torch.__version__}, tqdm {tqdm.__version__})"

if style == "svi":
    reg = BayesianRegression(3, 1)
    guide = AutoDiagonalNormal(reg)
    adam = pyro.optim.Adam({"lr": 0.03})
    svi = SVI(reg, guide, adam, loss=Trace_ELBO())
    pyro.clear_param_store()
    for j in range(1000):
        loss = svi.step(x, y)
        if j % 100 == 0:
            print("[iteration %04d] loss: %.4f" % (j + 1, loss / len(x)))
            series.add("loss", j + 1, None, loss / len(x))
    guide.requires_grad_(False)
    for name, value in pyro.get_param_store().items():
        print(name, pyro.param(name))
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/pyro_infer.py",
        record="the values svi.step() returned (Pyro's ELBO loss), divided by len(data) as printed",
        step_kind="global",
        series=series,
        extra_ok=[],
        notes="Pyro's Bayesian Regression tutorial loop: '[iteration 0101] loss: 1.2345' every 100 SVI "
        "steps; the step is the 1-based iteration the line prints (the record is the loss of that "
        "step). The printed value is the ELBO loss divided by the 170 data points, as the tutorial "
        "prints it. Then the tutorial prints the parameter store: 'AutoDiagonalNormal.loc Parameter "
        "containing:' followed by a tensor of the guide's parameters; those are no metrics.",
    )
else:
    record = []  # (overall iteration, stage, step size, mean accept prob)
    drawn = {}  # overall iteration -> postfix as drawn

    def hook(kernel, params, stage, i):
        record.append(
            (len(record) + 1, stage, float(kernel.step_size), float(kernel._mean_accept_prob))
        )

    _display = tqdm.tqdm.display

    def display(self, *args, **kwargs):
        if self.postfix:
            drawn[self.n] = self.postfix
        return _display(self, *args, **kwargs)

    tqdm.tqdm.display = display
    kernel = NUTS(model)
    mcmc = MCMC(kernel, num_samples=200, warmup_steps=100, hook_fn=hook)
    mcmc.run(x, y)
    mcmc.summary(prob=0.9)
    by_it = {r[0]: r for r in record}
    for n in sorted(drawn):
        it, stage, step_size, acc = by_it[n]
        shown = "step size={:.2e}, acc. prob={:.3f}".format(step_size, acc)
        assert shown in drawn[n], (n, shown, drawn[n])
        series.add("step size", n, None, step_size)
        series.add("acc. prob", n, None, acc)
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/pyro_infer.py",
        record="kernel.step_size and kernel._mean_accept_prob (what HMC.logging() formats for the bar) "
        "taken by MCMC(hook_fn=...) after every iteration; a tqdm display hook notes the drawn states",
        step_kind="global",
        series=series,
        extra_ok=[
            "mcmc.summary() posterior table: mean std median 5.0% 95.0% n_eff r_hat of w[0] w[1] w[2] b "
            "sigma (posterior statistics Pyro computes from the samples, not a training record)",
            "iterations per second (it/s) of the bar",
        ],
        not_printed=[],
        notes="One tqdm bar on stderr, total 300 (100 warmup + 200 samples), its label 'Warmup' then "
        "'Sample'; its postfix 'step size=4.12e-01, acc. prob=0.781' is set after each iteration "
        "and shown when tqdm redraws (timing decides which iterations are drawn). The step is the "
        "bar's position n of 300 (overall iteration, warmup included). Then mcmc.summary(prob=0.9) "
        "prints a table whose rows are parameters (w[0], w[1], w[2], b, sigma) and whose columns are "
        "posterior statistics, and 'Number of divergences: 0' (a count).",
    )
