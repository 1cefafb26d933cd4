"""Avalanche (avalanche-lib): a continual-learning strategy (Naive fine-tuning, or EWC with --ewc) on a
class-incremental benchmark of synthetic tensors (6 Gaussian classes, 3 experiences of 2 classes),
SimpleMLP, in the shape of Avalanche's getting-started / examples loop:

    Starting experiment...
    Start of experience:  0
    Current Classes:  {2, 3}
    -- >> Start of training phase << --
    100%|██████████| 8/8 [00:00<00:00, 93.41it/s]
    Epoch 0 ended.
        Loss_Epoch/train_phase/train_stream = 1.0866
        Loss_MB/train_phase/train_stream = 0.3149
        ...
    > Eval on experience 0 from test stream ended.
        Loss_Exp/eval_phase/test_stream/Exp000 = 0.0001
    ...

(the metric lines begin with a tab) with an EvaluationPlugin (accuracy and loss at minibatch / epoch / experience / stream, forgetting at
experience / stream) whose loggers are the InteractiveLogger (stdout, a tqdm bar per epoch and per
evaluated experience) and a TextLogger on stderr (--text: the same metric blocks, no bar).

Truth: what each logger prints is its metric_vals (name, x_plot, value) at print time
(TextLogger.print_current_metrics, wrapped to note the values at full precision); every noted value is
checked against the EvaluationPlugin's own record (get_all_metrics(): the same name, x and value).
step = Avalanche's x_plot for that value (its clock: training iterations for training metrics).

Versions: avalanche-lib 0.6.0, torch 2.14.1 (+torchvision 0.29.1), tqdm 4.70.1, Python 3.11. Seeds
fixed; ~10 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zC-1):
    python tests/corpus/scripts/capture.py pipe real_avalanche_naive -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/avalanche_naive.py
    python tests/corpus/scripts/capture.py pty real_avalanche_naive_pty -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/avalanche_naive.py
    python tests/corpus/scripts/capture.py pipe real_avalanche_ewc_text -- \
        /work/venvs/corpus-zC-1/bin/python tests/corpus/scripts/avalanche_naive.py --ewc --text
"""

import argparse
import os
import sys
import warnings

import numpy as np
import torch
import tqdm
from torch.nn import CrossEntropyLoss
from torch.optim import SGD

warnings.filterwarnings("ignore", message="no QP solver found")  # qpsolvers' import-time warning

import avalanche  # noqa: E402
from avalanche.benchmarks.scenarios.supervised import class_incremental_benchmark  # noqa: E402
from avalanche.benchmarks.utils.classification_dataset import (  # noqa: E402
    _make_taskaware_tensor_classification_dataset,
)
from avalanche.evaluation.metrics import (  # noqa: E402
    accuracy_metrics,
    forgetting_metrics,
    loss_metrics,
)
from avalanche.logging import InteractiveLogger, TextLogger  # noqa: E402
from avalanche.models import SimpleMLP  # noqa: E402
from avalanche.training import EWC, Naive  # noqa: E402
from avalanche.training.plugins import EvaluationPlugin  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402

p = argparse.ArgumentParser()
p.add_argument("--ewc", action="store_true", help="EWC instead of Naive")
p.add_argument(
    "--text", action="store_true", help="a TextLogger on stderr instead of InteractiveLogger"
)
a = p.parse_args()

torch.manual_seed(0)
np.random.seed(0)


def make(n_per, seed):
    g = torch.Generator().manual_seed(seed)
    centers = torch.randn(6, 20, generator=torch.Generator().manual_seed(7)) * 1.2
    x = torch.cat([centers[c] + torch.randn(n_per, 20, generator=g) for c in range(6)])
    y = torch.arange(6).repeat_interleave(n_per)
    return _make_taskaware_tensor_classification_dataset(x, y)


benchmark = class_incremental_benchmark(
    {"train": make(64, 1), "test": make(20, 2)}, num_experiences=3, seed=1234
)

# what the loggers print: their metric_vals at each print_current_metrics
printed = []
_print_current = TextLogger.print_current_metrics


def print_current_metrics(self):
    for name, x, val in sorted(self.metric_vals.values(), key=lambda t: t[0]):
        if isinstance(val, (int, float)) and not isinstance(val, bool):
            printed.append((name, x, float(val)))
    return _print_current(self)


TextLogger.print_current_metrics = print_current_metrics

logger = TextLogger(sys.stderr) if a.text else InteractiveLogger()
eval_plugin = EvaluationPlugin(
    accuracy_metrics(minibatch=True, epoch=True, experience=True, stream=True),
    loss_metrics(minibatch=True, epoch=True, experience=True, stream=True),
    forgetting_metrics(experience=True, stream=True),
    loggers=[logger],
)

model = SimpleMLP(num_classes=6, input_size=20, hidden_size=32, hidden_layers=1)
optimizer = SGD(model.parameters(), lr=0.05, momentum=0.9)
criterion = CrossEntropyLoss()
common = dict(
    train_mb_size=16, train_epochs=2, eval_mb_size=32, device="cpu", evaluator=eval_plugin
)
if a.ewc:
    cl_strategy = EWC(
        model=model, optimizer=optimizer, criterion=criterion, ewc_lambda=0.4, **common
    )
else:
    cl_strategy = Naive(model=model, optimizer=optimizer, criterion=criterion, **common)

# TRAINING LOOP
print("Starting experiment...")
results = []
for experience in benchmark.train_stream:
    print("Start of experience: ", experience.current_experience)
    print("Current Classes: ", experience.classes_in_this_experience)

    # train returns a dictionary which contains all the metric values
    res = cl_strategy.train(experience)
    print("Training completed")

    print("Computing accuracy on the whole test set")
    # test also returns a dictionary which contains all the metric values
    results.append(cl_strategy.eval(benchmark.test_stream))

# every printed value is in the EvaluationPlugin's own record, at the same x
record = eval_plugin.get_all_metrics()
series = _truth.Series()
for name, x, val in printed:
    xs, vals = record[name]
    assert any(rx == x and rv == val for rx, rv in zip(xs, vals, strict=True)), (name, x, val)
    series.add(name, int(x), None, val)

stream = "stderr (TextLogger(sys.stderr))" if a.text else "stdout (InteractiveLogger)"
_truth.write(
    library=f"avalanche-lib {avalanche.__version__} (torch {torch.__version__}, tqdm {tqdm.__version__})",
    script="tests/corpus/scripts/avalanche_naive.py",
    record="the logger's metric_vals at each print (name, x_plot, value), each checked against "
    "EvaluationPlugin.get_all_metrics()",
    step_kind="global",
    series=series,
    extra_ok=[] if a.text else ["the bars' it/s throughput"],
    not_printed=[
        "minibatch values other than the last of each epoch / eval experience (Avalanche's "
        "loggers print only the last value of each metric since the previous print)"
    ],
    notes=f"Avalanche {'EWC' if a.ewc else 'Naive'} strategy, 3 experiences x 2 epochs; the logger writes to {stream}. "
    "The script prints 'Start of experience:  0' (experience index) and 'Current Classes:  {2, 3}' (a set of class "
    "labels), 'Training completed', 'Computing accuracy on the whole test set'; the logger prints '-- >> Start "
    "of training phase << --', '-- Starting training on experience 0 from train stream --', "
    "'Epoch 0 ended.' (the epoch within the experience, 0-based, repeated for each experience), then one "
    "'\\t<metric name> = <value>' line per metric, sorted by name, values '{:.4f}'. Metric names are "
    "Avalanche's full paths (a class-incremental benchmark has no task labels, so no "
    "'Task000' part), e.g. 'Top1_Acc_Epoch/train_phase/train_stream', 'Loss_MB/train_phase/train_stream' "
    "(minibatch: the last batch of the epoch), 'Top1_Acc_Exp/eval_phase/test_stream/Exp001' (Exp001: the "
    "experience the value belongs to, not a value), 'Top1_Acc_Stream/eval_phase/test_stream', "
    "'ExperienceForgetting/eval_phase/test_stream/Exp000', 'StreamForgetting/eval_phase/test_stream'. The step is Avalanche's x_plot: the strategy clock's training iterations for training "
    "values, its eval counters for eval values (so eval values of one evaluation share a step). "
    + (
        ""
        if a.text
        else "The InteractiveLogger draws a tqdm bar '100%|██████████| 8/8 [00:00<00:00, 93.41it/s]' "
        "per training epoch and per evaluated experience (no description, no metric)."
    ),
)
