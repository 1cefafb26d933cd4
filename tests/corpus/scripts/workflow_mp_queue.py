"""The hand-written loop of _wf_loop.py run as three trials in parallel processes with Python's
multiprocessing, logging the way the logging cookbook's 'Logging to a single file from multiple
processes' recipe does: every child puts its records on a multiprocessing Queue through a
QueueHandler, and a QueueListener in the parent formats them with the cookbook's format
'%(asctime)s %(processName)-10s %(name)s %(levelname)-8s %(message)s'.  Each child is a
Process named 'trial-k', so the process name is the trial's identity on every line; the loop
writes all its lines through the logger (config and per-step lines included).  Each child sends
its record back on a second queue; the parent writes them to the truth, series named
'trial-k/<metric>'.

Versions: Python 3.11 stdlib (multiprocessing, logging.handlers), numpy 2.4.6
(venv /work/venvs/corpus-zN-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_mp_queue_logging -- python tests/corpus/scripts/workflow_mp_queue.py
"""

import logging
import logging.handlers
import multiprocessing as mp
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
from _wf_loop import NOTES, train

LRS = [0.05, 0.2, 0.8]


def child(log_queue, result_queue, k, lr):
    root = logging.getLogger()
    root.handlers[:] = [logging.handlers.QueueHandler(log_queue)]
    root.setLevel(logging.INFO)
    log = logging.getLogger("train")
    history = train(log, epochs=3, lr=lr, seed=k, out=log.info)
    result_queue.put((k, history))


def main():
    log_queue, result_queue = mp.Queue(), mp.Queue()
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(processName)-10s %(name)s %(levelname)-8s %(message)s")
    )
    listener = logging.handlers.QueueListener(log_queue, handler)
    listener.start()
    procs = [
        mp.Process(target=child, args=(log_queue, result_queue, k, lr), name=f"trial-{k}")
        for k, lr in enumerate(LRS)
    ]
    for p in procs:
        p.start()
    results = dict(result_queue.get() for _ in procs)
    for p in procs:
        p.join()
    listener.stop()
    series = {}
    for k in sorted(results):
        for name, body in results[k].items():
            series[f"trial-{k}/{name}"] = body
    _truth.write(
        library="Python 3.11 multiprocessing + logging QueueHandler/QueueListener, numpy loop",
        script="tests/corpus/scripts/workflow_mp_queue.py",
        record="each trial's own record of its printed values, sent back on a queue",
        step_kind="global",
        series=series,
        notes=(
            "Three trials (3 epochs each, lr 0.05 / 0.2 / 0.8, seed = trial number) in three "
            "processes named trial-0..trial-2 running at once; every line comes through the "
            "parent's QueueListener on stderr as '2026-12-07 10:58:01,123 trial-1    train "
            "INFO     epoch 1 step 10: loss=0.6129 acc=0.6250' (timestamp, process name padded "
            "to 10, logger name, level padded to 8).  The loop writes no tag of its own: the "
            "process name is the only identity of a line, so the series are 'trial-1/loss', "
            "'trial-1/val_acc', …; the three trials' lines come in whatever order the processes "
            "run (in blocks or interleaved, depending on timing; this truth belongs to this "
            "capture), steps restart in every trial.  All the loop's lines (its config and per-step lines too) go through "
            "the logger here.  " + NOTES
        ),
    )


if __name__ == "__main__":
    main()
