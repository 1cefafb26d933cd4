"""vector-quantize-pytorch (lucidrains): the repository's examples/ autoencoder loops, verbatim, on 1024
synthetic 28x28 "FashionMNIST-like" images (random rectangles and blobs, normalised to [-1, 1]; FashionMNIST
is not downloaded), from scratch on the CPU.

    vq   the hand loop of the pre-Lightning examples/autoencoder.py (also autoencoder_sim_vq.py's): a conv
         autoencoder around VectorQuantize; a tqdm trange whose description is set every iteration to
         'rec loss: 0.123 | cmt loss: 0.004 | active %: 12.500'.
    lfq  examples/autoencoder_lfq.py: the same around LFQ (lookup-free quantization); description
         'rec loss: 0.123 | entropy aux loss: 0.045 | active %: 23.438'; 'baseline' printed first.

Truth: the values each set_description draws (tqdm's set_description refreshes at once, so every
iteration's description is drawn), taken in the loop from the tensors formatted there, at the loop's
iteration (0-based). The library keeps no history.

Versions: vector-quantize-pytorch 1.32.0, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed; ~10 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zAA-1):
    python tests/corpus/scripts/capture.py pipe real_vq_autoencoder -- python tests/corpus/scripts/vq_autoencoder.py vq
    python tests/corpus/scripts/capture.py pty real_vq_autoencoder_pty -- python tests/corpus/scripts/vq_autoencoder.py vq
    python tests/corpus/scripts/capture.py pipe real_vq_lfq_autoencoder -- python tests/corpus/scripts/vq_autoencoder.py lfq
    python tests/corpus/scripts/capture.py pty real_vq_lfq_autoencoder_pty -- python tests/corpus/scripts/vq_autoencoder.py lfq
"""

import os
import sys
from importlib.metadata import version
from math import log2

import torch
import torch.nn as nn
import torch.nn.functional as F
import tqdm as tqdm_module
from torch.utils.data import DataLoader, TensorDataset
from tqdm.auto import trange
from vector_quantize_pytorch import LFQ, VectorQuantize

sys.path.insert(0, os.path.dirname(__file__))

import _truth

lr = 3e-4
train_iter = 80
num_codes = 256
codebook_size = 2**8
entropy_loss_weight = 0.02
diversity_gamma = 1.0
seed = 1234
device = "cpu"
series = _truth.Series()


def synthetic_fashion(n=1024):
    g = torch.Generator().manual_seed(0)
    yy, xx = torch.meshgrid(torch.arange(28.0), torch.arange(28.0), indexing="ij")
    imgs = torch.zeros(n, 1, 28, 28)
    for k in range(n):
        x0, y0 = torch.randint(2, 12, (2,), generator=g).tolist()
        w, h = torch.randint(8, 16, (2,), generator=g).tolist()
        imgs[k, 0, y0 : y0 + h, x0 : x0 + w] = 0.5 + 0.5 * torch.rand(1, generator=g)
        cx, cy = torch.randint(6, 22, (2,), generator=g).tolist()
        imgs[k, 0] += torch.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / 12.0) * 0.5
    imgs = imgs.clamp(0, 1)
    labels = torch.randint(0, 10, (n,), generator=g)
    return TensorDataset((imgs - 0.5) / 0.5, labels)  # Normalize((0.5,), (0.5,))


train_dataset = DataLoader(synthetic_fashion(), batch_size=64, shuffle=True)


class SimpleVQAutoEncoder(nn.Module):
    def __init__(self, **vq_kwargs):
        super().__init__()
        self.layers = nn.ModuleList(
            [
                nn.Conv2d(1, 16, kernel_size=3, stride=1, padding=1),
                nn.MaxPool2d(kernel_size=2, stride=2),
                nn.GELU(),
                nn.Conv2d(16, 32, kernel_size=3, stride=1, padding=1),
                nn.MaxPool2d(kernel_size=2, stride=2),
                VectorQuantize(dim=32, accept_image_fmap=True, **vq_kwargs),
                nn.Upsample(scale_factor=2, mode="nearest"),
                nn.Conv2d(32, 16, kernel_size=3, stride=1, padding=1),
                nn.GELU(),
                nn.Upsample(scale_factor=2, mode="nearest"),
                nn.Conv2d(16, 1, kernel_size=3, stride=1, padding=1),
            ]
        )
        return

    def forward(self, x):
        for layer in self.layers:
            if isinstance(layer, VectorQuantize):
                x, indices, commit_loss = layer(x)
            else:
                x = layer(x)

        return x.clamp(-1, 1), indices, commit_loss


def train_vq(model, train_loader, train_iterations=1000, alpha=10):
    def iterate_dataset(data_loader):
        data_iter = iter(data_loader)
        while True:
            try:
                x, y = next(data_iter)
            except StopIteration:
                data_iter = iter(data_loader)
                x, y = next(data_iter)
            yield x.to(device), y.to(device)

    for i in (pbar := trange(train_iterations)):
        opt.zero_grad()
        x, _ = next(iterate_dataset(train_loader))
        out, indices, cmt_loss = model(x)
        rec_loss = (out - x).abs().mean()
        (rec_loss + alpha * cmt_loss).backward()

        opt.step()
        pbar.set_description(
            f"rec loss: {rec_loss.item():.3f} | "
            + f"cmt loss: {cmt_loss.item():.3f} | "
            + f"active %: {indices.unique().numel() / num_codes * 100:.3f}"
        )
        series.add("rec loss", i, None, rec_loss.item())
        series.add("cmt loss", i, None, cmt_loss.item())
        series.add("active %", i, None, indices.unique().numel() / num_codes * 100)
    return


class LFQAutoEncoder(nn.Module):
    def __init__(self, codebook_size, **vq_kwargs):
        super().__init__()
        assert log2(codebook_size).is_integer()
        quantize_dim = int(log2(codebook_size))

        self.encode = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=3, stride=1, padding=1),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.GELU(),
            nn.Conv2d(16, 32, kernel_size=3, stride=1, padding=1),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.GroupNorm(4, 32, affine=False),
            nn.Conv2d(32, quantize_dim, kernel_size=1),
        )

        self.quantize = LFQ(dim=quantize_dim, **vq_kwargs)

        self.decode = nn.Sequential(
            nn.Conv2d(quantize_dim, 32, kernel_size=3, stride=1, padding=1),
            nn.Upsample(scale_factor=2, mode="nearest"),
            nn.Conv2d(32, 16, kernel_size=3, stride=1, padding=1),
            nn.GELU(),
            nn.Upsample(scale_factor=2, mode="nearest"),
            nn.Conv2d(16, 1, kernel_size=3, stride=1, padding=1),
        )
        return

    def forward(self, x):
        x = self.encode(x)
        x, indices, entropy_aux_loss = self.quantize(x)
        x = self.decode(x)
        return x.clamp(-1, 1), indices, entropy_aux_loss


def train_lfq(model, train_loader, train_iterations=1000):
    def iterate_dataset(data_loader):
        data_iter = iter(data_loader)
        while True:
            try:
                x, y = next(data_iter)
            except StopIteration:
                data_iter = iter(data_loader)
                x, y = next(data_iter)
            yield x.to(device), y.to(device)

    for i in (pbar := trange(train_iterations)):
        opt.zero_grad()
        x, _ = next(iterate_dataset(train_loader))
        out, indices, entropy_aux_loss = model(x)

        rec_loss = F.l1_loss(out, x)
        (rec_loss + entropy_aux_loss).backward()

        opt.step()
        pbar.set_description(
            f"rec loss: {rec_loss.item():.3f} | "
            + f"entropy aux loss: {entropy_aux_loss.item():.3f} | "
            + f"active %: {indices.unique().numel() / codebook_size * 100:.3f}"
        )
        series.add("rec loss", i, None, rec_loss.item())
        series.add("entropy aux loss", i, None, entropy_aux_loss.item())
        series.add("active %", i, None, indices.unique().numel() / codebook_size * 100)
    return


variant = sys.argv[1]
if variant == "vq":
    torch.random.manual_seed(seed)
    model = SimpleVQAutoEncoder(codebook_size=num_codes).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    train_vq(model, train_dataset, train_iterations=train_iter)
    names = "'rec loss', 'cmt loss' (VectorQuantize's commitment loss)"
else:
    print("baseline")
    torch.random.manual_seed(seed)
    model = LFQAutoEncoder(
        codebook_size=codebook_size,
        entropy_loss_weight=entropy_loss_weight,
        diversity_gamma=diversity_gamma,
    ).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    train_lfq(model, train_dataset, train_iterations=train_iter)
    names = "'rec loss', 'entropy aux loss' (LFQ's entropy auxiliary loss)"

_truth.write(
    library=f"vector-quantize-pytorch {version('vector-quantize-pytorch')} (torch {torch.__version__}, "
    f"tqdm {tqdm_module.__version__})",
    script="tests/corpus/scripts/vq_autoencoder.py",
    record="the values each pbar.set_description of the example's loop draws, kept in the loop at "
    "full precision with the 0-based iteration (the library keeps no history)",
    step_kind="global",
    series=series,
    notes=f"One tqdm trange(80) on stderr whose description, set every iteration, is {names} and "
    "'active %' (the share of the codebook used by the batch, x100: a metric of the quantizer, not a "
    "progress percentage), each with 3 decimals, e.g. 'rec loss: 0.412 | cmt loss: 0.003 | active %: "
    "10.938:  45%|####5     | 36/80 [00:01<00:01, 25.10it/s]'. The bar's own percentage, count and "
    "rate follow the description and are not metrics. set_description refreshes at once, so every "
    "iteration's description is drawn (\\r-separated redraws on one line), but the count beside it is "
    "the one tqdm's iterator last synced (it syncs n only at its throttled redraws, mininterval 0.1 s): "
    "piped (slow iterations) each description appears beside count i and again beside i+1; under the "
    "pty (faster) two or three consecutive iterations' descriptions can sit beside the same stale count "
    "('rec loss: 0.805 ... 10/80' then 'rec loss: 0.806 ... 10/80' are iterations 10 and 11). Truth "
    "steps are the loop's 0-based iteration. Values under 0.01 printed with 3 decimals ('cmt loss: "
    "0.003') differ from the recorded value by more than 3%.",
)
