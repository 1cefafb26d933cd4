"""A Hugging Face Accelerate hand loop in the shape of transformers' `*_no_trainer.py` examples and
accelerate's `examples/complete_nlp_example.py`: `accelerate.logging.get_logger` with the examples'
logging.basicConfig format, `logger.info(accelerator.state, main_process_only=False)`, the
'***** Running training *****' banner (counts and settings), a tqdm bar over the optimizer steps
(no postfix), a step print every 10 steps through accelerator.print, and per epoch
`accelerator.print(f"epoch {epoch}:", eval_metric)` (a dict) plus
`logger.info(f"epoch {epoch}: train_loss: {..} eval_loss: {..}")` (full repr floats).

A small MLP on synthetic 2-class vectors, CPU. Every printed value is also handed to
`accelerator.log(...)`, and a GeneralTracker subclass (accelerate's tracking API, passed as
log_with=) keeps what it receives: that is the truth.

Versions: accelerate 1.16.0, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/torch-d):
    python tests/corpus/scripts/capture.py pipe real_accelerate_loop -- python tests/corpus/scripts/accelerate_loop.py
    python tests/corpus/scripts/capture.py pty real_accelerate_loop_pty -- python tests/corpus/scripts/accelerate_loop.py
"""

import logging
import os
import sys

import accelerate
import torch
import torch.nn.functional as F
from accelerate import Accelerator
from accelerate.logging import get_logger
from accelerate.tracking import GeneralTracker
from accelerate.utils import set_seed
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from tqdm.auto import tqdm

sys.path.insert(0, os.path.dirname(__file__))

import _truth

logger = get_logger(__name__)


class RecordTracker(GeneralTracker):
    """Keeps every accelerator.log() call: (step, values)."""

    name = "record"
    requires_logging_directory = False

    def __init__(self):
        super().__init__()
        self.rows = []

    @property
    def tracker(self):
        return self.rows

    def store_init_configuration(self, values):
        pass

    def log(self, values, step=None, **kwargs):
        self.rows.append((step, dict(values)))


def make(n, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 20, generator=g)
    y = ((x[:, :4].sum(1) + 0.8 * torch.randn(n, generator=g)) > 0).long()
    return TensorDataset(x, y)


def main():
    logging.basicConfig(
        format="%(asctime)s - %(levelname)s - %(name)s - %(message)s",
        datefmt="%m/%d/%Y %H:%M:%S",
        level=logging.INFO,
    )
    record = RecordTracker()
    accelerator = Accelerator(cpu=True, log_with=[record])
    logger.info(accelerator.state, main_process_only=False)
    set_seed(42)
    accelerator.init_trackers("accelerate_loop", config={"lr": 0.05, "num_epochs": 3})
    train_ds, eval_ds = make(640, 1), make(256, 2)
    train_dl = DataLoader(train_ds, batch_size=32, shuffle=True)
    eval_dl = DataLoader(eval_ds, batch_size=64)
    model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 2))
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.05)
    num_epochs = 3
    max_steps = num_epochs * len(train_dl)
    scheduler = torch.optim.lr_scheduler.LinearLR(optimizer, 1.0, 0.1, total_iters=max_steps)
    model, optimizer, train_dl, eval_dl, scheduler = accelerator.prepare(
        model, optimizer, train_dl, eval_dl, scheduler
    )
    logger.info("***** Running training *****")
    logger.info(f"  Num examples = {len(train_ds)}")
    logger.info(f"  Num Epochs = {num_epochs}")
    logger.info("  Instantaneous batch size per device = 32")
    logger.info("  Total train batch size (w. parallel, distributed & accumulation) = 32")
    logger.info("  Gradient Accumulation steps = 1")
    logger.info(f"  Total optimization steps = {max_steps}")
    progress_bar = tqdm(range(max_steps), disable=not accelerator.is_local_main_process)
    completed_steps = 0
    for epoch in range(num_epochs):
        model.train()
        total_loss = 0.0
        for batch in train_dl:
            x, y = batch
            loss = F.cross_entropy(model(x), y)
            accelerator.backward(loss)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            progress_bar.update(1)
            completed_steps += 1
            total_loss += loss.detach().float()
            if completed_steps % 10 == 0:
                lr = scheduler.get_last_lr()[0]
                accelerator.print(f"step {completed_steps}: loss {loss.item():.4f} lr {lr:.5f}")
                accelerator.log({"loss": loss.item(), "lr": lr}, step=completed_steps)
        model.eval()
        correct = tp = fp = fn = 0
        eval_loss = 0.0
        for x, y in eval_dl:
            with torch.no_grad():
                out = model(x)
            eval_loss += F.cross_entropy(out, y, reduction="sum").item()
            pred, ref = accelerator.gather_for_metrics((out.argmax(-1), y))
            correct += (pred == ref).sum().item()
            tp += ((pred == 1) & (ref == 1)).sum().item()
            fp += ((pred == 1) & (ref == 0)).sum().item()
            fn += ((pred == 0) & (ref == 1)).sum().item()
        n = len(eval_ds)
        eval_metric = {"accuracy": correct / n, "f1": 2 * tp / (2 * tp + fp + fn)}
        eval_loss /= n
        train_loss = total_loss.item() / len(train_dl)
        accelerator.print(f"epoch {epoch}:", eval_metric)
        logger.info(f"epoch {epoch}: train_loss: {train_loss} eval_loss: {eval_loss}")
        accelerator.log(
            {
                "accuracy": eval_metric["accuracy"],
                "f1": eval_metric["f1"],
                "train_loss": train_loss,
                "eval_loss": eval_loss,
                "epoch": epoch,
            },
            step=completed_steps,
        )
    accelerator.end_training()
    return record


record = main()
series = _truth.Series()
epoch_of = {}
for step, values in record.rows:
    if "epoch" in values:
        epoch_of[step] = values["epoch"]
for step, values in record.rows:
    for k, v in values.items():
        if k == "epoch":
            continue
        # the step prints come before their epoch's end: the epoch they fall in, 0-based like the print
        ep = values.get("epoch", next((e for s, e in sorted(epoch_of.items()) if s >= step), None))
        series.add(k, step, ep, v)
_truth.write(
    library=f"accelerate {accelerate.__version__} (torch {torch.__version__})",
    script="tests/corpus/scripts/accelerate_loop.py",
    record="what accelerator.log() handed to a GeneralTracker subclass given as log_with= (accelerate's "
    "tracking API), one call per printed line",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes="transformers' no_trainer logging: 'MM/DD/YYYY HH:MM:SS - INFO - __main__ - ...' lines: first "
    "accelerator.state ('Distributed environment: NO', 'Num processes: 1', 'Process index: 0', "
    "'Local process index: 0', 'Device: cpu', 'Mixed precision type: no': settings), then the "
    "'***** Running training *****' banner ('  Num examples = 640', '  Num Epochs = 3', "
    "'  Instantaneous batch size per device = 32', '  Total train batch size (w. parallel, distributed "
    "& accumulation) = 32', '  Gradient Accumulation steps = 1', '  Total optimization steps = 60': counts "
    "and settings, no metrics). A plain tqdm bar over the 60 steps (no postfix). Every 10 steps "
    "accelerator.print 'step 10: loss 0.6123 lr 0.04250' (step = the optimizer step); at each epoch's "
    "end accelerator.print 'epoch 0: {'accuracy': 0.73046875, 'f1': 0.72}' and the logger's "
    "'epoch 0: train_loss: 0.61... eval_loss: 0.55...'. Epochs are 0-based as printed; the truth's "
    "step for the epoch values is the optimizer step at the epoch's end (20, 40, 60).",
)
