"""Sync a run to the team store while it goes on, from a process of its own.

``mlop run --sync-to URL`` starts ``python -m mlop_cli sync --watch RUN_ID`` beside the
command. The sync never sits in the training path: it reads the local store in another process,
in short read transactions that end before anything goes over the network (on a network
filesystem, a read lock held longer would stop the run's writer), so a slow, frozen or absent
server costs the run nothing; the local store keeps everything and ``mlop sync`` catches up
later. The URL travels in the child's environment (``MLOP_SYNC_TO``), never in its argv, where
``ps`` would show a password.

The run tells its sync that the record is complete by closing the sync's stdin (after its
writer has stored everything): the sync makes one last pass and exits.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

from mlop_cli.redact import url_secrets, url_without_password
from mlop_cli.store.pg import shown_url
from mlop_cli.supervise.children import start_helper
from mlop_cli.supervise.slurm_signals import helper_preexec

# After the run ends, the last sync may take this long before it is left to `mlop sync`.
FINAL_SYNC_BUDGET_S = 5.0
WATCH_INTERVAL_S = 1.0
# Seconds between passes, for a team whose server should see fewer, bigger writes.
INTERVAL_ENV = "MLOP_SYNC_INTERVAL"
# Set in the sync's environment: it ends after the pass that follows the end of its stdin.
UNTIL_CLOSED_ENV = "MLOP_SYNC_UNTIL_STDIN_CLOSES"
# The sync's exit code when its last pass sent everything there was but the run is not complete
# in the team store yet (console metrics still being derived).
INCOMPLETE_EXIT = 3


def _interval(env: dict[str, str]) -> float:
    """``$MLOP_SYNC_INTERVAL`` when it is a number of seconds (0.1 or more), else 1 s."""
    try:
        value = float(env.get(INTERVAL_ENV, ""))
    except ValueError:
        return WATCH_INTERVAL_S
    return value if value >= 0.1 else WATCH_INTERVAL_S


def psycopg_missing() -> bool:
    """Whether the ``postgres`` extra is absent (checked without importing psycopg)."""
    import importlib.util

    return importlib.util.find_spec("psycopg") is None


class BackgroundSync:
    """The ``mlop sync --watch`` child of one run.

    Args:
        url: the PostgreSQL URL (may hold a password: it goes only into the child's env).
        store: the run's local store.
        run_id: the run to follow.
        env: the environment to start the child with.
    """

    def __init__(self, url: str, store: Path, run_id: str, env: dict[str, str]) -> None:
        self.url = url
        self.shown_url = shown_url(url)
        self.store = store
        self.run_id = run_id
        self.env = env
        self.log_path = store.parent / "sync.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> str | None:
        """Start the child; return a warning line when it cannot start (the run goes on)."""
        env = dict(self.env)
        env["MLOP_SYNC_TO"] = self.url
        env[UNTIL_CLOSED_ENV] = "1"  # see finish()
        env.pop("MLOP_TRACEBACK", None)
        argv = [
            sys.executable,
            "-m",
            "mlop_cli",
            "sync",
            "--watch",
            "--interval",
            str(_interval(self.env)),
            "--store",
            str(self.store),
            self.run_id,
        ]
        try:
            self.store.parent.mkdir(parents=True, exist_ok=True)
            log = open(self.log_path, "ab")  # handed to the child
        except OSError:
            log = None
        try:
            # A session of its own: the terminal's Ctrl-C goes to the command, not to the sync,
            # which finishes its last pass after the run ends.
            self.process = start_helper(
                lambda: subprocess.Popen(
                    argv,
                    env=env,
                    stdin=subprocess.PIPE,  # closed by finish(): the record is complete
                    stdout=log if log is not None else subprocess.DEVNULL,
                    stderr=subprocess.STDOUT if log is not None else subprocess.DEVNULL,
                    start_new_session=True,
                    close_fds=True,
                    # It must still end on the SIGTERM that finish() sends.
                    preexec_fn=helper_preexec(),
                )
            )
        except OSError as error:
            return f"cannot start the sync to {self.shown_url}: {error}; `mlop sync` sends the run later"
        finally:
            if log is not None:
                log.close()
        return None

    @property
    def pid(self) -> int | None:
        """The sync process's pid, once started."""
        return self.process.pid if self.process is not None else None

    def catch_up_command(self) -> str:
        """The command that sends the rest, ready to paste: no password in it (libpq takes it
        from PGPASSWORD or ~/.pgpass), every part quoted for the shell."""
        command = (
            f"mlop sync --to {shlex.quote(url_without_password(self.url))} {self.run_id}"
            f" --store {shlex.quote(str(self.store.resolve()))}"
        )
        if url_secrets(self.url, whole=True):
            command += "` (with the password in PGPASSWORD or ~/.pgpass)"
            return "`" + command
        return f"`{command}`"

    def finish(self, budget: float = FINAL_SYNC_BUDGET_S) -> tuple[bool, str]:
        """Tell the sync that the record is complete, wait up to ``budget`` s for its last
        pass; return (done, the one line to say)."""
        hint = f"{self.catch_up_command()} sends the rest"
        if self.process is None:
            return False, f"the run was not synced to {self.shown_url}; {hint}"
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        deadline = time.monotonic() + budget
        while self.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        code = self.process.poll()
        if code is None:
            # Killing it mid-COPY is safe: the batch's transaction rolls back; the run's row
            # and status went first, in a transaction of their own.
            with contextlib.suppress(OSError):
                os.killpg(self.process.pid, 15)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(1.0)
            return False, f"sync to {self.shown_url} not finished within {budget:.0f}s; {hint}"
        if code == INCOMPLETE_EXIT:
            # (whatever the local index says by now: the team store has not got them)
            return True, (
                f"run synced to {self.shown_url} but for its console metrics, still being "
                f"derived when it ended: {self.catch_up_command()} sends them when they are"
            )
        if code != 0:
            return False, f"sync to {self.shown_url} failed (see {self.log_path}); {hint}"
        return True, f"run synced to {self.shown_url}"
