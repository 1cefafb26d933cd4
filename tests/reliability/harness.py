"""Helpers for the reliability suite: a run watched from outside, counted exactly."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import psutil

from tests.conftest import (
    PYTHON,
    clean_env,
    complete,
    eventually,
    integrity,
    mlop_argv,
    query,
    run_mlop,
    start_run,
)


class WatchedRun:
    """`mlop run` in a subprocess, with its peak RSS sampled every 20 ms."""

    def __init__(
        self,
        store: Path,
        *command: str,
        mlop_args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd: Path | None = None,
        preexec_fn=None,
    ) -> None:
        self.process = start_run(
            store,
            *command,
            mlop_args=mlop_args,
            env=env,
            stdout=stdout,
            stderr=stderr,
            cwd=cwd,
            preexec_fn=preexec_fn,
        )
        self.peak_rss = 0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self) -> None:
        try:
            me = psutil.Process(self.process.pid)
            while not self._stop.is_set():
                self.peak_rss = max(self.peak_rss, me.memory_info().rss)
                time.sleep(0.02)
        except psutil.Error:
            pass

    def communicate(self, timeout: float = 120) -> tuple[bytes, bytes]:
        try:
            out, err = self.process.communicate(timeout=timeout)
        finally:
            self._stop.set()
        return out or b"", err or b""


def wait_for_child_pid(store: Path, timeout: float = 120) -> int:
    """The command's pid once the run is in the store (a deadline, not a fixed sleep)."""
    import sqlite3

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if store.exists():  # (connecting would create it)
            try:
                rows = query(store, "SELECT child_pid FROM runs")
            except sqlite3.OperationalError:  # its tables are not created yet
                rows = []
            if rows and rows[0][0]:
                return int(rows[0][0])
        time.sleep(0.05)
    raise AssertionError(f"no run in {store} after {timeout} s")


def points_of(store: Path, metric: str, run: str | None = None) -> int:
    """How many points a metric has (all runs, or one), once the console is indexed."""
    complete(store)
    sql = "SELECT coalesce(sum(r.count), 0) FROM run_metrics r JOIN metrics m ON m.id = r.metric_id WHERE m.name = ?"
    params: tuple = (metric,)
    if run is not None:
        sql += " AND r.run_id = ?"
        params += (run,)
    return query(store, sql, params)[0][0]


def wait_for_console(store: Path, lines: int = 1) -> None:
    """Wait (with a deadline, never a fixed sleep) until the store holds ``lines`` lines of the
    run's console: mlop is recording and the command is running."""

    def stored() -> bool:
        try:
            if not store.exists():
                return False
            rows = query(store, "SELECT data FROM logs")
        except sqlite3.OperationalError:  # the moment before its tables exist
            return False
        return sum(row[0].count(b"\n") for row in rows) >= lines

    eventually(stored, what=f"{lines} line(s) of console in the store")


def console_of(store: Path, stream: int | None = None) -> bytes:
    """The stored console of every run, in order, once complete: as a reader does, since what
    did not fit in `mlop run`'s closing budget (a flood on a busy machine, read for secrets
    by the writer) is moved into the store by a process of its own."""
    complete(store)
    sql = (
        "SELECT data FROM logs"
        + (f" WHERE stream = {int(stream)}" if stream else "")
        + " ORDER BY run_id, seq"
    )
    return b"".join(row[0] for row in query(store, sql))


def status_json(store: Path) -> list[dict]:
    """`mlop ls --json` of a store."""
    result = subprocess.run(
        mlop_argv("ls", "--json", "--limit", "0", "--store", str(store)),
        capture_output=True,
        env=clean_env(),
    )
    return json.loads(result.stdout)


def assert_valid(store: Path) -> None:
    """The store passes SQLite's own integrity check."""
    assert integrity(store) == "ok"


def metric_child(lines: int, rate: float | None = None, burst: int = 1) -> str:
    """Source of a child printing `step=i loss=... acc=...` lines.

    Args:
        lines: how many lines.
        rate: lines per second (None: flat out).
        burst: lines printed back to back between pauses (a fast training loop's shape).
    """
    pause = f"    if i % {burst} == {burst - 1}: time.sleep({burst / rate!r})\n" if rate else ""
    return (
        "import sys, time\n"
        f"for i in range({lines}):\n"
        "    print(f'step={i} loss={1 / (i + 1):.6f} acc={i % 100 / 100:.2f}', flush=True)\n"
        f"{pause}"
    )


def run_leaving_a_grandchild(store: Path, folder: Path, then: str) -> subprocess.CompletedProcess:
    """`mlop run` of a command that starts a grandchild holding its output open, then runs the
    Python lines ``then`` and exits. The grandchild lives until mlop has returned: mlop, had it
    waited for it, would time out rather than pass."""
    release = folder / "release"
    grandchild = f"import os, time\nwhile not os.path.exists({str(release)!r}): time.sleep(0.1)\n"
    child = f"import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', {grandchild!r}])\n"
    try:
        return run_mlop("run", "-q", "--", PYTHON, "-c", child + then, store=store)
    finally:
        release.touch()
