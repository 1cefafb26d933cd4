"""PyKEEN's pipeline() on a tiny synthetic knowledge graph (no dataset download), two styles:

- bars: the default pipeline run: tqdm 'Training epochs on cpu' bar with postfix
  'loss=0.412, prev_loss=0.530' (the epoch bar), the inner 'Training batches on cpu' bar (leave=False),
  the 'Evaluating on cpu' bar, then the script prints the headline rank-based metrics from the
  result object ('Hits@10: 0.4167', 'MRR: 0.2251', 'Mean rank: 9.33').
- console: the same pipeline with PyKEEN's own ConsoleResultTracker (writer='builtin', a metric
  filter keeping the loss and a few 'both.realistic' metrics), an early stopper evaluating on the
  validation triples every 2 epochs, and no bars: PyKEEN prints 'Parameter: key = value' for its
  configuration, then 'Step: 3' followed by 'Metric: loss = 0.41...' lines.

Truth: bars: result.losses (the training loop's losses_per_epochs) for the values the epoch bar
drew (a tqdm display hook notes which were drawn) and result.metric_results for the printed
metrics; console: a PythonResultTracker run beside the console one (PyKEEN's own record of every
log_metrics call), restricted to the keys the filter lets through.

Versions: pykeen 1.11.1, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed; a few s of CPU.
Capture (repository root, venv /work/venvs/torch-d):
    python tests/corpus/scripts/capture.py pipe real_pykeen_pipeline -- python tests/corpus/scripts/pykeen_pipeline.py bars
    python tests/corpus/scripts/capture.py pty real_pykeen_pipeline_pty -- python tests/corpus/scripts/pykeen_pipeline.py bars
    python tests/corpus/scripts/capture.py pipe real_pykeen_console_tracker -- python tests/corpus/scripts/pykeen_pipeline.py console
"""

import math
import os
import sys

import numpy as np
import pykeen
import torch
import tqdm
from pykeen.pipeline import pipeline
from pykeen.trackers import ConsoleResultTracker, PythonResultTracker
from pykeen.triples import TriplesFactory
from pykeen.utils import flatten_dictionary

sys.path.insert(0, os.path.dirname(__file__))

import _truth

MODE = sys.argv[1] if len(sys.argv) > 1 else "bars"
LIB = f"pykeen {pykeen.get_version()} (torch {torch.__version__}, tqdm {tqdm.__version__})"


def triples():
    """60 entities in 6 groups, 4 relations: r0 links within a group, r1 to the next group,
    r2/r3 random noise; labelled triples as PyKEEN reads them from a TSV."""
    rng = np.random.default_rng(0)
    ents = [f"e{i}" for i in range(60)]
    out = set()
    for i in range(60):
        g = i // 10
        for _ in range(4):
            out.add((ents[i], "r0", ents[g * 10 + rng.integers(10)]))
            out.add((ents[i], "r1", ents[((g + 1) % 6) * 10 + rng.integers(10)]))
        out.add((ents[i], f"r{2 + rng.integers(2)}", ents[rng.integers(60)]))
    return np.array(sorted(out), dtype=str)


tf = TriplesFactory.from_labeled_triples(triples())
training, testing, validation = tf.split([0.8, 0.1, 0.1], random_state=0)

drawn = set()  # epoch bar: the 'loss=...' texts it drew
_display = tqdm.std.tqdm.display


def display(self, *args, **kwargs):
    if str(self.desc).startswith("Training epochs") and self.postfix:
        drawn.add(self.postfix.split(",")[0].strip())
    return _display(self, *args, **kwargs)


tqdm.std.tqdm.display = display

common = dict(
    training=training,
    testing=testing,
    validation=validation,
    model="TransE",
    model_kwargs=dict(embedding_dim=16),
    optimizer_kwargs=dict(lr=0.01),
    random_seed=42,
    device="cpu",
)

if MODE == "bars":
    result = pipeline(**common, training_kwargs=dict(num_epochs=12, batch_size=64))
    shown = [
        ("Hits@1", "hits@1", "{:.4f}"),
        ("Hits@3", "hits@3", "{:.4f}"),
        ("Hits@10", "hits@10", "{:.4f}"),
        ("MRR", "mean_reciprocal_rank", "{:.4f}"),
        ("Mean rank", "mean_rank", "{:.2f}"),
    ]
    print("Test metrics (both sides, realistic):")
    for label, key, fmt in shown:
        print(f"  {label}: {fmt.format(result.get_metric(key))}")
    series = _truth.Series()
    for epoch, loss in enumerate(result.losses, start=1):
        # set_postfix(refresh=True) draws each epoch's loss once the epoch ends (before the bar's n
        # moves on), so every epoch's loss is drawn; the check keeps the truth honest
        if "loss=" + tqdm.std.tqdm.format_num(loss) in drawn:
            series.add("loss", None, epoch, loss)
    # prev_loss repeats the previous epoch's loss: extra_ok, not a series of its own
    for label, key, _ in shown:
        series.add(label, None, None, result.get_metric(key))
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/pykeen_pipeline.py",
        record="PipelineResult.losses (the training loop's losses_per_epochs), restricted to the epochs the "
        "tqdm epoch bar drew (a display hook), and PipelineResult.get_metric() for the printed metrics",
        step_kind="epoch",
        series=series,
        extra_ok=[
            "prev_loss (the bar's copy of the value before; nan at first)",
            "evaluation throughput (triple/s)",
        ],
        not_printed=["prev_loss (not a series: the previous epoch's loss again, listed in extra_ok)",
                     "every other rank-based metric of metric_results (head/tail sides, optimistic/pessimistic)"],
        notes="Default pipeline(): PyKEEN's 'Training epochs on cpu: 50%|...| 6/12 [00:00<00:00, "
        "9.1epoch/s, loss=0.412, prev_loss=0.530]' bar on stderr (loss = the mean loss of the epoch just "
        "finished, formatted by tqdm with 3 significant digits), an inner 'Training batches on cpu' bar "
        "(leave=False, unit_scale), then 'Evaluating on cpu: 100%|...| 36.0/36.0 [...triple/s]'. A PyKEEN "
        "warning about the evaluator may come first. After the run the script prints 'Test metrics "
        "(both sides, realistic):' and '  Hits@10: 0.4167' style lines (hits in [0, 1], 'Mean rank' is "
        "the arithmetic mean rank). The counts (60 entities, 4 relations) are not printed.",
    )
else:
    keep = r"^(loss|validation\.both\.realistic\.(hits_at_10|inverse_harmonic_mean_rank)|testing\.both\.realistic\.(hits_at_1|hits_at_10|inverse_harmonic_mean_rank|arithmetic_mean_rank))$"
    record = PythonResultTracker()
    console = ConsoleResultTracker(writer="builtin", metric_filter=keep)
    result = pipeline(
        **common,
        training_kwargs=dict(num_epochs=10, batch_size=64, use_tqdm=False),
        evaluation_kwargs=dict(use_tqdm=False),
        stopper="early",
        stopper_kwargs=dict(frequency=2, patience=10, metric="hits@10"),
        result_tracker=[console, record],
    )
    import re

    rx = re.compile(keep)
    series = _truth.Series()
    logged = set()
    for step, metrics in record.metrics.items():
        # the tracker keeps the nested dicts it was handed; the console flattens them with this
        for key, value in flatten_dictionary(metrics).items():
            logged.add(key)
            if rx.match(key) and isinstance(value, float) and not math.isnan(value):
                series.add(key, None, step, value)  # the step PyKEEN passes is the epoch
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/pykeen_pipeline.py",
        record="PythonResultTracker (PyKEEN's in-memory tracker) given the same log_metrics calls as the "
        "ConsoleResultTracker, restricted to the keys its metric_filter prints",
        step_kind="epoch",
        series=series,
        extra_ok=[],
        not_printed=[
            f"{len([k for k in logged if not rx.match(k)])} other logged keys the filter drops: every "
            "other rank-based metric (head/tail/both sides, optimistic/pessimistic/realistic) of the "
            "validation and testing evaluations, and times.total_training / times.final_evaluation"
        ],
        notes="ConsoleResultTracker(writer='builtin', metric_filter=REGEX): first PyKEEN's configuration "
        "as 'Parameter: model_kwargs.embedding_dim = 16', 'Parameter: training_kwargs.num_epochs = 10', "
        "'Parameter: random_seed = 42' ... (settings, no metrics), then for each log_metrics call a "
        "'Step: 2' line followed by one 'Metric: loss = 0.4123...' line per kept key (full repr floats). "
        "The step is the epoch (the training loop's callback and the early stopper both pass "
        "step=epoch); the early stopper evaluates on the validation triples every 2 epochs "
        "('Metric: validation.both.realistic.hits_at_10 = ...'); the final evaluation on the test "
        "triples is logged at the last epoch ('Metric: testing.both.realistic.hits_at_10 = ...'), "
        "after a 'times.final_evaluation' call filtered out. The series keys are the printed keys. "
        "arithmetic_mean_rank is the mean rank (lower is better).",
    )
