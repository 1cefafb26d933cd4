"""kornia: kornia.geometry.ImageRegistrator.register(..., verbose=True), the gradient-descent image
registration of kornia's "Image Registration by Direct Optimization" tutorial, on a synthetic 64x64 image
and a rotated, scaled and shifted copy of it (no download). With verbose=True kornia prints, every 10
iterations of each pyramid level (coarse to fine; `iter` restarts at 0 for each level and a level stops
early when the loss changes by less than `tolerance`):

    Loss = 0.1234, iter=0
    Loss = 0.0987, iter=10
    ...
    Loss = 0.0811, iter=0
    ...

Two registrations are run, as the tutorial compares models: a 'similarity' model then a 'homography'
model, each preceded by a line of the script naming it.

Truth: kornia keeps no history. The loss register() prints is current_loss = (the single-level loss of
src->dst) + (that of dst->src), the two calls of ImageRegistrator.get_single_level_loss in one iteration;
a subclass keeps each call's result (same tensors, same sum, so the same float) with its pyramid level
(from the image size) and replays register()'s own rule for which iterations print (i % 10 == 0 and
the level not stopped by the tolerance at that iteration). Step = `iter` as kornia prints it (restarting
at each level).

Versions: kornia 0.9.0, torch 2.13.0+cpu, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zAA-1):
    python tests/corpus/scripts/capture.py pipe real_kornia_registrator -- python tests/corpus/scripts/kornia_registrator.py
"""

import math
import os
import sys

import kornia
import torch
from kornia.geometry import ImageRegistrator

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.manual_seed(0)


class RecordingRegistrator(ImageRegistrator):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.calls = []

    def get_single_level_loss(self, img_src, img_dst, transform_model):
        loss = super().get_single_level_loss(img_src, img_dst, transform_model)
        self.calls.append((tuple(img_src.shape[-2:]), loss.detach().clone()))
        return loss


def printed_losses(reg):
    """Replay register()'s loop over the recorded calls: (level, iter, loss) of each printed line."""
    out = []
    pairs = [
        (reg.calls[k][0], (reg.calls[k][1] + reg.calls[k + 1][1]).item())
        for k in range(0, len(reg.calls), 2)
    ]
    level_index, i, prev, prev_shape = -1, 0, None, None
    for shape, current in pairs:
        if shape != prev_shape:
            level_index, i, prev, prev_shape = level_index + 1, 0, None, shape
        stopped = prev is not None and abs(current - prev) < reg.tolerance
        if not stopped and i % 10 == 0:
            out.append((level_index, i, current))
        prev = current
        i += 1
    return out


# a synthetic scene: a few gaussian blobs and a bar on a gradient
yy, xx = torch.meshgrid(torch.linspace(-1, 1, 64), torch.linspace(-1, 1, 64), indexing="ij")
img = 0.2 * (xx + 1)
for cx, cy, s in [(-0.4, -0.3, 0.15), (0.35, 0.2, 0.2), (0.0, 0.5, 0.1), (0.5, -0.5, 0.12)]:
    img = img + torch.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * s**2))
img = img + 0.6 * ((yy.abs() < 0.08) & (xx > -0.2)).float()
src = img[None, None].clamp(0, 2) / 2
angle, scale = torch.tensor([12.0]), torch.ones(1, 2) * 1.08
M = kornia.geometry.transform.get_rotation_matrix2d(torch.tensor([[32.0, 32.0]]), angle, scale)
M[:, :, 2] += torch.tensor([2.0, -3.0])
dst = kornia.geometry.transform.warp_affine(src, M, (64, 64))

series = _truth.Series()
for model_type in ("similarity", "homography"):
    print(f"Registering with a {model_type} model")
    reg = RecordingRegistrator(
        model_type, lr=2e-2, num_iterations=40, pyramid_levels=3, tolerance=1e-5
    )
    reg.register(src, dst, verbose=True)
    for _level, i, loss in printed_losses(reg):
        series.add("Loss", i, None, loss)
    assert not any(math.isnan(p[2]) for p in series.series["Loss"]["points"])

_truth.write(
    library=f"kornia {kornia.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/kornia_registrator.py",
    record="the loss ImageRegistrator.register prints (the sum of its two get_single_level_loss calls of "
    "an iteration), kept by a subclass of ImageRegistrator, with register()'s print rule replayed",
    step_kind="global",
    series=series,
    notes="Two registrations in a row ('Registering with a similarity model' then '... homography "
    "model', lines of the script), each over 3 pyramid levels of at most 40 iterations: kornia prints "
    "'Loss = 0.1234, iter=0' every 10 iterations, and `iter` restarts at 0 at every pyramid level and "
    "at every registration, so the step column (iter as printed) goes 0, 10, 20, 30, 0, 10, ... six "
    "times over: one series 'Loss' whose steps are not increasing. A level stops early when the loss "
    "changes by less than 1e-5; its stopping iteration is not printed.",
)
