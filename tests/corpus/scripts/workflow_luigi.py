"""The hand-written loop of _wf_loop.py run as a Luigi Task: run() trains, logging through the
'luigi-interface' logger (as Luigi's docs suggest for tasks) and printing the rest, and writes
the loop's record as JSON to its LocalTarget; Luigi's local scheduler and worker log their own
INFO lines around it ('Informed scheduler that task … has status PENDING', the '===== Luigi
Execution Summary =====' block).  After luigi.run() the script writes the target's record to
the truth.

Versions: luigi 3.8.1, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zN-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_luigi_task -- python tests/corpus/scripts/workflow_luigi.py TrainModel --local-scheduler
"""

import json
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import luigi
from _wf_loop import NOTES, train

OUT = "/tmp/corpus-zN/luigi/history.json"
logger = logging.getLogger("luigi-interface")


class TrainModel(luigi.Task):
    epochs = luigi.IntParameter(default=4)
    lr = luigi.FloatParameter(default=0.1)

    def output(self):
        return luigi.LocalTarget(OUT)

    def run(self):
        history = train(logger, epochs=self.epochs, lr=self.lr)
        with self.output().open("w") as fh:
            json.dump(history, fh)


if __name__ == "__main__":
    if os.path.exists(OUT):
        os.remove(OUT)  # else Luigi finds the task complete and runs nothing
    luigi.run()
    with open(OUT) as fh:
        history = json.load(fh)
    _truth.write(
        library=f"luigi {luigi.__version__} (local scheduler), numpy loop",
        script="tests/corpus/scripts/workflow_luigi.py",
        record="the loop's own record of each printed value, the task's LocalTarget JSON",
        step_kind="global",
        series=history,
        notes=(
            "`python workflow_luigi.py TrainModel --local-scheduler`: Luigi's default logging "
            "(its 'luigi-interface' logger, stderr, 'DEBUG: Checking if TrainModel(epochs=4, "
            "lr=0.1) is complete', 'INFO: Informed scheduler that task   TrainModel_4_0_1_3a2b "
            "  has status   PENDING', 'INFO: [pid 12345] Worker Worker(salt=…, workers=1, "
            "host=…, username=…, pid=12345) running   TrainModel(epochs=4, lr=0.1)', '… done  "
            " TrainModel(epochs=4, lr=0.1)', the 'Luigi Execution Summary' block: '* 1 ran "
            "successfully:', '    - 1 TrainModel(epochs=4, lr=0.1)', 'This progress looks :) "
            "because there were no failed tasks or missing dependencies'; task parameters, "
            "counts, pids, not metrics).  The loop's logger lines come as 'INFO: epoch 1 "
            "train_loss=…' on stderr; its print() lines go to stdout, block-buffered in a pipe, "
            "so they arrive in one lump when the process exits (after the summary).  " + NOTES
        ),
    )
