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


def render_markdown(model: ReportModel) -> str:
    """Render ``model`` as a Markdown summary; see ``mlop_cli.report.markdown``."""
    from mlop_cli.report.markdown import render_markdown as render

    return render(model)


def render_json(model: ReportModel) -> dict[str, Any]:
    """Return the Markdown summary's content as JSON-ready data."""
    from mlop_cli.report.markdown import render_json as render

    return render(model)
