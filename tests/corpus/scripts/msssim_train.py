"""pytorch-msssim: the repository's two training scripts, their prints verbatim, on synthetic images (no
download), on the CPU.

    ae        tests/ae_example/train.py: a small conv autoencoder trained with an SSIM loss
              (100 * (1 - SSIM)), printing 'Train set: 48, Val set: 4', '[!] Retrain',
              'Epoch 0, Batch 0/6, loss=41.234567' every log_interval batches, then per epoch
              'Val on Kodak dataset...', 'ssim = 0.612345' (the mean SSIM over the validation images) and
              'Best model saved as best_model.pt'. The example's GDN autoencoder (C=M=128) is replaced by a
              4-layer conv autoencoder, CLIC/Kodak by synthetic 64x64 textures, --total_epochs 4,
              --log_interval 2.
    optimize  tests/tests_loss.py: optimises a random image towards a target with an MS-SSIM loss,
              printing 'Initial ssim: 0.0123...' then the bare ssim value after each step, one per line,
              until it reaches 1.0 (here also stopped after 60 steps; the synthetic target is 192x192, as
              MS-SSIM needs images larger than 160 pixels).

Truth: the values the scripts print, kept where they print them (pytorch-msssim is a metric library with
no history of its own). Step: ae: the batch index within the epoch (printed) with the 0-based epoch; the
validation ssim per epoch. optimize: the optimisation step (1-based; 0 for the initial value).

Versions: pytorch-msssim 1.0.0, torch 2.13.0+cpu, Python 3.11. Seeds fixed; ~10 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zAA-1):
    python tests/corpus/scripts/capture.py pipe real_msssim_ae_example -- python tests/corpus/scripts/msssim_train.py ae
    python tests/corpus/scripts/capture.py pipe real_msssim_optimize -- python tests/corpus/scripts/msssim_train.py optimize
"""

import os
import sys
from importlib.metadata import version

import torch
import torch.nn as nn
from pytorch_msssim import MS_SSIM, SSIM, ms_ssim, ssim
from torch import optim
from torch.utils import data

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.manual_seed(0)
series = _truth.Series()
LIB = f"pytorch-msssim {version('pytorch-msssim')} (torch {torch.__version__})"
SCRIPT = "tests/corpus/scripts/msssim_train.py"
WORK = "/tmp/corpus-zAA/msssim"
os.makedirs(WORK, exist_ok=True)


def textures(n, size, seed):
    g = torch.Generator().manual_seed(seed)
    yy, xx = torch.meshgrid(torch.linspace(0, 1, size), torch.linspace(0, 1, size), indexing="ij")
    out = []
    for _ in range(n):
        f = 2 + 6 * torch.rand(3, generator=g)
        ph = 6.28 * torch.rand(3, generator=g)
        img = torch.stack(
            [
                0.5
                + 0.25 * torch.sin(f[c] * 6.28 * xx + ph[c]) * torch.cos(f[(c + 1) % 3] * 3.14 * yy)
                for c in range(3)
            ]
        )
        out.append((img + 0.05 * torch.randn(img.shape, generator=g)).clamp(0, 1))
    return torch.stack(out)


class MS_SSIM_Loss(MS_SSIM):
    def forward(self, img1, img2):
        return 100 * (1 - super(MS_SSIM_Loss, self).forward(img1, img2))  # noqa: UP008 (verbatim)


class SSIM_Loss(SSIM):
    def forward(self, img1, img2):
        return 100 * (1 - super(SSIM_Loss, self).forward(img1, img2))  # noqa: UP008 (verbatim)


class AutoEncoder(nn.Module):
    def __init__(self, C=32, in_chan=3, out_chan=3):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(in_chan, C, 5, 2, 2), nn.ReLU(), nn.Conv2d(C, C, 5, 2, 2), nn.ReLU()
        )
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(C, C, 5, 2, 2, output_padding=1),
            nn.ReLU(),
            nn.ConvTranspose2d(C, out_chan, 5, 2, 2, output_padding=1),
            nn.Sigmoid(),
        )

    def forward(self, x):
        return self.decoder(self.encoder(x))


def ae_main():
    class opts:
        loss_type = "ssim"
        batch_size = 8
        log_interval = 2
        total_epochs = 4

    train_loader = data.DataLoader(
        data.ConcatDataset([textures(40, 64, 1), textures(8, 64, 2)]),
        batch_size=opts.batch_size,
        shuffle=True,
        drop_last=True,
    )
    val_loader = data.DataLoader(textures(4, 64, 3), batch_size=1, shuffle=False)
    device = torch.device("cpu")

    print("Train set: %d, Val set: %d" % (len(train_loader.dataset), len(val_loader.dataset)))  # noqa: UP031
    model = AutoEncoder(C=32, in_chan=3, out_chan=3).to(device)

    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)

    best_score = 0.0
    cur_epoch = 0
    print("[!] Retrain")

    if opts.loss_type == "ssim":
        criterion = SSIM_Loss(data_range=1.0, size_average=True, channel=3)
    else:
        criterion = MS_SSIM_Loss(data_range=1.0, size_average=True, channel=3)

    for cur_epoch in range(opts.total_epochs):
        model.train()
        for cur_step, images in enumerate(train_loader):
            images = images.to(device, dtype=torch.float32)
            optimizer.zero_grad()
            outputs = model(images)

            loss = criterion(outputs, images)
            loss.backward()

            optimizer.step()

            if (cur_step) % opts.log_interval == 0:
                print(
                    "Epoch %d, Batch %d/%d, loss=%.6f"  # noqa: UP031
                    % (cur_epoch, cur_step, len(train_loader), loss.item())
                )
                series.add("loss", cur_step, cur_epoch, loss.item())

        torch.save(model.state_dict(), f"{WORK}/latest_model.pt")

        print("Val on Kodak dataset...")
        best_score = 0.0
        cur_score = evaluate(opts, model, val_loader, criterion, device)
        print("%s = %.6f" % (opts.loss_type, cur_score))  # noqa: UP031
        series.add(opts.loss_type, None, cur_epoch, float(cur_score))
        if cur_score > best_score:
            best_score = cur_score
            torch.save(model.state_dict(), f"{WORK}/best_model.pt")
            print("Best model saved as best_model.pt")

    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the loss.item() and validation score the example prints, kept where it prints them",
        step_kind="epoch",
        series=series,
        notes="pytorch-msssim's tests/ae_example/train.py loop and prints verbatim: 'Train set: 48, Val "
        "set: 4' (dataset sizes), '[!] Retrain', then per epoch 'Epoch 0, Batch 0/6, loss=41.234567' for "
        "batches 0, 2, 4 (the loss is 100*(1-SSIM) of the batch; 'Batch 2/6' is the position in the "
        "epoch), 'Val on Kodak dataset...' (the example's wording; the images are synthetic), 'ssim = "
        "0.612345' (the validation SSIM averaged over the 4 images: a metric named by the loss type) and "
        "'Best model saved as best_model.pt' (the example resets best_score every epoch, so it prints "
        "every epoch). Truth: loss points carry (batch index, epoch); ssim points (null, epoch).",
    )


def evaluate(opts, model, val_loader, criterion, device):
    model.eval()
    cur_score = 0.0

    metric = ssim if opts.loss_type == "ssim" else ms_ssim

    with torch.no_grad():
        for i, images in enumerate(val_loader):  # noqa: B007 (verbatim)
            images = images.to(device, dtype=torch.float32)
            outputs = model(images)
            cur_score += metric(outputs, images, data_range=1.0)
        cur_score /= len(val_loader.dataset)
    return cur_score


def optimize_main():
    img1 = textures(1, 192, 5)[:, :1]  # one grey 192x192 image
    img2 = torch.rand(img1.size())
    img2.requires_grad_(True)

    ssim_value = ssim(img1, img2).item()
    print("Initial ssim:", ssim_value)
    series.add("Initial ssim", 0, None, ssim_value)

    ssim_loss = MS_SSIM(win_size=11, win_sigma=1.5, data_range=1, size_average=True, channel=1)

    optimizer = optim.Adam([img2], lr=0.01)

    step = 0
    while ssim_value < 1.0 and step < 60:
        optimizer.zero_grad()
        ssim_out = 1 - ssim_loss(img1, img2)
        ssim_out.backward()
        optimizer.step()

        ssim_value = ssim(img1, img2).item()
        print(ssim_value)
        step += 1
        series.add("value", step, None, ssim_value)

    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the ssim values tests_loss.py prints, kept where it prints them",
        step_kind="global",
        series=series,
        notes="pytorch-msssim's tests/tests_loss.py verbatim but for the 60-step cap and a synthetic "
        "192x192 target: 'Initial ssim: 0.0123...' (SSIM of the random start, full float repr), then "
        "after each Adam step the SSIM alone on its line, e.g. '0.0456789...' (a bare number, no name "
        "printed: truth 'value'; it is the SSIM between the target and the optimised image, while the "
        "loss minimised is 1 - MS-SSIM).",
    )


if __name__ == "__main__":
    {"ae": ae_main, "optimize": optimize_main}[sys.argv[1]]()
