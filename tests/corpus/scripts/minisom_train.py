"""MiniSom self-organizing maps trained with verbose=True, errors printed as its examples do.

Versions: MiniSom 2.3.6, numpy 2.4.6, Python 3.11 (venv corpus-zv-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_minisom_train -- /work/venvs/corpus-zv-1/bin/python tests/corpus/scripts/minisom_train.py
    python tests/corpus/scripts/capture.py pty real_minisom_train_pty -- /work/venvs/corpus-zv-1/bin/python tests/corpus/scripts/minisom_train.py
    python tests/corpus/scripts/capture.py pipe real_minisom_steps -- /work/venvs/corpus-zv-1/bin/python tests/corpus/scripts/minisom_train.py --steps
Default: som.train(data, 1500, random_order=True, verbose=True) draws a '\\r'-redrawn counter
' [ 750 / 1500 ]  50% - 0:00:00 left ' and then prints ' quantization error: 0.31…'; the script
then prints the topographic error the way MiniSom's examples do, and trains a second map with
train_batch_offline(verbose=True), which closes on 'Quantization Error: 0.2870'.
--steps: the BasicUsage example's step-by-step loop (som.update per sample), printing both errors
every 100 iterations in a user's f-string.
Truth: MiniSom keeps no training record; its errors are functions of the fitted map, so the script
calls som.quantization_error(data) / som.topographic_error(data) (the functions verbose uses) on
the same map at the same moment: full precision, the library's own numbers.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from minisom import MiniSom

STEPS = "--steps" in sys.argv

rng = np.random.RandomState(0)
centers = rng.uniform(-2, 2, size=(5, 4))
data = np.vstack([c + 0.35 * rng.randn(80, 4) for c in centers])
data = (data - data.mean(0)) / data.std(0)
print(f"data: {data.shape[0]} samples, {data.shape[1]} features")

series = _truth.Series()
if not STEPS:
    som = MiniSom(8, 8, 4, sigma=1.5, learning_rate=0.5, random_seed=1)
    som.pca_weights_init(data)
    print("Training...")
    som.train(data, 1500, random_order=True, verbose=True)
    qe = som.quantization_error(data)
    series.add("quantization error", 1500, None, qe)
    te = som.topographic_error(data)
    print("topographic error:", te)
    series.add("topographic error", 1500, None, te)
    print("...ready!")

    print("Batch training (offline), 6x6 map, 20 iterations")
    som2 = MiniSom(6, 6, 4, sigma=1.2, learning_rate=0.5, random_seed=2)
    som2.random_weights_init(data)
    som2.train_batch_offline(data, 20, verbose=True)
    series.add("Quantization Error", 20, None, som2.quantization_error(data))
    te2 = som2.topographic_error(data)
    print(f"Topographic Error: {te2:.4f}")
    series.add("Topographic Error", 20, None, te2)
    notes = (
        "Two maps. The first: som.train(verbose=True) writes a '\\r'-redrawn counter "
        "' [  750 / 1500 ]  50% - 0:00:00 left ' (iteration count, percentage and time left: no "
        "metric) with no newline until '\\n quantization error: 0.3152…' (a space, lower case, "
        "full repr); then the script prints 'topographic error: 0.0466…' (print with two "
        "arguments). The second map: train_batch_offline(verbose=True), counter ' [ 20 / 20 ] "
        "100% - …', then 'Quantization Error: 0.2870' (4 decimals) and 'Topographic Error: …'. "
        "The map sizes, sample counts, sigma and iteration counts in the other lines are "
        "configuration. Step: the iteration count each error was computed after (1500 / 20)."
    )
else:
    som = MiniSom(
        7, 7, 4, sigma=2.0, learning_rate=0.5, neighborhood_function="gaussian", random_seed=3
    )
    som.random_weights_init(data)
    max_iter = 1000
    order = np.random.RandomState(4).randint(len(data), size=max_iter)
    for i in range(max_iter):
        x = data[order[i]]
        som.update(x, som.winner(x), i, max_iter)
        if (i + 1) % 100 == 0:
            q = som.quantization_error(data)
            t = som.topographic_error(data)
            print(
                f"iteration {i + 1}/{max_iter}  quantization error: {q:.5f}  "
                f"topographic error: {t:.5f}"
            )
            series.add("quantization error", i + 1, None, q)
            series.add("topographic error", i + 1, None, t)
    print(f"final weights shape: {som.get_weights().shape}")
    notes = (
        "MiniSom's BasicUsage loop written out: som.update(x, som.winner(x), i, max_iter) per "
        "sample, every 100 iterations 'iteration 100/1000  quantization error: 0.61234  "
        "topographic error: 0.12000' (two-space separated, 5 decimals; '/1000' is the total, "
        "not a metric); the closing 'final weights shape: (7, 7, 4)' is a shape."
    )

_truth.write(
    library=f"MiniSom {metadata.version('MiniSom')} (numpy {np.__version__})",
    script="tests/corpus/scripts/minisom_train.py",
    record="MiniSom.quantization_error(data) / topographic_error(data) of the map at the moment "
    "each line is printed (MiniSom keeps no training history)",
    step_kind="global",
    series=series,
    notes=notes,
)
