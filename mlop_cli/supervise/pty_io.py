"""Terminal plumbing: raw mode with guaranteed restore, window size, pipe sizes."""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import struct
import termios
import tty
from collections.abc import Iterator

_F_SETPIPE_SZ = 1031  # Linux; absent from older Pythons' fcntl module
_PIPE_SIZE = 1 << 20


@contextlib.contextmanager
def raw_terminal(fd: int) -> Iterator[None]:
    """Put terminal ``fd`` in raw mode for the block; restore it whatever happens.

    Raw mode hands every key (Ctrl-C included) to the child's pseudo-terminal, whose own line
    discipline turns it into a signal for the child: Ctrl-C interrupts the child exactly once
    and never mlop.
    """
    saved = termios.tcgetattr(fd)

    def restore() -> None:
        with contextlib.suppress(termios.error, OSError):
            termios.tcsetattr(fd, termios.TCSAFLUSH, saved)

    atexit.register(restore)  # also on an exception escaping the block or sys.exit
    tty.setraw(fd, termios.TCSANOW)
    try:
        yield
    finally:
        restore()
        atexit.unregister(restore)


def copy_window_size(source_fd: int, target_fd: int) -> None:
    """Copy the window size of terminal ``source_fd`` to ``target_fd`` (a pty master)."""
    try:
        size = fcntl.ioctl(source_fd, termios.TIOCGWINSZ, b"\0" * 8)
        rows, cols = struct.unpack("HHHH", size)[:2]
        if rows and cols:
            fcntl.ioctl(target_fd, termios.TIOCSWINSZ, size)
    except OSError:
        pass


def enlarge_pipe(fd: int) -> None:
    """Grow a pipe's kernel buffer to 1 MiB, so a fast child rarely waits on mlop's reads."""
    with contextlib.suppress(OSError):
        fcntl.fcntl(fd, _F_SETPIPE_SZ, _PIPE_SIZE)


def set_child_subreaper() -> bool:
    """Make orphaned descendants re-parent to this process (Linux ``PR_SET_CHILD_SUBREAPER``).

    Then a data-loader worker or a daemonised grandchild that outlives the command is still
    ours to find and end, instead of vanishing under init.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False
