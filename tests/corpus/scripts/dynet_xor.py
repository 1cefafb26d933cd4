"""DyNet's examples/xor/xor.py (a static graph re-fed with set(), SimpleSGDTrainer), as in the repository.

The example's code unchanged but for 30 iterations instead of its 2000 (it converges within ~20: the rest prints 0.000000000), its
model file written in a temporary working directory, and the loss it prints appended to a record.

What the console shows: one 'loss: 0.123456789' line per iteration (mean squared error over the
four XOR cases, %0.9f, no iteration number), then the network's output for one input as a bare
float, then its predictions for the four inputs: 'TF 0.99…', 'FF -0.98…', 'TT -0.99…', 'FT 0.99…'
(model outputs, not metrics of the fit).

Truth: the example's mloss at each print, at full precision; step = the iteration (0-based, never
printed: one line per iteration).

Versions: dynet38 2.2 (imported as dynet), Python 3.11 (venv corpus-zAJ-3).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_dynet_xor -- python tests/corpus/scripts/dynet_xor.py --dynet-seed 3
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import dynet as dy  # noqa: E402

os.chdir(tempfile.mkdtemp(prefix="dynet_xor_"))
series = _truth.Series()

# xsent = True
xsent = False

HIDDEN_SIZE = 8
ITERATIONS = 30

m = dy.Model()
trainer = dy.SimpleSGDTrainer(m)

W = m.add_parameters((HIDDEN_SIZE, 2))
b = m.add_parameters(HIDDEN_SIZE)
V = m.add_parameters((1, HIDDEN_SIZE))
a = m.add_parameters(1)

x = dy.vecInput(2)
y = dy.scalarInput(0)
h = dy.tanh((W * x) + b)
if xsent:
    y_pred = dy.logistic((V * h) + a)
    loss = dy.binary_log_loss(y_pred, y)
    T = 1
    F = 0
else:
    y_pred = (V * h) + a
    loss = dy.squared_distance(y_pred, y)
    T = 1
    F = -1


for iter in range(ITERATIONS):
    mloss = 0.0
    for mi in range(4):
        x1 = mi % 2
        x2 = (mi // 2) % 2
        x.set([T if x1 else F, T if x2 else F])
        y.set(T if x1 != x2 else F)
        mloss += loss.scalar_value()
        loss.backward()
        trainer.update()
    mloss /= 4.0
    print("loss: %0.9f" % mloss)
    series.add("loss", iter, None, mloss)

x.set([F, T])
z = -(-y_pred)
print(z.scalar_value())

m.save("xor.pymodel")

dy.renew_cg()

x = dy.vecInput(2)
y = dy.scalarInput(0)
h = dy.tanh((W * x) + b)
if xsent:
    y_pred = dy.logistic((V * h) + a)
else:
    y_pred = (V * h) + a
x.set([T, F])
print("TF", y_pred.scalar_value())
x.set([F, F])
print("FF", y_pred.scalar_value())
x.set([T, T])
print("TT", y_pred.scalar_value())
x.set([F, T])
print("FT", y_pred.scalar_value())

_truth.write(
    library=f"dynet38 {metadata.version('dynet38')}",
    script="tests/corpus/scripts/dynet_xor.py",
    record="the example's mloss (mean loss over the 4 XOR cases) at each print",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "30 lines 'loss: 0.123456789' (%0.9f; the iteration is never printed: step = the 0-based iteration, "
        "one line each). Then a bare float (the output for input (F, T)) and four prediction lines 'TF "
        "0.9953…', 'FF -0.9937…', 'TT -0.9912…', 'FT 0.9950…' (the trained network's outputs for the four "
        "inputs, repr floats: predictions, not metrics)."
    ),
)
