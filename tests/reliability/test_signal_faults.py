"""Signals at any moment and of any kind: none orphans the command, none is fatal to mlop.

A signal in the first milliseconds, while leftovers are ended, or one mlop has no use for
(SIGALRM, SIGPIPE, SIGTTOU, a real-time signal): the command gets what it would get without
mlop, exactly once, and `mlop run` exits with the command's code.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import PYTHON, clean_env, mlop_argv, query


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def _wait_gone(pid: int, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _alive(pid)


def test_a_signal_the_instant_the_command_starts_is_passed_on(store: Path, tmp_path: Path) -> None:
    """The command's first act is SIGTERM to mlop: mlop was still starting its machinery (the
    signal handlers came ~50 ms later), died, and the command ran on under PID 1 with nothing
    stored. Now the signal waits for the command and reaches it: exit 143, status `killed`."""
    marker = tmp_path / "pid"
    child = (
        "import os, signal, time\n"
        f"open({str(marker)!r}, 'w').write(str(os.getpid()))\n"
        "os.kill(os.getppid(), signal.SIGTERM)\n"
        "time.sleep(30)\n"
    )
    result = subprocess.run(
        mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child),
        capture_output=True,
        env=clean_env(),
        timeout=60,
    )
    assert _wait_gone(int(marker.read_text())), "the command was orphaned"
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert query(store, "SELECT status, signal FROM runs")[0] == ("killed", signal.SIGTERM)


@pytest.mark.parametrize("attempt", range(3))
def test_a_signal_while_mlop_starts_never_orphans_the_command(
    store: Path, tmp_path: Path, attempt: int
) -> None:
    """SIGTERM sent as soon as `mlop run` exists (Slurm and CI do at any moment): either no
    command was started yet, or it got the signal; mlop's exit code says so."""
    marker = tmp_path / "pid"
    child = f"import os, time\nopen({str(marker)!r}, 'w').write(str(os.getpid()))\ntime.sleep(30)\n"
    process = subprocess.Popen(
        mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(),
    )
    time.sleep(0.05 * attempt)  # at different moments of the start; no outcome depends on it
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert process.returncode in (128 + signal.SIGTERM, -signal.SIGTERM)
    if marker.exists() and marker.read_text():
        assert _wait_gone(int(marker.read_text())), "the command was orphaned"


def test_a_signal_while_leftovers_are_ended_is_not_fatal(store: Path, tmp_path: Path) -> None:
    """SIGTERM, SIGINT and SIGHUP while mlop ends a leftover holding the output: mlop died with
    143 or 130, the status was lost and the leftover ran on. Now mlop exits with the command's
    own 0, the run is `finished` and the leftover is gone."""
    marker = tmp_path / "leftover"
    child = (
        "import os, signal, subprocess, sys\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "leftover = subprocess.Popen([sys.executable, '-c', 'import signal, time; "
        "signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)'])\n"
        f"open({str(marker)!r}, 'w').write(str(leftover.pid))\n"
        "print('PID', os.getpid(), flush=True)\n"
    )
    process = subprocess.Popen(
        mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(),
    )
    assert process.stdout is not None
    command = int(process.stdout.readline().split()[1])
    assert _wait_gone(command)  # the command has ended: mlop is ending what is left
    # Signals all through the ending (draining, SIGTERM, SIGKILL to the leftover), until mlop
    # exits: one of them lands in each phase.
    kinds = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    deadline = time.monotonic() + 60
    sent = 0
    while process.poll() is None and time.monotonic() < deadline:
        process.send_signal(kinds[sent % 3])
        sent += 1
        time.sleep(0.02)
    process.communicate(timeout=60)
    assert process.returncode == 0
    assert _wait_gone(int(marker.read_text())), "the leftover outlived the run"
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("finished", 0)


# What the command should count of each signal sent to mlop (pipe mode, mlop in a session of
# its own, so no shell could continue a stopped job: the stop signals are discarded there, as
# the kernel would discard them for the command itself).
PASSED_ON = [
    "SIGHUP", "SIGINT", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGTERM", "SIGVTALRM",
    "SIGPROF", "SIGWINCH", "SIGURG", "SIGXCPU", "SIGIO", "SIGPWR", "SIGSYS", "SIGSTKFLT",
    "SIGABRT", "SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGTRAP", "SIGCONT",
]  # fmt: skip
NOT_PASSED_ON = ["SIGPIPE", "SIGXFSZ", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGCHLD"]


def test_every_catchable_signal_is_passed_on_or_ignored_on_purpose(store: Path) -> None:
    """SIGALRM and its like killed mlop (exit 142, the command orphaned). Each catchable
    signal now reaches the command once, or is deliberately not passed on; mlop survives all."""
    names = [*PASSED_ON, *NOT_PASSED_ON]
    realtime = signal.SIGRTMIN + 3
    child = (
        "import json, os, signal, sys, time\n"
        "counts = {}\n"
        "def count(number, frame):\n"
        "    counts[number] = counts.get(number, 0) + 1\n"
        f"for number in [*(getattr(signal, n) for n in {names!r}), {int(realtime)}]:\n"
        "    signal.signal(number, count)\n"
        "print('ready', flush=True)\n"
        "deadline = time.monotonic() + 60\n"
        "while not os.path.exists('stop') and time.monotonic() < deadline:\n"
        "    time.sleep(0.02)\n"
        "time.sleep(0.2)\n"  # the last signals sent are delivered
        "print(json.dumps(counts), flush=True)\n"
    )
    workdir = store.parent.parent
    process = subprocess.Popen(
        mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(),
        cwd=workdir,
        start_new_session=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == b"ready\n"
    stops = ("SIGTSTP", "SIGTTIN", "SIGTTOU")
    for name in names:
        if name != "SIGCONT":
            process.send_signal(getattr(signal, name))
    process.send_signal(realtime)
    # A stop signal discards a pending SIGCONT (and SIGCONT pending stops), in the kernel:
    # SIGCONT goes once mlop has taken the stops (each leaves an event).
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if not store.exists():  # (connecting would create it)
                raise sqlite3.OperationalError
            messages = " ".join(row[0] for row in query(store, "SELECT message FROM events"))
        except sqlite3.OperationalError:  # not created yet
            messages = ""
        if all(f"received {name}" in messages for name in stops):
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGCONT)
    (workdir / "stop").write_text("")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    counts = {int(k): v for k, v in json.loads(out.splitlines()[-1]).items()}
    for name in PASSED_ON:
        assert counts.get(int(getattr(signal, name))) == 1, (name, counts)
    assert counts.get(int(realtime)) == 1, counts
    for name in NOT_PASSED_ON:
        assert int(getattr(signal, name)) not in counts, (name, counts)
