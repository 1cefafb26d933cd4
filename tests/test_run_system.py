"""System sampling of a real child tree under `mlop run`, and the fake NVML through the whole run."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.conftest import PYTHON, eventually, run_mlop, start_run

CHILD = """
import multiprocessing as mp, os, sys, time
def work(release):
    block = bytearray(150 * 1024 * 1024)
    for i in range(0, len(block), 4096): block[i] = 1
    # Held until the test has seen the samples (however slowly a busy machine takes them).
    deadline = time.time() + 300
    while not os.path.exists(release) and time.time() < deadline: time.sleep(0.05)
if __name__ == '__main__':
    p = mp.get_context('spawn').Process(target=work, args=(sys.argv[1],)); p.start(); p.join()
    print('done')
"""

MIB_150 = 150 * 1024 * 1024


def test_process_tree_memory_counts_the_workers(store: Path, tmp_path: Path) -> None:
    script, release = tmp_path / "child.py", tmp_path / "release"
    script.write_text(CHILD)
    process = start_run(
        store, PYTHON, str(script), str(release), mlop_args=("--sample-interval", "0.5")
    )

    def sampled_the_worker() -> bool:
        shown = run_mlop("show", "last", "--json", store=store)
        if shown.returncode != 0:
            return False
        rss = json.loads(shown.stdout)["metrics"].get("sys/proc/rss_bytes") or {}
        return (rss.get("count") or 0) >= 4 and (rss.get("max") or 0) > MIB_150

    try:
        eventually(sampled_the_worker, what="4 samples, one of them with the worker's 150 MiB")
    finally:
        release.touch()
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    shown = json.loads(run_mlop("show", "last", "--json", store=store).stdout)
    summary = shown["system_summary"]
    assert summary["proc_peak_rss_bytes"] > 150 * 1024 * 1024
    rss = shown["metrics"]["sys/proc/rss_bytes"]
    assert rss["source"] == "system" and rss["count"] >= 4 and rss["max"] > 150 * 1024 * 1024
    assert shown["metrics"]["sys/proc/count"]["max"] >= 2


def test_no_system_turns_sampling_off(store: Path) -> None:
    run_mlop(
        "run", "-q", "--no-system", "--", PYTHON, "-c", "import time; time.sleep(1.2)", store=store
    )
    shown = json.loads(run_mlop("show", "last", "--json", store=store).stdout)
    assert not [name for name in shown["metrics"] if name.startswith("sys/")]
    assert shown["system_summary"] is None


# The command looks at mlop (its parent): each of mlop's threads' niceness, once the
# bookkeeping ones are lowered (deadline-bound, as the suite's waits are), and the main thread's.
_NICENESS = r"""
import os, sys, time

def niceness():
    found = {}
    for tid in os.listdir(f"/proc/{os.getppid()}/task"):
        try:
            with open(f"/proc/{os.getppid()}/task/{tid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue  # a thread that ended since the listing (a short-lived worker)
        found[int(tid)] = int(fields[16])  # the 19th field: nice
    return found

deadline = time.monotonic() + 120
while time.monotonic() < deadline and not any(niceness().values()):
    time.sleep(0.01)
found = niceness()
print(found[os.getppid()], sorted(set(found.values())))
"""


def test_the_bookkeeping_threads_yield_the_cpu_to_the_command(store: Path) -> None:
    """On a busy machine the command gets the CPU before mlop's writer and samplers; the relay
    (mlop's main thread) keeps the user's priority: the output never waits on bookkeeping."""
    done = run_mlop("run", "-q", "--", PYTHON, "-c", _NICENESS, store=store)
    assert done.returncode == 0, done.stderr
    main, seen = done.stdout.decode().split(maxsplit=1)
    base = os.getpriority(os.PRIO_PROCESS, 0)
    assert int(main) == base  # the relay
    assert json.loads(seen) == [base, base + 5]  # the heartbeat and signals at base too
