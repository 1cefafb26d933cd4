"""jraph (JAX graph networks): two of the examples that ship inside the jraph package, run as they are.

  karate  jraph.examples.zacharys_karate_club: its main() (30 optimisation steps of a two-layer
          GraphConvolution on Zachary's karate club, whose 78 edges are written in the example),
          logging 'step 0 accuracy 0.5' through the standard logging module; under absl's
          app.run the absl handler formats it:
              I1207 11:30:00.123456 140234 zacharys_karate_club.py:127] step 0 accuracy 0.5
  higgs   jraph.examples.higgs_detection: its train() (a RelationNetwork on synthetic photon
          graphs the example draws itself), cut to --steps 5001 (its main() runs 10000), logging
          every 1000 steps 'step 1000 loss train 0.51 test 0.49' (both are the mean accuracy over
          100 fresh problems, which the example calls 'loss'; values printed with %r, full repr).

Truth: the arguments of the example's own LogRecords (its step and values, at full precision),
kept by a logging.Handler added to the root logger beside absl's. numpy's global seed is fixed for
the higgs problems (the example seeds only `random`).

Versions: jraph 0.0.6.dev0, dm-haiku 0.0.17, jax 0.10.2, optax 0.2.8, absl-py 2.5.1, Python 3.11.
A few s of CPU (higgs: about 30 s). Capture (repository root, venv /work/venvs/corpus-zS-2):
    python tests/corpus/scripts/capture.py pipe real_jraph_karate -- python tests/corpus/scripts/jraph_examples.py karate
    python tests/corpus/scripts/capture.py pipe real_jraph_higgs -- python tests/corpus/scripts/jraph_examples.py higgs --steps 5001
"""

import logging
import os
import sys

import numpy as np
from absl import app

sys.path.insert(0, os.path.dirname(__file__))

import _truth

MODE = sys.argv[1]
STEPS = int(sys.argv[sys.argv.index("--steps") + 1]) if "--steps" in sys.argv else 5001
records = []


class Keep(logging.Handler):
    def emit(self, record):
        if isinstance(record.msg, str) and record.msg.startswith("step %r"):
            records.append(record.args)


logging.getLogger().addHandler(Keep())


def versions():
    import haiku
    import jax
    import jraph

    return f"jraph {jraph.__version__} (dm-haiku {haiku.__version__}, jax {jax.__version__})"


def main(argv):
    series = _truth.Series()
    if MODE == "karate":
        from jraph.examples import zacharys_karate_club as ex

        ex.main(argv)
        for step, acc in records:
            series.add("accuracy", step, None, acc)
        notes = (
            "jraph's examples/zacharys_karate_club.py main(), run as it is: 30 lines on stderr in "
            "absl's log format 'I1207 11:30:00.123456 140234 zacharys_karate_club.py:127] step 0 "
            "accuracy 0.5' (the I/date/time/thread-id/file:line prefix is absl's; the message is "
            "'step %r accuracy %r', the accuracy printed as a full Python repr, e.g. "
            "0.6470588235294118; steps from 0, logged before each update)."
        )
    else:
        from jraph.examples import higgs_detection as ex

        np.random.seed(0)
        ex.train(num_steps=STEPS)
        for step, train_loss, test_loss in records:
            series.add("loss train", step, None, train_loss)
            series.add("test", step, None, test_loss)
        notes = (
            "jraph's examples/higgs_detection.py train(), run as it is but for "
            f"{STEPS} steps: every 1000 steps (from 0) one absl-formatted line on stderr "
            "'I1207 11:30:00.123456 140234 higgs_detection.py:204] step 1000 loss train 0.53 test "
            "0.51' from logging.info('step %r loss train %r test %r', ...): two values, named "
            "'loss train' and 'test' (the test value is the test set's counterpart of 'loss "
            "train'; both are mean accuracies over 100 fresh problems, which the example calls "
            "loss), printed with %r (full repr)."
        )
    _truth.write(
        library=versions(),
        script="tests/corpus/scripts/jraph_examples.py",
        record="the args of the example's own logging.info LogRecords ('step %r ...'), kept by a "
        "logging.Handler on the root logger",
        step_kind="global",
        series=series,
        notes=notes,
    )


if __name__ == "__main__":
    app.run(main, argv=[sys.argv[0]])
