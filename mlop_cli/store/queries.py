"""Reading runs back. Every reader (CLI views, report, export, check) goes through here.

A run's stored status is what its supervisor last wrote. A run still marked ``running``
whose supervisor is gone is reported ``lost``. On the host it ran on, that is decided by its
``mlop run`` process alone (pid and start time, so a reused pid does not count): a stopped
(SIGSTOP, Ctrl-Z) or stalled run is alive whatever its heartbeat says. Elsewhere only the
heartbeat (written every 2 s) can tell, and the run is ``lost`` once it is older than
:data:`LOST_AFTER_S`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import re
import socket
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar, Protocol

from mlop_cli.errors import AmbiguousRunError, RunNotFoundError, StoreError
from mlop_cli.store.model import (
    Event,
    Histogram,
    LogChunk,
    MetricKey,
    MetricSummary,
    PointChunk,
    Run,
    RunRef,
    Series,
    TextNote,
    label_summaries,
)
from mlop_cli.store.schema import CHUNK_POINTS, SCHEMA_VERSION, connect, ensure_schema
from mlop_cli.valid_text import shown_params

LOST_AFTER_S = 30.0


# A name recorded by two sources (Lightning's bar and its TensorBoardLogger both give
# `val_loss`): the plain name is TensorBoard's (full precision, the logger's global steps), the
# other is `SOURCE:name`; always so, whatever order the store first met them in.
SOURCE_PREFERENCE = (
    "CASE m.source WHEN 'tensorboard' THEN 0 WHEN 'console' THEN 1 WHEN 'system' THEN 3 ELSE 2 END"
)


def effective_status(row: dict[str, Any], now: float | None = None, host: str | None = None) -> str:
    """The status to show: ``lost`` for a ``running`` run whose supervisor has died."""
    status = row.get("status") or "running"
    if status != "running":
        return status
    return "lost" if recording_alive(row, now, host) is None else status


def recording_alive(
    row: dict[str, Any], now: float | None = None, host: str | None = None
) -> str | None:
    """Why the run's ``mlop run`` process may still be writing it, in words; None when it is gone.

    On the run's own host the process itself is looked up (pid and start time), whatever the
    heartbeat says: a run stopped with SIGSTOP or Ctrl-Z, or stalled on a full disk, is alive.
    On another host only the heartbeat can tell: alive while it is newer than
    :data:`LOST_AFTER_S`. An ended run without a process (an import) is not being written.
    """
    host = socket.gethostname() if host is None else host
    ended = (row.get("status") or "running") != "running"
    if row.get("host") == host and row.get("pid"):
        pid = int(row["pid"])
        if ended and row.get("pid_started_at") is None:
            return None  # without its start time a live pid may be another process's
        if _process_alive(pid, row.get("pid_started_at")):
            return f"its mlop process {pid} is alive on this host"
        return None
    if not row.get("pid") and ended:
        return None  # an import: no process ever wrote it live
    now = time.time() if now is None else now
    heartbeat = row.get("heartbeat_at") or row.get("started_at") or 0
    age = now - heartbeat
    if age > LOST_AFTER_S:
        return None
    return f"its mlop process on host {row.get('host') or '?'} wrote a heartbeat {max(age, 0):.0f} s ago"


# `NAME~N`: the Nth run before the newest of that name (`last~N`: of all runs), as git's `HEAD~N`.
_OLDER = re.compile(r"^(?P<base>.+?)~(?P<back>\d+)$")


class RunFinder(Protocol):
    """The look-ups a run reference needs, from one store or several."""

    def newest_ids(self, limit: int) -> list[str]: ...
    def find_id(self, run_id: str) -> str | None: ...
    def named(self, name: str) -> list[RunRef]: ...
    def with_id_prefix(self, prefix: str) -> list[RunRef]: ...


def resolve_reference(
    ref: str, finder: RunFinder, where: Any, note: Callable[[str], None] | None = None
) -> str:
    """Turn a run reference into a run id, in this order of meaning:

    ``last`` (the newest run), a full id, a run name (the newest run of that name; ``note`` is
    told when older ones exist), ``NAME~N`` (the Nth run before the newest of that name, so
    ``NAME~0`` is ``NAME``), ``last~N`` (the Nth run before the newest), a unique id prefix.

    Raises:
        RunNotFoundError: nothing matches.
        AmbiguousRunError: an id prefix matches several runs.
    """
    ref = ref.strip()
    if not ref:
        raise RunNotFoundError("an empty run reference; give an id, an id prefix, a name or `last`")
    if ref == "last":
        newest = finder.newest_ids(1)
        if not newest:
            raise RunNotFoundError(f"the store {where} holds no runs yet")
        return newest[0]
    exact = finder.find_id(ref)
    if exact is not None:
        return exact
    named = finder.named(ref)
    if named:
        if len(named) > 1 and note is not None:
            note(
                f"{ref!r} names {len(named)} runs: this is the newest, {named[0].id};"
                f" `{ref}~1` is the one before it"
            )
        return named[0].id
    older = _OLDER.match(ref)
    if older:
        base, back = older["base"], int(older["back"])
        if base == "last":
            ids = finder.newest_ids(back + 1)
            if len(ids) <= back:
                raise RunNotFoundError(
                    f"{ref!r}: the store {where} holds {len(ids)} run(s), so there is no run {back} before the newest"
                )
            return ids[back]
        named = finder.named(base)
        if not named:
            raise RunNotFoundError(
                f"no run is named {base!r}; `NAME~N` is the Nth run before the newest named NAME"
            )
        if len(named) <= back:
            raise RunNotFoundError(
                f"{ref!r}: {len(named)} run(s) are named {base!r}, so there is no run {back} before the newest"
            )
        return named[back].id
    prefixed = finder.with_id_prefix(ref)
    if len(prefixed) == 1:
        return prefixed[0].id
    if not prefixed:
        raise RunNotFoundError(f"no run matches {ref!r}; `mlop ls` lists the runs in {where}")
    shown = ", ".join(f"{run.id} ({run.name})" for run in prefixed[:5])
    more = f" and {len(prefixed) - 5} more" if len(prefixed) > 5 else ""
    raise AmbiguousRunError(
        f"{ref!r} matches {len(prefixed)} runs: {shown}{more}; give more of the id"
    )


def _migrate_for_reading(path: Path, version: int) -> int:
    """Bring an older store to the current schema before reading it, where it may be written.

    Readers open stores read-only; a store written by an older mlop is migrated once, here, so
    every reader sees one schema. A store that cannot be written (a read-only copy) is read as
    it is: the version it has is returned and the readers leave out what it lacks.
    """
    try:
        conn = connect(path)
    except sqlite3.Error:
        return version
    try:
        ensure_schema(conn)
        return SCHEMA_VERSION
    except sqlite3.Error:
        return version
    finally:
        conn.close()


def wait_until_written(run: Run, timeout: float = 10.0) -> None:
    """Wait (at most ``timeout``) until an ended run's ``mlop run`` process, on this host, is
    gone: it commits the status first, ahead of the data still queued, so a reader that saw the
    status change and read at once could miss the run's last output."""
    if run.status == "running" or not run.pid or run.host != socket.gethostname():
        return
    row = {
        "status": run.stored_status,
        "host": run.host,
        "pid": run.pid,
        "pid_started_at": run.pid_started_at,
        "heartbeat_at": run.heartbeat_at,
        "started_at": run.started_at,
    }
    deadline = time.monotonic() + timeout
    while recording_alive(row) is not None and time.monotonic() < deadline:
        time.sleep(0.05)


def _process_alive(pid: int, started_at: float | None) -> bool:
    try:
        import psutil

        process = psutil.Process(pid)
        if started_at is not None and abs(process.create_time() - started_at) > 1.0:
            return False  # the pid was reused by another process
        return process.status() != psutil.STATUS_ZOMBIE
    except Exception:  # NoSuchProcess, AccessDenied (then assume alive)
        try:
            import psutil

            return psutil.pid_exists(pid)
        except Exception:
            return True


def _store_kept_statuses(path: Path) -> None:
    """Commit the final statuses ``mlop run`` kept beside the store (it was locked as the run
    ended) before anything is read: a run that ended so is listed, with its status, and is the
    `last` run (`mlop check last` gated on the run before it). A store that still cannot be
    written keeps them for the next reader or `mlop recover`."""
    from mlop_cli.store.recovery import apply_pending_statuses

    with contextlib.suppress(Exception):
        apply_pending_statuses(path)  # (one listdir when there are none)


class Store:
    """Read access to one store file."""

    # The parameter marker of the backend's SQL: each query is written once, with the marker
    # of the backend that runs it (PostgreSQL's is ``%s``).
    mark: ClassVar[str] = "?"
    # Told (one line) when a run name picks the newest of several runs; the CLI writes it on stderr.
    note: Callable[[str], None] | None = None

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.exists():
            raise StoreError(
                f"no store at {path}: record a run with `mlop run -- COMMAND`, or pass --store PATH"
            )
        _store_kept_statuses(path)
        try:
            self.conn = connect(path, readonly=True)
            self.conn.row_factory = sqlite3.Row
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot read the store {path}: {error}") from error
        if version == 0:
            raise StoreError(
                f"{path} is not an mlop store (no schema); pass --store with the right file"
            )
        if version < SCHEMA_VERSION:
            version = _migrate_for_reading(path, version)
        # A store of schema 1 that could not be migrated (a read-only copy) has no epochs.
        self._epochs_column = "c.epochs" if version >= 2 else "NULL"

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def _rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        try:
            return [dict(row) for row in self.conn.execute(sql, shown_params(params))]
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot read the store {self.path}: {error}") from error

    # -- runs --------------------------------------------------------------------------

    def runs(
        self,
        *,
        project: str | None = None,
        tag: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        limit: int | None = None,
        group: str | None = None,
    ) -> list[Run]:
        """Runs, newest first, with ``status`` made effective and ``tags`` attached (their
        ``params`` are left empty: :meth:`run` reads them). Several tags: runs with every
        one; several statuses: runs with any one."""
        where, params = [], []
        if project is not None:
            where.append(f"project = {self.mark}")
            params.append(project)
        for one_tag in [tag] if isinstance(tag, str) else list(tag or ()):
            where.append(f"id IN (SELECT run_id FROM tags WHERE tag = {self.mark})")
            params.append(one_tag)
        statuses = {status} if isinstance(status, str) else set(status or ())
        if group is not None:
            where.append(f"group_id = {self.mark}")
            params.append(group)
        sql = "SELECT * FROM runs"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY started_at DESC, id DESC"
        rows = self._rows(sql, params)
        now, host = time.time(), socket.gethostname()
        result: list[Run] = []
        for row in rows:
            run = Run.from_row(row, effective_status(row, now, host))
            if statuses and run.status not in statuses:
                continue
            result.append(run)
            if limit is not None and len(result) >= limit:
                break
        tags = self.tags_of([run.id for run in result])
        for run in result:
            run.tags = tags.get(run.id, [])
        return result

    def tags_of(self, run_ids: list[str]) -> dict[str, list[str]]:
        """Tags of several runs."""
        tags: dict[str, list[str]] = {}
        for start in range(0, len(run_ids), 500):
            part = run_ids[start : start + 500]
            marks = ",".join(self.mark for _ in part)
            for row in self._rows(
                f"SELECT run_id, tag FROM tags WHERE run_id IN ({marks}) ORDER BY tag", part
            ):
                tags.setdefault(row["run_id"], []).append(row["tag"])
        return tags

    def resolve(self, ref: str) -> str:
        """Turn a run reference (see :func:`resolve_reference`) into a run id.

        Raises:
            RunNotFoundError: nothing matches.
            AmbiguousRunError: an id prefix matches several runs.
        """
        return resolve_reference(ref, self, self.path, self.note)

    def newest_ids(self, limit: int) -> list[str]:
        """The ids of the newest ``limit`` runs, newest first."""
        rows = self._rows(
            f"SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT {self.mark}",
            (int(limit),),
        )
        return [row["id"] for row in rows]

    def find_id(self, run_id: str) -> str | None:
        """``run_id`` when a run has exactly that id."""
        rows = self._rows(f"SELECT id FROM runs WHERE id = {self.mark}", (run_id,))
        return rows[0]["id"] if rows else None

    def named(self, name: str) -> list[RunRef]:
        """The runs named ``name``, newest first."""
        return self._refs(
            f"SELECT id, name, started_at FROM runs WHERE name = {self.mark} ORDER BY started_at DESC, id DESC",
            (name,),
        )

    def with_id_prefix(self, prefix: str) -> list[RunRef]:
        """The runs whose id starts with ``prefix``, newest first."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return self._refs(
            f"SELECT id, name, started_at FROM runs WHERE id LIKE {self.mark} ESCAPE '\\'"
            " ORDER BY started_at DESC, id DESC",
            (escaped + "%",),
        )

    def _refs(self, sql: str, params: tuple[Any, ...]) -> list[RunRef]:
        return [
            RunRef(row["id"], row["name"], row["started_at"]) for row in self._rows(sql, params)
        ]

    def imported_runs(self, meta_key: str) -> list[dict[str, Any]]:
        """Runs whose context (``meta``) holds ``meta_key``: id, name and the decoded context.

        ``mlop import`` finds what it imported before by the keys it stores there.
        """
        pattern = '%"' + meta_key.replace("%", "").replace("_", "\\_") + '"%'
        rows = self._rows(
            f"SELECT id, name, meta FROM runs WHERE meta LIKE {self.mark} ESCAPE '\\' ORDER BY started_at, id",
            (pattern,),
        )
        found = []
        for row in rows:
            try:
                context = json.loads(row["meta"] or "{}")
            except ValueError:
                continue
            if isinstance(context, dict) and meta_key in context:
                found.append({"id": row["id"], "name": row["name"], "context": context})
        return found

    def complete(self, run_id: str, say: Callable[[str], None] | None = None) -> bool:
        """Make a run's record complete before it is read; True when it is.

        What ``mlop run`` left beside the store (a final status it could not commit, console
        handed over) is stored, and console metrics not yet derived from the stored console
        are (see :func:`mlop_cli.indexing.ensure_indexed`). A running run is left alone.
        """
        from mlop_cli.indexing import ensure_indexed
        from mlop_cli.store.recovery import apply_pending_statuses, pending_runs

        if run_id in pending_runs(self.path):
            with contextlib.suppress(Exception):
                apply_pending_statuses(self.path)
        rows = self._rows(f"SELECT * FROM runs WHERE id = {self.mark}", (run_id,))
        if not rows:
            return False
        return ensure_indexed(self.path, run_id, status=effective_status(rows[0]), say=say)

    def run(self, run_id: str) -> Run:
        """One run with its effective status, tags and params."""
        rows = self._rows(f"SELECT * FROM runs WHERE id = {self.mark}", (run_id,))
        if not rows:
            raise RunNotFoundError(f"no run {run_id!r} in {self.path}")
        run = Run.from_row(rows[0], effective_status(rows[0]))
        run.tags = self.tags_of([run_id]).get(run_id, [])
        run.params = self.params(run_id)
        return run

    def params(self, run_id: str) -> dict[str, Any]:
        """Parameters; when a key comes from several sources, ``--param`` > config > argv > tensorboard."""
        rank = {"cli": 4, "argv": 2, "tensorboard": 1}
        chosen: dict[str, tuple[int, Any]] = {}
        for row in self._rows(
            f"SELECT key, value, source FROM params WHERE run_id = {self.mark} ORDER BY key",
            (run_id,),
        ):
            weight = rank.get(row["source"], 3)
            if row["key"] not in chosen or weight > chosen[row["key"]][0]:
                chosen[row["key"]] = (weight, json.loads(row["value"]))
        return {key: value for key, (_, value) in sorted(chosen.items())}

    # -- metrics -----------------------------------------------------------------------

    def metric_summaries(self, run_id: str) -> dict[str, MetricSummary]:
        """Every metric's summary, keyed by the name readers show (see
        :func:`~mlop_cli.store.model.label_summaries`): training metrics by name, then system."""
        rows = self._rows(
            "SELECT m.name, m.source, r.* FROM run_metrics r JOIN metrics m ON m.id = r.metric_id"
            f" WHERE r.run_id = {self.mark} ORDER BY m.source = 'system', m.name, {SOURCE_PREFERENCE}",
            (run_id,),
        )
        summaries = [_summary(row) for row in rows]
        for index, summary in enumerate(summaries):
            if (
                summary.mean is not None
                and math.isinf(summary.mean)
                and summary.min is not None
                and summary.max is not None
                and math.isfinite(summary.min)
                and math.isfinite(summary.max)
            ):
                # Finite values whose sum overflows (two of 1e308): their mean is finite.
                summaries[index] = self._mean_from_points(run_id, summary)
        return label_summaries(summaries)

    def _mean_from_points(self, run_id: str, summary: MetricSummary) -> MetricSummary:
        series = self.series(run_id, summary.key.name, summary.key.source)
        if series is None:
            return summary
        finite = [value for value in series.values if math.isfinite(value)]
        if not finite:
            return summary
        # Each value divided first: no partial sum leaves the range of a float.
        return dataclasses.replace(summary, mean=math.fsum(value / len(finite) for value in finite))

    def metric_keys(self, run_id: str) -> list[MetricKey]:
        """Every metric of a run, by name (the preferred source first where two share one)."""
        rows = self._rows(
            "SELECT m.name, m.source FROM run_metrics r JOIN metrics m ON m.id = r.metric_id"
            f" WHERE r.run_id = {self.mark} ORDER BY m.name, {SOURCE_PREFERENCE}",
            (run_id,),
        )
        return [MetricKey(row["source"], row["name"]) for row in rows]

    def series(
        self, run_id: str, name: str, source: str | None = None, tail: int | None = None
    ) -> Series | None:
        """The points of one metric, decoded from its packed chunks.

        Args:
            tail: only the last ``tail`` points (what a live view draws), read from the last
                chunks alone rather than the whole series.
        """
        sql = (
            f"SELECT m.source, c.n, c.steps, c.times, c.vals, {self._epochs_column} AS epochs"
            f" FROM point_chunks c JOIN metrics m ON m.id = c.metric_id WHERE c.run_id = {self.mark} AND m.name = {self.mark}"
        )
        params: list[Any] = [run_id, name]
        if source is not None:
            sql += f" AND m.source = {self.mark}"
            params.append(source)
        if tail is not None and source is not None:
            # Chunks are full but for the last: the tail lies in the last tail/CHUNK + 2.
            sql += f" ORDER BY c.seq DESC LIMIT {self.mark}"
            params.append(tail // CHUNK_POINTS + 2)
            rows = self._rows(sql, params)[::-1]
        else:
            sql += f" ORDER BY {SOURCE_PREFERENCE}, c.seq"
            rows = self._rows(sql, params)
        if not rows:
            return None
        found_source = rows[0]["source"]
        chunks = [
            PointChunk(row["steps"], row["times"], row["vals"], row["epochs"])
            for row in rows
            if row["source"] == found_source
        ]
        # The writer packs each column little-endian (array.array, byte-swapped on big-endian
        # hosts), so a store file reads the same on any machine.
        return Series.from_chunks(
            MetricKey(found_source, name), chunks, big_endian=False, tail=tail
        )

    def all_series(self, run_id: str) -> Iterator[Series]:
        """Every metric's points, one series at a time."""
        for key in self.metric_keys(run_id):
            series = self.series(run_id, key.name, key.source)
            if series is not None:
                yield series

    def histograms(self, run_id: str) -> dict[str, list[Histogram]]:
        """Histograms by metric name, each metric's by step."""
        rows = self._rows(
            "SELECT m.name, h.step, h.time, h.edges, h.counts FROM histograms h JOIN metrics m ON m.id = h.metric_id"
            f" WHERE h.run_id = {self.mark} ORDER BY m.name, h.step, h.time",
            (run_id,),
        )
        result: dict[str, list[Histogram]] = {}
        for row in rows:
            result.setdefault(row["name"], []).append(
                Histogram(
                    row["step"], row["time"], json.loads(row["edges"]), json.loads(row["counts"])
                )
            )
        return result

    def texts(self, run_id: str) -> list[TextNote]:
        """Text summaries by tag and step."""
        rows = self._rows(
            f"SELECT tag, step, time, text FROM texts WHERE run_id = {self.mark} ORDER BY tag, step",
            (run_id,),
        )
        return [TextNote(row["tag"], row["step"], row["time"], row["text"]) for row in rows]

    def events(self, run_id: str, min_level: str = "info") -> list[Event]:
        """mlop's notes on a run, oldest first."""
        levels = ["debug", "info", "warning", "error"]
        allowed = levels[levels.index(min_level) :] if min_level in levels else levels
        marks = ",".join(self.mark for _ in allowed)
        rows = self._rows(
            f"SELECT time, level, kind, message, data FROM events WHERE run_id = {self.mark} AND level IN ({marks}) ORDER BY time, id",
            (run_id, *allowed),
        )
        return [
            Event(
                row["time"],
                row["level"],
                row["kind"],
                row["message"],
                json.loads(row["data"]) if row["data"] else None,
            )
            for row in rows
        ]

    # -- console -----------------------------------------------------------------------

    def logs(self, run_id: str, after_seq: int = -1) -> list[LogChunk]:
        """Console chunks after ``after_seq``, in order."""
        rows = self._rows(
            f"SELECT seq, time, stream, data FROM logs WHERE run_id = {self.mark} AND seq > {self.mark} ORDER BY seq",
            (run_id, after_seq),
        )
        return [LogChunk(row["seq"], row["time"], row["stream"], row["data"]) for row in rows]

    def console_tail(self, run_id: str, max_bytes: int = 64 * 1024) -> bytes:
        """The last ``max_bytes`` of the console, both streams in order."""
        rows = self._rows(
            f"SELECT data FROM logs WHERE run_id = {self.mark} ORDER BY seq DESC LIMIT 1000",
            (run_id,),
        )
        collected: list[bytes] = []
        size = 0
        for row in rows:
            collected.append(row["data"])
            size += len(row["data"])
            if size >= max_bytes:
                break
        return b"".join(reversed(collected))[-max_bytes:]


def _summary(row: dict[str, Any]) -> MetricSummary:
    finite = row["count"] - row["nan_count"]
    return MetricSummary(
        key=MetricKey(row["source"], row["name"]),
        count=row["count"],
        last=row["last_value"],
        last_step=row["last_step"],
        min=row["min_value"],
        min_step=row["min_step"],
        max=row["max_value"],
        max_step=row["max_step"],
        mean=(row["sum"] / finite) if finite and row["sum"] is not None else None,
        nan_count=row["nan_count"],
    )


def stored_totals(path: Path, run_id: str) -> tuple[bool, int, int]:
    """``(run stored, points, console bytes)`` of one run, as the store holds them now."""
    conn = connect(path, readonly=True)
    try:
        run = conn.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is not None
        points = conn.execute(
            "SELECT coalesce(sum(count), 0) FROM run_metrics WHERE run_id = ?", (run_id,)
        ).fetchone()[0]
        console = conn.execute(
            "SELECT coalesce(sum(length(data)), 0) FROM logs WHERE run_id = ?", (run_id,)
        ).fetchone()[0]
    finally:
        conn.close()
    return run, int(points), int(console)
