"""Coqui's 🐸Trainer (coqui-tts-trainer, the trainer behind Coqui TTS): a TrainerModel classifier on
synthetic data, in the shape of the package's MNIST example, trained by Trainer(...).fit() with its
ConsoleLogger output:

     > EPOCH: 0/2
     --> /tmp/coqui-…/run-December-07-2026_06+55AM-0000000

     > TRAINING (2026-12-07 06:55:01)

       --> TIME: 2026-12-07 06:55:01 -- STEP: 4/9 -- GLOBAL_STEP: 4
         | > current_lr: 0.1  (0.1)
         | > loss: 0.6903209090232849  (0.7021935582160949)
         | > grad_norm: 0.0  (0.0)
         | > step_time: 0.0035  (0.0043)
         | > loader_time: 0.0004  (0.0003)

     > EVALUATION

      --> EVAL PERFORMANCE
         | > avg_loader_time: 0.0003 (+0)
         | > avg_loss: 0.6811 (+0.0)

Truth: the dicts the Trainer hands its ConsoleLogger (print_train_step's loss_dict and
avg_loss_dict, print_train_epoch_end's print_dict, print_epoch_end's avg_loss_dict: the Trainer's
KeepAverage values, wrapped at the call), the same values the TensorBoard dashboard logger gets.

Versions: coqui-tts-trainer 0.4.0 (coqpit-config 0.2.5), torch 2.13.0+cpu, tensorboard 2.21.0,
Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/corpus-zo-1 (see torchkeras_fit.py) plus
pip install coqui-tts-trainer):
    python tests/corpus/scripts/capture.py pipe real_coqui_trainer_fit -- python tests/corpus/scripts/coqui_trainer_fit.py
    python tests/corpus/scripts/capture.py pty real_coqui_trainer_fit_pty -- python tests/corpus/scripts/coqui_trainer_fit.py
"""

import os
import sys
import tempfile
from dataclasses import dataclass

import torch
from torch import nn
from torch.utils.data import DataLoader
from trainer import Trainer, TrainerArgs, TrainerConfig, TrainerModel
from trainer.logging.console_logger import ConsoleLogger

sys.path.insert(0, os.path.dirname(__file__))

import _truth

CALLS = []  # (kind, global step, epoch, dict(s)) per console print
STATE = {"epoch": 0, "gstep": 0}
_train_step = ConsoleLogger.print_train_step
_train_epoch_end = ConsoleLogger.print_train_epoch_end
_epoch_end = ConsoleLogger.print_epoch_end
_epoch_start = ConsoleLogger.print_epoch_start


def print_epoch_start(self, epoch, max_epoch, output_path=None):
    STATE["epoch"] = epoch
    return _epoch_start(self, epoch, max_epoch, output_path)


def print_train_step(self, batch_steps, step, global_step, loss_dict, avg_loss_dict):
    STATE["gstep"] = global_step
    CALLS.append(("step", global_step, STATE["epoch"], dict(loss_dict), dict(avg_loss_dict)))
    return _train_step(self, batch_steps, step, global_step, loss_dict, avg_loss_dict)


def print_train_epoch_end(self, global_step, epoch, epoch_time, print_dict):
    CALLS.append(("train_end", global_step, STATE["epoch"], dict(print_dict), None))
    return _train_epoch_end(self, global_step, epoch, epoch_time, print_dict)


def print_epoch_end(self, epoch, avg_loss_dict):
    gstep = STATE["trainer"].total_steps_done  # the global step the evaluation ran at
    CALLS.append(
        ("eval_end", gstep, STATE["epoch"], dict(avg_loss_dict), dict(self.old_eval_loss_dict))
    )
    return _epoch_end(self, epoch, avg_loss_dict)


ConsoleLogger.print_epoch_start = print_epoch_start
ConsoleLogger.print_train_step = print_train_step
ConsoleLogger.print_train_epoch_end = print_train_epoch_end
ConsoleLogger.print_epoch_end = print_epoch_end


@dataclass
class ClassifierConfig(TrainerConfig):
    optimizer: str = "SGD"
    lr: float = 0.1
    epochs: int = 3
    batch_size: int = 32
    eval_batch_size: int = 32
    print_step: int = 2
    save_step: int = 1000
    plot_step: int = 1000
    dashboard_logger: str = "tensorboard"
    run_eval: bool = True


class Classifier(TrainerModel):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 2))

    def forward(self, x):
        return self.net(x)

    def train_step(self, batch, criterion):
        x, y = batch["x"], batch["y"]
        logits = self(x)
        return {"model_outputs": logits}, {"loss": criterion(logits, y)}

    def eval_step(self, batch, criterion):
        return self.train_step(batch, criterion)

    @staticmethod
    def get_criterion():
        return nn.CrossEntropyLoss()

    def get_data_loader(self, config, *, is_eval=False, samples=None, verbose=True):
        x, y = samples
        rows = [
            {"x": a, "y": b} for a, b in zip(x, y, strict=True)
        ]  # the Trainer wants dict batches
        return DataLoader(rows, batch_size=config.batch_size, shuffle=not is_eval)


torch.manual_seed(0)
X = torch.randn(320, 12)
y = ((X[:, :3].sum(1) + 0.7 * torch.randn(320)) > 0).long()
Xv = torch.randn(64, 12)
yv = ((Xv[:, :3].sum(1) + 0.7 * torch.randn(64)) > 0).long()

work = tempfile.mkdtemp(prefix="coqui-")
config = ClassifierConfig(output_path=work)
model = Classifier()
trainer = Trainer(
    TrainerArgs(),
    config,
    output_path=work,
    model=model,
    train_samples=(X, y),
    eval_samples=(Xv, yv),
    parse_command_line_args=False,
)
STATE["trainer"] = trainer
trainer.fit()

# -- truth ---------------------------------------------------------------------------------
TIMES = ("step_time", "loader_time", "avg_step_time", "avg_loader_time")
series = _truth.Series()
for kind, gstep, epoch, values, extra in CALLS:
    if kind == "step":
        for name, value in values.items():
            if name in TIMES:
                continue
            series.add(name, gstep, epoch, value)
            if f"avg_{name}" in extra:  # printed in parentheses after the value
                series.add(f"avg_{name}", gstep, epoch, extra[f"avg_{name}"])
    elif kind == "train_end":
        for name, value in values.items():
            if name not in TIMES:
                series.add(name, gstep, epoch, value)
    else:
        for name, value in values.items():
            if name in TIMES:
                continue
            # (after it, in parentheses, its change since the last evaluation: extra_ok)
            series.add(f"eval/{name}", gstep, epoch, value)

_truth.write(
    library="coqui-tts-trainer 0.4.0 (coqpit-config 0.2.5, torch 2.13.0+cpu)",
    script="tests/corpus/scripts/coqui_trainer_fit.py",
    record="the dicts the Trainer hands its ConsoleLogger (its KeepAverage values: each step's "
    "loss_dict and running avg_loss_dict, the epoch's train print_dict, the evaluation's "
    "avg_loss_dict), wrapped at the call",
    step_kind="global",
    series=series,
    extra_ok=[
        "step_time and loader_time (seconds per step and their running averages)",
        "avg_step_time and avg_loader_time (timings)",
        "the evaluation block's change since the previous evaluation, '(+0.0123)' after each value",
    ],
    notes="Trainer(TrainerArgs(), config, output_path, model=TrainerModel, train_samples, "
    "eval_samples).fit(), 3 epochs of 10 steps, print_step=2, an evaluation each epoch, "
    "TensorBoard dashboard logger. The 'trainer' logger prints (an empty format): the run folder "
    "and TrainerArgs/config blocks, then per epoch ' > EPOCH: 0/2', ' --> <run folder>', ' > "
    "TRAINING (2026-…)', every print_step steps a block '   --> TIME: … -- STEP: 4/9 -- "
    "GLOBAL_STEP: 4' (counters; STEP is within the epoch) followed by '     | > loss: "
    "0.6903209090232849  (0.7021935582160949)' (after '     | > current_lr: 0.1  (0.1)'; the step's loss at full repr, then in parentheses "
    "the epoch's running average, named avg_loss by the Trainer and listed here as series "
    "'avg_loss'; likewise current_lr / avg_current_lr, grad_norm / avg_grad_norm (0.0: no "
    "clipping configured), step_time and loader_time (timings); "
    "then ' > EVALUATION', '  --> EVAL PERFORMANCE', '     | > avg_loader_time: 0.0003 (+0)', "
    "'     | > avg_loss: 0.6811 (+0)' (the evaluation's average loss, series 'eval/avg_loss' as the "
    "block heading names it; in parentheses its change since the previous evaluation, green or "
    "red), then ' > BEST MODEL : …/best_model_10.pth'. Colours and bold in ANSI codes in both "
    "captures. Steps: the Trainer's global step as printed (GLOBAL_STEP); the evaluation at the "
    "epoch's last printed global step; epochs 0-based as printed.",
)
