"""Terminal plumbing: raw mode with guaranteed restore, window size, pipe sizes."""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import select
import struct
import termios
import threading
import tty
from typing import Any

_F_SETPIPE_SZ = 1031  # Linux; absent from older Pythons' fcntl module
_PIPE_SIZE = 1 << 20


class RawMode:
    """The user's terminal in raw mode while mlop is in the foreground, restored otherwise.

    Raw mode hands every key (Ctrl-C included) to the child's pseudo-terminal, whose own line
    discipline turns it into a signal for the child: Ctrl-C interrupts the child exactly once
    and never mlop. It is left before mlop stops with the command (Ctrl-Z) and entered again
    when continued in the foreground; never touched from the background (`mlop run ... &`),
    where changing the terminal's modes is the shell's business.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._saved: list[Any] | None = None
        self._lock = threading.Lock()  # entered by the relay, left by the signal thread

    @property
    def active(self) -> bool:
        """Whether the terminal is in raw mode now."""
        return self._saved is not None

    def enter(self) -> list[bytes | None]:
        """Switch to raw mode (no-op when in it); return what was typed ahead in line mode.

        Returns:
            The lines typed before the switch, to be forwarded first, and None for an end of
            file (Ctrl-D). The switch would turn a pending end of file into a NUL byte:
            ``script -qec 'mlop run ...' </dev/null`` sends Ctrl-D at once, and the command saw
            ``^@`` and never its end of input.
        """
        with self._lock:
            if self._saved is not None:
                return []
            try:
                saved = termios.tcgetattr(self.fd)
                typed = _typed_ahead(self.fd) if saved[3] & termios.ICANON else []
                tty.setraw(self.fd, termios.TCSANOW)
            except (termios.error, OSError):
                return []
            self._saved = saved
            atexit.register(self.leave)  # also on an exception escaping or sys.exit
            return typed

    def leave(self) -> None:
        """Restore the modes saved when raw mode was entered (no-op when not in it)."""
        with self._lock:
            saved, self._saved = self._saved, None
            if saved is None:
                return
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.fd, termios.TCSAFLUSH, saved)
            with contextlib.suppress(Exception):
                atexit.unregister(self.leave)


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
