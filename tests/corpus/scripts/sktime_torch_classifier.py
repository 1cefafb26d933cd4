"""sktime's PyTorch CNN time-series classifier with verbose=True on synthetic series.

Versions: sktime 1.2.0, torch 2.13.0 (CPU), numpy 2.4.6, pandas 3.0.6, Python 3.11 (statsmodels not imported).
Venv /work/venvs/corpus-zk-1: `pip install torch==2.13.0`, then `pip install pypots torchdiffeq sktime` (all wheels,
no other torch; sktime 1.2.0 holds pandas at 3.0.6).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sktime_cnn_torch -- python tests/corpus/scripts/sktime_torch_classifier.py
(plain print() lines, no bar or colour: no pty entry.)
Truth: sktime keeps no loss history. Its training loop prints, per epoch, np.average of the loss.item() of each
batch's criterion call; the script records the value each CrossEntropyLoss call returns (a global module forward
hook, torch.nn.modules.module.register_module_forward_hook) and averages them per epoch the same way.
"""

import math
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import torch
from sktime.classification.deep_learning import CNNClassifierTorch

N_EPOCHS = 20
BATCH = 16


def main():
    rng = np.random.default_rng(0)
    torch.manual_seed(0)
    n, length = 96, 48
    t = np.arange(length)
    y = np.repeat(np.array(["calm", "fast"]), n // 2)
    speed = np.where(y == "fast", 0.4, 0.15)
    X = np.sin(speed[:, None] * t[None, :] + rng.uniform(0, 6, (n, 1))) + 0.4 * rng.normal(
        size=(n, length)
    )
    X = X + np.where(y == "fast", 0.8, 0.0)[:, None]  # a level shift too: an easy problem
    X = X[:, None, :].astype("float32")
    test = rng.permutation(n)[:24]
    train = np.setdiff1d(np.arange(n), test)

    losses = []

    def hook(module, inputs, output):
        if isinstance(module, torch.nn.CrossEntropyLoss):
            losses.append(output.item())

    handle = torch.nn.modules.module.register_module_forward_hook(hook)
    clf = CNNClassifierTorch(
        num_epochs=N_EPOCHS, batch_size=BATCH, lr=0.003, verbose=True, random_state=0
    )
    clf.fit(X[train], y[train])
    handle.remove()
    accuracy = clf.score(X[test], y[test])
    print(f"test accuracy: {accuracy:.3f}")

    per_epoch = math.ceil(len(train) / BATCH)
    assert len(losses) == per_epoch * N_EPOCHS, (len(losses), per_epoch)
    series = _truth.Series()
    for epoch in range(N_EPOCHS):
        series.add(
            "Loss",
            None,
            epoch + 1,
            float(np.average(losses[epoch * per_epoch : (epoch + 1) * per_epoch])),
        )
    series.add("test accuracy", None, None, float(accuracy))
    _truth.write(
        library=(
            f"sktime {metadata.version('sktime')} (torch {torch.__version__}, numpy {np.__version__}, pandas "
            f"{metadata.version('pandas')})"
        ),
        script="tests/corpus/scripts/sktime_torch_classifier.py",
        record=(
            "each CrossEntropyLoss call's value in sktime's training loop (global module forward hook), averaged "
            "per epoch with np.average as sktime does; clf.score() for the script's test accuracy"
        ),
        step_kind="epoch",
        series=series,
        extra_ok=[],
        not_printed=["the per-batch losses"],
        notes=(
            "CNNClassifierTorch(verbose=True) prints one line per epoch, 'Epoch 1: Loss: 0.7176151350566319' "
            "(1-based epoch, the epoch's mean batch loss at full repr), nothing else; the script then prints "
            "'test accuracy: 0.875' (clf.score on the held-out series, 3 decimals; one point, epoch null, after "
            f"the last epoch). {per_epoch} batches per epoch, no step printed."
        ),
    )


if __name__ == "__main__":
    main()
