"""torchaudio hand loop in the style of torchaudio's "Speech Command Classification" tutorial:
torchaudio.transforms.Resample (16 kHz -> 8 kHz) on the waveforms, a small M5-style 1-D conv
net, `train(model, epoch, log_interval)` printing
    Train Epoch: 1 [0/320 (0%)]	Loss: 2.345678
every log_interval batches, `evaluate(model, epoch)` (the tutorial's `test`) printing
    Test Epoch: 1	Accuracy: 37/80 (46%)
and a tqdm bar over the whole run updated per batch (`with tqdm(total=n_epoch) as pbar`,
pbar.update(1 / (len(train_loader) + len(test_loader)))), exactly as the tutorial does; a second
variant (--spec) feeds torchaudio MelSpectrogram + AmplitudeToDB + FrequencyMasking/TimeMasking
features to a 2-D conv net instead. Data: synthetic "commands" (each of 6 classes a tone pattern
plus noise, random offsets), nothing downloaded, seeds fixed.

Truth: the loop's own record (the tutorial's `losses` list, loss.item() at full precision, and
the test accuracy it computes, 100 * correct / n, i.e. in the printed unit: percent).

Versions: torchaudio 2.9.1, torch 2.9.1, tqdm, Python 3.11. Environment: /work/venvs/corpus-zBD-2
(`pip install torch==2.9.1`, then `pip install torch==2.9.1 'torchaudio==2.9.*' numpy tqdm`).
Capture (repository root):
    OMP_NUM_THREADS=1 python tests/corpus/scripts/capture.py pipe real_torchaudio_tutorial_loop -- python tests/corpus/scripts/torchaudio_speech_commands_loop.py
    OMP_NUM_THREADS=1 python tests/corpus/scripts/capture.py pty real_torchaudio_tutorial_loop_pty -- python tests/corpus/scripts/torchaudio_speech_commands_loop.py
    OMP_NUM_THREADS=1 python tests/corpus/scripts/capture.py pipe real_torchaudio_melspec_loop -- python tests/corpus/scripts/torchaudio_speech_commands_loop.py --spec
    OMP_NUM_THREADS=1 python tests/corpus/scripts/capture.py pty real_torchaudio_melspec_loop_pty -- python tests/corpus/scripts/torchaudio_speech_commands_loop.py --spec
"""

import argparse
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchaudio
from tqdm import tqdm

sys.path.insert(0, os.path.dirname(__file__))
import _truth  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--spec", action="store_true")
args = ap.parse_args()

torch.manual_seed(0)
device = torch.device("cpu")
print(f"torch {torch.__version__}, torchaudio {torchaudio.__version__}")
print(device)

labels = ["yes", "no", "up", "down", "left", "right"]
sample_rate, new_sample_rate = 16000, 8000


def make_set(n, gen):
    xs, ys = [], []
    t = torch.arange(sample_rate // 2) / sample_rate
    for i in range(n):
        y = i % len(labels)
        f = 220.0 * (1.25 ** y)
        off = torch.rand(1, generator=gen).item() * 0.2
        env = torch.exp(-((t - 0.2 - off) ** 2) / 0.01)
        w = env * torch.sin(2 * math.pi * f * t) + (1.0 if args.spec else 3.0) * torch.randn(t.shape, generator=gen)
        w2 = env * torch.sin(2 * math.pi * f * (1.5 if y % 2 else 2.0) * t)
        xs.append((0.5 * (w + w2)).unsqueeze(0))
        ys.append(y)
    return torch.stack(xs), torch.tensor(ys)


gen = torch.Generator().manual_seed(1)
train_x, train_y = make_set(240, gen)
test_x, test_y = make_set(60, gen)
waveform = train_x[0]
print("Shape of waveform: {}".format(waveform.size()))
print("Sample rate of waveform: {}".format(sample_rate))
print(f"Training set: {len(train_x)} items, test set: {len(test_x)} items, labels: {labels}")

transform = torchaudio.transforms.Resample(orig_freq=sample_rate, new_freq=new_sample_rate)
transformed = transform(waveform)
print("Shape of transformed waveform: {}".format(transformed.size()))

batch_size = 24
train_loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(train_x, train_y), batch_size=batch_size, shuffle=True)
test_loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(test_x, test_y), batch_size=batch_size, shuffle=False)


class M5(nn.Module):
    def __init__(self, n_input=1, n_output=35, stride=16, n_channel=32):
        super().__init__()
        self.conv1 = nn.Conv1d(n_input, n_channel, kernel_size=80, stride=stride)
        self.bn1 = nn.BatchNorm1d(n_channel)
        self.pool1 = nn.MaxPool1d(4)
        self.conv2 = nn.Conv1d(n_channel, n_channel, kernel_size=3)
        self.bn2 = nn.BatchNorm1d(n_channel)
        self.pool2 = nn.MaxPool1d(4)
        self.conv3 = nn.Conv1d(n_channel, 2 * n_channel, kernel_size=3)
        self.bn3 = nn.BatchNorm1d(2 * n_channel)
        self.fc1 = nn.Linear(2 * n_channel, n_output)

    def forward(self, x):
        x = self.pool1(F.relu(self.bn1(self.conv1(x))))
        x = self.pool2(F.relu(self.bn2(self.conv2(x))))
        x = F.relu(self.bn3(self.conv3(x)))
        x = F.avg_pool1d(x, x.shape[-1]).permute(0, 2, 1)
        return F.log_softmax(self.fc1(x), dim=2)


class SpecNet(nn.Module):
    def __init__(self, n_output):
        super().__init__()
        self.bn0 = nn.BatchNorm2d(1)
        self.conv1 = nn.Conv2d(1, 16, 3, padding=1)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.fc1 = nn.Linear(32, n_output)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(self.bn0(x))), 2)
        x = F.relu(self.conv2(x)).mean(dim=(2, 3))
        return F.log_softmax(self.fc1(x), dim=1).unsqueeze(1)


if args.spec:
    features = nn.Sequential(
        torchaudio.transforms.Resample(orig_freq=sample_rate, new_freq=new_sample_rate),
        torchaudio.transforms.MelSpectrogram(sample_rate=new_sample_rate, n_fft=256, n_mels=32),
        torchaudio.transforms.AmplitudeToDB(),
    )
    augment = nn.Sequential(
        torchaudio.transforms.FrequencyMasking(freq_mask_param=4),
        torchaudio.transforms.TimeMasking(time_mask_param=6),
    )
    model = SpecNet(n_output=len(labels))
    print(features)
else:
    features, augment = transform, nn.Identity()
    model = M5(n_input=transformed.shape[0], n_output=len(labels))
model.to(device)
print(model)


def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


n = count_parameters(model)
print("Number of parameters: %s" % n)

optimizer = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=0.0001)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=20, gamma=0.1)

record = _truth.Series()
step = 0


def train(model, epoch, log_interval):
    global step
    model.train()
    for batch_idx, (data, target) in enumerate(train_loader):
        data = augment(features(data))
        output = model(data)
        loss = F.nll_loss(output.squeeze(), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        step += 1
        if batch_idx % log_interval == 0:
            print(f"Train Epoch: {epoch} [{batch_idx * len(data)}/{len(train_loader.dataset)} "
                  f"({100. * batch_idx / len(train_loader):.0f}%)]\tLoss: {loss.item():.6f}")
            record.add("Loss", step, epoch, loss.item())
        pbar.update(pbar_update)
        losses.append(loss.item())


def number_of_correct(pred, target):
    return pred.squeeze().eq(target).sum().item()


def get_likely_index(tensor):
    return tensor.argmax(dim=-1)


def evaluate(model, epoch):
    model.eval()
    correct = 0
    with torch.no_grad():
        for data, target in test_loader:
            output = model(features(data))
            pred = get_likely_index(output)
            correct += number_of_correct(pred, target)
            pbar.update(pbar_update)
    acc = 100. * correct / len(test_loader.dataset)
    print(f"\nTest Epoch: {epoch}\tAccuracy: {correct}/{len(test_loader.dataset)} ({acc:.0f}%)\n")
    record.add("Accuracy", step, epoch, acc)


log_interval = 4
n_epoch = 5
pbar_update = 1 / (len(train_loader) + len(test_loader))
losses = []
with tqdm(total=n_epoch) as pbar:
    for epoch in range(1, n_epoch + 1):
        train(model, epoch, log_interval)
        evaluate(model, epoch)
        scheduler.step()

_truth.write(
    library=f"torchaudio {torchaudio.__version__} (torch {torch.__version__}), hand loop",
    script="tests/corpus/scripts/torchaudio_speech_commands_loop.py",
    record="the loop's own record: loss.item() at each printed batch, 100*correct/n per test",
    step_kind="global",
    series=record,
    notes=(
        "torchaudio's Speech Command tutorial loop" + (" with MelSpectrogram features" if
        args.spec else "") + ": prints versions, 'cpu', waveform shapes and sample rate "
        "(16000), set sizes, print(model) (layer sizes), 'Number of parameters: N' (a count); "
        "'Train Epoch: 1 [96/240 (40%)]\\tLoss: 1.234567' (the bracket is samples seen / set "
        "size and percent of the epoch: progress, not metrics); after each epoch a blank line, "
        "'Test Epoch: 1\\tAccuracy: 37/60 (62%)' (correct/total counts; the percentage is the "
        "accuracy series, printed with '%.0f', truth in percent at full precision) and a blank "
        "line. A tqdm bar runs over all epochs with a fractional total ('2.4000000000000004/5' "
        "style counts, no metrics) and interleaves with the prints."
    ),
)
