"""Changing stored runs: tags, names, deletion and garbage collection.

The only writes besides a run's own writer thread. Each operation is one short transaction on a
normal (read-write, WAL) connection, so it never blocks a run in progress for long: a run's
writer waits on the lock (``busy_timeout``) at most the length of one of these transactions.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlop_cli.errors import MlopError, StoreError, UsageError
from mlop_cli.ids import clean_labels
from mlop_cli.store.queries import effective_status, recording_alive
from mlop_cli.store.schema import connect
from mlop_cli.valid_text import shown_params

# Every table holding rows of a run, with the column naming the run.
RUN_TABLES = (
    ("point_chunks", "run_id"),
    ("run_metrics", "run_id"),
    ("histograms", "run_id"),
    ("texts", "run_id"),
    ("logs", "run_id"),
    ("events", "run_id"),
    ("params", "run_id"),
    ("tags", "run_id"),
    ("console_index", "run_id"),
    ("runs", "id"),
)


class RunningRunError(MlopError):
    """A run still being recorded cannot be deleted without ``--force``."""


@dataclass
class Removal:
    """What a deletion or a garbage collection removed (or would remove, in a dry run)."""

    runs: list[dict[str, Any]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    # Runs that matched but were kept because they are still being recorded, with the reason.
    kept: list[dict[str, Any]] = field(default_factory=list)
    metrics: int = 0  # metric names no run uses any more
    vacuumed: bool = False
    bytes_before: int = 0
    bytes_after: int = 0
    dry_run: bool = False

    def to_json(self) -> dict[str, Any]:
        """The JSON of ``mlop rm --json`` and ``mlop gc --json``."""
        return {
            "dry_run": self.dry_run,
            "runs": [
                {
                    "id": row["id"],
                    "name": row.get("name"),
                    "status": row.get("status"),
                    "started_at": row.get("started_at"),
                }
                for row in self.runs
            ],
            "rows": self.rows,
            "kept": [
                {"id": row["id"], "name": row.get("name"), "reason": row.get("alive")}
                for row in self.kept
            ],
            "unused_metrics": self.metrics,
            "vacuumed": self.vacuumed,
            "bytes_before": self.bytes_before,
            "bytes_after": self.bytes_after,
        }


class StoreEditor:
    """Read-write access to a store for the editing commands."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.exists():
            raise StoreError(f"no store at {path}; pass --store with the right file")
        try:
            self.conn = connect(path)
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open the store {path} for writing: {error}") from error
        if version == 0:
            raise StoreError(f"{path} is not an mlop store (no schema); pass --store")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> StoreEditor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _transaction(self, work: Any) -> Any:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                result = work()
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as error:
            raise StoreError(
                f"cannot write the store {self.path}: {error} (another process holds it; retry)"
            ) from error
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot write the store {self.path}: {error}") from error
        return result

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """Rows of a query outside a transaction; a damaged store is a StoreError."""
        try:
            cursor = self.conn.execute(sql, shown_params(params))
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot read the store {self.path}: {error}") from error

    def _run_row(self, run_id: str) -> dict[str, Any]:
        rows = self._read("SELECT * FROM runs WHERE id = ?", (run_id,))
        if not rows:
            raise UsageError(f"no run {run_id!r} in {self.path}")
        return rows[0]

    # -- tags and names ------------------------------------------------------------------

    def add_tags(self, run_id: str, tags: Iterable[str]) -> list[str]:
        """Add tags to a run; returns the run's tags afterwards."""
        cleaned = clean_labels(tags, "tag")
        self._run_row(run_id)
        self._transaction(
            lambda: self.conn.executemany(
                "INSERT OR IGNORE INTO tags (run_id, tag) VALUES (?, ?)",
                [(run_id, tag) for tag in cleaned],
            )
        )
        return self.tags(run_id)

    def remove_tags(self, run_id: str, tags: Iterable[str]) -> tuple[list[str], list[str]]:
        """Remove tags from a run; returns (the run's tags afterwards, tags it did not have)."""
        wanted = list(dict.fromkeys(tags))
        self._run_row(run_id)
        before = set(self.tags(run_id))
        self._transaction(
            lambda: self.conn.executemany(
                "DELETE FROM tags WHERE run_id = ? AND tag = ?", [(run_id, tag) for tag in wanted]
            )
        )
        return self.tags(run_id), [tag for tag in wanted if tag not in before]

    def tags(self, run_id: str) -> list[str]:
        """A run's tags, sorted."""
        rows = self._read("SELECT tag FROM tags WHERE run_id = ? ORDER BY tag", (run_id,))
        return [row["tag"] for row in rows]

    def rename(self, run_id: str, name: str) -> str | None:
        """Give a run a new name; returns the old one."""
        (name,) = clean_labels([name], "name")
        old = self._run_row(run_id).get("name")
        self._transaction(
            lambda: self.conn.execute("UPDATE runs SET name = ? WHERE id = ?", (name, run_id))
        )
        return old

    def named(self, name: str) -> list[str]:
        """The ids of the runs named ``name``, newest first (the order a run name is read in)."""
        rows = self._read(
            "SELECT id FROM runs WHERE name = ? ORDER BY started_at DESC, id DESC", (name.strip(),)
        )
        return [row["id"] for row in rows]

    # -- deletion ------------------------------------------------------------------------

    def delete_runs(
        self, run_ids: list[str], *, force: bool = False, dry_run: bool = False
    ) -> Removal:
        """Delete runs and every row they own, in one transaction.

        Raises:
            RunningRunError: a run is still being recorded (its writer would recreate rows)
                and ``force`` is off.
        """
        self._settle()
        rows = [self._run_row(run_id) for run_id in dict.fromkeys(run_ids)]
        now = time.time()
        for row in rows:
            row["status"] = effective_status(row, now)
            row["alive"] = self._still_recorded(row, now)
        alive = [row for row in rows if row["alive"]]
        if alive and not force:
            reasons = "; ".join(
                f"{row['id']} ({row.get('name')}) is still "
                + ("running" if row["status"] == "running" else "being written")
                + f": {row['alive']}"
                for row in alive
            )
            raise RunningRunError(f"{reasons}; stop it first, or pass --force to delete it anyway")
        return self._remove(rows, dry_run=dry_run, remember=True)

    def _still_recorded(self, row: dict[str, Any], now: float) -> str | None:
        """Why a run may still be written to (its process, or its console's indexer); None if not."""
        alive = recording_alive(row, now)
        if alive:
            return alive
        from mlop_cli.store.console_index import indexer_alive

        if indexer_alive(self.path, row["id"]):
            return "its console is being indexed by another process"
        return None

    def _settle(self) -> None:
        """Store the final statuses that runs left beside the store, so that a run that
        finished is not taken for lost (and deleted as such) before a reader applied them."""
        from mlop_cli.store.recovery import apply_pending_statuses
        from mlop_cli.store.spool import run_files

        if run_files(self.path).is_dir():
            with contextlib.suppress(Exception):  # as readers do: quietly, best effort
                apply_pending_statuses(self.path)

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
        ``statuses``), never a run still being recorded; drop unused metric names; optionally
        VACUUM.

        With neither ``older_than_days`` nor ``statuses`` no run is deleted (only VACUUM). Runs
        that match but are still being recorded are listed in the result's ``kept``.
        """
        now = time.time() if now is None else now
        selected: list[dict[str, Any]] = []
        kept: list[dict[str, Any]] = []
        if older_than_days is not None or statuses:
            self._settle()
            for row in self._read("SELECT * FROM runs ORDER BY started_at, id"):
                status = effective_status(row, now)
                if older_than_days is not None:
                    started = row.get("started_at") or 0.0
                    if started > now - older_than_days * 86400.0:
                        continue
                if statuses and status not in statuses:
                    continue
                row["status"] = status
                row["alive"] = self._still_recorded(row, now)
                (kept if row["alive"] else selected).append(row)
        removal = self._remove(selected, dry_run=dry_run)
        removal.kept = kept
        if vacuum:
            removal.bytes_before = _size(self.path)
            if not dry_run:
                try:
                    self.conn.execute("VACUUM")
                    # Fold the WAL back into the main file so the size on disk shrinks now.
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.OperationalError as error:
                    raise StoreError(
                        f"cannot VACUUM {self.path}: {error} (a run may be writing; retry later)"
                    ) from error
                except sqlite3.DatabaseError as error:
                    raise StoreError(f"cannot VACUUM {self.path}: {error}") from error
                removal.vacuumed = True
            removal.bytes_after = _size(self.path)
        return removal

    def _remove(
        self, rows: list[dict[str, Any]], *, dry_run: bool, remember: bool = False
    ) -> Removal:
        """Delete runs; with ``remember`` (``mlop rm``, not ``gc``, which frees local space
        only) keep their ids, so ``mlop sync`` deletes them from the team store too."""
        removal = Removal(runs=rows, dry_run=dry_run)
        ids = [row["id"] for row in rows]

        def work() -> None:
            if remember and not dry_run:
                # Created on first use: a store where nothing was ever deleted needs no table.
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS deleted_runs (run_id TEXT PRIMARY KEY,"
                    " deleted_at REAL)"
                )
                self.conn.executemany(
                    "INSERT OR IGNORE INTO deleted_runs (run_id, deleted_at) VALUES (?, ?)",
                    [(run_id, time.time()) for run_id in ids],
                )
            for table, column in RUN_TABLES:
                total = 0
                for start in range(0, len(ids), 500):
                    part = ids[start : start + 500]
                    marks = ",".join("?" for _ in part)
                    verb = "SELECT count(*) FROM" if dry_run else "DELETE FROM"
                    cursor = self.conn.execute(f"{verb} {table} WHERE {column} IN ({marks})", part)
                    total += cursor.fetchone()[0] if dry_run else cursor.rowcount
                removal.rows[table] = total
            unused = (
                " FROM metrics WHERE id NOT IN (SELECT metric_id FROM run_metrics)"
                " AND id NOT IN (SELECT metric_id FROM histograms)"
                " AND id NOT IN (SELECT metric_id FROM point_chunks)"
            )
            if not dry_run:
                removal.metrics = self.conn.execute("DELETE" + unused).rowcount

        if ids:
            self._transaction(work)
            if not dry_run:
                self._remove_side_files(ids)
        return removal

    def _remove_side_files(self, run_ids: list[str]) -> None:
        """Delete what the runs kept beside the store (``<store>.runs/RUN.*``: a pending
        status, console handed over, the index lock), or a reader would bring the run back."""
        from mlop_cli.store.spool import run_files

        folder = run_files(self.path)
        if not folder.is_dir():
            return
        for run_id in run_ids:
            for path in folder.glob(f"{run_id}.*"):
                with contextlib.suppress(OSError):
                    path.unlink()


def _size(path: Path) -> int:
    total = 0
    for suffix in ("", "-wal"):
        try:
            total += Path(f"{path}{suffix}").stat().st_size
        except OSError:
            pass
    return total
