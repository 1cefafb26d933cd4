"""Job control as a shell does it: whose the terminal is, who may stop, how mlop stops itself.

credentials(7) and setpgid(2): a terminal's job-control signals (Ctrl-Z's SIGTSTP, SIGTTIN for a
background read, SIGTTOU for a background write or mode change) stop a process only when its
process group is not *orphaned*, that is when some process in another group of the same session
(a shell) is there to continue it. The kernel silently discards them otherwise. mlop stands
between the shell and the command, so it decides, as the kernel would have for the command in
mlop's place, whether a stop happens; then it stops the command and itself, and continues both.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import termios
from collections.abc import Iterable

# The signals that stop a job from a terminal (SIGSTOP is no job-control request: a debugger's).
JOB_STOP_SIGNALS = frozenset({signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU})


def controlling_terminal(fds: Iterable[int]) -> int | None:
    """The first of ``fds`` that is this process's controlling terminal, or None."""
    try:
        with open("/proc/self/stat", "rb") as file:
            text = file.read()
        tty_nr = int(text[text.rfind(b")") + 2 :].split()[4])  # proc(5): the terminal's device
    except (OSError, ValueError, IndexError):
        return None
    if tty_nr == 0:
        return None
    for fd in fds:
        try:
            if os.isatty(fd) and os.fstat(fd).st_rdev == tty_nr:
                return fd
        except OSError:
            continue
    return None


def is_foreground(tty_fd: int | None) -> bool:
    """Whether this process's group owns terminal ``tty_fd`` (False without a terminal)."""
    if tty_fd is None:
        return False
    try:
        return os.tcgetpgrp(tty_fd) == os.getpgrp()
    except OSError:
        return False


def may_use_terminal(tty_fd: int) -> bool:
    """Whether this process may read terminal ``tty_fd`` and change its modes now: it is in the
    foreground there, or the terminal is not its controlling terminal (no job control then)."""
    try:
        return os.tcgetpgrp(tty_fd) == os.getpgrp()
    except OSError as error:
        return error.errno == errno.ENOTTY


def give_terminal(tty_fd: int, group: int) -> bool:
    """Make ``group`` the foreground group of ``tty_fd``; True when done.

    A background process doing so gets SIGTTOU, which mlop keeps blocked: the call then
    proceeds (tcsetpgrp(3)), as a shell's does.
    """
    try:
        os.tcsetpgrp(tty_fd, group)
    except OSError:
        return False
    return True


def _stat(pid: int) -> tuple[int, int, int] | None:
    """(parent pid, process group, session) of ``pid`` from /proc, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as file:
            text = file.read()
    except OSError:
        return None
    fields = text[text.rfind(b")") + 2 :].split()
    try:
        return int(fields[1]), int(fields[2]), int(fields[3])
    except (IndexError, ValueError):
        return None


def own_group_orphaned() -> bool:
    """Whether this process's group is orphaned: nobody in the session could continue it.

    The group is not orphaned when a member's parent is in the same session and another group
    (an interactive shell). The members looked at: this process and its ancestors in its group
    (``sh -c 'mlop run ...'`` puts mlop and sh in one group, under the shell).
    """
    group, session = os.getpgrp(), os.getsid(0)
    pid = os.getpid()
    for _ in range(64):  # a chain of ancestors in one group is short; bounded all the same
        info = _stat(pid)
        if info is None:
            return True
        parent = info[0]
        if parent <= 0:
            return True
        parent_info = _stat(parent)
        if parent_info is None:
            return True
        if parent_info[2] != session:
            return True
        if parent_info[1] != group:
            return False
        pid = parent
    return True


def signal_disposition(pid: int, number: int) -> str:
    """How process ``pid`` treats signal ``number``: "caught", "ignored" or "default"."""
    caught = ignored = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("SigCgt:"):
                    caught = int(line.split()[1], 16)
                elif line.startswith("SigIgn:"):
                    ignored = int(line.split()[1], 16)
    except (OSError, ValueError, IndexError):
        return "default"
    bit = 1 << (number - 1)
    if caught & bit:
        return "caught"
    return "ignored" if ignored & bit else "default"


def stop_group_as_terminal_would(group: int, leader: int, number: int) -> bool:
    """Stop process group ``group`` with ``number`` although the kernel would discard it there.

    The command under a pseudo-terminal leads a session of its own, so its group is orphaned
    and a default SIGTSTP (Ctrl-Z in it, or one mlop passes on) is discarded: Ctrl-Z did
    nothing. A command that catches the signal gets it (its handler decides); one that ignores
    it is left alone; otherwise the group gets SIGSTOP, the default action's effect. True when
    the group was asked to stop.
    """
    disposition = signal_disposition(leader, number)
    try:
        if disposition == "caught":
            os.killpg(group, number)
        elif disposition == "default":
            os.killpg(group, signal.SIGSTOP)
        else:
            return False
    except OSError:
        return False
    return True


def stop_own_job(number: int) -> None:
    """Stop this process's whole group with job-control signal ``number``, as Ctrl-Z would.

    The shell sees the job stopped (and says "Stopped", or "Stopped (tty input)" for SIGTTIN)
    and continues it with SIGCONT on ``fg`` or ``bg``. mlop keeps the signal blocked in every
    thread; this thread unblocks it for the moment of the stop, and blocks it again once
    continued.
    """
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {number})
    try:
        os.killpg(os.getpgrp(), number)
    except OSError:
        with contextlib.suppress(OSError):
            os.kill(os.getpid(), signal.SIGSTOP)
    finally:
        # Delivered on the way back from kill(): by the time this runs, mlop was continued.
        signal.pthread_sigmask(signal.SIG_BLOCK, {number})


def suspend_character(tty_fd: int) -> bytes | None:
    """The key that suspends on terminal ``tty_fd`` (Ctrl-Z), when its line discipline sends
    signals (ISIG); None otherwise (a raw-mode program reads Ctrl-Z as data)."""
    try:
        attrs = termios.tcgetattr(tty_fd)
    except termios.error:
        return None
    if not attrs[3] & termios.ISIG:
        return None
    key = attrs[6][termios.VSUSP]
    if isinstance(key, int):
        key = bytes([key])
    return key if key and key != b"\0" else None
