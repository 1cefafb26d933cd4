"""normflows' examples/vae.py (VincentStimper/normalizing-flows c6616b1): a flow VAE (Planar flows
from normflows on the latent) trained with the example's own loop and prints:

    Train Epoch: 1 [0/2048 (0%)]\tLoss: 543.209473       (every --log-intv batches)
    [tensor(28.0123, grad_fn=<MeanBackward0>), tensor(-31.8…, grad_fn=…), …]   print(model.test_params)
    ====> Epoch: 1 Average loss: 301.2345
    ====> Test set loss: 210.9876

inside a tqdm bar over the batches (the example also calls progressbar.update() in the loop body,
so the bar counts two per batch and overshoots its total). The model, bound, anneal and loop are
the example's; the data are not MNIST (a torchvision download): 2048 + 512 synthetic 28x28 binary
images (8 prototype strokes with pixel noise) in the example's (N, 1, 28, 28) layout, and the run
is 4 epochs with --log-intv 4 (the example: 15 epochs, every 20 batches of 60000 images).

Versions: normflows 1.7.3, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11 (venv /work/venvs/corpus-zV-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_normflows_vae -- python tests/corpus/scripts/normflows_vae_example.py
    python tests/corpus/scripts/capture.py pty real_normflows_vae_pty -- python tests/corpus/scripts/normflows_vae_example.py
Truth: the values the loop handed its prints (loss.item() / len(x), tr_loss / len(dataset),
test_loss), kept at full precision (the example keeps none but test_losses).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torch.utils.data
from normflows.flows import Planar
from torch import nn, optim
from torch.distributions.normal import Normal
from torch.nn import functional as F
from tqdm import tqdm


class Args:  # the example's argparse defaults, but epochs and log_intv
    batch_size = 256
    latent_size = 40
    K = 10
    flow = "Planar"
    epochs = 4
    dataset = "mnist"
    seed = 15
    log_intv = 4


args = Args()
torch.set_num_threads(1)
torch.manual_seed(args.seed)
device = torch.device("cpu")
img_dim = 28
record = {"Train Loss": [], "Average loss": [], "Test set loss": []}


class SimpleFlowModel(nn.Module):
    def __init__(self, flows):
        super().__init__()
        self.flows = nn.ModuleList(flows)

    def forward(self, z):
        ld = 0.0
        for flow in self.flows:
            z, ld_ = flow(z)
            ld += ld_

        return z, ld


def synthetic_images(n, generator):
    protos = torch.zeros(8, img_dim, img_dim)
    for k in range(8):  # a bar, a box or a diagonal per prototype
        if k < 3:
            protos[k, 4 + 7 * k : 8 + 7 * k, 3:25] = 1
        elif k < 6:
            protos[k, 3:25, 4 + 7 * (k - 3) : 8 + 7 * (k - 3)] = 1
        else:
            idx = torch.arange(img_dim)
            protos[k, idx, idx if k == 6 else img_dim - 1 - idx] = 1
    labels = torch.randint(0, 8, (n,), generator=generator)
    noise = (torch.rand(n, img_dim, img_dim, generator=generator) < 0.03).float()
    return ((protos[labels] + noise) % 2).unsqueeze(1), labels


def flow_vae_datasets(batch_size=args.batch_size, shuffle=True):
    g = torch.Generator().manual_seed(0)
    train = torch.utils.data.TensorDataset(*synthetic_images(2048, g))
    test = torch.utils.data.TensorDataset(*synthetic_images(512, g))
    train_loader = torch.utils.data.DataLoader(train, batch_size=batch_size, shuffle=shuffle)
    test_loader = torch.utils.data.DataLoader(test, batch_size=batch_size, shuffle=shuffle)
    return train_loader, test_loader


class FlowVAE(nn.Module):
    def __init__(self, flows):
        super().__init__()
        self.encode = nn.Sequential(
            nn.Linear(img_dim**2, 512),
            nn.ReLU(True),
            nn.Linear(512, 256),
            nn.ReLU(True),
        )
        self.f1 = nn.Linear(256, args.latent_size)
        self.f2 = nn.Linear(256, args.latent_size)
        self.decode = nn.Sequential(
            nn.Linear(args.latent_size, 256),
            nn.ReLU(True),
            nn.Linear(256, 512),
            nn.ReLU(True),
            nn.Linear(512, img_dim**2),
        )
        self.flows = flows

    def forward(self, x):
        # Encode
        mu, log_var = (
            self.f1(self.encode(x.view(x.size(0) * x.size(1), img_dim**2))),
            self.f2(self.encode(x.view(x.size(0) * x.size(1), img_dim**2))),
        )

        # Reparameterize variables
        std = torch.exp(0.5 * log_var)
        norm_scale = torch.randn_like(std)
        z_0 = mu + norm_scale * std

        # Flow transforms
        z_, log_det = self.flows(z_0)
        z_ = z_.squeeze()

        # Q0 and prior
        q0 = Normal(mu, torch.exp(0.5 * log_var))
        p = Normal(0.0, 1.0)

        # KLD including logdet term
        kld = -torch.sum(p.log_prob(z_), -1) + torch.sum(q0.log_prob(z_0), -1) - log_det.view(-1)
        self.test_params = [
            torch.mean(-torch.sum(p.log_prob(z_), -1)),
            torch.mean(torch.sum(q0.log_prob(z_0), -1)),
            torch.mean(log_det.view(-1)),
            torch.mean(kld),
        ]

        # Decode
        z_ = z_.view(z_.size(0), args.latent_size)
        zD = self.decode(z_)
        out = torch.sigmoid(zD)

        return out, kld


def bound(rce, x, kld, beta):
    return F.binary_cross_entropy(rce, x.view(-1, img_dim**2), reduction="sum") + beta * kld


flows = SimpleFlowModel([Planar((args.latent_size,)) for k in range(args.K)])
model = FlowVAE(flows).to(device)
optimizer = optim.Adam(model.parameters(), lr=0.001)
train_loader, test_loader = flow_vae_datasets()
steps_per_epoch = len(train_loader)


def train(model, epoch, beta):
    model.train()
    tr_loss = 0
    progressbar = tqdm(enumerate(train_loader), total=len(train_loader))
    for batch_n, (x, n) in progressbar:  # noqa: B007 (the example's loop)
        x = x.to(device)
        optimizer.zero_grad()
        rc_batch, kld = model(x)
        loss = bound(rc_batch, x.view(x.size(0) * x.size(1), img_dim**2), kld.sum(), beta=beta)
        avg_loss = loss / len(x)  # noqa: F841 (the example computes it and never uses it)
        loss.backward()
        tr_loss += loss.item()
        optimizer.step()
        progressbar.update()
        if batch_n % args.log_intv == 0:
            step = (epoch - 1) * steps_per_epoch + batch_n + 1
            record["Train Loss"].append([step, epoch, loss.item() / len(x)])
            print(
                f"Train Epoch: {epoch} [{batch_n * len(x)}/{len(train_loader.dataset)} ({100.0 * batch_n / len(train_loader):.0f}%)]\tLoss: {loss.item() / len(x):.6f}"
            )
            print(model.test_params)
    progressbar.close()
    record["Average loss"].append(
        [epoch * steps_per_epoch, epoch, tr_loss / len(train_loader.dataset)]
    )
    print(f"====> Epoch: {epoch} Average loss: {tr_loss / len(train_loader.dataset):.4f}")


def test(model, epoch):
    model.eval()
    test_loss = 0
    with torch.no_grad():
        for _i, (x, _) in enumerate(test_loader):
            x = x.to(device)
            rc_batch, kld = model(x)
            test_loss += bound(
                rc_batch, x.view(x.size(0) * x.size(1), img_dim**2), kld.sum(), beta=1
            ).item()

    test_loss /= len(test_loader.dataset)
    record["Test set loss"].append([epoch * steps_per_epoch, epoch, test_loss])
    print(f"====> Test set loss: {test_loss:.4f}")
    return test_loss


def anneal(epoch, len_e):
    return min(1.0, 0.01 + epoch / len_e)


test_losses = []
for e in [i + 1 for i in range(args.epochs)]:
    beta = anneal(e, args.epochs)
    train(model, e, beta)
    tl = test(model, e)
    test_losses.append(tl)

_truth.write(
    library=(
        f"normflows {metadata.version('normflows')} (torch {torch.__version__}, tqdm "
        f"{metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/normflows_vae_example.py",
    record="the values examples/vae.py's loop handed its print statements, at full precision",
    step_kind="global",
    series={name: {"points": points} for name, points in record.items()},
    extra_ok=[
        "the four tensor values print(model.test_params) shows, unnamed (batch means of "
        "-log p(z_K), log q0(z_0), the flows' log-det and the KLD)",
        "it/s or s/it of the tqdm bar (throughput)",
    ],
    not_printed=[],
    notes=(
        "Per epoch: a tqdm bar over the 8 batches on stderr ('  0%|          | 0/8 [00:00<?, "
        "?it/s]'); the loop calls progressbar.update() besides iterating it, so the count runs "
        "2, 4, … and once past the total tqdm drops it ('11it [00:00, 29.52it/s]' padded with "
        "blanks), close() then draws '100%|██████████| 8/8 [00:00<00:00, 14.81it/s]'. In the "
        "pipe stdout is block-buffered: an epoch's printed lines come out after its bar's states "
        "(stderr); under the terminal they interleave. Every 4th batch (batch_n 0 and 4) the example prints 'Train "
        "Epoch: 1 [1024/2048 (50%)]\\tLoss: 548.094727' (samples seen and percent of the epoch: "
        "counts; Loss: the batch's bound divided by the batch size, 6 decimals: truth 'Train "
        "Loss', as the MNIST-example entries name it) and print(model.test_params), a Python "
        "list of four 0-d tensors '[tensor(30.2816, grad_fn=<MeanBackward0>), tensor(-45.2…, "
        "grad_fn=<MeanBackward0>), tensor(0.0123, grad_fn=<MeanBackward0>), tensor(…, "
        "grad_fn=<MeanBackward0>)]' (no names: extra_ok). After the bar: '====> Epoch: 1 "
        "Average loss: 412.3456' (truth 'Average loss') and '====> Test set loss: 210.9876' "
        "(truth 'Test set loss'), 4 decimals. Step: the global batch count (1-based, 8 per "
        "epoch; batch_n 4 of epoch 2 is step 13), epoch-end values at the epoch's last step; "
        "epoch = the printed 1-based epoch."
    ),
)
