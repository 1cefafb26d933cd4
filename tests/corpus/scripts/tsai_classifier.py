# ruff: noqa: F403, F405
"""tsai (time series on fastai): the README's TSClassifier flow on synthetic multivariate series,
after tsai's own `my_setup()` environment report, as its tutorials open:

    os              : Linux-6.18.44-...
    python          : 3.11.7
    tsai            : 1.0.1
    ...
    cpu cores       : 2
    RAM             : 23.54 GB
    GPU memory      : N/A

then fastai's console table (fastprogress outside a notebook), one row per epoch:

    epoch     train_loss  valid_loss  accuracy  time
    0         0.795397    1.058740    0.375000  00:08

with `Epoch 1/3 : |████---| 33.33% [2/6 00:00<00:00... 1.0816]` bars drawn with \r in between.

Truth: learn.recorder.values and learn.recorder.metric_names (fastai's Recorder), full precision.

Versions: tsai 1.0.1, fastai 2.8.12, fastprogress 1.1.6, torch 2.13.0+cpu, torchvision 0.28.0,
Python 3.11. torchvision 0.28.0 (the release for torch 2.13) is a CUDA build whose _C.so cannot
load beside the CPU torch; its `torchvision/_meta_registrations.py` was emptied in the venv (it
registers fake kernels for the missing C++ ops unconditionally); nothing here uses those ops.
`from tsai.all import *` fails with pyts 0.14.1 (`pyts.image.gaf` is gone), so the script uses
`from tsai.basics import *`, which the README also shows.
Venv (/work/venvs/corpus-zI-1): pip install torch==2.13.0 torchvision==0.28.0 tsai
"open_clip_torch[training]" tensorboard, then `: > .../site-packages/torchvision/_meta_registrations.py`.
Captures (repository root), about 30 s of CPU each:
    python tests/corpus/scripts/capture.py pipe real_tsai_classifier -- \
        python tests/corpus/scripts/tsai_classifier.py
    python tests/corpus/scripts/capture.py pty real_tsai_classifier_pty -- \
        python tests/corpus/scripts/tsai_classifier.py
"""

import os
import sys
from importlib import metadata

import numpy as np
from tsai.basics import *  # as tsai's README does

sys.path.insert(0, os.path.dirname(__file__))

import _truth

my_setup()

rng = np.random.RandomState(0)
n, c, L = 180, 3, 32
labels = rng.randint(0, 3, n)
t = np.linspace(0, 4 * np.pi, L)
X = rng.normal(0, 0.6, (n, c, L)).astype(np.float32)
for i in range(n):
    X[i, 0] += np.sin(t * (1 + labels[i]))
    X[i, 2] += 0.3 * labels[i]
y = np.array(["walk", "run", "jump"])[labels]
splits = get_splits(
    y, valid_size=0.2, stratify=True, random_state=23, shuffle=True, show_plot=False
)
learn = TSClassifier(
    X,
    y,
    splits=splits,
    arch="InceptionTimePlus",
    tfms=[None, TSClassification()],
    batch_tfms=TSStandardize(),
    metrics=accuracy,
    bs=32,
    seed=0,
)
learn.fit_one_cycle(3, 1e-3)

names = list(learn.recorder.metric_names)[1:-1]  # 'epoch' ... 'time' frame the values
series = _truth.Series()
for epoch, row in enumerate(learn.recorder.values):
    for name, v in zip(names, row, strict=True):
        series.add(name, None, epoch, v)

_truth.write(
    library=f"tsai {metadata.version('tsai')} (fastai {metadata.version('fastai')}, fastprogress "
    f"{metadata.version('fastprogress')}, torch {metadata.version('torch')})",
    script="tests/corpus/scripts/tsai_classifier.py",
    record="learn.recorder.values / learn.recorder.metric_names (fastai's Recorder)",
    step_kind="epoch",
    series=series,
    notes="tsai's my_setup() first prints its environment report as aligned 'name : value' lines "
    "('os              : Linux-...', 'python          : 3.11.7', 'tsai            : 1.0.1', "
    "'torch           : 2.13.0+cpu', 'device          : cpu', 'cpu cores       : 2', "
    "'threads per cpu : 1', 'RAM             : 23.54 GB', 'GPU memory      : N/A'): versions and "
    "machine sizes, not metrics. Then fastai's ProgressCallback outside a notebook: the header "
    "'epoch     train_loss  valid_loss  accuracy  time' and one row per epoch, floats .6f, epoch "
    "0-based, 'time' mm:ss (not a metric). Between rows, 'Epoch 1/3 : |███---| 50.00% [2/4 "
    "00:00<00:00... 1.0816]' bars are drawn with \\r (also in a pipe); the unnamed number after "
    "'...' is the smoothed training loss (recorder.smooth_loss, never named): not a series. Lone "
    "'█' and blank redraws are fastprogress artefacts. fastai keeps no step in recorder.values, so "
    "step is null.",
)
