"""MONAI generative: the 2D DDPM tutorial's loop (Project-MONAI/tutorials
generation/2d_ddpm/2d_ddpm_tutorial.py), its prints and tqdm bars verbatim, on synthetic images.

print_config(), then per epoch a tqdm bar `tqdm(enumerate(train_loader), total=len(train_loader),
ncols=70)` with set_description(f"Epoch {epoch}") and set_postfix({"loss": epoch_loss / (step + 1)})
every step (the running mean of the epoch's losses), e.g.

    Epoch 3: 100%|██████████████| 4/4 [00:00<00:00,  9.46it/s, loss=0.626]

every 5 epochs a validation pass whose set_postfix({"val_loss": ...}) goes to the epoch's bar after
the loop closed it (tqdm draws nothing: the tutorial's validation loss never reaches the screen) and
a sample drawn with DiffusionInferer.sample (its own tqdm bar over the scheduler's timesteps,
`100%|██████████| 1000/1000 [00:03<00:00, 291.38it/s]`), then `train completed, total time: 12.3.`
and a final sample with intermediates (another timestep bar). The tutorial's matplotlib figures are
left out (not installed); nothing else changed but sizes (16x16 images, a small
DiffusionModelUNet, 10 epochs).

Truth: the running losses behind the bar states tqdm actually drew (tqdm.display wrapped; the
loop's own epoch_loss / (step + 1), at full precision), one point per loop step whose value was
drawn with a text differing from the bar's previous state (a value printed exactly as the one
before, e.g. loss=0.966 twice, cannot be told from a redraw: kept once, the first); step = the loop's global step, epoch = the tutorial's 0-based `epoch` (as printed in
'Epoch 3'). The tutorial's epoch_loss_list holds each epoch's last value (the bar's final state).
Piped and pty captures: einops added to the venv (DiffusionModelUNet's attention needs it).

Versions: monai 1.6.1, tqdm 4.70.1, torch 2.13.0+cpu, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zj-1, see monai_tutorials.py):
    python tests/corpus/scripts/capture.py pipe real_monai_ddpm_tutorial -- python tests/corpus/scripts/monai_ddpm.py
    python tests/corpus/scripts/capture.py pty real_monai_ddpm_tutorial_pty -- python tests/corpus/scripts/monai_ddpm.py
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
import tqdm as tqdm_module
import tqdm.std as tqdm_std
from monai import transforms
from monai.apps import MedNISTDataset  # noqa: F401  (imported by the tutorial; not used here)
from monai.config import print_config
from monai.data import CacheDataset, DataLoader
from monai.inferers import DiffusionInferer
from monai.networks.nets import DiffusionModelUNet
from monai.networks.schedulers import DDPMScheduler
from monai.utils import first, set_determinism
from torch.amp import GradScaler, autocast
from tqdm import tqdm

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.set_num_threads(1)
series = _truth.Series()

# --- the record: which running loss each drawn bar state shows
CURRENT = {"gstep": None, "epoch": None, "loss": None}
DRAWN = []  # (gstep, epoch, value) in draw order, one per loop step
SHOWN = []  # (description, postfix text) of each DRAWN point
_display = tqdm_std.tqdm.display


def display(self, *args, **kwargs):
    if self.postfix and CURRENT["gstep"] is not None:
        # a new loop step whose drawn text differs from the last drawn state (a value that
        # prints exactly as the previous one cannot be told from a redraw: one point)
        shown = (self.desc, self.postfix)
        if not DRAWN or (DRAWN[-1][0] != CURRENT["gstep"] and SHOWN[-1] != shown):
            DRAWN.append((CURRENT["gstep"], CURRENT["epoch"], CURRENT["loss"]))
            SHOWN.append(shown)
    return _display(self, *args, **kwargs)


tqdm_std.tqdm.display = display

print_config()

set_determinism(42)

# MedNIST "Hand" images stand-in: 40 smooth random 16x16 images in [0, 1]
rng = np.random.default_rng(0)
raw = rng.random((40, 1, 20, 20)).astype(np.float32)
kernel = torch.ones(1, 1, 5, 5) / 25
imgs = F.conv2d(torch.from_numpy(raw), kernel).numpy()  # 16x16
train_datalist = [{"image": im} for im in imgs[:32]]
val_datalist = [{"image": im} for im in imgs[32:]]

train_transforms = transforms.Compose(
    [
        transforms.ScaleIntensityRanged(keys=["image"], a_min=0.0, a_max=1.0, b_min=0.0, b_max=1.0),
        transforms.RandAffined(
            keys=["image"],
            rotate_range=[(-np.pi / 36, np.pi / 36), (-np.pi / 36, np.pi / 36)],
            translate_range=[(-1, 1), (-1, 1)],
            scale_range=[(-0.05, 0.05), (-0.05, 0.05)],
            spatial_size=[16, 16],
            padding_mode="zeros",
            prob=0.5,
        ),
    ]
)
train_ds = CacheDataset(data=train_datalist, transform=train_transforms, progress=False)
train_loader = DataLoader(
    train_ds, batch_size=8, shuffle=True, num_workers=0, persistent_workers=False
)
val_transforms = transforms.Compose(
    [transforms.ScaleIntensityRanged(keys=["image"], a_min=0.0, a_max=1.0, b_min=0.0, b_max=1.0)]
)
val_ds = CacheDataset(data=val_datalist, transform=val_transforms, progress=False)
val_loader = DataLoader(
    val_ds, batch_size=8, shuffle=False, num_workers=0, persistent_workers=False
)

check_data = first(train_loader)
print(f"batch shape: {check_data['image'].shape}")

device = torch.device("cpu")
model = DiffusionModelUNet(
    spatial_dims=2,
    in_channels=1,
    out_channels=1,
    channels=(16, 32, 32),
    attention_levels=(False, False, True),
    num_res_blocks=1,
    num_head_channels=32,
    norm_num_groups=8,
)
model.to(device)

scheduler = DDPMScheduler(num_train_timesteps=1000)
optimizer = torch.optim.Adam(params=model.parameters(), lr=2.5e-4)
inferer = DiffusionInferer(scheduler)

n_epochs = 10
val_interval = 5
epoch_loss_list = []
val_epoch_loss_list = []

scaler = GradScaler("cpu", enabled=False)  # the tutorial's AMP, off on a CPU
total_start = time.time()
gstep = 0
for epoch in range(n_epochs):
    model.train()
    epoch_loss = 0
    progress_bar = tqdm(enumerate(train_loader), total=len(train_loader), ncols=70)
    progress_bar.set_description(f"Epoch {epoch}")
    for step, batch in progress_bar:
        images = batch["image"].to(device)
        optimizer.zero_grad(set_to_none=True)

        with autocast("cpu", enabled=False):
            # Generate random noise
            noise = torch.randn_like(images).to(device)

            # Create timesteps
            timesteps = torch.randint(
                0, inferer.scheduler.num_train_timesteps, (images.shape[0],), device=images.device
            ).long()

            # Get model prediction
            noise_pred = inferer(
                inputs=images, diffusion_model=model, noise=noise, timesteps=timesteps
            )

            loss = F.mse_loss(noise_pred.float(), noise.float())

        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()

        epoch_loss += loss.item()

        gstep += 1
        CURRENT.update(gstep=gstep, epoch=epoch, loss=epoch_loss / (step + 1))
        progress_bar.set_postfix({"loss": epoch_loss / (step + 1)})
    epoch_loss_list.append(epoch_loss / (step + 1))

    if (epoch + 1) % val_interval == 0:
        model.eval()
        val_epoch_loss = 0
        for step, batch in enumerate(val_loader):
            images = batch["image"].to(device)
            with torch.no_grad():
                with autocast("cpu", enabled=False):
                    noise = torch.randn_like(images).to(device)
                    timesteps = torch.randint(
                        0,
                        inferer.scheduler.num_train_timesteps,
                        (images.shape[0],),
                        device=images.device,
                    ).long()
                    noise_pred = inferer(
                        inputs=images, diffusion_model=model, noise=noise, timesteps=timesteps
                    )
                    val_loss = F.mse_loss(noise_pred.float(), noise.float())

            val_epoch_loss += val_loss.item()
            progress_bar.set_postfix({"val_loss": val_epoch_loss / (step + 1)})
        val_epoch_loss_list.append(val_epoch_loss / (step + 1))

        # Sampling image during training
        CURRENT["gstep"] = None
        noise = torch.randn((1, 1, 16, 16))
        noise = noise.to(device)
        scheduler.set_timesteps(num_inference_steps=1000)
        with autocast("cpu", enabled=False):
            image = inferer.sample(input_noise=noise, diffusion_model=model, scheduler=scheduler)
        # (the tutorial shows `image` with matplotlib here)

total_time = time.time() - total_start
print(f"train completed, total time: {total_time}.")

model.eval()
noise = torch.randn((1, 1, 16, 16))
noise = noise.to(device)
scheduler.set_timesteps(num_inference_steps=1000)
with autocast("cpu", enabled=False):
    image, intermediates = inferer.sample(
        input_noise=noise,
        diffusion_model=model,
        scheduler=scheduler,
        save_intermediates=True,
        intermediate_steps=100,
    )

for gs, ep, value in DRAWN:
    series.add("loss", gs, ep, value)

import monai  # noqa: E402

_truth.write(
    library=f"monai {monai.__version__}, tqdm {tqdm_module.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/monai_ddpm.py",
    record="the loop's running mean loss (epoch_loss / (step + 1), what set_postfix got) at the bar "
    "states tqdm drew (tqdm.display wrapped); each epoch's last one is the tutorial's epoch_loss_list",
    step_kind="global",
    series=series,
    extra_ok=["the bars' rate (it/s)"],
    not_printed=["val_epoch_loss_list (set_postfix on the closed bar: never drawn)"],
    notes="MONAI's 2D DDPM tutorial: print_config()'s version block, 'batch shape: torch.Size([8, "
    "1, 16, 16])', then one tqdm bar per epoch, ncols=70, description 'Epoch 0' (the 0-based loop "
    "epoch, as in the truth), postfix 'loss=0.912' (tqdm's 3 significant digits of the epoch's "
    "running mean loss): 'Epoch 0: 100%|████████| 4/4 [00:00<00:00,  5.1it/s, loss=0.97]'. The "
    "postfix is set before the bar's counter moves, so a state drawn at n/4 shows the running mean "
    "after n or n+1 steps; the truth's step is the loop's global step of the value shown (4 "
    "steps per epoch). A state whose text repeats the bar's previous one is a redraw (one point, "
    "even when a later step's value rounds to the same 3 digits). After epochs 4 and 9 (0-based) DiffusionInferer.sample draws a bar with no "
    "description over 1000 timesteps ('100%|██████████| 1000/1000 [00:03<00:00, 291.38it/s]': "
    "counts and a rate, no metric); the validation loss is set on the closed epoch bar, so tqdm "
    "never draws it. 'train completed, total time: 12.345.' (seconds: a duration, not a metric), "
    "then a last sampling bar. Piped, tqdm writes '\\r' redraws to stderr and ends each bar with "
    "'\\n'; stdout (print_config, batch shape, train completed) is block-buffered and comes out "
    "at exit, after all bars.",
)
