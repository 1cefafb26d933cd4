"""GPyTorch exact GP regression trained with Adam, printed as in GPyTorch's 'Simple GP
Regression' tutorial ('Iter 1/50 - Loss: 0.940   lengthscale: 0.693   noise: 0.693').

Data: a noisy sine (generated).  Truth: the values the script printed (the marginal-log-
likelihood loss and the kernel's current hyper-parameters read from the model), kept by the
script (a hand loop with a real library).
Versions: gpytorch 1.15.2, torch 2.13.0+cpu, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_gpytorch_exact_gp -- python tests/corpus/holdout/scripts/gpytorch_exact_gp.py
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gpytorch
import torch

torch.manual_seed(0)
torch.set_num_threads(1)
train_x = torch.linspace(0, 1, 100)
train_y = torch.sin(train_x * (2 * math.pi)) + torch.randn(train_x.size()) * math.sqrt(0.04)


class ExactGPModel(gpytorch.models.ExactGP):
    def __init__(self, train_x, train_y, likelihood):
        super().__init__(train_x, train_y, likelihood)
        self.mean_module = gpytorch.means.ConstantMean()
        self.covar_module = gpytorch.kernels.ScaleKernel(gpytorch.kernels.RBFKernel())

    def forward(self, x):
        return gpytorch.distributions.MultivariateNormal(self.mean_module(x), self.covar_module(x))


likelihood = gpytorch.likelihoods.GaussianLikelihood()
model = ExactGPModel(train_x, train_y, likelihood)
model.train()
likelihood.train()
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
mll = gpytorch.mlls.ExactMarginalLogLikelihood(likelihood, model)
training_iter = 50
ser = _truth.Series()
for i in range(training_iter):
    optimizer.zero_grad()
    output = model(train_x)
    loss = -mll(output, train_y)
    loss.backward()
    ls = model.covar_module.base_kernel.lengthscale.item()
    noise = model.likelihood.noise.item()
    print(
        "Iter %d/%d - Loss: %.3f   lengthscale: %.3f   noise: %.3f"  # noqa: UP031 (the tutorial's own form)
        % (i + 1, training_iter, loss.item(), ls, noise)
    )
    ser.add("Loss", i + 1, None, loss.item())
    ser.add("lengthscale", i + 1, None, ls)
    ser.add("noise", i + 1, None, noise)
    optimizer.step()

model.eval()
likelihood.eval()
with torch.no_grad(), gpytorch.settings.fast_pred_var():
    test_x = torch.linspace(0, 1, 51)
    pred = likelihood(model(test_x))
    mae = torch.mean(torch.abs(pred.mean - torch.sin(test_x * (2 * math.pi)))).item()
print(f"Test MAE: {mae}")
ser.add("Test MAE", None, None, mae)

_truth.write(
    library="gpytorch 1.15.2 (torch 2.13.0+cpu)",
    script="tests/corpus/holdout/scripts/gpytorch_exact_gp.py",
    record="the values the script printed (loss.item() and the kernel's hyper-parameters), kept by the script",
    step_kind="global",
    series=ser,
    extra_ok=[],
    notes=(
        "One line per iteration 'Iter 7/50 - Loss: 0.834   lengthscale: 0.444   noise: 0.414' ('%.3f'): "
        "step = the 1-based iteration before the slash (/50 is the total). lengthscale and noise are "
        "the GP's learned hyper-parameters as the tutorial prints them to monitor training: series. "
        "The last line 'Test MAE: <repr>' is the script's evaluation (no step)."
    ),
)
