"""What a run's records become before their transaction: pure, no I/O, no threads.

The writer (``mlop_cli.store.writer``) takes records off its queue into a :class:`Batch`,
commits the batch's rows in one transaction, and tells the batch how that ended. Everything
about a record's rows (scrubbing secrets, JSON, the run row's changes, every metric's chunks
and running summary in :class:`mlop_cli.store.points.RunPoints`) is decided here, tested
without a thread or a database (``tests/test_store_batch.py``); the console's bytes, which
the writer spools and hands over, are the writer's own.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from mlop_cli import records as rec
from mlop_cli.redact import REDACTED, Scrubber, is_secret_name
from mlop_cli.store.points import RunPoints

TABLES = ("params", "events", "texts", "histograms")
"""The tables a batch holds rows of, besides points, console and the run's row."""


@dataclass(slots=True)
class RunStart:
    """Create the run's row (internal record of ``mlop run`` and the importers)."""

    row: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    # Its console's metrics are derived by an indexer: the index is begun with the row, so that
    # a reader (a sync) never takes a run whose indexer has not written yet for one without.
    console_index: bool = False


@dataclass(slots=True)
class RunUpdate:
    """Update columns of the run's row; ``meta`` keys are merged into the context JSON."""

    columns: dict[str, Any] = field(default_factory=dict)


class Batch:
    """The rows of the records taken since the last commit, by table.

    Args:
        run_id: The run every row belongs to.
        secrets: Byte strings scrubbed from texts (events, params, text summaries).
    """

    def __init__(self, run_id: str, secrets: list[bytes] | None = None) -> None:
        self.run_id = run_id
        self.scrubber = Scrubber(list(secrets or []))
        self.points = RunPoints()
        self.tables: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
        self.run_start: RunStart | None = None  # the run's row, until it is stored
        self.meta: dict[str, Any] = {}  # the run's whole context (runs.meta)
        self.meta_dirty = False
        self.columns: dict[str, Any] = {}  # run columns to update
        self.size = 0  # memory held by the records (the writer bounds it)

    def add(self, record: Any) -> int:
        """Take one record; return the points it added. Raises on a record that cannot be stored."""
        if isinstance(record, rec.Points):
            return self.points.add(
                (record.source, record.metric),
                record.steps,
                record.times,
                record.values,
                record.epochs,
            )
        if isinstance(record, rec.Event):
            self.tables["events"].append(
                (
                    self.run_id,
                    record.time,
                    record.level,
                    record.kind,
                    self.scrubber.scrub_text(record.message),
                    json.dumps(record.data, default=str) if record.data else None,
                )
            )
        elif isinstance(record, rec.Param):
            value = REDACTED if is_secret_name(record.key.rsplit(".", 1)[-1]) else record.value
            if isinstance(value, str):
                value = self.scrubber.scrub_text(value)
            self.tables["params"].append(
                (self.run_id, record.key, json.dumps(value, default=str), record.source)
            )
        elif isinstance(record, rec.Text):
            self.tables["texts"].append(
                (
                    self.run_id,
                    record.tag,
                    record.step,
                    record.time,
                    self.scrubber.scrub_text(record.text),
                )
            )
        elif isinstance(record, rec.Histogram):
            # The metric's id is the store's: the writer puts it in place of the key.
            self.tables["histograms"].append(
                (
                    (record.source, record.metric),
                    self.run_id,
                    record.step,
                    record.time,
                    json.dumps(_finite(record.edges)),
                    json.dumps(_finite(record.counts)),
                )
            )
        elif isinstance(record, rec.ContextUpdate):
            self.meta.update(record.values)
            self.meta_dirty = True
        elif isinstance(record, RunStart):
            self.run_start = record
            self.meta.update(json.loads(record.row.get("meta") or "{}"))
            self.meta_dirty = True
        elif isinstance(record, RunUpdate):
            self.columns.update(record.columns)
        return 0

    def note(
        self, when: float, level: str, kind: str, message: str, data: dict[str, Any] | None = None
    ) -> None:
        """One of mlop's own events about the run (already scrubbed: mlop wrote it)."""
        self.tables["events"].append(
            (self.run_id, when, level, kind, message, json.dumps(data) if data else None)
        )

    def meta_json(self) -> str:
        """The run's context as stored in ``runs.meta``."""
        return json.dumps(self.meta, default=str)

    @property
    def has_rows(self) -> bool:
        """Whether any params, events, texts or histograms wait."""
        return any(self.tables.values())

    @property
    def pending(self) -> bool:
        """Whether anything but the console waits for a transaction."""
        return bool(
            self.has_rows or self.columns or self.meta_dirty or self.run_start or self.points.dirty
        )

    def committed(self) -> None:
        """The batch's rows are stored: start the next one (the points keep their open chunks)."""
        self.run_start = None
        self.columns.clear()
        self.meta_dirty = False
        self.points.committed()
        self.clear_tables()

    def discard(self) -> None:
        """Forget what cannot be stored at all (the run's row and context are kept)."""
        self.points.discard()
        self.clear_tables()
        self.columns.clear()

    def clear_tables(self) -> None:
        """Forget the table rows and the memory they held."""
        for rows in self.tables.values():
            rows.clear()
        self.size = 0


def _finite(values: list[float]) -> list[float | None]:
    return [v if v == v and not math.isinf(v) else None for v in values]
