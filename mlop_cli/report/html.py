"""Render a report model as one self-contained, offline HTML file.

Tables, text and the console are rendered here, on the server side, with every string from
a run HTML-escaped. Charts are drawn in the browser by plotly.js (inlined from the installed
``plotly`` package) from data embedded in the page: a JSON element for the structure and a
compressed binary blob for the points (see ``_pack``). Charts are created lazily as they
scroll into view; the URL hash ``#all`` opens every section and draws every chart at once.

The page reads top-down in the order a person checks a run: the training charts (so the first
screen shows them), their summary, the runs and their parameters, histograms, then the system
metrics (grouped, in their units, against time; folded away when several runs are compared),
warnings, console and context. One sidebar legend colours each run the same everywhere.
"""

from __future__ import annotations

import datetime as _datetime
import html
import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from mlop_cli import units
from mlop_cli.report import _system as system_panels
from mlop_cli.report import summary as facts
from mlop_cli.report._ansi import ansi_to_html
from mlop_cli.report._epochs import epoch_columns, is_epoch_metric
from mlop_cli.report._json import finite_or_none, script_json
from mlop_cli.report._pack import SeriesPacker
from mlop_cli.report.downsample import DEFAULT_MAX_POINTS, as_float_array, downsample_series
from mlop_cli.report.model import HistogramSnapshot, MetricSeries, ReportModel, RunReport

# Tableau 10: distinct, colour-blind-friendlier than plotly's defaults, readable on white.
# Beyond ten runs colours step round the hue circle by the golden angle (see run_colour).
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
CONSOLE_TAIL_BYTES = 256 * 1024
# The epoch x axis is the default when every training line has an epoch for at least this
# share of its points (a closing "Best val_acc" line has none; a line with none at all keeps
# the default on step).
EPOCH_DEFAULT_COVERAGE = 0.5
# Up to this many training metrics share one grid; more are grouped by their name's prefix.
FLAT_TRAINING_PANELS = 12
HISTOGRAM_STEPS = 120
HISTOGRAM_BINS = 48
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_GPU_FACT = re.compile(r"^gpu(\d+) (?:name|(mean util %))$")


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
            .joinpath("package_data")
            .joinpath("plotly.min.js")
            .read_text(encoding="utf-8")
        )
    except (FileNotFoundError, ModuleNotFoundError):  # older layouts of the package
        from plotly.offline import get_plotlyjs  # type: ignore[import-untyped]

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


def run_colour(index: int) -> str:
    """The colour of the run at ``index``: the same in every chart, table and the legend.

    Tableau 10 first; then hues a golden angle apart, so no two of many runs look alike.
    """
    if index < len(PALETTE):
        return PALETTE[index]
    hue = (index - len(PALETTE)) * 137.508 + 20.0
    lightness = (38, 48, 58)[index % 3]
    return f"hsl({hue % 360:.0f}, 60%, {lightness}%)"


def _run_label(run: RunReport, index: int) -> str:
    colour = run_colour(index)
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


# ----------------------------------------------------------------------------- panels


@dataclass
class _Panel:
    """One metric on the page: a chart (``chart`` is its index in the page data) or, when each
    run has a single value of it, a value card (``html``)."""

    name: str
    system: bool
    chart: int | None = None
    html: str = ""


@dataclass
class _Charts:
    """What the chart data holds, for the page's structure."""

    data: dict[str, Any]
    blob: str
    panels: list[_Panel] = field(default_factory=list)
    histograms: list[tuple[str, int, int]] = field(default_factory=list)

    def training(self) -> list[_Panel]:
        return [panel for panel in self.panels if not panel.system]

    def system(self) -> list[_Panel]:
        return [panel for panel in self.panels if panel.system]


def _chart_card(chart_index: int, title: str, subtitle: str = "", name: str = "") -> str:
    sub = f'<span class="muted small">{subtitle}</span>' if subtitle else ""
    metric = f' data-metric="{_escape(name)}"' if name else ""
    return (
        f'<div class="card chart-card"{metric}><div class="card-title"><span class="metric-name">'
        f"{_escape(title)}</span>{sub}</div>"
        f'<div class="chart" data-chart="{chart_index}"></div></div>'
    )


def _titles(name: str, system: bool) -> tuple[str, str]:
    """(title, subtitle HTML) of a metric's card: system metrics in words, their name below."""
    if system:
        return system_panels.label_of(name), f"<code>{_escape(name)}</code>"
    return name, ""


def _value_card(
    model: ReportModel, name: str, system: bool, members: list[tuple[int, MetricSeries]]
) -> str:
    """A metric each run has one value of (or one constant value, or an epoch counter)."""
    import numpy as np

    title, subtitle = _titles(name, system)
    rows = []
    for run_index, series in members:
        values = as_float_array(series.values)
        value = float(values[-1]) if len(values) else math.nan
        count = series.summary.count if series.summary is not None else len(values)
        shown = units.format_value(name, value) if system else units.format_number(value)
        steps = as_float_array(series.steps)
        if count == 1 and not system and len(steps):
            where = f"step {units.format_number(float(steps[-1]))}"
        elif count == 1:
            where = "one sample"
        elif len(values) and not np.all(values == values[0]):
            where = f"last of {units.format_number(count)} points"
        else:
            where = f"all {units.format_number(count)} {'samples' if system else 'points'}"
        label = _run_label(model.runs[run_index], run_index) if len(model.runs) > 1 else ""
        rows.append(
            f'<tr><td class="value-run">{label}</td><td class="value num">{_escape(shown)}</td>'
            f'<td class="muted small">{_escape(where)}</td></tr>'
        )
    sub = f'<span class="muted small">{subtitle}</span>' if subtitle else ""
    return (
        f'<div class="card value-card" data-metric="{_escape(name)}"><div class="card-title">'
        f'<span class="metric-name">{_escape(title)}</span>{sub}</div>'
        f'<table class="values">{"".join(rows)}</table></div>'
    )


def _grid(panels: list[_Panel], titles: dict[str, tuple[str, str]]) -> str:
    cards = "".join(
        _chart_card(panel.chart, titles[panel.name][0], titles[panel.name][1], panel.name)
        for panel in panels
        if panel.chart is not None
    )
    values = "".join(panel.html for panel in panels if panel.chart is None)
    parts = []
    if cards:
        parts.append(f'<div class="grid">{cards}</div>')
    if values:
        parts.append(f'<div class="values-grid">{values}</div>')
    return "".join(parts)


def _group(anchor: str, title: str, panels: list[_Panel], body: str, opened: bool = True) -> str:
    charts = sum(1 for panel in panels if panel.chart is not None)
    count = f"{charts} chart{'s' if charts != 1 else ''}"
    values = len(panels) - charts
    if values:
        count += f", {values} value{'s' if values != 1 else ''}"
    return (
        f'<details class="group" {"open" if opened else ""} id="{anchor}"><summary>'
        f'<span class="group-name">{_escape(title)}</span> <span class="count">{count}</span>'
        f"</summary>{body}</details>"
    )


def _training_section(model: ReportModel, panels: list[_Panel]) -> str:
    if not panels:
        return _section(
            "metrics", "Training metrics", '<p class="empty">No training metrics recorded.</p>'
        )
    titles = {panel.name: _titles(panel.name, False) for panel in panels}
    groups: dict[str, list[_Panel]] = {}
    for panel in panels:
        groups.setdefault(facts.group_of(panel.name), []).append(panel)
    # Few charts flow in one grid, so the first screen holds as many as fit; many are
    # grouped by their name's first part into sections that fold.
    if len(groups) == 1 or len(panels) <= FLAT_TRAINING_PANELS:
        body = _grid(panels, titles)
    else:
        body = "".join(
            _group(_anchor("metrics", group or "ungrouped"), group or "ungrouped", members,
                   _grid(members, titles))
            for group, members in groups.items()
        )  # fmt: skip
    return _section("metrics", "Training metrics", body)


def _system_facts_table(model: ReportModel) -> str:
    labels = {
        "proc_peak_rss_bytes": "Peak memory (RSS)",
        "proc_mean_cpu_percent": "Mean CPU",
        "gpus_used": "GPUs used",
        "gpu_hours": "GPU hours",
        "energy_wh": "GPU energy",
        "cpu": "CPU model",
        "cpu count": "CPUs",
    }
    keys: list[str] = []
    for run in model.runs:
        keys += [key for key in run.system_summary if key not in keys]
    if not keys:
        return ""
    head = "<tr><th>Fact</th>" + "".join(
        f"<th>{_run_label(run, index)}</th>" for index, run in enumerate(model.runs)
    )
    rows = []
    for key in keys:
        cells = []
        for run in model.runs:
            value = run.system_summary.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                shown = units.format_value(key, value)
                if key.endswith(" %"):
                    shown += "%"
            else:
                shown = "-" if value is None else str(value)
            cells.append(f"<td>{_escape(shown)}</td>")
        label = labels.get(key) or _GPU_FACT.sub(
            lambda found: f"GPU {found.group(1)}" + (" mean utilisation" if found.group(2) else ""),
            key,
        )
        rows.append(f'<tr><th scope="row">{_escape(label)}</th>{"".join(cells)}</tr>')
    return (
        f'<div class="card table-wrap facts"><table class="table"><thead>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _system_section(model: ReportModel, panels: list[_Panel], time_unit: str) -> str:
    facts_html = _system_facts_table(model)
    if not panels and not facts_html:
        return ""
    titles = {panel.name: _titles(panel.name, True) for panel in panels}
    groups: dict[tuple[int, int, str], tuple[str, list[_Panel]]] = {}
    for panel in sorted(panels, key=lambda panel: system_panels.order_of(panel.name)):
        key, title = system_panels.group_of(panel.name)
        groups.setdefault(key, (title, []))[1].append(panel)
    body = facts_html + "".join(
        _group(_anchor("system", key[2]), title, members, _grid(members, titles),
               opened=key[2] != "cores")
        for key, (title, members) in sorted(groups.items())
    )  # fmt: skip
    charts = sum(1 for panel in panels if panel.chart is not None)
    names = ", ".join(title for title, _ in (groups[key] for key in sorted(groups)))
    # Several runs: the comparison is about training, so the machine's charts wait folded.
    opened = len(model.runs) == 1 or not any(
        not facts.is_system(name) for run in model.runs for name in run.metrics
    )
    note = (
        f"{charts} chart{'s' if charts != 1 else ''}"
        + (f" · {_escape(names)}" if names else "")
        + f" · against time since each run started ({_escape(time_unit)})"
    )
    return (
        f'<section id="system" class="section"><details class="fold" {"open" if opened else ""}>'
        f'<summary><h2>System</h2><span class="fold-note">{note}</span></summary>'
        f"{body}</details></section>"
    )


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
            direction = facts.direction(name)
            better = {"min": "lower is better", "max": "higher is better"}.get(direction or "")
            metric_cell = (
                f'<th scope="rowgroup" rowspan="{len(present)}"><code>{_escape(name)}</code>'
                + (f'<div class="muted small">{better}</div>' if better else "")
                + "</th>"
                if position == 0
                else ""
            )
            best = (
                "-"
                if summary.best_step is None or direction is None
                else units.format_number(summary.best_step)
            )
            rows.append(
                f'<tr class="{"first" if position == 0 else ""}">{metric_cell}'
                f"<td>{_run_label(run, index)}</td>"
                f'<td class="num">{_escape(units.format_number(summary.last))}</td>'
                f'<td class="num">{_escape(units.format_number(summary.min))}</td>'
                f'<td class="num">{_escape(units.format_number(summary.max))}</td>'
                f'<td class="num">{_escape(units.format_number(summary.count))}</td>'
                f'<td class="num">{_escape(best)}</td></tr>'
            )
    table = f'<div class="card table-wrap"><table class="table summary"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>'
    return _section(
        "summary",
        "Metric summary",
        table,
        "Training metrics, computed from every point, not the downsampled charts.",
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
    table = f'<div class="card table-wrap"><table class="table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>'
    return _section("events", _events_title(model), table)


def _events_title(model: ReportModel) -> str:
    """`Warnings (N)`, and the notes beside them when mlop recorded some (a section of five
    notes is never titled `Warnings (0)` alone)."""
    warned = len(facts.warnings(model))
    notes = sum(len(run.events) for run in model.runs) - warned
    return f"Warnings ({warned})" + (f" and notes ({notes})" if notes else "")


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


def _time_unit(model: ReportModel, prepared: list[dict[str, MetricSeries]]) -> tuple[str, int]:
    """The unit of the relative time axis: seconds, minutes or hours, by the longest run."""
    longest = 0.0
    for run, metrics in zip(model.runs, prepared, strict=True):
        origin = _time_origin(run)
        for series in metrics.values():
            times = as_float_array(series.times)
            if len(times) and math.isfinite(times[-1]):
                longest = max(longest, float(times[-1]) - origin)
        duration = facts.run_duration(run)
        if duration is not None and math.isfinite(duration):
            longest = max(longest, duration)
    if longest <= 300:
        return "s", 1
    if longest <= 5 * 3600:
        return "min", 60
    return "h", 3600


def _single_valued(name: str, members: list[tuple[int, MetricSeries]]) -> bool:
    """Whether a metric is shown as a value: each run has one point of it, or one value all
    along for a metric without a direction (a GPU's memory total, a constant ``lr``), or it
    counts epochs (``train/epoch``: a rising line the same for every run; its last value says
    how far a run got, and the epoch x axis shows the rest)."""
    import numpy as np

    counts = [len(series.values) for _, series in members]
    if all(count == 1 for count in counts) or is_epoch_metric(name):
        return True
    if facts.direction(name) is not None:
        return False  # a score stuck at one value is worth seeing as a line
    for _, series in members:
        values = as_float_array(series.values)
        if len(values) == 0 or not np.all(values == values[0]):
            return False
    return True


def _build_charts(model: ReportModel, max_points: int) -> _Charts:
    """Downsample every series, decide chart or value per metric, pack the points."""
    import numpy as np

    packer = SeriesPacker()
    origins = [_time_origin(run) for run in model.runs]
    prepared = [
        {name: downsample_series(series, max_points) for name, series in run.metrics.items()}
        for run in model.runs
    ]
    epochs = [epoch_columns(metrics) for metrics in prepared]
    time_unit, time_scale = _time_unit(model, prepared)
    charts: list[dict[str, Any]] = []
    panels: list[_Panel] = []
    has_epochs, all_covered = False, True
    # The training charts share one x range on the epoch and relative-time axes, so the
    # metrics of a run line up chart under chart (steps may count differently per source).
    spans: dict[str, list[float]] = {"epoch": [], "relative": []}
    for name in facts.metric_names(model):
        system = facts.is_system(name)
        members = [
            (index, metrics[name]) for index, metrics in enumerate(prepared) if name in metrics
        ]
        if _single_valued(name, members):
            panels.append(_Panel(name, system, html=_value_card(model, name, system, members)))
            continue
        peak = 0.0
        if system:
            for _, series in members:
                finite = np.abs(as_float_array(series.values))
                finite = finite[np.isfinite(finite)]
                if len(finite):
                    peak = max(peak, float(finite.max()))
        scale = units.chart_scale(name, peak)
        if system and not scale.unit:
            scale = units.Scale(system_panels.count_unit(name))
        traces = []
        lowest = math.inf
        for run_index, series in members:
            values = as_float_array(series.values)
            if scale.divisor != 1.0:
                values = values / scale.divisor
            finite = values[np.isfinite(values)]
            if len(finite):
                lowest = min(lowest, float(finite.min()))
            column = None if system else epochs[run_index].get(name)
            if not system and len(values) > 1:
                known = 0.0 if column is None else float(np.isfinite(column).mean())
                has_epochs = has_epochs or known > 0
                all_covered = all_covered and known >= EPOCH_DEFAULT_COVERAGE
            if not system:
                _extend(spans["epoch"], column)
                times = as_float_array(series.times)
                _extend(spans["relative"], (times - origins[run_index]) / time_scale)
            trace = packer.add(series.steps, series.times, values, origins[run_index], column)
            trace["r"] = run_index
            traces.append(trace)
        chart: dict[str, Any] = {"kind": "metric", "system": system, "unit": scale.unit}
        if system and lowest >= 0:
            chart["zero"] = True  # amounts (memory, power, %): the axis starts at zero
            if scale.unit == "%" and peak <= 100:
                chart["range"] = [0, 100]
        chart["traces"] = traces
        panels.append(_Panel(name, system, chart=len(charts)))
        charts.append(chart)
    histograms: list[tuple[str, int, int]] = []
    for name in sorted({name for run in model.runs for name in run.histograms}):
        for run_index, run in enumerate(model.runs):
            matrix = _histogram_matrix(run.histograms.get(name) or [])
            if matrix is None:
                continue
            histograms.append((name, run_index, len(charts)))
            charts.append({"kind": "histogram", "r": run_index, **matrix})
    training = any(not panel.system and panel.chart is not None for panel in panels)
    options = (["step", "epoch"] if has_epochs else ["step"]) if training else []
    options += ["relative", "wall"]
    default = "epoch" if has_epochs and all_covered else "step" if training else "relative"
    data = {
        "runs": [
            {
                # Plotly renders a subset of HTML in trace names: escape it here.
                "label": html.escape(run.name, quote=False),
                "short": html.escape(_shorten(run.name, 36), quote=False),
                "colour": run_colour(index),
                "t0": origins[index],
            }
            for index, run in enumerate(model.runs)
        ],
        "x": {
            "options": options,
            "default": default,
            "time": [time_unit, time_scale],
            "ranges": {axis: span for axis, span in spans.items() if span and span[1] > span[0]},
        },
        "charts": charts,
    }
    return _Charts(data, packer.finish(), panels, histograms)


def _extend(span: list[float], column: Any) -> None:
    """Widen ``span`` (empty, or [low, high]) to the finite values of ``column``."""
    import numpy as np

    if column is None:
        return
    finite = np.asarray(column, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    if not len(finite):
        return
    low, high = float(finite.min()), float(finite.max())
    if span:
        low, high = min(low, span[0]), max(high, span[1])
    span[:] = [low, high]


_X_LABELS = {"step": "step", "epoch": "epoch", "relative": "relative time", "wall": "wall time"}


def _x_options(data: dict[str, Any]) -> str:
    default = data["x"]["default"]
    return "".join(
        f'<option value="{option}"{" selected" if option == default else ""}>'
        f"{_X_LABELS[option]}</option>"
        for option in data["x"]["options"]
    )


def _legend(model: ReportModel) -> str:
    """The one legend of every chart: each run's colour, name, status and differing params."""
    differing = facts.differing_params(model)[:3]
    items = []
    for index, run in enumerate(model.runs):
        params = " · ".join(
            f"{key}={facts.format_param(run.params[key])}" for key in differing if key in run.params
        )
        detail = f'<span class="legend-params">{_escape(params)}</span>' if params else ""
        items.append(
            f'<li><button type="button" class="legend-run" data-run="{index}" aria-pressed="true"'
            f' title="show or hide this run in every chart">'
            f'<span class="swatch" style="background:{run_colour(index)}"></span>'
            f'<span class="legend-text"><span class="run-name">{_escape(run.name)}</span>'
            f"{detail}</span>{_status_badge(run.status)}</button></li>"
        )
    return f'<ul class="run-legend" id="run-legend">{"".join(items)}</ul>'


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
    built = _build_charts(model, max_points)
    training, system = built.training(), built.system()
    time_unit = built.data["x"]["time"][0]

    sections = [_training_section(model, training)]
    toc = [("metrics", f"Training metrics ({len(training)})")]
    summary_html = _metric_summary_section(model, facts.metric_names(model, system=False))
    if summary_html:
        sections.append(summary_html)
        toc.append(("summary", "Metric summary"))
    sections += [_runs_section(model), _params_section(model)]
    toc += [("runs", "Runs"), ("params", "Hyperparameters")]
    if built.histograms:
        cards = "".join(
            _chart_card(chart_index, name, _run_label(model.runs[run_index], run_index))
            for name, run_index, chart_index in built.histograms
        )
        sections.append(
            _section(
                "histograms",
                "Histograms",
                f'<div class="grid">{cards}</div>',
                "Share of values per bucket (colour) at each step.",
            )
        )
        toc.append(("histograms", f"Histograms ({len(built.histograms)})"))
    system_html = _system_section(model, system, time_unit)
    if system_html:
        sections.append(system_html)
        toc.append(("system", f"System ({len(system)})"))
    sections.append(_events_section(model))
    toc.append(("events", _events_title(model)))
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
        "chart_count": str(len(built.data["charts"])),
        "generated": _escape(_format_time(model.generated_at)),
        "css": _resource("report.css"),
        "legend": _legend(model),
        "x_options": _x_options(built.data),
        "toc": toc_html,
        "sections": "".join(sections),
        "data": script_json(built.data),
        "blob": built.blob,
        "plotly": _inline_script(plotly_js()),
        "script": _inline_script(_resource("report.js")),
    }
    template = _resource("template.html")
    # One pass: text inserted for one placeholder is never scanned for another.
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], template)
