"""Salesforce Merlion's deep models trained on a synthetic hourly series: a Transformer forecaster
(--model transformer) and an AutoEncoder anomaly detector (--model autoencoder).

Both draw Merlion's own ProgressBar (merlion.utils.misc): one '\\r'-led redraw per epoch, no newline
until the last,

    \\r |==========                              | 25.0% Train Loss:  0.9645, Validation Loss:  0.7603
    \\r |========                                | 20.0% Complete, Loss 0.0167

The transformer run turns on logging.basicConfig(level=logging.INFO) as a user following Merlion's
training messages would: Merlion then logs 'Training steps each epoch: 15', 'EarlyStopping counter:
1 out of 2', 'Early stopping with 2 patience', 'Load the best model with validation loss:  0.1576'
and 'End of the training loop'; the autoencoder run keeps Python's default (nothing logged shows).

Truth: Merlion keeps no per-epoch record. Transformer: the values Merlion itself computed, taken
where it computes them: each training batch's loss.item() (wrapped
DeepForecaster._get_batch_model_loss_and_outputs while the network is in train mode) averaged with
np.average as Merlion does, the validation loss returned by _get_np_loss_and_prediction, and the
EarlyStopping's val_loss_min (full precision; checked against the printed text). AutoEncoder: the
per-batch loss tensors of AEModule.loss summed and divided as Merlion does (checked against the
printed text).

Versions: salesforce-merlion 2.0.4 (installed --no-deps: its statsmodels, prophet, py4j, GitPython
and cython requirements are not imported by these models), torch 2.13.0+cpu, numpy 1.26.4 (Merlion
pins numpy<2), pandas 2.3.3, scikit-learn 1.7.2, Python 3.11. Seeds fixed; ~30 s of CPU each (most
of it imports).
Capture (repository root; venv /work/venvs/corpus-zB-2: pip install torch==2.13.0 &&
pip install --no-deps salesforce-merlion && pip install "numpy<2" dill matplotlib plotly pandas
scikit-learn scipy lightgbm tqdm einops packaging):
    python tests/corpus/scripts/capture.py pipe real_merlion_transformer -- python tests/corpus/scripts/merlion_train.py --model transformer
    python tests/corpus/scripts/capture.py pty real_merlion_transformer_pty -- python tests/corpus/scripts/merlion_train.py --model transformer
    python tests/corpus/scripts/capture.py pipe real_merlion_autoencoder -- python tests/corpus/scripts/merlion_train.py --model autoencoder
(The autoencoder prints the same under a terminal: no pty entry for it.)
"""

import argparse
import logging
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import torch

ap = argparse.ArgumentParser()
ap.add_argument("--model", choices=["transformer", "autoencoder"], default="transformer")
args = ap.parse_args()

if args.model == "transformer":
    logging.basicConfig(level=logging.INFO)

from merlion.models.anomaly.autoencoder import AEModule, AutoEncoder, AutoEncoderConfig  # noqa: E402
from merlion.models.forecast.deep_base import DeepForecaster  # noqa: E402
from merlion.models.forecast.transformer import TransformerConfig, TransformerForecaster  # noqa: E402
from merlion.models.utils import early_stopping as merlion_es  # noqa: E402
from merlion.utils import TimeSeries, misc  # noqa: E402

torch.manual_seed(0)
np.random.seed(0)
torch.set_num_threads(1)
n = 600
index = pd.date_range("2024-01-01", periods=n, freq="h")
t = np.arange(n)
rng = np.random.RandomState(0)
df = pd.DataFrame(
    {
        "y": np.sin(2 * np.pi * t / 24) + 0.3 * np.sin(2 * np.pi * t / 168) + 0.2 * rng.randn(n),
        "x": np.cos(2 * np.pi * t / 24) + 0.1 * rng.randn(n),
    },
    index=index,
)
df.iloc[[150, 320, 470], 0] += 3.0  # a few spikes for the anomaly detector
ts = TimeSeries.from_pd(df)

series = _truth.Series()
printed = []  # (iteration, suffix) as handed to ProgressBar.print, to check the record against
orig_print = misc.ProgressBar.print


def bar_print(self, iteration, prefix, suffix, end=""):
    printed.append((iteration, suffix))
    return orig_print(self, iteration, prefix, suffix, end=end)


misc.ProgressBar.print = bar_print

if args.model == "transformer":
    batch_losses = []
    epoch_train, epoch_val = [], []
    orig_batch = DeepForecaster._get_batch_model_loss_and_outputs
    orig_eval = DeepForecaster._get_np_loss_and_prediction

    def batch_loss(self, batch):
        out = orig_batch(self, batch)
        if self.deep_model.training:
            batch_losses.append(out[0].item())
        return out

    def eval_loss(self, dataset):
        preds, loss = orig_eval(self, dataset)
        if dataset.validation is True:  # the per-epoch validation pass
            epoch_train.append(np.average(batch_losses))
            epoch_val.append(loss)
            batch_losses.clear()
        return preds, loss

    DeepForecaster._get_batch_model_loss_and_outputs = batch_loss
    DeepForecaster._get_np_loss_and_prediction = eval_loss
    stoppers = []
    orig_es_init = merlion_es.EarlyStopping.__init__

    def es_init(self, *a, **k):
        orig_es_init(self, *a, **k)
        stoppers.append(self)

    merlion_es.EarlyStopping.__init__ = es_init

    config = TransformerConfig(
        n_past=24,
        max_forecast_steps=6,
        target_seq_index=0,
        num_epochs=16,
        batch_size=32,
        lr=5e-3,
        early_stop_patience=2,
        model_dim=16,
        n_heads=2,
        fcn_dim=32,
        num_encoder_layers=1,
        num_decoder_layers=1,
    )
    model = TransformerForecaster(config)
    model.train(ts)

    assert len(printed) == len(epoch_train), (printed, epoch_train)
    for (it, suffix), tr, va in zip(printed, epoch_train, epoch_val, strict=True):
        assert suffix == f"Train Loss: {tr: .4f}, Validation Loss: {va: .4f}", (suffix, tr, va)
        series.add("Train Loss", None, it, tr)
        series.add("Validation Loss", None, it, va)
    best = stoppers[0].val_loss_min
    best_epoch = printed[epoch_val.index(best)][0]
    # 'Load the best model with validation loss:  0.1576' (logged once, after the loop)
    series.add("Validation Loss", None, best_epoch, best)
    notes = (
        "Merlion's TransformerForecaster (n_past 24, 6 steps ahead, 12 epochs at most, early_stop_patience 2) "
        "with logging.basicConfig(level=INFO). Lines: 'WARNING:merlion.models.deep_base:GPU not available, "
        "using CPU instead', 'INFO:merlion.models.forecast.deep_base:Training steps each epoch: 15' (batches "
        "per epoch, a count), then Merlion's ProgressBar, redrawn once per epoch on one line: each state "
        "starts with '\\r' and none ends with a newline until the last epoch of num_epochs (an early stop "
        "leaves the line open: the next log line follows the bar on the same line): "
        "'\\r |==========                              | 25.0% Train Loss:  0.9645, Validation Loss:  0.7603' "
        "(the percentage is the bar's position, epoch/num_epochs, not a metric; the epoch itself is never "
        "printed: truth epoch = the 1-based epoch Merlion hands the bar; two spaces after each colon, "
        "4 decimals). Between states, when the validation loss did not improve, "
        "'INFO:merlion.models.utils.early_stopping:EarlyStopping counter: 1 out of 2' (a counter and the "
        "patience, not metrics); then 'Early stopping with 2 patience' (a setting), 'Load the best model with "
        "validation loss:  0.1576' (the best epoch's validation loss again: a last point of 'Validation Loss' "
        "at that epoch) and 'End of the training loop'. Step null: Merlion counts no steps. Piped, the bar "
        "(print to a block-buffered stdout) comes after every log line (logging writes to stderr) and its last "
        "state ends the file without a newline; under a terminal the log lines interleave with the bar states, "
        "each INFO line glued to the end of the bar state before it."
    )
    record = (
        "no record kept: the training batches' loss.item() averaged with np.average as Merlion does, the "
        "validation loss _get_np_loss_and_prediction returned, EarlyStopping.val_loss_min"
    )
    extra_ok = []
else:
    batch_losses = []
    orig_loss = AEModule.loss

    def ae_loss(self, x):
        loss = orig_loss(self, x)
        batch_losses.append(loss.detach())
        return loss

    AEModule.loss = ae_loss
    config = AutoEncoderConfig(num_epochs=8, batch_size=64, lr=1e-3)
    model = AutoEncoder(config)
    model.train(ts)

    per_epoch = len(batch_losses) // config.num_epochs
    n_train = len(df)
    for epoch in range(config.num_epochs):
        total = 0
        for loss in batch_losses[epoch * per_epoch : (epoch + 1) * per_epoch]:
            total += loss
        value = (total / n_train).item()
        it, suffix = printed[epoch]
        assert suffix == f"Complete, Loss {value:.4f}", (suffix, value)
        series.add("Loss", None, it, value)
    notes = (
        "Merlion's AutoEncoder anomaly detector (8 epochs, batch 64) with Python's default logging (nothing "
        "logged shows): Merlion's ProgressBar redrawn once per epoch on one line, each state led by '\\r', a newline after "
        "the last: '\\r |========                                | 20.0% Complete, Loss 0.0167' (the "
        "percentage is the bar's position, epoch/num_epochs, not a metric; 'Complete,' is a word of the "
        "suffix; the loss is the epoch's summed batch losses divided by the number of training rows, 4 "
        "decimals). The epoch is never printed: truth epoch = the 1-based epoch Merlion hands the bar. "
        "Training then scores the series and fits the calibrator/threshold silently. Step null."
    )
    record = (
        "no record kept: AEModule.loss's batch tensors, summed and divided by the training length as "
        "Merlion does before printing"
    )
    extra_ok = []

_truth.write(
    library=(
        f"salesforce-merlion {metadata.version('salesforce-merlion')}, torch {torch.__version__}, "
        f"numpy {np.__version__}, pandas {pd.__version__}"
    ),
    script="tests/corpus/scripts/merlion_train.py",
    record=record,
    step_kind="epoch",
    series=series,
    extra_ok=extra_ok,
    not_printed=[],
    notes=notes,
)
