"""The console source: a run's stdout/stderr bytes in, batches of metric points out."""

from __future__ import annotations

import math
import re
import threading
import time as _time
from collections.abc import Callable

from mlop_cli.records import CONSOLE, Event, Points, Sink
from mlop_cli.sources.console.lines import MAX_LINE, LineAssembler
from mlop_cli.sources.console.noise import DumpSkipper
from mlop_cli.sources.console.patterns import apply_patterns
from mlop_cli.sources.console.reader import LastStep, Reader

MAX_NAME = 200
"""Metric names longer than this are skipped (and noted once)."""

_SILENT_AFTER = 20
"""Lines holding numbers, with no metric read from any, before the run is told why."""


class ConsoleSource:
    """Parse metrics from console output as it streams, and hand them to a sink in batches.

    Points accumulate per metric and leave as one :class:`~mlop_cli.records.Points` per metric
    per :meth:`flush`. Faults in parsing become one warning :class:`~mlop_cli.records.Event`
    each kind, never an exception. Calls may come from different threads; a lock serialises
    them.

    Args:
        sink: Receives Points and Event records.
        patterns: Compiled custom patterns (:func:`~mlop_cli.sources.console.compile_patterns`).
        builtins: Whether the built-in reader runs (False: custom patterns only).
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
        # name -> [next counter step, steps, times, values, epochs (or None), last step]
        self._series: dict[str, list] = {}
        self._reader = Reader(
            self._points, self._columns, self._note_parse_error, known=self._series.__contains__
        )
        self._rejected: set[str] = set()
        self._warned: set[str] = set()
        self._parse_errors = 0
        self._closed = False
        self.points = 0

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
            try:
                self._reader.close()
            except Exception as exc:  # a reader bug costs the held values only
                self._note_parse_error(exc, "")
            self._closed = True
            if self._parse_errors > 1:
                self._warn(
                    "console.parse_error_count",
                    f"{self._parse_errors} console lines could not be parsed in all",
                    {"count": self._parse_errors},
                )
            self._check_silence()
            self._flush()

    # -- parsing ---------------------------------------------------------------------------

    def _parse(self, stream: int, text: str, first_time: float, time: float) -> None:
        if self._builtins:
            dumps = self._dumps.get(stream)
            if dumps is None:
                dumps = self._dumps[stream] = DumpSkipper()
            try:
                text = dumps.skip(text)
                self._reader.read(stream, text, first_time, time)
            except Exception as exc:  # a reader bug must not stop the run: note it, go on
                self._read_each(stream, text, first_time, time, exc)
        if self._patterns:
            for index, line in enumerate(text.split("\n")):
                if not line:
                    continue
                try:
                    step, epoch, pairs = apply_patterns(self._patterns, line)
                except Exception as exc:
                    self._note_parse_error(exc, line)
                    continue
                when = first_time if index == 0 else time
                if pairs:
                    self._points(
                        [name for name, _ in pairs], step, epoch, [v for _, v in pairs], when
                    )

    def _read_each(
        self, stream: int, text: str, first_time: float, time: float, exc: Exception
    ) -> None:
        """Read a block line by line after a failure, skipping only the lines that fail."""
        self._note_parse_error(exc, text.split("\n", 1)[0])
        for index, line in enumerate(text.split("\n")):
            try:
                self._reader.read(stream, line, first_time if index == 0 else time, time)
            except Exception as line_exc:
                self._note_parse_error(line_exc, line)

    def _points(
        self,
        names: list[str],
        step: int | None,
        epoch: float | None,
        values: list[float],
        when: float,
    ) -> None:
        """The points of one record: one value per name, at one step (None: each name's next)."""
        series = self._series
        for name, value in zip(names, values):  # noqa: B905 - equal by construction
            state = series.get(name)
            if state is None:
                state = self._admit(name)
                if state is None:
                    continue
            if step is None or type(step) is LastStep and step < state[0]:
                state[1].append(state[0])
                state[0] += 1
            else:
                state[1].append(step)
                if step >= state[0]:
                    # A later point without a step continues after this one, never before.
                    state[0] = step + 1
            state[2].append(when)
            state[3].append(value)
            if epoch is not None:
                if state[4] is None:
                    state[4] = [math.nan] * (len(state[3]) - 1)
                state[4].append(epoch)
            elif state[4] is not None:
                state[4].append(math.nan)
        self.points += len(values)

    def _columns(
        self,
        names: list[str],
        steps: list[int] | None,
        values: list[list[float]],
        times: list[float],
        epochs: list[float] | None = None,
    ) -> None:
        """Records of one shape at once: a column of values per name, no Python per point
        (``epochs``: each record's epoch, as :meth:`_points` keeps one)."""
        series = self._series
        count = len(times)
        top = max(steps) if steps else 0  # the rows' highest step, the same for every name
        for name, column in zip(names, values):  # noqa: B905 - equal by construction
            state = series.get(name)
            if state is None:
                state = self._admit(name)
                if state is None:
                    continue
            if steps is None:
                counter = state[0]
                state[1].extend(range(counter, counter + count))
                state[0] = counter + count
            else:
                state[1].extend(steps)
                if top >= state[0]:
                    state[0] = top + 1
            state[2].extend(times)
            state[3].extend(column)
            if epochs is not None:
                if state[4] is None:
                    state[4] = [math.nan] * (len(state[3]) - count)
                state[4].extend(epochs)
            elif state[4] is not None:
                state[4].extend([math.nan] * count)
            if epochs is None:
                self.points += count
        if epochs is not None:
            # Counted as _points counts them: every value read (a refused name's too).
            self.points += count * len(names)

    def _flush(self) -> None:
        sink = self._sink
        for name, state in self._series.items():
            if state[1]:
                sink(Points(name, CONSOLE, state[1], state[2], state[3], state[4]))
                state[1] = []
                state[2] = []
                state[3] = []
                state[4] = None

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
        state: list = [0, [], [], [], None]
        self._series[name] = state
        return state

    def _check_silence(self) -> None:
        """Never silent: numbers were printed and (almost) no metric was read from them."""
        reader = self._reader
        if not self._builtins or self._patterns:
            return
        numeric, read = reader.numeric_lines, reader.metric_lines
        if numeric >= _SILENT_AFTER and read * 10 < numeric:
            self._warn(
                "console.unread",
                f"{numeric:,} console lines held numbers but {'no' if not read else f'only {read:,}'} "
                "metrics were read from them: pass --pattern to read your format "
                "(`mlop parse LOG` shows, line by line, what is read and why)",
                {"numeric_lines": numeric, "metric_lines": read},
            )

    def _note_parse_error(self, exc: Exception, line: str) -> None:
        self._parse_errors += 1
        self._warn(
            "console.parse_error",
            f"a console line could not be parsed ({type(exc).__name__}: {exc}); parsing goes on",
            {"line": line[:200]},
        )

    def _note_dropped(self, assembler: LineAssembler) -> None:
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
