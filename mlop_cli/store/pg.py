"""PostgreSQL: URL handling, connections and the versioned schema of the team store.

The team store lives in its own PostgreSQL schema (``mlop``), so it never collides with a
user's tables. Its layout mirrors the SQLite store's, with two differences that PostgreSQL
users expect: points are real rows (``mlop.points``, one row per point), and every table that
is appended to carries the local row id (``seq`` / ``id``), so a duplicate can never be
inserted (the primary key refuses it) even if the sync's own bookkeeping were wrong.

psycopg 3 is an optional extra; it is imported only when a PostgreSQL URL is used.
Credentials are handled by libpq: the URL, ``PGPASSWORD``, ``~/.pgpass``, ``PGSERVICE``. They
are never stored locally nor printed: every message goes through :func:`redact_url`.
"""

from __future__ import annotations

import re
from typing import Any

from mlop_cli.errors import StoreError

PG_SCHEMA = "mlop"
PG_SCHEMA_VERSION = 1
_URL_PREFIXES = ("postgresql://", "postgres://")
# Taken by whoever creates or migrates the schema: many nodes may sync at once.
_MIGRATION_LOCK = 0x6D6C6F70  # "mlop"
CONNECT_TIMEOUT_S = 10


def is_pg_url(spec: str | None) -> bool:
    """Whether a store spec names a PostgreSQL database rather than a SQLite file."""
    return bool(spec) and str(spec).lower().startswith(_URL_PREFIXES)


def redact_url(url: str) -> str:
    """The URL with any password replaced by ``***`` (userinfo and ``password=`` parameters)."""
    text = re.sub(r"^(postgres(?:ql)?://[^:/@?#]*):[^@/?#]*@", r"\1:***@", url, flags=re.I)
    return re.sub(r"(password=)[^&\s]*", r"\1***", text, flags=re.I)


def _psycopg():  # -> module psycopg
    try:
        import psycopg
    except ImportError as error:
        raise StoreError(
            "PostgreSQL support is not installed: pip install 'mlop[postgres]' (psycopg 3)"
        ) from error
    return psycopg


def connect(url: str, *, application: str = "mlop") -> Any:
    """Open an autocommit connection to the team store (schema search path set).

    Raises:
        StoreError: one line naming the (redacted) URL and libpq's reason.
    """
    psycopg = _psycopg()
    kwargs: dict[str, Any] = {"autocommit": True, "application_name": application}
    if "connect_timeout" not in url:
        kwargs["connect_timeout"] = CONNECT_TIMEOUT_S
    try:
        conn = psycopg.connect(url, **kwargs)
    except psycopg.Error as error:
        raise StoreError(f"cannot connect to {redact_url(url)}: {reason_of(error)}") from None
    except Exception as error:  # noqa: BLE001 - e.g. a malformed URL (ProgrammingError)
        raise StoreError(f"cannot connect to {redact_url(url)}: {reason_of(error)}") from None
    return conn


def reason_of(error: BaseException) -> str:
    """libpq's reason in one line: the last ``FATAL:`` / ``ERROR:`` line, never a password."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    for line in reversed(lines):
        match = re.search(r"(?:FATAL|ERROR):\s+(.*)", line)
        if match:
            return redact_url(match.group(1))
    # "connection to server at ..., port 1 failed: Connection refused": keep the reason.
    text = lines[0].rsplit("failed: ", 1)[-1]
    return redact_url(text)


def has_schema(conn: Any) -> int:
    """The team store's schema version, 0 when this database has none yet."""
    exists = conn.execute(
        "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = 'schema_version'",
        (PG_SCHEMA,),
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute(f"SELECT max(version) FROM {PG_SCHEMA}.schema_version").fetchone()
    return int(row[0] or 0)


def use_schema(conn: Any) -> None:
    """Point the connection at the ``mlop`` schema (readers' SQL is unqualified)."""
    conn.execute(f"SET search_path TO {PG_SCHEMA}")


def ensure_schema(conn: Any) -> None:
    """Create or migrate the team store's schema; one query when it is current.

    Concurrent callers serialise on an advisory lock; each migration runs in one transaction
    and is recorded in ``mlop.schema_version``.
    """
    version = has_schema(conn)
    if version == PG_SCHEMA_VERSION:
        use_schema(conn)
        return
    if version > PG_SCHEMA_VERSION:
        raise StoreError(
            f"the team store was written by a newer mlop (schema {version}, this one knows "
            f"{PG_SCHEMA_VERSION}); upgrade mlop"
        )
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        version = has_schema(conn)  # another node may have migrated while we waited
        for number, name, statements in MIGRATIONS:
            if number <= version:
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute(
                f"INSERT INTO {PG_SCHEMA}.schema_version (version, name) VALUES (%s, %s)",
                (number, name),
            )
    use_schema(conn)


# Text columns compared or sorted by readers use the "C" collation, so ORDER BY gives the
# same order as SQLite's (byte order), whatever the database's locale.
_C = 'COLLATE "C"'
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "0001_initial",
        [
            f"CREATE SCHEMA IF NOT EXISTS {PG_SCHEMA}",
            f"""CREATE TABLE {PG_SCHEMA}.schema_version (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())""",
            f"""CREATE TABLE {PG_SCHEMA}.runs (
                id text {_C} PRIMARY KEY,
                name text {_C}, project text {_C}, status text {_C}, command text,
                cwd text, host text, "user" text, pid bigint, pid_started_at double precision,
                child_pid bigint, started_at double precision, ended_at double precision,
                heartbeat_at double precision, exit_code integer, signal integer,
                git_commit text, git_branch text, git_dirty integer, slurm_job_id text,
                group_id text {_C}, meta text)""",
            f"CREATE INDEX ON {PG_SCHEMA}.runs (started_at)",
            f"CREATE INDEX ON {PG_SCHEMA}.runs (project)",
            f"CREATE INDEX ON {PG_SCHEMA}.runs (group_id)",
            f"""CREATE TABLE {PG_SCHEMA}.params (
                run_id text {_C} NOT NULL, key text {_C} NOT NULL, value text,
                source text {_C} NOT NULL, PRIMARY KEY (run_id, key, source))""",
            f"""CREATE TABLE {PG_SCHEMA}.tags (
                run_id text {_C} NOT NULL, tag text {_C} NOT NULL, PRIMARY KEY (run_id, tag))""",
            f"CREATE INDEX ON {PG_SCHEMA}.tags (tag)",
            f"""CREATE TABLE {PG_SCHEMA}.metrics (
                id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                name text {_C} NOT NULL, source text {_C} NOT NULL, UNIQUE (name, source))""",
            # One row per point; idx is the point's position in its series (0, 1, ...).
            f"""CREATE TABLE {PG_SCHEMA}.points (
                run_id text {_C} NOT NULL, metric_id integer NOT NULL, idx bigint NOT NULL,
                step bigint, time double precision, value double precision,
                PRIMARY KEY (run_id, metric_id, idx))""",
            f"""CREATE TABLE {PG_SCHEMA}.run_metrics (
                run_id text {_C} NOT NULL, metric_id integer NOT NULL, count bigint,
                nan_count bigint, last_step bigint, last_time double precision,
                last_value double precision, min_value double precision, min_step bigint,
                max_value double precision, max_step bigint, sum double precision,
                first_time double precision, PRIMARY KEY (run_id, metric_id))""",
            f"""CREATE TABLE {PG_SCHEMA}.histograms (
                run_id text {_C} NOT NULL, seq bigint NOT NULL, metric_id integer NOT NULL,
                step bigint, time double precision, edges text, counts text,
                PRIMARY KEY (run_id, seq))""",
            f"""CREATE TABLE {PG_SCHEMA}.texts (
                run_id text {_C} NOT NULL, seq bigint NOT NULL, tag text {_C}, step bigint,
                time double precision, text text, PRIMARY KEY (run_id, seq))""",
            f"""CREATE TABLE {PG_SCHEMA}.logs (
                run_id text {_C} NOT NULL, seq bigint NOT NULL, time double precision,
                stream integer, data bytea, PRIMARY KEY (run_id, seq))""",
            f"""CREATE TABLE {PG_SCHEMA}.events (
                run_id text {_C} NOT NULL, id bigint NOT NULL, time double precision,
                level text, kind text, message text, data text, PRIMARY KEY (run_id, id))""",
            # The sync's high-water marks: per run and stream (logs, events, points/<metric>...),
            # the local position up to which everything is in this database.
            f"""CREATE TABLE {PG_SCHEMA}.sync_state (
                run_id text {_C} NOT NULL, stream text {_C} NOT NULL, mark bigint NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (run_id, stream))""",
        ],
    ),
]
