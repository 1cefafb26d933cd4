"""The stable JSON documents of ``mlop ls --json`` and ``mlop show --json``.

Documented in the README; fields are only ever added, never renamed or removed.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from mlop_cli.store.model import Run, RunDetails


def _number(value: Any) -> Any:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def iso_time(timestamp: float | None) -> str | None:
    """ISO 8601 in UTC with milliseconds, for JSON."""
    if not timestamp:
        return None
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).isoformat(timespec="milliseconds")


def run_summary(run: Run) -> dict[str, Any]:
    """One run as a line of ``mlop ls --json``."""
    return {
        "id": run.id,
        "name": run.name,
        "project": run.project,
        "status": run.status,
        "exit_code": run.exit_code,
        "signal": run.signal,
        "command": run.command,
        "started_at": iso_time(run.started_at),
        "ended_at": iso_time(run.ended_at),
        "duration_s": _round(run.duration_s()),
        "host": run.host,
        "user": run.user,
        "tags": run.tags,
        "group": run.group_id,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def run_document(details: RunDetails, *, include_env: bool = True) -> dict[str, Any]:
    """Everything ``mlop show --json`` prints about one run (read with
    :func:`mlop_cli.store.model.read_run`)."""
    run = details.run
    metrics = {
        label: {
            "last": _number(item.last),
            "min": _number(item.min),
            "max": _number(item.max),
            "count": item.count,
            "mean": _number(item.mean),
            "last_step": item.last_step,
            "min_step": item.min_step,
            "max_step": item.max_step,
            "source": item.source,
        }
        for label, item in details.metrics.items()
    }
    context = dict(run.context)
    if not include_env:
        context.pop("env", None)
    document = run_summary(run)
    document.update(
        {
            "cwd": run.cwd,
            "params": run.params,
            "metrics": metrics,
            "histograms": {
                name: {
                    "count": len(items),
                    "first_step": items[0].step,
                    "last_step": items[-1].step,
                }
                for name, items in details.histograms.items()
            },
            "texts": [{"tag": t.tag, "step": t.step, "text": t.text} for t in details.texts],
            "events": [
                {
                    "time": iso_time(e.time),
                    "level": e.level,
                    "kind": e.kind,
                    "message": e.message,
                }
                for e in details.events
            ],
            "system_summary": context.get("system_summary"),
            "context": context,
        }
    )
    return document
