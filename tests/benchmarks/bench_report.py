"""Benchmark of `mlop report`'s renderer: 10 runs x 50 metrics x 100,000 points.

Run: ``python tests/benchmarks/bench_report.py [--runs 10 --metrics 50 --points 100000]``.
Prints generation time, file size beyond plotly.js and Chromium's time until every chart on
the first screen (1280x800, training charts first) is drawn, each next to its target and a
reference measured in this run: a page with plotly.js alone (load) and ``json.dumps`` of the
same downsampled points as plain JSON (size), which is what embedding them naively would cost.
Training metrics carry an epoch per point, as the console source records them. Chromium is
Debian's, driven by Playwright.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mlop_cli.report import MetricSeries, ReportModel, RunReport, render_html
from mlop_cli.report.downsample import downsample
from mlop_cli.report.html import plotly_js
from tests.chromium import file_url, find_chromium, launched, watch

START = 1_700_000_000.0
VISIBLE_DRAWN = """new Promise(resolve => {
  const check = () => {
    if (!window.mlopReport || !window.mlopReport.ready) return setTimeout(check, 10);
    const charts = Array.from(document.querySelectorAll('.chart[data-chart]'));
    const visible = charts.filter(e => { const r = e.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight; });
    if (visible.length && visible.every(e => e.classList.contains('drawn')))
      resolve({ms: performance.now(), visible: visible.length});
    else setTimeout(check, 10);
  };
  check();
})"""


def synthetic_model(runs: int, metrics: int, points: int) -> ReportModel:
    """Loss-like noisy curves with a few spikes; arrays are numpy, as a store would hand them."""
    rng = np.random.default_rng(0)
    steps = np.arange(points, dtype=np.int64)
    built = []
    for run_index in range(runs):
        times = START + run_index * 10 + np.cumsum(rng.uniform(0.05, 0.15, points))
        series = {}
        for metric_index in range(metrics):
            decay = np.exp(-steps / (points / (2 + metric_index % 5)))
            values = decay + rng.normal(0, 0.02, points) + 0.01 * run_index
            values[rng.integers(0, points, 3)] += 1.0
            group = ("train", "eval", "sys")[metric_index % 3]
            series[f"{group}/metric_{metric_index:02d}"] = MetricSeries(
                source="system" if group == "sys" else "console",
                steps=steps,
                times=times,
                values=values,
                epochs=None if group == "sys" else steps / (points / 10),
            )
        built.append(
            RunReport(
                id=f"bench{run_index:02d}",
                name=f"run-{run_index}",
                status="finished",
                exit_code=0,
                started_at=START + run_index * 10,
                ended_at=float(times[-1]),
                command=["python", "train.py", f"--seed={run_index}"],
                params={"seed": run_index, "lr": 3e-4},
                console_tail=b"epoch 1 loss=0.3\n" * 2000,
                metrics=series,
            )
        )
    return ReportModel(runs=built, generated_at=START + 10_000, title="benchmark")


def load_time(browser: Any, path: Path, fragment: str = "") -> tuple[float, int, list[str]]:
    """Seconds from navigation until the charts on the first screen are drawn; their count."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    log = watch(page)
    page.goto(file_url(path, fragment))
    result = page.evaluate(VISIBLE_DRAWN)
    page.close()
    return result["ms"] / 1000.0, result["visible"], log.console_errors + log.exceptions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--metrics", type=int, default=50)
    parser.add_argument("--points", type=int, default=100_000)
    args = parser.parse_args()

    model = synthetic_model(args.runs, args.metrics, args.points)
    total = args.runs * args.metrics * args.points
    started = time.perf_counter()
    page = render_html(model)
    generation = time.perf_counter() - started
    plotly_size = len(plotly_js().encode())
    size = len(page.encode()) - plotly_size

    started = time.perf_counter()
    naive = [
        [s.tolist() for s in downsample(series.steps, series.times, series.values)]
        for run in model.runs
        for series in run.metrics.values()
    ]
    naive_size = len(json.dumps(naive))
    naive_time = time.perf_counter() - started

    print(f"input: {args.runs} runs x {args.metrics} metrics x {args.points:,} points = {total:,}")
    print(
        f"generation: {generation:.2f} s (target <= 5 s); downsample+json.dumps alone: "
        f"{naive_time:.2f} s (ratio {generation / naive_time:.2f})"
    )
    print(
        f"size beyond plotly.js: {size / 1e6:.2f} MB (target <= 10 MB); the same points as "
        f"plain JSON: {naive_size / 1e6:.2f} MB (ratio {size / naive_size:.2f}); "
        f"plotly.js: {plotly_size / 1e6:.2f} MB"
    )

    chromium = find_chromium()
    if chromium is None:
        print("load: skipped, no chromium found")
        return
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.html"
        report.write_text(page, encoding="utf-8")
        baseline = Path(folder) / "plotly-only.html"
        baseline.write_text(
            "<!DOCTYPE html><html><body><div class='chart' data-chart='0'></div><script>"
            + plotly_js().replace("</script", "<\\/script")
            + "</script><script>Plotly.newPlot(document.querySelector('.chart'),"
            "[{y:[1,2,3]}]).then(e=>{e.classList.add('drawn');"
            "window.mlopReport={ready:true}})</script></body></html>",
            encoding="utf-8",
        )
        timings: dict[str, tuple[float, float, int]] = {}
        errors: list[str] = []
        for name, path in (("plotly", baseline), ("report", report)):
            # A fresh browser per page: the first load is what a person opening the file
            # waits for (plotly.js compiled from scratch); the second uses V8's code cache.
            with launched(chromium) as browser:
                cold, visible, first_errors = load_time(browser, path)
                warm, _, second_errors = load_time(browser, path)
                errors += first_errors + second_errors
            timings[name] = (cold, warm, visible)
    cold, warm, visible = timings["report"]
    reference_cold, reference_warm, _ = timings["plotly"]
    print(
        f"load until the {visible} charts on screen are drawn (target <= 3 s): first open "
        f"{cold:.2f} s, again {warm:.2f} s; plotly.js alone with one chart: "
        f"{reference_cold:.2f} s / {reference_warm:.2f} s (ratios {cold / reference_cold:.2f} / "
        f"{warm / reference_warm:.2f})"
    )
    if errors:
        print(f"browser errors: {errors}")


if __name__ == "__main__":
    main()
