"""The hand-written loop of _wf_loop.py as three hyper-parameter trials in a Metaflow foreach,
run locally (`python flow.py run`): start fans out over three learning rates, each train task
runs the loop with the tag '[trial k] ' (k = the foreach index) and stdlib logging
(basicConfig to stderr), join collects the records, end writes them to the truth.  The three
train tasks run at the same time (Metaflow's default --max-workers 16), so their lines
interleave, every one under Metaflow's prefix '2026-12-07 10:58:01.123
[<run-id>/train/3 (pid 12345)] '.

Versions: metaflow 2.19.39, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zN-1).
Capture (repository root; the local datastore goes under /tmp, see METAFLOW_* below):
    python tests/corpus/scripts/capture.py pipe real_metaflow_foreach -- python tests/corpus/scripts/workflow_metaflow_foreach.py run
"""

import os
import sys

os.environ.setdefault("METAFLOW_DATASTORE_SYSROOT_LOCAL", "/tmp/corpus-zN/metaflow")
os.environ.setdefault("USERNAME", "corpus")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from metaflow import FlowSpec, step


class TrialsFlow(FlowSpec):
    @step
    def start(self):
        self.lrs = [0.05, 0.2, 0.8]
        print(f"{len(self.lrs)} trials, lr in {self.lrs}")
        self.next(self.train, foreach="lrs")

    @step
    def train(self):
        import logging

        from _wf_loop import train

        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        self.history = train(
            logging.getLogger("train"),
            epochs=3,
            lr=self.input,
            seed=self.index,
            tag=f"[trial {self.index}] ",
        )
        self.next(self.join)

    @step
    def join(self, inputs):
        self.series = {}
        for inp in inputs:
            self.series.update(inp.history)
        self.next(self.end)

    @step
    def end(self):
        import _truth
        import metaflow
        from _wf_loop import NOTES

        _truth.write(
            library=f"metaflow {metaflow.__version__} (local runtime, foreach), numpy loop",
            script="tests/corpus/scripts/workflow_metaflow_foreach.py",
            record="each trial's own record of its printed values, Metaflow artifacts joined",
            step_kind="global",
            series=self.series,
            notes=(
                "Metaflow's local `run` of start -> train (foreach over 3 learning rates: 0.05, "
                "0.2, 0.8; seed = foreach index; 3 epochs) -> join -> end.  Metaflow's own lines "
                "('Metaflow 2.19.39 executing TrialsFlow for user:corpus', 'Workflow starting "
                "(run-id …):', '[…/train/2 (pid N)] Task is starting.', '… Task finished "
                "successfully.', 'Done!') and the start step's print '3 trials, lr in [0.05, "
                "0.2, 0.8]' (hyper-parameters) hold no metric.  Every line carries Metaflow's "
                "prefix '2026-12-07 10:58:01.123 [<16-digit run-id>/train/<task-id> (pid N)] "
                "'; the loop's lines carry its tag '[trial k]' after it, logging lines a second "
                "timestamp '2026-12-07 10:58:01,120 INFO train: [trial 1] epoch 1 "
                "train_loss=…'.  Series per trial, 'trial 1/loss', 'trial 1/val_acc', … (the "
                "loop's tag; the task ids differ from the trial numbers); steps restart in "
                "every trial.  The three tasks run at once: lines of different trials "
                "interleave, and within a task print() (stdout, block-buffered) and logging "
                "(stderr) lines arrive out of order (this truth belongs to this capture; "
                "per-series order is each trial's own).  " + NOTES
            ),
        )


if __name__ == "__main__":
    TrialsFlow()
