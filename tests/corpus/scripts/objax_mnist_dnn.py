"""Objax's examples/image_classification/mnist_dnn.py (DNNet from objax.zoo, Adam, EMA, jaxboard).

The example as in the objax repository (not in the wheel), with two changes: the data are a
synthetic MNIST stand-in made here (10 classes of 28x28x1 images: a fixed random template per
class plus noise, 6000 train / 1000 test, scaled to [-1, 1] as the example scales MNIST; the
example loads MNIST with tensorflow_datasets, a download) and 5 epochs instead of 40. The rest is
unchanged: print(model.vars()), the two notices, a tqdm trange per epoch ('Epoch 1/5', leave=False,
unit 'img' scaled by the batch) and one for 'Evaluating', then
'Epoch 0001  Loss 1.23  Accuracy 45.67' per epoch, and a jaxboard SummaryWriter under
experiments/... (written in a temporary working directory here).

What the console shows: model.vars()'s table of variables with their sizes and shapes
('(DNNet)[0](Linear).b      128 (128,)', '+Total(4)              101770'), 'Visualize results with:
tensorboard --logdir "experiments/classify/img/mnist/filters(784, 128, 10)"', the disclaimer, the
bars (on stderr) and the epoch lines.

Truth: the example's own jaxboard Summary per epoch (summary['losses/xe']() and
summary['eval/accuracy'](), the values it prints and writes to TensorBoard at step
(epoch + 1) * train_size), kept at full precision.

Versions: objax 1.8.0, jax 0.4.23, numpy 1.26.4, tqdm 4.70.1, Python 3.11 (venv corpus-zAJ-4, the
coax venv: objax needs a jax of its time too).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_objax_mnist_dnn -- python tests/corpus/scripts/objax_mnist_dnn.py
    python tests/corpus/scripts/capture.py pty real_objax_mnist_dnn_pty -- python tests/corpus/scripts/objax_mnist_dnn.py
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import objax  # noqa: E402
from objax.functional import leaky_relu, one_hot  # noqa: E402
from objax.jaxboard import Summary, SummaryWriter  # noqa: E402
from objax.util import EasyDict  # noqa: E402
from objax.zoo.dnnet import DNNet  # noqa: E402
from tqdm import trange  # noqa: E402

os.chdir(tempfile.mkdtemp(prefix="objax_mnist_"))
series = _truth.Series()

# Data: a synthetic MNIST stand-in (uint8 images, NHWC like tfds' MNIST)
rng = np.random.RandomState(0)
templates = rng.uniform(0, 255, size=(10, 28, 28, 1))


def make(n):
    label = rng.randint(0, 10, size=n)
    image = np.clip(
        templates[label] * 0.12 + rng.normal(96, 90, size=(n, 28, 28, 1)), 0, 255
    ).astype(np.uint8)
    return {"image": image, "label": label}


data = {"train": make(6000), "test": make(1000)}
train_size = len(data["train"]["image"])
test_size = len(data["test"]["image"])
train_shape = data["train"]["image"].shape
image_size = train_shape[1] * train_shape[2] * train_shape[3]
nclass = len(np.unique(data["train"]["label"]))
flat_train_images = np.reshape(
    data["train"]["image"].transpose(0, 3, 1, 2) / 127.5 - 1, (train_size, image_size)
)
flat_test_images = np.reshape(
    data["test"]["image"].transpose(0, 3, 1, 2) / 127.5 - 1, (test_size, image_size)
)
test = EasyDict(image=flat_test_images, label=data["test"]["label"])
train = EasyDict(image=flat_train_images, label=data["train"]["label"])
del data

# Settings
lr = 0.0002
batch = 64
num_train_epochs = 5
dnn_layer_sizes = image_size, 128, 10
logdir = f"experiments/classify/img/mnist/filters{dnn_layer_sizes}"

# Model
model = DNNet(dnn_layer_sizes, leaky_relu)
model_ema = objax.optimizer.ExponentialMovingAverageModule(model, momentum=0.999)
opt = objax.optimizer.Adam(model.vars())


@objax.Function.with_vars(model.vars())
def loss(x, label):
    logit = model(x)
    return objax.functional.loss.cross_entropy_logits(logit, label).mean()


gv = objax.GradValues(loss, model.vars())


@objax.Function.with_vars(model.vars() + gv.vars() + opt.vars() + model_ema.vars())
def train_op(x, xl):
    g, v = gv(x, xl)  # returns gradients, loss
    opt(lr, g)
    model_ema.update_ema()
    return v


train_op = objax.Jit(train_op)  # Compile train_op to make it run faster.
predict = objax.Jit(model_ema)

np.random.seed(0)
# Training
print(model.vars())
print(f'Visualize results with: tensorboard --logdir "{logdir}"')
print("Disclaimer: This code demonstrates the DNNet class. For SOTA accuracy use a CNN instead.")
with SummaryWriter(os.path.join(logdir, "tb")) as tensorboard:
    for epoch in range(num_train_epochs):
        # Train one epoch
        summary = Summary()
        loop = trange(
            0,
            train_size,
            batch,
            leave=False,
            unit="img",
            unit_scale=batch,
            desc="Epoch %d/%d" % (1 + epoch, num_train_epochs),
        )
        for it in loop:
            sel = np.random.randint(size=(batch,), low=0, high=train_size)
            x, xl = train.image[sel], train.label[sel]
            xl = one_hot(xl, nclass)
            v = train_op(x, xl)
            summary.scalar("losses/xe", float(v[0]))

        # Eval
        accuracy = 0
        for it in trange(0, test.image.shape[0], batch, leave=False, desc="Evaluating"):
            x = test.image[it : it + batch]
            xl = test.label[it : it + batch]
            accuracy += (np.argmax(predict(x), axis=1) == xl).sum()
        accuracy /= test.image.shape[0]
        summary.scalar("eval/accuracy", 100 * accuracy)
        print(
            "Epoch %04d  Loss %.2f  Accuracy %.2f"
            % (epoch + 1, summary["losses/xe"](), summary["eval/accuracy"]())
        )
        series.add("Loss", (epoch + 1) * train_size, epoch + 1, float(summary["losses/xe"]()))
        series.add(
            "Accuracy", (epoch + 1) * train_size, epoch + 1, float(summary["eval/accuracy"]())
        )

        tensorboard.write(summary, step=(epoch + 1) * train_size)

_truth.write(
    library=f"objax {metadata.version('objax')} (jax {metadata.version('jax')}, numpy {np.__version__})",
    script="tests/corpus/scripts/objax_mnist_dnn.py",
    record="the example's objax.jaxboard Summary per epoch: summary['losses/xe'](), summary['eval/accuracy']()",
    step_kind="epoch",
    series=series,
    extra_ok=["the tqdm bars' rates (img/s, it/s)"],
    not_printed=[],
    notes=(
        "print(model.vars()) first: a table of the model's variables, name, size, shape "
        "('(DNNet)[0](Linear).b      128 (128,)', '(DNNet)[0](Linear).w   100352 (784, 128)') and "
        "'+Total(4)              101770' (parameter counts and shapes, not metrics). Then 'Visualize results with: "
        'tensorboard --logdir "experiments/classify/img/mnist/filters(784, 128, 10)"\' (layer sizes in a '
        "path) and a disclaimer. Per epoch a tqdm trange on stderr, 'Epoch 1/5' with counts in images "
        "(unit_scale=64) and a rate, left off at its end (leave=False), an 'Evaluating' bar likewise, then "
        "'Epoch 0001  Loss 2.07  Accuracy 60.90' (the epoch zero-padded; Loss = the epoch's mean cross "
        "entropy, Accuracy = the EMA model's test accuracy in percent, both 2 decimals). step = the "
        "TensorBoard step the example writes, (epoch + 1) * 6000, never printed; epoch = epoch + 1."
    ),
)
