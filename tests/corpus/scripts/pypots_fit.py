"""PyPOTS imputation models fitted on synthetic partially-observed series, PyPOTS' default logging.

Versions: pypots 1.5, torch 2.13.0 (CPU), numpy 2.4.6, pygrinder 0.7, tensorboard 2.21.0, Python 3.11.
Venv /work/venvs/corpus-zk-1: `pip install torch==2.13.0`, then `pip install pypots` (all wheels, no other
torch; it brings ai4ts, tsdb, benchpots, transformers, tensorboard).
Captures (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_pypots_saits -- python tests/corpus/scripts/pypots_fit.py saits
    python tests/corpus/scripts/capture.py pipe real_pypots_brits_patience -- python tests/corpus/scripts/pypots_fit.py brits
(PyPOTS' logger writes plain lines with no colour or bar: no pty entry. Run once before capturing: the very first
import of pypots writes ~/.pypots/config.ini and logs that, once.)
Truth: PyPOTS keeps no history in memory, and its TensorBoard file (saving_path) holds only tags whose names contain
"loss" or "error" (so not the validation MSE). The script hooks PyPOTS' network (register_forward_hook) and keeps the
library's own per-batch values: the results dict's "loss" in training mode and "metric" in eval mode; PyPOTS prints
each epoch's np.mean of them, and so does the truth. model.best_epoch ("The best model is from epoch#N") is an epoch
number, not a metric.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "saits"
OUT = f"/tmp/corpus-zk/pypots_{VARIANT}"


def make_data(rng, n, n_steps=24, n_features=5, rate=0.2):
    t = np.arange(n_steps)
    phase = rng.uniform(0, 2 * np.pi, size=(n, 1, n_features))
    freq = rng.uniform(0.1, 0.4, size=(n, 1, n_features))
    x = np.sin(freq * t[None, :, None] + phase) + 0.1 * rng.normal(size=(n, n_steps, n_features))
    x = x.astype("float32")
    missing = x.copy()
    missing[rng.uniform(size=x.shape) < rate] = np.nan
    return missing, x


def main():
    rng = np.random.default_rng(0)
    np.random.seed(0)
    torch.manual_seed(0)
    train_x, _ = make_data(rng, 256)
    val_x, val_ori = make_data(rng, 64)
    # the validation set: X with extra artificial gaps, X_ori the series before them
    val_in = val_x.copy()
    val_in[rng.uniform(size=val_in.shape) < 0.1] = np.nan
    common = dict(n_steps=24, n_features=5, batch_size=32, device="cpu", saving_path=OUT)
    if VARIANT == "saits":
        from pypots.imputation import SAITS

        model = SAITS(
            n_layers=2,
            d_model=32,
            n_heads=2,
            d_k=16,
            d_v=16,
            d_ffn=32,
            dropout=0.1,
            epochs=6,
            **common,
        )
    else:
        from pypots.imputation import BRITS
        from pypots.optim import Adam

        # a large learning rate: the validation MSE stops improving and patience ends the fit
        model = BRITS(rnn_hidden_size=16, epochs=30, patience=2, optimizer=Adam(lr=0.05), **common)
    # the library's own per-batch values: the results dict PyPOTS' network returns (train mode: its
    # "loss", summed and averaged per epoch by PyPOTS; eval mode: its "metric", likewise)
    calls = []

    def hook(module, inputs, results):
        key = "loss" if module.training else "metric"
        calls.append((module.training, float(results[key].sum().item())))

    model.model.register_forward_hook(hook)
    model.fit(train_set={"X": train_x}, val_set={"X": val_in, "X_ori": val_ori})

    # group the calls into epochs: a run of training batches, then a run of validation batches
    epochs = []
    for training, v in calls:
        if training and (not epochs or epochs[-1][1]):
            epochs.append(([], []))
        epochs[-1][0 if training else 1].append(v)
    series = _truth.Series()
    name_train = f"training loss ({model.training_loss_name})"
    name_val = f"validation {model.validation_metric_name}"
    for epoch, (tr, va) in enumerate(epochs, start=1):
        series.add(name_train, None, epoch, float(np.mean(tr)))
        series.add(name_val, None, epoch, float(np.mean(va)))
    per_epoch = len(epochs[0][0])
    _truth.write(
        library=f"pypots {metadata.version('pypots')} (torch {torch.__version__}, numpy {np.__version__})",
        script="tests/corpus/scripts/pypots_fit.py",
        record=(
            "the results dicts PyPOTS' network returns to its training loop (a forward hook): 'loss' per training "
            "batch and 'metric' per validation batch, averaged per epoch as PyPOTS does before printing"
        ),
        step_kind="epoch",
        series=series,
        extra_ok=[],
        not_printed=["the per-batch losses (only each epoch's mean is printed)"],
        notes=(
            "PyPOTS' logger writes '2026-12-07 04:50:01 [INFO]: ...' lines: the device, where model files and "
            "the TensorBoard file go, '<Model> initialized with the given hyperparameters, the number of "
            "trainable parameters: 14,372' (a count), then one line per epoch 'Epoch 001 - training loss (MAE): "
            "0.8123, validation MSE: 0.4321' (the loss name and metric name in the text: series named 'training "
            "loss (MAE)' and 'validation MSE'), then 'Finished training. The best model is from epoch#6.' (an "
            "epoch number) and 'Saved the model to /tmp/.../SAITS.pypots'. Per epoch only: step null, "
            f"epoch = PyPOTS' 1-based epoch ({per_epoch} training batches per epoch)."
            + (
                " BRITS with patience=2 stops early: 'Exceeded the training patience. Terminating the training "
                "procedure...'."
                if VARIANT != "saits"
                else ""
            )
        ),
    )


if __name__ == "__main__":
    main()
