"""PostgreSQL: URLs, sessions with timeouts, and the versioned schema of the team store.

The team store lives in its own PostgreSQL schema (``mlop``), so it never collides with a
user's tables. Its layout mirrors the SQLite store's: points are packed in chunks, 8 bytes a
point (``mlop.point_chunks``), and the view ``mlop.points`` unpacks them into one row per point
for SQL users. See ``docs/sync.md`` for the tables.

psycopg 3 is an optional extra; it is imported only when a PostgreSQL URL is used.
Credentials are handled by libpq: the URL, ``PGPASSWORD``, ``~/.pgpass``, ``PGSERVICE``. They
are never stored locally nor printed: every message names the URL through :func:`shown_url`.

Every session has a connect, statement, lock and idle-in-transaction timeout, and a watchdog
on this side: a frozen server (SIGSTOP, a stalled VM) never answers, so its own
``statement_timeout`` never fires; the watchdog then cuts the socket and the caller gets one
line, never an endless wait.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import socket
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from mlop_cli.errors import StoreError
from mlop_cli.redact import find_urls, redact_url, url_secrets

PG_SCHEMA = "mlop"
PG_SCHEMA_VERSION = 2
_URL_PREFIXES = ("postgresql://", "postgres://")
# Taken by whoever creates or migrates the schema: many nodes may sync at once.
_MIGRATION_LOCK = 0x6D6C6F70  # "mlop"
URL_MASK = "***"

# Timeouts of every session (seconds). MLOP_PG_TIMEOUT sets the statement timeout, and caps
# the others (the lock timeout at half of it): a test or a slow link changes them all at once.
TIMEOUT_ENV = "MLOP_PG_TIMEOUT"
CONNECT_TIMEOUT_S = 10.0
STATEMENT_TIMEOUT_S = 60.0
LOCK_TIMEOUT_S = 15.0
# A client that stops mid-transaction (SIGSTOP, a frozen node) holds its run's lock until the
# server ends its session.
IDLE_IN_TRANSACTION_TIMEOUT_S = 60.0
# The watchdog waits this much longer than the server's own timeouts before it cuts.
WATCHDOG_MARGIN_S = 5.0
_WATCHDOG_TICK_S = 0.5
MIGRATION_TIMEOUT_S = 3600.0


def is_pg_url(spec: str | None) -> bool:
    """Whether a store spec names a PostgreSQL database rather than a SQLite file."""
    return bool(spec) and str(spec).lower().startswith(_URL_PREFIXES)


def shown_url(url: str) -> str:
    """The URL as every message shows it: ``postgresql://me:***@host/db`` (parsed, not matched)."""
    return redact_url(url, URL_MASK, whole=True)


def check_url(url: str) -> None:
    """Refuse, before libpq reads it, a URL whose password libpq would misread.

    libpq ends the user part at the first ``@`` or ``/``: a password holding a raw one of them
    would be cut there, and libpq's error would quote the rest (part of the password) as a
    host or a port. A ``%`` not followed by two hex digits gets libpq to quote the token.

    Raises:
        StoreError: one line, without the password, saying how to write it.
    """
    found = find_urls(url, whole=True)
    if not found or found[0].password is None:
        return
    begin, end = found[0].password
    password = url[begin:end]
    problem = None
    if "@" in password or "/" in password:
        problem = "holds a raw '@' or '/'"
    elif re.search(r"%(?![0-9A-Fa-f]{2})", password):
        problem = "holds a '%' that is not percent-encoding"
    if problem:
        raise StoreError(
            f"the password in {shown_url(url)} {problem}: percent-encode it (@ as %40, / as %2F, "
            "% as %25), or leave it out of the URL and use PGPASSWORD or ~/.pgpass"
        )


def _psycopg() -> ModuleType:
    try:
        import psycopg
    except ImportError as error:
        raise StoreError(
            "PostgreSQL support is not installed: pip install 'mlop[postgres]' (psycopg 3)"
        ) from error
    # psycopg logs what it ignores while closing a broken connection ("error ignored
    # terminating <psycopg.Copy>"): Python would print it on stderr, beside our one line.
    logging.getLogger("psycopg").addHandler(logging.NullHandler())
    logging.getLogger("psycopg").propagate = False
    return psycopg


@dataclass(frozen=True)
class Timeouts:
    """A session's limits, in seconds."""

    connect: float = CONNECT_TIMEOUT_S
    statement: float = STATEMENT_TIMEOUT_S
    lock: float = LOCK_TIMEOUT_S
    idle_in_transaction: float = IDLE_IN_TRANSACTION_TIMEOUT_S

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Timeouts:
        """The defaults, or all bounded by ``MLOP_PG_TIMEOUT`` seconds when it is set."""
        value = (env if env is not None else os.environ).get(TIMEOUT_ENV)
        if not value:
            return cls()
        try:
            seconds = float(value)
        except ValueError:
            raise StoreError(f"{TIMEOUT_ENV}={value!r} is not a number of seconds") from None
        if not seconds > 0:
            raise StoreError(f"{TIMEOUT_ENV}={value!r}: give a number of seconds above 0")
        return cls(
            connect=min(CONNECT_TIMEOUT_S, seconds),
            statement=seconds,
            # Below the statement timeout, so that a wait for a lock says what it waited for.
            lock=min(LOCK_TIMEOUT_S, seconds / 2),
            idle_in_transaction=seconds,
        )

    @property
    def watchdog(self) -> float:
        """How long one round trip may take before the socket is cut."""
        return self.statement + WATCHDOG_MARGIN_S


class _Watchdog:
    """Cuts a session's socket when one round trip outlasts its deadline.

    A server that is frozen, or a link that silently drops packets, never answers: libpq would
    wait forever, and the server-side ``statement_timeout`` cannot fire. Shutting the socket
    down wakes the blocked read or write at once (psycopg then raises), whatever thread waits.
    """

    def __init__(self, name: str) -> None:
        # (deadline, socket) while a round trip is under way: one attribute, written whole.
        self._armed: tuple[float, int] | None = None
        self._closed = threading.Event()
        self.fired = False
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def arm(self, fileno: int, seconds: float) -> None:
        # No lock and no wake-up: readers make hundreds of round trips, and a deadline is
        # seconds away, so the watchdog looking once a second is soon enough.
        self._armed = (time.monotonic() + seconds, fileno)

    def disarm(self) -> None:
        self._armed = None

    def close(self) -> None:
        self._closed.set()

    def _loop(self) -> None:
        while not self._closed.wait(_WATCHDOG_TICK_S):
            armed = self._armed
            if armed is not None and time.monotonic() > armed[0] and self._armed is armed:
                self._armed = None
                self.fired = True
                self._cut(armed[1])

    @staticmethod
    def _cut(fileno: int) -> None:
        with contextlib.suppress(OSError):
            # A duplicate of the descriptor: shutting it down shuts the shared socket, and
            # closing it leaves libpq's own descriptor alone.
            sock = socket.socket(fileno=os.dup(fileno))
            try:
                sock.shutdown(socket.SHUT_RDWR)
            finally:
                sock.close()


class PgSession:
    """One autocommit connection to the team store, every round trip under a deadline.

    Args:
        url: a ``postgresql://`` URL.
        application: ``application_name`` (what ``pg_stat_activity`` shows).
        timeouts: the session's limits (default: :meth:`Timeouts.from_env`).

    Raises:
        StoreError: one line naming the URL without its password, and libpq's reason.
    """

    def __init__(
        self, url: str, *, application: str = "mlop", timeouts: Timeouts | None = None
    ) -> None:
        psycopg = _psycopg()
        self.url = url
        self.shown = shown_url(url)
        self.timeouts = timeouts or Timeouts.from_env()
        self._secrets = [s for s in url_secrets(url, whole=True) if s]
        check_url(url)
        kwargs: dict[str, Any] = {"autocommit": True, "application_name": application}
        if "connect_timeout" not in url:
            kwargs["connect_timeout"] = max(1, round(self.timeouts.connect))
        try:
            self.conn = psycopg.connect(url, **kwargs)
        except Exception as error:  # psycopg.Error, or a malformed URL
            raise StoreError(f"cannot connect to {self.shown}: {self.reason(error)}") from None
        self._watchdog = _Watchdog("mlop-pg-watchdog")
        try:
            t = self.timeouts
            self.execute(
                "SELECT set_config('statement_timeout', %s, false),"
                " set_config('lock_timeout', %s, false),"
                " set_config('idle_in_transaction_session_timeout', %s, false)",
                (_ms(t.statement), _ms(t.lock), _ms(t.idle_in_transaction)),
            )
        except StoreError:
            self.close()
            raise

    # -- round trips ------------------------------------------------------------------------

    @contextlib.contextmanager
    def deadline(self, seconds: float | None = None) -> Iterator[None]:
        """Cut the connection if what runs inside takes more than ``seconds`` (default: the
        statement timeout plus a margin); errors become one-line :class:`StoreError`."""
        try:
            fileno = self.conn.pgconn.socket
        except Exception as error:  # the connection is already closed
            raise self.error(error) from None
        self._watchdog.arm(fileno, seconds if seconds is not None else self.timeouts.watchdog)
        try:
            yield
        except StoreError:
            raise
        except Exception as error:
            raise self.error(error) from None
        finally:
            self._watchdog.disarm()

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run one statement; its rows (empty when it returns none)."""
        with self.deadline(), self.conn.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description is not None else []

    def rows(
        self, sql: str, params: Sequence[Any] | None = None, *, binary: bool = False
    ) -> list[Any]:
        """Rows of a query as dicts (or tuples with ``binary``, for bulk arrays)."""
        from psycopg.rows import dict_row, tuple_row

        with self.deadline():
            factory: Any = tuple_row if binary else dict_row
            with self.conn.cursor(row_factory=factory, binary=binary) as cursor:
                cursor.execute(sql, params)
                rows: list[Any] = cursor.fetchall()
                return rows

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each parameter row (one round trip, pipelined)."""
        with self.deadline(), self.conn.cursor() as cursor:
            cursor.executemany(sql, params)

    def copy(self, sql: str, payload: bytes | Iterable[bytes]) -> None:
        """``COPY ... FROM STDIN`` with a ready payload (a binary COPY stream)."""
        with self.deadline(), self.conn.cursor().copy(sql) as copy:
            if isinstance(payload, bytes | bytearray | memoryview):
                copy.write(payload)
            else:
                for part in payload:
                    copy.write(part)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN ... COMMIT, each round trip under its deadline; ROLLBACK on any error."""
        self.execute("BEGIN")
        try:
            yield
        except BaseException:
            with contextlib.suppress(Exception):
                if not self._watchdog.fired and not self.conn.closed:
                    self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def lock_run(self, run_id: str) -> None:
        """Take the run's advisory lock for this transaction (syncs of one run take turns).

        Raises:
            StoreError: the lock is held longer than the lock timeout, naming its holder.
        """
        try:
            self.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (run_id,))
        except StoreError as error:
            if "lock timeout" not in str(error):
                raise
            raise StoreError(
                f"another sync of run {run_id} holds it{self._holder(run_id)}; "
                f"waited {self.timeouts.lock:.0f} s for it: try again later"
            ) from None

    def _holder(self, run_id: str) -> str:
        """Who holds a run's lock, for the message (best effort, in a fresh session)."""
        try:
            probe = PgSession(self.url, application="mlop probe", timeouts=self.timeouts)
        except StoreError:
            return ""
        try:
            found = probe.execute(
                "SELECT a.pid, coalesce(host(a.client_addr), 'local'), a.application_name,"
                " extract(epoch FROM now() - coalesce(a.xact_start, a.backend_start))"
                " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                " AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(%s, 0)",
                (run_id,),
            )
        except StoreError:
            return ""
        finally:
            probe.close()
        if not found:
            return ""
        pid, address, application, seconds = found[0]
        return (
            f" (server pid {pid}, {application or 'a client'} from {address},"
            f" for {float(seconds or 0):.0f} s)"
        )

    def close(self) -> None:
        """Close the connection (never waits on a frozen server)."""
        watchdog = getattr(self, "_watchdog", None)
        if watchdog is not None:
            watchdog.close()
        conn = getattr(self, "conn", None)
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()

    # -- errors -----------------------------------------------------------------------------

    def error(self, error: BaseException) -> StoreError:
        """One line for a failed round trip: what happened, never a password."""
        if isinstance(error, StoreError):
            return error
        if self._watchdog.fired:
            return StoreError(
                f"{self.shown} did not answer for {self.timeouts.watchdog:.0f} s (the server "
                "or the network is stalled); nothing half-sent is kept: try again later"
            )
        state = getattr(getattr(error, "diag", None), "sqlstate", None) or ""
        if state == "55P03":
            return StoreError(f"lock timeout on {self.shown}: {self.reason(error)}")
        if state == "57014":
            return StoreError(
                f"{self.shown}: a statement ran past the {self.timeouts.statement:.0f} s "
                f"statement timeout ({TIMEOUT_ENV} sets it): {self.reason(error)}"
            )
        return StoreError(f"{self.shown}: {self.reason(error)}")

    def reason(self, error: BaseException) -> str:
        """libpq's reason in one line, without this session's password in any form."""
        text = reason_of(error)
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, URL_MASK)
        return text


def _ms(seconds: float) -> str:
    return f"{max(1, round(seconds * 1000))}ms"


def reason_of(error: BaseException) -> str:
    """libpq's reason in one line: the last ``FATAL:`` / ``ERROR:`` line, URLs redacted."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    for line in reversed(lines):
        match = re.search(r"(?:FATAL|ERROR):\s+(.*)", line)
        if match:
            return redact_url(match.group(1), URL_MASK)
    # "connection to server at ..., port 1 failed: Connection refused": keep the reason.
    text = lines[0].rsplit("failed: ", 1)[-1]
    return redact_url(text, URL_MASK)


# -- schema ---------------------------------------------------------------------------------


def has_schema(session: PgSession) -> int:
    """The team store's schema version, 0 when this database has none yet."""
    exists = session.execute(
        "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = 'schema_version'",
        (PG_SCHEMA,),
    )
    if not exists:
        return 0
    row = session.execute(f"SELECT max(version) FROM {PG_SCHEMA}.schema_version")
    return int(row[0][0] or 0)


def use_schema(session: PgSession) -> None:
    """Point the session at the ``mlop`` schema (readers' SQL is unqualified)."""
    session.execute(f"SET search_path TO {PG_SCHEMA}")


def ensure_schema(session: PgSession, upto: int = PG_SCHEMA_VERSION) -> None:
    """Create or migrate the team store's schema; one query when it is current.

    Concurrent callers serialise on an advisory lock; each migration runs in one transaction
    and is recorded in ``mlop.schema_version``. A migration may rewrite big tables, so its
    transaction lifts the statement timeout and waits longer for the lock.
    """
    version = has_schema(session)
    if version >= upto:
        if version > PG_SCHEMA_VERSION:
            raise StoreError(
                f"the team store was written by a newer mlop (schema {version}, this one knows "
                f"{PG_SCHEMA_VERSION}); upgrade mlop"
            )
        use_schema(session)
        return
    with session.deadline(MIGRATION_TIMEOUT_S):
        conn = session.conn
        with conn.transaction():
            conn.execute(f"SET LOCAL statement_timeout = {int(MIGRATION_TIMEOUT_S * 1000)}")
            conn.execute(f"SET LOCAL lock_timeout = {int(MIGRATION_TIMEOUT_S * 1000)}")
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            exists = conn.execute(
                "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = 'schema_version'",
                (PG_SCHEMA,),
            ).fetchone()
            version = 0
            if exists:  # another node may have migrated while we waited
                row = conn.execute(f"SELECT max(version) FROM {PG_SCHEMA}.schema_version")
                version = int(row.fetchone()[0] or 0)
            for number, name, statements in MIGRATIONS:
                if number <= version or number > upto:
                    continue
                for statement in statements:
                    _apply(conn, statement)
                conn.execute(
                    f"INSERT INTO {PG_SCHEMA}.schema_version (version, name) VALUES (%s, %s)",
                    (number, name),
                )
    use_schema(session)


def _apply(conn: Any, statement: str) -> None:
    if statement.startswith(_TRY):
        # An optional statement (lz4 needs a server built with it): on failure, the fallback.
        preferred, _, fallback = statement[len(_TRY) :].partition(_ELSE)
        try:
            with conn.transaction():  # a savepoint
                conn.execute(preferred)
        except Exception:  # e.g. "compression method lz4 not supported"
            conn.execute(fallback)
        return
    conn.execute(statement)


_TRY, _ELSE = "-- try\n", "\n-- else\n"
# Text columns compared or sorted by readers use the "C" collation, so ORDER BY gives the
# same order as SQLite's (byte order), whatever the database's locale.
_C = 'COLLATE "C"'
_S = PG_SCHEMA
_PACKED = ("steps", "times", "vals", "epochs")


def _bits(packed: str) -> str:
    """SQL: the 8 bytes of point ``i`` of a packed chunk, as a bigint (big-endian)."""
    return f"('x' || encode(substring({packed} FROM i * 8 + 1 FOR 8), 'hex'))::bit(64)::bigint"


def _float(bits: str) -> str:
    """SQL: the IEEE 754 double whose bits are ``bits``, exactly (NaN, infinities, -0,
    subnormals): sign x 53-bit mantissa x a power of two, each step exact."""
    exponent = f"(({bits} >> 52) & 2047)"
    mantissa = f"({bits} & 4503599627370495)"
    return (
        f"CASE WHEN {exponent} = 2047 THEN CASE WHEN {mantissa} <> 0 THEN 'NaN'::float8"
        f" WHEN {bits} < 0 THEN '-Infinity'::float8 ELSE 'Infinity'::float8 END"
        f" ELSE (CASE WHEN {bits} < 0 THEN -1 ELSE 1 END)::float8"
        f" * ({mantissa} | CASE WHEN {exponent} = 0 THEN 0 ELSE 4503599627370496 END)::float8"
        f" * power(2::float8, (greatest({exponent}, 1) - 1075)::float8) END"
    )


# Each chunk is detoasted once (the OFFSET 0 subquery), then read point by point: about
# 3 us a point. For whole series, read the chunks themselves (8 bytes a point, big-endian).
_POINTS_VIEW = f"""CREATE VIEW {_S}.points AS
    SELECT c.run_id, c.metric_id, m.name AS metric, m.source, c.first + i AS idx,
           u.step, {_float("u.t")} AS time, {_float("u.v")} AS value,
           NULLIF({_float("u.e")}, 'NaN') AS epoch
    FROM {_S}.point_chunks c JOIN {_S}.metrics m ON m.id = c.metric_id
    CROSS JOIN LATERAL (SELECT c.steps || ''::bytea AS s, c.times || ''::bytea AS t,
        c.vals || ''::bytea AS v, c.epochs || ''::bytea AS e OFFSET 0) d
    CROSS JOIN LATERAL generate_series(0, c.n - 1) AS i
    CROSS JOIN LATERAL (SELECT {_bits("d.s")} AS step, {_bits("d.t")} AS t,
        {_bits("d.v")} AS v, {_bits("d.e")} AS e OFFSET 0) u"""
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "0001_initial",
        [
            f"CREATE SCHEMA IF NOT EXISTS {_S}",
            f"""CREATE TABLE {_S}.schema_version (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())""",
            f"""CREATE TABLE {_S}.runs (
                id text {_C} PRIMARY KEY,
                name text {_C}, project text {_C}, status text {_C}, command text,
                cwd text, host text, "user" text, pid bigint, pid_started_at double precision,
                child_pid bigint, started_at double precision, ended_at double precision,
                heartbeat_at double precision, exit_code integer, signal integer,
                git_commit text, git_branch text, git_dirty integer, slurm_job_id text,
                group_id text {_C}, meta text)""",
            f"CREATE INDEX ON {_S}.runs (started_at)",
            f"CREATE INDEX ON {_S}.runs (project)",
            f"CREATE INDEX ON {_S}.runs (group_id)",
            f"""CREATE TABLE {_S}.params (
                run_id text {_C} NOT NULL, key text {_C} NOT NULL, value text,
                source text {_C} NOT NULL, PRIMARY KEY (run_id, key, source))""",
            f"""CREATE TABLE {_S}.tags (
                run_id text {_C} NOT NULL, tag text {_C} NOT NULL, PRIMARY KEY (run_id, tag))""",
            f"CREATE INDEX ON {_S}.tags (tag)",
            f"""CREATE TABLE {_S}.metrics (
                id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                name text {_C} NOT NULL, source text {_C} NOT NULL, UNIQUE (name, source))""",
            # One row per point; idx is the point's position in its series (0, 1, ...).
            f"""CREATE TABLE {_S}.points (
                run_id text {_C} NOT NULL, metric_id integer NOT NULL, idx bigint NOT NULL,
                step bigint, time double precision, value double precision,
                PRIMARY KEY (run_id, metric_id, idx))""",
            f"""CREATE TABLE {_S}.run_metrics (
                run_id text {_C} NOT NULL, metric_id integer NOT NULL, count bigint,
                nan_count bigint, last_step bigint, last_time double precision,
                last_value double precision, min_value double precision, min_step bigint,
                max_value double precision, max_step bigint, sum double precision,
                first_time double precision, PRIMARY KEY (run_id, metric_id))""",
            f"""CREATE TABLE {_S}.histograms (
                run_id text {_C} NOT NULL, seq bigint NOT NULL, metric_id integer NOT NULL,
                step bigint, time double precision, edges text, counts text,
                PRIMARY KEY (run_id, seq))""",
            f"""CREATE TABLE {_S}.texts (
                run_id text {_C} NOT NULL, seq bigint NOT NULL, tag text {_C}, step bigint,
                time double precision, text text, PRIMARY KEY (run_id, seq))""",
            f"""CREATE TABLE {_S}.logs (
                run_id text {_C} NOT NULL, seq bigint NOT NULL, time double precision,
                stream integer, data bytea, PRIMARY KEY (run_id, seq))""",
            f"""CREATE TABLE {_S}.events (
                run_id text {_C} NOT NULL, id bigint NOT NULL, time double precision,
                level text, kind text, message text, data text, PRIMARY KEY (run_id, id))""",
            f"""CREATE TABLE {_S}.sync_state (
                run_id text {_C} NOT NULL, stream text {_C} NOT NULL, mark bigint NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (run_id, stream))""",
        ],
    ),
    (
        2,
        "0002_packed_points",
        [
            # 64-bit metric ids (the identity's sequence follows the column's type).
            f"ALTER TABLE {_S}.metrics ALTER COLUMN id TYPE bigint",
            f"ALTER TABLE {_S}.run_metrics ALTER COLUMN metric_id TYPE bigint",
            f"ALTER TABLE {_S}.histograms ALTER COLUMN metric_id TYPE bigint",
            # Points packed as in SQLite: up to 1,024 points of one metric per row, each array
            # 8 bytes a point, big-endian (PostgreSQL's own order: int8send, float8send). A row
            # covers the points [first, first + n) of its series. A finished run has one row per
            # local chunk (first = seq * 1024); a running run's open chunk may be sent in pieces,
            # merged into one row once the chunk is full or the run has ended. Packed bytes, not
            # float8[]: sending and receiving an array costs ~80 ns a point in the server, bytes
            # cost a copy (a report read 3.7x the CPU of SQLite's with arrays).
            f"""CREATE TABLE {_S}.point_chunks (
                run_id text {_C} NOT NULL, metric_id bigint NOT NULL, first bigint NOT NULL,
                n integer NOT NULL, step_min bigint, step_max bigint,
                time_min double precision, time_max double precision,
                steps bytea NOT NULL, times bytea NOT NULL, vals bytea NOT NULL, epochs bytea,
                PRIMARY KEY (run_id, metric_id, first) INCLUDE (n))""",
            f"CREATE INDEX ON {_S}.point_chunks (metric_id)",
            # lz4 keeps chunks small at COPY speed (pglz costs 10x the time); a server built
            # without it stores them uncompressed, out of line (about 25 bytes a point).
            *(
                f"{_TRY}ALTER TABLE {_S}.point_chunks ALTER COLUMN {column} SET COMPRESSION lz4"
                f"{_ELSE}ALTER TABLE {_S}.point_chunks ALTER COLUMN {column} SET STORAGE EXTERNAL"
                for column in _PACKED
            ),
            f"""INSERT INTO {_S}.point_chunks SELECT run_id, metric_id, (idx / 1024) * 1024,
                count(*), min(step), max(step), (array_agg(time ORDER BY idx))[1],
                (array_agg(time ORDER BY idx DESC))[1],
                string_agg(int8send(coalesce(step, 0)), ''::bytea ORDER BY idx),
                string_agg(float8send(coalesce(time, 'NaN')), ''::bytea ORDER BY idx),
                string_agg(float8send(coalesce(value, 'NaN')), ''::bytea ORDER BY idx), NULL
                FROM {_S}.points GROUP BY run_id, metric_id, idx / 1024""",
            f"DROP TABLE {_S}.points",
            # One row per point for SQL users, as schema 1 had it (plus the metric's name,
            # source and the point's epoch, NULL where the output gave none).
            _POINTS_VIEW,
            # Whole chunks as arrays, for SQL users: SELECT mlop.float8s(vals) ...
            f"""CREATE FUNCTION {_S}.int8s(packed bytea) RETURNS bigint[] LANGUAGE sql
                IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT ARRAY(SELECT {_bits("d.b")}
                FROM (SELECT packed || ''::bytea AS b OFFSET 0) d,
                generate_series(0, length(packed) / 8 - 1) AS i ORDER BY i) $$""",
            f"""CREATE FUNCTION {_S}.float8s(packed bytea) RETURNS float8[] LANGUAGE sql
                IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT ARRAY(SELECT {_float("u.x")}
                FROM (SELECT packed || ''::bytea AS b OFFSET 0) d,
                generate_series(0, length(packed) / 8 - 1) AS i,
                LATERAL (SELECT {_bits("d.b")} AS x OFFSET 0) u ORDER BY i) $$""",
            # The run row moves forward only: an UPDATE applies when its sync_version is not
            # older than the stored one (final status above running, then the heartbeat).
            f"""ALTER TABLE {_S}.runs ADD COLUMN sync_version bigint NOT NULL DEFAULT 0,
                ADD COLUMN sync_at timestamptz""",
            # Per run: which local store its rows came from (a store replaced during the run
            # starts its row ids again, so its rows get a new generation: seq = generation << 40
            # | id); whether its console metrics are done (the local console_index.done); whether
            # it is complete here (final status, record closed, console done, all sent).
            f"DROP TABLE {_S}.sync_state",
            f"""CREATE TABLE {_S}.sync_state (
                run_id text {_C} PRIMARY KEY, store_id text, generation integer NOT NULL
                DEFAULT 0, console_done boolean, complete boolean NOT NULL DEFAULT false,
                updated_at timestamptz NOT NULL DEFAULT now())""",
            # Runs deleted (``mlop rm`` on a node, or ``mlop rm/gc --store URL``): never sent
            # again by a node that still has them.
            f"""CREATE TABLE {_S}.deleted_runs (
                run_id text {_C} PRIMARY KEY, deleted_at timestamptz NOT NULL DEFAULT now(),
                deleted_by text)""",
        ],
    ),
]
# Every table holding rows of a run, with the column naming the run (deletion order).
RUN_TABLES = (
    ("point_chunks", "run_id"),
    ("run_metrics", "run_id"),
    ("histograms", "run_id"),
    ("texts", "run_id"),
    ("logs", "run_id"),
    ("events", "run_id"),
    ("params", "run_id"),
    ("tags", "run_id"),
    ("sync_state", "run_id"),
    ("runs", "id"),
)
