"""`mlop ls` in a narrow terminal: ids, statuses and times are never broken across lines."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from rich.console import Console

from mlop_cli.store.model import Run
from mlop_cli.views.runs import runs_table

NOW = time.mktime((2026, 11, 22, 15, 37, 41, 0, 0, -1))


def _runs(project: str | None = None, tags: list[str] | None = None) -> list[Run]:
    return [
        Run(
            id=f"1m81yfvwee12gxswr13{i}",
            name=f"quickstart-{i}x7g",
            project=project,
            status=status,
            exit_code=code,
            started_at=NOW,
            ended_at=NOW + 3.7,
            tags=tags or [],
            command=["python", "train.py", "--lr", "3e-4", "--epochs", "100", "--fp16"],
        )
        for i, (status, code) in enumerate([("finished", 0), ("failed", 1), ("killed", 143)])
    ]


def _render(runs: list[Run], width: int) -> list[str]:
    out = io.StringIO()
    console = Console(file=out, width=width, no_color=True, highlight=False, soft_wrap=False)
    console.print(runs_table(runs, width=width))
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [72, 80, 100, 200])
def test_each_run_is_one_line_with_its_id_status_and_time_whole(width: int) -> None:
    runs = _runs()
    lines = _render(runs, width)
    assert len(lines) == 1 + len(runs)
    for line, run in zip(lines[1:], runs, strict=True):
        assert len(line.rstrip()) <= width
        assert line.startswith(run.id + " ")
        assert f" {run.status} " in line and f" {run.exit_code} " in line
        assert "11-22 15:37" in line


def test_the_full_time_and_command_when_there_is_room_and_empty_columns_left_out() -> None:
    header, first, *_ = _render(_runs(), 200)
    assert "2026-11-22 15:37:41" in first
    assert first.rstrip().endswith("python train.py --lr 3e-4 --epochs 100 --fp16")
    assert "PROJECT" not in header and "TAGS" not in header
    header, first, *_ = _render(_runs(project="nightly", tags=["ablation"]), 200)
    assert "PROJECT" in header and "TAGS" in header and "nightly" in first


def test_when_narrow_the_name_keeps_its_room_before_the_command() -> None:
    header, first, *_ = _render(_runs(), 80)
    name = first.split()[1]
    command = first.split()[-1]
    assert name.startswith("quickstart") and len(name) > len(command)
    assert command.endswith("…")


def test_repeated_tags_and_statuses_combine_and_are_never_dropped(tmp_path: Path) -> None:
    """`mlop ls -t sweep -t lr2` kept only its last tag (so the order changed the answer), and
    `-s failed -s killed` only its last status: tags now all hold, statuses any one."""
    from tests.cli_stores import make_run
    from tests.conftest import run_mlop

    store = tmp_path / "s.db"
    make_run(store, "a", {"loss": [1.0]}, tags=["sweep", "lr1"])
    make_run(store, "b", {"loss": [1.0]}, tags=["sweep", "lr2"])
    make_run(store, "c", {"loss": [1.0]}, tags=["lr2"])

    def names(*args: str) -> set[str]:
        listed = run_mlop("ls", "--json", "--runs", *args, store=store)
        return {run["name"] for run in json.loads(listed.stdout)}

    assert names("-t", "sweep", "-t", "lr2") == names("-t", "lr2", "-t", "sweep") == {"b"}
    assert names("-s", "failed", "-s", "finished") == {"a", "b", "c"}
    compared = run_mlop("compare", "-t", "lr2", "-t", "sweep", "--json", store=store)
    assert compared.returncode == 2 and b"1 run(s) match" in compared.stderr
