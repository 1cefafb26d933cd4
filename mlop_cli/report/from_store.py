"""Fill a :class:`ReportModel` from the store, downsampling each series as it is read.

Series are read and reduced one at a time, so memory holds about 2,000 points per series,
not every point of every run.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from mlop_cli.direction import direction
from mlop_cli.report.model import (
    GitInfo,
    HistogramSnapshot,
    MetricSeries,
    MetricSummary,
    ReportModel,
    RunEvent,
    RunReport,
)
from mlop_cli.store.model import Histogram, Run, RunStore, read_run

CONSOLE_TAIL_BYTES = 256 * 1024
MAX_HISTOGRAM_SNAPSHOTS = 200


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


def build_model(
    store: RunStore,
    run_ids: list[str],
    *,
    title: str | None = None,
    max_points: int = 2000,
    clock: Callable[[], float] = time.time,
    progress: Callable[[int, int], None] | None = None,
    system_only_unless_rank_zero: bool = False,
) -> ReportModel:
    """Read ``run_ids`` from ``store`` into a report model.

    With ``system_only_unless_rank_zero`` (a multi-node group), runs of ranks other than 0
    contribute only their system metrics: training metrics come from rank 0, while every
    node's CPU and GPU land on the same charts, where a straggler shows.
    """
    from mlop_cli.report.downsample import downsample_series

    runs: list[RunReport] = []
    total = sum(len(store.metric_keys(run_id)) for run_id in run_ids) or 1
    done = 0
    for run_id in run_ids:
        details = read_run(store, run_id)
        run = details.run
        context = run.context
        git = context.get("git") or {}
        summaries = details.metrics
        slurm = context.get("slurm") or {}
        rank = slurm.get("SLURM_PROCID")
        if system_only_unless_rank_zero and rank not in (None, "0"):
            summaries = {
                label: item for label, item in summaries.items() if item.source == "system"
            }
        metrics: dict[str, MetricSeries] = {}
        for label, item in summaries.items():
            series = store.series(run_id, item.name, item.source)
            done += 1
            if progress is not None:
                progress(done, total)
            if series is None:
                continue
            best = direction(label)
            metrics[label] = MetricSeries(
                source=item.source,
                steps=series.steps,
                times=series.times,
                values=series.values,
                epochs=series.epochs,
                summary=MetricSummary(
                    last=_nan(item.last),
                    min=_nan(item.min),
                    max=_nan(item.max),
                    count=item.count,
                    best_step=None if best is None else item.best(best)[1],
                ),
            )
            metrics[label] = downsample_series(metrics[label], max_points)
        histograms = {
            name: [HistogramSnapshot(h.step, h.time, h.edges, h.counts) for h in _thin(items)]
            for name, items in details.histograms.items()
        }
        texts: dict[str, list[tuple[int, str]]] = {}
        for text in details.texts:
            texts.setdefault(text.tag, []).append((text.step, text.text))
        runs.append(
            RunReport(
                id=run.id,
                name=_label(run, slurm) if run.group_id else (run.name or run.id),
                status=run.status,
                project=run.project,
                exit_code=run.exit_code,
                signal=run.signal,
                started_at=run.started_at,
                ended_at=run.ended_at,
                duration_s=run.duration_s(),
                host=run.host,
                user=run.user,
                command=run.command,
                git=GitInfo(
                    git.get("commit"), git.get("branch"), git.get("dirty"), git.get("remote")
                )
                if git
                else None,
                tags=run.tags,
                params=run.params,
                context={
                    k: v for k, v in context.items() if k not in ("system_summary", "packages")
                },
                system_summary=_system_facts(context),
                events=[RunEvent(e.time, e.level, e.kind, e.message) for e in details.events],
                console_tail=store.console_tail(run_id, CONSOLE_TAIL_BYTES),
                metrics=metrics,
                histograms=histograms,
                texts=texts,
            )
        )
    if title is None:
        title = runs[0].name if len(runs) == 1 else f"{len(runs)} runs"
    return ReportModel(runs=runs, generated_at=clock(), title=title)


def _label(run: Run, slurm: dict[str, Any]) -> str:
    """A group member's name says where it ran: ``train-x7k2 [node03 rank 2]``."""
    node = slurm.get("SLURMD_NODENAME") or run.host
    rank = slurm.get("SLURM_PROCID")
    where = " ".join(part for part in (node, f"rank {rank}" if rank is not None else None) if part)
    return f"{run.name or run.id} [{where}]" if where else (run.name or run.id)


def _thin(items: list[Histogram]) -> list[Histogram]:
    """At most MAX_HISTOGRAM_SNAPSHOTS histograms, evenly spread over the steps, last kept."""
    if len(items) <= MAX_HISTOGRAM_SNAPSHOTS:
        return items
    stride = len(items) / MAX_HISTOGRAM_SNAPSHOTS
    picked = [items[int(i * stride)] for i in range(MAX_HISTOGRAM_SNAPSHOTS - 1)]
    return [*picked, items[-1]]


def _system_facts(context: dict[str, Any]) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    summary = context.get("system_summary") or {}
    for key in (
        "proc_peak_rss_bytes",
        "proc_mean_cpu_percent",
        "gpus_used",
        "gpu_hours",
        "energy_wh",
    ):
        if summary.get(key) is not None:
            facts[key] = summary[key]
    for gpu in summary.get("gpus") or []:
        label = f"gpu{gpu.get('gpu')}"
        if gpu.get("name"):
            facts[f"{label} name"] = gpu["name"]
        if gpu.get("mean_util_percent") is not None:
            facts[f"{label} mean util %"] = round(gpu["mean_util_percent"], 1)
    if context.get("cpu_model"):
        facts["cpu"] = context["cpu_model"]
    if context.get("cpu_count"):
        facts["cpu count"] = context["cpu_count"]
    return facts
