"""System sampling of a real child tree under `mlop run`, and the fake NVML through the whole run."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PYTHON, run_mlop

CHILD = """
import multiprocessing as mp, time
def work():
    block = bytearray(150 * 1024 * 1024)
    for i in range(0, len(block), 4096): block[i] = 1
    time.sleep(3)
if __name__ == '__main__':
    p = mp.get_context('spawn').Process(target=work); p.start(); p.join()
    print('done')
"""


def test_process_tree_memory_counts_the_workers(store: Path, tmp_path: Path) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    result = run_mlop(
        "run", "-q", "--sample-interval", "0.5", "--", PYTHON, str(script), store=store
    )
    assert result.returncode == 0, result.stderr
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
