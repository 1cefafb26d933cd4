"""The command's process tree, as a subreaper sees it: a daemonising command, orphans, leftovers,
and no thread to be had.
"""

from __future__ import annotations

import os
import resource
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import PYTHON, clean_env, mlop_argv, query, run_mlop


def _zombie_children(pid: int) -> int:
    """How many zombies process ``pid`` has as children."""
    count = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z" and int(fields[1]) == pid:
            count += 1
    return count


def test_a_command_that_calls_setsid_is_followed_to_its_real_end(store: Path) -> None:
    """`mlop run -- setsid cmd`: setsid forks when it leads a process group (as every command mlop
    starts does) and its first process exits 0 at once. mlop ended the real program after 1 s
    and said `finished`, 0. Now it follows it to its end, records its exit status (as setsid
    gives it where it does not fork), and says so in the run's events.

    (Pipes only: under a pseudo-terminal the command leads the terminal's session, and its exit
    sends SIGHUP to its group, which setsid's child may not have left yet: it then dies, as
    under `script -c 'setsid cmd'`.)"""
    program = (
        "import sys, time\n"
        "print('step=1 loss=0.5', flush=True)\n"
        "time.sleep(1.5)\n"  # past the 1 s mlop used to give it
        "print('step=2 loss=0.25', flush=True)\n"
        "sys.exit(3)\n"
    )
    result = run_mlop("run", "-q", "--", "setsid", PYTHON, "-c", program, store=store)
    assert result.returncode == 3, result.stderr
    assert result.stdout == b"step=1 loss=0.5\nstep=2 loss=0.25\n"
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("failed", 3)
    kinds = [row[0] for row in query(store, "SELECT kind FROM events")]
    assert "daemon.followed" in kinds and "daemon.ended" in kinds


def test_orphans_are_reaped_while_the_run_goes_on(store: Path, tmp_path: Path) -> None:
    """300 grandchildren orphaned (their parent exits without waiting): mlop adopts them as a
    subreaper and reaps them as they end, while the command still runs (they stayed zombies)."""
    stop = tmp_path / "stop"
    child = (
        "import os, sys, time\n"
        "if os.fork() == 0:\n"
        "    for _ in range(300):\n"
        "        if os.fork() == 0:\n"
        "            os._exit(0)\n"
        "    os._exit(0)\n"  # exits without waiting: its children become orphans
        "print('forked', flush=True)\n"
        "deadline = time.monotonic() + 60\n"
        f"while not os.path.exists({str(stop)!r}) and time.monotonic() < deadline:\n"
        "    time.sleep(0.05)\n"
    )
    process = subprocess.Popen(
        mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(),
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == b"forked\n"
        deadline = time.monotonic() + 120
        zombies = _zombie_children(process.pid)
        while zombies and time.monotonic() < deadline:
            time.sleep(0.1)
            zombies = _zombie_children(process.pid)
        assert process.poll() is None, "the command ended before the check"
        assert zombies == 0
    finally:
        stop.write_text("")
        process.communicate(timeout=60)
    assert process.returncode == 0


def test_a_leftover_ignoring_sigterm_after_a_final_flood_is_killed(store: Path) -> None:
    """The command floods its output, exits 0, and leaves a process that holds the output and
    ignores SIGTERM: it gets SIGKILL shortly after (the schedule: tests/test_supervisor_ending),
    the exit code is the command's, every printed line is stored, and the events say what was
    done to whom."""
    child = (
        "import subprocess, sys\n"
        "subprocess.Popen([sys.executable, '-c', 'import signal, time; "
        'signal.signal(signal.SIGTERM, signal.SIG_IGN); print("leftover up", flush=True); '
        "time.sleep(60)'])\n"
        "w = sys.stdout.write\n"
        "for i in range(100_000): w(f'step={i} loss={1 / (i + 1):.6f}\\n')\n"
        "sys.stdout.flush()\n"
    )
    result = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store)
    assert result.returncode == 0
    assert result.stdout.count(b"\nstep=") + result.stdout.startswith(b"step=") == 100_000
    stored = b"".join(row[0] for row in query(store, "SELECT data FROM logs ORDER BY seq"))
    assert stored == result.stdout
    messages = [
        row[0] for row in query(store, "SELECT message FROM events WHERE kind = ?", ("leftovers",))
    ]
    assert messages and "ignored SIGTERM and got SIGKILL" in messages[0], messages
    assert b"ignored SIGTERM" in result.stderr  # said on stderr too, not only stored


def _no_threads() -> None:
    """A stack size so large no thread can be created within the address-space limit: what
    `ulimit -v 300000` does to mlop on some machines ("can't start new thread"), every time."""
    resource.setrlimit(resource.RLIMIT_STACK, (2 << 30, 2 << 30))
    resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))


def test_without_threads_mlop_degrades_to_passthrough(store: Path) -> None:
    """No thread to be had: mlop crashed with "can't start new thread", exited 1 instead of the
    command's 4, and stored nothing. Now: plain passthrough, one warning, the command's code."""
    probe = subprocess.run(
        [PYTHON, "-c", "import threading; threading.Thread(target=print).start()"],
        capture_output=True,
        preexec_fn=_no_threads,
    )
    if probe.returncode == 0:
        pytest.skip("threads start even so on this machine")
    result = subprocess.run(
        mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c",
                  "import sys; print('child', flush=True); sys.exit(4)"),
        capture_output=True,
        env=clean_env(),
        preexec_fn=_no_threads,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 4, result.stderr
    assert result.stdout == b"child\n"
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mlop: warning: "), lines


class _FakeSupervisor:
    """What _Ending needs of a supervisor: the open outputs, the leftovers, a voice."""

    def __init__(self, leftovers: list[int]) -> None:
        self._fds = {10: 1}  # the output is still open
        self._output_open_after_exit = False
        self._leftovers_ended = 0
        self.leftovers = leftovers
        self.said: list[tuple[list[int], list[int]]] = []

    def _leftovers(self) -> list[int]:
        return [pid for pid in self.leftovers if _state(pid) not in ("Z", "gone")]

    def _say_leftovers(self, ended: list[int], killed: list[int]) -> None:
        self.said.append((ended, killed))


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def test_the_ending_of_leftovers_fits_in_its_bound() -> None:
    """The schedule after the command's end, on an injected clock: a leftover holding the output
    and ignoring SIGTERM gets SIGTERM 1 s after the end and SIGKILL 0.3 s later, and the ending
    is over once it is gone: 1.3 s, where it was 1 s + 1 s + up to 1 s (mlop exited 4.1-4.6 s
    after the command, with the closing bookkeeping)."""
    from mlop_cli.supervise.supervisor import _Ending

    stubborn = subprocess.Popen(
        [PYTHON, "-c", "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN);"
         " print('up', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert stubborn.stdout is not None and stubborn.stdout.readline() == b"up\n"
        fake = _FakeSupervisor([stubborn.pid])
        exited = 1000.0
        ending = _Ending(exited, grace=1.0)
        assert ending.step(fake, exited + 0.5) == 0.5  # draining: the output may still come
        assert _state(stubborn.pid) != "gone" and not fake.said
        assert ending.step(fake, exited + 1.0) is not None  # SIGTERM now
        assert ending.kill_at == exited + 1.3
        assert fake._leftovers_ended == 1 and fake._output_open_after_exit
        assert ending.step(fake, exited + 1.2) is not None  # ignored: still there
        assert _state(stubborn.pid) not in ("Z", "gone")
        ending.step(fake, exited + 1.3)  # SIGKILL
        assert fake.said == [([stubborn.pid], [stubborn.pid])]
        assert stubborn.wait(timeout=120) == -9
        fake._fds = {}  # its end closed the output
        assert ending.step(fake, exited + 1.31) is None  # over, 1.31 s after the command
    finally:
        if stubborn.poll() is None:
            stubborn.kill()
            stubborn.wait()


_HELPER_FORK_SCRIPT = """
import os, sys, threading, time
from types import SimpleNamespace
from mlop_cli.supervise import children
from mlop_cli.supervise.supervisor import LaunchOptions, Supervisor
events = []
supervisor = Supervisor(
    LaunchOptions(argv=[sys.executable, "-c", "pass"], env=dict(os.environ), use_pty=False),
    on_output=lambda stream, data: None,
    on_event=lambda level, kind, message: events.append(kind),
)
supervisor.start()
command = supervisor.process.pid

def ended(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in "ZX"
    except OSError:
        return True

def start():
    # As subprocess starts the console indexer: between fork and exec the child has a session
    # of its own and still holds the command's output pipes; close_fds closes in two sweeps
    # around the exec-report pipe, so for a moment it holds those and not mlop's wake-up pipe.
    helper = os.fork()
    if helper == 0:
        os.setsid()
        os.close(supervisor._wakeup_r)
        os.close(supervisor._wakeup_w)
        time.sleep(3)
        os._exit(7)
    while not ended(command):  # the command exits meanwhile (it runs `pass`)
        time.sleep(0.01)
    return SimpleNamespace(pid=helper)

starter = threading.Thread(target=children.start_helper, args=(start,))
starter.start()
outcome = supervisor.wait()
starter.join()
print(outcome.exit.code, "daemon.followed" in events, flush=True)
for pid in children.child_pids():
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # reaped by the supervisor
"""


def test_a_helper_mlop_is_starting_is_never_taken_for_the_commands_heir(tmp_path: Path) -> None:
    """A command that exits at once while mlop forks its console indexer: the fork, not yet
    exec'd, holds the command's output in a session of its own, as a daemonised heir would.
    mlop followed it as the command and waited for it; the indexer waited for mlop: `mlop run`
    hung for good (seen twice in the suite, under load: the second time after a fix that told
    a helper by mlop's wake-up pipe, which the fork had already closed)."""
    script = tmp_path / "fork_helper.py"
    script.write_text(_HELPER_FORK_SCRIPT)
    result = subprocess.run(
        [PYTHON, str(script)], capture_output=True, timeout=120, cwd=str(tmp_path),
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [b"0", b"False"]  # the command's status; nothing followed
