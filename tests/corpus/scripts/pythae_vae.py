"""pythae (benchmark_VAE): a VAE trained through pythae's TrainingPipeline, as its README shows, on 600
synthetic 1x16x16 "blob" images (train 500 / eval 100), from scratch (pythae's default MLP encoder and
decoder; no download). pythae's BaseTrainer logs through the `logging` module to stderr:

    Training params:
     - max_epochs: 8
     ...
    Optimizer: AdamW (
    Parameter Group 0
        amsgrad: False
        ...
    Successfully launched training !

    Training of epoch 1/8: 100%|##########| 16/16 [00:00<00:00, 120.31batch/s]
    Eval of epoch 1/8: 100%|##########| 4/4 [00:00<00:00, 400.12batch/s]
    --------------------------------------------------------------------------
    Train loss: 123.4567
    Eval loss: 110.1234
    --------------------------------------------------------------------------
    ...
    Training ended!

Truth: pythae's own TrainHistoryCallback (pythae.trainers.training_callbacks), handed to the pipeline as
a callback; its history['train_loss'] / ['eval_loss'] hold the epoch losses the MetricConsolePrinterCallback
prints (rounded by np.round(..., 4)), one per epoch, at full precision.

Versions: pythae 0.1.2, torch 2.13.0+cpu, tqdm 4.70.1, numpy 2.4.6, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zAA-1):
    python tests/corpus/scripts/capture.py pipe real_pythae_vae -- python tests/corpus/scripts/pythae_vae.py
    python tests/corpus/scripts/capture.py pty real_pythae_vae_pty -- python tests/corpus/scripts/pythae_vae.py
    python tests/corpus/scripts/capture.py pipe real_pythae_aae -- python tests/corpus/scripts/pythae_vae.py aae

`aae`: an Adversarial_AE (adversarial_loss_scale 0.9, 6 epochs) instead; pythae then uses its AdversarialTrainer,
whose preamble prints two optimizers and a StepLR scheduler ('Autoencoder Optimizer: Adam (...', 'Autoencoder
Scheduler: <torch.optim.lr_scheduler.StepLR object at 0x7f...>', 'Discriminator Optimizer: ...') and which ends
with a dashed rule before 'Training ended!'; the epoch lines are the same 'Train loss:' / 'Eval loss:'.
"""

import os
import shutil
import sys

import numpy as np
import pythae
import torch
from pythae.models import VAE, Adversarial_AE, Adversarial_AE_Config, VAEConfig
from pythae.pipelines import TrainingPipeline
from pythae.trainers import AdversarialTrainerConfig, BaseTrainerConfig
from pythae.trainers.training_callbacks import TrainHistoryCallback

sys.path.insert(0, os.path.dirname(__file__))

import _truth

OUT = "/tmp/corpus-zAA/pythae_vae"
shutil.rmtree(OUT, ignore_errors=True)

rng = np.random.default_rng(0)
torch.manual_seed(0)
yy, xx = np.mgrid[0:16, 0:16]
centres = rng.uniform(4, 12, size=(600, 2))
widths = rng.uniform(1.5, 3.5, size=600)
images = np.exp(
    -((xx[None] - centres[:, 0, None, None]) ** 2 + (yy[None] - centres[:, 1, None, None]) ** 2)
    / (2 * widths[:, None, None] ** 2)
)
images = (images + 0.05 * rng.standard_normal(images.shape)).clip(0, 1).astype(np.float32)
images = images[:, None]  # N x 1 x 16 x 16
train_data, eval_data = images[:500], images[500:]

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "vae"
if VARIANT == "vae":
    config = BaseTrainerConfig(
        output_dir=OUT,
        learning_rate=1e-3,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=32,
        num_epochs=8,
        optimizer_cls="AdamW",
        optimizer_params={"weight_decay": 0.05, "betas": (0.91, 0.995)},
    )
    model = VAE(model_config=VAEConfig(input_dim=(1, 16, 16), latent_dim=4))
else:  # an adversarial autoencoder: pythae picks its AdversarialTrainer (two optimizers)
    config = AdversarialTrainerConfig(
        output_dir=OUT,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=32,
        num_epochs=6,
        autoencoder_learning_rate=1e-3,
        discriminator_learning_rate=5e-4,
        autoencoder_scheduler_cls="StepLR",
        autoencoder_scheduler_params={"step_size": 3, "gamma": 0.5},
    )
    model = Adversarial_AE(
        model_config=Adversarial_AE_Config(
            input_dim=(1, 16, 16), latent_dim=4, adversarial_loss_scale=0.9
        )
    )

pipeline = TrainingPipeline(training_config=config, model=model)
history = TrainHistoryCallback()
pipeline(train_data=train_data, eval_data=eval_data, callbacks=[history])

series = _truth.Series()
for epoch, loss in enumerate(history.history["train_loss"], start=1):
    series.add("Train loss", None, epoch, loss)
for epoch, loss in enumerate(history.history["eval_loss"], start=1):
    series.add("Eval loss", None, epoch, loss)

_truth.write(
    library=f"pythae {pythae.__version__ if hasattr(pythae, '__version__') else '0.1.2'} "
    f"(torch {torch.__version__})",
    script="tests/corpus/scripts/pythae_vae.py",
    record="pythae's TrainHistoryCallback.history (train_loss / eval_loss per epoch), a callback of the "
    "library handed to TrainingPipeline",
    step_kind="epoch",
    series=series,
    extra_ok=[],
    notes="pythae logs through `logging` (stderr): a 'Training params' block (max_epochs, batch sizes, "
    "'checkpoint saving every: None'), the optimizer's repr ('Optimizer: AdamW (' then 'Parameter Group 0' "
    "and indented 'lr: 0.001', 'weight_decay: 0.05', 'betas: (0.91, 0.995)', 'eps: 1e-08' ...: "
    "hyper-parameters, not metrics), 'Scheduler: None', the output folders (with a timestamp), then per "
    "epoch two tqdm bars 'Training of epoch 1/8: 100%|...| 16/16 [...batch/s]' and 'Eval of epoch 1/8: "
    "...' (counts and throughput of the bar are not metrics in pythae's record), then between two dashed "
    "rules 'Train loss: 123.4567' and 'Eval loss: 110.1234' (np.round to 4 decimals). The epoch of a "
    "loss is only known from the preceding bars' 'epoch N/8'. Ends 'Training ended!' and 'Saved final "
    "model in ...'."
    + (
        " This run is an Adversarial_AE (AdversarialTrainer): the preamble holds two optimizer reprs "
        "('Autoencoder Optimizer: Adam (', 'Discriminator Optimizer: Adam (', lr 0.001 and 0.0005) and "
        "'Autoencoder Scheduler: <torch.optim.lr_scheduler.StepLR object at 0x...>'; its printed 'Train "
        "loss' is the autoencoder's plus the discriminator's epoch loss (train_epoch_loss)."
        if VARIANT == "aae"
        else ""
    ),
)
