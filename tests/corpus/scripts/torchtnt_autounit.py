"""TorchTNT: an AutoUnit trained and evaluated with torchtnt.framework.fit, in the shape of TorchTNT's
examples/auto_unit_example.py (logging.basicConfig(level=INFO), torcheval BinaryAccuracy, an
ExponentialLR scheduler, train loss / accuracy logged every N steps, eval accuracy logged at
on_eval_end with the train step), on the CPU, with the metrics going to TorchTNT's own
StdoutLogger instead of the example's TensorBoardLogger:

    [Step 5] train_loss=0.7012 train_accuracy=0.4938
    [Step 10] train_loss=0.6620 train_accuracy=0.5188 eval_loss=0.6710 eval_accuracy=0.5625

(StdoutLogger opens each step's line with '\\n[Step N]' and ends it only when the next step
begins; it prints at 4 decimals).  `bar` adds TorchTNT's TQDMProgressBar callback ('Train Epoch 0:
50%|█████     | 5/10 [...]', a bar whose format ends in '\\n', so every redraw is a new line, and
it shows no metric); `plain` has no bar and evaluates every 8 train steps inside the epoch;
`monitors` has no bar and adds TorchTNT's LearningRateMonitor and IterationTimeLogger callbacks,
given the same loggers ('optimizers/optimizer/pg:0=0.1000', 'Train Iteration Time (seconds)=0.0004',
the eval one at the eval step count).

Truth: a TorchTNT InMemoryLogger handed the very same log() calls as the StdoutLogger, each value
read back from its log_buffer right after the call (the buffer is step -> {name: value}, so a name
logged twice at one step, as eval at step 40 in `plain`, keeps only the last: the calls are
listed in order instead), at full precision.

Versions: torchtnt 0.2.4, torcheval 0.0.7, torch 2.13.0+cpu, Python 3.11. Seeds fixed; a few s of
CPU. torchtnt imports pkg_resources (setuptools<81).
Capture (repository root, venv /work/venvs/corpus-zu-1):
    python tests/corpus/scripts/capture.py pipe real_torchtnt_autounit_bar -- \
        python tests/corpus/scripts/torchtnt_autounit.py bar
    python tests/corpus/scripts/capture.py pty real_torchtnt_autounit_bar_pty -- \
        python tests/corpus/scripts/torchtnt_autounit.py bar
    python tests/corpus/scripts/capture.py pipe real_torchtnt_autounit_plain -- \
        python tests/corpus/scripts/torchtnt_autounit.py plain
    python tests/corpus/scripts/capture.py pipe real_torchtnt_autounit_monitors -- \
        python tests/corpus/scripts/torchtnt_autounit.py monitors
"""

import logging
import os
import sys
from typing import Any

import torch
import torch.nn as nn
import torcheval
import torchtnt
from torch.utils.data import DataLoader, TensorDataset
from torcheval.metrics import BinaryAccuracy
from torchtnt.framework import AutoUnit, State, fit
from torchtnt.framework.callbacks import (
    IterationTimeLogger,
    LearningRateMonitor,
    TQDMProgressBar,
)
from torchtnt.framework.state import EntryPoint
from torchtnt.utils import TLRScheduler, seed
from torchtnt.utils.loggers import InMemoryLogger, StdoutLogger

sys.path.insert(0, os.path.dirname(__file__))

import _truth

logging.basicConfig(level=logging.INFO)

VARIANT = sys.argv[1] if len(sys.argv) > 1 else "bar"
Batch = tuple[torch.Tensor, torch.Tensor]


class Loggers:
    """The same log() calls to the printing logger and to the in-memory record."""

    def __init__(self) -> None:
        self.stdout = StdoutLogger()
        self.memory = InMemoryLogger()
        self.calls: list[tuple[str, int, float]] = []

    def log(self, name: str, value: Any, step: int) -> None:
        self.stdout.log(name, value, step)
        self.memory.log(name, value, step)
        self.calls.append((name, step, self.memory.log_buffer[step][name]))

    def log_dict(self, payload: dict[str, Any], step: int) -> None:
        self.stdout.log_dict(payload, step)
        self.memory.log_dict(payload, step)
        for name in payload:
            self.calls.append((name, step, self.memory.log_buffer[step][name]))


class MyUnit(AutoUnit[Batch]):
    def __init__(self, *, tnt_logger: Loggers, log_every_n_steps: int, **kwargs: Any):
        super().__init__(**kwargs)
        self.tnt_logger = tnt_logger
        self.train_accuracy = BinaryAccuracy()
        self.eval_accuracy = BinaryAccuracy()
        self.eval_losses: list[float] = []
        self.log_every_n_steps = log_every_n_steps

    def configure_optimizers_and_lr_scheduler(
        self, module: torch.nn.Module
    ) -> tuple[torch.optim.Optimizer, TLRScheduler | None]:
        optimizer = torch.optim.SGD(module.parameters(), lr=0.1)
        lr_scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.9)
        return optimizer, lr_scheduler

    def compute_loss(self, state: State, data: Batch) -> tuple[torch.Tensor, Any]:
        inputs, targets = data
        outputs = torch.squeeze(self.module(inputs), -1)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(outputs, targets.float())
        return loss, outputs

    def on_train_step_end(self, state, data, step, results) -> None:
        _, targets = data
        self.train_accuracy.update(torch.sigmoid(results.outputs), targets)
        if step % self.log_every_n_steps == 0:
            self.tnt_logger.log("train_loss", results.loss, step)
            self.tnt_logger.log("train_accuracy", self.train_accuracy.compute(), step)

    def on_eval_step_end(self, state, data, step, loss, outputs) -> None:
        _, targets = data
        self.eval_accuracy.update(torch.sigmoid(outputs), targets)
        self.eval_losses.append(float(loss))

    def on_eval_end(self, state: State) -> None:
        if state.entry_point == EntryPoint.FIT:
            step = self.train_progress.num_steps_completed
        else:
            step = self.eval_progress.num_steps_completed
        self.tnt_logger.log("eval_loss", sum(self.eval_losses) / len(self.eval_losses), step)
        self.tnt_logger.log("eval_accuracy", self.eval_accuracy.compute(), step)
        self.eval_accuracy.reset()
        self.eval_losses = []

    def on_train_epoch_end(self, state: State) -> None:
        super().on_train_epoch_end(state)
        self.train_accuracy.reset()


def dataloader(n: int, w: torch.Tensor) -> DataLoader:
    x = torch.randn(n, w.numel())
    y = ((x @ w + 0.8 * torch.randn(n)) > 0).long()
    return DataLoader(TensorDataset(x, y), batch_size=16, shuffle=True)


seed(0)
w = torch.randn(16)
train_dl, eval_dl = dataloader(320, w), dataloader(96, w)
loggers = Loggers()
unit = MyUnit(
    tnt_logger=loggers,
    log_every_n_steps=5,
    module=nn.Linear(16, 1),
    device=torch.device("cpu"),
)
callbacks = []
if VARIANT == "bar":
    callbacks = [TQDMProgressBar()]
elif VARIANT == "monitors":  # TorchTNT's own callbacks writing to the same loggers
    callbacks = [
        LearningRateMonitor(loggers, logging_interval="epoch"),
        IterationTimeLogger(loggers, moving_avg_window=5, log_every_n_steps=5),
    ]
fit(
    unit,
    train_dataloader=train_dl,
    eval_dataloader=eval_dl,
    max_epochs=3,
    evaluate_every_n_steps=8 if VARIANT == "plain" else None,
    callbacks=callbacks,
)

series = _truth.Series()
for name, step, value in loggers.calls:
    series.add(name, step, None, value)

_truth.write(
    library=f"torchtnt {torchtnt.__version__} (torcheval {torcheval.__version__}, torch {torch.__version__})",
    script="tests/corpus/scripts/torchtnt_autounit.py",
    record="a TorchTNT InMemoryLogger given the same log() calls as the StdoutLogger (each value read back from log_buffer after its call)",
    step_kind="global",
    series=series,
    notes="TorchTNT's StdoutLogger: '[Step 5] train_loss=0.7012 train_accuracy=0.4938' at 4 decimals; the "
    "step is the train step count (eval metrics are logged with the train step at which the eval ran, "
    "so they join that step's line when it is also a train-logging step). The logger prints '\\n[Step N]' "
    "first and the line ends only when the next step starts (last line closed by its atexit close(), "
    "which prints two newlines). 20 train steps per epoch, 3 epochs, 6 eval batches. INFO lines from "
    "logging.basicConfig: 'INFO:torchtnt.framework.fit:Started fit with max_epochs=3 max_steps=None "
    "max_train_steps_per_epoch=None ...' and the like (settings and counts, no metric). "
    + (
        "TQDMProgressBar: 'Train Epoch 0:  25%|██▌       | 5/20 [00:00<00:00, 312.5it/s]' with "
        "bar_format '{l_bar}{bar}{r_bar}\\n' (each redraw a new line, also on a terminal), 'Eval Epoch 0' "
        "bars likewise; no metric in the bars (the epoch in the description is epochs completed); the "
        "StdoutLogger's partial lines get the bar lines appended after them. Eval at each epoch end."
        if VARIANT == "bar"
        else "No bar; TorchTNT's LearningRateMonitor(logging_interval='epoch') and "
        "IterationTimeLogger(moving_avg_window=5, log_every_n_steps=5) log into the same loggers: "
        "'[Step 0] optimizers/optimizer/pg:0=0.1000 lr_schedulers/lr_scheduler/pg:0=0.1000 "
        "train_loss=0.7057 ...' (the lr of the optimizer and of the scheduler, named by TorchTNT "
        "with '/' and ':'; at each epoch start, so on the line of that epoch's first train step), "
        "'Train Iteration Time (seconds)=0.0004' (a name with spaces and parentheses; time per step, "
        "moving average of 5, logged at step-1 as TorchTNT counts it, and once more at train end "
        "with step 60), and 'Eval Iteration Time (seconds)=0.0001' logged with the EVAL step count "
        "(cumulative over the evaluations: 5, 10, 15), so '[Step 5]' comes after '[Step 15]' and "
        "before '[Step 20]': the step goes back. Eval at each epoch end."
        if VARIANT == "monitors"
        else "No bar; evaluate_every_n_steps=8 (eval inside the epoch, logged at steps 8, 16, 24, ...), "
        "and at each epoch end (steps 20, 40, 60): at step 40 both evaluations run, so the "
        "eval metrics appear twice at one step (the second time after the next INFO line, on a line "
        "that starts with ' eval_loss=' without its '[Step N]')."
    ),
)
