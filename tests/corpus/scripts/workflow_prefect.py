"""The hand-written loop of _wf_loop.py run as a Prefect 3 flow, locally: a @flow(log_prints=True)
calling a @task that trains.  The task's print() lines are captured by Prefect (log_prints) and
its logger is Prefect's run logger (get_run_logger()), so every line the loop writes comes out
as '10:58:01.123 | INFO    | Task run 'train-7f3' - …'.  No server is configured: Prefect starts
its temporary local server (PREFECT_HOME under /tmp, set below).  The task returns the loop's
record, which the flow writes to the truth.

Versions: prefect 3.9.1, numpy 2.4.6, rich 15.0.0, Python 3.11 (venv /work/venvs/corpus-zN-2).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_prefect_loop -- python tests/corpus/scripts/workflow_prefect.py
    python tests/corpus/scripts/capture.py pty real_prefect_loop_pty -- python tests/corpus/scripts/workflow_prefect.py
"""

import os
import sys

os.environ.setdefault("PREFECT_HOME", "/tmp/corpus-zN/prefect")
# no network here: without this the server logs an ERROR line "Failed to send telemetry"
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import prefect
from _wf_loop import NOTES, train
from prefect import flow, get_run_logger, task


@task
def train_model(epochs: int, lr: float) -> dict:
    return train(get_run_logger(), epochs=epochs, lr=lr)


@flow(log_prints=True)
def training_flow(epochs: int = 4, lr: float = 0.1) -> dict:
    print(f"training a small MLP for {epochs} epochs")
    history = train_model(epochs, lr)
    get_run_logger().info("training finished")
    return history


if __name__ == "__main__":
    history = training_flow()
    _truth.write(
        library=f"prefect {prefect.__version__} (temporary local server), numpy loop",
        script="tests/corpus/scripts/workflow_prefect.py",
        record="the loop's own record of each printed value, returned by the task",
        step_kind="global",
        series=history,
        notes=(
            "Prefect 3 run locally with log_prints=True: its own lines first ('Starting "
            "temporary server on http://127.0.0.1:8xxx', 'Beginning flow run 'witty-fox' for "
            "flow 'training-flow'', 'Finished in state Completed()'), then every line of the "
            "loop through Prefect's console handler '10:58:01.123 | INFO    | Task run "
            "'train_model-7f3' - <message>' (a clock time with milliseconds, the level padded, "
            "the run's name: none a metric); print() and logger lines look the same.  " + NOTES
        ),
    )
