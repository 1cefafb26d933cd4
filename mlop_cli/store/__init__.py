"""The store: one SQLite file per store, schema and migrations, the writer thread, queries.

Only modules in this package import ``sqlite3`` or ``sqlite_utils`` (checked by ruff).
"""
