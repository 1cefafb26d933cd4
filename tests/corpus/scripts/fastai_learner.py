# fastai Learner (a small MLP, DataLoaders.from_dsets) on synthetic tabular tensors: fastai prints its per-epoch table itself (fastprogress,
# plain text outside a notebook).
# fastai 2.8.12, fastprogress 1.1.6, torch 2.14.1 + torchvision 0.29.1
# (venv-tv: fastai needs torchvision, which does not import beside torch 2.13.0). tabular_learner fails with
# torch 2.14.1 (nn.Linear is handed fastcore's L), so the model is a plain nn.Sequential.
# Truth: learn.recorder.values and learn.recorder.metric_names, dumped to --record.
# Captures (from the repo root, venv-tv active):
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_fastai_learner.txt -- \
#       python tests/corpus/scripts/fastai_learner.py --record /tmp/fastai_pipe.json
#   python tests/corpus/scripts/capture_torch.py pty tests/corpus/console/real_fastai_learner_pty.txt -- \
#       python tests/corpus/scripts/fastai_learner.py --record /tmp/fastai_pty.json
import argparse
import json

import fastai.callback.all  # noqa: F401 (patches fit_one_cycle, adds ProgressCallback as the library does)
import torch
from fastai.data.core import DataLoaders
from fastai.learner import Learner
from fastai.losses import CrossEntropyLossFlat
from fastai.metrics import F1Score, accuracy
from fastai.torch_core import set_seed
from torch import nn


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--record", required=True)
    a = p.parse_args()
    set_seed(0, reproducible=True)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(600, 8, generator=g)
    y = ((x[:, 0] + 0.5 * x[:, 1] + 0.3 * torch.randn(600, generator=g)) > 0).long()
    train = list(zip(x[:480], y[:480], strict=True))
    valid = list(zip(x[480:], y[480:], strict=True))
    dls = DataLoaders.from_dsets(train, valid, bs=64, num_workers=0)
    model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 2))
    learn = Learner(dls, model, loss_func=CrossEntropyLossFlat(), metrics=[accuracy, F1Score()])
    learn.fit_one_cycle(4, 1e-2)
    with open(a.record, "w") as f:
        json.dump(
            {
                "metric_names": list(learn.recorder.metric_names),
                "values": [[float(v) for v in row] for row in learn.recorder.values],
            },
            f,
            indent=1,
        )


if __name__ == "__main__":
    main()
