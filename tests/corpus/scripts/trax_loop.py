"""Trax's supervised training Loop (`trax.supervised.training.Loop`) on synthetic binary data, CPU
(JAX backend), printing its own console report as Trax's intro shows it:

    Step      1: Total number of trainable weights: 610
    Step      1: Ran 1 train steps in 0.94 secs
    Step      1: train WeightedCategoryCrossEntropy |  1.01970375
    Step      1: eval  WeightedCategoryCrossEntropy |  0.96651005
    Step      1: eval      WeightedCategoryAccuracy |  0.49375000

- intro: the intro's TrainTask / EvalTask (metrics WeightedCategoryCrossEntropy and
  WeightedCategoryAccuracy), a checkpoint every 50 steps, 150 steps.
- named: the same metrics, EvalTask(metric_names=["loss", "accuracy"]),
  a checkpoint every 25 steps, 100 steps ('Step     25: eval      accuracy |  0.90625000').

Truth: the Loop's own History (`loop.history.get(mode, "metrics/<name>")`), at full precision.

Versions: trax 1.4.1, jax 0.10.2, tensorflow 2.21.0, numpy 2.4.6, Python 3.11 (venv corpus-zP-1).
Capture (repository root, venv corpus-zP-1):
    python tests/corpus/scripts/capture.py pipe real_trax_loop -- python tests/corpus/scripts/trax_loop.py intro
    python tests/corpus/scripts/capture.py pipe real_trax_loop_named -- python tests/corpus/scripts/trax_loop.py named
"""

import importlib.metadata
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import jax
import numpy as np
import trax
from trax import layers as tl
from trax.supervised import training

MODE = sys.argv[1] if len(sys.argv) > 1 else "intro"
rng = np.random.default_rng(0)
w = rng.normal(size=(16,))


def stream(seed):
    r = np.random.default_rng(seed)
    while True:
        x = r.normal(size=(32, 16)).astype(np.float32)
        y = ((x @ w + 0.5 * r.normal(size=32)) > 0).astype(np.int32)
        yield x, y, np.ones_like(y, dtype=np.float32)


model = tl.Serial(tl.Dense(32), tl.Relu(), tl.Dense(2), tl.LogSoftmax())
if MODE == "intro":
    every, n_steps = 50, 150
    train_task = training.TrainTask(
        labeled_data=stream(1),
        loss_layer=tl.WeightedCategoryCrossEntropy(),
        optimizer=trax.optimizers.Adam(0.01),
        n_steps_per_checkpoint=every,
    )
    eval_task = training.EvalTask(
        labeled_data=stream(2),
        metrics=[tl.WeightedCategoryCrossEntropy(), tl.WeightedCategoryAccuracy()],
        n_eval_batches=5,
    )
    printed = {  # printed name -> (history mode, history metric)
        "train WeightedCategoryCrossEntropy": ("train", "metrics/WeightedCategoryCrossEntropy"),
        "eval WeightedCategoryCrossEntropy": ("eval", "metrics/WeightedCategoryCrossEntropy"),
        "eval WeightedCategoryAccuracy": ("eval", "metrics/WeightedCategoryAccuracy"),
    }
else:
    every, n_steps = 25, 100
    train_task = training.TrainTask(
        labeled_data=stream(1),
        loss_layer=tl.WeightedCategoryCrossEntropy(),
        optimizer=trax.optimizers.Adam(0.01),
        n_steps_per_checkpoint=every,
    )
    eval_task = training.EvalTask(
        labeled_data=stream(2),
        metrics=[tl.WeightedCategoryCrossEntropy(), tl.WeightedCategoryAccuracy()],
        metric_names=["loss", "accuracy"],
        n_eval_batches=5,
    )
    printed = {
        "train WeightedCategoryCrossEntropy": ("train", "metrics/WeightedCategoryCrossEntropy"),
        "eval loss": ("eval", "metrics/loss"),
        "eval accuracy": ("eval", "metrics/accuracy"),
    }
out = tempfile.mkdtemp(prefix="zP-trax-")
loop = training.Loop(model, train_task, eval_tasks=[eval_task], output_dir=out, random_seed=0)
loop.run(n_steps)
shutil.rmtree(out)

# ---- ground truth (written only under capture.py) ----
h = loop.history
series = _truth.Series()
rows = []
for name, (mode, metric) in printed.items():
    for step, value in h.get(mode, metric):
        rows.append((int(step), list(printed).index(name), name, float(value)))
for step, _order, name, value in sorted(rows):
    series.add(name, step, None, value)
train_names = [m for m in h.metrics_for_mode("train") if m.startswith("training/")]
_truth.write(
    library=f"trax {importlib.metadata.version('trax')}, jax {jax.__version__}, "
    f"numpy {np.__version__}",
    script="tests/corpus/scripts/trax_loop.py",
    record="training.Loop's own History (loop.history.get(mode, 'metrics/<name>'))",
    step_kind="global",
    series=series,
    extra_ok=["the seconds the train steps took ('Ran 49 train steps in 0.82 secs')"],
    not_printed=[f"train {m}" for m in train_names],
    notes=(
        "Trax's Loop prints at step 1 and every checkpoint: a blank line, 'Step     50: Ran 49 train steps in "
        "0.82 secs' (a count and a duration), then one line per metric 'Step     50: train "
        "WeightedCategoryCrossEntropy |  0.39065969' / 'Step     50: eval  WeightedCategoryCrossEntropy |  "
        "0.16560490' / 'Step     50: eval      WeightedCategoryAccuracy |  0.91875000' (the mode and metric "
        "name right-aligned before '|', the value with 8 decimals). Series names are the mode and the metric "
        "name as printed, one space between (the padding is alignment). The train line is the training loss "
        "(History has it also as training/loss). 'Step      1: Total number of trainable weights: 610' is a "
        "parameter count, no metric. Step = Trax's step counter as printed. stderr first: TensorFlow's "
        "startup lines, gym's 'Gym has been unmaintained since 2022 …' notice, a jax process_count rename "
        "warning and Trax's GzipFile FutureWarnings (checkpoints are written to a temp dir)."
        + (
            " EvalTask(metric_names=['loss', 'accuracy']) prints its metrics under those names ('eval      "
            "accuracy |'); the train line keeps the loss layer's name WeightedCategoryCrossEntropy."
            if MODE == "named"
            else ""
        )
    ),
)
