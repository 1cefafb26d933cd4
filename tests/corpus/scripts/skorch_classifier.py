# skorch NeuralNetClassifier on synthetic data: skorch prints its epoch table itself.
# skorch 1.4.0, torch 2.13.0+cpu, scikit-learn 1.9.1.
# Captures (from the repo root; --record writes net.history, the truth):
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_skorch.txt -- \
#       python tests/corpus/scripts/skorch_classifier.py --record /tmp/skorch_pipe.json
#   python tests/corpus/scripts/capture_torch.py pty tests/corpus/console/real_skorch_pty.txt -- \
#       python tests/corpus/scripts/skorch_classifier.py --record /tmp/skorch_pty.json
#   ... --progress --record /tmp/skorch_bar.json   -> real_skorch_progressbar(_pty) (skorch's ProgressBar callback)
import argparse
import json

import numpy as np
import torch
from skorch import NeuralNetClassifier
from skorch.callbacks import EpochScoring, ProgressBar
from torch import nn


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 2))

    def forward(self, x):
        return self.net(x)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--record", required=True)
    p.add_argument("--progress", action="store_true")
    a = p.parse_args()
    torch.manual_seed(0)
    rng = np.random.RandomState(0)
    X = rng.randn(400, 20).astype(np.float32)
    y = (X[:, :3].sum(1) + 0.5 * rng.randn(400) > 0).astype(np.int64)
    callbacks = [
        EpochScoring("f1", lower_is_better=False, name="valid_f1"),
        EpochScoring("accuracy", on_train=True, name="train_acc"),
    ]
    if a.progress:
        callbacks.append(ProgressBar())
    net = NeuralNetClassifier(
        MLP,
        max_epochs=8,
        lr=0.1,
        batch_size=32,
        optimizer=torch.optim.SGD,
        criterion=nn.CrossEntropyLoss,
        callbacks=callbacks,
        iterator_train__shuffle=True,
    )
    net.fit(X, y)
    with open(a.record, "w") as f:
        json.dump(list(net.history), f, indent=1)


if __name__ == "__main__":
    main()
