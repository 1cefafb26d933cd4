"""`mlop run` on a real pseudo-terminal: isatty, window size, stdin, Ctrl-C, signals, restore."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest

from tests.conftest import PYTHON, clean_env, eventually, integrity, mlop_argv, query, start_run
from tests.reliability.harness import console_of, wait_for_console


class Terminal:
    """mlop running with a real pty as its stdin, stdout and stderr (as in an interactive shell)."""

    def __init__(
        self, argv: list[str], rows: int = 40, cols: int = 132, env: dict[str, str] | None = None
    ) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.slave_attrs = termios.tcgetattr(slave)
        self.slave = slave

        def become_terminal_owner() -> None:
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env or clean_env(),
            preexec_fn=become_terminal_owner,
        )
        self.output = b""

    def read_until(self, needle: bytes, timeout: float = 120) -> bytes:
        deadline = time.monotonic() + timeout
        while needle not in self.output:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"{needle!r} not seen; got {self.output[-2000:]!r}")
            ready, _, _ = select.select([self.master], [], [], min(remaining, 0.2))
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    break
        return self.output

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def wait(self, timeout: float = 120) -> int:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    pass
        return self.process.wait(max(0.1, deadline - time.monotonic()))

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for fd in (self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass


@pytest.fixture
def terminal_factory():
    made: list[Terminal] = []

    def make(*args: str, **kwargs) -> Terminal:
        terminal = Terminal(list(args), **kwargs)
        made.append(terminal)
        return terminal

    yield make
    for terminal in made:
        terminal.close()


def test_child_sees_a_terminal_with_the_window_size(store: Path, terminal_factory) -> None:
    child = "import os, sys, shutil; print('TTY', [os.isatty(i) for i in range(3)], os.get_terminal_size(1))"
    term = terminal_factory(
        *mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child), rows=33, cols=111
    )
    term.read_until(b"TTY")
    assert term.wait() == 0
    assert b"TTY [True, True, True] os.terminal_size(columns=111, lines=33)" in term.output


def test_window_size_follows_sigwinch(store: Path, terminal_factory) -> None:
    child = (
        "import os, signal, sys, time\n"
        "seen = []\n"
        "def show(*a):\n"
        "    seen.append(os.get_terminal_size(1))\n"
        "    print('SIZE', seen[-1], flush=True)\n"
        "signal.signal(signal.SIGWINCH, show)\n"
        "print('ready', flush=True)\n"
        # Until the resize has come (however late a busy machine makes it), capped.
        "deadline = time.time() + 300\n"
        "while not any(size.columns == 77 for size in seen) and time.time() < deadline:\n"
        "    time.sleep(0.05)\n"
    )
    term = terminal_factory(
        *mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child)
    )
    term.read_until(b"ready")
    fcntl.ioctl(term.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 25, 77, 0, 0))
    os.killpg(os.getpgid(term.process.pid), signal.SIGWINCH)
    assert b"SIZE os.terminal_size(columns=77, lines=25)" in term.read_until(
        b"columns=77, lines=25"
    )


def test_input_prompt_works_and_terminal_is_restored(store: Path, terminal_factory) -> None:
    child = "name = input('your name? ')\nprint('hello', name.upper())\n"
    term = terminal_factory(
        *mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child)
    )
    term.read_until(b"your name? ")
    term.write(b"ada\r")
    term.read_until(b"hello ADA")
    assert term.wait() == 0
    assert termios.tcgetattr(term.slave) == term.slave_attrs


def test_input_typed_before_mlop_starts_reaches_the_child(store: Path, terminal_factory) -> None:
    """A line and a Ctrl-D typed before mlop is up, as `script -qec 'mlop run ...' </dev/null`
    sends its Ctrl-D at once: the child reads the line, then its end of input (not a NUL)."""
    child = "import sys\nprint('got', repr(sys.stdin.readline()), repr(sys.stdin.readline()))\n"
    term = terminal_factory(
        *mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child)
    )
    term.write(b"early line\n\x04")  # mlop is still importing: the terminal is in line mode
    assert term.wait() == 0
    assert b"got 'early line\\n' ''" in term.output, term.output
    assert b"\x00" not in term.output and b"^@" not in term.output


def test_colours_and_carriage_returns_pass_unchanged(store: Path, terminal_factory) -> None:
    child = "import sys\nsys.stdout.write('\\x1b[32mgreen\\x1b[0m 10%\\r 50%\\r100%\\n')\n"
    term = terminal_factory(
        *mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child)
    )
    term.read_until(b"100%")
    assert term.wait() == 0
    assert b"\x1b[32mgreen\x1b[0m 10%\r 50%\r100%\r\n" in term.output
    stored = b"".join(row[0] for row in query(store, "SELECT data FROM logs ORDER BY seq"))
    assert b"\x1b[32mgreen\x1b[0m 10%\r 50%\r100%" in stored


def test_ctrl_c_interrupts_the_child_exactly_once(store: Path, terminal_factory) -> None:
    child = (
        "import signal, time\n"
        "count = 0\n"
        "def handler(*a):\n"
        "    global count\n"
        "    count += 1\n"
        "signal.signal(signal.SIGINT, handler)\n"
        "print('ready', flush=True)\n"
        # Wait for the first (however late it comes), then a while for a duplicate: a late
        # duplicate can only make this pass wrongly, never fail wrongly.
        "deadline = time.time() + 300\n"
        "while count == 0 and time.time() < deadline: time.sleep(0.05)\n"
        "time.sleep(1.0)\n"
        "print('SIGINTS', count, flush=True)\n"
    )
    term = terminal_factory(
        *mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child)
    )
    term.read_until(b"ready")
    term.write(b"\x03")
    term.read_until(b"SIGINTS")
    assert term.wait() == 0
    assert b"SIGINTS 1" in term.output


def test_ctrl_c_default_kills_child_with_130(store: Path, terminal_factory) -> None:
    child = "import time\nprint('ready', flush=True)\ntime.sleep(600)\n"
    term = terminal_factory(
        *mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child)
    )
    term.read_until(b"ready")
    term.write(b"\x03")
    assert term.wait() == 130  # Python exits via KeyboardInterrupt -> SIGINT re-raised... or 130
    assert termios.tcgetattr(term.slave) == term.slave_attrs


@pytest.mark.parametrize(
    "signame", ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2"]
)
@pytest.mark.parametrize("mode", ["pipe", "pty"])
def test_signals_to_mlop_reach_the_child_exactly_once(
    store: Path, terminal_factory, signame: str, mode: str
) -> None:
    number = int(getattr(signal, signame))
    child = (
        "import signal, sys, time\n"
        "got = []\n"
        f"signal.signal({number}, lambda *a: got.append(1))\n"
        "print('ready', flush=True)\n"
        # The first signal however late, then a while for a duplicate (see the Ctrl-C test).
        "deadline = time.time() + 300\n"
        "while not got and time.time() < deadline: time.sleep(0.05)\n"
        "time.sleep(1.0)\n"
        "print('COUNT', len(got), flush=True)\n"
    )
    argv = mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child)
    if mode == "pty":
        term = terminal_factory(*argv)
        term.read_until(b"ready")
        term.process.send_signal(number)
        term.read_until(b"COUNT")
        assert term.wait() == 0
        output = term.output
    else:
        process = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean_env()
        )
        assert process.stdout.readline() == b"ready\n"
        process.send_signal(number)
        rest, _ = process.communicate(timeout=120)
        assert process.returncode == 0
        output = rest
    assert b"COUNT 1" in output


def test_sigterm_lets_the_child_decide_when_to_exit(store: Path, tmp_path: Path) -> None:
    """Slurm's KillWait: SIGTERM, the child checkpoints for as long as it needs, then exits 0."""
    saved = tmp_path / "checkpoint-done"
    child = (
        "import os, signal, sys, time\n"
        "signal.signal(signal.SIGTERM, lambda *a: None)\n"
        "print('ready', flush=True)\n"
        # The checkpoint lasts until the test has seen the store: no timing assumed.
        "deadline = time.time() + 300\n"
        f"while not os.path.exists({str(saved)!r}) and time.time() < deadline:\n"
        "    time.sleep(0.05)\n"
        "print('checkpoint saved', flush=True)\n"
    )
    process = start_run(store, PYTHON, "-c", child)
    assert process.stdout.readline() == b"ready\n"
    process.send_signal(signal.SIGTERM)

    # What mlop held is committed after SIGTERM while the child runs on (its promptness is
    # measured in tests/benchmarks, not here).
    try:
        wait_for_console(store, 1)
        assert console_of(store) == b"ready\n"
        assert query(store, "SELECT status FROM runs")[0][0] == "running"
    finally:
        saved.touch()  # the checkpoint ends whatever happened, so nothing is left running
    rest, _ = process.communicate(timeout=120)
    assert process.returncode == 0 and rest == b"checkpoint saved\n"
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("finished", 0)


def test_kill_9_of_mlop_leaves_a_valid_store_and_a_lost_run(store: Path, tmp_path: Path) -> None:
    child = (
        "import time, sys\n"
        "for i in range(10000):\n"
        "    print(f'step={i} loss={1/(i+1):.6f}', flush=True)\n"
        "    time.sleep(0.01)\n"
    )
    process = start_run(store, PYTHON, "-c", child)
    wait_for_console(store, 100)
    process.kill()
    process.wait()
    # The child loses its reader: it must get EPIPE/SIGPIPE and end, not hang.
    child_pid = query(store, "SELECT child_pid FROM runs")[0][0]

    def child_gone() -> bool:
        try:
            os.kill(child_pid, 0)
        except ProcessLookupError:
            return True
        return False

    try:
        eventually(child_gone, what="the child ends after mlop was killed")
    except AssertionError:
        os.kill(child_pid, 9)
        raise
    assert integrity(store) == "ok"
    stored = b"".join(row[0] for row in query(store, "SELECT data FROM logs ORDER BY seq"))
    assert stored.count(b"\n") >= 100  # what the store held before the kill stays
    result = subprocess.run(
        mlop_argv("ls", "--json", "--store", str(store)), capture_output=True, env=clean_env()
    )
    import json

    assert json.loads(result.stdout)[0]["status"] == "lost"
