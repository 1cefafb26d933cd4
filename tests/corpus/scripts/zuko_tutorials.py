"""zuko's documentation tutorials run as scripts: normalizing flows trained with the docs' own loops.

forward_kl: docs/tutorials/forward_kl.ipynb ('Train from data'): an NSF on two moons, print(flow)
    (the notebook shows the module's repr), then per epoch the tutorial's bare print
        (0) 1.385786771774292 ± 0.24798816442489624
    (epoch, mean of the epoch's batch losses, '±', their standard deviation), then the same loop
    for a conditional NSF. The two moons are the tutorial's own generator; 4096 samples instead
    of 16384 (64 batches an epoch) to keep the run to seconds.
vae: docs/tutorials/vae.ipynb: a VAE with a MAF prior, the epoch loop wrapped in tqdm with
    bar.set_postfix(loss=...) after each epoch. MNIST (a download) is replaced by 1024 synthetic
    8x8 binary images, the 1024-unit hyper-networks by 256 units, 16 epochs instead of 64, CPU
    instead of .cuda().

Versions: zuko 1.6.0, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11 (venv /work/venvs/corpus-zV-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_zuko_forward_kl -- python tests/corpus/scripts/zuko_tutorials.py forward_kl
    python tests/corpus/scripts/capture.py pipe real_zuko_vae -- python tests/corpus/scripts/zuko_tutorials.py vae
    python tests/corpus/scripts/capture.py pty real_zuko_vae_pty -- python tests/corpus/scripts/zuko_tutorials.py vae
Truth: the losses the loops keep (the tutorial's own `losses` tensors, their mean per epoch at full
precision); for the tqdm bar, the postfix dicts tqdm actually drew (a hook on tqdm's display
notes each drawn state), each matched to the epoch whose loss it shows.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torch.nn as nn
import torch.utils.data as data
import zuko
from torch import Tensor
from torch.distributions import Bernoulli, Distribution, Independent, Normal
from tqdm import tqdm

variant = sys.argv[1] if len(sys.argv) > 1 else "forward_kl"
torch.set_num_threads(1)
_ = torch.random.manual_seed(0)
series = _truth.Series()
LIB = (
    f"zuko {metadata.version('zuko')} (torch {torch.__version__}, tqdm {metadata.version('tqdm')})"
)

if variant == "forward_kl":

    def two_moons(n: int, sigma: float = 1e-1) -> tuple[Tensor, Tensor]:
        theta = 2 * torch.pi * torch.rand(n)
        label = (theta > torch.pi).float()

        x = torch.stack(
            (
                torch.cos(theta) + label - 1 / 2,
                torch.sin(theta) + label / 2 - 1 / 4,
            ),
            axis=-1,
        )

        return torch.normal(x, sigma), label

    trainset = data.TensorDataset(*two_moons(4096))
    trainloader = data.DataLoader(trainset, batch_size=64, shuffle=True)

    flow = zuko.flows.NSF(features=2, transforms=3, hidden_features=(64, 64))
    print(flow)

    record = []
    optimizer = torch.optim.Adam(flow.parameters(), lr=1e-3)

    for epoch in range(8):
        losses = []

        for x, label in trainloader:  # noqa: B007 (the tutorial's loop)
            loss = -flow().log_prob(x).mean()
            loss.backward()

            optimizer.step()
            optimizer.zero_grad()

            losses.append(loss.detach())

        losses = torch.stack(losses)
        record.append((epoch, losses.mean().item(), losses.std().item()))

        print(f"({epoch})", losses.mean().item(), "±", losses.std().item())

    flow = zuko.flows.NSF(features=2, context=1, transforms=3, hidden_features=(64, 64))
    optimizer = torch.optim.Adam(flow.parameters(), lr=1e-3)

    for epoch in range(8):
        losses = []

        for x, label in trainloader:
            c = label.unsqueeze(dim=-1)

            loss = -flow(c).log_prob(x).mean()
            loss.backward()

            optimizer.step()
            optimizer.zero_grad()

            losses.append(loss.detach())

        losses = torch.stack(losses)
        record.append((epoch, losses.mean().item(), losses.std().item()))

        print(f"({epoch})", losses.mean().item(), "±", losses.std().item())

    for i, (epoch, mean, _std) in enumerate(record):
        # the two runs print the same epoch numbers 0..7: the step keeps counting across them
        series.add("loss", i, epoch, mean)
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/zuko_tutorials.py",
        record="the tutorial loop's own per-epoch `losses` tensor: mean (and std) per epoch",
        step_kind="global",
        series=series,
        extra_ok=["the number after '±' (standard deviation of the epoch's batch losses)"],
        not_printed=["the per-batch losses themselves"],
        notes=(
            "print(flow) first: the NSF module's repr (NSF(, (transform): LazyComposedTransform(, "
            "(0): MaskedAutoregressiveTransform(, (base): MonotonicRQSTransform(bins=8), (order): "
            "[0, 1], (hyper): MaskedMLP(, (0): MaskedLinear(in_features=2, out_features=64, "
            "bias=True), (1): ReLU(), …, (base): UnconditionalDistribution(DiagNormal(loc: "
            "torch.Size([2]), scale: torch.Size([2])))': sizes and structure, no metric). Then "
            "per epoch the tutorial's print(f'({epoch})', losses.mean().item(), '±', "
            "losses.std().item()): '(0) 1.385786771774292 ± 0.24798816442489624' - no name "
            "anywhere: the first number after the parenthesised 0-based epoch is the epoch's mean "
            "negative log-likelihood (truth 'loss', the loop's variable, repr precision), the "
            "number after '±' its spread over the batches (extra_ok). Two runs of 8 epochs each "
            "(unconditional flow, then conditional flow), both printing epochs (0)..(7): truth "
            "epoch = the printed epoch, step = 0..15 counting across the two runs (the console "
            "shows no boundary between them)."
        ),
    )
else:

    class ELBO(nn.Module):
        def __init__(
            self,
            encoder: zuko.lazy.LazyDistribution,
            decoder: zuko.lazy.LazyDistribution,
            prior: zuko.lazy.LazyDistribution,
        ) -> None:
            super().__init__()

            self.encoder = encoder
            self.decoder = decoder
            self.prior = prior

        def forward(self, x: Tensor) -> Tensor:
            q = self.encoder(x)
            z = q.rsample()

            return self.decoder(z).log_prob(x) + self.prior().log_prob(z) - q.log_prob(z)

    class GaussianModel(zuko.lazy.LazyDistribution):
        def __init__(self, features: int, context: int) -> None:
            super().__init__()

            self.hyper = nn.Sequential(
                nn.Linear(context, 256),
                nn.ReLU(),
                nn.Linear(256, 256),
                nn.ReLU(),
                nn.Linear(256, 2 * features),
            )

        def forward(self, c: Tensor) -> Distribution:
            phi = self.hyper(c)
            mu, log_sigma = phi.chunk(2, dim=-1)

            return Independent(Normal(mu, log_sigma.exp()), 1)

    class BernoulliModel(zuko.lazy.LazyDistribution):
        def __init__(self, features: int, context: int) -> None:
            super().__init__()

            self.hyper = nn.Sequential(
                nn.Linear(context, 256),
                nn.ReLU(),
                nn.Linear(256, 256),
                nn.ReLU(),
                nn.Linear(256, features),
            )

        def forward(self, c: Tensor) -> Distribution:
            phi = self.hyper(c)
            rho = torch.sigmoid(phi)

            return Independent(Bernoulli(rho), 1)

    # synthetic "digits": 8 prototype 8x8 binary patterns with pixel noise
    protos = (torch.rand(8, 64) > 0.5).float()
    idx = torch.randint(0, 8, (1024,))
    flip = (torch.rand(1024, 64) < 0.05).float()
    images = (protos[idx] + flip) % 2
    trainset = data.TensorDataset(images, idx)
    trainloader = data.DataLoader(trainset, batch_size=256, shuffle=True)

    encoder = GaussianModel(16, 64)
    decoder = BernoulliModel(64, 16)

    prior = zuko.flows.MAF(
        features=16,
        transforms=3,
        hidden_features=(256, 256),
    )

    drawn = []  # the epoch whose loss each drawn state shows (None before the first)
    display = tqdm.display

    def noting(self, *args, **kwargs):
        # set_postfix always follows record.append: a drawn postfix is the last epoch's loss
        drawn.append(len(record) - 1 if self.postfix else None)
        return display(self, *args, **kwargs)

    tqdm.display = noting

    record = []
    elbo = ELBO(encoder, decoder, prior)
    optimizer = torch.optim.Adam(elbo.parameters(), lr=1e-3)

    for epoch in (bar := tqdm(range(16))):  # noqa: B007 (the tutorial's loop)
        losses = []

        for x, _ in trainloader:
            x = x.round().flatten(-1)

            loss = -elbo(x).mean()
            loss.backward()

            optimizer.step()
            optimizer.zero_grad()

            losses.append(loss.detach())

        losses = torch.stack(losses)
        record.append(losses.mean().item())

        bar.set_postfix(loss=losses.mean().item())

    last = None
    for epoch in sorted({e for e in drawn if e is not None}):
        # tqdm shows 3 significant digits: an epoch whose loss reads the same as the one before
        # it is, on the console, the same drawn value (a redraw); it is not a point of its own
        if f"{record[epoch]:.3g}" != last:
            series.add("loss", None, epoch, record[epoch])
        last = f"{record[epoch]:.3g}"
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/zuko_tutorials.py",
        record=(
            "the tutorial loop's per-epoch mean of its `losses` tensor; the epochs whose value "
            "tqdm drew (a hook on tqdm.display)"
        ),
        step_kind="epoch",
        series=series,
        extra_ok=["s/it or it/s of the tqdm bar (time per epoch)"],
        not_printed=["the per-batch losses"],
        notes=(
            "One tqdm bar over the 16 epochs, on stderr, no description: '  0%|          | 0/16 "
            "[00:00<?, ?it/s]', then after each epoch bar.set_postfix(loss=…) redraws it as "
            "'  6%|▋         | 1/16 [00:00<00:05,  2.71it/s, loss=40.1]' (tqdm formats the float "
            "with 3 significant digits; the position shown is the count of epochs finished, so "
            "loss=… at '1/16' can be epoch 0's or epoch 1's loss depending on whether the redraw "
            "came from set_postfix or the next update). Truth: the mean negative ELBO of each "
            "epoch whose value was drawn, one point per epoch (the same epoch's value drawn at "
            "two positions is one record value; an epoch whose loss renders as the same 3 digits "
            "as the epoch before, e.g. 40.64 then 40.60, both 'loss=40.6', reads as a redraw and "
            "is left out), epoch = the loop's 0-based epoch. "
            "In a pipe tqdm writes each state after a '\\r' on one growing line; under the "
            "terminal the same states redraw in place and the bar ends with a newline."
        ),
    )
