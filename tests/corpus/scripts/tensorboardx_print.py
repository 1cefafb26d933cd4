"""A hand-written loop in the style of PyTorch's CIFAR-10 / TensorBoard tutorials (the numpy MLP
of _toy.py stands in for the network: 960 samples, 30 mini-batches per epoch, 3 epochs) that
writes its scalars with tensorboardX's SummaryWriter and prints the tutorial's lines:

    [1,    10] loss: 0.612
    Accuracy of the network on the 240 test images: 83 %
    Finished Training

Ground truth: tensorboardX's own record, the event file under the writer's logdir, read back
after writer.close() (TFRecord framing, tensorboardX's own Event protobuf): 'training loss'
(add_scalar every 10 mini-batches, global step epoch x 30 + i) and 'test accuracy' (per epoch, at the step of the epoch's last mini-batch).

Versions: tensorboardX 2.6.5, protobuf 6.33.6, numpy 2.4.6, Python 3.11 (venv corpus-zQ-1:
`pip install tensorboardX` beside livelossplot / trackio / swanlab).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_tensorboardx_tutorial -- python tests/corpus/scripts/tensorboardx_print.py
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import struct
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Toy
from tensorboardX import SummaryWriter
from tensorboardX.proto import event_pb2

SCRIPT = "tests/corpus/scripts/tensorboardx_print.py"
WORK = tempfile.mkdtemp(prefix="tbx-")
atexit.register(shutil.rmtree, WORK, ignore_errors=True)


def read_events(path: str):
    """(tag, step, value) of every scalar in a TFRecord event file."""
    out = []
    with open(path, "rb") as fh:
        while header := fh.read(8):
            (length,) = struct.unpack("<Q", header)
            fh.read(4)  # crc of the length
            data = fh.read(length)
            fh.read(4)  # crc of the data
            event = event_pb2.Event()
            event.ParseFromString(data)
            for v in event.summary.value:
                out.append((v.tag, event.step, v.simple_value))
    return out


def main() -> None:
    writer = SummaryWriter(os.path.join(WORK, "runs", "toy_experiment_1"))
    toy = Toy(n=960, batch=32, hidden=32, lr=0.2, seed=6)
    spe = toy.steps_per_epoch
    n_test = len(toy.yv)
    printed = []  # (tag, step, epoch)
    for epoch in range(3):  # loop over the dataset multiple times
        running_loss = 0.0
        for i in range(spe):
            loss, _acc = toy.train_step()
            running_loss += loss
            if i % 10 == 9:  # every 10 mini-batches
                writer.add_scalar("training loss", running_loss / 10, epoch * spe + i)
                print(f"[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 10:.3f}")
                printed.append(("training loss", epoch * spe + i, epoch + 1))
                running_loss = 0.0
        _, acc = toy.evaluate()
        correct = round(acc * n_test)
        step = epoch * spe + i  # the global step of the epoch's last mini-batch
        writer.add_scalar("test accuracy", 100 * correct // n_test, step)
        print(f"Accuracy of the network on the {n_test} test images: {100 * correct // n_test} %")
        printed.append(("test accuracy", step, epoch + 1))
    print("Finished Training")
    writer.close()

    (path,) = glob.glob(os.path.join(WORK, "runs", "toy_experiment_1", "events.out.tfevents.*"))
    at = {(tag, step): value for tag, step, value in read_events(path)}
    series = _truth.Series()
    phrase = f"Accuracy of the network on the {n_test} test images"
    names = {"training loss": "loss", "test accuracy": phrase}
    for tag, step, epoch in printed:
        # tensorboardX stores the tag with its space as '_' ('training_loss')
        series.add(names[tag], step, epoch, at[tag.replace(" ", "_"), step])
    _truth.write(
        library=f"hand-written loop (numpy MLP), tensorboardX {metadata.version('tensorboardX')}",
        script=SCRIPT,
        record=(
            "tensorboardX's event file (runs/toy_experiment_1/events.out.tfevents.*), read back "
            "after writer.close(): the scalars 'training loss' and 'test accuracy' (stored by "
            "tensorboardX as 'training_loss', 'test_accuracy') with their steps"
        ),
        step_kind="global",
        series=series,
        not_printed=[],
        notes=(
            "The PyTorch tutorials' print lines: '[1,    10] loss: 0.612' every 10 mini-batches - "
            "'[epoch, i+1]' with i+1 right-aligned in 5 columns, the running mean loss of those 10 "
            "batches ('%.3f'), the same value add_scalar('training loss', …, epoch * 30 + i) "
            "writes (step = the tutorial's global step: 9, 19, 29, 39, …; 0-based, so the "
            "printed '[2,    10]' is step 39) - and per epoch 'Accuracy of the network on the 240 "
            "test images: 83 %' (240 is the test-set size, a count, not a metric; the accuracy an "
            "integer percent, 100 * correct // total, logged to TensorBoard as 'test accuracy' at "
            "the global step of the epoch's last mini-batch, 29, 59, 89; the epoch 1-based; as in real_hand_cifar_tutorial the truth name is "
            "the phrase), then "
            "'Finished Training'. tensorboardX itself prints nothing."
        ),
    )


if __name__ == "__main__":
    main()
