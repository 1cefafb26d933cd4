"""The store: one SQLite file per store, schema and migrations, the writer thread, queries.

Only modules in this package import ``sqlite3`` or ``sqlite_utils`` (checked by ruff).
"""

from __future__ import annotations


def database_errors() -> tuple[type[Exception], ...]:
    """The exceptions of a damaged or unreadable store file, for the CLI's last safety net."""
    import sqlite3

    return (sqlite3.DatabaseError,)
