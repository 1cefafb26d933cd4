"""The HTML report: structure and escaping (pure Python), then real headless Chromium."""

from __future__ import annotations

import array
import html as html_lib
import json
import math
import os
import re
from pathlib import Path

import pytest

from mlop_cli.report import (
    GitInfo,
    HistogramSnapshot,
    MetricSeries,
    ReportModel,
    RunEvent,
    RunReport,
    render_html,
)
from tests.browser import Browser, find_chromium

PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "<!--",
    "\u2028",
    "\"'><svg onload=alert(3)>",
)
XSS = "".join(PAYLOADS)
START = 1_700_000_000.0


def _series(count: int, source: str = "console", phase: float = 0.0, offset: float = 0.0):
    steps = array.array("q", range(count))
    times = array.array("d", (START + offset + 0.5 * i for i in range(count)))
    values = array.array(
        "d", (math.exp(-i / (count / 4)) + 0.05 * math.sin(i / 7 + phase) for i in range(count))
    )
    return MetricSeries(source=source, steps=steps, times=times, values=values)


def _histograms(count: int) -> list[HistogramSnapshot]:
    snapshots = []
    for step in range(count):
        centre, width = step / count, 1.0 + step / count
        edges = [centre - 3 * width + i * (6 * width / 30) for i in range(31)]
        counts = [
            math.exp(-(((edges[i] + edges[i + 1]) / 2 - centre) ** 2) / (2 * width**2)) * 100
            for i in range(30)
        ]
        snapshots.append(
            HistogramSnapshot(step=step * 10, time=START + step, edges=edges, counts=counts)
        )
    return snapshots


def sample_model(hostile: bool = False, runs: int = 3) -> ReportModel:
    """A small model of several runs; ``hostile`` puts XSS payloads in every run string."""
    evil = XSS if hostile else ""
    statuses = ["finished", "failed", "killed", "lost", "running"]
    built = []
    for index in range(runs):
        metrics = {
            "train/loss": _series(3000, phase=index),
            "train/accuracy": _series(500, phase=index + 1),
            "eval/loss": _series(40, source="tensorboard", phase=index),
            "sys/cpu_percent": _series(200, source="system", phase=index),
            "sys/gpu0/memory_used": _series(200, source="system", phase=index + 2),
        }
        if hostile and index == 0:
            metrics["train/" + evil] = _series(100, phase=1)
        console = (
            f"\x1b[1mEpoch 1/3\x1b[0m\n\x1b[32mloss=0.5\x1b[0m acc=\x1b[38;5;208m0.7\x1b[0m\n"
            f"progress 10%\rprogress 100%\n\x1b]0;title\x07\x1b[2Kdone {evil}\n"
        ).encode()
        built.append(
            RunReport(
                id=f"run{index:02d}abc",
                name=f"resnet-{index}{evil}",
                project="vision",
                status=statuses[index % len(statuses)],
                exit_code=[0, 1, None, None, None][index % 5],
                signal=[None, None, 9, None, None][index % 5],
                started_at=START + index,
                ended_at=START + index + 3725.0,
                host="gpu-node-1",
                user="ada",
                command=["python", "train.py", "--lr", str(0.001 * (index + 1)), evil],
                git=GitInfo(commit="0123456789abcdef", branch="main", dirty=index == 1),
                tags=["baseline", evil] if hostile else ["baseline"],
                params={
                    "lr": 0.001 * (index + 1),
                    "batch_size": 64,
                    "optimizer": "adam",
                    evil: evil,
                }
                if hostile
                else {"lr": 0.001 * (index + 1), "batch_size": 64, "optimizer": "adam"},
                context={"python": "3.11.7", "environment": {"SECRET_HOME": "/home/ada"}},
                system_summary={"gpus": ["NVIDIA H100"]},
                events=[
                    RunEvent(
                        time=START + 60,
                        level="warning",
                        kind="gpu.idle",
                        message="GPU 0 idle for 60 s" + evil,
                    )
                ],
                console_tail=console,
                metrics=metrics,
                histograms={"grad/layer1": _histograms(30)},
                texts={"notes": [(0, "hello " + evil)]},
            )
        )
    return ReportModel(runs=built, generated_at=START + 7200, title="Report " + evil)


def _script_bodies(page: str) -> list[str]:
    return re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S)


def test_page_is_self_contained_and_has_sections():
    page = render_html(sample_model())
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)  # nothing loaded from outside
    assert "Plotly" in page and "mlop-data" in page
    for anchor in (
        "runs",
        "params",
        "metrics",
        "system",
        "histograms",
        "summary",
        "events",
        "console",
    ):
        assert f'id="{anchor}"' in page
    data = json.loads(
        html_lib.unescape(re.search(r'id="mlop-data">(.*?)</script>', page, re.S).group(1))
    )
    kinds = [chart["kind"] for chart in data["charts"]]
    assert kinds.count("metric") == 5 and kinds.count("histogram") == 3
    assert page.count('class="chart"') == len(kinds)


def test_environment_only_with_include_env():
    assert "SECRET_HOME" not in render_html(sample_model())
    page = render_html(sample_model(), include_env=True)
    assert "SECRET_HOME" in page and 'id="environment"' in page


def test_hostile_strings_never_reach_markup_unescaped():
    page = render_html(sample_model(hostile=True))
    # Four scripts (data, points, plotly, ours): a payload did not close one early.
    assert len(_script_bodies(page)) == 4
    assert page.count("</script>") == 4
    data_text = re.search(r'id="mlop-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data_text and "\u2028" not in data_text and "&" not in data_text
    body = page.split("<script", 1)[0]
    assert "<img" not in body and "<svg" not in body and "<!--" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body


def test_nan_and_inf_values_render():
    model = sample_model(runs=1)
    model.runs[0].metrics["train/loss"] = MetricSeries(
        source="console",
        steps=[0, 1, 2, 3],
        times=[START, START + 1, START + 2, START + 3],
        values=[1.0, math.nan, 0.5, math.inf],
    )
    page = render_html(model)
    assert "NaN" not in re.search(r'id="mlop-data">(.*?)</script>', page, re.S).group(1)
    # Summary: last is inf, min and max skip the non-finite points.
    row = re.search(r"<code>train/loss</code>.*?</tr>", page, re.S).group(0)
    assert re.findall(r'class="num">([^<]*)<', row)[:3] == ["inf", "0.5", "1"]


# ------------------------------------------------------------------------ in a browser

CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium/chrome executable found (set MLOP_CHROMIUM)"
)


def _artifact_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("MLOP_TEST_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no chromium")
    with Browser(CHROMIUM) as instance:
        yield instance


@needs_chromium
def test_browser_draws_every_chart_without_errors(browser, tmp_path):
    model = sample_model()
    path = tmp_path / "report.html"
    path.write_text(render_html(model), encoding="utf-8")
    browser.open(path, fragment="all")
    expected = browser.evaluate("window.mlopReport.charts")
    assert expected == 8
    browser.wait_until(f"document.querySelectorAll('.chart.drawn').length >= {expected}")
    assert browser.evaluate("document.querySelectorAll('.js-plotly-plot').length") == expected
    # Each chart holds plotly's SVG with at least one drawn trace or heatmap.
    assert (
        browser.evaluate(
            "Array.from(document.querySelectorAll('.js-plotly-plot'))"
            ".filter(e => e.querySelector('.main-svg .scatterlayer .trace, .main-svg image, .heatmaplayer')).length"
        )
        == expected
    )
    # Every run is a line in the loss chart.
    assert browser.evaluate("document.querySelector('[data-chart=\"0\"]').data.length") == 3
    browser.evaluate(
        "(() => { const s = document.getElementById('smoothing'); s.value = '0.6';"
        " s.dispatchEvent(new Event('input')); })()"
    )
    browser.wait_until("document.querySelector('[data-chart=\"0\"]').data.length === 6")
    browser.evaluate(
        "(() => { const x = document.getElementById('x-axis'); x.value = 'wall';"
        " x.dispatchEvent(new Event('change')); })()"
    )
    browser.wait_until("document.querySelector('[data-chart=\"0\"]').layout.xaxis.type === 'date'")
    assert browser.console_errors == [] and browser.exceptions == [] and browser.dialogs == []
    browser.evaluate(
        "(() => { const s = document.getElementById('smoothing'); s.value = '0';"
        " s.dispatchEvent(new Event('input'));"
        " const x = document.getElementById('x-axis'); x.value = 'step';"
        " x.dispatchEvent(new Event('change')); })()"
    )
    browser.wait_until("document.querySelector('[data-chart=\"0\"]').data.length === 3")
    shot = browser.screenshot(_artifact_dir(tmp_path) / "report.png")
    print(f"screenshot: {shot}")


@needs_chromium
def test_browser_draws_lazily(browser, tmp_path):
    model = sample_model()
    path = tmp_path / "lazy.html"
    path.write_text(render_html(model), encoding="utf-8")
    browser.open(path)
    browser.wait_until("window.mlopReport.ready && window.mlopReport.drawn > 0")
    first = browser.evaluate("document.querySelectorAll('.chart.drawn').length")
    assert 0 < first < 8  # only charts near the viewport
    browser.evaluate("document.getElementById('histograms').scrollIntoView()")
    browser.wait_until("document.querySelectorAll('.chart.drawn').length > " + str(first))
    assert browser.console_errors == [] and browser.exceptions == []


@needs_chromium
def test_browser_keeps_payloads_inert(browser, tmp_path):
    model = sample_model(hostile=True)
    path = tmp_path / "hostile.html"
    path.write_text(render_html(model, include_env=True), encoding="utf-8")
    browser.open(path, fragment="all")
    expected = browser.evaluate("window.mlopReport.charts")
    browser.wait_until(f"document.querySelectorAll('.chart.drawn').length >= {expected}")
    browser.evaluate("new Promise(r => setTimeout(r, 300))")  # give any onerror a chance
    assert browser.dialogs == []
    assert browser.evaluate("document.querySelectorAll('img, svg[onload], [onerror]').length") == 0
    text = browser.evaluate("document.body.innerText")
    for payload in (
        "<img src=x onerror=alert(1)>",
        "</script><script>alert(2)</script>",
        "<svg onload=alert(3)>",
    ):
        assert payload in text
    # The hostile run name reached the chart legend as text.
    legend = browser.evaluate(
        "Array.from(document.querySelectorAll('.legendtext')).map(e => e.textContent).join('\\n')"
    )
    assert "<img src=x onerror=" in legend  # names longer than 36 characters are cut
    assert browser.console_errors == [] and browser.exceptions == []
    shot = browser.screenshot(_artifact_dir(tmp_path) / "hostile.png", full_page=True)
    print(f"screenshot: {shot}")
