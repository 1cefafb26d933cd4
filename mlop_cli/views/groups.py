"""Runs of one group (the tasks of a Slurm job step, on every node) shown as one line."""

from __future__ import annotations

from typing import Any

# The group's status: the most telling status among its runs.
_PRECEDENCE = ("running", "failed", "killed", "lost", "finished")


def collapse_groups(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Replace the runs of each group by one summary row, placed where its newest run was.

    The row reads like a run: ``id`` is the group id, ``name`` says how many runs, tasks and
    segments (a requeued Slurm job continues as a new segment of the same group).
    """
    from mlop_cli.store.backends import segment_of

    members: dict[str, list[dict[str, Any]]] = {}
    for run in runs:
        if run.get("group_id"):
            members.setdefault(run["group_id"], []).append(run)
    result: list[dict[str, Any]] = []
    shown: set[str] = set()
    for run in runs:
        group = run.get("group_id")
        if not group or len(members[group]) == 1:
            result.append(run)
            continue
        if group in shown:
            continue
        shown.add(group)
        items = members[group]
        statuses = {item["status"] for item in items}
        status = next((s for s in _PRECEDENCE if s in statuses), items[0]["status"])
        segments = len({segment_of(item) for item in items})
        codes: list[int] = [
            item["exit_code"] for item in items if item.get("exit_code") is not None
        ]
        # A group has ended only when every member has.
        ends: list[float] = [item["ended_at"] for item in items if item.get("ended_at") is not None]
        name = f"{len(items)} runs" + (f", {segments} segments" if segments > 1 else "")
        result.append(
            {
                **items[0],
                "id": group,
                "name": name,
                "status": status,
                "exit_code": max(codes, key=abs) if codes else None,
                "started_at": min(item.get("started_at") or 0 for item in items) or None,
                "ended_at": max(ends) if len(ends) == len(items) else None,
                "tags": sorted({tag for item in items for tag in item.get("tags", [])}),
            }
        )
    return result
