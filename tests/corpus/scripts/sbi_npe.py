"""sbi neural posterior estimation on a toy Gaussian simulator, as its tutorials run it.

Versions: sbi 0.27.0, torch 2.13.0 (CPU), zuko 1.6.0, tqdm 4.70.1, Python 3.11 (venv corpus-zx-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sbi_npe -- python tests/corpus/scripts/sbi_npe.py npe
    python tests/corpus/scripts/capture.py pty real_sbi_npe_pty -- python tests/corpus/scripts/sbi_npe.py npe
    python tests/corpus/scripts/capture.py pipe real_sbi_snpe_rounds -- python tests/corpus/scripts/sbi_npe.py snpe
    python tests/corpus/scripts/capture.py pty real_sbi_snpe_rounds_pty -- python tests/corpus/scripts/sbi_npe.py snpe
npe: the getting-started flow (NPE, one round of 500 simulations, train(), build_posterior,
sample); sbi prints only the epoch counter ('\\r Training neural network. Epochs trained: 37')
and ' Neural network successfully converged after 57 epochs.' - counts, no metric - and the
posterior sampler's tqdm bar (no description).
snpe: two rounds of sequential NPE (the multi-round tutorial) with simulate_for_sbi's
tqdm bar (no description) and train(show_train_summary=True), whose round block prints
'Best validation performance: -2.1234' (the only metric sbi prints).
Truth: the trainer's own summary dict (inference._summary: best_validation_loss per round; the
per-epoch training_loss / validation_loss it also keeps are never printed). TensorBoard files go
to a temporary folder (the script runs there: sbi writes ./sbi-logs).
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
from sbi.inference import NPE, simulate_for_sbi
from sbi.utils import BoxUniform
from sbi.utils.user_input_checks import process_prior, process_simulator

variant = sys.argv[1] if len(sys.argv) > 1 else "npe"
os.chdir(tempfile.mkdtemp(prefix="sbi-"))
torch.manual_seed(0)
torch.set_num_threads(1)

prior = BoxUniform(low=-2 * torch.ones(3), high=2 * torch.ones(3))


def simulator(theta):
    return theta + 1.0 + 0.1 * torch.randn_like(theta)


x_o = torch.tensor([[1.5, 0.5, 1.0]])
series = _truth.Series()

if variant == "npe":
    theta = prior.sample((500,))
    x = simulator(theta)
    inference = NPE(prior=prior)
    density_estimator = inference.append_simulations(theta, x).train()
    posterior = inference.build_posterior(density_estimator)
    samples = posterior.sample((1000,), x=x_o)
    print(posterior)
    notes = (
        "NPE(prior).append_simulations(theta, x).train() prints, with print('\\r', ..., end=''), "
        "' Training neural network. Epochs trained: 1' rewritten each epoch on one line, then "
        "'\\r Neural network successfully converged after 378 epochs.' (epoch counts, not metrics: "
        "sbi prints no loss at all by default). posterior.sample draws a tqdm bar without a "
        "description, '  0%|          | 0/1000 [00:00<?, ?it/s]' then '100%|…| 1000/1000 "
        "[00:00<00:00, 111509.12it/s]' (a count of samples "
        "and its rate; in a pipe tqdm still writes its \\r states), then print(posterior) is "
        "prose ('Posterior p(θ|x) of type DirectPosterior. It samples the posterior network and "
        "rejects samples that' and an indented 'lie outside of the prior bounds.'). So the truth has no series: a "
        "reader should store nothing here."
    )
    not_printed = [
        "training_loss",
        "validation_loss",
        "best_validation_loss",
        "epoch_durations_sec",
    ]
else:
    prior_p, _, prior_returns_numpy = process_prior(prior)
    sim = process_simulator(simulator, prior_p, prior_returns_numpy)
    inference = NPE(prior=prior_p)
    proposal = prior_p
    for _ in range(2):
        theta, x = simulate_for_sbi(sim, proposal, num_simulations=500)
        density_estimator = inference.append_simulations(theta, x, proposal=proposal).train(
            show_train_summary=True
        )
        posterior = inference.build_posterior(density_estimator)
        proposal = posterior.set_default_x(x_o)
    samples = posterior.sample((1000,))
    for r, best in enumerate(inference._summary["best_validation_loss"]):
        series.add("Best validation performance", r + 1, None, best)
    notes = (
        "Two rounds of sequential NPE. Each round: simulate_for_sbi's tqdm bar without a "
        "description, '100%|…| 500/500 [00:00<00:00, 63381.04it/s]' (a count and its rate), "
        "from round 2 on 'Using NPE_C with atomic loss', the epoch counter "
        "' Training neural network. Epochs trained: 12' rewritten with \\r, ' Neural network "
        "successfully converged after 40 epochs.' (counts), then the round block of "
        "train(show_train_summary=True): a '-------------------------' rule, '||||| ROUND 1 "
        "STATS |||||:', 'Epochs trained: 40' (a count), 'Best validation performance: -2.1234' "
        "(the round's best validation loss, 4 decimals: the series, step = the round number as "
        "printed, 1 and 2) and a rule. The block's lines are indented 8 spaces. The final "
        "posterior.sample draws a 1000-sample tqdm bar (no description)."
    )
    not_printed = ["training_loss", "validation_loss", "epoch_durations_sec"]

_truth.write(
    library=(
        f"sbi {metadata.version('sbi')} (torch {torch.__version__}, zuko {metadata.version('zuko')}, "
        f"tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/sbi_npe.py",
    record="inference._summary (sbi's own per-round summary dict: best_validation_loss)",
    step_kind="global",
    series=series,
    extra_ok=["it/s of tqdm's simulation / sampling bars (throughput)"],
    not_printed=not_printed,
    notes=notes,
)
