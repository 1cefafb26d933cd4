"""TF-Agents' bandit example train_eval_stationary_linear (LinUCB) with the bandits trainer, as shipped.

tf_agents/bandits/agents/examples/v2/train_eval_stationary_linear.py is in the wheel: it is run
here as its own `app.run(main)` with its flag defaults (agent LinUCB, 5 actions, 15-dimensional
contexts, batch 8, 2 steps per loop) and --root_dir a temporary folder, the module's
TRAINING_LOOPS constant set to 12 (the example: 2000). trainer.train logs the metric objects once
per training loop with metric_utils.log_metrics and again with export_utils.export_metrics, which
also logs the loss of the loop's train step.

What the console shows (absl INFO on stderr): 'Did not find a pre-existing checkpoint. Starting
from scratch.', then per training loop one record 'I1207 … metric_utils.py:47] ' whose metrics
follow on continuation lines: '\\t\\t NumberOfEpisodes = 16', '\\t\\t AverageEpisodeLength = 1.0',
'\\t\\t RegretMetric = 0.2707…', '\\t\\t SuboptimalArmsMetric = 0.375', '\\t\\t AverageReturn = …'
(tf-agents keeps all five as metric objects: NumberOfEpisodes, a count, and AverageEpisodeLength,
always 1.0 for a bandit, are metrics in its record), then the same values again, one line each,
'I1207 … export_utils.py:32] [step=3] RegretMetric = 0.2707….' (a full stop after the value), and
'[step=3] loss = 0.1043….' after the loop's train step; checkpoint saver lines ('Sharding callback
duration: 13 microseconds'), TensorFlow's notices and deprecation warnings.

Truth: the metric objects' result() at each log_metrics call (a wrapper around
metric_utils.log_metrics, before it formats) and the LossInfo handed to export_utils.export_metrics,
full precision; step = the training loop index (trainer.train's train_step, 0-based: the '[step=N]'
of export_utils' lines). Each metric value is printed twice per loop: one point.

Versions: tf-agents 0.19.0, tensorflow 2.21.0, tf-keras 2.21.0 (TF_USE_LEGACY_KERAS=1),
tensorflow-probability 0.25.0, numpy 2.4.6, Python 3.11 (venv corpus-zAJ-2).
Capture (repository root, venv active):
    TF_USE_LEGACY_KERAS=1 python tests/corpus/scripts/capture.py pipe real_tf_agents_bandit_linear -- python tests/corpus/scripts/tf_agents_bandit_linear.py
"""

import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from absl import app  # noqa: E402
from tf_agents.bandits.agents.examples.v2 import train_eval_stationary_linear as example  # noqa: E402
from tf_agents.eval import metric_utils  # noqa: E402
from tf_agents.metrics import export_utils  # noqa: E402

series = _truth.Series()
calls = [0]
_log_metrics = metric_utils.log_metrics


def log_metrics(metrics, prefix=""):
    for m in metrics:
        series.add(m.name, calls[0], None, float(np.asarray(m.result())))
    calls[0] += 1
    return _log_metrics(metrics, prefix)


metric_utils.log_metrics = log_metrics
_export_metrics = export_utils.export_metrics


def export_metrics(step, metrics, loss_info=None):
    # the metrics were kept by log_metrics just before (the same objects, the same values);
    # the loss is logged only here
    if loss_info is not None:
        series.add("loss", int(step), None, float(np.asarray(loss_info.loss)))
    return _export_metrics(step, metrics, loss_info)


export_utils.export_metrics = export_metrics
example.TRAINING_LOOPS = 12


def main(argv):
    tf.random.set_seed(0)
    np.random.seed(0)
    example.main(argv)
    _truth.write(
        library=(
            f"tf-agents {metadata.version('tf-agents')} (tensorflow {tf.__version__}, tf-keras "
            f"{metadata.version('tf-keras')}, numpy {np.__version__})"
        ),
        script="tests/corpus/scripts/tf_agents_bandit_linear.py",
        record=(
            "the trainer's metric objects (tf_metrics / bandit tf_metrics) result() at each log_metrics "
            "call; the LossInfo.loss handed to export_utils.export_metrics"
        ),
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=["the EnvironmentSteps step metric (TensorBoard summaries only)"],
        notes=(
            "absl INFO lines; 'Did not find a pre-existing checkpoint. Starting from scratch.' first. Per "
            "training loop one metric_utils.log_metrics record: the absl prefix line 'I1207 15:20:01.123456 "
            "140… metric_utils.py:47]  ' then continuation lines '\\t\\t NumberOfEpisodes = 16', '\\t\\t "
            "AverageEpisodeLength = 1.0', '\\t\\t RegretMetric = 0.27…', '\\t\\t SuboptimalArmsMetric = 0.375', "
            "'\\t\\t AverageReturn = …' (float32 values printed in full), then the same values once more, one "
            "absl line each, '[step=3] RegretMetric = 0.27….' (value then a full stop), and '[step=3] loss = "
            "0.104….' after the loop's train step (each metric: one point per loop, though printed twice). "
            "'Sharding callback duration: 13 microseconds' lines come from the checkpoint saver. NumberOfEpisodes (8 bandit rounds "
            "per driver step, 2 steps per loop) and AverageEpisodeLength are counts/lengths, but tf-agents keeps "
            "them as metric objects beside the others: series here. step = the training loop (0-based, the "
            "'[step=N]' of the export lines). The checkpoint/policy saver writes under --root_dir."
        ),
    )


if __name__ == "__main__":
    sys.argv += ["--root_dir", tempfile.mkdtemp(prefix="tfa_bandit_")]
    app.run(main)
