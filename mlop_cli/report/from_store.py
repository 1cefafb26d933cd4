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
from mlop_cli.store.queries import Store
from mlop_cli.views.runs import duration_of

CONSOLE_TAIL_BYTES = 256 * 1024
MAX_HISTOGRAM_SNAPSHOTS = 200


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


def build_model(
    store: Store,
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
    total = sum(len(store.metric_names(run_id)) for run_id in run_ids) or 1
    done = 0
    for run_id in run_ids:
        row = store.run(run_id)
        context = row.get("context", {})
        git = context.get("git") or {}
        summaries = store.metric_summaries(run_id)
        slurm = context.get("slurm") or {}
        rank = slurm.get("SLURM_PROCID")
        if system_only_unless_rank_zero and rank not in (None, "0"):
            summaries = {key: item for key, item in summaries.items() if item["source"] == "system"}
        metrics: dict[str, MetricSeries] = {}
        for key, item in summaries.items():
            name = key.split(":", 1)[1] if key.startswith(f"{item['source']}:") else key
            series = store.series(run_id, name, item["source"])
            done += 1
            if progress is not None:
                progress(done, total)
            if series is None:
                continue
            best = direction(key)
            metrics[key] = MetricSeries(
                source=item["source"],
                steps=series.steps,
                times=series.times,
                values=series.values,
                epochs=series.epochs,
                summary=MetricSummary(
                    last=_nan(item["last"]),
                    min=_nan(item["min"]),
                    max=_nan(item["max"]),
                    count=item["count"],
                    best_step=None if best is None else item[f"{best}_step"],
                ),
            )
            metrics[key] = downsample_series(metrics[key], max_points)
        histograms = {
            name: [
                HistogramSnapshot(h["step"], h["time"], h["edges"], h["counts"])
                for h in _thin(items)
            ]
            for name, items in store.histograms(run_id).items()
        }
        texts: dict[str, list[tuple[int, str]]] = {}
        for text in store.texts(run_id):
            texts.setdefault(text["tag"], []).append((text["step"], text["text"]))
        runs.append(
            RunReport(
                id=row["id"],
                name=_label(row, slurm) if row.get("group_id") else (row.get("name") or row["id"]),
                status=row["status"],
                project=row.get("project"),
                exit_code=row.get("exit_code"),
                signal=row.get("signal"),
                started_at=row.get("started_at"),
                ended_at=row.get("ended_at"),
                duration_s=duration_of(row),
                host=row.get("host"),
                user=row.get("user"),
                command=row.get("command", []),
                git=GitInfo(
                    git.get("commit"), git.get("branch"), git.get("dirty"), git.get("remote")
                )
                if git
                else None,
                tags=row.get("tags", []),
                params=row.get("params", {}),
                context={
                    k: v for k, v in context.items() if k not in ("system_summary", "packages")
                },
                system_summary=_system_facts(context),
                events=[
                    RunEvent(e["time"], e["level"], e["kind"], e["message"])
                    for e in store.events(run_id)
                ],
                console_tail=store.console_tail(run_id, CONSOLE_TAIL_BYTES),
                metrics=metrics,
                histograms=histograms,
                texts=texts,
            )
        )
    if title is None:
        title = runs[0].name if len(runs) == 1 else f"{len(runs)} runs"
    return ReportModel(runs=runs, generated_at=clock(), title=title)


def _label(row: dict[str, Any], slurm: dict[str, Any]) -> str:
    """A group member's name says where it ran: ``train-x7k2 [node03 rank 2]``."""
    node = slurm.get("SLURMD_NODENAME") or row.get("host")
    rank = slurm.get("SLURM_PROCID")
    where = " ".join(part for part in (node, f"rank {rank}" if rank is not None else None) if part)
    return f"{row.get('name') or row['id']} [{where}]" if where else (row.get("name") or row["id"])


def _thin(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
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
