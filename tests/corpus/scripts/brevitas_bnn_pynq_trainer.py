"""Brevitas' BNN-PYNQ example trainer (brevitas_examples/bnn_pynq/trainer.py: Trainer.train_model and
eval_model, with the example's own Logger, AverageMeters, SqrHingeLoss and the TFC_2W2A quantized
network from model_with_cfg) on synthetic 28x28 10-class images: the trainer itself builds MNIST
with torchvision and downloads it, so its two loops are copied here with their logging calls as they
are. Quantization-aware training of 2-bit weights / 2-bit activations, Adam lr 0.02 (the example's
defaults), log_freq 10, 3 epochs.

Versions: brevitas 0.13.4, torch 2.13.0 (CPU), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAR-1):
    python tests/corpus/scripts/capture.py pipe real_brevitas_bnn_pynq_trainer -- /work/venvs/corpus-zAR-1/bin/python tests/corpus/scripts/brevitas_bnn_pynq_trainer.py
(logging to stdout, no colour: the same under a terminal, no pty entry.)
Truth: the example's AverageMeters (val and avg of losses, top1, top5) at each logging call.
"""

import os
import random
import sys
import time
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
from brevitas_examples.bnn_pynq.logger import EvalEpochMeters, Logger, TrainingEpochMeters
from brevitas_examples.bnn_pynq.models import model_with_cfg
from brevitas_examples.bnn_pynq.models.losses import SqrHingeLoss

series = _truth.Series()


def accuracy(output, target, topk=(1,)):
    """brevitas_examples.bnn_pynq.trainer.accuracy (that module imports torchvision)"""
    maxk = max(topk)
    batch_size = target.size(0)
    _, pred = output.topk(maxk, 1, True, True)
    pred = pred.t()
    correct = pred.eq(target.view(1, -1).expand_as(pred))
    res = []
    for k in topk:
        correct_k = correct[:k].flatten().float().sum(0)
        res.append(correct_k.mul_(100.0 / batch_size))
    return res


EPOCHS, LOG_FREQ, NUM_CLASSES = 3, 10, 10

random.seed(1)
torch.manual_seed(1)
model, cfg = model_with_cfg("TFC_2W2A".lower(), False)
logger = Logger("/tmp/corpus-zAR", dry_run=True)
gen = torch.Generator().manual_seed(0)
protos = (torch.rand(10, 1, 28, 28, generator=gen) > 0.5).float()


def synthetic(n):
    y = torch.randint(0, 10, (n,), generator=gen)
    x = (protos[y] * 0.25 + 0.75 * torch.rand(n, 1, 28, 28, generator=gen)).clamp(0, 1)
    return torch.utils.data.TensorDataset(x, y)


train_loader = torch.utils.data.DataLoader(synthetic(2000), batch_size=100, shuffle=True)
test_loader = torch.utils.data.DataLoader(synthetic(500), batch_size=100, shuffle=False)
device = torch.device("cpu")
criterion = SqrHingeLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.02, weight_decay=0)


def onehot(target):
    target = target.unsqueeze(1)
    target_onehot = torch.Tensor(target.size(0), NUM_CLASSES).to(device, non_blocking=True)
    target_onehot.fill_(-1)
    target_onehot.scatter_(1, target, 1)
    return target.squeeze(), target_onehot


def eval_model(epoch=None):
    eval_meters = EvalEpochMeters()
    model.eval()
    criterion.eval()
    for i, data in enumerate(test_loader):
        end = time.time()
        (input, target) = data
        target, target_var = onehot(target)
        output = model(input)
        eval_meters.model_time.update(time.time() - end)
        end = time.time()
        loss = criterion(output, target_var)
        eval_meters.loss_time.update(time.time() - end)
        pred = output.data.argmax(1, keepdim=True)
        correct = pred.eq(target.data.view_as(pred)).sum()
        prec1 = 100.0 * correct.float() / input.size(0)
        _, prec5 = accuracy(output, target, topk=(1, 5))
        eval_meters.losses.update(loss.item(), input.size(0))
        eval_meters.top1.update(prec1.item(), input.size(0))
        eval_meters.top5.update(prec5.item(), input.size(0))
        logger.eval_batch_cli_log(eval_meters, i, len(test_loader))
        for name, m in (
            ("Loss", eval_meters.losses),
            ("Prec@1", eval_meters.top1),
            ("Prec@5", eval_meters.top5),
        ):
            series.add(f"Test {name}", None, epoch, m.val)
            series.add(f"Test {name} (average)", None, epoch, m.avg)
    return eval_meters.top1.avg


best_val_acc = 0
for epoch in range(1, EPOCHS + 1):
    model.train()
    criterion.train()
    epoch_meters = TrainingEpochMeters()
    start_data_loading = time.time()
    for i, data in enumerate(train_loader):
        (input, target) = data
        target, target_var = onehot(target)
        epoch_meters.data_time.update(time.time() - start_data_loading)
        start_batch = time.time()
        output = model(input)
        loss = criterion(output, target_var)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if hasattr(model, "clip_weights"):
            model.clip_weights(-1, 1)
        epoch_meters.batch_time.update(time.time() - start_batch)
        if i % int(LOG_FREQ) == 0 or i == len(train_loader) - 1:
            prec1, prec5 = accuracy(output.detach(), target, topk=(1, 5))
            epoch_meters.losses.update(loss.item(), input.size(0))
            epoch_meters.top1.update(prec1.item(), input.size(0))
            epoch_meters.top5.update(prec5.item(), input.size(0))
            logger.training_batch_cli_log(epoch_meters, epoch, i, len(train_loader))
            step = (epoch - 1) * len(train_loader) + i
            for name, m in (
                ("Loss", epoch_meters.losses),
                ("Prec@1", epoch_meters.top1),
                ("Prec@5", epoch_meters.top5),
            ):
                series.add(name, step, epoch, m.val)
                series.add(f"{name} (average)", step, epoch, m.avg)
        start_data_loading = time.time()
    if epoch % 40 == 0:
        optimizer.param_groups[0]["lr"] *= 0.5
    with torch.no_grad():
        top1avg = eval_model(epoch)
    if top1avg >= best_val_acc:
        best_val_acc = top1avg

_truth.write(
    library=f"brevitas {metadata.version('brevitas')} (brevitas_examples.bnn_pynq, torch {torch.__version__})",
    script="tests/corpus/scripts/brevitas_bnn_pynq_trainer.py",
    record="the example's TrainingEpochMeters / EvalEpochMeters (AverageMeter val and avg) at each log call",
    step_kind="global",
    series=series,
    extra_ok=[
        "Time (seconds per batch, and its running average in brackets)",
        "Data (data loading seconds, and its average)",
        "Test: Model Time (seconds per test batch, and its average)",
        "Test: Loss Time (seconds per test batch, and its average)",
    ],
    notes=(
        "brevitas_examples BNN-PYNQ trainer's Logger: logging to stdout with '%(asctime)s %(message)s', so every "
        "line starts with '2026-12-07 18:20:01,123 '. Training, every 10 batches and the last of the epoch: "
        "'Epoch: [1][10/20]\\tTime 0.012 (0.015)\\tData 0.001 (0.001)\\tLoss 0.1234 (0.1456)\\tPrec@1 45.000 "
        "(40.000)\\tPrec@5 80.000 (78.000)\\t' (epoch 1-based, batch index 0-based / batches per epoch: "
        "counters; each meter prints 'val (avg)': the value at this logged batch, then the running average of "
        "the logged batches of the epoch, a DIFFERENT series: 'Loss' and 'Loss (average)', 'Prec@1' / 'Prec@1 "
        "(average)', 'Prec@5' / 'Prec@5 (average)'; Time and Data are timings). Step = (epoch - 1) * 20 + the "
        "batch index. After each epoch the whole test set, one line per batch: 'Test: [0/5]\\tModel Time 0.002 "
        "(0.002)\\tLoss Time 0.000 (0.000)\\tLoss 0.0567 (0.0567)\\tPrec@1 83.000 (83.000)\\tPrec@5 98.000 "
        "(98.000)\\t': test meters, the same words as training's, so their series are 'Test Loss', 'Test Loss "
        "(average)', 'Test Prec@1', …, step null (the trainer keeps none for them), epoch the epoch just "
        "trained. Loss is the squared hinge loss on +-1 one-hot targets; Prec@k in percent. TFC_2W2A: 3 "
        "quantized hidden layers of 64, 2-bit weights and activations; synthetic binary-pattern images."
    ),
)
