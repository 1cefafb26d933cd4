"""Run one command: launch, relay its bytes, forward signals, reap it and its leftovers.

The supervisor is an explicit state machine (supervisor's habit):
``new -> running -> draining -> done``. It runs in the main thread, because only the main
thread receives Python signal handlers; everything else (storing, parsing) happens in other
threads fed through ``on_output``, so the child's bytes reach the terminal first.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import pty
import select
import shutil
import signal
import subprocess
import termios
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mlop_cli.errors import CommandNotExecutableError, CommandNotFoundError
from mlop_cli.supervise.exit_status import ExitStatus, decode_wait_status
from mlop_cli.supervise.pty_io import (
    copy_window_size,
    enlarge_pipe,
    raw_terminal,
    set_child_subreaper,
)

FORWARDED_SIGNALS = (
    signal.SIGINT,
    signal.SIGTERM,
    signal.SIGHUP,
    signal.SIGQUIT,
    signal.SIGUSR1,
    signal.SIGUSR2,
)

# Reads start at 64 KiB and grow to 1 MiB only while they come back full: a 1 MiB buffer per
# read is an mmap/mremap/munmap per line for a slow writer (measured: most of the relay's cost
# at 100 lines a second), while a fast writer gets few, large reads.
_READ_SIZE = 1 << 20
_SMALL_READ_SIZE = 64 << 10
# After a small read, wait this long before the next: output coalesces into fewer, larger
# reads. Measured: a child flushing 1,000,000 lines cost a line-by-line relay 10x more CPU.
# Only after *small* reads: a pty hands over at most ~4 KiB a read, and sleeping after each of
# those made mlop 2.3x slower than `script` on a fast child.
_COALESCE_S = 0.001
_SMALL_READ = 1024
# A slow writer into pipes (a training loop printing a line every few ms) would cost mlop a
# wake-up per line: about 70 us of CPU each on a VM, most of mlop's own CPU at 100 lines a
# second. While such output trickles in, the relay looks at most once per _PACE_S and takes
# every line that came meanwhile: 40 wake-ups a second at most, each line passed on within
# 25 ms (a log file or CI log cannot tell), and the 1 MiB pipe holds far more than a child
# writes in 25 ms (it would take 40 MB/s). Not under a pty: a terminal's echo must be instant,
# and a pty holds only ~20 KB.
_PACE_S = 0.025
_RECORD_BATCH = 64 << 10
_RECORD_MAX_AGE_S = 0.2  # nor does recording hold steady output longer than this

OutputHandler = Callable[[int, bytes, float], None]


@dataclass
class LaunchOptions:
    """How to launch the command.

    Attributes:
        argv: the command and its arguments.
        env: the child's environment.
        cwd: the child's working directory.
        use_pty: run the child's stdout under a pseudo-terminal (``None``: when stdout is a tty).
        stdin_fd / stdout_fd / stderr_fd: mlop's own streams (injectable for tests).
        leftover_grace_s: after the command exits, how long its leftover processes and open
            output get before they are ended: mlop never holds a node after the job.
        signalled_directly: given a signal's sender pid, whether that sender signalled the
            command itself too (Slurm's step daemon): such signals are not forwarded. With it,
            signals are taken by a thread in ``sigwaitinfo``, which tells the sender.
        spared: whether a descendant pid is a helper mlop started in a session of its own
            (the background sync), never ended with the command's leftovers.
    """

    argv: list[str]
    env: dict[str, str]
    cwd: str | None = None
    use_pty: bool | None = None
    stdin_fd: int = 0
    stdout_fd: int = 1
    stderr_fd: int = 2
    leftover_grace_s: float = 1.0
    signalled_directly: Callable[[int], bool] | None = None
    spared: Callable[[int], bool] | None = None


@dataclass
class Outcome:
    """What happened to the command."""

    exit: ExitStatus
    pid: int
    started_at: float
    ended_at: float
    used_pty: bool
    signals_forwarded: list[int] = field(default_factory=list)
    signals_not_forwarded: list[int] = field(default_factory=list)
    leftovers_ended: int = 0
    output_open_after_exit: bool = False


class Supervisor:
    """Launches a command and relays it until it and its output are done."""

    def __init__(
        self,
        options: LaunchOptions,
        on_output: OutputHandler,
        on_signal: Callable[[int, bool], None] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.options = options
        self._on_output = on_output
        self._on_signal = on_signal or (lambda number, forwarded: None)
        self._clock = clock
        self.state = "new"
        self.process: subprocess.Popen[bytes] | None = None
        self._fds: dict[int, int] = {}  # our read end -> stream (1 stdout, 2 stderr)
        self._master: int | None = None
        self._stdin_forward = False
        self.streams_merged = False  # stdout and stderr share one pipe (see start)
        self._forwarded: list[int] = []
        self._not_forwarded: list[int] = []
        self._sigwait_thread: threading.Thread | None = None
        self._sigwait_stopping = False
        self._saved_mask: set[int] | None = None
        self._saved_handlers: dict[int, object] = {}
        self._wakeup_r = self._wakeup_w = -1
        self._out_closed: set[int] = set()
        self._recording: list[Any] | None = None  # [stream, time of first byte, bytes]
        self.started_at = 0.0

    # -- launch ------------------------------------------------------------------------

    def start(self) -> int:
        """Launch the command; return its pid.

        Raises:
            CommandNotFoundError: the command does not exist (exit 127).
            CommandNotExecutableError: it exists but cannot be executed (exit 126).
        """
        options = self.options
        stdout_tty = os.isatty(options.stdout_fd)
        use_pty = stdout_tty if options.use_pty is None else options.use_pty
        self.used_pty = use_pty
        stdin_tty = os.isatty(options.stdin_fd)
        stderr_tty = os.isatty(options.stderr_fd)
        # `> log 2>&1` (and Slurm's default output file): both streams reach one file, in the
        # order the command wrote them. Two pipes would lose that order; one pipe keeps it.
        merged = not stderr_tty and _same_file(options.stdout_fd, options.stderr_fd)
        self.streams_merged = merged
        child_fds: list[int] = []
        stdin: int | None = options.stdin_fd
        stderr_target: int
        preexec = None
        env = dict(options.env)
        if use_pty:
            master, slave = pty.openpty()
            self._master = master
            child_fds.append(slave)
            if stdout_tty:
                copy_window_size(options.stdout_fd, master)
            elif stdin_tty:
                copy_window_size(options.stdin_fd, master)
            else:
                # No terminal to copy: pass the raw bytes unchanged (no \n -> \r\n) to a file.
                attrs = termios.tcgetattr(slave)
                attrs[1] &= ~termios.OPOST
                termios.tcsetattr(slave, termios.TCSANOW, attrs)
            stdout = slave
            self._fds[master] = 1
            if stdin_tty:
                stdin = slave
                self._stdin_forward = True
            if stderr_tty or merged:
                stderr_target = slave
            else:
                err_r, err_w = os.pipe()
                enlarge_pipe(err_w)
                child_fds.append(err_w)
                self._fds[err_r] = 2
                stderr_target = err_w

        else:
            out_r, out_w = os.pipe()
            enlarge_pipe(out_w)
            child_fds.append(out_w)
            self._fds[out_r] = 1
            stdout = stderr_target = out_w
            if not merged:
                err_r, err_w = os.pipe()
                enlarge_pipe(err_w)
                child_fds.append(err_w)
                self._fds[err_r] = 2
                stderr_target = err_w
            # A Python child writing to a pipe block-buffers its stdout (8 KiB): lines would
            # reach a Slurm output file minutes late. Unbuffered changes timing, not bytes.
            env.setdefault("PYTHONUNBUFFERED", "1")
        saved_mask: set[int] | None = None
        if options.signalled_directly is not None:
            # Every thread mlop starts from here on inherits the block, so the forwarded
            # signals wait for the one thread that takes them with their sender (in wait()).
            saved_mask = signal.pthread_sigmask(signal.SIG_BLOCK, FORWARDED_SIGNALS)
        if use_pty or saved_mask is not None:

            def preexec() -> None:  # runs in the child, after setsid()
                if saved_mask is not None:
                    signal.pthread_sigmask(signal.SIG_SETMASK, saved_mask)
                if use_pty:
                    # Make the pty our controlling terminal: job control, Ctrl-C and SIGWINCH
                    # then reach the child as they would from a real terminal.
                    fcntl.ioctl(1, termios.TIOCSCTTY, 0)

        set_child_subreaper()
        # A new session: the child and its workers form their own process group, which mlop
        # signals as a whole, and a terminal's Ctrl-C never reaches both of us.
        launch = functools.partial(
            subprocess.Popen,
            stdin=stdin,
            stdout=stdout,
            stderr=stderr_target,
            cwd=options.cwd,
            env=env,
            start_new_session=True,
            preexec_fn=preexec,
            close_fds=True,
        )
        try:
            self.process = _launch_as_execvp(launch, options.argv, env, options.cwd)
        except OSError as error:
            if saved_mask is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, saved_mask)
            self._close_all(child_fds)
            raise _launch_error(
                options.argv[0], error, _resolve(options.argv[0], env, options.cwd)
            ) from error
        finally:
            for fd in child_fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._saved_mask = saved_mask
        self.started_at = self._clock()
        self.state = "running"
        return self.process.pid

    def _close_all(self, child_fds: list[int]) -> None:
        for fd in list(self._fds):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._fds.clear()
        self.process = None
        del child_fds  # closed by the caller's finally

    # -- signals -----------------------------------------------------------------------

    def _install_signal_handlers(self) -> None:
        self._wakeup_r, self._wakeup_w = os.pipe()
        for fd in (self._wakeup_r, self._wakeup_w):
            os.set_blocking(fd, False)
        signal.set_wakeup_fd(self._wakeup_w, warn_on_full_buffer=False)
        for number in (*FORWARDED_SIGNALS, signal.SIGWINCH, signal.SIGCHLD):
            self._saved_handlers[number] = signal.signal(number, self._handle_signal)
        if self._saved_mask is not None:
            # The forwarded signals are blocked in every thread (see start()): this one takes
            # them, with their sender.
            self._sigwait_thread = threading.Thread(
                target=self._take_signals, name="mlop-signals", daemon=True
            )
            self._sigwait_thread.start()

    def _stop_taking_signals(self) -> None:
        thread = self._sigwait_thread
        if thread is None:
            return
        self._sigwait_stopping = True
        with contextlib.suppress(OSError, ValueError):
            assert thread.ident is not None
            signal.pthread_kill(thread.ident, signal.SIGUSR2)  # wakes it; sent by us, not taken
        thread.join(1.0)
        # The signals stay blocked: one arriving during the closing bookkeeping is held, never
        # acted on, as the runner wants (it ignores them then).

    def _take_signals(self) -> None:
        """Take each forwarded signal with its sender; forward it unless the sender signalled
        the command itself."""
        wanted = set(FORWARDED_SIGNALS)
        me = os.getpid()
        directly = self.options.signalled_directly or (lambda pid: False)
        while True:
            try:
                info = signal.sigwaitinfo(wanted)
            except InterruptedError:
                continue
            except OSError:
                return
            number, sender = info.si_signo, info.si_pid
            if self._sigwait_stopping and sender == me:
                return
            try:
                self._received(number, already_delivered=directly(sender))
            except Exception:  # noqa: BLE001 - a fault here must not stop signals being taken
                continue

    def _restore_signal_handlers(self) -> None:
        self._stop_taking_signals()
        for number, handler in self._saved_handlers.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(number, handler)  # type: ignore[arg-type]
        signal.set_wakeup_fd(-1)
        for fd in (self._wakeup_r, self._wakeup_w):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _handle_signal(self, number: int, frame: object) -> None:
        if number == signal.SIGCHLD:
            return  # the wakeup fd already woke the loop, which reaps
        if number == signal.SIGWINCH:
            if self._master is not None:
                source = (
                    self.options.stdout_fd
                    if os.isatty(self.options.stdout_fd)
                    else self.options.stdin_fd
                )
                copy_window_size(
                    source, self._master
                )  # the kernel then sends SIGWINCH to the child
            return
        self._received(number, already_delivered=False)

    def _received(self, number: int, *, already_delivered: bool) -> None:
        """A forwarded-kind signal reached mlop: pass it on unless the command got it too."""
        if already_delivered:
            self._not_forwarded.append(number)
        else:
            self.forward(number)
        self._on_signal(number, not already_delivered)

    def forward(self, number: int) -> None:
        """Send signal ``number`` to the child's whole process group, once."""
        if self.process is None or self.process.returncode is not None:
            return
        try:
            os.killpg(self.process.pid, number)
        except ProcessLookupError:
            return
        except PermissionError:
            with contextlib.suppress(OSError):
                os.kill(self.process.pid, number)
        self._forwarded.append(number)

    # -- relay -------------------------------------------------------------------------

    def wait(self) -> Outcome:
        """Relay output and signals until the command has exited and its output is drained."""
        assert self.process is not None, "start() first"
        self._install_signal_handlers()
        raw = (
            raw_terminal(self.options.stdin_fd) if self._stdin_forward else contextlib.nullcontext()
        )
        try:
            with raw as typed:
                for chunk in typed or ():
                    self._forward_typed(chunk)
                status = self._relay()
        finally:
            self._hand_over()
            self._restore_signal_handlers()
            for fd in list(self._fds):
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._fds.clear()
        ended = self._clock()
        leftovers = self._end_leftovers()
        self.state = "done"
        return Outcome(
            exit=status,
            pid=self.process.pid,
            started_at=self.started_at,
            ended_at=ended,
            used_pty=self.used_pty,
            signals_forwarded=list(self._forwarded),
            signals_not_forwarded=list(self._not_forwarded),
            leftovers_ended=leftovers,
            output_open_after_exit=self._output_open_after_exit,
        )

    def _relay(self) -> ExitStatus:
        assert self.process is not None
        pid = self.process.pid
        status: ExitStatus | None = None
        drain_deadline: float | None = None
        self._output_open_after_exit = False
        stdin_fd = self.options.stdin_fd
        forward_stdin = self._stdin_forward
        poller = select.poll()
        for fd in self._fds:
            poller.register(fd, select.POLLIN)
        poller.register(self._wakeup_r, select.POLLIN)
        if forward_stdin:
            poller.register(stdin_fd, select.POLLIN)
        # Reap only when told to (SIGCHLD woke us, an output closed, or a poll timed out):
        # a waitpid per read would cost more than the read itself.
        check_exit = True
        read_size = _SMALL_READ_SIZE
        pace = self._master is None
        pacing = False
        while True:
            if status is None and check_exit:
                check_exit = False
                status = self._reap(pid)
                if status is not None:
                    self.state = "draining"
                    # Output still buffered in the pipes or pty is read; a grandchild holding
                    # the output open gets a bounded time, then we go.
                    drain_deadline = time.monotonic() + self.options.leftover_grace_s
            if status is not None:
                if not self._fds:
                    return status
                assert drain_deadline is not None
                remaining = drain_deadline - time.monotonic()
                if remaining <= 0:
                    self._output_open_after_exit = True
                    return status
                timeout_ms = int(remaining * 1000) + 1
            else:
                timeout_ms = 1000  # also a safety net should a SIGCHLD wakeup be lost
            polled_at = time.monotonic()
            try:
                events = poller.poll(0) if self._recording else []
                if not events:
                    self._hand_over()  # the output paused: record what gathered
                    events = poller.poll(timeout_ms)
            except InterruptedError:
                continue
            waited = time.monotonic() - polled_at
            if not events:
                check_exit = True
            short_read = False
            got_output = False
            for fd, _mask in events:
                if fd == self._wakeup_r:
                    with contextlib.suppress(OSError):
                        while os.read(self._wakeup_r, 512):
                            pass
                    check_exit = True
                    continue
                if fd == stdin_fd and forward_stdin:
                    if not self._forward_stdin(stdin_fd):
                        poller.unregister(stdin_fd)
                        forward_stdin = False
                    continue
                stream = self._fds.get(fd)
                if stream is None:
                    continue
                try:
                    data = os.read(fd, read_size)
                except OSError as error:
                    if error.errno in (errno.EIO, errno.EBADF):  # pty: the last writer closed
                        data = b""
                    elif error.errno in (errno.EAGAIN, errno.EINTR):
                        continue
                    else:
                        raise
                if not data:
                    poller.unregister(fd)
                    with contextlib.suppress(OSError):
                        os.close(fd)
                    del self._fds[fd]
                    check_exit = True
                    continue
                read_size = _READ_SIZE if len(data) == read_size else _SMALL_READ_SIZE
                if len(data) < _SMALL_READ:
                    short_read = True
                got_output = True
                self._pass_through(fd, stream, data)
            if status is not None or not got_output:
                pacing = False
                continue
            if pace and short_read and (pacing or waited >= _COALESCE_S / 2):
                # A slow writer into pipes: look again in _PACE_S, not at its next line. The
                # pacing lasts while each look finds little; a burst (large reads) ends it.
                pacing = True
                time.sleep(_PACE_S)
            elif short_read and waited < _COALESCE_S / 2:
                # Data was already waiting when we polled (a fast writer) and came in small
                # reads: pause so the next read takes many writes at once.
                pacing = False
                time.sleep(_COALESCE_S)
            else:
                pacing = False

    def _pass_through(self, fd: int, stream: int, data: bytes) -> None:
        now = self._clock()
        out_fd = self.options.stdout_fd if stream == 1 else self.options.stderr_fd
        if out_fd not in self._out_closed:
            try:
                _write_all(out_fd, data)
            except BrokenPipeError:
                # Our reader went away (`mlop run ... | head`): as without mlop, the child
                # should see EPIPE/SIGPIPE on its next write, so stop reading its output.
                self._out_closed.add(out_fd)
                if self._master is None:
                    with contextlib.suppress(OSError):
                        os.close(fd)
                    self._fds.pop(fd, None)
            except OSError:
                self._out_closed.add(out_fd)
        # Recording is batched: consecutive reads of a stream are handed over together when
        # the output pauses, 64 KiB have gathered or 0.2 s have passed (a fast writer under a
        # pty comes in reads of a few lines each; one record per read cost the parser and
        # writer threads more than the relay itself). The terminal above got every byte at once all the same.
        pending = self._recording
        if pending and pending[0] != stream:
            self._hand_over()
            pending = self._recording
        if pending:
            pending[2] += data
        else:
            self._recording = pending = [stream, now, bytearray(data)]
        if len(pending[2]) >= _RECORD_BATCH or now - pending[1] >= _RECORD_MAX_AGE_S:
            self._hand_over()

    def _hand_over(self) -> None:
        """Give the output gathered for recording to ``on_output``."""
        pending, self._recording = self._recording, None
        if not pending:
            return
        try:
            self._on_output(pending[0], bytes(pending[2]), pending[1])
        except Exception:  # noqa: BLE001 - recording must never stop passthrough
            pass

    def _forward_typed(self, chunk: bytes | None) -> None:
        """Forward a line typed before raw mode, or (None) an end of file as the child's EOF key."""
        if self._master is None:
            return
        try:
            if chunk is None:
                eof = termios.tcgetattr(self._master)[6][termios.VEOF]
                chunk = eof if isinstance(eof, bytes) and eof != b"\0" else b"\x04"
            _write_all(self._master, chunk)
        except (OSError, termios.error):
            pass

    def _forward_stdin(self, stdin_fd: int) -> bool:
        try:
            data = os.read(stdin_fd, 65536)
        except OSError:
            return False
        if not data or self._master is None:
            return False
        try:
            _write_all(self._master, data)
        except OSError:
            return False
        return True

    def _reap(self, pid: int) -> ExitStatus | None:
        assert self.process is not None
        try:
            waited, wait_status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return self._status or ExitStatus(1, None, "lost track of the command")
        if waited == 0:
            return None
        self._status = decode_wait_status(wait_status)
        self.process.returncode = self._status.code
        return self._status

    _status: ExitStatus | None = None

    def _end_leftovers(self) -> int:
        """End descendants that outlived the command: they must not outlive the run."""
        try:
            import psutil
        except ImportError:
            return 0
        assert self.process is not None
        # The command leads a session of its own; mlop's helpers (git, the package listing)
        # stay in mlop's. A descendant in any other session left the command's with setsid
        # (a daemon: Ray's, a service's): as a subreaper mlop still finds it, and ends it,
        # sparing only the helpers mlop itself started in sessions of their own.
        own_session = os.getsid(0)
        spared = self.options.spared or (lambda pid: False)
        leftovers = []
        try:
            for process in psutil.Process().children(recursive=True):
                with contextlib.suppress(OSError):
                    if os.getsid(process.pid) != own_session and not spared(process.pid):
                        leftovers.append(process)
        except psutil.Error:
            return 0
        if not leftovers:
            return 0
        for process in leftovers:
            with contextlib.suppress(psutil.Error):
                process.terminate()
        _gone, alive = psutil.wait_procs(leftovers, timeout=self.options.leftover_grace_s)
        for process in alive:
            with contextlib.suppress(psutil.Error):
                process.kill()
        psutil.wait_procs(alive, timeout=1.0)
        return len(leftovers)


def _same_file(fd: int, other: int) -> bool:
    """True when two descriptors reach the same file or pipe (``> log 2>&1``)."""
    try:
        return os.path.samestat(os.fstat(fd), os.fstat(other))
    except OSError:
        return False


def _launch_as_execvp(
    launch: Callable[[list[str]], subprocess.Popen[bytes]],
    argv: list[str],
    env: dict[str, str],
    cwd: str | None,
) -> subprocess.Popen[bytes]:
    """Start ``argv`` as execvp() would: a script without a `#!` line runs under /bin/sh.

    The shell, env(1) and execvp() do so, so `mlop run -- ./job.sh` does too; subprocess alone
    fails with ENOEXEC.
    """
    try:
        return launch(argv)
    except OSError as error:
        script = _resolve(argv[0], env, cwd)
        if error.errno != errno.ENOEXEC or script is None or _is_binary(script):
            raise
        return launch(["/bin/sh", script, *argv[1:]])


def _resolve(command: str, env: dict[str, str], cwd: str | None) -> str | None:
    """The file ``command`` names, found as execvp() finds it; None when there is none."""
    if "/" in command:
        path = os.path.join(cwd or os.getcwd(), command)
        return path if os.path.isfile(path) else None
    return shutil.which(command, path=env.get("PATH", os.defpath))


def _is_binary(path: str) -> bool:
    """True for a file that is not a script (execvp() gives /bin/sh text files only)."""
    try:
        with open(path, "rb") as file:
            return b"\0" in file.read(256)
    except OSError:
        return True


def shebang_words(path: str | os.PathLike[str]) -> list[str]:
    """The words of a script's ``#!`` line (``["/usr/bin/env", "python3"]``); [] without one."""
    try:
        with open(path, "rb") as file:
            first = file.readline(256)
    except OSError:
        return []
    if not first.startswith(b"#!"):
        return []
    return first[2:].decode("utf-8", "replace").split()


def _interpreter(path: str) -> str | None:
    """The interpreter a script's ``#!`` line names, or None."""
    words = shebang_words(path)
    return words[0] if words else None


def _launch_error(command: str, error: OSError, found: str | None = None) -> Exception:
    """The one-line error for a command that could not be started (exit 127 or 126).

    ``found`` is the file the command names, when there is one: a file that exists yet is
    "not found" lacks its interpreter (a `#!` line naming a missing program) or loader.
    """
    if not command:
        return CommandNotFoundError("command not found: '' (an empty command)")
    if isinstance(error, FileNotFoundError):
        if found is not None:
            interpreter = _interpreter(found)
            needs = f"its interpreter {interpreter}" if interpreter else "its interpreter or loader"
            return CommandNotFoundError(f"cannot execute {command}: {needs} was not found")
        return CommandNotFoundError(f"command not found: {command}")
    if isinstance(error, PermissionError):
        if os.path.isdir(command):
            return CommandNotExecutableError(f"cannot execute {command}: it is a folder")
        return CommandNotExecutableError(f"permission denied: {command} is not executable")
    if error.errno == errno.ENOEXEC:
        return CommandNotExecutableError(f"cannot execute {command}: {error.strerror}")
    return CommandNotExecutableError(f"cannot run {command}: {error.strerror}")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            select.select([], [fd], [], 1.0)
            continue
        except InterruptedError:
            continue
        view = view[written:]
