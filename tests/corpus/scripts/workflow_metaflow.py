"""The hand-written loop of _wf_loop.py run as a Metaflow flow, locally (`python flow.py run`):
start -> train -> end.  The train step configures stdlib logging (basicConfig to stderr) and runs
the loop; Metaflow captures the task's stdout and stderr and re-prints every line with its own
prefix '2026-12-07 10:58:01.123 [1765101480123456/train/2 (pid 12345)] '.  The loop's record is
stored as a Metaflow artifact (self.history) and written to the truth by the end step.

Versions: metaflow 2.19.39, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zN-1).
Capture (repository root; the local datastore goes under /tmp, see METAFLOW_* below):
    python tests/corpus/scripts/capture.py pipe real_metaflow_loop -- python tests/corpus/scripts/workflow_metaflow.py run
    python tests/corpus/scripts/capture.py pty real_metaflow_loop_pty -- python tests/corpus/scripts/workflow_metaflow.py run
"""

import os
import sys

os.environ.setdefault("METAFLOW_DATASTORE_SYSROOT_LOCAL", "/tmp/corpus-zN/metaflow")
os.environ.setdefault("USERNAME", "corpus")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from metaflow import FlowSpec, step


class TrainFlow(FlowSpec):
    @step
    def start(self):
        self.epochs, self.lr = 4, 0.1
        print(f"training a small MLP for {self.epochs} epochs")
        self.next(self.train)

    @step
    def train(self):
        import logging

        from _wf_loop import train

        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        self.history = train(logging.getLogger("train"), epochs=self.epochs, lr=self.lr)
        self.next(self.end)

    @step
    def end(self):
        import _truth
        import metaflow
        from _wf_loop import NOTES

        _truth.write(
            library=f"metaflow {metaflow.__version__} (local runtime), numpy loop",
            script="tests/corpus/scripts/workflow_metaflow.py",
            record="the loop's own record of each printed value, a Metaflow artifact (self.history)",
            step_kind="global",
            series=self.history,
            notes=(
                "Metaflow's local `run`: its own lines first ('Metaflow 2.19.39 executing "
                "TrainFlow for user:corpus', 'Validating your flow...', 'The graph looks good!', "
                "'Workflow starting (run-id 1765...):', per task '[.../start/1 (pid 123)] Task "
                "is starting.' / '... Task finished successfully.', 'Done!'), every line "
                "prefixed '2026-12-07 10:58:01.123 [<run-id>/<step>/<task-id> (pid N)] ' (a "
                "timestamp, a 16-digit run id, the task id, a pid: none a metric).  The loop's "
                "print() lines and its logging lines (basicConfig '%(asctime)s %(levelname)s "
                "%(name)s: %(message)s' on stderr, so a second timestamp) come through that "
                "prefix.  " + NOTES
            ),
        )
        print("done")


if __name__ == "__main__":
    TrainFlow()
