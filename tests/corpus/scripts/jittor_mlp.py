"""Jittor (JIT-compiled with g++ at first use, CPU) training a tiny MLP the way its own examples print.

- readme: Jittor's README example, verbatim but for n: a 1-10-1 MLP fits y = x*x on random batches,
  printing each step as
      print(f"step {i}, loss = {loss_mean.data.sum()} {loss.data.sum()}")
  (the batch's mean squared error, then its SUM of squared errors, unnamed).
- mnist: the MNIST example's loop shape on synthetic 10-class data (no download):
      Train Epoch: 0 [0/20 (0%)]\tLoss: 2.302585
  every 5 batches, and after each epoch 'Test Acc = 0.8125' (print('Test Acc =', total_acc / total_num)).

Truth: the values the loop recorded as it printed them (the jittor Var's .data / .item()).

Versions: jittor 1.3.11.0 (g++ 12.2.0), numpy, Python 3.11 (venv corpus-zP-2). CUDA off: nvcc_path=""
(the machine has an nvcc but no libcudart; Jittor would try it).
Capture (repository root, venv corpus-zP-2; the first run compiles Jittor's core, minutes; use_mkl=0
keeps Jittor from downloading oneDNN, which it does at `import jittor.nn` otherwise):
    nvcc_path= use_mkl=0 python tests/corpus/scripts/capture.py pipe real_jittor_readme -- python tests/corpus/scripts/jittor_mlp.py readme
    nvcc_path= use_mkl=0 python tests/corpus/scripts/capture.py pipe real_jittor_mnist_style -- python tests/corpus/scripts/jittor_mlp.py mnist
    nvcc_path= use_mkl=0 python tests/corpus/scripts/capture.py pty real_jittor_mnist_style_pty -- python tests/corpus/scripts/jittor_mlp.py mnist
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import jittor as jt
import numpy as np
from jittor import Module, nn

MODE = sys.argv[1] if len(sys.argv) > 1 else "readme"
jt.flags.use_cuda = 0
jt.set_global_seed(0)
np.random.seed(0)
series = _truth.Series()
LIB = f"jittor {jt.__version__}, numpy {np.__version__}"

if MODE == "readme":

    class Model(Module):
        def __init__(self):
            self.layer1 = nn.Linear(1, 10)
            self.relu = nn.Relu()
            self.layer2 = nn.Linear(10, 1)

        def execute(self, x):
            x = self.layer1(x)
            x = self.relu(x)
            x = self.layer2(x)
            return x

    def get_data(n):  # generate random data for training test.
        for _ in range(n):
            x = np.random.rand(batch_size, 1)
            y = x * x
            yield jt.float32(x), jt.float32(y)

    learning_rate = 0.1
    batch_size = 50
    n = 60

    model = Model()
    optim = nn.SGD(model.parameters(), learning_rate)

    for i, (x, y) in enumerate(get_data(n)):
        pred_y = model(x)
        dy = pred_y - y
        loss = dy.sqr()
        loss_mean = loss.mean()
        optim.step(loss_mean)
        lm, ls = loss_mean.data.sum(), loss.data.sum()
        print(f"step {i}, loss = {lm} {ls}")
        series.add("loss", i, None, float(lm))
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/jittor_mlp.py",
        record="the loop's loss_mean.data.sum() at each printed step",
        step_kind="global",
        series=series,
        extra_ok=[
            "the second, unnamed number after 'loss =' (the batch's sum of squared errors, loss.data.sum())"
        ],
        not_printed=[],
        notes=(
            "Jittor's README example: 'step 0, loss = 1.3843592405319214 69.21797943115234' each step (0-based): "
            "the first number is the batch's mean squared error (the series 'loss'), the second the same "
            "batch's SUM of squared errors (50 x the mean), printed unnamed; both at full repr precision. "
            "Jittor's own coloured log lines come first ('[i 1207 11:04:00.342898 08 compiler.py:955] "
            "Jittor(1.3.11.0) src: …', 'g++ at /usr/bin/g++(12.2.0)', 'Found gdb(13.1) at /usr/bin/gdb.', "
            "'Total mem: 23.54GB, using 7 procs for compiling.', 'Load nvcc_path: '): versions, paths, memory, "
            "none of them metrics. On a run whose operators are not cached yet Jittor also prints "
            "'Compiling Operators(5/15) used: 12.4s eta: 24.8s' progress (\\r-redrawn) between the step lines "
            "(this capture: see the .txt)."
        ),
    )
else:

    class Net(Module):
        def __init__(self):
            self.fc1 = nn.Linear(64, 32)
            self.relu = nn.Relu()
            self.fc2 = nn.Linear(32, 10)

        def execute(self, x):
            return self.fc2(self.relu(self.fc1(x)))

    protos = np.random.normal(size=(10, 64)).astype("float32")

    def make(n):
        y = np.random.randint(0, 10, size=n)
        return (protos[y] + 1.5 * np.random.normal(size=(n, 64))).astype("float32"), y.astype(
            "int32"
        )

    x_train, y_train = make(640)
    x_test, y_test = make(160)
    batch_size = 32
    n_batches = len(x_train) // batch_size
    model = Net()
    optimizer = nn.SGD(model.parameters(), 0.05, momentum=0.9)
    global_step = 0
    for epoch in range(3):
        model.train()
        perm = np.random.permutation(len(x_train))
        for batch_idx in range(n_batches):
            idx = perm[batch_idx * batch_size : (batch_idx + 1) * batch_size]
            inputs, targets = jt.array(x_train[idx]), jt.array(y_train[idx])
            outputs = model(inputs)
            loss = nn.cross_entropy_loss(outputs, targets)
            optimizer.step(loss)
            global_step += 1
            if batch_idx % 5 == 0:
                lv = float(loss.item())
                print(
                    f"Train Epoch: {epoch} [{batch_idx}/{n_batches} ({100.0 * batch_idx / n_batches:.0f}%)]\tLoss: {lv:.6f}"
                )
                series.add("Loss", global_step, epoch, lv)
        model.eval()
        total_acc, total_num = 0, 0
        for i in range(0, len(x_test), batch_size):
            outputs = model(jt.array(x_test[i : i + batch_size]))
            pred = np.argmax(outputs.numpy(), axis=1)
            total_acc += int(np.sum(pred == y_test[i : i + batch_size]))
            total_num += len(pred)
        acc = total_acc / total_num
        print("Test Acc =", acc)
        series.add("Test Acc", global_step, epoch, acc)
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/jittor_mlp.py",
        record="the loop's loss.item() at each printed batch and its test accuracy per epoch",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "Jittor's MNIST example loop shape: 'Train Epoch: 0 [5/20 (25%)]\\tLoss: 1.234567' every 5 batches "
            "(epoch 0-based, the batch index and the batch count, a percentage of the epoch: not metrics) and "
            "'Test Acc = 0.8125' after each epoch. Step = batches done (global), epoch 0-based as printed. "
            "Jittor's coloured startup lines ('[i 1207 …] Jittor(1.3.11.0) src: …', 'Total mem: 23.54GB, using "
            "7 procs for compiling.') come first (coloured in both modes), and on a run whose operators are not "
            "cached yet (the pipe capture) 'Compiling Operators(4/6) used: 2.32s eta: 1.16s' progress redrawn "
            "with \\r on stderr (in a pipe before all the loop's block-buffered stdout lines; the pty capture "
            "ran with the operators cached, so without it): counts and seconds, no metrics."
        ),
    )
