"""Run one command: launch, relay its bytes, take every signal, reap it and its leftovers.

The supervisor is an explicit state machine (supervisor's habit):
``new -> running -> draining -> done``, as tini, dumb-init and ``script`` would be if they also
recorded:

* The relay (the calling thread) only reads, writes and hands bytes over in bulk; it never
  blocks on the command's input: keys for a pseudo-terminal go through a bounded buffer,
  written when the terminal can take them, so a 16 KB paste into a command that never reads
  cannot stop its output.
* Signals are blocked before the command starts and taken by one thread (signals.py), so
  none is lost or fatal in any phase; job control is a shell's (job_control.py).
* mlop is a child subreaper: the command's orphans are reaped as they end, a command that
  daemonises is followed to its real end, and what outlives the command is ended (children.py).
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
from typing import Any, cast

from mlop_cli.errors import CommandNotExecutableError, CommandNotFoundError
from mlop_cli.supervise import children, job_control
from mlop_cli.supervise.exit_status import ExitStatus, decode_wait_status, signal_name
from mlop_cli.supervise.pty_io import RawMode, copy_window_size, enlarge_pipe
from mlop_cli.supervise.signals import (
    SI_KERNEL,
    SI_USER,
    SignalDesk,
    block_all,
    unblock_in_child,
)

# Kept for callers that name the classic ones; every catchable signal is taken (signals.py).
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
# Keys waiting for the command's pseudo-terminal: beyond this mlop stops reading the user's
# terminal until the command reads (the terminal then holds them, as it would without mlop).
_STDIN_BUFFER = 64 << 10
# Without a signal thread (a resource limit), the relay looks for signals this often.
_POLLED_SIGNALS_S = 0.05
# After the command's exit: output still open after the grace period, or processes left over,
# get SIGTERM; those still there this much later get SIGKILL. The whole ending fits in about a
# second and a half, so mlop exits within ~2 s of the command even when a leftover ignores
# SIGTERM.
_KILL_AFTER_S = 0.3
_GIVE_UP_AFTER_KILL_S = 0.3  # output held by a process SIGKILL cannot end (stuck in the kernel)
# A command that exits with 0 within this long of its start, leaving exactly one process that
# left its process group (setsid, a daemon's double fork) and still writes to its output, has
# daemonised: mlop follows that process as the command. (`setsid cmd` forks exactly so when it
# leads a process group, as every command mlop starts does.)
_DAEMONISE_WITHIN_S = 5.0

OutputHandler = Callable[[int, bytes, float], None]
EventHandler = Callable[[str, str, str], None]  # level, kind, message


# How long a signal's sender that leads mlop's process group is given to send it again, to the
# group (see Supervisor._take_resent).
_RESEND_WAIT_S = 0.005


@dataclass
class LaunchOptions:
    """How to launch the command.

    Attributes:
        argv: the command and its arguments.
        env: the child's environment.
        cwd: the child's working directory.
        use_pty: run the child's stdout under a pseudo-terminal (``None``: when stdout is a tty).
        stdin_fd / stdout_fd / stderr_fd: mlop's own streams (injectable for tests).
        leftover_grace_s: after the command exits, how long processes still holding its
            output get before they are ended: mlop never holds a node after the job.
        signalled_directly: given a signal's sender pid, whether that sender signalled the
            command itself too (Slurm's step daemon): such signals are not forwarded.
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
    exited_monotonic: float | None = None  # when the command's end was seen (time.monotonic)
    orphans_reaped: int = 0
    followed: str | None = None  # the process followed after the command daemonised


class Supervisor:
    """Launches a command and relays it until it and its output are done."""

    def __init__(
        self,
        options: LaunchOptions,
        on_output: OutputHandler,
        on_signal: Callable[[int, bool], None] | None = None,
        clock: Callable[[], float] = time.time,
        on_event: EventHandler | None = None,
    ) -> None:
        self.options = options
        self._on_output = on_output
        self._on_signal = on_signal or (lambda number, forwarded: None)
        self._on_event = on_event or (lambda level, kind, message: None)
        self._clock = clock
        self.state = "new"
        self.process: subprocess.Popen[bytes] | None = None
        self.used_pty = False
        self.streams_merged = False  # stdout and stderr share one pipe (see start)
        self.started_at = 0.0
        self._fds: dict[int, int] = {}  # our read end -> stream (1 stdout, 2 stderr)
        self._output_names: set[str] = set()  # how /proc/PID/fd shows the command's output
        self._master: int | None = None
        self._forwarded: list[int] = []
        self._not_forwarded: list[int] = []
        self._previous_mask: set[int] = set()
        self._desk: SignalDesk | None = None
        self._wakeup_r = self._wakeup_w = -1
        self._out_failed: set[tuple[int, int]] = set()  # (fd, errno) already warned about
        self._out_closed: set[int] = set()
        self._recording: list[Any] | None = None  # [stream, time of first byte, bytes]
        # Children and job control; guarded by _reap_lock (signal thread and relay both reap).
        self._reap_lock = threading.RLock()
        self._status: ExitStatus | None = None
        self._exited_at: float | None = None
        self._reaper: children.OrphanReaper | None = None
        self._group = 0  # the process group signals go to: the command's (or the followed one's)
        self._followed: int | None = None
        self._followed_name: str | None = None
        self._stop_requested = False
        self._wants_terminal = False  # the command stopped reading or setting the terminal
        self._holds_terminal = False  # mlop gave it the foreground (pipe mode)
        self._ctty: int | None = None
        self._raw: RawMode | None = None
        self._forward_stdin = False
        self._stdin_open = False
        self._stdin_buffer = bytearray()
        self._hung_up = False
        self._closing = False
        self._output_open_after_exit = False
        self._leftovers_ended = 0
        self._dropped: list[int] = []  # outputs whose reader left: no longer read

    # -- launch ------------------------------------------------------------------------

    def start(self) -> int:
        """Launch the command; return its pid.

        Raises:
            CommandNotFoundError: the command does not exist (exit 127).
            CommandNotExecutableError: it exists but cannot be executed (exit 126).
        """
        options = self.options
        # First of all: from here on no signal can end mlop or be lost (signals.py).
        self._previous_mask = block_all()
        stdout_tty = os.isatty(options.stdout_fd)
        use_pty = stdout_tty if options.use_pty is None else options.use_pty
        self.used_pty = use_pty
        stdin_tty = os.isatty(options.stdin_fd)
        stderr_tty = os.isatty(options.stderr_fd)
        self._ctty = job_control.controlling_terminal(
            (options.stdin_fd, options.stdout_fd, options.stderr_fd)
        )
        # `> log 2>&1` (and Slurm's default output file): both streams reach one file, in the
        # order the command wrote them. Two pipes would lose that order; one pipe keeps it.
        merged = not stderr_tty and _same_file(options.stdout_fd, options.stderr_fd)
        self.streams_merged = merged
        child_fds: list[int] = []
        stdin: int | None = options.stdin_fd
        stderr_target: int
        env = dict(options.env)
        if use_pty:
            master, slave = pty.openpty()
            self._master = master
            os.set_blocking(master, False)  # keys are written only as far as the pty takes them
            child_fds.append(slave)
            with contextlib.suppress(OSError):
                self._output_names.add(os.ttyname(slave))
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
                self._raw = RawMode(options.stdin_fd)
            if stderr_tty or merged:
                stderr_target = slave
            else:
                stderr_target = self._pipe(2, child_fds)
        else:
            stdout = stderr_target = self._pipe(1, child_fds)
            if not merged:
                stderr_target = self._pipe(2, child_fds)
            # No PYTHONUNBUFFERED for the command: it made an unflushed, print-heavy Python
            # child 3.4x slower (each print two write calls), and the child's speed and
            # environment are as without mlop. A Python child block-buffers a pipe (8 KiB), as
            # it does into `> log` without mlop; `python -u` or PYTHONUNBUFFERED=1 given to
            # mlop reach it (the README's Buffering has the figures).
        previous_mask = self._previous_mask

        def preexec() -> None:  # in the child, before it runs the command
            if use_pty:
                # A session of its own (start_new_session) with the pty as its controlling
                # terminal: job control, Ctrl-C and SIGWINCH reach it as from a real terminal.
                fcntl.ioctl(1, termios.TIOCSCTTY, 0)
            else:
                # A process group of its own in mlop's session, as a shell starts a job: mlop
                # signals the group as a whole, a terminal's Ctrl-C reaches it once (through
                # mlop), and /dev/tty is the same terminal as without mlop.
                os.setpgid(0, 0)
            unblock_in_child(previous_mask)

        children.set_child_subreaper()
        launch = cast(
            Callable[[list[str]], "subprocess.Popen[bytes]"],
            functools.partial(
                subprocess.Popen,
                stdin=stdin,
                stdout=stdout,
                stderr=stderr_target,
                cwd=options.cwd,
                env=env,
                start_new_session=use_pty,
                preexec_fn=preexec,
                close_fds=True,
            ),
        )
        try:
            self.process = _launch_as_execvp(launch, options.argv, env, options.cwd)
        except OSError as error:
            self._close_all()
            raise _launch_error(
                options.argv[0], error, _resolve(options.argv[0], env, options.cwd)
            ) from error
        finally:
            for fd in child_fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._group = self.process.pid
        self._reaper = children.OrphanReaper(self.process.pid, children.is_helper)
        self.started_at = self._clock()
        self._started_monotonic = time.monotonic()
        self.state = "running"
        self._wakeup_r, self._wakeup_w = os.pipe()
        for fd in (self._wakeup_r, self._wakeup_w):
            os.set_blocking(fd, False)
        self._desk = SignalDesk(self._take_signal, self._signal_fault)
        if not self._desk.start():
            self._on_event(
                "debug",
                "signals.polled",
                "no thread could be started for signals: mlop looks for them every 50 ms",
            )
        return self.process.pid

    def _pipe(self, stream: int, child_fds: list[int]) -> int:
        read_end, write_end = os.pipe()
        enlarge_pipe(write_end)
        child_fds.append(write_end)
        self._fds[read_end] = stream
        with contextlib.suppress(OSError):
            self._output_names.add(f"pipe:[{os.fstat(read_end).st_ino}]")
        return write_end

    def _close_all(self) -> None:
        for fd in list(self._fds):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._fds.clear()
        self.process = None

    # -- signals (in the signal thread, or the relay when there is none) ---------------

    def _take_signal(self, number: int, sender: int, code: int) -> None:
        """What mlop does with signal ``number`` (the table in signals.py)."""
        if number == signal.SIGCHLD:
            self._check_children()
            self._wake()
            return
        if number == signal.SIGWINCH:
            if self._master is not None:
                self._copy_window_size()  # the kernel then signals the command
            else:
                self.forward(number)
            return
        if self._closing:
            # After the command's end: its leftovers are being ended within a bound; a signal
            # now is passed to what is left of its group and is fatal to nothing.
            if number not in job_control.JOB_STOP_SIGNALS and number != signal.SIGCONT:
                self.forward(number)
            return
        if number == signal.SIGCONT:
            self._resume()
            return
        if number in job_control.JOB_STOP_SIGNALS:
            self._stop_command(number)
            return
        if number == signal.SIGXCPU and code == SI_KERNEL:
            self._on_event("warning", "signal", "mlop's own CPU time limit was reached")
            return
        directly = self.options.signalled_directly
        if directly is not None and directly(sender):
            self._not_forwarded.append(number)
            self._on_signal(number, False)
            return
        self.forward(number)
        self._on_signal(number, True)
        if code == SI_USER:
            self._take_resent(number, sender)

    def _take_resent(self, number: int, sender: int) -> None:
        """Take the same signal from the same sender when it is pending again already: sent
        before mlop passed the first one on, it is that one sent twice at once, to mlop and
        then to mlop's process group, as GNU `timeout` does. Without mlop the command gets
        both at once and they count as one; forwarded one by one they would be two (a
        handler that checkpoints on the first and exits hard on the second would lose its
        checkpoint). A signal sent again after the command got the first is forwarded."""
        # A sender that leads mlop's process group and started mlop (GNU timeout does both)
        # may send to the group a moment later: that moment is waited for, no longer.
        wait = _RESEND_WAIT_S if sender == os.getppid() == os.getpgrp() else 0
        try:
            info = signal.sigtimedwait({number}, wait)
        except (InterruptedError, OSError):
            return
        if info is None or (info.si_pid == sender and info.si_code == SI_USER):
            return
        self._take_signal(info.si_signo, info.si_pid, info.si_code)  # another sender's

    def _signal_fault(self, error: BaseException) -> None:
        self._on_event("warning", "signals", f"handling a signal failed: {error!r}")

    def forward(self, number: int) -> None:
        """Send signal ``number`` to the command's whole process group, once."""
        if not self._group:
            return
        try:
            os.killpg(self._group, number)
        except ProcessLookupError:
            return
        except PermissionError:
            with contextlib.suppress(OSError):
                os.kill(self._group, number)
        self._forwarded.append(number)

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            os.write(self._wakeup_w, b"\0")

    def _copy_window_size(self) -> None:
        options = self.options
        if self._master is None:
            return
        source = options.stdout_fd if os.isatty(options.stdout_fd) else options.stdin_fd
        copy_window_size(source, self._master)

    # -- children ----------------------------------------------------------------------

    def _check_children(self) -> None:
        """Reap: the command's end or stop, the followed process's end, the orphans."""
        with self._reap_lock:
            if self.process is None:
                return
            pid = self._followed or self.process.pid
            while self._status is None:
                try:
                    waited, wait_status = os.waitpid(pid, os.WNOHANG | os.WUNTRACED | os.WCONTINUED)
                except ChildProcessError:
                    self._ended(ExitStatus(1, None, "lost track of the command"))
                    break
                if waited == 0:
                    break
                if os.WIFSTOPPED(wait_status):
                    if self._followed is None:
                        self._command_stopped(os.WSTOPSIG(wait_status))
                elif not os.WIFCONTINUED(wait_status):
                    if self._followed is None:
                        # Who kept the command's output, at the moment it ended (a process that
                        # ends later has no descriptors left to tell).
                        self._heirs = self._output_keepers()
                    self._ended(decode_wait_status(wait_status))
            if self._reaper is not None:
                self._reaper.reap()
            if self._heirs and self._status is not None:
                self._follow_if_daemonised(self._status)

    def _ended(self, status: ExitStatus) -> None:
        if self._followed is not None:
            first = self._status_before_follow
            self._on_event(
                "info",
                "daemon.ended",
                f"the process mlop followed, {self._followed_name}, ended: {status.message}"
                f" (the command itself: {first.message if first else 'unknown'})",
            )
        self._status = status
        self._exited_at = time.monotonic()
        assert self.process is not None
        self.process.returncode = status.code
        self._wake()

    _status_before_follow: ExitStatus | None = None
    _started_monotonic = 0.0
    _heirs: list[int] = []  # replaced, never mutated

    def _output_keepers(self) -> list[int]:
        """Processes the command left behind that keep its whole output (stdout and stderr), when
        it may have daemonised (it exited at once); [] otherwise."""
        assert self.process is not None and self._reaper is not None
        if time.monotonic() - self._started_monotonic > _DAEMONISE_WITHIN_S:
            return []
        adopted = [
            pid
            for pid in children.child_pids()
            if pid != self.process.pid and self._reaper.is_orphan(pid)
        ]
        return children.holders_of(adopted, self._output_names)

    def _follow_if_daemonised(self, status: ExitStatus) -> bool:
        """The command exited at once with success, leaving one process that kept its whole
        output (as `setsid cmd` does; a process started with its own output is a leftover) and
        left its process group: follow that one as the command (see _DAEMONISE_WITHIN_S) and
        take its exit status. True when so. Tried until the drain is over: setsid's child
        leaves the group a moment after the command has exited."""
        assert self.process is not None and self._reaper is not None
        if status.code != 0 or status.signal is not None or self._followed is not None:
            self._heirs = []
            return False
        own = children.session_and_group(os.getpid())
        detached: list[tuple[int, int]] = []  # (pid, its group)
        for pid in self._heirs:
            if children.is_helper(pid):
                continue
            ended = self._reaper.reaped.get(pid)
            if ended is not None:
                group = ended[1]
                where = None
            else:
                where = children.session_and_group(pid)
                if where is None:
                    continue
                group = where[1]
            if group != self.process.pid and where != own:
                detached.append((pid, group))
        if len(detached) != 1:
            return False
        ((pid, group),) = detached
        self._heirs = []
        self._status_before_follow = status
        self._followed = pid
        self._followed_name = children.describe(pid)
        self._group = group
        self._on_event(
            "info",
            "daemon.followed",
            f"the command exited with 0 at once, leaving {self._followed_name}, which left its"
            " process group and keeps its output (it daemonised, as `setsid` does when it leads"
            " a group): mlop follows it to its end and records its exit status",
        )
        ended = self._reaper.reaped.get(pid)
        if ended is not None:  # it has ended already (reaped as an orphan)
            self._ended(decode_wait_status(ended[0]))
            return True
        self._reaper.command = pid  # waited for as the command now, not as an orphan
        self._status = None
        self._exited_at = None
        self.state = "running"
        return True

    # -- job control -------------------------------------------------------------------

    def _stop_command(self, number: int) -> None:
        """SIGTSTP, SIGTTIN or SIGTTOU reached mlop (Ctrl-Z, or kill): stop the command as the
        terminal would, unless nobody could continue it; mlop stops when the command has."""
        if self._status is not None or self.process is None:
            return
        if job_control.own_group_orphaned():
            # As the kernel would for the command in mlop's place: discarded.
            self._on_event(
                "info",
                "signal",
                f"received {signal_name(number)}; not passed on: no shell could continue the job",
            )
            return
        self._stop_requested = True
        if self.used_pty:
            job_control.stop_group_as_terminal_would(self._group, self.process.pid, number)
        else:
            self.forward(number)
        self._on_signal(number, True)

    def _command_stopped(self, number: int) -> None:
        """The command stopped (WUNTRACED): stop mlop with it, as a job stops in a shell."""
        requested, self._stop_requested = self._stop_requested, False
        wants_terminal = number in (signal.SIGTTIN, signal.SIGTTOU)
        if not self.used_pty and wants_terminal and self._ctty is not None:
            # It read the terminal, or set its modes, from the background group mlop started
            # it in: a shell would have it in the foreground. Give it the terminal when mlop
            # has it, and continue it.
            self._wants_terminal = True
            if job_control.is_foreground(self._ctty):
                self._hand_terminal_over()
                return
        if number not in job_control.JOB_STOP_SIGNALS and not requested:
            return  # a debugger's SIGSTOP: not a job stop; whoever stopped it continues it
        if job_control.own_group_orphaned():
            return  # nobody could continue mlop
        if self._raw is not None:
            self._raw.leave()
        self._forward_stdin = False
        self._on_event("info", "job.stopped", f"the command stopped ({signal_name(number)})")
        job_control.stop_own_job(number if number in job_control.JOB_STOP_SIGNALS else 20)
        # Continued: the SIGCONT that did it is taken next (_resume).

    def _hand_terminal_over(self) -> None:
        assert self._ctty is not None and self.process is not None
        if job_control.give_terminal(self._ctty, self._group):
            self._holds_terminal = True
        with contextlib.suppress(OSError):
            os.killpg(self._group, signal.SIGCONT)

    def _resume(self) -> None:
        """mlop was continued (``fg``, ``bg``): take up the terminal if it is ours, continue the
        command."""
        if self._status is not None or self.process is None:
            return
        foreground = job_control.is_foreground(self._ctty)
        if self.used_pty:
            self._copy_window_size()
            self._forward_stdin = False
            if (
                self._raw is not None
                and self._stdin_open
                and job_control.may_use_terminal(self._raw.fd)
            ):
                self._stdin_buffer += _typed(self._raw.enter(), self._master)
                self._forward_stdin = True
        elif foreground and (self._holds_terminal or self._wants_terminal):
            self._hand_terminal_over()
        with contextlib.suppress(OSError):
            os.killpg(self._group, signal.SIGCONT)
        self._wake()

    # -- relay -------------------------------------------------------------------------

    def wait(self) -> Outcome:
        """Relay output and signals until the command has exited and its output is drained."""
        assert self.process is not None, "start() first"
        if self._raw is not None:
            self._stdin_open = True
            if job_control.may_use_terminal(self.options.stdin_fd):
                # Keys typed ahead in line mode go first.
                self._stdin_buffer += _typed(self._raw.enter(), self._master)
                self._forward_stdin = True
        try:
            status = self._relay()
        finally:
            self._closing = True
            self._hand_over()
            if self._raw is not None:
                self._raw.leave()
            for fd in list(self._fds):
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._fds.clear()
        ended = self._clock()
        self.state = "done"
        return Outcome(
            exit=status,
            pid=self.process.pid,
            started_at=self.started_at,
            ended_at=ended,
            used_pty=self.used_pty,
            signals_forwarded=list(self._forwarded),
            signals_not_forwarded=list(self._not_forwarded),
            leftovers_ended=self._leftovers_ended,
            output_open_after_exit=self._output_open_after_exit,
            exited_monotonic=self._exited_at,
            orphans_reaped=len(self._reaper.reaped) if self._reaper else 0,
            followed=self._followed_name,
        )

    def _relay(self) -> ExitStatus:
        assert self.process is not None and self._desk is not None
        desk = self._desk
        stdin_fd = self.options.stdin_fd
        master = self._master
        poller = select.poll()
        for fd in self._fds:
            poller.register(fd, select.POLLIN)
        poller.register(self._wakeup_r, select.POLLIN)
        stdin_mask = master_mask = 0
        read_size = _SMALL_READ_SIZE
        pace = master is None
        pacing = False
        ending: _Ending | None = None
        next_check = time.monotonic() + 1.0
        self._check_children()
        while True:
            if not desk.threaded:
                desk.take_pending()
            status = self._status
            now = time.monotonic()
            if status is None and ending is not None:
                ending = None  # the command daemonised: mlop follows the process it left
                self._closing = False
            if status is not None:
                if ending is None:
                    self.state = "draining"
                    ending = _Ending(now, self.options.leftover_grace_s)
                    self._closing = True
                if self._heirs and ending.draining:
                    # Looked at all through the drain: `setsid` forks, and its child leaves the
                    # command's group a moment after the command has exited.
                    with self._reap_lock:  # the signal thread reaps meanwhile
                        self._follow_if_daemonised(status)
                    if self._status is None or self._status is not status:
                        ending = None
                        continue
                    timeout = ending.step(self, now)
                    if timeout is not None:
                        timeout = min(timeout, 0.05)
                else:
                    self._heirs = []
                    timeout = ending.step(self, now)
                if timeout is None:
                    return status
            elif now >= next_check:
                # A safety net: a stop or an end is seen even should a SIGCHLD be missed.
                self._check_children()
                next_check = now + 1.0
                continue
            else:
                timeout = next_check - now
            if not desk.threaded:
                timeout = min(timeout, _POLLED_SIGNALS_S)
            # What to wait for on the command's input: the user's keys while there is room
            # for them, the pty's room while keys wait for it.
            want_stdin = (
                select.POLLIN
                if self._forward_stdin
                and self._stdin_open
                and len(self._stdin_buffer) < _STDIN_BUFFER
                else 0
            )
            if want_stdin != stdin_mask:
                if stdin_mask:
                    poller.unregister(stdin_fd)
                if want_stdin:
                    poller.register(stdin_fd, want_stdin)
                stdin_mask = want_stdin
            if master is not None and master in self._fds:
                want_master = select.POLLIN | (select.POLLOUT if self._stdin_buffer else 0)
                if want_master != master_mask:
                    poller.modify(master, want_master)
                    master_mask = want_master
            polled_at = time.monotonic()
            try:
                events = poller.poll(0) if self._recording else []
                if not events:
                    self._hand_over()  # the output paused: record what gathered
                    events = poller.poll(int(max(0.0, timeout) * 1000) + 1)
            except InterruptedError:
                continue
            waited = time.monotonic() - polled_at
            short_read = False
            got_output = False
            for fd, mask in events:
                if fd == self._wakeup_r:
                    with contextlib.suppress(OSError):
                        while os.read(self._wakeup_r, 512):
                            pass
                    continue
                if fd == stdin_fd and stdin_mask and fd not in self._fds:
                    self._read_stdin(stdin_fd)
                    continue
                stream = self._fds.get(fd)
                if stream is None:
                    continue
                if fd == master and mask & select.POLLOUT:
                    self._write_keys()
                    if not mask & (select.POLLIN | select.POLLHUP | select.POLLERR):
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
                    if fd == master:
                        master_mask = 0
                    with contextlib.suppress(OSError):
                        os.close(fd)
                    del self._fds[fd]
                    self._check_children()
                    continue
                read_size = _READ_SIZE if len(data) == read_size else _SMALL_READ_SIZE
                if len(data) < _SMALL_READ:
                    short_read = True
                got_output = True
                self._pass_through(fd, stream, data)
            while self._dropped:
                fd = self._dropped.pop()
                poller.unregister(fd)
                with contextlib.suppress(OSError):
                    os.close(fd)
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

    # -- the command's input (pty mode) -------------------------------------------------

    def _read_stdin(self, stdin_fd: int) -> None:
        """Take the user's keys into the bounded buffer; a closed terminal hangs the command up."""
        room = _STDIN_BUFFER - len(self._stdin_buffer)
        try:
            data = os.read(stdin_fd, max(1, room))
        except BlockingIOError:
            return
        except OSError as error:
            if error.errno == errno.EIO and not job_control.may_use_terminal(stdin_fd):
                # Read from the background (fg/bg raced us): not ours to read now.
                self._forward_stdin = False
                return
            data = b""
        if not data:
            self._stdin_open = False
            self._forward_stdin = False
            self._hang_up()
            return
        suspend = job_control.suspend_character(self._master) if self._master is not None else None
        if suspend is not None and suspend in data:
            self._suspend_key(data, suspend)
            return
        self._stdin_buffer += data
        self._write_keys()

    def _suspend_key(self, data: bytes, suspend: bytes) -> None:
        """Ctrl-Z typed for a command that leads its pty session: the kernel would discard the
        SIGTSTP it makes there (an orphaned group), so mlop does what a terminal in a shell's
        session would: stop the command, and mlop with it."""
        assert self.process is not None and self._master is not None
        before, _, after = data.partition(suspend)
        self._stdin_buffer += before
        self._write_keys()
        try:
            foreground = os.tcgetpgrp(self._master)
        except OSError:
            foreground = -1
        if foreground != self.process.pid or self._stdin_buffer:
            # A shell inside manages its own jobs; or keys still wait: pass Ctrl-Z as typed.
            self._stdin_buffer += suspend
        else:
            self._stop_command(signal.SIGTSTP)
        self._stdin_buffer += after
        self._write_keys()

    def _write_keys(self) -> None:
        """Write the buffered keys as far as the pty takes them now (it is non-blocking)."""
        if not self._stdin_buffer or self._master is None:
            return
        try:
            written = os.write(self._master, self._stdin_buffer)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._stdin_buffer.clear()  # the command's side is gone
            return
        del self._stdin_buffer[:written]

    def _hang_up(self) -> None:
        """The user's terminal is gone: hang the command up, as the kernel hangs up a terminal's
        session (SIGHUP, then SIGCONT for a stopped one), once."""
        if self._hung_up or self._status is not None or self.process is None:
            return
        self._hung_up = True
        if signal.SIGHUP not in self._forwarded:
            self.forward(signal.SIGHUP)
            with contextlib.suppress(OSError):
                os.killpg(self._group, signal.SIGCONT)
        self._on_event(
            "warning",
            "terminal.closed",
            "the terminal closed: the command was hung up (SIGHUP), as without mlop",
        )

    # -- the end -----------------------------------------------------------------------

    def _leftovers(self) -> list[int]:
        """The live processes of the command's tree, now that the command has ended."""
        assert self.process is not None
        with self._reap_lock:
            self._check_children()
            return children.command_tree(self.process.pid, children.is_helper)

    def _say_leftovers(self, ended: list[int], killed: list[int]) -> None:
        names = ", ".join(children.describe(pid) for pid in ended[:5])
        more = f" and {len(ended) - 5} more" if len(ended) > 5 else ""
        tail = (
            f"; {len(killed)} ignored SIGTERM and got SIGKILL {_KILL_AFTER_S:g} s later"
            if killed
            else ""
        )
        self._on_event(
            "warning",
            "leftovers",
            f"{len(ended)} process(es) of the command outlived it and were ended with SIGTERM:"
            f" {names}{more}{tail}",
        )

    # -- the command's output -----------------------------------------------------------

    def _pass_through(self, fd: int, stream: int, data: bytes) -> None:
        out_fd = self.options.stdout_fd if stream == 1 else self.options.stderr_fd
        if out_fd not in self._out_closed:
            self._write_out(out_fd, fd, data)
        # Recording is batched: consecutive reads of a stream are handed over together when
        # the output pauses, 64 KiB have gathered or 0.2 s have passed (a fast writer under a
        # pty comes in reads of a few lines each; one record per read cost the parser and
        # writer threads more than the relay itself). The terminal got every byte at once.
        pending = self._recording
        if pending is not None and pending[0] != stream:
            self._hand_over()
            pending = None
        if pending is None:
            self._recording = [stream, self._clock(), bytearray(data)]
            return
        pending[2] += data
        if len(pending[2]) >= _RECORD_BATCH or self._clock() - pending[1] >= _RECORD_MAX_AGE_S:
            self._hand_over()

    def _write_out(self, out_fd: int, source_fd: int, data: bytes) -> None:
        """Write ``data`` whole to ``out_fd``; a failure is said once and never ends passthrough.

        A write that fails for a while (a full disk, a terminal gone, EFBIG at a size limit)
        loses those bytes for the output (they are in the store) and the next chunk is tried
        again; only a reader gone for good (EPIPE) or a closed descriptor stops the writing.
        """
        view = memoryview(data)
        while view:
            try:
                written = os.write(out_fd, view)
            except BlockingIOError:
                # Someone set O_NONBLOCK on a descriptor we share: wait until it takes more.
                select.select([], [out_fd], [], 1.0)
                continue
            except InterruptedError:
                continue
            except BrokenPipeError:
                # Our reader went away (`mlop run ... | head`): as without mlop, the child
                # should see EPIPE/SIGPIPE on its next write, so stop reading its output.
                self._out_closed.add(out_fd)
                if self._master is None:
                    self._drop_output(source_fd)
                return
            except OSError as error:
                if error.errno == errno.EBADF:
                    self._out_closed.add(out_fd)
                    return
                failure = (out_fd, error.errno or 0)
                if failure not in self._out_failed:
                    self._out_failed.add(failure)
                    self._on_event(
                        "warning",
                        "output.write",
                        f"writing the command's output to {_stream_name(out_fd, self.options)}"
                        f" failed ({error.strerror}); mlop goes on trying, and the store has"
                        " every byte",
                    )
                return
            view = view[written:]

    def _drop_output(self, fd: int) -> None:
        if fd in self._fds:
            del self._fds[fd]
            self._dropped.append(fd)

    def _hand_over(self) -> None:
        """Give the output gathered for recording to ``on_output``."""
        pending, self._recording = self._recording, None
        if not pending:
            return
        try:
            self._on_output(pending[0], bytes(pending[2]), pending[1])
        except Exception:  # recording must never stop passthrough
            pass


class _Ending:
    """After the command's end: drain its output, then end what is left of it, within a bound.

    Output still open ``grace`` after the end, or processes of the command's tree left once
    the output closed, get SIGTERM; what is still there _KILL_AFTER_S later gets SIGKILL; mlop
    stops waiting for output _GIVE_UP_AFTER_KILL_S after that.
    """

    def __init__(self, exited_at: float, grace: float) -> None:
        self.drain_until = exited_at + grace
        self.kill_at: float | None = None
        self.give_up_at: float | None = None
        self.ended: list[int] = []

    @property
    def draining(self) -> bool:
        """Still in the grace period: nothing was ended yet."""
        return self.kill_at is None and self.give_up_at is None

    def step(self, supervisor: Supervisor, now: float) -> float | None:
        """The poll timeout until the next step, or None when the ending is done."""
        outputs_open = bool(supervisor._fds)
        if self.draining:
            if outputs_open and now < self.drain_until:
                return self.drain_until - now
            leftovers = supervisor._leftovers()
            if not leftovers:
                supervisor._output_open_after_exit = outputs_open
                return None
            self._signal(leftovers, signal.SIGTERM)
            self.ended = leftovers
            supervisor._leftovers_ended = len(leftovers)
            supervisor._output_open_after_exit = outputs_open
            self.kill_at = now + _KILL_AFTER_S
        alive = [pid for pid in self.ended if not children._is_zombie(pid)]
        if self.kill_at is not None:
            if not alive and not outputs_open:
                supervisor._say_leftovers(self.ended, [])
                return None
            if now < self.kill_at:
                return min(0.05, self.kill_at - now)
            stubborn = [*alive, *(p for p in supervisor._leftovers() if p not in alive)]
            self._signal(stubborn, signal.SIGKILL)
            supervisor._say_leftovers(self.ended, stubborn)
            self.kill_at = None
            self.give_up_at = now + _GIVE_UP_AFTER_KILL_S
        if not outputs_open or self.give_up_at is None or now >= self.give_up_at:
            return None
        return min(0.05, self.give_up_at - now)

    @staticmethod
    def _signal(pids: list[int], number: int) -> None:
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, number)


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


def _typed(chunks: list[bytes | None], master: int | None) -> bytes:
    """Keys typed ahead in line mode as bytes for the pty; an end of file as its EOF key."""
    out = b""
    for chunk in chunks:
        if chunk is None:
            eof = b"\x04"
            with contextlib.suppress(termios.error, OSError, TypeError):
                key = termios.tcgetattr(master)[6][termios.VEOF] if master is not None else eof
                eof = key if isinstance(key, bytes) and key != b"\0" else eof
            out += eof
        else:
            out += chunk
    return out


def _stream_name(fd: int, options: LaunchOptions) -> str:
    return "stdout" if fd == options.stdout_fd else "stderr"
