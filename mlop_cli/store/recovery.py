"""Finishing what a run could not store before ``mlop run`` exited (``mlop recover``).

Three things may be left beside a store (in ``<store>.runs/``) when mlop had to exit, or was
killed, before the store took everything:

- a final status that could not be committed (the store locked or unwritable for longer than
  the bounded wait): ``RUN.status.json``;
- console handed over by the writer (:mod:`mlop_cli.store.spool`): ``RUN.handover.json``;
- console metrics not yet indexed (the indexer was killed): ``console_index.done = 0``.

:func:`recover` applies all three; every reader calls :func:`apply_pending` quietly first.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlop_cli.store.schema import connect, ensure_schema
from mlop_cli.store.spool import run_files


def save_pending_status(
    store: Path, run_id: str, columns: dict[str, Any], row: dict[str, Any] | None
) -> Path:
    """Keep a final status that could not be committed beside the store; return its file."""
    folder = run_files(store)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{run_id}.status.json"
    temporary = path.with_suffix(".tmp")
    temporary.write_text(
        json.dumps({"run_id": run_id, "columns": columns, "row": row}, default=str)
    )
    os.replace(temporary, path)
    return path


@dataclass
class Recovered:
    """What :func:`recover` did."""

    statuses: list[str] = field(default_factory=list)  # runs whose final status was stored
    consoles: dict[str, int] = field(default_factory=dict)  # run -> console bytes moved in
    indexed: dict[str, int] = field(default_factory=dict)  # run -> console points, indexed
    failed: list[str] = field(default_factory=list)  # one line per thing left undone


def apply_pending_statuses(store: Path) -> list[str]:
    """Commit the final statuses saved beside the store; the runs done."""
    folder = run_files(store)
    if not folder.is_dir():
        return []
    done: list[str] = []
    for path in sorted(folder.glob("*.status.json")):
        try:
            saved = json.loads(path.read_text())
            _commit_status(store, saved["run_id"], saved["columns"], saved.get("row"))
        except (OSError, ValueError, KeyError, sqlite3.Error):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
        done.append(saved["run_id"])
    return done


def _commit_status(
    store: Path, run_id: str, columns: dict[str, Any], row: dict[str, Any] | None
) -> None:
    conn = connect(store)
    try:
        ensure_schema(conn)
        conn.execute("BEGIN IMMEDIATE")
        try:
            if row:
                full = {**row, **columns}
                names = ", ".join(full)
                marks = ", ".join("?" for _ in full)
                conn.execute(
                    f"INSERT INTO runs ({names}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
                    list(full.values()),
                )
            assignments = ", ".join(f"{name} = ?" for name in columns)
            conn.execute(f"UPDATE runs SET {assignments} WHERE id = ?", [*columns.values(), run_id])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()


def pending_runs(store: Path) -> set[str]:
    """Runs with a status or a console waiting beside the store."""
    folder = run_files(store)
    if not folder.is_dir():
        return set()
    names = [p.name for p in folder.iterdir()]
    return {
        name.split(".", 1)[0] for name in names if name.endswith((".status.json", ".handover.json"))
    }


def recover(store: Path, run_ids: list[str] | None = None, *, wait: float = 600.0) -> Recovered:
    """Store what runs left beside the store, and index consoles left unindexed.

    Args:
        store: The store file.
        run_ids: Only these runs (None: every run that needs it).
        wait: How long to wait for a live indexer of a run before giving up on it.
    """
    from mlop_cli.indexing import index_run
    from mlop_cli.store.console_index import indexer_alive
    from mlop_cli.store.spool import handover_of

    result = Recovered()
    result.statuses = [
        run for run in apply_pending_statuses(store) if run_ids is None or run in run_ids
    ]
    conn = connect(store, readonly=True)
    try:
        rows = conn.execute(
            "SELECT r.id, r.status FROM runs r LEFT JOIN console_index i ON i.run_id = r.id"
            " WHERE i.done IS NULL OR i.done = 0"
        ).fetchall()
    finally:
        conn.close()
    for run_id, status in rows:
        if run_ids is not None and run_id not in run_ids:
            continue
        if status == "running" and indexer_alive(store, run_id):
            continue  # a live run: its indexer follows it
        if status == "running" and handover_of(store, run_id) is None:
            from mlop_cli.store.queries import Store

            reader = Store(store)
            try:
                shown = reader.run(run_id).status
            finally:
                reader.close()
            if shown == "running":
                continue
        try:
            outcome = index_run(store, run_id, wait_lock=wait)
        except (sqlite3.Error, OSError) as error:
            result.failed.append(f"run {run_id}: {error}")
            continue
        if outcome.busy:
            result.failed.append(f"run {run_id}: another process is still indexing it")
        else:
            result.indexed[run_id] = outcome.points
    return result
