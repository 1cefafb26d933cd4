"""Terminal plumbing: raw mode with guaranteed restore, window size, pipe sizes."""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import select
import struct
import termios
import tty
from collections.abc import Iterator

_F_SETPIPE_SZ = 1031  # Linux; absent from older Pythons' fcntl module
_PIPE_SIZE = 1 << 20


@contextlib.contextmanager
def raw_terminal(fd: int) -> Iterator[list[bytes | None]]:
    """Put terminal ``fd`` in raw mode for the block; restore it whatever happens.

    Raw mode hands every key (Ctrl-C included) to the child's pseudo-terminal, whose own line
    discipline turns it into a signal for the child: Ctrl-C interrupts the child exactly once
    and never mlop.

    Yields:
        What was typed ahead in the terminal's line mode before the switch, to be forwarded
        first: whole lines, and None for an end of file (Ctrl-D). The switch would turn a
        pending end of file into a NUL byte: ``script -qec 'mlop run ...' </dev/null`` sends
        Ctrl-D at once, and the command saw ``^@`` and never its end of input.
    """
    saved = termios.tcgetattr(fd)
    typed = _typed_ahead(fd) if saved[3] & termios.ICANON else []

    def restore() -> None:
        with contextlib.suppress(termios.error, OSError):
            termios.tcsetattr(fd, termios.TCSAFLUSH, saved)

    atexit.register(restore)  # also on an exception escaping the block or sys.exit
    tty.setraw(fd, termios.TCSANOW)
    try:
        yield typed
    finally:
        restore()
        atexit.unregister(restore)


def _typed_ahead(fd: int, limit: int = 64) -> list[bytes | None]:
    """Read the complete lines and ends of file waiting in a line-mode terminal, never blocking."""
    chunks: list[bytes | None] = []
    try:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    except OSError:
        return chunks
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    try:
        fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        while len(chunks) < limit and poller.poll(0):
            data = os.read(fd, 65536)  # one line, or b"" for a Ctrl-D at a line's start
            chunks.append(data or None)
    except OSError:  # BlockingIOError: nothing complete is left
        pass
    finally:
        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, fcntl.F_SETFL, flags)
    return chunks


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
