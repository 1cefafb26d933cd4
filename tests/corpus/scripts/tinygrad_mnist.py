"""tinygrad: the loop of tinygrad's examples/beautiful_mnist.py (TinyJit train_step, Adam, a
test accuracy every 10 steps; tinygrad 0.14 wants Context(TRAINING=1) for the optimizer where
older examples had Tensor.train(); tinygrad's own `tinygrad.helpers.trange` bar with set_description)
on a tiny MLP and synthetic MNIST-shaped data:

    loss:   0.52 test_accuracy: 83.20%:  57%|███████████████▍           | 40/70 [00:01<00:01, 27.59it/s]

tinygrad's tqdm writes its bar to stderr with '\\r', also into a pipe (80 columns there), only every
`skip` updates once it runs faster than `rate` (100 it/s), and set_description does not redraw:
the description set after step i shows when the bar draws its next state (n = i + 1).

Truth: the loop's values (loss.item(), get_test_acc().item()) for the states the bar actually
drew, noted by a stand-in for `print` in tinygrad.helpers (the function its bar draws with);
step = the bar's n (steps done).

Versions: tinygrad 0.14.0 (CPU device; it compiles kernels with clang: Debian's clang 14 installed
with apt-get), numpy 2.4.6, Python 3.11. Seeds fixed.
Capture (repository root, venv /work/venvs/corpus-zJ-2):
    python tests/corpus/scripts/capture.py pipe real_tinygrad_beautiful_mnist -- python tests/corpus/scripts/tinygrad_mnist.py
    python tests/corpus/scripts/capture.py pty real_tinygrad_beautiful_mnist_pty -- python tests/corpus/scripts/tinygrad_mnist.py
"""

import builtins
import math
import os
import sys
from collections.abc import Callable
from importlib import metadata

import numpy as np
import tinygrad.helpers
from tinygrad import GlobalCounters, Tensor, TinyJit, nn
from tinygrad.helpers import Context, trange

sys.path.insert(0, os.path.dirname(__file__))

import _truth

# --- the truth: which description each drawn bar state showed ---------------------------------
current = {"state": None}  # (loss, test_acc) behind the description the bar holds now
drawn = {}  # bar n -> (loss, test_acc)


def _print(*args, **kwargs):
    text = args[0] if args else ""
    if isinstance(text, str) and text.startswith("\r") and current["state"] is not None:
        n = current["n"]
        drawn[n] = current["state"]
    return builtins.print(*args, **kwargs)


tinygrad.helpers.print = _print  # tinygrad's tqdm draws with the module-global name `print`

# --- synthetic MNIST-shaped data ---------------------------------------------------------------
Tensor.manual_seed(0)
rng = np.random.RandomState(0)
centres = rng.rand(10, 784).astype(np.float32)


def make(n):
    y = rng.randint(0, 10, n)
    x = 0.12 * centres[y] + 0.88 * rng.rand(n, 784).astype(np.float32)
    return Tensor(x.reshape(n, 1, 28, 28)), Tensor(y.astype(np.int32))


X_train, Y_train = make(4096)
X_test, Y_test = make(1000)


class Model:
    def __init__(self):
        self.layers: list[Callable[[Tensor], Tensor]] = [
            lambda x: x.flatten(1),
            nn.Linear(784, 64),
            Tensor.relu,
            nn.Linear(64, 10),
        ]

    def __call__(self, x: Tensor) -> Tensor:
        return x.sequential(self.layers)


if __name__ == "__main__":
    model = Model()
    opt = nn.optim.Adam(nn.state.get_parameters(model), lr=3e-3)

    @TinyJit
    def train_step() -> Tensor:
        with Context(TRAINING=1):
            opt.zero_grad()
            samples = Tensor.randint(128, high=X_train.shape[0])
            loss = model(X_train[samples]).sparse_categorical_crossentropy(Y_train[samples])
            loss = loss.backward()
            return loss.realize(*opt.schedule_step())

    @TinyJit
    def get_test_acc() -> Tensor:
        return (model(X_test).argmax(axis=1) == Y_test).mean() * 100

    test_acc = float("nan")
    for i in (t := trange(70)):
        GlobalCounters.reset()  # NOTE: this makes it nice for DEBUG=2 timing
        loss = train_step()
        if i % 10 == 9:
            test_acc = get_test_acc().item()
        lv = loss.item()
        t.set_description(f"loss: {lv:6.2f} test_accuracy: {test_acc:5.2f}%")
        current["state"], current["n"] = (lv, test_acc), i + 1

    series = _truth.Series()
    for n in sorted(drawn):
        lv, acc = drawn[n]
        series.add("loss", n, None, lv)
    for n in sorted(drawn):
        lv, acc = drawn[n]
        if not math.isnan(acc):
            series.add("test_accuracy", n, None, acc)
    _truth.write(
        library=f"tinygrad {metadata.version('tinygrad')} (CPU device, clang 14; numpy {np.__version__})",
        script="tests/corpus/scripts/tinygrad_mnist.py",
        record=(
            "the loop's loss.item() / get_test_acc().item() behind each bar state tinygrad's "
            "tqdm drew (noted by a stand-in for print in tinygrad.helpers)"
        ),
        step_kind="global",
        series=series,
        extra_ok=["it/s (training steps per second, the bar's rate)"],
        notes=(
            "Only stderr output: tinygrad's own tqdm (tinygrad.helpers.trange(70)) redrawn with "
            "'\\r', never a newline until the end, 80 columns in a pipe, 120 under the terminal: "
            "first '  0%|      | 0/70 [00:00<?, ?it/s]', then 'loss:   2.31 test_accuracy:   "
            "nan%:   1%|▍     | 1/70 [00:01<01:40,  0.69it/s]' (set_description prefixes "
            "'DESC: '; the description holds the previous step's loss, 6.2f, and the latest test "
            "accuracy, 5.2f, in percent as recorded, computed every 10 steps: 'nan' until step "
            "10 - those nan placeholders are no values and left out of the truth), "
            "'…| 40/70 [00:01<00:01, 27.59it/s]'. The bar draws only every `skip` updates once "
            "it runs faster than 100 it/s: the truth holds the states drawn in this capture, "
            "step = the bar's counter n (training steps done); the final close redraws the last "
            "state (one point). Percent done, counts, elapsed / remaining times are progress; "
            "it/s is the step rate (extra_ok)."
        ),
    )
