"""Tables of runs and of one run."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from mlop_cli.store.model import MetricSummary, Run, RunDetails
from mlop_cli.views.text import (
    format_bytes,
    format_duration,
    format_number,
    format_time,
    format_value,
    inert,
)

STATUS_STYLES = {
    "finished": "green",
    "failed": "red",
    "killed": "dark_orange",
    "lost": "grey50",
    "running": "blue",
}


def status_text(status: str) -> Text:
    """A status coloured by what it means."""
    return Text(status, style=STATUS_STYLES.get(status, ""))


def runs_table(runs: list[Run], width: int | None = None) -> Table:
    """The ``mlop ls`` table, fitted to ``width`` columns when given (a terminal's width).

    Columns empty for every run (PROJECT, TAGS) are left out. The id, status, exit code, start
    and duration are never broken across lines; when the table does not fit, the start time
    loses its year and seconds, and the name and command are cut with an ellipsis.
    """
    rows = [
        {
            "ID": Text(run.id),
            "NAME": Text(inert(run.name)),
            "PROJECT": Text(inert(run.project or "")),
            "STATUS": status_text(run.status),
            "EXIT": Text("" if run.exit_code is None else str(run.exit_code)),
            "DURATION": Text(format_duration(run.duration_s())),
            "TAGS": Text(inert(",".join(run.tags))),
            "COMMAND": Text(inert(" ".join(run.command))),
        }
        for run in runs
    ]
    columns = [
        name
        for name in ("ID", "NAME", "PROJECT", "STATUS", "EXIT", "STARTED", "DURATION", "TAGS")
        if name not in ("PROJECT", "TAGS") or any(row[name].plain for row in rows)
    ] + ["COMMAND"]
    compact, budgets = _fit(rows, columns, width)
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in columns:
        table.add_column(
            name,
            no_wrap=True,
            overflow="ellipsis" if name in _SQUEEZABLE else "crop",
            max_width=budgets.get(name),
        )
    for run, row in zip(runs, rows, strict=True):
        # The start's shape (whole or compact) is known only once the table is fitted.
        row["STARTED"] = Text(format_time(run.started_at, compact=compact))
        table.add_row(*(row[name] for name in columns))
    return table


# Cut with an ellipsis when the table is too wide, in this order of keeping.
_SQUEEZABLE = ("NAME", "PROJECT", "TAGS", "COMMAND")
_TIME_WIDTH, _COMPACT_TIME_WIDTH = len("2026-11-22 10:31:04"), len("11-22 10:31")


def _fit(
    rows: list[dict[str, Any]], columns: list[str], width: int | None
) -> tuple[bool, dict[str, int]]:
    """Whether the start time is compact, and the widest each squeezable column may be."""
    if width is None or not rows:
        return False, {}
    natural = {
        name: max(len(name), *(len(row[name]) for row in rows))
        for name in columns
        if name != "STARTED"
    }
    room = width - 2 * (len(columns) - 1)
    if sum(natural.values()) + _TIME_WIDTH <= room:
        return False, {}
    if sum(natural.values()) + _COMPACT_TIME_WIDTH <= room:
        return True, {}
    fixed = sum(natural[n] for n in natural if n not in _SQUEEZABLE) + _COMPACT_TIME_WIDTH
    squeezed = [name for name in _SQUEEZABLE if name in natural]
    budgets = {name: min(natural[name], 4) for name in squeezed}
    left = room - fixed - sum(budgets.values())
    for name in squeezed:
        extra = max(0, min(natural[name] - budgets[name], left))
        budgets[name] += extra
        left -= extra
    return True, budgets


def stored_value(name: str, value: float | None, count: int) -> str:
    """A summary value of the store as people read it: the store keeps NaN as NULL, so a
    metric with points but no value here ended on NaN (last) or has no finite one (min, max)."""
    return "nan" if value is None and count else format_value(name, value)


def metrics_table(summaries: dict[str, MetricSummary]) -> Table:
    """Metrics with last/min/max/count."""
    table = Table(box=None, header_style="bold", pad_edge=False, title_justify="left")
    for column in ("METRIC", "SOURCE", "LAST", "MIN", "MAX", "COUNT", "LAST STEP"):
        table.add_column(column, justify="left" if column in ("METRIC", "SOURCE") else "right")
    for name, item in summaries.items():
        table.add_row(
            Text(inert(name)),
            Text(item.source),
            stored_value(name, item.last, item.count),
            stored_value(name, item.min, item.count),
            stored_value(name, item.max, item.count),
            f"{item.count:,}",
            "" if item.last_step is None else str(item.last_step),
        )
    return table


def key_values(rows: list[tuple[str, Any]]) -> Table:
    """A two-column table of labels and values."""
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for key, value in rows:
        table.add_row(Text(inert(key)), value if isinstance(value, Text) else Text(inert(value)))
    return table


def show_run(console: Console, details: RunDetails) -> None:
    """Print ``mlop show``: header, context, params, metrics, histograms, texts, warnings
    (read with :func:`mlop_cli.store.model.read_run`)."""
    run = details.run
    context = run.context
    git = context.get("git") or {}
    header: list[tuple[str, Any]] = [
        ("run", f"{run.id}  {run.name or ''}"),
        ("status", status_text(run.status)),
        ("exit code", "" if run.exit_code is None else str(run.exit_code)),
        ("command", " ".join(run.command)),
        ("started", format_time(run.started_at)),
        ("duration", format_duration(run.duration_s())),
        ("host", f"{run.user or ''}@{run.host or ''}"),
        ("cwd", run.cwd or ""),
    ]
    if run.project:
        header.insert(2, ("project", run.project))
    if run.tags:
        header.append(("tags", ", ".join(run.tags)))
    if git:
        dirty = " (dirty)" if git.get("dirty") else ""
        header.append(("git", f"{(git.get('commit') or '')[:12]} {git.get('branch') or ''}{dirty}"))
    if context.get("slurm"):
        slurm = context["slurm"]
        header.append(
            ("slurm", " ".join(f"{k.removeprefix('SLURM_').lower()}={v}" for k, v in slurm.items()))
        )
    if context.get("ci"):
        header.append(("ci", " ".join(f"{k}={v}" for k, v in context["ci"].items())))
    parts: list[Any] = [key_values(header)]
    summary = context.get("system_summary")
    if summary:
        parts += [Text("\nSystem", style="bold"), key_values(_system_rows(summary))]
    if run.params:
        parts += [
            Text("\nParameters", style="bold"),
            key_values([(k, _plain(v)) for k, v in run.params.items()]),
        ]
    if details.metrics:
        parts += [Text("\nMetrics", style="bold"), metrics_table(details.metrics)]
    if details.histograms:
        rows = [
            (name, f"{len(items)} histograms, steps {items[0].step}..{items[-1].step}")
            for name, items in details.histograms.items()
        ]
        parts += [Text("\nHistograms", style="bold"), key_values(rows)]
    if details.texts:
        rows = [(f"{item.tag} @ {item.step}", _shorten(item.text)) for item in details.texts[:20]]
        parts += [Text("\nText", style="bold"), key_values(rows)]
    warnings = [e for e in details.events if e.level in ("warning", "error")]
    if warnings:
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold")
        for event in warnings:
            table.add_row(
                Text(format_time(event.time), style="dim"),
                Text(inert(event.message), style="yellow"),
            )
        parts += [Text("\nWarnings", style="bold"), table]
    console.print(Group(*parts))


def _system_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    rows = []
    for key, value in summary.items():
        if key in ("gpus", "interval_s", "samples") or value is None:
            continue
        rows.append(
            (key, format_value(key, value) if isinstance(value, (int, float)) else _plain(value))
        )
    for gpu in summary.get("gpus") or []:
        label = f"gpu{gpu.get('gpu')}"
        parts = [gpu.get("name") or ""]
        if gpu.get("mean_util_percent") is not None:
            parts.append(f"mean util {gpu['mean_util_percent']:.0f}%")
        if gpu.get("peak_mem_used_bytes") is not None:
            parts.append(f"peak memory {format_bytes(gpu['peak_mem_used_bytes'])}")
        if gpu.get("peak_proc_mem_bytes"):
            parts.append(f"run's peak {format_bytes(gpu['peak_proc_mem_bytes'])}")
        if gpu.get("energy_wh") is not None:
            parts.append(f"{gpu['energy_wh']:.1f} Wh")
        rows.append((label, ", ".join(p for p in parts if p)))
    return rows


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_plain(v)}" for k, v in value.items())
    return str(value)


def _shorten(text: str, limit: int = 200) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
