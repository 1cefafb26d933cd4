"""Pyro's Gaussian-process module (pyro.contrib.gp): GPRegression fitted the way Pyro's
"Gaussian Processes" tutorial does it (Adam on gpr.parameters(), Trace_ELBO().differentiable_loss,
the hyper-parameters appended to lists each step), printing the widespread GP line
'Iter 10/150 - Loss: 12.345   lengthscale: 0.812   variance: 1.234   noise: 0.056', then the
fitted kernel as the tutorial shows it and a held-out error the script prints.

- loop:  the hand-written loop above.
- train: gp.util.train(gpr, num_steps=...) (the tutorial's short form), which prints nothing,
         followed by the common 'print(f"final loss: {losses[-1]:.4f}")'-style lines.

Versions: pyro-ppl 1.9.2, torch 2.13.0+cpu, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zh-2):
    python tests/corpus/scripts/capture.py pipe real_pyro_gp_loop -- python tests/corpus/scripts/pyro_gp.py loop
    python tests/corpus/scripts/capture.py pipe real_pyro_gp_train -- python tests/corpus/scripts/pyro_gp.py train
Truth: loop: the list of loss.item() the loop keeps (the tutorial's `losses`), at the 1-based
iteration it prints; train: the list of losses gp.util.train returns. The held-out RMSE is the
script's own. The kernel hyper-parameters (lengthscale, variance, noise) are fitted parameter
estimates, not metrics: the library's record (gp.util.train) keeps only the loss.
"""

import os
import sys

import pyro
import pyro.contrib.gp as gp
import torch

sys.path.insert(0, os.path.dirname(__file__))

import _truth

style = sys.argv[1]
pyro.set_rng_seed(0)
N = 80
X = 5.0 * torch.rand(N)
y = 0.5 * torch.sin(3 * X) + 0.2 * torch.randn(N)
Xt = 5.0 * torch.rand(40)
yt = 0.5 * torch.sin(3 * Xt)

kernel = gp.kernels.RBF(input_dim=1, variance=torch.tensor(1.0), lengthscale=torch.tensor(0.5))
gpr = gp.models.GPRegression(X, y, kernel, noise=torch.tensor(1.0))
series = _truth.Series()
num_steps = 150

if style == "loop":
    optimizer = torch.optim.Adam(gpr.parameters(), lr=0.05)
    loss_fn = pyro.infer.Trace_ELBO().differentiable_loss
    losses, variances, lengthscales, noises = [], [], [], []
    for i in range(num_steps):
        variances.append(gpr.kernel.variance.item())
        noises.append(gpr.noise.item())
        lengthscales.append(gpr.kernel.lengthscale.item())
        optimizer.zero_grad()
        loss = loss_fn(gpr.model, gpr.guide)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        if (i + 1) % 10 == 0 or i == 0:
            print(
                "Iter %d/%d - Loss: %.3f   lengthscale: %.3f   variance: %.3f   noise: %.3f"  # noqa: UP031
                % (i + 1, num_steps, losses[-1], lengthscales[-1], variances[-1], noises[-1])
            )
            series.add("Loss", i + 1, None, losses[-1])
else:
    losses = gp.util.train(gpr, num_steps=num_steps)
    print(f"final loss: {losses[-1]:.4f}")
    series.add("final loss", None, None, losses[-1])  # no step printed

print("Fitted kernel:")
print("  variance    =", gpr.kernel.variance)
print("  lengthscale =", gpr.kernel.lengthscale)
print("  noise       =", gpr.noise)
with torch.no_grad():
    mean, cov = gpr(Xt, full_cov=True, noiseless=False)
rmse = torch.sqrt(torch.mean((mean - yt) ** 2)).item()
print(f"test RMSE: {rmse:.4f}")
series.add("test RMSE", None, None, rmse)

shape = (
    "'Iter 10/150 - Loss: 12.345   lengthscale: 0.812   variance: 1.234   noise: 0.056' at "
    "iteration 1 and every 10 iterations"
    if style == "loop"
    else "one line 'final loss: 12.3456' (the last of the losses gp.util.train returns, that of step 150; the line prints no step, so the truth gives none)"
)
_truth.write(
    library=f"pyro-ppl {pyro.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/pyro_gp.py",
    record=(
        "the loss of each step as the tutorial's loop keeps it (loss.item() appended to `losses`)"
        if style == "loop"
        else "the list of losses gp.util.train returns"
    )
    + "; the test RMSE is computed and printed by the script",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        f"Output: {shape}. The loss is the negative log marginal likelihood "
        "(Trace_ELBO().differentiable_loss of GPRegression's model/guide); its step is the 1-based "
        "iteration printed before the '/' ('150' after it is the step count, not a value). "
        "lengthscale, variance and noise are the kernel's and likelihood's hyper-parameters as "
        "they stand before that step's update: fitted parameter estimates, not metrics (the "
        "library's own record, gp.util.train, keeps only the loss), so a reader storing them "
        "invents series. Then 'Fitted kernel:' and three lines '  variance    = tensor(0.2345, "
        "grad_fn=<AddBackward0>)' (the fitted hyper-parameters as torch prints them: estimates, "
        "no metric), and 'test RMSE: 0.0812', the script's one final metric (no step)."
    ),
)
