"""Hand-written vision / self-supervised / NLP loops printing like widely copied example scripts.

Each style re-creates one public example's print statements (format strings written from the
originals, nothing downloaded) around a tiny real model trained on synthetic tensors, so the
printed numbers are real training numbers. The script keeps every value it printed, at full
precision, as its own record (the ground truth): for the AverageMeter styles the meter's current
value (val) of each printed meter, its running average (avg) where the loop prints it as a metric
of its own (the ImageNet example's ' *   Acc@1 …' summary).
Versions: torch 2.13.0+cpu, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zt-1:
`pip install torch==2.13.0 numpy`).
Capture (repository root), one entry per style:
    python tests/corpus/scripts/capture.py pipe real_hand_imagenet_example -- python tests/corpus/scripts/hand_vision_examples.py imagenet
    python tests/corpus/scripts/capture.py pipe real_hand_simsiam_example -- python tests/corpus/scripts/hand_vision_examples.py simsiam
    python tests/corpus/scripts/capture.py pipe real_hand_vae_example -- python tests/corpus/scripts/hand_vision_examples.py vae
    python tests/corpus/scripts/capture.py pipe real_hand_super_resolution_example -- python tests/corpus/scripts/hand_vision_examples.py superres
    python tests/corpus/scripts/capture.py pipe real_hand_fast_neural_style_example -- python tests/corpus/scripts/hand_vision_examples.py neuralstyle
    python tests/corpus/scripts/capture.py pipe real_hand_text_classification_tutorial -- python tests/corpus/scripts/hand_vision_examples.py textcls
    python tests/corpus/scripts/capture.py pipe real_hand_cs231n_solver -- python tests/corpus/scripts/hand_vision_examples.py cs231n
    python tests/corpus/scripts/capture.py pipe real_hand_time_sequence_prediction -- python tests/corpus/scripts/hand_vision_examples.py timeseq
    python tests/corpus/scripts/capture.py pipe real_hand_mae_finetune -- python tests/corpus/scripts/hand_vision_examples.py mae
None of these scripts draws a bar, so a terminal capture would only change '\\n' to '\\r\\n'.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import shutil
import sys
import time
from collections import defaultdict, deque
from enum import Enum

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record

style = sys.argv[1]
rec = Record()
torch.manual_seed(0)
torch.set_num_threads(1)
G = torch.Generator().manual_seed(0)
SCRATCH = "/tmp/corpus-zt/hand_vision_examples"
shutil.rmtree(SCRATCH, ignore_errors=True)
os.makedirs(SCRATCH, exist_ok=True)

NOTES: dict[str, str] = {}
EXTRA: dict[str, list[str]] = {}
KIND: dict[str, str] = {}


def images(n: int, classes: int, size: int, seed: int):
    """Synthetic class-dependent images: a per-class template plus noise."""
    g = torch.Generator().manual_seed(seed)
    templates = torch.randn(classes, 3, size, size, generator=g)
    y = torch.randint(0, classes, (n,), generator=g)
    x = templates[y] + 2.0 * torch.randn(n, 3, size, size, generator=g)
    return x, y


class SmallCNN(nn.Module):
    def __init__(self, classes: int = 10, out: int | None = None):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1),
            nn.BatchNorm2d(8),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1),
            nn.BatchNorm2d(16),
            nn.ReLU(inplace=True),
            nn.AdaptiveAvgPool2d(1),
        )
        self.fc = nn.Linear(16, out or classes)

    def forward(self, x):
        return self.fc(torch.flatten(self.features(x), 1))


# ------------------------------------------ pytorch/examples imagenet/main.py's meters (verbatim)
class Summary(Enum):
    NONE = 0
    AVERAGE = 1
    SUM = 2
    COUNT = 3


class AverageMeter:
    """Computes and stores the average and current value"""

    def __init__(self, name, fmt=":f", summary_type=Summary.AVERAGE):
        self.name = name
        self.fmt = fmt
        self.summary_type = summary_type
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count

    def __str__(self):
        fmtstr = "{name} {val" + self.fmt + "} ({avg" + self.fmt + "})"
        return fmtstr.format(**self.__dict__)

    def summary(self):
        fmtstr = ""
        if self.summary_type is Summary.NONE:
            fmtstr = ""
        elif self.summary_type is Summary.AVERAGE:
            fmtstr = "{name} {avg:.3f}"
        elif self.summary_type is Summary.SUM:
            fmtstr = "{name} {sum:.3f}"
        elif self.summary_type is Summary.COUNT:
            fmtstr = "{name} {count:.3f}"
        return fmtstr.format(**self.__dict__)


class ProgressMeter:
    def __init__(self, num_batches, meters, prefix=""):
        self.batch_fmtstr = self._get_batch_fmtstr(num_batches)
        self.meters = meters
        self.prefix = prefix

    def display(self, batch):
        entries = [self.prefix + self.batch_fmtstr.format(batch)]
        entries += [str(meter) for meter in self.meters]
        print("\t".join(entries))

    def display_summary(self):
        entries = [" *"]
        entries += [meter.summary() for meter in self.meters]
        print(" ".join(entries))

    def _get_batch_fmtstr(self, num_batches):
        num_digits = len(str(num_batches // 1))
        fmt = "{:" + str(num_digits) + "d}"
        return "[" + fmt + "/" + fmt.format(num_batches) + "]"


def accuracy(output, target, topk=(1,)):
    """Computes the accuracy over the k top predictions for the specified values of k"""
    with torch.no_grad():
        maxk = max(topk)
        batch_size = target.size(0)
        _, pred = output.topk(maxk, 1, True, True)
        pred = pred.t()
        correct = pred.eq(target.view(1, -1).expand_as(pred))
        res = []
        for k in topk:
            correct_k = correct[:k].reshape(-1).float().sum(0, keepdim=True)
            res.append(correct_k.mul_(100.0 / batch_size))
        return res


def batches(x, y, bs, shuffle):
    order = torch.randperm(len(x), generator=G) if shuffle else torch.arange(len(x))
    for k in range(0, len(x), bs):
        idx = order[k : k + bs]
        yield x[idx], y[idx]


# --------------------------------------------------------------- 1. pytorch/examples imagenet
def imagenet():
    print("=> creating model 'resnet18'")
    model = SmallCNN(10)
    print("using CPU, this will be slow")
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum=0.9, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)
    print("=> Dummy data is used!")
    x, y = images(12 * 32 + 5 * 32, 10, 16, 1)
    tx, ty, vx, vy = x[:384], y[:384], x[384:], y[384:]
    print_freq, epochs = 3, 3
    n_train, n_val = len(tx) // 32, len(vx) // 32
    step = 0
    best_acc1 = 0
    for epoch in range(epochs):
        # train(train_loader, model, criterion, optimizer, epoch, device, args)
        batch_time = AverageMeter("Time", ":6.3f")
        data_time = AverageMeter("Data", ":6.3f")
        losses = AverageMeter("Loss", ":.4e")
        top1 = AverageMeter("Acc@1", ":6.2f")
        top5 = AverageMeter("Acc@5", ":6.2f")
        progress = ProgressMeter(
            n_train, [batch_time, data_time, losses, top1, top5], prefix=f"Epoch: [{epoch}]"
        )
        model.train()
        end = time.time()
        for i, (images_, target) in enumerate(batches(tx, ty, 32, True)):
            data_time.update(time.time() - end)
            output = model(images_)
            loss = criterion(output, target)
            acc1, acc5 = accuracy(output, target, topk=(1, 5))
            losses.update(loss.item(), images_.size(0))
            top1.update(acc1[0], images_.size(0))
            top5.update(acc5[0], images_.size(0))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
            batch_time.update(time.time() - end)
            end = time.time()
            if i % print_freq == 0:
                rec("Loss", step, epoch, losses.val)
                rec("Acc@1", step, epoch, float(top1.val))
                rec("Acc@5", step, epoch, float(top5.val))
                progress.display(i + 1)
        # acc1 = validate(val_loader, model, criterion, args)
        batch_time = AverageMeter("Time", ":6.3f", Summary.NONE)
        losses = AverageMeter("Loss", ":.4e", Summary.NONE)
        top1 = AverageMeter("Acc@1", ":6.2f", Summary.AVERAGE)
        top5 = AverageMeter("Acc@5", ":6.2f", Summary.AVERAGE)
        progress = ProgressMeter(n_val, [batch_time, losses, top1, top5], prefix="Test: ")
        model.eval()
        with torch.no_grad():
            end = time.time()
            for i, (images_, target) in enumerate(batches(vx, vy, 32, False)):
                output = model(images_)
                loss = criterion(output, target)
                acc1, acc5 = accuracy(output, target, topk=(1, 5))
                losses.update(loss.item(), images_.size(0))
                top1.update(acc1[0], images_.size(0))
                top5.update(acc5[0], images_.size(0))
                batch_time.update(time.time() - end)
                end = time.time()
                if i % print_freq == 0:
                    rec("Test Loss", step, epoch, losses.val)
                    rec("Test Acc@1", step, epoch, float(top1.val))
                    rec("Test Acc@5", step, epoch, float(top5.val))
                    progress.display(i + 1)
        rec("Test Acc@1", step, epoch, float(top1.avg))
        rec("Test Acc@5", step, epoch, float(top5.avg))
        progress.display_summary()
        acc1 = float(top1.avg)
        scheduler.step()
        is_best = acc1 > best_acc1
        best_acc1 = max(acc1, best_acc1)
        torch.save(
            {"epoch": epoch + 1, "state_dict": model.state_dict(), "best_acc1": best_acc1},
            os.path.join(SCRATCH, "checkpoint.pth.tar"),
        )
        if is_best:
            shutil.copyfile(
                os.path.join(SCRATCH, "checkpoint.pth.tar"),
                os.path.join(SCRATCH, "model_best.pth.tar"),
            )


NOTES["imagenet"] = (
    "PyTorch's official ImageNet example (pytorch/examples imagenet/main.py) with its AverageMeter "
    "/ ProgressMeter classes verbatim, run as with --dummy on the CPU: '=> creating model "
    "'resnet18'', 'using CPU, this will be slow', '=> Dummy data is used!', then every 3rd batch "
    "'Epoch: [0][ 4/12]\\tTime  0.012 ( 0.015)\\tData  0.000 ( 0.000)\\tLoss 2.3026e+00 "
    "(2.3100e+00)\\tAcc@1  12.50 ( 10.94)\\tAcc@5  50.00 ( 48.44)' (epoch 0-based; [i+1/12] is "
    "the batch counter; each meter prints its current value then, in parentheses, its running "
    "average over the epoch), validation lines 'Test: [1/5]\\tTime …\\tLoss …\\tAcc@1 …\\tAcc@5 "
    "…' and the summary ' *   Acc@1 21.250 Acc@5 62.500' (three spaces: the Time and Loss "
    "meters' summaries are empty strings; the values are the Acc meters' averages over the "
    "validation set). Series: 'Loss', 'Acc@1', 'Acc@5' (the training meters' current values), "
    "'Test Loss', 'Test Acc@1', 'Test Acc@5' (the validation meters' current values; the "
    "summary's two values are the last points of 'Test Acc@1' / 'Test Acc@5' of each epoch: "
    "that line has no label of its own, it closes the Test block). Time and Data (seconds per "
    "batch and loading seconds, with their averages) are extra_ok, as are the running averages "
    "in parentheses (the same quantity averaged, never a series of its own). Steps: the global "
    "optimizer step the script counts (12 per epoch; batch [4/12] of epoch 1 is step 16); "
    "validation at the epoch's last step. Accuracies are percent. Model: a small CNN on "
    "synthetic 16x16 10-class images (SGD lr 0.1, momentum 0.9, as the example)."
)
EXTRA["imagenet"] = [
    "Time and Test Time (seconds per batch) and Data (seconds loading), running averages too",
    "the running averages in parentheses after each Loss Acc@1 Acc@5 value",
]
KIND["imagenet"] = "global"


# ----------------------------------------- 2. facebookresearch/simsiam main_simsiam.py
class SimSiam(nn.Module):
    def __init__(self, dim=32, pred_dim=8):
        super().__init__()
        self.encoder = SmallCNN(out=dim)
        prev_dim = 16
        self.encoder.fc = nn.Sequential(
            nn.Linear(prev_dim, prev_dim, bias=False),
            nn.BatchNorm1d(prev_dim),
            nn.ReLU(inplace=True),
            nn.Linear(prev_dim, dim, bias=False),
            nn.BatchNorm1d(dim, affine=False),
        )
        self.predictor = nn.Sequential(
            nn.Linear(dim, pred_dim, bias=False),
            nn.BatchNorm1d(pred_dim),
            nn.ReLU(inplace=True),
            nn.Linear(pred_dim, dim),
        )

    def forward(self, x1, x2):
        z1 = self.encoder(x1)
        z2 = self.encoder(x2)
        p1 = self.predictor(z1)
        p2 = self.predictor(z2)
        return p1, p2, z1.detach(), z2.detach()


def simsiam():
    print("=> creating model 'resnet50'")
    model = SimSiam()
    print(model)
    criterion = nn.CosineSimilarity(dim=1)
    init_lr = 0.05 * 64 / 256
    optimizer = torch.optim.SGD(model.parameters(), init_lr, momentum=0.9, weight_decay=1e-4)
    x, _ = images(10 * 64, 10, 16, 2)
    epochs, print_freq = 3, 3
    n = len(x) // 64
    step = 0
    for epoch in range(epochs):
        cur_lr = init_lr * 0.5 * (1.0 + math.cos(math.pi * epoch / epochs))
        for param_group in optimizer.param_groups:
            param_group["lr"] = cur_lr
        batch_time = AverageMeter("Time", ":6.3f")
        data_time = AverageMeter("Data", ":6.3f")
        losses = AverageMeter("Loss", ":.4f")
        progress = ProgressMeter(n, [batch_time, data_time, losses], prefix=f"Epoch: [{epoch}]")
        model.train()
        end = time.time()
        order = torch.randperm(len(x), generator=G)
        for i in range(n):
            img = x[order[i * 64 : (i + 1) * 64]]
            # two augmented views: random flips and additive noise
            flip = torch.rand(64, 1, 1, 1, generator=G) < 0.5
            v1 = torch.where(flip, img.flip(3), img) + 0.5 * torch.randn(img.shape, generator=G)
            v2 = img + 0.5 * torch.randn(img.shape, generator=G)
            data_time.update(time.time() - end)
            p1, p2, z1, z2 = model(v1, v2)
            loss = -(criterion(p1, z2).mean() + criterion(p2, z1).mean()) * 0.5
            losses.update(loss.item(), img.size(0))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
            batch_time.update(time.time() - end)
            end = time.time()
            if i % print_freq == 0:
                rec("Loss", step, epoch, losses.val)
                progress.display(i)
        torch.save(
            {"epoch": epoch + 1, "arch": "resnet50", "state_dict": model.state_dict()},
            os.path.join(SCRATCH, f"checkpoint_{epoch:04d}.pth.tar"),
        )


NOTES["simsiam"] = (
    "facebookresearch/simsiam main_simsiam.py (the MoCo-family ProgressMeter, verbatim): '=> "
    "creating model 'resnet50'', print(model) (a module tree), then every 3rd batch 'Epoch: "
    "[0][ 3/10]\\tTime  0.020 ( 0.025)\\tData  0.001 ( 0.001)\\tLoss -0.3149 (-0.2512)' (epoch "
    "0-based; display(i) prints the 0-based batch index, as SimSiam does; the loss is the "
    "negative cosine similarity, so negative, printed with its running average over the epoch in "
    "parentheses). Series 'Loss': the meter's current value. Time / Data (seconds per batch, "
    "loading seconds) and the running averages in parentheses are extra_ok. Steps: the global "
    "step the script counts (10 per epoch; '[3/10]' of epoch 1 is step 14). Model: a small CNN "
    "encoder + projector + predictor on synthetic 16x16 images, two noisy/flipped views, cosine "
    "lr schedule per epoch (not printed)."
)
EXTRA["simsiam"] = [
    "Time (seconds per batch) and Data (seconds loading), with their running averages",
    "the running averages in parentheses after each Loss value",
]
KIND["simsiam"] = "global"


# ------------------------------------------------------------- 3. pytorch/examples vae/main.py
def vae():
    class VAE(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Linear(64, 32)
            self.fc21 = nn.Linear(32, 4)
            self.fc22 = nn.Linear(32, 4)
            self.fc3 = nn.Linear(4, 32)
            self.fc4 = nn.Linear(32, 64)

        def encode(self, x):
            h1 = F.relu(self.fc1(x))
            return self.fc21(h1), self.fc22(h1)

        def reparameterize(self, mu, logvar):
            std = torch.exp(0.5 * logvar)
            eps = torch.randn(std.shape, generator=G)
            return mu + eps * std

        def decode(self, z):
            h3 = F.relu(self.fc3(z))
            return torch.sigmoid(self.fc4(h3))

        def forward(self, x):
            mu, logvar = self.encode(x.view(-1, 64))
            z = self.reparameterize(mu, logvar)
            return self.decode(z), mu, logvar

    def loss_function(recon_x, x, mu, logvar):
        BCE = F.binary_cross_entropy(recon_x, x.view(-1, 64), reduction="sum")
        KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        return BCE + KLD

    g = torch.Generator().manual_seed(3)
    protos = torch.rand(6, 64, generator=g)
    data = (
        protos[torch.randint(0, 6, (1536,), generator=g)] + 0.1 * torch.randn(1536, 64, generator=g)
    ).clamp(0, 1)
    train_x, test_x = data[:1280], data[1280:]
    batch_size, log_interval, epochs = 128, 3, 4
    model = VAE()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    step = 0
    for epoch in range(1, epochs + 1):
        model.train()
        train_loss = 0
        order = torch.randperm(len(train_x), generator=G)
        n_batches = len(train_x) // batch_size
        for batch_idx in range(n_batches):
            data_ = train_x[order[batch_idx * batch_size : (batch_idx + 1) * batch_size]]
            optimizer.zero_grad()
            recon_batch, mu, logvar = model(data_)
            loss = loss_function(recon_batch, data_, mu, logvar)
            loss.backward()
            train_loss += loss.item()
            optimizer.step()
            step += 1
            if batch_idx % log_interval == 0:
                print(
                    "Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}".format(
                        epoch,
                        batch_idx * len(data_),
                        len(train_x),
                        100.0 * batch_idx / n_batches,
                        rec("Train Loss", step, epoch, loss.item() / len(data_)),
                    )
                )
        print(
            "====> Epoch: {} Average loss: {:.4f}".format(
                epoch, rec("Average loss", step, epoch, train_loss / len(train_x))
            )
        )
        model.eval()
        test_loss = 0
        with torch.no_grad():
            for k in range(0, len(test_x), batch_size):
                data_ = test_x[k : k + batch_size]
                recon_batch, mu, logvar = model(data_)
                test_loss += loss_function(recon_batch, data_, mu, logvar).item()
        test_loss /= len(test_x)
        print("====> Test set loss: {:.4f}".format(rec("Test set loss", step, epoch, test_loss)))


NOTES["vae"] = (
    "PyTorch's official VAE example (pytorch/examples vae/main.py), its prints verbatim: 'Train "
    "Epoch: 1 [384/1280 (30%)]\\tLoss: 43.123456' every 3 batches (the per-sample loss of the "
    "batch: BCE + KLD summed over the batch / batch size; the bracket is samples seen before the "
    "batch / dataset size and the percent of the epoch: no metric), then '====> Epoch: 1 Average "
    "loss: 41.2345' (the epoch's summed loss / train size) and '====> Test set loss: 39.8765' "
    "(series 'Train Loss', 'Average loss', 'Test set loss'). Steps: the global optimizer step "
    "the script counts (1-based, 10 per epoch); the epoch lines at the epoch's last step; epoch "
    "1-based as printed. Model: a small fully-connected VAE on synthetic 64-pixel 'images' in "
    "[0, 1] (Adam lr 1e-3, as the example)."
)
EXTRA["vae"] = []
KIND["vae"] = "global"


# -------------------------------------------------- 4. pytorch/examples super_resolution/main.py
def superres():
    parser = argparse.ArgumentParser(description="PyTorch Super Res Example")
    parser.add_argument("--upscale_factor", type=int, default=2)
    parser.add_argument("--batchSize", type=int, default=16)
    parser.add_argument("--testBatchSize", type=int, default=10)
    parser.add_argument("--nEpochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--cuda", action="store_true")
    parser.add_argument("--mps", action="store_true")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=123)
    opt = parser.parse_args([])
    print(opt)

    class Net(nn.Module):
        def __init__(self, upscale_factor):
            super().__init__()
            self.relu = nn.ReLU()
            self.conv1 = nn.Conv2d(1, 16, (5, 5), (1, 1), (2, 2))
            self.conv2 = nn.Conv2d(16, 16, (3, 3), (1, 1), (1, 1))
            self.conv3 = nn.Conv2d(16, upscale_factor**2, (3, 3), (1, 1), (1, 1))
            self.pixel_shuffle = nn.PixelShuffle(upscale_factor)

        def forward(self, x):
            x = self.relu(self.conv1(x))
            x = self.relu(self.conv2(x))
            return self.pixel_shuffle(self.conv3(x))

    torch.manual_seed(opt.seed)
    print("===> Loading datasets")
    g = torch.Generator().manual_seed(4)
    # smooth synthetic 'photos': low-resolution noise upsampled, in [0, 1]
    hr = torch.sigmoid(
        3 * F.interpolate(torch.randn(120, 1, 8, 8, generator=g), size=32, mode="bicubic")
    )
    lr_ = F.avg_pool2d(hr, opt.upscale_factor)
    train_hr, train_lr, test_hr, test_lr = hr[:96], lr_[:96], hr[96:], lr_[96:]
    print("===> Building model")
    model = Net(upscale_factor=opt.upscale_factor)
    criterion = nn.MSELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=opt.lr)
    n_batches = len(train_hr) // opt.batchSize
    step = 0
    os.chdir(SCRATCH)
    for epoch in range(1, opt.nEpochs + 1):
        epoch_loss = 0
        order = torch.randperm(len(train_hr), generator=G)
        for iteration in range(1, n_batches + 1):
            idx = order[(iteration - 1) * opt.batchSize : iteration * opt.batchSize]
            input_, target = train_lr[idx], train_hr[idx]
            optimizer.zero_grad()
            loss = criterion(model(input_), target)
            epoch_loss += loss.item()
            loss.backward()
            optimizer.step()
            step += 1
            print(
                "===> Epoch[{}]({}/{}): Loss: {:.4f}".format(
                    epoch, iteration, n_batches, rec("Loss", step, epoch, loss.item())
                )
            )
        print(
            "===> Epoch {} Complete: Avg. Loss: {:.4f}".format(
                epoch, rec("Avg. Loss", step, epoch, epoch_loss / n_batches)
            )
        )
        avg_psnr = 0
        n_test = 0
        with torch.no_grad():
            for k in range(0, len(test_hr), opt.testBatchSize):
                prediction = model(test_lr[k : k + opt.testBatchSize])
                mse = criterion(prediction, test_hr[k : k + opt.testBatchSize])
                psnr = 10 * math.log10(1 / mse.item())
                avg_psnr += psnr
                n_test += 1
        print("===> Avg. PSNR: {:.4f} dB".format(rec("Avg. PSNR", step, epoch, avg_psnr / n_test)))
        model_out_path = f"model_epoch_{epoch}.pth"
        torch.save(model.state_dict(), model_out_path)  # the example pickles the whole model
        print(f"Checkpoint saved to {model_out_path}")


NOTES["superres"] = (
    "PyTorch's official super-resolution example (pytorch/examples super_resolution/main.py, "
    "ESPCN with PixelShuffle), its prints verbatim: print(opt) (an argparse Namespace of "
    "settings: batchSize=16, lr=0.01, seed=123, … no metric), '===> Loading datasets', '===> "
    "Building model', then EVERY iteration '===> Epoch[1](3/6): Loss: 0.0123' (epoch, then the "
    "iteration within the epoch / iterations per epoch: counters), after each epoch '===> Epoch 1 "
    "Complete: Avg. Loss: 0.0234' and '===> Avg. PSNR: 17.1234 dB' (the test set's mean PSNR, "
    "decibels), 'Checkpoint saved to model_epoch_1.pth' (a file name with the epoch in it: no "
    "metric). Series 'Loss', 'Avg. Loss', 'Avg. PSNR'. Steps: the global optimizer step the "
    "script counts (6 per epoch: Epoch[2](3/6) is step 9); epoch-end values at the epoch's last "
    "step; epoch 1-based as printed. Model: the example's 3-conv ESPCN (narrower) on synthetic "
    "smooth 32x32 images, 2x upscaling from 16x16."
)
EXTRA["superres"] = []
KIND["superres"] = "global"


# --------------------------------------- 5. pytorch/examples fast_neural_style/neural_style.py
def neuralstyle():
    class TransformerNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(
                nn.Conv2d(3, 8, 3, padding=1),
                nn.InstanceNorm2d(8, affine=True),
                nn.ReLU(),
                nn.Conv2d(8, 8, 3, padding=1),
                nn.InstanceNorm2d(8, affine=True),
                nn.ReLU(),
                nn.Conv2d(8, 3, 3, padding=1),
            )

        def forward(self, x):
            return self.net(x)

    class Vgg(nn.Module):  # a fixed random feature extractor in place of VGG16's relu1_2..relu4_3
        def __init__(self):
            super().__init__()
            g = torch.Generator().manual_seed(11)
            self.convs = nn.ModuleList(
                [nn.Conv2d(3, 8, 3, padding=1), nn.Conv2d(8, 16, 3, padding=1)]
            )
            for c in self.convs:
                c.weight.data = torch.randn(c.weight.shape, generator=g) * 0.3
                c.bias.data.zero_()
            for p in self.parameters():
                p.requires_grad = False

        def forward(self, x):
            h1 = F.relu(self.convs[0](x))
            h2 = F.relu(self.convs[1](F.avg_pool2d(h1, 2)))
            return h1, h2

    def gram_matrix(y):
        (b, ch, h, w) = y.size()
        features = y.view(b, ch, w * h)
        features_t = features.transpose(1, 2)
        return features.bmm(features_t) / (ch * h * w)

    g = torch.Generator().manual_seed(5)
    train_dataset = torch.rand(192, 3, 24, 24, generator=g)
    style = torch.rand(1, 3, 24, 24, generator=g) ** 3
    batch_size, epochs, log_interval = 8, 2, 6
    content_weight, style_weight = 1e5, 1e10
    transformer = TransformerNet()
    optimizer = torch.optim.Adam(transformer.parameters(), 1e-3)
    mse_loss = nn.MSELoss()
    vgg = Vgg()
    gram_style = [gram_matrix(y) for y in vgg(style)]
    step = 0
    n_batches = len(train_dataset) // batch_size
    for e in range(epochs):
        transformer.train()
        agg_content_loss = 0.0
        agg_style_loss = 0.0
        count = 0
        order = torch.randperm(len(train_dataset), generator=G)
        for batch_id in range(n_batches):
            x = train_dataset[order[batch_id * batch_size : (batch_id + 1) * batch_size]]
            n_batch = len(x)
            count += n_batch
            optimizer.zero_grad()
            y = transformer(x)
            features_y = vgg(y)
            features_x = vgg(x)
            content_loss = content_weight * mse_loss(features_y[1], features_x[1])
            style_loss = 0.0
            for ft_y, gm_s in zip(features_y, gram_style, strict=True):
                gm_y = gram_matrix(ft_y)
                style_loss += mse_loss(gm_y, gm_s[:n_batch, :, :].expand_as(gm_y))
            style_loss *= style_weight
            total_loss = content_loss + style_loss
            total_loss.backward()
            optimizer.step()
            step += 1
            agg_content_loss += content_loss.item()
            agg_style_loss += style_loss.item()
            if (batch_id + 1) % log_interval == 0:
                mesg = (
                    "{}\tEpoch {}:\t[{}/{}]\tcontent: {:.6f}\tstyle: {:.6f}\ttotal: {:.6f}".format(
                        time.ctime(),
                        e + 1,
                        count,
                        len(train_dataset),
                        rec("content", step, e + 1, agg_content_loss / (batch_id + 1)),
                        rec("style", step, e + 1, agg_style_loss / (batch_id + 1)),
                        rec(
                            "total",
                            step,
                            e + 1,
                            (agg_content_loss + agg_style_loss) / (batch_id + 1),
                        ),
                    )
                )
                print(mesg)
    save_model_filename = (
        "epoch_"
        + str(epochs)
        + "_"
        + str(time.ctime()).replace(" ", "_")
        + "_"
        + str(content_weight)
        + "_"
        + str(style_weight)
        + ".model"
    )
    save_model_path = os.path.join(SCRATCH, save_model_filename)
    torch.save(transformer.state_dict(), save_model_path)
    print("\nDone, trained model saved at", save_model_path)


NOTES["neuralstyle"] = (
    "PyTorch's official fast neural style example (pytorch/examples fast_neural_style/"
    "neural_style/neural_style.py, train()), its prints verbatim: every 6 batches "
    "'Mon Dec  7 07:30:12 2026\\tEpoch 1:\\t[48/192]\\tcontent: 123456.789012\\tstyle: "
    "9876543.210987\\ttotal: 10000000.000000' (a time.ctime() timestamp first - its day and "
    "clock digits are no metric -, the epoch 1-based, [images seen this epoch/dataset size] a "
    "counter, then the epoch's running means of the content loss, the style loss and their "
    "sum, weighted by content_weight 1e5 and style_weight 1e10 as the example does: large "
    "numbers with 6 decimals), then '\\nDone, trained model saved at "
    "/tmp/…/epoch_2_Mon_Dec__7_07:30:15_2026_100000.0_10000000000.0.model' (a path holding the "
    "epochs, a timestamp and the two weights: settings, no metric). Series 'content', 'style', "
    "'total'. Steps: the global optimizer step the script counts (24 per epoch); epoch 1-based. "
    "Model: a small conv transformer net (instance norm) and a fixed random two-conv feature "
    "extractor in place of VGG16, synthetic 24x24 images."
)
EXTRA["neuralstyle"] = []
KIND["neuralstyle"] = "global"


# ---------------------------------- 6. PyTorch tutorial "Text classification with torchtext"
def textcls():
    class TextClassificationModel(nn.Module):
        def __init__(self, vocab_size, embed_dim, num_class):
            super().__init__()
            self.embedding = nn.EmbeddingBag(vocab_size, embed_dim, sparse=False)
            self.fc = nn.Linear(embed_dim, num_class)
            self.init_weights()

        def init_weights(self):
            initrange = 0.5
            self.embedding.weight.data.uniform_(-initrange, initrange)
            self.fc.weight.data.uniform_(-initrange, initrange)
            self.fc.bias.data.zero_()

        def forward(self, text, offsets):
            return self.fc(self.embedding(text, offsets))

    g = torch.Generator().manual_seed(6)
    vocab_size, num_class = 400, 4
    topic_words = torch.randint(0, vocab_size, (num_class, 30), generator=g)

    def make(n):
        labels = torch.randint(0, num_class, (n,), generator=g)
        texts = []
        for lab in labels:
            length = int(torch.randint(8, 20, (), generator=g))
            topical = topic_words[lab][torch.randint(0, 30, (length // 3,), generator=g)]
            noise = torch.randint(0, vocab_size, (length - length // 3,), generator=g)
            texts.append(torch.cat([topical, noise]))
        return labels, texts

    def collate(labels, texts):
        offsets = torch.tensor([0] + [len(t) for t in texts[:-1]]).cumsum(0)
        return labels, torch.cat(texts), offsets

    train_labels, train_texts = make(2160)
    test_labels, test_texts = make(400)
    n_train = int(len(train_labels) * 0.95)
    split = torch.randperm(len(train_labels), generator=g)
    tr_idx, va_idx = split[:n_train], split[n_train:]
    EPOCHS, LR, BATCH_SIZE = 4, 5, 64
    model = TextClassificationModel(vocab_size, 32, num_class)
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1.0, gamma=0.1)
    total_accu = None
    step = 0

    def loader(idx, labels, texts, shuffle):
        order = idx[torch.randperm(len(idx), generator=G)] if shuffle else idx
        for k in range(0, len(order), BATCH_SIZE):
            sel = order[k : k + BATCH_SIZE]
            yield collate(labels[sel], [texts[int(i)] for i in sel])

    def train(epoch):
        nonlocal step
        model.train()
        total_acc, total_count = 0, 0
        log_interval = 10
        n = math.ceil(len(tr_idx) / BATCH_SIZE)
        for idx, (label, text, offsets) in enumerate(
            loader(tr_idx, train_labels, train_texts, True)
        ):
            optimizer.zero_grad()
            predicted_label = model(text, offsets)
            loss = criterion(predicted_label, label)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
            optimizer.step()
            step += 1
            total_acc += (predicted_label.argmax(1) == label).sum().item()
            total_count += label.size(0)
            if idx % log_interval == 0 and idx > 0:
                print(
                    "| epoch {:3d} | {:5d}/{:5d} batches | accuracy {:8.3f}".format(
                        epoch, idx, n, rec("accuracy", step, epoch, total_acc / total_count)
                    )
                )
                total_acc, total_count = 0, 0

    def evaluate(idx, labels, texts):
        model.eval()
        total_acc, total_count = 0, 0
        with torch.no_grad():
            for label, text, offsets in loader(idx, labels, texts, False):
                predicted_label = model(text, offsets)
                total_acc += (predicted_label.argmax(1) == label).sum().item()
                total_count += label.size(0)
        return total_acc / total_count

    for epoch in range(1, EPOCHS + 1):
        epoch_start_time = time.time()
        train(epoch)
        accu_val = evaluate(va_idx, train_labels, train_texts)
        if total_accu is not None and total_accu > accu_val:
            scheduler.step()
        else:
            total_accu = accu_val
        print("-" * 59)
        print(
            "| end of epoch {:3d} | time: {:5.2f}s | valid accuracy {:8.3f} ".format(
                epoch,
                time.time() - epoch_start_time,
                rec("valid accuracy", step, epoch, accu_val),
            )
        )
        print("-" * 59)
    print("Checking the results of test dataset.")
    accu_test = evaluate(torch.arange(len(test_labels)), test_labels, test_texts)
    print("test accuracy {:8.3f}".format(rec("test accuracy", step, None, accu_test)))
    ag_news_label = {1: "World", 2: "Sports", 3: "Business", 4: "Sci/Tec"}
    with torch.no_grad():
        text = topic_words[1][:12]
        pred = model(text, torch.tensor([0])).argmax(1).item() + 1
    print("This is a %s news" % ag_news_label[pred])  # noqa: UP031 (the original's format)


NOTES["textcls"] = (
    "PyTorch's tutorial 'Text classification with the torchtext library' (AG_NEWS, "
    "EmbeddingBag), its prints verbatim (log_interval 10 instead of 500 for a small data set): "
    "'| epoch   1 |    10/   33 batches | accuracy    0.412' (the accuracy of the batches since "
    "the previous line, a fraction; epoch and the batch counter are counters), after each epoch "
    "a line of 59 dashes, '| end of epoch   1 | time:  0.05s | valid accuracy    0.623 ' (the "
    "epoch's wall time in seconds, extra_ok), dashes again; at the end 'Checking the results of "
    "test dataset.', 'test accuracy    0.801' and 'This is a Sports news' (a prediction). Series "
    "'accuracy', 'valid accuracy', 'test accuracy'. Steps: the global optimizer step the script "
    "counts (33 batches per epoch, the tutorial's batch index idx is 0-based: the line with 10 is "
    "step 11 of the epoch); epoch 1-based as printed; the test line at the last step (epoch "
    "null). Model: the tutorial's EmbeddingBag + Linear on synthetic 4-topic token bags (SGD "
    "lr 5, StepLR gamma 0.1 when validation accuracy drops, as the tutorial)."
)
EXTRA["textcls"] = ["time (the epoch's seconds)"]
KIND["textcls"] = "global"


# ----------------------------------------------- 7. Stanford cs231n assignments' Solver (numpy)
def cs231n():
    rng = np.random.default_rng(7)
    D, H, C = 32, 24, 5
    w_true = rng.normal(size=(D, C))
    X = rng.normal(size=(900, D))
    y = np.argmax(X @ w_true + 1.5 * rng.normal(size=(900, C)), 1)
    data = {"X_train": X[:700], "y_train": y[:700], "X_val": X[700:], "y_val": y[700:]}

    class TwoLayerNet:
        def __init__(self, reg=0.0):
            self.params = {
                "W1": 1e-2 * rng.normal(size=(D, H)),
                "b1": np.zeros(H),
                "W2": 1e-2 * rng.normal(size=(H, C)),
                "b2": np.zeros(C),
            }
            self.reg = reg

        def loss(self, X, y=None):
            h = np.maximum(0, X @ self.params["W1"] + self.params["b1"])
            scores = h @ self.params["W2"] + self.params["b2"]
            if y is None:
                return scores
            shifted = scores - scores.max(1, keepdims=True)
            probs = np.exp(shifted) / np.exp(shifted).sum(1, keepdims=True)
            N = len(X)
            loss = -np.log(probs[np.arange(N), y]).mean()
            loss += (
                0.5 * self.reg * (np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2))
            )
            dscores = probs.copy()
            dscores[np.arange(N), y] -= 1
            dscores /= N
            grads = {
                "W2": h.T @ dscores + self.reg * self.params["W2"],
                "b2": dscores.sum(0),
            }
            dh = dscores @ self.params["W2"].T * (h > 0)
            grads["W1"] = X.T @ dh + self.reg * self.params["W1"]
            grads["b1"] = dh.sum(0)
            return loss, grads

    class Solver:  # cs231n/solver.py's train loop, its two print statements verbatim
        def __init__(self, model, data, **kwargs):
            self.model = model
            self.X_train, self.y_train = data["X_train"], data["y_train"]
            self.X_val, self.y_val = data["X_val"], data["y_val"]
            self.lr = kwargs.pop("learning_rate", 1e-2)
            self.lr_decay = kwargs.pop("lr_decay", 1.0)
            self.batch_size = kwargs.pop("batch_size", 100)
            self.num_epochs = kwargs.pop("num_epochs", 10)
            self.num_train_samples = kwargs.pop("num_train_samples", 1000)
            self.num_val_samples = kwargs.pop("num_val_samples", None)
            self.print_every = kwargs.pop("print_every", 10)
            self.verbose = kwargs.pop("verbose", True)
            self.epoch = 0
            self.best_val_acc = 0
            self.loss_history = []
            self.train_acc_history = []
            self.val_acc_history = []
            self.rng = np.random.default_rng(8)

        def _step(self):
            num_train = self.X_train.shape[0]
            batch_mask = self.rng.choice(num_train, self.batch_size)
            loss, grads = self.model.loss(self.X_train[batch_mask], self.y_train[batch_mask])
            self.loss_history.append(loss)
            for p, w in self.model.params.items():  # sgd_momentum
                v = self.velocity.get(p, np.zeros_like(w))
                v = 0.9 * v - self.lr * grads[p]
                self.velocity[p] = v
                self.model.params[p] = w + v

        def check_accuracy(self, X, y, num_samples=None, batch_size=100):
            N = X.shape[0]
            if num_samples is not None and N > num_samples:
                mask = self.rng.choice(N, num_samples)
                N = num_samples
                X = X[mask]
                y = y[mask]
            num_batches = N // batch_size
            if N % batch_size != 0:
                num_batches += 1
            y_pred = []
            for i in range(num_batches):
                start = i * batch_size
                end = (i + 1) * batch_size
                scores = self.model.loss(X[start:end])
                y_pred.append(np.argmax(scores, axis=1))
            y_pred = np.hstack(y_pred)
            return np.mean(y_pred == y)

        def train(self):
            self.velocity = {}
            num_train = self.X_train.shape[0]
            iterations_per_epoch = max(num_train // self.batch_size, 1)
            num_iterations = self.num_epochs * iterations_per_epoch
            for t in range(num_iterations):
                self._step()
                if self.verbose and t % self.print_every == 0:
                    print(
                        "(Iteration %d / %d) loss: %f"  # noqa: UP031 (the original's format)
                        % (t + 1, num_iterations, rec("loss", t + 1, None, self.loss_history[-1]))
                    )
                epoch_end = (t + 1) % iterations_per_epoch == 0
                if epoch_end:
                    self.epoch += 1
                    self.lr *= self.lr_decay
                first_it = t == 0
                last_it = t == num_iterations - 1
                if first_it or last_it or epoch_end:
                    train_acc = self.check_accuracy(
                        self.X_train, self.y_train, num_samples=self.num_train_samples
                    )
                    val_acc = self.check_accuracy(
                        self.X_val, self.y_val, num_samples=self.num_val_samples
                    )
                    self.train_acc_history.append(train_acc)
                    self.val_acc_history.append(val_acc)
                    if self.verbose:
                        print(
                            "(Epoch %d / %d) train acc: %f; val_acc: %f"  # noqa: UP031 (the original's format)
                            % (
                                self.epoch,
                                self.num_epochs,
                                rec("train acc", t + 1, self.epoch, train_acc),
                                rec("val_acc", t + 1, self.epoch, val_acc),
                            )
                        )
                    if val_acc > self.best_val_acc:
                        self.best_val_acc = val_acc

    model = TwoLayerNet(reg=1e-3)
    solver = Solver(
        model,
        data,
        learning_rate=5e-2,
        lr_decay=0.95,
        batch_size=50,
        num_epochs=6,
        num_train_samples=500,
        print_every=5,
        verbose=True,
    )
    solver.train()
    # the notebooks' usual follow-up cell
    print("Validation accuracy: ", solver.best_val_acc)
    rec("Validation accuracy", None, None, solver.best_val_acc)


NOTES["cs231n"] = (
    "Stanford CS231n's assignment Solver (cs231n/solver.py, numpy), its two print statements "
    "verbatim plus the notebooks' follow-up cell: '(Iteration 1 / 84) loss: 1.609438' every 5 "
    "iterations (the 1-based iteration / total iterations: counters; loss with %f), '(Epoch 0 / "
    "6) train acc: 0.214000; val_acc: 0.195000' at the first iteration, at each epoch end and at "
    "the last iteration (epoch / num_epochs; the last epoch's line is printed once, at the last "
    "iteration, which is also the epoch end), then 'Validation accuracy:  0.63' (print with two "
    "arguments: two spaces; the Solver's best_val_acc at repr precision). Series 'loss', 'train "
    "acc', 'val_acc', 'Validation accuracy' (the last one: step and epoch null). Truth: "
    "solver.loss_history / train_acc_history / val_acc_history at the printed points; step = the "
    "printed 1-based iteration (the Solver's t + 1), epoch = the Solver's epoch count as printed "
    "(0 at the first check). Accuracies are fractions. Model: the assignment's TwoLayerNet "
    "(affine-relu-affine-softmax, L2 reg) on synthetic 32-d 5-class data, sgd_momentum."
)
EXTRA["cs231n"] = []
KIND["cs231n"] = "global"


# ---------------------------------------------- 8. pytorch/examples time_sequence_prediction
def timeseq():
    class Sequence(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm1 = nn.LSTMCell(1, 12)
            self.lstm2 = nn.LSTMCell(12, 12)
            self.linear = nn.Linear(12, 1)

        def forward(self, input, future=0):
            outputs = []
            h_t = torch.zeros(input.size(0), 12, dtype=torch.double)
            c_t = torch.zeros(input.size(0), 12, dtype=torch.double)
            h_t2 = torch.zeros(input.size(0), 12, dtype=torch.double)
            c_t2 = torch.zeros(input.size(0), 12, dtype=torch.double)
            for input_t in input.split(1, dim=1):
                h_t, c_t = self.lstm1(input_t, (h_t, c_t))
                h_t2, c_t2 = self.lstm2(h_t, (h_t2, c_t2))
                output = self.linear(h_t2)
                outputs += [output]
            for _ in range(future):
                h_t, c_t = self.lstm1(output, (h_t, c_t))
                h_t2, c_t2 = self.lstm2(h_t, (h_t2, c_t2))
                output = self.linear(h_t2)
                outputs += [output]
            return torch.cat(outputs, dim=1)

    # generate_sine_wave.py, smaller: 24 waves of 60 points
    np.random.seed(2)
    T, L, N = 20, 60, 24
    x = np.empty((N, L), "int64")
    x[:] = np.array(range(L)) + np.random.randint(-4 * T, 4 * T, N).reshape(N, 1)
    data = np.sin(x / 1.0 / T).astype("float64")
    np.random.seed(0)
    torch.manual_seed(0)
    input = torch.from_numpy(data[3:, :-1])
    target = torch.from_numpy(data[3:, 1:])
    test_input = torch.from_numpy(data[:3, :-1])
    test_target = torch.from_numpy(data[:3, 1:])
    seq = Sequence()
    seq.double()
    criterion = nn.MSELoss()
    optimizer = torch.optim.LBFGS(seq.parameters(), lr=0.8, max_iter=8)
    for i in range(4):
        print("STEP: ", i)

        def closure(i=i):
            optimizer.zero_grad()
            out = seq(input)
            loss = criterion(out, target)
            print("loss:", rec("loss", i, None, loss.item()))
            loss.backward()
            return loss

        optimizer.step(closure)
        with torch.no_grad():
            future = 20
            pred = seq(test_input, future=future)
            loss = criterion(pred[:, :-future], test_target)
            print("test loss:", rec("test loss", i, None, loss.item()))


NOTES["timeseq"] = (
    "PyTorch's official time-sequence-prediction example (pytorch/examples "
    "time_sequence_prediction/train.py: two LSTMCells learning sine waves with LBFGS), its "
    "prints verbatim: 'STEP:  0' (print with two arguments; the outer step, 0-based), then "
    "'loss: 0.4927301346391263' once per LBFGS closure evaluation (up to max_iter=8 per step, "
    "full repr precision: several values at the same STEP, each the training MSE of one "
    "evaluation, falling), then 'test loss: 0.3861…' after the step. Series 'loss' (every "
    "closure call, at the STEP it belongs to: several points share one step) and 'test loss'. "
    "step = the printed STEP; no epochs. Data: the example's generate_sine_wave.py, smaller "
    "(24 waves of 60 points, hidden 12, future 20)."
)
EXTRA["timeseq"] = []
KIND["timeseq"] = "global"


# ------------------------- 9. facebookresearch/mae main_finetune.py + engine_finetune.py (DeiT's misc)
class SmoothedValue:
    """Track a series of values and provide access to smoothed values over a window or the
    global series average."""

    def __init__(self, window_size=20, fmt=None):
        if fmt is None:
            fmt = "{median:.4f} ({global_avg:.4f})"
        self.deque = deque(maxlen=window_size)
        self.total = 0.0
        self.count = 0
        self.fmt = fmt

    def update(self, value, n=1):
        self.deque.append(value)
        self.count += n
        self.total += value * n

    @property
    def median(self):
        d = torch.tensor(list(self.deque))
        return d.median().item()

    @property
    def avg(self):
        d = torch.tensor(list(self.deque), dtype=torch.float32)
        return d.mean().item()

    @property
    def global_avg(self):
        return self.total / self.count

    @property
    def max(self):
        return max(self.deque)

    @property
    def value(self):
        return self.deque[-1]

    def __str__(self):
        return self.fmt.format(
            median=self.median,
            avg=self.avg,
            global_avg=self.global_avg,
            max=self.max,
            value=self.value,
        )


class MetricLogger:
    def __init__(self, delimiter="\t", record_prefix=""):
        self.meters = defaultdict(SmoothedValue)
        self.delimiter = delimiter
        self.record_prefix = record_prefix  # ours: the truth's series prefix
        self.step = lambda: None
        self.epoch = None

    def update(self, **kwargs):
        for k, v in kwargs.items():
            if v is None:
                continue
            if isinstance(v, torch.Tensor):
                v = v.item()
            self.meters[k].update(v)

    def __getattr__(self, attr):
        if attr in self.meters:
            return self.meters[attr]
        raise AttributeError(attr)

    def record(self):
        """Ours: keep what __str__ prints first for each meter (its value or its median)."""
        for name, meter in self.meters.items():
            shown = meter.value if "{value" in meter.fmt else meter.median
            rec(self.record_prefix + name, self.step(), self.epoch, shown)

    def __str__(self):
        loss_str = []
        for name, meter in self.meters.items():
            loss_str.append(f"{name}: {str(meter)}")
        return self.delimiter.join(loss_str)

    def add_meter(self, name, meter):
        self.meters[name] = meter

    def log_every(self, iterable, print_freq, header=None):
        i = 0
        if not header:
            header = ""
        start_time = time.time()
        end = time.time()
        iter_time = SmoothedValue(fmt="{avg:.4f}")
        data_time = SmoothedValue(fmt="{avg:.4f}")
        space_fmt = ":" + str(len(str(len(iterable)))) + "d"
        log_msg = [
            header,
            "[{0" + space_fmt + "}/{1}]",
            "eta: {eta}",
            "{meters}",
            "time: {time}",
            "data: {data}",
        ]
        log_msg = self.delimiter.join(log_msg)
        for obj in iterable:
            data_time.update(time.time() - end)
            yield obj
            iter_time.update(time.time() - end)
            if i % print_freq == 0 or i == len(iterable) - 1:
                eta_seconds = iter_time.global_avg * (len(iterable) - i)
                eta_string = str(datetime.timedelta(seconds=int(eta_seconds)))
                self.record()
                print(
                    log_msg.format(
                        i,
                        len(iterable),
                        eta=eta_string,
                        meters=str(self),
                        time=str(iter_time),
                        data=str(data_time),
                    )
                )
            i += 1
            end = time.time()
        total_time = time.time() - start_time
        total_time_str = str(datetime.timedelta(seconds=int(total_time)))
        print(f"{header} Total time: {total_time_str} ({total_time / len(iterable):.4f} s / it)")


def mae():
    print("job dir: /work/mae")
    epochs, warmup_epochs, batch_size, blr, min_lr = 3, 1, 8, 4e-1, 1e-6
    print(
        f"Namespace(batch_size={batch_size}, epochs={epochs}, accum_iter=1, model='vit_base_patch16', "
        f"input_size=16, drop_path=0.1, clip_grad=None, weight_decay=0.05, lr=None, blr={blr}, "
        f"layer_decay=0.75, min_lr={min_lr}, warmup_epochs={warmup_epochs}, smoothing=0.1, "
        "nb_classes=10, output_dir='./output_dir', device='cpu', seed=0, num_workers=10)"
    )
    x, y = images(25 * batch_size + 40, 10, 16, 9)
    tx, ty, vx, vy = x[:200], y[:200], x[200:], y[200:]
    print(f"Dataset ImageFolder\n    Number of datapoints: {len(tx)}\n    Root location: train")
    print(f"Dataset ImageFolder\n    Number of datapoints: {len(vx)}\n    Root location: val")
    model = SmallCNN(10)
    n_parameters = sum(p.numel() for p in model.parameters() if p.requires_grad)
    print("Model = %s" % str(model))  # noqa: UP031 (the original's format)
    print("number of params (M): %.2f" % (n_parameters / 1.0e6))
    eff_batch_size = batch_size
    lr = blr * eff_batch_size / 256
    print("base lr: %.2e" % (lr * 256 / eff_batch_size))
    print("actual lr: %.2e" % lr)  # noqa: UP031 (the original's format)
    print("accumulate grad iterations: %d" % 1)  # noqa: UP031 (the original's format)
    print("effective batch size: %d" % eff_batch_size)  # noqa: UP031 (the original's format)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.05)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    print("criterion = %s" % str(criterion))  # noqa: UP031 (the original's format)
    print(f"Start training for {epochs} epochs")
    start_time = time.time()
    max_accuracy = 0.0
    step = 0
    train_batches = [
        (tx[k : k + batch_size], ty[k : k + batch_size]) for k in range(0, 200, batch_size)
    ]
    for epoch in range(epochs):
        # train_one_epoch
        model.train(True)
        metric_logger = MetricLogger(delimiter="  ")
        metric_logger.add_meter("lr", SmoothedValue(window_size=1, fmt="{value:.6f}"))
        metric_logger.step, metric_logger.epoch = (lambda: step), epoch  # noqa: B023 (read at print time)
        header = f"Epoch: [{epoch}]"
        print_freq = 20
        order = torch.randperm(len(train_batches), generator=G).tolist()
        loader = [train_batches[k] for k in order]
        for data_iter_step, (samples, targets) in enumerate(
            metric_logger.log_every(loader, print_freq, header)
        ):
            ep = data_iter_step / len(loader) + epoch  # misc.adjust_learning_rate, per iteration
            if ep < warmup_epochs:
                cur = lr * ep / warmup_epochs
            else:
                cur = min_lr + (lr - min_lr) * 0.5 * (
                    1.0 + math.cos(math.pi * (ep - warmup_epochs) / (epochs - warmup_epochs))
                )
            for param_group in optimizer.param_groups:
                param_group["lr"] = cur
            outputs = model(samples)
            loss = criterion(outputs, targets)
            loss_value = loss.item()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
            metric_logger.update(loss=loss_value)
            max_lr = 0.0
            for group in optimizer.param_groups:
                max_lr = max(max_lr, group["lr"])
            metric_logger.update(lr=max_lr)
        metric_logger.record()
        print("Averaged stats:", metric_logger)
        # evaluate
        metric_logger = MetricLogger(delimiter="  ", record_prefix="Test ")
        metric_logger.step, metric_logger.epoch = (lambda: step), epoch  # noqa: B023 (read at print time)
        header = "Test:"
        model.eval()
        val_batches = [(vx[k : k + 8], vy[k : k + 8]) for k in range(0, 40, 8)]
        with torch.no_grad():
            for images_, target in metric_logger.log_every(val_batches, 10, header):
                output = model(images_)
                loss = F.cross_entropy(output, target)
                acc1, acc5 = accuracy(output, target, topk=(1, 5))
                batch_size_ = images_.shape[0]
                metric_logger.update(loss=loss.item())
                metric_logger.meters["acc1"].update(acc1.item(), n=batch_size_)
                metric_logger.meters["acc5"].update(acc5.item(), n=batch_size_)
        top1, top5, losses = metric_logger.acc1, metric_logger.acc5, metric_logger.loss
        rec("Acc@1", step, epoch, top1.global_avg)
        rec("Acc@5", step, epoch, top5.global_avg)
        rec("Test loss", step, epoch, losses.global_avg)
        print(
            f"* Acc@1 {top1.global_avg:.3f} Acc@5 {top5.global_avg:.3f} loss {losses.global_avg:.3f}"
        )
        test_stats = {k: meter.global_avg for k, meter in metric_logger.meters.items()}
        print(
            f"Accuracy of the network on the {len(vx)} test images: "
            f"{rec(f'Accuracy of the network on the {len(vx)} test images', step, epoch, test_stats['acc1']):.1f}%"
        )
        max_accuracy = max(max_accuracy, test_stats["acc1"])
        print(f"Max accuracy: {rec('Max accuracy', step, epoch, max_accuracy):.2f}%")
    total_time = time.time() - start_time
    total_time_str = str(datetime.timedelta(seconds=int(total_time)))
    print(f"Training time {total_time_str}")


NOTES["mae"] = (
    "facebookresearch/mae fine-tuning (main_finetune.py + engine_finetune.py, with util/misc.py's "
    "SmoothedValue / MetricLogger from DeiT, verbatim), run on the CPU (no 'max mem' column): "
    "'job dir: …', an argparse Namespace (settings), the two datasets' reprs ('Number of "
    "datapoints: 200'), 'Model = …' (a module tree), 'number of params (M): 0.00', 'base lr: "
    "4.00e-01', 'actual lr: 1.25e-02', 'accumulate grad iterations: 1', 'effective batch size: 8', "
    "'criterion = CrossEntropyLoss()', 'Start training for 3 epochs' (all settings or counts), "
    "then per epoch training lines at iterations 0, 20 and the last 'Epoch: [0]  [ 0/25]  eta: "
    "0:00:00  lr: 0.000000  loss: 2.3112 (2.3112)  time: 0.0123  data: 0.0001' (lr: the meter's "
    "current value, 0 at the first warm-up iteration; loss: the MEDIAN of the last 20 losses, "
    "then the global average since the epoch began in parentheses), '<header> Total time: "
    "0:00:00 (0.0083 s / it)', 'Averaged stats: lr: 0.000625  loss: 2.2511 (2.2723)' (the same "
    "meters printed again: the same values as the epoch's last training line, a second point "
    "each at the same step), the evaluation 'Test:  [0/5]  eta: …  loss: 2.2719 (2.2719)  acc1: "
    "12.5000 (12.5000)  acc5: 50.0000 (50.0000)  time: …  data: …' (series 'Test loss', 'Test "
    "acc1', 'Test acc5': medians), '* Acc@1 15.000 Acc@5 62.500 loss 2.276' (the evaluation "
    "meters' global averages: series 'Acc@1', 'Acc@5', and the evaluation loss as the epoch's "
    "last point of 'Test loss'), 'Accuracy of the network on the 40 test images: 15.0%' (acc1 "
    "again, one decimal; 40 is the test set's size, a count inside the name), 'Max accuracy: "
    "15.00%' (best so far), finally 'Training time 0:00:02'. Steps: the global optimizer step "
    "the script counts (25 per epoch; the printed [i/25] is 0-based: '[20/25]' of epoch 1 is "
    "step 46); evaluation values at the epoch's last step; epoch 0-based as printed. Accuracies "
    "in percent. Model: a small CNN on synthetic 16x16 10-class images, AdamW, label smoothing "
    "0.1, MAE's per-iteration warm-up + half-cycle cosine lr."
)
EXTRA["mae"] = [
    "time, data, Test time and Test data (seconds per iteration and loading, averages), eta",
    "s / it (the Total time line's seconds per iteration)",
    "the running global averages in parentheses after each median",
]
KIND["mae"] = "global"


STYLES = {
    "imagenet": imagenet,
    "simsiam": simsiam,
    "vae": vae,
    "superres": superres,
    "neuralstyle": neuralstyle,
    "textcls": textcls,
    "cs231n": cs231n,
    "timeseq": timeseq,
    "mae": mae,
}
STYLES[style]()
_truth.write(
    library="hand-written loop (print), "
    + ("numpy 2.4.6 model" if style == "cs231n" else "torch 2.13.0+cpu model"),
    script="tests/corpus/scripts/hand_vision_examples.py",
    record="the values the script printed, kept by the script itself at full precision",
    step_kind=KIND[style],
    series=rec.series,
    extra_ok=EXTRA[style],
    notes=NOTES[style],
)
