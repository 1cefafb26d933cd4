"""The console source: a child's stdout/stderr bytes in, batches of metric points out."""

from __future__ import annotations

import re
import threading
import time as _time
from collections.abc import Callable

from mlop_cli.records import CONSOLE, Event, Points, Sink
from mlop_cli.sources.console.lines import MAX_LINE, LineAssembler
from mlop_cli.sources.console.noise import DumpSkipper
from mlop_cli.sources.console.parsers import BarPairs, carry_bar_head, parse_block
from mlop_cli.sources.console.templates import Columns, TemplateCache

MAX_NAME = 200
"""Metric names longer than this are skipped (and noted once)."""


def _parse_builtin(text: str) -> list:
    # Looked up at each call, so tests can stand a faulty parser in.
    return parse_block(text)


class ConsoleSource:
    """Parse metrics from console output as it streams, and hand them to a sink in batches.

    Points accumulate per metric and leave as one :class:`~mlop_cli.records.Points` per metric
    per :meth:`flush`. Faults in parsing become one warning :class:`~mlop_cli.records.Event`
    each kind, never an exception. Calls may come from different threads (a reader feeding, a
    timer flushing); a lock serialises them.

    Args:
        sink: Receives Points and Event records.
        patterns: Compiled custom patterns (:func:`~mlop_cli.sources.console.compile_patterns`).
        builtins: Whether the built-in recognisers run (False: custom patterns only).
        max_metrics: Distinct metric names kept; later new names are ignored, noted once.
        clock: Wall clock for the times of events.
    """

    def __init__(
        self,
        sink: Sink,
        *,
        patterns: list[re.Pattern[str]] | None = None,
        builtins: bool = True,
        max_metrics: int = 1000,
        clock: Callable[[], float] = _time.time,
    ) -> None:
        self._sink = sink
        self._patterns = tuple(patterns or ())
        self._builtins = builtins
        self._max_metrics = max_metrics
        self._clock = clock
        self._lock = threading.Lock()
        self._assemblers: dict[int, LineAssembler] = {}
        self._dumps: dict[int, DumpSkipper] = {}
        self._bar_values: dict[str, float] = {}  # the last value a progress bar showed, per metric
        self._bar_heads: dict[int, str] = {}  # per stream: the rich bar whose wrapped lines follow
        # Per stream; only with the built-ins alone (custom patterns may read any line).
        self._templates: dict[int, TemplateCache] | None = (
            {} if builtins and not self._patterns else None
        )
        # name -> [next counter step, steps, times, values]; the lists are this flush's batch.
        self._series: dict[str, list] = {}
        self._rejected: set[str] = set()
        self._warned: set[str] = set()
        self._dropped_lines = 0
        self._parse_errors = 0
        self._closed = False

    def feed(self, stream: int, data: bytes, time: float) -> None:
        """Parse one read of a stream (1 stdout, 2 stderr); any chunking of the bytes works.

        Args:
            stream: Which stream the bytes came from; each is assembled separately.
            data: The bytes as read.
            time: Wall time of the read; points of lines it completes get this time (or the
                time their first bytes arrived, for a line spanning reads).
        """
        with self._lock:
            if self._closed:
                return
            assembler = self._assemblers.get(stream)
            if assembler is None:
                assembler = self._assemblers[stream] = LineAssembler()
            text = assembler.feed(data, time)
            if text:
                self._parse(stream, text, assembler.first_time, time)
            if assembler.dropped:
                self._note_dropped(assembler)

    def flush(self) -> None:
        """Hand the points gathered since the last flush to the sink, one Points per metric."""
        with self._lock:
            self._flush()

    def close(self) -> None:
        """Parse the final unterminated line of each stream, then flush. Later feeds are ignored."""
        with self._lock:
            if self._closed:
                return
            for stream, assembler in self._assemblers.items():
                text = assembler.finish()
                if text:
                    self._parse(stream, text, assembler.first_time, assembler.first_time)
                if assembler.dropped:
                    self._note_dropped(assembler)
            self._closed = True
            if self._parse_errors > 1:
                self._warn(
                    "console.parse_error_count",
                    f"{self._parse_errors} console lines could not be parsed in all",
                    {"count": self._parse_errors},
                )
            self._flush()

    def _flush(self) -> None:
        sink = self._sink
        for name, state in self._series.items():
            if state[1]:
                sink(Points(name, CONSOLE, state[1], state[2], state[3]))
                state[1] = []
                state[2] = []
                state[3] = []

    def _parse(self, stream: int, text: str, first_time: float, time: float) -> None:
        parts: list = []
        try:
            if self._builtins:
                dumps = self._dumps.get(stream)
                if dumps is None:
                    dumps = self._dumps[stream] = DumpSkipper()
                text = dumps.skip(text)
                text, self._bar_heads[stream] = carry_bar_head(
                    text, self._bar_heads.get(stream, "")
                )
            if self._templates is None:
                parts = [(0, parse_block(text, self._patterns, self._builtins))]
            else:
                cache = self._templates.get(stream)
                if cache is None:
                    cache = self._templates[stream] = TemplateCache(_parse_builtin)
                parts = cache.read(text)
        except Exception as exc:  # a parser bug must not stop the run: note it, go on
            parts = [(0, self._parse_each(text, exc))]
        for part in parts:
            if type(part) is Columns:
                self._add_columns(part, first_time, time)
            else:
                self._add_records(part[0], part[1], first_time, time)

    def _add_records(self, offset: int, records: list, first_time: float, time: float) -> None:
        # The hot loop of lines no template matched: no attribute lookups, no object per point.
        series = self._series
        shown = self._bar_values
        for index, step, pairs in records:
            t = first_time if index + offset == 0 else time
            bar = type(pairs) is BarPairs
            for name, value in pairs:
                if bar:
                    # A redraw showing the value it showed before: not a new point.
                    if shown.get(name) == value:
                        continue
                    shown[name] = value
                state = series.get(name)
                if state is None:
                    state = self._admit(name)
                    if state is None:
                        continue
                if step is None:
                    state[1].append(state[0])
                    state[0] += 1
                else:
                    state[1].append(step)
                    # A later line without a step continues after this one, never before it.
                    if step >= state[0]:
                        state[0] = step + 1
                state[2].append(t)
                state[3].append(value)

    def _add_columns(self, columns: Columns, first_time: float, time: float) -> None:
        # Rows of one template: whole columns at once, no Python code per point.
        count = columns.count
        times = [time] * count
        if columns.first == 0:
            times[0] = first_time
        steps = columns.steps
        series = self._series
        for name, values in zip(columns.names, columns.values, strict=True):
            state = series.get(name)
            if state is None:
                state = self._admit(name)
                if state is None:
                    continue
            counter = state[0]
            if steps is None:
                state[1].extend(range(counter, counter + count))
                state[0] = counter + count
            elif None in steps:
                # As in _add_records: a row without a step continues after the one before.
                out = state[1]
                for s in steps:
                    if s is None:
                        out.append(counter)
                        counter += 1
                    else:
                        out.append(s)
                        counter = max(counter, s + 1)
                state[0] = counter
            else:
                state[1].extend(steps)
                state[0] = max(counter, max(steps) + 1)
            state[2].extend(times)
            state[3].extend(values)

    def _parse_each(self, text: str, exc: Exception) -> list:
        """Parse a block line by line after a failure, skipping only the lines that fail."""
        records = []
        for index, line in enumerate(text.split("\n")):
            try:
                found = parse_block(line, self._patterns, self._builtins)
            except Exception as line_exc:
                self._note_parse_error(line_exc, line)
                continue
            records.extend((index, step, pairs) for _, step, pairs in found)
        return records

    def _admit(self, name: str) -> list | None:
        """Start a new metric, or refuse it (too long a name, too many metrics)."""
        if name in self._rejected:
            return None
        if len(name) > MAX_NAME:
            self._rejected.add(name)
            self._warn(
                "console.name_too_long",
                f"console metric names longer than {MAX_NAME} characters are skipped "
                f"(first: {name[:40]!r}...)",
                {"name": name[:MAX_NAME]},
            )
            return None
        if len(self._series) >= self._max_metrics:
            self._rejected.add(name)
            self._warn(
                "console.too_many_metrics",
                f"more than {self._max_metrics} distinct console metrics; new names are "
                f"ignored (first: {name!r})",
                {"limit": self._max_metrics, "name": name},
            )
            return None
        state = self._series[name] = [0, [], [], []]
        return state

    def _note_parse_error(self, exc: Exception, line: str) -> None:
        self._parse_errors += 1
        self._warn(
            "console.parse_error",
            f"a console line could not be parsed ({type(exc).__name__}: {exc}); parsing goes on",
            {"line": line[:200]},
        )

    def _note_dropped(self, assembler: LineAssembler) -> None:
        self._dropped_lines += assembler.dropped
        assembler.dropped = 0
        self._warn(
            "console.line_too_long",
            f"console lines longer than {MAX_LINE // 1024} KiB are not parsed",
            None,
        )

    def _warn(self, kind: str, message: str, data: dict | None) -> None:
        """Send one warning Event per kind for the whole run."""
        if kind in self._warned:
            return
        self._warned.add(kind)
        self._sink(Event(self._clock(), "warning", kind, message, data))
