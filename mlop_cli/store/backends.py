"""One query layer, several backends: pick the store a ``--store`` spec names.

- a file path: the SQLite store (:class:`mlop_cli.store.queries.Store`);
- a ``postgresql://`` or ``postgres://`` URL: the team store (:class:`PgStore`);
- a folder holding ``*.db`` files (one store per node on a shared filesystem,
  ``.mlop/<host>.db``): all of them at once (:class:`MultiStore`).

Every backend answers the :class:`RunStore` protocol, so each command (ls, show, logs,
compare, export, check, report) works unchanged against any of them.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from mlop_cli.errors import RunNotFoundError, StoreError
from mlop_cli.store.model import (
    Event,
    Histogram,
    LogChunk,
    MetricKey,
    MetricSummary,
    Run,
    RunRef,
    RunStore,
    Series,
    TextNote,
)
from mlop_cli.store.pg import is_pg_url
from mlop_cli.store.queries import Store, resolve_reference

__all__ = ["MultiStore", "RunStore", "open_store", "segment_of"]


def open_store(spec: str | Path, note: Callable[[str], None] | None = None) -> RunStore:
    """Open the store a ``--store`` value names (see the module docstring).

    Args:
        note: told (one line) when a run name picks the newest of several runs.

    Raises:
        StoreError: nothing readable there (one line, saying what to do).
    """
    opened = _open(spec, note)
    opened.note = note
    return opened


def _open(spec: str | Path, note: Callable[[str], None] | None) -> RunStore:
    text = str(spec)
    if is_pg_url(text):
        from mlop_cli.store.pg_store import PgStore

        return PgStore(text)
    path = Path(spec).expanduser()
    if path.is_dir():
        files = sorted(path.glob("*.db"))
        if not files:
            raise StoreError(f"{path} is a folder without store files (*.db)")
        # One node's file that cannot be read (empty, damaged, not a store) is said and left
        # out: the other nodes' runs are still read.
        stores: list[Store] = []
        refused: list[StoreError] = []
        for file in files:
            try:
                stores.append(Store(file))
            except StoreError as unreadable:
                refused.append(unreadable)
        if not stores:
            raise refused[0]
        if note is not None:
            for reason in refused:
                note(f"{reason}; left out, the other stores in {path} are read")
        return MultiStore(stores, path)
    return Store(path)


class MultiStore:
    """Several SQLite stores read as one: lists merged, each run read from its own file.

    Run ids are globally unique, so a run lives in exactly one of the stores.
    """

    note: Callable[[str], None] | None = None

    def __init__(self, stores: list[Store], path: Path) -> None:
        self.stores = stores
        self.path = path
        self._owner: dict[str, Store] = {}

    def close(self) -> None:
        """Close every store."""
        for store in self.stores:
            store.close()

    def runs(
        self,
        *,
        project: str | None = None,
        tag: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        limit: int | None = None,
        group: str | None = None,
    ) -> list[Run]:
        """Runs of every store, newest first."""
        lists = []
        for store in self.stores:
            runs = store.runs(project=project, tag=tag, status=status, limit=limit, group=group)
            for run in runs:
                self._owner[run.id] = store
            lists.append(runs)
        merged = heapq.merge(*lists, key=lambda r: (r.started_at or 0, r.id), reverse=True)
        result = list(merged)
        return result[:limit] if limit is not None else result

    def tags_of(self, run_ids: list[str]) -> dict[str, list[str]]:
        """Tags of several runs, from whichever store holds each."""
        tags: dict[str, list[str]] = {}
        for store in self.stores:
            tags.update(store.tags_of(run_ids))
        return tags

    def resolve(self, ref: str) -> str:
        """Resolve across every store, as one store does (names and ``last`` over all runs)."""
        return resolve_reference(ref, self, self.path, self.note)

    def newest_ids(self, limit: int) -> list[str]:
        """The ids of the newest ``limit`` runs of all the stores."""
        return [run.id for run in self.runs(limit=limit)]

    def find_id(self, run_id: str) -> str | None:
        """``run_id`` when one of the stores has a run of exactly that id."""
        for store in self.stores:
            if store.find_id(run_id) is not None:
                self._owner[run_id] = store
                return run_id
        return None

    def named(self, name: str) -> list[RunRef]:
        """The runs named ``name`` in every store, newest first."""
        return self._merged(lambda store: store.named(name))

    def with_id_prefix(self, prefix: str) -> list[RunRef]:
        """The runs of every store whose id starts with ``prefix``, newest first."""
        return self._merged(lambda store: store.with_id_prefix(prefix))

    def _merged(self, refs_of: Callable[[Store], list[RunRef]]) -> list[RunRef]:
        lists = []
        for store in self.stores:
            refs = refs_of(store)
            for ref in refs:
                self._owner[ref.id] = store
            lists.append(refs)
        return list(heapq.merge(*lists, key=lambda r: (r.started_at or 0, r.id), reverse=True))

    def _store_of(self, run_id: str) -> Store:
        store = self._owner.get(run_id)
        if store is None:
            for candidate in self.stores:
                if candidate.find_id(run_id) is not None:
                    store = self._owner[run_id] = candidate
                    break
        if store is None:
            raise RunNotFoundError(f"no run {run_id!r} in the stores in {self.path}")
        return store

    # Every other reader takes the run id first: the store that holds the run answers.

    def run(self, run_id: str) -> Run:
        """One run, from the store that holds it."""
        return self._store_of(run_id).run(run_id)

    def params(self, run_id: str) -> dict[str, Any]:
        """A run's parameters."""
        return self._store_of(run_id).params(run_id)

    def complete(self, run_id: str, say: Callable[[str], None] | None = None) -> bool:
        """Make a run's record complete before it is read (see :meth:`Store.complete`)."""
        return self._store_of(run_id).complete(run_id, say)

    def metric_summaries(self, run_id: str) -> dict[str, MetricSummary]:
        """A run's metric summaries, keyed by the name readers show."""
        return self._store_of(run_id).metric_summaries(run_id)

    def metric_keys(self, run_id: str) -> list[MetricKey]:
        """A run's metrics."""
        return self._store_of(run_id).metric_keys(run_id)

    def series(
        self, run_id: str, name: str, source: str | None = None, tail: int | None = None
    ) -> Series | None:
        """The points of one metric of a run."""
        return self._store_of(run_id).series(run_id, name, source, tail)

    def all_series(self, run_id: str) -> Iterator[Series]:
        """Every metric's points of a run, one series at a time."""
        return self._store_of(run_id).all_series(run_id)

    def histograms(self, run_id: str) -> dict[str, list[Histogram]]:
        """A run's histograms by metric name."""
        return self._store_of(run_id).histograms(run_id)

    def texts(self, run_id: str) -> list[TextNote]:
        """A run's text summaries."""
        return self._store_of(run_id).texts(run_id)

    def events(self, run_id: str, min_level: str = "info") -> list[Event]:
        """mlop's notes on a run, oldest first."""
        return self._store_of(run_id).events(run_id, min_level)

    def logs(self, run_id: str, after_seq: int = -1) -> list[LogChunk]:
        """A run's console chunks after ``after_seq``."""
        return self._store_of(run_id).logs(run_id, after_seq)

    def console_tail(self, run_id: str, max_bytes: int = 64 * 1024) -> bytes:
        """The last ``max_bytes`` of a run's console."""
        return self._store_of(run_id).console_tail(run_id, max_bytes)


def segment_of(run: Run) -> int:
    """The run's segment in its group: Slurm's restart count of a requeued job (0 first)."""
    return run.segment
