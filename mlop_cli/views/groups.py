"""Runs of one group (the tasks of a Slurm job step, on every node) shown as one line."""

from __future__ import annotations

import dataclasses

from mlop_cli.store.model import Run

# The group's status: the most telling status among its runs.
_PRECEDENCE = ("running", "failed", "killed", "lost", "finished")


def collapse_groups(runs: list[Run]) -> list[Run]:
    """Replace the runs of each group by one summary row, placed where its newest run was.

    The row reads like a run: ``id`` is the group id, ``name`` says how many runs, tasks and
    segments (a requeued Slurm job continues as a new segment of the same group).
    """
    members: dict[str, list[Run]] = {}
    for run in runs:
        if run.group_id:
            members.setdefault(run.group_id, []).append(run)
    result: list[Run] = []
    shown: set[str] = set()
    for run in runs:
        group = run.group_id
        if not group or len(members[group]) == 1:
            result.append(run)
            continue
        if group in shown:
            continue
        shown.add(group)
        items = members[group]
        statuses = {item.status for item in items}
        status = next((s for s in _PRECEDENCE if s in statuses), items[0].status)
        segments = len({item.segment for item in items})
        codes = [item.exit_code for item in items if item.exit_code is not None]
        # A group has ended only when every member has.
        ends = [item.ended_at for item in items if item.ended_at is not None]
        name = f"{len(items)} runs" + (f", {segments} segments" if segments > 1 else "")
        result.append(
            dataclasses.replace(
                items[0],
                id=group,
                name=name,
                status=status,
                exit_code=max(codes, key=abs) if codes else None,
                started_at=min(item.started_at or 0 for item in items) or None,
                ended_at=max(ends) if len(ends) == len(items) else None,
                tags=sorted({tag for item in items for tag in item.tags}),
            )
        )
    return result
