"""Online learners with their own progress output: river's progressive_val_score and Vowpal
Wabbit's progress table.

Versions: river 0.26.1, vowpalwabbit 9.11.9, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_river -- python tests/corpus/scripts/online_learning.py river
    python tests/corpus/scripts/capture.py pipe real_vowpalwabbit -- python tests/corpus/scripts/online_learning.py vw
Truth: river's iter_progressive_val_score checkpoints (the structured form of the same evaluation,
re-run identically and asserted equal at the end); VW's own loss counters (get_sum_loss,
get_weighted_examples) read after each example, at the example counts where VW prints a row.
"""

import itertools
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/online_learning.py"
series = _truth.Series()

if which == "river":
    import river
    from river import datasets, evaluate, linear_model, metrics, preprocessing

    data = list(itertools.islice(datasets.synth.Agrawal(classification_function=0, seed=42), 3000))

    def model():
        return preprocessing.StandardScaler() | linear_model.LogisticRegression()

    printed_metric = metrics.Accuracy() + metrics.LogLoss()
    evaluate.progressive_val_score(
        data, model(), printed_metric, print_every=500, show_time=True, show_memory=True
    )
    last = None
    for cp in evaluate.iter_progressive_val_score(
        data, model(), metrics.Accuracy() + metrics.LogLoss(), step=500
    ):
        series.add("Accuracy", cp["Step"], None, 100 * cp["Accuracy"].get())
        series.add("LogLoss", cp["Step"], None, cp["LogLoss"].get())
        last = cp
    assert (
        last["Accuracy"].get() == printed_metric[0].get()
        and last["LogLoss"].get() == printed_metric[1].get()
    )
    _truth.write(
        library=f"river {river.__version__}",
        script=SCRIPT,
        record="evaluate.iter_progressive_val_score checkpoints (same data, same model, re-run; final values asserted equal to the printed run's metric)",
        step_kind="global",
        series=series,
        extra_ok=[
            "the elapsed time (00:00:00) and the model's memory (4.15 KiB) after each checkpoint"
        ],
        notes=(
            "With a compound metric (Accuracy + LogLoss) each checkpoint takes TWO lines: '[1,000] Accuracy: "
            "63.80%' then 'LogLoss: 0.6574294486978265 – 00:00:00 – 4.15 KiB': the step (with a thousands "
            "separator) is only on the first line and belongs to both; ' – ' (an en dash) separates the elapsed "
            "time and the memory. Accuracy is printed in percent: the truth holds the printed unit (100 x the "
            "metric). Step = the number of samples seen."
        ),
    )

elif which == "vw":
    from vowpalwabbit import pyvw

    rng = np.random.default_rng(0)
    vw = pyvw.Workspace("--loss_function logistic --link logistic -b 18 --random_seed 0")
    printed_at = {
        2**k for k in range(20)
    }  # VW prints a row at example 1, 2, 4, 8, ... (progress x2)
    last_loss = last_w = 0.0
    n = 300
    for i in range(1, n + 1):
        x = rng.normal(size=4)
        y = 1 if x[0] + 0.5 * x[1] + 0.3 * rng.normal() > 0 else -1
        vw.learn(f"{y} | a:{x[0]:.4f} b:{x[1]:.4f} c:{x[2]:.4f} d:{x[3]:.4f}")
        if i in printed_at:
            s, w = vw.get_sum_loss(), vw.get_weighted_examples()
            series.add("average loss", i, None, s / w)
            series.add("since last", i, None, (s - last_loss) / (w - last_w))
            last_loss, last_w = s, w
    final = vw.get_sum_loss() / vw.get_weighted_examples()
    vw.finish()  # prints the closing summary
    series.add("average loss", n, None, final)
    _truth.write(
        library=f"vowpalwabbit {pyvw.__version__ if hasattr(pyvw, '__version__') else '9.11.9'}",
        script=SCRIPT,
        record="VW's own loss counters (Workspace.get_sum_loss / get_weighted_examples) after the examples where it prints a row",
        step_kind="global",
        series=series,
        extra_ok=[
            "best constant's loss (the loss of the best constant predictor, in the closing summary)"
        ],
        notes=(
            "A column table on stderr with a TWO-LINE header: 'average  since         example        example        "
            "current        current  current' over 'loss     last          counter         weight          label        "
            "predict features'; so the column names are 'average loss', 'since last', 'example counter', 'example "
            "weight', 'current label', 'current predict', 'current features'. Rows at example 1, 2, 4, 8, ..., 256 "
            "(doubling). Step = the example counter. 'since last' = the average loss since the previous row. "
            "'current label' (the example's label), 'current predict' (the model's prediction for it), 'current "
            "features' (a count) and 'example weight' are not metrics. The closing summary 'finished run', "
            "'number of examples = 300', 'weighted example sum = 300.000000', 'weighted label sum = -18.000000', "
            "'average loss = 0.377528' (the final average loss: a point of 'average loss' at step 300), 'best "
            "constant = -0.120144', \"best constant's loss = 0.691346\", 'total feature number = 1500'. The start "
            "banner (Num weight bits = 18, learning rate = 0.5, initial_t = 0, power_t = 0.5) is configuration."
        ),
    )
