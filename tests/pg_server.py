"""A throw-away PostgreSQL server for tests and benchmarks: initdb, then postgres on loopback.

PostgreSQL refuses to run as root, so under root the server runs as ``nobody`` in a data folder
it owns (made with ``tempfile.mkdtemp`` directly under /tmp, which ``nobody`` can reach).
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

SUPERUSER = "mlop_admin"
PASSWORD = "s3cret-pw"


def find_binaries() -> Path | None:
    """The folder holding ``initdb`` and ``postgres``, or None."""
    candidates = []
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(found).resolve().parent)
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    candidates += [Path("/usr/local/pgsql/bin"), Path("/usr/local/bin")]
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "postgres").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PgServer:
    """One running server; ``url(db)`` gives a password URL for a database."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="mlop-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "nobody")
            os.chmod(self.root, 0o700)
            self._as_user = ["runuser", "-u", "nobody", "--"]

    def start(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self._as_user:
            shutil.chown(pwfile, "nobody")
        subprocess.run(
            [
                *self._as_user,
                str(self.bindir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                SUPERUSER,
                "--pwfile",
                str(pwfile),
                "--auth",
                "scram-sha-256",
                "-E",
                "UTF8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )
        # The port is free when picked, not reserved: another worker of the suite (pytest-xdist
        # runs one server each) may take it first. A server that could not bind exits: again,
        # on another port.
        for _attempt in range(5):
            if self._serve():
                return
            self.port = _free_port()
        raise RuntimeError((self.root / "server.log").read_text())

    def _serve(self) -> bool:
        """Start the server on ``self.port``; False when it exited (the port was taken)."""
        log = open(self.root / "server.log", "wb")  # owned by the server process
        self.process = subprocess.Popen(
            [
                *self._as_user,
                str(self.bindir / "postgres"),
                "-D",
                str(self.data),
                "-p",
                str(self.port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                f"unix_socket_directories={self.root}",
                "-c",
                "fsync=off",
                "-c",
                "max_connections=50",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    pass
                # Accepting TCP is not yet accepting logins: ask the server itself.
                done = subprocess.run(
                    [str(self.bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                    capture_output=True,
                )
                # ... and the server answering is this one, not another worker's on that port.
                if done.returncode == 0 and self._ready_on_our_port():
                    return True
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("PostgreSQL did not start in 120 s")

    def _ready_on_our_port(self) -> bool:
        """postmaster.pid of this data folder names our port and says `ready`."""
        try:
            lines = (self.data / "postmaster.pid").read_text().splitlines()
        except OSError:
            return False
        return len(lines) > 7 and lines[3].strip() == str(self.port) and "ready" in lines[7]

    def processes(self) -> list[int]:
        """The pids of the server: the postmaster and every process it started."""
        import psutil  # type: ignore[import-untyped]

        if self.process is None:
            return []
        try:
            root = psutil.Process(self.process.pid)
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []
        found = []
        for process in tree:  # under root, self.process is runuser: the postmaster its child
            try:
                if process.name().startswith("postgres"):
                    found.append(process.pid)
            except psutil.NoSuchProcess:  # a backend that ended meanwhile
                continue
        return found

    @contextlib.contextmanager
    def frozen(self) -> Iterator[None]:
        """The whole server stopped (SIGSTOP), as a hung VM or a stalled disk would leave it;
        resumed on leaving, whatever happens inside."""
        pids = self.processes()
        try:
            for pid in pids:
                # (a backend that ended since it was listed: nothing to stop; the others must
                # still be stopped, and all resumed, or every later test's connection hangs)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGSTOP)
            yield
        finally:
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)

    def url(self, database: str = "postgres", password: str = PASSWORD) -> str:
        """A URL with the superuser's password."""
        return f"postgresql://{SUPERUSER}:{password}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create a database; return its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server and remove its folder (600+ MB after the sync tests), whatever
        happens on the way: a suite run must not leave a data folder behind."""
        try:
            for pid in self.processes():  # never leave a frozen server behind
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)
            if self.process is not None and self.process.poll() is None:
                # "fast" shutdown (clients cut off), asked of the server itself: runuser does
                # not pass signals on.
                with contextlib.suppress(subprocess.TimeoutExpired):
                    subprocess.run(
                        [*self._as_user, str(self.bindir / "pg_ctl"), "stop", "-D",
                         str(self.data), "-m", "fast", "-w"],
                        capture_output=True,
                        timeout=30,
                    )  # fmt: skip
                try:
                    self.process.wait(10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


_SHARED: PgServer | None = None


def shared_server() -> PgServer | None:
    """One server for every test module of a session (started on first use, stopped when the
    interpreter exits); None when PostgreSQL is not installed."""
    global _SHARED
    if _SHARED is None:
        bindir = find_binaries()
        if bindir is None:
            return None
        server = PgServer(bindir)
        server.start()
        atexit.register(server.stop)
        _SHARED = server
    return _SHARED


def stop_shared() -> None:
    """Stop the shared server now. The suite calls this as its session ends: a pytest-xdist
    worker is ended before its exit handlers are done, and the folder was left half removed."""
    global _SHARED
    if _SHARED is not None:
        server, _SHARED = _SHARED, None
        atexit.unregister(server.stop)
        server.stop()


def pg_server_or_skip() -> PgServer:
    """The shared server, or skip the test when PostgreSQL is not installed."""
    import pytest

    found = shared_server()
    if found is None:
        pytest.skip(
            "PostgreSQL binaries (initdb, postgres) not found on PATH or /usr/lib/postgresql"
        )
    return found
