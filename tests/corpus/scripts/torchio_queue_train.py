"""TorchIO patch-based 3D segmentation training on a tiny synthetic dataset (spheres in noise),
as TorchIO's tutorials train: SubjectsDataset + transforms, a tio.Queue of patches from a
UniformSampler, SubjectsLoader, tqdm bars over the queue, per-epoch train loss / validation
Dice, then a GridSampler + GridAggregator inference on one held-out volume.

Versions: torchio 1.2.1, torch 2.13.0 CPU, numpy, tqdm, Python 3.11.
`queue` (default): Queue(verbose=False), tqdm bar per epoch with set_postfix(loss=...),
  'Epoch 3/6  train_loss: 0.6123  val_loss: 0.5900  val_dice: 0.4321'.
`verbose`: Queue(verbose=True) (its own '… patches in queue' / 'Filling queue from N subjects'
  lines), tio.Subject/transform reprs, and one line per 10 iterations 'it 20 loss 0.61234'.
Capture (repository root, venv /work/venvs/corpus-zBG-1):
    python tests/corpus/scripts/capture.py pipe real_torchio_queue -- python tests/corpus/scripts/torchio_queue_train.py queue
    python tests/corpus/scripts/capture.py pty real_torchio_queue_pty -- python tests/corpus/scripts/torchio_queue_train.py queue
    python tests/corpus/scripts/capture.py pipe real_torchio_queue_verbose -- python tests/corpus/scripts/torchio_queue_train.py verbose
Truth: the loop's own history (lists of the values it printed, full precision).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402
import torchio as tio  # noqa: E402
from tqdm import tqdm  # noqa: E402

variant = sys.argv[1] if len(sys.argv) > 1 else "queue"
verbose = variant == "verbose"
torch.manual_seed(0)
rng = np.random.RandomState(0)

SHAPE = (32, 32, 32)


def make_subject(i):
    zz, yy, xx = np.mgrid[: SHAPE[0], : SHAPE[1], : SHAPE[2]]
    img = rng.normal(0, 0.6, SHAPE).astype(np.float32)
    lab = np.zeros(SHAPE, dtype=np.int64)
    for _ in range(rng.randint(1, 4)):
        c = rng.uniform(6, 26, 3)
        r = rng.uniform(3, 7)
        m = (zz - c[0]) ** 2 + (yy - c[1]) ** 2 + (xx - c[2]) ** 2 < r**2
        lab[m] = 1
        img[m] += 1.5
    return tio.Subject(
        t1=tio.ScalarImage(tensor=torch.from_numpy(img)[None]),
        seg=tio.LabelMap(tensor=torch.from_numpy(lab)[None]),
        subject_id=f"sub-{i:03d}",
    )


subjects = [make_subject(i) for i in range(14)]
train_subjects, val_subjects = subjects[:10], subjects[10:]
train_tf = tio.Compose([tio.RandomFlip(axes=("LR",)), tio.RandomNoise(std=(0, 0.1)), tio.ZNormalization()])
val_tf = tio.ZNormalization()
train_set = tio.SubjectsDataset(train_subjects, transform=train_tf)
val_set = tio.SubjectsDataset(val_subjects, transform=val_tf)
print(f"TorchIO {metadata.version('torchio')}, torch {torch.__version__}")
print(f"Training set: {len(train_set)} subjects")
print(f"Validation set: {len(val_set)} subjects")
if verbose:
    print(train_subjects[0])
    print(train_tf)

patch_size = 16
queue = tio.Queue(
    train_set,
    max_length=40,
    samples_per_volume=8,
    sampler=tio.data.UniformSampler(patch_size),
    num_workers=0,
    shuffle_subjects=True,
    shuffle_patches=True,
    verbose=verbose,
)
loader = tio.SubjectsLoader(queue, batch_size=8, num_workers=0)
val_loader = tio.SubjectsLoader(val_set, batch_size=2)


class TinyUNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv3d(1, 8, 3, padding=1), nn.ReLU(), nn.Conv3d(8, 8, 3, padding=1), nn.ReLU())
        self.down = nn.Sequential(nn.MaxPool3d(2), nn.Conv3d(8, 16, 3, padding=1), nn.ReLU())
        self.up = nn.ConvTranspose3d(16, 8, 2, stride=2)
        self.out = nn.Conv3d(16, 2, 1)

    def forward(self, x):
        e = self.enc(x)
        d = self.up(self.down(e))
        return self.out(torch.cat([e, d], 1))


model = TinyUNet()
print(f"Model parameters: {sum(p.numel() for p in model.parameters())}")
opt = torch.optim.AdamW(model.parameters(), lr=3e-3)


def dice_loss(logits, target):
    prob = logits.softmax(1)[:, 1]
    t = (target[:, 0] == 1).float()
    inter = (prob * t).sum()
    return 1 - (2 * inter + 1) / (prob.sum() + t.sum() + 1), inter


def loss_fn(logits, target):
    return F.cross_entropy(logits, target[:, 0]) + dice_loss(logits, target)[0]


series = _truth.Series()
EPOCHS = 6
it = 0
for epoch in range(1, EPOCHS + 1):
    model.train()
    losses = []
    bar = loader if verbose else tqdm(loader, desc=f"Epoch {epoch}/{EPOCHS}", unit="batch")
    for batch in bar:
        x, y = batch["t1"][tio.DATA], batch["seg"][tio.DATA]
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        it += 1
        losses.append(loss.item())
        if verbose:
            if it % 10 == 0:
                print(f"it {it} loss {loss.item():.5f}")
                series.add("loss", it, epoch, loss.item())
        else:
            bar.set_postfix(loss=f"{loss.item():.4f}")
    model.eval()
    vl, dices = [], []
    with torch.no_grad():
        for batch in val_loader:
            x, y = batch["t1"][tio.DATA], batch["seg"][tio.DATA]
            logits = model(x)
            vl.append(loss_fn(logits, y).item())
            pred = logits.argmax(1)
            t = y[:, 0] == 1
            dices.append((2 * (pred.bool() & t).sum() / (pred.sum() + t.sum() + 1e-6)).item())
    tl, vloss, vd = float(np.mean(losses)), float(np.mean(vl)), float(np.mean(dices))
    print(f"Epoch {epoch}/{EPOCHS}  train_loss: {tl:.4f}  val_loss: {vloss:.4f}  val_dice: {vd:.4f}")
    series.add("train_loss", it, epoch, tl)
    series.add("val_loss", it, epoch, vloss)
    series.add("val_dice", it, epoch, vd)

# patch-based inference on one validation volume
subject = val_set[0]
sampler = tio.inference.GridSampler(subject, patch_size, patch_overlap=4)
agg = tio.inference.GridAggregator(sampler)
with torch.no_grad():
    for batch in tio.SubjectsLoader(sampler, batch_size=8):
        agg.add_batch(model(batch["t1"][tio.DATA]), batch[tio.LOCATION])
pred = agg.get_output_tensor().argmax(0)
t = subject["seg"][tio.DATA][0] == 1
dice = (2 * (pred.bool() & t).sum() / (pred.sum() + t.sum() + 1e-6)).item()
print(f"Grid inference on {subject['subject_id']}: {len(sampler)} patches, Dice = {dice:.4f}")
series.add("Dice", None, None, dice)

_truth.write(
    library=f"torchio {metadata.version('torchio')} (torch {torch.__version__})",
    script="tests/corpus/scripts/torchio_queue_train.py",
    record="the loop's own history lists of the values it printed",
    step_kind="global",
    series=series,
    extra_ok=[] if verbose else ["the per-batch loss of the tqdm postfix 'loss=0.6123' (not in the record) and its it/s rate"],
    not_printed=[] if verbose else ["per-batch losses are recorded only as epoch means; the bar's last postfix shows one"],
    notes="step = the loop's iteration count at the end of the epoch (10 volumes x 8 patches / batch 8 = 10 per epoch).",
)
