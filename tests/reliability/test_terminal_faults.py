"""The terminal as a shell user has it: pastes, a closed window, `&`, Ctrl-Z and `fg`, /dev/tty.

Each case runs `mlop run` where a person would, in an interactive bash on a real
pseudo-terminal, and checks that the command's bytes, exit code and signals are as without mlop.
Every wait has a deadline; nothing depends on the machine being idle.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shlex
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest

from tests.conftest import PYTHON, clean_env, mlop_argv, query
from tests.test_run_terminal import Terminal

pytestmark = pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")


class Shell:
    """An interactive bash (job control on) on a real pseudo-terminal, typed into by the test."""

    PROMPT = b"PROMPT> "

    def __init__(self, cwd: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))

        def own_terminal() -> None:
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(
            ["/bin/bash", "--norc", "--noprofile", "-i"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=clean_env(PS1=self.PROMPT.decode(), TERM="dumb", HISTFILE="/dev/null"),
            cwd=cwd,
            preexec_fn=own_terminal,
        )
        os.close(slave)
        self.output = b""
        self.mark = 0  # where the next expectation starts looking
        self.expect(self.PROMPT)
        self.run("set -o pipefail")
        self.expect(self.PROMPT)

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                self.output += os.read(self.master, 65536)
            except OSError:
                pass

    def expect(self, pattern: bytes, timeout: float = 60) -> re.Match[bytes]:
        """Wait (with a deadline) for ``pattern`` after the last expectation; move past it."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.output, self.mark)
            if match:
                self.mark = match.end()
                return match
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"{pattern!r} not seen; got {self.output[-3000:]!r}")
            self._read(min(remaining, 0.2))

    def type(self, text: str | bytes) -> None:
        os.write(self.master, text.encode() if isinstance(text, str) else text)

    def run(self, line: str) -> None:
        """Type a command line at the prompt."""
        self.type(line + "\n")

    def exit_code(self) -> int:
        """The last foreground job's exit code (pipefail: a pipeline's failing command's), asked
        at the next prompt."""
        self.expect(self.PROMPT)
        self.run("echo RC=$?")
        return int(self.expect(rb"RC=(\d+)")[1])

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        try:
            os.close(self.master)
        except OSError:
            pass


@pytest.fixture
def shell(tmp_path: Path):
    session = Shell(tmp_path)
    yield session
    session.close()


def _mlop_line(store: Path, *command: str) -> str:
    return shlex.join(mlop_argv("run", "-q", "--store", str(store), "--", *command))


def _state(pid: int) -> str:
    """A process's state letter (T: stopped), or "gone"."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


# Prints its pid, then 40 numbered lines 50 ms apart, then DONE; exits 3.
TICKER = (
    "import os, sys, time\n"
    "print('PID', os.getpid(), flush=True)\n"
    "for i in range(40):\n"
    "    print('tick', i, flush=True); time.sleep(0.05)\n"
    "print('DONE', flush=True)\n"
    "sys.exit(3)\n"
)


def _ticks(output: bytes) -> list[int]:
    return [int(n) for n in re.findall(rb"tick (\d+)", output)]


def test_background_start_does_not_stall(shell: Shell, store: Path, tmp_path: Path) -> None:
    """`mlop run -- cmd &`: mlop never touches the terminal's modes from the background, so no
    SIGTTOU stops it and the command runs to its end while the shell is free."""
    (tmp_path / "ticker.py").write_text(TICKER)
    shell.run(_mlop_line(store, PYTHON, "ticker.py") + " &")
    shell.expect(rb"\[1\] \d+")
    shell.expect(b"DONE")
    shell.run("wait %1; echo WAITED=$?")
    assert int(shell.expect(rb"WAITED=(\d+)")[1]) == 3
    assert _ticks(shell.output) == list(range(40))
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("failed", 3)


@pytest.mark.parametrize("mode", ["pty", "pipe"])
def test_ctrl_z_stops_the_command_and_mlop_and_fg_resumes_both(
    shell: Shell, store: Path, tmp_path: Path, mode: str
) -> None:
    """Ctrl-Z: the command stops (it did not before under a pty; in pipe mode only mlop
    stopped), the shell says so, and `fg` continues both: every line, the exit code."""
    (tmp_path / "ticker.py").write_text(TICKER)
    line = _mlop_line(store, PYTHON, "ticker.py")
    shell.run(line if mode == "pty" else line + " | cat")
    pid = int(shell.expect(rb"PID (\d+)")[1])
    shell.expect(b"tick 3\r\n")
    shell.type(b"\x1a")
    shell.expect(rb"\[1\]\+\s+Stopped")
    shell.expect(shell.PROMPT)
    deadline = time.monotonic() + 120
    while _state(pid) != "T" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _state(pid) == "T", "the command was not stopped"
    shell.run("fg")
    shell.expect(b"DONE")
    assert shell.exit_code() == 3
    assert _ticks(shell.output) == list(range(40))
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("failed", 3)
    kinds = {row[0] for row in query(store, "SELECT kind FROM events")}
    assert "job.stopped" in kinds


def test_dev_tty_works_in_pipe_mode(shell: Shell, store: Path, tmp_path: Path) -> None:
    """Output to a file (pipe mode) with the terminal still there: the command opens /dev/tty,
    reads a line from it and writes to it, as without mlop (it got ENXIO: exit 0 became 3)."""
    child = (
        "import sys\n"
        "try:\n"
        "    keys, screen = open('/dev/tty'), open('/dev/tty', 'w')\n"
        "except OSError as error:\n"
        "    print('no tty', error); sys.exit(3)\n"
        "screen.write('your name? '); screen.flush()\n"
        "print('hello', keys.readline().strip())\n"
    )
    (tmp_path / "asks.py").write_text(child)
    shell.run(_mlop_line(store, PYTHON, "asks.py") + " > out.txt")
    shell.expect(b"your name\\? ")
    shell.type("ada\n")
    assert shell.exit_code() == 0
    assert (tmp_path / "out.txt").read_bytes() == b"hello ada\n"


def test_a_paste_into_a_command_that_never_reads_does_not_stop_its_output(store: Path) -> None:
    """16 KB or more pasted while the command prints and never reads stdin: mlop blocked
    writing keys into the pty and stopped relaying, so the command blocked on its output for
    good (9 of 9). Now keys wait in a bounded buffer and the output flows to the end."""
    child = (
        "import time\n"
        "for i in range(300):\n"
        "    print('tick', i, flush=True); time.sleep(0.01)\n"
        "print('DONE', flush=True)\n"
    )
    term = Terminal(mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child))
    try:
        term.read_until(b"tick 20\r\n")
        assert _paste(term) >= 16 << 10
        assert term.wait(timeout=60) == 0
    finally:
        term.close()
    assert _ticks(term.output) == list(range(300))
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("finished", 0)


def _paste(term: Terminal, size: int = 256 << 10, stuck_after: float = 3.0) -> int:
    """Paste up to ``size`` bytes of lines the command never reads, reading the screen all the
    while, as a terminal does; stop when the terminal has taken nothing for ``stuck_after``
    seconds (mlop's buffer is full, or mlop is stuck). Returns what was taken."""
    os.set_blocking(term.master, False)
    pasted = 0
    taken_at = time.monotonic()
    while pasted < size and time.monotonic() - taken_at < stuck_after:
        try:
            pasted += os.write(term.master, b"y" * 63 + b"\n")
            taken_at = time.monotonic()
        except BlockingIOError:
            pass
        ready, _, _ = select.select([term.master], [], [], 0.01)
        if ready:
            try:
                term.output += os.read(term.master, 65536)
            except OSError:
                break
    return pasted


def _paste_then_close(term: Terminal) -> None:
    """Paste what the terminal takes (the command never reads it), then close the window."""
    assert _paste(term) >= 16 << 10
    os.close(term.master)  # the terminal hangs up
    os.close(term.slave)
    term.master = term.slave = -1


def _wait_gone(pid: int, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while _state(pid) not in ("gone", "Z") and time.monotonic() < deadline:
        time.sleep(0.05)
    return _state(pid) in ("gone", "Z")


def test_closing_the_terminal_hangs_the_command_up_with_an_honest_status(store: Path) -> None:
    """A paste the command never reads, then the terminal closes: the command is hung up
    (SIGHUP) as it would be without mlop, and the run says `killed` by SIGHUP."""
    child = (
        "import os, time\n"
        "print('PID', os.getpid(), flush=True)\n"
        "while True:\n"
        "    print('tick', flush=True); time.sleep(0.01)\n"
    )
    term = Terminal(mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child))
    try:
        pid = int(re.search(rb"PID (\d+)", term.read_until(b"tick"))[1])
        _paste_then_close(term)
        assert term.process.wait(timeout=60) == 128 + 1
        assert _wait_gone(pid), "the command outlived its terminal"
    finally:
        term.close()
    assert query(store, "SELECT status, signal FROM runs")[0] == ("killed", 1)


def test_a_command_that_ignores_the_hang_up_runs_to_its_end_recorded(
    store: Path, tmp_path: Path
) -> None:
    """The same with a command that ignores SIGHUP (nohup-like): mlop stayed stuck on the keys
    and the command on its output, the run `running` forever. Now the command goes on (its
    writes to the gone terminal fail, as they would), and the run is recorded to its end."""
    marker = tmp_path / "finished"
    child = (
        "import os, signal, time\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "print('PID', os.getpid(), flush=True)\n"
        "for i in range(600):\n"
        "    try:\n"
        "        print('tick', i, flush=True)\n"
        "    except OSError:\n"
        "        pass\n"
        "    time.sleep(0.01)\n"
        f"open({str(marker)!r}, 'w').write('yes')\n"
    )
    term = Terminal(mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child))
    try:
        term.read_until(b"tick 10\r\n")
        _paste_then_close(term)
        assert term.process.wait(timeout=90) == 0
    finally:
        term.close()
    assert marker.read_text() == "yes"
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("finished", 0)
    stored = b"".join(row[0] for row in query(store, "SELECT data FROM logs ORDER BY seq"))
    assert _ticks(stored) == list(range(600))
