"""``mlop watch``: a live terminal dashboard of a run, read from its store.

It only reads the store, so it works from any terminal on the machine (or any machine that
sees the store file), and leaving it never touches the run. :func:`render_watch` is a pure
function of the store's contents and the clock; :func:`watch_run` refreshes it about once a
second until the run ends or the user presses Ctrl-C.
"""

from __future__ import annotations

import math
import re
import signal
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mlop_cli.ansi import strip_ansi_bytes
from mlop_cli.store.model import MetricSummary, RunStore
from mlop_cli.store.queries import wait_until_written
from mlop_cli.views.runs import status_text
from mlop_cli.views.text import format_bytes, format_duration, format_value, inert

BLOCKS = "▁▂▃▄▅▆▇█"
SPARK_POINTS = 40
MAX_METRICS = 24
CONSOLE_LINES = 12
_GPU = re.compile(r"^sys/gpu(\d+)/")


def sparkline(values: Sequence[float], width: int = SPARK_POINTS) -> str:
    """The last ``width`` values as unicode blocks, lowest ``▁`` to highest ``█``.

    NaN and infinite values show as a blank; a flat series as a row of ``▄``.
    """
    tail = list(values)[-width:]
    finite = [v for v in tail if not (math.isnan(v) or math.isinf(v))]
    if not finite:
        return " " * len(tail)
    low, high = min(finite), max(finite)
    span = high - low
    chars = []
    for value in tail:
        if math.isnan(value) or math.isinf(value):
            chars.append(" ")
        elif span == 0:
            chars.append(BLOCKS[3])
        else:
            chars.append(BLOCKS[min(len(BLOCKS) - 1, int((value - low) / span * len(BLOCKS)))])
    return "".join(chars)


def console_lines(data: bytes, count: int = CONSOLE_LINES) -> list[str]:
    """The last ``count`` lines of console bytes as a terminal showed them, made inert.

    Escapes are removed, a ``\\r`` redraw keeps only what was drawn last (progress bars), and
    remaining control characters are shown as visible escapes.
    """
    text = strip_ansi_bytes(data).decode("utf-8", errors="replace")
    lines = []
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        if "\r" in line:
            line = line.rsplit("\r", 1)[1]
        lines.append(inert(line.expandtabs(4)))
    while lines and not lines[-1].strip():
        lines.pop()
    return lines[-count:]


def _metric_table(store: RunStore, run_id: str, summaries: dict[str, MetricSummary]) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False, expand=False)
    table.add_column("METRIC", overflow="fold", max_width=36)
    table.add_column("LAST", justify="right", no_wrap=True)
    table.add_column("STEP", justify="right", no_wrap=True)
    table.add_column(f"LAST {SPARK_POINTS}", no_wrap=True)
    names = [name for name, item in summaries.items() if item.source != "system"]
    for name in names[:MAX_METRICS]:
        item = summaries[name]
        # The last points only: a refresh each second reads the last chunks, not the series.
        series = store.series(run_id, item.name, item.source, tail=SPARK_POINTS)
        values = list(series.values[-SPARK_POINTS:]) if series is not None else []
        last = values[-1] if values else item.last
        table.add_row(
            Text(inert(name)),
            Text(format_value(name, last)),
            Text("" if item.last_step is None else str(item.last_step)),
            Text(sparkline(values), style="cyan"),
        )
    if len(names) > MAX_METRICS:
        table.add_row(
            Text(f"… {len(names) - MAX_METRICS} more (mlop show)", style="dim"), "", "", ""
        )
    return table


def _system_table(store: RunStore, run_id: str, summaries: dict[str, MetricSummary]) -> Table:
    def last(name: str) -> float | None:
        item = summaries.get(name)
        return None if item is None else item.last

    def spark(name: str) -> Text:
        if name not in summaries:
            return Text("")
        series = store.series(run_id, name, "system", tail=20)
        return Text(sparkline(series.values if series is not None else [], 20), style="magenta")

    def percent(value: float | None) -> str:
        return "-" if value is None else f"{value:.0f}%"

    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    rows = [
        ("CPU (run)", percent(last("sys/proc/cpu_percent")), "sys/proc/cpu_percent"),
        ("CPU (machine)", percent(last("sys/cpu_percent")), "sys/cpu_percent"),
        ("RSS (run)", format_bytes(last("sys/proc/rss_bytes")), "sys/proc/rss_bytes"),
        ("memory (machine)", percent(last("sys/mem_used_percent")), "sys/mem_used_percent"),
    ]
    for label, value, name in rows:
        if name in summaries:
            table.add_row(label, value, spark(name))
    gpus = sorted({int(m.group(1)) for name in summaries if (m := _GPU.match(name))})
    for gpu in gpus:
        prefix = f"sys/gpu{gpu}/"
        used, total = last(prefix + "mem_used_bytes"), last(prefix + "mem_total_bytes")
        memory = format_bytes(used) + (f" / {format_bytes(total)}" if total else "")
        table.add_row(
            f"GPU{gpu} util", percent(last(prefix + "util_percent")), spark(prefix + "util_percent")
        )
        table.add_row(f"GPU{gpu} memory", memory, spark(prefix + "mem_used_bytes"))
        power = last(prefix + "power_w")
        if power is not None:
            table.add_row(f"GPU{gpu} power", f"{power:.0f} W", Text(""))
    if not table.rows:
        table.add_row("no system samples", "", "")
    return table


def render_watch(store: RunStore, run_id: str, now: float) -> RenderableType:
    """The dashboard of one run at time ``now``: header, metrics, system, last console lines."""
    run = store.run(run_id)
    summaries = store.metric_summaries(run_id)
    header = Text()
    header.append(run.id, style="bold")
    header.append(f"  {inert(run.name or '')}  ")
    header.append_text(status_text(run.status))
    header.append(f"  elapsed {format_duration(run.duration_s(now))}")
    if run.exit_code is not None:
        header.append(f"  exit {run.exit_code}")
    command = Text(inert(" ".join(run.command)), style="dim", overflow="ellipsis", no_wrap=True)
    has_metrics = any(item.source != "system" for item in summaries.values())
    metrics: RenderableType = (
        _metric_table(store, run_id, summaries)
        if has_metrics
        else Text("no metrics yet", style="dim")
    )
    lines = console_lines(store.console_tail(run_id, 16 * 1024))
    console = Text(
        "\n".join(lines) if lines else "no output yet",
        style="" if lines else "dim",
        no_wrap=True,
        overflow="ellipsis",
    )
    return Group(
        header,
        command,
        Panel(metrics, title="metrics", title_align="left", border_style="dim", expand=False),
        Panel(
            _system_table(store, run_id, summaries),
            title="system",
            title_align="left",
            border_style="dim",
            expand=False,
        ),
        Panel(console, title="console", title_align="left", border_style="dim", expand=False),
    )


def watch_run(
    store: RunStore,
    run_id: str,
    console: Console,
    *,
    interval: float = 1.0,
    clock: Callable[[], float] = time.time,
    stop: threading.Event | None = None,
) -> int:
    """Show :func:`render_watch` until the run ends (final render, returns 0) or Ctrl-C (0).

    On a terminal the dashboard redraws in place about every ``interval`` seconds and the
    terminal is restored on the way out; elsewhere (a pipe, a file) only the final render is
    printed, once, when the run ends. Setting ``stop`` (what SIGINT does) ends the watch at the
    next frame.
    """
    from rich.live import Live

    stop = stop or threading.Event()
    # SIGINT sets a flag instead of raising KeyboardInterrupt wherever the interpreter happens
    # to be: an exception in the middle of a frame's write could leave rich's output buffered
    # and the cursor hidden.
    previous = _on_sigint(lambda signum, frame: stop.set())
    try:
        if not console.is_terminal:
            while not stop.is_set() and _running(store, run_id):
                stop.wait(interval)
            if not stop.is_set():
                _written(store, run_id)
            console.print(render_watch(store, run_id, clock()))
            return 0
        with Live(
            render_watch(store, run_id, clock()),
            console=console,
            auto_refresh=False,
            transient=False,
            redirect_stdout=False,
            redirect_stderr=False,
            vertical_overflow="visible",
        ) as live:
            while not stop.is_set():
                done = not _running(store, run_id)
                if done:
                    _written(store, run_id)
                live.update(render_watch(store, run_id, clock()), refresh=True)
                if done:
                    break
                stop.wait(interval)
    except KeyboardInterrupt:
        pass  # not in the main thread (no handler): leaving is still not an error
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return 0


def _running(store: RunStore, run_id: str) -> bool:
    return store.run(run_id).status == "running"


def _written(store: RunStore, run_id: str) -> None:
    """The ended run's last data stored (its status came first), for the final render. The
    console's metrics may still be being derived by its indexer: the render shows what is
    stored, as every frame before it did (waiting for them would leave Ctrl-C unheard)."""
    wait_until_written(store.run(run_id))


def _on_sigint(handler: Callable[[int, Any], None]) -> Any:
    """Install a SIGINT handler; the previous one, or None where that is not possible."""
    try:
        return signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread
        return None
