"""The read model: what every backend hands its readers, typed.

A backend (the SQLite file :class:`~mlop_cli.store.queries.Store`, several files read as one,
the PostgreSQL team store) answers the :class:`RunStore` protocol with these values, never
with rows: views, documents, the report, the gate and export read attributes, not string keys.

- :class:`Run`: one row of ``runs`` with its status made effective, its command and tags
  decoded, its context decoded when first asked for, and its parameters (filled by
  :meth:`RunStore.run`; a listing leaves them empty);
- :class:`MetricKey`: a metric is a (source, name) pair; the name alone is not unique, since
  two sources may record one name (Lightning's bar and its TensorBoard logger);
- :class:`MetricSummary`: one metric's summary over all its points;
- :class:`PointChunk`: up to 1,024 points of a metric as a backend keeps them (packed
  columns); :meth:`Series.from_chunks` is the one decoder of every backend's chunks;
- :class:`Series`: one metric's points, decoded from their packed chunks;
- :class:`Histogram`, :class:`TextNote`, :class:`Event`, :class:`LogChunk`.

:func:`read_run` is the one projection of a run that ``mlop show``, ``mlop show --json`` and
the report start from.
"""

from __future__ import annotations

import array
import json
import math
import struct
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

__all__ = [
    "Event",
    "Histogram",
    "LogChunk",
    "MetricKey",
    "MetricSummary",
    "PointChunk",
    "Run",
    "RunDetails",
    "RunRef",
    "RunStore",
    "Series",
    "TextNote",
    "label_summaries",
    "read_run",
]


@dataclass(frozen=True, order=True)
class MetricKey:
    """A metric of a run: the source that recorded it and its name."""

    source: str
    name: str

    def label(self, shadowed: bool) -> str:
        """The name readers show: the plain name, or ``SOURCE:name`` when another source's
        metric of the same name holds the plain one (``shadowed``)."""
        return f"{self.source}:{self.name}" if shadowed else self.name


@dataclass(frozen=True)
class MetricSummary:
    """One metric's summary over all its points, as the store keeps it.

    The store keeps NaN as NULL: ``last`` is None for a metric that ended on NaN, ``min`` and
    ``max`` are None when no value is finite, ``mean`` is the mean of the finite values.
    """

    key: MetricKey
    count: int
    last: float | None
    last_step: int | None
    min: float | None
    min_step: int | None
    max: float | None
    max_step: int | None
    mean: float | None
    nan_count: int

    @property
    def source(self) -> str:
        """Where the points came from: console, tensorboard or system."""
        return self.key.source

    @property
    def name(self) -> str:
        """The metric's own name (without a source prefix)."""
        return self.key.name

    def aggregate(self, which: str) -> float | None:
        """``last``, ``min``, ``max``, ``mean`` or ``count`` as a float; None when absent or NaN."""
        value = self.count if which == "count" else getattr(self, which)
        return None if value is None else float(value)

    def best(self, direction: str) -> tuple[float | None, int | None]:
        """The best value and its step: the minimum's for ``direction`` ``"min"``, else the
        maximum's (see :func:`mlop_cli.direction.direction`)."""
        if direction == "min":
            return self.min, self.min_step
        return self.max, self.max_step


def label_summaries(summaries: Iterable[MetricSummary]) -> dict[str, MetricSummary]:
    """Summaries keyed by the name readers show, in the order given.

    The first of a name (the store orders the preferred source first: TensorBoard's full
    precision over the console's) keeps the plain name; another source's metric of the same
    name is ``SOURCE:name``.
    """
    labelled: dict[str, MetricSummary] = {}
    for summary in summaries:
        labelled[summary.key.label(summary.key.name in labelled)] = summary
    return labelled


@dataclass(frozen=True)
class PointChunk:
    """Up to ``CHUNK_POINTS`` points of one metric as a backend keeps them: each column packed
    as 8-byte numbers (steps int64, times, values and epochs float64) in the backend's byte
    order; ``epochs`` is None when no point of the chunk had one."""

    steps: bytes
    times: bytes
    values: bytes
    epochs: bytes | None = None


def _column(code: str, parts: list[bytes], big_endian: bool) -> array.array[Any]:
    packed = array.array(code)
    packed.frombytes(b"".join(parts))
    if big_endian != (sys.byteorder == "big"):
        packed.byteswap()
    return packed


@dataclass
class Series:
    """The points of one metric of one run, in step order of writing."""

    name: str
    source: str
    steps: array.array[int]
    times: array.array[float]
    values: array.array[float]
    # The epoch of each point where the output said it (NaN elsewhere); None when none had one.
    epochs: array.array[float] | None = None

    @property
    def key(self) -> MetricKey:
        """The metric these points belong to."""
        return MetricKey(self.source, self.name)

    @classmethod
    def from_chunks(
        cls,
        key: MetricKey,
        chunks: Sequence[PointChunk],
        *,
        big_endian: bool,
        tail: int | None = None,
    ) -> Series:
        """A metric's points from its chunks in order (SQLite packs little-endian, PostgreSQL
        big-endian), each column decoded in one pass; only the last ``tail`` points when given.

        A chunk without epochs among chunks with them gets NaN epochs (the output said none).
        """
        steps = _column("q", [chunk.steps for chunk in chunks], big_endian)
        times = _column("d", [chunk.times for chunk in chunks], big_endian)
        values = _column("d", [chunk.values for chunk in chunks], big_endian)
        epochs: array.array[float] | None = None
        if any(chunk.epochs is not None for chunk in chunks):
            nan = struct.pack(">d" if big_endian else "<d", math.nan)
            epochs = _column(
                "d",
                [
                    chunk.epochs if chunk.epochs is not None else nan * (len(chunk.values) // 8)
                    for chunk in chunks
                ],
                big_endian,
            )
        if tail is not None and len(values) > tail:
            cut = len(values) - tail
            steps, times, values = steps[cut:], times[cut:], values[cut:]
            epochs = epochs[cut:] if epochs is not None else None
        return cls(key.name, key.source, steps, times, values, epochs)


@dataclass(frozen=True)
class RunRef:
    """Enough of a run to pick it by a reference (a name, an id prefix): id, name and start."""

    id: str
    name: str | None
    started_at: float | None


@dataclass
class Run:
    """One run as readers see it.

    Attributes:
        status: The effective status: ``lost`` for a run stored as ``running`` whose ``mlop
            run`` process is gone (see :func:`mlop_cli.store.queries.effective_status`).
        stored_status: What its supervisor last wrote.
        command: The command line, one argument per item (redacted).
        meta: The run's context as stored (JSON); read :attr:`context`.
        params: Parameters, key to value; filled by :meth:`RunStore.run`, empty in listings.
    """

    id: str
    name: str | None = None
    project: str | None = None
    status: str = "running"
    stored_status: str | None = None
    exit_code: int | None = None
    signal: int | None = None
    command: list[str] = field(default_factory=list)
    cwd: str | None = None
    host: str | None = None
    user: str | None = None
    pid: int | None = None
    pid_started_at: float | None = None
    started_at: float | None = None
    ended_at: float | None = None
    heartbeat_at: float | None = None
    group_id: str | None = None
    tags: list[str] = field(default_factory=list)
    meta: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def context(self) -> dict[str, Any]:
        """The run's context (git, host, python, slurm, ci, env, system summary), decoded once:
        a listing of many runs decodes none it is not asked for."""
        try:
            decoded = json.loads(self.meta or "{}")
        except ValueError:
            return {}
        return decoded if isinstance(decoded, dict) else {}

    def duration_s(self, now: float | None = None) -> float | None:
        """Seconds from start to end (or to ``now``, or to the last heartbeat of a lost run)."""
        start = self.started_at
        if not start:
            return None
        end = self.ended_at
        if end is None:
            end = self.heartbeat_at if self.status == "lost" else (now or time.time())
        return max(0.0, (end or start) - start)

    @property
    def segment(self) -> int:
        """The run's segment in its group: Slurm's restart count of a requeued job (0 first)."""
        try:
            slurm = self.context.get("slurm") or {}
            return int(slurm.get("SLURM_RESTART_COUNT") or 0)
        except (TypeError, ValueError, AttributeError):
            return 0

    @classmethod
    def from_row(cls, row: dict[str, Any], status: str) -> Run:
        """A run from its ``runs`` row (columns it does not know are left out) and the
        effective ``status``."""
        command = row.get("command")
        return cls(
            id=str(row["id"]),
            name=row.get("name"),
            project=row.get("project"),
            status=status,
            stored_status=row.get("status"),
            exit_code=row.get("exit_code"),
            signal=row.get("signal"),
            command=json.loads(command) if command else [],
            cwd=row.get("cwd"),
            host=row.get("host"),
            user=row.get("user"),
            pid=row.get("pid"),
            pid_started_at=row.get("pid_started_at"),
            started_at=row.get("started_at"),
            ended_at=row.get("ended_at"),
            heartbeat_at=row.get("heartbeat_at"),
            group_id=row.get("group_id"),
            meta=row.get("meta"),
        )


@dataclass(frozen=True)
class Histogram:
    """One histogram of a metric at one step: ``len(edges) == len(counts) + 1``."""

    step: int
    time: float
    edges: list[float]
    counts: list[float]


@dataclass(frozen=True)
class TextNote:
    """A text summary (TensorBoard's text plugin) at one step."""

    tag: str
    step: int
    time: float | None
    text: str


@dataclass(frozen=True)
class Event:
    """One of mlop's own notes about a run (a warning, an idle GPU, ...)."""

    time: float
    level: str
    kind: str
    message: str
    data: Any = None


@dataclass(frozen=True)
class LogChunk:
    """A piece of the console as it was written: ``stream`` 1 is stdout, 2 stderr."""

    seq: int
    time: float
    stream: int
    data: bytes


class RunStore(Protocol):
    """What readers may ask of a store, whichever its backend."""

    path: Any  # what messages name: a Path, or a URL without its password
    note: Callable[[str], None] | None  # told when a run name picks the newest of several

    def close(self) -> None: ...
    def runs(
        self,
        *,
        project: str | None = None,
        tag: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        limit: int | None = None,
        group: str | None = None,
    ) -> list[Run]: ...
    def resolve(self, ref: str) -> str: ...
    def complete(self, run_id: str, say: Callable[[str], None] | None = None) -> bool: ...
    def run(self, run_id: str) -> Run: ...
    def params(self, run_id: str) -> dict[str, Any]: ...
    def tags_of(self, run_ids: list[str]) -> dict[str, list[str]]: ...
    def metric_summaries(self, run_id: str) -> dict[str, MetricSummary]: ...
    def metric_keys(self, run_id: str) -> list[MetricKey]: ...
    def series(
        self, run_id: str, name: str, source: str | None = None, tail: int | None = None
    ) -> Series | None: ...
    def all_series(self, run_id: str) -> Iterator[Series]: ...
    def histograms(self, run_id: str) -> dict[str, list[Histogram]]: ...
    def texts(self, run_id: str) -> list[TextNote]: ...
    def events(self, run_id: str, min_level: str = "info") -> list[Event]: ...
    def logs(self, run_id: str, after_seq: int = -1) -> list[LogChunk]: ...
    def console_tail(self, run_id: str, max_bytes: int = 64 * 1024) -> bytes: ...


@dataclass
class RunDetails:
    """Everything ``mlop show`` (text and JSON) and the report know about one run, read once.

    Attributes:
        metrics: Summaries keyed by the name readers show (see :func:`label_summaries`).
        histograms: Histogram name to its histograms, by step.
    """

    run: Run
    metrics: dict[str, MetricSummary]
    histograms: dict[str, list[Histogram]]
    texts: list[TextNote]
    events: list[Event]


def read_run(store: RunStore, run_id: str) -> RunDetails:
    """The one projection of a run that ``show``, ``show --json`` and the report render."""
    return RunDetails(
        run=store.run(run_id),
        metrics=store.metric_summaries(run_id),
        histograms=store.histograms(run_id),
        texts=store.texts(run_id),
        events=store.events(run_id),
    )
