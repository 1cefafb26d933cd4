"""pytorch-accelerated: its Trainer on a synthetic 3-class problem (an MLP on Gaussian blobs),
CPU, with the library's default callbacks (PrintProgressCallback, ProgressBarCallback: a bare
tqdm bar per train/eval epoch, LogMetricsCallback: `\\ntrain_loss_epoch: 0.9893...` at full
repr precision) plus an accuracy callback in the shape of the library's docs (a
TrainerCallback that updates run_history with "accuracy" at the end of each eval epoch).

    python pytorch_accelerated_trainer.py default OUTDIR   # 5 epochs, default callbacks
    python pytorch_accelerated_trainer.py es OUTDIR        # + SaveBestModelCallback and
                                                           # EarlyStoppingCallback(patience=2)

Truth: the Trainer's RunHistory (trainer.run_history.get_metric_values(name) for every metric
name, one value per epoch, epochs numbered as RunHistory.current_epoch, from 1); in `es`
mode the line 'Loading checkpoint with eval_loss_epoch: X from epoch N' reprints the best
epoch's eval_loss_epoch (SaveBestModelCallback.best_metric / best_metric_epoch): a point of
that series at the best epoch, in print order.

Versions: pytorch-accelerated 0.1.61, accelerate 1.16.0, torch 2.13.0+cpu, tqdm 4.70.1,
Python 3.11. Seeds fixed; a few s of CPU. Environment: /work/venvs/corpus-q-1 (`pip install
torch==2.13.0`, then `pip install pytorch-accelerated`).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_pytorch_accelerated -- python tests/corpus/scripts/pytorch_accelerated_trainer.py default /tmp/corpus-q/pta_pipe
    python tests/corpus/scripts/capture.py pty real_pytorch_accelerated_pty -- python tests/corpus/scripts/pytorch_accelerated_trainer.py default /tmp/corpus-q/pta_pty
    python tests/corpus/scripts/capture.py pipe real_pytorch_accelerated_es -- python tests/corpus/scripts/pytorch_accelerated_trainer.py es /tmp/corpus-q/pta_es
"""

import os
import shutil
import sys
from importlib import metadata

import torch
from pytorch_accelerated import Trainer
from pytorch_accelerated.callbacks import (
    EarlyStoppingCallback,
    SaveBestModelCallback,
    TrainerCallback,
)
from pytorch_accelerated.trainer import DEFAULT_CALLBACKS

sys.path.insert(0, os.path.dirname(__file__))

import _truth

MODE, OUT = sys.argv[1], sys.argv[2]
assert MODE in ("default", "es")
shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)

torch.manual_seed(0)
centers = torch.randn(3, 10) * 0.35


def make(n):
    y = torch.randint(0, 3, (n,))
    return torch.utils.data.TensorDataset(centers[y] + torch.randn(n, 10), y)


train_ds, eval_ds = make(600), make(200)


class AccuracyCallback(TrainerCallback):
    """The docs' pattern: accumulate during evaluation, record in run_history at epoch end."""

    def on_eval_epoch_start(self, trainer, **kwargs):
        self.correct, self.seen = 0, 0

    def on_eval_step_end(self, trainer, batch, batch_output, **kwargs):
        preds = batch_output["model_outputs"].argmax(dim=-1)
        self.correct += int((preds == batch[1]).sum())
        self.seen += len(batch[1])

    def on_eval_epoch_end(self, trainer, **kwargs):
        trainer.run_history.update_metric("accuracy", self.correct / self.seen)


model = torch.nn.Sequential(torch.nn.Linear(10, 32), torch.nn.ReLU(), torch.nn.Linear(32, 3))
callbacks = [AccuracyCallback, *DEFAULT_CALLBACKS]
best = None
if MODE == "es":
    best = SaveBestModelCallback(save_path=os.path.join(OUT, "best_model.pt"))
    callbacks += [best, EarlyStoppingCallback(early_stopping_patience=2)]
lr = 0.02 if MODE == "default" else 0.2
trainer = Trainer(
    model=model,
    loss_func=torch.nn.CrossEntropyLoss(),
    optimizer=torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9),
    callbacks=callbacks,
)
trainer.train(
    train_dataset=train_ds,
    eval_dataset=eval_ds,
    num_epochs=5 if MODE == "default" else 30,
    per_device_batch_size=32,
)

history = trainer.run_history
# LogMetricsCallback prints, after each train epoch, the names containing "train", after each
# eval epoch the others (a set: its order), each as '\nname: value'
values = {name: list(history.get_metric_values(name)) for name in history.get_metric_names()}
n_epochs = len(values["train_loss_epoch"])
series = _truth.Series()
for name in ("train_loss_epoch", "eval_loss_epoch", "accuracy"):
    for epoch, v in enumerate(values[name], start=1):
        series.add(name, None, epoch, v)
assert set(values) == {"train_loss_epoch", "eval_loss_epoch", "accuracy"}, values.keys()
notes_es = ""
if best is not None:
    assert values["eval_loss_epoch"][best.best_metric_epoch - 1] == best.best_metric
    series.add("eval_loss_epoch", None, best.best_metric_epoch, best.best_metric)
    notes_es = (
        " With SaveBestModelCallback + EarlyStoppingCallback(early_stopping_patience=2): after each "
        "epoch's metrics, 'Improvement of 0.0561... observed, resetting counter. ' (the decrease of "
        "eval_loss_epoch since the best, not in the run history) or 'No improvement above threshold "
        "observed, incrementing counter. ', then 'Early stopping counter: 1/2' (a count); at the "
        "stop 'Stopping training due to no improvement after 2 epochs', 'Finishing training run', "
        "then 'Loading checkpoint with eval_loss_epoch: 0.23... from epoch 4': the best epoch's "
        "eval_loss_epoch again (the last point of that series, at the best epoch)."
    )

_truth.write(
    library=(
        f"pytorch-accelerated {metadata.version('pytorch-accelerated')} (accelerate "
        f"{metadata.version('accelerate')}, torch {torch.__version__})"
    ),
    script="tests/corpus/scripts/pytorch_accelerated_trainer.py",
    record="trainer.run_history.get_metric_values(name), one value per epoch"
    + (", and SaveBestModelCallback.best_metric / best_metric_epoch" if best else ""),
    step_kind="epoch",
    series=series,
    extra_ok=["the bars' rates (it/s) and times"]
    + (["Improvement of X observed (decrease of eval_loss_epoch)"] if best else []),
    not_printed=[],
    notes=(
        f"{n_epochs} epochs. The Trainer prints '\\nStarting training run', then per epoch "
        "'\\nStarting epoch 1', a bare tqdm bar '100%|██████████| 19/19 [00:00<00:00, 160.2it/s]' "
        "(batches; no metric in it), '\\ntrain_loss_epoch: 0.98935...' (repr precision), "
        "'\\nStarting eval epoch', the eval bar, then the eval metrics in the order of a Python set "
        "('\\neval_loss_epoch: ...', '\\naccuracy: 0.835': the fraction of eval examples right), "
        "finally 'Finishing training run'. No step is printed: the epoch is the position in "
        "'Starting epoch N'." + notes_es
    ),
)
