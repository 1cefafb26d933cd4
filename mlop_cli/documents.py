"""The stable JSON documents of ``mlop ls --json`` and ``mlop show --json``.

Documented in the README; fields are only ever added, never renamed or removed.
"""

from __future__ import annotations

import math
from typing import Any

from mlop_cli.store.queries import Store
from mlop_cli.views.runs import duration_of
from mlop_cli.views.text import iso_time


def _number(value: Any) -> Any:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def run_summary(run: dict[str, Any]) -> dict[str, Any]:
    """One run as a line of ``mlop ls --json``."""
    return {
        "id": run["id"],
        "name": run.get("name"),
        "project": run.get("project"),
        "status": run["status"],
        "exit_code": run.get("exit_code"),
        "signal": run.get("signal"),
        "command": run.get("command", []),
        "started_at": iso_time(run.get("started_at")),
        "ended_at": iso_time(run.get("ended_at")),
        "duration_s": _round(duration_of(run)),
        "host": run.get("host"),
        "user": run.get("user"),
        "tags": run.get("tags", []),
        "group": run.get("group_id"),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def run_document(store: Store, run_id: str, *, include_env: bool = True) -> dict[str, Any]:
    """Everything ``mlop show --json`` prints about one run."""
    run = store.run(run_id)
    metrics = {
        name: {
            key: _number(item[key])
            for key in (
                "last",
                "min",
                "max",
                "count",
                "mean",
                "last_step",
                "min_step",
                "max_step",
                "source",
            )
        }
        for name, item in store.metric_summaries(run_id).items()
    }
    context = dict(run.get("context", {}))
    if not include_env:
        context.pop("env", None)
    document = run_summary(run)
    document.update(
        {
            "cwd": run.get("cwd"),
            "params": run.get("params", {}),
            "metrics": metrics,
            "histograms": {
                name: {
                    "count": len(items),
                    "first_step": items[0]["step"],
                    "last_step": items[-1]["step"],
                }
                for name, items in store.histograms(run_id).items()
            },
            "texts": [
                {"tag": t["tag"], "step": t["step"], "text": t["text"]} for t in store.texts(run_id)
            ],
            "events": [
                {
                    "time": iso_time(e["time"]),
                    "level": e["level"],
                    "kind": e["kind"],
                    "message": e["message"],
                }
                for e in store.events(run_id)
            ],
            "system_summary": context.get("system_summary"),
            "context": context,
        }
    )
    return document
