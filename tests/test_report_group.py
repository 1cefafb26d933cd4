"""`mlop report --group`: a multi-node job's training metrics from rank 0, every node's system metrics."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PYTHON, clean_env, run_mlop

CHILD = "import time\nfor i in range(5):\n    print(f'step={i} loss={1/(i+1)}', flush=True)\n    time.sleep(0.3)\n"


def test_group_report_takes_training_metrics_from_rank_zero(store: Path) -> None:
    for rank in range(3):
        env = clean_env(
            SLURM_JOB_ID="77",
            SLURM_STEP_ID="0",
            SLURM_PROCID=str(rank),
            SLURMD_NODENAME=f"node0{rank}",
        )
        result = run_mlop(
            "run",
            "-q",
            "--store",
            str(store),
            "--sample-interval",
            "0.5",
            "--",
            PYTHON,
            "-c",
            CHILD,
            store=store,
            env=env,
        )
        assert result.returncode == 0, result.stderr
    data = json.loads(
        run_mlop(
            "report", "--group", "slurm-77.0", "--format", "json", "--system", store=store
        ).stdout
    )
    where = {run["id"]: run["name"].split("[")[1].rstrip("]") for run in data["runs"]}
    assert sorted(where.values()) == ["node00 rank 0", "node01 rank 1", "node02 rank 2"]
    assert {where[run_id] for run_id in data["metrics"]["loss"]} == {"node00 rank 0"}
    assert (
        len(data["metrics"]["sys/proc/rss_bytes"]) == 3
    )  # every node's system metrics, side by side
    everything = json.loads(
        run_mlop(
            "report", "--group", "slurm-77.0", "--all-ranks", "--format", "json", store=store
        ).stdout
    )
    assert len(everything["metrics"]["loss"]) == 3
    missing = run_mlop("report", "--group", "nope", store=store)
    assert missing.returncode == 2 and b"no runs in group" in missing.stderr
