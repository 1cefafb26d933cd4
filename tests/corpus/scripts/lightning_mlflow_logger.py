"""PyTorch Lightning with its MLFlowLogger (a local sqlite tracking store under /tmp): Lightning's
banner lines (GPU/TPU/HPU available, the model summary table with parameter counts and the
estimated size in MB, the `max_epochs=N` reached line), MLflow's store-creation INFO lines, and
the user's epoch line printed by a small Callback from trainer.callback_metrics.  The script
prints the MLflow run id and experiment id at the end.

Variants (argv[1]):
  nobar   enable_progress_bar=False (pipe capture): only the callback's lines
  bar     Lightning's default progress bar (pty capture; the Rich bar, as rich is installed - MLflow
          pulls it in); val_loss / val_acc are logged with prog_bar=True, so the bar repeats them
          at 3 decimals; the bar's v_num is the start of MLflow's run id (hex, not a metric)

Ground truth: MLflow's own store: MlflowClient(tracking_uri).get_metric_history(run_id, name)
for the metrics Lightning's MLFlowLogger wrote (train_loss, val_loss, val_acc per epoch, step =
Lightning's global step), restricted to what was printed.
Versions: lightning 2.6.6, torch 2.13.0 CPU, mlflow 3.18.0, Python 3.11 (venv corpus-zBB-1).
Synthetic data (make_classification), seeds fixed.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_lightning_mlflowlogger -- python tests/corpus/scripts/lightning_mlflow_logger.py nobar
    python tests/corpus/scripts/capture.py pty  real_lightning_mlflowlogger_bar_pty -- python tests/corpus/scripts/lightning_mlflow_logger.py bar
"""

import atexit
import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import lightning as L
import torch
from lightning.pytorch.loggers import MLFlowLogger
from sklearn.datasets import make_classification
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

WORK = tempfile.mkdtemp(prefix="litmlf-")
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
VARIANT = sys.argv[1]
EPOCHS = 5
PRINTED = []  # (name, epoch) in print order


class MLP(L.LightningModule):
    def __init__(self, d_in=16, hidden=64, lr=3e-3):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Linear(d_in, hidden), nn.ReLU(), nn.Dropout(0.1), nn.Linear(hidden, 2)
        )
        self.loss = nn.CrossEntropyLoss()

    def training_step(self, batch, _):
        x, y = batch
        loss = self.loss(self.net(x), y)
        self.log("train_loss", loss, on_step=False, on_epoch=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        logits = self.net(x)
        self.log("val_loss", self.loss(logits, y), prog_bar=True)
        self.log("val_acc", (logits.argmax(1) == y).float().mean(), prog_bar=True)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)


class PrintEpoch(L.Callback):
    def on_train_epoch_end(self, trainer, pl_module):
        m = trainer.callback_metrics
        e = trainer.current_epoch
        print(
            f"[epoch {e}] train_loss: {m['train_loss']:.4f}  val_loss: {m['val_loss']:.4f}  "
            f"val_acc: {m['val_acc']:.4f}"
        )
        PRINTED.append(e)


def main():
    L.seed_everything(17)
    x, y = make_classification(
        n_samples=2000, n_features=16, n_informative=8, flip_y=0.05, random_state=17
    )
    x = torch.tensor(x, dtype=torch.float32)
    y = torch.tensor(y)
    tr = TensorDataset(x[:1600], y[:1600])
    va = TensorDataset(x[1600:], y[1600:])
    uri = "sqlite:///" + os.path.join(WORK, "mlflow.db")
    logger = MLFlowLogger(
        experiment_name="lit-mlp", tracking_uri=uri, save_dir=os.path.join(WORK, "mlruns")
    )
    trainer = L.Trainer(
        max_epochs=EPOCHS,
        logger=logger,
        callbacks=[PrintEpoch()],
        default_root_dir=WORK,
        enable_progress_bar=(VARIANT == "bar"),
        enable_checkpointing=False,
        log_every_n_steps=10,
    )
    trainer.fit(MLP(), DataLoader(tr, batch_size=64, shuffle=True), DataLoader(va, batch_size=200))
    print(f"MLflow run {logger.run_id} (experiment {logger.experiment_id}) -> {uri}")

    from mlflow.tracking import MlflowClient

    client = MlflowClient(uri)
    hist = {
        n: [(m.step, m.value) for m in client.get_metric_history(logger.run_id, n)]
        for n in ("train_loss", "val_loss", "val_acc")
    }
    series = _truth.Series()
    for e in PRINTED:
        for n in ("train_loss", "val_loss", "val_acc"):
            step, value = hist[n][e]
            series.add(n, step, e, value)
    _truth.write(
        library=(
            f"lightning {metadata.version('lightning')} MLFlowLogger, mlflow {metadata.version('mlflow')}, "
            f"torch {metadata.version('torch')}"
        ),
        script="tests/corpus/scripts/lightning_mlflow_logger.py",
        record=(
            "MLflow's own store (sqlite): MlflowClient.get_metric_history(run_id, name) of the "
            "metrics Lightning's MLFlowLogger wrote, one point per epoch (step = global step)"
        ),
        step_kind="global",
        series=series,
        not_printed=["the 'epoch' metric Lightning logs to MLflow"],
        notes=(
            "The callback prints '[epoch 0] train_loss: 0.6012  val_loss: 0.5311  val_acc: 0.7800' "
            "(Lightning's 0-based epoch). Lightning's lines: 'Seed set to 17', 'GPU available: False, "
            "used: False', 'TPU available: False, using: 0 TPU cores', the model summary ('0 | net  | "
            "Sequential       | 1.2 K  | train', 'Trainable params', 'Total estimated model params "
            "size (MB)', module counts), the num_workers / log_every_n_steps PossibleUserWarnings and "
            "'`Trainer.fit` stopped: `max_epochs=5` reached.'; MLflow's store-creation INFO lines; the "
            "last line names the run id (hex) and experiment id. "
            + (
                "Under the bar variant Lightning's Rich bar 'Epoch 2/4 ━━━ 25/25 0:00:01 • 0:00:00 "
                "19.89it/s v_num: 859f val_loss: 0.378 val_acc: 0.858' (val_acc wraps onto the next "
                "line at 120 columns) shows v_num (the run id's first 4 hex characters, not a metric) "
                "and the last validation's val_loss / val_acc at 3 decimals (the same points as the "
                "epoch lines). During epoch 0 it shows the SANITY-CHECK validation's val_loss / val_acc "
                "(2 batches before training): Lightning does not send those to the logger, so they are "
                "not in MLflow's record and not in the series (listed under extra_ok). Counts 25/25, "
                "times and it/s are the bar's."
                if VARIANT == "bar"
                else ""
            )
        ),
        extra_ok=(
            [
                "it/s of the progress bar",
                "val_loss / val_acc of the sanity-check validation shown by the bar during epoch 0 (not logged)",
            ]
            if VARIANT == "bar"
            else []
        ),
    )


if __name__ == "__main__":
    main()
