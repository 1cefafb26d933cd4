"""Render a report model as one self-contained, offline HTML file.

Tables, text and the console are rendered here, on the server side, with every string from
a run HTML-escaped. Charts are drawn in the browser by plotly.js (inlined from the installed
``plotly`` package) from data embedded in the page: a JSON element for the structure and a
compressed binary blob for the points (see ``_pack``). Charts are created lazily as they
scroll into view; the URL hash ``#all`` draws every chart at once.
"""

from __future__ import annotations

import datetime as _datetime
import html
import json
import math
import re
from importlib import resources
from typing import Any

from mlop_cli.report import summary as facts
from mlop_cli.report._ansi import ansi_to_html
from mlop_cli.report._json import finite_or_none, script_json
from mlop_cli.report._pack import SeriesPacker
from mlop_cli.report.downsample import DEFAULT_MAX_POINTS, as_float_array, downsample
from mlop_cli.report.model import HistogramSnapshot, ReportModel, RunReport

# Tableau 10: distinct, colour-blind-friendlier than plotly's defaults, readable on white.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
CONSOLE_TAIL_BYTES = 256 * 1024
HISTOGRAM_STEPS = 120
HISTOGRAM_BINS = 48
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def _escape(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _resource(name: str) -> str:
    return resources.files("mlop_cli.report").joinpath(name).read_text(encoding="utf-8")


def _inline_script(source: str) -> str:
    """Make JavaScript source safe to place inside ``<script>``; same meaning in JS."""
    return source.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def plotly_js() -> str:
    """Return the source of plotly.js shipped in the installed ``plotly`` package."""
    try:
        return (
            resources.files("plotly")
            .joinpath("package_data", "plotly.min.js")
            .read_text(encoding="utf-8")
        )
    except (FileNotFoundError, ModuleNotFoundError):  # older layouts of the package
        from plotly.offline import get_plotlyjs

        return get_plotlyjs()


def _format_time(timestamp: float | None) -> str:
    if timestamp is None or not math.isfinite(timestamp):
        return "-"
    moment = _datetime.datetime.fromtimestamp(timestamp, tz=_datetime.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _anchor(*parts: Any) -> str:
    """An id made only of safe characters (run strings never reach an attribute raw)."""
    text = "-".join(str(part) for part in parts)
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower() or "x"


def _status_badge(status: str) -> str:
    known = status if status in ("running", "finished", "failed", "killed", "lost") else "other"
    return f'<span class="badge status-{known}">{_escape(status)}</span>'


def _run_label(run: RunReport, index: int) -> str:
    colour = PALETTE[index % len(PALETTE)]
    return (
        f'<span class="swatch" style="background:{colour}"></span>'
        f'<span class="run-name">{_escape(run.name)}</span>'
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _time_origin(run: RunReport) -> float:
    if run.started_at is not None and math.isfinite(run.started_at):
        return float(run.started_at)
    firsts = []
    for series in run.metrics.values():
        times = as_float_array(series.times)
        if len(times) and math.isfinite(times[0]):
            firsts.append(float(times[0]))
    return min(firsts) if firsts else 0.0


# ---------------------------------------------------------------------------- sections


def _section(anchor: str, title: str, body: str, note: str = "") -> str:
    note_html = f'<p class="section-note">{note}</p>' if note else ""
    return (
        f'<section id="{anchor}" class="section"><h2>{_escape(title)}</h2>'
        f"{note_html}{body}</section>"
    )


def _runs_section(model: ReportModel) -> str:
    rows = []
    for index, run in enumerate(model.runs):
        exit_text = "-" if run.exit_code is None else str(run.exit_code)
        if run.signal:
            exit_text += f" (signal {run.signal})"
        git = run.git
        git_html = "-"
        if git is not None and (git.commit or git.branch):
            commit = (git.commit or "")[:10]
            git_html = f'<code>{_escape(commit)}</code> <span class="muted">{_escape(git.branch or "")}</span>'
            if git.dirty:
                git_html += ' <span class="badge dirty" title="uncommitted changes">dirty</span>'
        tags = "".join(f'<span class="chip">{_escape(tag)}</span>' for tag in run.tags)
        command = " ".join(run.command)
        rows.append(
            "<tr>"
            f'<td>{_run_label(run, index)}<div class="muted small">{_escape(run.id)}'
            f"{' · ' + _escape(run.project) if run.project else ''}</div>{tags}</td>"
            f"<td>{_status_badge(run.status)}</td>"
            f'<td class="num">{_escape(facts.format_duration(facts.run_duration(run)))}</td>'
            f'<td class="num">{_escape(exit_text)}</td>'
            f'<td class="nowrap">{_escape(_format_time(run.started_at))}</td>'
            f'<td>{_escape(run.host or "-")}<div class="muted small">{_escape(run.user or "")}</div></td>'
            f"<td>{git_html}</td>"
            f'<td><code class="command">{_escape(command)}</code></td>'
            "</tr>"
        )
    head = (
        "<tr><th>Run</th><th>Status</th><th>Duration</th><th>Exit</th><th>Started</th>"
        "<th>Host</th><th>Git</th><th>Command</th></tr>"
    )
    table = f'<div class="card table-wrap"><table class="table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>'
    return _section("runs", "Runs", table)


def _params_section(model: ReportModel) -> str:
    keys = facts.param_keys(model)
    if not keys:
        return _section(
            "params", "Hyperparameters", '<p class="empty">No hyperparameters recorded.</p>'
        )
    differing = set(facts.differing_params(model))
    head = (
        "<tr><th>Parameter</th>"
        + "".join(f"<th>{_run_label(run, index)}</th>" for index, run in enumerate(model.runs))
        + "</tr>"
    )
    rows = []
    for key in keys:
        cells = []
        for run in model.runs:
            if key in run.params:
                cells.append(f"<td>{_escape(facts.format_param(run.params[key]))}</td>")
            else:
                cells.append('<td class="missing">—</td>')
        row_class = "diff" if key in differing else "same"
        rows.append(
            f'<tr class="{row_class}"><th scope="row"><code>{_escape(key)}</code></th>{"".join(cells)}</tr>'
        )
    toggle = (
        '<label class="toggle"><input type="checkbox" id="only-diff"> show only the '
        f"{len(differing)} differing of {len(keys)} parameters</label>"
    )
    table = f'{toggle}<div class="card table-wrap"><table class="table params" id="params-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>'
    note = "Rows whose values differ between runs are highlighted." if len(model.runs) > 1 else ""
    return _section("params", "Hyperparameters", table, note)


def _group_of(name: str) -> str:
    if name.startswith(facts.SYSTEM_PREFIX):
        rest = name[len(facts.SYSTEM_PREFIX) :]
        return "sys/" + rest.split("/", 1)[0] if "/" in rest else "sys"
    return name.split("/", 1)[0] if "/" in name else "metrics"


def _chart_card(chart_index: int, title: str, subtitle: str = "") -> str:
    sub = f'<span class="muted small">{subtitle}</span>' if subtitle else ""
    return (
        f'<div class="card chart-card"><div class="card-title"><span class="metric-name">'
        f"{_escape(title)}</span>{sub}</div>"
        f'<div class="chart" data-chart="{chart_index}"></div></div>'
    )


def _grouped_charts(names_with_index: list[tuple[str, int]], anchor_prefix: str) -> str:
    groups: dict[str, list[tuple[str, int]]] = {}
    for name, chart_index in names_with_index:
        groups.setdefault(_group_of(name), []).append((name, chart_index))
    parts = []
    for group, members in groups.items():
        cards = "".join(_chart_card(chart_index, name) for name, chart_index in members)
        parts.append(
            f'<details class="group" open id="{_anchor(anchor_prefix, group)}"><summary>'
            f'<span class="group-name">{_escape(group)}</span> <span class="count">{len(members)}</span>'
            f'</summary><div class="grid">{cards}</div></details>'
        )
    return "".join(parts)


def _histogram_matrix(snapshots: list[HistogramSnapshot]) -> dict[str, Any] | None:
    """Rebin snapshots onto one grid: x steps, y bucket centres, z[y][x] fraction of counts."""
    import numpy as np

    if not snapshots:
        return None
    if len(snapshots) > HISTOGRAM_STEPS:
        picks = np.unique(np.linspace(0, len(snapshots) - 1, HISTOGRAM_STEPS).round().astype(int))
        snapshots = [snapshots[i] for i in picks]
    prepared = []
    for snapshot in snapshots:
        edges = as_float_array(snapshot.edges)
        counts = as_float_array(snapshot.counts)
        if len(edges) != len(counts) + 1 or len(counts) == 0:
            continue
        finite = np.isfinite(edges)
        if finite.sum() < 2:
            continue
        # Open-ended outer buckets (±inf edges) are closed at the nearest finite edge.
        edges = np.clip(edges, edges[finite].min(), edges[finite].max())
        counts = np.where(np.isfinite(counts) & (counts > 0), counts, 0.0)
        prepared.append((snapshot.step, edges, counts))
    if not prepared:
        return None
    low = min(float(edges[0]) for _, edges, _ in prepared)
    high = max(float(edges[-1]) for _, edges, _ in prepared)
    if not high > low:
        high = low + 1.0
    grid = np.linspace(low, high, HISTOGRAM_BINS + 1)
    columns = []
    for _, edges, counts in prepared:
        cumulative = np.concatenate(([0.0], np.cumsum(counts)))
        # Counts spread uniformly inside each bucket: interpolate the cumulative count.
        order = np.argsort(edges, kind="stable")
        rebinned = np.diff(np.interp(grid, edges[order], cumulative[order]))
        total = rebinned.sum()
        columns.append(rebinned / total if total > 0 else rebinned)
    matrix = np.round(np.array(columns).T, 5)
    centres = (grid[:-1] + grid[1:]) / 2
    return {
        "x": [int(step) for step, _, _ in prepared],
        "y": [float(f"{value:.6g}") for value in centres],
        "z": matrix.tolist(),
    }


def _metric_summary_section(model: ReportModel, names: list[str]) -> str:
    if not names:
        return ""
    head = (
        "<tr><th>Metric</th><th>Run</th><th>Last</th><th>Min</th><th>Max</th>"
        "<th>Points</th><th>Best step</th></tr>"
    )
    rows = []
    for name in names:
        present = [(index, run) for index, run in enumerate(model.runs) if name in run.metrics]
        for position, (index, run) in enumerate(present):
            summary = facts.metric_summary(name, run.metrics[name])
            metric_cell = (
                f'<th scope="rowgroup" rowspan="{len(present)}"><code>{_escape(name)}</code>'
                f'<div class="muted small">{"lower" if facts.lower_is_better(name) else "higher"} is better</div></th>'
                if position == 0
                else ""
            )
            best = "-" if summary.best_step is None else str(summary.best_step)
            rows.append(
                f'<tr class="{"first" if position == 0 else ""}">{metric_cell}'
                f"<td>{_run_label(run, index)}</td>"
                f'<td class="num">{_escape(facts.format_number(summary.last))}</td>'
                f'<td class="num">{_escape(facts.format_number(summary.min))}</td>'
                f'<td class="num">{_escape(facts.format_number(summary.max))}</td>'
                f'<td class="num">{summary.count}</td>'
                f'<td class="num">{_escape(best)}</td></tr>'
            )
    table = f'<div class="card table-wrap"><table class="table summary"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>'
    return _section(
        "summary", "Metric summary", table, "Computed from every point, not the downsampled charts."
    )


def _events_section(model: ReportModel) -> str:
    events = sorted(
        ((run, index, event) for index, run in enumerate(model.runs) for event in run.events),
        key=lambda item: item[2].time if item[2].time is not None else 0.0,
    )
    if not events:
        return _section("events", "Warnings", '<p class="empty">mlop recorded no warnings.</p>')
    rows = []
    for run, index, event in events:
        level = event.level if event.level in ("debug", "info", "warning", "error") else "info"
        rows.append(
            f'<tr class="level-{level}"><td class="nowrap">{_escape(_format_time(event.time))}</td>'
            f"<td>{_run_label(run, index)}</td>"
            f'<td><span class="badge level-{level}">{_escape(event.level)}</span></td>'
            f"<td><code>{_escape(event.kind)}</code></td><td>{_escape(event.message)}</td></tr>"
        )
    head = "<tr><th>Time</th><th>Run</th><th>Level</th><th>Kind</th><th>Message</th></tr>"
    count = sum(1 for _, _, event in events if event.level in ("warning", "error"))
    table = f'<div class="card table-wrap"><table class="table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>'
    return _section("events", f"Warnings ({count})", table)


def _console_section(model: ReportModel) -> str:
    parts = []
    for index, run in enumerate(model.runs):
        tail = run.console_tail or b""
        data = tail.encode("utf-8", "replace") if isinstance(tail, str) else bytes(tail)
        clipped = len(data) > CONSOLE_TAIL_BYTES
        if clipped:
            data = data[-CONSOLE_TAIL_BYTES:]
            newline = data.find(b"\n")
            data = data[newline + 1 :] if 0 <= newline < 4096 else data
        body = ansi_to_html(data) if data else '<span class="muted">(no output)</span>'
        note = '<div class="muted small">… earlier output omitted</div>' if clipped else ""
        parts.append(
            f'<details class="console-block" {"open" if index == 0 else ""}><summary>'
            f'{_run_label(run, index)}</summary>{note}<pre class="console">{body}</pre></details>'
        )
    return _section("console", "Console", "".join(parts), "The last part of each run's output.")


def _key_values(values: dict[str, Any]) -> str:
    rows = []
    for key in sorted(values, key=str):
        value = values[key]
        if isinstance(value, (dict, list)):
            text = json.dumps(finite_or_none(value), indent=2, ensure_ascii=False, default=str)
            cell = f'<pre class="json">{_escape(text)}</pre>'
        else:
            cell = _escape(facts.format_param(value))
        rows.append(f'<tr><th scope="row"><code>{_escape(key)}</code></th><td>{cell}</td></tr>')
    return f'<table class="table kv">{"".join(rows)}</table>'


def _context_section(model: ReportModel, include_env: bool) -> str:
    parts = []
    for index, run in enumerate(model.runs):
        context = facts.visible_context(run, include_env=False)
        if run.system_summary:
            context = {**context, "system": run.system_summary}
        if not context:
            continue
        parts.append(
            f'<details class="card context-block"><summary>{_run_label(run, index)}</summary>'
            f"{_key_values(context)}</details>"
        )
    sections = []
    if parts:
        sections.append(_section("context", "Context", "".join(parts)))
    if include_env:
        env_parts = []
        for index, run in enumerate(model.runs):
            for key in facts.ENVIRONMENT_KEYS:
                environment = run.context.get(key)
                if isinstance(environment, dict) and environment:
                    env_parts.append(
                        f'<details class="card context-block"><summary>{_run_label(run, index)}'
                        f"</summary>{_key_values(environment)}</details>"
                    )
        if env_parts:
            sections.append(
                _section(
                    "environment",
                    "Environment",
                    "".join(env_parts),
                    "Included because the report was made with the environment option.",
                )
            )
    return "".join(sections)


def _texts_section(model: ReportModel) -> str:
    parts = []
    for index, run in enumerate(model.runs):
        for name, entries in run.texts.items():
            items = "".join(
                f'<div class="text-entry"><div class="muted small">step {_escape(step)}</div>'
                f'<pre class="text">{_escape(text)}</pre></div>'
                for step, text in entries[-20:]
            )
            parts.append(
                f'<details class="card context-block"><summary>{_run_label(run, index)} '
                f"<code>{_escape(name)}</code></summary>{items}</details>"
            )
    return _section("texts", "Text", "".join(parts)) if parts else ""


# ------------------------------------------------------------------------- assembly


def _chart_data(
    model: ReportModel, metric_names: list[str], max_points: int
) -> tuple[dict[str, Any], list[tuple[str, int]], list[tuple[str, int, int]], str]:
    """Build the page's chart JSON and blob; return it with (name, chart) index lists."""
    packer = SeriesPacker()
    origins = [_time_origin(run) for run in model.runs]
    charts: list[dict[str, Any]] = []
    metric_charts: list[tuple[str, int]] = []
    for name in metric_names:
        traces = []
        for run_index, run in enumerate(model.runs):
            series = run.metrics.get(name)
            if series is None:
                continue
            steps, times, values = downsample(series.steps, series.times, series.values, max_points)
            trace = packer.add(steps, times, values, origins[run_index])
            trace["r"] = run_index
            traces.append(trace)
        metric_charts.append((name, len(charts)))
        charts.append(
            {"kind": "metric", "traces": traces, "system": name.startswith(facts.SYSTEM_PREFIX)}
        )
    histogram_charts: list[tuple[str, int, int]] = []
    histogram_names = sorted({name for run in model.runs for name in run.histograms})
    for name in histogram_names:
        for run_index, run in enumerate(model.runs):
            matrix = _histogram_matrix(run.histograms.get(name) or [])
            if matrix is None:
                continue
            histogram_charts.append((name, run_index, len(charts)))
            charts.append({"kind": "histogram", "r": run_index, **matrix})
    data = {
        "runs": [
            {
                # Plotly renders a subset of HTML in trace names: escape it here.
                "label": html.escape(run.name, quote=False),
                "short": html.escape(_shorten(run.name, 36), quote=False),
                "colour": PALETTE[index % len(PALETTE)],
                "t0": origins[index],
            }
            for index, run in enumerate(model.runs)
        ],
        "charts": charts,
    }
    return data, metric_charts, histogram_charts, packer.finish()


def render_html(
    model: ReportModel, *, include_env: bool = False, max_points: int = DEFAULT_MAX_POINTS
) -> str:
    """Render the model as one self-contained HTML page (data, CSS, JS and plotly.js inline).

    Args:
        model: What to show.
        include_env: Also show each run's environment variables (``context["environment"]``).
        max_points: About how many points each chart line keeps (extremes always survive).

    Returns:
        The HTML document.
    """
    names = facts.metric_names(model)
    data, metric_charts, histogram_charts, blob = _chart_data(model, names, max_points)
    train = [
        (name, index) for name, index in metric_charts if not name.startswith(facts.SYSTEM_PREFIX)
    ]
    system = [
        (name, index) for name, index in metric_charts if name.startswith(facts.SYSTEM_PREFIX)
    ]

    sections = [_runs_section(model), _params_section(model)]
    toc = [("runs", "Runs"), ("params", "Hyperparameters")]
    if train:
        sections.append(_section("metrics", "Metrics", _grouped_charts(train, "metrics")))
        toc.append(("metrics", "Metrics"))
    if system:
        sections.append(_section("system", "System", _grouped_charts(system, "system")))
        toc.append(("system", "System"))
    if histogram_charts:
        cards = "".join(
            _chart_card(chart_index, name, _run_label(model.runs[run_index], run_index))
            for name, run_index, chart_index in histogram_charts
        )
        sections.append(
            _section(
                "histograms",
                "Histograms",
                f'<div class="grid">{cards}</div>',
                "Share of values per bucket (colour) at each step.",
            )
        )
        toc.append(("histograms", "Histograms"))
    summary_html = _metric_summary_section(model, names)
    if summary_html:
        sections.append(summary_html)
        toc.append(("summary", "Metric summary"))
    sections.append(_events_section(model))
    toc.append(("events", "Warnings"))
    texts_html = _texts_section(model)
    if texts_html:
        sections.append(texts_html)
        toc.append(("texts", "Text"))
    sections.append(_console_section(model))
    toc.append(("console", "Console"))
    context_html = _context_section(model, include_env)
    if context_html:
        sections.append(context_html)
        if 'id="context"' in context_html:
            toc.append(("context", "Context"))
        if include_env and 'id="environment"' in context_html:
            toc.append(("environment", "Environment"))

    toc_html = "".join(
        f'<li><a href="#{anchor}">{_escape(label)}</a></li>' for anchor, label in toc
    )
    count = len(model.runs)
    parts = {
        "title": _escape(model.title),
        "run_count": f"{count} run{'s' if count != 1 else ''}",
        "chart_count": str(len(data["charts"])),
        "generated": _escape(_format_time(model.generated_at)),
        "css": _resource("report.css"),
        "toc": toc_html,
        "sections": "".join(sections),
        "data": script_json(data),
        "blob": blob,
        "plotly": _inline_script(plotly_js()),
        "script": _inline_script(_resource("report.js")),
    }
    template = _resource("template.html")
    # One pass: text inserted for one placeholder is never scanned for another.
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], template)
