"""A Hugging Face Accelerate loop run by `accelerate launch --multi_gpu --num_processes 2` on a
machine without GPU (two CPU processes, gloo: accelerate's own `--cpu` flag runs one process unless
mpirun and a hostfile are given, and --multi_gpu starts torch.distributed.run, Accelerator(cpu=True)
then makes it MULTI_CPU), in the shape of accelerate's examples/nlp_example.py and cv_example.py:
`logger.info(accelerator.state, main_process_only=False)` (both processes print their state), a
tqdm bar over the optimizer steps on the local main process only, `accelerator.print` every 10
steps (main process only: its own batch loss), per epoch each process logging its OWN mean
training loss through accelerate's logger with main_process_only=False, in_order=True
(accelerate's logger then puts '[RANK 1] ' before the message: '[RANK 1] epoch 0 train_loss 0.6012'), and the evaluation gathered with gather_for_metrics
and printed with a plain print() - on every process, so the same dict comes twice
('epoch 0: {'accuracy': 0.73, 'f1': 0.72}'): the common slip of print() for accelerator.print().

A small MLP on synthetic 2-class vectors.  Every process keeps a record of what it printed; the
main process gathers them (gather_object) and writes the truth.

Versions: accelerate 1.16.0, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11 (venv /work/venvs/corpus-zAP-1).
Capture (repository root, the venv's bin on PATH):
    python tests/corpus/scripts/capture.py pipe real_accelerate_launch_cpu2 -- accelerate launch --multi_gpu --num_processes 2 tests/corpus/scripts/accelerate_launch_cpu.py
    python tests/corpus/scripts/capture.py pty real_accelerate_launch_cpu2_pty -- accelerate launch --multi_gpu --num_processes 2 tests/corpus/scripts/accelerate_launch_cpu.py
"""

import logging
import os
import sys

import accelerate
import torch
import torch.nn.functional as F
from accelerate import Accelerator
from accelerate.logging import get_logger
from accelerate.utils import gather_object, set_seed
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from tqdm.auto import tqdm

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth

logger = get_logger(__name__)


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
    accelerator = Accelerator(cpu=True)
    logger.info(accelerator.state, main_process_only=False)
    set_seed(42)
    rank = accelerator.process_index
    record = []  # (name, step, epoch, value) in print order, this process's

    def add(name, step, epoch, value):
        record.append((name if rank == 0 else f"rank{rank}/{name}", step, epoch, float(value)))

    train_ds, eval_ds = make(1280, 1), make(256, 2)
    train_dl = DataLoader(train_ds, batch_size=16, shuffle=True)
    eval_dl = DataLoader(eval_ds, batch_size=32)
    model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 2))
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.02)
    model, optimizer, train_dl, eval_dl = accelerator.prepare(model, optimizer, train_dl, eval_dl)
    num_epochs = 3
    max_steps = num_epochs * len(train_dl)
    progress_bar = tqdm(range(max_steps), disable=not accelerator.is_local_main_process)
    step = 0
    for epoch in range(num_epochs):
        model.train()
        total = 0.0
        for x, y in train_dl:
            loss = F.cross_entropy(model(x), y)
            accelerator.backward(loss)
            optimizer.step()
            optimizer.zero_grad()
            progress_bar.update(1)
            step += 1
            total += loss.item()
            if step % 10 == 0:
                accelerator.print(f"step {step}: loss {loss.item():.4f}")
                if accelerator.is_main_process:
                    add("loss", step, epoch, loss.item())
        train_loss = total / len(train_dl)
        logger.info(
            f"epoch {epoch} train_loss {train_loss:.4f}",
            main_process_only=False,
            in_order=True,
        )
        add("train_loss", step, epoch, train_loss)
        model.eval()
        correct = tp = fp = fn = 0
        for x, y in eval_dl:
            with torch.no_grad():
                out = model(x)
            pred, ref = accelerator.gather_for_metrics((out.argmax(-1), y))
            correct += (pred == ref).sum().item()
            tp += ((pred == 1) & (ref == 1)).sum().item()
            fp += ((pred == 1) & (ref == 0)).sum().item()
            fn += ((pred == 0) & (ref == 1)).sum().item()
        eval_metric = {"accuracy": correct / len(eval_ds), "f1": 2 * tp / (2 * tp + fp + fn)}
        print(f"epoch {epoch}:", eval_metric)
        if accelerator.is_main_process:  # the same numbers on both processes: one series each
            add("accuracy", step, epoch, eval_metric["accuracy"])
            add("f1", step, epoch, eval_metric["f1"])
    accelerator.wait_for_everyone()
    records = gather_object([record])
    # free the DDP-wrapped model before the process group goes (else gloo aborts at exit)
    del model, optimizer
    accelerator.free_memory()
    accelerator.end_training()  # destroys the process group
    return accelerator, records, len(train_dl)


accelerator, records, steps_per_epoch = main()
if accelerator.is_main_process:
    series = _truth.Series()
    for rec in records:
        for name, step, epoch, value in rec:
            series.add(name, step, epoch, value)
    _truth.write(
        library=f"accelerate {accelerate.__version__} (torch {torch.__version__}, 2 CPU processes, gloo)",
        script="tests/corpus/scripts/accelerate_launch_cpu.py",
        record="each process's own record of the values it printed, gathered with "
        "accelerate.utils.gather_object",
        step_kind="global",
        series=series,
        notes="accelerate launch --multi_gpu --num_processes 2 (no GPU: two CPU processes): first accelerate's launcher warning 'The "
        "following values were not passed to `accelerate launch` and had defaults used instead:' "
        "with '`--num_machines` was set to a value of `1`', '`--mixed_precision` … `'no'`', "
        "'`--dynamo_backend` …' (settings). Each process logs its accelerator.state through the "
        "examples' format 'MM/DD/YYYY HH:MM:SS - INFO - __main__ - Distributed environment: "
        "DistributedType.MULTI_CPU  Backend: gloo' (accelerate's logger puts '[RANK 0] ' / '[RANK 1] ' before a message logged with main_process_only=False) then 'Num processes: 2', 'Process index: 1', 'Local process "
        "index: 1', 'Device: cpu:0', 'Mixed precision type: no' (settings, the two blocks may interleave). A tqdm bar over "
        f"the {3 * steps_per_epoch} steps (main process only, {steps_per_epoch} steps per epoch "
        "for each process, the DataLoader sharded). Every 10 steps accelerator.print (main "
        "process only) 'step 10: loss 0.6123' (the main process's batch loss; step = its "
        "optimizer step, 1-based). Per epoch (0-based as printed) each process logs '… - INFO - "
        "__main__ - [RANK 1] epoch 0 train_loss 0.6012' (main_process_only=False, in_order=True): its OWN mean batch "
        "loss over its shard, so process 0's and process 1's values differ: series 'train_loss' "
        "(process 0) and 'rank1/train_loss' (process 1, the '[RANK 1]' lines), never merged. "
        "Then both processes print() the gathered evaluation, the same dict twice: 'epoch 0: "
        "{'accuracy': 0.73046875, 'f1': 0.72}' - one series each ('accuracy', 'f1'), the second "
        "copy is a duplicate of the same value, not another series; the two print() calls may "
        "interleave ('epoch 0:epoch 0:  {'accuracy': …}' then the other dict on its own line). Step of the epoch values = "
        "the optimizer step at the epoch's end.",
    )
