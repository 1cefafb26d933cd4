"""PyOD's deep detectors (AutoEncoder, DeepSVDD) trained with verbose=2: a line per epoch.

Versions: pyod 3.6.7, torch 2.13.0+cpu, numpy, Python 3.11 (/work/wt/venv-torch).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_pyod_autoencoder -- python tests/corpus/scripts/pyod_deep.py autoencoder
    python tests/corpus/scripts/capture.py pty real_pyod_deepsvdd_pty -- python tests/corpus/scripts/pyod_deep.py deepsvdd
Truth: PyOD keeps no history of its losses; the epoch's loss is taken inside the library as it
prints it: the per-batch losses its own ``training_forward`` returns, averaged over the epoch
with ``np.mean`` exactly as ``BaseDeepLearningDetector.train`` does (AutoEncoder), and the sum
of the epoch's batch losses, DeepSVDD's ``epoch_loss``, taken as ``backward()`` is called.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pyod
import torch

which = sys.argv[1]
rng = np.random.default_rng(0)
X = rng.normal(size=(300, 8)).astype("float32")
series = _truth.Series()
EPOCHS = 6

if which == "autoencoder":
    from pyod.models.auto_encoder import AutoEncoder

    clf = AutoEncoder(epoch_num=EPOCHS, batch_size=64, verbose=2, random_state=0)
    batch_losses: list[float] = []
    forward = clf.training_forward

    def training_forward(batch_data):
        loss = forward(batch_data)
        batch_losses.append(loss)
        return loss

    def epoch_update():
        epoch = len(series.series.get("loss", {"points": []})["points"]) + 1
        series.add("loss", None, epoch, float(np.mean(batch_losses)))
        batch_losses.clear()

    clf.training_forward = training_forward
    clf.epoch_update = epoch_update
    clf.fit(X)
    record = "the epoch's mean of AutoEncoder.training_forward's batch losses (as train() prints)"
    notes = "One line per epoch: `Epoch 1/6, loss=1.1080, time=1.76s` (time: the epoch's seconds)."
    extra = ["time (the epoch's duration)"]
else:
    from pyod.models.deep_svdd import DeepSVDD

    clf = DeepSVDD(n_features=8, epochs=EPOCHS, batch_size=64, verbose=2, random_state=0)
    backward = torch.Tensor.backward
    epoch_losses: list[float] = []

    def recording_backward(self, *args, **kwargs):
        if self.dim() == 0:
            epoch_losses.append(float(self.item()))
        return backward(self, *args, **kwargs)

    torch.Tensor.backward = recording_backward
    printed = sys.stdout

    class Tap:
        """DeepSVDD prints after each epoch: close the epoch's record there."""

        def write(self, text):
            if text.startswith("Epoch ") and epoch_losses:
                epoch = len(series.series.get("Loss", {"points": []})["points"]) + 1
                series.add("Loss", None, epoch, sum(epoch_losses))
                epoch_losses.clear()
            return printed.write(text)

        def flush(self):
            printed.flush()

    sys.stdout = Tap()
    clf.fit(X)
    sys.stdout = printed
    torch.Tensor.backward = backward
    record = (
        "the sum of the epoch's batch losses (each loss backward() is called on), DeepSVDD.fit's "
        "epoch_loss"
    )
    notes = "One line per epoch: `Epoch 1/6, Loss: 2.5921989381313324`."
    extra = []

_truth.write(
    library=f"pyod {pyod.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/pyod_deep.py",
    record=record,
    step_kind="epoch",
    series=series,
    extra_ok=extra,
    notes=notes,
)
