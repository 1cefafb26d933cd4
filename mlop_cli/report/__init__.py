"""The report: one self-contained HTML file, a Markdown summary, and the same summary as data.

Import the renderers from their modules (``mlop_cli.report.html``, ``.markdown``); this
package imports nothing heavy, so ``mlop --help`` stays fast.
"""

from __future__ import annotations

from typing import Any

from mlop_cli.report.model import (
    GitInfo,
    HistogramSnapshot,
    MetricSeries,
    MetricSummary,
    ReportModel,
    RunEvent,
    RunReport,
)

__all__ = [
    "GitInfo",
    "HistogramSnapshot",
    "MetricSeries",
    "MetricSummary",
    "ReportModel",
    "RunEvent",
    "RunReport",
    "render_html",
    "render_json",
    "render_markdown",
]


def render_html(model: ReportModel, *, include_env: bool = False, **options: Any) -> str:
    """Render ``model`` as one self-contained HTML page; see ``mlop_cli.report.html``."""
    from mlop_cli.report.html import render_html as render

    return render(model, include_env=include_env, **options)


def render_markdown(model: ReportModel, *, system: bool = False) -> str:
    """Render ``model`` as a Markdown summary (``sys/…`` metrics only with ``system``); see
    ``mlop_cli.report.markdown``."""
    from mlop_cli.report.markdown import render_markdown as render

    return render(model, system=system)


def render_json(model: ReportModel, *, system: bool = False) -> dict[str, Any]:
    """Return the Markdown summary's content as JSON-ready data (``sys/…`` only with
    ``system``)."""
    from mlop_cli.report.markdown import render_json as render

    return render(model, system=system)
