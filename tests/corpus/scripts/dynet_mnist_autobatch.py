"""DyNet's examples/mnist/mnist-autobatch.py (MLP on MNIST, SimpleSGDTrainer), on synthetic MNIST files.

The example as it is in the clab/dynet repository (not in the wheel), its prints unchanged, with
three changes: the four MNIST idx files it reads from --path are written here from synthetic data
(10 classes of 28x28 images: a fixed random template per class plus noise; 10000 training and 1000
test images) instead of being downloaded; 2 epochs instead of its hard-coded 50; and the values
it prints are appended to a record. Run without autobatching (the example's default,
--dynet_autobatch 0), minibatches of 16.

What the console shows: 'Epoch 1 starting', every 480 instances 'moving avg loss: 1.93…' (an
exponentially smoothed minibatch loss, repr float), once per epoch (at instance 9600) 'Held out
accuracy 0.412 (5230.1… instances/sec)' followed by the confusion matrix of predictions (rows
'P0 ', columns 'T0'..'T9', counts left-justified in 6 places), and at the end of each epoch
'instances per sec: 3051.2…'.

Truth: the example's own variables at each print (acc, eloss; the throughput figures and the
confusion counts are not metrics of the fit), kept at full precision.

Versions: dynet38 2.2 (imported as dynet), numpy 2.4.6, Python 3.11 (venv corpus-zAJ-3).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_dynet_mnist_autobatch -- python tests/corpus/scripts/dynet_mnist_autobatch.py
"""

import argparse
import os
import random
import struct
import sys
import tempfile
import time
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import dynet as dy  # noqa: E402
import numpy as np  # noqa: E402

series = _truth.Series()

# ---- synthetic MNIST idx files (what --download would have fetched) ----
data_dir = tempfile.mkdtemp(prefix="dynet_mnist_")
_rng = np.random.RandomState(0)
_templates = _rng.uniform(0, 255, size=(10, 784))


def _write_idx(stem_img, stem_lbl, n):
    labels = _rng.randint(0, 10, size=n).astype(np.int8)
    images = np.clip(
        _templates[labels] * 0.08 + _rng.normal(110, 100, size=(n, 784)), 0, 255
    ).astype(np.uint8)
    with open(os.path.join(data_dir, stem_lbl), "wb") as fh:
        fh.write(struct.pack(">II", 2049, n) + labels.tobytes())
    with open(os.path.join(data_dir, stem_img), "wb") as fh:
        fh.write(struct.pack(">IIII", 2051, n, 28, 28) + images.tobytes())


_write_idx("train-images-idx3-ubyte", "train-labels-idx1-ubyte", 10000)
_write_idx("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", 1000)
random.seed(0)

# ---- the example ----
parser = argparse.ArgumentParser()
parser.add_argument("--path", default=data_dir, help="Path to the MNIST data files (unzipped).")
parser.add_argument("--minibatch_size", default=16, help="Size of minibatches.")
parser.add_argument("--conv", dest="conv", action="store_true")
parser.add_argument("--dynet_autobatch", default=0, help="Set to 1 to turn on autobatching.")
parser.add_argument("--dynet_gpus", default=0, help="Set to 1 to train on GPU.")

HIDDEN_DIM = 1024
DROPOUT_RATE = 0.4


def read_mnist(dataset, path):
    if dataset == "training":
        fname_img = os.path.join(path, "train-images-idx3-ubyte")
        fname_lbl = os.path.join(path, "train-labels-idx1-ubyte")
    elif dataset == "testing":
        fname_img = os.path.join(path, "t10k-images-idx3-ubyte")
        fname_lbl = os.path.join(path, "t10k-labels-idx1-ubyte")
    else:
        raise ValueError("dataset must be 'testing' or 'training'")
    with open(fname_lbl, "rb") as flbl:
        magic, num = struct.unpack(">II", flbl.read(8))
        labels = np.fromfile(flbl, dtype=np.int8)
    with open(fname_img, "rb") as fimg:
        magic, num, rows, cols = struct.unpack(">IIII", fimg.read(16))
        images = np.multiply(
            np.fromfile(fimg, dtype=np.uint8).reshape(len(labels), rows * cols), 1.0 / 255.0
        )

    def get_instance(idx):
        return (labels[idx], images[idx])

    for i in range(len(labels)):
        yield get_instance(i)


class MNISTClassify(object):
    def __init__(self, m):
        input_size = 28 * 28
        self.W1 = m.add_parameters((HIDDEN_DIM, input_size))
        self.hbias = m.add_parameters((HIDDEN_DIM,))
        self.W2 = m.add_parameters((10, HIDDEN_DIM))

    def __call__(self, x, dropout=False):
        h = dy.rectify(self.W1 * x + self.hbias)
        if dropout:
            h = dy.dropout(h, DROPOUT_RATE)
        logits = self.W2 * h
        return logits


args = parser.parse_args()
training = [(lbl, img) for (lbl, img) in read_mnist("training", args.path)]
testing = [(lbl, img) for (lbl, img) in read_mnist("testing", args.path)]

m = dy.Model()
classify = MNISTClassify(m)
sgd = dy.SimpleSGDTrainer(m, learning_rate=0.01)

eloss = None
alpha = 0.05  # smoothing of training loss for reporting
start = time.time()
dev_time = 0
report = args.minibatch_size * 30
dev_report = args.minibatch_size * 600
for epoch in range(2):
    random.shuffle(training)
    print(("Epoch {} starting".format(epoch + 1)))
    i = 0
    while i < len(training):
        dy.renew_cg()
        mbsize = min(args.minibatch_size, len(training) - i)
        minibatch = training[i : i + mbsize]
        losses = []
        for lbl, img in minibatch:
            x = dy.inputVector(img)
            logits = classify(x, dropout=True)
            loss = dy.pickneglogsoftmax(logits, lbl)
            losses.append(loss)
        mbloss = dy.esum(losses) / mbsize
        mbloss.backward()
        sgd.update()

        if eloss is None:
            eloss = mbloss.scalar_value()
        else:
            eloss = mbloss.scalar_value() * alpha + eloss * (1.0 - alpha)

        if (i > 0) and (i % dev_report == 0):
            confusion = [[0 for _ in range(10)] for _ in range(10)]
            correct = 0
            dev_start = time.time()
            for s in range(0, len(testing), args.minibatch_size):
                dy.renew_cg()
                e = min(len(testing), s + args.minibatch_size)
                minibatch = testing[s:e]
                scores = []
                for lbl, img in minibatch:
                    x = dy.inputVector(img)
                    logits = classify(x)
                    scores.append((lbl, logits))
                dy.forward([logits for _, logits in scores])
                for lbl, logits in scores:
                    prediction = np.argmax(logits.npvalue())
                    if lbl == prediction:
                        correct += 1
                    confusion[prediction][lbl] += 1
            dev_end = time.time()
            acc = float(correct) / len(testing)
            dev_time += dev_end - dev_start
            print(
                (
                    "Held out accuracy {} ({} instances/sec)".format(
                        acc, len(testing) / (dev_end - dev_start)
                    )
                )
            )
            series.add("Held out accuracy", i + epoch * len(training), epoch + 1, acc)
            print("   " + "".join(("T" + str(x)).ljust(6) for x in range(10)))
            for p, row in enumerate(confusion):
                s = "P" + str(p) + " "
                s += "".join(str(col).ljust(6) for col in row)
                print(s)

        if (i > 0) and (i % report == 0):
            print(("moving avg loss: {}".format(eloss)))
            series.add("moving avg loss", i + epoch * len(training), epoch + 1, eloss)
        i += mbsize
    end = time.time()
    print(("instances per sec: {}".format((i + epoch * len(training)) / (end - start - dev_time))))

_truth.write(
    library=f"dynet38 {metadata.version('dynet38')} (numpy {np.__version__})",
    script="tests/corpus/scripts/dynet_mnist_autobatch.py",
    record="the example's own acc and eloss at each print, appended as printed",
    step_kind="global",
    series=series,
    extra_ok=[
        "instances/sec in 'Held out accuracy … (… instances/sec)' and 'instances per sec: …' (throughput)"
    ],
    not_printed=[],
    notes=(
        "'Epoch 1 starting'; every 480 training instances (30 minibatches of 16) 'moving avg loss: "
        "1.9312…' (the exponentially smoothed minibatch loss, alpha 0.05, full repr); at instance 9600 of "
        "each epoch 'Held out accuracy 0.412 (5230.17… instances/sec)' (accuracy on the 1000 test images as "
        "a fraction; the parenthesis is throughput) followed by an 11-line confusion matrix: a header "
        "'   T0    T1    T2 …' (true classes) and rows 'P0 87    3     0 …' (predicted class, then counts "
        "left-justified in 6 places: counts, not metrics); after each epoch 'instances per sec: 3051.2…' "
        "(throughput). step = training instances seen (i + epoch * 10000, the example's counter, never "
        "printed); epoch = the epoch the example prints ('Epoch 1 starting'). DyNet's dy.parameter "
        "notice is not printed here (the example uses parameters directly)."
    ),
)
