"""``mlop compare``: runs side by side, parameters that differ and each metric's last and best.

"Best" is the minimum for metrics whose name has a word that means lower is better (see
:func:`lower_is_better`), the maximum otherwise; system metrics and settings such as ``lr`` or
``epoch`` have no best (see :func:`mlop_cli.direction.direction`).
"""

from __future__ import annotations

import json
import math
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from mlop_cli.direction import direction as direction_of
from mlop_cli.direction import lower_is_better  # noqa: F401 - part of this module's API
from mlop_cli.documents import run_summary
from mlop_cli.gate import unknown_metric
from mlop_cli.store.model import RunStore
from mlop_cli.views.runs import status_text, stored_value
from mlop_cli.views.text import inert


def _finite(value: Any) -> Any:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def _last(value: Any) -> Any:
    """A last value for JSON: NaN is null (as the store keeps it), an infinity ``"inf"`` or
    ``"-inf"`` (JSON has none; a diverged loss is no NaN)."""
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return _finite(value)


def _same(values: list[Any]) -> bool:
    encoded = {json.dumps(value, sort_keys=True, default=str) for value in values}
    return len(encoded) <= 1


def compare_document(
    store: RunStore,
    run_ids: list[str],
    *,
    metrics: list[str] | None = None,
    system: bool = False,
) -> dict[str, Any]:
    """The data of ``mlop compare`` (also its ``--json``).

    Args:
        store: the store to read.
        run_ids: resolved run ids, in the order to show.
        metrics: only these metrics (exact names); default: every metric of any run.
        system: include system metrics (``sys/...``) when ``metrics`` is not given.

    Returns:
        ``{"runs": [run summaries], "params": {key: {"values": [...], "differs": bool}},
        "metrics": {name: {"best": "min"|"max"|None, "runs": [{"last", "last_step", "best",
        "best_step", "count"} or None]}}}``; a run without a metric has None, a metric without
        a direction (``sys/…``, ``lr``) a best of None.
    """
    runs = [store.run(run_id) for run_id in run_ids]
    keys = sorted({key for run in runs for key in run.params})
    params = {}
    for key in keys:
        values = [run.params.get(key) for run in runs]
        present = [key in run.params for run in runs]
        params[key] = {"values": values, "differs": not (_same(values) and all(present))}
    summaries = [store.metric_summaries(run_id) for run_id in run_ids]
    if metrics:
        names = list(dict.fromkeys(metrics))
        known = sorted({name for summary in summaries for name in summary})
        for name in names:
            if name not in known:
                raise unknown_metric(name, known)
    else:
        seen: dict[str, bool] = {}
        for summary in summaries:
            for name, item in summary.items():
                if system or item.source != "system":
                    seen.setdefault(name, True)
        names = sorted(seen)
    table: dict[str, Any] = {}
    for name in names:
        direction = direction_of(name)
        cells: list[dict[str, Any] | None] = []
        for summary in summaries:
            found = summary.get(name)
            if found is None:
                cells.append(None)
                continue
            best, best_step = found.best(direction) if direction else (None, None)
            cells.append(
                {
                    "last": _last(found.last),
                    "last_step": found.last_step,
                    "best": _finite(best),
                    "best_step": best_step,
                    "count": found.count,
                }
            )
        table[name] = {"best": direction, "runs": cells}
    return {"runs": [run_summary(run) for run in runs], "params": params, "metrics": table}


def _plain(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return inert(value)
    return inert(json.dumps(value, default=str))


def compare_view(document: dict[str, Any], *, all_params: bool = True) -> Group:
    """The rich rendering of :func:`compare_document`.

    Parameters that differ are bold yellow and marked ``*`` (visible without colour too); the
    best run of each metric is bold green and marked ``*``.
    """
    runs = document["runs"]
    header = Table(box=None, header_style="bold", pad_edge=False)
    header.add_column("")
    for index in range(len(runs)):
        header.add_column(f"#{index + 1}", overflow="fold")
    header.add_row("run", *[Text(run["id"]) for run in runs])
    header.add_row("name", *[Text(inert(run.get("name") or "")) for run in runs])
    header.add_row("status", *[status_text(run["status"]) for run in runs])
    parts: list[Any] = [header]

    params = document["params"]
    shown = {k: v for k, v in params.items() if all_params or v["differs"]}
    if shown:
        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column("PARAMETER", overflow="fold")
        for index in range(len(runs)):
            table.add_column(f"#{index + 1}", overflow="fold")
        for key, item in shown.items():
            style = "bold yellow" if item["differs"] else "dim"
            mark = "* " if item["differs"] else "  "
            table.add_row(
                Text(mark + inert(key), style=style),
                *[Text(_plain(value), style=style) for value in item["values"]],
            )
        differing = sum(1 for item in params.values() if item["differs"])
        parts += [
            Text(f"\nParameters ({differing} of {len(params)} differ, marked *)", style="bold"),
            table,
        ]
    elif params:
        parts.append(Text(f"\nAll {len(params)} parameters are equal.", style="bold"))

    metrics = document["metrics"]
    if metrics:
        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column("METRIC", overflow="fold")
        table.add_column("BEST")
        for index in range(len(runs)):
            table.add_column(f"#{index + 1} LAST", justify="right")
            table.add_column(f"#{index + 1} BEST", justify="right")
        for name, item in metrics.items():
            bests = [cell["best"] for cell in item["runs"] if cell and cell["best"] is not None]
            winner = None
            if len(bests) > 1:
                winner = min(bests) if item["best"] == "min" else max(bests)
            row: list[Any] = [Text(inert(name)), Text(item["best"] or "-", style="dim")]
            for cell in item["runs"]:
                if cell is None:
                    row += [Text("-", style="dim"), Text("-", style="dim")]
                    continue
                if item["best"] is None:
                    best = "-"
                else:
                    best = stored_value(name, cell["best"], cell["count"])
                is_winner = winner is not None and cell["best"] == winner
                shown = cell["last"]
                last = stored_value(
                    name, float(shown) if isinstance(shown, str) else shown, cell["count"]
                )
                row += [
                    Text(last),
                    Text(
                        f"*{best}" if is_winner else best, style="bold green" if is_winner else ""
                    ),
                ]
            table.add_row(*row)
        parts += [
            Text(
                "\nMetrics (last and best; best = min or max as BEST says, * = best run)",
                style="bold",
            ),
            table,
        ]
    else:
        parts.append(Text("\nNo metrics.", style="bold"))
    return Group(*parts)
