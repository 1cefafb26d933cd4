"""Read access to the PostgreSQL team store, with the same methods and results as ``Store``.

The query layer is shared: :class:`PgStore` inherits every method of
:class:`mlop_cli.store.queries.Store` and only swaps the connection (``?`` placeholders become
``%s``) and the one query that differs, :meth:`series` (points are rows here, packed chunks in
SQLite). Text columns use the "C" collation, so ``ORDER BY`` sorts as SQLite does, and
PostgreSQL's ``double precision`` round-trips every float exactly: ``mlop show --json`` prints
the same document from either store.
"""

from __future__ import annotations

import array
from typing import Any

from mlop_cli.errors import StoreError
from mlop_cli.store import pg
from mlop_cli.store.queries import SOURCE_PREFERENCE, Series, Store


class PgStore(Store):
    """Read access to runs synced into PostgreSQL (``mlop sync --to URL``)."""

    def __init__(self, url: str) -> None:  # noqa: D107 - the class says it
        # ``path`` is what messages name: the URL without its password.
        self.path = pg.redact_url(url)  # type: ignore[assignment]
        self.url = url
        self.conn = pg.connect(url, application="mlop")
        try:
            version = pg.has_schema(self.conn)
        except Exception as error:
            self.conn.close()
            raise StoreError(f"cannot read {self.path}: {pg.reason_of(error)}") from None
        if version == 0:
            self.conn.close()
            raise StoreError(
                f"{self.path} holds no mlop runs yet: send some with `mlop sync --to URL --all`"
            )
        if version > pg.PG_SCHEMA_VERSION:
            self.conn.close()
            raise StoreError(
                f"the team store was written by a newer mlop (schema {version}); upgrade mlop"
            )
        pg.use_schema(self.conn)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def _rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        from psycopg.rows import dict_row

        # The shared SQL has no literal % or ?, so the placeholder swap is safe.
        try:
            with self.conn.cursor(row_factory=dict_row) as cursor:
                cursor.execute(sql.replace("?", "%s"), list(params))
                return [dict(row) for row in cursor.fetchall()]
        except Exception as error:
            raise StoreError(f"cannot read {self.path}: {pg.reason_of(error)}") from None

    def series(
        self, run_id: str, name: str, source: str | None = None, tail: int | None = None
    ) -> Series | None:
        """The points of one metric, in the order they were written (only the last ``tail``)."""
        sql = (
            "SELECT m.id, m.source FROM metrics m JOIN run_metrics r ON r.metric_id = m.id"
            " WHERE r.run_id = %s AND m.name = %s"
        )
        params: list[Any] = [run_id, name]
        if source is not None:
            sql += " AND m.source = %s"
            params.append(source)
        found = self._rows(sql + f" ORDER BY {SOURCE_PREFERENCE} LIMIT 1", params)
        if not found:
            return None
        steps, times, values = array.array("q"), array.array("d"), array.array("d")
        try:
            with self.conn.cursor() as cursor:
                query = (
                    "SELECT step, time, value FROM points WHERE run_id = %s AND metric_id = %s"
                    " ORDER BY idx"
                )
                if tail is not None:
                    query = (
                        "SELECT step, time, value FROM (SELECT idx, step, time, value FROM points"
                        " WHERE run_id = %s AND metric_id = %s ORDER BY idx DESC"
                        f" LIMIT {int(tail)}) last ORDER BY idx"
                    )
                cursor.execute(query, (run_id, found[0]["id"]))
                for step, when, value in cursor:
                    steps.append(step)
                    times.append(when)
                    values.append(value)
        except Exception as error:
            raise StoreError(f"cannot read {self.path}: {pg.reason_of(error)}") from None
        return Series(name, found[0]["source"], steps, times, values)
