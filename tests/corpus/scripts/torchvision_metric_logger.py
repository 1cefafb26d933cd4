"""A classification loop in torchvision's reference-scripts style: their ``MetricLogger`` and
``SmoothedValue`` (references/classification/utils.py, which users copy into their projects;
reproduced here, BSD-3-Clause) around a small torchvision model on synthetic images.

Versions: torch 2.13.0+cpu, torchvision (see the truth's library field), Python 3.11
(/work/wt/venv-tv).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_torchvision_metric_logger -- python tests/corpus/scripts/torchvision_metric_logger.py
Truth: the loggers' own meters at each print: a meter prints ``median (global_avg)`` (``lr``
and ``img/s`` their last value); the series is what each print shows first (the median, or
the value), taken from the meter as it formats the line; the test line's ``Acc@1``/``Acc@5``
are the meters' global averages.
"""

import datetime
import os
import sys
import time
from collections import defaultdict, deque

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torchvision

series = _truth.Series()
current = {"step": 0, "epoch": 0}


class SmoothedValue:
    """Track a series of values and provide access to smoothed values over a window or the
    global series average."""

    def __init__(self, window_size=20, fmt=None):
        if fmt is None:
            fmt = "{median:.4f} ({global_avg:.4f})"
        self.deque = deque(maxlen=window_size)
        self.total = 0.0
        self.count = 0
        self.fmt = fmt

    def update(self, value, n=1):
        self.deque.append(value)
        self.count += n
        self.total += value * n

    @property
    def median(self):
        d = torch.tensor(list(self.deque))
        return d.median().item()

    @property
    def avg(self):
        d = torch.tensor(list(self.deque), dtype=torch.float32)
        return d.mean().item()

    @property
    def global_avg(self):
        return self.total / self.count

    @property
    def max(self):
        return max(self.deque)

    @property
    def value(self):
        return self.deque[-1]

    def __str__(self):
        return self.fmt.format(
            median=self.median,
            avg=self.avg,
            global_avg=self.global_avg,
            max=self.max,
            value=self.value,
        )


class MetricLogger:
    def __init__(self, delimiter="\t", phase="train"):
        self.meters = defaultdict(SmoothedValue)
        self.delimiter = delimiter
        self.phase = phase

    def update(self, **kwargs):
        for k, v in kwargs.items():
            if isinstance(v, torch.Tensor):
                v = v.item()
            self.meters[k].update(v)

    def __str__(self):
        loss_str = []
        for name, meter in self.meters.items():
            loss_str.append(f"{name}: {str(meter)}")
            # The truth: what this print shows first for the meter.
            shown = meter.value if "{value}" in meter.fmt else meter.median
            prefix = "Test " if self.phase == "test" else ""
            series.add(prefix + name, current["step"], current["epoch"], shown)
        return self.delimiter.join(loss_str)

    def add_meter(self, name, meter):
        self.meters[name] = meter

    def log_every(self, iterable, print_freq, header=None):
        i = 0
        if not header:
            header = ""
        start_time = time.time()
        end = time.time()
        iter_time = SmoothedValue(fmt="{avg:.4f}")
        data_time = SmoothedValue(fmt="{avg:.4f}")
        space_fmt = ":" + str(len(str(len(iterable)))) + "d"
        log_msg = self.delimiter.join(
            [
                header,
                "[{0" + space_fmt + "}/{1}]",
                "eta: {eta}",
                "{meters}",
                "time: {time}",
                "data: {data}",
            ]
        )
        for obj in iterable:
            data_time.update(time.time() - end)
            yield obj
            iter_time.update(time.time() - end)
            if i % print_freq == 0:
                eta_seconds = iter_time.global_avg * (len(iterable) - i)
                eta_string = str(datetime.timedelta(seconds=int(eta_seconds)))
                print(
                    log_msg.format(
                        i,
                        len(iterable),
                        eta=eta_string,
                        meters=str(self),
                        time=str(iter_time),
                        data=str(data_time),
                    )
                )
            i += 1
            end = time.time()
        total_time = time.time() - start_time
        total_time_str = str(datetime.timedelta(seconds=int(total_time)))
        print(f"{header} Total time: {total_time_str}")


def accuracy(output, target, topk=(1,)):
    with torch.inference_mode():
        maxk = max(topk)
        batch_size = target.size(0)
        _, pred = output.topk(maxk, 1, True, True)
        pred = pred.t()
        correct = pred.eq(target[None])
        return [correct[:k].flatten().sum(dtype=torch.float32) * (100.0 / batch_size) for k in topk]


torch.manual_seed(0)
images = torch.randn(320, 3, 32, 32)
labels = (images[:, 0].mean(dim=(1, 2)) > 0).long() * 3 + (images[:, 1].mean(dim=(1, 2)) > 0)
train = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(images[:256], labels[:256]), batch_size=16, shuffle=True
)
test = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(images[256:], labels[256:]), batch_size=16
)
model = torchvision.models.resnet18(num_classes=10)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)

step = 0
for epoch in range(2):
    model.train()
    metric_logger = MetricLogger(delimiter="  ")
    metric_logger.add_meter("lr", SmoothedValue(window_size=1, fmt="{value}"))
    metric_logger.add_meter("img/s", SmoothedValue(window_size=10, fmt="{value}"))
    header = f"Epoch: [{epoch}]"
    current["epoch"] = epoch
    for image, target in metric_logger.log_every(train, 4, header):
        start_time = time.time()
        output = model(image)
        loss = criterion(output, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        acc1, acc5 = accuracy(output, target, topk=(1, 5))
        batch_size = image.shape[0]
        metric_logger.update(loss=loss.item(), lr=optimizer.param_groups[0]["lr"])
        metric_logger.meters["acc1"].update(acc1.item(), n=batch_size)
        metric_logger.meters["acc5"].update(acc5.item(), n=batch_size)
        metric_logger.meters["img/s"].update(batch_size / (time.time() - start_time))
        step += 1
        current["step"] = step
    scheduler.step()
    model.eval()
    metric_logger = MetricLogger(delimiter="  ", phase="test")
    header = "Test:"
    with torch.inference_mode():
        for image, target in metric_logger.log_every(test, 2, header):
            output = model(image)
            loss = criterion(output, target)
            acc1, acc5 = accuracy(output, target, topk=(1, 5))
            batch_size = image.shape[0]
            metric_logger.update(loss=loss.item())
            metric_logger.meters["acc1"].update(acc1.item(), n=batch_size)
            metric_logger.meters["acc5"].update(acc5.item(), n=batch_size)
    acc1_avg = metric_logger.meters["acc1"].global_avg
    acc5_avg = metric_logger.meters["acc5"].global_avg
    print(f"{header} Acc@1 {acc1_avg:.3f} Acc@5 {acc5_avg:.3f}")
    series.add("Test Acc@1", step, epoch, acc1_avg)  # the line's phase names it, as above
    series.add("Test Acc@5", step, epoch, acc5_avg)

_truth.write(
    library=f"torchvision {torchvision.__version__} (references' MetricLogger, torch "
    f"{torch.__version__})",
    script="tests/corpus/scripts/torchvision_metric_logger.py",
    record="the MetricLogger's SmoothedValue meters, read as each line is formatted",
    step_kind="global",
    series=series,
    extra_ok=[
        "img/s (the last batch's throughput)",
        "time and data, on training and Test lines (each iteration's and data loading's "
        "average seconds)",
        "the running global averages in parentheses after each median",
    ],
    notes="Training lines `Epoch: [0]  [ 0/16]  eta: 0:00:05  lr: 0.05  img/s: 245.1  loss: "
    "2.3061 (2.3061)  acc1: 6.2500 (6.2500)  acc5: 50.0000 (50.0000)  time: 0.3064  data: "
    "0.0010` every 4 iterations (step: the global iteration, counted by the script; epoch as "
    "printed, 0-based); the evaluation prints `Test:  [0/4]  eta: ...  loss: ... acc1: ... "
    "acc5: ...` every 2 batches (series 'Test loss', 'Test acc1', 'Test acc5', at the epoch's "
    "last training step) and after it `Test: Acc@1 56.250 Acc@5 100.000` (series 'Test Acc@1', "
    "'Test Acc@5': the meters' global averages); each loop ends with "
    "`<header> Total time: 0:00:01`. Median first, global average in parentheses.",
)
