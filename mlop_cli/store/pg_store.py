"""The PostgreSQL team store: read access with the same methods and results as ``Store``, and
deletion (the team store's retention path).

The query layer is shared: :class:`PgStore` inherits every method of
:class:`mlop_cli.store.queries.Store` and only swaps the connection, the parameter marker the
shared queries are written with (``Store.mark``: ``%s``), and the one query that differs,
:meth:`series`: a series' packed chunks are read in one round trip and decoded as SQLite's
are (:meth:`Series.from_chunks`, one pass per column), so a report from the team store is
about as fast as from a local file (``tests/benchmarks/bench_sync.py``). Text columns use the
"C" collation, so ``ORDER BY`` sorts as SQLite does, and ``double precision`` round-trips
every float exactly: ``mlop show --json`` prints the same document from either store.
"""

from __future__ import annotations

import array
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlop_cli.store.edit import Removal

from mlop_cli.errors import StoreError, UsageError
from mlop_cli.store import pg
from mlop_cli.store.model import MetricKey, PointChunk, Series
from mlop_cli.store.queries import SOURCE_PREFERENCE, Store, effective_status
from mlop_cli.store.schema import CHUNK_POINTS

# Columns of the team store's runs table that only the sync uses.
_SYNC_COLUMNS = ("sync_version", "sync_at")


def _open(url: str, application: str) -> tuple[pg.PgSession, int]:
    session = pg.PgSession(url, application=application)
    try:
        version = pg.has_schema(session)
    except StoreError as error:
        session.close()
        raise StoreError(f"cannot read {session.shown}: {error}") from None
    if version == 0:
        session.close()
        raise StoreError(
            f"{session.shown} holds no mlop runs yet: send some with `mlop sync --to URL --all`"
        )
    if version > pg.PG_SCHEMA_VERSION:
        session.close()
        raise StoreError(
            f"the team store was written by a newer mlop (schema {version}); upgrade mlop"
        )
    pg.use_schema(session)
    return session, version


class PgStore(Store):
    """Read access to runs synced into PostgreSQL (``mlop sync --to URL``)."""

    mark = "%s"  # psycopg's parameter marker: the shared queries are written with it

    def __init__(  # the class says it
        self, url: str, opened: tuple[pg.PgSession, int] | None = None
    ) -> None:
        self.session, self.version = opened or _open(url, "mlop")
        # ``path`` is what messages name: the URL without its password.
        self.path = self.session.shown  # type: ignore[assignment]
        self.url = url

    def close(self) -> None:
        """Close the connection."""
        self.session.close()

    def complete(self, run_id: str, say: Callable[[str], None] | None = None) -> bool:
        """Runs arrive in the team store complete: nothing to do."""
        return True

    def _rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        rows = self.session.rows(sql, list(params))
        for row in rows:
            for column in _SYNC_COLUMNS:
                row.pop(column, None)
        return rows

    def series(
        self, run_id: str, name: str, source: str | None = None, tail: int | None = None
    ) -> Series | None:
        """The points of one metric, in the order they were written (only the last ``tail``)."""
        if self.version >= 2 and tail is None:
            return self._series_at_once(run_id, name, source)
        sql = (
            "SELECT m.id, m.source FROM metrics m JOIN run_metrics r ON r.metric_id = m.id"
            " WHERE r.run_id = %s AND m.name = %s"
        )
        params: list[Any] = [run_id, name]
        if source is not None:
            sql += " AND m.source = %s"
            params.append(source)
        found = self.session.rows(sql + f" ORDER BY {SOURCE_PREFERENCE} LIMIT 1", params)
        if not found:
            return None
        metric_id, found_source = found[0]["id"], found[0]["source"]
        if self.version < 2:
            return self._series_of_rows(run_id, name, metric_id, found_source, tail)
        # Rows hold at most CHUNK_POINTS points: the tail lies in rows starting after this.
        chunks = self.session.rows(
            "SELECT steps, times, vals, epochs FROM point_chunks"
            " WHERE run_id = %s AND metric_id = %s AND first > (SELECT coalesce(max(first + n),"
            " 0) FROM point_chunks WHERE run_id = %s AND metric_id = %s) - %s ORDER BY first",
            [run_id, metric_id, run_id, metric_id, int(tail or 0) + CHUNK_POINTS],
            binary=True,
        )
        return Series.from_chunks(
            MetricKey(found_source, name),
            [PointChunk(*chunk) for chunk in chunks],
            big_endian=True,
            tail=tail,
        )

    def _series_at_once(self, run_id: str, name: str, source: str | None) -> Series | None:
        """A whole series in one round trip: its chunks, in bulk (what a report reads)."""
        sql = (
            "SELECT steps, times, vals, epochs, m.source FROM point_chunks c"
            " JOIN metrics m ON m.id = c.metric_id WHERE c.run_id = %s AND m.name = %s"
        )
        params: list[Any] = [run_id, name]
        if source is not None:
            sql += " AND m.source = %s"
            params.append(source)
        chunks = self.session.rows(sql + f" ORDER BY {SOURCE_PREFERENCE}, c.first", params,
                                   binary=True)  # fmt: skip
        if not chunks:
            return None
        found_source = chunks[0][4]
        return Series.from_chunks(
            MetricKey(found_source, name),
            [PointChunk(*chunk[:4]) for chunk in chunks if chunk[4] == found_source],
            big_endian=True,
        )

    def _series_of_rows(
        self, run_id: str, name: str, metric_id: int, source: str, tail: int | None
    ) -> Series:
        """Schema 1 (one row per point), for a team store not migrated yet."""
        query = "SELECT step, time, value FROM points WHERE run_id = %s AND metric_id = %s"
        if tail is not None:
            query = (
                "SELECT step, time, value FROM (SELECT idx, step, time, value FROM points"
                f" WHERE run_id = %s AND metric_id = %s ORDER BY idx DESC LIMIT {int(tail)})"
                " last"
            )
        rows = self.session.rows(query + " ORDER BY idx", [run_id, metric_id], binary=True)
        return Series(
            name,
            source,
            array.array("q", [r[0] for r in rows]),
            array.array("d", [r[1] for r in rows]),
            array.array("d", [r[2] for r in rows]),
        )


class PgEditor:
    """Deleting runs from the team store: ``mlop rm`` and ``mlop gc`` with ``--store URL``.

    Deleted runs are remembered (``mlop.deleted_runs``), so a node that still has them never
    sends them again. Runs go in transactions of 100, each run's lock taken first.
    """

    def __init__(self, url: str, command: str = "mlop rm") -> None:
        self.session, version = _open(url, command)
        if version < pg.PG_SCHEMA_VERSION:
            pg.ensure_schema(self.session)
        self.path = self.session.shown
        self.command = command
        # The readers' queries, on this session.
        self._store = PgStore(url, (self.session, pg.PG_SCHEMA_VERSION))

    def close(self) -> None:
        """Close the connection."""
        self.session.close()

    def __enter__(self) -> PgEditor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def delete_runs(
        self, run_ids: list[str], *, force: bool = False, dry_run: bool = False
    ) -> Removal:
        """Delete runs and everything of theirs (see ``StoreEditor.delete_runs``)."""
        from mlop_cli.store.edit import RunningRunError

        rows = [self._run_row(run_id) for run_id in dict.fromkeys(run_ids)]
        now = time.time()
        for row in rows:
            row["status"] = effective_status(row, now)
        running = [row for row in rows if row["status"] == "running"]
        if running and not force:
            names = ", ".join(f"{row['id']} ({row.get('name')})" for row in running)
            raise RunningRunError(
                f"{names} is still running; stop it first, or pass --force to delete it anyway"
            )
        return self._remove(rows, dry_run=dry_run)

    def collect_garbage(
        self,
        *,
        older_than_days: float | None = None,
        statuses: list[str] | None = None,
        vacuum: bool = False,
        dry_run: bool = False,
        now: float | None = None,
    ) -> Removal:
        """Delete runs that started more than ``older_than_days`` ago (and/or have one of
        ``statuses``), never a run still running: the team store's retention."""
        if vacuum:
            raise UsageError(
                "--vacuum is for a local store; PostgreSQL's autovacuum reuses the space of "
                "deleted runs (VACUUM FULL, by the database owner, gives it back to the disk)"
            )
        now = time.time() if now is None else now
        where, params = [], []
        if older_than_days is not None:
            where.append("started_at < %s")
            params.append(now - older_than_days * 86400.0)
        selected = []
        if older_than_days is not None or statuses:
            sql = "SELECT * FROM runs" + (" WHERE " + " AND ".join(where) if where else "")
            for row in self._store._rows(sql + " ORDER BY started_at, id", params):
                status = effective_status(row, now)
                if status == "running" or (statuses and status not in statuses):
                    continue
                row["status"] = status
                selected.append(row)
        return self._remove(selected, dry_run=dry_run)

    def _run_row(self, run_id: str) -> dict[str, Any]:
        rows = self._store._rows("SELECT * FROM runs WHERE id = %s", (run_id,))
        if not rows:
            raise UsageError(f"no run {run_id!r} in {self.path}")
        return rows[0]

    def _remove(self, rows: list[dict[str, Any]], *, dry_run: bool) -> Removal:
        from mlop_cli.store.edit import Removal
        from mlop_cli.store.pg_sync import delete_runs

        removal = Removal(runs=rows, dry_run=dry_run)
        ids = [row["id"] for row in rows]
        removal.rows = {table: 0 for table, _ in pg.RUN_TABLES if table != "sync_state"}
        for start in range(0, len(ids), 100):
            part = ids[start : start + 100]
            if dry_run:
                for table, column in pg.RUN_TABLES:
                    if table in removal.rows:
                        found = self.session.execute(
                            f"SELECT count(*) FROM {table} WHERE {column} = ANY(%s)", (part,)
                        )
                        removal.rows[table] += int(found[0][0])
            else:
                counts = delete_runs(self.session, part, self.command)
                for table, count in counts.items():
                    if table in removal.rows:
                        removal.rows[table] += count
        return removal
