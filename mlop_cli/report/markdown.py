"""A short Markdown summary of a report (for ``$GITHUB_STEP_SUMMARY``) and the same as data.

Every string from a run is escaped: pipes and backticks cannot break a table, and HTML
(which GitHub renders in Markdown) arrives as entities.
"""

from __future__ import annotations

import html
import re
from typing import Any

from mlop_cli.report import summary as facts
from mlop_cli.report._json import finite_or_none
from mlop_cli.report.model import ReportModel

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~])")
_STATUS_ICONS = {"finished": "✅", "failed": "❌", "killed": "🟠", "lost": "⚪", "running": "🔵"}


def escape_markdown(value: Any) -> str:
    """Escape a run string for a Markdown table cell: HTML as entities, markup with ``\\``.

    Newlines become spaces, since a table row is one line.
    """
    text = "" if value is None else str(value)
    text = html.escape(text, quote=False)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"[\r\n\u2028\u2029]+", " ", text)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def render_json(model: ReportModel, *, system: bool = False) -> dict[str, Any]:
    """Return the summary as JSON-ready data (non-finite numbers become None).

    Args:
        model: What to summarise.
        system: Also list the system metrics (``sys/…``).

    Returns:
        ``{"generated_at", "runs": [...], "param_differences": {key: {run_id: value}},
        "metrics": {name: {run_id: {last, min, max, count, best, best_step,
        lower_is_better}}}, "warnings": [...]}``; ``best`` is ``"min"``, ``"max"`` or None for
        a metric without a direction (then ``best_step`` and ``lower_is_better`` are None too).
    """
    runs = []
    for run in model.runs:
        git = run.git
        runs.append(
            {
                "id": run.id,
                "name": run.name,
                "project": run.project,
                "status": run.status,
                "exit_code": run.exit_code,
                "signal": run.signal,
                "started_at": run.started_at,
                "ended_at": run.ended_at,
                "duration_s": facts.run_duration(run),
                "host": run.host,
                "user": run.user,
                "command": list(run.command),
                "git": None
                if git is None
                else {
                    "commit": git.commit,
                    "branch": git.branch,
                    "dirty": git.dirty,
                    "remote": git.remote,
                },
                "tags": list(run.tags),
                "params": dict(run.params),
            }
        )
    differences = {
        key: {run.id: run.params.get(key) for run in model.runs}
        for key in facts.differing_params(model)
    }
    metrics: dict[str, dict[str, Any]] = {}
    for name in facts.metric_names(model, system=system):
        metrics[name] = {}
        best = facts.direction(name)
        for run in model.runs:
            if name in run.metrics:
                summary = facts.metric_summary(name, run.metrics[name])
                metrics[name][run.id] = {
                    "last": summary.last,
                    "min": summary.min,
                    "max": summary.max,
                    "count": summary.count,
                    "best": best,
                    "best_step": summary.best_step if best else None,
                    "lower_is_better": None if best is None else best == "min",
                }
    warnings = [
        {
            "run": run.id,
            "time": event.time,
            "level": event.level,
            "kind": event.kind,
            "message": event.message,
        }
        for run, event in facts.warnings(model)
    ]
    return finite_or_none(
        {
            "generated_at": model.generated_at,
            "runs": runs,
            "param_differences": differences,
            "metrics": metrics,
            "warnings": warnings,
        }
    )


def render_markdown(model: ReportModel, *, max_metrics: int = 50, system: bool = False) -> str:
    """Render runs, parameter differences, last/best of each metric and warnings as Markdown.

    Args:
        model: What to summarise.
        max_metrics: At most this many metrics are listed, so the summary stays within what
            CI pages show.
        system: Also list the system metrics (``sys/…``, after the training metrics); left
            out by default, since a step summary is about the training.

    Returns:
        GitHub-flavoured Markdown.
    """
    lines = [f"## {escape_markdown(model.title)}", ""]
    rows = []
    for run in model.runs:
        icon = _STATUS_ICONS.get(run.status, "")
        exit_text = "" if run.exit_code is None else str(run.exit_code)
        if run.signal:
            exit_text += f" (signal {run.signal})"
        commit = ""
        if run.git is not None and run.git.commit:
            commit = escape_markdown(run.git.commit[:10]) + (" (dirty)" if run.git.dirty else "")
        rows.append(
            [
                f"**{escape_markdown(run.name)}**<br>{escape_markdown(run.id)}",
                f"{icon} {escape_markdown(run.status)}".strip(),
                escape_markdown(facts.format_duration(facts.run_duration(run))),
                escape_markdown(exit_text),
                escape_markdown(run.host or ""),
                commit,
                escape_markdown(" ".join(run.command)),
            ]
        )
    lines += _table(["Run", "Status", "Duration", "Exit", "Host", "Commit", "Command"], rows)
    lines.append("")

    differing = facts.differing_params(model)
    if differing and len(model.runs) > 1:
        lines += ["### Parameters that differ", ""]
        header = ["Parameter"] + [escape_markdown(run.name) for run in model.runs]
        rows = [
            [escape_markdown(key)]
            + [
                escape_markdown(facts.format_param(run.params[key])) if key in run.params else "—"
                for run in model.runs
            ]
            for key in differing
        ]
        lines += _table(header, rows) + [""]

    names = facts.metric_names(model, system=system)
    if names:
        lines += ["### Metrics", ""]
        rows = []
        for name in names[:max_metrics]:
            direction = facts.direction(name)
            for run in model.runs:
                if name not in run.metrics:
                    continue
                summary = facts.metric_summary(name, run.metrics[name])
                best = "" if direction is None else facts.format_number(getattr(summary, direction))
                rows.append(
                    [
                        escape_markdown(name),
                        escape_markdown(run.name),
                        escape_markdown(facts.format_number(summary.last)),
                        escape_markdown(best),
                        ""
                        if summary.best_step is None or direction is None
                        else str(summary.best_step),
                    ]
                )
        lines += _table(["Metric", "Run", "Last", "Best", "Best step"], rows)
        if len(names) > max_metrics:
            lines.append(f"\n_{len(names) - max_metrics} more metrics in the HTML report._")
        lines.append("")
    left_out = 0 if system else len(facts.metric_names(model)) - len(names)
    if left_out:
        lines += [f"_{left_out} system metrics (`sys/…`) left out; `--system` lists them._", ""]

    found = facts.warnings(model)
    lines += [f"### Warnings ({len(found)})", ""]
    if found:
        for run, event in found:
            lines.append(
                f"- **{escape_markdown(event.level)}** {escape_markdown(run.name)}: "
                f"({escape_markdown(event.kind)}) {escape_markdown(event.message)}"
            )
    else:
        lines.append("None.")
    lines.append("")
    return "\n".join(lines)
