"""Shared helpers: run the real `mlop` in real subprocesses against a temporary store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import settings as hypothesis_settings

# The suite passes on a busy machine: no example is failed for taking long.
hypothesis_settings.register_profile("mlop", deadline=None)
hypothesis_settings.load_profile("mlop")

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def mlop_argv(*args: str) -> list[str]:
    """argv that runs this checkout's mlop with this interpreter."""
    return [PYTHON, "-m", "mlop_cli", *args]


def clean_env(**extra: str) -> dict[str, str]:
    """The environment a user's machine has: no PYTHONUNBUFFERED (these machines set it)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONUNBUFFERED", "MLOP_STORE", "NO_COLOR", "CI")
    }
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def run_mlop(
    *args: str,
    store: Path,
    env: dict[str, str] | None = None,
    input: bytes | None = None,
    timeout: float = 300,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``mlop ARGS --store STORE`` to completion, capturing stdout and stderr apart."""
    command = list(args)
    if command and command[0] in ("run",):
        command = [command[0], "--store", str(store), *command[1:]]
    else:
        command = [*command, "--store", str(store)]
    return subprocess.run(
        mlop_argv(*command),
        env=env or clean_env(),
        input=input,
        capture_output=True,
        timeout=timeout,
        cwd=cwd,
    )


def start_run(
    store: Path,
    *command: str,
    mlop_args: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    **popen: object,
) -> subprocess.Popen[bytes]:
    """Start ``mlop run -q --store STORE [MLOP_ARGS] -- COMMAND`` in the background, stdout and
    stderr piped (``popen`` overrides), in a user's environment unless ``env`` is given."""
    options: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **popen}
    return subprocess.Popen(  # type: ignore[call-overload]
        mlop_argv("run", "-q", "--store", str(store), *mlop_args, "--", *command),
        env=env if env is not None else clean_env(),
        **options,
    )


def run_python(script: str, *args: str, timeout: float = 300) -> str:
    """Run ``script`` in a fresh interpreter (its own imports, its own signal mask); its stdout.

    Fails the test, with the script's stderr, when it exits non-zero.
    """
    result = subprocess.run(
        [PYTHON, "-c", script, *args], capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def eventually(
    predicate: Callable[[], T], timeout: float = 120.0, interval: float = 0.05, what: str = ""
) -> T:
    """Wait until ``predicate()`` is true and return it; fail after a generous deadline.

    The one way tests wait: never a fixed sleep, never a wall-clock assert, so the suite passes
    on a busy machine.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"not so within {timeout:.0f} s: {what or predicate}")
        time.sleep(interval)


def query(store: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Run a read query on a store with plain sqlite3."""
    conn = sqlite3.connect(store)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def complete(store: Path, timeout: float = 300) -> None:
    """Make every run's record in ``store`` complete, as a reader does before reading metrics.

    Console metrics are indexed from the stored console by a process of their own that may
    still be at work when ``mlop run`` exits (on a busy machine, after a flood of output);
    ``mlop recover`` waits for it, or finishes its work.
    """
    result = subprocess.run(
        mlop_argv("recover", "--store", str(store)),
        capture_output=True,
        env=clean_env(),
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr


def stop_indexers(under: Path) -> None:
    """End console indexers still at work on stores under ``under`` (a test's flood would keep
    one parsing for minutes after the test: it has checked what it needs)."""
    import psutil

    for process in psutil.process_iter(["cmdline"]):
        cmdline = process.info.get("cmdline") or []
        if "mlop_cli.indexing" in cmdline and any(str(under) in arg for arg in cmdline):
            try:
                process.kill()
            except psutil.Error:
                pass


@pytest.fixture(autouse=True, scope="session")
def _no_indexer_outlives_the_suite(tmp_path_factory: pytest.TempPathFactory):
    yield
    stop_indexers(tmp_path_factory.getbasetemp())


def integrity(store: Path) -> str:
    """``PRAGMA integrity_check`` of a store."""
    return query(store, "PRAGMA integrity_check")[0][0]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A fresh store path in a temporary folder."""
    return tmp_path / "store" / "mlop.db"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from tests.pg_server import stop_shared

    stop_shared()
