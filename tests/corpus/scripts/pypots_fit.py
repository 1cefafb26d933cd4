"""PyPOTS imputation models fitted on synthetic partially-observed series, PyPOTS' default logging.

Versions: pypots 1.5, torch 2.13.0 (CPU), numpy 2.4.6, pygrinder 0.7, tensorboard 2.21.0, Python 3.11.
Venv /work/venvs/corpus-zk-1: `pip install torch==2.13.0`, then `pip install pypots` (all wheels, no other
torch; it brings ai4ts, tsdb, benchpots, transformers, tensorboard).
Captures (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_pypots_saits -- python tests/corpus/scripts/pypots_fit.py saits
    python tests/corpus/scripts/capture.py pipe real_pypots_brits_patience -- python tests/corpus/scripts/pypots_fit.py brits
    python tests/corpus/scripts/capture.py pipe real_pypots_crli -- python tests/corpus/scripts/pypots_fit.py crli
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

import _truth
import numpy as np
import torch

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


def crli():
    """CRLI clustering (a GAN: generator and discriminator losses), then the script's cluster metrics."""
    import glob

    from pypots.clustering import CRLI
    from pypots.nn.functional import calc_cluster_purity, calc_rand_index
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    rng = np.random.default_rng(0)
    np.random.seed(0)
    torch.manual_seed(0)
    n, n_steps, n_features = 192, 24, 3
    labels = np.repeat([0, 1, 2], n // 3)
    t = np.arange(n_steps)
    freq = np.array([0.15, 0.35, 0.6])[labels][:, None, None]
    x = np.sin(freq * t[None, :, None] + rng.uniform(0, 1, (n, 1, n_features)))
    x = (x + 0.2 * rng.normal(size=x.shape)).astype("float32")
    x[rng.uniform(size=x.shape) < 0.1] = np.nan
    model = CRLI(
        n_steps=n_steps,
        n_features=n_features,
        n_clusters=3,
        n_generator_layers=1,
        rnn_hidden_size=16,
        batch_size=32,
        epochs=8,
        device="cpu",
        saving_path=OUT,
    )
    model.fit(train_set={"X": x})
    predicted = model.predict({"X": x})["clustering"]
    ri = calc_rand_index(predicted, labels)
    purity = calc_cluster_purity(predicted, labels)
    print(f"RI: {ri:.4f}, cluster purity: {purity:.4f}")

    model.summary_writer.flush()
    (tb_file,) = glob.glob(f"{OUT}/*/tensorboard/*tfevents*")
    acc = EventAccumulator(tb_file)
    acc.Reload()
    gen = [(e.step, e.value) for e in acc.Scalars("training/generation_loss")]
    disc = [(e.step, e.value) for e in acc.Scalars("training/discrimination_loss")]
    per_epoch = int(np.ceil(n / 32))
    assert len(gen) == len(disc) == per_epoch * model.epochs
    series = _truth.Series()
    for epoch in range(1, model.epochs + 1):
        # CRLI's epoch collectors are created once, before the epoch loop: each printed "training loss" is
        # the mean of every step since the start of the fit, not of that epoch's steps
        chunk = slice(0, epoch * per_epoch)
        series.add(
            "generator training loss", None, epoch, float(np.mean([v for _, v in gen[chunk]]))
        )
        series.add(
            "discriminator training loss", None, epoch, float(np.mean([v for _, v in disc[chunk]]))
        )
    series.add("RI", None, None, float(ri))
    series.add("cluster purity", None, None, float(purity))
    _truth.write(
        library=f"pypots {metadata.version('pypots')} (torch {torch.__version__}, numpy {np.__version__})",
        script="tests/corpus/scripts/pypots_fit.py",
        record=(
            "PyPOTS' TensorBoard scalars under saving_path (training/generation_loss and "
            "training/discrimination_loss, one per training step: the step's generator / discriminator loss), "
            "averaged as CRLI does before printing: over every step since the fit began (its collectors are made "
            "once, before the epoch loop), not over the epoch's steps (TensorBoard keeps float32: the truth is the "
            "mean of the float32 step values); pypots.nn.functional.calc_rand_index / calc_cluster_purity for the "
            "script's last line"
        ),
        step_kind="epoch",
        series=series,
        extra_ok=[],
        not_printed=["the per-step losses (only each epoch's mean is printed)"],
        notes=(
            "PyPOTS' logger lines ('2026-12-07 04:52:01 [INFO]: ...'): device, saving paths, 'CRLI initialized "
            "with the given hyperparameters, the number of trainable parameters: 5,214' (a count), then per epoch "
            "'Epoch 001 - generator training loss: 0.4321, discriminator training loss: 0.6931' (no validation "
            "set: nothing else; each value is the running mean of all steps so far, as CRLI computes it), 'Finished training. The best model is from epoch#8.' (an epoch number), 'Saved "
            "the model to ...'. The script then prints 'RI: 0.7012, cluster purity: 0.6042' (one point each, "
            f"epoch null, after the last epoch). Per epoch only ({per_epoch} training steps per epoch): step null, "
            "epoch = PyPOTS' 1-based epoch. The ai4ts banner (stdout, block-buffered into a pipe) lands after the "
            "logger's lines (stderr)."
        ),
    )


def main():
    if VARIANT == "crli":
        return crli()
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
