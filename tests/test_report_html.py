"""The HTML report: structure and escaping (pure Python), then real headless Chromium driven by
Playwright: the order of the sections, the folded system section, units on the axes, the first
screen, the toolbar, one colour per run and the epoch axis."""

from __future__ import annotations

import array
import base64
import html as html_lib
import json
import math
import os
import re
import zlib
from pathlib import Path
from typing import Any

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
from tests.chromium import file_url, launched, require_chromium, watch
from tests.conftest import run_mlop

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


def _scaled(series: MetricSeries, factor: float, offset: float = 0.0) -> MetricSeries:
    values = array.array("d", (offset + factor * value for value in series.values))
    return MetricSeries(series.source, series.steps, series.times, values)


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
            "sys/cpu_percent": _scaled(_series(200, source="system", phase=index), 80.0, 5.0),
            "sys/proc/rss_bytes": _scaled(_series(200, "system", index + 2), 2.0**30, 2.4e10),
            "sys/gpu0/temp_c": _scaled(_series(200, source="system", phase=index), 20.0, 50.0),
            "sys/gpu0/mem_total_bytes": _scaled(_series(200, source="system"), 0.0, 85899345920),
            "eval/best_acc": MetricSeries("console", [40], [START + 60], [0.9 + index / 100]),
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
    # 3 training + 3 system charts; eval/best_acc (one point) and the constant GPU memory
    # total are values, not charts.
    assert kinds.count("metric") == 6 and kinds.count("histogram") == 3
    assert page.count('class="chart"') == len(kinds)
    assert page.count('class="card value-card"') == 2


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


def _page_data(page: str) -> dict[str, Any]:
    found = re.search(r'id="mlop-data">(.*?)</script>', page, re.S)
    assert found, "the page has its chart data"
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def _decode(page: str, trace: dict[str, Any]) -> dict[str, Any]:
    """The points of one packed trace, decoded as the page's script does (see _pack.py)."""
    import numpy as np

    from mlop_cli.report._pack import js_round

    found = re.search(r'id="mlop-points">(.*?)</script>', page, re.S)
    assert found, "the page has its points"
    raw = np.frombuffer(zlib.decompress(base64.b64decode(found.group(1))), dtype=np.uint8)
    n, offset = trace["n"], trace["o"]

    def column(start: int, width: int, dtype: str) -> Any:
        part = raw[offset + start : offset + start + n * width].reshape(width, n).T.copy()
        return part.view(dtype).ravel()

    steps = np.cumsum(column(0, 8, "<f8"))
    epochs = None
    if trace.get("e"):
        deltas = column(20 * n, 8, "<f8")
        epochs, total, previous = np.full(n, np.nan), 0.0, 0.0
        for i in range(n):
            if math.isnan(deltas[i]):
                continue
            total += deltas[i]
            if trace["e"] == 2:  # step-predicted: add back round(ratio x steps since last)
                total += js_round((steps[i] - previous) * trace["er"])
            previous = steps[i]
            epochs[i] = total / 1e6
    return {
        "steps": steps,
        "values": column(16 * n, 4, "<f4"),
        "epochs": epochs,
    }


def _section_ids(page: str) -> list[str]:
    return re.findall(r'<section id="([a-z]+)"', page)


def test_training_metrics_come_first_and_system_metrics_after_the_runs():
    ids = _section_ids(render_html(sample_model()))
    assert ids[0] == "metrics"
    order = ["metrics", "summary", "runs", "params", "histograms", "system", "events", "console"]
    assert [anchor for anchor in ids if anchor in order] == order


def test_system_section_is_folded_with_several_runs_and_open_with_one():
    folded = re.search(
        r'<section id="system"[^>]*><details class="fold" ?>', render_html(sample_model())
    )
    assert folded, "the system section of a 3-run report is folded"
    single = render_html(sample_model(runs=1))
    assert re.search(r'<section id="system"[^>]*><details class="fold" open>', single)


def test_system_metrics_are_grouped_titled_and_scaled_to_their_unit():
    page = render_html(sample_model())
    system = page[page.index('<section id="system"') : page.index('<section id="events"')]
    groups = re.findall(r'<span class="group-name">([^<]*)</span>', system)
    assert groups == ["Process tree", "Machine", "GPU 0"]
    assert ">Memory (RSS)<" in system and ">Temperature<" in system
    data = _page_data(page)
    cards = dict(
        re.findall(r'class="card chart-card" data-metric="([^"]+)">.*?data-chart="(\d+)"', page)
    )
    rss = data["charts"][int(cards["sys/proc/rss_bytes"])]
    assert rss["unit"] == "GiB" and rss["system"] is True and rss["zero"] is True
    values = _decode(page, rss["traces"][0])["values"]
    assert 21 < values.min() and values.max() < 24  # 2.4e10 bytes is about 22.4 GiB
    assert data["charts"][int(cards["sys/gpu0/temp_c"])]["unit"] == "°C"
    cpu = data["charts"][int(cards["sys/cpu_percent"])]
    assert cpu["unit"] == "%" and cpu["range"] == [0, 100]
    # A value that never changed (the GPU's memory total) is a value with its unit.
    total = re.search(r'data-metric="sys/gpu0/mem_total_bytes">.*?</table>', page, re.S).group(0)
    assert "80.0 GiB" in total and "all 200 samples" in total


def test_single_point_metric_is_a_value_and_summary_leaves_system_out():
    page = render_html(sample_model())
    card = re.search(r'data-metric="eval/best_acc">.*?</table>', page, re.S).group(0)
    assert "0.91" in card and "step 40" in card and "data-chart" not in card
    summary = page[page.index('<section id="summary"') : page.index('<section id="runs"')]
    assert "sys/" not in summary
    assert "lower is better" in summary and "higher is better" in summary


def test_directions_only_where_they_mean_something():
    model = sample_model(runs=2)
    for run in model.runs:
        run.metrics["lr"] = MetricSeries(
            "console", [0, 1, 2], [START, START + 1, START + 2], [3e-4, 2e-4, 1e-4]
        )
    page = render_html(model)
    summary = page[page.index('<section id="summary"') : page.index('<section id="runs"')]
    lr = re.search(r"<code>lr</code>(.*?)</tr>", summary, re.S).group(1)
    assert "better" not in lr
    assert re.findall(r'class="num">([^<]*)<', lr)[-1] == "-"  # no best step
    loss = re.search(r"<code>train/loss</code>(.*?)</tr>", summary, re.S).group(1)
    assert "lower is better" in loss and re.findall(r'class="num">([^<]*)<', loss)[-1] != "-"


def test_runs_keep_one_colour_everywhere_and_many_runs_stay_distinct():
    from mlop_cli.report.html import run_colour

    model = sample_model(runs=3)
    data = _page_data(render_html(model))
    assert [run["colour"] for run in data["runs"]] == [run_colour(i) for i in range(3)]
    colours = [run_colour(i) for i in range(40)]
    assert len(set(colours)) == 40


def test_epochs_travel_with_points_and_derive_from_an_epoch_metric():
    run = sample_model(runs=1).runs[0]
    steps = list(range(10, 210, 10))
    run.metrics = {
        # Batch metrics at global steps with fractional epochs; a closing line without one.
        "loss": MetricSeries(
            "console",
            steps + [201],
            [START + s for s in steps] + [START + 201],
            [1 / s for s in steps] + [0.001],
            epochs=[s / 50 for s in steps] + [math.nan],
        ),
        # Validation at the end of each epoch, its step counting epochs.
        "val_acc": MetricSeries(
            "console",
            [1, 2, 3, 4],
            [START + 50 * e for e in (1, 2, 3, 4)],
            [0.5, 0.6, 0.7, 0.8],
            epochs=[1.0, 2.0, 3.0, 4.0],
        ),
        # TensorBoard: no epochs on the points, but HF-style train/epoch at the same steps.
        "train/epoch": MetricSeries("tensorboard", [0, 100, 200], [START] * 3, [0.0, 2.0, 4.0]),
        "eval/loss": MetricSeries("tensorboard", [50, 100, 150], [START] * 3, [0.9, 0.8, 0.7]),
    }
    page = render_html(ReportModel(runs=[run], generated_at=START))
    data = _page_data(page)
    assert data["x"]["options"] == ["step", "epoch", "relative", "wall"]
    cards = dict(
        re.findall(r'class="card chart-card" data-metric="([^"]+)">.*?data-chart="(\d+)"', page)
    )
    loss = _decode(page, data["charts"][int(cards["loss"])]["traces"][0])
    assert list(loss["epochs"][:3]) == [0.2, 0.4, 0.6] and math.isnan(loss["epochs"][-1])
    assert list(_decode(page, data["charts"][int(cards["val_acc"])]["traces"][0])["epochs"]) == [
        1,
        2,
        3,
        4,
    ]
    assert list(_decode(page, data["charts"][int(cards["eval/loss"])]["traces"][0])["epochs"]) == [
        1,
        2,
        3,
    ]
    # Every line but the closing point has epochs: the epoch axis is the default.
    assert data["x"]["default"] == "epoch"
    # The epoch counter itself is a value (how far the run got), not a rising line.
    assert "train/epoch" not in cards
    counter = re.search(r'data-metric="train/epoch">.*?</table>', page, re.S)
    assert counter and ">4<" in counter.group(0) and "last of 3 points" in counter.group(0)
    assert re.search(r'<option value="epoch" selected>', page)


def test_a_console_epoch_metric_places_no_other_console_metric():
    """Console steps may count each metric's own lines (an HF dict without a step): only
    TensorBoard's global steps let an epoch scalar place the other scalars."""
    from mlop_cli.report._epochs import epoch_columns

    columns = epoch_columns(
        {
            "epoch": MetricSeries("console", [1, 2, 3], [START] * 3, [0.5, 1.0, 1.5]),
            "eval_loss": MetricSeries("console", [1, 2], [START] * 2, [0.4, 0.3]),
        }
    )
    assert columns["eval_loss"] is None


def test_without_epochs_step_is_the_default_and_epoch_is_not_offered():
    data = _page_data(render_html(sample_model()))
    assert data["x"]["options"] == ["step", "relative", "wall"]
    assert data["x"]["default"] == "step"
    assert data["x"]["time"] == ["min", 60]  # 3,000 points half a second apart: 25 minutes


def test_epochs_from_the_store_reach_the_report(store: Path):
    from mlop_cli import records as rec
    from mlop_cli.importing import import_records
    from mlop_cli.report.from_store import build_model
    from mlop_cli.store.queries import Store

    steps = list(range(1, 101))
    imported = import_records(
        store,
        [
            rec.Points("loss", rec.CONSOLE, steps, [START + s for s in steps],
                       [1 / s for s in steps], epochs=[s / 25 for s in steps]),
            rec.Points("val_loss", rec.CONSOLE, [1, 2, 3, 4], [START + 25 * e for e in (1, 2, 3, 4)],
                       [0.5, 0.4, 0.3, 0.35], epochs=[1.0, 2.0, 3.0, 4.0]),
        ],
        name="epochs",
        source=store.parent,
        kind="test",
    )  # fmt: skip
    model = build_model(Store(store), [imported.run_id])
    series = model.runs[0].metrics["val_loss"]
    assert series.epochs is not None and list(series.epochs) == [1.0, 2.0, 3.0, 4.0]
    assert series.summary is not None and series.summary.best_step == 3
    page = render_html(model)
    data = _page_data(page)
    assert data["x"]["default"] == "epoch"
    assert all(trace.get("e") in (1, 2) for chart in data["charts"] for trace in chart["traces"])


# ------------------------------------------------------------------------ in a browser


def test_browser_tests_skip_only_without_chromium_and_fail_where_ci_installed_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MLOP_CHROMIUM", str(tmp_path / "no-such-browser"))
    monkeypatch.delenv("MLOP_REQUIRE_CHROMIUM", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium to open the report in"):
        require_chromium()
    # .ci/run sets this once it has Chromium: a browser gone missing must not pass as skips.
    monkeypatch.setenv("MLOP_REQUIRE_CHROMIUM", "1")
    with pytest.raises(pytest.fail.Exception, match="MLOP_REQUIRE_CHROMIUM=1"):
        require_chromium()
    script = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
    assert "export MLOP_REQUIRE_CHROMIUM=1" in script


def _artifact_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("MLOP_TEST_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    executable = require_chromium()
    with launched(executable) as instance:
        yield instance


def _open(browser: Any, path: Path, fragment: str = "", width: int = 1280, height: int = 800):
    """A fresh page at ``width`` x ``height`` on the report, with its errors recorded."""
    page = browser.new_page(viewport={"width": width, "height": height})
    log = watch(page)
    page.goto(file_url(path, fragment))
    page.wait_for_function("window.mlopReport && window.mlopReport.ready")
    return page, log


def _write(tmp_path: Path, model: ReportModel, name: str = "report.html", **options: Any) -> Path:
    path = tmp_path / name
    path.write_text(render_html(model, **options), encoding="utf-8")
    return path


DRAWN_ON_SCREEN = """() => {
  const cards = Array.from(document.querySelectorAll('#metrics .chart-card'));
  const onScreen = cards.filter(card => { const r = card.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; });
  return onScreen.filter(card => card.querySelector('.chart.drawn .main-svg')).length;
}"""


def test_browser_draws_every_chart_without_errors(browser, tmp_path):
    path = _write(tmp_path, sample_model())
    page, log = _open(browser, path, "all")
    expected = page.evaluate("window.mlopReport.charts")
    assert expected == 9
    page.wait_for_function(f"document.querySelectorAll('.chart.drawn').length >= {expected}")
    assert page.evaluate("document.querySelectorAll('.js-plotly-plot').length") == expected
    # Each chart holds plotly's SVG with at least one drawn trace or heatmap.
    assert (
        page.evaluate(
            "Array.from(document.querySelectorAll('.js-plotly-plot'))"
            ".filter(e => e.querySelector('.main-svg .scatterlayer .trace, .main-svg image, .heatmaplayer')).length"
        )
        == expected
    )
    loss = "document.querySelector('[data-metric=\"train/loss\"] .chart')"
    assert page.evaluate(f"{loss}.data.length") == 3  # every run is a line
    page.evaluate(
        "(() => { const s = document.getElementById('smoothing'); s.value = '0.6';"
        " s.dispatchEvent(new Event('input')); })()"
    )
    page.wait_for_function(f"{loss}.data.length === 6")
    page.select_option("#x-axis", "wall")
    page.wait_for_function(f"{loss}.layout.xaxis.type === 'date'")
    page.select_option("#x-axis", "relative")
    page.wait_for_function(f"{loss}.layout.xaxis.title.text === 'time since start (min)'")
    assert log.clean(), log
    shot = page.screenshot(path=str(_artifact_dir(tmp_path) / "report.png"))
    assert shot


def test_browser_first_screen_shows_training_charts_and_folds_system(browser, tmp_path):
    path = _write(tmp_path, sample_model(runs=5))
    page, log = _open(browser, path, width=1280, height=800)
    page.wait_for_function(f"({DRAWN_ON_SCREEN})() >= 2")
    ids = page.evaluate("Array.from(document.querySelectorAll('main section')).map(s => s.id)")
    assert ids[0] == "metrics" and ids.index("metrics") < ids.index("system")
    assert ids.index("summary") < ids.index("runs") < ids.index("system") < ids.index("console")
    # The system section is folded: none of its charts is drawn, its charts have no size.
    assert page.evaluate("document.querySelector('#system details.fold').open") is False
    assert page.evaluate("document.querySelectorAll('#system .chart.drawn').length") == 0
    assert not page.locator("#system .chart").first.is_visible()
    # No system chart ahead of the training charts anywhere on the first screen.
    first_system = page.evaluate("document.getElementById('system').getBoundingClientRect().top")
    assert first_system > 800
    page.screenshot(path=str(_artifact_dir(tmp_path) / "first-screen.png"))
    assert log.clean(), log


def test_browser_system_charts_show_units_on_their_axes(browser, tmp_path):
    path = _write(tmp_path, sample_model(runs=2))
    page, log = _open(browser, path)
    page.click("#system summary")
    assert page.evaluate("document.querySelector('#system details.fold').open") is True
    rss = '[data-metric="sys/proc/rss_bytes"]'
    page.locator(rss).scroll_into_view_if_needed()
    page.wait_for_selector(f"{rss} .chart.drawn .ytitle")
    assert page.text_content(f"{rss} .ytitle") == "GiB"
    ticks = page.eval_on_selector_all(
        f"{rss} .ytick text", "nodes => nodes.map(n => n.textContent)"
    )
    assert ticks and not any("e+" in tick for tick in ticks)
    assert page.text_content(f"{rss} .xtitle") == "time since start (min)"
    for metric, unit in (("sys/cpu_percent", "%"), ("sys/gpu0/temp_c", "°C")):
        selector = f'[data-metric="{metric}"]'
        page.locator(selector).scroll_into_view_if_needed()
        page.wait_for_selector(f"{selector} .chart.drawn .ytitle")
        assert page.text_content(f"{selector} .ytitle") == unit
    # System metrics stay on time when training charts switch to step.
    page.select_option("#x-axis", "step")
    assert page.text_content(f"{rss} .xtitle") == "time since start (min)"
    assert log.clean(), log


def test_browser_toolbar_stays_off_the_data_and_runs_share_one_legend(browser, tmp_path):
    path = _write(tmp_path, sample_model(runs=5))
    page, log = _open(browser, path)
    chart = '[data-metric="train/loss"] .chart'
    page.wait_for_selector(f"{chart}.drawn")
    page.hover(chart)
    page.wait_for_function(
        f"getComputedStyle(document.querySelector('{chart} .modebar')).opacity === '1'"
    )
    bar = page.eval_on_selector(f"{chart} .modebar", "e => e.getBoundingClientRect().toJSON()")
    plot = page.eval_on_selector(f"{chart} .nsewdrag", "e => e.getBoundingClientRect().toJSON()")
    assert bar["height"] > 0 and bar["bottom"] <= plot["top"] + 1, (bar, plot)
    # Nothing that leaves the machine: plotly's "Share chart..." would upload the data.
    buttons = page.eval_on_selector_all(
        f"{chart} .modebar-btn", "nodes => nodes.map(n => n.getAttribute('data-title'))"
    )
    assert buttons == ["Download plot as a PNG", "Zoom", "Pan", "Reset axes"]
    # No legend inside any chart: the sidebar is the legend, in the runs' colours.
    assert page.evaluate("document.querySelectorAll('.js-plotly-plot .legend').length") == 0
    colours = page.evaluate(f"document.querySelector('{chart}').data.map(t => t.line.color)")
    swatches = page.eval_on_selector_all(
        "#run-legend .swatch", "nodes => nodes.map(n => n.style.background)"
    )
    expected = page.evaluate(
        "JSON.parse(document.getElementById('mlop-data').textContent).runs.map(r => r.colour)"
    )
    assert colours == expected and len(swatches) == 5
    # Clicking a run in the legend hides its line in every chart.
    page.click('#run-legend [data-run="1"]')
    page.wait_for_function(f"document.querySelector('{chart}').data[1].visible === false")
    assert page.get_attribute('#run-legend [data-run="1"]', "aria-pressed") == "false"
    assert log.clean(), log


def test_browser_epoch_axis_lines_up_the_metrics_of_a_run(browser, tmp_path):
    run = sample_model(runs=1).runs[0]
    steps = list(range(10, 210, 10))
    run.metrics = {
        "loss": MetricSeries("console", steps, [START + s for s in steps], [1 / s for s in steps],
                             epochs=[s / 50 for s in steps]),
        "val_acc": MetricSeries("console", [1, 2, 3, 4, 5], [START + 50 * e for e in range(1, 6)],
                                [0.5, 0.6, 0.7, 0.8, 0.8], epochs=[1.0, 2.0, 3.0, 4.0, math.nan]),
        # Half epochs held over several points: neither spread nor linear, packed as plain deltas.
        "f1": MetricSeries("console", steps, [START + s for s in steps], [s / 300 for s in steps],
                           epochs=[(s - 1) // 50 + 0.5 for s in steps]),
        # Whole epochs from an 'Epoch 3/4' header over each batch line: spread over the epoch.
        "acc": MetricSeries("console", steps, [START + s for s in steps], [s / 250 for s in steps],
                            epochs=[float((s - 1) // 50 + 1) for s in steps]),
    }  # fmt: skip
    path = _write(tmp_path, ReportModel(runs=[run], generated_at=START))
    page, log = _open(browser, path, "all")
    page.wait_for_function("window.mlopReport.drawn === window.mlopReport.charts")
    assert page.input_value("#x-axis") == "epoch"
    x = "document.querySelector('[data-metric=\"{}\"] .chart').data[0].x"
    assert page.evaluate(f"Array.from({x.format('val_acc')})")[:4] == [1, 2, 3, 4]
    loss_x = page.evaluate(f"Array.from({x.format('loss')})")
    assert loss_x == pytest.approx([s / 50 for s in steps], abs=1e-9)
    acc_x = page.evaluate(f"Array.from({x.format('acc')})")
    assert acc_x == pytest.approx([s / 50 for s in steps], abs=1e-9)  # meets the loss line
    assert page.evaluate(f"Array.from({x.format('f1')})") == [(s - 1) // 50 + 0.5 for s in steps]
    # Both packings of an epoch column were decoded by the page's script above.
    packings = page.evaluate(
        "JSON.parse(document.getElementById('mlop-data').textContent).charts"
        ".flatMap(c => (c.traces || []).map(t => t.e))"
    )
    assert {1, 2} <= set(packings), packings
    ranges = page.evaluate(
        "['loss', 'val_acc'].map(m => document.querySelector(`[data-metric=\"${m}\"] .chart`)"
        "._fullLayout.xaxis.range)"
    )
    # Training charts share one epoch range, so a run's metrics line up chart under chart; it
    # ends at epoch 4 (the closing point has no epoch, so it is not placed).
    assert ranges[0] == ranges[1] == pytest.approx([0.2, 4.0]), ranges
    page.select_option("#x-axis", "step")
    page.wait_for_function(
        "document.querySelector('[data-metric=\"loss\"] .chart').layout.xaxis.title.text === 'step'"
    )
    assert log.clean(), log


def test_browser_draws_lazily(browser, tmp_path):
    path = _write(tmp_path, sample_model(), "lazy.html")
    page, log = _open(browser, path)
    page.wait_for_function("window.mlopReport.drawn > 0")
    first = page.evaluate("document.querySelectorAll('.chart.drawn').length")
    assert 0 < first < 9  # only charts near the viewport
    page.evaluate("document.getElementById('histograms').scrollIntoView()")
    page.wait_for_function(f"document.querySelectorAll('.chart.drawn').length > {first}")
    assert log.clean(), log


def test_browser_keeps_payloads_inert(browser, tmp_path):
    path = _write(tmp_path, sample_model(hostile=True), "hostile.html", include_env=True)
    page, log = _open(browser, path, "all")
    expected = page.evaluate("window.mlopReport.charts")
    page.wait_for_function(f"document.querySelectorAll('.chart.drawn').length >= {expected}")
    page.wait_for_timeout(300)  # give any onerror a chance
    assert log.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, svg[onload], [onerror]').length") == 0
    text = page.evaluate("document.body.innerText")
    for payload in (
        "<img src=x onerror=alert(1)>",
        "</script><script>alert(2)</script>",
        "<svg onload=alert(3)>",
    ):
        assert payload in text
    # The hostile run name reached the legend and the charts' hover labels as text.
    legend = page.text_content("#run-legend")
    assert "<img src=x onerror=alert(1)>" in legend
    meta = page.evaluate(
        "document.querySelector('[data-metric=\"train/loss\"] .chart').data[0].meta"
    )
    assert "&lt;img src=x onerror=alert(1)&gt;" in meta  # escaped for plotly's label markup
    assert log.clean(), log
    page.screenshot(path=str(_artifact_dir(tmp_path) / "hostile.png"), full_page=True)


def test_tensorboard_series_take_their_epochs_from_the_epoch_metric(store: Path, tmp_path: Path):
    """HF's Trainer writes train/epoch next to the other scalars, at the same global steps."""
    from tensorboard.compat.proto import summary_pb2  # type: ignore[import-untyped]

    from mlop_cli.report.from_store import build_model
    from mlop_cli.store.queries import Store
    from tests.tb_writers import summary_event, write_events

    def scalars(step: int, **values: float) -> Any:
        entries = [summary_pb2.Summary.Value(tag=k.replace("__", "/"), simple_value=v)
                   for k, v in values.items()]  # fmt: skip
        return summary_event(step, summary_pb2.Summary(value=entries))

    events = [scalars(s, train__loss=1 / s, train__epoch=s / 50) for s in range(10, 210, 10)]
    events += [
        scalars(s, eval__loss=0.5 - s / 1000, train__epoch=s / 50) for s in (50, 100, 150, 200)
    ]
    write_events(tmp_path / "tb", events)
    imported = run_mlop("import", str(tmp_path / "tb"), "--name", "hf", store=store)
    assert imported.returncode == 0, imported.stderr
    opened = Store(store)
    model = build_model(opened, [opened.resolve("hf")])
    assert model.runs[0].metrics["eval/loss"].source == "tensorboard"
    page = render_html(model)
    data = _page_data(page)
    assert data["x"]["default"] == "epoch"
    cards = dict(
        re.findall(r'class="card chart-card" data-metric="([^"]+)">.*?data-chart="(\d+)"', page)
    )
    eval_loss = _decode(page, data["charts"][int(cards["eval/loss"])]["traces"][0])
    assert list(eval_loss["steps"]) == [50, 100, 150, 200]
    assert list(eval_loss["epochs"]) == [1.0, 2.0, 3.0, 4.0]
    train_loss = _decode(page, data["charts"][int(cards["train/loss"])]["traces"][0])
    assert train_loss["epochs"][0] == pytest.approx(0.2) and train_loss["epochs"][-1] == 4.0


def test_batches_under_an_epoch_header_spread_over_their_epoch_and_meet_validation():
    """`epoch 2 step 35 loss=…` lines all say epoch 2: spread by step over (1, 2], the epoch's
    last batch at 2, where `Epoch 2/4: val_loss=…` is drawn."""
    from mlop_cli.report._epochs import epoch_columns

    steps = [5, 10, 15, 20, 25, 30, 35, 40]
    columns = epoch_columns(
        {
            "loss": MetricSeries(
                "console", steps, [START] * 8, [1.0] * 8, epochs=[1, 1, 1, 1, 2, 2, 2, 2]
            ),
            "val_loss": MetricSeries("console", [20, 40], [START] * 2, [0.9, 0.8], epochs=[1, 2]),
            # 0.5-epoch logging (HF) is already fractional: left as it is.
            "lr": MetricSeries("console", [20, 40], [START] * 2, [0.1, 0.2], epochs=[0.5, 1.0]),
            # A whole epoch per point, but never repeated: nothing to spread.
            "acc": MetricSeries("console", [10, 20, 30], [START] * 3, [1, 2, 3], epochs=[1, 2, 3]),
        }
    )
    assert list(columns["loss"]) == [0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0]
    assert list(columns["val_loss"]) == [1.0, 2.0]
    assert list(columns["lr"]) == [0.5, 1.0]
    assert list(columns["acc"]) == [1.0, 2.0, 3.0]


def test_epochs_numbered_from_zero_count_epochs_done():
    """`epoch=0 step=5 …` then `Epoch 0: val_loss …`: the first epoch's batches lie over (0, 1]
    and its validation at 1, as a library numbering from 1 draws them; no negative epoch."""
    from mlop_cli.report._epochs import epoch_columns

    steps = [5, 10, 15, 20, 25, 30, 35, 40]
    columns = epoch_columns(
        {
            "loss": MetricSeries(
                "console", steps, [START] * 8, [1.0] * 8, epochs=[0, 0, 0, 0, 1, 1, 1, 1]
            ),
            "val_loss": MetricSeries("console", [20, 40], [START] * 2, [0.9, 0.8], epochs=[0, 1]),
        }
    )
    assert list(columns["loss"]) == [0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0]
    assert list(columns["val_loss"]) == [1.0, 2.0]


def test_notes_are_counted_beside_warnings_in_the_events_title():
    """A section holding mlop's notes (console.merged) is never titled `Warnings (0)` alone."""
    model = sample_model(runs=2)
    model.runs[0].events.append(
        RunEvent(time=START + 1, level="info", kind="console.merged", message="one stream")
    )
    page = render_html(model)
    assert "Warnings (2) and notes (1)" in page
    model.runs[0].events[:] = [e for e in model.runs[0].events if e.level == "info"]
    model.runs[1].events.clear()
    assert "Warnings (0) and notes (1)" in render_html(model)
