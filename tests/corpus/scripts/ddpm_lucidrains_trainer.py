"""lucidrains' denoising-diffusion-pytorch: its own Trainer on a folder of 100 synthetic 16x16 PNGs
(the README's "Trainer" usage, scaled down): a tiny Unet(dim=8, dim_mults=(1, 2)), GaussianDiffusion
with 20 timesteps, 30 training steps, sampling 4 images every 15 steps (the library's 'sampling loop
time step' bar), no FID (calculate_fid=False: FID needs the Inception weights from the net).

What it prints: one tqdm bar over all steps whose description is 'loss: 0.1234' (set_description
redraws it every step), two sampling bars of 20 timesteps, 'training complete'.

Truth: the loss the Trainer puts into the bar each step (GaussianDiffusion.forward's return value,
wrapped to note it at full precision; with gradient_accumulate_every=1 the bar's total_loss is that
value), at the Trainer's step counter when it is drawn (trainer.step, 0 for the first batch, the bar's
count). A tqdm display hook notes which steps' descriptions were actually drawn.

Versions: denoising-diffusion-pytorch 2.3.4, accelerate 1.16.0, ema-pytorch 0.8.3, torch 2.14.1
(+torchvision 0.29.1), tqdm 4.70.1, Python 3.11. Seeds fixed; ~50 s of CPU (about 80 s on a busy 2-core machine).
Capture (repository root, venv /work/venvs/corpus-zC-1):
    python tests/corpus/scripts/capture.py pipe real_ddpm_lucidrains_trainer -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/ddpm_lucidrains_trainer.py
    python tests/corpus/scripts/capture.py pty real_ddpm_lucidrains_trainer_pty -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/ddpm_lucidrains_trainer.py
"""

import os
import random
import sys
import tempfile

import denoising_diffusion_pytorch as ddp
import numpy as np
import torch
import tqdm
from denoising_diffusion_pytorch import GaussianDiffusion, Trainer, Unet
from denoising_diffusion_pytorch.version import __version__ as ddp_version
from PIL import Image

sys.path.insert(0, os.path.dirname(__file__))

import _truth

random.seed(0)
np.random.seed(0)
torch.manual_seed(0)

work = tempfile.mkdtemp(
    prefix="ddpm_", dir="/tmp/corpus-zC" if os.path.isdir("/tmp/corpus-zC") else None
)
folder = os.path.join(work, "images")
os.makedirs(folder)
rng = np.random.default_rng(0)
for i in range(100):
    # blobs on a gradient: a little structure for the model to learn
    yy, xx = np.mgrid[0:16, 0:16]
    cx, cy = rng.integers(3, 13, size=2)
    blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / 8.0)
    img = np.stack([blob, xx / 15.0, 1 - blob], -1) * 255
    Image.fromarray(img.astype(np.uint8)).save(os.path.join(folder, f"{i:03d}.png"))

# the loss each forward returns (the bar shows it as 'loss: {total_loss:.4f}')
losses = []
_forward = GaussianDiffusion.forward


def forward(self, img, *args, **kwargs):
    loss = _forward(self, img, *args, **kwargs)
    if self.training:
        losses.append(loss.item())
    return loss


GaussianDiffusion.forward = forward

# which losses the training bar drew (its description starts with 'loss: '), at which count
drawn = {}
_display = tqdm.std.tqdm.display


def display(self, *a, **k):
    # each loss once, at the count it is first drawn beside (later redraws repeat it)
    if self.desc.startswith("loss: ") and losses and len(losses) - 1 not in drawn:
        drawn[len(losses) - 1] = (self.n, losses[-1])
    return _display(self, *a, **k)


tqdm.std.tqdm.display = display

model = Unet(dim=8, dim_mults=(1, 2), flash_attn=False)
diffusion = GaussianDiffusion(model, image_size=16, timesteps=20)
trainer = Trainer(
    diffusion,
    folder,
    train_batch_size=16,
    train_lr=8e-5,
    train_num_steps=30,
    gradient_accumulate_every=1,
    ema_decay=0.995,
    save_and_sample_every=15,
    num_samples=4,
    results_folder=os.path.join(work, "results"),
    amp=False,
    calculate_fid=False,
)
trainer.train()

series = _truth.Series()
for i in sorted(drawn):
    series.add("loss", drawn[i][0], None, drawn[i][1])

_truth.write(
    library=f"denoising-diffusion-pytorch {ddp_version} (torch {torch.__version__}, tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/ddpm_lucidrains_trainer.py",
    record="GaussianDiffusion.forward's returned loss each training step (the bar's total_loss), "
    "at the bar states drawn (a tqdm display hook)",
    step_kind="global",
    series=series,
    extra_ok=["the bars' it/s throughput"],
    not_printed=["the EMA model, sample images (saved as PNGs, never printed)"],
    notes="Trainer.train() draws one tqdm bar 'loss: 0.1234:  25%|██▌       | 10/30 [00:02<00:04,  4.61it/s]' "
    "whose description is set (and redrawn) every step before the step is counted: the loss shown beside "
    "count n is the loss of the batch that makes step n+1, and the step here is the Trainer's own counter "
    "when drawn (trainer.step == n). At steps 15 and 30 it samples 4 images through a second bar "
    "'sampling loop time step: 100%|██████████| 20/20' (no metric: 20 is the number of diffusion "
    "timesteps). Last line 'training complete'. "
    f"{ddp.__name__} writes sample-1.png / model-1.pt to a scratch folder; nothing else is printed. "
    "Number of images (100), image size, timesteps, batch size and the bar counts are not metrics.",
)
